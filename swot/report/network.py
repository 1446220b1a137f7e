"""The report's sections for network models (structure ``"network"``): the structure (links with
their notes, cluster comparisons, the ranking with and without the dependence) and the method.

Both take the report's context (:class:`swot.report.content._Context`) and return blocks; a
hierarchy model gets no structure section and the Yüksel–Dağdeviren method text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

import anp
from swot.analysis import EvaluationError, evaluate
from swot.model import SwotModel
from swot.network import compare_dependence, linked_cluster_keys
from swot.report.blocks import Block, Heading, Paragraph, Table, text_direction
from swot.report.text import cluster_title, fmt_int, ltr

if TYPE_CHECKING:
    from swot.report.content import _Context

__all__ = ["MOVED_SHOWN", "hierarchy_note", "method_network", "structure_section"]

MOVED_SHOWN = 5  # factors listed under "moved most"


def structure_section(c: _Context) -> list[Block]:
    """For a network model: its links, cluster comparisons and the ranking with and without
    the dependence; nothing for a hierarchy."""
    model = c.inp.model
    if model.structure != "network":
        return []
    return [Heading(c.t("structure")), *_links(c), *_clusters(c), *_with_without(c)]


def _node(model: SwotModel, node: str, lang: str) -> str:
    item = model.strategy(node) if node in model.strategy_ids() else model.factor(node)
    return f"{node} {item.label(lang)}"


def _priorities(matrix: np.ndarray) -> np.ndarray | None:
    """The priorities of one judgment matrix, None when its judgments cannot give them yet
    (e.g. blanks that leave an item unlinked; the report's problems say which)."""
    try:
        return anp.priority(matrix)
    except anp.ANPError:
        return None


def _note(c: _Context, src: str, target: str, cluster: str) -> str:
    note = c.inp.model.links[src][cluster].notes.get(target)
    if note is None or (not note.text and note.source is None):
        return c.t("no_note")
    parts = []
    if note.text:
        # a note in the other script keeps its own direction inside the cell
        parts.append(ltr(note.text, c.lang) if text_direction(note.text) == "ltr"
                     else note.text)
    if note.source is not None:
        parts.append(f"{ltr(note.source.file, c.lang)} {c.t('line')} "
                     f"{fmt_int(note.source.line, c.lang)}")
    return "\n".join(parts)


def _links(c: _Context) -> list[Block]:
    model = c.inp.model
    rows, counts = [], {"dependence": 0, "feedback": 0, "illustrative": 0}
    for src, sets in model.links.items():
        kind = "feedback" if src in model.strategy_ids() else "dependence"
        for cluster, link in sets.items():
            local = _priorities(link.matrix)
            for k, target in enumerate(link.nodes):
                note = link.notes.get(target)
                illustrative = note is not None and note.illustrative
                counts[kind] += 1
                counts["illustrative"] += illustrative
                rows.append([_node(model, src, c.lang), _node(model, target, c.lang),
                             c.t(f"kind_{kind}"),
                             c.num(float(local[k])) if local is not None else "—",
                             _note(c, src, target, cluster),
                             c.t("yes") if illustrative else ""])
    intro = c.t("structure_intro", d=fmt_int(counts["dependence"], c.lang),
                f=fmt_int(counts["feedback"], c.lang),
                i=fmt_int(counts["illustrative"], c.lang),
                n=fmt_int(counts["dependence"] + counts["feedback"], c.lang))
    blocks: list[Block] = [Paragraph(intro), Heading(c.t("links"), 2)]
    if not rows:
        return [*blocks, Paragraph(c.t("links_none"))]
    header = [c.t(k) for k in ("col_node", "col_on", "col_kind", "col_local_priority",
                               "col_why", "col_illustrative")]
    return [*blocks, Paragraph(c.t("links_note"), "small"),
            Table(header, rows, [False, False, False, True, False, False],
                  [1.45, 1.45, 1.0, 0.8, 3.2, 0.9])]


def _clusters(c: _Context) -> list[Block]:
    model = c.inp.model
    choices = linked_cluster_keys(model)
    blocks: list[Block] = [Heading(c.t("clusters_title"), 2),
                           Paragraph(c.t("clusters_note"), "small")]
    if not choices:
        return [*blocks, Paragraph(c.t("no_cluster_choice"))]
    rows = []
    for source, targets in choices.items():
        comparison = model.cluster_comparisons.get(source)
        basis = c.t("basis_equal" if comparison is None else "basis_compared")
        weights = (dict.fromkeys(targets, 1 / len(targets)) if comparison is None
                   else _cluster_weights(comparison.clusters, comparison.matrix))
        for target in targets:
            value = weights.get(target)
            text = "—" if value is None else c.num(value)
            rows.append([cluster_title(source, c.lang), cluster_title(target, c.lang), text,
                         basis])
    header = [c.t(k) for k in ("col_wrt", "col_cluster", "col_weight", "col_basis")]
    return [*blocks, Table(header, rows, [False, False, True, False], [1.8, 1.8, 0.8, 2.6])]


def _cluster_weights(clusters: tuple[str, ...], matrix: np.ndarray) -> dict[str, float]:
    weights = _priorities(matrix)
    return {} if weights is None else dict(zip(clusters, weights.tolist(), strict=True))


def _with_without(c: _Context) -> list[Block]:
    if c.result is None:
        return []
    model = c.inp.model
    blocks: list[Block] = [Heading(c.t("with_without"), 2),
                           Paragraph(c.t("with_without_note"), "small")]
    try:
        without = evaluate(model.set_structure("hierarchy"))
    except EvaluationError as exc:
        message = "; ".join(str(p) for p in exc.problems)
        return [*blocks, Paragraph(c.t("without_failed", message=message), "notice")]
    ranking, factors = compare_dependence(c.result, without)
    rows = [[r.id, model.strategy(r.id).label(c.lang), fmt_int(int(r.rank_with), c.lang),
             c.num(r.priority_with), fmt_int(int(r.rank_without), c.lang),
             c.num(r.priority_without)] for r in ranking.itertuples()]
    header = [c.t(k) for k in ("col_id", "col_strategy", "col_rank_with", "col_priority_with",
                               "col_rank_without", "col_priority_without")]
    blocks.append(Table(header, rows, [False, False, True, True, True, True],
                        [0.6, 4.0, 0.8, 0.9, 0.8, 0.9]))
    top = factors.head(MOVED_SHOWN)
    rows = [[r.id, model.factor(r.id).label(c.lang), c.num(r.weight_with),
             c.num(r.weight_without), _signed(c, r.change)] for r in top.itertuples()]
    header = [c.t(k) for k in ("col_id", "col_factor", "col_weight_with", "col_weight_without",
                               "col_change")]
    return [*blocks, Heading(c.t("moved_most"), 2),
            Paragraph(c.t("moved_note", k=fmt_int(len(top), c.lang),
                          n=fmt_int(len(factors), c.lang)), "small"),
            Table(header, rows, [False, False, True, True, True], [0.6, 4.0, 0.9, 0.9, 0.9])]


def _signed(c: _Context, value: float) -> str:
    """A change with its sign (+0.012, −0.008); no sign when it rounds to zero."""
    text = c.num(abs(value))
    if text == c.num(0.0):
        return text
    return ltr(("+" + text) if value > 0 else c.num(value), c.lang)


def method_network(c: _Context) -> list[Block]:
    """The method appendix's account of the network route."""
    blocks: list[Block] = [Paragraph(c.t("method_network"))]
    if c.inp.model.weighting == "direct":
        blocks.append(Paragraph(c.t("method_network_direct")))
    return blocks



def hierarchy_note(c: _Context) -> list[Block]:
    """For a hierarchy model that has links: that the hierarchy leaves them out."""
    count = sum(len(link.nodes) for sets in c.inp.model.links.values() for link in sets.values())
    return [Paragraph(c.t("hierarchy_ignores", n=fmt_int(count, c.lang)))] if count else []
