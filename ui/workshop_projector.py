"""The projector view: large charts for the room that refresh by themselves — how many have
joined and judged, the live group ranking, consensus per matrix, the most disputed
comparisons as each person's judgment on a log scale (names hidden in anonymous mode) — and the
QR code of the join link."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from anp import CONSENSUS_BANDS
from swot.model import SwotModel
from swot.store import Store, workshop_link
from ui.charts import FONT_FA, persian_numbers, ranking_chart, show_figure, title_layout
from ui.i18n import isolate
from ui.literal import literal
from ui.strings import family, t
from ui.workshop_labels import item_label, matrix_label
from ui.workshop_results import Snapshot, live_workshop, qr_png
from ui.workshop_view import REFRESH_SECONDS, app_url

BIG = 20  # font size on the projector
DISPUTED = 6  # comparisons in the strip plot
BAND_COLOURS = {"very high": "#1b5e20", "high": "#43a047", "moderate": "#fbc02d",
                "low": "#ef6c00", "very low": "#c62828", "n/a": "#9e9e9e"}


def _layout(fig: go.Figure, title: str, language: str, height: int) -> go.Figure:
    rtl = language == "fa"
    fig.update_layout(title=title_layout(isolate(title, language), language), height=height,
                      font={"size": BIG, **({"family": FONT_FA} if rtl else {})},
                      margin={"l": 10, "r": 10, "t": 60, "b": 10}, showlegend=False)
    return persian_numbers(fig, language)  # every projector chart has its numbers along x


def progress_chart(snap: Snapshot, language: str) -> go.Figure:
    """Joined, judged something, judged everything."""
    status = snap.report.status
    judged = (status.groupby("participant")["status"].apply(lambda s: (s == "judged").agg(
        ["any", "all"])).unstack() if status is not None and not status.empty else None)
    values = [len(snap.people),
              0 if judged is None else int(judged["any"].sum()),
              0 if judged is None else int(judged["all"].sum())]
    labels = [t("workshop.joined"), t("workshop.judged_some"), t("workshop.judged_all")]
    fig = go.Figure(go.Bar(x=values, y=[isolate(x, language) for x in labels], orientation="h",
                           text=values, textposition="auto", marker_color="#455a64"))
    fig.update_yaxes(autorange="reversed", side="right" if language == "fa" else "left")
    fig.update_xaxes(autorange="reversed" if language == "fa" else True, dtick=1)
    return _layout(fig, t("workshop.joined_judged"), language, 260)


def consensus_chart(snap: Snapshot, model: SwotModel, language: str) -> go.Figure:
    """S* per matrix with at least two judges, coloured by Goepel's word scale."""
    consensus = snap.report.consensus
    assert consensus is not None  # drawn only for a report without an error
    table = consensus.dropna(subset=["consensus"])
    labels = [isolate(matrix_label(model, m, language)[:50], language) for m in table["matrix"]]
    fig = go.Figure(go.Bar(
        x=table["consensus"], y=labels, orientation="h",
        marker_color=[BAND_COLOURS[b] for b in table["band"]],
        text=[f"{v:.2f} · {t(family('workshop.band_', b))}"
              for v, b in zip(table["consensus"], table["band"], strict=True)],
        textposition="auto"))
    for bound, _word in CONSENSUS_BANDS[:-1]:
        fig.add_vline(x=bound, line={"dash": "dot", "color": "#757575"})
    fig.update_xaxes(range=[1, 0] if language == "fa" else [0, 1])
    fig.update_yaxes(autorange="reversed", side="right" if language == "fa" else "left")
    return _layout(fig, t("workshop.consensus_chart"), language, max(260, 90 + 34 * len(table)))


def disputed_chart(snap: Snapshot, model: SwotModel, language: str) -> go.Figure:
    """The most disputed comparisons: each person's judgment as a dot on a log scale."""
    disputes, side = snap.report.disputes, snap.report.side
    assert disputes is not None and side is not None  # drawn only for a report without an error
    disputes = disputes.head(DISPUTED)
    people = [c for c in side.columns if c not in ("matrix", "item_i", "item_j", "group")]
    fig = go.Figure()
    rows = []
    for row in disputes.itertuples():
        match = side[(side["matrix"] == row.matrix) & (side["item_i"] == row.item_i)
                     & (side["item_j"] == row.item_j)]
        label = isolate(f"{item_label(model, row.item_i, language)[:24]} / "
                        f"{item_label(model, row.item_j, language)[:24]}", language)
        for person in people:
            value = match[person].iloc[0] if len(match) else np.nan
            if not pd.isna(value):
                rows.append((label, float(value), person))
    if rows:
        data = pd.DataFrame(rows, columns=["pair", "value", "person"])
        fig.add_scatter(x=data["value"], y=data["pair"], mode="markers",
                        marker={"size": 18, "opacity": 0.75, "color": "#1565c0"},
                        text=data["person"], hovertemplate="%{text}: %{x:.3g}<extra></extra>")
    ends = [np.log10(1 / 9.5), np.log10(9.5)]
    fig.update_xaxes(type="log", range=ends[::-1] if language == "fa" else ends,
                     tickvals=[1 / 9, 1 / 5, 1 / 3, 1, 3, 5, 9],
                     ticktext=["1/9", "1/5", "1/3", "1", "3", "5", "9"])
    fig.add_vline(x=1, line={"color": "#757575"})
    fig.update_yaxes(autorange="reversed", side="right" if language == "fa" else "left")
    return _layout(fig, t("workshop.disputed_chart"), language, max(300, 90 + 60 * len(disputes)))


def render_projector(path: Path | str, code: str, language: str) -> None:
    """The projector view of the workshop ``code``."""
    with Store(path) as store:
        workshop = store.get_workshop(code)
    st.title(t("workshop.projector_title", ascii_digits=True, code=workshop.code))
    if workshop.title:
        st.subheader(literal(workshop.title), anchor=False)

    @st.fragment(run_every=REFRESH_SECONDS)
    def live() -> None:
        _, snap, model = live_workshop(path, code)
        left, right = st.columns([3, 1])
        with right:
            st.image(qr_png(workshop_link(app_url(), code)), caption=t("workshop.qr_caption"),
                     width="stretch")
        with left:
            show_figure(progress_chart(snap, language), key="pj_progress")
        report = snap.report
        if report.error:
            st.error(literal(t("workshop.cannot_group", ascii_digits=True, message=report.error),
                             600))
            return
        if report.ranking is None:
            st.info(t("workshop.no_results"))
            return
        first, second = st.columns(2)
        with first:
            fig = ranking_chart(report.ranking, language)
            fig.update_layout(font={"size": BIG})
            show_figure(fig, key="pj_ranking")
        assert report.consensus is not None  # a report without an error
        if report.consensus["consensus"].isna().all():  # no matrix has two judges yet:
            second.info(t("workshop.no_consensus_yet"))  # say so, not two empty charts
            return
        with second:
            show_figure(consensus_chart(snap, model, language), key="pj_consensus")
        show_figure(disputed_chart(snap, model, language), key="pj_disputed")

    live()
