"""The factor-level network (structure ``"network"``): dependence and feedback among the SWOT
factors and the strategies, ranked from the exact limit supermatrix.

Clusters, in order: ``Goal``; ``SWOT groups`` (S, W, O, T); with inner dependence among the
groups ``SWOT groups (interdependent)`` (S*, ..., T*); one cluster of factors per group
(``S factors``, ``W factors``, ``O factors``, ``T factors``); ``Strategies``. Links:

* goal -> groups (step 1), group -> interdependent groups (step 2), group -> its factors
  (step 3): the hierarchy of Yüksel & Dağdeviren (2007), unchanged;
* factor -> strategies (step 4) and factor -> the factors it depends on (a link set
  ``judgments.links.<factor>.<group>``: the priorities of those factors with respect to it);
* strategy -> the factors it feeds back on (``judgments.links.<strategy>.<group>``), when given.

Cluster weights: the nodes of a factor cluster link to the strategies and to the factor clusters
their link sets name; the cluster comparison ``judgments.clusters.<cluster>`` weighs those
clusters with respect to it, equal weights when there is none. Each node's column is then
renormalised over the clusters that node itself links to (:class:`anp.Network`).

The limit is the exact Cesàro limit (:func:`anp.limit_matrix`), right for cyclic and reducible
networks. The ranking is read from the goal's column of the limit, the strategies' entries
normalised to sum 1 (Saaty 2005, *Theory and Applications of the Analytic Network Process*, RWS
Publications: the synthesised priorities of the alternatives are their limit priorities
normalised within their cluster; SuperDecisions' "Normals"). The goal column is the one to read
because the goal starts the process: without feedback the strategies are absorbing and the goal
column holds the share of the goal's weight that ends in each strategy; with feedback (every
strategy feeding back) the factors and strategies form closed classes and the goal column is the
mix of their stationary vectors reached from the goal (with one closed class, every column is
the same and the goal's weights no longer matter, which is the ANP reading of full feedback). A
strategy without feedback among strategies with feedback would absorb all the weight and leave
the others at 0, so feedback is required for every strategy or for none.

Factor global weights in a network are the weights the ranking is composed from: ``x_j`` = the
share of the weight that passes from factor j to the strategies (without feedback:
``leak_j * [(I - F)^-1 g]_j`` with ``F`` the factor block of the weighted supermatrix, ``g`` the
hierarchical global weights and ``leak_j`` the share of j's column that goes to the strategies;
with feedback ``leak_j`` times factor j's entry of the limit applied to ``g``). Then the strategy
priorities are ``S @ x`` (``S`` the step-4 matrix) in both structures; without links ``x = g``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast

import numpy as np

import anp
from swot.model import CLUSTER_KEYS, GROUPS, STRATEGY_CLUSTER, Problem, SwotModel

if TYPE_CHECKING:
    import pandas as pd

    from anp.pairwise import Method
    from swot.analysis import Evaluation

__all__ = [
    "FACTOR_CLUSTERS",
    "NetworkInputs",
    "build_network",
    "cluster_name",
    "compare_dependence",
    "factor_transfer",
    "network_inputs",
]

GOAL_NODE = "Goal"
GOAL_CLUSTER = "Goal"
GROUPS_CLUSTER = "SWOT groups"
DEPENDENT_CLUSTER = "SWOT groups (interdependent)"
FACTOR_CLUSTERS = {g: f"{g} factors" for g in GROUPS}
STRATEGIES_CLUSTER = "Strategies"


def cluster_name(key: str) -> str:
    """The :class:`anp.Network` cluster of a model cluster key (S, W, O, T, strategies)."""
    return STRATEGIES_CLUSTER if key == STRATEGY_CLUSTER else FACTOR_CLUSTERS[key]


class Collector(Protocol):
    """What :mod:`swot.analysis` passes in to derive priorities and collect problems."""

    problems: list[Problem]

    def priority(self, path: str, items: list[str], matrix: np.ndarray) -> np.ndarray: ...


@dataclass(frozen=True)
class NetworkInputs:
    """Priorities of the link sets, keyed by (source node, cluster key), aligned with the
    link set's nodes; cluster weights by source cluster key (absent: equal weights)."""

    links: dict[tuple[str, str], np.ndarray]
    cluster_weights: dict[str, dict[str, float]]


def network_inputs(model: SwotModel, collect: Collector) -> NetworkInputs:
    """The link priorities and cluster weights of a model, problems going to ``collect``."""
    links = {}
    for src, sets in model.links.items():
        for cluster, link in sets.items():
            links[(src, cluster)] = collect.priority(
                f"judgments.links.{src}.{cluster}", list(link.nodes), link.matrix)
    weights = {}
    for source, comparison in model.cluster_comparisons.items():
        w = collect.priority(f"judgments.clusters.{source}", list(comparison.clusters),
                             comparison.matrix)
        weights[source] = dict(zip(comparison.clusters, w.tolist(), strict=True))
    fed_back = [s for s in model.strategy_ids() if s in model.links]
    if fed_back and len(fed_back) < len(model.strategies):
        missing = [s for s in model.strategy_ids() if s not in model.links]
        collect.problems.append(Problem(
            "judgments.links", "feedback must be given for every strategy or for none (a "
            "strategy without it would absorb all the weight); none yet for "
            + ", ".join(missing)))
    return NetworkInputs(links, weights)


def build_network(model: SwotModel, w1: np.ndarray, dependence: np.ndarray, local: np.ndarray,
                  strategy_matrix: np.ndarray, with_dependence: bool,
                  inputs: NetworkInputs) -> anp.Network:
    """The factor-level :class:`anp.Network` of a model (see the module notes)."""
    net = anp.Network()
    net.add_cluster(GOAL_CLUSTER, [GOAL_NODE])
    net.add_cluster(GROUPS_CLUSTER, list(GROUPS))
    if with_dependence:
        net.add_cluster(DEPENDENT_CLUSTER, [g + "*" for g in GROUPS])
    for g in GROUPS:
        net.add_cluster(FACTOR_CLUSTERS[g], [f.id for f in model.factors[g]])
    net.add_cluster(STRATEGIES_CLUSTER, model.strategy_ids())
    net.set_priorities(GOAL_NODE, GROUPS_CLUSTER, w1)
    groups = np.array([GROUPS.index(f.group) for f in model.all_factors()])
    for k, g in enumerate(GROUPS):
        block = local[groups == k]
        if with_dependence:
            net.set_priorities(g, DEPENDENT_CLUSTER, dependence[:, k])
            net.set_priorities(g + "*", FACTOR_CLUSTERS[g], block)
        else:
            net.set_priorities(g, FACTOR_CLUSTERS[g], block)
    for j, fid in enumerate(model.factor_ids()):
        net.set_priorities(fid, STRATEGIES_CLUSTER, strategy_matrix[:, j])
    for (src, cluster), priorities in inputs.links.items():
        nodes = model.links[src][cluster].nodes
        net.set_priorities(src, FACTOR_CLUSTERS[cluster],
                           dict(zip(nodes, priorities.tolist(), strict=True)))
    for source, weights in inputs.cluster_weights.items():
        net.set_cluster_weights(cluster_name(source),
                                {cluster_name(c): w for c, w in weights.items()})
    return net


def factor_transfer(model: SwotModel, weighted: np.ndarray, limit: np.ndarray,
                    labels: tuple[str, ...] | list[str]) -> np.ndarray:
    """``T`` (nf x nf) with the network's factor global weights ``x = T g / sum(T g)`` for
    hierarchical global weights ``g`` (see the module notes; the identity without links)."""
    f, leak = _factors_and_leak(model, weighted, labels)
    if model.has_feedback():
        return leak[:, None] * limit[np.ix_(f, f)]
    block = np.eye(len(f)) - weighted[np.ix_(f, f)]
    return leak[:, None] * np.linalg.solve(block, np.eye(len(f)))


def _factors_and_leak(model: SwotModel, weighted: np.ndarray,
                      labels: tuple[str, ...] | list[str]) -> tuple[list[int], np.ndarray]:
    """The factors' positions among ``labels`` and ``leak_j``, the share of factor j's column
    of the weighted supermatrix that goes to the strategies."""
    pos = {label: i for i, label in enumerate(labels)}
    f = [pos[fid] for fid in model.factor_ids()]
    s = [pos[sid] for sid in model.strategy_ids()]
    return f, weighted[np.ix_(s, f)].sum(axis=0)


def network_weights(model: SwotModel, weighted: np.ndarray, limit: np.ndarray,
                    labels: tuple[str, ...] | list[str], global_weights: np.ndarray) -> np.ndarray:
    """The network's factor global weights for hierarchical global weights ``g``: what
    ``effective_weights(factor_transfer(...), g)`` gives, with one solve for ``g`` alone."""
    if model.has_feedback():
        return effective_weights(factor_transfer(model, weighted, limit, labels), global_weights)
    f, leak = _factors_and_leak(model, weighted, labels)
    x = leak * np.linalg.solve(np.eye(len(f)) - weighted[np.ix_(f, f)], global_weights)
    return x / x.sum()


def effective_weights(transfer: np.ndarray, global_weights: np.ndarray) -> np.ndarray:
    """``x = T g`` normalised to sum 1 along the last axis (batch dimensions broadcast)."""
    x = global_weights @ np.swapaxes(transfer, -1, -2)
    return x / x.sum(axis=-1, keepdims=True)


def compare_dependence(result: Evaluation, without: Evaluation) -> tuple[
        pd.DataFrame, pd.DataFrame]:
    """The ranking with the factor network (``result``) and without it (``without``, the same
    model as a hierarchy) side by side, and the factors by how far their global weight moved.

    Tables: ``id, label_en, label_fa, rank_with, priority_with, rank_without,
    priority_without`` in the order of the ranking with the network; ``group, id, label_en,
    label_fa, weight_with, weight_without, change`` sorted by the size of the change.
    """
    import pandas as pd  # here, not at the top: ``swot-anp validate`` never needs pandas

    a = result.strategies.set_index("id")
    b = without.strategies.set_index("id")
    ranking = pd.DataFrame({
        "id": a.index,
        "label_en": a["label_en"].to_numpy(),
        "label_fa": a["label_fa"].to_numpy(),
        "rank_with": a["rank"].to_numpy(),
        "priority_with": a["priority"].to_numpy(),
        "rank_without": b.loc[a.index, "rank"].to_numpy(),
        "priority_without": b.loc[a.index, "priority"].to_numpy(),
    })
    fa, fb = result.factors, without.factors
    change = fa["global_weight"].to_numpy() - fb["global_weight"].to_numpy()
    factors = pd.DataFrame({
        "group": fa["group"], "id": fa["id"], "label_en": fa["label_en"],
        "label_fa": fa["label_fa"], "weight_with": fa["global_weight"],
        "weight_without": fb["global_weight"], "change": change,
    })
    order = np.argsort(-np.abs(change), kind="stable")
    return ranking, factors.iloc[order].reset_index(drop=True)


def linked_cluster_keys(model: SwotModel) -> dict[str, list[str]]:
    """For each cluster key whose nodes link to two or more clusters, those clusters (the
    cluster comparisons a network can have)."""
    return {c: model.linked_clusters(c) for c in CLUSTER_KEYS
            if len(model.linked_clusters(c)) >= 2}


class _Plain:
    """A collector for a model already known to evaluate: priorities only."""

    def __init__(self, method: str) -> None:
        self.method = cast("Method", method)  # anp.priority checks it
        self.problems: list[Problem] = []

    def priority(self, path: str, items: list[str], matrix: np.ndarray) -> np.ndarray:
        return anp.priority(matrix, self.method)


def base_inputs(model: SwotModel, method: str = "eigen") -> NetworkInputs:
    """:func:`network_inputs` of a model that evaluates (no problems to collect)."""
    return network_inputs(model, _Plain(method))


def batch_rank(model: SwotModel, global_weights: np.ndarray, strategy_matrix: np.ndarray,
               links: dict[tuple[str, str], np.ndarray],
               cluster_weights: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Strategy priorities (K, m) and network factor weights (K, nf) of K samples at once.

    ``global_weights`` (K, nf) are the hierarchical global factor weights ``g``,
    ``strategy_matrix`` (K, m, nf) the step-4 priorities, ``links[(source, cluster)]`` (K, k)
    each link set's priorities and ``cluster_weights[source cluster]`` (K, clusters) the
    weights of the clusters of that source's comparison, in its order (absent: equal).
    Without feedback the factors are transient and one batched solve ``(I - F) v = g`` gives
    the weight each factor passes on; with feedback the stack's exact limits
    (:func:`anp.limit_matrices`) are applied to ``g``. Same numbers as :func:`build_network`
    and the goal column of its limit (tested).
    """
    factor_ids, strategy_ids = model.factor_ids(), model.strategy_ids()
    nf, m = len(factor_ids), len(strategy_ids)
    k = global_weights.shape[0]
    pos = {node: i for i, node in enumerate([*factor_ids, *strategy_ids])}
    q = np.zeros((k, nf + m, nf + m))
    for j, node in enumerate([*factor_ids, *strategy_ids]):
        source = model.cluster_of(node)
        blocks = []
        if j < nf:
            blocks.append((STRATEGY_CLUSTER, list(range(nf, nf + m)), strategy_matrix[:, :, j]))
        for cluster, link in model.links.get(node, {}).items():
            blocks.append((cluster, [pos[n] for n in link.nodes], links[(node, cluster)]))
        if not blocks:
            continue
        comparison = model.cluster_comparisons.get(source)
        total = np.zeros(k)
        for cluster, rows, values in blocks:
            weight = (cluster_weights[source][:, comparison.clusters.index(cluster)]
                      if comparison is not None else np.ones(k))
            q[:, rows, j] = values * weight[:, None]
            total += weight
        q[:, :, j] /= total[:, None]
    leak = q[:, nf:, :nf].sum(axis=1)
    if model.has_feedback():
        limit = anp.limit_matrices(q)
        reached = (limit[:, :, :nf] @ global_weights[:, :, None])[..., 0]
        priorities = reached[:, nf:] / reached[:, nf:].sum(axis=1, keepdims=True)
        x = leak * reached[:, :nf]
    else:
        visits = np.linalg.solve(np.eye(nf) - q[:, :nf, :nf], global_weights[:, :, None])
        x = leak * visits[..., 0]
        priorities = None
    x = x / x.sum(axis=1, keepdims=True)
    if priorities is None:
        priorities = (strategy_matrix @ x[:, :, None])[..., 0]
    return priorities, x
