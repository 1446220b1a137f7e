"""Scenarios: saved models with a unique name and a note."""

from __future__ import annotations

from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection as SAConnection
from sqlalchemy.engine import RowMapping

from swot.store import values
from swot.store.connection import Connection, run
from swot.store.errors import DuplicateNameError, InvalidDataError, NotFoundError
from swot.store.records import Scenario, ScenarioInfo

_COLUMNS = "id, name, note, created_at, updated_at, model_json"


def _row(conn: SAConnection, id_or_name: int | str) -> RowMapping:
    if isinstance(id_or_name, int) and not isinstance(id_or_name, bool):
        row = run(conn, f"SELECT {_COLUMNS} FROM scenarios WHERE id = :id",
                  {"id": id_or_name}).fetchone()
    elif isinstance(id_or_name, str):
        row = run(conn, f"SELECT {_COLUMNS} FROM scenarios WHERE name = :name",
                  {"name": " ".join(id_or_name.split())}).fetchone()
    else:
        raise InvalidDataError(
            f"a scenario is named by its id or name, not {type(id_or_name).__name__}"
        )
    if row is None:
        raise NotFoundError(f"no scenario {id_or_name!r}")
    return row


def _info(row: RowMapping) -> ScenarioInfo:
    return ScenarioInfo(id=row["id"], name=row["name"], note=row["note"],
                        created_at=row["created_at"], updated_at=row["updated_at"])


def _scenario(row: RowMapping) -> Scenario:
    return Scenario(id=row["id"], name=row["name"], note=row["note"],
                    created_at=row["created_at"], updated_at=row["updated_at"],
                    model=values.from_json(row["model_json"], f"scenario {row['name']!r}"))


def _insert(conn: SAConnection, name: str, model_json: str, note: str) -> int:
    now = values.now()
    try:
        with conn.begin_nested():  # a refused name leaves the transaction usable
            return int(run(
                conn,
                "INSERT INTO scenarios (name, note, model_json, created_at, updated_at) "
                "VALUES (:name, :note, :model_json, :now, :now) RETURNING id",
                {"name": name, "note": note, "model_json": model_json, "now": now},
            ).one()["id"])
    except sa_exc.IntegrityError as exc:
        raise DuplicateNameError(f"a scenario named '{name}' already exists") from exc


class Scenarios(Connection):
    """The scenario queries of a :class:`~swot.store.Store`."""

    def save_scenario(self, name: str, model: dict[str, Any], note: str = "") -> Scenario:
        """Save a model as a new scenario; names are unique."""
        name = values.clean_name(name, "the scenario name")
        model_json = values.model_json(model)
        note = values.note(note)

        def body(conn: SAConnection) -> Scenario:
            return _scenario(_row(conn, _insert(conn, name, model_json, note)))

        return self._write(body)

    def list_scenarios(self) -> list[ScenarioInfo]:
        """All scenarios, oldest first, without their models."""
        rows = self._read(lambda conn: run(
            conn, "SELECT id, name, note, created_at, updated_at FROM scenarios ORDER BY id"
        ).all())
        return [_info(row) for row in rows]

    def load_scenario(self, id_or_name: int | str) -> Scenario:
        """A scenario with its model, by id or name."""
        return _scenario(self._read(lambda conn: _row(conn, id_or_name)))

    def rename_scenario(self, id_or_name: int | str, new_name: str) -> Scenario:
        """Give a scenario another (unused) name."""
        new_name = values.clean_name(new_name, "the new scenario name")

        def body(conn: SAConnection) -> Scenario:
            scenario_id = _row(conn, id_or_name)["id"]
            try:
                with conn.begin_nested():
                    run(conn, "UPDATE scenarios SET name = :name, updated_at = :now "
                              "WHERE id = :id",
                        {"name": new_name, "now": values.now(), "id": scenario_id})
            except sa_exc.IntegrityError as exc:
                raise DuplicateNameError(f"a scenario named '{new_name}' already exists") from exc
            return _scenario(_row(conn, scenario_id))

        return self._write(body)

    def duplicate_scenario(
        self, id_or_name: int | str, new_name: str, note: str | None = None
    ) -> Scenario:
        """Copy a scenario under a new name (keeping its note unless one is given)."""
        new_name = values.clean_name(new_name, "the new scenario name")

        def body(conn: SAConnection) -> Scenario:
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
        model_json = None if model is None else values.model_json(model)

        def body(conn: SAConnection) -> Scenario:
            row = _row(conn, id_or_name)
            run(
                conn,
                "UPDATE scenarios SET model_json = :model_json, note = :note, "
                "updated_at = :now WHERE id = :id",
                {
                    "model_json": row["model_json"] if model_json is None else model_json,
                    "note": row["note"] if note is None else values.note(note),
                    "now": values.now(),
                    "id": row["id"],
                },
            )
            return _scenario(_row(conn, row["id"]))

        return self._write(body)

    def delete_scenario(self, id_or_name: int | str) -> None:
        """Delete a scenario."""

        def body(conn: SAConnection) -> None:
            run(conn, "DELETE FROM scenarios WHERE id = :id", {"id": _row(conn, id_or_name)["id"]})

        self._write(body)
