"""The facilitator's report: computed from the submissions, blanks where not judged."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import pytest
from store_testdata import tiny_model

from swot.workshop_report import OVERALL, build_report, masked


@dataclass(frozen=True)
class Sub:
    participant_name: str
    judgments: dict[str, Any]
    judged: tuple[str, ...] | None = None
    subgroup: str = ""
    weight: float = 1.0


def _person(name: str, sw: float, subgroup: str = "",
            judged: tuple[str, ...] | None = ("judgments.groups",)) -> Sub:
    judgments = copy.deepcopy(tiny_model()["judgments"])
    judgments["groups"][0][1], judgments["groups"][1][0] = sw, 1 / sw
    return Sub(name, judgments, judged, subgroup)


def test_report_uses_only_what_was_judged() -> None:
    model = tiny_model()
    subs = [_person("A", 9, "city"), _person("B", 1 / 9, "ngo"), _person("C", 3, "ngo")]
    report = build_report(model, subs, subs[:2], {1: subs})
    assert not report.error and report.submitted == 3 and report.included == 2
    row = report.side.iloc[0]
    assert (row["A"], row["B"], row["C"]) == pytest.approx((9, 1 / 9, 3))
    assert row["group"] == pytest.approx(1)  # the included A and B: sqrt(9 * 1/9)
    s_factors = report.side[report.side["matrix"] == "judgments.factors.S"].iloc[0]
    assert s_factors[["A", "B", "C"]].isna().all()  # nobody judged it: blank, not prefill
    assert "judgments.factors.S" in report.unjudged
    assert list(report.subgroup_names) == [OVERALL, "city", "ngo"]
    assert list(report.rounds["round"]) == [1] and report.rounds["matrices"].iloc[0] == 1
    assert set(report.round_rankings["round"]) == {1}


def test_masked_blanks_unjudged_matrices() -> None:
    model = tiny_model()
    out = masked(_person("A", 2), model)
    assert out["groups"][0][1] == 2
    assert out["factors"]["S"] == [[1, None], [None, 1]]
    assert out["strategies"]["O1"]["ratings"] == [None, None, None]


def test_empty_and_failing_reports() -> None:
    model = tiny_model()
    assert build_report(model, [], []).ranking is None
    broken = _person("A", 2)
    broken.judgments["groups"] = "nonsense"
    assert "groups" in build_report(model, [broken], [broken]).error
