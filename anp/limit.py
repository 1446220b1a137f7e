"""Limit supermatrix: the Cesàro limit ``lim (1/N) sum_{k<N} W^k`` of a column-stochastic W.

Convention (docs/design.md): ``W[i, j]`` is the influence of node i on node j, so probability
mass flows j -> i and each column sums to 1. An all-zero column is a *sink*: the node is treated
as absorbing (as if ``W[j, j] = 1``), so it keeps whatever weight reaches it.

Reading the limit (Cesàro sense, so it exists for every stochastic matrix):

* irreducible W, primitive or cyclic with any period: every column is the stationary vector
  (never one phase of the cycle);
* reducible W: the closed (recurrent) classes each have a stationary vector pi_c; column j of the
  limit is ``sum_c P(j is absorbed in class c) * pi_c``;
* a hierarchy (goal -> criteria -> alternatives, the alternatives being sinks): the goal's column
  of the limit is the hierarchical composition, i.e. the alternatives' global priorities.

``method="exact"`` computes this with linear algebra: strongly connected components
(``scipy.sparse.csgraph``), one linear solve per closed class for its stationary vector (or,
where that system is ill-conditioned -- a nearly decomposable class, whose parts exchange only a
tiny share of weight -- Grassmann-Taksar-Heyman state reduction, which keeps full accuracy there)
and one linear solve for the absorption probabilities of the transient nodes.
``method="power"`` raises the lazy matrix ``(I + W) / 2`` to powers 2, 4, 8, ... (repeated
squaring): its powers are binomial averages of the powers of W, whose limit is the same Cesàro
limit, so it works for cyclic W as well; it is an independent cross-check of the exact method.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from scipy.sparse import csr_array
from scipy.sparse.csgraph import connected_components

from anp.errors import (
    ANPError,
    ConvergenceError,
    InvalidEntryError,
    NotColumnStochasticError,
    NotSquareError,
    as_float,
    as_int,
    float_array,
)

_CHECK_TOL = 1e-8  # accepted error of the exact result (stationarity, mass conservation)
_CONDITION_MAX = 1e6  # above this (estimated) condition number the stationary solve is not trusted


def as_supermatrix(w: np.ndarray | Sequence, tol: float = 1e-9) -> tuple[np.ndarray, np.ndarray]:
    """Validate a column-stochastic supermatrix; return it as floats and the sink-column mask."""
    a = float_array(w, "supermatrix")
    tol = _tolerance(tol)
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] == 0:
        raise NotSquareError(f"supermatrix must be n x n, got shape {a.shape}")
    sums = a.sum(axis=0)
    if not np.isfinite(sums).all():
        i, j = np.argwhere(~np.isfinite(a))[0]
        raise InvalidEntryError(f"entry [{i}, {j}] = {a[i, j]} is not finite")
    if a.min() < 0:
        i, j = np.argwhere(a < 0)[0]
        raise InvalidEntryError(f"entry [{i}, {j}] = {a[i, j]:.6g} is negative")
    sink = np.asarray(~a.any(axis=0))
    off = np.flatnonzero(~sink & (np.abs(sums - 1.0) > max(tol * a.shape[0], 1e-12)))
    if off.size:
        j = off[0]
        raise NotColumnStochasticError(f"column {j} sums to {sums[j]:.12g}; each column must "
                                       "sum to 1 or be all zero (a sink)")
    return a, sink


def _tolerance(tol: object) -> float:
    """``tol`` as a float that is finite and not negative: a NaN (or infinite) tolerance would
    let every column sum pass the stochastic check and be renormalised without a word."""
    value = as_float(tol, "tol")
    if not 0.0 <= value < np.inf:
        raise InvalidEntryError(f"tol must be a finite number >= 0; got {tol!r}")
    return value


def _stochastic(a: np.ndarray, sink: np.ndarray) -> np.ndarray:
    """Columns renormalised to sum exactly 1, sinks made absorbing."""
    p = a / np.where(sink, 1.0, a.sum(axis=0))
    idx = np.flatnonzero(sink)
    p[idx, idx] = 1.0
    return p


def _leave(p: np.ndarray) -> np.ndarray:
    """Off-diagonal mass of each column: ``1 - p[j, j]`` for a column summing to 1, but without
    the cancellation that loses every digit when p[j, j] is within 1e-16 of 1."""
    return np.where(np.eye(len(p), dtype=bool), 0.0, p).sum(axis=0)


def _solve(lhs: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    try:
        return np.linalg.solve(lhs, rhs)
    except np.linalg.LinAlgError:
        raise ConvergenceError("exact limit is numerically unreliable (singular system: some "
                               "nodes keep all but a negligible share of the weight that "
                               "reaches them); try method='power'",
                               iterations=0, residual=np.inf) from None


def _stationary(p: np.ndarray) -> np.ndarray:
    """Stationary vector of an irreducible column-stochastic matrix by one linear solve, or by
    GTH elimination when that system is too ill-conditioned to trust (nearly decomposable p)."""
    m = len(p)
    if m == 1:
        return np.ones(1)
    lhs = p.copy()
    np.fill_diagonal(lhs, 0.0)
    np.fill_diagonal(lhs, -lhs.sum(axis=0))  # p - I, with the diagonal as in _leave
    lhs[-1] = 1.0  # replace one (redundant) balance equation by sum(pi) = 1
    rhs = np.zeros(m)
    rhs[-1] = 1.0
    # A second right-hand side, a fixed random sign vector, estimates ||lhs^-1|| at almost no
    # cost (the factorisation is shared): a random vector has a share of the worst direction.
    probe = np.random.default_rng(0).choice([-1.0, 1.0], m)
    try:
        both = np.linalg.solve(lhs, np.column_stack([rhs, probe]))
    except np.linalg.LinAlgError:  # singular to working precision: decomposable in all but name
        return _gth(p)
    condition = np.abs(both[:, 1]).max() * np.abs(lhs).sum(axis=1).max()
    if not condition <= _CONDITION_MAX:
        return _gth(p)
    return both[:, 0]


def _gth(p: np.ndarray) -> np.ndarray:
    """Stationary vector of an irreducible column-stochastic matrix by Grassmann-Taksar-Heyman
    state reduction (Grassmann, Taksar & Heyman 1985, Operations Research 33(5):1107-1116): no
    subtractions, so it stays accurate when the chain is nearly decomposable; O(m^3)."""
    a = p.T.copy()  # row-stochastic: a[j, i] is the flow j -> i
    m = len(a)
    for k in range(m - 1, 0, -1):
        a[:k, k] /= a[k, :k].sum()  # > 0 for an irreducible chain
        a[:k, :k] += np.outer(a[:k, k], a[k, :k])
    pi = np.zeros(m)
    pi[0] = 1.0
    for k in range(1, m):
        pi[k] = pi[:k] @ a[:k, k]
    return pi / pi.sum()


def _reaches_all_quickly(p: np.ndarray, max_steps: int = 16) -> bool:
    """True when node 0 reaches every node and every node reaches node 0 within ``max_steps``
    steps (so p is irreducible); False means "not shown", not "reducible"."""
    adj = (p > 0).astype(np.float32)
    for step in (lambda v: adj @ v, lambda v: v @ adj):  # forward, then backward
        seen = np.zeros(len(p), dtype=bool)
        seen[0] = True
        frontier = seen.copy()
        for _ in range(max_steps):
            frontier = (step(frontier.astype(np.float32)) > 0) & ~seen
            if not frontier.any():
                break
            seen |= frontier
        if not seen.all():
            return False
    return True


def _classes(p: np.ndarray) -> tuple[int, np.ndarray]:
    """Strongly connected components (count, label per node) of the flow graph of p."""
    n = len(p)
    if (p > 0).all() or _reaches_all_quickly(p):
        return 1, np.zeros(n, dtype=np.int32)
    flat = np.flatnonzero(p)
    indptr = np.searchsorted(flat, np.arange(n + 1) * n)
    graph = csr_array((np.ones(flat.size), flat % n, indptr), shape=(n, n))
    return connected_components(graph, directed=True, connection="strong")


def _checked_stationary(p: np.ndarray) -> np.ndarray:
    """:func:`_stationary`, checked (stationarity, no negative entry beyond the tolerance),
    then clipped at 0 and normalised."""
    pi = _stationary(p)
    _check(float(max(np.abs(p @ pi - pi).sum(), -pi.min())))
    pi = np.clip(pi, 0.0, None)
    return pi / pi.sum()


def _exact(p: np.ndarray) -> np.ndarray:
    n = len(p)
    ncomp, label = _classes(p)
    if ncomp == 1:
        return np.repeat(_checked_stationary(p)[:, None], n, axis=1)
    # A class is closed when no column of it has mass outside the class.
    leaks = np.zeros(ncomp, dtype=bool)
    rows, cols = np.nonzero(p)
    leaks[label[cols[label[rows] != label[cols]]]] = True
    closed = np.flatnonzero(~leaks)
    pis = np.zeros((n, len(closed)))
    for c, comp in enumerate(closed):
        idx = np.flatnonzero(label == comp)
        pis[idx, c] = _checked_stationary(p[np.ix_(idx, idx)])
    recurrent = np.isin(label, closed)
    trans = np.flatnonzero(~recurrent)
    rec = np.flatnonzero(recurrent)
    limit = np.empty((n, n))
    limit[:, rec] = pis[:, np.searchsorted(closed, label[rec])]
    if trans.size:
        # one-step mass from each transient node into each closed class
        into = np.zeros((len(closed), len(trans)))
        np.add.at(into, np.searchsorted(closed, label[rec]), p[np.ix_(rec, trans)])
        i_q = -p[np.ix_(trans, trans)]
        np.fill_diagonal(i_q, _leave(p)[trans])  # I - Q
        # absorption probabilities B = R (I - Q)^{-1}, i.e. (I - Q)^T B^T = R^T
        absorb = _solve(i_q.T, into.T).T
        _check(float(max(np.abs(absorb.sum(axis=0) - 1).max(), -absorb.min())))
        absorb = np.clip(absorb, 0.0, None)
        limit[:, trans] = pis @ (absorb / absorb.sum(axis=0))
    return limit


def _check(residual: float) -> None:
    if not residual <= _CHECK_TOL:
        raise ConvergenceError(f"exact limit is numerically unreliable (residual {residual:.3g});"
                               " try method='power'", iterations=0, residual=residual)


def _power(p: np.ndarray, tol: float, max_iter: int) -> np.ndarray:
    m = 0.5 * (p + np.eye(len(p)))
    diff = np.inf
    for _ in range(max_iter):
        nxt = m @ m
        nxt /= nxt.sum(axis=0)
        # a small change that is still growing is slow mixing (m near I), not convergence
        prev, diff = diff, float(np.abs(nxt - m).max())
        m = nxt
        if diff <= tol and diff <= prev and prev < np.inf:
            return m
    raise ConvergenceError(f"limit did not converge in {max_iter} squarings "
                           f"(last change {diff:.3g}, tol {tol:g})", iterations=max_iter,
                           residual=diff)


def limit_matrix(w: np.ndarray | Sequence, tol: float = 1e-9, max_iter: int = 10_000,
                 method: Literal["exact", "power"] = "exact") -> np.ndarray:
    """Cesàro limit of a column-stochastic supermatrix (zero columns = absorbing sinks).

    ``tol`` is the column-sum tolerance (times n) of the input and, for ``method="power"``, the
    convergence tolerance on successive squarings (met by a change that is no longer growing, so
    at least 2 squarings); ``max_iter`` bounds the squarings. ``"power"`` is a cross-check, not
    a substitute: where parts of the network exchange less than about 1e-11 of their weight,
    rounding settles it on each part's own answer; ``"exact"`` stays right there.
    """
    if method not in ("exact", "power"):
        raise ANPError(f"unknown method {method!r}; use 'exact' or 'power'")
    max_iter = as_int(max_iter, "max_iter")
    a, sink = as_supermatrix(w, tol)  # also checks that tol is a number
    p = _stochastic(a, sink)
    return _exact(p) if method == "exact" else _power(p, tol, max_iter)


def limit_matrices(w: np.ndarray | Sequence, tol: float = 1e-9) -> np.ndarray:
    """Exact Cesàro limits of a stack (..., n, n) of column-stochastic supermatrices.

    Meant for Monte Carlo samples of one network: where every matrix has the same pattern of
    non-zero entries (so the same classes), the class structure is found once and each linear
    solve is done for the whole stack at once; any matrix whose batched result fails the
    accuracy checks of :func:`limit_matrix`, and every matrix of a stack whose patterns differ,
    is solved on its own by :func:`limit_matrix` (which raises where that is unreliable).
    """
    a = float_array(w, "supermatrices")
    tol = _tolerance(tol)
    if a.ndim < 2 or a.shape[-1] != a.shape[-2] or a.shape[-1] == 0:
        raise NotSquareError(f"supermatrices must be (..., n, n), got shape {a.shape}")
    shape, n = a.shape, a.shape[-1]
    a = a.reshape(-1, n, n)
    if not len(a):  # an empty stack (e.g. zero Monte Carlo samples): nothing to solve
        return a.reshape(shape)
    if not np.isfinite(a).all() or (a < 0).any():
        bad = int(np.flatnonzero(~(np.isfinite(a) & (a >= 0)).all(axis=(1, 2)))[0])
        as_supermatrix(a[bad], tol)  # raises, naming the entry
    sums = a.sum(axis=1)
    sink = ~a.any(axis=1)
    off = ~sink & (np.abs(sums - 1.0) > max(tol * n, 1e-12))
    if off.any():
        as_supermatrix(a[int(np.flatnonzero(off.any(axis=1))[0])], tol)  # raises
    p = a / np.where(sink, 1.0, sums)[:, None, :]
    k_idx, j_idx = np.nonzero(sink)
    p[k_idx, j_idx, j_idx] = 1.0
    pattern = p[0] > 0
    if not ((p > 0) == pattern).all():
        return np.stack([_exact(q) for q in p]).reshape(shape)
    out, ok = _exact_stack(p)
    for k in np.flatnonzero(~ok):
        out[k] = _exact(p[k])
    return out.reshape(shape)


def _stationary_stack(p: np.ndarray) -> np.ndarray:
    """Stationary vectors (K, m) of a stack of irreducible column-stochastic matrices (one
    batched solve, as in :func:`_stationary`); NaN rows where the solve failed or where its
    condition estimate exceeds :data:`_CONDITION_MAX` (a nearly decomposable matrix, whose
    small residual does not make the solution accurate: :func:`_exact` uses GTH there)."""
    k, m = p.shape[0], p.shape[-1]
    if m == 1:
        return np.ones((k, 1))
    lhs = p.copy()
    diag = np.arange(m)
    lhs[:, diag, diag] = 0.0
    lhs[:, diag, diag] = -lhs.sum(axis=1)
    lhs[:, -1, :] = 1.0
    rhs = np.zeros((k, m, 2))
    rhs[:, -1, 0] = 1.0
    rhs[:, :, 1] = np.random.default_rng(0).choice([-1.0, 1.0], m)  # _stationary's probe
    try:
        both = np.linalg.solve(lhs, rhs)
    except np.linalg.LinAlgError:
        return np.full((k, m), np.nan)
    condition = np.abs(both[:, :, 1]).max(axis=1) * np.abs(lhs).sum(axis=2).max(axis=1)
    return np.where((condition <= _CONDITION_MAX)[:, None], both[:, :, 0], np.nan)


def _exact_stack(p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_exact` for a stack sharing one pattern; also whether each result passed the
    checks (stationarity, no negative entries, mass conserved)."""
    kk, n = p.shape[0], p.shape[-1]
    ncomp, label = _classes(p[0])
    if ncomp == 1:
        pi = _stationary_stack(p)
        residual = np.abs(np.einsum("kij,kj->ki", p, pi) - pi).sum(axis=1)
        ok = np.isfinite(residual) & (residual <= _CHECK_TOL) & (pi.min(axis=1) >= -_CHECK_TOL)
        pi = np.clip(np.nan_to_num(pi), 0.0, None)
        pi /= np.where(pi.sum(axis=1, keepdims=True) > 0, pi.sum(axis=1, keepdims=True), 1.0)
        return np.repeat(pi[:, :, None], n, axis=2), ok
    leaks = np.zeros(ncomp, dtype=bool)
    rows, cols = np.nonzero(p[0])
    leaks[label[cols[label[rows] != label[cols]]]] = True
    closed = np.flatnonzero(~leaks)
    ok = np.ones(kk, dtype=bool)
    pis = np.zeros((kk, n, len(closed)))
    for c, comp in enumerate(closed):
        idx = np.flatnonzero(label == comp)
        sub = p[:, idx][:, :, idx]
        pi = _stationary_stack(sub)
        residual = np.abs(np.einsum("kij,kj->ki", sub, pi) - pi).sum(axis=1)
        ok &= np.isfinite(residual) & (residual <= _CHECK_TOL) & (pi.min(axis=1) >= -_CHECK_TOL)
        pi = np.clip(np.nan_to_num(pi), 0.0, None)
        pis[:, idx, c] = pi / np.where(pi.sum(axis=1, keepdims=True) > 0,
                                       pi.sum(axis=1, keepdims=True), 1.0)
    recurrent = np.isin(label, closed)
    trans, rec = np.flatnonzero(~recurrent), np.flatnonzero(recurrent)
    limit = np.empty((kk, n, n))
    limit[:, :, rec] = pis[:, :, np.searchsorted(closed, label[rec])]
    if trans.size:
        into = np.zeros((kk, len(closed), len(trans)))
        target = np.searchsorted(closed, label[rec])
        for c in range(len(closed)):
            into[:, c, :] = p[:, rec[target == c]][:, :, trans].sum(axis=1)
        i_q = -p[:, trans][:, :, trans]
        off_diag = p.copy()
        diag = np.arange(n)
        off_diag[:, diag, diag] = 0.0
        t = np.arange(len(trans))
        i_q[:, t, t] = off_diag.sum(axis=1)[:, trans]
        try:
            absorb = np.swapaxes(np.linalg.solve(np.swapaxes(i_q, 1, 2),
                                                 np.swapaxes(into, 1, 2)), 1, 2)
        except np.linalg.LinAlgError:
            return limit, np.zeros(kk, dtype=bool)
        residual = np.maximum(np.abs(absorb.sum(axis=1) - 1).max(axis=1), -absorb.min(axis=(1, 2)))
        ok &= np.isfinite(residual) & (residual <= _CHECK_TOL)
        absorb = np.clip(np.nan_to_num(absorb), 0.0, None)
        absorb /= np.where(absorb.sum(axis=1, keepdims=True) > 0,
                           absorb.sum(axis=1, keepdims=True), 1.0)
        limit[:, :, trans] = pis @ absorb
    return limit, ok
