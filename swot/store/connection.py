"""One connection of a :class:`~swot.store.Store` (SQLAlchemy Core on SQLite): opening with
its checks, migration, transactions and retries.

The database runs in WAL mode; every write is one ``BEGIN IMMEDIATE`` transaction, retried a
bounded number of times when another process holds the write lock. Our writers first take an
exclusive ``flock`` on a lock file beside the database (``NAME.lock``, never the database file
itself) and release it after the commit: waiting writers poll it every few milliseconds and go
as soon as it is free, instead of sleeping in SQLite's busy handler (steps of up to 100 ms),
and give up with :class:`StoreBusyError` after the busy budget (a writer that hangs holding it
does not hang the others).
A process keeps the idle connections to a file in a pool (a Store per action pays no connect,
and its close no checkpoint of the whole log); a pooled connection is reused only while its path
still names the file it opened. That does not make replacing the file while a process runs safe:
its idle connections keep the old file's ``NAME-wal`` open, SQLite never deletes the log of a
file that has moved, and a connection to the new file reads the old file's frames from it
(a known limit, in the README; an xfail test in tests/store/test_store_engine.py).

Opening never modifies a file that is not one of ours: a file that is not SQLite raises
:class:`StoreCorruptError`, an SQLite database of another application :class:`StoreForeignError`,
a newer schema :class:`SchemaVersionError`. ``PRAGMA integrity_check`` runs on the first open of
a file in a process (it reads the whole file), not on every open. An older schema is migrated in
one transaction, holding the write lock, after a copy of the database as it was has been
written beside it (``NAME.schema-vN.bak``) with SQLite's backup API, under the same lock (no
write can land between the copy and the migration).

The database file is only ever opened through SQLite, never with a plain ``open()`` (no header
sniffing, no file copies): on POSIX, closing any descriptor of a file releases every lock the
process holds on it, SQLite's included, so a stray ``open()``/``close()`` while another Store of
the same process is connected lets other processes write underneath it (lost writes, a corrupt
file). SQLite itself refuses a file that is not a database ("file is not a database"), before
anything is written. Sharing the file between processes is safe on one machine's local disk;
not on a network file system, whose locks SQLite cannot rely on.
"""

from __future__ import annotations

import fcntl
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Self, TypeVar

from sqlalchemy import URL, Engine, create_engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection as SAConnection
from sqlalchemy.pool import QueuePool

from swot.store import schema
from swot.store.config import database_target, shown_target
from swot.store.errors import (
    SchemaVersionError,
    StoreBusyError,
    StoreCorruptError,
    StoreError,
    StoreForeignError,
)

_BUSY_TIMEOUT_MS = 5000
_WRITE_ATTEMPTS = 8
_T = TypeVar("_T")

# Files this process has run integrity_check on, by (device, inode): os.stat reads no byte of
# the file, so it cannot drop SQLite's locks (see the module docstring).
_CHECKED: set[tuple[int, int]] = set()
_CHECKED_LOCK = threading.Lock()
_ENGINES: dict[Path | str, Engine] = {}  # one per database, the most recently used last
_SQLITE_ENGINES = 8  # files whose idle connections are kept open (the least recently used go)
_INHERITED: list[Any] = []  # in a forked child: the parent's pools, never closed (see below)


def _is_busy(exc: BaseException) -> bool:
    message = str(getattr(exc, "orig", None) or exc).lower()
    return "locked" in message or "busy" in message


def _reason(exc: BaseException) -> str:
    """The driver's message on one line (libpq adds indented hints on lines of their own)."""
    return " ".join(str(getattr(exc, "orig", None) or exc).split())


def _engine(target: Path | str) -> Engine:
    """The engine of a database, made once per process. SQLite: a pool of connections to the
    file, checked on every checkout to still be connected to the file now at that path."""
    with _CHECKED_LOCK:
        engine = _ENGINES.pop(target, None)
        if engine is None and isinstance(target, str):  # a server: pooled connections
            engine = create_engine(target, pool_pre_ping=True, pool_size=4, max_overflow=16)
        elif engine is None:
            engine = _sqlite_engine(Path(target))
            files = [key for key in _ENGINES if isinstance(key, Path)]
            for oldest in files[:max(0, len(files) + 1 - _SQLITE_ENGINES)]:
                _ENGINES.pop(oldest).dispose()  # its idle connections closed
        _ENGINES[target] = engine  # the most recently used last
        return engine


def _sqlite_engine(path: Path) -> Engine:
    engine = create_engine(
        URL.create("sqlite", database=str(path)), poolclass=QueuePool, pool_size=4,
        max_overflow=-1,
        connect_args={"timeout": _BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    event.listen(engine, "connect", _autocommit_driver)
    event.listen(engine, "connect", partial(_remember_file, path))
    event.listen(engine, "checkout", partial(_same_file, path))
    event.listen(engine, "begin", _begin)
    return engine


def _remember_file(path: Path, _dbapi_connection: Any, record: Any) -> None:
    record.info["file"] = _file_key(path)


def _same_file(path: Path, _dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """A pooled connection to a file since deleted or replaced at that path is not reused."""
    if record.info.get("file") != _file_key(path):
        raise sa_exc.DisconnectionError(f"{path} is no longer the file this connection opened")


def _forget_engines() -> None:
    """In a forked child: new pools, leaving the parent's pooled connections to the parent
    (SQLAlchemy's advice for multiprocessing). The old pools are kept, never closed: closing
    an inherited SQLite connection in the child could drop the child's own locks on the file,
    and closing a server connection would end the parent's session. The lock is new too: a
    thread of the parent may have held it at the fork, and no thread here would release it."""
    global _CHECKED_LOCK
    _CHECKED_LOCK = threading.Lock()
    for engine in _ENGINES.values():
        _INHERITED.append(engine.pool)
        engine.dispose(close=False)
    _ENGINES.clear()


os.register_at_fork(after_in_child=_forget_engines)


def _autocommit_driver(dbapi_connection: Any, _record: Any) -> None:
    """Let SQLAlchemy, not the sqlite3 module, decide where transactions begin."""
    dbapi_connection.isolation_level = None


def _begin(conn: SAConnection) -> None:
    """Begin as the transaction asks: ``BEGIN IMMEDIATE`` for writes (see _transaction)."""
    conn.exec_driver_sql(conn.info.get("begin", "BEGIN"))


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


class Connection:
    """One connection to the database (a file path, or a URL: see :mod:`swot.store.config`);
    a context manager."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        target = database_target(path)
        self.server = isinstance(target, str)  # a database server (PostgreSQL), not a file
        self.path: Path | str = shown_target(target)
        if isinstance(target, Path):
            self.path = target
            if target.is_dir():
                raise StoreError(f"{target} is a folder, not a database file")
            target.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db: SAConnection = _engine(target).connect()
        except sa_exc.DBAPIError as exc:
            raise StoreError(f"cannot open the database {self.path}: {_reason(exc)}") from exc
        self._conn: sqlite3.Connection = self._db.connection.driver_connection  # type: ignore
        self._writer_lock: int | None = None  # SQLite: the descriptor of the writers' lock file
        try:
            if self.server:
                self._open_server()
            else:
                self._open()
        except BaseException:
            self.close()
            raise

    # -- opening

    def _open(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        try:
            app_id, version, tables = self._read_state()
            if app_id != 0 or version != 0 or tables:
                self._check_ours(app_id, version, tables)
                self._integrity_once()
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            if version != schema.SCHEMA_VERSION:  # new or older: take the write lock only then
                self._retry(self._init_or_migrate)
        except (sqlite3.DatabaseError, sa_exc.DBAPIError) as exc:
            reason = getattr(exc, "orig", None) or exc
            if isinstance(reason, sqlite3.OperationalError) and _is_busy(reason):
                raise StoreBusyError(f"the database {self.path} is busy: {reason}") from exc
            raise StoreCorruptError(
                f"{self.path} cannot be read as an SQLite database ({reason}); "
                "it was left untouched"
            ) from exc

    def _open_server(self) -> None:
        """Check a server's database (ours, not newer) and create or migrate its schema, under
        an advisory lock that makes concurrent first opens wait for each other."""

        def state(conn: SAConnection) -> int:
            version = run(  # the usual case in one cheap query: ours, at some version
                conn, "SELECT CASE WHEN to_regclass('meta') IS NULL THEN NULL ELSE 1 END AS ok"
            ).one()["ok"] and run(
                conn, "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if version:
                self._check_ours(schema.APPLICATION_ID, int(version["value"]), {"meta"})
                return int(version["value"])
            tables = {row["table_name"] for row in run(
                conn, "SELECT table_name FROM information_schema.tables "
                      "WHERE table_schema = current_schema()")}
            if not tables:
                return 0
            version = None
            if "meta" in tables:
                row = run(conn, "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                version = row and row["value"]
            self._check_ours(schema.APPLICATION_ID if version else 0,
                             int(version or 0), tables)
            return int(version or 0)

        def upgrade(conn: SAConnection) -> None:
            run(conn, "SELECT pg_advisory_xact_lock(:key)", {"key": schema.APPLICATION_ID})
            schema.upgrade(conn, state(conn))  # again, now holding the lock

        try:
            if self._transaction("BEGIN", state, retry=False) != schema.SCHEMA_VERSION:
                self._transaction("BEGIN", upgrade, retry=False)
        except sa_exc.DBAPIError as exc:
            raise StoreError(f"cannot use the database {self.path}: {_reason(exc)}") from exc

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
        if app_id != schema.APPLICATION_ID or "meta" not in tables:
            kind = "a database" if self.server else "an SQLite database"
            raise StoreForeignError(
                f"{self.path} is {kind} of another application "
                f"(tables: {', '.join(sorted(tables)) or 'none'}); it was left untouched; "
                "choose another database file"
            )
        if version > schema.SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path} has schema version {version}, newer than this program knows "
                f"({schema.SCHEMA_VERSION}); update swot-anp to open it"
            )
        if version < 1:
            raise StoreCorruptError(f"{self.path} has no schema version; it was left untouched")

    def _integrity_once(self) -> None:
        """``PRAGMA integrity_check`` on the first open of this file in this process."""
        key = _file_key(Path(self.path))
        with _CHECKED_LOCK:
            if key is not None and key in _CHECKED:
                return
        result = self.integrity_check()
        if result != ["ok"]:
            raise StoreCorruptError(
                f"{self.path} is damaged ({'; '.join(result[:3])}); it was left untouched"
            )
        if key is not None:
            with _CHECKED_LOCK:
                _CHECKED.add(key)

    def _init_or_migrate(self) -> None:
        def body(conn: SAConnection) -> None:
            app_id, version, tables = self._read_state()  # again, now holding the write lock
            if app_id != 0 or version != 0 or tables:
                self._check_ours(app_id, version, tables)
            if 0 < version < schema.SCHEMA_VERSION:  # under the lock: no write can come
                file = Path(self.path)                  # between the copy and the migration
                self._backup(file.with_name(f"{file.name}.schema-v{version}.bak"))
            schema.upgrade(conn, version)

        self._transaction("BEGIN IMMEDIATE", body, retry=False)
        key = _file_key(Path(self.path))  # a database this process created or migrated is sound
        if key is not None:
            with _CHECKED_LOCK:
                _CHECKED.add(key)

    def _backup(self, target: Path) -> None:
        """Copy the database as it is now to ``target`` with SQLite's backup API (a file copy
        would drop this process's locks; see the module docstring). Called holding the write
        lock, before writing anything: the copy is read through a second connection (the
        backup API cannot read from the connection holding the write transaction), which
        sees the committed database, the state the migration starts from. An existing
        ``target`` is never overwritten: the copy gets a numbered name instead."""
        candidate, number = target, 1
        while candidate.exists():
            number += 1
            candidate = target.with_name(f"{target.name}.{number}")
        try:
            source = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_MS / 1000)
            copy = sqlite3.connect(candidate)
            try:
                source.backup(copy)
            finally:
                copy.close()
                source.close()
        except sqlite3.Error as exc:
            candidate.unlink(missing_ok=True)
            raise StoreError(
                f"cannot write the backup {candidate} that must precede migrating {self.path} "
                f"({exc}); the database was left untouched"
            ) from exc

    # -- transactions

    def _retry(self, action: Callable[[], _T]) -> _T:
        for attempt in range(_WRITE_ATTEMPTS):
            try:
                return action()
            except (sqlite3.OperationalError, sa_exc.OperationalError) as exc:
                if not _is_busy(exc) or attempt == _WRITE_ATTEMPTS - 1:
                    if _is_busy(exc):
                        raise StoreBusyError(
                            f"the database {self.path} stayed locked by other writers "
                            f"after {_WRITE_ATTEMPTS} attempts; try again"
                        ) from exc
                    # e.g. a read-only file or folder, a full disk: a clear error, no traceback
                    raise StoreError(
                        f"cannot use the database {self.path}: {_reason(exc)}") from exc
                time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
        raise AssertionError("unreachable")  # pragma: no cover

    def _transaction(
        self, begin: str, body: Callable[[SAConnection], _T], retry: bool = True
    ) -> _T:
        def attempt() -> _T:
            db = self._db
            db.info["begin"] = begin
            writer = begin == "BEGIN IMMEDIATE" and self._take_writer_lock()
            try:
                with db.begin():
                    return body(db)
            finally:
                if writer:
                    fcntl.flock(self._writer_lock, fcntl.LOCK_UN)  # type: ignore[arg-type]

        return self._retry(attempt) if retry else attempt()

    def _take_writer_lock(self) -> bool:
        """SQLite: wait for the writers' lock file ``NAME.lock`` (taken before ``BEGIN
        IMMEDIATE``, released after the commit), polled every 0.5-4 ms so that a waiting writer
        goes within milliseconds of the lock being free, instead of in SQLite's busy handler,
        which sleeps in steps of up to 100 ms; :class:`StoreBusyError` after the busy budget.
        It only orders our writers: SQLite's own lock still guards
        the file. False (SQLite's busy handling alone) when the lock file cannot be opened,
        e.g. in a read-only folder."""
        if self.server:
            return False
        if self._writer_lock is None:
            file = Path(self.path)
            try:
                self._writer_lock = os.open(
                    file.with_name(f"{file.name}.lock"), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC,
                    0o666)
            except OSError:
                return False
        deadline = time.monotonic() + _BUSY_TIMEOUT_MS / 1000 * _WRITE_ATTEMPTS
        pause = 0.0005
        while True:  # polled, not a blocking flock: a writer that hangs must not hang us too
            try:
                fcntl.flock(self._writer_lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusyError(
                        f"the database {self.path} stayed locked by another writer for "
                        f"{_BUSY_TIMEOUT_MS * _WRITE_ATTEMPTS / 1000:.0f} s; try again"
                    ) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.004)

    def _write(self, body: Callable[[SAConnection], _T]) -> _T:
        return self._transaction("BEGIN IMMEDIATE", body)

    def _read(self, body: Callable[[SAConnection], _T]) -> _T:
        return self._transaction("BEGIN", body)

    def close(self) -> None:
        """Close the connection."""
        self._db.close()
        if self._writer_lock is not None:
            os.close(self._writer_lock)
            self._writer_lock = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        if self.server:
            return int(self._read(lambda conn: run(
                conn, "SELECT value FROM meta WHERE key = 'schema_version'").one()["value"]))
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_check(self) -> list[str]:
        """SQLite's ``PRAGMA integrity_check``: ``["ok"]`` when the file is sound (a server
        checks its own pages; there this raises :class:`StoreError`)."""
        if self.server:
            raise StoreError("an integrity check is SQLite's; PostgreSQL checks its own pages")
        return [row[0] for row in self._conn.execute("PRAGMA integrity_check")]


def run(conn: SAConnection, sql: str, params: Any = None) -> Any:
    """Execute ``sql`` (named ``:parameters``) in the open transaction; rows by column name.

    On SQLite the statement goes straight to the driver (whose own ``:name`` parameters are
    ours), which costs a tenth of SQLAlchemy's execution path; its errors are raised as
    SQLAlchemy's (``IntegrityError``, ``OperationalError``), as on a server."""
    if conn.dialect.name != "sqlite":
        return conn.execute(text(sql), params).mappings()
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    cursor.row_factory = _row
    try:
        if isinstance(params, list):
            cursor.executemany(sql, params)
        else:
            cursor.execute(sql, params or {})
    except sqlite3.Error as exc:
        raise sa_exc.DBAPIError.instance(sql, params, exc, sqlite3.Error) from exc
    return _Rows(cursor)


def _row(cursor: sqlite3.Cursor, values: tuple[Any, ...]) -> dict[str, Any]:
    return dict(zip([column[0] for column in cursor.description], values, strict=True))


class _Rows:
    """The rows of a driver cursor as :func:`run` returns them (each a dict by column name)."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    def __iter__(self) -> Any:
        return iter(self._cursor)

    def fetchone(self) -> dict[str, Any] | None:
        return self._cursor.fetchone()

    def all(self) -> list[dict[str, Any]]:
        return self._cursor.fetchall()

    def one(self) -> dict[str, Any]:
        rows = self._cursor.fetchall()
        if len(rows) != 1:
            raise sa_exc.NoResultFound(f"expected one row, got {len(rows)}") if not rows else \
                sa_exc.MultipleResultsFound(f"expected one row, got {len(rows)}")
        return rows[0]
