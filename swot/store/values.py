"""What may be stored, as stored: names, notes, JSON, tokens, and the judgments a workshop
accepts (checked by the model validator, :func:`swot.io.validate_data`, against the workshop's
model structure)."""

from __future__ import annotations

import hashlib
import json
import math
import secrets
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from swot.judgment_cells import matrix_paths
from swot.model import GROUPS
from swot.store.errors import InvalidDataError, StoreCorruptError

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
MAX_NAME_LENGTH = 200
MAX_TITLE_LENGTH = 200
MAX_RATIONALE_LENGTH = 500
MAX_SUBGROUP_LENGTH = 100


def now() -> str:
    """The current UTC time as stored (ISO 8601, microseconds)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_token() -> str:
    """A fresh secret for a private link (128 random bits, hex)."""
    return secrets.token_hex(16)


def new_code() -> str:
    """A random workshop code."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _non_finite_path(value: Any, path: str) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return path
    if isinstance(value, Mapping):
        for key, item in value.items():
            found = _non_finite_path(item, f"{path}.{key}" if path else str(key))
            if found:
                return found
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = _non_finite_path(item, f"{path}[{index}]")
            if found:
                return found
    return None


def to_json(value: Any, what: str, root: str = "") -> str:
    """``value`` as JSON text; :class:`InvalidDataError` naming where it cannot be."""
    bad = _non_finite_path(value, root)
    if bad is not None:
        raise InvalidDataError(
            f"{what} holds a non-finite number at {bad or '(top level)'}; "
            "use null for a missing judgment"
        )
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:  # json: not JSON-shaped, or a circular reference
        raise InvalidDataError(f"{what} cannot be stored as JSON: {exc}") from exc


def from_json(text: str, what: str) -> Any:
    """Stored JSON text read back; :class:`StoreCorruptError` when damaged."""
    try:
        return json.loads(text)
    except (TypeError, ValueError) as exc:  # json's parse: not text, or not JSON
        raise StoreCorruptError(f"the stored JSON of {what} is damaged: {exc}") from exc


def clean_name(name: Any, what: str) -> str:
    """A name with its white space collapsed; not empty, at most MAX_NAME_LENGTH long."""
    if not isinstance(name, str):
        raise InvalidDataError(f"{what} must be text, not {type(name).__name__}")
    if "\x00" in name:
        raise InvalidDataError(f"{what} cannot hold a NUL character")
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidDataError(f"{what} is empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidDataError(f"{what} is longer than {MAX_NAME_LENGTH} characters")
    return cleaned


def name_key(name: str) -> str:
    """The key under which two names count as the same (case and white space folded)."""
    return " ".join(name.split()).casefold()


def model_json(model: Any) -> str:
    """A model (the model file's dict) as stored JSON text."""
    return to_json(require_dict(model, "the model"), "the model")


def require_dict(value: Any, what: str) -> dict[str, Any]:
    """``value`` if it is a dict, else :class:`InvalidDataError`."""
    if not isinstance(value, dict):
        raise InvalidDataError(f"{what} must be a JSON object (dict), not {type(value).__name__}")
    return value


def note(text: Any) -> str:
    """A note as stored (stripped text)."""
    if not isinstance(text, str):
        raise InvalidDataError(f"a note must be text, not {type(text).__name__}")
    if "\x00" in text:
        raise InvalidDataError("a note cannot hold a NUL character")
    return text.strip()


def title(text: Any) -> str:
    """A workshop title as stored."""
    text = note(text)
    if len(text) > MAX_TITLE_LENGTH:
        raise InvalidDataError(f"the workshop title is longer than {MAX_TITLE_LENGTH} characters")
    return text


def rationale(text: Any) -> str:
    """The one-line rationale of a submission as stored."""
    text = " ".join(note(text).split())
    if len(text) > MAX_RATIONALE_LENGTH:
        raise InvalidDataError(f"the rationale is longer than {MAX_RATIONALE_LENGTH} characters")
    return text


def subgroup(text: Any) -> str:
    """A participant's subgroup as stored: one line, no control characters."""
    if isinstance(text, str) and any(ord(c) < 32 or ord(c) == 127 for c in " ".join(text.split())):
        raise InvalidDataError("a subgroup name cannot hold control characters")
    text = " ".join(note(text).split())
    if len(text) > MAX_SUBGROUP_LENGTH:
        raise InvalidDataError(f"a subgroup name is longer than {MAX_SUBGROUP_LENGTH} characters")
    return text


def weight(value: Any) -> float:
    """A participant's weight: a finite number > 0."""
    if (isinstance(value, bool) or not isinstance(value, int | float)
            or not math.isfinite(value) or value <= 0):
        raise InvalidDataError(f"a participant's weight must be a number > 0, not {value!r}")
    return float(value)


def cap(value: Any) -> int | None:
    """A cap on participants: None (no cap) or a whole number >= 1."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidDataError(
            f"the cap on participants must be a whole number >= 1, not {value!r}")
    return value


def judged_paths(judged: Sequence[str] | None, model: Mapping[str, Any]) -> list[str]:
    """The matrix paths a submission counts as judged, in the model's order (None: all)."""
    paths = matrix_paths(model)
    if judged is None:
        return paths
    if isinstance(judged, str):
        raise InvalidDataError("judged must be a list of matrix paths, not one string")
    unknown = [p for p in judged if p not in paths]
    if unknown:
        raise InvalidDataError(f"judged names matrices the model does not have: {unknown}")
    return [p for p in paths if p in set(judged)]


def _model_structure(model: Mapping[str, Any]) -> dict[str, Any]:
    try:
        factors = {g: [f["id"] for f in model["factors"][g]] for g in GROUPS}
        strategies = [s["id"] for s in model["strategies"]]
        judgments = model["judgments"]
        dependence = judgments.get("group_dependence") or {}
        strategy_kinds = {
            fid: ("ratings" if "ratings" in entry else "pairwise")
            for fid, entry in judgments["strategies"].items()
        }
        structure = {
            "factors": factors,
            "strategies": strategies,
            "group_dependence": {g: list(dep["groups"]) for g, dep in dependence.items()},
            "strategy_judgments": strategy_kinds,
        }
        # the factor-level network (model version 2); absent when empty, so the fingerprints
        # of models without one are unchanged
        if judgments.get("links"):
            structure["links"] = {src: {c: list(e["nodes"]) for c, e in sets.items()}
                                  for src, sets in judgments["links"].items()}
        if judgments.get("clusters"):
            structure["clusters"] = {c: list(e["clusters"])
                                     for c, e in judgments["clusters"].items()}
        return structure
    except (KeyError, TypeError, AttributeError) as exc:
        raise InvalidDataError(
            f"the model lacks the structure a workshop needs (factors, strategies, "
            f"judgments): missing or malformed {exc}"
        ) from exc


def model_fingerprint(model: Mapping[str, Any]) -> str:
    """SHA-256 of the model's structure (ids, dependence, kinds of judgment), not its values."""
    canonical = json.dumps(
        _model_structure(model), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def check_judgments_shape(judgments: Any, model: Mapping[str, Any]) -> None:
    """Raise :class:`InvalidDataError` unless ``judgments`` fit the model: what the model
    validator (:func:`swot.io.validate_data`) says of the model with these judgments, and the
    same structure (dependence, kinds of judgment, network) as the model's own."""
    from swot.io import validate_data  # swot.io pulls in numpy; only submissions need it

    judgments = require_dict(judgments, "judgments")
    candidate = {**model, "judgments": judgments}
    problems = [p for p in validate_data(candidate) if p.path.startswith("judgments")]
    if problems:
        shown = "; ".join(str(p) for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise InvalidDataError(f"the judgments do not fit the model: {shown}{more}")
    given, expected = _model_structure(candidate), _model_structure(model)
    for key, path in _STRUCTURE_PATHS.items():
        mine, theirs = given.get(key, {}), expected.get(key, {})
        if mine == theirs:
            continue
        if set(mine) != set(theirs):
            raise InvalidDataError(
                f"the judgments do not fit the model: {path} must cover {sorted(theirs)}")
        entry = next(k for k in sorted(theirs) if mine[k] != theirs[k])
        shown = json.dumps(theirs[entry], ensure_ascii=False)
        raise InvalidDataError(
            f"the judgments do not fit the model: {path}.{entry} must be {shown}, "
            "as in the workshop's model"
        )


_STRUCTURE_PATHS = {
    "group_dependence": "judgments.group_dependence", "strategy_judgments": "judgments.strategies",
    "links": "judgments.links", "clusters": "judgments.clusters",
}
