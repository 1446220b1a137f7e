"""The SWOT model: groups, factors, strategies, judgments and direct weights.

A :class:`SwotModel` is treated as immutable: every editing method (``add_factor``,
``set_judgment``, ...) returns a *new* model and leaves the original untouched, so the app can
keep an undo history by keeping old models.

Judgment matrices are addressed by the JSON path used in the model file:
``judgments.groups``, ``judgments.group_dependence.<G>``, ``judgments.factors.<G>``,
``judgments.strategies.<factor id>`` and, for the factor-level network (model file version 2),
``judgments.links.<node id>.<cluster>`` (a dependence or feedback link set) and
``judgments.clusters.<cluster>`` (a cluster comparison). A missing (blank) judgment is NaN.

Blanks created by editing:

- ``add_factor`` adds a blank row and column to its group's factor matrix (the model cannot be
  ranked in pairwise mode until the new factor is compared with at least one other factor; the
  analysis names the matrix and the factor) and rates every strategy equally (ratings of 1) for
  the new factor, so the strategy side still evaluates.
- ``add_strategy`` adds a blank row and column to every pairwise strategy matrix and a blank
  (NaN, ``null`` in the file) rating to every rated factor; the analysis names each judgment the
  new strategy still needs.
- ``set_link`` adds a node to a link set with a blank row and column (a new link set of one node
  is ``[[1]]``); where the source cluster's comparison exists, a newly linked cluster is added to
  it blank too. Removing the last link into a cluster drops that cluster from the comparison.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from swot.errors import SwotError, UnknownItemError

GROUPS: tuple[str, ...] = ("S", "W", "O", "T")
TOWS_TYPES: tuple[str, ...] = ("SO", "ST", "WO", "WT", "other")
PROVENANCES: tuple[str, ...] = ("listed", "derived", "user")
WEIGHTINGS: tuple[str, ...] = ("pairwise", "direct")
JUDGMENT_KINDS: tuple[str, ...] = ("pairwise", "ratings")
LANGS: tuple[str, ...] = ("en", "fa")
STRUCTURES: tuple[str, ...] = ("hierarchy", "network")
STRATEGY_CLUSTER = "strategies"
CLUSTER_KEYS: tuple[str, ...] = (*GROUPS, STRATEGY_CLUSTER)
# The range of a pairwise judgment in a model file (docs/model-format.md): wide enough for any
# scale in use (Saaty's 1/9..9, extended scales, group means), narrow enough that priorities,
# products of judgments and eigenvectors stay far from a float's overflow and underflow.
JUDGMENT_MIN = 1e-6
JUDGMENT_MAX = 1e6


@dataclass(frozen=True)
class Problem:
    """One problem found in a model, located by its JSON path."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class SourceRef:
    """Where a text names or implies a factor."""

    file: str
    line: int


@dataclass(frozen=True)
class Source:
    """A text that factors cite."""

    id: str
    file: str
    title: str = ""


@dataclass(frozen=True)
class Factor:
    """A SWOT factor of one group."""

    id: str
    group: str
    label_en: str
    label_fa: str
    description: str = ""
    source: SourceRef | None = None
    provenance: str = "user"

    def label(self, lang: str = "en") -> str:
        """The label in ``lang``, or in the other language when that one is empty."""
        return _label(self.label_en, self.label_fa, lang)


@dataclass(frozen=True)
class Strategy:
    """A strategy alternative with its TOWS type and the factors it draws on."""

    id: str
    label_en: str
    label_fa: str
    tows: str
    factors: tuple[str, ...] = ()
    description: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "factors", tuple(self.factors))

    def label(self, lang: str = "en") -> str:
        """The label in ``lang``, or in the other language when that one is empty."""
        return _label(self.label_en, self.label_fa, lang)


def _label(en: str, fa: str, lang: str) -> str:
    if lang not in LANGS:
        raise SwotError(f"unknown language {lang!r} (expected one of {', '.join(LANGS)})")
    first, other = (en, fa) if lang == "en" else (fa, en)
    return first or other


@dataclass(frozen=True, eq=False)
class GroupDependence:
    """Step 2 for one group: the listed groups compared with respect to it."""

    groups: tuple[str, ...]
    matrix: np.ndarray

    def __post_init__(self) -> None:
        object.__setattr__(self, "groups", tuple(self.groups))
        object.__setattr__(self, "matrix", np.array(self.matrix, dtype=float))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GroupDependence) and _equal(
            (self.groups, self.matrix), (other.groups, other.matrix)
        )

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class LinkNote:
    """Why a link is there: free text, the source line that motivates it, and whether the
    link is illustrative (chosen to demonstrate the tool) rather than a planner's judgment."""

    text: str = ""
    source: SourceRef | None = None
    illustrative: bool = False


@dataclass(frozen=True, eq=False)
class LinkSet:
    """The factors of one cluster that a node depends on (or, for a strategy, feeds back on),
    with their pairwise judgments with respect to that node and optional notes per node."""

    nodes: tuple[str, ...]
    matrix: np.ndarray
    notes: dict[str, LinkNote] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "nodes", tuple(self.nodes))
        object.__setattr__(self, "matrix", np.array(self.matrix, dtype=float))
        object.__setattr__(self, "notes", {n: self.notes[n] for n in self.nodes
                                           if n in self.notes})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LinkSet) and _equal(
            (self.nodes, self.matrix, self.notes), (other.nodes, other.matrix, other.notes))

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, eq=False)
class ClusterComparison:
    """The clusters a source cluster's nodes link to, compared pairwise with respect to it."""

    clusters: tuple[str, ...]
    matrix: np.ndarray

    def __post_init__(self) -> None:
        object.__setattr__(self, "clusters", tuple(self.clusters))
        object.__setattr__(self, "matrix", np.array(self.matrix, dtype=float))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ClusterComparison) and _equal(
            (self.clusters, self.matrix), (other.clusters, other.matrix))

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, eq=False)
class StrategyJudgment:
    """Step 4 for one factor: the strategies compared pairwise (m x m) or rated (m)."""

    kind: str
    values: np.ndarray

    def __post_init__(self) -> None:
        if self.kind not in JUDGMENT_KINDS:
            raise SwotError(f"unknown strategy judgment kind {self.kind!r}")
        object.__setattr__(self, "values", np.array(self.values, dtype=float))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StrategyJudgment) and _equal(
            (self.kind, self.values), (other.kind, other.values)
        )

    __hash__ = None  # type: ignore[assignment]


def _equal(a: object, b: object) -> bool:
    """Structural equality where arrays compare element-wise and NaN equals NaN."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (
            isinstance(a, np.ndarray)
            and isinstance(b, np.ndarray)
            and a.shape == b.shape
            and bool(np.array_equal(a, b, equal_nan=True))
        )
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return list(a) == list(b) and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def _blank_extended(matrix: np.ndarray) -> np.ndarray:
    """A pairwise matrix with one more item whose judgments are all blank."""
    n = matrix.shape[0]
    out = np.full((n + 1, n + 1), np.nan)
    out[:n, :n] = matrix
    out[n, n] = 1.0
    return out


def _without(matrix: np.ndarray, index: int) -> np.ndarray:
    """A pairwise matrix (or rating vector) without item ``index``."""
    keep = [i for i in range(matrix.shape[0]) if i != index]
    if matrix.ndim == 1:
        return matrix[keep].copy()
    return matrix[np.ix_(keep, keep)].copy()


def _check_judgment(value: float) -> float:
    value = float(value)
    if not math.isfinite(value) or value <= 0:
        raise SwotError(f"{value!r} is not a positive finite judgment")
    if not JUDGMENT_MIN <= value <= JUDGMENT_MAX:
        raise SwotError(f"{value!r} is outside the range of judgments "
                        f"({JUDGMENT_MIN:g} to {JUDGMENT_MAX:g})")
    return value


@dataclass(frozen=True, eq=False)
class SwotModel:
    """A SWOT model with its pairwise judgments and direct weights.

    ``factors`` maps each group of :data:`GROUPS` to its ordered factors; the factor matrix of a
    group and the strategy judgments follow those orders and the order of ``strategies``.
    Absent direct weights count as 0.
    """

    title: dict[str, str]
    goal: dict[str, str]
    factors: dict[str, list[Factor]]
    strategies: list[Strategy]
    group_judgments: np.ndarray
    factor_judgments: dict[str, np.ndarray]
    strategy_judgments: dict[str, StrategyJudgment]
    group_dependence: dict[str, GroupDependence] = field(default_factory=dict)
    weighting: str = "pairwise"
    direct_group_weights: dict[str, float] = field(default_factory=dict)
    direct_factor_weights: dict[str, float] = field(default_factory=dict)
    illustrative_judgments: bool = False
    judgments_note: str = ""
    description: str = ""
    sources: list[Source] = field(default_factory=list)
    structure: str = "hierarchy"
    links: dict[str, dict[str, LinkSet]] = field(default_factory=dict)
    cluster_comparisons: dict[str, ClusterComparison] = field(default_factory=dict)
    # judgments changed since the illustrative set was loaded (see swot.provenance)
    judgments_edited: bool = False
    # placeholders not yet judged: (matrix path, item, other item or "" for a rating, value);
    # kept by swot.todo
    unjudged: tuple[tuple[str, str, str, float], ...] = ()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SwotModel):
            return NotImplemented
        return all(
            _equal(getattr(self, f.name), getattr(other, f.name))
            for f in dataclasses.fields(self)
        )

    __hash__ = None  # type: ignore[assignment]

    def weighs_like(self, other: SwotModel) -> bool:
        """True when ``other`` ranks from the same inputs: weighting mode, the judgments that
        mode uses (group, dependence and factor judgments, or direct weights) and the strategy
        judgments, and in a network the links and cluster comparisons. Labels, descriptions and
        unused inputs do not count."""
        if self.weighting != other.weighting or self.structure != other.structure:
            return False
        if self.structure == "network" and not _equal(
                (self.links, self.cluster_comparisons),
                (other.links, other.cluster_comparisons)):
            return False
        used = (("direct_group_weights", "direct_factor_weights") if self.weighting == "direct"
                else ("group_judgments", "group_dependence", "factor_judgments"))
        return all(_equal(getattr(self, name), getattr(other, name))
                   for name in (*used, "strategy_judgments"))

    # ----------------------------------------------------------------- lookups

    def all_factors(self) -> list[Factor]:
        """All factors, group by group in S, W, O, T order."""
        return [f for g in GROUPS for f in self.factors.get(g, [])]

    def factor_ids(self) -> list[str]:
        """The ids of :meth:`all_factors`."""
        return [f.id for f in self.all_factors()]

    def strategy_ids(self) -> list[str]:
        """The strategy ids in model order."""
        return [s.id for s in self.strategies]

    def factor(self, factor_id: str) -> Factor:
        """The factor with this id (:class:`UnknownItemError` if there is none)."""
        for f in self.all_factors():
            if f.id == factor_id:
                return f
        raise UnknownItemError(f"no factor {factor_id!r}")

    def strategy(self, strategy_id: str) -> Strategy:
        """The strategy with this id (:class:`UnknownItemError` if there is none)."""
        for s in self.strategies:
            if s.id == strategy_id:
                return s
        raise UnknownItemError(f"no strategy {strategy_id!r}")

    # ---------------------------------------------------------------- matrices

    def _locate(self, path: str) -> tuple[str, str]:
        parts = path.split(".")
        if parts == ["judgments", "groups"]:
            return "groups", ""
        if len(parts) == 3 and parts[0] == "judgments":
            kind, key = parts[1], parts[2]
            if kind == "group_dependence" and key in self.group_dependence:
                return kind, key
            if kind == "factors" and key in GROUPS:
                return kind, key
            if kind == "strategies" and key in self.strategy_judgments:
                return kind, key
            if kind == "clusters" and key in self.cluster_comparisons:
                return kind, key
        if (len(parts) == 4 and parts[:2] == ["judgments", "links"]
                and parts[3] in self.links.get(parts[2], {})):
            return "links", f"{parts[2]}.{parts[3]}"
        raise UnknownItemError(f"no judgment matrix at {path!r}")

    def matrix_at(self, path: str) -> np.ndarray:
        """A copy of the judgments at ``path`` (a rating vector for rated strategies)."""
        kind, key = self._locate(path)
        if kind == "groups":
            return self.group_judgments.copy()
        if kind == "group_dependence":
            return self.group_dependence[key].matrix.copy()
        if kind == "factors":
            return self.factor_judgments[key].copy()
        if kind == "links":
            return self.link_set(key).matrix.copy()
        if kind == "clusters":
            return self.cluster_comparisons[key].matrix.copy()
        return self.strategy_judgments[key].values.copy()

    def matrix_items(self, path: str) -> list[str]:
        """The ids of the items compared at ``path``, in matrix order."""
        kind, key = self._locate(path)
        if kind == "groups":
            return list(GROUPS)
        if kind == "group_dependence":
            return list(self.group_dependence[key].groups)
        if kind == "factors":
            return [f.id for f in self.factors[key]]
        if kind == "links":
            return list(self.link_set(key).nodes)
        if kind == "clusters":
            return list(self.cluster_comparisons[key].clusters)
        return self.strategy_ids()

    def iter_matrices(self) -> Iterator[tuple[str, list[str], np.ndarray]]:
        """Every pairwise matrix as ``(path, item ids, matrix copy)``, in file order."""
        paths = ["judgments.groups"]
        paths += [f"judgments.group_dependence.{g}" for g in GROUPS if g in self.group_dependence]
        paths += [f"judgments.factors.{g}" for g in GROUPS]
        paths += [
            f"judgments.strategies.{fid}"
            for fid in self.factor_ids()
            if fid in self.strategy_judgments
            and self.strategy_judgments[fid].kind == "pairwise"
        ]
        paths += [f"judgments.links.{src}.{c}" for src, sets in self.links.items() for c in sets]
        paths += [f"judgments.clusters.{c}" for c in self.cluster_comparisons]
        for path in paths:
            yield path, self.matrix_items(path), self.matrix_at(path)

    # ----------------------------------------------------------------- editing

    def _replace(self, **changes: Any) -> SwotModel:
        return dataclasses.replace(self, **changes)

    def set_judgment(self, path: str, i: int, j: int, value: float | None) -> SwotModel:
        """Set ``A[i, j] = value`` and ``A[j, i] = 1/value`` (``None`` blanks both)."""
        kind, key = self._locate(path)
        matrix = self.matrix_at(path)
        if matrix.ndim != 2:
            raise SwotError(f"{path} holds ratings, not pairwise judgments; use set_rating")
        n = matrix.shape[0]
        if not (0 <= i < n and 0 <= j < n) or i == j:
            raise SwotError(f"{path}: ({i}, {j}) is not an off-diagonal cell of a {n}x{n} matrix")
        if value is None:
            matrix[i, j] = matrix[j, i] = np.nan
        else:
            matrix[i, j] = _check_judgment(value)
            matrix[j, i] = 1.0 / matrix[i, j]
        if kind == "groups":
            return self._replace(group_judgments=matrix)
        if kind == "group_dependence":
            dep = dict(self.group_dependence)
            dep[key] = GroupDependence(dep[key].groups, matrix)
            return self._replace(group_dependence=dep)
        if kind == "factors":
            return self._replace(factor_judgments={**self.factor_judgments, key: matrix})
        if kind == "links":
            src, cluster = key.split(".")
            old = self.links[src][cluster]
            return self._with_link_set(src, cluster, LinkSet(old.nodes, matrix, old.notes))
        if kind == "clusters":
            old_cc = self.cluster_comparisons[key]
            return self._replace(cluster_comparisons={
                **self.cluster_comparisons, key: ClusterComparison(old_cc.clusters, matrix)})
        return self.set_strategy_judgment(key, StrategyJudgment("pairwise", matrix))

    def set_rating(self, factor_id: str, strategy_index: int, value: float | None) -> SwotModel:
        """Rate strategy ``strategy_index`` for a rated factor (``None`` = not yet rated)."""
        judgment = self.strategy_judgments.get(factor_id)
        if judgment is None or judgment.kind != "ratings":
            raise SwotError(f"judgments.strategies.{factor_id} is not a rating judgment")
        if not 0 <= strategy_index < judgment.values.shape[0]:
            raise SwotError(f"no strategy at index {strategy_index}")
        values = judgment.values.copy()
        if value is None:
            values[strategy_index] = np.nan
        else:
            value = float(value)
            if not math.isfinite(value) or value < 0:
                raise SwotError(f"{value!r} is not a non-negative finite rating")
            values[strategy_index] = value
        return self.set_strategy_judgment(factor_id, StrategyJudgment("ratings", values))

    def set_strategy_judgment(self, factor_id: str, judgment: StrategyJudgment) -> SwotModel:
        """Replace the step-4 judgment of one factor (e.g. to switch pairwise <-> ratings)."""
        self.factor(factor_id)
        m = len(self.strategies)
        expected = (m, m) if judgment.kind == "pairwise" else (m,)
        if judgment.values.shape != expected:
            raise SwotError(
                f"judgments.strategies.{factor_id}: {judgment.kind} judgments must have shape "
                f"{expected}, got {judgment.values.shape}"
            )
        return self._replace(strategy_judgments={**self.strategy_judgments, factor_id: judgment})

    def set_group_dependence(self, group: str, dependence: GroupDependence | None) -> SwotModel:
        """Set (or with ``None`` remove) the inner dependence judgments of one group."""
        if group not in GROUPS:
            raise SwotError(f"unknown group {group!r}")
        dep = dict(self.group_dependence)
        if dependence is None:
            dep.pop(group, None)
        else:
            k = len(dependence.groups)
            if k < 2 or len(set(dependence.groups)) != k or not set(dependence.groups) <= set(
                GROUPS
            ):
                raise SwotError("group dependence needs at least two distinct SWOT groups")
            if dependence.matrix.shape != (k, k):
                raise SwotError(f"group dependence matrix must be {k}x{k}")
            dep[group] = dependence
        return self._replace(group_dependence={g: dep[g] for g in GROUPS if g in dep})

    def set_direct_weight(self, kind: str, item_id: str, value: float) -> SwotModel:
        """Set a direct weight: ``kind`` is ``"group"`` (S, W, O, T) or ``"factor"``."""
        value = float(value)
        if not math.isfinite(value) or value < 0:
            raise SwotError(f"{value!r} is not a non-negative finite weight")
        if kind == "group":
            if item_id not in GROUPS:
                raise SwotError(f"unknown group {item_id!r}")
            weights = {**self.direct_group_weights, item_id: value}
            ordered = {g: weights[g] for g in GROUPS if g in weights}
            return self._replace(direct_group_weights=ordered)
        if kind == "factor":
            self.factor(item_id)
            weights = {**self.direct_factor_weights, item_id: value}
            ordered = {f: weights[f] for f in self.factor_ids() if f in weights}
            return self._replace(direct_factor_weights=ordered)
        raise SwotError(f"unknown weight kind {kind!r} (expected 'group' or 'factor')")

    def set_weighting(self, mode: str) -> SwotModel:
        """Choose ``"pairwise"`` judgments or ``"direct"`` weights for groups and factors."""
        if mode not in WEIGHTINGS:
            raise SwotError(f"unknown weighting {mode!r} (expected pairwise or direct)")
        return self._replace(weighting=mode)

    # ------------------------------------------------------------ the network

    def link_set(self, key: str) -> LinkSet:
        """The link set ``"<node id>.<cluster>"`` (:class:`UnknownItemError` if there is
        none)."""
        src, _, cluster = key.partition(".")
        try:
            return self.links[src][cluster]
        except KeyError:
            raise UnknownItemError(f"no link set {key!r}") from None

    def cluster_of(self, node_id: str) -> str:
        """The cluster key of a factor (its group) or a strategy (``"strategies"``)."""
        if node_id in self.strategy_ids():
            return STRATEGY_CLUSTER
        return self.factor(node_id).group

    def linked_clusters(self, source_cluster: str) -> list[str]:
        """The clusters the nodes of ``source_cluster`` link to, in :data:`CLUSTER_KEYS` order
        (every factor cluster links to the strategies)."""
        if source_cluster not in CLUSTER_KEYS:
            raise SwotError(f"unknown cluster {source_cluster!r}")
        sources = (self.strategy_ids() if source_cluster == STRATEGY_CLUSTER
                   else [f.id for f in self.factors[source_cluster]])
        linked = {c for src in sources for c in self.links.get(src, {})}
        if source_cluster != STRATEGY_CLUSTER:
            linked.add(STRATEGY_CLUSTER)
        return [c for c in CLUSTER_KEYS if c in linked]

    def has_feedback(self) -> bool:
        """True when some strategy feeds back on factors."""
        return any(s in self.links for s in self.strategy_ids())

    def set_structure(self, structure: str) -> SwotModel:
        """Choose the ``"hierarchy"`` (Yüksel–Dağdeviren) or ``"network"`` route."""
        _check_choice(structure, STRUCTURES, "structure")
        return self._replace(structure=structure)

    def set_link(self, source: str, target: str, linked: bool = True) -> SwotModel:
        """Add (or with ``linked=False`` remove) the link "``source`` depends on ``target``":
        ``source`` is a factor or a strategy (feedback), ``target`` a factor."""
        if source not in self.factor_ids() and source not in self.strategy_ids():
            raise SwotError(f"unknown node {source!r}")
        cluster = self.factor(target).group
        if source == target:
            raise SwotError(f"{source} cannot depend on itself")
        old = self.links.get(source, {}).get(cluster)
        nodes = old.nodes if old is not None else ()
        if linked == (target in nodes):
            return self
        new: LinkSet | None
        if linked:
            new = (LinkSet((*nodes, target), _blank_extended(old.matrix), old.notes)
                   if old is not None else LinkSet((target,), np.ones((1, 1))))
        else:
            assert old is not None  # target is one of its nodes
            index = nodes.index(target)
            new = (LinkSet(nodes[:index] + nodes[index + 1:], _without(old.matrix, index),
                           old.notes) if len(nodes) > 1 else None)
        return self._with_link_set(source, cluster, new)

    def _with_link_set(self, source: str, cluster: str, new: LinkSet | None) -> SwotModel:
        sets = dict(self.links.get(source, {}))
        if new is None:
            sets.pop(cluster, None)
        else:
            sets[cluster] = new
        links = dict(self.links)
        if sets:
            links[source] = {c: sets[c] for c in GROUPS if c in sets}
        else:
            links.pop(source, None)
        model = self._replace(links=_ordered_links(links, self))
        return model._replace(cluster_comparisons=model._refitted_comparisons())

    def _refitted_comparisons(self) -> dict[str, ClusterComparison]:
        """Cluster comparisons over the clusters now linked: new ones blank, gone ones dropped
        (and the comparison with them when fewer than two clusters remain)."""
        out = {}
        for source, old in self.cluster_comparisons.items():
            linked = self.linked_clusters(source)
            if len(linked) < 2:
                continue
            keep = [c for c in old.clusters if c in linked]
            index = [old.clusters.index(c) for c in keep]
            matrix = old.matrix[np.ix_(index, index)]
            for _ in range(len(linked) - len(keep)):
                matrix = _blank_extended(matrix)
            out[source] = ClusterComparison((*keep, *(c for c in linked if c not in keep)),
                                            matrix)
        return out

    def set_cluster_comparison(self, source_cluster: str,
                               comparison: ClusterComparison | None) -> SwotModel:
        """Set (or with ``None`` remove: equal weights) the comparison of the clusters that
        ``source_cluster`` links to; it must list exactly those clusters."""
        linked = self.linked_clusters(source_cluster)
        comparisons = dict(self.cluster_comparisons)
        if comparison is None:
            comparisons.pop(source_cluster, None)
        else:
            if sorted(comparison.clusters) != sorted(linked) or len(linked) < 2:
                raise SwotError(f"the comparison for cluster {source_cluster} must compare the "
                                f"clusters it links to: {', '.join(linked)}")
            k = len(linked)
            if comparison.matrix.shape != (k, k):
                raise SwotError(f"cluster comparison matrix must be {k}x{k}")
            comparisons[source_cluster] = comparison
        return self._replace(cluster_comparisons={
            c: comparisons[c] for c in CLUSTER_KEYS if c in comparisons})

    def _without_node_links(self, node_id: str) -> SwotModel:
        """This model without the links from ``node_id`` and without it as a link target."""
        model = self._replace(links={k: v for k, v in self.links.items() if k != node_id})
        for src, sets in self.links.items():
            for link in sets.values():
                if node_id in link.nodes and src != node_id:
                    model = model.set_link(src, node_id, False)
        return model._replace(cluster_comparisons=model._refitted_comparisons())

    def _renamed_links(self, old: str, new: str) -> dict[str, dict[str, LinkSet]]:
        def rename(key: str) -> str:
            return new if key == old else key

        return {rename(src): {c: LinkSet(tuple(rename(n) for n in ls.nodes), ls.matrix,
                                         {rename(n): v for n, v in ls.notes.items()})
                              for c, ls in sets.items()}
                for src, sets in self.links.items()}

    def _check_new_id(self, item_id: str) -> None:
        if not valid_id(item_id):
            raise SwotError(f"{item_id!r} is not a valid id")
        if item_id in self.factor_ids() or item_id in self.strategy_ids():
            raise SwotError(f"id {item_id!r} is already used")

    def add_factor(self, group: str, factor: Factor) -> SwotModel:
        """Append a factor to ``group`` (blank factor judgments, equal strategy ratings)."""
        if group not in GROUPS:
            raise SwotError(f"unknown group {group!r}")
        self._check_new_id(factor.id)
        _check_choice(factor.provenance, PROVENANCES, "provenance")
        factor = dataclasses.replace(factor, group=group)
        factors = {**self.factors, group: [*self.factors[group], factor]}
        matrix = _blank_extended(self.factor_judgments[group])
        ratings = StrategyJudgment("ratings", np.ones(len(self.strategies)))
        return self._replace(
            factors=factors,
            factor_judgments={**self.factor_judgments, group: matrix},
            strategy_judgments=_ordered(
                {**self.strategy_judgments, factor.id: ratings}, factors
            ),
        )

    def remove_factor(self, factor_id: str) -> SwotModel:
        """Remove a factor, its judgments, its direct weight and its mentions in strategies."""
        factor = self.factor(factor_id)
        group_factors = self.factors[factor.group]
        if len(group_factors) == 1:
            raise SwotError(f"{factor_id} is the only factor of group {factor.group}")
        index = [f.id for f in group_factors].index(factor_id)
        return self._without_node_links(factor_id)._replace(
            factors={
                **self.factors,
                factor.group: [f for f in group_factors if f.id != factor_id],
            },
            factor_judgments={
                **self.factor_judgments,
                factor.group: _without(self.factor_judgments[factor.group], index),
            },
            strategy_judgments={
                k: v for k, v in self.strategy_judgments.items() if k != factor_id
            },
            strategies=[
                dataclasses.replace(s, factors=tuple(f for f in s.factors if f != factor_id))
                for s in self.strategies
            ],
            direct_factor_weights={
                k: v for k, v in self.direct_factor_weights.items() if k != factor_id
            },
        )

    def update_factor(self, factor_id: str, **fields: Any) -> SwotModel:
        """Change a factor's fields; a new ``id`` is renamed everywhere, ``group`` is fixed."""
        factor = self.factor(factor_id)
        if "group" in fields and fields["group"] != factor.group:
            raise SwotError("a factor cannot move to another group; remove and add it instead")
        new = dataclasses.replace(factor, **fields)
        _check_choice(new.provenance, PROVENANCES, "provenance")
        model = self
        if new.id != factor_id:
            self._check_new_id(new.id)

            def rename(key: str) -> str:
                return new.id if key == factor_id else key

            model = self._replace(
                strategy_judgments={rename(k): v for k, v in self.strategy_judgments.items()},
                strategies=[
                    dataclasses.replace(s, factors=tuple(rename(f) for f in s.factors))
                    for s in self.strategies
                ],
                direct_factor_weights={
                    rename(k): v for k, v in self.direct_factor_weights.items()
                },
                links=self._renamed_links(factor_id, new.id),
            )
        group = [new if f.id == factor_id else f for f in self.factors[factor.group]]
        return model._replace(factors={**self.factors, factor.group: group})

    def add_strategy(self, strategy: Strategy) -> SwotModel:
        """Append a strategy; its pairwise judgments and ratings start blank."""
        self._check_new_id(strategy.id)
        _check_choice(strategy.tows, TOWS_TYPES, "TOWS type")
        self._check_strategy_factors(strategy)
        judgments = {}
        for fid, judgment in self.strategy_judgments.items():
            if judgment.kind == "pairwise":
                values = _blank_extended(judgment.values)
            else:
                values = np.append(judgment.values, np.nan)
            judgments[fid] = StrategyJudgment(judgment.kind, values)
        return self._replace(
            strategies=[*self.strategies, strategy], strategy_judgments=judgments
        )

    def remove_strategy(self, strategy_id: str) -> SwotModel:
        """Remove a strategy and its row and column from every strategy judgment."""
        self.strategy(strategy_id)
        if len(self.strategies) <= 2:
            raise SwotError("a model needs at least two strategies")
        index = self.strategy_ids().index(strategy_id)
        return self._without_node_links(strategy_id)._replace(
            strategies=[s for s in self.strategies if s.id != strategy_id],
            strategy_judgments={
                k: StrategyJudgment(v.kind, _without(v.values, index))
                for k, v in self.strategy_judgments.items()
            },
        )

    def update_strategy(self, strategy_id: str, **fields: Any) -> SwotModel:
        """Change a strategy's fields (``id`` must stay unique, factors must exist)."""
        old = self.strategy(strategy_id)
        new = dataclasses.replace(old, **fields)
        if new.id != strategy_id:
            self._check_new_id(new.id)
        _check_choice(new.tows, TOWS_TYPES, "TOWS type")
        self._check_strategy_factors(new)
        return self._replace(
            strategies=[new if s.id == strategy_id else s for s in self.strategies],
            links=self._renamed_links(strategy_id, new.id),
        )

    def _check_strategy_factors(self, strategy: Strategy) -> None:
        unknown = [f for f in strategy.factors if f not in self.factor_ids()]
        if unknown:
            raise SwotError(f"strategy {strategy.id} names unknown factors: {', '.join(unknown)}")


def _ordered(
    judgments: dict[str, StrategyJudgment], factors: dict[str, list[Factor]]
) -> dict[str, StrategyJudgment]:
    order = [f.id for g in GROUPS for f in factors.get(g, [])]
    return {fid: judgments[fid] for fid in order if fid in judgments}


def _ordered_links(links: dict[str, dict[str, LinkSet]],
                   model: SwotModel) -> dict[str, dict[str, LinkSet]]:
    """Link sets in model order: factors (S, W, O, T), then strategies."""
    order = [*model.factor_ids(), *model.strategy_ids()]
    return {src: links[src] for src in order if src in links}


def _check_choice(value: str, choices: tuple[str, ...], what: str) -> None:
    if value not in choices:
        raise SwotError(f"unknown {what} {value!r} (expected one of {', '.join(choices)})")


RESERVED_IDS: frozenset[str] = frozenset(
    {*GROUPS, *(g + "*" for g in GROUPS), "Goal"}
)


def valid_id(item_id: object) -> bool:
    """Ids are non-empty strings without spaces, dots or brackets, and not a node name
    the network reserves (S, W, O, T, S*, ..., Goal)."""
    return (
        isinstance(item_id, str)
        and item_id != ""
        and not any(c.isspace() or c in ".[]" for c in item_id)
        and item_id not in RESERVED_IDS
    )
