"""Group results of a workshop: aggregated judgments, consensus, disagreements, tables.

Pure functions on a model dict (the model file format) and the participants' submissions
(:class:`swot.store.Submission`, or anything with ``participant_name`` and ``judgments``).
Pairwise matrices are aggregated by the weighted geometric mean of the judgments (AIJ,
:func:`anp.aggregate_judgments`); ratings, which are scores on an absolute scale rather than
ratios, by the weighted arithmetic mean of each participant's normalised ratings (AIP by the
arithmetic mean, Forman & Peniwati 1998, EJOR 108:165–169), so one participant's 0 does not veto
a strategy. A participant whose ratings for a factor are blank or all 0 is left out of that
factor's mean.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

import numpy as np
import pandas as pd

import anp

GROUPS = ("S", "W", "O", "T")
JUDGMENT_COLUMNS = ("participant", "matrix", "item_i", "item_j", "value")
DISAGREEMENT_COLUMNS = ("matrix", "item_i", "item_j", "dispersion", "lowest", "highest")
CONSISTENCY_COLUMNS = ("participant", "matrix", "n", "cr", "passes")


class WorkshopResultError(ValueError):
    """Group results cannot be computed from these submissions."""


class SubmissionLike(Protocol):
    """What the group functions read from a submission."""

    participant_name: str
    judgments: dict[str, Any]


def _pairwise_matrices(model: Mapping[str, Any]) -> Iterator[tuple[str, tuple[str, ...], tuple]]:
    """(path, item ids, keys into the judgments object) of every pairwise matrix."""
    judgments = model["judgments"]
    yield "judgments.groups", GROUPS, ("groups",)
    for group, entry in (judgments.get("group_dependence") or {}).items():
        yield (
            f"judgments.group_dependence.{group}.matrix",
            tuple(entry["groups"]),
            ("group_dependence", group, "matrix"),
        )
    for group in GROUPS:
        ids = tuple(f["id"] for f in model["factors"][group])
        yield f"judgments.factors.{group}", ids, ("factors", group)
    strategy_ids = tuple(s["id"] for s in model["strategies"])
    for factor, entry in judgments["strategies"].items():
        if "pairwise" in entry:
            yield (
                f"judgments.strategies.{factor}.pairwise",
                strategy_ids,
                ("strategies", factor, "pairwise"),
            )
    for src, sets in (judgments.get("links") or {}).items():  # the factor-level network
        for cluster, entry in sets.items():
            yield (
                f"judgments.links.{src}.{cluster}.matrix",
                tuple(entry["nodes"]),
                ("links", src, cluster, "matrix"),
            )
    for source, entry in (judgments.get("clusters") or {}).items():
        yield (
            f"judgments.clusters.{source}.matrix",
            tuple(entry["clusters"]),
            ("clusters", source, "matrix"),
        )


def _ratings(model: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    for factor, entry in model["judgments"]["strategies"].items():
        if "ratings" in entry:
            yield f"judgments.strategies.{factor}.ratings", factor


def _get(judgments: Mapping[str, Any], keys: Sequence[str]) -> Any:
    value: Any = judgments
    for key in keys:
        value = value[key]
    return value


def _stack(submissions: Sequence[SubmissionLike], keys: Sequence[str], path: str) -> np.ndarray:
    try:
        rows = [_get(s.judgments, keys) for s in submissions]
        return np.array([[[np.nan if v is None else v for v in r] for r in m] for m in rows], float)
    except (KeyError, TypeError, ValueError) as exc:
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
    _get(judgments, keys[:-1])[keys[-1]] = value


def group_judgments(
    model: Mapping[str, Any],
    submissions: Sequence[SubmissionLike],
    weights: Sequence[float] | None = None,
) -> dict[str, Any]:
    """The group's judgments object: every matrix and rating aggregated over the submissions."""
    _require(submissions)
    result = copy.deepcopy(dict(model["judgments"]))
    for path, _ids, keys in _pairwise_matrices(model):
        aggregated = anp.aggregate_judgments(_stack(submissions, keys, path), weights)
        np.fill_diagonal(aggregated, 1.0)
        _set(result, keys, _plain(aggregated))
    w = np.full(len(submissions), 1.0) if weights is None else np.asarray(weights, float)
    w = w / w.sum()
    for path, factor in _ratings(model):
        stack = _rating_stack(submissions, factor)
        rated = ~np.isnan(stack).any(axis=1)
        if not rated.any():
            raise WorkshopResultError(f"{path}: nobody has rated the strategies yet")
        combined = w[rated] @ stack[rated] / w[rated].sum()
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


def consensus_by_matrix(
    model: Mapping[str, Any],
    submissions: Sequence[SubmissionLike],
    weights: Sequence[float] | None = None,
) -> dict[str, float]:
    """Goepel's consensus index S* (0..1) per matrix and per rating, for matrices of 2+ items."""
    _require(submissions)
    out: dict[str, float] = {}
    for path, ids, keys in _pairwise_matrices(model):
        if len(ids) >= 2:
            priorities = anp.priority(_stack(submissions, keys, path))
            out[path] = anp.consensus_index(priorities, weights)
    for path, factor in _ratings(model):
        stack = _rating_stack(submissions, factor)
        rated = ~np.isnan(stack).any(axis=1)
        if rated.any():
            kept = None if weights is None else np.asarray(weights, float)[rated]
            out[path] = anp.consensus_index(stack[rated], kept)
    return out


def disagreements(
    model: Mapping[str, Any], submissions: Sequence[SubmissionLike], top: int = 10
) -> pd.DataFrame:
    """The ``top`` comparisons with the largest spread (std. dev. of log judgments)."""
    _require(submissions)
    rows = []
    for path, ids, keys in _pairwise_matrices(model):
        stack = _stack(submissions, keys, path)
        spread = anp.judgment_dispersion(stack)
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                if not np.isnan(spread[i, j]):
                    rows.append(
                        (
                            path,
                            ids[i],
                            ids[j],
                            float(spread[i, j]),
                            float(np.nanmin(stack[:, i, j])),
                            float(np.nanmax(stack[:, i, j])),
                        )
                    )
    table = pd.DataFrame(rows, columns=list(DISAGREEMENT_COLUMNS))
    table = table.sort_values("dispersion", ascending=False, kind="stable")
    return table.head(top).reset_index(drop=True)


def consistency_table(
    model: Mapping[str, Any], submissions: Sequence[SubmissionLike]
) -> pd.DataFrame:
    """Each participant's consistency ratio per pairwise matrix of 3 or more items."""
    rows = []
    for path, ids, keys in _pairwise_matrices(model):
        if len(ids) < 3:
            continue
        for submission in submissions:
            result = anp.consistency(_stack([submission], keys, path)[0])
            rows.append((submission.participant_name, path, len(ids), result.cr, result.passes))
    return pd.DataFrame(rows, columns=list(CONSISTENCY_COLUMNS))


def participant_judgments_table(
    submissions: Sequence[SubmissionLike], model: Mapping[str, Any]
) -> pd.DataFrame:
    """Every participant's judgments, one row per matrix and pair i < j (ratings: one per item).

    Columns: participant, matrix (JSON path), item_i, item_j (empty for a rating), value
    (NaN for a missing judgment).
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
                (name, path, item, "", float(value))
                for item, value in zip(strategy_ids, ratings, strict=True)
            ]
    return pd.DataFrame(rows, columns=list(JUDGMENT_COLUMNS))
