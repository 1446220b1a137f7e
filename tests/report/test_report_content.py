"""The report's content: sections in order, the near-tie summary, unrankable models."""

from __future__ import annotations

import datetime as dt

from report_testdata import TEHRAN, tie_data

from swot.io import load_model, model_from_dict
from swot.model import Strategy
from swot.report import ReportInput, build_report
from swot.report.blocks import BarChart, Heading, HeatMap, Paragraph, Table

DAY = dt.date(2026, 11, 29)


def _input(model, lang: str = "en", samples: int = 2000) -> ReportInput:
    return ReportInput(model=model, lang=lang, day=DAY, source_kind="file", source_name="m.json",
                       model_sha256="ab" * 32, engine="swot-anp test", command="swot-anp report",
                       samples=samples)


def _texts(report) -> str:
    parts = []
    for b in report.blocks:
        if isinstance(b, Heading | Paragraph):
            parts.append(b.text)
        elif isinstance(b, Table):
            parts += [*b.header, *(c for row in b.rows for c in row)]
        elif isinstance(b, BarChart | HeatMap):
            parts.append(b.title)
    return "\n".join(parts)


def test_tehran_sections_in_the_order_of_the_issue() -> None:
    report = build_report(_input(load_model(TEHRAN)))
    headings = [b.text for b in report.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == ["Summary", "Ranking of the strategies", "SWOT factors",
                        "Group and factor weights", "Consistency of the judgments",
                        "Rank reversals of the one-way sweeps",
                        "Monte Carlo rank probabilities", "Appendix: method", "Reproducibility"]
    # illustrative judgments are said on the first page, before the summary
    summary_at = next(k for k, b in enumerate(report.blocks)
                      if isinstance(b, Heading) and b.text == "Summary")
    first = report.blocks[:summary_at]
    assert any(isinstance(b, Paragraph) and b.style == "notice" and "illustrative" in b.text
               for b in first)
    charts = [b for b in report.blocks if isinstance(b, BarChart | HeatMap)]
    assert [type(c).__name__ for c in charts] == ["BarChart", "BarChart", "BarChart", "HeatMap"]
    heat = charts[-1]
    assert len(heat.rows) == len(heat.columns) == 9
    for row in heat.values:  # rank probabilities of a strategy sum to 1
        assert abs(sum(row) - 1) < 1e-9
    assert report.problems == []


def test_summary_names_the_leader_and_its_rank_one_probability() -> None:
    # Tehran: SO1 0.1310, WO1 0.1257 -> relative gap 4.0 %, outside the 2 % margin
    report = build_report(_input(load_model(TEHRAN)))
    summary = next(b.text for b in report.blocks[1:] if isinstance(b, Paragraph)
                   and b.text.startswith("The leading strategy"))
    assert "The leading strategy is SO1" in summary
    assert "WO1, is 4.0% behind" in summary
    assert "2,000 Monte Carlo samples" in summary
    assert "All 28 pairwise matrices pass" in summary


def test_near_tie_names_both_leaders_not_a_winner() -> None:
    report = build_report(_input(model_from_dict(tie_data())))
    text = _texts(report)
    assert "No single strategy leads: A, B lie within 2% of the first" in text
    assert "The leading strategy" not in text
    fa = _texts(build_report(_input(model_from_dict(tie_data()), "fa")))
    assert "هیچ راهبردی به‌تنهایی برتر نیست: A، B" in fa


def test_unrankable_model_reports_what_is_missing() -> None:
    model = load_model(TEHRAN).add_strategy(Strategy("NEW", "New one", "تازه", "SO"))
    report = build_report(_input(model))
    assert report.problems
    assert any("NEW" in p for p in report.problems)
    text = _texts(report)
    assert "This model cannot be ranked yet" in text
    assert "Summary" not in text
    headings = [b.text for b in report.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == ["SWOT factors", "Appendix: method", "Reproducibility"]


def test_persian_report_uses_persian_digits_and_jalali_date() -> None:
    report = build_report(_input(load_model(TEHRAN), "fa"))
    text = _texts(report)
    assert "۸ آذر ۱۴۰۵" in text
    assert "۰٫۱۳۱" in text  # SO1's priority 0.1310
    assert "0.131" not in text
    ranking = next(b for b in report.blocks if isinstance(b, Table))
    assert ranking.rows[0][:2] == ["۱", "SO1"]  # ids stay Latin


def test_factors_in_four_quadrants_with_weights_and_provenance() -> None:
    from swot.analysis import evaluate
    from swot.report.blocks import Quadrants

    model = load_model(TEHRAN)
    quadrants = next(b for b in build_report(_input(model)).blocks if isinstance(b, Quadrants))
    assert quadrants.titles == ["Strengths (S)", "Weaknesses (W)", "Opportunities (O)",
                                "Threats (T)"]
    weights = evaluate(model).factors.set_index("id")["global_weight"]
    w1 = quadrants.tables[1].rows[0]
    # W1: listed in the text, source line 442 of the chapter (data/tehran_city_diplomacy.json)
    assert w1[0] == "W1"
    assert w1[1] == ("No organisational structure for city diplomacy\n"
                     "listed in the text — 000_7452b51148cf25f9.txt line 442")
    assert w1[2] == f"{weights['W1']:.3f}"
    o1 = quadrants.tables[2].rows[0]
    assert o1[1].endswith("\nderived — 000_7452b51148cf25f9.txt line 142")


def test_characters_the_font_lacks_are_named_on_the_first_page() -> None:
    data = tie_data()
    data["strategies"][0]["label_en"] = "λ 中 ok"
    report = build_report(_input(model_from_dict(data)))
    notices = [b.text for b in report.blocks if isinstance(b, Paragraph) and b.style == "notice"]
    assert any(n.startswith("The report's font has no glyph") and n.endswith(": λ 中")
               for n in notices)
    clean = build_report(_input(load_model(TEHRAN)))
    assert not any("no glyph" in b.text for b in clean.blocks if isinstance(b, Paragraph))
