"""Scenarios: save, list, load, rename, duplicate, update, delete, and their errors."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from store_testdata import tiny_model

from swot.store import DuplicateNameError, InvalidDataError, NotFoundError, Store


def _utc(stamp: str) -> datetime:
    parsed = datetime.fromisoformat(stamp)
    assert parsed.utcoffset() is not None and parsed.utcoffset().total_seconds() == 0
    return parsed


def test_save_and_load_by_id_and_name(store: Store, model: dict[str, Any]) -> None:
    saved = store.save_scenario("  Base   case ", model, note=" what-if ")
    assert (saved.name, saved.note) == ("Base case", "what-if")
    assert saved.model == model
    assert abs(_utc(saved.created_at) - datetime.now(UTC)).total_seconds() < 60
    assert saved.created_at == saved.updated_at
    assert store.load_scenario(saved.id) == saved
    assert store.load_scenario("Base case") == saved
    loaded = store.load_scenario("Base case").model
    assert loaded["title"]["fa"] == "نمونه"
    assert loaded["judgments"]["strategies"]["S1"]["pairwise"][0][2] is None


def test_list_scenarios_in_creation_order(store: Store, model: dict[str, Any]) -> None:
    assert store.list_scenarios() == []
    a = store.save_scenario("A", model)
    b = store.save_scenario("B", model, note="second")
    infos = store.list_scenarios()
    assert [(i.id, i.name, i.note) for i in infos] == [(a.id, "A", ""), (b.id, "B", "second")]
    assert not hasattr(infos[0], "model")


def test_duplicate_name_is_refused_and_nothing_lost(store: Store, model: dict[str, Any]) -> None:
    store.save_scenario("Base", model, note="original")
    other = tiny_model()
    other["judgments"]["groups"][0][1] = 5
    with pytest.raises(DuplicateNameError, match="'Base'"):
        store.save_scenario("Base", other)
    assert len(store.list_scenarios()) == 1
    assert store.load_scenario("Base").model == model


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_non_finite_numbers_are_refused_with_their_path(
    store: Store, model: dict[str, Any], bad: float
) -> None:
    model["judgments"]["factors"]["S"][0][1] = bad
    with pytest.raises(InvalidDataError, match=r"judgments\.factors\.S\[0\]\[1\]"):
        store.save_scenario("x", model)
    assert store.list_scenarios() == []


@pytest.mark.parametrize("name", ["", "   ", None, "x" * 201])
def test_bad_names_are_refused(store: Store, model: dict[str, Any], name: Any) -> None:
    with pytest.raises(InvalidDataError, match="scenario name"):
        store.save_scenario(name, model)


def test_model_must_be_a_json_object(store: Store) -> None:
    with pytest.raises(InvalidDataError, match="JSON object"):
        store.save_scenario("x", [1, 2])  # type: ignore[arg-type]
    with pytest.raises(InvalidDataError, match="JSON"):
        store.save_scenario("x", {"when": object()})


def test_rename(store: Store, model: dict[str, Any]) -> None:
    a = store.save_scenario("A", model)
    store.save_scenario("B", model)
    renamed = store.rename_scenario(a.id, "A2")
    assert renamed.name == "A2" and renamed.id == a.id
    assert _utc(renamed.updated_at) >= _utc(a.updated_at)
    with pytest.raises(NotFoundError, match="no scenario 'A'"):
        store.load_scenario("A")
    with pytest.raises(DuplicateNameError, match="'B'"):
        store.rename_scenario("A2", "B")
    assert [s.name for s in store.list_scenarios()] == ["A2", "B"]


def test_duplicate_is_an_independent_copy(store: Store, model: dict[str, Any]) -> None:
    a = store.save_scenario("A", model, note="n")
    copy = store.duplicate_scenario("A", "A copy")
    assert copy.id != a.id and copy.model == a.model and copy.note == "n"
    changed = tiny_model()
    changed["weighting"] = "direct"
    store.update_scenario(copy.id, changed)
    assert store.load_scenario("A").model == model
    assert store.load_scenario("A copy").model == changed
    assert store.duplicate_scenario(a.id, "A other", note="fresh").note == "fresh"
    with pytest.raises(DuplicateNameError, match="scenario named 'A copy' already exists"):
        store.duplicate_scenario("A", "A copy")


def test_update_model_and_note(store: Store, model: dict[str, Any]) -> None:
    a = store.save_scenario("A", model, note="keep")
    changed = tiny_model()
    changed["judgments"]["groups"][0][1] = 7
    changed["judgments"]["groups"][1][0] = 1 / 7
    updated = store.update_scenario("A", changed)
    assert updated.model == changed and updated.note == "keep"
    assert updated.created_at == a.created_at
    assert _utc(updated.updated_at) >= _utc(a.updated_at)
    assert store.update_scenario(a.id, note="new").model == changed
    assert store.load_scenario(a.id).note == "new"
    changed["judgments"]["groups"][0][1] = float("nan")
    with pytest.raises(InvalidDataError, match=r"non-finite number at judgments\.groups\[0\]\[1\]"):
        store.update_scenario(a.id, changed)
    assert store.load_scenario(a.id).model["judgments"]["groups"][0][1] == 7


def test_delete(store: Store, model: dict[str, Any]) -> None:
    a = store.save_scenario("A", model)
    store.save_scenario("B", model)
    store.delete_scenario(a.id)
    assert [s.name for s in store.list_scenarios()] == ["B"]
    store.delete_scenario("B")
    assert store.list_scenarios() == []
    store.save_scenario("A", model)  # the name is free again


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.load_scenario("nope"),
        lambda s: s.load_scenario(999),
        lambda s: s.rename_scenario("nope", "x"),
        lambda s: s.duplicate_scenario(999, "x"),
        lambda s: s.update_scenario("nope", note="x"),
        lambda s: s.delete_scenario("nope"),
    ],
)
def test_unknown_scenario(store: Store, model: dict[str, Any], call: Any) -> None:
    store.save_scenario("A", model)
    with pytest.raises(NotFoundError, match="no scenario"):
        call(store)
    assert [s.name for s in store.list_scenarios()] == ["A"]


def test_scenario_reference_must_be_id_or_name(store: Store) -> None:
    with pytest.raises(InvalidDataError, match="by its id or name, not float"):
        store.load_scenario(1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["O'Brien", r"C:\plans", 'the "best" case'])
def test_a_refused_name_is_quoted_literally(store: Store, model: dict[str, Any], name: str
                                            ) -> None:
    """The name is shown as typed between single quotes (as ui.problems reads it back for the
    Persian message), not as Python's repr: "O'Brien" in double quotes, C:\\\\plans doubled."""
    store.save_scenario(name, model)
    with pytest.raises(DuplicateNameError) as saved:
        store.save_scenario(name, model)
    assert str(saved.value) == f"a scenario named '{name}' already exists"
    other = store.save_scenario("other", model)
    with pytest.raises(DuplicateNameError) as renamed:
        store.rename_scenario(other.id, name)
    assert str(renamed.value) == f"a scenario named '{name}' already exists"
