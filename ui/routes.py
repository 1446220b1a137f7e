"""Links that open one view of the app instead of the whole app, and the participant-only
setting for hosting.

- ``?p=TOKEN``: a participant's private page (:func:`ui.workshop_participant.render_private`);
- ``?workshop=CODE``: the shared join link, which issues a private link;
- ``?facilitate=TOKEN`` (``&view=projector``): one workshop's facilitator (projector) view;
- ``&lang=fa`` on any of them: its language, kept there when the person switches it (links
  keep no draft), so that a reload stays in Persian;
- participant-only mode (``SWOT_ANP_PARTICIPANT_ONLY=1``, or ``participant_only = true`` in
  ``.streamlit/secrets.toml``, or ``streamlit run app.py -- --participant-only``): only these
  links work; anything else gets a one-line message, never the app's pages.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

import streamlit as st

from swot.store import WORKSHOP_QUERY_PARAM, NotFoundError, Store, StoreError, normalize_code
from ui.i18n import LANG_KEY, LANGS, lang
from ui.literal import literal
from ui.store_view import db_path
from ui.strings import t

PARTICIPANT_ONLY_ENV = "SWOT_ANP_PARTICIPANT_ONLY"
PARTICIPANT_ONLY_SECRET = "participant_only"


def cli_participant_only(argv: Sequence[str]) -> bool:
    """Whether the app's command line has ``--participant-only`` (after ``--``)."""
    args = list(argv[1:])
    if "--" in args:
        args = args[args.index("--") + 1:]
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--participant-only", action="store_true")
    return bool(parser.parse_known_args(args)[0].participant_only)


def participant_only() -> bool:
    """Whether this server runs in participant-only mode (command line, environment, secrets)."""
    if cli_participant_only(sys.argv):
        return True
    if os.environ.get(PARTICIPANT_ONLY_ENV, "").strip().lower() in ("1", "true", "yes", "on"):
        return True
    try:
        return bool(st.secrets.get(PARTICIPANT_ONLY_SECRET, False))
    except FileNotFoundError:
        return False


def _facilitate(token: str, projector: bool) -> None:
    from ui.workshop_projector import render_projector
    from ui.workshop_view import render_workshop

    path = db_path()
    if path is None:
        return
    try:
        with Store(path) as store:
            code = store.workshop_by_facilitator_token(token).code
    except NotFoundError:
        st.error(t("workshop.invalid_link"))
        return
    except StoreError as exc:
        st.error(t("store.db_bad", ascii_digits=True, message=literal(str(exc), 600)))
        return
    (render_projector if projector else render_workshop)(path, code, lang())


def is_link() -> bool:
    """Whether this request is one of the links above (or the server is participant-only):
    such a page never restores or autosaves a planner's draft."""
    from ui.workshop_participant import TOKEN_PARAM
    from ui.workshop_view import FACILITATE_PARAM

    params = st.query_params
    return (any(params.get(key) for key in (TOKEN_PARAM, WORKSHOP_QUERY_PARAM, FACILITATE_PARAM))
            or participant_only())


LANG_PARAM = "lang"  # a link's language (links keep no draft): ``&lang=fa``


def language_param(language: str) -> dict[str, str]:
    """The query parameter that opens a link in ``language`` (none for English, the default)."""
    return {} if language == "en" else {LANG_PARAM: language}


def restore_link_language() -> None:
    """On a link, in a new session (a reload), the language its address names (before the
    language box is drawn)."""
    asked = st.query_params.get(LANG_PARAM)
    if LANG_KEY not in st.session_state and asked in LANGS:
        st.session_state[LANG_KEY] = asked


def keep_link_language() -> None:
    """On a link, the session's language in its address, so that a reload keeps it."""
    chosen = lang()
    if st.query_params.get(LANG_PARAM, "en") != chosen:
        if chosen == "en":
            del st.query_params[LANG_PARAM]
        else:
            st.query_params[LANG_PARAM] = chosen


def route() -> bool:
    """Draw the view a link asks for; True when one was drawn (the caller then stops)."""
    from ui.workshop_participant import TOKEN_KEY, TOKEN_PARAM, render_join, render_private
    from ui.workshop_view import FACILITATE_PARAM, VIEW_PARAM

    params = st.query_params
    token = params.get(TOKEN_PARAM)
    code = params.get(WORKSHOP_QUERY_PARAM)
    joined = st.session_state.get(TOKEN_KEY)  # just joined in this tab: its private page
    if not token and code and joined and joined[0] == normalize_code(code):
        token = joined[1]
    if token:
        render_private(token)
        return True
    if code:
        render_join(code)
        return True
    facilitate = params.get(FACILITATE_PARAM)
    if facilitate:
        _facilitate(facilitate, params.get(VIEW_PARAM) == "projector")
        return True
    if participant_only():
        st.info(t("workshop.participant_only"))
        return True
    return False
