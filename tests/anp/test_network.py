"""Network model -> supermatrices, and synthesis."""

from __future__ import annotations

import numpy as np
import pytest

import anp


def swot_like() -> anp.Network:
    net = anp.Network()
    net.add_cluster("Goal", ["goal"])
    net.add_cluster("Factors", ["S", "W"])
    net.add_cluster("Alts", ["A1", "A2", "A3"])
    net.set_priorities("goal", "Factors", [3, 1])
    net.set_priorities("S", "Alts", {"A1": 0.5, "A2": 0.3, "A3": 0.2})
    net.set_priorities("W", "Alts", [0.2, 0.2, 0.6])
    net.set_priorities("S", "Factors", [0, 1])  # inner dependence S -> W only
    net.set_priorities("W", "Factors", [1, 0])
    return net


def test_unweighted_and_cluster_matrix():
    net = swot_like()
    u = net.unweighted_supermatrix()
    assert u.labels == ("goal", "S", "W", "A1", "A2", "A3")
    assert u.clusters == ("Goal", "Factors", "Factors", "Alts", "Alts", "Alts")
    np.testing.assert_allclose(u.matrix[1:3, 0], [0.75, 0.25])
    np.testing.assert_allclose(u.matrix[:, 3:], 0)  # alternatives are sinks
    c = net.cluster_matrix()
    assert c.labels == ("Goal", "Factors", "Alts")
    # defaults: equal weight over the clusters a source cluster links to
    np.testing.assert_allclose(c.matrix[:, 1], [0, 0.5, 0.5])
    np.testing.assert_allclose(c.matrix[:, 0], [0, 1, 0])
    np.testing.assert_allclose(c.matrix[:, 2], 0)


def test_weighted_uses_cluster_comparison_and_renormalises():
    net = swot_like()
    net.set_cluster_comparison("Factors", [[1, 1 / 3], [3, 1]], ["Factors", "Alts"])
    w = net.weighted_supermatrix()
    # By hand: the comparison is consistent (Alts 3 x Factors), so the cluster weights are
    # (1/4, 3/4). Node S's column: its Factors block (0, 1) times 1/4 -> W = 0.25; its Alts
    # block (0.5, 0.3, 0.2) times 3/4 -> (0.375, 0.225, 0.15); the column already sums to 1.
    np.testing.assert_allclose(w.matrix[:, 1], [0, 0, 0.25, 0.375, 0.225, 0.15])
    sums = w.matrix.sum(axis=0)
    np.testing.assert_allclose(sums, [1, 1, 1, 0, 0, 0])
    # a node linking to only one of its cluster's targets is renormalised to sum 1
    net.set_cluster_weights("Goal", {"Factors": 2, "Alts": 2})
    np.testing.assert_allclose(net.weighted_supermatrix().matrix[1:3, 0], [0.75, 0.25])


def test_limit_and_synthesis_match_hand_composition():
    net = swot_like()
    net.set_cluster_weights("Factors", {"Factors": 0.5, "Alts": 0.5})
    lim = net.limit_supermatrix()
    w = net.weighted_supermatrix().matrix
    # Hand composition: mass leaving the factors is absorbed by the alternatives.
    q = w[1:3, 1:3]
    reach = np.linalg.inv(np.eye(2) - q) @ w[1:3, 0]
    expected = w[3:, 1:3] @ reach
    rows = [lim.index(a) for a in ("A1", "A2", "A3")]
    np.testing.assert_allclose(anp.synthesize(lim.matrix, rows, mode="raw"), expected, atol=1e-12)
    normal = anp.synthesize(lim.matrix, rows)
    np.testing.assert_allclose(normal, expected / expected.sum(), atol=1e-12)
    ideal = anp.synthesize(lim.matrix, rows, mode="ideal")
    np.testing.assert_allclose(ideal, expected / expected.max(), atol=1e-12)
    assert ideal.max() == 1.0


def test_network_errors():
    net = swot_like()
    with pytest.raises(anp.NetworkError, match="duplicate cluster 'Alts'"):
        net.add_cluster("Alts", ["X"])
    with pytest.raises(anp.NetworkError, match="duplicate node 'S'"):
        net.add_cluster("More", ["S"])
    with pytest.raises(anp.NetworkError, match="not the string 'abc'"):
        net.add_cluster("More", "abc")  # would be the three nodes a, b, c
    with pytest.raises(anp.NetworkError, match="must be a list of names"):
        net.add_cluster("More", 5)
    with pytest.raises(anp.NetworkError, match="unknown cluster 'Nope'"):
        net.set_priorities("goal", "Nope", [1])
    with pytest.raises(anp.NetworkError, match="unknown node 'Z'"):
        net.set_priorities("Z", "Alts", [1, 1, 1])
    with pytest.raises(anp.NetworkError, match="2 priorities given for cluster 'Alts' of 3"):
        net.set_priorities("goal", "Alts", [1, 1])
    with pytest.raises(anp.NetworkError, match="not all 0"):
        net.set_priorities("goal", "Alts", [0, 0, 0])
    with pytest.raises(anp.NetworkError, match=r"nodes \['S'\] are not in cluster 'Alts'"):
        net.set_priorities("goal", "Alts", {"S": 1})
    net.set_cluster_weights("Goal", {"Alts": 1})  # goal links only to Factors
    with pytest.raises(anp.NetworkError, match="node 'goal' links only to clusters"):
        net.weighted_supermatrix()


def test_synthesis_errors():
    lim = np.zeros((3, 3))
    lim[0] = 1
    with pytest.raises(anp.ANPError, match="column 0 are all zero"):
        anp.synthesize(lim, [1, 2])
    with pytest.raises(anp.ANPError, match="unknown mode 'best'"):
        anp.synthesize(lim, [0], mode="best")
    with pytest.raises(anp.ANPError, match="out of range"):
        anp.synthesize(lim, [5])
