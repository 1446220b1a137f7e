"""Plotly figure builders: pure functions of data to ``go.Figure``.

In Persian the bar charts mirror (value axis grows leftwards, category labels on the right)
and use a font stack with Persian glyphs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from anp import LabelledMatrix
from swot.model import GROUPS
from ui.i18n import group_name, tr

GROUP_COLOURS: dict[str, str] = {"S": "#2e7d32", "W": "#c62828", "O": "#1565c0", "T": "#ef6c00"}
FONT_FA = "Vazirmatn, 'Noto Naskh Arabic', 'Noto Sans Arabic', Tahoma, 'DejaVu Sans', sans-serif"
BAR_HEIGHT = 26  # pixels per bar of a horizontal bar chart


def short(text: str, limit: int = 48) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_label(item_id: str, label: str, lang: str) -> str:
    """Axis label "id · label"; in Persian wrapped in a right-to-left isolate so that the id
    comes first from the right and a shortening ellipsis lands at the left end."""
    text = f"{item_id} · {short(label)}"
    return f"\u2067{text}\u2069" if lang == "fa" else text


def _layout(fig: go.Figure, lang: str, n_bars: int, title: str) -> go.Figure:
    """Common layout of the horizontal bar charts (mirrored in Persian)."""
    rtl = lang == "fa"
    fig.update_layout(
        title=title,
        height=max(220, 90 + BAR_HEIGHT * n_bars),
        margin={"l": 10, "r": 10, "t": 50, "b": 30},
        font={"family": FONT_FA} if rtl else None,
        title_x=1.0 if rtl else 0.0,
        title_xanchor="right" if rtl else "left",
    )
    fig.update_yaxes(autorange="reversed", side="right" if rtl else "left", automargin=True)
    fig.update_xaxes(autorange="reversed" if rtl else True, tickformat=".0%", automargin=True)
    return fig


def ranking_chart(strategies: pd.DataFrame, lang: str) -> go.Figure:
    """Strategies' priorities, best on top (``Evaluation.strategies``)."""
    label_col = f"label_{lang}"
    labels = [
        bar_label(row.id, getattr(row, label_col) or row.label_en or row.label_fa, lang)
        for row in strategies.itertuples()
    ]
    fig = go.Figure(go.Bar(
        x=strategies["priority"],
        y=labels,
        orientation="h",
        marker_color="#455a64",
        text=[f"{p:.1%}" for p in strategies["priority"]],
        textposition="auto",
        hovertemplate="%{y}<br>%{x:.4f}<extra></extra>",
    ))
    return _layout(fig, lang, len(labels), tr("ranking", lang))


def factor_weights_chart(factors: pd.DataFrame, lang: str) -> go.Figure:
    """Global factor weights (``Evaluation.factors``), largest on top, coloured by group."""
    label_col = f"label_{lang}"
    ordered = factors.sort_values("global_weight", ascending=False, kind="stable")
    fig = go.Figure()
    for group in GROUPS:
        part = ordered[ordered["group"] == group]
        fig.add_trace(go.Bar(
            x=part["global_weight"],
            y=[
                bar_label(row.id, getattr(row, label_col) or row.label_en or row.label_fa, lang)
                for row in part.itertuples()
            ],
            orientation="h",
            name=group_name(group, lang),
            marker_color=GROUP_COLOURS[group],
            hovertemplate="%{y}<br>%{x:.4f}<extra></extra>",
        ))
    order = [
        bar_label(row.id, getattr(row, label_col) or row.label_en or row.label_fa, lang)
        for row in ordered.itertuples()
    ]
    fig.update_yaxes(categoryorder="array", categoryarray=order)
    fig.update_layout(legend={"orientation": "h", "y": -0.08, "x": 0.5, "xanchor": "center"})
    return _layout(fig, lang, len(order), tr("global_weights", lang))


def priorities_chart(names: Sequence[str], weights: Sequence[float], lang: str) -> go.Figure:
    """Priorities of the items of one pairwise matrix, in matrix order."""
    fig = go.Figure(go.Bar(
        x=list(weights),
        y=[short(n, 40) for n in names],
        orientation="h",
        marker_color="#1565c0",
        text=[f"{w:.1%}" for w in weights],
        textposition="auto",
        hovertemplate="%{y}<br>%{x:.4f}<extra></extra>",
    ))
    return _layout(fig, lang, len(names), tr("priorities", lang))


def heatmap(matrix: LabelledMatrix, names: Mapping[str, str], lang: str) -> go.Figure:
    """A supermatrix as a heat map with node ids on both axes (column ids on top) and labels
    on hover; lines separate the clusters. Untitled: the caller names it (e.g. a tab)."""
    labels = list(matrix.labels)
    full = [names.get(label, label) for label in labels]
    hover = np.array([[f"{full[i]} ← {full[j]}" for j in range(len(labels))]
                      for i in range(len(labels))])
    fig = go.Figure(go.Heatmap(
        z=matrix.matrix,
        x=labels,
        y=labels,
        customdata=hover,
        colorscale="Blues",
        zmin=0.0,
        hovertemplate="%{customdata}<br>%{z:.4f}<extra></extra>",
        xgap=1,
        ygap=1,
    ))
    clusters = list(matrix.clusters)
    bounds = [k - 0.5 for k in range(1, len(clusters)) if clusters[k] != clusters[k - 1]]
    for b in bounds:
        fig.add_shape(type="line", x0=b, x1=b, y0=-0.5, y1=len(labels) - 0.5,
                      line={"color": "#888", "width": 1})
        fig.add_shape(type="line", y0=b, y1=b, x0=-0.5, x1=len(labels) - 0.5,
                      line={"color": "#888", "width": 1})
    rtl = lang == "fa"
    fig.update_layout(
        height=max(420, 14 * len(labels) + 120),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        font={"family": FONT_FA} if rtl else None,
    )
    fig.update_yaxes(autorange="reversed", tickfont={"size": 10}, automargin=True)
    fig.update_xaxes(side="top", tickfont={"size": 10}, tickangle=-90, automargin=True)
    return fig
