"""What differs between two models (model file dicts): judgments, weights, factors, strategies.

Items are matched by id, not by position, so a factor added in the middle of a group does not
make every later judgment look changed. A pairwise judgment is reported once, for the pair in
the order of the model it is read from (upper triangle ``i < j``; the lower one is its
reciprocal). Paths are JSON paths into the model that holds the value: the second model for
``"changed"`` and ``"added"``, the first for ``"removed"``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from swot.errors import SwotError
from swot.model import GROUPS

_TOP_LEVEL = (
    ("title", "en"),
    ("title", "fa"),
    ("goal", "en"),
    ("goal", "fa"),
    ("description",),
    ("illustrative_judgments",),
    ("judgments_note",),
)
_FACTOR_FIELDS = ("label_en", "label_fa")
_STRATEGY_FIELDS = ("label_en", "label_fa", "tows", "factors")

Kind = Literal["changed", "added", "removed"]


class ModelDiffError(SwotError):
    """A model is too malformed to compare."""


@dataclass(frozen=True)
class Difference:
    """One difference: where, what kind, the value before (first model) and after (second).

    ``items`` names the compared pair (or the rated strategy) for a judgment, else it is empty.
    """

    path: str
    kind: Kind
    before: Any
    after: Any
    items: tuple[str, ...] = ()


def _same(x: Any, y: Any) -> bool:
    if isinstance(x, int | float) and isinstance(y, int | float):
        if isinstance(x, bool) or isinstance(y, bool):
            return x is y
        return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)
    return bool(x == y)


def _value(before: Any, after: Any, path: str, items: tuple[str, ...] = ()) -> list[Difference]:
    if before is None and after is None:
        return []
    if before is None:
        return [Difference(path, "added", None, after, items)]
    if after is None:
        return [Difference(path, "removed", before, None, items)]
    if _same(before, after):
        return []
    return [Difference(path, "changed", before, after, items)]


def _dig(model: Mapping[str, Any], keys: Sequence[str]) -> Any:
    value: Any = model
    for key in keys:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _matrix(
    a: Any, b: Any, ids_a: Sequence[str], ids_b: Sequence[str], path: str
) -> list[Difference]:
    """Cell-by-cell differences of two pairwise matrices whose rows are ``ids_a`` / ``ids_b``."""
    out: list[Difference] = []
    try:
        index_a = {item: i for i, item in enumerate(ids_a)}
        index_b = {item: i for i, item in enumerate(ids_b)}
        for i, j in _upper(len(ids_b)):
            x, y = ids_b[i], ids_b[j]
            after = b[i][j]
            if x in index_a and y in index_a:
                before = a[index_a[x]][index_a[y]]
                out += _value(before, after, f"{path}[{i}][{j}]", (x, y))
            elif after is not None:
                out.append(Difference(f"{path}[{i}][{j}]", "added", None, after, (x, y)))
        for i, j in _upper(len(ids_a)):
            x, y = ids_a[i], ids_a[j]
            before = a[i][j]
            if (x not in index_b or y not in index_b) and before is not None:
                out.append(Difference(f"{path}[{i}][{j}]", "removed", before, None, (x, y)))
    except (IndexError, KeyError, TypeError) as exc:
        raise ModelDiffError(f"{path} is not a matrix of the model's items ({exc})") from exc
    return out


def _upper(n: int) -> Iterator[tuple[int, int]]:
    return ((i, j) for i in range(n) for j in range(i + 1, n))


def _by_id(items: Any, path: str) -> dict[str, Mapping[str, Any]]:
    if items is None:
        return {}
    try:
        return {item["id"]: item for item in items}
    except (KeyError, TypeError) as exc:
        raise ModelDiffError(f"{path} is not a list of items with ids ({exc})") from exc


def _items(
    a: dict[str, Mapping[str, Any]],
    b: dict[str, Mapping[str, Any]],
    fields: Sequence[str],
    path: str,
) -> list[Difference]:
    out: list[Difference] = []
    for item_id, item in b.items():
        if item_id not in a:
            out.append(Difference(f"{path}.{item_id}", "added", None, dict(item), (item_id,)))
            continue
        for field in fields:
            out += _value(a[item_id].get(field), item.get(field), f"{path}.{item_id}.{field}")
    out += [
        Difference(f"{path}.{item_id}", "removed", dict(item), None, (item_id,))
        for item_id, item in a.items()
        if item_id not in b
    ]
    return out


def _factor_ids(model: Mapping[str, Any], group: str) -> list[str]:
    return list(_by_id(_dig(model, ("factors", group)), f"factors.{group}"))


def _strategy_judgments(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[Difference]:
    ids_a = list(_by_id(a.get("strategies"), "strategies"))
    ids_b = list(_by_id(b.get("strategies"), "strategies"))
    entries_a = _dig(a, ("judgments", "strategies")) or {}
    entries_b = _dig(b, ("judgments", "strategies")) or {}
    out: list[Difference] = []
    for factor in [*entries_b, *(f for f in entries_a if f not in entries_b)]:
        path = f"judgments.strategies.{factor}"
        ea, eb = entries_a.get(factor), entries_b.get(factor)
        kind_a = None if ea is None else ("ratings" if "ratings" in ea else "pairwise")
        kind_b = None if eb is None else ("ratings" if "ratings" in eb else "pairwise")
        if kind_a != kind_b:
            out += _value(ea, eb, path, (factor,))
        elif ea is None or eb is None:  # absent from both
            continue
        elif kind_b == "pairwise":
            out += _matrix(ea.get("pairwise"), eb.get("pairwise"), ids_a, ids_b, f"{path}.pairwise")
        else:
            out += _ratings(ea["ratings"], eb["ratings"], ids_a, ids_b, f"{path}.ratings")
    return out


def _ratings(
    a: Sequence[Any], b: Sequence[Any], ids_a: Sequence[str], ids_b: Sequence[str], path: str
) -> list[Difference]:
    if len(a) != len(ids_a) or len(b) != len(ids_b):
        raise ModelDiffError(f"{path} does not rate every strategy")
    rating_a = dict(zip(ids_a, a, strict=True))
    out: list[Difference] = []
    for i, (item, after) in enumerate(zip(ids_b, b, strict=True)):
        out += _value(rating_a.get(item), after, f"{path}[{i}]", (item,))
    out += [
        Difference(f"{path}[{i}]", "removed", before, None, (item,))
        for i, (item, before) in enumerate(zip(ids_a, a, strict=True))
        if item not in ids_b
    ]
    return out


def _dependence(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[Difference]:
    dep_a = _dig(a, ("judgments", "group_dependence")) or {}
    dep_b = _dig(b, ("judgments", "group_dependence")) or {}
    out: list[Difference] = []
    for group in GROUPS:
        path = f"judgments.group_dependence.{group}"
        da, db = dep_a.get(group), dep_b.get(group)
        if da is None or db is None:
            out += _value(da, db, path, (group,))
            continue
        out += _value(da.get("groups"), db.get("groups"), f"{path}.groups")
        out += _matrix(
            da.get("matrix"),
            db.get("matrix"),
            da.get("groups") or [],
            db.get("groups") or [],
            f"{path}.matrix",
        )
    return out


def _direct_weights(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[Difference]:
    out: list[Difference] = []
    for part in ("groups", "factors"):
        wa = _dig(a, ("direct_weights", part)) or {}
        wb = _dig(b, ("direct_weights", part)) or {}
        for key in [*wb, *(k for k in wa if k not in wb)]:
            out += _value(wa.get(key), wb.get(key), f"direct_weights.{part}.{key}", (key,))
    return out


def _network(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[Difference]:
    """Structure, link sets (nodes and judgments) and cluster comparisons (model version 2)."""
    out = _value(a.get("structure", "hierarchy"), b.get("structure", "hierarchy"), "structure")
    links_a = _object(_dig(a, ("judgments", "links")), "judgments.links")
    links_b = _object(_dig(b, ("judgments", "links")), "judgments.links")
    for src in [*links_b, *(k for k in links_a if k not in links_b)]:
        path = f"judgments.links.{src}"
        sets_a, sets_b = _object(links_a.get(src), path), _object(links_b.get(src), path)
        for cluster in [*sets_b, *(c for c in sets_a if c not in sets_b)]:
            out += _listed(sets_a.get(cluster), sets_b.get(cluster), "nodes",
                           f"{path}.{cluster}")
    comps_a = _object(_dig(a, ("judgments", "clusters")), "judgments.clusters")
    comps_b = _object(_dig(b, ("judgments", "clusters")), "judgments.clusters")
    for source in [*comps_b, *(c for c in comps_a if c not in comps_b)]:
        out += _listed(comps_a.get(source), comps_b.get(source), "clusters",
                       f"judgments.clusters.{source}")
    return out


def _object(value: Any, path: str) -> Mapping[str, Any]:
    """``value`` when it is a JSON object, {} when absent; else :class:`ModelDiffError`."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ModelDiffError(f"{path} is not a JSON object")
    return value


def _listed(ea: Any, eb: Any, key: str, path: str) -> list[Difference]:
    """An entry ``{key: [items], "matrix": ...}``: added, removed, or its items and cells."""
    if ea is None or eb is None:
        return _value(ea, eb, path)
    ea, eb = _object(ea, path), _object(eb, path)
    out = _value(ea.get(key), eb.get(key), f"{path}.{key}")
    return out + _matrix(ea.get("matrix"), eb.get("matrix"), ea.get(key) or [],
                         eb.get(key) or [], f"{path}.matrix")


def diff_models(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[Difference]:
    """Every difference from model ``a`` to model ``b``, in the order of the model file."""
    if not isinstance(a, Mapping) or not isinstance(b, Mapping):
        raise ModelDiffError("both models must be JSON objects (dicts)")
    out: list[Difference] = []
    for keys in _TOP_LEVEL:
        out += _value(_dig(a, keys), _dig(b, keys), ".".join(keys))
    for group in GROUPS:
        path = f"factors.{group}"
        out += _items(
            _by_id(_dig(a, ("factors", group)), path),
            _by_id(_dig(b, ("factors", group)), path),
            _FACTOR_FIELDS,
            path,
        )
    out += _items(
        _by_id(a.get("strategies"), "strategies"),
        _by_id(b.get("strategies"), "strategies"),
        _STRATEGY_FIELDS,
        "strategies",
    )
    out += _value(a.get("weighting", "pairwise"), b.get("weighting", "pairwise"), "weighting")
    out += _matrix(
        _dig(a, ("judgments", "groups")),
        _dig(b, ("judgments", "groups")),
        GROUPS,
        GROUPS,
        "judgments.groups",
    )
    out += _dependence(a, b)
    for group in GROUPS:
        out += _matrix(
            _dig(a, ("judgments", "factors", group)),
            _dig(b, ("judgments", "factors", group)),
            _factor_ids(a, group),
            _factor_ids(b, group),
            f"judgments.factors.{group}",
        )
    out += _strategy_judgments(a, b)
    out += _direct_weights(a, b)
    out += _network(a, b)
    return out
