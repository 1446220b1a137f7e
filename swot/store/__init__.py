"""Scenarios, live workshops and session drafts, persisted in SQLite or PostgreSQL: the
:class:`Store` facade.

The package is cut by concern: :mod:`~swot.store.config` (where the database lives, workshop
codes and links), :mod:`~swot.store.errors`, :mod:`~swot.store.records`,
:mod:`~swot.store.values` (what may be stored, and the judgments a workshop accepts),
:mod:`~swot.store.schema` (schema and migrations), :mod:`~swot.store.connection` (opening,
checks, transactions, retries; its docstring says how the file is kept safe),
:mod:`~swot.store.scenarios`, :mod:`~swot.store.workshops` (workshops and participants),
:mod:`~swot.store.submissions` (submissions, rounds, audit trail) and
:mod:`~swot.store.drafts` (autosaved session drafts). Columns are read by name.

Models and judgments are stored as the JSON of the model file format (``docs/model-format.md``).
"""

from __future__ import annotations

from swot.store.config import (
    DEFAULT_DB_PATH,
    ENV_VAR,
    SECRETS_KEY,
    WORKSHOP_QUERY_PARAM,
    default_db_path,
    normalize_code,
    workshop_link,
)
from swot.store.drafts import Draft, Drafts
from swot.store.errors import (
    INVALID_LINK,
    DuplicateNameError,
    DuplicateParticipantError,
    InvalidDataError,
    ModelChangedError,
    NotFoundError,
    SchemaVersionError,
    StoreBusyError,
    StoreCorruptError,
    StoreError,
    StoreForeignError,
    UnknownParticipantError,
    UnknownWorkshopError,
    WorkshopClosedError,
    WorkshopFullError,
)
from swot.store.records import (
    JudgmentChange,
    Participant,
    ParticipantStatus,
    Scenario,
    ScenarioInfo,
    Submission,
    Workshop,
)
from swot.store.scenarios import Scenarios
from swot.store.schema import APPLICATION_ID, SCHEMA_VERSION
from swot.store.submissions import Submissions
from swot.store.values import (
    CODE_ALPHABET,
    CODE_LENGTH,
    MAX_NAME_LENGTH,
    MAX_RATIONALE_LENGTH,
    MAX_SUBGROUP_LENGTH,
    MAX_TITLE_LENGTH,
    check_judgments_shape,
    model_fingerprint,
    new_token,
)

__all__ = [
    "APPLICATION_ID", "CODE_ALPHABET", "CODE_LENGTH", "DEFAULT_DB_PATH", "ENV_VAR",
    "INVALID_LINK", "MAX_NAME_LENGTH", "MAX_RATIONALE_LENGTH", "MAX_SUBGROUP_LENGTH",
    "MAX_TITLE_LENGTH", "SCHEMA_VERSION", "SECRETS_KEY", "WORKSHOP_QUERY_PARAM",
    "Draft", "DuplicateNameError", "DuplicateParticipantError", "InvalidDataError",
    "JudgmentChange",
    "ModelChangedError", "NotFoundError", "Participant", "ParticipantStatus", "Scenario",
    "ScenarioInfo", "SchemaVersionError", "Store", "StoreBusyError", "StoreCorruptError",
    "StoreError", "StoreForeignError", "Submission", "UnknownParticipantError",
    "UnknownWorkshopError", "Workshop", "WorkshopClosedError", "WorkshopFullError",
    "check_judgments_shape", "default_db_path", "model_fingerprint", "new_token",
    "normalize_code", "workshop_link",
]


class Store(Scenarios, Submissions, Drafts):
    """Scenarios, workshops and session drafts in one database; a context manager.

    One Store holds one connection; open one per action (opening is cheap: the file's
    integrity check runs once per process).
    """
