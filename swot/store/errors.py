"""The store's errors: every one is a :class:`StoreError` (a :class:`swot.errors.SwotError`,
so a ``ValueError``) with a message fit to show the user."""

from __future__ import annotations

from swot.errors import SwotError

__all__ = [
    "DuplicateNameError", "DuplicateParticipantError", "InvalidDataError", "ModelChangedError",
    "NotFoundError", "SchemaVersionError", "StoreBusyError", "StoreCorruptError", "StoreError",
    "StoreForeignError", "UnknownParticipantError", "UnknownWorkshopError", "WorkshopClosedError",
    "WorkshopFullError",
]

class StoreError(SwotError):
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


INVALID_LINK = "this link is not valid, or the workshop is not open; ask the facilitator"
