"""Database URLs (SQLite by default, PostgreSQL for replicas), and a PostgreSQL database that is
not ours or is newer: refused, untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from store_testdata import postgres_url

from swot.store import (
    SchemaVersionError,
    Store,
    StoreError,
    StoreForeignError,
    default_db_path,
)
from swot.store.config import database_target, shown_target


def test_urls_and_bare_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert database_target(str(tmp_path / "a.db")) == tmp_path / "a.db"
    assert database_target(f"sqlite:///{tmp_path}/b.db") == tmp_path / "b.db"
    assert database_target("sqlite:///rel/c.db") == Path("rel/c.db")
    url = "postgresql+psycopg://u:secret@db.example/swot"
    assert database_target(url) == url
    assert database_target("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"
    assert "secret" not in shown_target(url) and "db.example/swot" in shown_target(url)
    with pytest.raises(StoreError, match="mysql:// databases are not supported"):
        database_target("mysql://u@h/d")
    with pytest.raises(StoreError, match="three slashes"):
        database_target("sqlite://c.db")
    monkeypatch.setenv("SWOT_ANP_DB", f"sqlite:///{tmp_path}/new/d.db")
    assert default_db_path() == tmp_path / "new" / "d.db"
    assert (tmp_path / "new").is_dir()
    assert default_db_path(cli_value=url) == url  # the flag first, a URL as it is
    with Store(f"sqlite:///{tmp_path}/e.db") as store:
        store.save_scenario("via URL", {"any": "model"})
    with Store(tmp_path / "e.db") as store:
        assert [s.name for s in store.list_scenarios()] == ["via URL"]


@pytest.mark.parametrize("url", ["postgresql://u:secret@h:notaport/d",
                                 "postgresql+psycopg://u:secret@h:54x2/d"])
def test_an_unreadable_server_url_is_a_store_error_without_its_password(url: str) -> None:
    for attempt in (lambda: database_target(url), lambda: Store(url)):
        with pytest.raises(StoreError, match="URL cannot be read") as caught:
            attempt()
        assert "secret" not in str(caught.value)


def test_a_password_given_as_a_url_parameter_is_not_shown() -> None:
    """libpq also takes the password as ``?password=``: hidden like ``USER:PASSWORD@``, in
    what is shown and in the message of a server that cannot be reached."""
    url = "postgresql://u@localhost:1/d?password=s3cret&connect_timeout=1"
    assert shown_target(database_target(url)) == (
        "postgresql+psycopg://u@localhost:1/d?connect_timeout=1&password=***")
    with pytest.raises(StoreError, match="cannot open the database") as caught:
        Store(url)
    assert "s3cret" not in str(caught.value)


@pytest.mark.parametrize("argv", [["app.py", "--", "--db"], ["app.py", "--db", "--other"]])
def test_db_flag_without_a_value_is_a_store_error_not_an_exit(argv: list[str]) -> None:
    """``streamlit run app.py -- --db`` (the value forgotten): a message the page shows,
    not argparse's SystemExit, which would end the app's script run."""
    from swot.store.config import cli_db_path

    with pytest.raises(StoreError, match="argument --db: expected one argument"):
        cli_db_path(argv)


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        names = {row[0] for row in conn.execute(text(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema()"))}
    engine.dispose()
    return names


def _execute(url: str, *statements: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


def test_postgresql_database_of_another_application_is_refused_untouched() -> None:
    url = postgres_url()
    _execute(url, "CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    with pytest.raises(StoreForeignError, match=r"another application.*orders"):
        Store(url)
    assert _tables(url) == {"orders"}


def test_newer_postgresql_schema_is_refused_untouched() -> None:
    url = postgres_url()
    Store(url).close()
    _execute(url, "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    before = _tables(url)
    with pytest.raises(SchemaVersionError, match="schema version 99, newer"):
        Store(url)
    assert _tables(url) == before
