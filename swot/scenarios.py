"""Tables for comparing scenarios and following a workshop: pure functions for the app.

:func:`compare_rankings` puts the rankings of several models side by side,
:func:`differences_table` lists what differs between two models (:func:`swot.diff.diff_models`)
as text, and :func:`judgments_side_by_side` puts everyone's judgments next to the group's.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from swot.analysis import Evaluation, evaluate
from swot.diff import diff_models
from swot.errors import PROJECT_ERRORS
from swot.io import model_from_dict, model_to_dict
from swot.model import SwotError, SwotModel
from swot.workshop import SubmissionLike, participant_judgments_table

DIFFERENCE_COLUMNS = ("path", "items", "kind", "before", "after")


GROUP_COLUMN = "group"
_GROUP_KEY = "\x00group"  # the group's name while pivoting: no participant can have it


class ScenarioComparisonError(SwotError):
    """A scenario cannot be ranked or compared; the message names it."""


def rank_column(name: str) -> str:
    """The column of :func:`compare_rankings` with the ranks in scenario ``name``."""
    return f"rank: {name}"


def priority_column(name: str) -> str:
    """The column of :func:`compare_rankings` with the priorities in scenario ``name``."""
    return f"priority: {name}"


def _as_model(name: str, model: SwotModel | Mapping[str, Any]) -> SwotModel:
    if isinstance(model, SwotModel):
        return model
    try:
        return model_from_dict(dict(model), source=name)
    except SwotError as exc:
        raise ScenarioComparisonError(f"scenario {name!r} is not a valid model: {exc}") from exc


def _evaluated(name: str, model: SwotModel | Mapping[str, Any]) -> Evaluation:
    try:
        return evaluate(_as_model(name, model))
    except ScenarioComparisonError:
        raise
    except PROJECT_ERRORS as exc:  # EvaluationError, or anp's (e.g. a limit not trusted)
        raise ScenarioComparisonError(f"scenario {name!r} cannot be ranked: {exc}") from exc


def compare_rankings(named_models: Mapping[str, SwotModel | Mapping[str, Any]]) -> pd.DataFrame:
    """The rankings of several models in one table, one row per strategy.

    Columns: ``id``, ``label_en``, ``label_fa``, then :func:`rank_column` and
    :func:`priority_column` of each model in the given order. Rows follow the first model's
    ranking; strategies only later models have come last, with NaN where a model lacks them.
    """
    if not named_models:
        raise ScenarioComparisonError("choose at least one scenario to compare")
    rankings = {name: _evaluated(name, model).strategies for name, model in named_models.items()}
    table = pd.concat(
        [r[["id", "label_en", "label_fa"]] for r in rankings.values()], ignore_index=True
    ).drop_duplicates("id", ignore_index=True)
    for name, r in rankings.items():
        table = table.merge(pd.DataFrame({
            "id": r["id"],
            rank_column(name): r["rank"].astype(float),
            priority_column(name): r["priority"],
        }), on="id", how="left")
    return table


def rank_change_column(name: str) -> str:
    """The column of :func:`comparison_for_file` with the places strategies moved in scenario
    ``name`` relative to the first scenario."""
    return f"rank change: {name}"


def rank_changes(table: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    """Per later scenario, how many places each strategy moved relative to the first scenario:
    first rank minus this rank (+2 = two places up, -1 = one down, 0 = same place; missing
    where either scenario lacks the strategy). Integer columns (pandas ``Int64``) named by
    :func:`rank_change_column`."""
    first = table[rank_column(names[0])].astype("Int64")
    return pd.DataFrame({
        rank_change_column(name): first - table[rank_column(name)].astype("Int64")
        for name in names[1:]
    }, index=table.index)


def comparison_for_file(table: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    """:func:`compare_rankings`'s table as it goes into a CSV file: ranks as integers (blank
    where a scenario lacks the strategy) and the :func:`rank_changes` columns at the end."""
    out = table.copy()
    for name in names:
        out[rank_column(name)] = out[rank_column(name)].astype("Int64")
    return pd.concat([out, rank_changes(table, names)], axis=1)


def scenario_consistency(
    named_models: Mapping[str, SwotModel | Mapping[str, Any]],
) -> pd.DataFrame:
    """The consistency of every pairwise matrix of each scenario, one row per scenario and
    matrix: ``scenario``, ``matrix``, ``n``, ``missing``, ``lambda_max``, ``cr``,
    ``threshold``, ``passes``."""
    if not named_models:  # as compare_rankings; pandas' concat of nothing is a ValueError
        raise ScenarioComparisonError("choose at least one scenario to compare")
    parts = []
    for name, model in named_models.items():
        table = _evaluated(name, model).consistency
        parts.append(table.drop(columns=["ci"]).assign(scenario=name))
    table = pd.concat(parts, ignore_index=True)
    return table[["scenario", *[c for c in table.columns if c != "scenario"]]]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:.6g}"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def differences_table(
    a: SwotModel | Mapping[str, Any], b: SwotModel | Mapping[str, Any]
) -> pd.DataFrame:
    """What differs from model ``a`` to model ``b``, one row per difference, values as text.

    Columns: ``path``, ``items`` (the compared pair or rated strategy, ``"S1 / S2"``),
    ``kind`` (changed, added, removed), ``before``, ``after``.
    """
    first = model_to_dict(a) if isinstance(a, SwotModel) else a
    second = model_to_dict(b) if isinstance(b, SwotModel) else b
    rows = [
        (d.path, " / ".join(d.items), d.kind, _text(d.before), _text(d.after))
        for d in diff_models(first, second)
    ]
    return pd.DataFrame(rows, columns=list(DIFFERENCE_COLUMNS))


def judgments_side_by_side(
    model: Mapping[str, Any], submissions: Sequence[SubmissionLike], group: Mapping[str, Any]
) -> pd.DataFrame:
    """Every judgment of every participant and of the group, one row per matrix and pair.

    Columns: ``matrix``, ``item_i``, ``item_j``, one column per participant (their name), and
    ``group`` (``group`` is the group's judgments object, :func:`swot.workshop.group_judgments`).
    """
    rows = participant_judgments_table(
        [*submissions, _Group(dict(group))], model)
    keys = ["matrix", "item_i", "item_j"]
    order = rows[rows["participant"] == _GROUP_KEY][keys]
    wide = rows.pivot(index=keys, columns="participant", values="value")
    names = [s.participant_name for s in submissions]
    table = order.merge(wide[[*names, _GROUP_KEY]].reset_index(), on=keys, how="left")
    return table.rename(columns={_GROUP_KEY: GROUP_COLUMN})


@dataclass(frozen=True)
class _Group:
    judgments: dict[str, Any]
    participant_name: str = _GROUP_KEY
