"""Fixtures of the app tests: a fresh AppTest on app.py with st.cache_data cleared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    """``st.cache_data`` is shared by every session: start and end each test empty."""
    st.cache_data.clear()
    yield
    st.cache_data.clear()


@pytest.fixture(autouse=True)
def _own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test its own database (scenarios, drafts): never the user's default file."""
    monkeypatch.setenv("SWOT_ANP_DB", str(tmp_path / "app-test.sqlite3"))


@pytest.fixture
def app() -> AppTest:
    """The app after its first run (Model page, Tehran model, English)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The base URL of ``streamlit run app.py`` on a free port and a fresh database, for the
    browser tests (skips without Chromium, see :func:`e2e_support.require_browser`)."""
    from e2e_support import require_browser, streamlit_server  # playwright: browser tests only

    require_browser()
    with streamlit_server(str(tmp_path / "e2e.sqlite3"), tmp_path / "streamlit.log") as base:
        yield base
