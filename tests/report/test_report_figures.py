"""The figures a reader sees in the rendered report (HTML table cells, PDF text) are the
engine's: each strategy's rank, priority and ideal, and each factor's global weight, compared
with :func:`swot.analysis.evaluate` of the same model, rounded as printed (3 decimals)."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from report_testdata import TEHRAN, TEHRAN_NETWORK, pdf_text

from swot.analysis import evaluate
from swot.io import load_model
from swot.report import ReportInput, build_report
from swot.report.html import render_html
from swot.report.pdf import render_pdf

_PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٫", "0123456789.")
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)


def _report(path: Path, lang: str):
    return build_report(ReportInput(
        model=load_model(path), lang=lang, day=dt.date(2026, 11, 29), source_kind="file",
        source_name="m.json", model_sha256="ab" * 32, engine="swot-anp test",
        command="swot-anp report m.json", samples=200))


def _html_rows(page: str) -> list[list[str]]:
    """Every body row of every table, cells unescaped, Persian digits read as ASCII."""
    return [[html.unescape(c).translate(_PERSIAN_DIGITS) for c in _CELL.findall(row)]
            for row in _ROW.findall(page)]


@pytest.mark.parametrize("path", [TEHRAN, TEHRAN_NETWORK], ids=["hierarchy", "network"])
@pytest.mark.parametrize("lang", ["en", "fa"])
def test_html_ranking_and_factor_weights_are_evaluates(path: Path, lang: str) -> None:
    result = evaluate(load_model(path))
    rows = _html_rows(render_html(_report(path, lang)).decode("utf-8"))
    # the ranking table: Rank, Id, Strategy, TOWS, Priority, Ideal, P(rank 1)
    ranking = {r[1]: r for r in rows if len(r) == 7 and r[1] in set(result.strategies["id"])}
    assert set(ranking) == set(result.strategies["id"])
    for s in result.strategies.itertuples():
        row = ranking[s.id]
        assert (row[0], row[4], row[5]) == (str(s.rank), f"{s.priority:.3f}", f"{s.ideal:.3f}")
    # the factor tables of the four quadrants: Id, Factor — Provenance, Global weight
    shown = {r[0]: r[2] for r in rows if len(r) == 3 and r[0] in set(result.factors["id"])}
    expected = {f.id: f"{f.global_weight:.3f}" for f in result.factors.itertuples()}
    assert shown == expected


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_ranking_rows_are_evaluates(tmp_path: Path) -> None:
    result = evaluate(load_model(TEHRAN))
    path = tmp_path / "r.pdf"
    path.write_bytes(render_pdf(_report(TEHRAN, "en")))
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, timeout=60).stdout.decode("utf-8")
    for s in result.strategies.itertuples():
        # the ranking table's row as laid out: rank, id, label, TOWS, priority, ideal, P(rank 1)
        row = re.compile(rf"^\s*{s.rank}\s+{s.id}\s+.+?\s+{s.tows}\s+{s.priority:.3f}\s+"
                         rf"{s.ideal:.3f}\s+[0-9.]+%\s*$", re.M)
        assert row.search(text), s.id


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_persian_pdf_names_the_leaders_priority(tmp_path: Path) -> None:
    leader = evaluate(load_model(TEHRAN)).strategies.iloc[0]
    # hand check: SO1's priority 0.130981 is printed "0.131", in Persian digits "۰٫۱۳۱"
    assert (leader["id"], f"{leader['priority']:.3f}") == ("SO1", "0.131")
    assert "۰٫۱۳۱" in pdf_text(render_pdf(_report(TEHRAN, "fa")), tmp_path)
