"""The compiled schema check (``jsonschema_rs``) that spares a valid model the slow walk: it
must never call valid what ``jsonschema`` calls invalid, or a bad model would pass unnamed."""

from __future__ import annotations

import copy
import json
import math
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

    data = tehran()
    data["judgments"]["groups"][0][1] = math.nan
    assert not _surely_valid(data, 2)
    data = tehran()
    data["title"]["en"] = "a\ud800b"
    assert not _surely_valid(data, 2)
    assert [p.path for p in validate_data(data) if "lone surrogate" in p.message] == ["title.en"]
    data = tehran()
    data["title"]["en"] = 7
    assert not _surely_valid(data, 2)
    assert [(p.path, p.message) for p in validate_data(data)] == [
        ("title.en", "expected a string, got 7")]  # jsonschema's message, as before
