"""The factor-level network (structure "network"): equivalence with the hierarchy, small
networks worked by hand, the same limit through anp.Network directly."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from swot_testdata import EXAMPLE, SMALL, TEHRAN

import anp
from swot.analysis import EvaluationError, evaluate, with_direct_weighting
from swot.io import load_model, model_from_dict
from swot.model import ClusterComparison, Factor, SwotModel


def small() -> SwotModel:
    return model_from_dict(copy.deepcopy(SMALL))


@pytest.mark.parametrize("path", [TEHRAN, EXAMPLE], ids=["tehran", "example"])
@pytest.mark.parametrize("weighting", ["pairwise", "direct"])
def test_network_without_links_ranks_as_the_hierarchy(path, weighting):
    model = load_model(path)
    if weighting == "direct":
        model = with_direct_weighting(model)
    hierarchy = evaluate(model)
    network = evaluate(model.set_structure("network"))
    assert list(network.strategies["id"]) == list(hierarchy.strategies["id"])
    np.testing.assert_allclose(network.strategies["priority"], hierarchy.strategies["priority"],
                               rtol=0, atol=1e-12)
    np.testing.assert_allclose(network.factors["global_weight"],
                               hierarchy.factors["global_weight"], rtol=0, atol=1e-12)
    # the network really is the factor-level one: one cluster per SWOT group
    assert "W factors" in network.network.clusters
    assert "W factors" not in hierarchy.network.clusters


def test_cyclic_dependence_worked_by_hand():
    result = evaluate(small())
    # Cluster weights: the S, W and O factor clusters each link to the strategies and to one
    # factor cluster, no cluster comparison -> 1/2 each. So S1's column sends 1/2 to W1 and
    # 1/2 to the strategies (split 3/4, 1/4), likewise W1 -> O1, O1 -> S1; T1 sends all to the
    # strategies. The factor block F has F[W1,S1] = F[O1,W1] = F[S1,O1] = 1/2; leak = (1/2,
    # 1/2, 1/2, 1). Expected visits v = (I - F)^-1 g with g = (0.4, 0.3, 0.2, 0.1):
    #   v_S1 = 0.4 + v_O1/2, v_W1 = 0.3 + v_S1/2, v_O1 = 0.2 + v_W1/2
    #   v_S1 = 0.4 + 0.1 + 0.075 + v_S1/8  ->  v_S1 = 0.575 / 0.875 = 23/35
    #   v_W1 = 0.3 + 23/70 = 44/70,  v_O1 = 0.2 + 22/70 = 36/70,  v_T1 = 0.1
    # Weights passed to the strategies x = leak * v = (23, 22, 18, 7) / 70 (sum 1).
    x = np.array([23, 22, 18, 7]) / 70
    np.testing.assert_allclose(result.factors["global_weight"], x, rtol=1e-12)
    # A = 3/4 x_S1 + 1/4 x_W1 + 1/2 x_O1 + 1/4 x_T1 = (69 + 22 + 36 + 7) / 280 = 134/280
    priorities = result.strategies.set_index("id")["priority"]
    assert priorities["A"] == pytest.approx(134 / 280, rel=1e-12)
    assert priorities["B"] == pytest.approx(146 / 280, rel=1e-12)
    # ... and it is what the goal column of the exact limit says
    limit = result.limit
    goal = limit.index("Goal")
    a, b = limit.matrix[limit.index("A"), goal], limit.matrix[limit.index("B"), goal]
    assert a / (a + b) == pytest.approx(134 / 280, rel=1e-12)
    # without the dependence: S g = 0.3 + 0.075 + 0.1 + 0.025 = 0.5 for A
    without = evaluate(small().set_structure("hierarchy")).strategies.set_index("id")
    assert without.loc["A", "priority"] == pytest.approx(0.5, rel=1e-12)


def _feedback_model() -> SwotModel:
    data = copy.deepcopy(SMALL)
    data["judgments"]["links"] = {
        "A": {"S": {"nodes": ["S1"], "matrix": [[1]]}, "W": {"nodes": ["W1"], "matrix": [[1]]}},
        "B": {"O": {"nodes": ["O1"], "matrix": [[1]]}, "T": {"nodes": ["T1"], "matrix": [[1]]}},
    }
    return model_from_dict(data)


def test_feedback_with_period_two_worked_by_hand():
    result = evaluate(_feedback_model())
    # Feedback: A on S1 and W1, B on O1 and T1; the strategies cluster links to S, W, O, T with
    # equal cluster weights 1/4, renormalised over the two clusters each strategy links to:
    # A -> S1 1/2, W1 1/2; B -> O1 1/2, T1 1/2. Factors link only to the strategies. The chain
    # factors <-> strategies is bipartite: period 2, so W^k never converges, and the Cesàro
    # limit is the stationary vector pi:
    #   pi_S1 = pi_W1 = pi_A / 2,  pi_O1 = pi_T1 = pi_B / 2
    #   pi_A = 3/4 pi_S1 + 1/4 pi_W1 + 1/2 pi_O1 + 1/4 pi_T1 = pi_A/2 + 3/8 pi_B
    #   -> pi_A = 3/4 pi_B: priorities A = 3/7, B = 4/7 (whatever the goal's weights are).
    priorities = result.strategies.set_index("id")["priority"]
    assert priorities["A"] == pytest.approx(3 / 7, rel=1e-12)
    assert priorities["B"] == pytest.approx(4 / 7, rel=1e-12)
    # factor weights passed to the strategies: leak 1, pi_f = (3, 3, 4, 4)/14 -> S x gives A 3/7
    np.testing.assert_allclose(result.factors["global_weight"], np.array([3, 3, 4, 4]) / 14,
                               rtol=1e-12)
    # one phase of the cycle is not the answer: odd and even powers differ
    w = result.weighted.matrix
    odd, even = np.linalg.matrix_power(w, 201), np.linalg.matrix_power(w, 202)
    assert np.abs(odd - even).max() > 0.1


def test_swot_layer_and_anp_network_give_the_same_limit():
    result = evaluate(_feedback_model())
    net = anp.Network()
    net.add_cluster("Goal", ["Goal"])
    net.add_cluster("SWOT groups", ["S", "W", "O", "T"])
    for g in "SWOT":
        net.add_cluster(f"{g} factors", [f"{g}1"])
    net.add_cluster("Strategies", ["A", "B"])
    net.set_priorities("Goal", "SWOT groups", [0.4, 0.3, 0.2, 0.1])  # as in SMALL
    for g in "SWOT":
        net.set_priorities(g, f"{g} factors", [1.0])
    for fid, col in {"S1": [0.75, 0.25], "W1": [0.25, 0.75], "O1": [0.5, 0.5],
                     "T1": [0.25, 0.75]}.items():
        net.set_priorities(fid, "Strategies", col)
    for src, fid in (("A", "S1"), ("A", "W1"), ("B", "O1"), ("B", "T1")):
        net.set_priorities(src, f"{fid[0]} factors", [1.0])
    direct = net.limit_supermatrix()
    assert direct.labels == result.limit.labels
    np.testing.assert_allclose(result.limit.matrix, direct.matrix, rtol=0, atol=1e-12)
    np.testing.assert_allclose(result.weighted.matrix, net.weighted_supermatrix().matrix,
                               rtol=0, atol=1e-15)


def test_cluster_comparison_weighs_the_clusters():
    # S factors link to W factors and to the strategies; weigh the strategies 3 : 1.
    model = small().set_cluster_comparison(
        "S", ClusterComparison(("W", "strategies"), [[1, 1 / 3], [3, 1]]))
    result = evaluate(model)
    w = result.weighted
    # S1's column: W1 gets 1/4, the strategies 3/4 (x 3/4, 1/4)
    assert w.matrix[w.index("W1"), w.index("S1")] == pytest.approx(0.25, rel=1e-12)
    assert w.matrix[w.index("A"), w.index("S1")] == pytest.approx(0.75 * 0.75, rel=1e-12)
    # visits: v_S1 = 0.4 + v_O1/2, v_W1 = 0.3 + v_S1/4, v_O1 = 0.2 + v_W1/2
    #   v_S1 = 0.4 + 0.1 + 0.075 + v_S1/16 -> v_S1 = 0.575 * 16/15 = 9.2/15
    v_s1 = 0.575 * 16 / 15
    v_w1 = 0.3 + v_s1 / 4
    v_o1 = 0.2 + v_w1 / 2
    x = np.array([0.75 * v_s1, 0.5 * v_w1, 0.5 * v_o1, 0.1])
    np.testing.assert_allclose(result.factors["global_weight"], x, rtol=1e-12)
    assert x.sum() == pytest.approx(1.0)


def test_feedback_for_some_strategies_only_is_a_problem():
    data = copy.deepcopy(SMALL)
    data["judgments"]["links"]["A"] = {"S": {"nodes": ["S1"], "matrix": [[1]]}}
    with pytest.raises(EvaluationError, match=r"judgments\.links") as info:
        evaluate(model_from_dict(data))
    assert [p.path for p in info.value.problems] == ["judgments.links"]
    assert "none yet for B" in info.value.problems[0].message


def test_a_new_node_in_a_link_set_starts_blank_and_ranking_names_it():
    model = small().add_factor("S", Factor("S2", "S", "Staff", ""))
    model = model.set_link("W1", "S1").set_link("W1", "S2")
    link = model.link_set("W1.S")
    assert link.nodes == ("S1", "S2")
    assert np.isnan(link.matrix[0, 1]) and np.isnan(link.matrix[1, 0])
    with pytest.raises(EvaluationError, match=r"judgments\.links\.W1\.S") as info:
        evaluate(model.set_judgment("judgments.factors.S", 0, 1, 2))
    assert [p.path for p in info.value.problems] == ["judgments.links.W1.S"]
    ranked = evaluate(model.set_judgment("judgments.factors.S", 0, 1, 2)
                      .set_judgment("judgments.links.W1.S", 0, 1, 2))
    assert ranked.strategies["priority"].sum() == pytest.approx(1.0)


def test_shipped_tehran_network_cites_a_source_line_for_every_link():
    model = load_model(TEHRAN.with_name("tehran_city_diplomacy_network.json"))
    assert model.structure == "network" and model.illustrative_judgments
    assert "illustrative" in model.description.lower()
    files = {s.file for s in model.sources}
    count = 0
    for sets in model.links.values():
        for link in sets.values():
            for node in link.nodes:
                note = link.notes[node]
                assert note.illustrative and note.text.startswith("Illustrative.")
                assert note.source is not None and note.source.file in files
                assert note.source.line >= 1
                count += 1
    assert count >= 10
    # the hierarchy model is unchanged: same factors, strategies and judgments
    hierarchy = load_model(TEHRAN)
    assert model.set_structure("hierarchy").weighs_like(hierarchy)
    result = evaluate(model)
    assert result.strategies["priority"].sum() == pytest.approx(1.0)
