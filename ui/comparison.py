"""Scenarios side by side, as the Scenarios page and the workshop's facilitator show them: the
ranking comparison as a table (:func:`comparison_view`) and as grouped bars
(:func:`comparison_chart`), and the model differences in words (:func:`differences_view`)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from swot.model import SwotModel
from swot.scenarios import priority_column, rank_change_column, rank_changes, rank_column
from ui.charts import FONT_FA, legend_below, persian_numbers, row_label, short, title_layout
from ui.i18n import isolate
from ui.problems import place_label
from ui.strings import family, t, tr
from ui.verdict_view import moved


def differences_view(diff: pd.DataFrame, model: SwotModel, language: str) -> pd.DataFrame:
    """The table of :func:`swot.scenarios.differences_table` in words: places named, kinds
    and weighting modes translated, columns titled."""

    def value(row: pd.Series, column: str) -> str:
        text = row[column]
        return tr(family("common.mode_", text),
                  language) if row["path"] == "weighting" and text else text

    return pd.DataFrame({
        t("scenarios.col_path"): [place_label(model, p, language) for p in diff["path"]],
        t("scenarios.col_items"): diff["items"],
        t("scenarios.col_kind"): [t(family("scenarios.kind_", k)) for k in diff["kind"]],
        t("scenarios.col_before"): [value(row, "before") for _, row in diff.iterrows()],
        t("scenarios.col_after"): [value(row, "after") for _, row in diff.iterrows()],
    })


def _label(row: pd.Series, language: str) -> str:
    return f"{row['id']} · {short(row_label(row, language))}"


def comparison_view(table: pd.DataFrame, names: Sequence[str], language: str,
                    changes: bool = False) -> pd.DataFrame:
    """The table of :func:`swot.scenarios.compare_rankings` with readable column names;
    ``changes`` adds, after each later scenario's ranks, the places moved since the first."""
    view = {t("scenarios.col_strategy"): [_label(row, language) for _, row in table.iterrows()]}
    moves = rank_changes(table, names) if changes else None
    for name in names:
        view[t("scenarios.col_rank_in", ascii_digits=True, name=name)] = [
            "" if pd.isna(r) else str(int(r)) for r in table[rank_column(name)]
        ]
        if moves is not None and name != names[0]:
            view[t("trust.col_moved", name=name)] = [moved(c) for c in
                                                moves[rank_change_column(name)]]
        view[t("scenarios.col_priority_in", ascii_digits=True,
               name=name)] = table[priority_column(name)]
    return pd.DataFrame(view)


def comparison_chart(table: pd.DataFrame, names: Sequence[str], language: str,
                     title: str | None = None) -> go.Figure:
    """Grouped bars: each strategy's priority in each scenario (a trace per scenario), titled
    ``title`` (default: the Scenarios page's)."""
    labels = [isolate(_label(row, language), language) for _, row in table.iterrows()]
    fig = go.Figure([
        go.Bar(name=name, x=list(table["id"]), y=table[priority_column(name)],
               customdata=labels,
               hovertemplate="%{customdata}<br>%{y:.4f}<extra>%{fullData.name}</extra>")
        for name in names
    ])
    rtl = language == "fa"
    fig.update_layout(
        barmode="group", height=420, margin={"l": 10, "r": 10, "t": 50, "b": 10},
        title=title_layout(isolate(title or t("scenarios.chart_title"), language), language),
        font={"family": FONT_FA} if rtl else None,
        legend=legend_below(language, -0.12) | {"yanchor": "top"},
    )
    fig.update_xaxes(autorange="reversed" if rtl else True, automargin=True)
    fig.update_yaxes(tickformat=".0%", side="right" if rtl else "left")
    return persian_numbers(fig, language, ("yaxis",))
