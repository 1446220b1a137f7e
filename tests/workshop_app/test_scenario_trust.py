"""Scenario comparison (issue 12): consistency of every scenario, rank changes, integer ranks."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from swot.analysis import evaluate
from swot.export import dataframe_csv
from swot.io import load_model, model_to_dict
from swot.scenarios import (
    compare_rankings,
    comparison_for_file,
    rank_change_column,
    rank_changes,
    scenario_consistency,
)
from swot.store import ENV_VAR, Store

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "swot"))
from swot_testdata import TEHRAN, inconsistent_tehran  # noqa: E402


@pytest.fixture(scope="module")
def pair() -> dict:
    return {"base": load_model(TEHRAN), "bad": inconsistent_tehran()}


def test_rank_changes_are_first_rank_minus_this_rank(pair: dict) -> None:
    table = compare_rankings(pair)
    changes = rank_changes(table, list(pair))[rank_change_column("bad")]
    first = {r.id: r.rank for r in evaluate(pair["base"]).strategies.itertuples()}
    second = {r.id: r.rank for r in evaluate(pair["bad"]).strategies.itertuples()}
    assert list(changes) == [first[s] - second[s] for s in table["id"]]
    assert any(c != 0 for c in changes)  # the contradictory groups matrix moves strategies


def test_comparison_csv_has_integer_ranks_and_changes(pair: dict) -> None:
    smaller = pair["base"].remove_strategy("ST3")
    models = {"small": smaller, **pair}
    table = compare_rankings(models)
    rows = list(csv.reader(io.StringIO(
        dataframe_csv(comparison_for_file(table, list(models))).decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    rank_cells = [row[header.index("rank: base")] for row in body]
    assert all(cell.isdigit() for cell in rank_cells), rank_cells  # "1", never "1.0"
    st3 = next(row for row in body if row[0] == "ST3")
    assert st3[header.index("rank: small")] == ""
    assert st3[header.index("rank change: base")] == ""
    assert header[-2:] == ["rank change: base", "rank change: bad"]


def test_scenario_consistency_names_the_failing_matrix(pair: dict) -> None:
    table = scenario_consistency(pair)
    failing = table[~table["passes"]]
    assert list(zip(failing["scenario"], failing["matrix"], strict=True)) == [
        ("bad", "judgments.groups")]
    assert set(table["scenario"]) == {"base", "bad"}


def test_comparison_page_shows_consistency_and_moves(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     pair: dict) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "db.sqlite3"))
    with Store(tmp_path / "db.sqlite3") as store:
        for name, model in pair.items():
            store.save_scenario(name, model_to_dict(model), "")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("app_pages/scenarios.py").run()
    at.multiselect(key="sc_compare").set_value(["base", "bad"]).run()
    assert not at.exception, at.exception
    cr = float(scenario_consistency(pair).query("scenario == 'bad' and not passes")["cr"].iloc[0])
    shown = f"- \u2068bad\u2069 · SWOT groups with respect to the goal: CR {cr:.3f} > 0.08"
    assert any(m.value == shown for m in at.markdown)  # the name isolated; threshold n=4: 0.08
    view = next(t.value for t in at.table if "moved: bad" in t.value.columns)
    moves = rank_changes(compare_rankings(pair), list(pair))[rank_change_column("bad")]
    shown = ["=" if k == 0 else f"▲ {k}" if k > 0 else f"▼ {-k}" for k in moves]
    assert list(view["moved: bad"]) == shown
    at.button(key="sc_open_0").click().run()
    assert not at.exception, at.exception
    assert at.selectbox(key="pw_matrix").value == "judgments.groups"
    assert at.session_state["model"] == pair["bad"]
