"""Numbers and dates as the report writes them."""

from __future__ import annotations

import datetime as dt

import pytest

from swot.report.text import STRINGS, fmt_date, fmt_int, fmt_num, fmt_pct, ltr, tr


def test_persian_digits_and_separators() -> None:
    assert fmt_num(0.1309, "fa") == "۰٫۱۳۱"
    assert fmt_num(-1.5, "fa", 1) == "−۱٫۵"
    assert fmt_num(0.1309, "en") == "0.131"
    assert fmt_int(10000, "fa") == "۱۰٬۰۰۰"
    assert fmt_int(10000, "en") == "10,000"
    assert fmt_pct(0.913, "fa") == "۹۱٫۳٪"
    assert fmt_pct(0.913, "en") == "91.3%"
    assert fmt_num(float("nan"), "fa") == "—"


@pytest.mark.parametrize(("day", "fa", "en"), [
    # 1 Farvardin 1405 = 21 March 2026 (Nowruz); months 1-6 have 31 days, 7-8 have 30, so
    # 1 Azar = 21 March + 246 days = 22 November 2026 and 29 November is 8 Azar.
    (dt.date(2026, 11, 29), "۸ آذر ۱۴۰۵", "29 November 2026"),
    (dt.date(2026, 3, 21), "۱ فروردین ۱۴۰۵", "21 March 2026"),
    (dt.date(2026, 3, 20), "۲۹ اسفند ۱۴۰۴", "20 March 2026"),
])
def test_dates(day: dt.date, fa: str, en: str) -> None:
    assert fmt_date(day, "fa") == fa
    assert fmt_date(day, "en") == en


def test_every_string_has_both_languages_and_same_placeholders() -> None:
    import string

    for key, texts in STRINGS.items():
        assert set(texts) == {"en", "fa"}, key
        names = [{f for _, f, _, _ in string.Formatter().parse(texts[lang]) if f}
                 for lang in ("en", "fa")]
        assert names[0] == names[1], key


def test_latin_isolated_in_persian_only() -> None:
    assert ltr("000_a.txt", "fa") == "\u2066000_a.txt\u2069"
    assert ltr("000_a.txt", "en") == "000_a.txt"
    with pytest.raises(ValueError, match="unknown language"):
        tr("summary", "de")


def test_the_report_font_has_every_glyph_of_the_reports_own_text() -> None:
    from importlib import resources

    from fontTools.ttLib import TTFont

    from swot.report.text import GROUP_NAMES, NETWORK_REFERENCES

    font = resources.files("swot.report") / "fonts" / "Vazirmatn-Regular.ttf"
    with font.open("rb") as handle:
        cmap = TTFont(handle).getBestCmap()
    texts = [t for v in STRINGS.values() for t in v.values()] + list(NETWORK_REFERENCES)
    texts += [t for v in GROUP_NAMES.values() for t in v.values()]
    texts.append("۰۱۲۳۴۵۶۷۸۹٫٬٪−—…")
    missing = {ch for text in texts for ch in text
               if ord(ch) not in cmap and ch not in "\u2066\u2069\n"}
    assert not missing  # e.g. λ and arrows are not in Vazirmatn
