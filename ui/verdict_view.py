"""What a page shows beside a ranking: the headline (top strategy, or a near tie by
:mod:`swot.verdict`) and the consistency of every pairwise matrix, failing ones linked to
their editor on the Weights page; for compared scenarios, the same per scenario and the places
each strategy moved."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import streamlit as st

from swot.analysis import Evaluation
from swot.io import model_from_dict
from swot.model import SwotModel
from swot.verdict import Verdict, verdict
from ui.charts import row_label
from ui.literal import literal
from ui.pairwise import matrix_title
from ui.state import CHOSEN_MATRIX_KEY
from ui.strings import t
from ui.tables import escape_markdown

WEIGHTS_PAGE = "app_pages/weights.py"


def _name(result: Evaluation, sid: str, language: str) -> str:
    row = result.strategies.set_index("id").loc[sid]
    return f"{sid} · {row_label(row, language)}"


def headline(result: Evaluation, language: str) -> Verdict:
    """The top strategy, or the strategies practically tied with it, as a heading with a
    caption giving the gap; returns the verdict."""
    v = verdict(result)
    priorities = result.strategies["priority"]
    if v.tied:
        names = ", ".join(_name(result, s, language) for s in v.leaders)
        st.markdown(f"### {escape_markdown(t('trust.tied', names=names))}")
        st.caption(t("trust.tied_note", margin=v.margin, first=float(priorities.iloc[0])))
    else:
        name = _name(result, v.leaders[0], language)
        st.markdown(f"### {t('results.top_strategy', s=escape_markdown(name))}")
        if len(priorities) > 1:
            st.caption(t("trust.ahead", gap=v.gap, second=result.strategies["id"].iloc[1],
                          margin=v.margin))
    return v


def open_matrix(path: str) -> None:
    """Go to the Weights page with the matrix at ``path`` chosen."""
    st.session_state[CHOSEN_MATRIX_KEY] = path
    st.session_state.pop("pw_matrix", None)
    st.switch_page(WEIGHTS_PAGE)


def consistency_note(model: SwotModel, result: Evaluation, language: str, key: str) -> None:
    """Whether every pairwise matrix passes its threshold; else each failing matrix with its
    CR and a button that opens it on the Weights page (``key`` prefixes the buttons)."""
    v = verdict(result)
    n = len(result.consistency)
    if v.consistent:
        st.success(t("trust.all_pass", n=n))
        return
    st.error(t("trust.some_fail", k=len(v.failing), n=n))
    for row in v.failing.itertuples():
        left, right = st.columns([3, 1])
        title = matrix_title(model, row.matrix, language)
        left.markdown("- " + t("trust.failing_row", matrix=escape_markdown(title), cr=row.cr,
                                thr=row.threshold))
        if right.button(t("trust.open_matrix"), key=f"{key}:open:{row.matrix}"):
            open_matrix(row.matrix)


def moved(change: Any) -> str:
    """A rank change (a table's cell: a number, or NaN / pd.NA) as shown: "▲ 2" (two places
    up), "▼ 1", "=" or "" (missing)."""
    if pd.isna(change):
        return ""
    k = int(change)
    return "=" if k == 0 else f"▲ {k}" if k > 0 else f"▼ {-k}"


def scenarios_consistency(models: Mapping[str, Mapping[str, Any]], consistency: pd.DataFrame,
                          language: str, load: Callable[[str], None]) -> None:
    """Whether every matrix of every compared scenario (``models``: name -> model data,
    ``consistency``: :func:`swot.scenarios.scenario_consistency`) passes; else each failing
    one with its CR and a button that loads that scenario (``load(name)``) and opens the
    matrix on the Weights page."""
    failing = consistency[~consistency["passes"].astype(bool)]
    if failing.empty:
        st.success(t("trust.all_pass_scenarios", n=len(models)))
        return
    st.error(t("trust.some_fail_scenarios"))
    for k, row in enumerate(failing.itertuples()):
        model = model_from_dict(dict(models[row.scenario]), source=row.scenario)
        left, right = st.columns([3, 1])
        left.markdown("- " + literal(row.scenario) + " · " + t(
            "trust.failing_row", matrix=escape_markdown(matrix_title(model, row.matrix, language)),
            cr=row.cr, thr=row.threshold))
        if right.button(t("trust.load_and_open"), key=f"sc_open_{k}"):
            load(row.scenario)
            open_matrix(row.matrix)
