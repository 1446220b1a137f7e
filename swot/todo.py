"""Comparisons not yet judged: placeholders that keep a model rankable, and what is missing.

Adding a factor or a strategy leaves comparisons nobody has made. Left blank, they make the
model unrankable (the new item is linked to nothing); :func:`add_factor` and
:func:`add_strategy` instead fill them with *placeholders* — "equal" (1) for a pairwise
comparison, an average rating for a rated strategy — and record each one in the model's
``unjudged`` list as ``(matrix path, item, other item or "", value)``. :func:`fill_blanks`
does the same for blanks already in a matrix. A placeholder counts as judged as soon as that
comparison is edited (:func:`judged`), or when the planner accepts a matrix's placeholders as
their judgments (:func:`accept`); an entry whose comparison no longer holds its value, or
names a matrix or item the model lacks, is ignored (:func:`open_items`).

:func:`missing` says, per matrix, what keeps a model from being ranked, as data that a page
turns into one sentence in its language.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

import anp
from swot.model import GROUPS, Factor, Strategy, StrategyJudgment, SwotError, SwotModel

__all__ = [
    "Missing",
    "Placeholder",
    "accept",
    "add_factor",
    "add_strategy",
    "fill_blanks",
    "judged",
    "missing",
    "open_by_matrix",
    "open_items",
    "renamed",
    "switch_kind",
]

Placeholder = tuple[str, str, str, float]  # (matrix path, item, other item or "", value)
REL_TOL = 1e-9


def strategy_path(factor_id: str) -> str:
    """The path of a factor's strategy judgments."""
    return f"judgments.strategies.{factor_id}"


def _value(model: SwotModel, entry: Placeholder) -> float | None:
    """The judgment an entry refers to, or None when the model lacks its matrix or items."""
    path, a, b, _ = entry
    try:
        items = model.matrix_items(path)
        values = model.matrix_at(path)
    except KeyError:
        return None
    if a not in items or (b and b not in items) or (values.ndim == 2) != bool(b):
        return None
    i = items.index(a)
    return float(values[i, items.index(b)] if b else values[i])


def _live(model: SwotModel, entry: Placeholder) -> bool:
    value = _value(model, entry)
    return value is not None and math.isclose(value, entry[3], rel_tol=REL_TOL)


def open_items(model: SwotModel) -> list[Placeholder]:
    """The placeholders still standing in for a judgment, in the model's matrix order."""
    live = [e for e in model.unjudged if _live(model, e)]
    order = {path: k for k, path in enumerate(_paths(model))}
    return sorted(live, key=lambda e: order.get(e[0], len(order)))


def open_by_matrix(model: SwotModel) -> dict[str, list[Placeholder]]:
    """:func:`open_items` grouped by matrix path (matrix order kept)."""
    out: dict[str, list[Placeholder]] = {}
    for entry in open_items(model):
        out.setdefault(entry[0], []).append(entry)
    return out


def _with(model: SwotModel, entries: list[Placeholder]) -> SwotModel:
    """``model`` with its placeholder list: the standing ones and ``entries`` (no repeats)."""
    keep: dict[tuple[str, str, str], Placeholder] = {}
    for e in [*open_items(model), *entries]:
        a, b = (e[1], e[2]) if not e[2] or e[1] < e[2] else (e[2], e[1])
        keep[(e[0], a, b)] = e
    return dataclasses.replace(model, unjudged=tuple(keep.values()))


def judged(model: SwotModel, path: str, a: str, b: str = "") -> SwotModel:
    """``model`` with the comparison of ``a`` and ``b`` (or rating of ``a``) at ``path`` no
    longer a placeholder (the planner has just judged it)."""
    pair = {a, b}
    rest = [e for e in open_items(model) if not (e[0] == path and {e[1], e[2]} == pair)]
    return dataclasses.replace(model, unjudged=tuple(rest))


def accept(model: SwotModel, path: str | None = None) -> SwotModel:
    """``model`` with the placeholders of ``path`` (all matrices when None) taken as the
    planner's judgments."""
    rest = [e for e in open_items(model) if path is not None and e[0] != path]
    return dataclasses.replace(model, unjudged=tuple(rest))


def _paths(model: SwotModel) -> list[str]:
    """Every judgment path the evaluation uses, in file order (strategy ratings included;
    a network's link sets and cluster comparisons too, as in
    :func:`swot.analysis.pairwise_matrices`)."""
    paths = []
    if model.weighting == "pairwise":
        paths = ["judgments.groups"]
        paths += [f"judgments.group_dependence.{g}" for g in GROUPS if g in model.group_dependence]
        paths += [f"judgments.factors.{g}" for g in GROUPS]
    paths += [strategy_path(f) for f in model.factor_ids() if f in model.strategy_judgments]
    if model.structure == "network":
        paths += [f"judgments.links.{src}.{c}" for src, sets in model.links.items() for c in sets]
        paths += [f"judgments.clusters.{c}" for c in model.cluster_comparisons]
    return paths


def _fill_matrix(model: SwotModel, path: str) -> tuple[SwotModel, list[Placeholder]]:
    items = model.matrix_items(path)
    values = model.matrix_at(path)
    entries: list[Placeholder] = []
    if values.ndim == 1:
        known = values[~np.isnan(values)]
        average = float(known.mean()) if known.size and known.max() > 0 else 1.0
        fid = path.removeprefix("judgments.strategies.")
        for k in np.flatnonzero(np.isnan(values)):
            model = model.set_rating(fid, int(k), average)
            entries.append((path, items[k], "", average))
        return model, entries
    n = len(items)
    for i in range(n):
        for j in range(i + 1, n):
            if math.isnan(values[i, j]):
                model = model.set_judgment(path, i, j, 1.0)
                entries.append((path, items[i], items[j], 1.0))
    return model, entries


def fill_blanks(model: SwotModel, path: str | None = None) -> SwotModel:
    """Every blank comparison of the matrix at ``path`` (of every matrix in use when None)
    set to "equal" (an unrated strategy to the average rating), each marked not yet judged."""
    entries: list[Placeholder] = []
    for p in [path] if path is not None else _paths(model):
        model, added = _fill_matrix(model, p)
        entries += added
    return _with(model, entries)


def _equal_strategies(model: SwotModel, factor_id: str, kind: str) -> SwotModel:
    m = len(model.strategies)
    values = np.ones((m, m)) if kind == "pairwise" else np.ones(m)
    model = model.set_strategy_judgment(factor_id, StrategyJudgment(kind, values))
    ids, path = model.strategy_ids(), strategy_path(factor_id)
    if kind == "pairwise":
        entries = [(path, ids[i], ids[j], 1.0) for i in range(m) for j in range(i + 1, m)]
    else:
        entries = [(path, s, "", 1.0) for s in ids]
    return _with(model, entries)


def add_factor(model: SwotModel, group: str, factor: Factor,
               kind: str = "pairwise") -> SwotModel:
    """Add a factor whose comparisons all start as placeholders: equal to every factor of its
    group, and the strategies equal with respect to it (``kind`` "pairwise" or "ratings")."""
    if kind not in ("pairwise", "ratings"):
        raise SwotError(f"unknown strategy judgment kind {kind!r} (expected pairwise or ratings)")
    model = model.add_factor(group, factor)
    model, entries = _fill_matrix(model, f"judgments.factors.{group}")
    return _equal_strategies(_with(model, entries), factor.id, kind)


def add_strategy(model: SwotModel, strategy: Strategy) -> SwotModel:
    """Add a strategy whose comparisons all start as placeholders: equal to every other
    strategy for each factor compared pairwise, the average rating for each rated factor."""
    model = model.add_strategy(strategy)
    entries: list[Placeholder] = []
    for fid in model.factor_ids():
        if fid in model.strategy_judgments:
            model, added = _fill_matrix(model, strategy_path(fid))
            entries += added
    return _with(model, entries)


def switch_kind(model: SwotModel, factor_id: str, kind: str) -> SwotModel:
    """Judge the strategies for ``factor_id`` by ``kind`` ("pairwise" or "ratings") instead,
    keeping the priorities where the current judgments give them: ratings become the exact
    ratios r_i / r_j, pairwise priorities become ratings (largest 9). Placeholders carry over
    (a rating that was a placeholder marks its pairs, a placeholder pair marks both ratings);
    judgments that cannot be weighed start as equal placeholders."""
    current = model.strategy_judgments[factor_id]
    if current.kind == kind:
        return model
    path, ids = strategy_path(factor_id), model.strategy_ids()
    marked = {x for e in open_items(model) if e[0] == path for x in (e[1], e[2]) if x}
    values = current.values
    if current.kind == "ratings":
        if np.isnan(values).any() or not (values > 0).all():
            return _equal_strategies(accept(model, path), factor_id, kind)
        matrix = values[:, None] / values[None, :]
        model = accept(model, path).set_strategy_judgment(
            factor_id, StrategyJudgment("pairwise", matrix))
        entries = [(path, ids[i], ids[j], float(matrix[i, j]))
                   for i in range(len(ids)) for j in range(i + 1, len(ids))
                   if ids[i] in marked or ids[j] in marked]
        return _with(model, entries)
    try:
        weights = anp.priority(values)
    except anp.ANPError:
        return _equal_strategies(accept(model, path), factor_id, kind)
    ratings = weights * 9 / weights.max()
    model = accept(model, path).set_strategy_judgment(
        factor_id, StrategyJudgment("ratings", ratings))
    return _with(model, [(path, s, "", float(ratings[k]))
                         for k, s in enumerate(ids) if s in marked])


def renamed(model: SwotModel, old: str, new: str) -> SwotModel:
    """``model`` with the placeholders of item ``old`` following its new id ``new`` (call
    after renaming a factor or strategy)."""
    if old == new:
        return model

    def name(x: str) -> str:
        return new if x == old else x

    def path(p: str) -> str:  # the item ends a strategy path, is the source of a link set
        parts = p.split(".")
        at = 2 if parts[1:2] == ["links"] else len(parts) - 1
        parts[at] = name(parts[at])
        return ".".join(parts)

    entries = [(path(p), name(a), name(b), v) for p, a, b, v in model.unjudged]
    return dataclasses.replace(model, unjudged=tuple(entries))


@dataclass(frozen=True)
class Missing:
    """What keeps one matrix from being ranked. ``kind``: "unlinked" (``items`` are not
    linked to ``reference`` by any chain of judgments), "unrated" (``items`` have no rating),
    "no_positive" (no rating above 0), "no_judgments" (the factor has none), "no_group_weight"
    / "no_factor_weight" (direct weights all 0; ``items`` = the group), "invalid" (``detail``
    says why)."""

    path: str
    kind: str
    items: tuple[str, ...] = ()
    reference: str = ""
    detail: str = ""


def _pairwise(path: str, items: list[str], matrix: np.ndarray) -> Missing | None:
    try:
        anp.priority(matrix, labels=items)
    except anp.DisconnectedComparisonsError as exc:
        return Missing(path, "unlinked", tuple(str(u) for u in exc.unreachable),
                       str(exc.reference))
    except anp.ANPError as exc:
        return Missing(path, "invalid", detail=str(exc))
    return None


def missing(model: SwotModel) -> list[Missing]:
    """Per matrix the evaluation uses, what keeps the model from being ranked (empty when
    nothing does); the same matrices :func:`swot.analysis.check_model` reports."""
    out: list[Missing] = []
    if model.weighting == "direct":
        if not any(model.direct_group_weights.get(g, 0.0) > 0 for g in GROUPS):
            out.append(Missing("direct_weights.groups", "no_group_weight"))
        for g in GROUPS:
            if not any(model.direct_factor_weights.get(f.id, 0.0) > 0 for f in model.factors[g]):
                out.append(Missing("direct_weights.factors", "no_factor_weight", (g,)))
    ids = model.strategy_ids()
    for path in _paths(model):
        kind = path.split(".")[1]
        if kind != "strategies":
            found = _pairwise(path, model.matrix_items(path), model.matrix_at(path))
        elif model.strategy_judgments[path.split(".")[2]].kind == "pairwise":
            found = _pairwise(path, ids, model.matrix_at(path))
        else:
            ratings = model.matrix_at(path)
            unrated = tuple(ids[k] for k in np.flatnonzero(np.isnan(ratings)))
            found = (Missing(path, "unrated", unrated) if unrated
                     else None if (ratings > 0).any() else Missing(path, "no_positive"))
        if found is not None:
            out.append(found)
    out += [Missing(strategy_path(f), "no_judgments") for f in model.factor_ids()
            if f not in model.strategy_judgments]
    return out
