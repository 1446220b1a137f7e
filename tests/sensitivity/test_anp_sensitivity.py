"""anp.sensitivity: weight rescaling, crossings, perturbations, rank statistics."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anp.errors import ANPError
from anp.network import Network
from anp.sensitivity import (
    SensitivityError,
    cluster_sweep,
    crossings,
    one_way,
    perturb_lognormal,
    perturb_saaty_steps,
    perturb_weights,
    rank_statistics,
    ranks,
    rescale_weights,
    snap_to_saaty,
)
from anp.synthesis import synthesize

A4 = np.array([
    [1.0, 2.0, 1 / 3, 5.0],
    [0.5, 1.0, 0.25, 3.0],
    [3.0, 4.0, 1.0, 7.0],
    [0.2, 1 / 3, 1 / 7, 1.0],
])


def test_rescale_keeps_proportions_and_sums_to_one() -> None:
    rows = rescale_weights([0.2, 0.3, 0.5], 1, [0.0, 0.3, 0.9, 1.0])
    assert rows.shape == (4, 3)
    np.testing.assert_allclose(rows.sum(axis=1), 1.0)
    np.testing.assert_allclose(rows[:, 1], [0.0, 0.3, 0.9, 1.0])
    np.testing.assert_allclose(rows[:3, 0] / rows[:3, 2], 0.4)  # 0.2 / 0.5, kept
    np.testing.assert_array_equal(rows[3], [0.0, 1.0, 0.0])


def test_rescale_others_zero_split_equally() -> None:
    rows = rescale_weights([0.0, 1.0, 0.0], 1, [0.4])
    np.testing.assert_allclose(rows, [[0.3, 0.4, 0.3]])


@pytest.mark.parametrize(("weights", "index", "values", "match"), [
    ([0.5, 0.5], 2, [0.1], r"index 2 out of range for 2 weights"),
    ([0.5, -0.5], 0, [0.1], r"weights must be finite and non-negative"),
    ([1.0], 0, [0.1], r"a one-way sweep needs at least two weights"),
    ([0.5, 0.5], 0, [1.5], r"swept values must lie in \[0, 1\]"),
])
def test_rescale_rejects_bad_input(weights: list[float], index: int, values: list[float],
                                   match: str) -> None:
    with pytest.raises(SensitivityError, match=match):
        rescale_weights(weights, index, values)


def test_crossings_linear_equal_analytic_root() -> None:
    # y0 = 0.7 - 0.5 x, y1 = 0.2 + 0.4 x: equal at x = 0.5 / 0.9; y2 stays low.
    def f(t: float) -> np.ndarray:
        return np.array([0.7 - 0.5 * t, 0.2 + 0.4 * t, 0.1 + 0 * t])

    x = np.linspace(0, 1, 11)
    y = np.stack([f(t) for t in x])
    found = crossings(x, y, f)
    assert len(found) == 1
    c = found[0]
    assert (c.i, c.j) == (0, 1)
    assert c.x == pytest.approx(0.5 / 0.9, abs=1e-12)
    assert c.top_change
    # Linear interpolation is exact too for linear series.
    assert crossings(x, y)[0].x == pytest.approx(0.5 / 0.9, abs=1e-12)


def test_crossings_nonlinear_refined_by_root_finding() -> None:
    # y0 = x^2, y1 = 0.3: the root is sqrt(0.3), not the grid interpolation.
    def f(t: float) -> np.ndarray:
        return np.array([t * t, 0.3])

    x = np.linspace(0, 1, 6)
    y = np.stack([f(t) for t in x])
    refined = crossings(x, y, f)
    assert [(c.i, c.j) for c in refined] == [(1, 0)]
    assert refined[0].x == pytest.approx(np.sqrt(0.3), abs=1e-12)
    assert abs(crossings(x, y)[0].x - np.sqrt(0.3)) > 1e-3


def test_crossings_on_grid_tie_counted_once_and_touch_ignored() -> None:
    x = np.linspace(0, 1, 5)  # 0, .25, .5, .75, 1
    cross = np.stack([x, 0.5 + 0 * x], axis=1)  # tie exactly at the grid point 0.5
    found = crossings(x, cross)
    assert [(c.x, c.i, c.j) for c in found] == [(0.5, 1, 0)]
    touch = np.stack([np.abs(x - 0.5), 0 * x], axis=1)  # touches 0 at 0.5, no change of order
    assert crossings(x, touch) == []


def test_crossings_marks_only_changes_of_the_leader() -> None:
    # Series 1 and 2 swap low down while series 0 leads; then 1 overtakes 0. By hand:
    # 0.1 + 0.8 x = 0.3 - 0.2 x at x = 0.2 (both 0.26 < 0.5), 0.1 + 0.8 x = 0.5 at x = 0.5.
    def f(t: float) -> np.ndarray:
        return np.array([0.5, 0.1 + 0.8 * t, 0.3 - 0.2 * t])

    x = np.linspace(0, 1, 101)
    found = crossings(x, np.stack([f(t) for t in x]), f)
    by_pair = {(c.i, c.j): c for c in found}
    assert set(by_pair) == {(2, 1), (0, 1)}
    assert not by_pair[(2, 1)].top_change
    assert by_pair[(0, 1)].top_change
    assert by_pair[(0, 1)].x == pytest.approx(0.5, abs=1e-12)
    assert [c.x for c in found] == sorted(c.x for c in found)


def test_crossings_rejects_bad_shapes() -> None:
    with pytest.raises(SensitivityError, match="y must be"):
        crossings([0, 1], np.zeros((3, 2)))
    with pytest.raises(SensitivityError, match="increasing"):
        crossings([1, 0], np.zeros((2, 2)))


def test_one_way_two_alternative_reversal_by_hand() -> None:
    # Two criteria with weights (w, 1 - w); alternative scores a = (0.8, 0.3), b = (0.2, 0.6).
    # P_a = 0.8 w + 0.3 (1 - w) = 0.3 + 0.5 w, P_b = 0.2 w + 0.6 (1 - w) = 0.6 - 0.4 w.
    # Equal when 0.3 + 0.5 w = 0.6 - 0.4 w, i.e. w = 0.3 / 0.9 = 1/3.
    scores = np.array([[0.8, 0.3], [0.2, 0.6]])
    sweep = one_way(lambda rows: rows @ scores.T, [0.5, 0.5], 0, points=101)
    assert sweep.priorities.shape == (101, 2)
    assert len(sweep.crossings) == 1
    c = sweep.crossings[0]
    assert c.x == pytest.approx(1 / 3, abs=1e-12)
    assert (c.i, c.j) == (1, 0)
    assert c.top_change


def test_perturb_lognormal_zero_sigma_copies_and_reciprocity() -> None:
    same = perturb_lognormal(A4, 0.0, 5, np.random.default_rng(0))
    assert same.shape == (5, 4, 4)
    np.testing.assert_array_equal(same, np.broadcast_to(A4, same.shape))
    noisy = perturb_lognormal(A4, 0.3, 50, np.random.default_rng(0))
    np.testing.assert_allclose(noisy * np.swapaxes(noisy, -1, -2), 1.0)
    assert not np.allclose(noisy, A4)


def test_perturb_keeps_missing_judgments_missing() -> None:
    a = A4.copy()
    a[0, 3] = a[3, 0] = np.nan
    for out in (perturb_lognormal(a, 0.5, 3, 1), perturb_saaty_steps(a, 2, 3, 1)):
        assert np.isnan(out[:, 0, 3]).all() and np.isnan(out[:, 3, 0]).all()
        assert np.isfinite(np.delete(out.reshape(3, -1), [3, 12], axis=1)).all()


def test_perturbation_reproducible_with_seed_and_stack_shape() -> None:
    stack = np.stack([A4, np.ones((4, 4))])
    a = perturb_lognormal(stack, 0.2, 7, np.random.default_rng(42))
    b = perturb_lognormal(stack, 0.2, 7, np.random.default_rng(42))
    assert a.shape == (7, 2, 4, 4)
    np.testing.assert_array_equal(a, b)
    c = perturb_saaty_steps(stack, 1, 7, 42)
    np.testing.assert_array_equal(c, perturb_saaty_steps(stack, 1, 7, 42))


def test_saaty_steps_snap_move_and_clamp() -> None:
    # SAATY_SCALE is 1/9 .. 1/2 (indices 0..7), 1 (8), 2 .. 9 (9..16): 2.2 -> 2, 1/3.1 -> 1/3,
    # 20 beyond 9 and 0.01 below 1/9 go to the ends.
    assert snap_to_saaty([1.0, 2.2, 1 / 3.1, 20.0, 0.01]).tolist() == [8, 9, 6, 16, 0]
    snapped = perturb_saaty_steps([[1, 2.2], [1 / 2.2, 1]], 0, 3, 0)
    np.testing.assert_allclose(snapped[:, 0, 1], 2.0)
    moved = perturb_saaty_steps(A4, 1, 400, np.random.default_rng(3))
    pos = snap_to_saaty(moved[:, 0, 1])
    assert set(np.unique(pos)) == {8, 9, 10}  # 2 is index 9; one step either way
    wild = perturb_saaty_steps(A4, 16, 400, np.random.default_rng(3))
    assert wild.min() >= 1 / 9 - 1e-15 and wild.max() <= 9
    np.testing.assert_allclose(wild * np.swapaxes(wild, -1, -2), 1.0)


@pytest.mark.parametrize("bad", [-1, 1.5, True])
def test_saaty_steps_rejects_bad_k(bad: object) -> None:
    with pytest.raises(SensitivityError, match="steps"):
        perturb_saaty_steps(A4, bad, 2)  # type: ignore[arg-type]


def test_perturb_rejects_bad_sigma_and_size() -> None:
    with pytest.raises(SensitivityError, match="sigma"):
        perturb_lognormal(A4, -0.1, 2)
    with pytest.raises(SensitivityError, match="size"):
        perturb_lognormal(A4, 0.1, 0)


def test_perturb_weights_normalised_zero_stays_zero() -> None:
    w = np.array([0.5, 0.0, 0.3, 0.2])
    out = perturb_weights(w, 0.5, 100, 0)
    np.testing.assert_allclose(out.sum(axis=1), 1.0)
    assert (out[:, 1] == 0).all()
    np.testing.assert_allclose(perturb_weights(w * 2, 0.0, 3, 0), np.tile(w, (3, 1)))
    huge = perturb_weights(w, 50.0, 100, 0)
    assert np.isfinite(huge).all()
    np.testing.assert_allclose(huge.sum(axis=1), 1.0)


def test_ranks_ties_to_lower_index() -> None:
    assert ranks([0.2, 0.5, 0.2, 0.1]).tolist() == [1, 0, 2, 3]


def test_rank_statistics_single_sample() -> None:
    stats = rank_statistics([[0.2, 0.5, 0.3]])
    np.testing.assert_array_equal(stats.rank_probabilities,
                                  [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
    np.testing.assert_array_equal(stats.p_first, [0, 1, 0])
    np.testing.assert_allclose(stats.quantiles, [[0.2] * 3, [0.5] * 3, [0.3] * 3])
    assert stats.samples == 1


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 60), st.integers(1, 7), st.integers(0, 2**32 - 1))
def test_rank_probabilities_sum_to_one(n: int, m: int, seed: int) -> None:
    p = np.random.default_rng(seed).dirichlet(np.ones(m), size=n)
    p[: n // 2, 0] = p[: n // 2, -1]  # include ties
    stats = rank_statistics(p)
    np.testing.assert_allclose(stats.rank_probabilities.sum(axis=0), 1.0)
    np.testing.assert_allclose(stats.rank_probabilities.sum(axis=1), 1.0)
    q = stats.quantiles
    assert (q[:, 0] <= q[:, 1] + 1e-15).all() and (q[:, 1] <= q[:, 2] + 1e-15).all()


def test_rank_statistics_rejects_bad_input() -> None:
    with pytest.raises(SensitivityError, match="priorities"):
        rank_statistics(np.zeros(3))
    with pytest.raises(SensitivityError, match="non-finite"):
        rank_statistics([[0.5, np.nan]])


def _small_network() -> Network:
    # goal -> criteria (with inner dependence) -> alternatives (sinks).
    net = Network()
    net.add_cluster("goal", ["g"])
    net.add_cluster("criteria", ["c1", "c2"])
    net.add_cluster("alternatives", ["a1", "a2"])
    net.set_priorities("g", "criteria", [0.6, 0.4])
    net.set_priorities("c1", "criteria", [0.1, 0.9])
    net.set_priorities("c2", "criteria", [0.2, 0.8])
    net.set_priorities("c1", "alternatives", [0.9, 0.1])
    net.set_priorities("c2", "alternatives", [0.2, 0.8])
    net.set_cluster_weights("criteria", {"criteria": 0.5, "alternatives": 0.5})
    return net


def _alternatives_at(net: Network, weight: float) -> np.ndarray:
    net.set_cluster_weights("criteria", {"criteria": weight, "alternatives": 1 - weight})
    return synthesize(net.limit_supermatrix().matrix, [3, 4], 0)


def test_cluster_sweep_matches_recomputation_and_finds_reversal() -> None:
    net = _small_network()
    sweep = cluster_sweep(net, "criteria", "criteria", ["a1", "a2"], "g", points=21)
    assert sweep.priorities.shape == (21, 2)
    for k in (0, 7, 19):
        expected = _alternatives_at(_small_network(), sweep.x[k])
        np.testing.assert_allclose(sweep.priorities[k], expected, atol=1e-10)
    # All weight on the inner dependence: nothing reaches the alternatives, undefined.
    assert np.isnan(sweep.priorities[20]).all()
    # More inner dependence moves weight from c1 (favours a1) to c2 (favours a2): one reversal.
    assert len(sweep.crossings) == 1
    c = sweep.crossings[0]
    assert (c.i, c.j) == (0, 1) and c.top_change
    at = _alternatives_at(_small_network(), c.x)
    assert at[0] == pytest.approx(at[1], abs=1e-10)
    # The network itself is left as it was.
    np.testing.assert_allclose(net.cluster_matrix().matrix[1:, 1], [0.5, 0.5])


def test_cluster_sweep_rejects_unlinked_or_single_target() -> None:
    net = _small_network()
    with pytest.raises(SensitivityError, match="no link"):
        cluster_sweep(net, "criteria", "goal", ["a1", "a2"], "g")
    with pytest.raises(SensitivityError, match="always 1"):
        cluster_sweep(net, "goal", "criteria", ["a1", "a2"], "g")


def test_snap_to_saaty_infinite_goes_to_nine():
    # The docstring: values beyond 1/9 or 9 go to the ends. +inf is beyond 9, so index 16
    # (SAATY_SCALE[16] = 9); 0 is below 1/9, so index 0. log(inf) - log(s) is inf for every
    # scale value s, so the unclipped argmin picked index 0 (1/9) for +inf.
    assert snap_to_saaty([np.inf, 1e300, 0.0]).tolist() == [16, 16, 0]


@pytest.mark.parametrize(("call", "match"), [
    (lambda: rescale_weights(["a", "b"], 0, [0.1]), r"weights must be an array of numbers"),
    (lambda: rescale_weights([[1], [1, 2]], 0, [0.1]), r"weights must be an array of numbers"),
    (lambda: rescale_weights([0.5, 0.5], 0.5, [0.1]), r"index 0\.5 out of range for 2 weights"),
    (lambda: rescale_weights([0.5, 0.5], "a", [0.1]), r"index 'a' out of range for 2 weights"),
    (lambda: rescale_weights([0.5, 0.5], 0, ["a"]), r"swept values must be an array of numbers"),
    (lambda: crossings(["a", "b"], np.zeros((2, 2))), r"grid x must be an array of numbers"),
    (lambda: crossings([0, 1], [[1], [1, 2]]), r"y must be an array of numbers"),
    (lambda: one_way(lambda r: r, [0.5, 0.5], 0, points=2.5),
     r"a sweep needs an integer number >= 2 of points"),
    (lambda: one_way(lambda r: r, [0.5, 0.5], 0, points="a"),
     r"a sweep needs an integer number >= 2 of points"),
    (lambda: one_way(lambda r: "x", [0.5, 0.5], 0),
     r"evaluate's priorities must be an array of numbers"),
    (lambda: perturb_lognormal(A4, "a", 2), r"sigma must be finite and >= 0"),
    (lambda: perturb_lognormal(A4, None, 2), r"sigma must be finite and >= 0"),
    (lambda: perturb_lognormal(A4, 0.1, 2, "seed"),
     r"rng must be a numpy Generator, a seed or None"),
    (lambda: perturb_weights(["a"], 0.1, 2), r"weights must be an array of numbers"),
    (lambda: perturb_weights([1.0], "a", 2), r"sigma must be finite and >= 0"),
    (lambda: perturb_weights([[1], [1, 2]], 0.1, 2), r"weights must be an array of numbers"),
    (lambda: snap_to_saaty("x"), r"values must be an array of numbers"),
    (lambda: ranks(["a"]), r"priorities must be an array of numbers"),
    (lambda: ranks(1.0), r"priorities must have at least one axis"),
    (lambda: rank_statistics([["a"]]), r"priorities must be an array of numbers"),
    (lambda: rank_statistics([[1], [1, 2]]), r"priorities must be an array of numbers"),
])
def test_non_numeric_or_non_integer_input_is_an_anp_error(call, match: str) -> None:
    # Each of these ended in numpy's or Python's own TypeError, ValueError or IndexError.
    with pytest.raises(ANPError, match=match):
        call()


def test_cluster_sweep_rejects_unknown_mode() -> None:
    # synthesize's "unknown mode" is an ANPError, which inside the sweep marks a point as
    # undefined: without the early check every row came back NaN, with no error.
    with pytest.raises(SensitivityError, match="unknown mode 'best'"):
        cluster_sweep(_small_network(), "criteria", "criteria", ["a1", "a2"], "g",
                      mode="best")  # type: ignore[arg-type]
