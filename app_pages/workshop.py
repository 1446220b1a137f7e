"""Page "Workshop": open a workshop on the current model and follow the workshops of this
session (or one opened with its facilitator link). A workshop's view is
:func:`ui.workshop_view.render_workshop`; participants' pages are in
:mod:`ui.workshop_participant`.

Only workshops opened in this browser session, or unlocked with their secret facilitator link,
are listed: the page never shows other workshops' codes, names or judgments.

Widget keys: ``ws_title``, ``ws_prefill``, ``ws_anonymous``, ``ws_new_cap``, ``ws_open``,
``ws_unlock``, ``ws_unlock_go``, ``ws_pick``, and those of the workshop's view.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

import streamlit as st

from swot.io import model_to_dict
from swot.store import NotFoundError, Store, StoreError
from ui.i18n import lang
from ui.literal import literal, plain
from ui.state import flash, get_model
from ui.store_view import store_action, store_page
from ui.strings import t
from ui.workshop_view import FACILITATE_PARAM, render_workshop

KNOWN_KEY = "ws_known"  # codes of the workshops this session may follow


def known() -> list[str]:
    """Codes of the workshops this session opened or unlocked, newest first."""
    return st.session_state.setdefault(KNOWN_KEY, [])


def remember(code: str) -> None:
    """Let this session follow the workshop ``code``."""
    codes = known()
    if code in codes:
        codes.remove(code)
    codes.insert(0, code)
    st.session_state["ws_pick"] = code


def _on_open(path: Path | str) -> None:
    cap = int(st.session_state.get("ws_new_cap") or 0)
    workshop = store_action(path, lambda s: s.create_workshop(
        model_to_dict(get_model()), st.session_state.get("ws_title", ""),
        prefill=bool(st.session_state.get("ws_prefill")),
        anonymous=bool(st.session_state.get("ws_anonymous")),
        max_participants=cap or None))
    if workshop is not None:
        remember(workshop.code)
        st.session_state["ws_title"] = ""
        flash("success", t("workshop.opened", ascii_digits=True, code=workshop.code))


def facilitator_token(text: str) -> str:
    """The token in a pasted facilitator link (or the bare token)."""
    text = text.strip()
    # the query by hand: urlsplit raises ValueError on a typo such as "http://[::1?..."
    query = parse_qs(text.partition("?")[2].partition("#")[0])
    return query[FACILITATE_PARAM][0] if FACILITATE_PARAM in query else text


def _on_unlock(path: Path | str) -> None:
    token = facilitator_token(st.session_state.get("ws_unlock", ""))
    try:
        with Store(path) as store:
            workshop = store.workshop_by_facilitator_token(token)
    except NotFoundError:
        flash("error", t("workshop.invalid_link"))
        return
    except StoreError as exc:
        flash("error", t("store.failed", ascii_digits=True, message=literal(str(exc), 600)))
        return
    st.session_state["ws_unlock"] = ""
    remember(workshop.code)


def _facilitator(path: Path | str, store: Store, language: str) -> None:
    st.subheader(t("workshop.open_new"))
    st.text_input(t("workshop.ws_title"), key="ws_title", max_chars=200)
    st.checkbox(t("workshop.prefill"), key="ws_prefill")
    st.checkbox(t("workshop.anonymous", ascii_digits=True), key="ws_anonymous")
    st.number_input(t("workshop.cap", ascii_digits=True), min_value=0, step=1, key="ws_new_cap")
    st.button(t("workshop.open"), key="ws_open", on_click=_on_open, args=(path,))
    st.subheader(t("workshop.workshops"))
    with st.expander(t("workshop.unlock")):
        st.text_input(t("workshop.unlock"), key="ws_unlock", label_visibility="collapsed")
        st.button(t("workshop.unlock_button"), key="ws_unlock_go", on_click=_on_unlock,
                  args=(path,))
    codes = known()
    if not codes:
        st.info(t("workshop.none_known"))
        return
    titles = {}
    for code in list(codes):
        try:
            titles[code] = store.get_workshop(code).title
        except NotFoundError:
            codes.remove(code)
    if st.session_state.get("ws_pick") not in codes:
        st.session_state["ws_pick"] = codes[0]
    code = st.selectbox(t("workshop.pick_workshop"), codes, key="ws_pick",
                        format_func=lambda c: plain(f"{c} · {titles[c]}" if titles.get(c) else c))
    render_workshop(path, code, language)


def render() -> None:
    """Draw the facilitator's page."""
    store_page(t("app.page_workshop"), lambda path, store: _facilitator(path, store, lang()))


if __name__ == "__main__":
    render()
