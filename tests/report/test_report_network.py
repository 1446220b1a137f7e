"""The report of a network model: the structure section (links with their notes, cluster
comparisons, the ranking with and without the dependence), the network method in the appendix,
readable titles for link-set and cluster-comparison matrices; a hierarchy report has none of it.
Checked in the content, in the PDF's text (pdftotext) and, for Persian, in the shaped glyphs."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import uharfbuzz as hb
from fontTools.ttLib import TTFont
from report_testdata import TEHRAN, TEHRAN_NETWORK, pdf_text

import anp
from swot.analysis import evaluate
from swot.io import load_model
from swot.report import ReportInput, build_report
from swot.report.blocks import Heading, Paragraph, Table
from swot.report.html import render_html
from swot.report.pdf import render_pdf

DAY = dt.date(2026, 11, 29)
BOLD = Path(__file__).resolve().parents[2] / "swot" / "report" / "fonts" / "Vazirmatn-Bold.ttf"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext, pdftoppm) not installed")


def _report(path: Path, lang: str):
    return build_report(ReportInput(
        model=load_model(path), lang=lang, day=DAY, source_kind="file", source_name="m.json",
        model_sha256="ab" * 32, engine="swot-anp test", command="swot-anp report m.json",
        samples=300))


@pytest.fixture(scope="module")
def net_en():
    return _report(TEHRAN_NETWORK, "en")


@pytest.fixture(scope="module")
def net_fa():
    return _report(TEHRAN_NETWORK, "fa")


@pytest.fixture(scope="module")
def hierarchy_en():
    return _report(TEHRAN, "en")


def _section(report, title: str) -> list:
    """The blocks from the level-1 heading ``title`` to the next level-1 heading."""
    start = next(k for k, b in enumerate(report.blocks)
                 if isinstance(b, Heading) and b.level == 1 and b.text == title)
    end = next((k for k, b in enumerate(report.blocks[start + 1:], start + 1)
                if isinstance(b, Heading) and b.level == 1), len(report.blocks))
    return report.blocks[start:end]


def _table_after(blocks: list, title: str) -> Table:
    at = next(k for k, b in enumerate(blocks) if isinstance(b, Heading) and b.text == title)
    return next(b for b in blocks[at:] if isinstance(b, Table))


def test_first_page_names_the_structure(net_en, net_fa, hierarchy_en) -> None:
    def small(report) -> list[str]:
        return [b.text for b in report.blocks[:8] if isinstance(b, Paragraph)]

    assert ("Structure: network (dependence among the factors, feedback from the strategies)"
            in small(net_en))
    assert "ساختار: شبکه (وابستگی میان عوامل، بازخورد از راهبردها)" in small(net_fa)
    assert any(t.startswith("Structure: hierarchy (Yüksel") for t in small(hierarchy_en))


def test_structure_section_sits_before_consistency(net_en) -> None:
    headings = [b.text for b in net_en.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings[headings.index("Group and factor weights") + 1] == "Network structure"
    assert headings[headings.index("Network structure") + 1] == "Consistency of the judgments"


def test_every_link_with_its_priority_note_source_and_mark(net_en) -> None:
    model = load_model(TEHRAN_NETWORK)
    blocks = _section(net_en, "Network structure")
    table = _table_after(blocks, "Dependence and feedback links")
    expected = []
    for src, sets in model.links.items():
        for link in sets.values():
            weights = anp.priority(link.matrix)  # the link set's own eigenvector
            for k, target in enumerate(link.nodes):
                expected.append((src, target, f"{weights[k]:.3f}", link.notes[target]))
    assert len(table.rows) == len(expected) == 15
    for row, (src, target, weight, note) in zip(table.rows, expected, strict=True):
        assert row[0].startswith(src + " ") and row[1].startswith(target + " ")
        assert row[2] == "dependence" and row[3] == weight
        assert note.text in row[4]
        assert f"{note.source.file} line {note.source.line}" in row[4]
        assert row[5] == ("yes" if note.illustrative else "")
    # W1 depends on W3, W4, W6 judged 1:1:1/2 -> priorities 1/4, 1/4, 1/2
    w1 = [r[3] for r in table.rows if r[0].startswith("W1 ")]
    assert w1 == ["0.250", "0.250", "0.500"]
    intro = next(b.text for b in blocks if isinstance(b, Paragraph))
    assert "15 dependence links" in intro and "0 feedback links" in intro
    assert "15 of these 15 links are marked illustrative" in intro


def test_cluster_comparisons_given_or_equal_by_default(net_en) -> None:
    table = _table_after(_section(net_en, "Network structure"), "Cluster comparisons")
    rows = {(r[0], r[1]): (r[2], r[3]) for r in table.rows}
    # S factors link to W factors and to the strategies, with no comparison: equal, said so
    assert rows[("Strengths (S) factors", "Weaknesses (W) factors")] == (
        "0.500", "equal, by default (no comparison given)")
    assert rows[("Strengths (S) factors", "Strategies")][0] == "0.500"
    # W: [[1, 1, 1/3], [1, 1, 1/3], [3, 3, 1]] is consistent, w = (1, 1, 3) / 5
    assert [rows[("Weaknesses (W) factors", c)] for c in (
        "Weaknesses (W) factors", "Threats (T) factors", "Strategies")] == [
        ("0.200", "pairwise comparison"), ("0.200", "pairwise comparison"),
        ("0.600", "pairwise comparison")]
    # O: [[1, 1/2, 1/4], [2, 1, 1/2], [4, 2, 1]] is consistent, w = (1, 2, 4) / 7
    assert [rows[("Opportunities (O) factors", c)][0] for c in (
        "Strengths (S) factors", "Threats (T) factors", "Strategies")] == [
        "0.143", "0.286", "0.571"]
    assert len(table.rows) == 8


def test_ranking_with_and_without_and_the_factors_that_moved(net_en) -> None:
    model = load_model(TEHRAN_NETWORK)
    with_ = evaluate(model)
    without = evaluate(model.set_structure("hierarchy"))
    blocks = _section(net_en, "Network structure")
    table = _table_after(blocks, "Ranking with and without the dependence among factors")
    ranks_without = without.strategies.set_index("id")["rank"]
    assert [r[0] for r in table.rows] == list(with_.strategies["id"])
    for row, s in zip(table.rows, with_.strategies.itertuples(), strict=True):
        assert row[2] == str(s.rank) and row[3] == f"{s.priority:.3f}"
        assert row[4] == str(ranks_without[s.id])
    assert any(r[2] != r[4] for r in table.rows)  # the dependence reorders Tehran
    moved = _table_after(blocks, "Factors whose global weight moved most")
    change = (with_.factors.set_index("id")["global_weight"]
              - without.factors.set_index("id")["global_weight"])
    top = change.abs().sort_values(ascending=False, kind="stable").index[:5]
    assert [r[0] for r in moved.rows] == list(top)
    first = moved.rows[0]
    assert first[4] == f"{change[top[0]]:+.3f}"


def test_method_describes_the_network_route(net_en) -> None:
    method = "\n".join(b.text for b in _section(net_en, "Appendix: method")
                       if isinstance(b, Paragraph))
    for words in ("Unweighted supermatrix", "Weighted supermatrix", "cluster comparison",
                  "exact Cesàro limit", "goal's column of the limit", "normalised to sum 1",
                  "Theory and Applications of the Analytic Network Process"):
        assert words in method, words
    assert "SWOT–ANP steps of Yüksel" not in method


def test_hierarchy_report_has_no_network_sections(hierarchy_en) -> None:
    report = hierarchy_en
    headings = [b.text for b in report.blocks if isinstance(b, Heading)]
    assert "Network structure" not in headings and "Cluster comparisons" not in headings
    method = "\n".join(b.text for b in _section(report, "Appendix: method")
                       if isinstance(b, Paragraph))
    assert "SWOT–ANP steps of Yüksel & Dağdeviren (2007)" in method
    assert "Cesàro" not in method and "Theory and Applications" not in method


def test_hierarchy_route_of_a_model_with_links_says_it_leaves_them_out(hierarchy_en) -> None:
    model = load_model(TEHRAN_NETWORK).set_structure("hierarchy")
    report = build_report(ReportInput(
        model=model, lang="en", day=DAY, source_kind="file", source_name="m.json",
        model_sha256="ab" * 32, engine="swot-anp test", command="swot-anp report m.json",
        samples=100))
    assert "Network structure" not in [b.text for b in report.blocks if isinstance(b, Heading)]
    method = "\n".join(b.text for b in _section(report, "Appendix: method")
                       if isinstance(b, Paragraph))
    assert "The model has 15 dependence or feedback links; this hierarchy does not use them" in (
        method)
    assert "SWOT–ANP steps of Yüksel" in method
    plain = "\n".join(b.text for b in _section(hierarchy_en, "Appendix: method")
                      if isinstance(b, Paragraph))
    assert "dependence or feedback links" not in plain


def test_link_and_cluster_matrices_have_readable_titles(net_en, net_fa) -> None:
    names = [r[0] for r in _table_after(net_en.blocks, "Consistency of the judgments").rows]
    assert not [n for n in names if n.startswith("judgments.")]
    # as the app names them (ui/pairwise.py matrix_title): id · label cut at 48 characters
    assert ("W1 · No organisational structure for city diplomacy: Weaknesses (W) factors it "
            "depends on" in names)
    assert "Clusters compared with respect to Weaknesses (W) factors" in names
    fa = [r[0] for r in _table_after(net_fa.blocks, "سازگاری قضاوت‌ها").rows]
    assert "خوشه‌ها نسبت به عوامل ضعف‌ها (W)" in fa
    assert any(n.startswith("W6 ") and n.endswith("عوامل تهدیدها (T) که به آن‌ها وابسته است")
               for n in fa)


def test_html_carries_the_same_sections(net_en, net_fa) -> None:
    en = render_html(net_en).decode("utf-8")
    assert "Network structure" in en and "equal, by default" in en
    fa = render_html(net_fa).decode("utf-8")
    assert "ساختار شبکه" in fa and "برابر، به طور پیش‌فرض" in fa


def _flat(text: str) -> str:
    return " ".join(text.split())


@needs_poppler
def test_pdf_text_of_network_and_hierarchy_reports(net_en, hierarchy_en,
                                                  tmp_path: Path) -> None:
    text = _flat(pdf_text(render_pdf(net_en), tmp_path))
    for words in ("Network structure", "Dependence and feedback links", "Cluster comparisons",
                  "equal, by default (no comparison given)",
                  "Ranking with and without the dependence among factors",
                  "Factors whose global weight moved most", "the Article 100 capacity (S2)",
                  "000_7452b51148cf25f9.txt line 418", "exact Cesàro limit",
                  "W1 · No organisational structure for city diplomacy",
                  "goal's column of the limit",
                  "Clusters compared with respect to Weaknesses (W) factors"):
        assert words in text, words
    assert "SWOT–ANP steps of Yüksel" not in text
    hierarchy = _flat(pdf_text(render_pdf(hierarchy_en), tmp_path))
    assert "SWOT–ANP steps of Yüksel" in hierarchy
    for words in ("Network structure", "Cluster comparisons", "Cesàro"):
        assert words not in hierarchy, words


def _shaped_width(word: str, size: float) -> float:
    """The advance width (pt) of ``word`` in Vazirmatn Bold as HarfBuzz shapes it."""
    face = hb.Face(hb.Blob.from_file_path(str(BOLD)))
    buf = hb.Buffer()
    buf.add_str(word)
    buf.guess_segment_properties()
    hb.shape(hb.Font(face), buf, {})
    return sum(p.x_advance for p in buf.glyph_positions) / face.upem * size


def _isolated_width(word: str, size: float) -> float:
    """The width of ``word`` set letter by letter in isolated forms (no shaping)."""
    font = TTFont(BOLD)
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    return sum(hmtx[cmap[ord(ch)]][0] for ch in word) / font["head"].unitsPerEm * size


@needs_poppler
def test_persian_network_report_is_shaped_and_right_to_left(net_fa, tmp_path: Path) -> None:
    data = render_pdf(net_fa)
    text = _flat(pdf_text(data, tmp_path))
    for words in ("ساختار شبکه", "پیوندهای وابستگی و بازخورد", "مقایسهٔ خوشه‌ها",
                  "به طور پیش‌فرض (مقایسه‌ای داده", "رتبه‌بندی با و بدون وابستگی میان عوامل",
                  "عواملی که وزن کلی‌شان بیشترین تغییر را داشت", "حد دقیق چزارو",
                  "ستون هدف در ابرماتریس حدی"):
        assert words in text, words
    assert "هکبش" not in text  # "شبکه" reversed
    # The heading "ساختار شبکه" (13.5 pt bold): poppler's word boxes (glyphs in visual order)
    # are as wide as HarfBuzz's joined forms, not as the isolated letters, and the first word
    # ends at the right margin (A4 595.28 pt - 18 mm = 544.26 pt).
    pdf = tmp_path / "n.pdf"
    pdf.write_bytes(data)
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                           capture_output=True, timeout=60).stdout.decode("utf-8")
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">([^<]*)</word>', boxes)
    heading = [(float(x0), float(y0), float(x1)) for x0, y0, x1, y1, w in words
               if w == "ساختار"[::-1] and float(y1) - float(y0) > 20]
    assert len(heading) == 1
    x0, y0, x1 = heading[0]
    assert x1 - x0 == pytest.approx(_shaped_width("ساختار", 13.5), rel=0.03)
    assert x1 - x0 < 0.85 * _isolated_width("ساختار", 13.5)
    assert x1 == pytest.approx(595.28 - 18 / 25.4 * 72, abs=4)
    second = [float(a1) - float(a0) for a0, b0, a1, b1, w in words
              if w == "شبکه"[::-1] and float(b0) == y0]
    assert second == [pytest.approx(_shaped_width("شبکه", 13.5), rel=0.03)]
    # and the page with the structure section is drawn (pdftoppm)
    page = next(p for p in range(1, 20) if "ساختار شبکه" in subprocess.run(
        ["pdftotext", "-f", str(p), "-l", str(p), str(pdf), "-"], check=True,
        capture_output=True, timeout=60).stdout.decode("utf-8"))
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", str(page), "-l", str(page), str(pdf),
                    str(tmp_path / "p")], check=True, timeout=60)
    from PIL import Image

    image = np.asarray(Image.open(next(tmp_path.glob("p*.png"))).convert("L"))
    assert (image < 128).mean() > 0.01


def test_feedback_links_and_the_strategies_cluster() -> None:
    model = load_model(TEHRAN_NETWORK)
    for sid in model.strategy_ids():  # every strategy feeds back on S1 and on T1
        model = model.set_link(sid, "S1").set_link(sid, "T1")
    report = build_report(ReportInput(
        model=model, lang="en", day=DAY, source_kind="file", source_name="m.json",
        model_sha256="ab" * 32, engine="swot-anp test", command="swot-anp report m.json",
        samples=100))
    blocks = _section(report, "Network structure")
    intro = next(b.text for b in blocks if isinstance(b, Paragraph))
    assert "15 dependence links" in intro and "18 feedback links" in intro
    assert "15 of these 33 links are marked illustrative" in intro
    links = _table_after(blocks, "Dependence and feedback links").rows
    feedback = [r for r in links if r[2] == "feedback"]
    assert len(feedback) == 18
    so1 = [r for r in feedback if r[0].startswith("SO1 ")]
    assert [r[1].split()[0] for r in so1] == ["S1", "T1"]
    assert so1[0][0] == f"SO1 {model.strategy('SO1').label_en}"
    assert [(r[3], r[4], r[5]) for r in so1] == [("1.000", "(no note)", "")] * 2
    clusters = _table_after(blocks, "Cluster comparisons").rows
    assert [r[1:] for r in clusters if r[0] == "Strategies"] == [
        ["Strengths (S) factors", "0.500", "equal, by default (no comparison given)"],
        ["Threats (T) factors", "0.500", "equal, by default (no comparison given)"]]
    names = [r[0] for r in _table_after(report.blocks, "Consistency of the judgments").rows]
    assert any(n.startswith("SO1 ") and n.endswith(": Threats (T) factors it feeds back on")
               for n in names)


def test_unrankable_network_shows_what_it_can() -> None:
    # S1 now depends on W2 and W3 with no judgment between them: the model cannot be ranked
    model = load_model(TEHRAN_NETWORK).set_link("S1", "W2").set_link("S1", "W3")
    report = build_report(ReportInput(
        model=model, lang="en", day=DAY, source_kind="file", source_name="m.json",
        model_sha256="ab" * 32, engine="swot-anp test", command="swot-anp report m.json",
        samples=100))
    assert any("judgments.links.S1.W" in p for p in report.problems)
    blocks = _section(report, "Network structure")
    links = _table_after(blocks, "Dependence and feedback links").rows
    assert [r[3] for r in links if r[0].startswith("S1 ")] == ["—", "—"]
    assert [r[3] for r in links if r[0].startswith("W1 ")] == ["0.250", "0.250", "0.500"]
    clusters = _table_after(blocks, "Cluster comparisons").rows
    assert ["Weaknesses (W) factors", "Strategies", "0.600", "pairwise comparison"] in clusters
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert "Ranking with and without the dependence among factors" not in headings
