"""Every error class, raised by a bad input, with its message."""

from __future__ import annotations

import numpy as np
import pytest

import anp
from anp import errors

NAN = np.nan


def test_root_is_value_error():
    for cls in (errors.NotSquareError, errors.InvalidEntryError, errors.NotReciprocalError,
                errors.NotColumnStochasticError, errors.DisconnectedComparisonsError,
                errors.ConvergenceError, errors.NetworkError):
        assert issubclass(cls, anp.ANPError)
    assert issubclass(anp.ANPError, ValueError)


def test_not_square():
    with pytest.raises(anp.NotSquareError, match=r"shape \(2, 3\)"):
        anp.priority(np.ones((2, 3)))


def test_non_positive_names_entry_and_stack_index():
    a = np.ones((5, 3, 3))
    a[3, 1, 2] = -2
    with pytest.raises(anp.InvalidEntryError, match=r"^matrix 3: entry \[1, 2\] = -2 is not "):
        anp.priority(a)


def test_non_finite():
    a = np.ones((3, 3))
    a[0, 2], a[2, 0] = np.inf, 0
    with pytest.raises(anp.InvalidEntryError, match=r"entry \[0, 2\] = inf is not finite"):
        anp.consistency(a)


def test_not_reciprocal_with_labels():
    a = [[1, 2, 3], [1 / 2, 1, 4], [1 / 3, 1 / 2, 1]]
    with pytest.raises(anp.NotReciprocalError,
                       match=r"\[1, 2\] \(B vs C\) = 4 and \[2, 1\] = 0.5 are not reciprocal"):
        anp.priority(a, labels=["A", "B", "C"])


def test_reciprocal_tolerance_accepts_rounded_thirds():
    anp.priority([[1, 3], [0.3333333333333333, 1]])
    anp.priority([[1, 3], [0.3333334, 1]])
    with pytest.raises(anp.NotReciprocalError):
        anp.priority([[1, 3], [0.334, 1]])


def test_bad_diagonal_and_one_sided_gap():
    with pytest.raises(anp.NotReciprocalError, match=r"diagonal entry \[1, 1\] = 2 must be 1"):
        anp.priority([[1, 1], [1, 2]])
    with pytest.raises(anp.NotReciprocalError,
                       match=r"entry \[0, 1\] is missing but \[1, 0\] = 0.5 is not"):
        anp.priority([[1, NAN], [0.5, 1]])


def test_disconnected_names_unreachable_items():
    a = np.full((4, 4), NAN)
    np.fill_diagonal(a, 1)
    a[0, 1], a[1, 0], a[2, 3], a[3, 2] = 2, 0.5, 3, 1 / 3
    with pytest.raises(anp.DisconnectedComparisonsError, match=r"\['C', 'D'\]") as exc:
        anp.priority(a, labels=["A", "B", "C", "D"])
    assert exc.value.unreachable == ["C", "D"]
    with pytest.raises(anp.DisconnectedComparisonsError, match=r"\[2, 3\]") as exc:
        anp.priority(a, "geometric")
    assert exc.value.unreachable == [2, 3]
    with pytest.raises(anp.DisconnectedComparisonsError):
        anp.consistency(a)


def test_unknown_method():
    with pytest.raises(anp.ANPError, match="unknown method 'median'"):
        anp.priority([[1.0]], method="median")
