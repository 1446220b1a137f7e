"""Evaluation of a SWOT model: the Yüksel–Dağdeviren steps and the equivalent ANP supermatrix.

Steps (Yüksel & Dağdeviren 2007, Information Sciences 177:3364–3382):

1. ``w1`` — the groups S, W, O, T compared with respect to the goal;
2. ``D`` — inner dependence: column G holds the groups' priorities with respect to G (identity
   when there is none); the interdependent group weights are ``w2 = D @ w1``;
3. local factor weights within each group; global weight = local weight x its group's ``w2``;
4. ``S`` — the strategies' priorities with respect to each factor (pairwise, or ratings
   normalised to sum 1); strategy priorities = ``S @ global factor weights``.

With ``weighting == "direct"`` the planner's direct group and factor weights, normalised
(groups over the four groups, factors within their group, absent weights = 0), replace steps
1–3 and no inner dependence is applied; step 4 is the same in both modes.

The supermatrix route builds an :class:`anp.Network` with clusters, in order, ``Goal`` (one
node), ``SWOT groups`` (S, W, O, T), — only with inner dependence in pairwise mode —
``SWOT groups (interdependent)`` (S*, W*, O*, T*), ``Factors`` and ``Strategies``. Links:
goal -> groups (``w1``); group G -> interdependent groups (column G of ``D``); interdependent
group G* (or G without dependence) -> factors (G's local weights, zero for other groups'
factors); factor -> strategies (step 4). Every source node links to one cluster only, so each
cluster weight is 1, and the strategies are sinks (zero columns, absorbing). It is therefore a
hierarchy with a dependence layer, and the goal's column of the limit matrix is exactly
``S · W3 · D · w1``, the stepwise result. (Putting the inner dependence as a loop inside the
groups cluster instead would make the limit a geometric series in ``D``, which is *not* the
stepwise result of the method.) The ranking is read from that limit with
:func:`anp.synthesize`; :func:`compose` is the vectorised stepwise route.

A model with ``structure == "network"`` is built and read by :mod:`swot.network` instead
(dependence among factors, feedback from strategies, cluster comparisons); its global factor
weights are the ones the ranking is composed from, so ``stepwise`` (``S @ global weights``)
equals the ranking in both structures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, cast

import numpy as np

import anp
from swot import network as factor_network
from swot.errors import PROJECT_ERRORS
from swot.model import GROUPS, Problem, SwotError, SwotModel

if TYPE_CHECKING:
    import pandas as pd

    from anp.pairwise import Method

__all__ = [
    "CLUSTERS",
    "GOAL_NODE",
    "Composition",
    "Evaluation",
    "EvaluationError",
    "check_model",
    "compose",
    "evaluate",
    "pairwise_matrices",
    "ranking",
    "with_direct_weighting",
]

GOAL_NODE = "Goal"
CLUSTERS = {
    "goal": "Goal",
    "groups": "SWOT groups",
    "dependent": "SWOT groups (interdependent)",
    "factors": "Factors",
    "strategies": "Strategies",
}
RANK_DIGITS = 12  # priorities equal to 12 significant digits share a rank


class EvaluationError(SwotError):
    """The model cannot be ranked yet; ``problems`` names each matrix and what it lacks."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Composition(NamedTuple):
    """Result of :func:`compose` (leading batch dimensions preserved)."""

    strategy_priorities: np.ndarray  # (..., m)
    factor_global: np.ndarray  # (..., nf)
    group_weights: np.ndarray  # (..., 4)


def compose(
    group_weights_goal: np.ndarray,
    dependence: np.ndarray,
    local_factor_weights: np.ndarray,
    factor_group_index: np.ndarray,
    strategy_matrix: np.ndarray,
) -> Composition:
    """Stepwise composition, vectorised over leading batch dimensions.

    Shapes: ``group_weights_goal`` (..., 4), ``dependence`` (..., 4, 4) column-stochastic,
    ``local_factor_weights`` (..., nf) with each group's block summing to 1,
    ``factor_group_index`` (nf,) the group index (0..3) of each factor, ``strategy_matrix``
    (..., m, nf) column-stochastic. Batch dimensions broadcast.
    """
    w1 = np.asarray(group_weights_goal, dtype=float)
    d = np.asarray(dependence, dtype=float)
    local = np.asarray(local_factor_weights, dtype=float)
    s = np.asarray(strategy_matrix, dtype=float)
    group_weights = (d @ w1[..., None])[..., 0]
    factor_global = local * np.take(group_weights, np.asarray(factor_group_index), axis=-1)
    strategy_priorities = (s @ factor_global[..., None])[..., 0]
    return Composition(strategy_priorities, factor_global, group_weights)


@dataclass(frozen=True, eq=False)
class Evaluation:
    """Everything :func:`evaluate` computes for one model."""

    model: SwotModel
    group_weights_goal: pd.Series  # step 1 (or direct group weights), index S..T
    dependence: pd.DataFrame  # step 2, rows influenced group, columns "with respect to"
    group_weights: pd.Series  # step 2 result
    factors: pd.DataFrame  # group, id, label_en, label_fa, provenance, local_/global_weight
    strategy_matrix: pd.DataFrame  # step 4, strategies x factors
    stepwise: pd.Series  # strategy priorities = S @ global factor weights, model order
    strategies: pd.DataFrame  # rank, id, label_en, label_fa, tows, priority, ideal
    consistency: pd.DataFrame  # matrix, n, missing, lambda_max, ci, cr, threshold, passes
    network: anp.Network
    unweighted: anp.LabelledMatrix
    weighted: anp.LabelledMatrix
    limit: anp.LabelledMatrix


def pairwise_matrices(model: SwotModel) -> list[tuple[str, list[str], np.ndarray]]:
    """Path, items and matrix of every pairwise matrix :func:`evaluate` weighs."""
    out: list[tuple[str, list[str], np.ndarray]] = []
    if model.weighting != "direct":
        out.append(("judgments.groups", list(GROUPS), model.group_judgments))
        out += [(f"judgments.group_dependence.{g}", list(dep.groups), dep.matrix)
                for g, dep in model.group_dependence.items()]
        out += [(f"judgments.factors.{g}", [f.id for f in model.factors[g]],
                 model.factor_judgments[g]) for g in GROUPS]
    ids = model.strategy_ids()
    for fid in model.factor_ids():
        judgment = model.strategy_judgments.get(fid)
        if judgment is not None and judgment.kind == "pairwise":
            out.append((f"judgments.strategies.{fid}", ids, judgment.values))
    if model.structure == "network":
        out += [(f"judgments.links.{src}.{c}", list(link.nodes), link.matrix)
                for src, sets in model.links.items() for c, link in sets.items()]
        out += [(f"judgments.clusters.{c}", list(cc.clusters), cc.matrix)
                for c, cc in model.cluster_comparisons.items()]
    return out


class _Collector:
    """Priorities and consistency per matrix, collecting problems. All the model's pairwise
    matrices are validated once and solved together (:func:`anp.solve_pairwise`) when the
    collector is made; :meth:`priority` then reads the result of one of them."""

    def __init__(self, method: str, model: SwotModel):
        self.method = cast("Method", method)  # anp.priority checks it
        self.problems: list[Problem] = []
        self.rows: list[dict[str, object]] = []
        found = pairwise_matrices(model)
        solved = anp.solve_pairwise([m for _, _, m in found], self.method,
                                    labels=[items for _, items, _ in found])
        self.solved = {path: (matrix, result)
                       for (path, _, matrix), result in zip(found, solved, strict=True)}

    def priority(self, path: str, items: list[str], matrix: np.ndarray) -> np.ndarray:
        entry = self.solved.get(path)
        if entry is not None and entry[0] is matrix:
            result = entry[1]
        else:  # not one of the model's matrices: solve it here
            result = anp.solve_pairwise([matrix], self.method, labels=[items])[0]
        if isinstance(result, anp.DisconnectedComparisonsError):
            names = ", ".join(str(u) for u in result.unreachable)
            self.problems.append(Problem(
                path, f"the known judgments do not link {names} to {result.reference}: "
                "enter at least one judgment for each"))
            return np.full(len(items), np.nan)
        if isinstance(result, anp.ANPError):
            self.problems.append(Problem(path, str(result)))
            return np.full(len(items), np.nan)
        n = len(items)
        self.rows.append({
            "matrix": path,
            "n": n,
            "missing": int(np.isnan(matrix[np.triu_indices(n, 1)]).sum()),
            "lambda_max": result.lambda_max,
            "ci": result.ci,
            "cr": result.cr,
            "threshold": result.threshold,
            "passes": bool(result.passes),
        })
        return result.weights


def _normalised(weights: np.ndarray) -> np.ndarray:
    """Non-negative ``weights`` scaled to sum 1 (NaN if none is positive). Divided by the
    largest first, so that weights near the float limit (1e308) do not overflow the sum."""
    peak = weights.max(initial=0.0)
    if not peak > 0:
        return np.full_like(weights, np.nan)
    scaled = weights / peak
    return scaled / scaled.sum()


def _steps_1_to_3(
    model: SwotModel, collect: _Collector
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Group weights w.r.t. the goal, dependence matrix, local factor weights."""
    factors = model.all_factors()
    local = np.zeros(len(factors))
    groups = np.array([GROUPS.index(f.group) for f in factors])
    dependence = np.eye(len(GROUPS))
    if model.weighting == "direct":
        w1 = _normalised(np.array([model.direct_group_weights.get(g, 0.0) for g in GROUPS]))
        if np.isnan(w1).any():
            collect.problems.append(
                Problem("direct_weights.groups", "at least one group weight must be positive"))
        for k, g in enumerate(GROUPS):
            block = _normalised(np.array(
                [model.direct_factor_weights.get(f.id, 0.0) for f in model.factors[g]]))
            if np.isnan(block).any():
                collect.problems.append(Problem(
                    "direct_weights.factors",
                    f"group {g} needs at least one positive factor weight"))
            local[groups == k] = block
        return w1, dependence, local
    w1 = collect.priority("judgments.groups", list(GROUPS), model.group_judgments)
    for g, dep in model.group_dependence.items():
        column = collect.priority(f"judgments.group_dependence.{g}", list(dep.groups),
                                  dep.matrix)
        k = GROUPS.index(g)
        dependence[:, k] = 0.0
        dependence[[GROUPS.index(x) for x in dep.groups], k] = column
    for k, g in enumerate(GROUPS):
        local[groups == k] = collect.priority(
            f"judgments.factors.{g}", [f.id for f in model.factors[g]], model.factor_judgments[g])
    return w1, dependence, local


def _step_4(model: SwotModel, collect: _Collector) -> np.ndarray:
    """Strategies x factors priority matrix."""
    ids = model.strategy_ids()
    columns = []
    for fid in model.factor_ids():
        path = f"judgments.strategies.{fid}"
        judgment = model.strategy_judgments.get(fid)
        if judgment is None:
            collect.problems.append(Problem(path, "no strategy judgments for this factor"))
            columns.append(np.full(len(ids), np.nan))
        elif judgment.kind == "pairwise":
            columns.append(collect.priority(path, ids, judgment.values))
        else:
            ratings = judgment.values
            unrated = [ids[k] for k in np.flatnonzero(np.isnan(ratings))]
            if unrated:
                collect.problems.append(Problem(path, f"not yet rated: {', '.join(unrated)}"))
            elif not (ratings > 0).any():
                collect.problems.append(Problem(path, "at least one rating must be positive"))
            columns.append(_normalised(np.nan_to_num(ratings)))
    return np.column_stack(columns)


def _network(
    model: SwotModel, w1: np.ndarray, dependence: np.ndarray, local: np.ndarray,
    strategy_matrix: np.ndarray, with_dependence: bool,
) -> anp.Network:
    net = anp.Network()
    factor_ids = model.factor_ids()
    net.add_cluster(CLUSTERS["goal"], [GOAL_NODE])
    net.add_cluster(CLUSTERS["groups"], list(GROUPS))
    if with_dependence:
        net.add_cluster(CLUSTERS["dependent"], [g + "*" for g in GROUPS])
    net.add_cluster(CLUSTERS["factors"], factor_ids)
    net.add_cluster(CLUSTERS["strategies"], model.strategy_ids())
    net.set_priorities(GOAL_NODE, CLUSTERS["groups"], w1)
    groups = np.array([GROUPS.index(f.group) for f in model.all_factors()])
    for k, g in enumerate(GROUPS):
        to_factors = np.where(groups == k, local, 0.0)
        if with_dependence:
            net.set_priorities(g, CLUSTERS["dependent"], dependence[:, k])
            net.set_priorities(g + "*", CLUSTERS["factors"], to_factors)
        else:
            net.set_priorities(g, CLUSTERS["factors"], to_factors)
    for j, fid in enumerate(factor_ids):
        net.set_priorities(fid, CLUSTERS["strategies"], strategy_matrix[:, j])
    return net


def ranking(model: SwotModel, priorities: np.ndarray, ideal: np.ndarray) -> pd.DataFrame:
    """The ranking table: rank, id, label_en, label_fa, tows, priority, ideal, in rank order;
    priorities equal to 12 significant digits share the best rank (ties keep model order)."""
    import pandas as pd  # here, not at the top: ``swot-anp validate`` never needs pandas

    rounded = pd.Series([float(f"{p:.{RANK_DIGITS}g}") for p in priorities])
    table = pd.DataFrame({
        "rank": rounded.rank(method="min", ascending=False).astype(int),
        "id": model.strategy_ids(),
        "label_en": [s.label_en for s in model.strategies],
        "label_fa": [s.label_fa for s in model.strategies],
        "tows": [s.tows for s in model.strategies],
        "priority": np.asarray(priorities, dtype=float),
        "ideal": np.asarray(ideal, dtype=float),
    })
    return table.sort_values("rank", kind="stable").reset_index(drop=True)


def _judged(model: SwotModel, method: str) -> tuple[
        _Collector, np.ndarray, np.ndarray, np.ndarray, np.ndarray,
        factor_network.NetworkInputs | None]:
    """The priorities of every judgment matrix (the collector holds the problems and the
    consistency rows): group weights, dependence, local factor weights, strategy matrix and,
    for a network, its inputs."""
    collect = _Collector(method, model)
    w1, dependence, local = _steps_1_to_3(model, collect)
    strategy_matrix = _step_4(model, collect)
    is_network = model.structure == "network"
    inputs = factor_network.network_inputs(model, collect) if is_network else None
    return collect, w1, dependence, local, strategy_matrix, inputs


def evaluate(model: SwotModel, method: str = "eigen") -> Evaluation:
    """Weigh and rank; ``method`` ("eigen" or "geometric") derives pairwise priorities.

    Raises :class:`EvaluationError` listing every matrix that cannot be used yet (e.g. blanks
    that leave an item unlinked, unrated strategies).
    """
    import pandas as pd  # here, not at the top: ``swot-anp validate`` never needs pandas

    collect, w1, dependence, local, strategy_matrix, inputs = _judged(model, method)
    if collect.problems:
        raise EvaluationError(collect.problems)

    factors = model.all_factors()
    group_index = np.array([GROUPS.index(f.group) for f in factors])
    steps = compose(w1, dependence, local, group_index, strategy_matrix)

    with_dependence = model.weighting == "pairwise" and bool(model.group_dependence)
    if inputs is None:
        net = _network(model, w1, dependence, local, strategy_matrix, with_dependence)
    else:
        net = factor_network.build_network(model, w1, dependence, local, strategy_matrix,
                                           with_dependence, inputs)
    unweighted = net.unweighted_supermatrix()
    weighted = net.weighted_supermatrix()
    limit = anp.LabelledMatrix(anp.limit_matrix(weighted.matrix), weighted.labels,
                               weighted.clusters)
    if inputs is not None:
        factor_global = factor_network.network_weights(model, weighted.matrix, limit.matrix,
                                                       weighted.labels, steps.factor_global)
        steps = steps._replace(factor_global=factor_global,
                               strategy_priorities=strategy_matrix @ factor_global)
    labels = list(limit.labels)
    rows = [labels.index(s) for s in model.strategy_ids()]
    column = labels.index(GOAL_NODE)
    priorities = anp.synthesize(limit.matrix, rows, column, mode="normal")
    ideal = anp.synthesize(limit.matrix, rows, column, mode="ideal")

    strategy_ids = model.strategy_ids()
    return Evaluation(
        model=model,
        group_weights_goal=pd.Series(w1, index=list(GROUPS), name="weight"),
        dependence=pd.DataFrame(dependence, index=list(GROUPS), columns=list(GROUPS)),
        group_weights=pd.Series(steps.group_weights, index=list(GROUPS), name="weight"),
        factors=pd.DataFrame({
            "group": [f.group for f in factors],
            "id": [f.id for f in factors],
            "label_en": [f.label_en for f in factors],
            "label_fa": [f.label_fa for f in factors],
            "provenance": [f.provenance for f in factors],
            "local_weight": local,
            "global_weight": steps.factor_global,
        }),
        strategy_matrix=pd.DataFrame(strategy_matrix, index=strategy_ids,
                                     columns=[f.id for f in factors]),
        stepwise=pd.Series(steps.strategy_priorities, index=strategy_ids, name="priority"),
        strategies=ranking(model, priorities, ideal),
        consistency=pd.DataFrame(collect.rows, columns=[
            "matrix", "n", "missing", "lambda_max", "ci", "cr", "threshold", "passes"]),
        network=net,
        unweighted=unweighted,
        weighted=weighted,
        limit=limit,
    )


def check_model(model: SwotModel) -> list[Problem]:
    """The problems that keep a (valid) model from being ranked; empty if it can be. These are
    the problems of its judgment matrices (what :func:`evaluate` raises); the supermatrix built
    from usable matrices is column-stochastic by construction, so its limit is not computed
    here (``swot-anp validate`` stays fast)."""
    return _judged(model, "eigen")[0].problems


def with_direct_weighting(model: SwotModel, result: Evaluation | None = None) -> SwotModel:
    """``model`` in direct mode. A model without direct weights starts from the group weights
    and local factor weights its pairwise judgments give (``result``, or evaluated here), rounded
    to 4 decimals; equal weights when those cannot be computed."""
    direct = model.set_weighting("direct")
    if model.direct_group_weights or model.direct_factor_weights:
        return direct
    if result is None:
        try:
            result = evaluate(model)
        except PROJECT_ERRORS:  # e.g. a limit that cannot be trusted
            result = None
    local = result.factors.set_index("id")["local_weight"] if result is not None else None
    for g in GROUPS:
        weight = float(result.group_weights[g]) if result is not None else 0.25
        direct = direct.set_direct_weight("group", g, round(weight, 4))
    for f in model.all_factors():
        weight = (float(local[f.id]) if local is not None else 1 / len(model.factors[f.group]))
        direct = direct.set_direct_weight("factor", f.id, round(weight, 4))
    return direct
