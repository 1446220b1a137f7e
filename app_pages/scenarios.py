"""Page "Scenarios": save the current model as a named scenario; list, load, rename, duplicate,
delete, download and import scenarios; compare two or more side by side.

Widget keys: ``sc_name``, ``sc_note``, ``sc_save``, ``sc_pick``, ``sc_load``, ``sc_new_name``,
``sc_rename``, ``sc_duplicate``, ``sc_confirm``, ``sc_delete``, ``sc_download``,
``sc_import_name``, ``sc_upload_<n>``, ``sc_compare``, ``sc_dl_compare``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from swot.export import dataframe_csv
from swot.io import ModelFileError, dumps_model, loads_model, model_from_dict, model_to_dict
from swot.provenance import mark_edited
from swot.scenarios import (
    compare_rankings,
    comparison_for_file,
    differences_table,
    scenario_consistency,
)
from swot.store import ScenarioInfo, Store, StoreError
from ui.comparison import comparison_chart, comparison_view, differences_view
from ui.i18n import lang
from ui.i18n_trust import tt
from ui.i18n_workshop import tw
from ui.literal import literal
from ui.problems import problem_lines
from ui.state import flash, get_model, loaded_model, set_model, show_flash
from ui.store_view import store_action, store_page, when
from ui.tables import show_table
from ui.verdict_view import scenarios_consistency

UPLOAD_COUNT_KEY = "sc_upload_count"
KEPT_FORM_KEY = "sc_kept_form"  # the name and note of a save that failed


# -- callbacks (each opens the store for its one action)


def _on_save(path: Path) -> None:
    name = st.session_state.get("sc_name", "")
    note = st.session_state.get("sc_note", "")
    model = mark_edited(get_model(), loaded_model())  # no longer the illustrative set?
    try:
        with Store(path) as store:
            saved = store.save_scenario(name, model_to_dict(model), note)
    except StoreError as exc:  # e.g. the database is down: say what was not saved, keep it
        message = literal(str(exc), 600)
        flash("error", tw("scenario_not_saved", name=literal(name), message=message)
              if name.strip() else tw("failed", message=message), "save")
        st.session_state[KEPT_FORM_KEY] = {"sc_name": name, "sc_note": note}
        return
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
    # what a failed save kept (the form is not drawn while the database cannot be used, and
    # Streamlit forgets the values of widgets it does not draw)
    st.session_state.update(st.session_state.pop(KEPT_FORM_KEY, {}))
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
