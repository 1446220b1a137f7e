"""A small model in the model file format for the store tests (imported by name: see
tests/anp/anp_testdata.py for why not from conftest)."""

from __future__ import annotations

import copy
import glob
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from swot.store import APPLICATION_ID, model_fingerprint, schema

POSTGRES_ENV = "SWOT_ANP_TEST_POSTGRES_URL"

_MODEL: dict[str, Any] = {
    "format": "swot-anp-model",
    "version": 1,
    "title": {"en": "Tiny example", "fa": "نمونه"},
    "goal": {"en": "Choose a strategy", "fa": ""},
    "factors": {
        "S": [
            {"id": "S1", "label_en": "Brand", "label_fa": "برند"},
            {"id": "S2", "label_en": "Staff", "label_fa": ""},
        ],
        "W": [{"id": "W1", "label_en": "Debt", "label_fa": ""}],
        "O": [{"id": "O1", "label_en": "New market", "label_fa": ""}],
        "T": [{"id": "T1", "label_en": "Rival", "label_fa": ""}],
    },
    "strategies": [
        {"id": "SO1", "label_en": "Expand", "label_fa": "", "tows": "SO", "factors": ["S1", "O1"]},
        {"id": "WT1", "label_en": "Cut costs", "label_fa": "", "tows": "WT", "factors": ["W1"]},
        {"id": "ST1", "label_en": "Defend", "label_fa": "", "tows": "ST", "factors": ["S2", "T1"]},
    ],
    "judgments": {
        "groups": [[1, 2, 1, 3], [0.5, 1, 0.5, 2], [1, 2, 1, 3], [1 / 3, 0.5, 1 / 3, 1]],
        "factors": {"S": [[1, 3], [1 / 3, 1]], "W": [[1]], "O": [[1]], "T": [[1]]},
        "strategies": {
            "S1": {"pairwise": [[1, 3, None], [1 / 3, 1, 2], [None, 0.5, 1]]},
            "S2": {"pairwise": [[1, 1, 1], [1, 1, 1], [1, 1, 1]]},
            "W1": {"pairwise": [[1, 0.5, 2], [2, 1, 4], [0.5, 0.25, 1]]},
            "O1": {"ratings": [9, 3, 0]},
            "T1": {"pairwise": [[1, 2, 1], [0.5, 1, 0.5], [1, 2, 1]]},
        },
    },
}


def tiny_model() -> dict[str, Any]:
    """A fresh copy of a small valid model (two S factors, three strategies, one rating)."""
    return copy.deepcopy(_MODEL)


def postgres_url() -> str:
    """The test server's URL, its database emptied; skip (fail in CI) without one."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{POSTGRES_ENV} is not set: in CI .ci/run starts PostgreSQL for these")
        pytest.skip(f"no PostgreSQL server for the tests ({POSTGRES_ENV} is not set)")
    empty_postgres(url)
    return url


def empty_postgres(url: str) -> None:
    """Drop every table of the PostgreSQL database at ``url`` (its public schema, recreated)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


OLD_STAMP = "2024-05-01T10:00:00.000000+00:00"


def old_database(path: Path, version: int, drafts: bool = False) -> None:
    """An SQLite database as schema ``version`` (1 to 3) wrote it: one workshop ABC234, two
    participants, Ali's submission changed the groups matrix only, Sara's is the model's as
    prefilled. ``drafts``: with the session_drafts table and one draft, as the drafts code
    created it before schema 4 (token ``OLDdraftTOKEN0000``)."""
    model = tiny_model()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript(schema.SCHEMA_V1)
    if version >= 2:
        conn.executescript(schema.MIGRATE_V1_V2)
    if version >= 3:
        conn.executescript(schema.MIGRATE_V2_V3)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.executemany("INSERT INTO meta VALUES (?, ?)",
                     [("application", "swot-anp"), ("schema_version", str(version))])
    conn.execute(
        "INSERT INTO workshops (code, title, model_json, fingerprint, is_open, created_at) "
        "VALUES ('ABC234', 'old', ?, ?, 1, ?)",
        (json.dumps(model), model_fingerprint(model), OLD_STAMP))
    for name in ("Ali", "Sara"):
        conn.execute("INSERT INTO participants (workshop_id, name, name_key, joined_at) "
                     "VALUES (1, ?, ?, ?)", (name, name.lower(), OLD_STAMP))
    ali = model["judgments"]
    ali["groups"][0][1], ali["groups"][1][0] = 9, 1 / 9
    for pid, judgments in ((1, ali), (2, tiny_model()["judgments"])):
        conn.execute("INSERT INTO submissions (participant_id, judgments_json, fingerprint, "
                     "submitted_at) VALUES (?, ?, ?, ?)",
                     (pid, json.dumps(judgments), model_fingerprint(model), OLD_STAMP))
    if drafts:  # the table exactly as swot.store.drafts created it before schema 4
        conn.execute("CREATE TABLE IF NOT EXISTS session_drafts (token TEXT PRIMARY KEY, "
                     "data_json TEXT NOT NULL, updated_at TEXT NOT NULL)")
        conn.execute("INSERT INTO session_drafts VALUES ('OLDdraftTOKEN0000', '{\"n\": 1}', ?)",
                     (OLD_STAMP,))
    conn.close()


class ThrowawayPostgres:
    """A PostgreSQL cluster of a test's own (Debian's ``/usr/lib/postgresql/N/bin``), in a
    temporary folder, reached on a Unix socket there only, that the test can stop and start
    again; :meth:`remove` stops it and deletes the folder. Run as the user ``postgres`` when
    the tests run as root (as ``.ci/run`` does). Without PostgreSQL the test is skipped, and
    fails under ``CI=true``."""

    def __init__(self) -> None:
        initdb = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or [
            found for found in [shutil.which("initdb")] if found]
        as_root = os.geteuid() == 0
        reason = ("no PostgreSQL server program (initdb) is installed" if not initdb else
                  "running as root without a 'postgres' user to run the server"
                  if as_root and not _has_user("postgres") else "")
        if reason:
            if os.environ.get("CI") == "true":
                pytest.fail(f"{reason}: in CI PostgreSQL must be installed for this test")
            pytest.skip(reason)
        self._bin = Path(initdb[-1]).resolve().parent
        self._prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
        self.folder = Path(tempfile.mkdtemp(prefix="swot-pg-"))  # in /tmp: postgres can reach
        if as_root:
            shutil.chown(self.folder, "postgres")
        self.url = f"postgresql+psycopg://postgres@/postgres?host={self.folder}"
        try:
            self._pg("initdb", "-D", str(self.folder / "data"), "-A", "trust", "-U",
                     "postgres", "--no-sync")
            self.start()
        except BaseException:
            self.remove()
            raise

    def _pg(self, program: str, *args: str) -> None:
        subprocess.run([*self._prefix, str(self._bin / program), *args], check=True,
                       capture_output=True, timeout=60)

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        self._pg("pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "log"),
                 "-w", "-o", f"-k {self.folder} -c listen_addresses='' -c fsync=off", "start")

    def stop(self) -> None:
        """Stop the server as an administrator would (``pg_ctl stop -m fast``: sessions are
        ended, nothing committed is lost)."""
        self._pg("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        """Stop the server if it runs and delete its folder."""
        try:
            self._pg("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass  # not running
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _has_user(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
