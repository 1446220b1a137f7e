"""Everything the facilitator's and the projector's views show about a workshop, computed in
one go from its submissions (so a page can keep it until the submissions change).

:func:`build_report` is pure: the caller reads the store (each participant's latest submission
per round, with and without those left out) and passes the submissions in.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from swot.analysis import evaluate
from swot.errors import PROJECT_ERRORS
from swot.io import model_from_dict
from swot.judgment_cells import matrix_items, value_at
from swot.scenarios import compare_rankings, judgments_side_by_side
from swot.workshop import (
    JUDGED,
    SubmissionLike,
    consensus_table,
    disagreements,
    group_judgments,
    group_model,
    judgment_status,
    status_table,
    unjudged_matrices,
)

EVERYONE, INCLUDED = "everyone", "without those left out"
OVERALL = "\x00overall"  # the overall group among subgroups: no typed tag can be it


@dataclass(frozen=True)
class WorkshopReport:
    """Group results of one workshop at one state of its submissions."""

    submitted: int
    included: int
    error: str = ""
    rankings: pd.DataFrame | None = None  # compare_rankings: everyone / without those left out
    ranking_names: tuple[str, ...] = ()
    ranking: pd.DataFrame | None = None  # the group ranking (Evaluation.strategies)
    side: pd.DataFrame | None = None  # judgments side by side, blanks where not judged
    consensus: pd.DataFrame | None = None
    disputes: pd.DataFrame | None = None
    status: pd.DataFrame | None = None
    unjudged: tuple[str, ...] = ()
    subgroups: pd.DataFrame | None = None  # compare_rankings: overall and each subgroup
    subgroup_names: tuple[str, ...] = ()
    rounds: pd.DataFrame | None = None  # round, mean consensus, judged matrices
    round_rankings: pd.DataFrame | None = None  # round, id, priority, rank
    individual: Mapping[str, Any] = field(default_factory=dict)  # name -> judgments (masked)


def masked(submission: SubmissionLike, model: Mapping[str, Any]) -> dict[str, Any]:
    """A submission's judgments with every matrix it has not judged blanked (None)."""
    out = copy.deepcopy(submission.judgments)
    for path, _ids, keys, kind in matrix_items(model):
        if judgment_status(submission, model, path) == JUDGED:
            continue
        holder = value_at(out, keys[:-1])
        value = holder[keys[-1]]
        holder[keys[-1]] = ([None] * len(value) if kind == "ratings" else
                             [[1 if i == j else None for j in range(len(row))]
                              for i, row in enumerate(value)])
    return out


def _as_masked(submissions: Sequence[SubmissionLike], model: Mapping[str, Any]) -> list[Any]:
    out = []
    for s in submissions:
        if dataclasses.is_dataclass(s):
            out.append(dataclasses.replace(s, judgments=masked(s, model)))
        else:
            out.append(_Masked(s.participant_name, masked(s, model)))
    return out


@dataclass(frozen=True)
class _Masked:
    participant_name: str
    judgments: dict[str, Any]


def _round_summary(model: Mapping[str, Any],
                   rounds: Mapping[int, Sequence[SubmissionLike]]) -> tuple[pd.DataFrame,
                                                                             pd.DataFrame]:
    summary, rankings = [], []
    for number, subs in sorted(rounds.items()):
        if not subs:
            continue
        table = consensus_table(model, subs)
        values = table["consensus"].dropna()
        summary.append((number, len(subs), float(values.mean()) if len(values) else np.nan,
                        float(values.min()) if len(values) else np.nan, len(values)))
        try:
            ranked = evaluate(model_from_dict(group_model(model, subs))).strategies
        except PROJECT_ERRORS:  # a round whose group result cannot be ranked: no ranking
            continue
        rankings += [(number, r.id, r.priority, int(r.rank)) for r in ranked.itertuples()]
    return (
        pd.DataFrame(summary, columns=["round", "submitted", "mean_consensus",
                                       "lowest_consensus", "matrices"]),
        pd.DataFrame(rankings, columns=["round", "id", "priority", "rank"]),
    )


def build_report(
    model: Mapping[str, Any],
    everyone: Sequence[SubmissionLike],
    included: Sequence[SubmissionLike],
    rounds: Mapping[int, Sequence[SubmissionLike]] | None = None,
) -> WorkshopReport:
    """The group results: rankings with and without those left out, group and individual
    judgments (blank where not judged), consensus, disputes, who judged what, subgroups and
    the rounds so far. Errors (e.g. a group model that cannot be ranked) go into ``error``."""
    submitted, counted = len(everyone), len(included)
    if not everyone:
        return WorkshopReport(submitted=submitted, included=counted)
    used = list(included) or list(everyone)
    try:
        models = {EVERYONE: group_model(model, everyone)}
        if included and len(included) < len(everyone):
            models[INCLUDED] = group_model(model, included)
        rankings = compare_rankings(models)
        overall = models[INCLUDED if INCLUDED in models else EVERYONE]  # the group of ``used``
        ranking = evaluate(model_from_dict(overall)).strategies
        shown = _as_masked(everyone, model)
        side = judgments_side_by_side(model, shown, group_judgments(model, used))
        groups: dict[str, list[SubmissionLike]] = {}
        for s in used:
            tag = getattr(s, "subgroup", "")
            if tag:
                groups.setdefault(tag, []).append(s)
        subgroup_models = {OVERALL: overall}
        subgroup_models |= {tag: group_model(model, subs) for tag, subs in sorted(groups.items())}
        subgroups = compare_rankings(subgroup_models) if groups else None
        history, history_rankings = _round_summary(model, rounds or {})
        return WorkshopReport(
            submitted=submitted,
            included=counted,
            rankings=rankings,
            ranking_names=tuple(models),
            ranking=ranking,
            side=side,
            consensus=consensus_table(model, used),
            disputes=disagreements(model, used, top=None),
            status=status_table(model, everyone),
            unjudged=tuple(unjudged_matrices(model, used)),
            subgroups=subgroups,
            subgroup_names=tuple(subgroup_models) if groups else (),
            rounds=history,
            round_rankings=history_rankings,
            individual={s.participant_name: s.judgments for s in shown},
        )
    except PROJECT_ERRORS as exc:  # swot's (the store's and workshop's too) and anp's
        return WorkshopReport(submitted=submitted, included=counted, error=str(exc))
