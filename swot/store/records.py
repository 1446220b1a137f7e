"""The store's records: frozen dataclasses built from named columns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
