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


# -- Goepel's AHP consensus indicator (corrected for the 1-9 scale) and per-pair dispersion


def _h(p):
    """Shannon entropy (natural log), written out for the hand computations below."""
    return -sum(x * np.log(x) for x in p)


def test_ahp_consensus_full_agreement_is_one():
    same = np.tile([0.6, 0.3, 0.1], (5, 1))
    assert anp.ahp_consensus(same) == pytest.approx(1.0)
    assert anp.consensus_band(1.0) == "very high"


def test_ahp_consensus_two_opposite_extremes_is_zero():
    # 9 against 1/9 on two items: priorities (0.9, 0.1) and (0.1, 0.9).
    # H_alpha = H(0.9, 0.1) = 0.3251; H_gamma = ln 2 = 0.6931; H_beta = 0.3681;
    # M = exp(-0.3681) = 0.6920. Correction (n = 2, M = 9): 9/(2+9-1) = 0.9, 1/10 = 0.1, so
    # H_alpha,min = H(0.9, 0.1) too and c = exp(0.3251)/2 = 0.6920: S* = (M - c)/(1 - c) = 0.
    p = np.array([[0.9, 0.1], [0.1, 0.9]])
    assert anp.ahp_consensus(p) == pytest.approx(0.0, abs=1e-12)
    assert anp.consensus_band(0.0) == "very low"
    # the uncorrected relative homogeneity still reads 0.38 for the same two people
    assert anp.consensus_index(p) == pytest.approx(2 * np.exp(-(np.log(2) - _h([0.9, 0.1]))) - 1)
    # by hand: 2 * exp(-(0.693147 - 0.325083)) - 1 = 2 * 0.692073 - 1 = 0.384145
    assert anp.consensus_index(p) == pytest.approx(0.384145, abs=1e-5)
    g = anp.geometric_dispersion(np.array([[[1, 9], [1 / 9, 1]], [[1, 1 / 9], [9, 1]]]))
    assert g[0, 1] == pytest.approx(9.0)  # ln 9 either side of the mean 0: exp(ln 9)


def test_ahp_consensus_one_dissenter():
    # two people say 9, one says 1/9, on two items.
    # H_alpha = H(0.9, 0.1) = 0.32508; mean priorities (1.9/3, 1.1/3) = (0.63333, 0.36667),
    # H_gamma = 0.63333*0.45676 + 0.36667*1.00330 = 0.65716; H_beta = 0.33208;
    # M = exp(-0.33208) = 0.71741; c = 0.69203 (above): S* = 0.02538/0.30797 = 0.0824.
    p = np.array([[0.9, 0.1], [0.9, 0.1], [0.1, 0.9]])
    assert anp.ahp_consensus(p) == pytest.approx(0.0824, abs=2e-4)
    # log judgments ln9 * (1, 1, -1): mean ln9/3, deviations ln9 * (2/3, 2/3, -4/3),
    # variance ln9^2 * (4 + 4 + 16)/27 = 8/9 ln9^2, sd = ln9 * 2*sqrt(2)/3: GSD = 9^0.9428 = 7.94
    stack = np.array([[[1, 9], [1 / 9, 1]]] * 2 + [[[1, 1 / 9], [9, 1]]])
    assert anp.geometric_dispersion(stack)[0, 1] == pytest.approx(9 ** (2 * np.sqrt(2) / 3))


@pytest.mark.parametrize("n", range(2, 10))
def test_ahp_consensus_goepel_published_validation_case(n: int) -> None:
    # Goepel (2018), IJAHP 10(3):469-487, section 7 (p. 482), the test AHP-OS is validated with:
    # "simulating k participants for a hierarchy with k leafs, and each participant judges one
    # different leaf extreme more important than all others. The resulting consensus should
    # show 0%." Here from the judgment matrices: participant i puts leaf i at 9 against every
    # other leaf, the others equal among themselves (a consistent matrix, priorities 9/(n+8)
    # and 1/(n+8)), eigenvector priorities, then S*.
    stack = np.ones((n, n, n))
    for person in range(n):
        stack[person, person, :] = 9.0
        stack[person, :, person] = 1 / 9
        stack[person, person, person] = 1.0
    priorities = anp.priority(stack)
    np.testing.assert_allclose(priorities[0], [9 / (n + 8)] + [1 / (n + 8)] * (n - 1))
    assert anp.ahp_consensus(priorities) == pytest.approx(0.0, abs=1e-9)
    assert anp.consensus_band(anp.ahp_consensus(priorities)) == "very low"
    # the same group, everyone judging like participant 0: full consensus
    assert anp.ahp_consensus(np.tile(priorities[0], (n, 1))) == pytest.approx(1.0)


def test_opposed_pair_inside_an_agreeing_matrix_stands_out():
    # The case the issue reports: four items all judged equal except S:W, 9 against 1/9.
    a = np.ones((2, 4, 4))
    a[0, 0, 1], a[0, 1, 0], a[1, 0, 1], a[1, 1, 0] = 9, 1 / 9, 1 / 9, 9
    s = anp.ahp_consensus(anp.priority(a))
    assert 0.75 <= s < 0.875 and anp.consensus_band(s) == "high"  # the matrix reads as agreed
    # Hand check: numpy.linalg.eig gives person 1 (x, y, z, z) = (0.43960, 0.13085, 0.21477,
    # 0.21477) (lambda_max 4.65604), person 2 the same with x and y swapped. H_alpha = 1.28813;
    # mean (0.28523, 0.28523, 0.21477, 0.21477), H_gamma = 1.37633; H_beta = 0.08820,
    # M = exp(-0.08820) = 0.91557. Correction (n = 4, M = 9): 9/12 and 1/12, H_alpha,min =
    # -0.75 ln 0.75 - 3/12 ln(1/12) = 0.83699, c = exp(0.83699)/4 = 0.57735:
    # S* = (0.91557 - 0.57735)/(1 - 0.57735) = 0.80025.
    assert s == pytest.approx(0.80025, abs=1e-5)
    g = anp.geometric_dispersion(a)
    assert g[0, 1] == pytest.approx(9.0)  # the pair does not
    assert np.allclose(np.delete(g[0], 1), 1.0)


def test_consensus_bands_and_bad_input():
    words = [anp.consensus_band(x) for x in (0.49, 0.5, 0.7, 0.8, 0.9)]
    assert words == ["very low", "low", "moderate", "high", "very high"]
    with pytest.raises(anp.ANPError, match=r"consensus indicator lies in \[0, 1\], got 1.2"):
        anp.consensus_band(1.2)
    with pytest.raises(anp.ANPError, match="largest scale value must exceed 1, got 1"):
        anp.ahp_consensus([[0.5, 0.5]], scale_max=1)


@pytest.mark.parametrize("scale_max", [float("inf"), "nine", None])
def test_ahp_consensus_refuses_a_scale_that_is_not_a_finite_number(scale_max):
    # inf ended in math's "math domain error" (log 0 in the correction), a string or None in a
    # TypeError from the comparison
    with pytest.raises(anp.ANPError, match="largest scale value"):
        anp.ahp_consensus([[0.6, 0.4], [0.5, 0.5]], scale_max=scale_max)
