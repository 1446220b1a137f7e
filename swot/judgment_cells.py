"""The judgments of a model as named matrices and cells: what a workshop records per matrix
(judged or not yet) and per cell (the audit trail of changes).

A matrix is named by its path in the model file, as :meth:`swot.model.SwotModel.matrix_at`
reads it: ``judgments.groups``, ``judgments.group_dependence.S``, ``judgments.factors.W``,
``judgments.strategies.W3`` (pairwise or ratings), ``judgments.links.S2.W`` (a link set of the
factor-level network), ``judgments.clusters.W`` (a cluster comparison). A cell is (matrix
path, item i, item j): the pair i < j in the model's order for a pairwise matrix (the lower
triangle is its reciprocal), the rated strategy and ``""`` for ratings.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from swot.model import GROUPS

Cell = tuple[str, str, str]


def matrix_items(model: Mapping[str, Any]) -> Iterator[tuple[str, tuple[str, ...], tuple, str]]:
    """(matrix path, item ids, keys into the judgments object, kind) of every matrix.

    ``kind`` is ``"pairwise"`` or ``"ratings"``; the keys lead to the square matrix or the
    list of ratings.
    """
    judgments = model["judgments"]
    yield "judgments.groups", GROUPS, ("groups",), "pairwise"
    for group, entry in (judgments.get("group_dependence") or {}).items():
        yield (f"judgments.group_dependence.{group}", tuple(entry["groups"]),
               ("group_dependence", group, "matrix"), "pairwise")
    for group in GROUPS:
        ids = tuple(f["id"] for f in model["factors"][group])
        yield f"judgments.factors.{group}", ids, ("factors", group), "pairwise"
    strategy_ids = tuple(s["id"] for s in model["strategies"])
    for factor, entry in judgments["strategies"].items():
        kind = "ratings" if "ratings" in entry else "pairwise"
        yield f"judgments.strategies.{factor}", strategy_ids, ("strategies", factor, kind), kind
    for source, sets in (judgments.get("links") or {}).items():  # the factor-level network
        for cluster, entry in sets.items():
            yield (f"judgments.links.{source}.{cluster}", tuple(entry["nodes"]),
                   ("links", source, cluster, "matrix"), "pairwise")
    for source, entry in (judgments.get("clusters") or {}).items():
        yield (f"judgments.clusters.{source}", tuple(entry["clusters"]),
               ("clusters", source, "matrix"), "pairwise")


def matrix_paths(model: Mapping[str, Any]) -> list[str]:
    """Every matrix path of the model, in the model file's order."""
    return [path for path, *_ in matrix_items(model)]


def value_at(judgments: Mapping[str, Any], keys: Sequence[str]) -> Any:
    """The entry of ``judgments`` that ``keys`` (of :func:`matrix_items`) lead to."""
    value: Any = judgments
    for key in keys:
        value = value[key]
    return value


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def cells(judgments: Mapping[str, Any], model: Mapping[str, Any]) -> dict[Cell, float | None]:
    """Every judgment cell of ``judgments`` (shaped like ``model``'s) with its value."""
    out: dict[Cell, float | None] = {}
    for path, ids, keys, kind in matrix_items(model):
        try:
            value = value_at(judgments, keys)
        except (KeyError, TypeError, IndexError):
            continue
        if kind == "ratings":
            for k, item in enumerate(ids):
                out[(path, item, "")] = _number(value[k]) if k < len(value) else None
            continue
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                out[(path, ids[i], ids[j])] = _number(value[i][j])
    return out


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def changed_cells(
    before: Mapping[str, Any] | None, after: Mapping[str, Any], model: Mapping[str, Any]
) -> list[tuple[Cell, float | None, float | None]]:
    """(cell, old value, new value) of every cell that differs; ``before`` None: all set ones."""
    new = cells(after, model)
    old = cells(before, model) if before is not None else {}
    return [
        (cell, old.get(cell), value)
        for cell, value in new.items()
        if not _same(old.get(cell), value) and (before is not None or value is not None)
    ]


def differing_matrices(judgments: Mapping[str, Any], model: Mapping[str, Any]) -> list[str]:
    """Matrices of ``judgments`` that differ from the model's own judgments in any cell."""
    mine, theirs = cells(judgments, model), cells(model["judgments"], model)
    return sorted({cell[0] for cell, value in mine.items() if not _same(value, theirs.get(cell))},
                  key=matrix_paths(model).index)
