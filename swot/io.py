"""Model files: JSON -> validation -> :class:`~swot.model.SwotModel`, and atomic saving.

The format is described in ``docs/model-format.md``. :func:`validate_data` reports every
problem with its JSON path; loading raises :class:`ModelFileError` carrying all of them.
"""

from __future__ import annotations

import errno
import json
import math
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from anp.pairwise import RECIPROCAL_RTOL
from swot.io_network import check_network, listed_names, network_from_dict, network_to_dict
from swot.io_schema import (
    ROOT,
    escape_surrogates,
    in_document_order,
    schema_problems,
    surrogate_problems,
)
from swot.io_schema import show as _show
from swot.model import (
    GROUPS,
    JUDGMENT_MAX,
    JUDGMENT_MIN,
    Factor,
    GroupDependence,
    Problem,
    Source,
    SourceRef,
    Strategy,
    StrategyJudgment,
    SwotError,
    SwotModel,
    valid_id,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ModelFileError",
    "Problem",
    "atomic_write",
    "atomic_write_all",
    "dumps_model",
    "load_model",
    "loads_model",
    "model_from_dict",
    "model_to_dict",
    "save_model",
    "validate_data",
]

FORMAT_NAME = "swot-anp-model"
FORMAT_VERSION = 2  # written; version 1 (no network fields) is read as well
READ_VERSIONS = (1, 2)


class ModelFileError(SwotError):
    """A model file (or dict) that cannot be read; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem], file: str | os.PathLike[str] | None = None):
        self.problems = list(problems)
        self.file = None if file is None else str(file)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One readable line per problem, prefixed with the file name when known."""
        prefix = f"{self.file}: " if self.file else ""
        return [f"{prefix}{p}" for p in self.problems]


# ------------------------------------------------------------------ validation


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_finite(value: int | float) -> bool:
    """``math.isfinite`` that also answers for an integer too large for a float (JSON allows
    any number of digits; such a number is not a usable judgment or weight)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


class _Checker:
    """Collects the semantic problems while walking the JSON data. The structure (fields,
    types, enumerations) is the schema's job (:mod:`swot.io_schema`): a part of the wrong shape
    is skipped here without a word."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path or ROOT, message))

    def string(self, obj: dict[str, Any], key: str, path: str) -> str | None:
        value = obj.get(key)
        return value if isinstance(value, str) else None

    def labels(self, obj: dict[str, Any], path: str) -> None:
        en = self.string(obj, "label_en", path)
        fa = self.string(obj, "label_fa", path)
        if en == "" and fa == "":
            self.add(path, "label_en and label_fa are both empty")

    def text_pair(self, data: dict[str, Any], key: str) -> None:
        if key not in data:
            return
        pair = _object(data[key])
        if pair is None:
            return
        en = self.string(pair, "en", key)
        fa = self.string(pair, "fa", key)
        if en == "" and fa == "":
            self.add(key, "en and fa are both empty")

    def matrix(self, value: object, path: str, items: list[str]) -> None:
        """A pairwise matrix over ``items``: size, entries (finite, within
        ``JUDGMENT_MIN``..``JUDGMENT_MAX``), diagonal, reciprocity."""
        n = len(items)
        if not isinstance(value, list):
            return
        if len(value) != n:
            self.add(path, f"expected {n} rows ({n}x{n} matrix for {', '.join(items)}), "
                     f"got {len(value)}")
            return
        good = True
        for i, row in enumerate(value):
            if not isinstance(row, list):
                good = False
            elif len(row) != n:
                self.add(f"{path}[{i}]", f"expected a row of {n} entries, got {len(row)}")
                good = False
        if not good:
            return
        ok = [[False] * n for _ in range(n)]
        for i in range(n):
            for j in range(n):
                entry, where = value[i][j], f"{path}[{i}][{j}]"
                if entry is None:
                    if i == j:
                        self.add(where, "the diagonal must be 1, got null")
                    continue
                if not _is_number(entry) or (_is_finite(entry) and entry <= 0):
                    pass  # the schema's: not a number, not positive
                elif not _is_finite(entry):
                    self.add(where, f"{_show(entry)} is not a finite judgment")
                elif not JUDGMENT_MIN <= entry <= JUDGMENT_MAX:
                    self.add(where, f"{_show(entry)} is outside the range of judgments "
                             f"({JUDGMENT_MIN:g} to {JUDGMENT_MAX:g})")
                elif i == j and entry != 1:
                    self.add(where, f"the diagonal must be 1, got {_show(entry)}")
                else:
                    ok[i][j] = True
        for i in range(n):
            for j in range(i + 1, n):
                a, b = value[i][j], value[j][i]
                if (a is None) != (b is None):
                    blank, given = (f"[{i}][{j}]", f"[{j}][{i}]") if a is None else (
                        f"[{j}][{i}]", f"[{i}][{j}]")
                    self.add(f"{path}{given}",
                             f"judgment given but its mirror {path}{blank} is null "
                             "(a missing judgment is null in both places)")
                elif ok[i][j] and ok[j][i] and not math.isclose(
                    a * b, 1.0, rel_tol=RECIPROCAL_RTOL
                ):
                    self.add(f"{path}[{j}][{i}]",
                             f"{_show(b)} is not the reciprocal of {path}[{i}][{j}] = "
                             f"{_show(a)} (expected {_show(1 / a)})")


def _object(value: object) -> dict[str, Any] | None:
    """``value`` if it is an object, else None (its fields are the schema's concern)."""
    return value if isinstance(value, dict) else None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def validate_data(data: object) -> list[Problem]:
    """Every problem of a parsed model file, each with its JSON path (empty list = valid): the
    structure by the published JSON Schema of its version, then the semantic checks."""
    if not isinstance(data, dict):
        return [Problem(ROOT, f"expected an object, got {_show(data)}")]
    version = data.get("version", FORMAT_VERSION)
    if not (_is_number(version) and version in READ_VERSIONS):
        # Other versions may be laid out differently: say only this.
        return [Problem("version", f"unsupported format version {_show(version)} "
                                   "(this tool reads versions "
                                   f"{' and '.join(map(str, READ_VERSIONS))})")]
    version = int(version)
    problems = surrogate_problems(data) + schema_problems(data, version)
    reported = {p.path for p in problems}
    problems += [p for p in _semantic_problems(data, version) if p.path not in reported]
    problems = in_document_order(problems, data)
    return [Problem(escape_surrogates(p.path), escape_surrogates(p.message)) for p in problems]


def _semantic_problems(top: dict[str, Any], version: int) -> list[Problem]:
    """What the schema cannot check: labels, ids, references, sizes, ranges, reciprocity."""
    check = _Checker()
    check.text_pair(top, "title")
    check.text_pair(top, "goal")
    _check_sources(check, top.get("sources", []))

    ids: dict[str, str] = {}  # id -> path where it was first defined

    def claim(item: dict[str, Any], path: str) -> str | None:
        item_id = item.get("id")
        if "id" not in item:
            return None
        if not isinstance(item_id, str) or not valid_id(item_id):
            check.add(_join(path, "id"), f"{_show(item_id)} is not a valid id (a non-empty "
                      "string without spaces, dots or brackets, not S, W, O, T or Goal)")
            return None
        if item_id in ids:
            check.add(_join(path, "id"), f"duplicate id {_show(item_id)} (also {ids[item_id]})")
            return None
        ids[item_id] = _join(path, "id")
        return item_id

    group_ids = _check_factors(check, top.get("factors"), claim) if "factors" in top else None
    strategy_ids = None
    if "strategies" in top:
        strategy_ids = _check_strategies(check, top["strategies"], claim, ids, group_ids)
    if "judgments" in top:
        _check_judgments(check, top["judgments"], group_ids, strategy_ids)
        if isinstance(top["judgments"], dict) and version >= 2:
            check_network(check, top["judgments"], group_ids, strategy_ids)
    if "direct_weights" in top:
        _check_direct(check, top["direct_weights"], group_ids)
    _check_unjudged(check, top.get("unjudged", []))
    return check.problems


def _check_unjudged(check: _Checker, unjudged: object) -> None:
    """A placeholder's value must be finite: the schema lets Infinity, NaN and an integer too
    large for a float through, which would end loading (float()) or saving (strict JSON)."""
    if not isinstance(unjudged, list):
        return
    for k, entry in enumerate(unjudged):
        obj = _object(entry)
        if obj is not None and _is_number(obj.get("value")) and not _is_finite(obj["value"]):
            check.add(f"unjudged[{k}].value", f"{_show(obj['value'])} is not a finite value")


def _check_sources(check: _Checker, sources: object) -> None:
    if not isinstance(sources, list):
        return
    seen: set[str] = set()
    for k, source in enumerate(sources):
        path = f"sources[{k}]"
        obj = _object(source)
        if obj is None:
            continue
        sid = check.string(obj, "id", path)
        if sid is not None:
            if sid in seen:
                check.add(_join(path, "id"), f"duplicate source id {_show(sid)}")
            seen.add(sid)


def _check_factors(check: _Checker, factors: object, claim: Any) -> dict[str, list[str]] | None:
    """Check ``factors``; return the valid factor ids per group (None if unusable)."""
    obj = _object(factors)
    if obj is None:
        return None
    result: dict[str, list[str]] = {}
    usable = True
    for group in GROUPS:
        path = f"factors.{group}"
        items = obj.get(group)
        if group not in obj:
            usable = False
            continue
        if not isinstance(items, list):
            usable = False
            continue
        result[group] = []
        for k, item in enumerate(items):
            fpath = f"{path}[{k}]"
            fobj = _object(item)
            if fobj is None:
                usable = False
                continue
            fid = claim(fobj, fpath)
            if fid is None:
                usable = False
            else:
                result[group].append(fid)
            check.labels(fobj, fpath)
    return result if usable else None


def _check_strategies(
    check: _Checker,
    strategies: object,
    claim: Any,
    ids: dict[str, str],
    group_ids: dict[str, list[str]] | None,
) -> list[str] | None:
    """Check ``strategies``; return their ids in order (None if unusable)."""
    if not isinstance(strategies, list):
        return None
    factor_ids = {fid for fids in (group_ids or {}).values() for fid in fids}
    result: list[str] | None = []
    for k, item in enumerate(strategies):
        path = f"strategies[{k}]"
        obj = _object(item)
        if obj is None:
            result = None
            continue
        sid = claim(obj, path)
        if sid is None:
            result = None
        elif result is not None:
            result.append(sid)
        check.labels(obj, path)
        names = obj.get("factors")
        if not isinstance(names, list):
            continue
        seen: set[str] = set()
        for i, name in enumerate(names):
            where = f"{path}.factors[{i}]"
            if not isinstance(name, str):
                continue
            if name in seen:
                check.add(where, f"factor {_show(name)} is listed twice")
            elif group_ids is not None and name not in factor_ids:
                what = "a strategy, not a factor" if name in ids else "unknown factor id"
                check.add(where, f"{_show(name)}: {what}")
            else:
                seen.add(name)
    return result


def _check_judgments(
    check: _Checker,
    judgments: object,
    group_ids: dict[str, list[str]] | None,
    strategy_ids: list[str] | None,
) -> None:
    obj = _object(judgments)
    if obj is None:
        return
    if "groups" in obj:
        check.matrix(obj["groups"], "judgments.groups", list(GROUPS))
    if "group_dependence" in obj:
        _check_dependence(check, obj["group_dependence"])
    if "factors" in obj:
        fobj = _object(obj["factors"])
        if fobj is not None and group_ids is not None:
            for group in GROUPS:
                if group in fobj and group in group_ids:
                    check.matrix(fobj[group], f"judgments.factors.{group}", group_ids[group])
    if "strategies" in obj:
        _check_strategy_judgments(check, obj["strategies"], group_ids, strategy_ids)


def _check_dependence(check: _Checker, dependence: object) -> None:
    base = "judgments.group_dependence"
    if not isinstance(dependence, dict):
        return
    for group, entry in dependence.items():
        path = f"{base}.{group}"
        if group not in GROUPS:
            check.add(path, f"{_show(group)} is not a SWOT group (S, W, O or T)")
            continue
        listed = listed_names(check, entry, path, "groups", GROUPS, "group",
                              report_unknown=False)
        if listed is None:
            continue
        obj, groups = listed
        if len(groups) < 2:
            check.add(f"{path}.groups", "at least two groups are needed")
        elif "matrix" in obj:
            check.matrix(obj["matrix"], f"{path}.matrix", list(groups))


def _check_strategy_judgments(
    check: _Checker,
    judgments: object,
    group_ids: dict[str, list[str]] | None,
    strategy_ids: list[str] | None,
) -> None:
    base = "judgments.strategies"
    if not isinstance(judgments, dict):
        return
    if group_ids is None:
        return
    factor_ids = [fid for g in GROUPS for fid in group_ids.get(g, [])]
    for fid in factor_ids:
        if fid not in judgments:
            check.add(base, f"missing judgments for factor {_show(fid)}")
    for fid, entry in judgments.items():
        path = f"{base}.{fid}"
        if fid not in factor_ids:
            check.add(path, f"unknown factor id {_show(fid)}")
            continue
        if not isinstance(entry, dict) or len(entry) != 1 or next(iter(entry)) not in (
            "pairwise", "ratings"
        ):
            continue  # the schema's
        if strategy_ids is None:
            continue
        kind, values = next(iter(entry.items()))
        if kind == "pairwise":
            check.matrix(values, f"{path}.pairwise", strategy_ids)
        else:
            _check_ratings(check, values, f"{path}.ratings", len(strategy_ids))


def _check_ratings(check: _Checker, values: object, path: str, m: int) -> None:
    if not isinstance(values, list):
        return
    if len(values) != m:
        check.add(path, f"expected a list of {m} ratings (one per strategy), got {len(values)}")
        return
    good = True
    for k, value in enumerate(values):
        if value is None:
            continue
        if not _is_number(value) or (_is_finite(value) and value < 0):
            pass  # the schema's
        elif not _is_finite(value):
            check.add(f"{path}[{k}]", f"{_show(value)} is not a finite rating")
        else:
            continue
        good = False
    if good and all(v is not None for v in values) and not any(v > 0 for v in values):
        check.add(path, "at least one rating must be positive")


def _check_direct(check: _Checker, direct: object, group_ids: dict[str, list[str]] | None) -> None:
    obj = _object(direct)
    if obj is None:
        return
    _check_weights(check, obj.get("groups", {}), "direct_weights.groups", GROUPS)
    if group_ids is not None:
        factor_ids = tuple(fid for g in GROUPS for fid in group_ids.get(g, []))
        _check_weights(check, obj.get("factors", {}), "direct_weights.factors", factor_ids)


def _check_weights(check: _Checker, weights: object, path: str, known: tuple[str, ...]) -> None:
    if not isinstance(weights, dict):
        return
    for key, value in weights.items():
        where = f"{path}.{key}"
        if key not in known:
            check.add(where, f"unknown id {_show(key)}")
        elif _is_number(value) and not _is_finite(value):
            check.add(where, f"{_show(value)} is not a non-negative finite weight")


# ------------------------------------------------------------- dict <-> model


def _array(rows: Any) -> np.ndarray:
    """JSON rows (a valid matrix, null = missing) as a float matrix with NaN for missing."""
    return np.array([[np.nan if v is None else float(v) for v in row] for row in rows],
                    dtype=float).reshape(len(rows), len(rows))


def model_from_dict(data: object, source: str | os.PathLike[str] | None = None) -> SwotModel:
    """Validate parsed JSON and build the model (``ModelFileError`` lists every problem)."""
    problems = validate_data(data)
    if problems:
        raise ModelFileError(problems, source)
    assert isinstance(data, dict)
    factors = {
        g: [
            Factor(
                id=f["id"],
                group=g,
                label_en=f["label_en"],
                label_fa=f["label_fa"],
                description=f.get("description", ""),
                source=SourceRef(f["source"]["file"], f["source"]["line"])
                if "source" in f
                else None,
                provenance=f.get("provenance", "user"),
            )
            for f in data["factors"][g]
        ]
        for g in GROUPS
    }
    judgments = data["judgments"]
    strategy_judgments = {}
    for fid in (f.id for g in GROUPS for f in factors[g]):
        (kind, values), = judgments["strategies"][fid].items()
        array = _array(values) if kind == "pairwise" else np.array(
            [np.nan if v is None else float(v) for v in values], dtype=float
        )
        strategy_judgments[fid] = StrategyJudgment(kind, array)
    dependence = judgments.get("group_dependence", {})
    direct = data.get("direct_weights", {})
    return SwotModel(
        title=dict(data["title"]),
        goal=dict(data["goal"]),
        factors=factors,
        strategies=[
            Strategy(
                id=s["id"],
                label_en=s["label_en"],
                label_fa=s["label_fa"],
                tows=s["tows"],
                factors=tuple(s["factors"]),
                description=s.get("description", ""),
            )
            for s in data["strategies"]
        ],
        group_judgments=_array(judgments["groups"]),
        factor_judgments={g: _array(judgments["factors"][g]) for g in GROUPS},
        strategy_judgments=strategy_judgments,
        group_dependence={
            g: GroupDependence(tuple(dependence[g]["groups"]), _array(dependence[g]["matrix"]))
            for g in GROUPS
            if g in dependence
        },
        weighting=data.get("weighting", "pairwise"),
        direct_group_weights={
            g: float(w) for g, w in direct.get("groups", {}).items()
        },
        direct_factor_weights={
            f: float(w) for f, w in direct.get("factors", {}).items()
        },
        illustrative_judgments=data.get("illustrative_judgments", False),
        judgments_note=data.get("judgments_note", ""),
        judgments_edited=data.get("judgments_edited", False),
        unjudged=tuple(
            (u["matrix"], u["items"][0], u["items"][1] if len(u["items"]) > 1 else "",
             float(u["value"]))
            for u in data.get("unjudged", [])
        ),
        description=data.get("description", ""),
        sources=[Source(s["id"], s["file"], s.get("title", "")) for s in data.get("sources", [])],
        **network_from_dict(data, _array),
    )


def _number(value: float) -> float | int | None:
    """JSON form of a number: NaN -> null, integral values without a trailing ``.0``."""
    value = float(value)
    if math.isnan(value):
        return None
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _rows(matrix: np.ndarray) -> list[Any]:
    if matrix.ndim == 1:
        return [_number(v) for v in matrix]
    return [[_number(v) for v in row] for row in matrix]


def model_to_dict(model: SwotModel) -> dict[str, Any]:
    """The JSON-ready dict of a model (the inverse of :func:`model_from_dict`)."""

    def factor_dict(f: Factor) -> dict[str, Any]:
        out: dict[str, Any] = {"id": f.id, "label_en": f.label_en, "label_fa": f.label_fa}
        if f.description:
            out["description"] = f.description
        if f.source is not None:
            out["source"] = {"file": f.source.file, "line": f.source.line}
        out["provenance"] = f.provenance
        return out

    def strategy_dict(s: Strategy) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": s.id,
            "label_en": s.label_en,
            "label_fa": s.label_fa,
            "tows": s.tows,
            "factors": list(s.factors),
        }
        if s.description:
            out["description"] = s.description
        return out

    judgments: dict[str, Any] = {"groups": _rows(model.group_judgments)}
    if model.group_dependence:
        judgments["group_dependence"] = {
            g: {"groups": list(d.groups), "matrix": _rows(d.matrix)}
            for g, d in model.group_dependence.items()
        }
    judgments["factors"] = {g: _rows(model.factor_judgments[g]) for g in GROUPS}
    judgments["strategies"] = {
        fid: {j.kind: _rows(j.values)} for fid, j in model.strategy_judgments.items()
    }
    judgments.update(network_to_dict(model, _rows))
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": dict(model.title),
        "goal": dict(model.goal),
        "description": model.description,
        "illustrative_judgments": model.illustrative_judgments,
        "judgments_note": model.judgments_note,
        "sources": [
            {"id": s.id, "file": s.file, "title": s.title} for s in model.sources
        ],
        "factors": {g: [factor_dict(f) for f in model.factors[g]] for g in GROUPS},
        "strategies": [strategy_dict(s) for s in model.strategies],
        "weighting": model.weighting,
        "structure": model.structure,
        "judgments": judgments,
    }
    if model.direct_group_weights or model.direct_factor_weights:
        data["direct_weights"] = {
            "groups": {g: _number(w) for g, w in model.direct_group_weights.items()},
            "factors": {f: _number(w) for f, w in model.direct_factor_weights.items()},
        }
    if model.judgments_edited:
        data["judgments_edited"] = True
    if model.unjudged:
        data["unjudged"] = [
            {"matrix": path, "items": [a, b] if b else [a], "value": _number(value)}
            for path, a, b, value in model.unjudged
        ]
    return data


# ------------------------------------------------------------------ text, files


def _render(value: Any, level: int = 0) -> str:
    """Indented JSON where lists of scalars (matrix rows, id lists) stay on one line."""
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        if all(not isinstance(v, dict | list) for v in value.values()):
            flat = "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {_render(v)}"
                                   for k, v in value.items()) + "}"
            if len(flat) <= 80:
                return flat
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {_render(v, level + 1)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return "[" + ", ".join(_render(v) for v in value) + "]"
        items = [inner + _render(v, level + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def dumps_model(model: SwotModel) -> str:
    """The model file text (exactly what :func:`save_model` writes)."""
    return _render(model_to_dict(model)) + "\n"


def loads_model(text: str | bytes, source: str = "<upload>") -> SwotModel:
    """Parse and validate model file text or bytes; ``source`` names it in errors."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ModelFileError(
                [Problem(f"byte {exc.start}", f"not valid UTF-8 ({exc.reason})")], source
            ) from None
    elif text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ModelFileError(
            [Problem(f"line {exc.lineno}, column {exc.colno}", f"invalid JSON: {exc.msg}")],
            source,
        ) from None
    except RecursionError:
        raise ModelFileError([Problem(ROOT, "invalid JSON: nested too deeply")], source) from None
    except ValueError:  # Python's limit on the digits of an integer (4300 by default)
        raise ModelFileError([Problem(ROOT, "invalid JSON: a number has too many digits")],
                             source) from None
    return model_from_dict(data, source)


def load_model(path: str | os.PathLike[str]) -> SwotModel:
    """Read, validate and build the model in ``path`` (``ModelFileError`` names the file)."""
    try:  # the path as given: Path() would read "m.json/" as m.json and "" as the folder "."
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise ModelFileError([Problem(ROOT, f"cannot read the file: {exc.strerror or exc}")],
                             path) from None
    return loads_model(raw, str(path))


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder, flushed to disk and
    renamed over the old file; on failure the old file (if any) is left as it was and no
    temporary file remains. An existing file keeps its permission bits; a new one gets
    0o666 less the umask, as ``open`` would give it. A symbolic link is followed (the file it
    points to is replaced, the link stays). A target that exists but is not a regular file
    (``/dev/stdout``, a named pipe) is written to directly, since it cannot be replaced.
    Errors are ``OSError`` with ``filename`` = ``path``."""
    atomic_write_all([(path, data)])


def atomic_write_all(files: Sequence[tuple[str | os.PathLike[str], bytes]]) -> None:
    """Write several files as a set, each as :func:`atomic_write` does: every file is first
    written in full to a temporary file beside its target, and only when all of them are
    written are they renamed over their targets, so a failure while writing (a full disk, a
    folder that refuses files) leaves every target as it was."""
    staged: list[tuple[str, Path, str | os.PathLike[str]]] = []  # (temporary, target, as asked)
    direct: list[tuple[Path, bytes, str | os.PathLike[str]]] = []  # pipes, /dev/stdout
    try:
        for path, data in files:
            target, info = _target(path)
            if info is not None and not stat.S_ISREG(info.st_mode):
                direct.append((target, data, path))
                continue
            fd, tmp = _mkstemp_beside(target, path)
            staged.append((tmp, target, path))
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(tmp, stat.S_IMODE(info.st_mode) if info is not None
                         else 0o666 & ~_umask())
            except OSError as exc:
                raise _naming(exc, path) from None
        for tmp, target, path in list(staged):
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise _naming(exc, path) from None
            staged.remove((tmp, target, path))
            _fsync_dir(target.parent)
        for target, data, path in direct:
            try:
                with open(target, "wb") as handle:
                    handle.write(data)
            except OSError as exc:
                raise _naming(exc, path) from None
    finally:
        for tmp, _, _ in staged:
            Path(tmp).unlink(missing_ok=True)


def _target(path: str | os.PathLike[str]) -> tuple[Path, os.stat_result | None]:
    """The file a write to ``path`` replaces (links followed) and its status (None: new);
    a folder is refused."""
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _naming(exc, path) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    return target, info


def _mkstemp_beside(target: Path, path: str | os.PathLike[str]) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _naming(exc, path) from None


def _naming(exc: OSError, path: str | os.PathLike[str]) -> OSError:
    """``exc`` re-raised with ``filename`` = the file the caller asked for, not a temporary."""
    return type(exc)(exc.errno, exc.strerror or str(exc), str(path))


def _umask() -> int:
    """The process umask, read without setting it (``os.umask`` would change it for every
    thread for a moment); 0o022 where /proc is not available."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            fields = [line.split() for line in status if line.startswith("Umask:")]
    except OSError:
        return 0o022
    try:
        return int(fields[0][1], 8)
    except (IndexError, ValueError):  # int()'s parse: no Umask line, or not an octal number
        return 0o022


def _fsync_dir(folder: Path) -> None:
    """Flush the rename to disk (best effort: not every platform can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_model(model: SwotModel, path: str | os.PathLike[str]) -> None:
    """Validate and atomically write the model to ``path`` (UTF-8 JSON)."""
    text = dumps_model(model)
    problems = validate_data(json.loads(text))
    if problems:
        raise ModelFileError(problems, path)
    atomic_write(path, text.encode("utf-8"))
