"""Autosaved drafts of app sessions, so that a browser reload loses nothing.

A draft is the working model, the model as last loaded and a few settings (language, the matrix
being edited, ...), stored under a random token that the app keeps in its address
(``?draft=TOKEN``). Drafts live in their own table, ``session_drafts``, of the scenario and
workshop database (the :class:`~swot.store.Store` creates and checks the file); a draft not
saved for :data:`KEEP_DAYS` days is deleted the next time any draft is saved.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeGuard

from sqlalchemy.engine import Connection as SAConnection

from swot.store import Store
from swot.store.connection import run
from swot.store.errors import StoreError
from swot.store.values import to_json

__all__ = ["KEEP_DAYS", "Draft", "Drafts", "new_token", "valid_token"]

KEEP_DAYS = 30
QUERY_PARAM = "draft"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_SCHEMA = """CREATE TABLE IF NOT EXISTS session_drafts (
    token      TEXT PRIMARY KEY,
    data_json  TEXT NOT NULL,
    updated_at TEXT NOT NULL
)"""


def new_token() -> str:
    """A fresh unguessable draft token (128 random bits, URL-safe)."""
    return secrets.token_urlsafe(16)


def valid_token(token: object) -> TypeGuard[str]:
    """Whether ``token`` has the form of a draft token (anything else is never looked up)."""
    return isinstance(token, str) and bool(_TOKEN.match(token))


@dataclass(frozen=True)
class Draft:
    """A stored draft: ``data`` is what the app saved (JSON-ready), ``updated_at`` ISO UTC."""

    token: str
    data: dict[str, Any]
    updated_at: str


class Drafts:
    """The drafts table of the database at ``path``; use as a context manager."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._store = Store(path)  # creates the file, or checks that it is ours
        self.path = self._store.path
        try:
            self._store._write(lambda conn: run(conn, _SCHEMA))
        except BaseException:
            self._store.close()
            raise

    def __enter__(self) -> Drafts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self._store.close()

    def save(self, token: str, data: dict[str, Any], now: datetime | None = None) -> None:
        """Store ``data`` under ``token`` (replacing it) and delete drafts older than
        :data:`KEEP_DAYS` days."""
        if not valid_token(token):
            raise StoreError(f"{token!r} is not a draft token")
        now = now or datetime.now(UTC)
        text = to_json(data, "the draft")  # an InvalidDataError (a StoreError), not a traceback

        def body(conn: SAConnection) -> None:
            run(conn,
                "INSERT INTO session_drafts (token, data_json, updated_at) "
                "VALUES (:token, :data, :now) ON CONFLICT (token) DO UPDATE SET "
                "data_json = excluded.data_json, updated_at = excluded.updated_at",
                {"token": token, "data": text, "now": now.isoformat()})
            run(conn, "DELETE FROM session_drafts WHERE updated_at < :oldest",
                {"oldest": (now - timedelta(days=KEEP_DAYS)).isoformat()})

        self._store._write(body)

    def load(self, token: str, now: datetime | None = None) -> Draft | None:
        """The draft stored under ``token``, or None (unknown, expired or malformed token)."""
        if not valid_token(token):
            return None
        now = now or datetime.now(UTC)
        row = self._store._read(lambda conn: run(
            conn, "SELECT data_json, updated_at FROM session_drafts WHERE token = :token",
            {"token": token}).fetchone())
        if row is None or row["updated_at"] < (now - timedelta(days=KEEP_DAYS)).isoformat():
            return None
        try:
            data = json.loads(row["data_json"])
        except ValueError:  # a damaged row: as if there were no draft
            return None
        return Draft(token, data, row["updated_at"]) if isinstance(data, dict) else None
