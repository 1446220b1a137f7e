"""Workshops, scenario diffs and exports on a factor-level network model (model version 2)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import pytest
from store_testdata import tiny_model

from swot.analysis import evaluate
from swot.diff import diff_models
from swot.export import factor_weights_csv, ranking_csv
from swot.io import model_from_dict
from swot.scenarios import compare_rankings
from swot.store import InvalidDataError, check_judgments_shape, model_fingerprint
from swot.workshop import consensus_by_matrix, disagreements, group_judgments, group_model


@dataclass
class Sub:
    participant_name: str
    judgments: dict[str, Any]


def network_model() -> dict[str, Any]:
    """The store's tiny model as a network: S1 depends on W1, W1 on S1 and S2 (a cycle
    S1 <-> W1), and cluster S weighs W against the strategies."""
    data = tiny_model()
    data["version"] = 2
    data["structure"] = "network"
    data["judgments"]["links"] = {
        "S1": {"W": {"nodes": ["W1"], "matrix": [[1]]}},
        "W1": {"S": {"nodes": ["S1", "S2"], "matrix": [[1, 2], [0.5, 1]]}},
    }
    data["judgments"]["clusters"] = {
        "S": {"clusters": ["W", "strategies"], "matrix": [[1, 0.5], [2, 1]]},
    }
    return data


def _person(name: str, link: float, cluster: float) -> Sub:
    judgments = copy.deepcopy(network_model()["judgments"])
    judgments["links"]["W1"]["S"]["matrix"] = [[1, link], [1 / link, 1]]
    judgments["clusters"]["S"]["matrix"] = [[1, cluster], [1 / cluster, 1]]
    return Sub(name, judgments)


def test_dependence_and_cluster_judgments_are_aggregated_by_aij() -> None:
    model = network_model()
    subs = [_person("A", 2, 0.5), _person("B", 8, 2)]
    group = group_judgments(model, subs)
    # geometric means: sqrt(2 * 8) = 4 and sqrt(0.5 * 2) = 1, reciprocals below
    assert group["links"]["W1"]["S"]["matrix"][0][1] == pytest.approx(4)
    assert group["links"]["W1"]["S"]["matrix"][1][0] == pytest.approx(0.25)
    assert group["clusters"]["S"]["matrix"][0][1] == pytest.approx(1)
    assert group["links"]["W1"]["S"]["nodes"] == ["S1", "S2"]
    ranked = evaluate(model_from_dict(group_model(model, subs)))
    assert ranked.strategies["priority"].sum() == pytest.approx(1.0)
    consensus = consensus_by_matrix(model, subs)
    assert "judgments.links.W1.S.matrix" in consensus
    assert "judgments.clusters.S.matrix" in consensus
    spread = disagreements(model, subs)
    assert set(spread["matrix"]) >= {"judgments.links.W1.S.matrix", "judgments.clusters.S.matrix"}


def test_submission_shape_covers_the_network() -> None:
    model = network_model()
    check_judgments_shape(copy.deepcopy(model["judgments"]), model)
    missing = copy.deepcopy(model["judgments"])
    del missing["links"]["W1"]
    with pytest.raises(InvalidDataError, match=r"judgments\.links must cover"):
        check_judgments_shape(missing, model)
    wrong = copy.deepcopy(model["judgments"])
    wrong["clusters"]["S"]["matrix"] = [[1]]
    with pytest.raises(InvalidDataError, match=r"judgments\.clusters\.S\.matrix"):
        check_judgments_shape(wrong, model)
    # a model without a network keeps its fingerprint; the links change it
    assert model_fingerprint(tiny_model()) != model_fingerprint(model)
    plain = tiny_model()
    plain["version"] = 2
    assert model_fingerprint(plain) == model_fingerprint(tiny_model())


def test_scenario_diff_and_comparison_see_the_network() -> None:
    a = network_model()
    b = copy.deepcopy(a)
    b["structure"] = "hierarchy"
    b["judgments"]["links"]["W1"]["S"]["matrix"] = [[1, 3], [1 / 3, 1]]
    del b["judgments"]["links"]["S1"]
    b["judgments"]["clusters"] = {}
    found = {(d.path, d.kind) for d in diff_models(a, b)}
    assert ("structure", "changed") in found
    assert ("judgments.links.W1.S.matrix[0][1]", "changed") in found
    assert ("judgments.links.S1.W", "removed") in found
    assert ("judgments.clusters.S", "removed") in found
    table = compare_rankings({"net": a, "tree": b})
    assert len(table) == 3


def test_exports_of_a_network_model() -> None:
    result = evaluate(model_from_dict(network_model()))
    ranking = ranking_csv(result.strategies).decode("utf-8-sig").splitlines()
    factors = factor_weights_csv(result.factors).decode("utf-8-sig").splitlines()
    assert ranking[0].startswith("rank,id,") and len(ranking) == 4
    assert factors[0].startswith("group,id,") and len(factors) == 6
    # the exported factor weights are the network's (they compose the ranking)
    weights = [float(line.rsplit(",", 1)[1]) for line in factors[1:]]
    assert weights == pytest.approx(list(result.factors["global_weight"]), rel=1e-15)
    assert sum(weights) == pytest.approx(1.0)
