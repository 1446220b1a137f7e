"""Priority vectors of pairwise comparison matrices, complete or with missing judgments.

``A[i, j]`` says how much more important item i is than item j; ``A[j, i] = 1 / A[i, j]``
(checked with relative tolerance ``RECIPROCAL_RTOL``) and ``A[i, i] = 1``. NaN marks a missing
judgment and must be missing on both sides. Every function takes one n x n matrix or a stack
shaped (..., n, n) and processes the whole stack with array operations.

Methods of :func:`priority`:

* ``"eigen"`` -- principal right eigenvector (Saaty 1977, J. Math. Psych. 15:234-281). Missing
  judgments are handled by Harker's method (Harker 1987, "Incomplete pairwise comparisons in the
  analytic hierarchy process", Math. Modelling 9(11):837-848): each gap becomes 0 and the
  diagonal entry of its row becomes 1 + the number of gaps in that row.
* ``"geometric"`` -- row geometric mean, i.e. the logarithmic least squares solution (Crawford &
  Williams 1985, J. Math. Psych. 29:387-405). Missing judgments: least squares fit of
  ``log w_i - log w_j`` to the known ``log A[i, j]`` (Kwiesielewicz 1996, EJOR 93:611-619); for a
  complete matrix this is exactly the row geometric mean.

If the known judgments do not connect all items the priorities are not determined and
:class:`~anp.errors.DisconnectedComparisonsError` names the items not linked to the first one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np

from anp.errors import (
    ANPError,
    DisconnectedComparisonsError,
    InvalidEntryError,
    NotReciprocalError,
    NotSquareError,
    float_array,
)

RECIPROCAL_RTOL = 1e-6
#: Power method (:func:`_principal`): stop when no priority moves by more than this.
POWER_TOL = 1e-15
#: Matrices up to this order iterate with B^16 (repeated squaring), larger ones with B.
SQUARING_MAX_N = 12
SQUARING_STEPS = 30  # products with B^16 before falling back to numpy.linalg.eig
MATVEC_STEPS = 500  # products with B before falling back to numpy.linalg.eig
_RESIDUAL_TOL = 1e-12
_WIDE_SPAN = np.log(1e6)  # priorities spanning more than this ratio are rescaled first
# A complete matrix with entries in [1/1e3, 1e3] is never wide: its log-least-squares
# priorities are the row means of log A, so they span at most 2 log(1e3) = log(1e6).
_NARROW_ENTRY = np.sqrt(1e6)

Method = Literal["eigen", "geometric"]


def _fmt(x: float) -> str:
    return f"{x:.6g}"


def _where(pos: tuple[int, ...]) -> tuple[str, int, int]:
    """Split an ``argwhere`` row into (stack prefix, i, j)."""
    *lead, i, j = (int(p) for p in pos)
    prefix = ""
    if lead:
        prefix = f"matrix {lead[0] if len(lead) == 1 else tuple(lead)}: "
    return prefix, i, j


def _entry(i: int, j: int, labels: Sequence[str] | None) -> str:
    name = f"[{i}, {j}]"
    if labels is not None:
        name += f" ({labels[i]} vs {labels[j]})"
    return name


def _item(i: int, labels: Sequence[str] | None) -> int | str:
    return labels[i] if labels is not None else i


def validate_pairwise(matrix: np.ndarray | Sequence, labels: Sequence[str] | None = None) -> (
    np.ndarray
):
    """Return the matrix (or stack) as a float array, raising a specific ANPError if invalid."""
    a = float_array(matrix, "pairwise matrix")
    if a.ndim < 2 or a.shape[-1] != a.shape[-2] or a.shape[-1] == 0:
        raise NotSquareError(f"pairwise matrix must be n x n (or a stack ..., n, n); "
                             f"got shape {a.shape}")
    n = a.shape[-1]
    if labels is not None and (not hasattr(labels, "__len__") or len(labels) != n):
        raise ANPError(f"labels must be a sequence of {n} names; got {labels!r}")
    bad = np.isinf(a)
    if bad.any():
        pos = tuple(np.argwhere(bad)[0])
        p, i, j = _where(pos)
        raise InvalidEntryError(f"{p}entry {_entry(i, j, labels)} = {a[pos]} is not finite")
    bad = a <= 0
    if bad.any():
        pos = tuple(np.argwhere(bad)[0])
        p, i, j = _where(pos)
        raise InvalidEntryError(f"{p}entry {_entry(i, j, labels)} = {_fmt(a[pos])} "
                                "is not positive")
    diag = np.diagonal(a, axis1=-2, axis2=-1)
    bad = ~(np.abs(diag - 1.0) <= RECIPROCAL_RTOL)
    if bad.any():
        *lead, i = (int(x) for x in np.argwhere(bad)[0])
        p, _, _ = _where((*lead, i, i))
        raise NotReciprocalError(f"{p}diagonal entry [{i}, {i}] = {_fmt(diag[(*lead, i)])} "
                                 "must be 1")
    t = np.swapaxes(a, -1, -2)
    miss = np.isnan(a)
    if miss.any():
        bad = miss & ~np.isnan(t)
        if bad.any():
            pos = tuple(np.argwhere(bad)[0])
            p, i, j = _where(pos)
            raise NotReciprocalError(f"{p}entry {_entry(i, j, labels)} is missing but "
                                     f"[{j}, {i}] = {_fmt(t[pos])} is not")
    with np.errstate(invalid="ignore"):
        bad = np.abs(a * t - 1.0) > RECIPROCAL_RTOL
    if bad.any():
        pos = tuple(np.argwhere(np.triu(bad, 1))[0])
        p, i, j = _where(pos)
        x, y = a[pos], t[pos]
        raise NotReciprocalError(f"{p}entries {_entry(i, j, labels)} = {_fmt(x)} and "
                                 f"[{j}, {i}] = {_fmt(y)} are not reciprocal "
                                 f"(expected [{j}, {i}] = {_fmt(1 / x)})")
    return a


def _check_connected(a: np.ndarray, labels: Sequence[str] | None,
                     lead: tuple[int, ...] = ()) -> None:
    """Raise if the known judgments of any matrix in the stack (K, n, n) leave items unlinked.

    The error names the items outside the largest linked group (on a tie, the group of the
    first item), so a single item with a blank row is the one named, wherever it stands.
    ``lead`` is the stack shape before flattening to K, so the matrix is named by its index
    in the caller's stack, as :func:`validate_pairwise` names it."""
    n = a.shape[-1]
    reach = (~np.isnan(a)).astype(float)
    for _ in range(int(np.ceil(np.log2(max(n, 2))))):
        reach = ((reach @ reach) > 0).astype(float)
    size = reach.sum(axis=-1)  # (K, n): size of each item's linked group
    ref = np.argmax(size, axis=-1)  # first item of a largest group
    cut = np.take_along_axis(reach, ref[:, None, None], axis=1)[:, 0, :] == 0
    if cut.any():
        k = int(np.argmax(cut.any(axis=1)))
        items = [_item(int(i), labels) for i in np.flatnonzero(cut[k])]
        prefix = _where((*(int(i) for i in np.unravel_index(k, lead)), 0, 0))[0] if lead else ""
        first = _item(int(ref[k]), labels)
        raise DisconnectedComparisonsError(
            f"{prefix}the known judgments do not connect items {items} to item {first!r}; "
            "add a comparison linking them", items, first)


def _harker(a: np.ndarray) -> np.ndarray:
    """Harker's auxiliary matrix: gaps -> 0, diagonal -> 1 + number of gaps in the row."""
    miss = np.isnan(a)
    b = np.where(miss, 0.0, a)
    idx = np.arange(a.shape[-1])
    b[..., idx, idx] += miss.sum(axis=-1)
    return b


def _normalised_exp(v: np.ndarray) -> np.ndarray:
    """exp(v) scaled to sum 1 along the last axis, without overflow."""
    w = np.exp(v - v.max(axis=-1, keepdims=True))
    return w / w.sum(axis=-1, keepdims=True)


def _log_priorities(a: np.ndarray) -> np.ndarray:
    """Least-squares log priorities (K, n) of a stack (K, n, n), up to a constant per matrix."""
    miss = np.isnan(a)
    logs = np.where(miss, 0.0, np.log(np.where(miss, 1.0, a)))
    if miss.any():
        n = a.shape[-1]
        known = (~miss).astype(float)
        lap = -known
        idx = np.arange(n)
        lap[:, idx, idx] = known.sum(axis=-1) - 1.0  # degree without the diagonal self-loop
        lap += 1.0  # gauge: sum of log priorities = 0 (b sums to 0, so this is exact)
        v = np.linalg.solve(lap, logs.sum(axis=-1)[..., None])[..., 0]
    else:
        v = logs.mean(axis=-1)
    return v


def _matvec(b: np.ndarray, x: np.ndarray) -> np.ndarray:
    """``b @ x`` for stacks (K, n, n) and (K, n): einsum's loop beats batched matmul on small
    matrices (measured 1.6x at n = 30), BLAS wins on large ones."""
    if b.shape[-1] < 64:
        return np.einsum("kij,kj->ki", b, x)
    return np.matmul(b, x[..., None])[..., 0]


def _principal(b: np.ndarray, x: np.ndarray, tol: float = POWER_TOL,
               max_iter: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Principal eigenpair of a stack (K, n, n) of positive-diagonal irreducible non-negative
    matrices, starting from x (K, n).

    The power method is chosen by size: up to :data:`SQUARING_MAX_N` it iterates with
    ``B^16`` (four squarings, then at most :data:`SQUARING_STEPS` products), above it with
    ``B`` itself (matrix-vector products only, at most :data:`MATVEC_STEPS`), which costs
    O(n^2) per step instead of O(n^3) per squaring. Iteration stops when no entry of the
    normalised vector moves by more than ``tol``; matrices whose eigen-residual
    ``|B x - lambda x| / lambda`` is then above :data:`_RESIDUAL_TOL` go to
    ``numpy.linalg.eig``."""
    if b.shape[0] == 0:  # empty stack (0, n, n): nothing to iterate (max() has no identity)
        return x, np.zeros(0)
    n = b.shape[-1]
    if n <= SQUARING_MAX_N:
        step = b
        for _ in range(4):
            step = step @ step
        steps = SQUARING_STEPS if max_iter is None else max_iter
    else:
        step = b
        steps = MATVEC_STEPS if max_iter is None else max_iter
    x = x.copy()
    active = np.arange(b.shape[0])  # matrices still iterating; `step` holds only theirs
    xa = x
    for _ in range(steps):
        y = _matvec(step, xa)
        y /= y.sum(axis=-1, keepdims=True)
        moving = np.abs(y - xa).max(axis=-1) > tol
        xa = y
        if not moving.any():
            break
        if 2 * moving.sum() <= moving.size:  # compact: iterate only the unconverged ones
            x[active] = xa
            active, step, xa = active[moving], step[moving], xa[moving]
    x[active] = xa
    bx = np.matmul(b, x[..., None])[..., 0]
    lam = bx.sum(axis=-1)
    res = np.abs(bx - lam[:, None] * x).max(axis=-1) / lam
    slow = np.flatnonzero(~(res <= _RESIDUAL_TOL))
    if slow.size:
        vals, vecs = np.linalg.eig(b[slow])
        k = np.argmax(vals.real, axis=-1)
        v = np.abs(np.take_along_axis(vecs, k[:, None, None], axis=-1)[..., 0].real)
        x[slow] = v / v.sum(axis=-1, keepdims=True)
        lam[slow] = np.take_along_axis(vals.real, k[:, None], axis=-1)[:, 0]
    return x, lam


def _eigen(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Harker/Saaty eigen priorities and principal eigenvalue of a validated stack (K, n, n).

    Where the priorities span more than :data:`_WIDE_SPAN` (judgments far off Saaty's scale, or
    long chains of strong judgments), the eigenpair is computed on ``D^-1 B D`` with D the
    log-least-squares priorities: the same eigenvalue, entries near 1, so powering neither
    overflows nor loses the small priorities to rounding.
    """
    if a.max(initial=0.0) <= _NARROW_ENTRY:  # one pass: the max is NaN if a judgment is missing
        # complete and never wide (see _NARROW_ENTRY): start from the row sums, no logarithms
        x0 = a.sum(axis=-1)
        return _principal(a, x0 / x0.sum(axis=-1, keepdims=True))
    log_w = _log_priorities(a)
    if np.isnan(a).any():
        b = _harker(a)
        x0 = b.sum(axis=-1)
        x0 /= x0.sum(axis=-1, keepdims=True)
    else:
        b = a
        x0 = _normalised_exp(log_w)
    wide = np.flatnonzero(np.ptp(log_w, axis=-1) > _WIDE_SPAN)
    if not wide.size:
        return _principal(b, x0)
    b, x0 = b.copy(), x0.copy()
    v = log_w[wide]
    known = b[wide] > 0  # Harker's gaps are 0 and stay 0
    log_b = np.log(np.where(known, b[wide], 1.0))
    scaled = np.where(known, np.exp(log_b + v[:, None, :] - v[:, :, None]), 0.0)
    size = scaled.max(axis=(-2, -1))  # large only if the judgments are wildly inconsistent
    n = a.shape[-1]
    x_wide, lam_wide = _principal(scaled / size[:, None, None], np.full((len(wide), n), 1 / n))
    lam_wide *= size
    rest = np.setdiff1d(np.arange(len(a)), wide)
    x, lam = np.empty_like(x0), np.empty(len(a))
    if rest.size:
        x[rest], lam[rest] = _principal(b[rest], x0[rest])
    x[wide] = _normalised_exp(np.log(np.clip(x_wide, np.finfo(float).tiny, None)) + v)
    lam[wide] = lam_wide
    return x, lam


def _prepare(matrix: np.ndarray | Sequence, labels: Sequence[str] | None) -> np.ndarray:
    """Validate and reshape to (K, n, n); check connectivity when judgments are missing."""
    a = validate_pairwise(matrix, labels)
    n = a.shape[-1]
    flat = a.reshape(-1, n, n)
    if np.isnan(flat).any():
        _check_connected(flat, labels, a.shape[:-2])
    return flat


def priority_stack(flat: np.ndarray, method: Method = "eigen") -> np.ndarray:
    """Kernel of :func:`priority`: priorities (K, n) of a stack (K, n, n) that
    :func:`validate_pairwise` accepted and whose known judgments connect all items; no checks."""
    return _eigen(flat)[0] if method == "eigen" else _normalised_exp(_log_priorities(flat))


def priority(matrix: np.ndarray | Sequence, method: Method = "eigen",
             labels: Sequence[str] | None = None) -> np.ndarray:
    """Priority vector(s) summing to 1 of a pairwise matrix (n, n) or stack (..., n, n)."""
    a = float_array(matrix, "pairwise matrix")
    if method not in ("eigen", "geometric"):
        raise ANPError(f"unknown method {method!r}; use 'eigen' or 'geometric'")
    return priority_stack(_prepare(a, labels), method).reshape(a.shape[:-1])


def complete_matrix(matrix: np.ndarray | Sequence,
                    labels: Sequence[str] | None = None) -> np.ndarray:
    """Copy of the matrix (or stack) with each missing entry set to w_i / w_j, where w are the
    Harker eigen priorities; known entries are unchanged."""
    a = float_array(matrix, "pairwise matrix")
    flat = _prepare(a, labels)
    return (_fill_gaps(flat) if np.isnan(flat).any() else flat.copy()).reshape(a.shape)


def _fill_gaps(flat: np.ndarray) -> np.ndarray:
    """A validated, connected stack (K, n, n) with each gap set to w_i / w_j from the Harker
    eigen priorities (a copy if there are gaps, else ``flat`` itself)."""
    miss = np.isnan(flat)
    if not miss.any():
        return flat
    w = _eigen(flat)[0]
    flat = flat.copy()
    flat[miss] = (w[:, :, None] / w[:, None, :])[miss]
    return flat
