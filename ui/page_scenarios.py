"""Page "Scenarios": save the current model as a named scenario; list, load, rename, duplicate,
delete, download and import scenarios; compare two or more side by side.

Also the database helpers the Workshop page shares: :func:`db_path`, :func:`store_action`,
:func:`store_page` and :func:`when`.

Widget keys: ``sc_name``, ``sc_note``, ``sc_save``, ``sc_pick``, ``sc_load``, ``sc_new_name``,
``sc_rename``, ``sc_duplicate``, ``sc_confirm``, ``sc_delete``, ``sc_download``,
``sc_import_name``, ``sc_upload_<n>``, ``sc_compare``, ``sc_dl_compare``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from swot.export import dataframe_csv
from swot.io import ModelFileError, dumps_model, loads_model, model_from_dict, model_to_dict
from swot.model import SwotModel
from swot.provenance import mark_edited
from swot.scenarios import (
    compare_rankings,
    comparison_for_file,
    differences_table,
    priority_column,
    rank_change_column,
    rank_changes,
    rank_column,
    scenario_consistency,
)
from swot.store import SECRETS_KEY, ScenarioInfo, Store, StoreError, default_db_path
from swot.store.config import shown_target
from ui.charts import FONT_FA, legend_below, persian_numbers, row_label, short, title_layout
from ui.i18n import isolate, lang, ltr, tr
from ui.i18n_trust import tt
from ui.i18n_workshop import tw
from ui.literal import literal
from ui.problems import place_label, problem_lines
from ui.state import flash, get_model, loaded_model, set_model, show_flash
from ui.tables import show_table
from ui.verdict_view import moved, scenarios_consistency

_T = TypeVar("_T")
UPLOAD_COUNT_KEY = "sc_upload_count"


def cli_db_path(argv: Sequence[str]) -> str | None:
    """The ``--db PATH`` of the app's command line (``streamlit run app.py -- --db PATH``)."""
    args = list(argv[1:])
    if "--" in args:
        args = args[args.index("--") + 1:]
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--db")
    return parser.parse_known_args(args)[0].db


def db_path() -> Path | str | None:
    """The database (``--db``, ``SWOT_ANP_DB``, secrets ``db_path``, the default: a path or a
    server's URL); shows an error and gives None when its folder cannot be made or the URL is
    not one the store knows."""
    try:
        secrets = {SECRETS_KEY: st.secrets.get(SECRETS_KEY)}
    except FileNotFoundError:  # no secrets file (or an unreadable one)
        secrets = None
    try:
        return default_db_path(cli_db_path(sys.argv), secrets)
    except (OSError, StoreError) as exc:
        st.error(tw("db_bad", message=literal(str(exc), 600)))
        return None


def store_action(path: Path, action: Callable[[Store], _T], error: str = "failed",
                 where: str = "") -> _T | None:
    """``action`` on the store at ``path``; a failure becomes an error message for the next
    run (string ``error`` with ``message``) and gives None."""
    try:
        with Store(path) as store:
            return action(store)
    except StoreError as exc:
        flash("error", tw(error, message=literal(str(exc), 600)), where)
        return None


def when(iso: str) -> str:
    """A stored ISO timestamp as "YYYY-MM-DD HH:MM:SS UTC" (seconds; the store keeps UTC), in
    a left-to-right isolate so that it reads the same inside Persian text."""
    zone = " UTC" if iso.endswith(("+00:00", "Z")) else ""
    return ltr(iso[:19].replace("T", " ") + zone)


def store_page(title: str, body: Callable[[Path, Store], None]) -> None:
    """A database page: header, kept message, the database's path, then ``body(path, store)``
    on the open store; a database that cannot be used becomes an error message."""
    st.header(title)
    show_flash()
    path = db_path()
    if path is None:
        return
    st.caption(tw("db_where", path=ltr(shown_target(path))))
    try:
        with Store(path) as store:
            body(path, store)
    except StoreError as exc:
        st.error(tw("db_bad", message=literal(str(exc), 600)))


def differences_view(diff: pd.DataFrame, model: SwotModel, language: str) -> pd.DataFrame:
    """The table of :func:`swot.scenarios.differences_table` in words: places named, kinds
    and weighting modes translated, columns titled."""

    def value(row: pd.Series, column: str) -> str:
        text = row[column]
        return tr(f"mode_{text}", language) if row["path"] == "weighting" and text else text

    return pd.DataFrame({
        tw("col_path"): [place_label(model, p, language) for p in diff["path"]],
        tw("col_items"): diff["items"],
        tw("col_kind"): [tw(f"kind_{k}") for k in diff["kind"]],
        tw("col_before"): [value(row, "before") for _, row in diff.iterrows()],
        tw("col_after"): [value(row, "after") for _, row in diff.iterrows()],
    })


def _label(row: pd.Series, language: str) -> str:
    return f"{row['id']} · {short(row_label(row, language))}"


def comparison_view(table: pd.DataFrame, names: Sequence[str], language: str,
                    changes: bool = False) -> pd.DataFrame:
    """The table of :func:`swot.scenarios.compare_rankings` with readable column names;
    ``changes`` adds, after each later scenario's ranks, the places moved since the first."""
    view = {tw("col_strategy"): [_label(row, language) for _, row in table.iterrows()]}
    moves = rank_changes(table, names) if changes else None
    for name in names:
        view[tw("col_rank_in", name=name)] = [
            "" if pd.isna(r) else str(int(r)) for r in table[rank_column(name)]
        ]
        if moves is not None and name != names[0]:
            view[tt("col_moved", name=name)] = [moved(c) for c in
                                                moves[rank_change_column(name)]]
        view[tw("col_priority_in", name=name)] = table[priority_column(name)]
    return pd.DataFrame(view)


def comparison_chart(table: pd.DataFrame, names: Sequence[str], language: str,
                     title: str | None = None) -> go.Figure:
    """Grouped bars: each strategy's priority in each scenario (a trace per scenario), titled
    ``title`` (default: the Scenarios page's)."""
    labels = [isolate(_label(row, language), language) for _, row in table.iterrows()]
    fig = go.Figure([
        go.Bar(name=name, x=list(table["id"]), y=table[priority_column(name)],
               customdata=labels,
               hovertemplate="%{customdata}<br>%{y:.4f}<extra>" + name + "</extra>")
        for name in names
    ])
    rtl = language == "fa"
    fig.update_layout(
        barmode="group", height=420, margin={"l": 10, "r": 10, "t": 50, "b": 10},
        title=title_layout(isolate(title or tw("chart_title"), language), language),
        font={"family": FONT_FA} if rtl else None,
        legend=legend_below(language, -0.12) | {"yanchor": "top"},
    )
    fig.update_xaxes(autorange="reversed" if rtl else True, automargin=True)
    fig.update_yaxes(tickformat=".0%", side="right" if rtl else "left")
    return persian_numbers(fig, language, ("yaxis",))


# -- callbacks (each opens the store for its one action)


def _on_save(path: Path) -> None:
    name = st.session_state.get("sc_name", "")
    model = mark_edited(get_model(), loaded_model())  # no longer the illustrative set?
    saved = store_action(path, lambda s: s.save_scenario(
        name, model_to_dict(model), st.session_state.get("sc_note", "")), where="save")
    if saved is not None:
        st.session_state["sc_name"] = st.session_state["sc_note"] = ""
        st.session_state["sc_pick"] = saved.name
        flash("success", tw("saved", name=literal(saved.name)), "save")


def _on_load(path: Path, name: str) -> None:
    scenario = store_action(path, lambda s: s.load_scenario(name), where="manage")
    if scenario is None:
        return
    try:
        model = model_from_dict(scenario.model, source=name)
    except ModelFileError as exc:
        flash("error", "\n\n".join([tw("failed", message=literal(name)),
                                       *(literal(x, 600) for x in exc.lines())]), "manage")
        return
    set_model(model, replaced=True)
    flash("success", tw("loaded", name=literal(name)), "manage")


def _on_rename(path: Path, name: str) -> None:
    renamed = store_action(
        path, lambda s: s.rename_scenario(name, st.session_state["sc_new_name"]), where="manage")
    if renamed is not None:
        st.session_state["sc_pick"] = renamed.name
        flash("success", tw("renamed", name=literal(renamed.name)), "manage")


def _on_duplicate(path: Path, name: str) -> None:
    copy = store_action(
        path, lambda s: s.duplicate_scenario(name, st.session_state["sc_new_name"]),
        where="manage")
    if copy is not None:
        st.session_state["sc_pick"] = copy.name
        flash("success", tw("duplicated", name=literal(copy.name)), "manage")


def _on_delete(path: Path, name: str) -> None:
    if not st.session_state.get("sc_confirm"):
        flash("error", tw("confirm_first"), "manage")
        return
    if store_action(path, lambda s: s.delete_scenario(name) or True, where="manage"):
        st.session_state["sc_confirm"] = False
        flash("success", tw("deleted", name=literal(name)), "manage")


def _on_upload(path: Path, key: str) -> None:
    uploaded = st.session_state.get(key)
    if uploaded is None:
        return
    st.session_state[UPLOAD_COUNT_KEY] = st.session_state.get(UPLOAD_COUNT_KEY, 0) + 1
    try:
        model = loads_model(uploaded.getvalue(), source=uploaded.name)
    except ModelFileError as exc:
        flash("error", "\n".join([tw("import_bad", name=literal(uploaded.name)), "",
                                  *problem_lines(exc.problems, lang(), get_model())]), "import")
        return
    name = st.session_state.get("sc_import_name", "").strip() or Path(uploaded.name).stem
    saved = store_action(path, lambda s: s.save_scenario(
        name, model_to_dict(model), tw("imported_note", name=uploaded.name)), where="import")
    if saved is not None:
        st.session_state["sc_import_name"] = ""
        st.session_state["sc_pick"] = saved.name
        flash("success", tw("saved", name=literal(saved.name)), "import")


# -- sections


def _save_form(path: Path) -> None:
    st.subheader(tw("save_current"))
    st.text_input(tw("name"), key="sc_name")
    st.text_area(tw("note"), key="sc_note", height=68)
    st.button(tw("save"), key="sc_save", on_click=_on_save, args=(path,))
    show_flash("save")


def _listing(scenarios: list[ScenarioInfo]) -> None:
    st.subheader(tw("saved_list"))
    if not scenarios:
        st.info(tw("none_saved"))
        return
    show_table(pd.DataFrame({
        tw("col_name"): [s.name for s in scenarios],
        tw("col_note"): [s.note for s in scenarios],
        tw("col_created"): [when(s.created_at) for s in scenarios],
        tw("col_updated"): [when(s.updated_at) for s in scenarios],
    }))


def _manage(path: Path, store: Store, names: list[str]) -> None:
    st.subheader(tw("manage"))
    if st.session_state.get("sc_pick") not in names:
        st.session_state["sc_pick"] = names[-1]
    name = st.selectbox(tw("scenario"), names, key="sc_pick")
    st.button(tw("load"), key="sc_load", on_click=_on_load, args=(path, name))
    st.text_input(tw("new_name"), key="sc_new_name")
    left, right = st.columns(2)
    left.button(tw("rename"), key="sc_rename", on_click=_on_rename, args=(path, name))
    right.button(tw("duplicate"), key="sc_duplicate", on_click=_on_duplicate, args=(path, name))
    st.checkbox(tw("confirm_delete"), key="sc_confirm")
    st.button(tw("delete"), key="sc_delete", on_click=_on_delete, args=(path, name))
    show_flash("manage")
    try:
        data = dumps_model(model_from_dict(store.load_scenario(name).model, source=name))
    except ModelFileError as exc:
        st.error("\n\n".join(literal(x, 600) for x in exc.lines()))
        return
    st.download_button(tw("download"), data.encode("utf-8"), file_name=f"{name}.json",
                       mime="application/json", key="sc_download", on_click="ignore")


def _import(path: Path) -> None:
    st.subheader(tw("import"))
    st.text_input(tw("import_name"), key="sc_import_name")
    key = f"sc_upload_{st.session_state.get(UPLOAD_COUNT_KEY, 0)}"
    st.file_uploader(tw("upload"), type=["json"], key=key, on_change=_on_upload,
                     args=(path, key))
    show_flash("import")


def _compare(path: Path, store: Store, names: list[str], language: str) -> None:
    st.subheader(tw("compare"))
    chosen = st.multiselect(tw("compare_pick"), names, key="sc_compare")
    if len(chosen) < 2:
        st.caption(tw("compare_more"))
        return
    models = {name: store.load_scenario(name).model for name in chosen}
    try:
        table = compare_rankings(models)
        consistency = scenario_consistency(models)
        differences = {
            name: differences_view(differences_table(models[chosen[0]], models[name]),
                                   model_from_dict(models[name], source=name), language)
            for name in chosen[1:]}
    except ValueError as exc:  # swot's errors (SwotError is one) and anp's
        st.error(tw("failed", message=literal(str(exc), 600)))
        return
    scenarios_consistency(models, consistency, language,
                          lambda name: _on_load(path, name))
    show_table(comparison_view(table, chosen, language, changes=True))
    st.caption(tt("moved_note", first=literal(chosen[0])))
    st.plotly_chart(comparison_chart(table, chosen, language), key="sc_chart")
    st.download_button(tw("dl_comparison"), dataframe_csv(comparison_for_file(table, chosen)),
                       file_name="comparison.csv", mime="text/csv", key="sc_dl_compare",
                       on_click="ignore")
    st.download_button(tt("dl_consistency"), dataframe_csv(consistency),
                       file_name="comparison-consistency.csv", mime="text/csv",
                       key="sc_dl_consistency", on_click="ignore")
    st.markdown(f"**{tw('differences', first=literal(chosen[0]))}**")
    for name, diff in differences.items():
        if diff.empty:
            st.caption(tw("no_differences", name=literal(name)))
            continue
        st.markdown(f"*{literal(name)}*")
        show_table(diff)


def _sections(path: Path, store: Store) -> None:
    _save_form(path)
    scenarios = store.list_scenarios()
    _listing(scenarios)
    names = [s.name for s in scenarios]
    if names:
        _manage(path, store, names)
    _import(path)
    if names:
        _compare(path, store, names, lang())


def render() -> None:
    """Draw the page."""
    store_page(tw("page_scenarios"), _sections)


if __name__ == "__main__":
    render()
