"""Evaluation: hand-checked priorities, stepwise == supermatrix, Tehran, determinism."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from swot_testdata import EXAMPLE, TEHRAN

from swot.analysis import EvaluationError, check_model, compose, evaluate, with_direct_weighting
from swot.io import load_model, model_from_dict
from swot.model import GroupDependence, StrategyJudgment, SwotModel

# Hand computation for the tiny model (all matrices consistent, so eigen = exact ratios):
#   w1 = (S .4, W .2, O .3, T .1); local: S1 .75, S2 .25 | W1 .5, W2 .5 | O1 1 | T1 1
#   global: S1 .3, S2 .1, W1 .1, W2 .1, O1 .3, T1 .1
#   step 4 (A, B): S1 (.8, .2), S2 (.5, .5), W1 (.75, .25), W2 (.25, .75), O1 (.4, .6),
#   T1 (0, 1)
#   A = .3*.8 + .1*.5 + .1*.75 + .1*.25 + .3*.4 + .1*0 = .51;  B = .49
TINY_PRIORITIES = {"A": 0.51, "B": 0.49}
# With S depending on {S, O} equally: column S of D = (.5, 0, .5, 0), other columns identity.
#   w2 = (.2, .2, .5, .1); global: S1 .15, S2 .05, W1 .1, W2 .1, O1 .5, T1 .1
#   A = .15*.8 + .05*.5 + .1*.75 + .1*.25 + .5*.4 = .445;  B = .555
TINY_DEPENDENT = {"A": 0.445, "B": 0.555}
# Direct weights: groups S 2, W 1, O 1, T 0 -> (.5, .25, .25, 0); factors S1 1, S2 3 ->
#   (.25, .75); W1 1, W2 absent -> (1, 0); O1 5 -> 1; T1 1 -> 1
#   global: S1 .125, S2 .375, W1 .25, W2 0, O1 .25, T1 0
#   A = .125*.8 + .375*.5 + .25*.75 + .25*.4 = .575;  B = .425
TINY_DIRECT = {"A": 0.575, "B": 0.425}


def priorities(model: SwotModel) -> dict[str, float]:
    table = evaluate(model).strategies
    return dict(zip(table["id"], table["priority"], strict=True))


def with_dependence(model: SwotModel) -> SwotModel:
    return model.set_group_dependence("S", GroupDependence(("S", "O"), np.ones((2, 2))))


def direct(model: SwotModel) -> SwotModel:
    model = model.set_weighting("direct")
    for kind, item, value in [("group", "S", 2), ("group", "W", 1), ("group", "O", 1),
                              ("factor", "S1", 1), ("factor", "S2", 3), ("factor", "W1", 1),
                              ("factor", "O1", 5), ("factor", "T1", 1)]:
        model = model.set_direct_weight(kind, item, value)
    return model


def test_tiny_model_by_hand(tiny: SwotModel) -> None:
    assert priorities(tiny) == pytest.approx(TINY_PRIORITIES, rel=1e-12)
    result = evaluate(tiny)
    assert result.group_weights_goal.to_dict() == pytest.approx(
        {"S": 0.4, "W": 0.2, "O": 0.3, "T": 0.1}, rel=1e-12)
    assert result.factors.set_index("id")["global_weight"].to_dict() == pytest.approx(
        {"S1": 0.3, "S2": 0.1, "W1": 0.1, "W2": 0.1, "O1": 0.3, "T1": 0.1}, rel=1e-12)
    assert result.strategy_matrix.loc["A", "S1"] == pytest.approx(0.8, rel=1e-12)
    assert np.array_equal(result.dependence.to_numpy(), np.eye(4))


def test_tiny_model_with_dependence_by_hand(tiny: SwotModel) -> None:
    model = with_dependence(tiny)
    assert priorities(model) == pytest.approx(TINY_DEPENDENT, rel=1e-12)
    result = evaluate(model)
    assert result.group_weights.to_dict() == pytest.approx(
        {"S": 0.2, "W": 0.2, "O": 0.5, "T": 0.1}, rel=1e-12)
    assert "SWOT groups (interdependent)" in result.limit.clusters
    assert "judgments.group_dependence.S" in set(result.consistency["matrix"])


def test_tiny_model_direct_by_hand(tiny: SwotModel) -> None:
    model = direct(with_dependence(tiny))  # dependence is ignored in direct mode
    assert priorities(model) == pytest.approx(TINY_DIRECT, rel=1e-12)
    result = evaluate(model)
    assert "SWOT groups (interdependent)" not in result.limit.clusters
    # only the pairwise strategy matrices are used (and checked) in direct mode
    assert list(result.consistency["matrix"]) == [
        "judgments.strategies.S1", "judgments.strategies.W2"]


def test_weights_near_the_float_limit_do_not_overflow(tiny: SwotModel) -> None:
    # The direct weights and the ratings of TINY_DIRECT / TINY times 5e307 (O1 1 instead of 5:
    # alone in its group, it is normalised to 1 either way): every number is finite but the
    # sums S+W+O, S1+S2 and the W1 ratings 3+1 overflow (4 * 5e307 > 1.8e308).
    big = 5e307
    model = tiny.set_weighting("direct")
    for kind, item, value in [("group", "S", 2), ("group", "W", 1), ("group", "O", 1),
                              ("factor", "S1", 1), ("factor", "S2", 3), ("factor", "W1", 1),
                              ("factor", "O1", 1), ("factor", "T1", 1)]:
        model = model.set_direct_weight(kind, item, value * big)
    model = model.set_strategy_judgment(
        "W1", StrategyJudgment("ratings", np.array([3 * big, 1 * big])))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow RuntimeWarning on the way either
        assert priorities(model) == pytest.approx(TINY_DIRECT, rel=1e-12)
        assert priorities(model.set_weighting("pairwise")) == pytest.approx(
            TINY_PRIORITIES, rel=1e-12)


def test_result_tables(tiny: SwotModel) -> None:
    result = evaluate(tiny)
    assert list(result.strategies.columns) == [
        "rank", "id", "label_en", "label_fa", "tows", "priority", "ideal"]
    assert list(result.strategies["id"]) == ["A", "B"]
    assert list(result.strategies["rank"]) == [1, 2]
    assert result.strategies["ideal"].iloc[0] == 1.0
    assert result.strategies["ideal"].iloc[1] == pytest.approx(0.49 / 0.51, rel=1e-12)
    assert list(result.factors.columns) == [
        "group", "id", "label_en", "label_fa", "provenance", "local_weight", "global_weight"]
    assert list(result.consistency.columns) == [
        "matrix", "n", "missing", "lambda_max", "ci", "cr", "threshold", "passes"]
    assert list(result.consistency["matrix"]) == [
        "judgments.groups", "judgments.factors.S", "judgments.factors.W", "judgments.factors.O",
        "judgments.factors.T", "judgments.strategies.S1", "judgments.strategies.W2"]


def test_ties_share_a_rank(tiny: SwotModel) -> None:
    model = tiny
    for fid in tiny.factor_ids():
        model = model.set_strategy_judgment(fid, model.strategy_judgments["S2"])  # equal ratings
    table = evaluate(model).strategies
    assert list(table["rank"]) == [1, 1]
    assert list(table["id"]) == ["A", "B"]


def test_blank_that_disconnects_is_reported_with_path_and_items(tiny: SwotModel) -> None:
    model = tiny.set_judgment("judgments.factors.S", 0, 1, None)
    with pytest.raises(EvaluationError, match=r"judgments\.factors\.S") as info:
        evaluate(model)
    assert [p.path for p in info.value.problems] == ["judgments.factors.S"]
    assert "S2" in info.value.problems[0].message
    assert check_model(model) == info.value.problems
    assert check_model(tiny) == []


def test_blank_first_row_names_the_first_item(tiny: SwotModel) -> None:
    model = tiny
    for j in (1, 2, 3):
        model = model.set_judgment("judgments.groups", 0, j, None)
    assert [str(p) for p in check_model(model)] == [
        "judgments.groups: the known judgments do not link S to W: "
        "enter at least one judgment for each"]


def test_direct_mode_without_positive_weights_is_reported(tiny: SwotModel) -> None:
    problems = check_model(tiny.set_weighting("direct"))
    assert [str(p) for p in problems] == [
        "direct_weights.groups: at least one group weight must be positive",
        *(f"direct_weights.factors: group {g} needs at least one positive factor weight"
          for g in "SWOT"),
    ]


# -------------------------------------------------- stepwise == supermatrix


def assert_routes_agree(model: SwotModel) -> None:
    result = evaluate(model)
    supermatrix = result.strategies.set_index("id")["priority"]
    stepwise = result.stepwise
    assert np.max(np.abs(supermatrix[stepwise.index].to_numpy() - stepwise.to_numpy())) < 1e-12
    assert stepwise.sum() == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("path", [TEHRAN, EXAMPLE], ids=["tehran", "example"])
def test_routes_agree_on_data_files(path: Any) -> None:
    model = load_model(path)
    assert_routes_agree(model)
    assert_routes_agree(model.set_group_dependence("W", None).set_group_dependence("O", None)
                        .set_group_dependence("S", None).set_group_dependence("T", None))


SAATY = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1 / 2, 1, 2, 3, 5, 7, 9]


@st.composite
def pairwise(draw: st.DrawFn, n: int) -> list[list[float]]:
    a = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            a[i][j] = draw(st.sampled_from(SAATY))
            a[j][i] = 1 / a[i][j]
    return a


@st.composite
def random_models(draw: st.DrawFn) -> SwotModel:
    sizes = {g: draw(st.integers(1, 4)) for g in "SWOT"}
    m = draw(st.integers(2, 5))
    factors = {g: [{"id": f"{g}{k}", "label_en": f"{g}{k}", "label_fa": ""}
                   for k in range(1, n + 1)] for g, n in sizes.items()}
    strategies = [{"id": f"X{k}", "label_en": f"X{k}", "label_fa": "", "tows": "other",
                   "factors": []} for k in range(m)]
    judgments: dict[str, Any] = {
        "groups": draw(pairwise(4)),
        "factors": {g: draw(pairwise(n)) for g, n in sizes.items()},
        "strategies": {},
    }
    for g, n in sizes.items():
        for k in range(1, n + 1):
            if draw(st.booleans()):
                judgments["strategies"][f"{g}{k}"] = {"pairwise": draw(pairwise(m))}
            else:
                ratings = draw(st.lists(st.integers(0, 9), min_size=m, max_size=m))
                judgments["strategies"][f"{g}{k}"] = {"ratings": [*ratings[:-1], 1 + ratings[-1]]}
    dependent = draw(st.lists(st.sampled_from("SWOT"), unique=True, max_size=4))
    judgments["group_dependence"] = {}
    for g in dependent:
        groups = draw(st.lists(st.sampled_from("SWOT"), unique=True, min_size=2, max_size=4))
        judgments["group_dependence"][g] = {"groups": groups,
                                            "matrix": draw(pairwise(len(groups)))}
    weights = st.floats(0, 10, allow_nan=False)
    data = {
        "format": "swot-anp-model", "version": 1,
        "title": {"en": "random", "fa": ""}, "goal": {"en": "goal", "fa": ""},
        "factors": factors, "strategies": strategies, "judgments": judgments,
        "weighting": draw(st.sampled_from(["pairwise", "direct"])),
        "direct_weights": {
            "groups": {g: 1 + draw(weights) for g in "SWOT"},
            "factors": {f["id"]: 0.5 + draw(weights) for fs in factors.values() for f in fs},
        },
    }
    return model_from_dict(data)


@settings(max_examples=40, deadline=None)
@given(random_models())
def test_routes_agree_on_random_models(model: SwotModel) -> None:
    assert_routes_agree(model)


def test_compose_is_vectorised(tiny: SwotModel) -> None:
    rng = np.random.default_rng(1)
    batch, nf, m = 5, 6, 3
    w1 = rng.dirichlet(np.ones(4), size=batch)
    dep = np.stack([rng.dirichlet(np.ones(4), size=4).T for _ in range(batch)])
    index = np.array([0, 0, 1, 1, 2, 3])
    local = np.concatenate([rng.dirichlet(np.ones(2), batch), rng.dirichlet(np.ones(2), batch),
                            np.ones((batch, 2))], axis=1)
    smat = np.stack([rng.dirichlet(np.ones(m), size=nf).T for _ in range(batch)])
    together = compose(w1, dep, local, index, smat)
    assert together.strategy_priorities.shape == (batch, m)
    for b in range(batch):
        alone = compose(w1[b], dep[b], local[b], index, smat[b])
        np.testing.assert_allclose(together.strategy_priorities[b], alone.strategy_priorities,
                                   rtol=1e-14)
        gw = dep[b] @ w1[b]
        np.testing.assert_allclose(alone.group_weights, gw, rtol=1e-14)
        np.testing.assert_allclose(alone.strategy_priorities,
                                   smat[b] @ (local[b] * gw[index]), rtol=1e-14)


# ------------------------------------------------------------------ Tehran


def test_tehran_every_matrix_passes() -> None:
    result = evaluate(load_model(TEHRAN))
    consistency = result.consistency
    assert len(consistency) > 20
    failing = consistency[~consistency["passes"]]
    assert failing.empty, failing
    assert (consistency["cr"] <= consistency["threshold"]).all()


def test_tehran_content() -> None:
    model = load_model(TEHRAN)
    s, w = model.factors["S"], model.factors["W"]
    assert len(s) == 5 and all(f.provenance == "listed" for f in s)
    assert len(w) == 7 and all(f.provenance == "listed" for f in w)
    for g in "OT":
        assert len(model.factors[g]) >= 4
        assert all(f.provenance == "derived" for f in model.factors[g])
    assert 6 <= len(model.strategies) <= 10
    assert {"SO", "ST", "WO", "WT"} <= {s.tows for s in model.strategies}
    assert all(f.source is not None for f in model.all_factors())
    assert all(f.label_en and f.label_fa for f in model.all_factors())


def test_ranking_is_deterministic() -> None:
    first = evaluate(load_model(TEHRAN)).strategies
    for _ in range(3):
        again = evaluate(load_model(TEHRAN)).strategies
        assert again.equals(first)
    assert list(first["rank"]) == sorted(first["rank"])
    assert first["priority"].is_monotonic_decreasing


def test_direct_weighting_starts_from_the_pairwise_weights(tiny: SwotModel) -> None:
    # From the hand computation above: groups (.4, .2, .3, .1), local S1 .75, S2 .25, W1 .5,
    # W2 .5, O1 1, T1 1; so the direct model ranks exactly as the pairwise one (A .51, B .49).
    direct = with_direct_weighting(tiny)
    assert direct.weighting == "direct"
    assert direct.direct_group_weights == pytest.approx({"S": .4, "W": .2, "O": .3, "T": .1})
    assert direct.direct_factor_weights == pytest.approx(
        {"S1": .75, "S2": .25, "W1": .5, "W2": .5, "O1": 1, "T1": 1})
    priorities = evaluate(direct).strategies.set_index("id")["priority"]
    assert priorities.to_dict() == pytest.approx(TINY_PRIORITIES)


def test_direct_weighting_keeps_given_weights_and_falls_back_to_equal(tiny: SwotModel) -> None:
    given_weights = tiny.set_direct_weight("group", "S", 0.9)
    assert with_direct_weighting(given_weights).direct_group_weights == {"S": 0.9}
    # group judgments all blank: no pairwise weights, so equal shares (1/4, and 1/n per group)
    blank = tiny
    for i in range(4):
        for j in range(i + 1, 4):
            blank = blank.set_judgment("judgments.groups", i, j, None)
    direct = with_direct_weighting(blank)
    assert set(direct.direct_group_weights.values()) == {0.25}
    assert direct.direct_factor_weights == pytest.approx(
        {"S1": .5, "S2": .5, "W1": .5, "W2": .5, "O1": 1, "T1": 1})


def test_direct_weighting_falls_back_to_equal_when_the_limit_fails(
        tiny: SwotModel, monkeypatch: pytest.MonkeyPatch) -> None:
    # an ANPError past the judgments (here an untrustworthy limit) is "cannot be computed"
    # too: equal weights, not a traceback on the weights page
    import anp
    import swot.analysis as analysis

    def fail(*args: Any, **kwargs: Any) -> None:
        raise anp.ConvergenceError("exact limit is numerically unreliable", iterations=0,
                                   residual=1.0)

    monkeypatch.setattr(analysis.anp, "limit_matrix", fail)
    direct = with_direct_weighting(tiny)
    assert set(direct.direct_group_weights.values()) == {0.25}
    assert direct.direct_factor_weights == pytest.approx(
        {"S1": .5, "S2": .5, "W1": .5, "W2": .5, "O1": 1, "T1": 1})
