"""Autosaved drafts of app sessions, so that a browser reload loses nothing: the draft queries
of a :class:`~swot.store.Store` (``store.save_draft``, ``store.load_draft``).

A draft is the working model, the model as last loaded and a few settings (language, the matrix
being edited, ...), stored under a random token that the app keeps in its address
(``?draft=TOKEN``). Drafts live in the ``session_drafts`` table (schema version 4) of the
scenario and workshop database; a draft not saved for :data:`KEEP_DAYS` days is deleted the next
time any draft is saved.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeGuard

from sqlalchemy.engine import Connection as SAConnection

from swot.store.connection import Connection, run
from swot.store.errors import StoreError
from swot.store.values import to_json

__all__ = ["KEEP_DAYS", "QUERY_PARAM", "Draft", "Drafts", "new_token", "valid_token"]

KEEP_DAYS = 30
QUERY_PARAM = "draft"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


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


class Drafts(Connection):
    """The draft queries of a :class:`~swot.store.Store`."""

    def save_draft(
        self, token: str, data: dict[str, Any], now: datetime | None = None
    ) -> None:
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

        self._write(body)

    def load_draft(self, token: str, now: datetime | None = None) -> Draft | None:
        """The draft stored under ``token``, or None (unknown, expired or malformed token)."""
        if not valid_token(token):
            return None
        now = now or datetime.now(UTC)
        row = self._read(lambda conn: run(
            conn, "SELECT data_json, updated_at FROM session_drafts WHERE token = :token",
            {"token": token}).fetchone())
        if row is None or row["updated_at"] < (now - timedelta(days=KEEP_DAYS)).isoformat():
            return None
        try:
            data = json.loads(row["data_json"])
        except ValueError:  # a damaged row: as if there were no draft
            return None
        return Draft(token, data, row["updated_at"]) if isinstance(data, dict) else None
