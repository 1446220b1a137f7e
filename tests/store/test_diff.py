"""diff_models on hand-made model dicts."""

from __future__ import annotations

from typing import Any

import pytest
from store_testdata import tiny_model

from swot.diff import Difference, ModelDiffError, diff_models


def _set_pair(matrix: list[list[Any]], i: int, j: int, value: float | None) -> None:
    matrix[i][j] = value
    matrix[j][i] = None if value is None else 1 / value


def test_identical_models_have_no_differences(model: dict[str, Any]) -> None:
    assert diff_models(model, tiny_model()) == []


def test_reciprocal_rounding_is_not_a_difference(model: dict[str, Any]) -> None:
    other = tiny_model()
    other["judgments"]["groups"][3][0] = 0.3333333333333333
    other["judgments"]["groups"][0][3] = 3.0
    assert diff_models(model, other) == []


def test_judgment_cells_upper_triangle_only(model: dict[str, Any]) -> None:
    other = tiny_model()
    _set_pair(other["judgments"]["groups"], 1, 3, 4)
    _set_pair(other["judgments"]["factors"]["S"], 0, 1, 5)
    _set_pair(other["judgments"]["strategies"]["W1"]["pairwise"], 0, 2, 7)
    assert diff_models(model, other) == [
        Difference("judgments.groups[1][3]", "changed", 2, 4, ("W", "T")),
        Difference("judgments.factors.S[0][1]", "changed", 3, 5, ("S1", "S2")),
        Difference("judgments.strategies.W1.pairwise[0][2]", "changed", 2, 7, ("SO1", "ST1")),
    ]


def test_missing_judgments_added_and_removed(model: dict[str, Any]) -> None:
    other = tiny_model()
    pairwise = other["judgments"]["strategies"]["S1"]["pairwise"]
    _set_pair(pairwise, 0, 2, 6)  # was missing
    _set_pair(pairwise, 1, 2, None)  # now missing
    assert diff_models(model, other) == [
        Difference("judgments.strategies.S1.pairwise[0][2]", "added", None, 6, ("SO1", "ST1")),
        Difference("judgments.strategies.S1.pairwise[1][2]", "removed", 2, None, ("WT1", "ST1")),
    ]


def test_ratings_weighting_and_direct_weights(model: dict[str, Any]) -> None:
    model["direct_weights"] = {
        "groups": {"S": 4, "W": 2, "O": 3, "T": 1},
        "factors": {"S1": 1, "S2": 1, "W1": 1, "O1": 1, "T1": 1},
    }
    other = tiny_model()
    other["weighting"] = "direct"
    other["judgments"]["strategies"]["O1"]["ratings"] = [9, 5, 0]
    other["direct_weights"] = {
        "groups": {"S": 4, "W": 2, "O": 3, "T": 2},
        "factors": {"S1": 1, "S2": 3, "W1": 1, "O1": 1, "T1": 1},
    }
    assert diff_models(model, other) == [
        Difference("weighting", "changed", "pairwise", "direct"),
        Difference("judgments.strategies.O1.ratings[1]", "changed", 3, 5, ("WT1",)),
        Difference("direct_weights.groups.T", "changed", 1, 2, ("T",)),
        Difference("direct_weights.factors.S2", "changed", 1, 3, ("S2",)),
    ]
    # direct weights that appear or disappear
    del other["direct_weights"]["factors"]["O1"]
    kinds = {d.path: d.kind for d in diff_models(other, model)}
    assert kinds["direct_weights.factors.O1"] == "added"
    assert {d.path: d.kind for d in diff_models(model, other)}["direct_weights.factors.O1"] == (
        "removed"
    )


def test_pairwise_switched_to_ratings(model: dict[str, Any]) -> None:
    other = tiny_model()
    other["judgments"]["strategies"]["T1"] = {"ratings": [1, 2, 3]}
    (difference,) = diff_models(model, other)
    assert difference.path == "judgments.strategies.T1"
    assert difference.kind == "changed"
    assert difference.before == model["judgments"]["strategies"]["T1"]
    assert difference.after == {"ratings": [1, 2, 3]}


def test_factor_added_matched_by_id_not_position(model: dict[str, Any]) -> None:
    other = tiny_model()
    new = {"id": "S0", "label_en": "Location", "label_fa": ""}
    other["factors"]["S"].insert(0, new)
    # S0 first: the old S1-vs-S2 judgment moves to [1][2] and stays 3
    other["judgments"]["factors"]["S"] = [[1, 2, 4], [0.5, 1, 3], [0.25, 1 / 3, 1]]
    other["judgments"]["strategies"]["S0"] = {"ratings": [1, 1, 1]}
    assert diff_models(model, other) == [
        Difference("factors.S.S0", "added", None, new, ("S0",)),
        Difference("judgments.factors.S[0][1]", "added", None, 2, ("S0", "S1")),
        Difference("judgments.factors.S[0][2]", "added", None, 4, ("S0", "S2")),
        Difference("judgments.strategies.S0", "added", None, {"ratings": [1, 1, 1]}, ("S0",)),
    ]


def test_factor_removed_and_relabelled(model: dict[str, Any]) -> None:
    other = tiny_model()
    removed = other["factors"]["S"].pop(1)
    other["factors"]["S"][0]["label_en"] = "Brand name"
    other["factors"]["W"][0]["label_fa"] = "بدهی"
    other["judgments"]["factors"]["S"] = [[1]]
    gone = other["judgments"]["strategies"].pop("S2")
    assert diff_models(model, other) == [
        Difference("factors.S.S1.label_en", "changed", "Brand", "Brand name"),
        Difference("factors.S.S2", "removed", removed, None, ("S2",)),
        Difference("factors.W.W1.label_fa", "changed", "", "بدهی"),
        Difference("judgments.factors.S[0][1]", "removed", 3, None, ("S1", "S2")),
        Difference("judgments.strategies.S2", "removed", gone, None, ("S2",)),
    ]


def test_label_cleared_is_a_change_not_a_removal(model: dict[str, Any]) -> None:
    other = tiny_model()
    other["factors"]["S"][0]["label_fa"] = ""
    assert diff_models(model, other) == [
        Difference("factors.S.S1.label_fa", "changed", "برند", ""),
    ]


def test_strategies_added_removed_and_edited(model: dict[str, Any]) -> None:
    other = tiny_model()
    removed = other["strategies"].pop(1)  # WT1
    other["strategies"][0]["tows"] = "other"
    other["strategies"][1]["factors"] = ["S2"]
    added = {"id": "WO1", "label_en": "Partner", "label_fa": "", "tows": "WO", "factors": []}
    other["strategies"].append(added)  # order now SO1, ST1, WO1
    for entry in other["judgments"]["strategies"].values():
        if "ratings" in entry:
            entry["ratings"] = [9, 0, 2]
        else:
            old = entry["pairwise"]
            entry["pairwise"] = [[1, old[0][2], 1], [old[2][0], 1, 1], [1, 1, 1]]
    differences = diff_models(model, other)
    assert differences[:4] == [
        Difference("strategies.SO1.tows", "changed", "SO", "other"),
        Difference("strategies.ST1.factors", "changed", ["S2", "T1"], ["S2"]),
        Difference("strategies.WO1", "added", None, added, ("WO1",)),
        Difference("strategies.WT1", "removed", removed, None, ("WT1",)),
    ]
    o1 = [d for d in differences if d.path.startswith("judgments.strategies.O1")]
    assert o1 == [
        Difference("judgments.strategies.O1.ratings[2]", "added", None, 2, ("WO1",)),
        Difference("judgments.strategies.O1.ratings[1]", "removed", 3, None, ("WT1",)),
    ]
    s2 = [d for d in differences if d.path.startswith("judgments.strategies.S2")]
    assert [(d.kind, d.items) for d in s2] == [
        ("added", ("SO1", "WO1")),
        ("added", ("ST1", "WO1")),
        ("removed", ("SO1", "WT1")),
        ("removed", ("WT1", "ST1")),
    ]


def test_group_dependence(model: dict[str, Any]) -> None:
    other = tiny_model()
    other["judgments"]["group_dependence"] = {
        "S": {"groups": ["S", "O"], "matrix": [[1, 2], [0.5, 1]]}
    }
    assert diff_models(model, other) == [
        Difference(
            "judgments.group_dependence.S",
            "added",
            None,
            other["judgments"]["group_dependence"]["S"],
            ("S",),
        )
    ]
    third = tiny_model()
    third["judgments"]["group_dependence"] = {
        "S": {"groups": ["S", "O", "T"], "matrix": [[1, 3, 1], [1 / 3, 1, 1], [1, 1, 1]]}
    }
    assert diff_models(other, third) == [
        Difference("judgments.group_dependence.S.groups", "changed", ["S", "O"], ["S", "O", "T"]),
        Difference("judgments.group_dependence.S.matrix[0][1]", "changed", 2, 3, ("S", "O")),
        Difference("judgments.group_dependence.S.matrix[0][2]", "added", None, 1, ("S", "T")),
        Difference("judgments.group_dependence.S.matrix[1][2]", "added", None, 1, ("O", "T")),
    ]


def test_titles_and_notes(model: dict[str, Any]) -> None:
    other = tiny_model()
    other["title"]["en"] = "Renamed"
    other["illustrative_judgments"] = True
    assert diff_models(model, other) == [
        Difference("title.en", "changed", "Tiny example", "Renamed"),
        Difference("illustrative_judgments", "added", None, True),
    ]


def test_malformed_models_are_reported(model: dict[str, Any]) -> None:
    other = tiny_model()
    other["judgments"]["factors"]["S"] = [[1]]
    with pytest.raises(ModelDiffError, match=r"judgments\.factors\.S"):
        diff_models(model, other)
    with pytest.raises(ModelDiffError, match="both models must be JSON objects"):
        diff_models(model, [])  # type: ignore[arg-type]
    broken = tiny_model()
    broken["factors"]["W"] = [{"label_en": "no id"}]
    with pytest.raises(ModelDiffError, match=r"factors\.W"):
        diff_models(model, broken)
