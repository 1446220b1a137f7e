"""Evaluation of generated models of growing size (issue 18): the batched solve inside
``evaluate`` gives the per-matrix reference numbers (numpy.linalg.eig on each matrix, then the
stepwise composition)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from anp import SAATY_SCALE, random_index
from swot.analysis import compose, evaluate, pairwise_matrices
from swot.io import load_model
from swot.model import GROUPS, Factor, GroupDependence, Strategy, StrategyJudgment, SwotModel

_SCALE = np.array(SAATY_SCALE)


def _saaty_matrix(rng: np.random.Generator, n: int) -> np.ndarray:
    w = rng.uniform(1, 9, n)
    ratio = w[:, None] / w[None, :] * np.exp(0.5 * rng.standard_normal((n, n)))
    snapped = _SCALE[np.abs(np.log(ratio)[..., None] - np.log(_SCALE)).argmin(axis=-1)]
    return np.triu(snapped, 1) + np.triu(1 / snapped, 1).T + np.eye(n)


def random_model(factors: int, strategies: int, seed: int) -> SwotModel:
    """All matrices pairwise on Saaty's scale, every group depending on all four."""
    rng = np.random.default_rng(seed)
    per = [factors // 4 + (1 if k < factors % 4 else 0) for k in range(4)]
    fac = {g: [Factor(f"{g}{i + 1}", g, f"{g}{i + 1}", "") for i in range(n)]
           for g, n in zip(GROUPS, per, strict=True)}
    ids = [f.id for g in GROUPS for f in fac[g]]
    return SwotModel(
        title={"en": "random", "fa": ""}, goal={"en": "goal", "fa": ""}, factors=fac,
        strategies=[Strategy(f"A{k + 1}", f"A{k + 1}", "", "SO") for k in range(strategies)],
        group_judgments=_saaty_matrix(rng, 4),
        factor_judgments={g: _saaty_matrix(rng, len(fac[g])) for g in GROUPS},
        strategy_judgments={f: StrategyJudgment("pairwise", _saaty_matrix(rng, strategies))
                            for f in ids},
        group_dependence={g: GroupDependence(tuple(GROUPS), _saaty_matrix(rng, 4))
                          for g in GROUPS})


def _eig(a: np.ndarray) -> tuple[np.ndarray, float]:
    vals, vecs = np.linalg.eig(a)
    k = int(np.argmax(vals.real))
    v = np.abs(vecs[:, k].real)
    return v / v.sum(), float(vals[k].real)


@pytest.mark.parametrize(("factors", "strategies", "seed"),
                         [(8, 3, 1), (20, 9, 2), (13, 40, 3), (60, 14, 4)])
def test_evaluate_matches_per_matrix_eig_reference(factors: int, strategies: int,
                                                   seed: int) -> None:
    model = random_model(factors, strategies, seed)
    result = evaluate(model)
    ref = {path: _eig(m) for path, _, m in pairwise_matrices(model)}
    table = result.consistency.set_index("matrix")
    assert sorted(table.index) == sorted(ref)
    for path, (_, lam) in ref.items():
        n = int(table.loc[path, "n"])
        cr = max((lam - n) / (n - 1), 0) / random_index(n) if n > 2 else 0.0
        assert table.loc[path, "lambda_max"] == pytest.approx(lam if n > 2 else n, rel=1e-12)
        assert table.loc[path, "cr"] == pytest.approx(cr, rel=1e-9, abs=1e-12)
    dependence = np.column_stack([ref[f"judgments.group_dependence.{g}"][0] for g in GROUPS])
    local = np.concatenate([ref[f"judgments.factors.{g}"][0] for g in GROUPS])
    groups = np.array([GROUPS.index(f.group) for f in model.all_factors()])
    strategy = np.column_stack([ref[f"judgments.strategies.{f}"][0] for f in model.factor_ids()])
    steps = compose(ref["judgments.groups"][0], dependence, local, groups, strategy)
    np.testing.assert_allclose(result.stepwise.to_numpy(), steps.strategy_priorities,
                               rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(result.factors["global_weight"], steps.factor_global,
                               rtol=1e-10, atol=1e-14)
    ranked = result.strategies.set_index("id")["priority"]
    np.testing.assert_allclose(ranked[model.strategy_ids()].to_numpy(),
                               steps.strategy_priorities, rtol=1e-10, atol=1e-14)


DATA = Path(__file__).resolve().parents[2] / "data"


def _harker_eig(a: np.ndarray) -> tuple[np.ndarray, float]:
    """Harker (1987): gaps 0, diagonal 1 + gaps in the row; lambda_max of the matrix completed
    with w_i / w_j (the definitions in anp.pairwise and anp.consistency)."""
    miss = np.isnan(a)
    b = np.where(miss, 0.0, a) + np.diag(miss.sum(axis=1))
    w, _ = _eig(b)
    return w, _eig(np.where(miss, w[:, None] / w[None, :], a))[1]


@pytest.mark.parametrize("name", ["tehran_city_diplomacy.json", "example_firm.json",
                                  "tehran_city_diplomacy_network.json"])
def test_shipped_models_match_per_matrix_eig_to_1e12(name: str) -> None:
    model = load_model(DATA / name)
    result = evaluate(model)
    table = result.consistency.set_index("matrix")
    found = pairwise_matrices(model)
    assert sorted(table.index) == sorted(p for p, _, _ in found)
    for path, _, matrix in found:
        n = matrix.shape[0]
        w, lam = _eig(matrix) if not np.isnan(matrix).any() else _harker_eig(matrix)
        assert table.loc[path, "lambda_max"] == pytest.approx(lam if n > 2 else n, rel=1e-12)
        if path.startswith("judgments.factors."):
            group = path.rsplit(".", 1)[1]
            local = result.factors.loc[result.factors["group"] == group, "local_weight"]
            np.testing.assert_allclose(local, w, rtol=1e-12, atol=1e-15)
        if path.startswith("judgments.strategies."):
            column = result.strategy_matrix[path.rsplit(".", 1)[1]]
            np.testing.assert_allclose(column, w, rtol=1e-12, atol=1e-15)
