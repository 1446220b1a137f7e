"""Schema 4: the session drafts table is an Alembic revision; every earlier version migrates to
it, keeping drafts that the drafts code stored before schema 4 created the table itself."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from store_testdata import OLD_STAMP, old_database, postgres_url

from swot.store import SCHEMA_VERSION, Store
from swot.store.drafts import new_token


def _indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'session_drafts'"
            " AND sql IS NOT NULL")}
    finally:
        conn.close()


@pytest.mark.parametrize(("version", "drafts"), [(1, False), (2, False), (3, False), (3, True)])
def test_every_earlier_version_migrates_to_4(db_path: Path, version: int, drafts: bool) -> None:
    old_database(db_path, version, drafts=drafts)
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION == 4
        assert store.integrity_check() == ["ok"]
        assert [p.name for p in store.participants("ABC234")] == ["Ali", "Sara"]  # data kept
        old = store.load_draft("OLDdraftTOKEN0000", now=datetime(2024, 5, 2, tzinfo=UTC))
        if drafts:
            assert (old.data, old.updated_at) == ({"n": 1}, OLD_STAMP)
        else:
            assert old is None
        token = new_token()  # the table works on the migrated file
        store.save_draft(token, {"model": {"a": 1}})
        assert store.load_draft(token).data == {"model": {"a": 1}}
    assert _indexes(db_path) == {"session_drafts_by_age"}
    assert db_path.with_name(f"{db_path.name}.schema-v{version}.bak").exists()


def test_a_new_database_has_the_drafts_table_from_the_start(database: Path | str) -> None:
    with Store(database) as store:
        assert store.schema_version == 4
        token = new_token()
        store.save_draft(token, {"n": 2})
        assert store.load_draft(token).data == {"n": 2}


def test_a_version_3_database_on_postgresql_migrates_to_4() -> None:
    from sqlalchemy import create_engine

    url = postgres_url()
    Store(url).close()
    engine = create_engine(url)  # back to version 3: as a v3 program left it
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE session_drafts")
        conn.exec_driver_sql("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'v3'")
    with Store(url) as store:
        assert store.schema_version == 4
        token = new_token()
        store.save_draft(token, {"n": 3})
        assert store.load_draft(token).data == {"n": 3}
    with engine.begin() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").all() == [("v4",)]
    engine.dispose()


def test_a_version_3_database_on_postgresql_keeps_the_drafts_its_drafts_code_stored() -> None:
    """On PostgreSQL too the drafts code created session_drafts itself before schema 4 (no
    index): the revision keeps the table and its rows and adds the index."""
    from sqlalchemy import create_engine

    url = postgres_url()
    Store(url).close()
    engine = create_engine(url)  # back to version 3, with the table as the drafts code made it
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE session_drafts")
        conn.exec_driver_sql("CREATE TABLE session_drafts (token TEXT PRIMARY KEY, "
                             "data_json TEXT NOT NULL, updated_at TEXT NOT NULL)")
        conn.exec_driver_sql("INSERT INTO session_drafts VALUES "
                             f"('OLDdraftTOKEN0000', '{{\"n\": 1}}', '{OLD_STAMP}')")
        conn.exec_driver_sql("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'v3'")
    with Store(url) as store:
        assert store.schema_version == 4
        old = store.load_draft("OLDdraftTOKEN0000", now=datetime(2024, 5, 2, tzinfo=UTC))
        assert (old.data, old.updated_at) == ({"n": 1}, OLD_STAMP)
    with engine.begin() as conn:
        assert conn.exec_driver_sql(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'session_drafts' "
            "AND indexname = 'session_drafts_by_age'").all() == [("session_drafts_by_age",)]
    engine.dispose()
