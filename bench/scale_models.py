"""Generated SWOT models of any size for the scale benchmark (issue 18): four groups, every
matrix pairwise, inner dependence among the groups, judgments near-consistent and snapped to
Saaty's scale (as planners enter them)."""

from __future__ import annotations

import numpy as np

from anp import SAATY_SCALE
from swot.model import GROUPS, Factor, GroupDependence, Strategy, StrategyJudgment, SwotModel

_SCALE = np.array(SAATY_SCALE)


def saaty_matrix(rng: np.random.Generator, n: int, noise: float = 0.4) -> np.ndarray:
    """A reciprocal n x n matrix: w_i / w_j times log-normal noise, snapped to the 1-9 scale."""
    w = rng.uniform(1, 9, n)
    ratio = w[:, None] / w[None, :] * np.exp(noise * rng.standard_normal((n, n)))
    snapped = _SCALE[np.abs(np.log(ratio)[..., None] - np.log(_SCALE)).argmin(axis=-1)]
    upper = np.triu(snapped, 1)
    return upper + np.triu(1 / snapped, 1).T + np.eye(n)


def skeleton(factors: int, strategies: int) -> tuple[
        dict[str, list[Factor]], list[str], list[Strategy]]:
    """``factors`` factors spread as evenly as can be over S, W, O, T (S1, S2, ..., W1, ...),
    their ids in group order, and ``strategies`` strategies A1, A2, ..."""
    per = [factors // 4 + (1 if k < factors % 4 else 0) for k in range(4)]
    fac = {g: [Factor(f"{g}{i + 1}", g, f"{g}{i + 1}", "") for i in range(n)]
           for g, n in zip(GROUPS, per, strict=True)}
    ids = [f.id for g in GROUPS for f in fac[g]]
    return fac, ids, [Strategy(f"A{k + 1}", f"A{k + 1}", "", "SO") for k in range(strategies)]


def generated_model(factors: int, strategies: int, seed: int = 18) -> SwotModel:
    """A hierarchy with ``factors`` factors spread over S, W, O, T, ``strategies`` strategies,
    every matrix pairwise and each group depending on all four groups."""
    rng = np.random.default_rng(seed)
    fac, ids, strat = skeleton(factors, strategies)
    return SwotModel(
        title={"en": f"generated {factors} x {strategies}", "fa": ""},
        goal={"en": "goal", "fa": ""}, factors=fac, strategies=strat,
        group_judgments=saaty_matrix(rng, 4),
        factor_judgments={g: saaty_matrix(rng, len(fac[g])) for g in GROUPS},
        strategy_judgments={fid: StrategyJudgment("pairwise", saaty_matrix(rng, strategies))
                            for fid in ids},
        group_dependence={g: GroupDependence(tuple(GROUPS), saaty_matrix(rng, 4))
                          for g in GROUPS})
