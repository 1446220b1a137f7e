"""swot.sensitivity: sweeps, reversals, Monte Carlo robustness and CSV bytes on models."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from swot.analysis import evaluate
from swot.io import load_model, model_from_dict
from swot.model import SwotModel
from swot.sensitivity import (
    SensitivityRequestError,
    reversals_csv,
    robustness,
    robustness_csv,
    sweep_cluster,
    sweep_csv,
    sweep_factor,
    sweep_group,
)

TEHRAN = Path(__file__).resolve().parents[2] / "data" / "tehran_city_diplomacy.json"


def _factor(fid: str) -> dict[str, str]:
    return {"id": fid, "label_en": f"factor {fid}", "label_fa": ""}


def toy_data() -> dict[str, Any]:
    """Two strategies, one factor per group, equal group judgments, rated strategies."""
    return {
        "format": "swot-anp-model",
        "version": 1,
        "title": {"en": "Toy", "fa": ""},
        "goal": {"en": "Choose", "fa": ""},
        "factors": {g: [_factor(g + "1")] for g in "SWOT"},
        "strategies": [
            {"id": "A", "label_en": "Grow", "label_fa": "رشد", "tows": "SO", "factors": ["S1"]},
            {"id": "B", "label_en": "=Hold", "label_fa": "", "tows": "WT", "factors": ["T1"]},
        ],
        "judgments": {
            "groups": [[1.0] * 4 for _ in range(4)],
            "factors": {g: [[1]] for g in "SWOT"},
            "strategies": {
                "S1": {"ratings": [3, 1]},
                "W1": {"ratings": [1, 1]},
                "O1": {"ratings": [1, 4]},
                "T1": {"ratings": [1, 1]},
            },
        },
    }


@pytest.fixture(scope="module")
def tehran() -> SwotModel:
    return load_model(TEHRAN)


@pytest.fixture
def toy() -> SwotModel:
    return model_from_dict(toy_data())


def test_group_reversal_of_toy_model_equals_hand_computation(toy: SwotModel) -> None:
    # Group weights are 1/4 each; strategy priorities per factor: S1 (3/4, 1/4), W1 (1/2, 1/2),
    # O1 (1/5, 4/5), T1 (1/2, 1/2). Sweeping S to x leaves (1 - x)/3 for each other group:
    #   P_A = 3/4 x + (1 - x)/3 (1/2 + 1/5 + 1/2) = 0.75 x + 0.4 (1 - x)
    #   P_B = 1/4 x + (1 - x)/3 (1/2 + 4/5 + 1/2) = 0.25 x + 0.6 (1 - x)
    # Equal when 0.5 x = 0.2 (1 - x), i.e. x = 2/7 (between the grid points 0.28 and 0.29).
    sweep = sweep_group(toy, "S")
    assert sweep.priorities.shape == (101, 2)
    assert sweep.current == pytest.approx(0.25)
    rev = sweep.reversals
    assert len(rev) == 1
    assert rev["weight"].iloc[0] == pytest.approx(2 / 7, abs=1e-12)
    assert (rev["strategy_a"].iloc[0], rev["strategy_b"].iloc[0]) == ("B", "A")
    assert bool(rev["top_change"].iloc[0])
    assert rev["priority"].iloc[0] == pytest.approx(0.75 * 2 / 7 + 0.4 * 5 / 7, abs=1e-12)
    x = sweep.x
    np.testing.assert_allclose(sweep.priorities["A"], 0.75 * x + 0.4 * (1 - x), atol=1e-12)


def test_group_sweep_passes_through_the_evaluated_ranking(tehran: SwotModel) -> None:
    result = evaluate(tehran)
    for group in "SWOT":
        sweep = sweep_group(tehran, group, points=101, result=result)
        assert sweep.current == pytest.approx(result.group_weights[group])
        # The priorities at the current weight (interpolated exactly: they are linear) match.
        at = sweep.priorities.apply(lambda s, c=sweep.current, x=sweep.x: np.interp(c, x, s))
        np.testing.assert_allclose(at[list(result.stepwise.index)], result.stepwise, atol=1e-12)
        np.testing.assert_allclose(sweep.priorities.sum(axis=1), 1.0)
        assert (np.diff(sweep.reversals["weight"]) >= 0).all()


def test_factor_sweep_on_toy_model_by_hand(toy: SwotModel) -> None:
    # Factor O1 at global weight x, the other three at (1 - x)/3 each:
    #   P_A = 0.2 x + (1 - x)/3 (3/4 + 1/2 + 1/2) = 0.2 x + (7/12)(1 - x)
    #   P_B = 0.8 x + (1 - x)/3 (1/4 + 1/2 + 1/2) = 0.8 x + (5/12)(1 - x)
    # Equal when 0.6 x = (1/6)(1 - x), i.e. x = 1/4.6 = 5/23.
    sweep = sweep_factor(toy, "O1", points=51)
    assert sweep.current == pytest.approx(0.25)
    assert list(sweep.reversals["weight"]) == [pytest.approx(5 / 23, abs=1e-12)]
    assert list(sweep.reversals["strategy_a"]) == ["A"]


def test_sweeps_reject_unknown_targets(toy: SwotModel) -> None:
    with pytest.raises(SensitivityRequestError, match="unknown group"):
        sweep_group(toy, "X")
    with pytest.raises(SensitivityRequestError, match="unknown factor"):
        sweep_factor(toy, "Z9")
    with pytest.raises(SensitivityRequestError, match="points"):
        sweep_group(toy, "S", points=1)
    with pytest.raises(SensitivityRequestError, match="links only"):
        sweep_cluster(toy, "SWOT groups", "Factors")


def test_zero_spread_gives_the_deterministic_ranking_every_time(tehran: SwotModel) -> None:
    m = len(tehran.strategies)
    for kwargs in ({"method": "lognormal", "spread": 0.0}, {"method": "saaty", "steps": 0}):
        result = robustness(tehran, n=40, seed=5, **kwargs)  # type: ignore[arg-type]
        np.testing.assert_array_equal(result.rank_probabilities.iloc[:, 3:].to_numpy(),
                                      np.eye(m))
        assert list(result.summary["rank"]) == list(range(1, m + 1))
        q = result.summary[["p05", "p50", "p95"]].to_numpy()
        np.testing.assert_allclose(q, np.repeat(result.summary[["priority"]].to_numpy(), 3, 1),
                                   atol=1e-9)


@pytest.mark.parametrize("kwargs", [
    {"method": "lognormal", "spread": 0.3},
    {"method": "saaty", "steps": 2},
    {"method": "lognormal", "spread": 5.0, "perturb_direct": True},
    {"method": "saaty", "steps": 16},
])
def test_rank_probabilities_sum_to_one_and_stay_finite(tehran: SwotModel,
                                                       kwargs: dict[str, Any]) -> None:
    result = robustness(tehran, n=300, seed=2, **kwargs)
    probs = result.rank_probabilities.iloc[:, 3:].to_numpy()
    np.testing.assert_allclose(probs.sum(axis=0), 1.0)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)
    np.testing.assert_allclose(result.summary["p_first"], probs[:, 0])
    values = result.summary[["p05", "p50", "p95", "mean"]].to_numpy()
    assert np.isfinite(values).all()
    assert (values >= 0).all() and (values <= 1).all()
    assert (result.summary["p05"] <= result.summary["p95"]).all()


def test_noise_moves_the_ranking(tehran: SwotModel) -> None:
    result = robustness(tehran, n=300, seed=2, spread=0.5)
    probs = result.rank_probabilities.iloc[:, 3:].to_numpy()
    assert (np.diag(probs) < 1).any()


def test_single_sample(tehran: SwotModel) -> None:
    result = robustness(tehran, n=1, seed=0, spread=1.0)
    probs = result.rank_probabilities.iloc[:, 3:].to_numpy()
    assert set(np.unique(probs)) <= {0.0, 1.0}
    np.testing.assert_allclose(probs.sum(axis=0), 1.0)
    assert result.samples == 1


def test_seed_reproduces_arrays_and_bytes_across_chunks(tehran: SwotModel) -> None:
    first = robustness(tehran, n=700, seed=11, spread=0.4)  # two chunks
    again = robustness(tehran, n=700, seed=11, spread=0.4)
    other = robustness(tehran, n=700, seed=12, spread=0.4)
    np.testing.assert_array_equal(first.stats.rank_probabilities, again.stats.rank_probabilities)
    np.testing.assert_array_equal(first.stats.quantiles, again.stats.quantiles)
    assert robustness_csv(first, "fa") == robustness_csv(again, "fa")
    assert robustness_csv(first) != robustness_csv(other)


def test_perturb_direct_touches_ratings_and_direct_weights(tehran: SwotModel) -> None:
    # Only the ratings vary: the pairwise judgments stay fixed with steps = 0 on Saaty's scale.
    fixed = robustness(tehran, n=200, seed=3, method="saaty", steps=0)
    rated = robustness(tehran, n=200, seed=3, method="saaty", steps=0, perturb_direct=True,
                       spread=0.5)
    assert (fixed.summary["p05"] == fixed.summary["p95"]).all()
    assert (rated.summary["p05"] < rated.summary["p95"]).all()
    direct = dataclasses.replace(tehran, weighting="direct")
    base = evaluate(direct)
    still = robustness(direct, n=50, seed=3, spread=0.0, perturb_direct=True)
    np.testing.assert_allclose(still.summary.set_index("id")["p50"],
                               base.stepwise[still.summary["id"]], atol=1e-12)
    moved = robustness(direct, n=200, seed=3, spread=0.3, perturb_direct=True)
    unmoved = robustness(direct, n=200, seed=3, spread=0.3)
    width = (moved.summary["p95"] - moved.summary["p05"]).to_numpy()
    assert (width > (unmoved.summary["p95"] - unmoved.summary["p05"]).to_numpy()).all()


def test_progress_reports_each_chunk(tehran: SwotModel) -> None:
    seen: list[float] = []
    robustness(tehran, n=1200, seed=1, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) == 3


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"n": 0}, "samples"),
    ({"seed": -1}, "seed"),
    ({"method": "uniform"}, "method"),
    ({"spread": float("nan")}, "spread"),
    ({"spread": "0.1"}, "spread"),  # a message, not a TypeError from the comparison
    ({"spread": None}, "spread"),
    ({"steps": -2}, "steps"),
    # 10**11 samples would hang for days; 10**20 steps overflowed inside numpy's integers()
    ({"n": 10**11}, "samples"),
    ({"method": "saaty", "steps": 17}, "steps"),
    ({"method": "saaty", "steps": 10**20}, "steps"),
])
def test_robustness_rejects_bad_requests(toy: SwotModel, kwargs: dict[str, Any],
                                         match: str) -> None:
    with pytest.raises(SensitivityRequestError, match=match):
        robustness(toy, **kwargs)


def test_csv_bytes_follow_the_export_rules(toy: SwotModel) -> None:
    sweep = sweep_group(toy, "S", points=11)
    data = sweep_csv(sweep, "en")
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "kind,target,weight,id,label,priority"
    assert len(lines) == 1 + 11 * 2 + 1  # header, rows, final line end
    assert "'=Hold" in data.decode("utf-8-sig")  # formula neutralised
    fa = sweep_csv(sweep, "fa").decode("utf-8-sig")
    assert "رشد" in fa and "'=Hold" in fa  # empty Persian label falls back to English
    rev = reversals_csv(sweep, "both").decode("utf-8-sig").split("\r\n")
    assert rev[0] == ("kind,target,weight,strategy_a,label_en_a,label_fa_a,strategy_b,"
                      "label_en_b,label_fa_b,priority,top_change")
    assert len(rev) == 3
    with pytest.raises(SensitivityRequestError, match="language"):
        sweep_csv(sweep, "de")
    result = robustness(toy, n=20, seed=1)
    header = robustness_csv(result).decode("utf-8-sig").split("\r\n")[0]
    assert header == "id,label,rank,priority,p_first,p05,p50,p95,mean,rank_1,rank_2"
