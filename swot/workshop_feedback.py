"""Private Delphi feedback for one participant (in the style of Dong & Saaty 2014, "An
analytic hierarchy process model of group consensus", J. Syst. Sci. Syst. Eng. 23:362-374):
where each of their judgments stands against the group's geometric mean of the last round,
and the one change that would most raise the group's consensus. Both weigh each person by their
submission's ``weight``, as the group's judgments and consensus do (:mod:`swot.workshop`).

The group is the last round's submissions of those who judged the matrix (the participant
included); consensus is Goepel's S* (:func:`anp.ahp_consensus`).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

import anp
from swot.workshop import (
    JUDGED,
    SubmissionLike,
    _pairwise_matrices,
    _stack,
    _weights,
    judgment_status,
    matrix_of,
)

FEEDBACK_COLUMNS = ("item_i", "item_j", "mine", "group", "factor", "judges")
CANDIDATES = 8  # judgments furthest from the group's that are tried as the suggested change


@dataclass(frozen=True)
class Suggestion:
    """Moving one judgment of the participant to ``suggested`` (the group's geometric mean,
    on Saaty's scale) raises the matrix's consensus from ``before`` to ``after``."""

    matrix: str
    item_i: str
    item_j: str
    current: float
    suggested: float
    before: float
    after: float


def _matrix_stack(model: Mapping[str, Any], group: Sequence[SubmissionLike], matrix: str
                  ) -> tuple[tuple[str, ...], np.ndarray, list[SubmissionLike]] | None:
    for path, ids, keys in _pairwise_matrices(model):
        if matrix_of(path) == matrix:
            judges = [s for s in group if judgment_status(s, model, matrix) == JUDGED]
            if not judges:
                return None
            return ids, _stack(judges, keys, path), judges
    return None


def feedback_table(model: Mapping[str, Any], mine: SubmissionLike,
                   group: Sequence[SubmissionLike], matrix: str) -> pd.DataFrame:
    """Per pair of a pairwise matrix: my judgment, the group's geometric mean, and the factor
    mine is above (> 1) or below (< 1) the group's; empty when I or nobody judged it."""
    found = _matrix_stack(model, group, matrix)
    if found is None or judgment_status(mine, model, matrix) != JUDGED:
        return pd.DataFrame(columns=list(FEEDBACK_COLUMNS))
    ids, stack, judges = found
    own = _matrix_stack(model, [mine], matrix)
    assert own is not None
    mean = anp.aggregate_judgments(stack, _weights(judges, None))  # as group_judgments weighs
    counts = (~np.isnan(stack)).sum(axis=0)
    rows = [
        (ids[i], ids[j], float(own[1][0, i, j]), float(mean[i, j]),
         float(own[1][0, i, j] / mean[i, j]), int(counts[i, j]))
        for i in range(len(ids)) for j in range(i + 1, len(ids))
        if not np.isnan(own[1][0, i, j]) and not np.isnan(mean[i, j])
    ]
    return pd.DataFrame(rows, columns=list(FEEDBACK_COLUMNS))


def best_change(model: Mapping[str, Any], mine: SubmissionLike,
                group: Sequence[SubmissionLike]) -> Suggestion | None:
    """The one change of my judgments that most raises a matrix's consensus: among my
    judgments furthest (in log terms) from the group's geometric mean, the one whose move to
    that mean (nearest Saaty value) gains the most S*; None when no move gains anything."""
    name = mine.participant_name
    candidates = []
    for path, _ids, _keys in _pairwise_matrices(model):
        matrix = matrix_of(path)
        table = feedback_table(model, mine, group, matrix)
        for row in table.itertuples():
            if row.judges >= 2:
                candidates.append((abs(np.log(row.factor)), matrix, row))
    candidates.sort(key=lambda c: -c[0])
    best: Suggestion | None = None
    for _distance, matrix, row in candidates[:CANDIDATES]:
        found = _matrix_stack(model, group, matrix)
        assert found is not None
        ids, stack, judges = found
        me = [k for k, s in enumerate(judges) if s.participant_name == name]
        if not me:
            continue
        i, j = ids.index(row.item_i), ids.index(row.item_j)
        suggested = anp.nearest_saaty(row.group)
        if np.isclose(suggested, row.mine):
            continue
        weights = _weights(judges, None)  # as consensus_table weighs
        before = anp.ahp_consensus(anp.priority(stack), weights)
        changed = copy.deepcopy(stack)
        changed[me[0], i, j], changed[me[0], j, i] = suggested, 1 / suggested
        try:
            after = anp.ahp_consensus(anp.priority(changed), weights)
        except anp.ANPError:
            continue
        if after > before + 1e-9 and (best is None or after - before > best.after - best.before):
            best = Suggestion(matrix, row.item_i, row.item_j, row.mine, suggested, before, after)
    return best
