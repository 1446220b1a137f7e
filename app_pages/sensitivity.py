"""Page "Sensitivity": one-way sweeps with their rank reversals, and Monte Carlo robustness.

:func:`render` draws the page; the figure builders are pure functions of the results.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from swot.analysis import Evaluation
from swot.errors import PROJECT_ERRORS
from swot.model import GROUPS, SwotModel
from swot.sensitivity import (
    Method,
    Robustness,
    Sweep,
    reversals_csv,
    robustness,
    robustness_csv,
    sweep_csv,
    sweep_factor,
    sweep_group,
)
from ui.charts import FONT_FA, legend_below, persian_numbers, short, show_figure, title_layout
from ui.i18n import isolate, lang, resend
from ui.influence import cluster_sweep_available, cluster_sweep_choice
from ui.literal import literal
from ui.state import current_evaluation, get_model
from ui.strings import family, group_name, tr
from ui.tables import show_table
from ui.todo_view import cannot_rank

PROGRESS_AFTER = 1.0  # seconds before a Monte Carlo run shows a progress bar and "Cancel"
MC_KEY = "sensitivity_robustness"
CANCELLED_KEY = "sensitivity_cancelled"
METHODS: tuple[Method, ...] = ("lognormal", "saaty")


def _name(model: SwotModel, strategy_id: str, language: str) -> str:
    return f"{strategy_id} · {short(model.strategy(strategy_id).label(language), 40)}"


def _chart_name(model: SwotModel, strategy_id: str, language: str) -> str:
    """:func:`_name` for plotly, which lays text out left to right: in Persian a right-to-left
    isolate keeps the id first from the right and the ellipsis at the left end."""
    return isolate(_name(model, strategy_id, language), language)


def _style(fig: go.Figure, language: str, title: str) -> go.Figure:
    fig.update_layout(
        title=title_layout(isolate(title, language), language),
        margin={"l": 10, "r": 10, "t": 50, "b": 30},
        font={"family": FONT_FA} if language == "fa" else None,
    )
    return fig


def sweep_chart(sweep: Sweep, name: str, language: str) -> go.Figure:
    """One line per strategy over the swept weight, the current weight marked by a dashed
    vertical line and the changes of first place by dots."""
    fig = go.Figure()
    for sid in sweep.priorities.columns:
        fig.add_trace(go.Scatter(
            x=sweep.x, y=sweep.priorities[sid], mode="lines",
            name=_chart_name(sweep.model, sid, language),
            hovertemplate="%{x:.3f} → %{y:.4f}<extra>%{fullData.name}</extra>"))
    top = sweep.reversals[sweep.reversals["top_change"]]
    if not top.empty:
        fig.add_trace(go.Scatter(
            x=top["weight"], y=top["priority"], mode="markers", showlegend=False,
            marker={"size": 10, "color": "black", "symbol": "x"},
            hovertemplate="%{x:.4f}<extra></extra>"))
    fig.add_vline(x=sweep.current, line_dash="dash", line_color="grey",
                  annotation_text=isolate(tr("sensitivity.current", language,
                                             ascii_digits=False, w=sweep.current), language))
    fig.update_xaxes(title=tr("sensitivity.weight", language), range=[0, 1],
                     autorange="reversed" if language == "fa" else None)
    fig.update_yaxes(title=tr("sensitivity.priority", language),
                     side="right" if language == "fa" else "left")
    fig.update_layout(height=480, legend=legend_below(language, -0.2))
    title = tr("sensitivity.chart_title", language, ascii_digits=False, name=name)
    return persian_numbers(_style(fig, language, title), language, ("xaxis", "yaxis"))


def rank_heatmap(result: Robustness, language: str) -> go.Figure:
    """Heat map of the probability of each rank (columns) for each strategy (rows)."""
    probs = result.rank_probabilities
    ranks = [c for c in probs.columns if c.startswith("rank_")]
    names = [_chart_name(result.model, sid, language) for sid in probs["id"]]
    values = probs[ranks].to_numpy()
    rtl = language == "fa"
    fig = go.Figure(go.Heatmap(
        z=values, x=[int(c.removeprefix("rank_")) for c in ranks], y=names,
        colorscale="Blues", zmin=0, zmax=1,
        # in Persian the strategy names sit on the right: the colour bar goes to the left
        colorbar={"x": -0.02, "xanchor": "right", "tickformat": ".0%"} if rtl
        else {"tickformat": ".0%"},
        text=[[f"{v:.0%}" if v >= 0.005 else "" for v in row] for row in values],
        texttemplate="%{text}",
        hovertemplate="%{y}<br>" + tr("sensitivity.rank", language)
        + " %{x}: %{z:.3f}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", side="right" if rtl else "left", automargin=True)
    fig.update_xaxes(title=tr("sensitivity.rank", language), side="top", dtick=1,
                     autorange="reversed" if rtl else None)
    fig.update_layout(height=max(260, 120 + 34 * len(names)))
    return persian_numbers(_style(fig, language, tr("sensitivity.heat_title", language)), language)


def intervals_chart(result: Robustness, language: str) -> go.Figure:
    """Each strategy's 5th-95th percentile priority range, its median and the model's value."""
    s = result.summary
    names = [_chart_name(result.model, sid, language) for sid in s["id"]]
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=s["p50"], y=names, mode="markers", name=tr("sensitivity.median", language),
        marker={"size": 9, "color": "#455a64"},
        error_x={"type": "data", "symmetric": False, "array": s["p95"] - s["p50"],
                 "arrayminus": s["p50"] - s["p05"], "thickness": 2, "width": 6},
        hovertemplate="%{y}<br>%{x:.4f}<extra></extra>"))
    fig.add_trace(go.Scatter(
        x=s["priority"], y=names, mode="markers", name=tr("sensitivity.model_value", language),
        marker={"size": 9, "symbol": "diamond-open", "color": "#c62828"},
        hovertemplate="%{y}<br>%{x:.4f}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", side="right" if language == "fa" else "left",
                     automargin=True)
    fig.update_xaxes(title=tr("sensitivity.priority", language),
                     autorange="reversed" if language == "fa" else True)
    fig.update_layout(height=max(260, 120 + 34 * len(names)),
                      legend=legend_below(language, -0.15))
    title = tr("sensitivity.intervals_title", language, ascii_digits=False)
    return persian_numbers(_style(fig, language, title), language)


def _reversal_table(sweep: Sweep, language: str, only_top: bool) -> pd.DataFrame:
    rev = sweep.reversals[sweep.reversals["top_change"]] if only_top else sweep.reversals
    return pd.DataFrame({
        tr("sensitivity.weight", language): rev["weight"],
        tr("sensitivity.col_ahead_below", language): [_name(sweep.model, s, language)
                                          for s in rev["strategy_a"]],
        tr("sensitivity.col_ahead_above", language): [_name(sweep.model, s, language)
                                          for s in rev["strategy_b"]],
        tr("sensitivity.priority", language): rev["priority"],
        tr("sensitivity.col_top", language): [tr("common.yes" if top else "common.no", language)
                                  for top in rev["top_change"]],
    })


def _one_way(model: SwotModel, result: Evaluation, language: str) -> None:
    st.subheader(tr("sensitivity.one_way", language))
    st.caption(tr("sensitivity.one_way_note", language, ascii_digits=False))
    kinds = ("group", "factor", "cluster") if cluster_sweep_available(model) else (
        "group", "factor")
    resend("sens_kind", "group")
    kind = st.radio(tr("sensitivity.vary", language), kinds, horizontal=True,
                    format_func=lambda k: tr(family("sensitivity.a_", k), language),
                    key="sens_kind")
    try:
        if kind == "cluster":
            sweep, name = cluster_sweep_choice(model, result, language)
        elif kind == "group":
            resend("sens_group", GROUPS[0])
            group = st.selectbox(tr("sensitivity.group", language), GROUPS, key="sens_group",
                                 format_func=lambda g: group_name(g, language))
            sweep = sweep_group(model, group, result=result)
            name = group_name(group, language)
        else:
            if st.session_state.get("sens_factor") not in model.factor_ids():
                st.session_state.pop("sens_factor", None)
            resend("sens_factor", model.factor_ids()[0])
            factor = st.selectbox(tr("sensitivity.factor", language), model.factor_ids(),
                                  key="sens_factor", format_func=lambda f: isolate(
                                      f"{f} · {model.factor(f).label(language)}", language))
            sweep = sweep_factor(model, factor, result=result)
            name = f"{factor} · {short(model.factor(factor).label(language), 40)}"
    except PROJECT_ERRORS as exc:  # swot's and anp's errors (never a traceback in the UI)
        st.error(literal(str(exc), 600))
        return
    show_figure(sweep_chart(sweep, name, language), key="sens_chart")
    left, right = st.columns(2)
    left.download_button(tr("sensitivity.dl_sweep", language), sweep_csv(sweep, language),
                         file_name=f"sweep-{sweep.target}.csv", mime="text/csv",
                         key="sens_dl_sweep", on_click="ignore")
    right.download_button(tr("sensitivity.dl_reversals", language), reversals_csv(sweep, language),
                          file_name=f"sweep-{sweep.target}-reversals.csv", mime="text/csv",
                          key="sens_dl_reversals", on_click="ignore")
    st.markdown(f"**{tr('sensitivity.reversals', language)}**")
    if sweep.reversals.empty:
        st.info(tr("sensitivity.no_reversals", language, ascii_digits=False))
        return
    only_top = st.checkbox(tr("sensitivity.only_top", language), key="sens_only_top")
    show_table(_reversal_table(sweep, language, only_top))


def _on_cancel() -> None:
    st.session_state[CANCELLED_KEY] = True


def _progress_callback(slot: DeltaGenerator, start: float, language: str,
                       cancel: DeltaGenerator | None = None) -> Callable[[float], None]:
    """A progress callback that fills ``slot`` with a bar once the run has taken
    :data:`PROGRESS_AFTER` seconds, and puts a "Cancel" button into ``cancel``. Clicking it
    starts a rerun, which stops the run at its next progress update (Streamlit interrupts a
    script at its next call when a rerun is requested); the run's partial samples are dropped."""
    shown = False

    def update(fraction: float) -> None:
        nonlocal shown
        if time.perf_counter() - start > PROGRESS_AFTER:
            slot.progress(min(fraction, 1.0), text=tr("sensitivity.running", language))
            if cancel is not None and not shown:
                shown = True
                cancel.button(tr("sensitivity.cancel", language), key="sens_mc_cancel",
                              on_click=_on_cancel)

    return update


def _monte_carlo(model: SwotModel, language: str) -> None:
    st.subheader(tr("sensitivity.monte_carlo", language))
    st.caption(tr("sensitivity.mc_note", language))
    resend("sens_mc_method", METHODS[0])
    method = st.radio(tr("sensitivity.method", language), METHODS, horizontal=True,
                      format_func=lambda m: tr(family("sensitivity.method_", m), language),
                      key="sens_mc_method")
    with st.form("sens_mc"):
        left, right = st.columns(2)
        with left:  # only the input of the chosen perturbation
            if method == "lognormal":
                spread = st.slider(tr("sensitivity.spread", language), 0.0, 1.0, 0.2, 0.05,
                                   key="sens_mc_spread")
                steps = 1
            else:
                steps = st.slider(tr("sensitivity.steps", language), 0, 8, 1, key="sens_mc_steps")
                spread = 0.2
            direct = False
            if model.weighting == "direct" or any(
                    j.kind == "ratings" for j in model.strategy_judgments.values()):
                direct = st.checkbox(tr("sensitivity.perturb_direct", language),
                                     key="sens_mc_direct")
        with right:
            n = st.number_input(tr("sensitivity.samples", language), 1, 100_000, 10_000, 1000,
                                key="sens_mc_n")
            seed = st.number_input(tr("sensitivity.seed", language), 0, 2**31 - 1, 1,
                                   key="sens_mc_seed")
            precision = st.number_input(tr("sensitivity.precision", language, ascii_digits=False),
                                        0.0, 0.2, 0.0, 0.005, format="%.3f",
                                        help=tr("sensitivity.precision_help", language,
                                                ascii_digits=False),
                                        key="sens_mc_precision")
        run = st.form_submit_button(tr("sensitivity.run", language), type="primary")
    if st.session_state.pop(CANCELLED_KEY, False):
        st.info(tr("sensitivity.cancelled", language))
    if run:
        slot, cancel = st.empty(), st.empty()
        start = time.perf_counter()
        try:
            result = robustness(model, n=int(n), seed=int(seed), method=method, spread=spread,
                                steps=int(steps), perturb_direct=direct,
                                progress=_progress_callback(slot, start, language, cancel),
                                precision=precision or None)
        except PROJECT_ERRORS as exc:  # swot's and anp's errors (never a traceback in the UI)
            slot.empty()
            cancel.empty()
            st.error(literal(str(exc), 600))
            return
        st.session_state[MC_KEY] = (result, time.perf_counter() - start)
        slot.empty()
        cancel.empty()
    kept = st.session_state.get(MC_KEY)
    if kept is None or kept[0].model is not model:  # a run of an earlier model
        return
    result, seconds = kept
    stopped = ([tr("sensitivity.stopped", language, ascii_digits=False, n=result.samples,
                   total=result.requested)]
               if result.samples < result.requested else [])
    st.caption(" · ".join([tr("sensitivity.done", language, ascii_digits=False, n=result.samples,
                              s=seconds),
                           tr("sensitivity.std_error", language, ascii_digits=False,
                              se=result.standard_error), *stopped]))
    show_figure(rank_heatmap(result, language), key="sens_heat")
    show_figure(intervals_chart(result, language), key="sens_intervals")
    s = result.summary
    show_table(pd.DataFrame({
        tr("sensitivity.strategy", language): [_name(model, sid, language) for sid in s["id"]],
        tr("sensitivity.p_first", language): s["p_first"],
        **{tr(family("sensitivity.quantile_", q), language,
              ascii_digits=False): s[q] for q in ("p05", "p50", "p95")},
    }))
    st.download_button(tr("sensitivity.download", language), robustness_csv(result, language),
                       file_name="robustness.csv", mime="text/csv", key="sens_csv")


def render() -> None:
    """Draw the page."""
    language = lang()
    st.header(tr("app.page_sensitivity", language))
    result = current_evaluation()
    model = get_model()
    if isinstance(result, list):
        cannot_rank(model, language, "sens", result)  # one sentence per matrix, never a JSON path
        return
    _one_way(model, result, language)
    _monte_carlo(model, language)


if __name__ == "__main__":
    render()
