"""Model file version 2: the network fields, their validation with JSON paths, version 1 files
loading unchanged, and ``swot-anp migrate``."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from swot_testdata import SMALL, TEHRAN, tiny_data

from swot.analysis import evaluate
from swot.cli import main
from swot.io import dumps_model, load_model, loads_model, model_from_dict, validate_data


def small_data() -> dict[str, Any]:
    return copy.deepcopy(SMALL)


def problems(data: Any) -> list[str]:
    return [str(p) for p in validate_data(data)]


def test_version_2_round_trip_keeps_links_and_comparisons() -> None:
    data = small_data()
    data["judgments"]["clusters"] = {"S": {"clusters": ["W", "strategies"],
                                           "matrix": [[1, 0.5], [2, 1]]}}
    model = model_from_dict(data)
    text = dumps_model(model)
    again = loads_model(text)
    assert again == model
    assert dumps_model(again) == text
    saved = json.loads(text)
    assert saved["version"] == 2 and saved["structure"] == "network"
    assert saved["judgments"]["links"]["S1"] == {"W": {"nodes": ["W1"], "matrix": [[1]]}}
    assert saved["judgments"]["clusters"]["S"]["clusters"] == ["W", "strategies"]


def test_version_1_file_loads_and_ranks_exactly_as_before() -> None:
    raw = json.loads(TEHRAN.read_text(encoding="utf-8"))
    assert raw["version"] == 1  # the shipped hierarchy model is still a version-1 file
    model = load_model(TEHRAN)
    assert model.structure == "hierarchy" and not model.links
    migrated = loads_model(dumps_model(model))
    a, b = evaluate(model), evaluate(migrated)
    assert list(a.strategies["id"]) == list(b.strategies["id"])
    assert np.array_equal(a.strategies["priority"], b.strategies["priority"])


def test_version_2_fields_in_a_version_1_file_are_reported() -> None:
    data = tiny_data()
    data["structure"] = "network"
    data["judgments"]["links"] = {}
    assert problems(data) == [  # in file order: "judgments" comes before "structure"
        'judgments.links: this field needs format version 2 (set "version": 2, or run '
        "swot-anp migrate)",
        'structure: this field needs format version 2 (set "version": 2, or run swot-anp '
        "migrate)",
    ]


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda d: d.update(structure="graph"),
     ["structure: \"graph\" is not one of hierarchy, network"]),
    (lambda d: d["judgments"]["links"].update(X9={"S": {"nodes": ["S1"], "matrix": [[1]]}}),
     ['judgments.links.X9: unknown node id "X9" (not a factor or a strategy)']),
    (lambda d: d["judgments"]["links"]["S1"].update(S={"nodes": ["S1"], "matrix": [[1]]}),
     ['judgments.links.S1.S.nodes[0]: "S1" cannot link to itself']),
    (lambda d: d["judgments"]["links"]["S1"].update(W={"nodes": ["W9"], "matrix": [[1]]}),
     ['judgments.links.S1.W.nodes[0]: unknown factor id "W9"']),
    (lambda d: d["judgments"]["links"]["S1"].update(W={"nodes": ["O1"], "matrix": [[1]]}),
     ['judgments.links.S1.W.nodes[0]: "O1" is a factor of group O, not W']),
    (lambda d: d["judgments"]["links"]["S1"].update(W={"nodes": [], "matrix": []}),
     ["judgments.links.S1.W.nodes: a link set needs at least one node (remove the link set "
      "instead)"]),
    (lambda d: d["judgments"]["links"]["S1"].update(W={"nodes": ["W1"]}),
     ["judgments.links.S1.W: missing required field 'matrix'"]),
    (lambda d: d["judgments"]["links"]["S1"].update(W={"nodes": ["W1"], "matrix": [[1, 2]]}),
     ["judgments.links.S1.W.matrix[0]: expected a row of 1 entries, got 2"]),
    (lambda d: d["judgments"]["links"]["S1"].update(X={"nodes": ["W1"], "matrix": [[1]]}),
     ['judgments.links.S1.X: "X" is not a factor cluster (S, W, O or T)']),
    (lambda d: d["judgments"]["links"].update(A={}),
     ["judgments.links.A: no link sets (leave the node out instead)"]),
    (lambda d: d["judgments"].update(clusters={"S": {"clusters": ["W", "O"],
                                                     "matrix": [[1, 1], [1, 1]]}}),
     ["judgments.clusters.S.clusters: no node of cluster S links to O: compare only the "
      "clusters it links to"]),
    (lambda d: d["judgments"].update(clusters={"S": {"clusters": ["W"], "matrix": [[1]]}}),
     ["judgments.clusters.S.clusters: cluster S also links to strategies: compare every "
      "cluster it links to"]),
    (lambda d: d["judgments"].update(clusters={"strategies": {"clusters": ["S", "W"],
                                                              "matrix": [[1, 1], [1, 1]]}}),
     ["judgments.clusters.strategies.clusters: no node of cluster strategies links to S, W: "
      "compare only the clusters it links to"]),
    (lambda d: d["judgments"].update(clusters={"S": {"clusters": ["W", "strategies"],
                                                     "matrix": [[1, 2, 3]]}}),
     ["judgments.clusters.S.matrix: expected 2 rows (2x2 matrix for W, strategies), got 1"]),
    (lambda d: d["judgments"].update(clusters={"S": {"clusters": ["W", "W"],
                                                     "matrix": [[1, 1], [1, 1]]}}),
     ["judgments.clusters.S.clusters: a cluster is listed twice"]),
    (lambda d: d["judgments"].update(clusters={"S": {"clusters": ["W", "Q"],
                                                     "matrix": [[1, 1], [1, 1]]}}),
     ['judgments.clusters.S.clusters: "Q": not a cluster (S, W, O, T, strategies)']),
    (lambda d: d["judgments"].update(clusters={"Q": {"clusters": [], "matrix": []}}),
     ['judgments.clusters.Q: "Q" is not a cluster (S, W, O, T, strategies)']),
])
def test_network_problems_are_named_by_json_path(edit, expected) -> None:
    data = small_data()
    edit(data)
    assert problems(data) == expected


def test_migrate_writes_version_2_that_ranks_the_same(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "migrated.json"
    assert main(["migrate", str(TEHRAN), "-o", str(out)]) == 0, capsys.readouterr().err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] == 2 and data["structure"] == "hierarchy"
    a, b = evaluate(load_model(TEHRAN)), evaluate(load_model(out))
    assert np.array_equal(a.strategies["priority"], b.strategies["priority"])
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "swot-anp-model", "version": 9}', encoding="utf-8")
    assert main(["migrate", str(bad)]) == 1
    assert "unsupported format version 9" in capsys.readouterr().err
