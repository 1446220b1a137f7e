"""Page "Scenarios": save the current model as a named scenario; list, load, rename, duplicate,
delete, download and import scenarios; compare two or more side by side.

Widget keys: ``sc_name``, ``sc_note``, ``sc_save``, ``sc_pick``, ``sc_load``, ``sc_new_name``,
``sc_rename``, ``sc_duplicate``, ``sc_confirm``, ``sc_delete``, ``sc_download``,
``sc_import_name``, ``sc_upload_<n>``, ``sc_compare``, ``sc_dl_compare``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from swot.errors import PROJECT_ERRORS
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
from ui.charts import show_figure
from ui.comparison import comparison_chart, comparison_view, differences_view
from ui.i18n import lang
from ui.literal import literal
from ui.problems import problem_lines, translated
from ui.state import flash, get_model, loaded_model, set_model, show_flash
from ui.store_view import store_action, store_page, when
from ui.strings import t
from ui.tables import show_table
from ui.verdict_view import scenarios_consistency

UPLOAD_COUNT_KEY = "sc_upload_count"
KEPT_FORM_KEY = "sc_kept_form"  # the name and note of a save that failed


# -- callbacks (each opens the store for its one action)


def _on_save(path: Path | str) -> None:
    name = st.session_state.get("sc_name", "")
    note = st.session_state.get("sc_note", "")
    model = mark_edited(get_model(), loaded_model())  # no longer the illustrative set?
    try:
        with Store(path) as store:
            saved = store.save_scenario(name, model_to_dict(model), note)
    except StoreError as exc:  # e.g. the database is down: say what was not saved, keep it
        message = literal(translated(str(exc), lang()), 600)
        flash("error", t("scenarios.not_saved", ascii_digits=True, name=literal(name),
                         message=message)
              if name.strip() else t("store.failed", ascii_digits=True, message=message), "save")
        st.session_state[KEPT_FORM_KEY] = {"sc_name": name, "sc_note": note}
        return
    st.session_state["sc_name"] = st.session_state["sc_note"] = ""
    st.session_state["sc_pick"] = saved.name
    flash("success", t("scenarios.saved", ascii_digits=True, name=literal(saved.name)), "save")


def _on_load(path: Path | str, name: str) -> None:
    scenario = store_action(path, lambda s: s.load_scenario(name), where="manage")
    if scenario is None:
        return
    try:
        model = model_from_dict(scenario.model, source=name)
    except ModelFileError as exc:
        flash("error", "\n\n".join([t("store.failed", ascii_digits=True, message=literal(name)),
                                       *(literal(x, 600) for x in exc.lines())]), "manage")
        return
    set_model(model, replaced=True)
    flash("success", t("scenarios.loaded", ascii_digits=True, name=literal(name)), "manage")


def _on_rename(path: Path | str, name: str) -> None:
    renamed = store_action(
        path, lambda s: s.rename_scenario(name, st.session_state["sc_new_name"]), where="manage")
    if renamed is not None:
        st.session_state["sc_pick"] = renamed.name
        flash("success", t("scenarios.renamed", ascii_digits=True, name=literal(renamed.name)),
              "manage")


def _on_duplicate(path: Path | str, name: str) -> None:
    copy = store_action(
        path, lambda s: s.duplicate_scenario(name, st.session_state["sc_new_name"]),
        where="manage")
    if copy is not None:
        st.session_state["sc_pick"] = copy.name
        flash("success", t("scenarios.duplicated", ascii_digits=True, name=literal(copy.name)),
              "manage")


def _delete(store: Store, name: str) -> bool:
    store.delete_scenario(name)
    return True  # done (store_action gives None on failure)


def _on_delete(path: Path | str, name: str) -> None:
    if not st.session_state.get("sc_confirm"):
        flash("error", t("common.confirm_first"), "manage")
        return
    if store_action(path, partial(_delete, name=name), where="manage"):
        st.session_state["sc_confirm"] = False
        flash("success", t("scenarios.deleted", ascii_digits=True, name=literal(name)), "manage")


def _on_upload(path: Path | str, key: str) -> None:
    uploaded = st.session_state.get(key)
    if uploaded is None:
        return
    st.session_state[UPLOAD_COUNT_KEY] = st.session_state.get(UPLOAD_COUNT_KEY, 0) + 1
    try:
        model = loads_model(uploaded.getvalue(), source=uploaded.name)
    except ModelFileError as exc:
        flash("error", "\n".join([t("scenarios.import_bad", ascii_digits=True,
                                    name=literal(uploaded.name)), "",
                                  *problem_lines(exc.problems, lang(), get_model())]), "import")
        return
    name = st.session_state.get("sc_import_name", "").strip() or Path(uploaded.name).stem
    saved = store_action(path, lambda s: s.save_scenario(
        name, model_to_dict(model), t("scenarios.imported_note", ascii_digits=True,
                                      name=uploaded.name)), where="import")
    if saved is not None:
        st.session_state["sc_import_name"] = ""
        st.session_state["sc_pick"] = saved.name
        flash("success", t("scenarios.saved", ascii_digits=True, name=literal(saved.name)),
              "import")


# -- sections


def _save_form(path: Path | str) -> None:
    st.subheader(t("scenarios.save_current"))
    # what a failed save kept (the form is not drawn while the database cannot be used, and
    # Streamlit forgets the values of widgets it does not draw)
    st.session_state.update(st.session_state.pop(KEPT_FORM_KEY, {}))
    st.text_input(t("scenarios.name"), key="sc_name")
    st.text_area(t("scenarios.note"), key="sc_note", height=68)
    st.button(t("scenarios.save"), key="sc_save", on_click=_on_save, args=(path,))
    show_flash("save")


def _listing(scenarios: list[ScenarioInfo]) -> None:
    st.subheader(t("scenarios.saved_list"))
    if not scenarios:
        st.info(t("scenarios.none_saved"))
        return
    show_table(pd.DataFrame({
        t("common.col_name"): [s.name for s in scenarios],
        t("scenarios.col_note"): [s.note for s in scenarios],
        t("scenarios.col_created"): [when(s.created_at) for s in scenarios],
        t("scenarios.col_updated"): [when(s.updated_at) for s in scenarios],
    }))


def _manage(path: Path | str, store: Store, names: list[str]) -> None:
    st.subheader(t("scenarios.manage"))
    if st.session_state.get("sc_pick") not in names:
        st.session_state["sc_pick"] = names[-1]
    name = st.selectbox(t("scenarios.scenario"), names, key="sc_pick")
    st.button(t("scenarios.load"), key="sc_load", on_click=_on_load, args=(path, name))
    st.text_input(t("scenarios.new_name"), key="sc_new_name")
    left, right = st.columns(2)
    left.button(t("scenarios.rename"), key="sc_rename", on_click=_on_rename, args=(path, name))
    right.button(t("scenarios.duplicate"), key="sc_duplicate", on_click=_on_duplicate,
                 args=(path, name))
    st.checkbox(t("scenarios.confirm_delete"), key="sc_confirm")
    st.button(t("scenarios.delete"), key="sc_delete", on_click=_on_delete, args=(path, name))
    show_flash("manage")
    try:
        data = dumps_model(model_from_dict(store.load_scenario(name).model, source=name))
    except ModelFileError as exc:
        st.error("\n\n".join(literal(x, 600) for x in exc.lines()))
        return
    st.download_button(t("scenarios.download"), data.encode("utf-8"), file_name=f"{name}.json",
                       mime="application/json", key="sc_download", on_click="ignore")


def _import(path: Path | str) -> None:
    st.subheader(t("scenarios.import"))
    st.text_input(t("scenarios.import_name"), key="sc_import_name")
    key = f"sc_upload_{st.session_state.get(UPLOAD_COUNT_KEY, 0)}"
    st.file_uploader(t("scenarios.upload"), type=["json"], key=key, on_change=_on_upload,
                     args=(path, key))
    show_flash("import")


def _compare(path: Path | str, store: Store, names: list[str], language: str) -> None:
    st.subheader(t("scenarios.compare"))
    chosen = st.multiselect(t("scenarios.compare_pick"), names, key="sc_compare")
    if len(chosen) < 2:
        st.caption(t("scenarios.compare_more"))
        return
    models = {name: store.load_scenario(name).model for name in chosen}
    try:
        table = compare_rankings(models)
        consistency = scenario_consistency(models)
        differences = {
            name: differences_view(differences_table(models[chosen[0]], models[name]),
                                   model_from_dict(models[name], source=name), language)
            for name in chosen[1:]}
    except PROJECT_ERRORS as exc:  # a scenario that cannot be read or ranked
        st.error(t("store.failed", ascii_digits=True, message=literal(str(exc), 600)))
        return
    scenarios_consistency(models, consistency, language,
                          lambda name: _on_load(path, name))
    show_table(comparison_view(table, chosen, language, changes=True))
    st.caption(t("trust.moved_note", first=literal(chosen[0])))
    show_figure(comparison_chart(table, chosen, language), key="sc_chart")
    st.download_button(t("scenarios.dl_comparison"),
                       dataframe_csv(comparison_for_file(table, chosen)),
                       file_name="comparison.csv", mime="text/csv", key="sc_dl_compare",
                       on_click="ignore")
    st.download_button(t("trust.dl_consistency"), dataframe_csv(consistency),
                       file_name="comparison-consistency.csv", mime="text/csv",
                       key="sc_dl_consistency", on_click="ignore")
    st.markdown(f"**{t('scenarios.differences', ascii_digits=True, first=literal(chosen[0]))}**")
    for name, diff in differences.items():
        if diff.empty:
            st.caption(t("scenarios.no_differences", ascii_digits=True, name=literal(name)))
            continue
        st.markdown(f"*{literal(name)}*")
        show_table(diff)


def _sections(path: Path | str, store: Store) -> None:
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
    store_page(t("app.page_scenarios"), _sections)


if __name__ == "__main__":
    render()
