"""The schema: version 1 as first shipped and the migrations to each later version, run as
Alembic revisions (``migrations/versions``). The version is SQLite's ``user_version`` (Alembic's
``alembic_version`` is stamped to match before a migration); the file is marked as ours by its
``application_id``."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, text

from swot.store.values import now

MIGRATIONS = Path(__file__).with_name("migrations")

APPLICATION_ID = 0x53574F54  # "SWOT"
SCHEMA_VERSION = 4

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

# From version 3 to version 4: the app's autosaved session drafts (swot.store.drafts). Before
# version 4 the drafts code created this table itself, so a file may have it already.
MIGRATE_V3_V4 = """
CREATE TABLE IF NOT EXISTS session_drafts (
    token      TEXT PRIMARY KEY,
    data_json  TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS session_drafts_by_age ON session_drafts (updated_at)
"""

def split_sql(script: str) -> list[str]:
    """The statements of an SQL script (none of ours holds a ';' in a literal)."""
    return [statement.strip() for statement in script.split(";") if statement.strip()]


def upgrade(conn: Connection, version: int) -> None:
    """Bring a database of schema ``version`` (0: empty) to the current one with the Alembic
    revisions in ``migrations/`` (one per version), inside the caller's transaction."""
    from alembic.config import Config  # only a new or older database needs Alembic
    from alembic.runtime.environment import EnvironmentContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    with EnvironmentContext(
        config, script, fn=lambda rev, _context: script._upgrade_revs("head", rev)
    ) as env:
        env.configure(connection=conn)
        if version:
            env.get_context().stamp(script, f"v{version}")
        env.run_migrations()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    stamp = [("schema_version", str(SCHEMA_VERSION))]
    if not version:
        stamp += [("application", "swot-anp"), ("created_at", now())]
    conn.execute(
        text("INSERT INTO meta (key, value) VALUES (:key, :value) "
             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        [{"key": key, "value": value} for key, value in stamp],
    )


def for_dialect(statement: str, dialect: str) -> str:
    """A statement of the scripts above as ``dialect`` needs it: on PostgreSQL, identity keys,
    double precision and its own random tokens (SQLite's text is the original)."""
    if dialect == "sqlite":
        return statement
    identity = "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    token = "md5(random()::text || clock_timestamp()::text)"
    return (statement.replace("INTEGER PRIMARY KEY", identity)
            .replace(" REAL", " DOUBLE PRECISION")
            .replace("lower(hex(randomblob(16)))", token))
