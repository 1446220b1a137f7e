"""The structural checks of a model file: its published JSON Schema, and text the tool can keep.

The schemas (``swot/schema/model-v1.schema.json``, ``model-v2.schema.json``, linked from
``docs/schema/``) describe the layout of each format version: fields, types, enumerations.
:func:`schema_problems` validates parsed JSON against one with the ``jsonschema`` package and
turns each error into a :class:`~swot.model.Problem` with its JSON path and a readable message
(an unknown field gets a "did you mean" suggestion). A document is first checked with
``jsonschema_rs`` (a compiled validator of the same draft, ~500 times faster): only when it
finds the document not valid, or cannot read it (NaN, Infinity), does ``jsonschema``
walk it for the messages. Every workshop submission is checked this way, so this is most of
the server's work per participant change. What a schema cannot say (unique ids,
references, matrix sizes, reciprocity, ranges) stays with the semantic checks of
:mod:`swot.io`. :func:`surrogate_problems` finds text no file can hold (a lone surrogate).
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from swot.model import Problem

__all__ = ["ROOT", "escape_surrogates", "in_document_order", "json_path", "schema",
           "schema_problems", "show", "surrogate_problems"]

ROOT = "(root)"
_V2_ONLY = ("structure", "judgments.links", "judgments.clusters")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TYPE_NOUNS = {"object": "an object", "array": "a list", "string": "a string",
               "number": "a number", "integer": "an integer", "boolean": "true or false"}


def show(value: object) -> str:
    """A JSON-like rendering of a value for messages (cut to 60 characters)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # json: not JSON-shaped (e.g. a circular reference)
        text = repr(value)
    text = escape_surrogates(text)
    return text if len(text) <= 60 else text[:57] + "..."


def json_path(parts: Any) -> str:
    """``["judgments", "groups", 0, 1]`` -> ``judgments.groups[0][1]``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = escape_surrogates(str(part))
            out = f"{out}.{name}" if out else name
    return out or ROOT


def escape_surrogates(text: str) -> str:
    """``text`` with each lone surrogate written as its escape (``\\ud800``), printable."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


@cache
def schema(version: int) -> dict[str, Any]:
    """The published JSON Schema of model format ``version`` (1 or 2)."""
    text = resources.files("swot").joinpath(f"schema/model-v{version}.schema.json").read_text(
        encoding="utf-8")
    return json.loads(text)


@cache
def _validator(version: int) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_inlined(schema(version)))


def _inlined(published: dict[str, Any]) -> dict[str, Any]:
    """The schema with each local ``{"$ref": "#/$defs/NAME"}`` replaced by that definition
    (``allOf`` beside any other keys): the same checks and errors, without resolving a
    reference for every matrix cell of every document (a workshop validates each
    submission)."""
    definitions = published.get("$defs", {})

    def inline(node: Any, seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [inline(item, seen) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and ref not in seen:
            target = inline(definitions[ref.removeprefix("#/$defs/")], (*seen, ref))
            rest = {key: inline(value, seen) for key, value in node.items() if key != "$ref"}
            return {**rest, "allOf": [target]} if rest else target
        return {key: inline(value, seen) for key, value in node.items()}

    return inline(published, ())


@cache
def _fast_validator(version: int) -> Any:
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(schema(version))


_JSON_TYPES = frozenset({dict, list, str, int, float, bool, type(None)})


def _plain_json(data: object) -> bool:
    """Whether ``data`` is made of the types :func:`json.loads` gives, exactly. The compiled
    validator also reads a tuple as an array and a ``Decimal`` as a number (``Decimal(1)`` an
    integer), where :mod:`jsonschema` does not: a document built in Python with those must
    get jsonschema's verdict, as before. About 0.1 ms for a model (the compiled check: 0.05)."""
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict:
            stack.extend(value.values())
        elif kind is list:
            stack.extend(value)
        elif kind not in _JSON_TYPES:
            return False
    return True


def _surely_valid(data: object, version: int) -> bool:
    """Whether the compiled validator finds ``data`` valid (False also when it cannot read
    ``data``, or ``data`` holds a type JSON does not give: then :mod:`jsonschema` decides)."""
    if not _plain_json(data):
        return False
    try:
        return bool(_fast_validator(version).is_valid(data))
    except Exception:  # a value it cannot convert (a key not a string, some lone surrogates)
        return False


def schema_problems(data: object, version: int) -> list[Problem]:
    """Every structural problem of ``data`` under the schema of ``version``, in document order
    of their paths, each once."""
    if _surely_valid(data, version):
        return []
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    errors = sorted(_validator(version).iter_errors(data), key=lambda e: _order(e.absolute_path))
    for error in errors:
        for problem in _translate(error, version):
            if (problem.path, problem.message) not in seen:
                seen.add((problem.path, problem.message))
                problems.append(problem)
    return problems


def _order(parts: Any) -> list[tuple[int, Any]]:
    return [(0, p) if isinstance(p, int) else (1, str(p)) for p in parts]


def _translate(error: Any, version: int) -> list[Problem]:
    """A jsonschema error as problems (an ``additionalProperties`` error is one per field)."""
    parts = list(error.absolute_path)
    path = json_path(parts)
    sub: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    value = error.instance
    kind = error.validator
    if kind == "required":
        missing = [k for k in sub.get("required", []) if k not in value]
        return [Problem(path, f"missing required field {k!r}") for k in missing]
    if (kind == "additionalProperties" and sub.get("additionalProperties") is False
            and "x-expect" not in sub):
        known = list(sub.get("properties", {}))
        return [_unknown(json_path([*parts, key]), key, known, version)
                for key in value if key not in known]
    template = sub.get("x-messages", {}).get(kind)
    if template is not None:
        name = parts[-1] if parts else ""
        count = len(value) if isinstance(value, list | dict | str) else ""
        return [Problem(path, template.format(value=show(value), name=name, count=count))]
    if "x-expect" in sub:
        return [Problem(path, f"expected {sub['x-expect']}, got {show(value)}")]
    if kind == "type":
        types = error.validator_value
        types = [types] if isinstance(types, str) else types
        noun = " or ".join(_TYPE_NOUNS.get(t, t) for t in types if t != "null")
        return [Problem(path, f"expected {noun}, got {show(value)}")]
    if kind == "enum":
        return [Problem(path, f"{show(value)} is not one of "
                              f"{', '.join(map(str, error.validator_value))}")]
    if kind == "const":
        return [Problem(path, f"expected {show(error.validator_value)}, got {show(value)}")]
    return [Problem(path, error.message)]


def _unknown(path: str, key: str, known: list[str], version: int) -> Problem:
    if version == 1 and path in _V2_ONLY:
        return Problem(path, "this field needs format version 2 (set \"version\": 2, or run "
                             "swot-anp migrate)")
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return Problem(path, f"unknown field{hint}")


def in_document_order(problems: list[Problem], data: object) -> list[Problem]:
    """``problems`` sorted by where their paths occur in ``data`` (file order; a problem with
    the same path keeps its place). A path absent from the data (a missing field) sorts at
    its parent."""
    if len(problems) < 2:  # nothing to order: no walk through the whole document
        return list(problems)
    order: dict[str, int] = {}

    def walk(value: object, parts: list[Any]) -> None:
        order.setdefault(json_path(parts), len(order))
        items = value.items() if isinstance(value, dict) else (
            enumerate(value) if isinstance(value, list) else ())
        for key, item in items:
            walk(item, [*parts, key])

    walk(data, [])

    def key(problem: Problem) -> int:
        path = problem.path
        while path not in order and path != ROOT:
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ROOT
        return order.get(path, 0)

    return sorted(problems, key=key)


def surrogate_problems(data: object) -> list[Problem]:
    """Every string (value or key) holding a lone surrogate escape such as ``"\\ud800"``: valid
    JSON, but no character, so it can be neither shown nor saved."""
    return [Problem(path, f"{show(text)} contains a lone surrogate escape "
                          f"(\\u{ord(_SURROGATE.search(text).group()):04x}), which is not a "  # type: ignore[union-attr]
                          "character; replace it")
            for path, text in _strings(data, [])]


def _strings(value: object, parts: list[Any]) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        if _SURROGATE.search(value):
            yield json_path(parts), value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and _SURROGATE.search(key):
                yield json_path([*parts, key]), key
            yield from _strings(item, [*parts, key])
    elif isinstance(value, list):
        for k, item in enumerate(value):
            yield from _strings(item, [*parts, k])
