"""Group aggregation (AIJ, AIP), consensus and dispersion."""

from __future__ import annotations

import numpy as np
import pytest
from anp_testdata import random_reciprocal

import anp

NAN = np.nan


def test_aggregate_judgments_weighted_geometric_mean_with_gaps():
    a = random_reciprocal(np.random.default_rng(21), 3, 4)
    a[1, 0, 2] = a[1, 2, 0] = NAN
    a[:, 1, 3] = a[:, 3, 1] = NAN  # nobody answered
    wts = np.array([1.0, 2.0, 1.0])
    g = anp.aggregate_judgments(a, wts)
    # Forman & Peniwati (1998): weighted geometric mean keeps reciprocity.
    assert g[0, 1] == pytest.approx(np.prod(a[:, 0, 1] ** (wts / 4)))
    assert g[0, 2] == pytest.approx(np.sqrt(a[0, 0, 2] * a[2, 0, 2]))  # renormalised weights
    assert np.isnan(g[1, 3]) and np.isnan(g[3, 1])
    anp.validate_pairwise(g)  # reciprocal, diagonal 1
    anp.priority(g)


def test_aggregate_priorities():
    p = np.array([[0.5, 0.3, 0.2], [0.2, 0.3, 0.5]])
    g = anp.aggregate_priorities(p, [3, 1])
    raw = p[0] ** 0.75 * p[1] ** 0.25
    np.testing.assert_allclose(g, raw / raw.sum())
    np.testing.assert_allclose(anp.aggregate_priorities(p[:1]), p[0])


def test_consensus_index_goepel():
    same = np.tile([0.5, 0.3, 0.2], (4, 1))
    assert anp.consensus_index(same) == pytest.approx(1.0)
    # maximal disagreement: each participant puts everything on a different item -> S* = 0
    # (by hand: H_alpha = 0, H_gamma = log 3, so M = 1/3 = 1/n and S* = 0)
    assert anp.consensus_index(np.eye(3)) == pytest.approx(0.0, abs=1e-12)
    # Hand computation from Goepel (2013): two participants, n = 2
    p = np.array([[0.8, 0.2], [0.2, 0.8]])
    h = -(0.8 * np.log(0.8) + 0.2 * np.log(0.2))
    m = np.exp(-(np.log(2) - h))
    assert anp.consensus_index(p) == pytest.approx((m - 0.5) / 0.5)
    near = np.array([[0.5, 0.3, 0.2], [0.45, 0.35, 0.2]])
    far = np.array([[0.5, 0.3, 0.2], [0.1, 0.2, 0.7]])
    assert anp.consensus_index(far) < anp.consensus_index(near) < 1


def test_judgment_dispersion():
    a = random_reciprocal(np.random.default_rng(22), 5, 3)
    a[0, 0, 1] = a[0, 1, 0] = NAN
    d = anp.judgment_dispersion(a)
    assert d[0, 1] == pytest.approx(np.std(np.log(a[1:, 0, 1])))
    assert d[0, 2] == pytest.approx(np.std(np.log(a[:, 0, 2])))
    np.testing.assert_allclose(np.diag(d), 0)


def test_group_errors():
    a = random_reciprocal(np.random.default_rng(23), 2, 3)
    with pytest.raises(anp.ANPError, match="3 participant weights given for 2 participants"):
        anp.aggregate_judgments(a, [1, 1, 1])
    with pytest.raises(anp.InvalidEntryError, match="participant weights"):
        anp.aggregate_judgments(a, [1, -1])
    a[1, 0, 1] = 5
    with pytest.raises(anp.NotReciprocalError, match=r"^matrix 1: entries \[0, 1\] = 5"):
        anp.aggregate_judgments(a)
    with pytest.raises(anp.ANPError, match="participants first"):
        anp.aggregate_priorities([0.5, 0.5])
