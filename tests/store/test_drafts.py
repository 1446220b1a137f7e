"""Autosaved session drafts (swot.store.drafts): save, load, expiry after KEEP_DAYS, tokens."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from swot.store import Store, StoreError, StoreForeignError
from swot.store.drafts import KEEP_DAYS, Drafts, new_token, valid_token


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    token = new_token()
    assert valid_token(token) and len(token) >= 16
    with Drafts(path) as drafts:
        assert drafts.load(token) is None
        drafts.save(token, {"model": {"a": 1}, "settings": {"lang": "fa"}})
        drafts.save(token, {"model": {"a": 2}, "settings": {"lang": "en"}})  # replaces
    with Drafts(path) as drafts:
        assert drafts.load(token).data == {"model": {"a": 2}, "settings": {"lang": "en"}}
    with Store(path) as store:  # the scenario store still opens the shared file
        assert store.list_scenarios() == []


def test_drafts_expire_after_keep_days(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    old, recent = new_token(), new_token()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with Drafts(path) as drafts:
        drafts.save(old, {"n": 1}, now=start)
        later = start + timedelta(days=KEEP_DAYS, seconds=1)
        assert drafts.load(old, now=later) is None  # expired, though not yet deleted
        assert drafts.load(old, now=start + timedelta(days=KEEP_DAYS - 1)) is not None
        drafts.save(recent, {"n": 2}, now=later)  # any save deletes the expired ones
    rows = sqlite3.connect(path).execute("SELECT token FROM session_drafts").fetchall()
    assert rows == [(recent,)]


@pytest.mark.parametrize("token", ["", "short", "../../etc/passwd-aaaaaaaaaaaa", None, 5])
def test_malformed_tokens_are_never_looked_up(tmp_path: Path, token: object) -> None:
    assert not valid_token(token)
    with Drafts(tmp_path / "db.sqlite3") as drafts:
        assert drafts.load(token) is None  # type: ignore[arg-type]
        with pytest.raises(StoreError, match="not a draft token"):
            drafts.save(token, {})  # type: ignore[arg-type]


def test_a_foreign_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE things (x)").connection.commit()
    with pytest.raises(StoreForeignError, match=r"of another application \(tables: things\)"):
        Drafts(path)
    tables = sqlite3.connect(path).execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table'").fetchall()
    assert tables == [("things",)]


def test_a_draft_json_cannot_hold_is_a_store_error_and_keeps_the_saved_one(tmp_path: Path) -> None:
    path, token = tmp_path / "db.sqlite3", new_token()
    with Drafts(path) as drafts:
        drafts.save(token, {"n": 1})
        with pytest.raises(StoreError, match="non-finite number at n"):
            drafts.save(token, {"n": float("nan")})
        with pytest.raises(StoreError, match="cannot be stored as JSON"):
            drafts.save(token, {"n": object()})
        assert drafts.load(token).data == {"n": 1}


@pytest.mark.parametrize("damaged", ["{not json", "[1, 2]"])
def test_a_damaged_draft_row_loads_as_no_draft(tmp_path: Path, damaged: str) -> None:
    path, token = tmp_path / "db.sqlite3", new_token()
    with Drafts(path) as drafts:
        drafts.save(token, {"n": 1})
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE session_drafts SET data_json = ?", (damaged,))
    conn.close()
    with Drafts(path) as drafts:
        assert drafts.load(token) is None
