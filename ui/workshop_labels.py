"""Workshop tables as people read them: matrices and items by their labels, judgments as
Saaty values, participants by name or as "Participant k", times in the session's calendar."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from swot.model import SwotModel
from swot.workshop_text import local_time, saaty_text
from ui.pairwise import item_title
from ui.problems import place_label
from ui.strings import t


def matrix_label(model: SwotModel, path: str, language: str) -> str:
    """A matrix's (or a table path's) readable name."""
    return place_label(model, path, language)


def item_label(model: SwotModel, item_id: str, language: str) -> str:
    """An item's readable name ("S1 · label", a group name); the id if the model lacks it."""
    if not item_id:
        return ""
    try:
        return item_title(model, item_id, language)
    except KeyError:
        return item_id


def labelled_judgments(table: pd.DataFrame, model: SwotModel, language: str,
                       value_columns: list[str]) -> pd.DataFrame:
    """A table with ``matrix``, ``item_i``, ``item_j`` and judgment columns, labelled: the
    judgment columns as Saaty values (ratings as numbers)."""
    out = pd.DataFrame({
        t("common.col_matrix"): [matrix_label(model, p, language) for p in table["matrix"]],
        t("workshop.col_item_i"): [item_label(model, x, language) for x in table["item_i"]],
        t("workshop.col_item_j"): [item_label(model, x, language) for x in table["item_j"]],
    })
    ratings = table["matrix"].str.endswith(".ratings")
    for column in value_columns:
        out[column] = [
            ("" if pd.isna(v) else f"{v:.4g}") if rated else saaty_text(v)
            for v, rated in zip(table[column], ratings, strict=True)
        ]
    return out


def audit_view(changes: list, model: SwotModel, names: Mapping[str, str],
               language: str) -> pd.DataFrame:
    """The audit trail (:meth:`swot.store.Store.judgment_changes`) as a labelled table."""

    def value(v: float | None, matrix: str, item_j: str) -> str:
        if v is None:
            return ""
        return f"{v:.4g}" if not item_j else saaty_text(v)

    return pd.DataFrame({
        t("workshop.col_when"): [local_time(c.changed_at, language) for c in changes],
        t("common.col_name"): [names.get(c.participant_name, c.participant_name) for c in changes],
        t("workshop.col_round"): [c.round for c in changes],
        t("common.col_matrix"): [matrix_label(model, c.matrix, language) for c in changes],
        t("workshop.col_item_i"): [item_label(model, c.item_i, language) for c in changes],
        t("workshop.col_item_j"): [item_label(model, c.item_j, language) for c in changes],
        t("workshop.col_old"): [value(c.old_value, c.matrix, c.item_j) for c in changes],
        t("workshop.col_new"): [value(c.new_value, c.matrix, c.item_j) for c in changes],
        t("workshop.col_rationale"): [c.rationale for c in changes],
    }, columns=[t("workshop.col_when"), t("common.col_name"), t("workshop.col_round"),
                t("common.col_matrix"),
                t("workshop.col_item_i"), t("workshop.col_item_j"), t("workshop.col_old"),
                t("workshop.col_new"),
                t("workshop.col_rationale")])


def status_mark(status: str) -> str:
    """✓ judged, ◐ incomplete, ○ not yet."""
    return {"judged": "✓", "incomplete": "◐"}.get(status, "○")
