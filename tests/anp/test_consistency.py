"""Consistency ratio, random index and judgment suggestions."""

from __future__ import annotations

import numpy as np
import pytest
from anp_testdata import consistent_from, eig_priority, random_reciprocal

import anp

NAN = np.nan


def test_consistent_reference():
    # Consistent by construction (a_ij = w_i / w_j): lambda_max = n, CI = CR = 0 (Saaty 1977).
    r = anp.consistency([[1, 2, 6], [1 / 2, 1, 3], [1 / 6, 1 / 3, 1]])
    assert r.n == 3
    assert r.lambda_max == pytest.approx(3, abs=1e-12)
    assert r.cr == pytest.approx(0, abs=1e-12)
    assert r.threshold == 0.05
    assert r.passes


@pytest.mark.parametrize("a", [[[1.0]], [[1, 7], [1 / 7, 1]]])
def test_orders_one_and_two_are_consistent(a):
    r = anp.consistency(a)
    assert (r.cr, r.ci, r.passes) == (0.0, 0.0, True)
    assert anp.consistency_ratio(a) == 0.0


def test_cr_against_numpy_eig_and_stack():
    a = random_reciprocal(np.random.default_rng(7), 40, 6)
    crs = anp.consistency_ratio(a)
    for k in range(40):
        lam = eig_priority(a[k])[1]
        expected = (lam - 6) / 5 / anp.random_index(6)
        assert crs[k] == pytest.approx(expected, rel=1e-9)
        assert anp.consistency(a[k]).passes == (expected <= 0.10)


@pytest.mark.parametrize("n", [3, 4, 7, 12, 15, 16, 20, 30])
def test_random_index_matches_fresh_monte_carlo(n):
    # Saaty's definition: mean CI of random reciprocal matrices on the 17-value scale. 3000
    # samples (20000 for the noisier small orders) give a standard error < 0.006; Alonso & Lamata
    # (2006) table/fit are within 0.02.
    a = random_reciprocal(np.random.default_rng(n), 20000 if n < 8 else 3000, n)
    lam = np.linalg.eigvals(a).real.max(axis=-1)
    assert anp.random_index(n) == pytest.approx(((lam - n) / (n - 1)).mean(), abs=0.02)


def test_random_index_smooth_no_jump_at_16():
    ri = np.array([anp.random_index(n) for n in range(3, 41)])
    steps = np.diff(ri)
    assert (steps > 0).all()
    s14, s15, s16 = steps[11], steps[12], steps[13]  # 14->15, 15->16, 16->17
    assert 0.5 * s14 < s15 < 1.5 * s14
    assert 0.5 * s15 < s16 < 1.5 * s15
    assert anp.random_index(1) == anp.random_index(2) == 0


def test_thresholds():
    assert [anp.cr_threshold(n) for n in (3, 4, 5, 9, 30)] == [0.05, 0.08, 0.10, 0.10, 0.10]


def test_incomplete_cr_is_cr_of_completed():
    a = random_reciprocal(np.random.default_rng(8), 1, 5)[0]
    a[0, 4] = a[4, 0] = NAN
    assert anp.consistency_ratio(a) == pytest.approx(
        anp.consistency_ratio(anp.complete_matrix(a)), rel=1e-12)


def test_suggestions_find_the_perturbed_judgment():
    a = consistent_from(np.array([8.0, 4, 2, 1]))  # Saaty-scale entries, consistent
    a[0, 3], a[3, 0] = 1 / 8, 8  # one judgment reversed
    cr = anp.consistency_ratio(a)
    s = anp.inconsistency_suggestions(a, k=2)
    assert len(s) == 2
    top = s[0]
    assert (top.row, top.col, top.current) == (0, 3, 1 / 8)
    assert top.suggested > top.current  # moves towards the rest of the matrix
    scale = np.array(anp.SAATY_SCALE)
    assert top.suggested_saaty == scale[np.argmin(np.abs(np.log(scale / top.suggested)))]
    fixed = a.copy()
    fixed[0, 3], fixed[3, 0] = top.suggested_saaty, 1 / top.suggested_saaty
    assert top.cr_after == pytest.approx(anp.consistency_ratio(fixed), rel=1e-12)
    assert top.cr_after < cr


def test_suggestions_skip_missing_and_small_orders():
    assert anp.inconsistency_suggestions([[1, 3], [1 / 3, 1]]) == []
    a = random_reciprocal(np.random.default_rng(9), 1, 5)[0]
    a[1, 2] = a[2, 1] = NAN
    s = anp.inconsistency_suggestions(a, k=10)
    assert all((x.row, x.col) != (1, 2) for x in s)
    assert all(x.row < x.col for x in s)
    assert len(s) == 9  # 10 pairs minus the missing one
    assert anp.inconsistency_suggestions(consistent_from(np.arange(1.0, 5))) == []
