"""The analyst's workbook: read back with openpyxl and checked against ``evaluate``."""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest
from openpyxl import load_workbook
from report_testdata import TEHRAN, TEHRAN_NETWORK, tie_data

import anp
from swot.analysis import evaluate
from swot.cli import main
from swot.io import load_model
from swot.sensitivity import robustness
from swot.workbook import SHEETS, workbook_bytes


@pytest.fixture(scope="module")
def tehran_book(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("book")
    model = folder / "tehran.json"
    shutil.copy(TEHRAN, model)
    out = folder / "t.xlsx"
    assert main(["export", str(model), "--xlsx", str(out), "-n", "2000"]) == 0
    return load_workbook(out), evaluate(load_model(TEHRAN))


def _table(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_sheets_and_frozen_headers(tehran_book) -> None:
    book, _ = tehran_book
    # a hierarchy has no Links sheet
    assert book.sheetnames == [s["en"] for k, s in SHEETS.items() if k != "links"]
    for ws in book.worksheets:
        assert ws.freeze_panes in ("A2", "B2", "C2"), ws.title
        assert not ws.sheet_view.rightToLeft


def test_values_are_numbers_equal_to_evaluate(tehran_book) -> None:
    book, result = tehran_book
    ranking = _table(book["Ranking"])
    assert [r["id"] for r in ranking] == list(result.strategies["id"])
    for row, expected in zip(ranking, result.strategies.itertuples(), strict=True):
        assert isinstance(row["priority"], float)
        # openpyxl writes 16 significant digits ("%.16g"; Excel shows 15)
        assert row["priority"] == pytest.approx(expected.priority, rel=1e-15, abs=0)
        assert row["rank"] == expected.rank
    factors = {r["id"]: r for r in _table(book["Factor weights"])}
    for f in result.factors.itertuples():
        assert factors[f.id]["global_weight"] == pytest.approx(f.global_weight, rel=1e-15,
                                                               abs=0)
    consistency = {r["matrix"]: r for r in _table(book["Consistency"])}
    for c in result.consistency.itertuples():
        assert consistency[c.matrix]["cr"] == pytest.approx(c.cr, rel=1e-15, abs=1e-300)
        assert consistency[c.matrix]["passes"] is bool(c.passes)
    limit = list(book["Limit supermatrix"].iter_rows(values_only=True))
    labels = list(result.limit.labels)
    assert list(limit[0][1:]) == labels
    values = np.array([row[1:] for row in limit[1:]], dtype=float)
    np.testing.assert_allclose(values, result.limit.matrix, rtol=1e-15, atol=0)


def test_judgment_blocks_hold_saaty_values_priorities_and_cr(tehran_book) -> None:
    book, result = tehran_book
    rows = list(book["Judgments"].iter_rows(values_only=True))
    start = next(k for k, r in enumerate(rows) if r[0] == "judgments.groups")
    title, header = rows[start], rows[start + 1]
    cr = result.consistency.set_index("matrix").loc["judgments.groups", "cr"]
    assert title[3] == "CR" and title[4] == pytest.approx(cr, rel=1e-15)
    assert header[:6] == ("item", "S", "W", "O", "T", "priority")
    model = load_model(TEHRAN)
    for k in range(4):
        row = rows[start + 2 + k]
        assert list(row[1:5]) == model.group_judgments[k].tolist()
        assert row[5] == pytest.approx(result.group_weights_goal.iloc[k], abs=1e-12)


def test_monte_carlo_and_reversals(tehran_book) -> None:
    book, _ = tehran_book
    mc = _table(book["Monte Carlo"])
    ranks = [c for c in mc[0] if c.startswith("rank_")]
    assert len(ranks) == 9
    for row in mc:
        assert sum(row[c] for c in ranks) == pytest.approx(1)
    expected = robustness(load_model(TEHRAN), n=2000, seed=1).summary
    assert [r["p_first"] for r in mc] == pytest.approx(list(expected["p_first"]), rel=1e-15)
    reversals = _table(book["Reversals"])
    assert {r["kind"] for r in reversals} == {"group", "factor"}
    assert all(0 <= r["weight"] <= 1 for r in reversals)


def test_persian_workbook_is_right_to_left_and_formula_safe(tmp_path: Path) -> None:
    data = tie_data()  # strategy B is labelled "=1+1", the goal "=cmd|' /C calc'!A0"
    data["strategies"][1]["label_fa"] = "=HYPERLINK(\"http://x\")"
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    from swot.io import load_model as load

    model = load(path)
    result = evaluate(model)
    raw = workbook_bytes(result, robustness(model, n=100, seed=1), "fa",
                         about=[("goal", model.goal["en"])])
    out = tmp_path / "m.xlsx"
    out.write_bytes(raw)
    book = load_workbook(out)
    assert book.sheetnames[1] == "رتبه‌بندی"
    assert all(ws.sheet_view.rightToLeft for ws in book.worksheets)
    ranking = list(book["رتبه‌بندی"].iter_rows(values_only=True))
    assert ranking[0][:3] == ("رتبه", "شناسه", "عنوان")
    labels = {r[1]: r[2] for r in ranking[1:]}
    assert labels["B"] == "'=HYPERLINK(\"http://x\")"  # neutralised like the CSV
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
    about = list(book["درباره"].iter_rows(values_only=True))
    assert ("goal", "'=cmd|' /C calc'!A0") in about
    assert ("بذر", 1) in about and ("تعداد نمونه", 100) in about
    # the same inputs give the same bytes (fixed timestamps, also the one openpyxl stamps on
    # saving: with it two calls gave different bytes when a second passed between them)
    core = zipfile.ZipFile(io.BytesIO(raw)).read("docProps/core.xml").decode("utf-8")
    assert ">2000-01-01T00:00:00Z</dcterms:modified>" in core
    assert workbook_bytes(result, robustness(model, n=100, seed=1), "fa",
                          about=[("goal", model.goal["en"])]) == raw


def test_export_refuses_bad_outputs_and_unrankable_models(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tie_data()
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me", encoding="utf-8")
    assert main(["export", str(path), "--xlsx", str(notes)]) == 1
    assert "is not an Excel workbook" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "keep me"
    assert main(["export", str(path), "--xlsx", str(path)]) == 1
    assert "model or database file" in capsys.readouterr().err
    assert json.loads(path.read_text(encoding="utf-8")) == data
    data["judgments"]["strategies"]["O1"]["ratings"] = [None, None]
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "m.xlsx"
    assert main(["export", str(path), "--xlsx", str(out)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{path}: judgments.strategies.O1: not yet rated: A, B")
    assert not out.exists()


def test_network_workbook_links_sheet_against_the_model(tmp_path: Path) -> None:
    model_file = tmp_path / "net.json"
    shutil.copy(TEHRAN_NETWORK, model_file)
    out = tmp_path / "net.xlsx"
    assert main(["export", str(model_file), "--xlsx", str(out), "-n", "200"]) == 0
    book = load_workbook(out)
    assert book.sheetnames == [s["en"] for s in SHEETS.values()]
    assert book["Links"].freeze_panes == "A2"
    rows = _table(book["Links"])
    model = load_model(TEHRAN_NETWORK)
    links = [r for r in rows if r["kind"] in ("dependence", "feedback")]
    expected = [(src, cluster, target, k, link) for src, sets in model.links.items()
                for cluster, link in sets.items() for k, target in enumerate(link.nodes)]
    assert len(links) == len(expected) == 15
    for row, (src, cluster, target, k, link) in zip(links, expected, strict=True):
        note = link.notes[target]
        assert (row["node"], row["cluster"], row["depends_on"]) == (src, cluster, target)
        assert row["node_label"] == model.factor(src).label_en
        assert row["depends_on_label"] == model.factor(target).label_en
        assert type(row["priority"]) in (float, int)  # a number (1.0 reads back as 1)
        assert row["priority"] == pytest.approx(anp.priority(link.matrix)[k], rel=1e-15)
        assert row["note"] == note.text and row["illustrative"] is note.illustrative
        assert (row["source_file"], row["source_line"]) == (note.source.file, note.source.line)
    # W1 depends on W3, W4, W6 judged 1:1:1/2 -> 1/4, 1/4, 1/2
    assert [r["priority"] for r in links if r["node"] == "W1"] == pytest.approx(
        [0.25, 0.25, 0.5], abs=1e-12)
    clusters = {(r["node"], r["depends_on"]): (r["kind"], r["priority"]) for r in rows
                if r not in links}
    # W: [[1, 1, 1/3], [1, 1, 1/3], [3, 3, 1]] is consistent: (1, 1, 3) / 5
    assert clusters[("W", "T")][1] == pytest.approx(0.2, abs=1e-12)
    assert clusters[("W", "strategies")] == ("cluster comparison", pytest.approx(0.6, abs=1e-12))
    # S links to W and the strategies with no comparison: equal, said so
    assert clusters[("S", "W")] == ("cluster weights equal (default, no comparison)", 0.5)
    assert len(clusters) == 8


def test_persian_network_workbook_links_sheet() -> None:
    model = load_model(TEHRAN_NETWORK)
    result = evaluate(model)
    raw = workbook_bytes(result, robustness(model, n=50, seed=1), "fa")
    book = load_workbook(io.BytesIO(raw))
    ws = book["پیوندها"]
    assert ws.sheet_view.rightToLeft
    header = next(ws.iter_rows(values_only=True))
    assert header[:5] == ("نوع", "گره", "عنوان گره", "خوشه", "وابسته به")
    first = next(ws.iter_rows(min_row=2, values_only=True))
    assert first[:5] == ("وابستگی", "S2", model.factor("S2").label_fa, "W", "W6")


def test_workbook_links_sheet_lists_feedback() -> None:
    model = load_model(TEHRAN_NETWORK)
    for sid in model.strategy_ids():  # every strategy feeds back on T1
        model = model.set_link(sid, "T1")
    book = load_workbook(io.BytesIO(workbook_bytes(evaluate(model),
                                                   robustness(model, n=50, seed=1))))
    rows = [r for r in _table(book["Links"]) if r["kind"] == "feedback"]
    assert [r["node"] for r in rows] == model.strategy_ids()
    for row in rows:
        assert row["node_label"] == model.strategy(row["node"]).label_en
        assert (row["cluster"], row["depends_on"], row["priority"]) == ("T", "T1", 1)
        assert row["note"] is None and row["illustrative"] is False


def test_document_times_are_fixed_whatever_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    # openpyxl stamps "modified" with the current time on save: a second boundary between two
    # saves used to change the bytes. A clock far from 2000-01-01 must not show in the file.
    import datetime as real_dt
    import io
    import zipfile

    import openpyxl.writer.excel as excel

    class Clock(real_dt.datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            return real_dt.datetime(2031, 5, 6, 7, 8, 9, tzinfo=tz)

    monkeypatch.setattr(excel.datetime, "datetime", Clock)
    model = load_model(TEHRAN)
    raw = workbook_bytes(evaluate(model), robustness(model, n=20, seed=1), "en")
    core = zipfile.ZipFile(io.BytesIO(raw)).read("docProps/core.xml").decode()
    assert "2031" not in core
    assert '<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z' in core


def test_english_export_of_a_model_titled_only_in_persian_keeps_the_title(
        tmp_path: Path) -> None:
    data = tie_data()
    data["title"] = {"en": "", "fa": "آزمون هم‌ترازی"}
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "m.xlsx"
    assert main(["export", str(path), "--xlsx", str(out), "-n", "200"]) == 0
    about = load_workbook(out)[SHEETS["about"]["en"]]
    rows = {r[0]: r[1] for r in about.iter_rows(min_row=2, values_only=True)}
    assert rows["title"] == "آزمون هم‌ترازی"


def test_about_title_falls_back_to_the_other_language() -> None:
    """The app's workbook button and `swot-anp export` share about_rows: an English workbook
    of a model titled only in Persian carries the Persian title (the app's was empty)."""
    from swot.workbook import about_rows

    model = load_model(TEHRAN)
    persian_only = dataclasses.replace(model, title={"en": "", "fa": "دیپلماسی شهری تهران"})
    rows = dict(about_rows(persian_only, "en", "m.json", "abc", "engine"))
    assert rows["title"] == "دیپلماسی شهری تهران"
    assert rows["illustrative_judgments"] is True and rows["sha256"] == "abc"


def test_workbook_and_csv_name_shared_columns_alike_in_persian() -> None:
    # one Persian word per column wherever it is written (the CSV's, swot.export.FA_HEADERS)
    from swot.export import FA_HEADERS, ranking_csv
    from swot.workbook import _HEADERS

    assert {k: _HEADERS[k] for k in FA_HEADERS} == FA_HEADERS
    model = load_model(TEHRAN_NETWORK)
    result = evaluate(model)
    csv_header = ranking_csv(result.strategies, "fa").decode("utf-8-sig").splitlines()[0]
    book = load_workbook(io.BytesIO(workbook_bytes(result, robustness(model, n=20, seed=1), "fa")))
    ranking_sheet = book[SHEETS["ranking"]["fa"]]
    sheet_header = [c for c in next(ranking_sheet.iter_rows(values_only=True)) if c]
    assert "اولویت" in csv_header.split(",") and "اولویت" in sheet_header
    assert set(csv_header.split(",")) - {"عنوان"} <= set(sheet_header)


def test_the_report_names_the_csv_columns_it_shows_alike_in_persian() -> None:
    # The report's table headers for the columns the CSV also has say what the CSV (and the
    # workbook, and the app) say: one Persian word per column. The report keeps two short
    # forms for its narrow tables: "CR" (as in its formula) and "TOWS".
    from swot.export import FA_HEADERS
    from swot.report.text import STRINGS

    same = {"col_rank": "rank", "col_id": "id", "col_priority": "priority",
            "col_ideal": "ideal", "col_p_first": "p_first", "col_global": "global_weight",
            "col_local": "local_weight", "col_provenance": "provenance", "col_group": "group",
            "col_weight": "weight", "col_matrix": "matrix", "col_threshold": "threshold",
            "col_passes": "passes", "col_below": "strategy_a", "col_above": "strategy_b",
            "col_top": "top_change"}
    assert {k: STRINGS[k]["fa"] for k in same} == {k: FA_HEADERS[c] for k, c in same.items()}
