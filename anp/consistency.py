"""Consistency of pairwise matrices: lambda_max, CI, CR, and which judgments to revisit.

``CI = (lambda_max - n) / (n - 1)`` and ``CR = CI / RI(n)`` (Saaty 1977, J. Math. Psych.
15:234-281). A matrix passes when CR <= 0.05 (n = 3), 0.08 (n = 4) or 0.10 (n >= 5) (Saaty 1994,
"How to make a decision: the analytic hierarchy process", Interfaces 24(6):19-43). Matrices of
order 1 and 2 are always consistent (CR = 0).

Random index RI(n) -- the mean CI of random reciprocal matrices whose upper entries are drawn
uniformly from the 17 Saaty values 1/9..1/2, 1..9:

* n = 3..15: the simulated values of Alonso & Lamata (2006), "Consistency in the analytic
  hierarchy process: a new approach", Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems
  14(4):445-459, Table 1 (``_ALONSO_LAMATA``).
* n >= 16: their fitted linear relation for the mean lambda_max of random matrices,
  ``lambda_max = 2.7699 n - 4.3513``, i.e. ``RI(n) = (1.7699 n - 4.3513) / (n - 1)``.
  At n = 15 the fit and the table differ by 0.002, so there is no jump at n = 16; the tests
  check both against a fresh Monte Carlo estimate.

Incomplete matrices (NaN = missing) are first completed with ``w_i / w_j`` from Harker's
priorities (:func:`anp.pairwise.complete_matrix`); their CR is the CR of the completed matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from anp.errors import ANPError, InvalidEntryError, as_float, as_int, float_array
from anp.pairwise import _eigen, _prepare, priority_stack

SAATY_SCALE: tuple[float, ...] = tuple(1.0 / k for k in range(9, 1, -1)) + tuple(
    float(k) for k in range(1, 10))
"""The 17 values of Saaty's 1-9 scale and their reciprocals, ascending."""
_LOG_SCALE = np.log(SAATY_SCALE)

_ALONSO_LAMATA = {3: 0.5245, 4: 0.8815, 5: 1.1086, 6: 1.2479, 7: 1.3417, 8: 1.4056, 9: 1.4499,
                  10: 1.4854, 11: 1.5141, 12: 1.5365, 13: 1.5551, 14: 1.5713, 15: 1.5838}


def random_index(n: int) -> float:
    """Random index RI(n) for a matrix of order n (0 for n <= 2); see the module docstring."""
    if as_int(n, "matrix order") < 1:
        raise ANPError(f"matrix order must be >= 1, got {n}")
    if n <= 2:
        return 0.0
    if n in _ALONSO_LAMATA:
        return _ALONSO_LAMATA[n]
    return (1.7699 * n - 4.3513) / (n - 1)


def cr_threshold(n: int) -> float:
    """Saaty's acceptable CR for order n: 0.05 (n=3), 0.08 (n=4), 0.10 otherwise."""
    return {3: 0.05, 4: 0.08}.get(n, 0.10)


@dataclass(frozen=True)
class ConsistencyResult:
    """Consistency figures of one pairwise matrix."""

    n: int
    lambda_max: float
    ci: float
    cr: float
    random_index: float
    threshold: float
    passes: bool


@dataclass(frozen=True)
class JudgmentSuggestion:
    """A judgment A[row, col] (row < col) that disagrees with the rest of the matrix."""

    row: int
    col: int
    current: float
    suggested: float
    suggested_saaty: float
    cr_after: float


def _lambda_cr(flat: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """lambda_max, CI, CR of a validated, connected stack (K, n, n)."""
    return _from_lambda(flat.shape[-1], _eigen(flat)[1] if flat.shape[-1] > 2 else None,
                        flat.shape[0])


def _from_lambda(n: int, lam: np.ndarray | None, k: int) -> tuple[
        np.ndarray, np.ndarray, np.ndarray]:
    """lambda_max, CI, CR of K matrices of order n from their principal eigenvalues (unused,
    may be None, for n <= 2: such matrices are always consistent).

    For an incomplete matrix ``lam`` is the eigenvalue of Harker's matrix B, which is also the
    lambda_max of the matrix completed with ``w_i / w_j``: for a gap (i, j) the completed row
    adds ``(w_i / w_j) w_j = w_i`` where B adds 1 to the diagonal, so ``C w = B w = lam w``, and
    w > 0 makes lam the Perron root of C."""
    if n <= 2:
        zero = np.zeros(k)
        return zero + n, zero, zero
    if lam is None:
        raise TypeError(f"the principal eigenvalues of order-{n} matrices are needed")
    ci = np.maximum((lam - n) / (n - 1), 0.0)  # lambda_max >= n; clip rounding below it
    return lam, ci, ci / random_index(n)


def solve_stack(flat: np.ndarray, method: str = "eigen") -> tuple[
        np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Priorities (K, n), lambda_max, CI and CR (K,) of a validated, connected stack
    (K, n, n) from one eigen-solve per matrix (the kernel behind :func:`anp.solve_pairwise`;
    no checks: pass only what :func:`anp.validate_pairwise` accepted)."""
    n = flat.shape[-1]
    w, lam = _eigen(flat)
    if method == "geometric":
        w = priority_stack(flat, "geometric")
    return (w, *_from_lambda(n, lam, flat.shape[0]))


def consistency(matrix: np.ndarray | Sequence,
                labels: Sequence[str] | None = None) -> ConsistencyResult:
    """Consistency figures of one pairwise matrix (NaN = missing judgment)."""
    a = float_array(matrix, "pairwise matrix")
    if a.ndim != 2:
        raise ANPError(f"consistency() takes one n x n matrix, got shape {a.shape}; "
                       "use consistency_ratio() for a stack")
    flat = _prepare(a, labels)
    n = a.shape[0]
    lam, ci, cr = (float(x[0]) for x in _lambda_cr(flat))
    threshold = cr_threshold(n)
    return ConsistencyResult(n=n, lambda_max=lam, ci=ci, cr=cr, random_index=random_index(n),
                             threshold=threshold, passes=cr <= threshold)


def consistency_ratio(matrix: np.ndarray | Sequence,
                      labels: Sequence[str] | None = None) -> float | np.ndarray:
    """CR of a pairwise matrix (a float) or of each matrix of a stack (an array)."""
    a = float_array(matrix, "pairwise matrix")
    flat = _prepare(a, labels)
    cr = _lambda_cr(flat)[2]
    return float(cr[0]) if a.ndim == 2 else cr.reshape(a.shape[:-2])


def nearest_saaty(x: float) -> float:
    """The Saaty-scale value (1/9..9) nearest to x in log space (x positive; inf gives 9)."""
    v = as_float(x, "a judgment")
    if not v > 0:  # also NaN
        raise InvalidEntryError(f"{x!r} is not a positive judgment")
    return SAATY_SCALE[int(_saaty_index(v))]


def _saaty_index(values: np.ndarray | float) -> np.ndarray:
    """Index in :data:`SAATY_SCALE` of the scale value nearest to each positive value in log
    space. Values are clipped to [1/9, 9] first, so those beyond go to the ends (even inf, whose
    log is at no finite distance from any scale value)."""
    logs = np.log(np.clip(values, SAATY_SCALE[0], SAATY_SCALE[-1]))
    return np.abs(np.asarray(logs)[..., None] - _LOG_SCALE).argmin(axis=-1)


def inconsistency_suggestions(matrix: np.ndarray | Sequence, k: int = 3,
                              labels: Sequence[str] | None = None) -> list[JudgmentSuggestion]:
    """The k known judgments that contribute most to inconsistency, worst first.

    Contribution of A[i, j] is ``|log(A[i, j] * w_j / w_i)|`` with w the (Harker) eigen
    priorities; judgments that already agree (contribution < 1e-9) are never suggested. Each
    suggestion carries the agreeing value ``w_i / w_j``, its nearest Saaty-scale value and the CR
    after replacing A[i, j] by that Saaty value (and A[j, i] by its reciprocal).
    """
    a = float_array(matrix, "pairwise matrix")
    if a.ndim != 2:
        raise ANPError(f"inconsistency_suggestions() takes one n x n matrix, got {a.shape}")
    flat = _prepare(a, labels)
    n = a.shape[0]
    if n <= 2 or as_int(k, "k") <= 0:
        return []
    w = _eigen(flat)[0][0]
    rows, cols = np.triu_indices(n, 1)
    known = ~np.isnan(a[rows, cols])
    rows, cols = rows[known], cols[known]
    err = np.abs(np.log(a[rows, cols] * w[cols] / w[rows]))
    order = [o for o in np.argsort(-err, kind="stable")[:k] if err[o] > 1e-9]
    if not order:
        return []
    trial = np.repeat(a[None], len(order), axis=0)
    saaty = [nearest_saaty(w[rows[o]] / w[cols[o]]) for o in order]
    for t, (o, s) in enumerate(zip(order, saaty, strict=True)):
        trial[t, rows[o], cols[o]] = s
        trial[t, cols[o], rows[o]] = 1.0 / s
    cr_after = _lambda_cr(trial)[2]
    return [JudgmentSuggestion(row=int(rows[o]), col=int(cols[o]),
                               current=float(a[rows[o], cols[o]]),
                               suggested=float(w[rows[o]] / w[cols[o]]),
                               suggested_saaty=s, cr_after=float(c))
            for o, s, c in zip(order, saaty, cr_after, strict=True)]
