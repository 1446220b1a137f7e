"""Fixtures for the store tests: a small model in the model file format, and a database on
each engine: an SQLite file, and a PostgreSQL database when ``SWOT_ANP_TEST_POSTGRES_URL``
names one (``.ci/run`` starts a throwaway server and sets it; in CI its absence is a failure)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from store_testdata import tiny_model

from swot.store import Store

POSTGRES_ENV = "SWOT_ANP_TEST_POSTGRES_URL"


@pytest.fixture
def model() -> dict[str, Any]:
    return tiny_model()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


def postgres_url() -> str:
    """The test server's URL, its database emptied; skip (fail in CI) without one."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{POSTGRES_ENV} is not set: in CI .ci/run starts PostgreSQL for these")
        pytest.skip(f"no PostgreSQL server for the tests ({POSTGRES_ENV} is not set)")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, db_path: Path) -> Path | str:
    """The database of a test on each engine: a file path, or the server's URL."""
    return db_path if request.param == "sqlite" else postgres_url()


@pytest.fixture
def store(database: Path | str):
    with Store(database) as opened:
        yield opened
