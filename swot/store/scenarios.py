"""Scenarios: saved models with a unique name and a note."""

from __future__ import annotations

import sqlite3
from typing import Any

from swot.store import values
from swot.store.connection import Connection
from swot.store.errors import DuplicateNameError, InvalidDataError, NotFoundError
from swot.store.records import Scenario, ScenarioInfo

_COLUMNS = "id, name, note, created_at, updated_at, model_json"


def _row(conn: sqlite3.Connection, id_or_name: int | str) -> sqlite3.Row:
    if isinstance(id_or_name, int) and not isinstance(id_or_name, bool):
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM scenarios WHERE id = ?", (id_or_name,)
        ).fetchone()
    elif isinstance(id_or_name, str):
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM scenarios WHERE name = ?", (" ".join(id_or_name.split()),)
        ).fetchone()
    else:
        raise InvalidDataError(
            f"a scenario is named by its id or name, not {type(id_or_name).__name__}"
        )
    if row is None:
        raise NotFoundError(f"no scenario {id_or_name!r}")
    return row


def _info(row: sqlite3.Row) -> ScenarioInfo:
    return ScenarioInfo(id=row["id"], name=row["name"], note=row["note"],
                        created_at=row["created_at"], updated_at=row["updated_at"])


def _scenario(row: sqlite3.Row) -> Scenario:
    return Scenario(id=row["id"], name=row["name"], note=row["note"],
                    created_at=row["created_at"], updated_at=row["updated_at"],
                    model=values.from_json(row["model_json"], f"scenario {row['name']!r}"))


def _insert(conn: sqlite3.Connection, name: str, model_json: str, note: str) -> int:
    now = values.now()
    try:
        cursor = conn.execute(
            "INSERT INTO scenarios (name, note, model_json, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (name, note, model_json, now, now),
        )
    except sqlite3.IntegrityError as exc:
        raise DuplicateNameError(f"a scenario named {name!r} already exists") from exc
    return int(cursor.lastrowid or 0)


def _model_json(model: Any) -> str:
    return values.to_json(values.require_dict(model, "the model"), "the model")


class Scenarios(Connection):
    """The scenario queries of a :class:`~swot.store.Store`."""

    def save_scenario(self, name: str, model: dict[str, Any], note: str = "") -> Scenario:
        """Save a model as a new scenario; names are unique."""
        name = values.clean_name(name, "the scenario name")
        model_json = _model_json(model)
        note = values.note(note)

        def body(conn: sqlite3.Connection) -> Scenario:
            return _scenario(_row(conn, _insert(conn, name, model_json, note)))

        return self._write(body)

    def list_scenarios(self) -> list[ScenarioInfo]:
        """All scenarios, oldest first, without their models."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT id, name, note, created_at, updated_at FROM scenarios ORDER BY id"
            ).fetchall()
        )
        return [_info(row) for row in rows]

    def load_scenario(self, id_or_name: int | str) -> Scenario:
        """A scenario with its model, by id or name."""
        return _scenario(self._read(lambda conn: _row(conn, id_or_name)))

    def rename_scenario(self, id_or_name: int | str, new_name: str) -> Scenario:
        """Give a scenario another (unused) name."""
        new_name = values.clean_name(new_name, "the new scenario name")

        def body(conn: sqlite3.Connection) -> Scenario:
            scenario_id = _row(conn, id_or_name)["id"]
            try:
                conn.execute(
                    "UPDATE scenarios SET name = ?, updated_at = ? WHERE id = ?",
                    (new_name, values.now(), scenario_id),
                )
            except sqlite3.IntegrityError as exc:
                raise DuplicateNameError(f"a scenario named {new_name!r} already exists") from exc
            return _scenario(_row(conn, scenario_id))

        return self._write(body)

    def duplicate_scenario(
        self, id_or_name: int | str, new_name: str, note: str | None = None
    ) -> Scenario:
        """Copy a scenario under a new name (keeping its note unless one is given)."""
        new_name = values.clean_name(new_name, "the new scenario name")

        def body(conn: sqlite3.Connection) -> Scenario:
            row = _row(conn, id_or_name)
            new_note = row["note"] if note is None else values.note(note)
            return _scenario(_row(conn, _insert(conn, new_name, row["model_json"], new_note)))

        return self._write(body)

    def update_scenario(
        self,
        id_or_name: int | str,
        model: dict[str, Any] | None = None,
        note: str | None = None,
    ) -> Scenario:
        """Replace a scenario's model and/or note."""
        model_json = None if model is None else _model_json(model)

        def body(conn: sqlite3.Connection) -> Scenario:
            row = _row(conn, id_or_name)
            conn.execute(
                "UPDATE scenarios SET model_json = ?, note = ?, updated_at = ? WHERE id = ?",
                (
                    row["model_json"] if model_json is None else model_json,
                    row["note"] if note is None else values.note(note),
                    values.now(),
                    row["id"],
                ),
            )
            return _scenario(_row(conn, row["id"]))

        return self._write(body)

    def delete_scenario(self, id_or_name: int | str) -> None:
        """Delete a scenario."""

        def body(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM scenarios WHERE id = ?", (_row(conn, id_or_name)["id"],))

        self._write(body)
