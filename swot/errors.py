"""The errors and warnings of :mod:`swot`: one root, :class:`SwotError`.

Every error the domain raises for bad input (a model file, an edit, a request, a command line)
is a :class:`SwotError`; each also inherits the builtin it resembles (``SwotError`` is a
``ValueError``, :class:`UnknownItemError` also a ``KeyError``), so older ``except`` clauses keep
working. The store's errors (:class:`swot.store.errors.StoreError`) and the workshop's are
``SwotError`` too. Callers that must never show a traceback (the app, the command line) catch
:data:`PROJECT_ERRORS`, this root and :class:`anp.ANPError` (the numeric core's), never
``ValueError``: that would also hide real bugs.

A result that is usable but doubtful (a matrix over its consistency threshold, a near tie at
the top) is a :class:`DoubtfulResultWarning`, raised with :func:`warnings.warn`.
"""

from __future__ import annotations

from anp.errors import ANPError

__all__ = ["PROJECT_ERRORS", "DoubtfulResultWarning", "SwotError", "UnknownItemError"]


class SwotError(ValueError):
    """Root of the errors raised by :mod:`swot` for bad models, bad edits or bad requests."""


class UnknownItemError(SwotError, KeyError):
    """No factor, strategy, matrix or link set with that id or path in the model."""

    def __str__(self) -> str:  # KeyError's would quote the message
        return str(self.args[0]) if self.args else ""


PROJECT_ERRORS: tuple[type[ValueError], ...] = (SwotError, ANPError)
"""The project's errors, for ``except PROJECT_ERRORS``: every error :mod:`swot` (store and
workshop included) and :mod:`anp` raise for input they cannot use."""


class DoubtfulResultWarning(UserWarning):
    """A usable result that should not be read with full confidence: judgments over their
    consistency threshold, or strategies practically tied at the top."""
