"""Plotly figure builders: pure functions of data to ``go.Figure``.

In Persian the bar charts mirror (value axis grows leftwards, category labels on the right)
and use a font stack with Persian glyphs.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from anp import LabelledMatrix
from swot.model import GROUPS
from ui.i18n import DIGITS_FONT, isolate, persian_digits_on
from ui.strings import group_name, tr

GROUP_COLOURS: dict[str, str] = {"S": "#2e7d32", "W": "#c62828", "O": "#1565c0", "T": "#ef6c00"}
FONT_FA = "Vazirmatn, 'Noto Naskh Arabic', 'Noto Sans Arabic', Tahoma, 'DejaVu Sans', sans-serif"
BAR_HEIGHT = 26  # pixels per bar of a horizontal bar chart


# trace properties that may hold text a user typed (labels, scenario and participant names):
# plotly draws <b>, <i>, <br> and <a href> in them as markup
_TRACE_TEXT = ("x", "y", "text", "name", "customdata", "hovertext", "labels")


def _escaped(value: Any) -> Any:
    """``value`` with every string in it escaped for plotly (which decodes &lt; &gt; &amp;)."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "OUS":  # objects, or fixed-width strings (np.array of labels)
            return np.frompyfunc(_escaped, 1, 1)(value)
        return value
    if isinstance(value, (list, tuple)) and any(isinstance(v, (str, list, tuple, np.ndarray))
                                                for v in value):
        return [_escaped(v) for v in value]
    return value


def literal_figure(fig: go.Figure) -> go.Figure:
    """``fig`` with its texts shown as typed: plotly reads <b>, <a href=...> and the like in
    trace texts, names, axis labels, titles and annotations as markup (a strategy labelled
    "<a href='http://evil.example'>x</a>" became a link in the Results chart). The app's own
    markup is only in hover templates, left as they are. ``fig`` itself is left unchanged."""
    fig = go.Figure(fig)  # a copy: escaping a figure twice would show "&amp;lt;"
    for trace in fig.data:
        for prop in _TRACE_TEXT:
            if prop in trace and trace[prop] is not None:
                trace[prop] = _escaped(trace[prop])
    layout = fig.layout
    if layout.title.text:
        layout.title.text = _escaped(layout.title.text)
    for note in layout.annotations:
        if note.text:
            note.text = _escaped(note.text)
    for name in [k for k in layout if k.startswith(("xaxis", "yaxis"))]:
        axis = layout[name]
        if axis.title.text:
            axis.title.text = _escaped(axis.title.text)
        if axis.ticktext is not None:
            axis.ticktext = _escaped(axis.ticktext)
        if axis.categoryarray is not None:  # the order of the categories: as escaped as they
            axis.categoryarray = _escaped(axis.categoryarray)
    return fig


def show_figure(fig: go.Figure, **kwargs: Any) -> None:
    """``st.plotly_chart`` of :func:`literal_figure`: every chart of the app goes through it."""
    st.plotly_chart(literal_figure(fig), **kwargs)


def short(text: str, limit: int = 48) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def row_label(row: Mapping[str, object], lang: str) -> str:
    """The label of a table row with label_en and label_fa: in ``lang``, else the other."""
    return str(row[f"label_{lang}"] or row["label_en"] or row["label_fa"])


def bar_label(item_id: str, label: str, lang: str) -> str:
    """Axis label "id · label"; in Persian wrapped in a right-to-left isolate so that the id
    comes first from the right and a shortening ellipsis lands at the left end."""
    return isolate(f"{item_id} · {short(label)}", lang)


def title_layout(text: str, lang: str) -> dict[str, object]:
    """A figure title flush with the reading side (the right in Persian)."""
    rtl = lang == "fa"
    return {"text": text, "x": 1.0 if rtl else 0.0, "xanchor": "right" if rtl else "left"}


def legend_below(lang: str, y: float) -> dict[str, object]:
    """A horizontal legend under the plot at height ``y``, flush with the reading side."""
    rtl = lang == "fa"
    return {"orientation": "h", "y": y, "x": 1.0 if rtl else 0.0,
            "xanchor": "right" if rtl else "left"}


def persian_numbers(fig: go.Figure, lang: str,
                    numeric_axes: Sequence[str] = ("xaxis",)) -> go.Figure:
    """``fig`` with the numbers it draws (ticks of ``numeric_axes``, bar and cell texts, colour
    bars) in Persian digits when that setting is on: a digits-only font, so the ids on category
    axes (SO1) keep their digits, as in the tables. Hover texts keep ASCII digits."""
    if not persian_digits_on(lang):
        return fig
    family = f"'{DIGITS_FONT}', {FONT_FA}"
    for axis in numeric_axes:
        fig.layout[axis].tickfont.family = family
    for trace in fig.data:
        if trace.type in ("bar", "heatmap"):
            trace.textfont.family = family
        if trace.type == "heatmap":
            trace.colorbar.tickfont.family = family
    return fig


def _bar_layout(lang: str, n_bars: int, title: str, **extra: object) -> dict:
    """Layout of the horizontal bar charts (mirrored in Persian)."""
    rtl = lang == "fa"
    layout = {
        "title": title_layout(title, lang),
        "height": max(220, 90 + BAR_HEIGHT * n_bars),
        "margin": {"l": 10, "r": 10, "t": 50, "b": 30},
        "yaxis": {"autorange": "reversed", "side": "right" if rtl else "left",
                  "automargin": True},
        "xaxis": {"autorange": "reversed" if rtl else True, "tickformat": ".0%",
                  "automargin": True},
        **extra,
    }
    if rtl:
        layout["font"] = {"family": FONT_FA}
    return layout


def _labels(df: pd.DataFrame, lang: str) -> list[str]:
    """Bar labels "id · label" of the rows of a table with id, label_en and label_fa."""
    return [bar_label(row["id"], row_label(row, lang), lang)
            for row in df[["id", "label_en", "label_fa"]].to_dict("records")]


def ranking_chart(strategies: pd.DataFrame, lang: str) -> go.Figure:
    """Strategies' priorities, best on top (``Evaluation.strategies``)."""
    bar = go.Bar(
        x=strategies["priority"],
        y=_labels(strategies, lang),
        orientation="h",
        marker_color="#455a64",
        text=[f"{p:.1%}" for p in strategies["priority"]],
        textposition="auto",
        hovertemplate="%{y}<br>%{x:.4f}<extra></extra>",
    )
    title = tr("results.ranking", lang)
    return persian_numbers(go.Figure(bar, _bar_layout(lang, len(strategies), title)), lang)


def factor_weights_chart(factors: pd.DataFrame, lang: str) -> go.Figure:
    """Global factor weights (``Evaluation.factors``), largest on top, coloured by group."""
    ordered = factors.sort_values("global_weight", ascending=False, kind="stable")
    order = _labels(ordered, lang)
    bars = []
    for group in GROUPS:
        part = ordered[ordered["group"] == group]
        bars.append(go.Bar(
            x=part["global_weight"],
            y=_labels(part, lang),
            orientation="h",
            name=group_name(group, lang),
            marker_color=GROUP_COLOURS[group],
            hovertemplate="%{y}<br>%{x:.4f}<extra></extra>",
        ))
    layout = _bar_layout(
        lang, len(order), tr("results.global_weights", lang),
        legend={"orientation": "h", "y": -0.08, "x": 0.5, "xanchor": "center"},
    )
    layout["yaxis"] |= {"categoryorder": "array", "categoryarray": order}
    return persian_numbers(go.Figure(bars, layout), lang)


def priorities_chart(names: Sequence[str], weights: Sequence[float] | np.ndarray, lang: str,
                     axis: Sequence[str] | None = None) -> go.Figure:
    """Priorities of the items of one pairwise matrix, in matrix order. ``axis`` (e.g. the
    ids) labels the bars instead of ``names``, which then show on hover: a narrow column
    beside a matrix keeps its width for the bars."""
    bar = go.Bar(
        x=list(weights),
        y=list(axis) if axis is not None else [short(n, 40) for n in names],
        customdata=list(names),
        orientation="h",
        marker_color="#1565c0",
        text=[f"{w:.1%}" for w in weights],
        textposition="auto",
        hovertemplate="%{customdata}<br>%{x:.4f}<extra></extra>",
    )
    title = tr("results.priorities", lang)
    return persian_numbers(go.Figure(bar, _bar_layout(lang, len(names), title)), lang)


def heatmap(matrix: LabelledMatrix, names: Mapping[str, str], lang: str) -> go.Figure:
    """A supermatrix as a heat map with node ids on both axes (column ids on top) and labels
    on hover; lines separate the clusters. Untitled: the caller names it (e.g. a tab)."""
    labels = list(matrix.labels)
    n = len(labels)
    full = np.array([names.get(label, label) for label in labels], dtype=object)
    hover = full[:, None] + " ← " + full[None, :]
    clusters = list(matrix.clusters)
    line = {"color": "#888", "width": 1}
    shapes = []
    for b in [k - 0.5 for k in range(1, n) if clusters[k] != clusters[k - 1]]:
        shapes.append({"type": "line", "x0": b, "x1": b, "y0": -0.5, "y1": n - 0.5,
                       "line": line})
        shapes.append({"type": "line", "y0": b, "y1": b, "x0": -0.5, "x1": n - 0.5,
                       "line": line})
    layout = {
        "height": max(420, 14 * n + 120),
        "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
        "shapes": shapes,
        "yaxis": {"autorange": "reversed", "tickfont": {"size": 10}, "automargin": True},
        "xaxis": {"side": "top", "tickfont": {"size": 10}, "tickangle": -90,
                  "automargin": True},
    }
    if lang == "fa":
        layout["font"] = {"family": FONT_FA}
    cells = go.Heatmap(
        z=matrix.matrix,
        x=labels,
        y=labels,
        customdata=hover,
        colorscale="Blues",
        zmin=0.0,
        hovertemplate="%{customdata}<br>%{z:.4f}<extra></extra>",
        xgap=1,
        ygap=1,
    )
    return persian_numbers(go.Figure(cells, layout), lang, numeric_axes=())
