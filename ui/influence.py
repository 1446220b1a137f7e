"""Widgets of the factor-level network: the influence and feedback grids, one-link editing,
cluster comparisons, the network diagram, and the with/without-dependence section of Results.

Widget keys: ``net_structure``, ``net_grid_<n>`` / ``net_feedback_<n>`` (the grids; ``n``
changes whenever the links change, so a grid always starts from the model), ``net_from``,
``net_to``, ``net_add``, ``net_remove``, ``net_cc_add_<cluster>``, ``net_cc_drop_<cluster>``,
``net_matrix`` (which link set or comparison to judge).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from swot.analysis import Evaluation, evaluate
from swot.errors import PROJECT_ERRORS
from swot.model import CLUSTER_KEYS, GROUPS, STRUCTURES, ClusterComparison, SwotModel
from swot.network import cluster_name, compare_dependence, linked_cluster_keys
from swot.sensitivity import Sweep, sweep_cluster
from ui.charts import FONT_FA, GROUP_COLOURS, bar_label, legend_below, row_label, show_figure
from ui.i18n import isolate
from ui.literal import literal
from ui.pairwise import judgment_editor, matrix_title
from ui.state import flash, get_model, main_slot, set_model
from ui.strings import cluster_title, family, group_name, tr
from ui.tables import show_table

GRID_VERSION_KEY = "net_grid_version"
CHOSEN_KEY = "net_matrix_chosen"
KEY_PREFIX = "pwn"


def network_paths(model: SwotModel) -> list[str]:
    """The judgment paths of the link sets and cluster comparisons, in file order."""
    return [p for p, _, _ in model.iter_matrices()
            if p.startswith(("judgments.links.", "judgments.clusters."))]


def _open(path: str) -> None:
    """Show ``path`` in the network page's pairwise editor on the next run."""
    st.session_state[CHOSEN_KEY] = path
    st.session_state.pop("net_matrix", None)
    st.session_state[GRID_VERSION_KEY] = st.session_state.get(GRID_VERSION_KEY, 0) + 1


def link_path(model: SwotModel, source: str, target: str) -> str:
    """The judgment path of the link set holding "``source`` depends on ``target``"."""
    return f"judgments.links.{source}.{model.factor(target).group}"


def apply_links(model: SwotModel, changes: list[tuple[str, str, bool]]) -> tuple[
        SwotModel, str | None]:
    """``model`` with each ``(source, target, linked)`` applied; the path of the last link
    set a link was added to (to open its judgments), or None."""
    opened = None
    for source, target, linked in changes:
        model = model.set_link(source, target, linked)
        if linked:
            opened = link_path(model, source, target)
    return model, opened


def _grid(model: SwotModel, rows: list[str], language: str) -> pd.DataFrame:
    factors = model.factor_ids()
    cells = np.zeros((len(rows), len(factors)), dtype=bool)
    for r, src in enumerate(rows):
        for link in model.links.get(src, {}).values():
            for node in link.nodes:
                cells[r, factors.index(node)] = True
    table = pd.DataFrame(cells, index=rows, columns=factors)
    groups = [model.cluster_of(src) for src in rows]
    table.insert(0, "·", [cluster_title(g, language) if g not in GROUPS
                          else group_name(g, language) for g in groups])
    return table


def _grid_editor(model: SwotModel, rows: list[str], key: str, language: str) -> None:
    shown = _grid(model, rows, language)
    config = {"·": st.column_config.TextColumn(disabled=True)}
    for f in model.all_factors():
        config[f.id] = st.column_config.CheckboxColumn(
            f.id, help=f"{f.id} · {f.label(language)}", width="small")
    edited = st.data_editor(shown, key=key, column_config=config, width="stretch",
                            height=35 * (len(rows) + 1) + 3)
    changes = []
    for src in rows:
        for fid in model.factor_ids():
            now = bool(edited.at[src, fid])
            if now != bool(shown.at[src, fid]):
                if src == fid:
                    flash("error", tr("network.self_link", language, id=fid))
                    _open(st.session_state.get(CHOSEN_KEY, ""))
                    st.rerun()
                changes.append((src, fid, now))
    if changes:
        new, opened = apply_links(model, changes)
        set_model(new)
        _open(opened or st.session_state.get(CHOSEN_KEY, ""))
        st.rerun()


def _one_link(model: SwotModel, language: str) -> None:
    nodes = [*model.factor_ids(), *model.strategy_ids()]
    with st.form("net_one_link"):
        source = st.selectbox(tr("network.link_from", language), nodes, key="net_from")
        target = st.selectbox(tr("network.link_to", language), model.factor_ids(), key="net_to")
        add = st.form_submit_button(tr("network.link_add", language), key="net_add")
        remove = st.form_submit_button(tr("network.link_remove", language), key="net_remove")
    if not (add or remove):
        return
    try:
        new, opened = apply_links(model, [(source, target, bool(add))])
    except PROJECT_ERRORS as exc:
        flash("error", tr("network.link_failed", language, message=literal(str(exc), 600)))
    else:
        set_model(new)
        key = "network.link_added" if add else "network.link_removed"
        flash("success", tr(key, language, a=source, b=target))
        _open(opened or st.session_state.get(CHOSEN_KEY, ""))
    st.rerun()


def _compare(source: str, add: bool) -> None:
    model = get_model()
    if add:
        k = len(model.linked_clusters(source))
        comparison = ClusterComparison(tuple(model.linked_clusters(source)), np.ones((k, k)))
        set_model(model.set_cluster_comparison(source, comparison))
        _open(f"judgments.clusters.{source}")
    else:
        set_model(model.set_cluster_comparison(source, None))


def _clusters(model: SwotModel, result: Evaluation | list[str], language: str) -> None:
    st.subheader(tr("network.clusters_title", language))
    for source in CLUSTER_KEYS:
        linked = model.linked_clusters(source)
        if len(linked) < 2:
            continue
        cluster = cluster_title(source, language)
        targets = ", ".join(cluster_title(c, language) for c in linked)
        if source in model.cluster_comparisons:
            weights = "—"
            if isinstance(result, Evaluation) and model.structure == "network":
                cm = result.network.cluster_matrix()
                column = cm.matrix[:, cm.index(cluster_name(source))]
                weights = ", ".join(f"{cluster_title(c, language)} "
                                    f"{column[cm.index(cluster_name(c))]:.3f}" for c in linked)
            given = tr("network.clusters_given", language, weights=weights, cluster=cluster,
                       targets=targets)
            st.markdown(isolate(given, language))
            st.button(tr("network.clusters_remove", language, cluster=cluster),
                      key=f"net_cc_drop_{source}", on_click=_compare, args=(source, False))
        else:
            st.info(tr("network.clusters_equal", language, cluster=cluster, targets=targets))
            st.button(tr("network.clusters_add", language, cluster=cluster),
                      key=f"net_cc_add_{source}", on_click=_compare, args=(source, True))


def _notes(model: SwotModel, path: str, language: str) -> None:
    parts = path.split(".")
    if parts[1] != "links":
        return
    link = model.link_set(f"{parts[2]}.{parts[3]}")
    for node, note in link.notes.items():
        text = literal(note.text)  # typed in the model file, as are the ids and file name
        if note.source is not None:
            text += " " + tr("network.source_line", language, file=literal(note.source.file),
                              line=note.source.line)
        st.caption(isolate(tr("network.note_of", language, a=literal(parts[2]), b=literal(node),
                               text=text), language))


def _judge(model: SwotModel, language: str) -> None:
    paths = network_paths(model)
    st.subheader(tr("network.judge_link", language))
    if not paths:
        st.caption(tr("network.links_none", language))
        return
    chosen = st.session_state.get(CHOSEN_KEY)
    if st.session_state.get("net_matrix") not in paths:
        st.session_state["net_matrix"] = chosen if chosen in paths else paths[0]
    path = st.selectbox(tr("network.judge_link", language), paths, key="net_matrix",
                        format_func=lambda p: isolate(matrix_title(model, p, language), language),
                        label_visibility="collapsed")
    st.session_state[CHOSEN_KEY] = path
    _notes(model, path, language)
    judgment_editor(main_slot(), path, language, KEY_PREFIX)


def _on_structure() -> None:
    set_model(get_model().set_structure(st.session_state["net_structure"]))


def network_editor(model: SwotModel, result: Evaluation | list[str], language: str) -> None:
    """The Network page's body: structure, grids, one-link form, cluster comparisons,
    judgments of the chosen link set, diagram."""
    st.session_state["net_structure"] = model.structure
    st.radio(tr("network.structure", language), STRUCTURES, key="net_structure",
             format_func=lambda s: tr(family("network.structure_", s),
                                      language), on_change=_on_structure)
    version = st.session_state.get(GRID_VERSION_KEY, 0)
    st.subheader(tr("network.grid_title", language))
    st.caption(tr("network.grid_help", language))
    _grid_editor(model, model.factor_ids(), f"net_grid_{version}", language)
    st.subheader(tr("network.feedback_title", language))
    st.caption(tr("network.feedback_help", language))
    _grid_editor(model, model.strategy_ids(), f"net_feedback_{version}", language)
    with st.expander(tr("network.add_link", language)):
        _one_link(model, language)
    _clusters(model, result, language)
    _judge(model, language)
    st.subheader(tr("network.diagram_title", language))
    st.caption(tr("network.diagram_note", language))
    show_figure(network_diagram(model, language), key="net_diagram")


def network_diagram(model: SwotModel, language: str) -> go.Figure:
    """Factors in one column per SWOT group and the strategies in a last column; an arrow from
    each influencing factor to the node that depends on it (purple: feedback)."""
    columns = [*GROUPS, "strategies"]
    if language == "fa":  # reading order: S on the right
        columns.reverse()
    position: dict[str, tuple[float, float]] = {}
    for x, cluster in enumerate(columns):
        nodes = ([f.id for f in model.factors[cluster]] if cluster in GROUPS
                 else model.strategy_ids())
        for k, node in enumerate(nodes):
            position[node] = (float(x), -float(k))
    figure = go.Figure()
    shapes = []
    for x, cluster in enumerate(columns):
        ys = [position[n][1] for n in position if position[n][0] == x]
        shapes.append({"type": "rect", "x0": x - 0.35, "x1": x + 0.35, "y0": min(ys) - 0.6,
                       "y1": 0.6, "line": {"color": "#999", "width": 1},
                       "fillcolor": "rgba(0,0,0,0.03)", "layer": "below"})
        colour = GROUP_COLOURS.get(cluster, "#555")
        names = {**{f.id: f.label(language) for f in model.all_factors()},
                 **{s.id: s.label(language) for s in model.strategies}}
        nodes = [n for n in position if position[n][0] == x]
        figure.add_trace(go.Scatter(
            x=[position[n][0] for n in nodes], y=[position[n][1] for n in nodes],
            mode="markers+text", text=nodes, textposition="middle center",
            marker={"size": 30, "color": "white", "line": {"color": colour, "width": 2}},
            customdata=[isolate(names[n], language) for n in nodes],
            hovertemplate="%{text} · %{customdata}<extra></extra>",
            name=cluster_title(cluster, language), showlegend=False))
    annotations = [{"x": x, "y": 1.0, "text": isolate(cluster_title(c, language), language),
                    "showarrow": False, "font": {"size": 12}}
                   for x, c in enumerate(columns)]
    for src, sets in model.links.items():
        feedback = src in model.strategy_ids()
        for link in sets.values():
            for node in link.nodes:
                (x0, y0), (x1, y1) = position[node], position[src]
                bend = 0.25 if x0 == x1 else 0.0
                annotations.append({
                    "x": x1 + bend, "y": y1, "ax": x0 + bend, "ay": y0, "xref": "x",
                    "yref": "y", "axref": "x", "ayref": "y", "showarrow": True,
                    "arrowhead": 3, "arrowsize": 1.2, "arrowwidth": 1.5, "standoff": 12,
                    "startstandoff": 12, "text": "",
                    "arrowcolor": "#6a1b9a" if feedback else GROUP_COLOURS[model.cluster_of(
                        node)],
                })
    for name, colour in ((tr("network.legend_dependence", language), "#555"),
                         (tr("network.legend_feedback", language), "#6a1b9a")):
        figure.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=name,
                                    line={"color": colour}))
    depth = max(len(model.strategies), *(len(model.factors[g]) for g in GROUPS))
    layout = {
        "height": max(380, 48 * depth + 140), "shapes": shapes, "annotations": annotations,
        "xaxis": {"visible": False, "range": [-0.6, len(columns) - 0.4]},
        "yaxis": {"visible": False, "range": [-depth - 0.2, 1.4]},
        "margin": {"l": 10, "r": 10, "t": 20, "b": 10}, "plot_bgcolor": "white",
        "legend": legend_below(language, -0.02),
    }
    if language == "fa":
        layout["font"] = {"family": FONT_FA}
    figure.update_layout(layout)
    return figure


def results_section(model: SwotModel, result: Evaluation, language: str) -> None:
    """On Results: the structure used and, for a network, the ranking with and without the
    dependence side by side and the factors whose global weight moved most."""
    st.info(tr("network.used_structure", language,
                name=tr(family("network.structure_", model.structure), language)))
    if model.structure != "network":
        count = sum(len(link.nodes) for sets in model.links.values() for link in sets.values())
        if count:
            st.caption(tr("network.hierarchy_ignores", language, n=count))
        return
    try:
        without = evaluate(model.set_structure("hierarchy"))
    except PROJECT_ERRORS as exc:
        st.warning(tr("network.without_failed", language, message=literal(str(exc), 600)))
        return
    ranking, factors = compare_dependence(result, without)
    st.subheader(tr("network.with_without", language))
    show_figure(_with_without_chart(ranking, language), key="chart_with_without")
    show_table(pd.DataFrame({
        "id": ranking["id"],
        tr("common.col_label", language): [row_label(row, language)
                                           for _, row in ranking.iterrows()],
        tr("network.col_rank_with", language): ranking["rank_with"],
        tr("network.col_priority_with", language): ranking["priority_with"],
        tr("network.col_rank_without", language): ranking["rank_without"],
        tr("network.col_priority_without", language): ranking["priority_without"],
    }))
    st.markdown(f"**{tr('network.moved_most', language)}**")
    top = factors.head(5)
    show_table(pd.DataFrame({
        "id": top["id"],
        tr("common.col_label", language): [row_label(row, language) for _, row in top.iterrows()],
        tr("network.col_weight_with", language): top["weight_with"],
        tr("network.col_weight_without", language): top["weight_without"],
        tr("network.col_change", language): top["change"],
    }))
    st.caption(tr("network.network_weights_note", language))


def _with_without_chart(ranking: pd.DataFrame, language: str) -> go.Figure:
    labels = [bar_label(row["id"], row_label(row, language), language)
              for _, row in ranking.iterrows()]
    figure = go.Figure([
        go.Bar(y=labels, x=ranking["priority_with"], orientation="h",
               name=tr("network.with", language), marker_color="#6a1b9a",
               hovertemplate="%{y}<br>%{x:.4f}<extra></extra>"),
        go.Bar(y=labels, x=ranking["priority_without"], orientation="h",
               name=tr("network.without", language), marker_color="#90a4ae",
               hovertemplate="%{y}<br>%{x:.4f}<extra></extra>"),
    ])
    layout: dict[str, Any] = {
        "barmode": "group", "height": 60 + 44 * len(labels),
        "yaxis": {"autorange": "reversed", "automargin": True},
        "xaxis": {"tickformat": ".0%", "side": "top"},
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "legend": legend_below(language, -0.06),
    }
    if language == "fa":
        layout["font"] = {"family": FONT_FA}
        layout["yaxis"]["side"] = "right"
        layout["xaxis"]["autorange"] = "reversed"
    figure.update_layout(layout)
    return figure


def cluster_sweep_available(model: SwotModel) -> bool:
    """True for a network with a cluster that links to two or more clusters."""
    return model.structure == "network" and bool(linked_cluster_keys(model))


def cluster_sweep_choice(model: SwotModel, result: Evaluation,
                         language: str) -> tuple[Sweep, str]:
    """Select boxes for a source cluster and one of the clusters it links to (keys
    ``sens_cluster_from``, ``sens_cluster_to``); the sweep of that cluster weight and its
    name."""
    choices = linked_cluster_keys(model)
    source = st.selectbox(tr("network.sweep_from", language), list(choices),
                          key="sens_cluster_from",
                          format_func=lambda c: cluster_title(c, language))
    target = st.selectbox(tr("network.sweep_to", language), choices[source], key="sens_cluster_to",
                          format_func=lambda c: cluster_title(c, language))
    sweep = sweep_cluster(model, cluster_name(source), cluster_name(target), result=result)
    name = tr("network.sweep_name", language, target=cluster_title(target, language),
               source=cluster_title(source, language))
    return sweep, name
