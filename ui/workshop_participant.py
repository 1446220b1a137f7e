"""A participant's pages: the shared join link (``?workshop=CODE``: give a name, get a private
link) and the private link (``?p=TOKEN``: judge, see your own consistency and, from round 2,
where you stand against the group). Neither offers a way into the rest of the app.

A matrix counts as judged once the participant changes one of its judgments or confirms it;
only judged matrices enter the group results. Every change is saved at once with the optional
one-line rationale.

Widget keys: ``wsp_name``, ``wsp_join``, ``wsp_rationale``, ``wsp_confirm``,
``wsp_matrix:<code>``, and the editor's ``wsp:<code>:<path>:<i>:<j>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from swot.io import ModelFileError, model_from_dict, model_to_dict
from swot.judgment_cells import matrix_paths
from swot.model import SwotModel
from swot.store import (
    DuplicateParticipantError,
    ModelChangedError,
    NotFoundError,
    Participant,
    Store,
    StoreError,
    Workshop,
    WorkshopClosedError,
    WorkshopFullError,
)
from swot.workshop import INCOMPLETE, JUDGED, consistency_table, judgment_status
from swot.workshop_feedback import best_change, feedback_table
from swot.workshop_report import masked
from swot.workshop_text import saaty_text
from ui.i18n import isolate, lang
from ui.literal import literal
from ui.pairwise import judgment_editor, matrix_title, pair_label, token_of
from ui.routes import language_param
from ui.state import ModelSlot
from ui.store_view import db_path
from ui.strings import family, t
from ui.tables import show_table
from ui.workshop_labels import item_label, status_mark
from ui.workshop_view import app_url

TOKEN_PARAM = "p"
TOKEN_KEY = "wsp_token"  # (workshop code, token) of the participant who joined in this tab
MESSAGE_KEY = "wsp_message"


@dataclass(frozen=True)
class _Draft:
    """A participant's judgments in the shape the group functions read."""

    participant_name: str
    judgments: dict[str, Any]
    judged: tuple[str, ...]


def private_link(token: str, language: str) -> str:
    """This app's address with the private-link parameter (built as the facilitator's links)
    and the page's language unless English (the link is for a bookmark: it opened in English)."""
    return app_url(**{TOKEN_PARAM: token}, **language_param(language))


def _say(kind: str, text: str) -> None:
    """Keep a message for the next run; ``text`` is Markdown whose typed parts (a name, an
    error's text) the caller already made literal (:func:`ui.literal.literal`)."""
    st.session_state[MESSAGE_KEY] = (kind, text)


def _show_message() -> None:
    kept = st.session_state.pop(MESSAGE_KEY, None)
    if kept is not None:  # not literal() again: a typed "**a**" read "\*\*a\*\*"
        (st.error if kept[0] == "error" else st.success)(kept[1])


# -- the shared join link


def _on_join(path: Path | str, code: str) -> None:
    name = st.session_state.get("wsp_name", "")
    if not name.split():
        _say("error", t("workshop.name_empty"))
        return
    try:
        with Store(path) as store:
            person = store.join(code, name)
    except (NotFoundError, WorkshopClosedError):
        _say("error", t("workshop.invalid_link"))
        return
    except WorkshopFullError:
        _say("error", t("workshop.full"))
        return
    except DuplicateParticipantError:
        _say("error", t("workshop.name_taken", ascii_digits=True, name=literal(name)))
        return
    except StoreError as exc:
        _say("error", t("store.failed", ascii_digits=True, message=literal(str(exc), 600)))
        return
    st.session_state[TOKEN_KEY] = (person.workshop_code, person.token)
    st.query_params.clear()
    st.query_params[TOKEN_PARAM] = person.token


def render_join(code: str) -> None:
    """The shared join link: a name, then a private link (unknown, closed and full workshops
    get the same reply for unknown and closed, so the page does not confirm which codes
    exist)."""
    path = db_path()
    if path is None:
        return
    try:
        with Store(path) as store:
            workshop = store.get_workshop(code)
    except (NotFoundError, StoreError):
        workshop = None
    _show_message()
    if workshop is None or not workshop.is_open:
        st.error(t("workshop.invalid_link"))
        return
    st.header(t("workshop.join_title", ascii_digits=True, code=workshop.code,
                title=literal(workshop.title)), anchor=False)
    st.text_input(t("workshop.your_name"), key="wsp_name", max_chars=200)
    st.button(t("workshop.join"), key="wsp_join", on_click=_on_join, args=(path, workshop.code))


# -- the private link


def _draft_key(token: str) -> str:
    return f"wsp:draft:{token}"


def _start(store: Store, workshop: Workshop, person: Participant) -> dict[str, Any]:
    """The draft: the latest submission of this round on this model, else the model's
    judgments (prefill) or blanks, nothing judged."""
    latest = store.latest_submission(workshop.code, person.id)
    data = dict(workshop.model)
    judged: set[str] = set()
    if latest is not None and latest.fingerprint == workshop.fingerprint:
        data["judgments"] = latest.judgments
        judged = set(latest.judged or ())
    elif not workshop.prefill:
        data["judgments"] = masked(_Draft("", workshop.model["judgments"], ()), workshop.model)
    return {"fingerprint": workshop.fingerprint, "round": workshop.round, "judged": judged,
            "model": model_from_dict(data, source=f"workshop {workshop.code}")}


def _as_dict(draft: dict[str, Any]) -> dict[str, Any]:
    """The draft's model as a model-file dict, converted once per change."""
    kept = draft.get("dict")
    if kept is None or kept[0] is not draft["model"]:
        kept = (draft["model"], model_to_dict(draft["model"]))
        draft["dict"] = kept
    return kept[1]


def _seen(workshop: Workshop) -> tuple[int, bool, str]:
    """What the page drew from: the workshop's round, whether open, its model."""
    return workshop.round, workshop.is_open, workshop.fingerprint


def _submit(path: Path | str, workshop: Workshop, person: Participant,
            draft: dict[str, Any]) -> None:
    """Save the draft; what the store answers about the workshop (a new round, closed, another
    model) goes to ``draft["seen"]``, so that a fragment rerun drawn from an older state of the
    workshop reruns the whole page (:func:`_judging`)."""
    judgments = _as_dict(draft)["judgments"]
    rationale = st.session_state.get("wsp_rationale", "")
    round_, is_open, fingerprint = draft.get("seen", _seen(workshop))
    try:
        with Store(path) as store:
            saved = store.submit(workshop.code, person.id, judgments, draft["fingerprint"],
                                 judged=sorted(draft["judged"]), rationale=rationale)
        draft["seen"] = (saved.round, True, fingerprint)
    except StoreError as exc:
        if isinstance(exc, WorkshopClosedError):
            draft["seen"] = (round_, False, fingerprint)
        elif isinstance(exc, ModelChangedError):
            draft["seen"] = (round_, is_open, "")
        draft["unsaved"] = True  # kept in the session; saved on the next run that reaches it
        not_saved = t("workshop.not_saved", ascii_digits=True, message=literal(str(exc), 600))
        _say("error", f"{t('workshop.kept_unsaved')} {not_saved}")
        return
    if draft.pop("unsaved", False):
        _say("success", t("workshop.saved_after_outage"))
    st.session_state["wsp_rationale"] = ""


def _slot(path: Path | str, workshop: Workshop, person: Participant, matrix: str) -> ModelSlot:
    """The draft as the editor's model: every change marks ``matrix`` judged and is saved."""
    draft = st.session_state[_draft_key(person.token)]

    def save(model: SwotModel) -> None:
        draft["model"] = model
        draft["judged"].add(matrix)
        _submit(path, workshop, person, draft)

    return ModelSlot(get=lambda: draft["model"], set=save)


def _on_confirm(path: Path | str, workshop: Workshop, person: Participant, matrix: str) -> None:
    draft = st.session_state[_draft_key(person.token)]
    draft["judged"].add(matrix)
    _submit(path, workshop, person, draft)


def _own_consistency(model: SwotModel, data: dict[str, Any], name: str, judged: set[str],
                     language: str) -> None:
    """Every judged matrix's CR, on demand (the editor shows the current matrix's)."""
    if not st.toggle(t("workshop.your_cr"), key="wsp_show_cr"):
        return
    crs = consistency_table(data, [_Draft(name, data["judgments"], tuple(judged))])
    if not crs.empty:
        show_table(pd.DataFrame({
            t("common.col_matrix"): [matrix_title(model, p.removesuffix(".pairwise").removesuffix(
                ".matrix"), language) for p in crs["matrix"]],
            "n": crs["n"],
            t("common.col_cr"): crs["cr"],
            t("common.col_passes"): [t("common.yes") if ok else t("common.no")
                                     for ok in crs["passes"]],
        }), digits=3)


@st.cache_data(max_entries=256, show_spinner=False)
def _last_round(path: str, code: str, round_number: int) -> list[Any]:
    """The submissions of a closed round (they no longer change)."""
    with Store(path) as store:
        return store.latest_submissions(code, round=round_number)


def _feedback(path: Path | str, workshop: Workshop, person: Participant, draft: dict[str, Any],
              matrix: str, language: str) -> None:
    previous = workshop.round - 1
    group = _last_round(str(path), workshop.code, previous)
    mine = next((s for s in group if s.participant_id == person.id), None)
    model = draft["model"]
    with st.expander(t("workshop.feedback", n=previous), expanded=True):
        if mine is None:
            st.caption(t("workshop.no_feedback"))
            return
        table = feedback_table(workshop.model, mine, group, matrix)
        if table.empty:
            st.caption(t("workshop.no_feedback"))
        else:
            show_table(pd.DataFrame({
                t("workshop.col_item_i"): [item_label(model, x, language) for x in table["item_i"]],
                t("workshop.col_item_j"): [item_label(model, x, language) for x in table["item_j"]],
                t("workshop.col_mine"): [saaty_text(v) for v in table["mine"]],
                t("workshop.col_group_gm"): [saaty_text(v) for v in table["group"]],
                t("workshop.col_factor"): table["factor"],
            }), digits=2)
        suggestion = best_change(workshop.model, mine, group)
        if suggestion is None:
            st.caption(t("workshop.no_suggest"))
            return
        a = item_label(model, suggestion.item_i, language)
        b = item_label(model, suggestion.item_j, language)
        st.info(t(
            "workshop.suggest", ascii_digits=True, pair=literal(f"{a} / {b}"),
            matrix=literal(matrix_title(model, suggestion.matrix, language)),
            current=literal(pair_label(token_of(suggestion.current), a, b, language)),
            suggested=literal(pair_label(token_of(suggestion.suggested), a, b, language)),
            before=suggestion.before, after=suggestion.after))


def render_private(token: str) -> None:
    """A participant's own page, from their private link."""
    language = lang()
    path = db_path()
    if path is None:
        return
    try:
        with Store(path) as store:
            person = store.participant_by_token(token)
            workshop = store.get_workshop(person.workshop_code)
            key = _draft_key(token)
            kept = st.session_state.get(key)
            if (kept is None or kept["fingerprint"] != workshop.fingerprint
                    or kept["round"] != workshop.round):
                if kept is not None and kept["fingerprint"] != workshop.fingerprint:
                    st.warning(t("workshop.model_changed"))
                st.session_state[key] = _start(store, workshop, person)
    except NotFoundError:
        st.error(t("workshop.invalid_link"))
        return
    except (StoreError, ModelFileError) as exc:
        st.error(t("store.failed", ascii_digits=True, message=literal(str(exc), 600)))
        if st.session_state.get(_draft_key(token), {}).get("unsaved"):
            st.warning(t("workshop.kept_unsaved"))
        return
    st.session_state[key]["seen"] = _seen(workshop)
    if st.session_state[key].get("unsaved"):  # the database is back: save what was kept
        _submit(path, workshop, person, st.session_state[key])
    st.header(t("workshop.join_title", ascii_digits=True, code=workshop.code,
                title=literal(workshop.title)), anchor=False)
    _show_message()
    if not workshop.is_open:
        st.error(t("workshop.is_closed"))
        return
    st.caption(t("workshop.your_link"))
    st.code(private_link(token, language), language=None)
    st.markdown(t("workshop.hello_plain", ascii_digits=True, name=literal(person.name)))
    _judging(path, workshop, person, language)


@st.fragment
def _judging(path: Path | str, workshop: Workshop, person: Participant, language: str) -> None:
    """Progress, the matrix picker, the feedback and the editor: a judgment change reruns
    only this part of the page (the change is saved in its callback, before the rerun). The
    arguments are those of the last whole-page run: when saving found the workshop in another
    state since (next round, closed, model changed), the whole page reruns instead."""
    draft = st.session_state[_draft_key(person.token)]
    if draft.get("seen", _seen(workshop)) != _seen(workshop):
        st.rerun(scope="app")
    model: SwotModel = draft["model"]
    data = _as_dict(draft)
    mine = _Draft(person.name, data["judgments"], tuple(draft["judged"]))
    paths = matrix_paths(data)
    status = {p: judgment_status(mine, data, p) for p in paths}
    done = sum(s == JUDGED for s in status.values())
    st.caption(f"{t('workshop.round_is', n=workshop.round)} · "
               f"{t('workshop.judged_count', done=done, total=len(paths))}")
    _own_consistency(model, data, person.name, draft["judged"], language)
    pick = f"wsp_matrix:{workshop.code}"
    # set on every run (not only when unset) so that the shown label follows the language
    st.session_state[pick] = st.session_state.get(pick) if st.session_state.get(pick) in paths \
        else paths[0]
    matrix = st.selectbox(
        t("workshop.matrix"), paths, key=pick,
        format_func=lambda p: isolate(f"{status_mark(status[p])} "
                                      f"{matrix_title(model, p, language)}", language))
    if status[matrix] == INCOMPLETE:  # judged, with blanks: confirming would change nothing
        st.warning(t("workshop.status_incomplete") + " — " + t("workshop.this_incomplete"))
    elif status[matrix] != JUDGED:
        st.warning(t(family("workshop.status_",
                            status[matrix])) + " — " + t("workshop.this_not_judged"))
        st.button(t("workshop.confirm"), key="wsp_confirm", on_click=_on_confirm,
                  args=(path, workshop, person, matrix))
    st.text_input(t("workshop.rationale"), key="wsp_rationale", max_chars=500)
    if workshop.round > 1:
        _feedback(path, workshop, person, draft, matrix, language)
    _show_message()
    judgment_editor(_slot(path, workshop, person, matrix), matrix, language,
                    f"wsp:{workshop.code}", blanks_expected=True)
