"""Scenarios and live workshops, persisted in SQLite.

Where the database lives (:func:`default_db_path`), first match wins:

1. a command-line flag (``--db PATH``), passed in as ``cli_value``;
2. the environment variable ``SWOT_ANP_DB``;
3. ``db_path`` in Streamlit secrets (``.streamlit/secrets.toml``), passed in as ``secrets``;
4. ``~/.local/share/swot-anp/swot-anp.sqlite3``.

The file is created on first use. One :class:`Store` holds one connection; the database runs in
WAL mode, every write is one ``BEGIN IMMEDIATE`` transaction, retried a bounded number of times
when another process holds the write lock. Opening never modifies a file that is not one of ours:
a file that is not SQLite raises :class:`StoreCorruptError`, an SQLite database of another
application raises :class:`StoreForeignError`, a newer schema raises :class:`SchemaVersionError`.
An older schema is migrated in one transaction, after a copy of the database as it was has been
written beside it (``NAME.schema-vN.bak``) with SQLite's backup API.

The database file is only ever opened through SQLite, never with a plain ``open()`` (no header
sniffing, no file copies): on POSIX, closing any descriptor of a file releases every lock the
process holds on it, SQLite's included, so a stray ``open()``/``close()`` while another Store of
the same process is connected lets other processes write underneath it (lost writes, a corrupt
file). SQLite itself refuses a file that is not a database ("file is not a database"), before
anything is written. Sharing the file between processes is safe on one machine's local disk;
not on a network file system, whose locks SQLite cannot rely on.

Models and judgments are stored as the JSON of the model file format (``docs/model-format.md``).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import secrets as _secrets
import sqlite3
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from swot.judgment_cells import changed_cells, differing_matrices, matrix_paths

ENV_VAR = "SWOT_ANP_DB"
SECRETS_KEY = "db_path"
DEFAULT_DB_PATH = Path("~/.local/share/swot-anp/swot-anp.sqlite3")

APPLICATION_ID = 0x53574F54  # "SWOT"
SCHEMA_VERSION = 3
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
WORKSHOP_QUERY_PARAM = "workshop"
MAX_NAME_LENGTH = 200

_BUSY_TIMEOUT_MS = 5000
_WRITE_ATTEMPTS = 8
_GROUPS = ("S", "W", "O", "T")

# Schema version 1: scenarios without a note, participants without an "excluded" flag.
_SCHEMA_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE scenarios (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    model_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE workshops (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL DEFAULT '',
    model_json  TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    is_open     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL
);
CREATE TABLE participants (
    id          INTEGER PRIMARY KEY,
    workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    joined_at   TEXT NOT NULL,
    UNIQUE (workshop_id, name_key)
);
CREATE TABLE submissions (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    judgments_json TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,
    submitted_at   TEXT NOT NULL
);
"""

# From version 1 to version 2.
_MIGRATE_V1_V2 = """
ALTER TABLE scenarios ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0;
CREATE INDEX submissions_by_participant ON submissions (participant_id, id);
"""

# From version 2 to version 3: private links (tokens), settings of a workshop, what each
# submission counts as judged (NULL before v3: inferred, see _submission), Delphi
# rounds, subgroups and weights, and the audit trail of every judgment change.
_MIGRATE_V2_V3 = """
ALTER TABLE workshops ADD COLUMN facilitator_token TEXT;
ALTER TABLE workshops ADD COLUMN prefill INTEGER NOT NULL DEFAULT 1;
ALTER TABLE workshops ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0;
ALTER TABLE workshops ADD COLUMN max_participants INTEGER;
ALTER TABLE workshops ADD COLUMN round INTEGER NOT NULL DEFAULT 1;
UPDATE workshops SET facilitator_token = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX workshops_by_facilitator_token ON workshops (facilitator_token);
ALTER TABLE participants ADD COLUMN token TEXT;
ALTER TABLE participants ADD COLUMN subgroup TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN weight REAL NOT NULL DEFAULT 1;
UPDATE participants SET token = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX participants_by_token ON participants (token);
ALTER TABLE submissions ADD COLUMN judged_json TEXT;
ALTER TABLE submissions ADD COLUMN round INTEGER NOT NULL DEFAULT 1;
CREATE INDEX submissions_by_round ON submissions (participant_id, round, id);
CREATE TABLE judgment_changes (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    submission_id  INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    round          INTEGER NOT NULL,
    matrix         TEXT NOT NULL,
    item_i         TEXT NOT NULL,
    item_j         TEXT NOT NULL,
    old_value      REAL,
    new_value      REAL,
    rationale      TEXT NOT NULL DEFAULT '',
    changed_at     TEXT NOT NULL
);
CREATE INDEX judgment_changes_by_participant ON judgment_changes (participant_id, id)
"""

_MIGRATIONS: dict[int, str] = {1: _MIGRATE_V1_V2, 2: _MIGRATE_V2_V3}

_TABLES = {
    "meta", "scenarios", "workshops", "participants", "submissions", "judgment_changes",
}


# --------------------------------------------------------------------------- errors


class StoreError(ValueError):
    """Root of the store's errors."""


class StoreCorruptError(StoreError):
    """The database file is not a readable SQLite database."""


class StoreForeignError(StoreError):
    """The file is an SQLite database of another application."""


class SchemaVersionError(StoreError):
    """The database was written by a newer version of the tool."""


class StoreBusyError(StoreError):
    """The database stayed locked by other writers after every retry."""


class InvalidDataError(StoreError):
    """A model, judgments or a name cannot be stored."""


class NotFoundError(StoreError):
    """No scenario, workshop or participant with that id, name or code."""


class DuplicateNameError(StoreError):
    """The name is already taken."""


class UnknownWorkshopError(NotFoundError):
    """No workshop with that code."""


class UnknownParticipantError(NotFoundError):
    """No such participant in that workshop."""


class DuplicateParticipantError(DuplicateNameError):
    """Someone in the workshop already uses that name."""


class WorkshopClosedError(StoreError):
    """The workshop no longer accepts participants or submissions."""


class WorkshopFullError(StoreError):
    """The workshop has reached its cap on participants."""


class ModelChangedError(StoreError):
    """Judgments were made on a version of the model the workshop no longer uses."""


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class ScenarioInfo:
    """A scenario without its model."""

    id: int
    name: str
    note: str
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Scenario(ScenarioInfo):
    """A saved model (the model file's JSON dict) with its name and note."""

    model: dict[str, Any]


@dataclass(frozen=True)
class Workshop:
    """A workshop on one model; participants join with its code."""

    id: int
    code: str
    title: str
    model: dict[str, Any]
    fingerprint: str
    is_open: bool
    created_at: str
    facilitator_token: str = field(default="", kw_only=True, repr=False)
    prefill: bool = field(default=True, kw_only=True)
    anonymous: bool = field(default=False, kw_only=True)
    max_participants: int | None = field(default=None, kw_only=True)
    round: int = field(default=1, kw_only=True)


@dataclass(frozen=True)
class Participant:
    """Someone who joined a workshop; ``token`` is the secret of their private link."""

    id: int
    workshop_code: str
    name: str
    joined_at: str
    excluded: bool
    token: str = field(default="", kw_only=True, repr=False)
    subgroup: str = field(default="", kw_only=True)
    weight: float = field(default=1.0, kw_only=True)


@dataclass(frozen=True)
class ParticipantStatus(Participant):
    """A participant with the state of their submissions."""

    revisions: int = field(kw_only=True)
    last_submitted_at: str | None = field(kw_only=True)
    current: bool = field(kw_only=True)

    @property
    def status(self) -> str:
        """``"joined"``, ``"submitted"`` or ``"stale"`` (submitted on an older model)."""
        if self.revisions == 0:
            return "joined"
        return "submitted" if self.current else "stale"


@dataclass(frozen=True)
class Submission:
    """One set of judgments (the model file's ``judgments`` object) from one participant."""

    id: int
    participant_id: int
    participant_name: str
    revision: int
    submitted_at: str
    fingerprint: str
    judgments: dict[str, Any]
    judged: tuple[str, ...] | None = field(default=None, kw_only=True)
    round: int = field(default=1, kw_only=True)
    weight: float = field(default=1.0, kw_only=True)
    subgroup: str = field(default="", kw_only=True)


# --------------------------------------------------------------------------- helpers


def default_db_path(cli_value: str | None = None, secrets: Mapping[str, Any] | None = None) -> Path:
    """The database path: CLI flag, then ``SWOT_ANP_DB``, then secrets, then the default.

    The parent folder is created when missing.
    """
    chosen: str | os.PathLike[str] | None = cli_value or os.environ.get(ENV_VAR) or None
    if chosen is None and secrets is not None:
        chosen = secrets.get(SECRETS_KEY) or None
    path = Path(chosen if chosen is not None else DEFAULT_DB_PATH).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _non_finite_path(value: Any, path: str) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return path
    if isinstance(value, Mapping):
        for key, item in value.items():
            found = _non_finite_path(item, f"{path}.{key}" if path else str(key))
            if found:
                return found
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = _non_finite_path(item, f"{path}[{index}]")
            if found:
                return found
    return None


def _to_json(value: Any, what: str, root: str = "") -> str:
    bad = _non_finite_path(value, root)
    if bad is not None:
        raise InvalidDataError(
            f"{what} holds a non-finite number at {bad or '(top level)'}; "
            "use null for a missing judgment"
        )
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise InvalidDataError(f"{what} cannot be stored as JSON: {exc}") from exc


def _clean_name(name: Any, what: str) -> str:
    if not isinstance(name, str):
        raise InvalidDataError(f"{what} must be text, not {type(name).__name__}")
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidDataError(f"{what} is empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidDataError(f"{what} is longer than {MAX_NAME_LENGTH} characters")
    return cleaned


def _require_dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidDataError(f"{what} must be a JSON object (dict), not {type(value).__name__}")
    return value


def normalize_code(code: str) -> str:
    """A workshop code as stored: upper case, without spaces or dashes."""
    return "".join(str(code).split()).replace("-", "").upper()


def workshop_link(base_url: str, code: str) -> str:
    """``base_url`` with the workshop code as its ``workshop`` query parameter."""
    parts = urlsplit(base_url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != WORKSHOP_QUERY_PARAM]
    query.append((WORKSHOP_QUERY_PARAM, normalize_code(code)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def _model_structure(model: Mapping[str, Any]) -> dict[str, Any]:
    try:
        factors = {g: [f["id"] for f in model["factors"][g]] for g in _GROUPS}
        strategies = [s["id"] for s in model["strategies"]]
        judgments = model["judgments"]
        dependence = judgments.get("group_dependence") or {}
        strategy_kinds = {
            fid: ("ratings" if "ratings" in entry else "pairwise")
            for fid, entry in judgments["strategies"].items()
        }
        structure = {
            "factors": factors,
            "strategies": strategies,
            "group_dependence": {g: list(dep["groups"]) for g, dep in dependence.items()},
            "strategy_judgments": strategy_kinds,
        }
        # the factor-level network (model version 2); absent when empty, so the fingerprints
        # of models without one are unchanged
        if judgments.get("links"):
            structure["links"] = {src: {c: list(e["nodes"]) for c, e in sets.items()}
                                  for src, sets in judgments["links"].items()}
        if judgments.get("clusters"):
            structure["clusters"] = {c: list(e["clusters"])
                                     for c, e in judgments["clusters"].items()}
        return structure
    except (KeyError, TypeError, AttributeError) as exc:
        raise InvalidDataError(
            f"the model lacks the structure a workshop needs (factors, strategies, "
            f"judgments): missing or malformed {exc}"
        ) from exc


def model_fingerprint(model: Mapping[str, Any]) -> str:
    """SHA-256 of the model's structure (ids, dependence, kinds of judgment), not its values."""
    canonical = json.dumps(
        _model_structure(model), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _check_square(value: Any, n: int, path: str) -> None:
    if not isinstance(value, list) or len(value) != n:
        raise InvalidDataError(f"{path} must be a {n} × {n} matrix")
    for index, row in enumerate(value):
        if not isinstance(row, list) or len(row) != n:
            raise InvalidDataError(f"{path}[{index}] must be a row of {n} entries")
        for col, cell in enumerate(row):
            if cell is not None and (
                isinstance(cell, bool) or not isinstance(cell, int | float) or cell <= 0
            ):
                raise InvalidDataError(
                    f"{path}[{index}][{col}]: {cell!r} is not a positive number or null"
                )


def check_judgments_shape(judgments: Any, model: Mapping[str, Any]) -> None:
    """Raise :class:`InvalidDataError` unless ``judgments`` fits the model's structure."""
    judgments = _require_dict(judgments, "judgments")
    structure = _model_structure(model)
    _check_square(judgments.get("groups"), len(_GROUPS), "judgments.groups")
    dependence = judgments.get("group_dependence") or {}
    if not isinstance(dependence, dict) or set(dependence) != set(structure["group_dependence"]):
        raise InvalidDataError(
            "judgments.group_dependence must cover the groups "
            f"{sorted(structure['group_dependence'])}"
        )
    for group, groups in structure["group_dependence"].items():
        entry = dependence[group]
        if not isinstance(entry, dict) or entry.get("groups") != groups:
            raise InvalidDataError(f"judgments.group_dependence.{group}.groups must be {groups}")
        _check_square(entry.get("matrix"), len(groups), f"judgments.group_dependence.{group}")
    _check_network_shape(judgments, structure)
    factors = judgments.get("factors")
    if not isinstance(factors, dict):
        raise InvalidDataError("judgments.factors must be an object")
    for group in _GROUPS:
        ids = structure["factors"][group]
        _check_square(factors.get(group), len(ids), f"judgments.factors.{group}")
    strategy_judgments = judgments.get("strategies")
    if not isinstance(strategy_judgments, dict):
        raise InvalidDataError("judgments.strategies must be an object")
    m = len(structure["strategies"])
    for fid, kind in structure["strategy_judgments"].items():
        path = f"judgments.strategies.{fid}"
        entry = strategy_judgments.get(fid)
        if not isinstance(entry, dict) or kind not in entry:
            raise InvalidDataError(f"{path} must hold {kind!r}")
        if kind == "pairwise":
            _check_square(entry["pairwise"], m, f"{path}.pairwise")
            continue
        ratings = entry["ratings"]
        numbers = [r for r in ratings if r is not None] if isinstance(ratings, list) else []
        if (
            not isinstance(ratings, list)
            or len(ratings) != m
            or any(isinstance(r, bool) or not isinstance(r, int | float) for r in numbers)
            or any(r < 0 for r in numbers)
            or (len(numbers) == m and not any(r > 0 for r in numbers))
        ):
            raise InvalidDataError(
                f"{path}.ratings must be {m} non-negative numbers or nulls (not yet rated), "
                "at least one positive when all are given"
            )


def _check_network_shape(judgments: dict[str, Any], structure: dict[str, Any]) -> None:
    """The link-set and cluster-comparison matrices of a network model, if it has any."""
    links, clusters = structure.get("links", {}), structure.get("clusters", {})
    given_links = judgments.get("links") or {}
    given_clusters = judgments.get("clusters") or {}
    if not isinstance(given_links, dict) or set(given_links) != set(links):
        raise InvalidDataError(f"judgments.links must cover {sorted(links)}")
    if not isinstance(given_clusters, dict) or set(given_clusters) != set(clusters):
        raise InvalidDataError(f"judgments.clusters must cover {sorted(clusters)}")
    for src, sets in links.items():
        for cluster, nodes in sets.items():
            path = f"judgments.links.{src}.{cluster}"
            entry = given_links[src].get(cluster) if isinstance(given_links[src], dict) else None
            if not isinstance(entry, dict):
                raise InvalidDataError(f"{path} must be an object")
            _check_square(entry.get("matrix"), len(nodes), f"{path}.matrix")
    for source, names in clusters.items():
        path = f"judgments.clusters.{source}"
        entry = given_clusters[source]
        if not isinstance(entry, dict):
            raise InvalidDataError(f"{path} must be an object")
        _check_square(entry.get("matrix"), len(names), f"{path}.matrix")


_T = TypeVar("_T")


def _split_sql(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


# --------------------------------------------------------------------------- the store


class Store:
    """Scenarios and workshops in one SQLite database file."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).expanduser()
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a database file")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = sqlite3.connect(
                self.path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {self.path}: {exc}") from exc
        try:
            self._open()
        except BaseException:
            self._conn.close()
            raise

    # -- opening

    def _open(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        try:
            state = self._read_state()
            if state[0] != 0 or state[1] != 0 or state[2]:
                self._check_ours(*state)
                self._quick_check()
            if 0 < state[1] < SCHEMA_VERSION:  # before the write lock: a backup needs none
                self._backup(self.path.with_name(f"{self.path.name}.schema-v{state[1]}.bak"))
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            if state[1] != SCHEMA_VERSION:  # new or older: take the write lock only then
                self._retry(self._init_or_migrate)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
                raise StoreBusyError(f"the database {self.path} is busy: {exc}") from exc
            raise StoreCorruptError(
                f"{self.path} cannot be read as an SQLite database ({exc}); it was left untouched"
            ) from exc

    def _read_state(self) -> tuple[int, int, set[str]]:
        conn = self._conn
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        return app_id, version, tables

    def _check_ours(self, app_id: int, version: int, tables: set[str]) -> None:
        if app_id != APPLICATION_ID or "meta" not in tables:
            raise StoreForeignError(
                f"{self.path} is an SQLite database of another application "
                f"(tables: {', '.join(sorted(tables)) or 'none'}); it was left untouched; "
                "choose another database file"
            )
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path} has schema version {version}, newer than this program knows "
                f"({SCHEMA_VERSION}); update swot-anp to open it"
            )
        if version < 1:
            raise StoreCorruptError(f"{self.path} has no schema version; it was left untouched")

    def _quick_check(self) -> None:
        result = [row[0] for row in self._conn.execute("PRAGMA quick_check")]
        if result != ["ok"]:
            raise StoreCorruptError(
                f"{self.path} is damaged ({'; '.join(result[:3])}); it was left untouched"
            )

    def _init_or_migrate(self) -> None:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            app_id, version, tables = self._read_state()  # again, now holding the write lock
            if app_id == 0 and version == 0 and not tables:
                self._create_schema()
            else:
                self._check_ours(app_id, version, tables)
                while version < SCHEMA_VERSION:
                    for statement in _split_sql(_MIGRATIONS[version]):
                        conn.execute(statement)
                    version += 1
                    conn.execute(f"PRAGMA user_version = {version}")
                    conn.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                        (str(version),),
                    )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _backup(self, target: Path) -> None:
        """Copy the database as it is now to ``target`` with SQLite's backup API (a file copy
        would drop this process's locks; see the module docstring). An existing ``target``
        is never overwritten: the copy gets a numbered name instead."""
        candidate, number = target, 1
        while candidate.exists():
            number += 1
            candidate = target.with_name(f"{target.name}.{number}")
        try:
            copy = sqlite3.connect(candidate)
            try:
                self._conn.backup(copy)
            finally:
                copy.close()
        except sqlite3.Error as exc:
            candidate.unlink(missing_ok=True)
            raise StoreError(
                f"cannot write the backup {candidate} that must precede migrating {self.path} "
                f"({exc}); the database was left untouched"
            ) from exc

    def _create_schema(self) -> None:
        conn = self._conn
        for statement in (
            _split_sql(_SCHEMA_V1) + _split_sql(_MIGRATE_V1_V2) + _split_sql(_MIGRATE_V2_V3)
        ):
            conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [
                ("application", "swot-anp"),
                ("schema_version", str(SCHEMA_VERSION)),
                ("created_at", _now()),
            ],
        )

    # -- transactions

    def _retry(self, action: Callable[[], _T]) -> _T:
        for attempt in range(_WRITE_ATTEMPTS):
            try:
                return action()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or attempt == _WRITE_ATTEMPTS - 1:
                    if _is_busy(exc):
                        raise StoreBusyError(
                            f"the database {self.path} stayed locked by other writers "
                            f"after {_WRITE_ATTEMPTS} attempts; try again"
                        ) from exc
                    # e.g. a read-only file or folder, a full disk: a clear error, no traceback
                    raise StoreError(f"cannot use the database {self.path}: {exc}") from exc
                time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
        raise AssertionError("unreachable")  # pragma: no cover

    def _transaction(self, begin: str, body: Callable[[sqlite3.Connection], _T]) -> _T:
        def attempt() -> _T:
            conn = self._conn
            conn.execute(begin)
            try:
                result = body(conn)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            return result

        return self._retry(attempt)

    def _write(self, body: Callable[[sqlite3.Connection], _T]) -> _T:
        return self._transaction("BEGIN IMMEDIATE", body)

    def _read(self, body: Callable[[sqlite3.Connection], _T]) -> _T:
        return self._transaction("BEGIN", body)

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_check(self) -> list[str]:
        """SQLite's ``PRAGMA integrity_check``: ``["ok"]`` when the file is sound."""
        return [row[0] for row in self._conn.execute("PRAGMA integrity_check")]

    # -- scenarios

    _SCENARIO_COLUMNS = "id, name, note, created_at, updated_at, model_json"

    def _scenario_row(self, conn: sqlite3.Connection, id_or_name: int | str) -> tuple[Any, ...]:
        if isinstance(id_or_name, int) and not isinstance(id_or_name, bool):
            row = conn.execute(
                f"SELECT {self._SCENARIO_COLUMNS} FROM scenarios WHERE id = ?", (id_or_name,)
            ).fetchone()
        elif isinstance(id_or_name, str):
            row = conn.execute(
                f"SELECT {self._SCENARIO_COLUMNS} FROM scenarios WHERE name = ?",
                (" ".join(id_or_name.split()),),
            ).fetchone()
        else:
            raise InvalidDataError(
                f"a scenario is named by its id or name, not {type(id_or_name).__name__}"
            )
        if row is None:
            raise NotFoundError(f"no scenario {id_or_name!r}")
        return tuple(row)

    def _scenario(self, row: tuple[Any, ...]) -> Scenario:
        return Scenario(*row[:5], model=_from_json(row[5], f"scenario {row[1]!r}"))

    def _insert_scenario(
        self, conn: sqlite3.Connection, name: str, model_json: str, note: str
    ) -> int:
        now = _now()
        try:
            cursor = conn.execute(
                "INSERT INTO scenarios (name, note, model_json, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (name, note, model_json, now, now),
            )
        except sqlite3.IntegrityError as exc:
            raise DuplicateNameError(f"a scenario named {name!r} already exists") from exc
        return int(cursor.lastrowid or 0)

    def save_scenario(self, name: str, model: dict[str, Any], note: str = "") -> Scenario:
        """Save a model as a new scenario; names are unique."""
        name = _clean_name(name, "the scenario name")
        model_json = _to_json(_require_dict(model, "the model"), "the model")
        note = _note(note)

        def body(conn: sqlite3.Connection) -> Scenario:
            new_id = self._insert_scenario(conn, name, model_json, note)
            return self._scenario(self._scenario_row(conn, new_id))

        return self._write(body)

    def list_scenarios(self) -> list[ScenarioInfo]:
        """All scenarios, oldest first, without their models."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT id, name, note, created_at, updated_at FROM scenarios ORDER BY id"
            ).fetchall()
        )
        return [ScenarioInfo(*row) for row in rows]

    def load_scenario(self, id_or_name: int | str) -> Scenario:
        """A scenario with its model, by id or name."""
        return self._scenario(self._read(lambda conn: self._scenario_row(conn, id_or_name)))

    def rename_scenario(self, id_or_name: int | str, new_name: str) -> Scenario:
        """Give a scenario another (unused) name."""
        new_name = _clean_name(new_name, "the new scenario name")

        def body(conn: sqlite3.Connection) -> Scenario:
            scenario_id = self._scenario_row(conn, id_or_name)[0]
            try:
                conn.execute(
                    "UPDATE scenarios SET name = ?, updated_at = ? WHERE id = ?",
                    (new_name, _now(), scenario_id),
                )
            except sqlite3.IntegrityError as exc:
                raise DuplicateNameError(f"a scenario named {new_name!r} already exists") from exc
            return self._scenario(self._scenario_row(conn, scenario_id))

        return self._write(body)

    def duplicate_scenario(
        self, id_or_name: int | str, new_name: str, note: str | None = None
    ) -> Scenario:
        """Copy a scenario under a new name (keeping its note unless one is given)."""
        new_name = _clean_name(new_name, "the new scenario name")

        def body(conn: sqlite3.Connection) -> Scenario:
            row = self._scenario_row(conn, id_or_name)
            new_id = self._insert_scenario(
                conn, new_name, row[5], row[2] if note is None else _note(note)
            )
            return self._scenario(self._scenario_row(conn, new_id))

        return self._write(body)

    def update_scenario(
        self,
        id_or_name: int | str,
        model: dict[str, Any] | None = None,
        note: str | None = None,
    ) -> Scenario:
        """Replace a scenario's model and/or note."""
        model_json = (
            None if model is None else _to_json(_require_dict(model, "the model"), "the model")
        )

        def body(conn: sqlite3.Connection) -> Scenario:
            row = self._scenario_row(conn, id_or_name)
            conn.execute(
                "UPDATE scenarios SET model_json = ?, note = ?, updated_at = ? WHERE id = ?",
                (
                    row[5] if model_json is None else model_json,
                    row[2] if note is None else _note(note),
                    _now(),
                    row[0],
                ),
            )
            return self._scenario(self._scenario_row(conn, row[0]))

        return self._write(body)

    def delete_scenario(self, id_or_name: int | str) -> None:
        """Delete a scenario."""

        def body(conn: sqlite3.Connection) -> None:
            conn.execute(
                "DELETE FROM scenarios WHERE id = ?", (self._scenario_row(conn, id_or_name)[0],)
            )

        self._write(body)

    # -- workshops

    _WORKSHOP_COLUMNS = (
        "id, code, title, model_json, fingerprint, is_open, created_at, facilitator_token, "
        "prefill, anonymous, max_participants, round"
    )

    def _workshop_row(self, conn: sqlite3.Connection, code: str) -> tuple[Any, ...]:
        row = conn.execute(
            f"SELECT {self._WORKSHOP_COLUMNS} FROM workshops WHERE code = ?",
            (normalize_code(code),),
        ).fetchone()
        if row is None:
            raise UnknownWorkshopError(f"no workshop with code {code!r}; check the code or link")
        return tuple(row)

    @staticmethod
    def _workshop(row: tuple[Any, ...]) -> Workshop:
        return Workshop(
            id=row[0],
            code=row[1],
            title=row[2],
            model=_from_json(row[3], f"workshop {row[1]}"),
            fingerprint=row[4],
            is_open=bool(row[5]),
            created_at=row[6],
            facilitator_token=row[7] or "",
            prefill=bool(row[8]),
            anonymous=bool(row[9]),
            max_participants=row[10],
            round=row[11],
        )

    def create_workshop(
        self,
        model: dict[str, Any],
        title: str = "",
        *,
        prefill: bool = False,
        anonymous: bool = False,
        max_participants: int | None = None,
    ) -> Workshop:
        """Open a workshop on a model; it gets a new short code and a facilitator token.

        ``prefill``: participants start from the model's judgments (still marked not judged
        until they confirm them) instead of blank matrices; ``anonymous``: participants are
        shown as "Participant 1..n"; ``max_participants``: a cap on joins (None: no cap).
        """
        model_json = _to_json(_require_dict(model, "the model"), "the model")
        fingerprint = model_fingerprint(model)
        title = _title(title)
        cap = _cap(max_participants)

        def body(conn: sqlite3.Connection) -> Workshop:
            for _ in range(20):
                code = "".join(_secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                try:
                    conn.execute(
                        "INSERT INTO workshops (code, title, model_json, fingerprint, is_open, "
                        "created_at, facilitator_token, prefill, anonymous, max_participants) "
                        "VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",
                        (code, title, model_json, fingerprint, _now(), new_token(),
                         int(prefill), int(anonymous), cap),
                    )
                except sqlite3.IntegrityError:
                    continue
                return self._workshop(self._workshop_row(conn, code))
            raise StoreError("could not find an unused workshop code; try again")

        return self._write(body)

    def get_workshop(self, code: str) -> Workshop:
        """The workshop with this code (case-insensitive)."""
        return self._workshop(self._read(lambda conn: self._workshop_row(conn, code)))

    def list_workshops(self) -> list[Workshop]:
        """All workshops, oldest first."""
        rows = self._read(
            lambda conn: conn.execute(
                f"SELECT {self._WORKSHOP_COLUMNS} FROM workshops ORDER BY id"
            ).fetchall()
        )
        return [self._workshop(tuple(row)) for row in rows]

    def _set_open(self, code: str, is_open: bool) -> None:
        def body(conn: sqlite3.Connection) -> None:
            workshop_id = self._workshop_row(conn, code)[0]
            conn.execute(
                "UPDATE workshops SET is_open = ? WHERE id = ?", (int(is_open), workshop_id)
            )

        self._write(body)

    def close_workshop(self, code: str) -> None:
        """Stop accepting participants and submissions."""
        self._set_open(code, False)

    def reopen_workshop(self, code: str) -> None:
        """Accept participants and submissions again."""
        self._set_open(code, True)

    def update_workshop_model(self, code: str, model: dict[str, Any]) -> Workshop:
        """Replace the workshop's model; submissions on another structure become stale."""
        model_json = _to_json(_require_dict(model, "the model"), "the model")
        fingerprint = model_fingerprint(model)

        def body(conn: sqlite3.Connection) -> Workshop:
            workshop_id = self._workshop_row(conn, code)[0]
            conn.execute(
                "UPDATE workshops SET model_json = ?, fingerprint = ? WHERE id = ?",
                (model_json, fingerprint, workshop_id),
            )
            return self._workshop(self._workshop_row(conn, code))

        return self._write(body)

    def delete_workshop(self, code: str) -> None:
        """Delete a workshop with its participants and submissions."""

        def body(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM workshops WHERE id = ?", (self._workshop_row(conn, code)[0],))

        self._write(body)

    # -- participants

    _PARTICIPANT_COLUMNS = (
        "p.id, w.code, p.name, p.joined_at, p.excluded, p.token, p.subgroup, p.weight"
    )

    def _participant_by_id(
        self, conn: sqlite3.Connection, code: str, participant_id: int
    ) -> Participant:
        workshop_id = self._workshop_row(conn, code)[0]
        row = conn.execute(
            f"SELECT {self._PARTICIPANT_COLUMNS} FROM participants p "
            "JOIN workshops w ON w.id = p.workshop_id WHERE p.id = ? AND p.workshop_id = ?",
            (participant_id, workshop_id),
        ).fetchone()
        if row is None:
            raise UnknownParticipantError(
                f"no participant with id {participant_id!r} in workshop {normalize_code(code)}"
            )
        return _participant(row)

    def join(self, code: str, name: str) -> Participant:
        """Add a participant to an open workshop; names are unique per workshop.

        The participant gets a secret ``token`` for their private link. A workshop with a cap
        on joins that is reached raises :class:`WorkshopFullError`.
        """
        name = _clean_name(name, "the participant name")

        def body(conn: sqlite3.Connection) -> Participant:
            workshop = self._workshop_row(conn, code)
            if not workshop[5]:
                raise WorkshopClosedError(f"workshop {workshop[1]} is closed")
            cap = workshop[10]
            if cap is not None:
                (count,) = conn.execute(
                    "SELECT COUNT(*) FROM participants WHERE workshop_id = ?", (workshop[0],)
                ).fetchone()
                if count >= cap:
                    raise WorkshopFullError(
                        f"workshop {workshop[1]} is full ({cap} participants); "
                        "ask the facilitator"
                    )
            try:
                cursor = conn.execute(
                    "INSERT INTO participants (workshop_id, name, name_key, joined_at, token) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (workshop[0], name, _name_key(name), _now(), new_token()),
                )
            except sqlite3.IntegrityError as exc:
                raise DuplicateParticipantError(
                    f"the name {name!r} is already taken in workshop {workshop[1]}; "
                    "pick another name (to go on with your own judgments, reopen your "
                    "private link)"
                ) from exc
            return self._participant_by_id(conn, code, int(cursor.lastrowid or 0))

        return self._write(body)

    def get_participant(self, code: str, name: str) -> Participant:
        """The participant of this workshop with this name (case-insensitive), to resume."""
        key = _name_key(_clean_name(name, "the participant name"))

        def body(conn: sqlite3.Connection) -> Participant:
            workshop = self._workshop_row(conn, code)
            row = conn.execute(
                f"SELECT {self._PARTICIPANT_COLUMNS} FROM participants p "
                "JOIN workshops w ON w.id = p.workshop_id "
                "WHERE p.workshop_id = ? AND p.name_key = ?",
                (workshop[0], key),
            ).fetchone()
            if row is None:
                raise UnknownParticipantError(f"nobody named {name!r} in workshop {workshop[1]}")
            return _participant(row)

        return self._read(body)

    def set_excluded(self, code: str, participant_id: int, excluded: bool) -> None:
        """Leave a participant out of (or back into) the group results."""

        def body(conn: sqlite3.Connection) -> None:
            self._participant_by_id(conn, code, participant_id)
            conn.execute(
                "UPDATE participants SET excluded = ? WHERE id = ?",
                (int(bool(excluded)), participant_id),
            )

        self._write(body)

    def participants(self, code: str) -> list[ParticipantStatus]:
        """Everyone who joined, in joining order, with their submission state."""

        def body(conn: sqlite3.Connection) -> list[Any]:
            workshop = self._workshop_row(conn, code)
            # counts from the index; time and model of the last row only: no revision's JSON
            # is read (a row's later columns lie past its judgments)
            return conn.execute(
                f"SELECT {self._PARTICIPANT_COLUMNS}, "
                "(SELECT COUNT(*) FROM submissions WHERE participant_id = p.id), "
                "(SELECT submitted_at FROM submissions WHERE participant_id = p.id "
                " ORDER BY id DESC LIMIT 1), "
                "(SELECT fingerprint FROM submissions WHERE participant_id = p.id "
                " ORDER BY id DESC LIMIT 1) = w.fingerprint "
                "FROM participants p JOIN workshops w ON w.id = p.workshop_id "
                "WHERE p.workshop_id = ? ORDER BY p.id",
                (workshop[0],),
            ).fetchall()

        return [
            ParticipantStatus(
                id=row[0],
                workshop_code=row[1],
                name=row[2],
                joined_at=row[3],
                excluded=bool(row[4]),
                token=row[5] or "",
                subgroup=row[6],
                weight=row[7],
                revisions=row[8],
                last_submitted_at=row[9],
                current=bool(row[10]),
            )
            for row in self._read(body)
        ]

    # -- submissions

    _SUBMISSION_SELECT = (
        "SELECT s.id, s.participant_id, p.name, "
        "(SELECT COUNT(*) FROM submissions r WHERE r.participant_id = s.participant_id "
        " AND r.id <= s.id), s.submitted_at, s.fingerprint, s.judgments_json, "
        "s.judged_json, s.round, p.weight, p.subgroup "
        "FROM submissions s JOIN participants p ON p.id = s.participant_id "
    )

    def submit(
        self,
        code: str,
        participant_id: int,
        judgments: dict[str, Any],
        model_fingerprint: str,
        judged: Sequence[str] | None = None,
        rationale: str = "",
    ) -> Submission:
        """Save a participant's judgments (made on the model with that fingerprint).

        ``judged`` names the matrices (paths of :func:`swot.judgment_cells.matrix_paths`) the
        participant has judged; None: all of them. Every cell that differs from their previous
        submission is added to the audit trail with ``rationale`` (one line, optional).
        """
        judgments_json = _to_json(
            _require_dict(judgments, "the judgments"), "the judgments", "judgments"
        )
        rationale = _rationale(rationale)

        def body(conn: sqlite3.Connection) -> Submission:
            workshop = self._workshop(self._workshop_row(conn, code))
            self._participant_by_id(conn, code, participant_id)
            if not workshop.is_open:
                raise WorkshopClosedError(
                    f"workshop {workshop.code} is closed; submissions are no longer accepted"
                )
            if model_fingerprint != workshop.fingerprint:
                raise ModelChangedError(
                    f"the model of workshop {workshop.code} has changed since you opened it; "
                    "reload the page (your judgments were not saved)"
                )
            check_judgments_shape(judgments, workshop.model)
            judged_json = json.dumps(_judged(judged, workshop.model))
            previous = conn.execute(
                "SELECT judgments_json, fingerprint FROM submissions WHERE participant_id = ? "
                "ORDER BY id DESC LIMIT 1",
                (participant_id,),
            ).fetchone()
            now = _now()
            cursor = conn.execute(
                "INSERT INTO submissions (participant_id, judgments_json, fingerprint, "
                "submitted_at, judged_json, round) VALUES (?, ?, ?, ?, ?, ?)",
                (participant_id, judgments_json, model_fingerprint, now, judged_json,
                 workshop.round),
            )
            if previous is not None and previous[1] == model_fingerprint:
                before = _from_json(previous[0], "the previous submission")
            else:  # the first judgments on this model start from the prefill or from blanks
                before = workshop.model["judgments"] if workshop.prefill else None
            conn.executemany(
                "INSERT INTO judgment_changes (participant_id, submission_id, round, matrix, "
                "item_i, item_j, old_value, new_value, rationale, changed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (participant_id, cursor.lastrowid, workshop.round, *cell, old, new,
                     rationale, now)
                    for cell, old, new in changed_cells(before, judgments, workshop.model)
                ],
            )
            row = conn.execute(
                self._SUBMISSION_SELECT + "WHERE s.id = ?", (cursor.lastrowid,)
            ).fetchone()
            return _submission(row, workshop.model)

        return self._write(body)

    def submission_history(self, code: str, participant_id: int) -> list[Submission]:
        """Every submission of a participant, oldest first."""

        def body(conn: sqlite3.Connection) -> list[Any]:
            self._participant_by_id(conn, code, participant_id)
            model = self._workshop(self._workshop_row(conn, code)).model
            rows = conn.execute(
                self._SUBMISSION_SELECT + "WHERE s.participant_id = ? ORDER BY s.id",
                (participant_id,),
            ).fetchall()
            return [_submission(row, model) for row in rows]

        return self._read(body)

    def latest_submission(self, code: str, participant_id: int) -> Submission | None:
        """A participant's latest submission, or None before the first."""
        history = self.submission_history(code, participant_id)
        return history[-1] if history else None

    def latest_submissions(
        self, code: str, include_excluded: bool = False, round: int | None = None
    ) -> list[Submission]:
        """Each participant's latest submission on the workshop's current model in a round
        (None: the current round).

        Participants whose latest submission was made on an older model are left out, and so
        are excluded participants unless ``include_excluded``.
        """

        def body(conn: sqlite3.Connection) -> list[Submission]:
            row = self._workshop_row(conn, code)
            workshop = self._workshop(row)
            rows = conn.execute(  # each participant's last id first, then only those rows
                self._SUBMISSION_SELECT
                + "WHERE s.id IN (SELECT MAX(l.id) FROM participants q JOIN submissions l "
                "ON l.participant_id = q.id AND l.round = ? WHERE q.workshop_id = ? "
                "GROUP BY q.id) AND s.fingerprint = ? AND (? OR p.excluded = 0) ORDER BY p.id",
                (workshop.round if round is None else round, workshop.id,
                 workshop.fingerprint, int(include_excluded)),
            ).fetchall()
            return [_submission(r, workshop.model) for r in rows]

        return self._read(body)

    # -- private links, settings, rounds, audit trail (schema 3)

    def participant_by_token(self, token: str) -> Participant:
        """The participant whose private link carries ``token``.

        An unknown token raises :class:`UnknownParticipantError` with a message that does
        not say whether any workshop or participant exists.
        """

        def body(conn: sqlite3.Connection) -> Participant:
            row = conn.execute(
                f"SELECT {self._PARTICIPANT_COLUMNS} FROM participants p "
                "JOIN workshops w ON w.id = p.workshop_id WHERE p.token = ?",
                (str(token),),
            ).fetchone()
            if row is None:
                raise UnknownParticipantError(INVALID_LINK)
            return _participant(row)

        return self._read(body)

    def workshop_by_facilitator_token(self, token: str) -> Workshop:
        """The workshop whose facilitator link carries ``token``."""

        def body(conn: sqlite3.Connection) -> tuple[Any, ...]:
            row = conn.execute(
                f"SELECT {self._WORKSHOP_COLUMNS} FROM workshops WHERE facilitator_token = ?",
                (str(token),),
            ).fetchone()
            if row is None:
                raise UnknownWorkshopError(INVALID_LINK)
            return tuple(row)

        return self._workshop(self._read(body))

    def set_workshop_options(
        self,
        code: str,
        *,
        anonymous: bool | None = None,
        max_participants: int | str | None = "keep",
    ) -> Workshop:
        """Change anonymous mode and/or the cap on joins (None: no cap; "keep": unchanged)."""

        def body(conn: sqlite3.Connection) -> Workshop:
            row = self._workshop_row(conn, code)
            cap = row[10] if max_participants == "keep" else _cap(max_participants)
            conn.execute(
                "UPDATE workshops SET anonymous = ?, max_participants = ? WHERE id = ?",
                (row[9] if anonymous is None else int(bool(anonymous)), cap, row[0]),
            )
            return self._workshop(self._workshop_row(conn, code))

        return self._write(body)

    def set_participant_group(
        self, code: str, participant_id: int, subgroup: str | None = None,
        weight: float | None = None,
    ) -> Participant:
        """Tag a participant with a subgroup and/or give them a weight (> 0, finite)."""
        if subgroup is not None:
            subgroup = " ".join(_note(subgroup).split())
            if len(subgroup) > MAX_SUBGROUP_LENGTH:
                raise InvalidDataError(
                    f"a subgroup name is longer than {MAX_SUBGROUP_LENGTH} characters")
            if any(ord(c) < 32 or ord(c) == 127 for c in subgroup):
                raise InvalidDataError("a subgroup name cannot hold control characters")
        if weight is not None and (
            isinstance(weight, bool) or not isinstance(weight, int | float)
            or not math.isfinite(weight) or weight <= 0
        ):
            raise InvalidDataError(f"a participant's weight must be a number > 0, not {weight!r}")

        def body(conn: sqlite3.Connection) -> Participant:
            person = self._participant_by_id(conn, code, participant_id)
            conn.execute(
                "UPDATE participants SET subgroup = ?, weight = ? WHERE id = ?",
                (person.subgroup if subgroup is None else subgroup,
                 person.weight if weight is None else float(weight), participant_id),
            )
            return self._participant_by_id(conn, code, participant_id)

        return self._write(body)

    def next_round(self, code: str) -> Workshop:
        """Close the current Delphi round and open the next.

        Each participant's latest judgments of the closed round (on the current model) start
        the new round as their first submission there, with what they had judged; they may
        keep or revise them. The closed round's submissions stay as they were.
        """

        def body(conn: sqlite3.Connection) -> Workshop:
            workshop = self._workshop(self._workshop_row(conn, code))
            new_round = workshop.round + 1
            conn.execute("UPDATE workshops SET round = ? WHERE id = ?", (new_round, workshop.id))
            now = _now()
            conn.execute(
                "INSERT INTO submissions (participant_id, judgments_json, fingerprint, "
                "submitted_at, judged_json, round) "
                "SELECT s.participant_id, s.judgments_json, s.fingerprint, ?, s.judged_json, ? "
                "FROM submissions s JOIN participants p ON p.id = s.participant_id "
                "WHERE p.workshop_id = ? AND s.round = ? AND s.fingerprint = ? "
                "AND s.id = (SELECT MAX(id) FROM submissions WHERE participant_id = p.id "
                "AND round = ?) ORDER BY s.participant_id",
                (now, new_round, workshop.id, workshop.round, workshop.fingerprint,
                 workshop.round),
            )
            return self._workshop(self._workshop_row(conn, code))

        return self._write(body)

    def judgment_changes(self, code: str) -> list[JudgmentChange]:
        """The audit trail of a workshop: every judgment change, oldest first."""

        def body(conn: sqlite3.Connection) -> list[Any]:
            workshop_id = self._workshop_row(conn, code)[0]
            return conn.execute(
                "SELECT c.id, c.participant_id, p.name, c.round, c.matrix, c.item_i, c.item_j, "
                "c.old_value, c.new_value, c.rationale, c.changed_at "
                "FROM judgment_changes c JOIN participants p ON p.id = c.participant_id "
                "WHERE p.workshop_id = ? ORDER BY c.id",
                (workshop_id,),
            ).fetchall()

        return [JudgmentChange(*row) for row in self._read(body)]

    def submissions_version(self, code: str) -> tuple[int, int, int, str]:
        """A cheap key that changes whenever the workshop's group results may change:
        (latest submission id, participants, round, exclusions/weights/subgroups digest)."""

        def body(conn: sqlite3.Connection) -> tuple[int, int, int, str]:
            workshop = self._workshop_row(conn, code)
            last = conn.execute(
                "SELECT COALESCE(MAX(s.id), 0) FROM submissions s JOIN participants p "
                "ON p.id = s.participant_id WHERE p.workshop_id = ?", (workshop[0],)
            ).fetchone()[0]
            people = conn.execute(
                "SELECT id, excluded, weight, subgroup FROM participants WHERE workshop_id = ? "
                "ORDER BY id", (workshop[0],)
            ).fetchall()
            digest = hashlib.sha256(
                json.dumps([list(p) for p in people] + [workshop[4]]).encode()).hexdigest()
            return last, len(people), workshop[11], digest

        return self._read(body)


INVALID_LINK = "this link is not valid, or the workshop is not open; ask the facilitator"


@dataclass(frozen=True)
class JudgmentChange:
    """One changed judgment cell in the audit trail (None: blank)."""

    id: int
    participant_id: int
    participant_name: str
    round: int
    matrix: str
    item_i: str
    item_j: str
    old_value: float | None
    new_value: float | None
    rationale: str
    changed_at: str


def _note(note: Any) -> str:
    if not isinstance(note, str):
        raise InvalidDataError(f"a note must be text, not {type(note).__name__}")
    return note.strip()


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _from_json(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError) as exc:
        raise StoreCorruptError(f"the stored JSON of {what} is damaged: {exc}") from exc


def _participant(row: Any) -> Participant:
    return Participant(
        id=row[0], workshop_code=row[1], name=row[2], joined_at=row[3], excluded=bool(row[4]),
        token=row[5] or "", subgroup=row[6], weight=row[7],
    )


def _submission(row: Any, model: Mapping[str, Any]) -> Submission:
    """A submission row; one stored before schema 3 (no record of what was judged) counts
    the matrices that differ from the workshop model's own judgments as judged."""
    judgments = _from_json(row[6], f"submission {row[0]}")
    if row[7] is None:
        try:
            judged = tuple(differing_matrices(judgments, model))
        except (KeyError, TypeError, IndexError, ValueError):
            judged = ()
    else:
        judged = tuple(_from_json(row[7], f"submission {row[0]}"))
    return Submission(
        id=row[0],
        participant_id=row[1],
        participant_name=row[2],
        revision=row[3],
        submitted_at=row[4],
        fingerprint=row[5],
        judgments=judgments,
        judged=judged,
        round=row[8],
        weight=row[9],
        subgroup=row[10],
    )


MAX_TITLE_LENGTH = 200
MAX_RATIONALE_LENGTH = 500
MAX_SUBGROUP_LENGTH = 100


def new_token() -> str:
    """A fresh secret for a private link (128 random bits, hex)."""
    return _secrets.token_hex(16)


def _title(title: Any) -> str:
    title = _note(title)
    if len(title) > MAX_TITLE_LENGTH:
        raise InvalidDataError(f"the workshop title is longer than {MAX_TITLE_LENGTH} characters")
    return title


def _rationale(text: Any) -> str:
    text = " ".join(_note(text).split())
    if len(text) > MAX_RATIONALE_LENGTH:
        raise InvalidDataError(f"the rationale is longer than {MAX_RATIONALE_LENGTH} characters")
    return text


def _cap(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidDataError(
            f"the cap on participants must be a whole number >= 1, not {value!r}")
    return value


def _judged(judged: Sequence[str] | None, model: Mapping[str, Any]) -> list[str]:
    paths = matrix_paths(model)
    if judged is None:
        return paths
    if isinstance(judged, str):
        raise InvalidDataError("judged must be a list of matrix paths, not one string")
    unknown = [p for p in judged if p not in paths]
    if unknown:
        raise InvalidDataError(f"judged names matrices the model does not have: {unknown}")
    return [p for p in paths if p in set(judged)]
