"""The rendered report: Persian text shaped and extractable in logical order, the same bytes
for the same input, user text shown literally in HTML."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from report_testdata import TEHRAN, pdf_text, tie_data

from swot.io import load_model, model_from_dict
from swot.report import ReportInput, build_report
from swot.report.html import render_html
from swot.report.pdf import render_pdf

DAY = dt.date(2026, 11, 29)
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext, pdftoppm) not installed")


def _report(model, lang: str):
    return build_report(ReportInput(
        model=model, lang=lang, day=DAY, source_kind="file", source_name="m.json",
        model_sha256="ab" * 32, engine="swot-anp test", command="swot-anp report m.json",
        samples=1000))


@pytest.fixture(scope="module")
def tehran_fa():
    return _report(load_model(TEHRAN), "fa")


@pytest.fixture(scope="module")
def tehran_fa_pdf(tehran_fa) -> bytes:
    return render_pdf(tehran_fa)


@needs_poppler
def test_persian_labels_come_back_in_logical_order(tehran_fa_pdf: bytes, tmp_path: Path) -> None:
    text = pdf_text(tehran_fa_pdf, tmp_path)
    model = load_model(TEHRAN)
    # Strategy labels, one line each in the ranking table, including lam-alef ligatures
    # (اسلامی, بلایا) and ZWNJ (چشم‌انداز). Letters-only labels must come back verbatim. Around
    # digits and punctuation pdftotext guesses where the spaces go ("اصل  ۱۰۰قانون" for
    # "اصل ۱۰۰ قانون", "نهادسازی :ایجاد"; the page shows them right): there the Persian words
    # must come back whole and in order.
    lines = [" ".join(line.split()) for line in text.splitlines()]
    verbatim = 0
    for s in model.strategies:
        if all(ch.isalpha() or ch in " \u200c-" for ch in s.label_fa):
            assert s.label_fa in text, s.id
            verbatim += 1
        words = [w.strip(":،؛.") for w in s.label_fa.split()
                 if not any(ch.isdigit() for ch in w)]
        assert any(_in_order(words, line) for line in lines), s.id
    assert verbatim >= 5
    for words in ("دیپلماسی شهری تهران", "قوت‌ها", "ضعف‌ها", "فرصت‌ها", "تهدیدها",
                  "سازگاری قضاوت‌ها", "بر پایهٔ این رتبه‌بندی", "آذر ۱۴۰۵"):
        assert words in text, words
    # a reversed or unshaped rendering would give e.g. "نارهت" for "تهران"
    assert "نارهت" not in text
    # factor labels: the first words of each (long ones wrap inside their table cell)
    for f in model.all_factors():
        words = [w.strip(":،؛.") for w in f.label_fa.split()[:3]]
        assert any(_in_order(words, line) for line in lines), f.id


def _in_order(words: list[str], line: str) -> bool:
    """Every word of ``words`` is in ``line``, in that order."""
    at = 0
    for word in words:
        at = line.find(word, at)
        if at < 0:
            return False
        at += len(word)
    return True


@needs_poppler
def test_persian_pages_render(tehran_fa_pdf: bytes, tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(tehran_fa_pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "p")], check=True, timeout=60)
    page = np.asarray(Image.open(next(tmp_path.glob("p*.png"))).convert("L"))
    ink = page < 128
    assert ink.mean() > 0.01  # text and charts are drawn
    # right-to-left: the title line (top rows with ink) starts at the right margin
    rows = np.flatnonzero(ink.any(axis=1))
    top = ink[rows[0]:rows[0] + 8]
    columns = np.flatnonzero(top.any(axis=0))
    assert columns.max() > 0.8 * page.shape[1] and columns.min() > 0.3 * page.shape[1]


def test_same_report_same_bytes(tehran_fa, tehran_fa_pdf: bytes) -> None:
    again = _report(load_model(TEHRAN), "fa")
    assert render_pdf(again) == tehran_fa_pdf
    assert render_html(again) == render_html(tehran_fa)
    other_day = build_report(ReportInput(
        model=load_model(TEHRAN), lang="fa", day=DAY + dt.timedelta(days=1), source_kind="file",
        source_name="m.json", model_sha256="ab" * 32, engine="swot-anp test",
        command="swot-anp report m.json", samples=1000))
    assert render_pdf(other_day) != tehran_fa_pdf  # the date is part of the content


def test_html_shows_user_text_literally_and_right_to_left() -> None:
    en = render_html(_report(model_from_dict(tie_data()), "en")).decode("utf-8")
    assert "<script>alert(1)</script>" not in en
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in en
    assert "Tie &lt;b&gt;check&lt;/b&gt;" in en
    assert '<html lang="en" dir="ltr">' in en
    assert "<script" not in en.lower().replace("&lt;script", "")
    fa = render_html(_report(model_from_dict(tie_data()), "fa")).decode("utf-8")
    assert '<html lang="fa" dir="rtl">' in fa
    assert "گسترش" in fa and "صرفه‌جویی" in fa
    assert "http://" not in fa.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in fa  # nothing fetched: the font is embedded


@needs_poppler
def test_english_pdf_text(tmp_path: Path) -> None:
    text = pdf_text(render_pdf(_report(model_from_dict(tie_data()), "en")), tmp_path)
    assert "<script>alert(1)</script>" in text  # shown literally
    assert "No single strategy leads" in text
    assert "29 November 2026" in text


@needs_poppler
def test_a_chart_taller_than_a_page_continues_on_the_next(tmp_path: Path) -> None:
    from swot.report.blocks import BarChart, HeatMap, Report

    labels = [f"F{k} عامل" for k in range(80)]
    chart = BarChart("many", labels, [k / 80 for k in range(80)], [str(k) for k in range(80)],
                     ["#37474f"] * 80)
    heat = HeatMap("heat", labels, ["r1", "r2"], [[0.5, 0.5]] * 80, [["50%", "50%"]] * 80)
    data = render_pdf(Report("fa", "t", DAY, [chart, heat]))
    text = pdf_text(data, tmp_path)
    pages = text.split("\f")
    assert "many" in pages[0]  # a chart taller than a page starts where it is
    for k in (0, 40, 79):  # (pdftotext moves the space between "F0" and the Persian word)
        assert re.search(rf"F{k}\s*عامل", text), k
    assert len([p for p in pages if p.strip()]) >= 4
