"""Where a model's judgments come from, as far as the tool can tell: the illustrative set as
shipped, an edited copy of it, or the planner's own; and what a notice may say about them.

A model file flagged ``illustrative_judgments`` carries a ``judgments_note`` written for the
judgments as shipped. Once any judgment (or direct weight) differs from the set the model was
loaded with, that note may no longer hold: :func:`mark_edited` records it in the model (the
``judgments_edited`` flag saved with scenarios and downloads), and :func:`notice` stops
repeating the note. What the notice says about consistency is always computed from the current
judgments, never taken from the note.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from swot.analysis import Evaluation
from swot.model import SwotModel

__all__ = ["Notice", "mark_edited", "notice", "with_own_note"]


def mark_edited(model: SwotModel, reference: SwotModel | None) -> SwotModel:
    """``model`` flagged ``judgments_edited`` when it claims illustrative judgments but no longer
    ranks from the judgments of ``reference`` (the model as loaded); else ``model`` itself."""
    if (model.illustrative_judgments and not model.judgments_edited
            and (reference is None or not model.weighs_like(reference))):
        return dataclasses.replace(model, judgments_edited=True)
    return model


def with_own_note(model: SwotModel, illustrative: bool, note: str) -> SwotModel:
    """``model`` with the planner's account of its judgments: whether they are illustrative
    and a note of their own; the edited flag is cleared (the note now describes them)."""
    return dataclasses.replace(model, illustrative_judgments=illustrative,
                               judgments_note=note.strip(), judgments_edited=False)


@dataclass(frozen=True)
class Notice:
    """What the illustrative notice says: ``kind`` is "none" (not illustrative),
    "illustrative" (the set as loaded; ``note`` is the file's note) or "edited" (changed since;
    no note). ``matrices``/``failing`` count the pairwise matrices and those failing their
    threshold; ``rankable`` is False when the model cannot be ranked yet."""

    kind: str
    note: str
    rankable: bool
    matrices: int
    failing: int


def notice(model: SwotModel, reference: SwotModel | None,
           result: Evaluation | None) -> Notice:
    """The notice for ``model`` (loaded as ``reference``; ``result`` its evaluation, None when
    it cannot be ranked)."""
    if not model.illustrative_judgments:
        kind = "none"
    elif model.judgments_edited or reference is None or not model.weighs_like(reference):
        kind = "edited"
    else:
        kind = "illustrative"
    if result is None:
        return Notice(kind, model.judgments_note if kind == "illustrative" else "", False, 0, 0)
    passes = result.consistency["passes"].astype(bool)
    return Notice(kind, model.judgments_note if kind == "illustrative" else "", True,
                  len(passes), int((~passes).sum()))
