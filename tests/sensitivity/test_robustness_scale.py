"""Monte Carlo on large models (issue 18): chunks bounded by a memory budget, early stop at a
stated precision of the rank probabilities, network models included."""

from __future__ import annotations

import math
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from swot.io import load_model
from swot.model import GROUPS, Factor, Strategy, StrategyJudgment, SwotModel
from swot.sensitivity import (
    CHUNK,
    MIN_SAMPLES,
    SensitivityRequestError,
    chunk_size,
    robustness,
)

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def tehran() -> SwotModel:
    return load_model(DATA / "tehran_city_diplomacy.json")


def _wide(factors: int, strategies: int) -> SwotModel:
    """A model with many pairwise strategy matrices (consistent judgments)."""
    rng = np.random.default_rng(0)
    per = factors // 4
    fac = {g: [Factor(f"{g}{i}", g, f"{g}{i}", "") for i in range(per)] for g in GROUPS}

    def consistent(n: int) -> np.ndarray:
        w = rng.uniform(1, 9, n)
        return w[:, None] / w[None, :]

    return SwotModel(
        title={"en": "wide", "fa": ""}, goal={"en": "g", "fa": ""}, factors=fac,
        strategies=[Strategy(f"A{k}", f"A{k}", "", "SO") for k in range(strategies)],
        group_judgments=consistent(4),
        factor_judgments={g: consistent(per) for g in GROUPS},
        strategy_judgments={f.id: StrategyJudgment("pairwise", consistent(strategies))
                            for g in GROUPS for f in fac[g]})


def test_small_models_keep_chunks_of_500_and_budget_shrinks_them(tehran: SwotModel) -> None:
    assert chunk_size(tehran) == CHUNK  # so the draws are those of the fixed chunk of 500
    big = _wide(60, 20)
    sizes = [chunk_size(big, budget) for budget in (2**30, 2**26, 2**24, 2**22, 1)]
    assert sizes[0] == CHUNK and sizes[-1] == 1
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == len(sizes)
    # the chunk is inversely proportional to the budget, within rounding down
    assert sizes[2] == pytest.approx(sizes[1] / 4, abs=1)


def test_budget_sets_the_chunks_and_the_same_budget_reproduces(tehran: SwotModel) -> None:
    budget = 2**21
    per = chunk_size(tehran, budget)
    assert 1 < per < CHUNK
    seen: list[float] = []
    a = robustness(tehran, n=300, seed=4, memory_budget=budget, progress=seen.append)
    b = robustness(tehran, n=300, seed=4, memory_budget=budget)
    assert len(seen) == math.ceil(300 / per)
    np.testing.assert_array_equal(a.stats.rank_probabilities, b.stats.rank_probabilities)
    np.testing.assert_array_equal(a.stats.quantiles, b.stats.quantiles)


def test_memory_budget_bounds_the_peak() -> None:
    model = _wide(60, 20)
    peaks = []
    for budget in (2**22, 2**26):
        robustness(model, n=2, seed=1)  # warm caches outside the measurement
        tracemalloc.start()
        robustness(model, n=120, seed=1, memory_budget=budget)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert peaks[0] <= 2**22 + 2**21  # the budget, plus the model's own tables
    assert peaks[1] > 2 * peaks[0]  # a larger budget does take more: the bound is real


@pytest.mark.parametrize("name", ["tehran_city_diplomacy.json",
                                  "tehran_city_diplomacy_network.json"])
def test_early_stop_reports_standard_error_and_equals_the_shorter_run(name: str) -> None:
    model = load_model(DATA / name)
    stopped = robustness(model, n=20_000, seed=6, spread=0.3, precision=0.01)
    assert stopped.requested == 20_000 and stopped.precision == 0.01
    assert MIN_SAMPLES <= stopped.samples < 20_000
    assert stopped.samples % CHUNK == 0
    p = stopped.stats.rank_probabilities
    se = np.sqrt(p * (1 - p) / stopped.samples).max()
    assert stopped.standard_error == pytest.approx(se, rel=1e-12)
    assert stopped.standard_error <= 0.01
    # one chunk fewer would not have been precise enough
    shorter = robustness(model, n=stopped.samples - CHUNK, seed=6, spread=0.3)
    assert shorter.samples < MIN_SAMPLES or shorter.standard_error > 0.01
    same = robustness(model, n=stopped.samples, seed=6, spread=0.3)
    np.testing.assert_array_equal(stopped.stats.rank_probabilities, same.stats.rank_probabilities)
    np.testing.assert_array_equal(stopped.stats.quantiles, same.stats.quantiles)


def test_unreached_precision_uses_every_sample(tehran: SwotModel) -> None:
    result = robustness(tehran, n=600, seed=1, spread=0.5, precision=0.001)
    assert result.samples == 600 and result.standard_error > 0.001
    plain = robustness(tehran, n=600, seed=1, spread=0.5)
    assert plain.precision is None and plain.standard_error == result.standard_error


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"precision": 0.0}, "precision"),
    ({"precision": 0.5}, "precision"),
    ({"precision": float("nan")}, "precision"),
    ({"precision": True}, "precision"),
    ({"precision": "0.1"}, "precision"),  # a message, not a TypeError from the comparison
    ({"memory_budget": 0}, "memory budget"),
    ({"memory_budget": 1.5}, "memory budget"),
])
def test_bad_precision_or_budget_is_refused(tehran: SwotModel, kwargs: dict,
                                           match: str) -> None:
    with pytest.raises(SensitivityRequestError, match=match):
        robustness(tehran, n=10, **kwargs)
