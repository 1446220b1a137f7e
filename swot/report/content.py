"""The report's content: blocks of text, tables and charts, built once, in the report's language.

:func:`build_report` evaluates the model, runs the analyses the report shows (near-tie verdict,
one-way sweeps of the group weights, Monte Carlo robustness) and returns a :class:`Report`, a
list of blocks whose every string is final (translated, numbers formatted, Persian digits in
Persian). The PDF and HTML renderers only lay these blocks out, so both formats carry the same
content. Sections are the functions in :data:`SECTIONS`, in order; a model kind with more to say
(a network's structure, :mod:`swot.report.network`) adds a function there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from anp import random_index
from swot.analysis import Evaluation, EvaluationError, evaluate
from swot.model import GROUPS, SwotModel
from swot.report.blocks import (
    BarChart,
    Block,
    Heading,
    HeatMap,
    Paragraph,
    Quadrants,
    Report,
    Table,
    missing_glyphs,
    text_direction,
)
from swot.report.network import hierarchy_note, method_network, structure_section
from swot.report.text import (
    NETWORK_REFERENCES,
    REFERENCES,
    digits,
    fmt_date,
    fmt_int,
    fmt_num,
    fmt_pct,
    group_name,
    in_lang,
    ltr,
    matrix_name,
    tr,
)
from swot.sensitivity import Robustness, robustness, sweep_group
from swot.verdict import verdict

__all__ = ["ReportInput", "WorkshopInfo", "build_report"]

GROUP_COLOURS = {"S": "#2e7d32", "W": "#c62828", "O": "#1565c0", "T": "#ef6c00"}
BAR_COLOUR = "#37474f"


@dataclass(frozen=True)
class WorkshopInfo:
    """What the report says about a workshop's group result."""

    code: str
    participants: int
    consensus: dict[str, float]  # matrix path -> S*
    disputed: pd.DataFrame  # swot.workshop.disagreements


@dataclass(frozen=True)
class ReportInput:
    """Everything a report is made from; the same input gives the same report."""

    model: SwotModel
    lang: str
    day: dt.date
    source_kind: str  # "file", "scenario", "workshop" or "app"
    source_name: str
    model_sha256: str
    engine: str
    command: str
    seed: int = 1
    samples: int = 10_000
    workshop: WorkshopInfo | None = None


@dataclass(frozen=True)
class _Context:
    """The input with its analyses (``result`` and ``mc`` are None when unrankable)."""

    inp: ReportInput
    result: Evaluation | None
    mc: Robustness | None
    problems: list[str]

    @property
    def lang(self) -> str:
        return self.inp.lang

    def t(self, key: str, **values: str) -> str:
        return tr(key, self.lang, **values)

    def num(self, value: float, places: int = 3) -> str:
        return fmt_num(value, self.lang, places)

    def strategy(self, sid: str) -> str:
        return f"{sid} {self.inp.model.strategy(sid).label(self.lang)}"


# -------------------------------------------------------------------------- sections


def _title(c: _Context) -> list[Block]:
    model, lang = c.inp.model, c.lang
    title = in_lang(model.title, lang)
    goal = in_lang(model.goal, lang)
    source = f"{c.t('source_' + c.inp.source_kind)}: {ltr(c.inp.source_name, c.lang)}"
    blocks: list[Block] = [
        Heading(title, 0),
        Paragraph(f"{c.t('report')} — {c.t('date')}: {fmt_date(c.inp.day, lang)}", "small"),
        Paragraph(f"{c.t('goal')}: {goal}"),
        Paragraph(source, "small"),
        Paragraph(f"{c.t('structure_used')}: {c.t('structure_' + model.structure)}", "small"),
    ]
    if model.illustrative_judgments:
        blocks.append(Paragraph(c.t("illustrative"), "notice"))
    if model.judgments_note:
        blocks += [Paragraph(c.t("note"), "small"),
                   Paragraph(model.judgments_note, "small", text_direction(model.judgments_note))]
    if c.problems:
        blocks.append(Paragraph("\n".join([c.t("cannot_rank"), *c.problems]), "notice"))
    return blocks


def _summary(c: _Context) -> list[Block]:
    if c.result is None or c.mc is None:
        return []
    v = verdict(c.result)
    table = c.result.strategies
    ids = list(table["id"])
    if v.tied:
        lead = c.t("lead_tied", s="، ".join(v.leaders) if c.lang == "fa" else ", ".join(v.leaders),
                   m=fmt_pct(v.margin, c.lang, 0))
    elif len(ids) == 1:
        lead = c.t("lead_only", s=c.strategy(ids[0]))
    else:
        lead = c.t("lead_one", s=c.strategy(ids[0]), p=c.num(table["priority"].iloc[0]),
                   n=ids[1], g=fmt_pct(v.gap, c.lang))
    p_first = c.mc.summary.set_index("id")["p_first"]
    text = [lead, c.t("robust", n=fmt_int(c.mc.samples, c.lang),
                      sp=digits(f"{c.mc.spread:g}", c.lang),
                      seed=fmt_int(c.mc.seed, c.lang), s=v.leaders[0],
                      p=fmt_pct(float(p_first[v.leaders[0]]), c.lang))]
    if v.tied:
        text.append(c.t("robust_tied", p=fmt_pct(float(p_first[v.leaders].sum()), c.lang)))
    n = len(c.result.consistency)
    if v.consistent:
        text.append(c.t("consistent_all", n=fmt_int(n, c.lang)))
    else:
        names = [matrix_name(p, c.inp.model, c.lang) for p in v.failing["matrix"]]
        text.append(c.t("consistent_fail", k=fmt_int(len(v.failing), c.lang),
                        n=fmt_int(n, c.lang), names="؛ ".join(names) if c.lang == "fa"
                        else "; ".join(names)))
    return [Heading(c.t("summary")), Paragraph(" ".join(text))]


def _ranking(c: _Context) -> list[Block]:
    if c.result is None or c.mc is None:
        return []
    table = c.result.strategies
    model = c.inp.model
    labels = [model.strategy(s).label(c.lang) for s in table["id"]]
    top = float(table["priority"].max())
    chart = BarChart(c.t("ranking_chart"), [f"{s} {x}" for s, x in zip(
        table["id"], labels, strict=True)],
        list(table["priority"] / top) if top > 0 else [0.0] * len(table),
        [c.num(p) for p in table["priority"]], [BAR_COLOUR] * len(table))
    p_first = c.mc.summary.set_index("id")["p_first"]
    rows = [[fmt_int(int(r.rank), c.lang), r.id, label, r.tows, c.num(r.priority),
             c.num(r.ideal), fmt_pct(float(p_first[r.id]), c.lang)]
            for r, label in zip(table.itertuples(), labels, strict=True)]
    header = [c.t(k) for k in ("col_rank", "col_id", "col_strategy", "col_tows",
                               "col_priority", "col_ideal", "col_p_first")]
    return [Heading(c.t("ranking")), chart,
            Table(header, rows, [True, False, False, False, True, True, True],
                  [0.6, 0.6, 4.2, 0.7, 0.9, 0.8, 1.0])]


def _provenance(c: _Context, fid: str) -> str:
    f = c.inp.model.factor(fid)
    text = c.t(f.provenance)
    if f.source is not None:
        text += f" — {ltr(f.source.file, c.lang)} {c.t('line')} {fmt_int(f.source.line, c.lang)}"
    return text


def _factors(c: _Context) -> list[Block]:
    model = c.inp.model
    weights = ({} if c.result is None
               else c.result.factors.set_index("id")["global_weight"].to_dict())
    header = [c.t("col_id"), f"{c.t('col_factor')} — {c.t('col_provenance')}",
              c.t("col_global")]
    tables = [Table(header, [[f.id, f"{f.label(c.lang)}\n{_provenance(c, f.id)}",
                              c.num(weights.get(f.id, float("nan")))]
                             for f in model.factors[g]],
                    [False, False, True], [0.8, 3.8, 0.95]) for g in GROUPS]
    note = "factors_note_network" if model.structure == "network" else "factors_note"
    return [Heading(c.t("factors")), Paragraph(c.t(note), "small"),
            Quadrants([group_name(g, c.lang) for g in GROUPS], tables,
                      [GROUP_COLOURS[g] for g in GROUPS])]


def _weights(c: _Context) -> list[Block]:
    if c.result is None:
        return []
    gw = c.result.group_weights
    group_chart = BarChart(c.t("group_chart"), [group_name(g, c.lang) for g in GROUPS],
                           list(gw / gw.max()), [c.num(float(gw[g])) for g in GROUPS],
                           [GROUP_COLOURS[g] for g in GROUPS])
    f = c.result.factors.sort_values("global_weight", ascending=False, kind="stable")
    top = float(f["global_weight"].max())
    factor_chart = BarChart(
        c.t("factor_chart"),
        [f"{fid} {c.inp.model.factor(fid).label(c.lang)}" for fid in f["id"]],
        list(f["global_weight"] / top), [c.num(w) for w in f["global_weight"]],
        [GROUP_COLOURS[g] for g in f["group"]])
    return [Heading(c.t("weights")), group_chart, factor_chart]


def _consistency(c: _Context) -> list[Block]:
    if c.result is None:
        return []
    rows = [[matrix_name(r.matrix, c.inp.model, c.lang), fmt_int(int(r.n), c.lang),
             c.num(r.cr), c.num(r.threshold, 2), c.t("yes") if r.passes else c.t("no")]
            for r in c.result.consistency.itertuples()]
    header = [c.t(k) for k in ("col_matrix", "col_n", "col_cr", "col_threshold", "col_passes")]
    blocks: list[Block] = [Heading(c.t("consistency")), Paragraph(c.t("consistency_note"),
                                                                  "small")]
    if not rows:
        return [*blocks, Paragraph(c.t("no_matrices"))]
    return [*blocks, Table(header, rows, [False, True, True, True, False],
                           [4.0, 0.5, 0.8, 0.9, 0.7])]


def _shown_reversals(reversals: pd.DataFrame, current: float) -> pd.DataFrame:
    """The reversals that change first place and the nearest one on each side of the current
    weight (how far the weight can move before any two strategies swap)."""
    below = reversals[reversals["weight"] <= current].tail(1)
    above = reversals[reversals["weight"] > current].head(1)
    keep = reversals["top_change"].astype(bool) | reversals.index.isin(
        [*below.index, *above.index])
    return reversals[keep]


def _sensitivity(c: _Context) -> list[Block]:
    if c.result is None:
        return []
    rows, total = [], 0
    for g in GROUPS:
        sweep = sweep_group(c.inp.model, g, result=c.result)
        name, current = group_name(g, c.lang), c.num(sweep.current)
        total += len(sweep.reversals)
        if sweep.reversals.empty:
            rows.append([name, current, c.t("no_reversal"), "", "", ""])
        for r in _shown_reversals(sweep.reversals, sweep.current).itertuples():
            rows.append([name, current, c.num(r.weight), r.strategy_a, r.strategy_b,
                         c.t("yes") if r.top_change else ""])
    header = [c.t(k) for k in ("col_group", "col_current", "col_at", "col_below", "col_above",
                               "col_top")]
    return [Heading(c.t("sensitivity")),
            Paragraph(" ".join([c.t("sensitivity_note"),
                                c.t("sensitivity_shown", n=fmt_int(total, c.lang))]), "small"),
            Table(header, rows, [False, True, True, False, False, False],
                  [1.8, 1.0, 1.2, 1.0, 1.0, 1.0])]


def _montecarlo(c: _Context) -> list[Block]:
    if c.mc is None:
        return []
    probs = c.mc.rank_probabilities
    ranks = [col for col in probs.columns if col.startswith("rank_")]
    values = probs[ranks].to_numpy(float)
    heat = HeatMap(
        c.t("heat_title"),
        [f"{sid} {c.inp.model.strategy(sid).label(c.lang)}" for sid in probs["id"]],
        [c.t("rank_n", r=fmt_int(k + 1, c.lang)) for k in range(len(ranks))],
        values.tolist(),
        [[fmt_pct(v, c.lang, 0) if v >= 0.005 else "" for v in row] for row in values])
    return [Heading(c.t("montecarlo")),
            Paragraph(c.t("montecarlo_note", n=fmt_int(c.mc.samples, c.lang),
                          seed=fmt_int(c.mc.seed, c.lang), sp=f"{c.mc.spread:g}"), "small"),
            heat]


def _workshop(c: _Context) -> list[Block]:
    w = c.inp.workshop
    if w is None:
        return []
    model = c.inp.model
    blocks: list[Block] = [
        Heading(c.t("workshop")),
        Paragraph(c.t("participants", code=w.code, n=fmt_int(w.participants, c.lang))),
        Heading(c.t("consensus"), 2),
        Table([c.t("col_matrix"), c.t("col_consensus")],
              [[matrix_name(p, model, c.lang), c.num(s)] for p, s in w.consensus.items()],
              [False, True], [4.0, 1.0]),
        Heading(c.t("disputed"), 2),
    ]
    rows = [[matrix_name(r.matrix, model, c.lang), r.item_i, r.item_j, c.num(r.dispersion),
             c.num(r.lowest, 2), c.num(r.highest, 2)] for r in w.disputed.itertuples()]
    header = [c.t(k) for k in ("col_matrix", "col_item_i", "col_item_j", "col_dispersion",
                               "col_lowest", "col_highest")]
    blocks.append(Table(header, rows, [False, False, False, True, True, True],
                        [3.0, 0.7, 0.7, 1.2, 0.8, 0.8]))
    return blocks


def _method(c: _Context) -> list[Block]:
    network = c.inp.model.structure == "network"
    blocks: list[Block] = [Heading(c.t("method"))]
    if network:
        blocks += method_network(c)
    else:
        blocks.append(Paragraph(c.t("method_steps")))
        if c.inp.model.weighting == "direct":
            blocks.append(Paragraph(c.t("method_direct")))
        blocks += hierarchy_note(c)
    blocks += [Paragraph(c.t("method_priority")), Paragraph(c.t("consistency_note")),
               Heading(c.t("ri_table"), 2)]
    sizes = list(range(3, 16))
    blocks.append(Table([c.t("col_n"), *[fmt_int(n, c.lang) for n in sizes]],
                        [[c.t("col_ri"), *[c.num(random_index(n), 2) for n in sizes]]],
                        [False, *[True] * len(sizes)], [1.6, *[0.5] * len(sizes)]))
    blocks.append(Heading(c.t("references"), 2))
    blocks += [Paragraph(ref, "small", "ltr")
               for ref in (NETWORK_REFERENCES if network else REFERENCES)]
    if c.inp.model.sources:
        blocks.append(Heading(c.t("sources"), 2))
        blocks += [Paragraph(f"{ltr(s.file, c.lang)}: {s.title}", "small")
                   for s in c.inp.model.sources]
    return blocks


def _reproducibility(c: _Context) -> list[Block]:
    inp = c.inp
    return [Heading(c.t("repro")),
            Paragraph(f"{c.t('repro_sha')}: {ltr(inp.model_sha256, c.lang)}", "small"),
            Paragraph(f"{c.t('repro_engine')}: {ltr(inp.engine, c.lang)}", "small"),
            Paragraph(f"{c.t('repro_seed')}: {fmt_int(inp.seed, c.lang)}", "small"),
            Paragraph(c.t("repro_command"), "small"),
            Paragraph(inp.command, "code")]


SECTIONS: list[Callable[[_Context], list[Block]]] = [
    _title, _summary, _ranking, _factors, _weights, structure_section, _consistency,
    _sensitivity, _montecarlo, _workshop, _method, _reproducibility,
]


def build_report(inp: ReportInput) -> Report:
    """The report's content for ``inp``. A model that cannot be ranked gives a report that
    lists what is missing, with the factors, the method and the reproducibility section."""
    try:
        result: Evaluation | None = evaluate(inp.model)
    except EvaluationError as exc:
        result, problems = None, [str(p) for p in exc.problems]
    else:
        problems = []
    mc = (None if result is None
          else robustness(inp.model, n=inp.samples, seed=inp.seed))
    ctx = _Context(inp, result, mc, problems)
    title = in_lang(inp.model.title, inp.lang)
    blocks = [block for section in SECTIONS for block in section(ctx)]
    missing = sorted(missing_glyphs(blocks))
    if missing:  # said where the reader looks first: after the title section
        at = next((k for k, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1),
                  len(blocks))
        blocks.insert(at, Paragraph(ctx.t("missing_glyphs", chars=" ".join(missing)),
                                    "notice"))
    return Report(lang=inp.lang, title=title, day=inp.day, blocks=blocks, problems=problems)
