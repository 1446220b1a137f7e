"""Group results of a workshop: aggregation, consensus, disagreements, tables."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from store_testdata import tiny_model

import anp
from swot.io import validate_data
from swot.judgment_cells import matrix_paths
from swot.store import Store, model_fingerprint
from swot.workshop import (
    JUDGMENT_COLUMNS,
    WorkshopResultError,
    consensus_by_matrix,
    consensus_table,
    consistency_table,
    disagreements,
    group_judgments,
    group_model,
    participant_judgments_table,
    status_table,
    unjudged_matrices,
)


@dataclass
class Sub:
    participant_name: str
    judgments: dict[str, Any]
    judged: tuple[str, ...] | None = None
    weight: float = 1.0


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
    # nobody has rated: the model's own ratings stay, and the matrix is named as unjudged
    alone = [_person("A", 2, [0, 0, 0])]
    assert group_judgments(model, alone)["strategies"]["O1"] == model["judgments"]["strategies"][
        "O1"]
    assert unjudged_matrices(model, alone) == ["judgments.strategies.O1"]


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
    # S* = 1 only for identical priorities; 1/9 against 9 on S:W lowers it (the rest of the
    # 4 x 4 matrix agrees, so it stays well above 0: see tests/anp/test_group.py)
    assert differ["judgments.groups"] < 0.99
    assert differ["judgments.factors.S"] == pytest.approx(1)


def test_disagreements_rank_the_most_disputed_pair_first(model: dict[str, Any]) -> None:
    subs = [_person("A", 1 / 9, [1, 1, 1]), _person("B", 9, [1, 1, 1])]
    table = disagreements(model, subs, top=3)
    assert len(table) == 3
    first = table.iloc[0]
    assert (first["matrix"], first["item_i"], first["item_j"]) == ("judgments.groups", "S", "W")
    # geometric standard deviation of 1/9 and 9: exp(sd(-ln 9, ln 9)) = exp(ln 9) = 9 (the
    # population sd, anp.judgment_dispersion: mean 0, both ln 9 away from it)
    assert first["dispersion"] == pytest.approx(9)
    assert (first["lowest"], first["highest"], first["judges"]) == pytest.approx((1 / 9, 9, 2))
    assert bool(first["opposed"]) and not table["opposed"].iloc[1:].any()
    assert list(table["dispersion"].iloc[1:]) == pytest.approx([1, 1])


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


# -- only what people judged counts


def test_unjudged_matrices_do_not_count(model: dict[str, Any]) -> None:
    """Two people each judged only the groups matrix (9 against 1/9 on S:W); everything else
    is the model's prefill, which no longer shows as agreement."""
    a, b = _person("A", 9, [1, 1, 1]), _person("B", 1 / 9, [1, 1, 1])
    a.judged = b.judged = ("judgments.groups",)
    consensus = consensus_table(model, [a, b]).set_index("matrix")
    assert consensus.loc["judgments.groups", "judges"] == 2
    assert not np.isnan(consensus.loc["judgments.groups", "consensus"])
    others = consensus.drop(index="judgments.groups")
    assert (others["judges"] == 0).all() and others["consensus"].isna().all()
    assert set(others["band"]) == {"n/a"}
    table = disagreements(model, [a, b], top=None)
    assert list(table["matrix"]) == ["judgments.groups"] * 6  # only the judged matrix
    assert len(unjudged_matrices(model, [a, b])) == len(matrix_paths(model)) - 1
    group = group_judgments(model, [a, b])
    assert group["groups"][0][1] == pytest.approx(1)  # sqrt(9 * 1/9)
    assert group["factors"]["S"] == model["judgments"]["factors"]["S"]  # nobody judged it


def test_one_judge_gives_no_consensus_and_the_group_is_theirs(model: dict[str, Any]) -> None:
    a, b = _person("A", 5, [1, 1, 1]), _person("B", 1 / 7, [1, 1, 1])
    b.judged = ()
    assert group_judgments(model, [a, b])["groups"][0][1] == pytest.approx(5)
    assert consensus_table(model, [a, b])["consensus"].isna().all()


def test_status_per_participant_and_matrix(model: dict[str, Any]) -> None:
    a = _person("A", 2, [1, 1, 1])
    a.judged = ("judgments.groups", "judgments.strategies.S1")
    # S1 is judged but has a blank (SO1 vs ST1): still connected through WT1, so judged
    b = _person("B", 2, [1, 1, 1])
    b.judgments["strategies"]["S2"]["pairwise"] = [[1, None, None], [None, 1, 1], [None, 1, 1]]
    table = status_table(model, [a, b]).set_index(["participant", "matrix"])
    assert table.loc[("A", "judgments.groups"), "status"] == "judged"
    assert table.loc[("A", "judgments.strategies.S1"), "status"] == "judged"
    assert table.loc[("A", "judgments.factors.S"), "status"] == "not yet"
    assert table.loc[("B", "judgments.strategies.S2"), "status"] == "incomplete"
    assert table.loc[("A", "judgments.groups"), "cr"] >= 0
    # A's own groups matrix, not a group's: S:W = 2 and W:T = 2, yet S:T = 3 (not 4), so CR > 0
    own = anp.consistency(np.array(a.judgments["groups"], float)).cr
    assert own > 0 and table.loc[("A", "judgments.groups"), "cr"] == pytest.approx(own)
    assert np.isnan(table.loc[("A", "judgments.factors.S"), "cr"])  # 2 items: no CR
    assert len(table) == 2 * len(matrix_paths(model))


def test_participant_weights_come_from_the_submissions(model: dict[str, Any]) -> None:
    a, b = _person("A", 2, [1, 1, 1]), _person("B", 8, [1, 1, 1])
    a.weight = 3.0
    # weights 3:1: 2^(3/4) 8^(1/4) = 2^1.5
    assert group_judgments(model, [a, b])["groups"][0][1] == pytest.approx(2 ** 1.5)
