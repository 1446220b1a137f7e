"""Exceptions raised by the ANP core.

Every exception derives from :class:`ANPError`, which is also a :class:`ValueError`, so callers
may catch either. Messages name entries by 0-based ``[row, col]``; for a stack of matrices they
start with the matrix index (``"matrix 3: entry [1, 2] = -2 is not positive"``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class ANPError(ValueError):
    """Root of all ANP errors."""


class NotSquareError(ANPError):
    """A matrix (or each matrix of a stack) is not n x n."""


class InvalidEntryError(ANPError):
    """An entry is non-positive (pairwise matrices), negative (supermatrices) or non-finite."""


class NotReciprocalError(ANPError):
    """A pairwise matrix breaks A[j, i] = 1 / A[i, j], has a diagonal entry other than 1, or has
    a missing (NaN) entry whose mirror is present."""


class NotColumnStochasticError(ANPError):
    """A supermatrix column neither sums to 1 nor is all zero."""


class DisconnectedComparisonsError(ANPError):
    """The known judgments of an incomplete matrix do not connect all items.

    ``unreachable`` lists the items (labels if given, else 0-based indices) that no chain of
    known comparisons links to ``reference``, the first item of the largest linked group (the
    first item when the groups are equal in size).
    """

    def __init__(self, message: str, unreachable: Sequence[int | str],
                 reference: int | str = 0) -> None:
        super().__init__(message)
        self.unreachable = list(unreachable)
        self.reference = reference


class ConvergenceError(ANPError):
    """An iterative or linear-algebra computation did not reach the requested accuracy."""

    def __init__(self, message: str, iterations: int, residual: float) -> None:
        super().__init__(message)
        self.iterations = iterations
        self.residual = residual


class NetworkError(ANPError):
    """Misuse of a :class:`anp.Network`: unknown or duplicate names, wrong vector length, etc."""


def float_array(value: object, what: str) -> np.ndarray:
    """``value`` as a float array; :class:`InvalidEntryError` when it is not numeric or ragged."""
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InvalidEntryError(f"{what} must be an array of numbers: {exc}") from None


def is_int(value: object) -> bool:
    """True for a Python or numpy integer, not for a bool."""
    return not isinstance(value, bool) and isinstance(value, int | np.integer)


def as_int(value: object, what: str) -> int:
    """``value`` as an int; :class:`ANPError` when it is not an integer (a bool is refused)."""
    if not is_int(value):
        raise ANPError(f"{what} must be an integer; got {value!r}")
    return int(value)  # type: ignore[call-overload]  # is_int: an int or a numpy integer


def as_float(value: object, what: str) -> float:
    """``value`` as a float; :class:`InvalidEntryError` when it is not a number."""
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InvalidEntryError(f"{what} must be a number; got {value!r}") from None
