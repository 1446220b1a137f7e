"""The schema: version 1 as first shipped, the migrations to each later version, and the
statements that create the current one. The version is SQLite's ``user_version``; the file is
marked as ours by its ``application_id``."""

from __future__ import annotations

import sqlite3

from swot.store.values import now

APPLICATION_ID = 0x53574F54  # "SWOT"
SCHEMA_VERSION = 3
TABLES = frozenset(
    {"meta", "scenarios", "workshops", "participants", "submissions", "judgment_changes"}
)

# Schema version 1: scenarios without a note, participants without an "excluded" flag.
SCHEMA_V1 = """
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
MIGRATE_V1_V2 = """
ALTER TABLE scenarios ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0;
CREATE INDEX submissions_by_participant ON submissions (participant_id, id);
"""

# From version 2 to version 3: private links (tokens), settings of a workshop, what each
# submission counts as judged (NULL before v3: inferred, see _submission), Delphi
# rounds, subgroups and weights, and the audit trail of every judgment change.
MIGRATE_V2_V3 = """
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

MIGRATIONS: dict[int, str] = {1: MIGRATE_V1_V2, 2: MIGRATE_V2_V3}


def split_sql(script: str) -> list[str]:
    """The statements of an SQL script (none of ours holds a ';' in a literal)."""
    return [statement.strip() for statement in script.split(";") if statement.strip()]


def create(conn: sqlite3.Connection) -> None:
    """Create the current schema in an empty database (inside the caller's transaction)."""
    for statement in split_sql(SCHEMA_V1) + split_sql(MIGRATE_V1_V2) + split_sql(MIGRATE_V2_V3):
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [("application", "swot-anp"), ("schema_version", str(SCHEMA_VERSION)),
         ("created_at", now())],
    )


def migrate(conn: sqlite3.Connection, version: int) -> None:
    """Bring a database of schema ``version`` to the current one (inside the caller's
    transaction)."""
    while version < SCHEMA_VERSION:
        for statement in split_sql(MIGRATIONS[version]):
            conn.execute(statement)
        version += 1
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
            (str(version),),
        )
