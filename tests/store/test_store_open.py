"""Opening a database: where it lives, new files, corrupt, foreign and newer files, migration."""

from __future__ import annotations

import builtins
import hashlib
import io
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from store_testdata import OLD_STAMP, tiny_model

from swot.store import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    SchemaVersionError,
    Store,
    StoreCorruptError,
    StoreError,
    StoreForeignError,
    connection,
    default_db_path,
    model_fingerprint,
    schema,
)
from swot.store.connection import run


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


# -- default_db_path


def test_db_path_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SWOT_ANP_DB", raising=False)
    default = default_db_path()
    assert default == tmp_path / "home/.local/share/swot-anp/swot-anp.sqlite3"
    assert default.parent.is_dir()
    secrets = {"db_path": str(tmp_path / "secret/s.sqlite3")}
    assert default_db_path(secrets=secrets) == tmp_path / "secret/s.sqlite3"
    assert (tmp_path / "secret").is_dir()
    monkeypatch.setenv("SWOT_ANP_DB", str(tmp_path / "env/e.sqlite3"))
    assert default_db_path(secrets=secrets) == tmp_path / "env/e.sqlite3"
    assert default_db_path(str(tmp_path / "cli/c.sqlite3"), secrets) == tmp_path / "cli/c.sqlite3"


def test_db_path_empty_values_fall_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("SWOT_ANP_DB", "")
    expected = tmp_path / ".local/share/swot-anp/swot-anp.sqlite3"
    assert default_db_path("", {"db_path": ""}) == expected


# -- new and existing databases


def test_new_database_is_created_with_header_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.sqlite3"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.integrity_check() == ["ok"]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    finally:
        conn.close()
    assert meta["application"] == "swot-anp"
    assert meta["schema_version"] == str(SCHEMA_VERSION)


def test_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with Store(path) as store:
        store.save_scenario("a", tiny_model())
    with Store(path) as store:
        assert [s.name for s in store.list_scenarios()] == ["a"]


def test_data_survives_reopening(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save_scenario("base", tiny_model(), note="n")
        code = store.create_workshop(tiny_model()).code
    with Store(db_path) as store:
        assert store.load_scenario("base").model == tiny_model()
        assert store.get_workshop(code).model == tiny_model()


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)


# -- files that are not ours


@pytest.mark.parametrize(
    "content",
    [
        os.urandom(4096),
        b"name,value\nnot,a database\n",
        b"SQLite format 3\x00" + os.urandom(4080),
    ],
    ids=["random-bytes", "text", "sqlite-header-then-garbage"],
)
def test_corrupt_file_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(content)
    before = _siblings(path)
    with pytest.raises(StoreCorruptError, match=r"bad\.sqlite3"):
        Store(path)
    assert path.read_bytes() == content
    assert _siblings(path) == before


def test_foreign_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.commit()
    conn.close()
    digest = _digest(path)
    before = _siblings(path)
    with pytest.raises(StoreForeignError, match=r"other\.sqlite3.*invoices"):
        Store(path)
    assert _digest(path) == digest
    assert _siblings(path) == before


def test_foreign_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "app.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 12345")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.commit()
    conn.close()
    digest = _digest(path)
    with pytest.raises(StoreForeignError, match=r"of another application \(tables: meta\)"):
        Store(path)
    assert _digest(path) == digest


def test_newer_schema_is_refused_and_left_untouched(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save_scenario("keep", tiny_model())
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    digest = _digest(db_path)
    with pytest.raises(SchemaVersionError, match=f"version {SCHEMA_VERSION + 1}"):
        Store(db_path)
    assert _digest(db_path) == digest


def test_damaged_stored_json_is_reported(store: Store) -> None:
    store.save_scenario("x", tiny_model())
    store._write(lambda conn: run(conn, "UPDATE scenarios SET model_json = '{broken'"))
    with pytest.raises(StoreCorruptError, match="scenario 'x'"):
        store.load_scenario("x")


# -- migration from schema version 1


def _make_v1_database(path: Path) -> str:
    """A database as version 1 of the store wrote it, with one row in every table (unlike
    store_testdata.old_database: a scenario, and one participant whose submission is the
    prefilled model, which the tests below count on)."""
    model = tiny_model()
    fingerprint = model_fingerprint(model)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript(schema.SCHEMA_V1)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    stamp = OLD_STAMP
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("application", "swot-anp"), ("schema_version", "1"), ("created_at", stamp)],
    )
    conn.execute(
        "INSERT INTO scenarios (name, model_json, created_at, updated_at) VALUES (?, ?, ?, ?)",
        ("old scenario", json.dumps(model, ensure_ascii=False), stamp, stamp),
    )
    conn.execute(
        "INSERT INTO workshops (code, title, model_json, fingerprint, is_open, created_at) "
        "VALUES ('ABC234', 'old', ?, ?, 1, ?)",
        (json.dumps(model), fingerprint, stamp),
    )
    conn.execute(
        "INSERT INTO participants (workshop_id, name, name_key, joined_at) "
        "VALUES (1, 'Ali', 'ali', ?)",
        (stamp,),
    )
    conn.execute(
        "INSERT INTO submissions (participant_id, judgments_json, fingerprint, submitted_at) "
        "VALUES (1, ?, ?, ?)",
        (json.dumps(model["judgments"]), fingerprint, stamp),
    )
    conn.close()
    return fingerprint


def test_version_1_database_is_migrated_with_data_intact(db_path: Path) -> None:
    fingerprint = _make_v1_database(db_path)
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        (info,) = store.list_scenarios()
        assert (info.name, info.note) == ("old scenario", "")
        assert store.load_scenario(info.id).model == tiny_model()
        workshop = store.get_workshop("abc234")
        assert workshop.fingerprint == fingerprint
        (ali,) = store.participants("ABC234")
        assert (ali.name, ali.excluded, ali.revisions, ali.status) == ("Ali", False, 1, "submitted")
        # the new columns work
        store.update_scenario(info.id, note="now with a note")
        store.set_excluded("ABC234", ali.id, True)
        assert store.latest_submissions("ABC234") == []
        (sub,) = store.latest_submissions("ABC234", include_excluded=True)
        assert sub.judgments == tiny_model()["judgments"]
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        assert meta["schema_version"] == str(SCHEMA_VERSION)
    finally:
        conn.close()
    with Store(db_path) as store:
        assert store.load_scenario("old scenario").note == "now with a note"


def test_migration_first_writes_a_backup_through_sqlite(db_path: Path) -> None:
    _make_v1_database(db_path)
    with Store(db_path):
        pass
    backup = db_path.with_name(f"{db_path.name}.schema-v1.bak")
    conn = sqlite3.connect(backup)
    try:  # the database as it was before the migration, complete and sound
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT name FROM scenarios").fetchall() == [("old scenario",)]
        assert conn.execute("SELECT count(*) FROM submissions").fetchone()[0] == 1
    finally:
        conn.close()
    # a second migration of the same version never overwrites the first backup
    first = backup.read_bytes()
    db_path.unlink()
    _make_v1_database(db_path)
    conn = sqlite3.connect(db_path)  # unlike the first, so an overwrite would show
    with conn:
        conn.execute("UPDATE scenarios SET name = 'second database'")
    conn.close()
    with Store(db_path):
        pass
    assert backup.read_bytes() == first
    assert db_path.with_name(f"{backup.name}.2").exists()
    for path, name in ((backup, "old scenario"), (db_path.with_name(f"{backup.name}.2"),
                                                    "second database")):
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("SELECT name FROM scenarios").fetchall() == [(name,)]
        finally:
            conn.close()


def test_store_never_opens_the_database_file_outside_sqlite(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11: a plain open()/close() of the file drops SQLite's POSIX locks."""
    Store(db_path).close()
    opened: list[str] = []

    def spying(real: Any) -> Any:
        def spy(path: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(path, (str, bytes, os.PathLike)):
                opened.append(os.fsdecode(path))
            return real(path, *args, **kwargs)
        return spy

    for module, name in ((os, "open"), (io, "open"), (builtins, "open")):
        monkeypatch.setattr(module, name, spying(getattr(module, name)))
    with Store(db_path) as store:
        store.save_scenario("x", tiny_model())
        store.list_scenarios()
    assert str(db_path) not in opened


def test_the_backup_holds_a_write_that_landed_just_before_the_migration(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup is taken under the migration's write lock: a write by another process
    after the open's checks but before the lock is in the backup as in the migrated file."""
    _make_v1_database(db_path)
    real = connection.Connection._init_or_migrate

    def another_process_writes_first(self: connection.Connection) -> None:
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("INSERT INTO scenarios (name, model_json, created_at, updated_at) "
                      "VALUES ('late', '{}', 'then', 'then')")
        other.close()
        real(self)

    monkeypatch.setattr(connection.Connection, "_init_or_migrate", another_process_writes_first)
    with Store(db_path) as store:
        assert {s.name for s in store.list_scenarios()} == {"old scenario", "late"}
    backup = sqlite3.connect(db_path.with_name(f"{db_path.name}.schema-v1.bak"))
    try:
        assert {row[0] for row in backup.execute("SELECT name FROM scenarios")} == {
            "old scenario", "late"}
        assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        backup.close()
