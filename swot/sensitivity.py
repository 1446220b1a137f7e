"""Sensitivity and robustness of a model's strategy ranking.

One-way sweeps (:func:`sweep_group`, :func:`sweep_factor`, :func:`sweep_cluster`) vary one weight
from 0 to 1, the others rescaled in proportion, and list the rank reversals found exactly by root
finding (:func:`anp.sensitivity.crossings`). What is varied:

* a group: its *final* weight, after inner dependence (``Evaluation.group_weights``); factors
  keep their local weights, so each factor's global weight scales with its group;
* a factor: its *global* weight (``Evaluation.factors.global_weight``), all other factors' global
  weights rescaled in proportion (so group totals change too);
* a cluster: its weight in a source cluster's column of the cluster matrix of the evaluation's
  ANP network. In the hierarchy every node links to one cluster only, so there every cluster
  weight is 1 and such a sweep is refused; in a factor-level network (structure "network",
  :mod:`swot.network`) a factor cluster whose factors depend on others links to two or more
  clusters, and its weights are swept with the limit recomputed at each point.

In a network the group sweep passes the swept hierarchical weights through the network
(:func:`swot.network.factor_transfer`), and the factor sweep varies the factor's network global
weight (the weight the ranking is composed from).

:func:`robustness` is a Monte Carlo study: each sample perturbs the judgments (log-normal noise or
random steps on Saaty's scale) and ranks the strategies again. Samples are evaluated with the
stepwise Yüksel–Dağdeviren kernel :func:`swot.analysis.compose`, which equals the supermatrix
route for hierarchies (see :mod:`swot.analysis`), in batches: all perturbed matrices of one
size go through one eigen-solve batch per chunk of samples (the kernels, without
re-validating: the model's matrices are checked once, by :func:`swot.analysis.evaluate`).
For a network the link and cluster-comparison judgments are perturbed too and each sample is
ranked from its own limit by :func:`swot.network.batch_rank` (solves batched over the chunk).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

import anp
from anp.pairwise import Method as PriorityMethod
from anp.pairwise import priority_stack
from anp.sensitivity import (
    OneWay,
    RankStats,
    cluster_sweep,
    lognormal_from_upper,
    one_way,
    perturb_weights,
    rank_statistics,
    ranks,
    saaty_steps_from_positions,
    snap_to_saaty,
)
from swot import network as factor_network
from swot.analysis import GOAL_NODE, Evaluation, compose, evaluate
from swot.export import EXPORT_LANGS, dataframe_csv, in_persian
from swot.model import GROUPS, SwotError, SwotModel

__all__ = [
    "CHUNK",
    "MEMORY_BUDGET",
    "METHODS",
    "MIN_SAMPLES",
    "Robustness",
    "SensitivityRequestError",
    "Sweep",
    "chunk_size",
    "rank_standard_error",
    "reversals_csv",
    "robustness",
    "robustness_csv",
    "sweep_cluster",
    "sweep_csv",
    "sweep_factor",
    "sweep_group",
]

METHODS: tuple[str, ...] = ("lognormal", "saaty")
CHUNK = 500  # samples per batch at most; fewer when CHUNK samples exceed the memory budget
MEMORY_BUDGET = 256 * 2**20  # bytes of working arrays one chunk of samples may take
MIN_SAMPLES = 1_000  # an early stop (``precision``) never comes before this many samples
_WORK_COPIES = 6  # arrays the size of one sample's matrices alive at once (tracemalloc)

Method = Literal["lognormal", "saaty"]


class SensitivityRequestError(SwotError):
    """A sensitivity or robustness request that cannot be run (unknown group, bad N, ...)."""


@dataclass(frozen=True, eq=False)
class Sweep:
    """A one-way sweep of one weight.

    ``kind`` is "group", "factor" or "cluster"; ``target`` names what is varied; ``x`` (k,) is
    the grid; ``priorities`` has one row per grid point (index ``weight``) and one column per
    strategy id; ``current`` is the model's weight; ``reversals`` lists each change of order:
    weight, strategy_a (ahead below that weight), strategy_b (ahead above it), priority (their
    common priority there), top_change (the first place changes hands).
    """

    model: SwotModel
    kind: str
    target: str
    x: np.ndarray
    priorities: pd.DataFrame
    current: float
    reversals: pd.DataFrame


@dataclass(frozen=True, eq=False)
class Robustness:
    """Monte Carlo robustness of a ranking; tables in the deterministic rank order.

``samples`` were drawn out of ``requested``: fewer when an early stop at ``precision`` was
asked for and reached. ``standard_error`` is the largest standard error
``sqrt(p (1 - p) / samples)`` of the rank probabilities p.

    ``summary``: id, label_en, label_fa, rank and priority (deterministic), p_first, p05, p50,
    p95 (priority percentiles), mean. ``rank_probabilities``: id, label_en, label_fa and one
    column ``rank_<r>`` per rank r = 1..m, each row and each rank column summing to 1.
    """

    model: SwotModel
    samples: int
    seed: int
    method: str
    spread: float
    steps: int
    perturb_direct: bool
    stats: RankStats
    summary: pd.DataFrame
    rank_probabilities: pd.DataFrame
    requested: int = 0
    precision: float | None = None
    standard_error: float = float("nan")


# ----------------------------------------------------------------- one-way sweeps


def _reversals(model: SwotModel, sweep: OneWay) -> pd.DataFrame:
    ids = model.strategy_ids()
    return pd.DataFrame({
        "weight": [c.x for c in sweep.crossings],
        "strategy_a": [ids[c.i] for c in sweep.crossings],
        "strategy_b": [ids[c.j] for c in sweep.crossings],
        "priority": [c.value for c in sweep.crossings],
        "top_change": [c.top_change for c in sweep.crossings],
    }, columns=["weight", "strategy_a", "strategy_b", "priority", "top_change"])


def _sweep(model: SwotModel, kind: str, target: str, sweep: OneWay, current: float) -> Sweep:
    priorities = pd.DataFrame(sweep.priorities, columns=model.strategy_ids(),
                              index=pd.Index(sweep.x, name="weight"))
    return Sweep(model=model, kind=kind, target=target, x=sweep.x, priorities=priorities,
                 current=float(current), reversals=_reversals(model, sweep))


def _arrays(result: Evaluation) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Local factor weights, factor group indices, strategy matrix (m, nf)."""
    factors = result.factors
    groups = np.array([GROUPS.index(g) for g in factors["group"]])
    return (factors["local_weight"].to_numpy(float), groups,
            result.strategy_matrix.to_numpy(float))


def _evaluated(model: SwotModel, result: Evaluation | None) -> Evaluation:
    return evaluate(model) if result is None else result


def sweep_group(model: SwotModel, group: str, points: int = 101,
                result: Evaluation | None = None) -> Sweep:
    """Sweep the final weight of SWOT group ``group`` (S, W, O or T) from 0 to 1.

    ``result`` is the model's evaluation when already computed. All grid points are evaluated in
    one batched call of :func:`swot.analysis.compose`.
    """
    if group not in GROUPS:
        raise SensitivityRequestError(f"unknown group {group!r}; use one of {', '.join(GROUPS)}")
    result = _evaluated(model, result)
    local, groups, strategy = _arrays(result)
    identity = np.eye(len(GROUPS))

    transfer = _transfer(model, result)

    def priorities(rows: np.ndarray) -> np.ndarray:
        steps = compose(rows, identity, local, groups, strategy)
        if transfer is None:
            return steps.strategy_priorities
        x = factor_network.effective_weights(transfer, steps.factor_global)
        return x @ strategy.T

    weights = result.group_weights.to_numpy(float)
    sweep = one_way(priorities, weights, GROUPS.index(group), _points(points))
    return _sweep(model, "group", group, sweep, weights[GROUPS.index(group)])


def _transfer(model: SwotModel, result: Evaluation) -> np.ndarray | None:
    """The network's factor transfer matrix, or None for a hierarchy."""
    if model.structure != "network":
        return None
    return factor_network.factor_transfer(model, result.weighted.matrix, result.limit.matrix,
                                          result.weighted.labels)


def sweep_factor(model: SwotModel, factor_id: str, points: int = 101,
                 result: Evaluation | None = None) -> Sweep:
    """Sweep the global weight of factor ``factor_id`` from 0 to 1, the other factors' global
    weights rescaled in proportion."""
    ids = model.factor_ids()
    if factor_id not in ids:
        raise SensitivityRequestError(f"unknown factor {factor_id!r}; factors: {', '.join(ids)}")
    result = _evaluated(model, result)
    strategy = result.strategy_matrix.to_numpy(float)
    weights = result.factors["global_weight"].to_numpy(float)
    index = ids.index(factor_id)
    sweep = one_way(lambda rows: rows @ strategy.T, weights, index, _points(points))
    return _sweep(model, "factor", factor_id, sweep, weights[index])


def sweep_cluster(model: SwotModel, source_cluster: str, target_cluster: str,
                  points: int = 101, result: Evaluation | None = None) -> Sweep:
    """Sweep the weight of ``target_cluster`` with respect to ``source_cluster`` in the
    evaluation's ANP network (see the module notes: refused when the source links to one
    cluster only, as every cluster of a hierarchy does; a factor-level network's factor
    clusters with dependence link to two or more)."""
    result = _evaluated(model, result)
    net = result.network
    try:
        sweep = cluster_sweep(net, source_cluster, target_cluster, model.strategy_ids(),
                              GOAL_NODE, _points(points))
    except anp.ANPError as exc:
        raise SensitivityRequestError(str(exc)) from None
    cm = net.cluster_matrix()
    current = cm.matrix[cm.index(target_cluster), cm.index(source_cluster)]
    return _sweep(model, "cluster", f"{source_cluster} -> {target_cluster}", sweep, current)


MAX_POINTS = 100_001  # a sweep evaluates all grid points at once: bound its memory
MAX_SPREAD = 10.0  # sigma of log judgments; exp(10 Z) already spans far more than 1/9..9
MAX_SAMPLES = 1_000_000  # Monte Carlo samples: about a minute; more would only hang the caller
MAX_STEPS = len(anp.SAATY_SCALE) - 1  # 16: the widest move along Saaty's 17-value scale


def _points(points: int) -> int:
    if (isinstance(points, bool) or not isinstance(points, int | np.integer)
            or not 2 <= points <= MAX_POINTS):
        raise SensitivityRequestError(
            f"points must be an integer from 2 to {MAX_POINTS}; got {points!r}")
    return int(points)


# -------------------------------------------------------------------- Monte Carlo


@dataclass(frozen=True)
class _Slot:
    """Where the priorities of one perturbed matrix go: ``kind`` and its group or factor."""

    kind: Literal["groups", "dependence", "factors", "strategy", "link", "clusters"]
    key: str


def _judgment_stacks(model: SwotModel) -> dict[int, tuple[np.ndarray, list[_Slot]]]:
    """The pairwise matrices to perturb, stacked by size n: (K, n, n) and their slots."""
    items: list[tuple[np.ndarray, _Slot]] = []
    if model.weighting == "pairwise":
        items.append((model.group_judgments, _Slot("groups", "")))
        items += [(dep.matrix, _Slot("dependence", g))
                  for g, dep in model.group_dependence.items()]
        items += [(model.factor_judgments[g], _Slot("factors", g)) for g in GROUPS]
    for fid in model.factor_ids():
        judgment = model.strategy_judgments[fid]
        if judgment.kind == "pairwise":
            items.append((judgment.values, _Slot("strategy", fid)))
    if model.structure == "network":
        items += [(link.matrix, _Slot("link", f"{src}.{c}"))
                  for src, sets in model.links.items() for c, link in sets.items()
                  if len(link.nodes) > 1]
        items += [(cc.matrix, _Slot("clusters", c)) for c, cc in model.cluster_comparisons.items()]
    stacks: dict[int, tuple[np.ndarray, list[_Slot]]] = {}
    for n in sorted({m.shape[0] for m, _ in items}):
        chosen = [(m, s) for m, s in items if m.shape[0] == n]
        stacks[n] = (np.stack([m for m, _ in chosen]), [s for _, s in chosen])
    return stacks


def _check_request(n: int, seed: int, method: str, spread: float, steps: int,
                   precision: float | None, memory_budget: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise SensitivityRequestError(f"the number of samples must be a positive integer; "
                                      f"got {n!r}")
    if n > MAX_SAMPLES:
        raise SensitivityRequestError(f"the number of samples must be at most {MAX_SAMPLES}; "
                                      f"got {n!r}")
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise SensitivityRequestError(f"the seed must be a non-negative integer; got {seed!r}")
    if method not in METHODS:
        raise SensitivityRequestError(f"unknown method {method!r}; use one of "
                                      f"{', '.join(METHODS)}")
    if (isinstance(spread, bool) or not isinstance(spread, int | float | np.number)
            or not 0 <= spread <= MAX_SPREAD):  # also refuses NaN
        raise SensitivityRequestError(
            f"the spread must be from 0 to {MAX_SPREAD:g}; got {spread!r}")
    if (isinstance(steps, bool) or not isinstance(steps, int | np.integer)
            or not 0 <= steps <= MAX_STEPS):
        raise SensitivityRequestError(
            f"steps must be an integer from 0 to {MAX_STEPS}; got {steps!r}")
    if precision is not None and (isinstance(precision, bool)
                                  or not isinstance(precision, int | float | np.number)
                                  or not 0 < precision < 0.5):
        raise SensitivityRequestError(
            f"the precision (standard error of the rank probabilities) must be above 0 and "
            f"below 0.5; got {precision!r}")
    if (isinstance(memory_budget, bool) or not isinstance(memory_budget, int | np.integer)
            or memory_budget < 1):
        raise SensitivityRequestError(
            f"the memory budget must be a positive number of bytes; got {memory_budget!r}")


def chunk_size(model: SwotModel, memory_budget: int = MEMORY_BUDGET) -> int:
    """Samples per chunk of :func:`robustness`: :data:`CHUNK`, or fewer (at least 1) when that
    many samples' perturbed matrices and composition arrays would exceed ``memory_budget``
    bytes. Depends on the model's shape only, never on the machine."""
    cells = sum(len(slots) * n * n for n, (_, slots) in _judgment_stacks(model).items())
    nf, m = len(model.factor_ids()), len(model.strategies)
    nodes = nf + m if model.structure == "network" else 0
    per_sample = 8 * (_WORK_COPIES * cells + 3 * m * nf + 4 * nodes * nodes)
    return int(max(1, min(CHUNK, memory_budget // per_sample)))


def rank_standard_error(counts: np.ndarray, samples: int) -> float:
    """Largest standard error ``sqrt(p (1 - p) / N)`` of rank probabilities ``p = counts / N``."""
    p = counts / samples
    return float(np.sqrt(p * (1.0 - p) / samples).max())


def robustness(model: SwotModel, n: int = 10_000, seed: int = 1, method: Method = "lognormal",
               spread: float = 0.2, steps: int = 1, perturb_direct: bool = False,
               progress: Callable[[float], None] | None = None,
               priority_method: PriorityMethod = "eigen", *, precision: float | None = None,
               memory_budget: int = MEMORY_BUDGET) -> Robustness:
    """Rank acceptability of the strategies under ``n`` random perturbations of the judgments.

    ``method="lognormal"``: every pairwise judgment a_ij becomes a_ij * exp(spread * Z);
    ``"saaty"``: it moves a uniform random number of steps in [-steps, steps] along Saaty's
    scale (see :mod:`anp.sensitivity`). Perturbed are the pairwise strategy judgments and, in
    pairwise weighting, the group, dependence and factor judgments. With ``perturb_direct`` the
    direct numbers are perturbed too, log-normally with ``spread`` and renormalised: the direct
    group and factor weights (in direct weighting) and the strategy ratings.

    Samples are drawn and ranked in chunks of :func:`chunk_size` samples (``memory_budget``
    bounds each chunk's arrays). Reproducible: chunk c draws from the c-th child of
    ``numpy.random.SeedSequence(seed)`` in a fixed order, so the same model, seed and budget
    give the same result; models whose chunks hold :data:`CHUNK` samples (the Tehran models
    and anything up to about 1,500 judgment cells per sample under the default budget) draw
    exactly as with a fixed chunk of 500.

    ``precision``: stop early, after the first chunk that brings the standard error of every
    rank probability (:attr:`Robustness.standard_error`) to ``precision`` or below, once at
    least :data:`MIN_SAMPLES` samples are in (or all ``n``). The samples used are then exactly
    the first ones of the full run. ``progress(fraction)`` is called after each chunk with
    the share of ``n`` done. Ranks of tied priorities go to the strategy earlier in the model.
    """
    _check_request(n, seed, method, spread, steps, precision, memory_budget)
    base = evaluate(model, priority_method)
    local, groups, strategy = _arrays(base)
    w1 = base.group_weights_goal.to_numpy(float)
    dependence = base.dependence.to_numpy(float)
    stacks = _judgment_stacks(model)  # validated (and connected) by evaluate above
    uppers = {}
    for k, (matrices, _) in stacks.items():
        iu, ju = np.triu_indices(k, 1)
        upper = matrices[..., iu, ju]
        uppers[k] = upper if method == "lognormal" else snap_to_saaty(upper)
    factor_ids = model.factor_ids()
    rated = [j for j, fid in enumerate(factor_ids)
             if model.strategy_judgments[fid].kind == "ratings"]
    direct = perturb_direct and model.weighting == "direct"
    network = factor_network.base_inputs(model, priority_method) if (
        model.structure == "network") else None

    def perturb(k: int, size: int, rng: np.random.Generator) -> np.ndarray:
        if method == "lognormal":
            return lognormal_from_upper(k, uppers[k], spread, size, rng)
        return saaty_steps_from_positions(k, uppers[k], int(steps), size, rng)

    def chunk(size: int, rng: np.random.Generator) -> np.ndarray:
        g1 = np.broadcast_to(w1, (size, len(GROUPS))).copy()
        dep = np.broadcast_to(dependence, (size, *dependence.shape)).copy()
        loc = np.broadcast_to(local, (size, local.size)).copy()
        smat = np.broadcast_to(strategy, (size, *strategy.shape)).copy()
        links = {} if network is None else {
            key: np.broadcast_to(v, (size, v.size)).copy() for key, v in network.links.items()}
        clusters = {} if network is None else {
            key: np.broadcast_to(np.array(list(w.values())), (size, len(w))).copy()
            for key, w in network.cluster_weights.items()}
        for k, (_, slots) in stacks.items():
            drawn = perturb(k, size, rng).reshape(-1, k, k)
            prio = priority_stack(drawn, priority_method).reshape(size, len(slots), k)
            del drawn
            for s, slot in enumerate(slots):
                if slot.kind == "link":
                    src, cluster = slot.key.split(".")
                    links[(src, cluster)] = prio[:, s]
                elif slot.kind == "clusters":
                    clusters[slot.key] = prio[:, s]
                else:
                    _place(model, slot, prio[:, s], g1, dep, loc, smat, groups, factor_ids)
        if direct:
            g1 = perturb_weights(w1, spread, size, rng)
            for gi in range(len(GROUPS)):
                mask = groups == gi
                loc[:, mask] = perturb_weights(local[mask], spread, size, rng)
        if perturb_direct and rated:
            smat[:, :, rated] = np.swapaxes(
                perturb_weights(strategy[:, rated].T, spread, size, rng), -1, -2)
        steps_ = compose(g1, dep, loc, groups, smat)
        if network is None:
            return steps_.strategy_priorities
        return factor_network.batch_rank(model, steps_.factor_global, smat, links, clusters)[0]

    per_chunk = chunk_size(model, memory_budget)
    sizes = [min(per_chunk, n - start) for start in range(0, n, per_chunk)]
    parent = np.random.SeedSequence(int(seed))  # child c: spawn(1) in turn = spawn(len)[c]
    m = len(model.strategies)
    out = np.empty((n, m))
    counts = np.zeros((m, m))
    done = 0
    for size in sizes:
        out[done:done + size] = chunk(size, np.random.default_rng(parent.spawn(1)[0]))
        r = ranks(out[done:done + size])
        counts += np.bincount((np.arange(m) * m + r).ravel(), minlength=m * m).reshape(m, m)
        done += size
        if progress is not None:
            progress(done / n)
        if (precision is not None and done >= min(n, MIN_SAMPLES)
                and rank_standard_error(counts, done) <= precision):
            break
    summary, probs = _tables(model, base, stats := rank_statistics(out[:done]))
    return Robustness(model=model, samples=done, seed=int(seed), method=method,
                      spread=float(spread), steps=int(steps), perturb_direct=perturb_direct,
                      stats=stats, summary=summary, rank_probabilities=probs, requested=n,
                      precision=precision, standard_error=rank_standard_error(counts, done))


def _place(model: SwotModel, slot: _Slot, prio: np.ndarray, g1: np.ndarray, dep: np.ndarray,
           loc: np.ndarray, smat: np.ndarray, groups: np.ndarray, factor_ids: list[str]) -> None:
    """Write sampled priorities (size, k) of one matrix into the composition inputs."""
    if slot.kind == "groups":
        g1[:] = prio
    elif slot.kind == "dependence":
        column = GROUPS.index(slot.key)
        rows = [GROUPS.index(x) for x in model.group_dependence[slot.key].groups]
        dep[:, :, column] = 0.0
        dep[:, rows, column] = prio
    elif slot.kind == "factors":
        loc[:, groups == GROUPS.index(slot.key)] = prio
    else:
        smat[:, :, factor_ids.index(slot.key)] = prio


def _tables(model: SwotModel, base: Evaluation, stats: RankStats) -> tuple[
        pd.DataFrame, pd.DataFrame]:
    """The summary and rank-probability tables in deterministic rank order."""
    ids = model.strategy_ids()
    ranking = base.strategies.reset_index(drop=True)
    order = [ids.index(i) for i in ranking["id"]]
    labels = ranking[["id", "label_en", "label_fa"]]
    summary = labels.assign(
        rank=ranking["rank"], priority=ranking["priority"],
        p_first=stats.p_first[order], p05=stats.quantiles[order, 0],
        p50=stats.quantiles[order, 1], p95=stats.quantiles[order, 2], mean=stats.mean[order])
    probs = pd.concat([labels, pd.DataFrame(
        stats.rank_probabilities[order],
        columns=[f"rank_{r + 1}" for r in range(len(ids))])], axis=1)
    return summary, probs


# ---------------------------------------------------------------------------- CSV


def _label_columns(model: SwotModel, ids: list[str], lang: str, suffix: str = "") -> dict[
        str, list[str]]:
    if lang not in EXPORT_LANGS:
        raise SensitivityRequestError(f"unknown language {lang!r} (expected one of "
                                      f"{', '.join(EXPORT_LANGS)})")
    strategies = [model.strategy(i) for i in ids]
    if lang == "both":
        return {f"label_en{suffix}": [s.label_en for s in strategies],
                f"label_fa{suffix}": [s.label_fa for s in strategies]}
    return {f"label{suffix}": [s.label(lang) for s in strategies]}


def sweep_csv(sweep: Sweep, lang: str = "en") -> bytes:
    """A sweep's priorities as CSV bytes (swot.export rules), one row per grid point and
    strategy: kind, target, weight, id, label(s), priority."""
    ids = sweep.model.strategy_ids()
    k = len(sweep.x)
    table = pd.DataFrame({
        "kind": sweep.kind, "target": sweep.target,
        "weight": np.repeat(sweep.x, len(ids)), "id": ids * k,
        **_label_columns(sweep.model, ids * k, lang),
        "priority": sweep.priorities.to_numpy().ravel(),
    })
    return dataframe_csv(in_persian(table) if lang == "fa" else table)


def reversals_csv(sweep: Sweep, lang: str = "en") -> bytes:
    """A sweep's rank reversals as CSV bytes: kind, target, weight, strategy_a, label(s) of a,
    strategy_b, label(s) of b, priority, top_change."""
    rev = sweep.reversals
    a, b = list(rev["strategy_a"]), list(rev["strategy_b"])
    table = pd.DataFrame({
        "kind": sweep.kind, "target": sweep.target, "weight": rev["weight"],
        "strategy_a": a, **_label_columns(sweep.model, a, lang, "_a"),
        "strategy_b": b, **_label_columns(sweep.model, b, lang, "_b"),
        "priority": rev["priority"], "top_change": rev["top_change"].astype(bool),
    })
    return dataframe_csv(in_persian(table) if lang == "fa" else table)


def robustness_csv(result: Robustness, lang: str = "en") -> bytes:
    """Robustness as CSV bytes: id, label(s), rank, priority, p_first, p05, p50, p95, mean,
    rank_1..rank_m, in deterministic rank order."""
    s = result.summary
    ids = list(s["id"])
    table = pd.concat([
        s[["id"]], pd.DataFrame(_label_columns(result.model, ids, lang)),
        s[["rank", "priority", "p_first", "p05", "p50", "p95", "mean"]],
        result.rank_probabilities.drop(columns=["id", "label_en", "label_fa"]),
    ], axis=1)
    return dataframe_csv(in_persian(table) if lang == "fa" else table)
