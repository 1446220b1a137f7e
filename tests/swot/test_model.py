"""Editing helpers: each returns a new model with matrices of the right size."""

from __future__ import annotations

import numpy as np
import pytest

from swot.analysis import EvaluationError, evaluate
from swot.model import Factor, GroupDependence, Strategy, SwotError, SwotModel


def test_lookups(tiny: SwotModel) -> None:
    assert tiny.factor_ids() == ["S1", "S2", "W1", "W2", "O1", "T1"]
    assert tiny.strategy_ids() == ["A", "B"]
    assert tiny.factor("W2").group == "W"
    assert tiny.factor("W2").label("en") == "فرسودگی"  # falls back to Persian
    assert tiny.factor("S1").label("fa") == "برند"
    assert tiny.strategy("B").label("fa") == "Cut costs"
    with pytest.raises(KeyError, match=r"no factor 'Z'"):
        tiny.factor("Z")


def test_matrix_access(tiny: SwotModel) -> None:
    assert tiny.matrix_items("judgments.groups") == ["S", "W", "O", "T"]
    assert tiny.matrix_items("judgments.factors.W") == ["W1", "W2"]
    assert tiny.matrix_items("judgments.strategies.S1") == ["A", "B"]
    assert tiny.matrix_at("judgments.strategies.S1")[0, 1] == 4
    assert list(tiny.matrix_at("judgments.strategies.W1")) == [3, 1]
    paths = [p for p, _, _ in tiny.iter_matrices()]
    assert paths == ["judgments.groups", "judgments.factors.S", "judgments.factors.W",
                     "judgments.factors.O", "judgments.factors.T", "judgments.strategies.S1",
                     "judgments.strategies.W2"]
    with pytest.raises(KeyError, match=r"no judgment matrix at 'judgments\.factors\.X'"):
        tiny.matrix_at("judgments.factors.X")


def test_set_judgment_keeps_reciprocity_and_original(tiny: SwotModel) -> None:
    edited = tiny.set_judgment("judgments.factors.S", 1, 0, 5)
    assert edited.factor_judgments["S"][1, 0] == 5
    assert edited.factor_judgments["S"][0, 1] == pytest.approx(0.2)
    assert tiny.factor_judgments["S"][0, 1] == 3  # original untouched
    blank = edited.set_judgment("judgments.strategies.S1", 0, 1, None)
    assert np.isnan(blank.strategy_judgments["S1"].values[[0, 1], [1, 0]]).all()
    for big in (1e300, 1e-300):
        with pytest.raises(SwotError, match="outside the range of judgments"):
            tiny.set_judgment("judgments.groups", 0, 1, big)
    for bad in (0, -1, float("inf"), float("nan")):
        with pytest.raises(SwotError, match=r"is not a positive finite judgment"):
            tiny.set_judgment("judgments.groups", 0, 1, bad)
    with pytest.raises(SwotError, match=r"judgments\.groups"):
        tiny.set_judgment("judgments.groups", 2, 2, 3)
    with pytest.raises(SwotError,
                       match=r"W1 holds ratings, not pairwise judgments"):
        tiny.set_judgment("judgments.strategies.W1", 0, 1, 3)  # ratings


def test_set_judgment_in_dependence(tiny: SwotModel) -> None:
    model = tiny.set_group_dependence("O", GroupDependence(("S", "O"), np.ones((2, 2))))
    model = model.set_judgment("judgments.group_dependence.O", 0, 1, 2)
    assert model.group_dependence["O"].matrix[1, 0] == 0.5
    assert model.set_group_dependence("O", None).group_dependence == {}


def test_add_factor(tiny: SwotModel) -> None:
    new = Factor("W3", "S", "Old IT", "", provenance="user")
    model = tiny.add_factor("W", new)
    assert model.factor("W3").group == "W"
    assert model.factor_judgments["W"].shape == (3, 3)
    assert np.isnan(model.factor_judgments["W"][2, :2]).all()
    assert model.factor_judgments["W"][2, 2] == 1
    assert model.strategy_judgments["W3"].kind == "ratings"
    assert list(model.strategy_judgments["W3"].values) == [1, 1]
    assert list(model.strategy_judgments) == ["S1", "S2", "W1", "W2", "W3", "O1", "T1"]
    # the blank row leaves W3 unlinked until it is compared
    with pytest.raises(EvaluationError, match=r"judgments\.factors\.W") as info:
        evaluate(model)
    assert str(info.value).startswith("judgments.factors.W: ")
    assert "W3" in str(info.value)
    evaluate(model.set_judgment("judgments.factors.W", 2, 0, 0.5))
    with pytest.raises(SwotError, match=r"id 'S1' is already used"):
        tiny.add_factor("W", Factor("S1", "W", "dup", ""))
    with pytest.raises(SwotError, match=r"unknown group 'X'"):
        tiny.add_factor("X", new)


def test_remove_factor(tiny: SwotModel) -> None:
    model = tiny.set_direct_weight("factor", "S1", 2).remove_factor("S1")
    assert model.factor_ids() == ["S2", "W1", "W2", "O1", "T1"]
    assert model.factor_judgments["S"].shape == (1, 1)
    assert "S1" not in model.strategy_judgments
    assert model.strategy("A").factors == ("O1",)
    assert "S1" not in model.direct_factor_weights
    evaluate(model)
    with pytest.raises(SwotError, match=r"O1 is the only factor of group O"):
        tiny.remove_factor("O1")  # the only factor of O


def test_update_factor_renames_everywhere(tiny: SwotModel) -> None:
    model = tiny.update_factor("S1", id="S9", label_en="Brand name")
    assert model.factor("S9").label_en == "Brand name"
    assert model.strategy("A").factors == ("S9", "O1")
    assert "S9" in model.strategy_judgments and "S1" not in model.strategy_judgments
    assert evaluate(model).factors["id"].tolist()[0] == "S9"
    with pytest.raises(SwotError,
                       match=r"a factor cannot move to another group; remove and add it instead"):
        tiny.update_factor("S1", group="W")
    with pytest.raises(SwotError, match=r"id 'T1' is already used"):
        tiny.update_factor("S1", id="T1")


def test_add_and_remove_strategy(tiny: SwotModel) -> None:
    model = tiny.add_strategy(Strategy("C", "Partner", "", "SO", ("S2",)))
    assert model.strategy_ids() == ["A", "B", "C"]
    assert model.strategy_judgments["S1"].values.shape == (3, 3)
    assert np.isnan(model.strategy_judgments["S1"].values[2, :2]).all()
    assert np.isnan(model.strategy_judgments["W1"].values[2])
    with pytest.raises(EvaluationError, match=r"do not link C to A") as info:
        evaluate(model)
    paths = [p.path for p in info.value.problems]
    assert paths == [f"judgments.strategies.{f}" for f in tiny.factor_ids()]
    assert "not yet rated: C" in str(info.value)
    back = model.remove_strategy("C")
    assert back == tiny
    with pytest.raises(SwotError, match=r"a model needs at least two strategies"):
        tiny.remove_strategy("A")  # at least two must remain
    with pytest.raises(SwotError, match=r"strategy D names unknown factors"):
        tiny.add_strategy(Strategy("D", "x", "", "SO", ("Q1",)))


def test_set_rating_and_weights(tiny: SwotModel) -> None:
    model = tiny.set_rating("W1", 1, 7)
    assert list(model.strategy_judgments["W1"].values) == [3, 7]
    with pytest.raises(SwotError, match=r"judgments\.strategies\.S1 is not a rating judgment"):
        tiny.set_rating("S1", 0, 1)  # pairwise
    with pytest.raises(SwotError, match=r"-1\.0 is not a non-negative finite rating"):
        tiny.set_rating("W1", 0, -1)
    model = tiny.set_direct_weight("factor", "T1", 1).set_direct_weight("group", "W", 2)
    assert model.direct_factor_weights == {"T1": 1.0}
    assert model.direct_group_weights == {"W": 2.0}
    with pytest.raises(SwotError, match=r"unknown group 'Q'"):
        tiny.set_direct_weight("group", "Q", 1)
    with pytest.raises(SwotError,
                       match=r"unknown weighting 'votes' \(expected pairwise or direct\)"):
        tiny.set_weighting("votes")
    assert tiny.set_weighting("direct").weighting == "direct"


def test_update_strategy(tiny: SwotModel) -> None:
    model = tiny.update_strategy("B", label_fa="کاهش هزینه", factors=("W1", "W2"))
    assert model.strategy("B").label("fa") == "کاهش هزینه"
    assert model.strategy("B").factors == ("W1", "W2")
    assert tiny.strategy("B").label_fa == ""
    with pytest.raises(SwotError,
                       match=r"unknown TOWS type 'XX' \(expected one of SO, ST, WO, WT, other\)"):
        tiny.update_strategy("B", tows="XX")
    with pytest.raises(SwotError, match=r"id 'A' is already used"):
        tiny.update_strategy("B", id="A")


def test_weighs_like_tracks_only_the_inputs_the_ranking_uses(tiny: SwotModel) -> None:
    assert tiny.weighs_like(tiny)
    assert tiny.update_factor("S1", label_en="Renamed").weighs_like(tiny)  # labels do not count
    assert not tiny.set_judgment("judgments.factors.S", 0, 1, 7).weighs_like(tiny)
    assert not tiny.set_judgment("judgments.strategies.S1", 0, 1, 9).weighs_like(tiny)
    assert not tiny.set_rating("W1", 0, 5).weighs_like(tiny)
    blanked = tiny.set_judgment("judgments.groups", 0, 1, None)
    assert not blanked.weighs_like(tiny) and blanked.weighs_like(blanked)  # NaN equals NaN
    direct = tiny.set_weighting("direct")
    assert not direct.weighs_like(tiny)  # another mode ranks from other inputs
    assert not direct.set_direct_weight("group", "S", 0.9).weighs_like(direct)
    # in direct mode the pairwise group/factor judgments are not used
    assert direct.set_judgment("judgments.groups", 0, 1, 9).weighs_like(direct)
