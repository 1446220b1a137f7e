"""Autosaved session drafts (swot.store.drafts, on the Store): save, load, expiry after
KEEP_DAYS, tokens; on each engine."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from swot.store import Store, StoreError, StoreForeignError
from swot.store.drafts import KEEP_DAYS, new_token, valid_token


def _execute(database: Path | str, sql: str, params: dict | None = None) -> list[tuple]:
    """Run ``sql`` on the database directly (not through the Store); the rows it returns."""
    url = database if isinstance(database, str) else f"sqlite:///{database}"
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params or {})
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def test_save_and_load_round_trip(database: Path | str) -> None:
    token = new_token()
    assert valid_token(token) and len(token) >= 16
    with Store(database) as store:
        assert store.load_draft(token) is None
        store.save_draft(token, {"model": {"a": 1}, "settings": {"lang": "fa"}})
        store.save_draft(token, {"model": {"a": 2}, "settings": {"lang": "en"}})  # replaces
    with Store(database) as store:
        assert store.load_draft(token).data == {"model": {"a": 2}, "settings": {"lang": "en"}}
        assert store.list_scenarios() == []  # drafts share the database with the scenarios


def test_drafts_expire_after_keep_days(database: Path | str) -> None:
    old, recent = new_token(), new_token()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with Store(database) as store:
        store.save_draft(old, {"n": 1}, now=start)
        later = start + timedelta(days=KEEP_DAYS, seconds=1)
        assert store.load_draft(old, now=later) is None  # expired, though not yet deleted
        assert store.load_draft(old, now=start + timedelta(days=KEEP_DAYS - 1)) is not None
        store.save_draft(recent, {"n": 2}, now=later)  # any save deletes the expired ones
    assert _execute(database, "SELECT token FROM session_drafts") == [(recent,)]


@pytest.mark.parametrize("token", ["", "short", "../../etc/passwd-aaaaaaaaaaaa", None, 5])
def test_malformed_tokens_are_never_looked_up(tmp_path: Path, token: object) -> None:
    assert not valid_token(token)
    with Store(tmp_path / "db.sqlite3") as store:
        assert store.load_draft(token) is None  # type: ignore[arg-type]
        with pytest.raises(StoreError, match="not a draft token"):
            store.save_draft(token, {})  # type: ignore[arg-type]


def test_a_foreign_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE things (x)").connection.commit()
    with pytest.raises(StoreForeignError, match=r"of another application \(tables: things\)"):
        Store(path)
    tables = sqlite3.connect(path).execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table'").fetchall()
    assert tables == [("things",)]


def test_a_draft_json_cannot_hold_is_a_store_error_and_keeps_the_saved_one(
    database: Path | str,
) -> None:
    token = new_token()
    with Store(database) as store:
        store.save_draft(token, {"n": 1})
        with pytest.raises(StoreError, match="non-finite number at n"):
            store.save_draft(token, {"n": float("nan")})
        with pytest.raises(StoreError, match="cannot be stored as JSON"):
            store.save_draft(token, {"n": object()})
        assert store.load_draft(token).data == {"n": 1}


@pytest.mark.parametrize("damaged", ["{not json", "[1, 2]"])
def test_a_damaged_draft_row_loads_as_no_draft(database: Path | str, damaged: str) -> None:
    token = new_token()
    with Store(database) as store:
        store.save_draft(token, {"n": 1})
    _execute(database, "UPDATE session_drafts SET data_json = :damaged", {"damaged": damaged})
    with Store(database) as store:
        assert store.load_draft(token) is None
