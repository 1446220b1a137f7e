"""ANP network model: clusters of named nodes, links with local priorities, cluster weights.

Build a :class:`Network`, then read its supermatrices as :class:`LabelledMatrix` objects. Nodes
are ordered cluster by cluster in the order they were added; node names are unique across the
network.

* Unweighted supermatrix: block (target cluster, source node) holds the local priorities of the
  target cluster's nodes with respect to the source node (zero where no link was set).
* Cluster matrix: column = source cluster, rows = target clusters; the cluster weights, from
  :meth:`Network.set_cluster_weights` or :meth:`Network.set_cluster_comparison`, normalised to 1.
  Without either, a source cluster gives equal weight to each cluster any of its nodes links to.
* Weighted supermatrix: each block of a node's column is multiplied by the weight of the target
  cluster, then the column is renormalised over the clusters that node actually links to, so
  every column with a link sums to 1.
* Sinks: a node with no outgoing links has an all-zero column in both supermatrices;
  :func:`anp.limit_matrix` treats it as absorbing (docs/design.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np

from anp.errors import NetworkError, float_array
from anp.limit import limit_matrix
from anp.pairwise import Method, priority


@dataclass(frozen=True)
class LabelledMatrix:
    """A matrix with one label per row/column and the cluster of each label."""

    matrix: np.ndarray
    labels: tuple[str, ...]
    clusters: tuple[str, ...]

    def index(self, label: str) -> int:
        """Row/column index of a label."""
        try:
            return self.labels.index(label)
        except ValueError:
            raise NetworkError(f"unknown label {label!r}") from None


class Network:
    """Clusters, nodes, links and cluster weights of an ANP model."""

    def __init__(self) -> None:
        self._clusters: dict[str, tuple[str, ...]] = {}
        self._cluster_of: dict[str, str] = {}
        self._links: dict[tuple[str, str], np.ndarray] = {}
        self._cluster_weights: dict[str, dict[str, float]] = {}

    @property
    def clusters(self) -> tuple[str, ...]:
        """Cluster names in order."""
        return tuple(self._clusters)

    @property
    def nodes(self) -> tuple[str, ...]:
        """All node names, cluster by cluster."""
        return tuple(n for nodes in self._clusters.values() for n in nodes)

    def cluster_nodes(self, cluster: str) -> tuple[str, ...]:
        """The nodes of a cluster."""
        self._check_cluster(cluster)
        return self._clusters[cluster]

    def add_cluster(self, name: str, nodes: Sequence[str]) -> None:
        """Add a cluster with its (new, unique) nodes."""
        if name in self._clusters:
            raise NetworkError(f"duplicate cluster {name!r}")
        if isinstance(nodes, str):  # tuple("goal") would be the nodes g, o, a, l
            raise NetworkError(f"nodes of cluster {name!r} must be a list of names, not the "
                               f"string {nodes!r}")
        try:
            nodes = tuple(nodes)
        except TypeError:
            raise NetworkError(f"nodes of cluster {name!r} must be a list of names; "
                               f"got {nodes!r}") from None
        if not nodes:
            raise NetworkError(f"cluster {name!r} has no nodes")
        for node in nodes:
            if node in self._cluster_of or nodes.count(node) > 1:
                raise NetworkError(f"duplicate node {node!r} (node names are unique network-wide)")
        self._clusters[name] = nodes
        self._cluster_of.update(dict.fromkeys(nodes, name))

    def _check_cluster(self, cluster: str) -> None:
        if cluster not in self._clusters:
            raise NetworkError(f"unknown cluster {cluster!r}; clusters: {list(self._clusters)}")

    def _check_node(self, node: str) -> None:
        if node not in self._cluster_of:
            raise NetworkError(f"unknown node {node!r}")

    def set_priorities(self, source_node: str, target_cluster: str,
                       priorities: Sequence[float] | Mapping[str, float] | np.ndarray) -> None:
        """Link a node to a cluster with the local priorities of that cluster's nodes.

        ``priorities``: aligned with the target cluster's nodes, or a dict node -> weight
        (absent nodes get 0). Zeros mark nodes without a link; the vector is normalised to sum 1.
        """
        self._check_node(source_node)
        self._check_cluster(target_cluster)
        targets = self._clusters[target_cluster]
        if isinstance(priorities, Mapping):
            unknown = [k for k in priorities if k not in targets]
            if unknown:
                raise NetworkError(f"nodes {unknown} are not in cluster {target_cluster!r}")
            vec = float_array([priorities.get(t, 0.0) for t in targets], "priorities")
        else:
            vec = float_array(priorities, "priorities")
        if vec.shape != (len(targets),):
            raise NetworkError(f"{vec.size} priorities given for cluster {target_cluster!r} "
                               f"of {len(targets)} nodes")
        if not np.isfinite(vec).all() or (vec < 0).any() or not vec.sum() > 0:
            raise NetworkError(f"priorities of {target_cluster!r} w.r.t. {source_node!r} must be "
                               f"finite, >= 0 and not all 0; got {vec.tolist()}")
        self._links[(source_node, target_cluster)] = vec / vec.sum()

    def set_cluster_weights(self, source_cluster: str, weights: Mapping[str, float]) -> None:
        """Weights of the target clusters w.r.t. a source cluster (normalised; absent -> 0)."""
        self._check_cluster(source_cluster)
        for target in weights:
            self._check_cluster(target)
        vec = float_array(list(weights.values()), "cluster weights")
        if vec.ndim != 1 or not np.isfinite(vec).all() or (vec < 0).any() or not vec.sum() > 0:
            raise NetworkError(f"cluster weights for {source_cluster!r} must be finite, >= 0 and "
                               f"not all 0; got {dict(weights)}")
        self._cluster_weights[source_cluster] = dict(
            zip(weights, (vec / vec.sum()).tolist(), strict=True))

    def set_cluster_comparison(self, source_cluster: str, matrix: np.ndarray | Sequence,
                               target_clusters: Sequence[str], method: str = "eigen") -> None:
        """Cluster weights from a pairwise comparison of the target clusters."""
        if len(target_clusters) != len(set(target_clusters)):
            raise NetworkError(f"duplicate target clusters in {list(target_clusters)}")
        w = priority(matrix, cast("Method", method), labels=list(target_clusters))
        if w.ndim != 1:
            raise NetworkError("cluster comparison must be one n x n matrix")
        self.set_cluster_weights(source_cluster, dict(zip(target_clusters, w, strict=True)))

    def _linked_clusters(self, source_cluster: str) -> list[str]:
        return [t for t in self._clusters
                if any((n, t) in self._links for n in self._clusters[source_cluster])]

    def _cluster_column(self, source: str) -> dict[str, float]:
        if source in self._cluster_weights:
            return self._cluster_weights[source]
        linked = self._linked_clusters(source)
        return {t: 1.0 / len(linked) for t in linked}

    def _cluster_labels(self) -> tuple[str, ...]:
        return tuple(self._cluster_of[n] for n in self.nodes)

    def unweighted_supermatrix(self) -> LabelledMatrix:
        """Local priority vectors stacked into the unweighted supermatrix."""
        nodes = self.nodes
        pos = {n: i for i, n in enumerate(nodes)}
        m = np.zeros((len(nodes), len(nodes)))
        for (src, target), vec in self._links.items():
            rows = [pos[t] for t in self._clusters[target]]
            m[rows, pos[src]] = vec
        return LabelledMatrix(m, nodes, self._cluster_labels())

    def cluster_matrix(self) -> LabelledMatrix:
        """Column-normalised cluster weights (rows: target, columns: source cluster)."""
        names = self.clusters
        m = np.zeros((len(names), len(names)))
        for j, src in enumerate(names):
            for target, weight in self._cluster_column(src).items():
                m[names.index(target), j] = weight
        return LabelledMatrix(m, names, names)

    def weighted_supermatrix(self) -> LabelledMatrix:
        """Cluster-weighted, column-stochastic supermatrix (sink columns stay zero)."""
        unweighted = self.unweighted_supermatrix()
        m = unweighted.matrix.copy()
        cw = self.cluster_matrix()
        names = self.clusters
        block = np.array([names.index(c) for c in unweighted.clusters])
        for j, src in enumerate(unweighted.labels):
            col = m[:, j]
            if not col.any():
                continue
            col *= cw.matrix[block, names.index(self._cluster_of[src])]
            total = col.sum()
            if not total > 0:
                linked = [t for t in names if (src, t) in self._links]
                raise NetworkError(f"node {src!r} links only to clusters {linked} whose cluster "
                                   f"weight w.r.t. {self._cluster_of[src]!r} is 0")
            col /= total
        return LabelledMatrix(m, unweighted.labels, unweighted.clusters)

    def limit_supermatrix(self, **kwargs: Any) -> LabelledMatrix:
        """Limit of the weighted supermatrix (keyword arguments go to anp.limit_matrix)."""
        w = self.weighted_supermatrix()
        return LabelledMatrix(limit_matrix(w.matrix, **kwargs), w.labels, w.clusters)
