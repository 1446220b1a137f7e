"""The compiled schema check (``jsonschema_rs``) that spares a valid model the slow walk: it
must never call valid what ``jsonschema`` calls invalid, or a bad model would pass unnamed."""

from __future__ import annotations

import copy
import json
import math
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from swot_testdata import EXAMPLE, TEHRAN

from swot.io import validate_data
from swot.io_schema import _surely_valid, schema

ROOT = Path(__file__).resolve().parents[2]
NETWORK = ROOT / "data" / "tehran_city_diplomacy_network.json"
WRONG = ("x", 5, 0, -1, 1e300, None, True, [], {})  # wrong types, out of range, empty


def _leaves(value: Any, parts: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every node of a JSON document, the root excepted."""
    out = [parts] if parts else []
    items = value.items() if isinstance(value, dict) else (
        enumerate(value) if isinstance(value, list) else ())
    for key, item in items:
        out += _leaves(item, (*parts, key))
    return out


def _mutants(data: dict[str, Any], every: int) -> list[dict[str, Any]]:
    """Copies of ``data`` with one node (of every ``every``-th) replaced by four of the wrong
    values, or removed and an unknown field added (a list: an item added)."""
    out = []
    for k, parts in enumerate(_leaves(data)):
        if k % every:
            continue
        for wrong in (WRONG * 2)[k % len(WRONG):][:4]:  # four of them, in turn
            doc = copy.deepcopy(data)
            parent = doc
            for part in parts[:-1]:
                parent = parent[part]
            parent[parts[-1]] = wrong
            out.append(doc)
        doc = copy.deepcopy(data)
        parent = doc
        for part in parts[:-1]:
            parent = parent[part]
        if isinstance(parent, dict):
            del parent[parts[-1]]
            parent["x_unknown_field"] = 1
        else:
            parent.append(parent[-1])
        out.append(doc)
    return out


@pytest.mark.parametrize("path", [TEHRAN, EXAMPLE, NETWORK], ids=["tehran", "example", "network"])
def test_the_fast_check_agrees_with_jsonschema_on_valid_and_broken_models(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    version = data["version"]
    slow = Draft202012Validator(schema(version))
    mutants = _mutants(data, every=max(1, len(_leaves(data)) // 15))
    assert len(mutants) >= 70
    verdicts = []
    for doc in [data, *mutants]:
        valid = slow.is_valid(doc)
        verdicts.append(valid)
        assert _surely_valid(doc, version) == valid, json.dumps(doc)[:300]
    assert verdicts[0] and not all(verdicts)  # both kinds were checked


def test_what_the_fast_check_cannot_read_goes_to_jsonschema_with_its_message() -> None:
    def tehran() -> dict[str, Any]:
        return json.loads(TEHRAN.read_text(encoding="utf-8"))

    # Tehran's model is format version 1: checked against version 2's schema (const 2) it was
    # never valid, so these assertions held whatever the compiled check made of the value.
    assert _surely_valid(tehran(), 1) and not _surely_valid(tehran(), 2)
    data = tehran()
    data["judgments"]["groups"][0][1] = math.nan
    assert not _surely_valid(data, 2)
    assert not _surely_valid(data, 1)
    for infinite in (math.inf, -math.inf):  # jsonschema-rs < 0.49 read these as null
        data = tehran()
        data["judgments"]["groups"][0][1] = infinite
        assert not _surely_valid(data, 1)
    data = tehran()
    data["judgments"]["groups"][0][1] = -math.inf
    assert [(p.path, p.message) for p in validate_data(data)][:1] == [
        ("judgments.groups[0][1]", "-Infinity is not a positive judgment")]  # the schema's
    data = tehran()
    data["title"]["en"] = "a\ud800b"
    assert not _surely_valid(data, 2)
    # valid to both validators (a string); the surrogate is reported by its own check
    assert _surely_valid(data, 1) == Draft202012Validator(schema(1)).is_valid(data)
    assert [p.path for p in validate_data(data) if "lone surrogate" in p.message] == ["title.en"]
    data = tehran()
    data["title"]["en"] = 7
    assert not _surely_valid(data, 2)
    assert not _surely_valid(data, 1)
    assert [(p.path, p.message) for p in validate_data(data)] == [
        ("title.en", "expected a string, got 7")]  # jsonschema's message, as before


# Values that JSON parsers and Python callers hand the validator, beyond plain wrong types:
# integers and floats that are equal (1, 1.0), true as a number, huge integers, -0.0, the
# non-finite floats Python's json module reads, text no file can hold, empty containers,
# deep junk, and the types a Python caller may build (a tuple, a Decimal) that jsonschema
# does not call an array or an integer while the compiled validator does.
EDGE_VALUES: tuple[Any, ...] = (
    1, 1.0, 2.0, True, False, -0.0, 0, 5e-324, 1e300, 2**64, 10**400, -(2**64),
    math.nan, math.inf, -math.inf, None, "", "\ud800", "\U0001f600", "S1\n", [], {}, [[]],
    {"en": "x", "fa": "y"}, json.loads("[" * 200 + "]" * 200),
    (1, 2), Decimal(1), Decimal("0.5"), Decimal(-1),
)


def _edge_mutants(data: dict[str, Any], count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` copies of ``data`` with one to three random nodes changed: set to an edge
    value, turned into a tuple (a list) or a Decimal (a number), removed, or given a sibling
    (an unknown or misspelt field, a duplicated list item)."""
    rng = random.Random(seed)
    nodes = _leaves(data)
    out = []
    for _ in range(count):
        doc = copy.deepcopy(data)
        for parts in rng.sample(nodes, rng.randint(1, 3)):
            parent: Any = doc
            try:
                for part in parts[:-1]:
                    parent = parent[part]
                value = parent[parts[-1]]
            except (KeyError, IndexError, TypeError):  # an earlier change removed the path
                continue
            if not isinstance(parent, dict | list):
                continue
            action = rng.randrange(5)
            if action == 0:
                parent[parts[-1]] = rng.choice(EDGE_VALUES)
            elif action == 1 and isinstance(value, list):
                parent[parts[-1]] = tuple(value)
            elif action == 1 and isinstance(value, int | float) and math.isfinite(value):
                parent[parts[-1]] = Decimal(value)
            elif action == 2 and isinstance(parent, dict):
                del parent[parts[-1]]
            elif isinstance(parent, dict):
                key = str(parts[-1])
                parent[rng.choice([key[:-1] + "x", "x_unknown", "\ud800"])] = value
            elif isinstance(parent, list):
                parent.append(copy.deepcopy(value))
        out.append(doc)
    return out


@pytest.mark.parametrize("path", [TEHRAN, EXAMPLE, NETWORK], ids=["tehran", "example", "network"])
def test_every_edge_mutant_gets_the_problems_jsonschema_alone_gives(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole problems list (paths and messages) with the compiled check first equals the
    list jsonschema alone gives, as before the compiled check, over 80 random mutants a model."""
    import swot.io_schema

    data = json.loads(path.read_text(encoding="utf-8"))
    mutants = [data, *_edge_mutants(data, count=80, seed=17)]
    fast = [validate_data(doc) for doc in mutants]
    fast_valid = [swot.io_schema._surely_valid(doc, data["version"]) for doc in mutants]
    monkeypatch.setattr(swot.io_schema, "_surely_valid", lambda doc, version: False)
    slow = [validate_data(doc) for doc in mutants]
    for doc, with_fast, alone in zip(mutants, fast, slow, strict=True):
        assert with_fast == alone, repr(doc)[:300]
    assert fast[0] == [] and sum(map(bool, slow)) > 50  # mostly broken, not all
    assert sum(fast_valid) > 1  # the compiled check did answer for some documents


def test_a_tuple_or_a_decimal_built_in_python_is_not_taken_as_valid_by_the_fast_check() -> None:
    # jsonschema_rs reads a tuple as an array and Decimal(1) as an integer; jsonschema does
    # not, and its problems must be the ones reported.
    data = json.loads(NETWORK.read_text(encoding="utf-8"))
    data["judgments"]["groups"] = tuple(data["judgments"]["groups"])
    assert not _surely_valid(data, 2)
    assert [p.path for p in validate_data(data)][:1] == ["judgments.groups"]
    data = json.loads(NETWORK.read_text(encoding="utf-8"))
    data["factors"]["S"][0]["source"]["line"] = Decimal(3)
    assert not _surely_valid(data, 2)
    assert [(p.path, p.message) for p in validate_data(data)] == [
        ("factors.S[0].source.line", "expected a line number (integer >= 1), got Decimal('3')")]
