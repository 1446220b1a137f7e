"""Fixtures of the sensitivity tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's autosaved drafts go to a database of the test's own, never the user's."""
    monkeypatch.setenv("SWOT_ANP_DB", str(tmp_path / "sensitivity-test.sqlite3"))
