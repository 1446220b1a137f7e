"""The near-tie rule and the consistency verdict of swot.verdict."""

from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path

import pandas as pd
import pytest
from swot_testdata import TEHRAN

from swot.analysis import evaluate
from swot.cli import main
from swot.errors import DoubtfulResultWarning, SwotError
from swot.io import load_model, save_model
from swot.verdict import NEAR_TIE_MARGIN, doubts, top_moves, verdict, warn_doubts


def _with_priorities(result, priorities: list[float]):
    table = pd.DataFrame({"id": [f"X{i}" for i in range(len(priorities))],
                          "priority": priorities})
    return dataclasses.replace(result, strategies=table)


def test_tehran_leader_is_clear_and_consistent() -> None:
    # Shipped priorities: SO1 0.130981, WO1 0.125717 -> gap 0.005264 / 0.130981 = 4.0 % > 2 %.
    result = evaluate(load_model(TEHRAN))
    v = verdict(result)
    assert v.leaders == ["SO1"]
    assert not v.tied
    assert v.gap == pytest.approx((0.130981 - 0.125717) / 0.130981, abs=1e-5)
    assert v.consistent and v.failing.empty


def test_near_tie_names_every_strategy_within_the_margin() -> None:
    result = evaluate(load_model(TEHRAN))
    # 0.1144 vs 0.1140: gap 0.0004 / 0.1144 = 0.35 % -> tied; 0.1100 is 3.8 % behind -> not.
    v = verdict(_with_priorities(result, [0.1144, 0.1140, 0.1100, 0.05]))
    assert v.leaders == ["X0", "X1"]
    assert v.tied
    assert v.margin == NEAR_TIE_MARGIN
    wider = verdict(_with_priorities(result, [0.1144, 0.1140, 0.1100, 0.05]), margin=0.05)
    assert wider.leaders == ["X0", "X1", "X2"]


def test_failing_matrices_are_listed_with_their_cr() -> None:
    model = load_model(TEHRAN)
    # Make the groups matrix contradict itself: S >> W, W >> O, but O >> S.
    model = (model.set_judgment("judgments.groups", 0, 1, 9.0)
             .set_judgment("judgments.groups", 1, 2, 9.0)
             .set_judgment("judgments.groups", 0, 2, 1 / 9))
    v = verdict(evaluate(model))
    assert not v.consistent
    assert v.failing["matrix"].tolist() == ["judgments.groups"]
    assert float(v.failing["cr"].iloc[0]) > 0.1


def _contradictory_groups():
    model = load_model(TEHRAN)
    return (model.set_judgment("judgments.groups", 0, 1, 9.0)
            .set_judgment("judgments.groups", 1, 2, 9.0)
            .set_judgment("judgments.groups", 0, 2, 1 / 9))


def test_doubts_name_the_failing_matrix_and_the_tie() -> None:
    result = evaluate(_contradictory_groups())
    cr = float(verdict(result).failing["cr"].iloc[0])
    assert doubts(verdict(result))[0] == (
        f"judgments.groups has CR {cr:.3f} > 0.08 (fails its consistency threshold; the "
        "ranking is not sound)")  # n = 4: 0.08
    tied = _with_priorities(evaluate(load_model(TEHRAN)), [0.1144, 0.1140, 0.1100, 0.05])
    assert doubts(verdict(tied)) == [
        "X0, X1 are practically tied at the top (within 2% of the leader's priority)"]


def test_warn_doubts_warns_once_per_doubt_and_not_for_a_clear_result() -> None:
    with pytest.warns(DoubtfulResultWarning, match=r"judgments\.groups has CR") as caught:
        warn_doubts(evaluate(_contradictory_groups()))
    assert len(caught) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert warn_doubts(evaluate(load_model(TEHRAN))).leaders == ["SO1"]


def test_cli_rank_reports_doubts_as_warnings_on_stderr(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "doubtful.json"
    save_model(_contradictory_groups(), path)
    assert main(["rank", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "Warning" not in out and "Consistency: all" not in out
    [line] = err.splitlines()
    assert line.startswith(f"{path}: warning: judgments.groups has CR ")
    assert main(["rank", str(TEHRAN)]) == 0
    out, err = capsys.readouterr()
    # 28 = the groups matrix + 4 group-dependence matrices + 4 factor matrices + 19 strategy
    # matrices (22 factors, of which W7, O3 and T5 rate the strategies instead of pairing them)
    assert err == "" and "Consistency: all 28 pairwise matrices pass." in out


def test_margin_out_of_range_is_refused() -> None:
    with pytest.raises(SwotError, match="margin must be in"):
        verdict(evaluate(load_model(TEHRAN)), margin=1.5)


def test_top_moves_shows_ties_with_the_last_place_and_moves_since_before() -> None:
    """Hand-made rankings: C and D share the third place, so four rows; A rose from 2 to 1
    (+1, 0.30 - 0.28 = +0.02), B fell from 1 to 2 (-1, 0.25 - 0.30 = -0.05), C stayed (0, 0),
    D is new (no move, no change)."""
    now = pd.DataFrame({"rank": [1, 2, 3, 3, 5], "id": list("ABCDE"),
                        "priority": [0.30, 0.25, 0.20, 0.20, 0.05]})
    before = pd.DataFrame({"rank": [2, 1, 3, 4], "priority": [0.28, 0.30, 0.20, 0.12]},
                          index=pd.Index(list("ABCE"), name="id"))
    top = top_moves(now, before)
    assert list(top["id"]) == list("ABCD")
    assert top["moved"].tolist()[:3] == [1, -1, 0] and pd.isna(top["moved"].iloc[3])
    assert top["delta"].iloc[:3].tolist() == pytest.approx([0.02, -0.05, 0.0])
    assert pd.isna(top["delta"].iloc[3])
    first = top_moves(now, None, shown=2)  # no earlier ranking: nothing moved
    assert list(first["id"]) == ["A", "B"]
    assert first["moved"].tolist() == [0, 0] and first["delta"].tolist() == [0.0, 0.0]
    assert list(top_moves(now.head(2), None)["id"]) == ["A", "B"]  # fewer than shown
