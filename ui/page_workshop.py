"""Page "Workshop": the facilitator's view (:func:`render`) and the participant's view
(:func:`render_participant`, shown when the URL has ``?workshop=CODE``).

Every submission goes to the database as it is made, so nothing is lost when a browser closes.

Facilitator widget keys: ``ws_title``, ``ws_open``, ``ws_base_url``, ``ws_pick``,
``ws_toggle``, ``ws_ex:<code>:<participant id>`` (leave out), ``ws_dl_<what>``.
Participant widget keys: ``wsp_name``, ``wsp_join``, ``wsp_resume``, ``wsp_submit``,
``wsp_leave``, ``wsp_matrix:<code>``, and the pairwise editor's ``wsp:<code>:<path>:<i>:<j>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from swot.analysis import evaluate
from swot.export import dataframe_csv, ranking_csv
from swot.io import ModelFileError, model_from_dict, model_to_dict
from swot.model import SwotModel
from swot.scenarios import (
    GROUP_COLUMN,
    compare_rankings,
    judgments_side_by_side,
    participant_overview,
)
from swot.store import (
    DuplicateParticipantError,
    Store,
    StoreError,
    Submission,
    Workshop,
    normalize_code,
    workshop_link,
)
from swot.workshop import (
    consensus_by_matrix,
    consistency_table,
    disagreements,
    group_judgments,
    group_model,
    participant_judgments_table,
)
from ui.i18n import columns, isolate, lang, t
from ui.i18n_workshop import tw
from ui.page_scenarios import (
    comparison_chart,
    comparison_view,
    db_path,
    place_label,
    store_action,
    store_page,
    when,
)
from ui.pairwise import judgment_editor, matrix_title
from ui.state import ModelSlot, flash, get_model, show_flash
from ui.tables import show_table

DEFAULT_BASE_URL = "http://localhost:8501"
PAGE_PATH = "workshop"  # this page's url_path in app.py


# -- facilitator


def _on_open(path: Path) -> None:
    workshop = store_action(path, lambda s: s.create_workshop(
        model_to_dict(get_model()), st.session_state.get("ws_title", "")))
    if workshop is not None:
        st.session_state["ws_pick"] = workshop.code
        st.session_state["ws_title"] = ""
        flash("success", tw("opened", code=workshop.code))


def _on_toggle(path: Path, code: str, is_open: bool) -> None:
    store_action(path, lambda s: (s.close_workshop if is_open else s.reopen_workshop)(code))


def _on_exclude(path: Path, code: str, participant_id: int, key: str) -> None:
    store_action(path, lambda s: s.set_excluded(code, participant_id, st.session_state[key]))


def _base_url() -> str:
    """The app's address: this page's URL without the page's own path and any query."""
    parts = urlsplit(st.context.url or DEFAULT_BASE_URL)
    path = parts.path.rstrip("/").removesuffix(f"/{PAGE_PATH}")
    return urlunsplit((parts.scheme, parts.netloc, path, "", "")).rstrip("/")


def _places(model: SwotModel, paths: pd.Series, language: str) -> list[str]:
    """Readable names of the matrices at ``paths``."""
    return [place_label(model, path, language) for path in paths]


def _participants(path: Path, store: Store, workshop: Workshop,
                  submissions: list[Submission]) -> None:
    st.subheader(tw("participants"))
    people = store.participants(workshop.code)
    if not people:
        st.info(tw("nobody"))
        return
    try:
        crs = consistency_table(workshop.model, submissions)
    except ValueError as exc:  # e.g. blanks that leave an item unconnected: no CR
        st.error(tw("failed", message=str(exc)))
        crs = consistency_table(workshop.model, [])  # no CRs; people can still be left out
    table = participant_overview(people, crs)
    show_table(pd.DataFrame({
        tw("col_name"): table["participant"],
        tw("col_status"): [tw(f"status_{s}") for s in table["status"]],
        tw("col_revisions"): table["revisions"],
        tw("col_last"): [when(at) for at in table["last_submitted"]],
        tw("col_max_cr"): table["max_cr"],
        tw("col_failing"): table["failing"],
        tw("col_excluded"): [t("yes") if x else t("no") for x in table["excluded"]],
    }), digits=3)
    for p in people:
        key = f"ws_ex:{workshop.code}:{p.id}"
        st.session_state[key] = p.excluded
        st.checkbox(tw("exclude", name=p.name), key=key, on_change=_on_exclude,
                    args=(path, workshop.code, p.id, key))


def _results(workshop: Workshop, everyone: list[Submission], included: list[Submission],
             language: str) -> None:
    st.subheader(tw("results"))
    if not everyone:
        st.info(tw("no_results"))
        return
    if not included:
        st.warning(tw("everyone_out"))
    used = included or everyone
    model = workshop.model
    try:
        models = {tw("with_everyone"): group_model(model, everyone)}
        if included and len(included) < len(everyone):
            models[tw("without_left_out")] = group_model(model, included)
        table = compare_rankings(models)
        ranking = evaluate(model_from_dict(group_model(model, used))).strategies
        side = judgments_side_by_side(model, everyone, group_judgments(model, used))
        consensus = pd.DataFrame(list(consensus_by_matrix(model, used).items()),
                                 columns=["matrix", "consensus"])
        spread = disagreements(model, used)
        everyones = participant_judgments_table(everyone, model)
        labelled = model_from_dict(model, source=f"workshop {workshop.code}")
    except ValueError as exc:  # swot's, the store's and anp's errors
        st.error(tw("cannot_group", message=str(exc)))
        return
    names = list(models)
    items = {"item_i": tw("col_item_i"), "item_j": tw("col_item_j")}
    st.markdown(f"**{tw('group_ranking')}**")
    show_table(comparison_view(table, names, language))
    st.plotly_chart(comparison_chart(table, names, language, title=tw("ws_chart_title")),
                    key="ws_chart")
    st.markdown(f"**{tw('group_judgments')}**")
    st.dataframe(side.assign(matrix=_places(labelled, side["matrix"], language)).rename(
        columns={"matrix": t("col_matrix"), **items, GROUP_COLUMN: t("col_group")}),
        hide_index=True)
    st.markdown(f"**{tw('consensus')}**")
    show_table(pd.DataFrame({
        t("col_matrix"): _places(labelled, consensus["matrix"], language),
        tw("col_consensus"): consensus["consensus"],
    }), digits=3)
    st.markdown(f"**{tw('disagreements')}**")
    show_table(spread.assign(matrix=_places(labelled, spread["matrix"], language))[
        ["matrix", "item_i", "item_j", "dispersion", "lowest", "highest"]].set_axis(
        [t("col_matrix"), items["item_i"], items["item_j"], tw("col_dispersion"),
         tw("col_lowest"), tw("col_highest")], axis=1), digits=3)
    st.markdown(f"**{tw('downloads')}**")
    files = {
        "group_ranking": ranking_csv(ranking, "both"),
        "judgments": dataframe_csv(everyones),
        "group_judgments": dataframe_csv(side),
        "consensus": dataframe_csv(consensus),
        "disagreements": dataframe_csv(spread),
    }
    rtl = language == "fa"  # buttons in reading order: from the right in Persian
    row = st.container(horizontal=True, horizontal_alignment="right" if rtl else "left")
    for what, data in (reversed(files.items()) if rtl else files.items()):
        row.download_button(tw(f"dl_{what}"), data,
                            file_name=f"workshop-{workshop.code}-{what}.csv",
                            mime="text/csv", key=f"ws_dl_{what}", on_click="ignore")


def _facilitator(path: Path, store: Store, language: str) -> None:
    st.subheader(tw("open_new"))
    st.text_input(tw("ws_title"), key="ws_title")
    st.button(tw("open"), key="ws_open", on_click=_on_open, args=(path,))
    workshops = store.list_workshops()
    st.subheader(tw("workshops"))
    if not workshops:
        st.info(tw("none_open"))
        return
    st.session_state.setdefault("ws_base_url", _base_url())
    base = st.text_input(tw("base_url"), key="ws_base_url")
    codes = [w.code for w in reversed(workshops)]
    if st.session_state.get("ws_pick") not in codes:
        st.session_state["ws_pick"] = codes[0]
    titles = {w.code: w.title for w in workshops}
    code = st.selectbox(tw("pick_workshop"), codes, key="ws_pick",
                        format_func=lambda c: f"{c} · {titles[c]}" if titles[c] else c)
    workshop = store.get_workshop(code)
    st.markdown(tw("code_is", code=code))
    st.code(workshop_link(base, code), language=None)
    if not workshop.is_open:
        st.warning(tw("is_closed"))
    st.button(tw("close") if workshop.is_open else tw("reopen"), key="ws_toggle",
              on_click=_on_toggle, args=(path, code, workshop.is_open))
    everyone = store.latest_submissions(code, include_excluded=True)
    _participants(path, store, workshop, everyone)
    _results(workshop, everyone, store.latest_submissions(code), language)


def render() -> None:
    """Draw the facilitator's page."""
    store_page(tw("page_workshop"), lambda path, store: _facilitator(path, store, lang()))


# -- participant


@dataclass(frozen=True)
class _Draft:
    """A participant's judgments in the shape the group functions read."""

    participant_name: str
    judgments: dict[str, Any]


def _key(code: str, what: str) -> str:
    return f"wsp:{code}:{what}"


def _enter(code: str, participant_id: int, name: str) -> None:
    st.session_state[_key(code, "pid")] = participant_id
    st.session_state[_key(code, "name")] = name
    st.session_state.pop(_key(code, "taken"), None)


def _on_join(path: Path, code: str) -> None:
    name = st.session_state.get("wsp_name", "")
    try:
        with Store(path) as store:
            participant = store.join(code, name)
    except DuplicateParticipantError as exc:
        st.session_state[_key(code, "taken")] = " ".join(name.split())
        flash("error", str(exc))
        return
    except StoreError as exc:
        flash("error", tw("failed", message=str(exc)))
        return
    _enter(code, participant.id, participant.name)


def _on_resume(path: Path, code: str, name: str) -> None:
    participant = store_action(path, lambda s: s.get_participant(code, name))
    if participant is not None:
        _enter(code, participant.id, participant.name)


def _on_leave(code: str) -> None:
    for what in ("pid", "name", "draft"):
        st.session_state.pop(_key(code, what), None)


def _submit(path: Path, code: str, participant_id: int, fingerprint: str,
            model: SwotModel) -> None:
    judgments = model_to_dict(model)["judgments"]
    store_action(path, lambda s: s.submit(code, participant_id, judgments, fingerprint),
                 error="not_saved")


def _slot(path: Path, code: str, participant_id: int, fingerprint: str) -> ModelSlot:
    """The participant's draft: kept in the session, submitted on every change."""
    key = _key(code, "draft")

    def save(model: SwotModel) -> None:
        st.session_state[key] = (fingerprint, model)
        _submit(path, code, participant_id, fingerprint, model)

    return ModelSlot(get=lambda: st.session_state[key][1], set=save)


def _restore_draft(store: Store, workshop: Workshop, participant_id: int) -> None:
    """Keep the participant's draft in the session while the workshop's model stays the same;
    else start it from their latest submission on that model (or the model's judgments)."""
    key = _key(workshop.code, "draft")
    kept = st.session_state.get(key)
    if kept is not None and kept[0] == workshop.fingerprint:
        return
    if kept is not None:
        st.warning(tw("model_changed"))
    latest = store.latest_submission(workshop.code, participant_id)
    data = dict(workshop.model)
    if latest is not None and latest.fingerprint == workshop.fingerprint:
        data["judgments"] = latest.judgments
    st.session_state[key] = (
        workshop.fingerprint, model_from_dict(data, source=f"workshop {workshop.code}"))


def _join_form(path: Path, code: str) -> None:
    st.text_input(tw("your_name"), key="wsp_name")
    st.button(tw("join"), key="wsp_join", on_click=_on_join, args=(path, code))
    taken = st.session_state.get(_key(code, "taken"))
    if taken:
        st.error(tw("taken", name=taken))
        st.button(tw("continue_as", name=taken), key="wsp_resume", on_click=_on_resume,
                  args=(path, code, taken))
        st.caption(tw("resume_note"))


def _matrix_paths(model: SwotModel) -> list[str]:
    paths = [path for path, _, _ in model.iter_matrices()]
    rated = [f"judgments.strategies.{fid}" for fid, j in model.strategy_judgments.items()
             if j.kind == "ratings"]
    return paths + rated


def _editor(slot: ModelSlot, code: str, name: str, language: str) -> None:
    model = slot.get()
    data = model_to_dict(model)
    with st.expander(tw("your_cr")):
        try:
            crs = consistency_table(data, [_Draft(name, data["judgments"])])
        except ValueError as exc:  # e.g. blanks that leave an item unconnected: no CR
            st.error(tw("failed", message=str(exc)))
        else:
            show_table(pd.DataFrame({
                t("col_matrix"): _places(model, crs["matrix"], language),
                "n": crs["n"],
                t("col_cr"): crs["cr"],
                t("col_passes"): [t("yes") if ok else t("no") for ok in crs["passes"]],
            }), digits=3)
    paths = _matrix_paths(model)
    key = f"wsp_matrix:{code}"
    if st.session_state.get(key) not in paths:
        st.session_state[key] = paths[0]
    path = st.selectbox(tw("matrix"), paths, key=key,
                        format_func=lambda p: isolate(matrix_title(model, p, language), language))
    judgment_editor(slot, path, language, f"wsp:{code}")


def render_participant(code: str) -> None:
    """Draw a participant's view of the workshop with this code (from ``?workshop=CODE``)."""
    language = lang()
    code = normalize_code(code)
    path = db_path()
    if path is None:
        return
    try:
        with Store(path) as store:
            workshop = store.get_workshop(code)
            st.header(tw("join_title", code=workshop.code, title=workshop.title))
            show_flash()
            if not workshop.is_open:
                st.error(tw("is_closed"))
                return
            participant_id = st.session_state.get(_key(code, "pid"))
            if participant_id is None:
                _join_form(path, code)
                return
            _restore_draft(store, workshop, participant_id)
            latest = store.latest_submission(code, participant_id)
    except (StoreError, ModelFileError) as exc:
        show_flash()
        st.error(tw("failed", message=str(exc)))
        return
    name = st.session_state[_key(code, "name")]
    st.markdown(tw("hello", name=name))
    if latest is None:
        st.caption(tw("not_saved_yet"))
    else:
        st.caption(tw("saved_rev", n=latest.revision, at=when(latest.submitted_at)))
    slot = _slot(path, code, participant_id, workshop.fingerprint)
    first, second = columns(2, language)
    first.button(tw("submit"), key="wsp_submit", on_click=lambda: slot.set(slot.get()))
    second.button(tw("leave"), key="wsp_leave", on_click=_on_leave, args=(code,))
    _editor(slot, code, name, language)


if __name__ == "__main__":
    render()
