"""Placeholders for comparisons not yet judged, and what keeps a model from being ranked."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest
from swot_testdata import EXAMPLE, SMALL, TEHRAN

from swot import todo
from swot.analysis import check_model, evaluate
from swot.io import dumps_model, load_model, loads_model, model_from_dict, validate_data
from swot.model import Factor, Strategy


@pytest.fixture(scope="module")
def tehran():
    return load_model(TEHRAN)


def grown(model):
    """The issue's example: factor O6 and strategy SO4 added to Tehran."""
    model = todo.add_factor(model, "O", Factor("O6", "O", "New opening", ""))
    return todo.add_strategy(model, Strategy("SO4", "New strategy", "", "SO"))


def test_new_items_keep_the_model_rankable(tehran) -> None:
    # Without placeholders the same edits leave the model unrankable (the 24 lines).
    raw = tehran.add_factor("O", Factor("O6", "O", "New opening", "")).add_strategy(
        Strategy("SO4", "New strategy", "", "SO"))
    assert len(check_model(raw)) > 0
    model = grown(tehran)
    assert check_model(model) == []
    m = len(model.strategies)  # 10
    kinds = [model.strategy_judgments[f].kind for f in tehran.factor_ids()]
    expected = (len(tehran.factors["O"])  # O6 vs each other opportunity: 5
                + m * (m - 1) // 2  # the strategies w.r.t. O6, all pairs: 45
                + (m - 1) * kinds.count("pairwise")  # SO4 vs each strategy, per factor
                + kinds.count("ratings"))  # SO4's rating, per rated factor
    assert len(todo.open_items(model)) == expected
    groups = todo.open_by_matrix(model)
    assert [(a, b) for _, a, b, _ in groups["judgments.factors.O"]] == [
        (f, "O6") for f in tehran.factor_ids() if f.startswith("O")]
    rated = next(f for f in tehran.factor_ids() if tehran.strategy_judgments[f].kind == "ratings")
    (entry,) = groups[f"judgments.strategies.{rated}"]
    assert entry[1:3] == ("SO4", "")
    assert entry[3] == pytest.approx(np.mean(tehran.matrix_at(f"judgments.strategies.{rated}")))


def test_judging_or_changing_a_placeholder_clears_it(tehran) -> None:
    model = grown(tehran)
    path = "judgments.factors.O"
    before = len(todo.open_items(model))
    assert len(todo.open_items(todo.judged(model, path, "O1", "O6"))) == before - 1
    items = model.matrix_items(path)
    changed = model.set_judgment(path, items.index("O2"), items.index("O6"), 3.0)
    assert len(todo.open_items(changed)) == before - 1  # no longer holds the placeholder
    assert todo.open_by_matrix(todo.accept(model, path)).get(path) is None
    assert todo.open_items(todo.accept(model)) == []


def test_fill_blanks_makes_an_incomplete_model_rankable() -> None:
    model = load_model(EXAMPLE)
    blanks = sum(int(np.isnan(a[np.triu_indices(len(i), 1)]).sum())
                 for _, i, a in model.iter_matrices())
    for path, items, matrix in model.iter_matrices():
        if len(items) > 2:
            model = model.set_judgment(path, 0, 1, None)  # one more blank where possible
            blanks += 0 if np.isnan(matrix[0, 1]) else 1
            break
    filled = todo.fill_blanks(model)
    assert check_model(filled) == []
    assert len(todo.open_items(filled)) == blanks
    one = todo.fill_blanks(model, "judgments.groups")
    assert {e[0] for e in todo.open_items(one)} <= {"judgments.groups"}


def test_missing_names_the_same_matrices_as_check_model(tehran) -> None:
    raw = tehran.add_factor("O", Factor("O6", "O", "x", "")).add_strategy(
        Strategy("SO4", "y", "", "SO"))
    found = todo.missing(raw)
    assert sorted({m.path for m in found}) == sorted({p.path for p in check_model(raw)})
    o = next(m for m in found if m.path == "judgments.factors.O")
    assert o.kind == "unlinked" and o.items == ("O6",)
    rated = [m for m in found if m.kind == "unrated"]
    assert rated and all(m.items == ("SO4",) for m in rated)
    direct = tehran.set_weighting("direct")
    for g in "SWOT":
        direct = direct.set_direct_weight("group", g, 0.0)
    assert [m.kind for m in todo.missing(direct)] == ["no_group_weight"]
    assert todo.missing(tehran) == []


@pytest.mark.parametrize("fid", ["W7", "S1"])
def test_switching_kind_keeps_the_priorities(tehran, fid: str) -> None:
    kind = "pairwise" if tehran.strategy_judgments[fid].kind == "ratings" else "ratings"
    switched = todo.switch_kind(tehran, fid, kind)
    assert switched.strategy_judgments[fid].kind == kind
    before, after = evaluate(tehran), evaluate(switched)
    np.testing.assert_allclose(after.strategy_matrix[fid], before.strategy_matrix[fid],
                               rtol=1e-9)
    back = todo.switch_kind(switched, fid, tehran.strategy_judgments[fid].kind)
    np.testing.assert_allclose(evaluate(back).strategy_matrix[fid],
                               before.strategy_matrix[fid], rtol=1e-9)


def test_switching_a_new_factor_keeps_it_unjudged(tehran) -> None:
    model = todo.add_factor(tehran, "S", Factor("S6", "S", "x", ""), kind="ratings")
    path = "judgments.strategies.S6"
    assert len(todo.open_by_matrix(model)[path]) == len(model.strategies)
    pairwise = todo.switch_kind(model, "S6", "pairwise")
    m = len(model.strategies)
    assert len(todo.open_by_matrix(pairwise)[path]) == m * (m - 1) // 2


def test_placeholders_survive_a_file_and_a_rename(tehran) -> None:
    model = grown(tehran)
    back = loads_model(dumps_model(model))
    assert todo.open_items(back) == todo.open_items(model)
    renamed = todo.renamed(model.update_factor("O6", id="O7"), "O6", "O7")
    paths = set(todo.open_by_matrix(renamed))
    assert "judgments.strategies.O7" in paths and "judgments.strategies.O6" not in paths
    assert len(todo.open_items(renamed)) == len(todo.open_items(model))


def test_bad_unjudged_entries_are_reported() -> None:
    data = json.loads(TEHRAN.read_text(encoding="utf-8"))
    data["unjudged"] = [{"matrix": "judgments.groups", "items": ["S", "W", "O"], "value": -1}]
    paths = [p.path for p in validate_data(data)]
    assert paths == ["unjudged[0].items", "unjudged[0].value"]


def test_network_link_sets_are_in_missing_and_fill_blanks() -> None:
    # A factor-level network: S1 depends on W1; a new factor W2 is linked from S1, so the link
    # set S1 -> W holds (W1, W2) with their comparison blank. check_model names it; missing()
    # used to return nothing (the page then offered no button) and fill_blanks left it blank.
    model = todo.add_factor(model_from_dict(copy.deepcopy(SMALL)), "W", Factor("W2", "W", "W2", ""))
    model = model.set_link("S1", "W2")
    path = "judgments.links.S1.W"
    assert [p.path for p in check_model(model)] == [path]
    found = todo.missing(model)
    assert [(m.path, m.kind, m.items, m.reference) for m in found] == [
        (path, "unlinked", ("W2",), "W1")]
    filled = todo.fill_blanks(model)
    assert check_model(filled) == [] and todo.missing(filled) == []
    assert (path, "W1", "W2", 1.0) in todo.open_items(filled)
    # the placeholder follows its link set when the source factor is renamed
    renamed = todo.renamed(filled.update_factor("S1", id="S9"), "S1", "S9")
    assert ("judgments.links.S9.W", "W1", "W2", 1.0) in todo.open_items(renamed)
    # in the hierarchy the links are not used: nothing to fill there
    assert todo.missing(model.set_structure("hierarchy")) == []
