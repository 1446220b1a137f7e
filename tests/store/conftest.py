"""Fixtures for the store tests: a small model in the model file format, and a database on
each engine: an SQLite file, and a PostgreSQL database when ``SWOT_ANP_TEST_POSTGRES_URL``
names one (``.ci/run`` starts a throwaway server and sets it; in CI its absence is a failure)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from store_testdata import postgres_url, tiny_model

from swot.store import Store


@pytest.fixture
def model() -> dict[str, Any]:
    return tiny_model()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, db_path: Path) -> Path | str:
    """The database of a test on each engine: a file path, or the server's URL."""
    return db_path if request.param == "sqlite" else postgres_url()


@pytest.fixture
def store(database: Path | str):
    with Store(database) as opened:
        yield opened
