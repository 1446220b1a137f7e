"""Group results of a workshop: aggregation, consensus, disagreements, tables."""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from typing import Any

import pytest
from store_testdata import tiny_model

from swot.io import validate_data
from swot.store import Store, model_fingerprint
from swot.workshop import (
    JUDGMENT_COLUMNS,
    WorkshopResultError,
    consensus_by_matrix,
    consistency_table,
    disagreements,
    group_judgments,
    group_model,
    participant_judgments_table,
)


@dataclass
class Sub:
    participant_name: str
    judgments: dict[str, Any]


def _person(name: str, groups_01: float | None, ratings: list[float]) -> Sub:
    judgments = copy.deepcopy(tiny_model()["judgments"])
    judgments["groups"][0][1] = groups_01
    judgments["groups"][1][0] = None if groups_01 is None else 1 / groups_01
    judgments["strategies"]["O1"]["ratings"] = ratings
    return Sub(name, judgments)


def test_geometric_mean_of_judgments_and_ratings(model: dict[str, Any]) -> None:
    subs = [_person("A", 2, [9, 3, 0]), _person("B", 8, [1, 1, 0])]
    group = group_judgments(model, subs)
    # sqrt(2 * 8) = 4, and the reciprocal 1/4 below it
    assert group["groups"][0][1] == pytest.approx(4)
    assert group["groups"][1][0] == pytest.approx(0.25)
    assert group["groups"][0][0] == 1
    # ratings: arithmetic mean of the normalised ratings (0.75, 0.25, 0) and (0.5, 0.5, 0)
    assert group["strategies"]["O1"]["ratings"] == pytest.approx([0.625, 0.375, 0])
    # unchanged matrices stay as they were
    for got, expected in zip(
        group["factors"]["S"], model["judgments"]["factors"]["S"], strict=True
    ):
        assert got == pytest.approx(expected)
    assert group["strategies"]["S1"]["pairwise"][0][2] is None
    # weights 3:1 -> 3/4, 1/4: the weighted geometric mean 2^(3/4) 8^(1/4) (= 2^1.5)
    weighted = group_judgments(model, subs, weights=[3, 1])
    assert weighted["groups"][0][1] == pytest.approx(2**0.75 * 8**0.25)


def test_missing_judgment_uses_those_who_answered(model: dict[str, Any]) -> None:
    group = group_judgments(model, [_person("A", None, [1, 1, 1]), _person("B", 5, [1, 1, 1])])
    assert group["groups"][0][1] == pytest.approx(5)


def test_one_zero_rating_does_not_veto_a_strategy(model: dict[str, Any]) -> None:
    subs = [_person("A", 2, [1, 1, 1]), _person("B", 2, [0, 1, 1])]
    ratings = group_judgments(model, subs)["strategies"]["O1"]["ratings"]
    # mean of (1/3, 1/3, 1/3) and (0, 1/2, 1/2)
    assert ratings == pytest.approx([1 / 6, 5 / 12, 5 / 12])


def test_blank_ratings_are_left_out_of_the_mean(model: dict[str, Any]) -> None:
    subs = [_person("A", 2, [None, None, None]), _person("B", 2, [0, 3, 1])]
    ratings = group_judgments(model, subs)["strategies"]["O1"]["ratings"]
    # B's ratings alone, normalised: (0, 3, 1) / 4
    assert ratings == pytest.approx([0, 0.75, 0.25])
    with pytest.raises(WorkshopResultError, match=r"O1\.ratings: nobody has rated"):
        group_judgments(model, [_person("A", 2, [0, 0, 0])])


def test_group_model_is_a_valid_model(model: dict[str, Any]) -> None:
    result = group_model(model, [_person("A", 2, [9, 3, 0]), _person("B", 3, [1, 2, 1])])
    assert validate_data(result) == []
    assert result["judgments_note"] == "group judgments of A, B"
    assert result["factors"] == model["factors"]


def test_consensus_is_one_when_all_agree_and_less_otherwise(model: dict[str, Any]) -> None:
    same = consensus_by_matrix(model, [_person("A", 2, [9, 3, 0]), _person("B", 2, [9, 3, 0])])
    assert all(value == pytest.approx(1) for value in same.values())
    assert "judgments.factors.W" not in same  # a single factor: nothing to compare
    assert "judgments.strategies.O1.ratings" in same
    differ = consensus_by_matrix(
        model, [_person("A", 1 / 9, [9, 3, 0]), _person("B", 9, [9, 3, 0])]
    )
    # S* = 1 only for identical priorities; 1/9 against 9 on S:W is far from that (a loose
    # bound: the value is about 0.88)
    assert differ["judgments.groups"] < 0.99
    assert differ["judgments.factors.S"] == pytest.approx(1)


def test_disagreements_rank_the_most_disputed_pair_first(model: dict[str, Any]) -> None:
    subs = [_person("A", 1 / 9, [1, 1, 1]), _person("B", 9, [1, 1, 1])]
    table = disagreements(model, subs, top=3)
    assert len(table) == 3
    first = table.iloc[0]
    assert (first["matrix"], first["item_i"], first["item_j"]) == ("judgments.groups", "S", "W")
    assert first["dispersion"] == pytest.approx(math.log(9))
    assert (first["lowest"], first["highest"]) == pytest.approx((1 / 9, 9))
    assert (table["dispersion"].iloc[1:] == 0).all()


def test_consistency_table_flags_an_inconsistent_participant(model: dict[str, Any]) -> None:
    bad = _person("B", 9, [1, 1, 1])
    bad.judgments["strategies"]["T1"]["pairwise"] = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]
    table = consistency_table(model, [_person("A", 2, [1, 1, 1]), bad])
    t1 = table[table["matrix"] == "judgments.strategies.T1.pairwise"].set_index("participant")
    assert bool(t1.loc["A", "passes"]) and t1.loc["A", "cr"] == pytest.approx(0, abs=1e-9)
    assert not bool(t1.loc["B", "passes"]) and t1.loc["B", "cr"] > 0.1
    assert set(table["matrix"]) == {
        "judgments.groups",
        *(f"judgments.strategies.{f}.pairwise" for f in ("S1", "S2", "W1", "T1")),
    }


def test_participant_judgments_table(model: dict[str, Any]) -> None:
    subs = [_person("A", 2, [9, 3, 0]), _person("B", 8, [1, 1, 0])]
    table = participant_judgments_table(subs, model)
    assert tuple(table.columns) == JUDGMENT_COLUMNS
    per_person = 6 + 1 + 4 * 3 + 3  # groups, S factors, four pairwise strategy matrices, ratings
    assert len(table) == 2 * per_person
    row = table[(table.participant == "B") & (table.matrix == "judgments.groups")].iloc[0]
    assert (row.item_i, row.item_j, row.value) == ("S", "W", 8)
    ratings = table[(table.participant == "A") & table.matrix.str.endswith("O1.ratings")]
    assert list(ratings.item_i) == ["SO1", "WT1", "ST1"] and list(ratings.value) == [9, 3, 0]
    missing = table[(table.matrix == "judgments.strategies.S1.pairwise") & (table.item_j == "ST1")]
    assert missing[missing.item_i == "SO1"].value.isna().all()


def test_no_submissions_is_a_clear_error(model: dict[str, Any]) -> None:
    for call in (group_judgments, consensus_by_matrix, disagreements):
        with pytest.raises(WorkshopResultError, match="no submissions"):
            call(model, [])


def test_with_and_without_an_excluded_participant(store: Store, model: dict[str, Any]) -> None:
    code = store.create_workshop(model).code
    fingerprint = model_fingerprint(model)
    for name, value in (("A", 2), ("B", 2), ("Outlier", 1 / 9)):
        person = store.join(code, name)
        store.submit(code, person.id, _person(name, value, [1, 1, 1]).judgments, fingerprint)
    outlier = store.get_participant(code, "outlier")
    store.set_excluded(code, outlier.id, True)
    without = group_judgments(model, store.latest_submissions(code))
    with_all = group_judgments(model, store.latest_submissions(code, include_excluded=True))
    assert without["groups"][0][1] == pytest.approx(2)
    assert with_all["groups"][0][1] == pytest.approx((2 * 2 / 9) ** (1 / 3))
