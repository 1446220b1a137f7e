"""Typed text shown literally: Markdown, HTML, bare links, bidi overrides, long texts."""

from __future__ import annotations

from ui.literal import FSI, PDI, literal, plain
from ui.literal import WORD_JOINER as WJ


def test_markdown_links_and_html_are_escaped() -> None:
    # Streamlit links bare addresses after parsing (escapes do not stop it): a word joiner does
    out = literal("[Free prize](http://evil.example)")
    assert out == f"{FSI}\\[Free prize\\](http:{WJ}//evil.example){PDI}"
    assert literal("<b>x</b>") == f"{FSI}\\<b\\>x\\</b\\>{PDI}"
    assert literal("www.evil.example a@b.c") == f"{FSI}www{WJ}.evil.example a@{WJ}b.c{PDI}"
    assert literal("awww.x") == f"{FSI}awww.x{PDI}"  # not an address
    assert literal("# head") == f"{FSI}\\# head{PDI}"


def test_bidi_overrides_stay_inside_an_isolate() -> None:
    out = literal("\u202eevil")
    assert out.startswith(FSI) and out.endswith(PDI) and "\u202e" in out
    assert plain("\u202eevil") == f"{FSI}\u202eevil{PDI}"


def test_long_text_is_cut_and_says_so() -> None:
    out = literal("a" * 10_000, limit=300)
    assert out == f"{FSI}{'a' * 300}… (+9700){PDI}"
    assert literal("x\ny\x00") == f"{FSI}x y\ufffd{PDI}"  # one line, no control characters


def test_audit_csv_is_labelled_and_excel_safe(tmp_path) -> None:
    """The audit trail's CSV: labels, Saaty values, Jalali dates in Persian, a typed formula
    neutralised (the CSV rules of swot.export)."""
    from swot.export import dataframe_csv, unneutralise
    from swot.io import load_model, model_from_dict, model_to_dict
    from swot.store import Store
    from ui.workshop_labels import audit_view

    model = model_to_dict(load_model("data/tehran_city_diplomacy.json"))
    with Store(tmp_path / "a.sqlite3") as store:
        workshop = store.create_workshop(model, prefill=True)
        ann = store.join(workshop.code, "Ann")
        judgments = model["judgments"]
        judgments["groups"][0][1], judgments["groups"][1][0] = 1 / 9, 9
        store.submit(workshop.code, ann.id, judgments, workshop.fingerprint,
                     judged=["judgments.groups"], rationale="=HYPERLINK(\"http://x\")")
        changes = store.judgment_changes(workshop.code)
    table = audit_view(changes, model_from_dict(model), {"Ann": "Participant 1"}, "en")
    (row,) = table.itertuples(index=False)
    assert row[1:] == (
        "Participant 1", 1, "SWOT groups with respect to the goal", "Strengths", "Weaknesses",
        "1/2", "1/9", '=HYPERLINK("http://x")')  # the model's prefill was 1/2
    lines = dataframe_csv(table).decode("utf-8-sig").splitlines()
    cell = lines[1].rsplit(",", 1)[1]
    assert not cell.lstrip('"').startswith("=")
    assert unneutralise(cell.strip('"').replace('""', '"')) == '=HYPERLINK("http://x")'


def test_table_cells_keep_typed_addresses_as_text() -> None:
    """st.table renders Markdown in cells and Streamlit links a bare address after parsing (a
    scenario named "[Free prize](http://evil.example)" became a link in Chromium): the escape
    breaks the address with an invisible word joiner, in cells and headers alike."""
    from ui.tables import escape_markdown

    cell = escape_markdown("[Free prize](http://evil.example) www.evil.example a@b.c")
    assert "://" not in cell and "www." not in cell and "a@b" not in cell
    assert cell.replace(WJ, "").replace("\\", "") == (
        "[Free prize](http://evil.example) www.evil.example a@b.c")


def test_persian_table_cells_isolate_latin_text_with_punctuation(monkeypatch) -> None:
    """In a right-to-left table a Latin name with brackets was shown reordered in Chromium
    ("(http://evil.example)[Free prize]"); such a cell is put in a first-strong isolate, an
    id (no punctuation), Persian text and an already isolated cell are left as they are."""
    import pandas as pd

    import ui.tables as tables

    monkeypatch.setattr(tables, "lang", lambda: "fa")
    cells = ["Plan (v2)", "SO1", "برنامه (۲)", "\u2066a/b\u2069"]
    out = tables.formatted(pd.DataFrame({"x": cells}))
    assert list(out["x"]) == ["\u2068Plan (v2)\u2069", "SO1", "برنامه (۲)", "\u2066a/b\u2069"]


def test_tables_show_a_missing_number_as_a_dash_not_nan(monkeypatch) -> None:
    """The facilitator's participants table showed "nan" as the largest CR of someone who had
    judged nothing yet; a NaN is shown as a dash, other numbers as before."""
    import pandas as pd

    import ui.tables as tables

    monkeypatch.setattr(tables, "lang", lambda: "en")
    out = tables.formatted(pd.DataFrame({"cr": [0.0412, float("nan")]}), digits=3)
    assert list(out["cr"]) == ["0.041", tables.NOT_A_NUMBER]
