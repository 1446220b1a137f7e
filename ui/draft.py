"""Autosave of the session to a draft in the database (:mod:`swot.store.drafts`), keyed by a token
in the address (``?draft=TOKEN``), so that a browser reload brings back the working model,
the model as loaded, the language and a few settings; the page itself is in the address.

:func:`restore` runs first in a new session, :func:`autosave` at the end of every run (it writes
only when something it keeps has changed).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from swot.io import ModelFileError, model_from_dict, model_to_dict
from swot.store import Store, StoreError
from swot.store.drafts import QUERY_PARAM, new_token, valid_token
from ui.i18n import DIGITS_KEY, LANG_KEY, LANGS
from ui.literal import literal
from ui.state import CHOSEN_MATRIX_KEY, LOADED_KEY, MODEL_KEY, REVISION_KEY
from ui.store_view import db_path
from ui.strings import t

TOKEN_KEY = "draft_token"
SAVED_KEY = "draft_saved"  # (model, loaded model, settings) as last saved
# settings and the choices of the page in view (widget keys; None when not on their page)
SETTINGS = (LANG_KEY, DIGITS_KEY, CHOSEN_MATRIX_KEY, "csv_lang", "factor_pick",
            "strategy_pick", "sens_kind", "sens_group", "sens_factor", "sens_mc_method",
            "sc_compare")


def _token() -> str:
    """The session's draft token, put into the address when it is not there."""
    token = st.session_state.get(TOKEN_KEY)
    if token is None:
        asked = st.query_params.get(QUERY_PARAM)
        token = asked if valid_token(asked) else new_token()
        st.session_state[TOKEN_KEY] = token
    if st.query_params.get(QUERY_PARAM) != token:
        st.query_params[QUERY_PARAM] = token
    return token


def restore() -> None:
    """In a new session whose address names a saved draft, bring the draft back (before any
    widget is drawn); otherwise just make sure the address carries a token."""
    fresh = MODEL_KEY not in st.session_state
    token = _token()
    if not fresh:
        return
    path = db_path(quiet=True)
    if path is None:
        return
    try:
        with Store(path) as store:
            draft = store.load_draft(token)
    except StoreError:
        return
    if draft is None:
        return
    data = draft.data
    try:
        model = model_from_dict(data["model"], source="draft")
        loaded = model_from_dict(data["loaded"], source="draft") if data.get("loaded") else None
    except (ModelFileError, KeyError, TypeError):
        return  # a draft this version cannot read: start afresh
    st.session_state[MODEL_KEY] = model
    st.session_state[LOADED_KEY] = loaded
    st.session_state[REVISION_KEY] = int(data.get("revision", 0)) + 1
    for key, value in data.get("settings", {}).items():
        if key in SETTINGS and value is not None:
            st.session_state[key] = value
    if st.session_state.get(LANG_KEY) not in LANGS:
        st.session_state.pop(LANG_KEY, None)
    st.session_state[SAVED_KEY] = _signature()
    st.toast(t("app.draft_restored"))


def _settings() -> dict[str, Any]:
    return {key: st.session_state.get(key) for key in SETTINGS}


def _signature() -> tuple:
    """What a draft keeps: the model objects themselves (compared by identity: the model is
    replaced, never changed in place) and the settings."""
    return (st.session_state.get(MODEL_KEY), st.session_state.get(LOADED_KEY), _settings())


def _unchanged(signature: tuple) -> bool:
    saved = st.session_state.get(SAVED_KEY)
    return (saved is not None and saved[0] is signature[0] and saved[1] is signature[1]
            and saved[2] == signature[2])


def autosave() -> None:
    """Save the session's draft when the model, the loaded model or a setting changed."""
    if MODEL_KEY not in st.session_state:
        return
    signature = _signature()
    if _unchanged(signature):
        return
    path = db_path(quiet=True)
    if path is None:
        return
    loaded = st.session_state.get(LOADED_KEY)
    data = {
        "model": model_to_dict(st.session_state[MODEL_KEY]),
        "loaded": model_to_dict(loaded) if loaded is not None else None,
        "revision": st.session_state.get(REVISION_KEY, 0),
        "settings": _settings(),
    }
    try:
        with Store(path) as store:
            store.save_draft(_token(), data)
    except StoreError as exc:
        st.caption(t("app.draft_not_saved", message=literal(str(exc), 600)))
        return
    st.session_state[SAVED_KEY] = signature
