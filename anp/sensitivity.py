"""Sensitivity of priorities: one-way weight sweeps, rank-reversal points, Monte Carlo.

Pure numpy/scipy. A *one-way sweep* sets one weight of a vector to each value of a grid in
[0, 1] and rescales the others in proportion (:func:`rescale_weights`); the priorities of the
alternatives along the grid are series ``y`` (k, m). :func:`crossings` finds where two series
change order, refined by root finding when an exact evaluator is given. The Monte Carlo helpers
perturb reciprocal judgment stacks (:func:`perturb_lognormal`, :func:`perturb_saaty_steps`) and
weight vectors (:func:`perturb_weights`); :func:`rank_statistics` summarises sampled priorities.
"""

from __future__ import annotations

import contextlib
import copy
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from anp.consistency import SAATY_SCALE, _saaty_index
from anp.errors import ANPError, as_float, float_array, is_int
from anp.network import Network
from anp.pairwise import validate_pairwise
from anp.synthesis import MODES, synthesize

_SCALE = np.array(SAATY_SCALE)

#: Absolute tolerance below which two series are taken as equal on the grid.
TIE_ATOL = 1e-12

_ROOT_XTOL = 1e-12


class SensitivityError(ANPError):
    """Invalid input to a sensitivity or Monte Carlo function."""


@dataclass(frozen=True)
class Crossing:
    """Two series change order at ``x``: ``i`` leads just below ``x``, ``j`` just above.

    ``value`` is their common value at ``x``; ``top_change`` is true when the two are the
    leading pair there, i.e. the crossing changes which series is first.
    """

    x: float
    i: int
    j: int
    value: float
    top_change: bool


@dataclass(frozen=True)
class OneWay:
    """A one-way sweep: grid ``x`` (k,), weight rows (k, n), priorities (k, m), crossings."""

    x: np.ndarray
    weights: np.ndarray
    priorities: np.ndarray
    crossings: list[Crossing]


@dataclass(frozen=True)
class RankStats:
    """Summary of sampled priorities of m alternatives.

    ``rank_probabilities[s, r]``: probability that alternative s has rank r (0 = first);
    ``p_first`` = its column 0; ``quantiles`` (m, 3): 5th, 50th and 95th percentiles;
    ``mean`` (m,): mean priorities; ``samples``: number of samples.
    """

    rank_probabilities: np.ndarray
    p_first: np.ndarray
    quantiles: np.ndarray
    mean: np.ndarray
    samples: int


def _weight_vector(weights: np.ndarray | Sequence[float], name: str = "weights") -> np.ndarray:
    w = float_array(weights, name)
    if w.ndim != 1 or w.size == 0:
        raise SensitivityError(f"{name} must be a non-empty 1-d vector; got shape {w.shape}")
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        raise SensitivityError(f"{name} must be finite and non-negative; got {w.tolist()}")
    if w.sum() <= 0:
        raise SensitivityError(f"{name} must have a positive sum")
    return w / w.sum()


def rescale_weights(weights: np.ndarray | Sequence[float], index: int,
                    values: np.ndarray | Sequence[float] | float) -> np.ndarray:
    """Weight rows (k, n): weight ``index`` set to each value, the others scaled to sum 1 - value.

    The others keep their proportions (``weights`` is normalised first). If they are all zero,
    ``1 - value`` is split equally among them. Values must lie in [0, 1].
    """
    w = _weight_vector(weights)
    n = w.size
    if not is_int(index) or not -n <= index < n:
        raise SensitivityError(f"index {index!r} out of range for {n} weights")
    if n < 2:
        raise SensitivityError("a one-way sweep needs at least two weights")
    x = np.atleast_1d(float_array(values, "swept values"))
    if x.ndim != 1 or not np.all((x >= 0) & (x <= 1)):
        raise SensitivityError(f"swept values must lie in [0, 1]; got {x.tolist()}")
    others = np.delete(w, index)
    share = others / others.sum() if others.sum() > 0 else np.full(n - 1, 1.0 / (n - 1))
    rows = np.empty((x.size, n))
    rows[:, np.arange(n) != index % n] = (1.0 - x)[:, None] * share
    rows[:, index] = x
    return rows


def _sign(d: np.ndarray, atol: float) -> np.ndarray:
    return np.where(np.abs(d) <= atol, 0, np.sign(d)).astype(int)


def crossings(x: np.ndarray | Sequence[float], y: np.ndarray | Sequence,
              func: Callable[[float], np.ndarray] | None = None,
              atol: float = TIE_ATOL) -> list[Crossing]:
    """Points where two of the series ``y`` (k, m) over the grid ``x`` (k,) change order.

    For every pair, each change of sign of ``y_i - y_j`` between grid points gives one crossing.
    With ``func`` (x -> (m,) values, exact at any x) the crossing is the root of
    ``func(x)[i] - func(x)[j]`` found by Brent's method to 1e-12; without it, linear
    interpolation. A difference within ``atol`` of 0 on the grid is a tie: a run of ties between
    opposite signs is one crossing at the first tied grid point; a tie between equal signs (a
    touch) is none. Two crossings of one pair inside one grid interval are not seen. Rows of
    NaN (values undefined there) are skipped. The result is sorted by x, then i, then j.
    """
    xs = float_array(x, "grid x")
    ys = float_array(y, "y")
    atol = as_float(atol, "atol")
    if xs.ndim != 1 or xs.size < 2:
        raise SensitivityError(f"grid x must be 1-d with at least 2 points; got shape {xs.shape}")
    if ys.ndim != 2 or ys.shape[0] != xs.size:
        raise SensitivityError(f"y must be (k, m) with k = {xs.size}; got shape {ys.shape}")
    if not np.all(np.diff(xs) > 0):
        raise SensitivityError("grid x must be strictly increasing")
    finite = np.isfinite(ys)
    if not np.all(finite.all(axis=1) | ~finite.any(axis=1)):
        raise SensitivityError("each row of y must be all finite or all NaN (undefined)")
    keep = finite.all(axis=1)
    xs, ys = xs[keep], ys[keep]
    m = ys.shape[1]
    found: list[tuple[float, int, int]] = []
    for i in range(m - 1):
        for j in range(i + 1, m):
            s = _sign(ys[:, i] - ys[:, j], atol)
            nz = np.flatnonzero(s)
            for a, b in itertools.pairwise(int(x) for x in nz):
                if s[a] == s[b]:
                    continue
                lead, lag = (i, j) if s[a] > 0 else (j, i)
                if b > a + 1:
                    found.append((float(xs[a + 1]), lead, lag))
                    continue
                found.append((_root(xs, ys, a, i, j, func), lead, lag))
    return [_crossing(xs, ys, func, xc, lead, lag, atol) for xc, lead, lag in sorted(found)]


def _root(xs: np.ndarray, ys: np.ndarray, a: int, i: int, j: int,
          func: Callable[[float], np.ndarray] | None) -> float:
    """Root of y_i - y_j in the grid interval [x_a, x_{a+1}] where it changes sign."""
    d0 = ys[a, i] - ys[a, j]
    d1 = ys[a + 1, i] - ys[a + 1, j]
    if func is None:
        return float(xs[a] + (xs[a + 1] - xs[a]) * d0 / (d0 - d1))

    def diff(t: float) -> float:
        v = np.asarray(func(t), dtype=float)
        return float(v[i] - v[j])

    from scipy.optimize import brentq  # here, not at the top: keeps `import anp` fast

    lo, hi = float(xs[a]), float(xs[a + 1])
    f_lo, f_hi = diff(lo), diff(hi)
    if f_lo == 0.0:
        return lo
    if f_hi == 0.0:
        return hi
    if np.sign(f_lo) == np.sign(f_hi):
        raise SensitivityError(
            f"func disagrees with y at x = {lo:.6g}..{hi:.6g} for series {i} and {j}")
    return float(brentq(diff, lo, hi, xtol=_ROOT_XTOL, rtol=4 * np.finfo(float).eps))


def _crossing(xs: np.ndarray, ys: np.ndarray, func: Callable[[float], np.ndarray] | None,
              xc: float, lead: int, lag: int, atol: float) -> Crossing:
    if func is not None:
        v = np.asarray(func(xc), dtype=float)
    else:
        v = np.array([np.interp(xc, xs, ys[:, c]) for c in range(ys.shape[1])])
    pair = min(v[lead], v[lag])
    rest = np.delete(v, [lead, lag])
    top = rest.size == 0 or bool(pair >= rest.max() - max(atol, 1e-9))
    return Crossing(x=xc, i=lead, j=lag, value=float((v[lead] + v[lag]) / 2), top_change=top)


def one_way(evaluate: Callable[[np.ndarray], np.ndarray], weights: np.ndarray | Sequence[float],
            index: int, points: int = 101) -> OneWay:
    """Sweep weight ``index`` of ``weights`` over ``points`` values from 0 to 1.

    ``evaluate`` maps weight rows (k, n) to priorities (k, m) in one batched call; the whole
    grid is evaluated at once, and each crossing is refined with single-row calls.
    """
    if not is_int(points) or points < 2:
        raise SensitivityError(f"a sweep needs an integer number >= 2 of points; got {points!r}")
    x = np.linspace(0.0, 1.0, points)
    rows = rescale_weights(weights, index, x)
    y = float_array(evaluate(rows), "evaluate's priorities")
    if y.ndim != 2 or y.shape[0] != points:
        raise SensitivityError(f"evaluate must return ({points}, m) priorities; got {y.shape}")

    def at(t: float) -> np.ndarray:
        return float_array(evaluate(rescale_weights(weights, index, [t])),
                           "evaluate's priorities")[0]

    return OneWay(x=x, weights=rows, priorities=y, crossings=crossings(x, y, at))


def cluster_sweep(network: Network, source_cluster: str, target_cluster: str,
                  alternatives: Sequence[str], column: str, points: int = 101,
                  mode: Literal["normal", "ideal", "raw"] = "normal") -> OneWay:
    """Sweep the weight of ``target_cluster`` in the column of ``source_cluster`` of the cluster
    matrix from 0 to 1, the other target clusters rescaled in proportion.

    At each point the network's limit supermatrix is recomputed and the priorities of the
    ``alternatives`` (node names) are read from the column of node ``column`` with
    :func:`anp.synthesize`. The weight vector is the source's column of
    :meth:`Network.cluster_matrix` (one weight per cluster); the network is not modified.
    Where the priorities are undefined (typically at 0 or 1, when a weight of 0 cuts every path
    to the alternatives) the row is NaN.
    """
    clusters = network.clusters
    if source_cluster not in clusters or target_cluster not in clusters:
        raise SensitivityError(f"unknown cluster in {source_cluster!r} -> {target_cluster!r}; "
                               f"clusters: {list(clusters)}")
    if mode not in MODES:  # checked here: inside the sweep an ANPError only means "undefined"
        raise SensitivityError(f"unknown mode {mode!r}; use one of {list(MODES)}")
    linked = network._linked_clusters(source_cluster)
    if target_cluster not in linked:
        raise SensitivityError(f"cluster {source_cluster!r} has no link to {target_cluster!r}")
    if len(linked) < 2:
        raise SensitivityError(f"cluster {source_cluster!r} links only to {target_cluster!r}; "
                               "its weight is always 1")
    unweighted = network.unweighted_supermatrix()
    rows = [unweighted.index(a) for a in alternatives]
    col = unweighted.index(column)
    current = network.cluster_matrix().matrix[:, clusters.index(source_cluster)]

    def evaluate(weights: np.ndarray) -> np.ndarray:
        out = np.full((weights.shape[0], len(rows)), np.nan)
        for r, w in enumerate(weights):
            net = copy.deepcopy(network)
            net.set_cluster_weights(source_cluster, dict(zip(clusters, w, strict=True)))
            with contextlib.suppress(ANPError):
                out[r] = synthesize(net.limit_supermatrix().matrix, rows, col, mode)
        return out

    return one_way(evaluate, current, clusters.index(target_cluster), points)


def _rng(rng: np.random.Generator | int | None) -> np.random.Generator:
    if isinstance(rng, np.random.Generator):
        return rng
    try:
        return np.random.default_rng(rng)
    except (TypeError, ValueError):
        raise SensitivityError(f"rng must be a numpy Generator, a seed or None; got {rng!r}"
                               ) from None


def _check_size(size: int) -> int:
    if not is_int(size) or size < 1:
        raise SensitivityError(f"size must be a positive integer; got {size!r}")
    return int(size)


def _check_sigma(sigma: float) -> float:
    try:
        value = float(sigma)
    except (TypeError, ValueError):
        value = np.nan
    if not (np.isfinite(value) and value >= 0):
        raise SensitivityError(f"sigma must be finite and >= 0; got {sigma!r}")
    return value


def _reciprocal_from_upper(n: int, upper: np.ndarray) -> np.ndarray:
    """Stack (size, ..., n, n) with the given upper triangles, reciprocals below, diagonal 1."""
    iu, ju = np.triu_indices(n, 1)
    flat = upper.reshape(math.prod(upper.shape[:-1]), iu.size)
    out = np.empty((flat.shape[0], n * n))  # flat indices: one gather per triangle
    out[:, iu * n + ju] = flat
    out[:, ju * n + iu] = 1.0 / flat
    out[:, np.arange(n) * (n + 1)] = 1.0
    return out.reshape(*upper.shape[:-1], n, n)


def perturb_lognormal(matrix: np.ndarray | Sequence, sigma: float, size: int,
                      rng: np.random.Generator | int | None = None) -> np.ndarray:
    """``size`` perturbed copies (size, ..., n, n) of a pairwise matrix or stack (..., n, n).

    Each upper judgment a_ij becomes ``a_ij * exp(sigma * Z)`` with Z standard normal, drawn
    independently (shape (size, ..., n(n-1)/2), row-major upper triangle); the lower triangle
    holds the reciprocals, the diagonal is 1, a missing judgment (NaN) stays missing. ``sigma``
    = 0 gives exact copies.
    """
    a = validate_pairwise(matrix)
    size = _check_size(size)
    sigma = _check_sigma(sigma)
    n = a.shape[-1]
    iu, ju = np.triu_indices(n, 1)
    return lognormal_from_upper(n, a[..., iu, ju], sigma, size, _rng(rng))


def lognormal_from_upper(n: int, upper: np.ndarray, sigma: float, size: int,
                         rng: np.random.Generator) -> np.ndarray:
    """Kernel of :func:`perturb_lognormal` (same draws) for the upper triangles (..., n(n-1)/2)
    of already validated matrices; no checks."""
    z = rng.standard_normal((size, *upper.shape))
    return _reciprocal_from_upper(n, upper * np.exp(sigma * z))


def snap_to_saaty(values: np.ndarray | Sequence[float] | float) -> np.ndarray:
    """Index (0..16) in :data:`anp.SAATY_SCALE` of the scale value nearest to each positive value
    in log terms; values beyond 1/9 or 9 go to the ends. NaN gives -1."""
    v = float_array(values, "values")
    out = np.full(v.shape, -1, dtype=int)
    ok = ~np.isnan(v)
    out[ok] = _saaty_index(v[ok])
    return out


def perturb_saaty_steps(matrix: np.ndarray | Sequence, k: int, size: int,
                        rng: np.random.Generator | int | None = None) -> np.ndarray:
    """``size`` copies (size, ..., n, n) with each upper judgment moved up to ``k`` scale steps.

    Every upper judgment is first snapped to the nearest value of Saaty's 17-point scale
    1/9..1/2, 1, 2..9 (:func:`snap_to_saaty`), then moved by a uniform random integer step in
    [-k, k] (drawn like :func:`perturb_lognormal`) and clamped at 1/9 and 9. Reciprocals below,
    diagonal 1, NaN stays NaN. With k = 0 every copy is the snapped matrix.
    """
    a = validate_pairwise(matrix)
    size = _check_size(size)
    if not is_int(k) or k < 0:
        raise SensitivityError(f"k (steps) must be a non-negative integer; got {k!r}")
    n = a.shape[-1]
    iu, ju = np.triu_indices(n, 1)
    return saaty_steps_from_positions(n, snap_to_saaty(a[..., iu, ju]), int(k), size, _rng(rng))


def saaty_steps_from_positions(n: int, pos: np.ndarray, k: int, size: int,
                               rng: np.random.Generator) -> np.ndarray:
    """Kernel of :func:`perturb_saaty_steps` (same draws) for the snapped upper triangles
    (..., n(n-1)/2) given by :func:`snap_to_saaty` (-1 = missing); no checks."""
    steps = rng.integers(-k, k + 1, size=(size, *pos.shape))
    moved = np.clip(pos + steps, 0, _SCALE.size - 1)
    values = np.where(pos < 0, np.nan, _SCALE[moved])
    return _reciprocal_from_upper(n, values)


def perturb_weights(weights: np.ndarray | Sequence, sigma: float, size: int,
                    rng: np.random.Generator | int | None = None) -> np.ndarray:
    """``size`` perturbed copies (size, ..., n) of weight vectors (..., n), each summing to 1.

    Each weight is multiplied by ``exp(sigma * Z)`` (Z standard normal) and each vector is then
    renormalised; zero weights stay zero. ``sigma`` = 0 gives the normalised weights.
    """
    w = float_array(weights, "weights")
    if w.ndim < 1 or w.shape[-1] == 0:
        raise SensitivityError(f"weights must have a last axis of length >= 1; got {w.shape}")
    if not np.all(np.isfinite(w)) or np.any(w < 0) or np.any(w.sum(axis=-1) <= 0):
        raise SensitivityError("weights must be finite, non-negative, with a positive sum")
    size = _check_size(size)
    sigma = _check_sigma(sigma)
    z = _rng(rng).standard_normal((size, *w.shape))
    logs = np.where(w > 0, np.log(np.where(w > 0, w, 1.0)) + sigma * z, -np.inf)
    p = np.exp(logs - logs.max(axis=-1, keepdims=True))
    return p / p.sum(axis=-1, keepdims=True)


def ranks(priorities: np.ndarray | Sequence) -> np.ndarray:
    """Ranks (..., m) of priorities (..., m): 0 = highest; ties go to the lower index first."""
    p = float_array(priorities, "priorities")
    if p.ndim < 1:
        raise SensitivityError(f"priorities must have at least one axis; got {p.shape}")
    order = np.argsort(-p, axis=-1, kind="stable")
    out = np.empty(p.shape, dtype=int)
    np.put_along_axis(out, order, np.broadcast_to(np.arange(p.shape[-1]), p.shape), axis=-1)
    return out


def rank_statistics(priorities: np.ndarray | Sequence) -> RankStats:
    """Rank acceptability, probability of being first, 5/50/95 % quantiles and mean of
    sampled priorities (N, m). Ties are ranked by :func:`ranks` (lower index first)."""
    p = float_array(priorities, "priorities")
    if p.ndim != 2 or p.shape[0] < 1 or p.shape[1] < 1:
        raise SensitivityError(f"priorities must be (N, m) with N, m >= 1; got shape {p.shape}")
    if not np.all(np.isfinite(p)):
        raise SensitivityError("priorities contain non-finite values")
    n, m = p.shape
    r = ranks(p)
    counts = np.bincount((np.arange(m) * m + r).ravel(), minlength=m * m).reshape(m, m)
    probs = counts / n
    quant = np.quantile(p, [0.05, 0.5, 0.95], axis=0).T
    return RankStats(rank_probabilities=probs, p_first=probs[:, 0].copy(), quantiles=quant,
                     mean=p.mean(axis=0), samples=n)
