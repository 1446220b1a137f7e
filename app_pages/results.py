"""Page "Results": the ranking, global factor weights, the Yüksel–Dağdeviren steps and the
unweighted, weighted and limit supermatrices."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from swot.analysis import Evaluation
from swot.model import GROUPS, SwotModel
from ui.charts import factor_weights_chart, heatmap, ranking_chart, row_label, show_figure
from ui.i18n import lang
from ui.influence import results_section
from ui.report_buttons import model_report_buttons
from ui.state import current_evaluation, get_model
from ui.strings import family, group_name, t, tows_name
from ui.tables import show_table
from ui.todo_view import cannot_rank, unjudged_warning
from ui.verdict_view import consistency_note, headline


def node_names(model: SwotModel, language: str) -> dict[str, str]:
    """Readable names of the supermatrix nodes (hover text of the heat maps)."""
    names = {"Goal": t("common.goal")}
    for g in GROUPS:
        names[g] = group_name(g, language)
        names[g + "*"] = f"{group_name(g, language)} ({t('results.w_dep')})"
    names.update({f.id: f"{f.id} · {f.label(language)}" for f in model.all_factors()})
    names.update({s.id: f"{s.id} · {s.label(language)}" for s in model.strategies})
    return names


def _ranking(model: SwotModel, result: Evaluation, language: str) -> None:
    table = result.strategies
    headline(result, language)
    consistency_note(model, result, language, "res")
    unjudged_warning(model)
    show_figure(ranking_chart(table, language), key="chart_ranking")
    show_table(pd.DataFrame({
        t("results.col_rank"): table["rank"],
        t("common.col_id"): table["id"],
        t("common.col_label"): [row_label(row, language) for _, row in table.iterrows()],
        t("common.col_tows"): [tows_name(w, language) for w in table["tows"]],
        t("results.col_priority"): table["priority"],
        t("results.col_ideal"): table["ideal"],
    }))


def _steps(result: Evaluation, language: str) -> None:
    groups = [group_name(g, language) for g in GROUPS]
    step1, step2, step3, step4 = st.tabs([t(family("results.step_tab_", k)) for k in range(1, 5)])
    with step1:
        st.caption(t("results.step1"))
        show_table(pd.DataFrame({t("common.col_group"): groups,
                                 t("common.col_weight"): result.group_weights_goal.to_numpy()}))
    with step2:
        st.caption(t("results.step2"))
        st.markdown(f"**{t('results.step2_matrix')}**")
        show_table(result.dependence.set_axis(groups, axis=0).set_axis(groups, axis=1),
                   index=True)
        show_table(pd.DataFrame({
            t("common.col_group"): groups,
            t("results.w_goal"): result.group_weights_goal.to_numpy(),
            t("results.w_dep"): result.group_weights.to_numpy(),
        }))
    with step3:
        st.caption(t("results.step3"))
        factors = result.factors
        show_table(pd.DataFrame({
            t("common.col_group"): [group_name(g, language) for g in factors["group"]],
            t("common.col_id"): factors["id"],
            t("common.col_label"): [row_label(row, language) for _, row in factors.iterrows()],
            t("results.col_local"): factors["local_weight"],
            t("results.col_global"): factors["global_weight"],
        }))
    with step4:
        st.caption(t("results.step4"))
        st.dataframe(result.strategy_matrix.style.format(precision=3))


def _supermatrices(model: SwotModel, result: Evaluation, language: str) -> None:
    names = node_names(model, language)
    st.caption(t("results.heat_note"))
    tabs = st.tabs([t("results.unweighted"), t("results.weighted"), t("results.limit")])
    for tab, key, matrix in zip(
        tabs, ("unweighted", "weighted", "limit"),
        (result.unweighted, result.weighted, result.limit), strict=True,
    ):
        with tab:
            show_figure(heatmap(matrix, names, language), key=f"heat_{key}")


def render() -> None:
    """Draw the page."""
    st.header(t("app.page_results"))
    result = current_evaluation()
    model = get_model()
    language = lang()
    if isinstance(result, list):
        cannot_rank(model, language, "res", result)
        model_report_buttons(model, language)  # the report says what is missing
        return
    _ranking(model, result, language)
    results_section(model, result, language)
    model_report_buttons(model, language)
    show_figure(factor_weights_chart(result.factors, language), key="chart_factors")
    st.subheader(t("results.steps"))
    _steps(result, language)
    st.subheader(t("results.supermatrices"))
    _supermatrices(model, result, language)


render()
