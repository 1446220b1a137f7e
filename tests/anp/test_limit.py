"""Limit supermatrix: primitive, cyclic, hierarchy, reducible with sinks; exact vs power."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import anp
from anp import NotColumnStochasticError, limit_matrix
from anp.limit import limit_matrices

METHODS = ["exact", "power"]


def col_stochastic(rng: np.random.Generator, rows: int, cols: int) -> np.ndarray:
    m = rng.random((rows, cols)) + 0.01
    return m / m.sum(axis=0)


def stationary_by_solve(w: np.ndarray) -> np.ndarray:
    """Independent reference: least-squares solve of (W - I) pi = 0 with sum(pi) = 1."""
    n = len(w)
    lhs = np.vstack([w - np.eye(n), np.ones(n)])
    rhs = np.append(np.zeros(n), 1.0)
    return np.linalg.lstsq(lhs, rhs, rcond=None)[0]


@pytest.mark.parametrize("method", METHODS)
def test_primitive_reference(method):
    # 3 x 3 regular chain; its stationary vector is (10, 13, 11) / 34 =
    # (0.29411765, 0.38235294, 0.32352941) (balance equations solved by hand; issue reference).
    w = np.array([[.3, .2, .4], [.1, .5, .5], [.6, .3, .1]])
    lim = anp.limit_matrix(w, method=method)
    np.testing.assert_allclose(lim, np.tile([[10 / 34], [13 / 34], [11 / 34]], 3), atol=1e-9)


@pytest.mark.parametrize("method", METHODS)
def test_period_two_is_cesaro_average_not_a_phase(method):
    # Bipartite network {a, b} <-> {x, y}: W^2k and W^(2k+1) alternate forever. Some widely
    # used ANP software returns one of these phases; the Cesàro limit is their average, whose
    # columns are all the stationary vector.
    w = np.array([[0, 0, .5, .2], [0, 0, .5, .8], [.3, .6, 0, 0], [.7, .4, 0, 0]])
    lim = anp.limit_matrix(w, method=method)
    pi = stationary_by_solve(w)
    np.testing.assert_allclose(lim, np.tile(pi[:, None], 4), atol=1e-9)
    even = np.linalg.matrix_power(w, 200)
    odd = even @ w
    # Each phase puts all of a column's weight on one side ({a, b} or {x, y}); the Cesàro
    # limit puts half on each (a period-2 chain's stationary vector splits its mass evenly
    # between the sides), so some entry of every column is off by at least 1/4 > 0.1.
    for phase in (even, odd):
        assert np.abs(phase - lim).max() > 0.1
    np.testing.assert_allclose((even + odd) / 2, lim, atol=1e-9)


@pytest.mark.parametrize("method", METHODS)
def test_hierarchy_goal_column_is_composition(method):
    # goal -> criteria (0.6, 0.4) -> alternatives; alternatives are sinks (zero columns).
    crit = np.array([0.6, 0.4])
    local = np.array([[0.7, 0.2], [0.3, 0.8]])  # alternatives w.r.t. each criterion
    w = np.zeros((5, 5))
    w[1:3, 0] = crit
    w[3:5, 1:3] = local
    assert not np.linalg.matrix_power(w, 3).any()  # W^n = 0 apart from the sinks
    lim = anp.limit_matrix(w, method=method)
    np.testing.assert_allclose(lim[3:, 0], local @ crit, atol=1e-9)  # hierarchical composition
    np.testing.assert_allclose(lim[3:, 3:], np.eye(2), atol=1e-9)  # sinks keep their weight
    np.testing.assert_allclose(lim[:3], 0, atol=1e-9)


def test_reducible_two_closed_classes_and_transients_agree():
    rng = np.random.default_rng(11)
    n = 9
    w = np.zeros((n, n))
    w[0:3, 0:3] = col_stochastic(rng, 3, 3)  # closed class A
    w[3:5, 3:5] = [[0, 1], [1, 0]]  # closed class B, period 2
    w[:, 5:8] = col_stochastic(rng, n, 3)  # transient nodes leaking everywhere
    # node 8 is a sink
    exact = anp.limit_matrix(w)
    power = anp.limit_matrix(w, method="power")
    np.testing.assert_allclose(exact, power, atol=1e-8)
    np.testing.assert_allclose(exact.sum(axis=0), 1, atol=1e-12)
    np.testing.assert_allclose(exact[3:5, 3], [0.5, 0.5], atol=1e-12)
    assert exact[8, 8] == pytest.approx(1)
    np.testing.assert_allclose(exact[5:8], 0, atol=1e-12)  # transients carry no limit weight


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(1, 6), min_size=2, max_size=4, unique=True),
       st.integers(0, 2**32 - 1))
def test_random_cyclic_networks_limit_is_stationary_vector(sizes, seed):
    # clusters C0 -> C1 -> ... -> C0 (period = number of clusters), unequal sizes
    rng = np.random.default_rng(seed)
    starts = np.cumsum([0, *sizes])
    w = np.zeros((starts[-1], starts[-1]))
    for c in range(len(sizes)):
        d = (c + 1) % len(sizes)
        w[starts[d]:starts[d + 1], starts[c]:starts[c + 1]] = col_stochastic(
            rng, sizes[d], sizes[c])
    pi = stationary_by_solve(w)
    for method in METHODS:
        lim = anp.limit_matrix(w, method=method)
        np.testing.assert_allclose(lim, np.tile(pi[:, None], len(w)), atol=1e-8)


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 12), st.floats(0, 0.9), st.integers(0, 2**32 - 1))
def test_limit_columns_sum_to_one_and_methods_agree(n, sparsity, seed):
    rng = np.random.default_rng(seed)
    m = rng.random((n, n)) * (rng.random((n, n)) > sparsity)
    m[:, rng.random(n) < 0.2] = 0  # some sinks
    sums = m.sum(axis=0)
    w = m / np.where(sums > 0, sums, 1)
    exact = anp.limit_matrix(w)
    np.testing.assert_allclose(exact.sum(axis=0), 1, atol=1e-10)
    assert (exact >= 0).all()
    np.testing.assert_allclose(exact, anp.limit_matrix(w, method="power"), atol=1e-7)


def test_errors():
    with pytest.raises(anp.NotColumnStochasticError, match=r"column 1 sums to 0\.9"):
        anp.limit_matrix([[1, 0.5], [0, 0.4]])
    with pytest.raises(anp.InvalidEntryError, match=r"entry \[1, 0\] = -0.5 is negative"):
        anp.limit_matrix([[1.5, 0], [-0.5, 1]])
    with pytest.raises(anp.InvalidEntryError, match=r"entry \[0, 0\] = nan is not finite"):
        anp.limit_matrix([[np.nan, 0], [1, 1]])
    with pytest.raises(anp.NotSquareError, match=r"shape \(2, 3\)"):
        anp.limit_matrix(np.ones((2, 3)) / 2)
    w = np.array([[0.999, 0.001], [0.001, 0.999]])  # slowly mixing
    with pytest.raises(anp.ConvergenceError, match="did not converge in 2 squarings") as exc:
        anp.limit_matrix(w, method="power", max_iter=2)
    assert exc.value.iterations == 2 and exc.value.residual > 1e-9


@pytest.mark.parametrize("method", METHODS)
def test_unreachable_sink_keeps_only_its_own_weight(method):
    # Nodes 0 <-> 1 swap (period 2); node 2 is a sink that nothing links to. By hand: the
    # Cesàro limit of the swap is (1/2, 1/2) in both its columns; the sink is absorbing, so
    # its column of the limit is e_2, and nothing flows into it from 0 or 1.
    w = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    lim = anp.limit_matrix(w, method=method)
    np.testing.assert_allclose(lim, [[0.5, 0.5, 0], [0.5, 0.5, 0], [0, 0, 1]], atol=1e-12)


def test_column_sum_tolerance_is_tol_times_n():
    # Default tol 1e-9, n = 2: a column may be off by up to 2e-9 (then renormalised).
    near = np.array([[0.5, 0.5 - 1e-9], [0.5, 0.5]])
    np.testing.assert_allclose(anp.limit_matrix(near), 0.5, atol=1e-12)
    off = np.array([[0.5, 0.5 - 1e-7], [0.5, 0.5]])  # e.g. priorities rounded to 7 digits
    with pytest.raises(anp.NotColumnStochasticError, match=r"column 1 sums to 0\.9999999\b"):
        anp.limit_matrix(off)
    np.testing.assert_allclose(anp.limit_matrix(off, tol=1e-6), 0.5, atol=1e-7)


@pytest.mark.parametrize("n", [17, 40])
def test_long_cycle_is_uniform(n):
    # A directed n-cycle (period n) needs more than 16 steps to reach every node, past the
    # quick dense reachability check, so the SCC route decides; by symmetry the Cesàro limit
    # has every entry 1/n.
    w = np.roll(np.eye(n), 1, axis=0)
    np.testing.assert_allclose(anp.limit_matrix(w), 1 / n, atol=1e-12)


def test_everything_reachable_from_one_node_is_still_reducible():
    # Node 0 reaches every node, but nothing returns to 0 (a transient root above a 2-cycle):
    # by hand, every column is (0, 1/2, 1/2).
    w = np.array([[0.0, 0.0, 0.0], [0.5, 0.0, 1.0], [0.5, 1.0, 0.0]])
    np.testing.assert_allclose(anp.limit_matrix(w), [[0, 0, 0], [.5, .5, .5], [.5, .5, .5]],
                               atol=1e-12)


@pytest.mark.parametrize("eps", [1e-10, 1e-13, 1e-15])
def test_nearly_decomposable_two_nodes_exact(eps):
    # Two nodes that keep all but eps (resp. 3 eps) of their weight. By hand, the balance
    # equation pi_0 * eps = pi_1 * 3 eps gives pi = (3/4, 1/4) whatever eps is. Computing
    # 1 - W[j, j] by subtraction loses every digit here (0.74994 for eps = 1e-13); the
    # off-diagonal column mass is exact.
    w = np.array([[1 - eps, 3 * eps], [eps, 1 - 3 * eps]])
    np.testing.assert_allclose(anp.limit_matrix(w), [[0.75, 0.75], [0.25, 0.25]], rtol=0,
                               atol=1e-12)


def test_tiny_leak_into_a_sink_is_absorbed_not_linalg_error():
    # Node 0 keeps 1 (to double precision) of its weight and passes 1e-17 to the sink node 1.
    # Node 0 is still transient: by hand, the chance of staying in 0 for k steps is
    # (1 - 1e-17)^k -> 0, so all weight ends in the sink and every column of the Cesàro limit
    # is e_1. 1 - W[0, 0] rounds to 0, which made the absorption solve raise numpy's
    # LinAlgError("Singular matrix").
    np.testing.assert_allclose(anp.limit_matrix([[1, 0], [1e-17, 0]]), [[0, 0], [1, 1]],
                               atol=1e-12)
    # Two transient nodes swapping their weight and leaking 1e-17: absorption is not
    # computable in double precision; a clear ConvergenceError, not a numpy exception.
    with pytest.raises(anp.ConvergenceError, match="singular system"):
        anp.limit_matrix([[0, 1, 0], [1, 0, 0], [1e-17, 0, 0]])


def test_power_does_not_stop_while_still_mixing():
    # Slow mixing: each node keeps all but 1e-10 (resp. 3e-10) of its weight. By hand the
    # stationary vector is (3/4, 1/4) (balance pi_0 * 1e-10 = pi_1 * 3e-10). The lazy matrix
    # changes by only ~1e-10 per squaring at first, under tol = 1e-9; stopping there returned
    # nearly the identity ([1, 1e-10] in column 0). The change grows until the chain mixes,
    # so a change that is still growing is not convergence.
    eps = 1e-10
    w = np.array([[1 - eps, 3 * eps], [eps, 1 - 3 * eps]])
    np.testing.assert_allclose(anp.limit_matrix(w, method="power"),
                               [[0.75, 0.75], [0.25, 0.25]], rtol=0, atol=1e-8)


def two_blocks_with_leaks(block_a: np.ndarray, block_b: np.ndarray, leak_ab: float,
                          leak_ba: float) -> np.ndarray:
    """Blocks A and B; A's last node sends leak_ab of its weight to B's first node, B's last
    node sends leak_ba to A's first node (taken from their own-block shares)."""
    na, nb = len(block_a), len(block_b)
    w = np.zeros((na + nb, na + nb))
    w[:na, :na], w[na:, na:] = block_a, block_b
    w[:na, na - 1] *= 1 - leak_ab
    w[na, na - 1] = leak_ab
    w[na:, -1] *= 1 - leak_ba
    w[0, -1] = leak_ba
    return w


@pytest.mark.parametrize("eps", [1e-10, 1e-13, 1e-15])
def test_nearly_decomposable_chain_keeps_its_block_masses(eps):
    # Two blocks of two nodes mixing at once inside, joined by leaks eps (A -> B) and 3 eps
    # (B -> A). By hand: inside each block the weight is even; the flow balance across the cut,
    # m_A * (1/2) * eps = m_B * (1/2) * 3 eps, gives m_A = 3/4, m_B = 1/4, so every column of
    # the limit is (3/8, 3/8, 1/8, 1/8) up to O(eps). A plain solve of the stationary system is
    # off by 7e-5 at eps = 1e-13 and by 1e-2 at 1e-15 (condition number ~ 1/eps).
    half = np.full((2, 2), 0.5)
    w = two_blocks_with_leaks(half, half, eps, 3 * eps)
    np.testing.assert_allclose(anp.limit_matrix(w), np.tile([[.375], [.375], [.125], [.125]], 4),
                               atol=1e-9)


def test_nearly_decomposable_large_blocks_match_the_block_stationary_vectors():
    # Blocks of 60 and 40 random nodes joined by 1e-12 leaks. Independently: each block's own
    # stationary vector (sigma_a, sigma_b, by least squares), and the block masses from the flow
    # balance across the cut: m_a * sigma_a[-1] * 1e-12 = m_b * sigma_b[-1] * 2e-12.
    rng = np.random.default_rng(7)
    block_a, block_b = col_stochastic(rng, 60, 60), col_stochastic(rng, 40, 40)
    w = two_blocks_with_leaks(block_a, block_b, 1e-12, 2e-12)
    sigma_a, sigma_b = stationary_by_solve(block_a), stationary_by_solve(block_b)
    ratio = (sigma_b[-1] * 2) / sigma_a[-1]  # m_a / m_b
    m_a = ratio / (1 + ratio)
    expected = np.concatenate([m_a * sigma_a, (1 - m_a) * sigma_b])
    np.testing.assert_allclose(anp.limit_matrix(w)[:, 0], expected, atol=1e-9)


def _random_stack(rng: np.random.Generator, k: int, pattern: np.ndarray) -> np.ndarray:
    a = rng.random((k, *pattern.shape)) * pattern
    sums = a.sum(axis=1)
    return a / np.where(sums > 0, sums, 1.0)[:, None, :]


def test_limit_matrices_equals_one_limit_per_matrix() -> None:
    rng = np.random.default_rng(3)
    n = 9
    # reducible: nodes 7 and 8 are sinks every other node can reach
    pattern = (rng.random((n, n)) < 0.35).astype(float)
    pattern[:, 7:] = 0.0
    pattern[7, 0] = pattern[8, 1] = 1.0
    # a column of 0..6 left empty gets an edge to 8, so 7 and 8 are the only sinks
    pattern[8, np.flatnonzero(~pattern[:, :7].any(axis=0))] = 1.0
    assert not pattern[:, 7:].any() and pattern[:, :7].any(axis=0).all()  # exactly 2 sinks
    for pat in (pattern, np.ones((n, n))):
        stack = _random_stack(rng, 30, pat)
        batched = limit_matrices(stack)
        for k in range(len(stack)):
            np.testing.assert_allclose(batched[k], limit_matrix(stack[k]), rtol=0, atol=1e-13)
    # period 2 (a two-cycle): the Cesàro average, never one phase
    swap = np.array([[0.0, 1.0], [1.0, 0.0]])
    np.testing.assert_allclose(limit_matrices(np.stack([swap, swap])), 0.5)
    # matrices with different patterns are solved one by one, with the same answers
    mixed = np.stack([swap, np.eye(2)])
    np.testing.assert_allclose(limit_matrices(mixed)[1], np.eye(2))


def test_limit_matrices_names_a_bad_entry() -> None:
    good = np.array([[0.5, 1.0], [0.5, 0.0]])
    bad = np.array([[0.5, 1.0], [0.6, 0.0]])
    with pytest.raises(NotColumnStochasticError, match=r"column 0 sums to 1\.1"):
        limit_matrices(np.stack([good, bad]))


def test_limit_matrices_nearly_decomposable_and_cyclic_match_one_per_matrix() -> None:
    rng = np.random.default_rng(5)
    # Two 3-node blocks exchanging eps of their weight: irreducible but nearly decomposable.
    # A plain batched solve has a tiny residual yet an error of ~3e-5 at eps = 1e-12 (its
    # condition is ~1/eps); limit_matrix switches to GTH there, and so must the batch.
    for eps in (1e-6, 1e-12, 1e-14):
        stack = np.zeros((4, 6, 6))
        for w in stack:
            for blk in (slice(0, 3), slice(3, 6)):
                b = rng.random((3, 3)) + 0.1
                w[blk, blk] = b / b.sum(axis=0)
            w[:, 2] *= 1 - eps
            w[3, 2] += eps
            w[:, 5] *= 1 - 3 * eps
            w[0, 5] += 3 * eps
        batched = limit_matrices(stack)
        for k in range(len(stack)):
            np.testing.assert_allclose(batched[k], limit_matrix(stack[k]), rtol=0, atol=1e-13)
    # Reducible with a closed 3-cycle (period 3: nodes 0 -> 1 -> 2 -> 0) and two transient
    # nodes 3, 4 leaking into it. Hand check: the cycle's stationary vector is (1/3, 1/3, 1/3)
    # and all mass ends there, so every column of the Cesàro limit is (1/3, 1/3, 1/3, 0, 0).
    stack = np.zeros((3, 5, 5))
    stack[:, 1, 0] = stack[:, 2, 1] = stack[:, 0, 2] = 1.0
    for w in stack:
        w[[0, 3, 4], 3] = rng.dirichlet(np.ones(3))
        w[[2, 3, 4], 4] = rng.dirichlet(np.ones(3))
    batched = limit_matrices(stack)
    expected = np.zeros((5, 5))
    expected[:3] = 1 / 3
    for k in range(len(stack)):
        np.testing.assert_allclose(batched[k], expected, rtol=0, atol=1e-12)
        np.testing.assert_allclose(batched[k], limit_matrix(stack[k]), rtol=0, atol=1e-13)


@pytest.mark.parametrize("tol", [float("nan"), float("inf"), -1e-9])
def test_tolerance_that_is_not_finite_or_is_negative_is_refused(tol):
    # a NaN tolerance made every column-sum check false, so a column summing to 0.5 was
    # accepted and silently renormalised to 1
    with pytest.raises(anp.InvalidEntryError, match="tol"):
        anp.limit_matrix([[0.5]], tol=tol)
    with pytest.raises(anp.InvalidEntryError, match="tol"):
        anp.limit_matrices([[[0.5]]], tol=tol)


def test_limits_of_an_empty_stack_are_an_empty_stack():
    # zero samples used to end in an IndexError (the pattern of sample 0)
    out = anp.limit_matrices(np.zeros((0, 3, 3)))
    assert out.shape == (0, 3, 3)
