"""Priority vectors: reference values, missing judgments, stacks, properties."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from anp_testdata import consistent_from, eig_priority, random_reciprocal
from hypothesis import given, settings
from hypothesis import strategies as st

import anp

NAN = np.nan
# Consistent by construction (a_ij = w_i / w_j for w = (0.6, 0.3, 0.1)); for a consistent matrix
# the principal eigenvector and the row geometric mean both equal w (Saaty 1977, J. Math. Psych.
# 15:234-281, Theorem on consistent matrices; Crawford & Williams 1985, J. Math. Psych. 29:387).
SAATY_3 = [[1, 2, 6], [1 / 2, 1, 3], [1 / 6, 1 / 3, 1]]


@pytest.mark.parametrize("method", ["eigen", "geometric"])
def test_consistent_reference(method):
    np.testing.assert_allclose(anp.priority(SAATY_3, method), [0.6, 0.3, 0.1], atol=1e-12)


def test_geometric_mean_reference():
    # Row geometric mean (LLSM, Crawford & Williams 1985) of the 4 x 4 matrix with upper
    # triangle (2, 3, 4, 2, 5, 3); reference values from the issue, to 7 decimals. By hand: the
    # row products are 24, 5, 1/2 and 1/60, their 4th roots 2.2133638, 1.4953488, 0.8408964
    # and 0.3593041 (sum 4.9089131), and each root over the sum gives the values below.
    a = np.ones((4, 4))
    iu = np.triu_indices(4, 1)
    a[iu] = [2, 3, 4, 2, 5, 3]
    a[iu[1], iu[0]] = 1 / a[iu]
    np.testing.assert_allclose(anp.priority(a, "geometric"),
                               [0.4508867, 0.3046191, 0.1712999, 0.0731942], atol=5e-8)


@pytest.mark.parametrize("method", ["eigen", "geometric"])
def test_missing_reference(method):
    # The two missing judgments are implied by the consistent rest (Harker 1987, Math.
    # Modelling 9:837): the answer must be the consistent (0.6, 0.3, 0.1).
    a = [[1, 2, 6], [1 / 2, 1, NAN], [1 / 6, NAN, 1]]
    np.testing.assert_allclose(anp.priority(a, method), [0.6, 0.3, 0.1], atol=1e-12)


def test_eigen_matches_numpy_eig_on_inconsistent_stack():
    a = random_reciprocal(np.random.default_rng(1), 300, 7)
    w = anp.priority(a)
    for k in range(len(a)):
        np.testing.assert_allclose(w[k], eig_priority(a[k])[0], atol=1e-11)


def test_stack_shape_and_geometric_rows():
    a = random_reciprocal(np.random.default_rng(2), 12, 5).reshape(3, 4, 5, 5)
    w = anp.priority(a, "geometric")
    assert w.shape == (3, 4, 5)
    gm = np.prod(a, axis=-1) ** (1 / 5)
    np.testing.assert_allclose(w, gm / gm.sum(-1, keepdims=True), rtol=1e-12)


def test_harker_equals_eigenvector_of_harker_matrix():
    a = random_reciprocal(np.random.default_rng(3), 1, 5)[0]
    a[0, 3] = a[3, 0] = a[1, 2] = a[2, 1] = NAN
    b = np.where(np.isnan(a), 0, a)
    b[np.diag_indices(5)] += np.isnan(a).sum(1)  # Harker (1987): diagonal 1 + gaps in the row
    np.testing.assert_allclose(anp.priority(a), eig_priority(b)[0], atol=1e-12)
    # a stack with and without gaps gives the same as one at a time
    full = random_reciprocal(np.random.default_rng(4), 1, 5)[0]
    both = anp.priority(np.stack([a, full]))
    np.testing.assert_allclose(both[0], anp.priority(a), atol=1e-13)
    np.testing.assert_allclose(both[1], anp.priority(full), atol=1e-13)


def test_geometric_missing_is_least_squares_on_known_logs():
    rng = np.random.default_rng(5)
    a = random_reciprocal(rng, 1, 6)[0]
    for i, j in [(0, 2), (1, 4), (3, 5), (0, 5)]:
        a[i, j] = a[j, i] = NAN
    rows, cols = np.triu_indices(6, 1)
    keep = ~np.isnan(a[rows, cols])
    design = np.zeros((keep.sum() + 1, 6))
    design[np.arange(keep.sum()), rows[keep]] = 1
    design[np.arange(keep.sum()), cols[keep]] = -1
    design[-1] = 1
    rhs = np.append(np.log(a[rows[keep], cols[keep]]), 0)
    v = np.linalg.lstsq(design, rhs, rcond=None)[0]
    np.testing.assert_allclose(anp.priority(a, "geometric"), np.exp(v) / np.exp(v).sum(),
                               atol=1e-12)


def test_complete_matrix_fills_only_gaps():
    a = np.array([[1, 2, 6], [1 / 2, 1, NAN], [1 / 6, NAN, 1]])
    c = anp.complete_matrix(a)
    np.testing.assert_allclose(c, SAATY_3, rtol=1e-12)
    assert c[0, 1] == 2  # known entry untouched


def test_one_by_one():
    np.testing.assert_array_equal(anp.priority([[1.0]]), [1.0])


weights = st.lists(st.floats(0.05, 20), min_size=2, max_size=9).map(np.array)


@settings(max_examples=60, deadline=None)
@given(weights, st.sampled_from(["eigen", "geometric"]))
def test_consistent_gives_exact_ratios(w, method):
    a = consistent_from(w)
    p = anp.priority(a, method)
    np.testing.assert_allclose(p, w / w.sum(), rtol=1e-10)
    assert anp.consistency_ratio(a) < 1e-10


@settings(max_examples=60, deadline=None)
@given(st.integers(3, 9), st.integers(0, 2**32 - 1), st.sampled_from(["eigen", "geometric"]))
def test_permuting_items_permutes_priorities(n, seed, method):
    rng = np.random.default_rng(seed)
    a = random_reciprocal(rng, 1, n)[0]
    if n > 3:
        a[0, 2] = a[2, 0] = NAN
    perm = rng.permutation(n)
    np.testing.assert_allclose(anp.priority(a[np.ix_(perm, perm)], method),
                               anp.priority(a, method)[perm], atol=1e-12)


@pytest.mark.parametrize("shape", [(0, 3, 3), (2, 0, 4, 4)])
def test_empty_stack_gives_empty_results(shape):
    # An empty stack has no matrices, so there is nothing to compute: the result is an empty
    # array of shape (..., n) (what the geometric method already returned), not numpy's
    # "zero-size array to reduction operation maximum" ValueError from the power iteration.
    a = np.ones(shape)
    for method in ("eigen", "geometric"):
        assert anp.priority(a, method).shape == shape[:-1]
    assert anp.consistency_ratio(a).shape == shape[:-2]


@pytest.mark.parametrize("x", [1e20, 1e80, 1e300])
def test_wildly_inconsistent_extreme_judgments_keep_their_lambda(x):
    # For a 3 x 3 reciprocal matrix with a12 = a, a13 = b, a23 = c, lambda_max =
    # 1 + (ac/b)^(1/3) + (b/(ac))^(1/3) (Saaty 1977; solve the characteristic polynomial
    # by hand), and its principal eigenvector is the row geometric mean. Here a = c = x, b = 1.
    a = np.array([[1, x, 1], [1 / x, 1, x], [1, 1 / x, 1]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow on the way
        result = anp.consistency(a)
        w = anp.priority(a)
    expected = 1 + x ** (2 / 3) + x ** (-2 / 3)
    assert result.lambda_max == pytest.approx(expected, rel=1e-9)
    assert not result.passes
    np.testing.assert_allclose(w, anp.priority(a, "geometric"), rtol=1e-9)


def test_priorities_spanning_1e200_keep_their_small_entries():
    # Consistent matrix a_ij = w_i / w_j with w spanning 200 orders of magnitude: the eigen
    # priorities are w exactly, to relative precision even for the smallest entries.
    w = 10 ** np.linspace(0, 200, 30)
    w /= w.sum()
    a = w[:, None] / w[None, :]
    np.testing.assert_allclose(anp.priority(a), w, rtol=1e-10)
    assert anp.consistency_ratio(a) == pytest.approx(0, abs=1e-9)


def test_long_chain_of_strong_judgments_is_exact():
    # Only the chain 1 > 2 > ... > 30, each 9 times the next, is known: a spanning tree is
    # always consistent, so the Harker priorities are 9^-i exactly (span 9^29 ~ 5e27) and CR 0.
    n = 30
    a = np.full((n, n), np.nan)
    np.fill_diagonal(a, 1)
    idx = np.arange(n - 1)
    a[idx, idx + 1], a[idx + 1, idx] = 9.0, 1 / 9
    expected = 9.0 ** -np.arange(n)
    np.testing.assert_allclose(anp.priority(a), expected / expected.sum(), rtol=1e-10)
    assert anp.consistency_ratio(a) == pytest.approx(0, abs=1e-9)
