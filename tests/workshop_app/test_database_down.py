"""The database stops answering mid-session (a PostgreSQL server stopped, unreachable): the
participant sees a message, no traceback, and what they typed is kept in the session and saved
when the database answers again. One test points the store at a socket with no server behind
it; the others start a PostgreSQL server of their own and really stop it mid-session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from test_workshop_flow import PAIR, ROOT, _join, _open, _run, _session

from swot.io import model_to_dict
from swot.store import ENV_VAR, Store, connection

sys.path.insert(0, str(ROOT / "tests" / "store"))
from store_testdata import ThrowawayPostgres  # skips without PostgreSQL (fails in CI)


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


@pytest.fixture
def own_postgres(monkeypatch: pytest.MonkeyPatch) -> Iterator[ThrowawayPostgres]:
    """A PostgreSQL server of the test's own, the app's database; removed even on failure."""
    server = ThrowawayPostgres()
    try:
        monkeypatch.setenv(ENV_VAR, server.url)
        yield server
    finally:
        server.remove()


def _token(at: Any) -> str:
    token = at.query_params["p"]  # the private link's token (a list in Streamlit 1.63)
    return token[-1] if isinstance(token, list) else token


def test_a_judgment_made_while_postgresql_is_stopped_is_saved_once_it_is_back(
    own_postgres: ThrowawayPostgres,
) -> None:
    code = _open(_session(), "Outage")
    ann = _join(code, "Ann")
    _run(ann.selectbox(key=f"wsp:{code}:{PAIR}").set_value("5"))  # saved: the server is up

    own_postgres.stop()  # pg_ctl stop -m fast, mid-session
    _run(ann.selectbox(key=f"wsp:{code}:{PAIR}").set_value("7"))  # no exception: _run checks
    shown = " ".join(e.value for e in ann.error)
    assert "cannot open the database" in shown  # what went wrong, in words
    assert any("kept in this browser tab but are not saved yet" in w.value for w in ann.warning)
    kept = ann.session_state[f"wsp:draft:{_token(ann)}"]  # ui.workshop_participant's draft
    assert kept["unsaved"] and model_to_dict(kept["model"])["judgments"]["groups"][0][1] == 7

    own_postgres.start()
    _run(ann)  # the next run reaches the database: the kept judgment is saved
    assert any("saved now" in s.value for s in ann.success)
    assert ann.selectbox(key=f"wsp:{code}:{PAIR}").value == "7"
    assert not ann.session_state[f"wsp:draft:{_token(ann)}"].get("unsaved")
    _run(ann)  # and saved once: another run stores nothing more
    with Store(own_postgres.url) as store:
        (person,) = store.participants(code)
        history = store.submission_history(code, person.id)
        changes = store.judgment_changes(code)
    assert [h.judgments["groups"][0][1] for h in history] == [5, 7]
    pair = [(c.old_value, c.new_value) for c in changes if (c.item_i, c.item_j) == ("S", "W")]
    assert [new for _old, new in pair] == [5, 7] and pair[1][0] == 5  # each change once


def test_a_scenario_save_while_postgresql_is_stopped_says_what_was_not_saved_and_keeps_it(
    own_postgres: ThrowawayPostgres,
) -> None:
    at = _session("scenarios")
    at.text_input(key="sc_name").input("before")
    _run(at.button(key="sc_save").click())
    at.text_input(key="sc_name").input("during the outage")
    at.text_area(key="sc_note").input("typed while the server was stopped")

    own_postgres.stop()
    _run(at.button(key="sc_save").click())  # no exception
    shown = [e.value for e in at.error]
    assert any("cannot be used" in text for text in shown)  # the page: the database is down
    assert any("Scenario \u2068during the outage\u2069 was not saved" in text  # and exactly
               and "name and note in the form" in text for text in shown)  # what was not

    own_postgres.start()
    _run(at)  # the form comes back with what was typed
    assert at.text_input(key="sc_name").value == "during the outage"
    assert at.text_area(key="sc_note").value == "typed while the server was stopped"
    _run(at.button(key="sc_save").click())
    assert [s.value for s in at.success] == ["Saved scenario \u2068during the outage\u2069."]
    with Store(own_postgres.url) as store:
        saved = {s.name: s.note for s in store.list_scenarios()}
    assert saved == {"before": "", "during the outage": "typed while the server was stopped"}
