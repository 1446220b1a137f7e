"""How far a ranking can be trusted: the consistency of its judgments and near ties at the top.

Near-tie rule: a strategy is *practically tied* with the leader when its priority lies within
``NEAR_TIE_MARGIN`` (2 %) of the leader's, relative to the leader's priority:
``(p_1 - p_k) / p_1 < 0.02``. Judgments on Saaty's scale move in whole steps; on the Tehran
model one step on a single judgment (e.g. 3 -> 4 in one factor's strategy matrix) already moves
the leading priorities by a few percent, so a smaller gap says nothing about which is better.
The margin is relative so that it does not depend on how many strategies share the total.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from swot.errors import DoubtfulResultWarning, SwotError

if TYPE_CHECKING:
    import pandas as pd

    from swot.analysis import Evaluation

__all__ = ["NEAR_TIE_MARGIN", "Verdict", "doubts", "top_moves", "verdict", "warn_doubts"]

NEAR_TIE_MARGIN = 0.02


@dataclass(frozen=True)
class Verdict:
    """What a headline may say about a ranking."""

    leaders: list[str]  # the leader and every strategy practically tied with it, rank order
    gap: float  # (p_1 - p_2) / p_1; NaN with fewer than two strategies
    margin: float
    failing: pd.DataFrame  # consistency rows (matrix, n, cr, threshold, ...) that fail

    @property
    def tied(self) -> bool:
        """More than one strategy leads within the margin."""
        return len(self.leaders) > 1

    @property
    def consistent(self) -> bool:
        """Every pairwise matrix passes its consistency threshold."""
        return self.failing.empty


def verdict(result: Evaluation, margin: float = NEAR_TIE_MARGIN) -> Verdict:
    """The leaders (within ``margin`` of the first, relative) and the failing matrices."""
    if not 0 <= margin < 1:
        raise SwotError(f"margin must be in [0, 1), got {margin!r}")
    table = result.strategies
    priorities = table["priority"].to_numpy(dtype=float)
    ids = table["id"].tolist()
    top = float(priorities[0]) if len(priorities) else float("nan")
    leaders = [sid for sid, p in zip(ids, priorities, strict=True)
               if top > 0 and (top - p) / top < margin] or ids[:1]
    gap = (top - float(priorities[1])) / top if len(priorities) > 1 and top > 0 else float("nan")
    failing = result.consistency[~result.consistency["passes"].astype(bool)]
    return Verdict(leaders=leaders, gap=gap, margin=margin,
                   failing=failing.reset_index(drop=True))


def doubts(v: Verdict) -> list[str]:
    """Why a ranking should not be read with full confidence, one sentence each: every matrix
    over its consistency threshold, then a near tie at the top (empty: no doubt)."""
    out = [f"{row.matrix} has CR {row.cr:.3f} > {row.threshold:.2f} (fails its consistency "
           "threshold; the ranking is not sound)" for row in v.failing.itertuples()]
    if v.tied:
        out.append(f"{', '.join(v.leaders)} are practically tied at the top (within "
                   f"{v.margin:.0%} of the leader's priority)")
    return out


def warn_doubts(result: Evaluation, margin: float = NEAR_TIE_MARGIN) -> Verdict:
    """:func:`verdict`, with a :class:`DoubtfulResultWarning` for each of its :func:`doubts`."""
    v = verdict(result, margin)
    for sentence in doubts(v):
        warnings.warn(sentence, DoubtfulResultWarning, stacklevel=2)
    return v


def top_moves(strategies: pd.DataFrame, before: pd.DataFrame | None,
              shown: int = 3) -> pd.DataFrame:
    """The first ``shown`` strategies of a ranking (``rank``, ``id``, ``priority`` rows, as
    :attr:`Evaluation.strategies`), and any tied with the last of them, with how they moved
    since the ranking ``before`` (indexed by ``id``, with ``rank`` and ``priority``; None: no
    earlier ranking): ``moved`` = old rank - rank (+ = up; NA for a strategy ``before`` lacks;
    0 without ``before``) and ``delta`` = the change of priority."""
    import pandas as pd

    cutoff = strategies["rank"].iloc[min(shown, len(strategies)) - 1]
    top = strategies[strategies["rank"] <= cutoff][["rank", "id", "priority"]]
    top = top.reset_index(drop=True)
    if before is None:
        top["moved"] = pd.array([0] * len(top), dtype="Int64")
        top["delta"] = 0.0
        return top
    old = before.reindex(top["id"])
    top["moved"] = pd.array(old["rank"].to_numpy(), dtype="Int64") - top["rank"].to_numpy()
    top["delta"] = top["priority"].to_numpy() - old["priority"].to_numpy()
    return top
