"""The database stops answering mid-session (a PostgreSQL server stopped, unreachable): the
participant sees a message, no traceback, and what they typed is kept in the session and saved
when the database answers again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from test_workshop_flow import PAIR, _join, _open, _run, _session

from swot.store import ENV_VAR, Store, connection


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "workshop.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(path))
    return path


def _server_down(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every new connection goes to a PostgreSQL socket with no server behind it."""
    gone = create_engine(f"postgresql+psycopg://postgres@/swot?host={tmp_path}&connect_timeout=2")
    monkeypatch.setattr(connection, "_engine", lambda target: gone)


def test_judgments_typed_while_the_database_is_down_are_kept_and_saved_later(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = _open(_session(), "Outage")
    ann = _join(code, "Ann")
    _run(ann.selectbox(key=f"wsp:{code}:{PAIR}").set_value("5"))
    real_engine = connection._engine

    _server_down(monkeypatch, tmp_path)
    _run(ann.selectbox(key=f"wsp:{code}:{PAIR}").set_value("7"))  # no exception: _run checks
    shown = " ".join(e.value for e in ann.error)
    assert "cannot open the database" in shown and "connection" in shown  # what went wrong
    assert any("kept in this browser tab but are not saved yet" in w.value for w in ann.warning)
    _run(ann)  # a rerun while still down: the page still says so and keeps the draft
    assert any("not saved yet" in w.value for w in ann.warning)
    token = ann.query_params["p"]  # the private link's token (a list in Streamlit 1.63)
    token = token[-1] if isinstance(token, list) else token
    assert ann.session_state[f"wsp:draft:{token}"]["unsaved"]  # ui.workshop_participant

    monkeypatch.setattr(connection, "_engine", real_engine)  # the database is back
    _run(ann)
    assert any("saved now" in s.value for s in ann.success)
    assert ann.selectbox(key=f"wsp:{code}:{PAIR}").value == "7"
    with Store(db) as store:
        person = store.participants(code)[0]
        latest: Any = store.latest_submission(code, person.id)
    assert person.revisions == 2
    assert latest.judgments["groups"][0][1] == 7
