"""Fixtures for the store tests: a small model in the model file format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from store_testdata import tiny_model

from swot.store import Store


@pytest.fixture
def model() -> dict[str, Any]:
    return tiny_model()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def store(db_path: Path):
    with Store(db_path) as opened:
        yield opened
