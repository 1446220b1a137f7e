"""The database as the pages use it: where it is (:func:`db_path`, the one place the app reads
its ``--db`` flag, ``SWOT_ANP_DB`` and the ``db_path`` secret, through
:func:`swot.store.config.default_db_path`), one action on it with its failure kept as a
message (:func:`store_action`), a database page's frame (:func:`store_page`) and stored
times as shown (:func:`when`)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import streamlit as st

from swot.store import SECRETS_KEY, Store, StoreError, default_db_path
from swot.store.config import cli_db_path, shown_target
from ui.i18n import lang, ltr
from ui.literal import literal
from ui.problems import translated
from ui.state import flash, show_flash
from ui.strings import t

_T = TypeVar("_T")


def db_path(quiet: bool = False) -> Path | str | None:
    """The database (``--db``, ``SWOT_ANP_DB``, secrets ``db_path``, the default: a path or a
    server's URL); None when its folder cannot be made or the URL is not one the store knows,
    after an error message unless ``quiet``."""
    try:
        secrets = {SECRETS_KEY: st.secrets.get(SECRETS_KEY)}
    except FileNotFoundError:  # no secrets file (or an unreadable one)
        secrets = None
    try:
        return default_db_path(cli_db_path(sys.argv), secrets)
    except (OSError, StoreError) as exc:
        if not quiet:
            st.error(t("store.db_bad", ascii_digits=True, message=literal(str(exc), 600)))
        return None


def store_action(path: Path | str, action: Callable[[Store], _T], error: str = "store.failed",
                 where: str = "") -> _T | None:
    """``action`` on the store at ``path``; a failure becomes an error message for the next
    run (string ``error`` with ``message``) and gives None."""
    try:
        with Store(path) as store:
            return action(store)
    except StoreError as exc:
        message = translated(str(exc), lang())  # the common refusals in Persian too
        flash("error", t(error, ascii_digits=True, message=literal(message, 600)), where)
        return None


def when(iso: str) -> str:
    """A stored ISO timestamp as "YYYY-MM-DD HH:MM:SS UTC" (seconds; the store keeps UTC), in
    a left-to-right isolate so that it reads the same inside Persian text."""
    zone = " UTC" if iso.endswith(("+00:00", "Z")) else ""
    return ltr(iso[:19].replace("T", " ") + zone)


def store_page(title: str, body: Callable[[Path | str, Store], None]) -> None:
    """A database page: header, kept message, the database's path, then ``body(path, store)``
    on the open store; a database that cannot be used becomes an error message."""
    st.header(title)
    show_flash()
    path = db_path()
    if path is None:
        return
    st.caption(t("store.db_where", ascii_digits=True, path=ltr(shown_target(path))))
    try:
        with Store(path) as store:
            body(path, store)
    except StoreError as exc:
        st.error(t("store.db_bad", ascii_digits=True, message=literal(str(exc), 600)))
        show_flash(None)  # e.g. what an action of this run could not save
