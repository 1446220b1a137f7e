"""The errors and warnings of :mod:`swot`: one root, :class:`SwotError`.

Every error the domain raises for bad input (a model file, an edit, a request, a command line)
is a :class:`SwotError`; each also inherits the builtin it resembles (``SwotError`` is a
``ValueError``, :class:`UnknownItemError` also a ``KeyError``), so older ``except`` clauses keep
working. Callers that must never show a traceback catch ``SwotError`` and
:class:`anp.ANPError` (the numeric core's root), not ``ValueError``: that would also hide
real bugs. The store and workshop errors join this root when those modules are reorganised.

A result that is usable but doubtful (a matrix over its consistency threshold, a near tie at
the top) is a :class:`DoubtfulResultWarning`, raised with :func:`warnings.warn`.
"""

from __future__ import annotations

__all__ = ["DoubtfulResultWarning", "SwotError", "UnknownItemError"]


class SwotError(ValueError):
    """Root of the errors raised by :mod:`swot` for bad models, bad edits or bad requests."""


class UnknownItemError(SwotError, KeyError):
    """No factor, strategy, matrix or link set with that id or path in the model."""

    def __str__(self) -> str:  # KeyError's would quote the message
        return str(self.args[0]) if self.args else ""


class DoubtfulResultWarning(UserWarning):
    """A usable result that should not be read with full confidence: judgments over their
    consistency threshold, or strategies practically tied at the top."""
