"""Group results of a workshop: aggregated judgments, consensus, disagreements, tables.

Pure functions on a model dict (the model file format) and the participants' submissions
(:class:`swot.store.Submission`, or anything with ``participant_name`` and ``judgments``, and
optionally ``judged``, the matrices they have judged, and ``weight``).

**Only what people judged counts.** A matrix enters a person's contribution only when it is in
their ``judged`` (None or absent: every matrix) and, for a pairwise matrix, its judgments connect
every item (else it is *incomplete*). A matrix nobody has judged keeps the model's own judgments
in the group model, and :func:`unjudged_matrices` names it.

Pairwise matrices are aggregated by the weighted geometric mean of the judgments (AIJ,
:func:`anp.aggregate_judgments`); ratings, which are scores on an absolute scale rather than
ratios, by the weighted arithmetic mean of each participant's normalised ratings (AIP by the
arithmetic mean, Forman & Peniwati 1998, EJOR 108:165–169), so one participant's 0 does not veto
a strategy. A participant whose ratings for a factor are blank or all 0 is left out of that
factor's mean. Consensus is Goepel's AHP consensus indicator S* (:func:`anp.ahp_consensus`) with
his word scale; per comparison, the geometric standard deviation of the judgments.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

import numpy as np
import pandas as pd

import anp
from swot.errors import SwotError
from swot.judgment_cells import matrix_items, matrix_paths, value_at

JUDGMENT_COLUMNS = ("participant", "matrix", "item_i", "item_j", "value")
DISAGREEMENT_COLUMNS = (
    "matrix", "item_i", "item_j", "judges", "dispersion", "lowest", "highest", "opposed",
)
CONSISTENCY_COLUMNS = ("participant", "matrix", "n", "cr", "passes")
CONSENSUS_COLUMNS = ("matrix", "n", "judges", "consensus", "band")
STATUS_COLUMNS = ("participant", "matrix", "status", "cr")
JUDGED, INCOMPLETE, NOT_YET = "judged", "incomplete", "not yet"


class WorkshopResultError(SwotError):
    """Group results cannot be computed from these submissions."""


class SubmissionLike(Protocol):
    """What the group functions read from a submission (read only)."""

    @property
    def participant_name(self) -> str: ...

    @property
    def judgments(self) -> dict[str, Any]: ...


_MATRIX_ENTRIES = ("judgments.group_dependence.", "judgments.links.", "judgments.clusters.")


def _pairwise_matrices(model: Mapping[str, Any]) -> Iterator[tuple[str, tuple[str, ...], tuple]]:
    """(path, item ids, keys into the judgments object) of every pairwise matrix; the path
    names the matrix itself (``judgments.groups``, ``judgments.strategies.W6.pairwise``)."""
    for path, ids, keys, kind in matrix_items(model):
        if kind == "pairwise":
            suffix = ".matrix" if path.startswith(_MATRIX_ENTRIES) else (
                ".pairwise" if path.startswith("judgments.strategies.") else "")
            yield path + suffix, ids, keys


def _ratings(model: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    for factor, entry in model["judgments"]["strategies"].items():
        if "ratings" in entry:
            yield f"judgments.strategies.{factor}.ratings", factor


def matrix_of(path: str) -> str:
    """The matrix path (:func:`swot.judgment_cells.matrix_paths`) of a table's path."""
    for suffix in (".matrix", ".pairwise", ".ratings"):
        if path.endswith(suffix):
            return path.removesuffix(suffix)
    return path


def _stack(submissions: Sequence[SubmissionLike], keys: Sequence[str], path: str) -> np.ndarray:
    try:
        rows = [value_at(s.judgments, keys) for s in submissions]
    except (KeyError, TypeError) as exc:
        raise WorkshopResultError(f"a submission lacks a valid {path} ({exc})") from exc
    try:
        return np.array([[[np.nan if v is None else v for v in r] for r in m] for m in rows], float)
    except (TypeError, ValueError) as exc:  # numpy's parse: ragged rows or a non-number
        raise WorkshopResultError(f"a submission lacks a valid {path} ({exc})") from exc


def _rating_stack(submissions: Sequence[SubmissionLike], factor: str) -> np.ndarray:
    """Each participant's normalised ratings; NaN rows for blank or all-zero ratings."""
    raw = [s.judgments["strategies"][factor]["ratings"] for s in submissions]
    stack = np.array([[np.nan if v is None else v for v in row] for row in raw], float)
    sums = stack.sum(axis=1, keepdims=True)
    return np.where(sums > 0, stack / np.where(sums > 0, sums, 1.0), np.nan)


def _require(submissions: Sequence[SubmissionLike]) -> None:
    if not submissions:
        raise WorkshopResultError("no submissions yet: group results need at least one")


def _plain(matrix: np.ndarray) -> list[list[float | None]]:
    return [[None if np.isnan(v) else float(v) for v in row] for row in matrix]


def _set(judgments: dict[str, Any], keys: Sequence[str], value: Any) -> None:
    value_at(judgments, keys[:-1])[keys[-1]] = value


def _said_judged(submission: SubmissionLike, matrix: str) -> bool:
    judged = getattr(submission, "judged", None)
    return judged is None or matrix in judged


def _connected(matrix: np.ndarray) -> bool:
    try:
        anp.priority(matrix)
    except anp.ANPError:
        return False
    return True


def judgment_status(submission: SubmissionLike, model: Mapping[str, Any], matrix: str) -> str:
    """``"judged"``, ``"incomplete"`` (judged, but blanks leave an item unconnected) or
    ``"not yet"`` for one person's matrix (a matrix path of the model)."""
    if not _said_judged(submission, matrix):
        return NOT_YET
    for path, _ids, keys in _pairwise_matrices(model):
        if matrix_of(path) == matrix:
            return JUDGED if _connected(_stack([submission], keys, path)[0]) else INCOMPLETE
    factor = matrix.removeprefix("judgments.strategies.")
    ratings = _rating_stack([submission], factor)
    return INCOMPLETE if np.isnan(ratings).any() else JUDGED


def _judges(submissions: Sequence[SubmissionLike], model: Mapping[str, Any],
            matrix: str) -> list[int]:
    return [k for k, s in enumerate(submissions)
            if judgment_status(s, model, matrix) == JUDGED]


def _weights(submissions: Sequence[SubmissionLike],
             weights: Sequence[float] | None) -> np.ndarray:
    if weights is not None:
        if len(weights) != len(submissions):
            raise WorkshopResultError(
                f"{len(weights)} weights given for {len(submissions)} submissions")
        return np.asarray(weights, float)
    return np.array([float(getattr(s, "weight", 1.0)) for s in submissions])


def unjudged_matrices(model: Mapping[str, Any],
                      submissions: Sequence[SubmissionLike]) -> list[str]:
    """Matrices (model paths) that nobody among ``submissions`` has judged."""
    return [m for m in matrix_paths(model) if not _judges(submissions, model, m)]


def group_judgments(
    model: Mapping[str, Any],
    submissions: Sequence[SubmissionLike],
    weights: Sequence[float] | None = None,
) -> dict[str, Any]:
    """The group's judgments object: every matrix and rating aggregated over those who judged
    it (weighted by ``weights``, else by each submission's ``weight``); a matrix nobody judged
    keeps the model's judgments."""
    _require(submissions)
    w_all = _weights(submissions, weights)
    result = copy.deepcopy(dict(model["judgments"]))
    for path, _ids, keys in _pairwise_matrices(model):
        who = _judges(submissions, model, matrix_of(path))
        if not who:
            continue
        stack = _stack([submissions[k] for k in who], keys, path)
        aggregated = anp.aggregate_judgments(stack, w_all[who])
        np.fill_diagonal(aggregated, 1.0)
        _set(result, keys, _plain(aggregated))
    for path, factor in _ratings(model):
        who = _judges(submissions, model, matrix_of(path))
        if not who:
            continue
        stack = _rating_stack([submissions[k] for k in who], factor)
        w = w_all[who]
        combined = w @ stack / w.sum()
        result["strategies"][factor] = {"ratings": [float(v) for v in combined]}
    return result


def group_model(
    model: Mapping[str, Any],
    submissions: Sequence[SubmissionLike],
    weights: Sequence[float] | None = None,
) -> dict[str, Any]:
    """A copy of the model with the group's judgments, ready to evaluate and rank."""
    result = copy.deepcopy(dict(model))
    result["judgments"] = group_judgments(model, submissions, weights)
    result["judgments_note"] = "group judgments of " + ", ".join(
        s.participant_name for s in submissions
    )
    result["illustrative_judgments"] = False
    return result


def consensus_table(
    model: Mapping[str, Any],
    submissions: Sequence[SubmissionLike],
    weights: Sequence[float] | None = None,
) -> pd.DataFrame:
    """Goepel's AHP consensus indicator S* and its word per matrix of 2+ items, over those who
    judged it; NaN and ``"n/a"`` where fewer than two people did.

    Columns: matrix, n (items), judges, consensus, band.
    """
    _require(submissions)
    w_all = _weights(submissions, weights)
    rows = []
    for path, ids, keys in _pairwise_matrices(model):
        if len(ids) < 2:
            continue
        who = _judges(submissions, model, matrix_of(path))
        value = np.nan
        if len(who) >= 2:
            priorities = anp.priority(_stack([submissions[k] for k in who], keys, path))
            value = anp.ahp_consensus(priorities, w_all[who])
        rows.append((path, len(ids), len(who), value))
    for path, factor in _ratings(model):
        who = _judges(submissions, model, matrix_of(path))
        value = np.nan
        if len(who) >= 2:
            stack = _rating_stack([submissions[k] for k in who], factor)
            value = anp.ahp_consensus(stack, w_all[who])
        rows.append((path, len(model["strategies"]), len(who), value))
    table = pd.DataFrame(rows, columns=list(CONSENSUS_COLUMNS[:-1]))
    table["band"] = ["n/a" if np.isnan(v) else anp.consensus_band(v) for v in table["consensus"]]
    return table


def consensus_by_matrix(
    model: Mapping[str, Any],
    submissions: Sequence[SubmissionLike],
    weights: Sequence[float] | None = None,
) -> dict[str, float]:
    """S* per matrix that at least two people judged (see :func:`consensus_table`)."""
    table = consensus_table(model, submissions, weights)
    return {p: float(v) for p, v in zip(table["matrix"], table["consensus"], strict=True)
            if not np.isnan(v)}


def disagreements(
    model: Mapping[str, Any], submissions: Sequence[SubmissionLike], top: int | None = 10
) -> pd.DataFrame:
    """The comparisons with the largest geometric dispersion among those who judged them.

    Columns: matrix, item_i, item_j, judges, dispersion (geometric standard deviation, 1 =
    agreement), lowest, highest, opposed (someone favours i and someone else favours j).
    Only comparisons at least two people judged; ``top`` None: all of them.
    """
    _require(submissions)
    rows = []
    for path, ids, keys in _pairwise_matrices(model):
        who = _judges(submissions, model, matrix_of(path))
        if len(who) < 2:
            continue
        stack = _stack([submissions[k] for k in who], keys, path)
        spread = anp.geometric_dispersion(stack)
        counts = (~np.isnan(stack)).sum(axis=0)
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                if counts[i, j] >= 2:
                    low, high = float(np.nanmin(stack[:, i, j])), float(np.nanmax(stack[:, i, j]))
                    rows.append((path, ids[i], ids[j], int(counts[i, j]), float(spread[i, j]),
                                 low, high, bool(low < 1 < high)))
    table = pd.DataFrame(rows, columns=list(DISAGREEMENT_COLUMNS))
    table = table.sort_values("dispersion", ascending=False, kind="stable")
    return (table if top is None else table.head(top)).reset_index(drop=True)


def consistency_table(
    model: Mapping[str, Any], submissions: Sequence[SubmissionLike]
) -> pd.DataFrame:
    """Each participant's consistency ratio per judged pairwise matrix of 3 or more items."""
    rows = []
    for path, ids, keys in _pairwise_matrices(model):
        if len(ids) < 3:
            continue
        for submission in submissions:
            if judgment_status(submission, model, matrix_of(path)) != JUDGED:
                continue
            result = anp.consistency(_stack([submission], keys, path)[0])
            rows.append((submission.participant_name, path, len(ids), result.cr, result.passes))
    return pd.DataFrame(rows, columns=list(CONSISTENCY_COLUMNS))


def status_table(
    model: Mapping[str, Any], submissions: Sequence[SubmissionLike]
) -> pd.DataFrame:
    """Per participant and matrix: judged / incomplete / not yet, and the CR where defined.

    Columns: participant, matrix (model path), status, cr (NaN for 2 items, ratings, and
    matrices not judged).
    """
    crs = consistency_table(model, submissions)
    cr = {(p, matrix_of(m)): c for p, m, c in zip(crs["participant"], crs["matrix"], crs["cr"],
                                                   strict=True)}
    rows = [
        (s.participant_name, m, judgment_status(s, model, m),
         cr.get((s.participant_name, m), np.nan))
        for s in submissions for m in matrix_paths(model)
    ]
    return pd.DataFrame(rows, columns=list(STATUS_COLUMNS))


def participant_judgments_table(
    submissions: Sequence[SubmissionLike], model: Mapping[str, Any]
) -> pd.DataFrame:
    """Every participant's judgments, one row per matrix and pair i < j (ratings: one per item).

    Columns: participant, matrix (JSON path), item_i, item_j (empty for a rating), value
    (NaN for a missing judgment); blank out what was not judged first
    (:func:`swot.workshop_report.masked`).
    """
    rows: list[tuple[str, str, str, str, float]] = []
    strategy_ids = [s["id"] for s in model["strategies"]]
    for submission in submissions:
        name = submission.participant_name
        for path, ids, keys in _pairwise_matrices(model):
            matrix = _stack([submission], keys, path)[0]
            rows += [
                (name, path, ids[i], ids[j], float(matrix[i, j]))
                for i in range(len(ids))
                for j in range(i + 1, len(ids))
            ]
        for path, factor in _ratings(model):
            ratings = submission.judgments["strategies"][factor]["ratings"]
            rows += [
                (name, path, item, "", np.nan if value is None else float(value))
                for item, value in zip(strategy_ids, ratings, strict=True)
            ]
    return pd.DataFrame(rows, columns=list(JUDGMENT_COLUMNS))
