"""swot.scenarios (comparison and workshop tables) and swot.export.dataframe_csv."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import anp
from swot.analysis import evaluate
from swot.export import dataframe_csv, ranking_csv, unneutralise
from swot.io import load_model, model_to_dict
from swot.model import SwotModel
from swot.scenarios import (
    DIFFERENCE_COLUMNS,
    GROUP_COLUMN,
    ScenarioComparisonError,
    compare_rankings,
    differences_table,
    judgments_side_by_side,
    priority_column,
    rank_column,
)
from swot.workshop import group_judgments

TEHRAN = Path(__file__).resolve().parents[2] / "data" / "tehran_city_diplomacy.json"


@dataclass
class Sub:
    participant_name: str
    judgments: dict[str, Any]


@pytest.fixture(scope="module")
def tehran() -> SwotModel:
    return load_model(TEHRAN)


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_compare_rankings_puts_each_ranking_side_by_side(tehran: SwotModel) -> None:
    other = tehran.set_judgment("judgments.groups", 0, 1, 9.0)
    table = compare_rankings({"base": tehran, "strong S": model_to_dict(other)})
    for name, model in (("base", tehran), ("strong S", other)):
        ranking = evaluate(model).strategies.set_index("id")
        mine = table.set_index("id")
        np.testing.assert_allclose(mine[priority_column(name)], ranking.loc[mine.index, "priority"])
        np.testing.assert_array_equal(mine[rank_column(name)], ranking.loc[mine.index, "rank"])
    assert list(table["id"]) == list(evaluate(tehran).strategies["id"])
    assert list(table.columns[:3]) == ["id", "label_en", "label_fa"]


def test_compare_rankings_strategy_in_one_scenario_only(tehran: SwotModel) -> None:
    gone = evaluate(tehran).strategies["id"].iloc[0]
    smaller = tehran.remove_strategy(gone)
    table = compare_rankings({"small": smaller, "full": tehran})
    assert table["id"].iloc[-1] == gone
    row = table.set_index("id").loc[gone]
    assert math.isnan(row[rank_column("small")]) and math.isnan(row[priority_column("small")])
    assert row[rank_column("full")] == 1
    assert len(table) == len(tehran.strategies)


def test_compare_rankings_names_the_bad_scenario(tehran: SwotModel) -> None:
    with pytest.raises(ScenarioComparisonError, match="'broken'"):
        compare_rankings({"ok": tehran, "broken": {"format": "nope"}})
    with pytest.raises(ScenarioComparisonError, match="at least one scenario"):
        compare_rankings({})


def test_an_anp_error_while_ranking_names_the_scenario(tehran: SwotModel,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """An error of the numeric core (e.g. a limit that cannot be trusted) comes out as a
    ScenarioComparisonError naming the scenario, not as a bare anp error."""
    import swot.scenarios

    def failing(model: SwotModel) -> None:
        raise anp.ConvergenceError("the limit did not converge", iterations=3, residual=1.0)

    monkeypatch.setattr(swot.scenarios, "evaluate", failing)
    with pytest.raises(ScenarioComparisonError,
                       match="scenario 'worst case' cannot be ranked: the limit did not"):
        compare_rankings({"worst case": tehran})


def test_differences_table_lists_the_changed_judgment(tehran: SwotModel) -> None:
    other = tehran.set_judgment("judgments.groups", 0, 1, 7.0)
    table = differences_table(tehran, other)
    assert list(table.columns) == list(DIFFERENCE_COLUMNS)
    assert len(table) == 1
    row = table.iloc[0]
    assert row["path"] == "judgments.groups[0][1]"
    assert row["items"] == "S / W"
    assert (row["kind"], row["after"]) == ("changed", "7")
    assert differences_table(tehran, tehran).empty


def test_judgments_side_by_side_has_everyone_and_the_group(tehran: SwotModel) -> None:
    model = model_to_dict(tehran)
    other = model_to_dict(tehran.set_judgment("judgments.groups", 0, 1, 4.0))
    subs = [Sub("Ann", model["judgments"]), Sub("group", other["judgments"])]
    table = judgments_side_by_side(model, subs, group_judgments(model, subs))
    assert list(table.columns) == ["matrix", "item_i", "item_j", "Ann", "group", GROUP_COLUMN]
    first = table.iloc[0]
    assert (first["matrix"], first["item_i"], first["item_j"]) == ("judgments.groups", "S", "W")
    ann = model["judgments"]["groups"][0][1]
    assert first.iloc[-1] == pytest.approx(math.sqrt(ann * 4.0))


def test_dataframe_csv_follows_the_csv_rules() -> None:
    df = pd.DataFrame({"=name": ["=1+1", "plain", "'quoted"], "value": [0.1, math.nan, 3]})
    rows = _rows(dataframe_csv(df))
    assert rows[0] == ["'=name", "value"]
    assert rows[1] == ["'=1+1", "0.1"] and float(rows[1][1]) == 0.1
    assert rows[2] == ["plain", ""]
    assert [unneutralise(c) for c in rows[3]] == ["'quoted", "3.0"]
    assert dataframe_csv(df).endswith(b"\r\n")


def test_ranking_csv_is_dataframe_csv_of_its_columns(tehran: SwotModel) -> None:
    strategies = evaluate(tehran).strategies
    columns = ["rank", "id", "label_en", "label_fa", "tows", "priority", "ideal"]
    assert ranking_csv(strategies, "both") == dataframe_csv(strategies[columns])
