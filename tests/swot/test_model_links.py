"""Editing the factor-level network of a model: link sets, notes and cluster comparisons stay in
step with the factors and strategies."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from swot_testdata import SMALL

from swot.io import dumps_model, loads_model, model_from_dict
from swot.model import ClusterComparison, LinkNote, SourceRef, SwotError, SwotModel


def small() -> SwotModel:
    return model_from_dict(copy.deepcopy(SMALL))


def test_set_link_grows_and_shrinks_a_link_set() -> None:
    model = small().set_link("S1", "T1")
    assert model.link_set("S1.T").nodes == ("T1",)
    assert np.array_equal(model.link_set("S1.T").matrix, [[1.0]])
    # S1's links now reach clusters W and T: in S, W, O, T order
    assert list(model.links["S1"]) == ["W", "T"]
    assert model.linked_clusters("S") == ["W", "T", "strategies"]
    assert model.set_link("S1", "T1") is model  # already linked: nothing to change
    back = model.set_link("S1", "T1", False)
    assert back == small()
    with pytest.raises(SwotError, match="itself"):
        model.set_link("S1", "S1")
    with pytest.raises(KeyError, match=r"no factor 'X9'"):
        model.set_link("S1", "X9")
    with pytest.raises(SwotError, match="unknown node"):
        model.set_link("X9", "S1")


def test_comparisons_follow_the_linked_clusters() -> None:
    model = small().set_cluster_comparison(
        "S", ClusterComparison(("W", "strategies"), [[1, 2], [0.5, 1]]))
    grown = model.set_link("S1", "O1")
    comparison = grown.cluster_comparisons["S"]
    assert comparison.clusters == ("W", "strategies", "O")
    assert comparison.matrix[0, 1] == 2 and np.isnan(comparison.matrix[0, 2])
    # dropping the only link into W leaves O and the strategies
    shrunk = grown.set_link("S1", "W1", False)
    assert shrunk.cluster_comparisons["S"].clusters == ("strategies", "O")
    # and with one cluster left there is nothing to compare
    assert "S" not in shrunk.set_link("S1", "O1", False).cluster_comparisons
    with pytest.raises(SwotError, match="must compare the clusters it links to"):
        model.set_cluster_comparison("S", ClusterComparison(("W", "O"), np.ones((2, 2))))


def test_removing_and_renaming_nodes_keeps_the_links_consistent() -> None:
    model = small()
    note = LinkNote("because", SourceRef("a.txt", 3), illustrative=True)
    link = model.link_set("S1.W")
    model = model._replace(links={**model.links, "S1": {"W": type(link)(
        link.nodes, link.matrix, {"W1": note})}})
    renamed = model.update_factor("W1", id="W9")
    assert renamed.link_set("S1.W").nodes == ("W9",)
    assert renamed.link_set("S1.W").notes == {"W9": note}
    assert "W9" in renamed.links and "W1" not in renamed.links
    with pytest.raises(SwotError, match="only factor"):  # S1 is the only S factor
        model.remove_factor("S1")
    fed = model.set_link("A", "O1").set_link("B", "T1")
    assert fed.has_feedback()
    renamed_strategy = fed.update_strategy("A", id="A2")
    assert "A2" in renamed_strategy.links and "A" not in renamed_strategy.links
    # a round trip keeps notes, links and feedback
    again = loads_model(dumps_model(fed))
    assert again == fed


def test_removing_a_target_factor_drops_it_from_every_link_set() -> None:
    data = copy.deepcopy(SMALL)
    data["factors"]["W"].append({"id": "W2", "label_en": "W2", "label_fa": ""})
    data["judgments"]["factors"]["W"] = [[1, 1], [1, 1]]
    data["judgments"]["strategies"]["W2"] = {"pairwise": [[1, 1], [1, 1]]}
    data["judgments"]["links"]["S1"]["W"] = {"nodes": ["W1", "W2"],
                                             "matrix": [[1, 3], [1 / 3, 1]]}
    model = model_from_dict(data)
    without = model.remove_factor("W1")
    assert without.link_set("S1.W").nodes == ("W2",)
    assert np.array_equal(without.link_set("S1.W").matrix, [[1.0]])
    # W1's own link set (into O) goes with it
    assert "W1" not in without.links
