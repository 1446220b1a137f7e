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
    with pytest.raises(anp.NotReciprocalError,
                       match=r"0\.334 are not reciprocal \(expected \[1, 0\] = 0\.333333\)"):
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
    with pytest.raises(anp.DisconnectedComparisonsError,
                       match=r"do not connect items \[2, 3\] to item 0"):
        anp.consistency(a)


@pytest.mark.parametrize("blank", [0, 1, 3])
def test_blank_row_names_that_item_wherever_it_stands(blank):
    # A consistent 4x4 matrix with every judgment of item `blank` removed: the other three
    # stay linked, so the error must name `blank` alone (not the three others when blank = 0).
    w = np.array([4.0, 3.0, 2.0, 1.0])
    a = w[:, None] / w[None, :]
    a[blank, :] = a[:, blank] = NAN
    a[blank, blank] = 1
    labels = ["A", "B", "C", "D"]
    for call in (lambda: anp.priority(a, labels=labels),
                 lambda: anp.priority(a, "geometric", labels=labels),
                 lambda: anp.complete_matrix(a, labels=labels),
                 lambda: anp.consistency(a, labels=labels)):
        with pytest.raises(anp.DisconnectedComparisonsError,
                           match=r"the known judgments do not connect items") as exc:
            call()
        assert exc.value.unreachable == [labels[blank]]
        assert exc.value.reference == ("B" if blank == 0 else "A")


def test_disconnected_matrix_in_a_stack_is_named_by_index():
    good = np.array([[1, 2, NAN], [0.5, 1, 3], [NAN, 1 / 3, 1]])  # a chain: linked
    bad = np.array([[1, NAN, NAN], [NAN, 1, 2], [NAN, 0.5, 1]])
    with pytest.raises(anp.DisconnectedComparisonsError,
                       match=r"^matrix 2: .*items \[0\] to item 1") as exc:
        anp.priority(np.stack([good, good, bad]))
    assert exc.value.unreachable == [0]
    assert exc.value.reference == 1


def test_unknown_method():
    with pytest.raises(anp.ANPError, match="unknown method 'median'"):
        anp.priority([[1.0]], method="median")


def test_disconnected_matrix_in_a_nested_stack_is_named_like_other_errors():
    # A (2, 2, 3, 3) stack whose matrix at index (1, 0) has item 0 unlinked. The message must
    # name it "matrix (1, 0)", as validate_pairwise names entries of nested stacks (see
    # test_errors' "matrix 3:"), not by its position 2 in the flattened stack, which is not
    # a valid index of the caller's first axis.
    good = np.array([[1, 2, NAN], [0.5, 1, 3], [NAN, 1 / 3, 1]])
    bad = np.array([[1, NAN, NAN], [NAN, 1, 2], [NAN, 0.5, 1]])
    stack = np.stack([good, good, bad, good]).reshape(2, 2, 3, 3)
    with pytest.raises(anp.DisconnectedComparisonsError,
                       match=r"^matrix \(1, 0\): .*items \[0\] to item 1"):
        anp.priority(stack)
    with pytest.raises(anp.NotReciprocalError, match=r"^matrix \(1, 0\): "):
        broken = stack.copy()
        broken[1, 0, 1, 2] = 3
        anp.priority(broken)


@pytest.mark.parametrize("call", [
    lambda: anp.priority([["a", 1], [1, 1]]),
    lambda: anp.priority([[1, 2], [0.5]]),  # ragged
    lambda: anp.consistency([[1, "x"], ["y", 1]]),
    lambda: anp.consistency_ratio("matrix"),
    lambda: anp.inconsistency_suggestions([[1, {}], [1, 1]]),
    lambda: anp.limit_matrix([["x"]]),
    lambda: anp.aggregate_judgments([[[1, "b"], [1, 1]]]),
    lambda: anp.aggregate_priorities([[0.5, 0.5]], weights=["heavy"]),
    lambda: anp.synthesize([["a"]], rows=[0]),
])
def test_non_numeric_input_is_an_invalid_entry_error(call):
    with pytest.raises(anp.InvalidEntryError, match="must be an array of numbers"):
        call()


@pytest.mark.parametrize("x", [0.0, -1.0, NAN])
def test_nearest_saaty_refuses_non_positive(x):
    with pytest.raises(anp.InvalidEntryError, match="is not a positive judgment"):
        anp.nearest_saaty(x)


def test_nearest_saaty_ends_and_middle():
    # log-space nearest: sqrt(2 * 3) = 2.449 is the midpoint between 2 and 3
    assert anp.nearest_saaty(np.inf) == 9 and anp.nearest_saaty(1e-9) == pytest.approx(1 / 9)
    assert anp.nearest_saaty(2.4) == 2 and anp.nearest_saaty(2.5) == 3


def _network() -> anp.Network:
    net = anp.Network()
    net.add_cluster("G", ["g"])
    net.add_cluster("A", ["a", "b"])
    return net


@pytest.mark.parametrize(("call", "match"), [
    (lambda: anp.random_index("3"), r"matrix order must be an integer"),
    (lambda: anp.nearest_saaty("x"), r"a judgment must be a number"),
    (lambda: anp.nearest_saaty(None), r"a judgment must be a number"),
    (lambda: anp.inconsistency_suggestions(np.ones((3, 3)), k=1.5), r"k must be an integer"),
    (lambda: anp.synthesize(np.eye(3), ["a"]), r"rows must be an array of numbers"),
    (lambda: anp.synthesize(np.eye(3), [0.5]), r"rows must be integer indices"),
    (lambda: anp.synthesize(np.eye(3), [np.inf]), r"rows must be integer indices"),
    (lambda: anp.priority(np.ones((2, 2)), labels=5), r"labels must be a sequence of 2 names"),
    (lambda: anp.synthesize(np.eye(3), [0], column=1.5), r"column must be an integer"),
    (lambda: anp.synthesize(np.eye(3), [0], column="a"), r"column must be an integer"),
    (lambda: anp.limit_matrix(np.eye(2), tol="a"), r"tol must be a number"),
    (lambda: anp.limit_matrix(np.full((2, 2), 0.5), method="power", max_iter=2.5),
     r"max_iter must be an integer"),
    (lambda: _network().set_priorities("g", "A", ["x", "y"]),
     r"priorities must be an array of numbers"),
    (lambda: _network().set_priorities("g", "A", {"a": "x"}),
     r"priorities must be an array of numbers"),
    (lambda: _network().set_priorities("g", "A", [[1], [1, 2]]),
     r"priorities must be an array of numbers"),
    (lambda: _network().set_priorities("g", "A", {"a": [1, 2]}),
     r"priorities must be an array of numbers"),
    (lambda: _network().set_cluster_weights("G", {"A": "x"}),
     r"cluster weights must be an array of numbers"),
    (lambda: _network().set_cluster_weights("G", {"A": [1, 2]}),
     r"cluster weights for 'G' must be finite, >= 0 and not all 0"),
])
def test_bad_scalar_or_entry_is_an_anp_error(call, match):
    # Each of these ended in numpy's or Python's own TypeError, ValueError or IndexError.
    with pytest.raises(anp.ANPError, match=match):
        call()
