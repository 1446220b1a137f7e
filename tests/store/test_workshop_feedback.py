"""Delphi feedback: my judgments against the group's geometric mean, the best single change."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import pytest
from store_testdata import tiny_model

import anp
from swot.workshop import consensus_by_matrix
from swot.workshop_feedback import best_change, feedback_table


@dataclass
class Sub:
    participant_name: str
    judgments: dict[str, Any]
    judged: tuple[str, ...] | None = ("judgments.groups",)
    weight: float = 1.0


def _person(name: str, sw: float, so: float = 1.0) -> Sub:
    judgments = copy.deepcopy(tiny_model()["judgments"])
    judgments["groups"] = [[1.0] * 4 for _ in range(4)]
    for (i, j), value in {(0, 1): sw, (0, 2): so}.items():
        judgments["groups"][i][j], judgments["groups"][j][i] = value, 1 / value
    return Sub(name, judgments)


def test_feedback_against_the_group_geometric_mean() -> None:
    model = tiny_model()
    group = [_person("A", 9), _person("B", 1), _person("C", 1)]
    table = feedback_table(model, group[0], group, "judgments.groups").set_index(
        ["item_i", "item_j"])
    # S:W: the group's geometric mean of 9, 1, 1 is 9^(1/3) = 2.080; mine is 9 / 2.080 = 4.33x
    assert table.loc[("S", "W"), "group"] == pytest.approx(9 ** (1 / 3))
    assert table.loc[("S", "W"), "factor"] == pytest.approx(9 ** (2 / 3))
    assert table.loc[("S", "O"), "factor"] == pytest.approx(1)
    assert feedback_table(model, group[0], group, "judgments.factors.S").empty  # not judged


def test_best_change_moves_the_dissenting_judgment() -> None:
    model = tiny_model()
    group = [_person("A", 9, so=2), _person("B", 1), _person("C", 1)]
    suggestion = best_change(model, group[0], group)
    assert suggestion is not None
    assert (suggestion.matrix, suggestion.item_i, suggestion.item_j) == (
        "judgments.groups", "S", "W")
    # the group's mean 9^(1/3) = 2.08 is nearest to 2 on Saaty's scale (log distance)
    assert (suggestion.current, suggestion.suggested) == (9, 2)
    assert suggestion.after > suggestion.before
    # the consensus after the change, recomputed independently
    a = [[[1.0] * 4 for _ in range(4)] for _ in range(3)]
    for k, (sw, so) in enumerate(((2, 2), (1, 1), (1, 1))):
        a[k][0][1], a[k][1][0], a[k][0][2], a[k][2][0] = sw, 1 / sw, so, 1 / so
    assert suggestion.after == pytest.approx(anp.ahp_consensus(anp.priority(a)))
    # before: the S* the facilitator's consensus table shows for the same submissions
    assert suggestion.before == pytest.approx(consensus_by_matrix(model, group)["judgments.groups"])


def test_feedback_weighs_people_as_the_group_results_do() -> None:
    """A facilitator's weights (3, 1, 1) count in the group mean the participant is shown and
    in the S* of the suggestion, as in the group's judgments and the consensus table."""
    model = tiny_model()
    group = [_person("A", 9, so=2), _person("B", 1), _person("C", 1)]
    group[0].weight = 3.0
    table = feedback_table(model, group[0], group, "judgments.groups").set_index(
        ["item_i", "item_j"])
    # S:W: weighted geometric mean (9^3 * 1 * 1)^(1/5) = 9^(3/5) = 3.737; mine 9 / 9^(3/5) = 9^(2/5)
    assert table.loc[("S", "W"), "group"] == pytest.approx(9 ** (3 / 5))
    assert table.loc[("S", "W"), "factor"] == pytest.approx(9 ** (2 / 5))
    suggestion = best_change(model, group[0], group)
    assert suggestion is not None
    # 3.737 lies between 3 and 4; ln 3.737 = 1.318 is nearer ln 4 = 1.386 than ln 3 = 1.099
    assert (suggestion.item_i, suggestion.item_j, suggestion.suggested) == ("S", "W", 4)
    assert suggestion.before == pytest.approx(consensus_by_matrix(model, group)["judgments.groups"])
    a = [[[1.0] * 4 for _ in range(4)] for _ in range(3)]
    for k, (sw, so) in enumerate(((4, 2), (1, 1), (1, 1))):
        a[k][0][1], a[k][1][0], a[k][0][2], a[k][2][0] = sw, 1 / sw, so, 1 / so
    assert suggestion.after == pytest.approx(anp.ahp_consensus(anp.priority(a), [3, 1, 1]))


def test_no_suggestion_when_everyone_agrees() -> None:
    group = [_person("A", 3), _person("B", 3)]
    assert best_change(tiny_model(), group[0], group) is None
