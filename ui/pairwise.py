"""The pairwise-comparison editor for one judgment matrix, and the ratings editor.

Both edit the model of a :class:`~ui.state.ModelSlot`, so they serve the session's model as
well as any other (e.g. a workshop participant's draft). Each pair i < j is one select box on
Saaty's verbal scale in both directions, plus "blank"; the widget value is a token such as
``"3"`` (i over j), ``"1/3"`` (j over i) or ``"blank"``. A matrix of more than
:data:`GRID_ABOVE` items is edited as one grid instead (:mod:`ui.grid_editor`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial

import numpy as np
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

import anp
from anp.pairwise import RECIPROCAL_RTOL
from swot import todo
from swot.model import GROUPS, STRATEGY_CLUSTER, SwotModel
from ui.charts import priorities_chart, short, show_figure
from ui.i18n import columns, isolate, persian_digits, persian_digits_on, shown_number
from ui.literal import literal
from ui.state import ModelSlot
from ui.strings import cluster_title, family, group_name, tr
from ui.tables import escape_markdown

BLANK = "blank"
OFF_SCALE = "v:"  # prefix of the token of a judgment that is not on the 1-9 scale
SCALE_TOKENS: tuple[str, ...] = (
    *(str(k) for k in range(9, 1, -1)), "1", *(f"1/{k}" for k in range(2, 10))
)
REL_TOL = RECIPROCAL_RTOL  # a value this close to a token (0.333333 for 1/3) is that token
SUGGESTIONS = 3  # how many inconsistent judgments to list
GRID_ABOVE = 12  # matrices with more items are edited as one grid (ui.grid_editor)


def matrix_title(model: SwotModel, path: str, language: str) -> str:
    """A readable name for the judgment matrix at ``path``."""
    kind, _, key = path.removeprefix("judgments.").partition(".")
    if kind == "groups":
        return tr("pairwise.matrix_groups", language)
    if kind == "group_dependence":
        return tr("pairwise.matrix_dependence", language, group=group_name(key, language))
    if kind == "factors":
        return tr("pairwise.matrix_factors", language, group=group_name(key, language))
    if kind == "clusters":  # also for a path into the entry (".matrix", ".clusters")
        return tr("network.matrix_clusters", language,
                   cluster=cluster_title(key.split(".")[0], language))
    if kind == "links":
        node, group = key.split(".")[:2]
        text = ("network.matrix_feedback" if node in model.strategy_ids()
                else "network.matrix_link")
        return tr(text, language, node=item_title(model, node, language),
                   group=group_name(group, language))
    factor = f"{key} · {model.factor(key).label(language)}"
    return tr("pairwise.matrix_strategies", language, factor=factor)


def value_of(token: str) -> float | None:
    """The judgment A[i, j] a token stands for (``None`` = blank)."""
    if token == BLANK:
        return None
    if token.startswith(OFF_SCALE):
        return float(token[len(OFF_SCALE):])
    if token.startswith("1/"):
        return 1.0 / int(token[2:])
    return float(token)


def token_of(value: float) -> str:
    """The token of judgment ``value`` (NaN = blank; off-scale values keep their value)."""
    if math.isnan(value):
        return BLANK
    for token in SCALE_TOKENS:
        scale = value_of(token)
        if scale is not None and math.isclose(value, scale, rel_tol=REL_TOL):
            return token
    return f"{OFF_SCALE}{float(value)!r}"  # float: the repr of np.float64 is not a number


def _number(x: float) -> str:
    return f"{x:g}" if x >= 1 else f"1/{1 / x:g}"


def pair_label(token: str, a: str, b: str, lang: str) -> str:
    """The verbal reading of a token for items ``a`` (row) and ``b`` (column)."""
    value = value_of(token)
    if value is None:
        return tr("pairwise.blank", lang)
    if token.startswith(OFF_SCALE):
        return tr("pairwise.off_scale", lang, a=a, b=b, v=_number(value))
    if math.isclose(value, 1.0):
        return tr("pairwise.equal", lang, a=a, b=b)
    if value > 1:
        k = round(value)
        return tr("pairwise.more", lang, a=a, b=b, degree=tr(family("pairwise.deg_", k), lang), v=k)
    k = round(1 / value)
    return tr("pairwise.more", lang, a=b, b=a, degree=tr(family("pairwise.deg_", k), lang), v=k)


def item_name(item_id: str, lang: str) -> str:
    """Short name of a compared item: the group name, or the factor/strategy id."""
    if item_id == STRATEGY_CLUSTER:
        return cluster_title(item_id, lang)
    return group_name(item_id, lang) if item_id in GROUPS else item_id


def item_title(model: SwotModel, item_id: str, lang: str) -> str:
    """Longer name of a compared item: the group name, or id and (shortened) label."""
    if item_id == STRATEGY_CLUSTER:
        return cluster_title(item_id, lang)
    if item_id in GROUPS:
        return group_name(item_id, lang)
    if item_id in model.strategy_ids():
        return f"{item_id} · {short(model.strategy(item_id).label(lang))}"
    return f"{item_id} · {short(model.factor(item_id).label(lang))}"


def _set_pair(slot: ModelSlot, path: str, i: int, j: int, key: str) -> None:
    _apply(slot, path, i, j, value_of(st.session_state[key]))


def _apply(slot: ModelSlot, path: str, i: int, j: int, value: float | None) -> None:
    model = slot.get()
    items = model.matrix_items(path)
    slot.set(todo.judged(model.set_judgment(path, i, j, value), path, items[i], items[j]))


def _placeholders(model: SwotModel, path: str) -> set[frozenset[str]]:
    """The comparisons (or rated strategies) of ``path`` that are still placeholders."""
    return {frozenset(x for x in (a, b) if x) for p, a, b, _ in todo.open_items(model)
            if p == path}


def _unjudged(label: str, lang: str) -> str:
    return f"{label} ◌ ({tr('trust.to_be_judged', lang)})"


def pair_key(key_prefix: str, path: str, i: int, j: int) -> str:
    """Widget key of the select box of pair (i, j) of the matrix at ``path``."""
    return f"{key_prefix}:{path}:{i}:{j}"


def pairwise_editor(slot: ModelSlot, path: str, lang: str, key_prefix: str,
                    blanks_expected: bool = False) -> None:
    """Select boxes for every pair of the matrix at ``path``, its priorities, lambda_max and
    CR (red over the threshold), and the most inconsistent judgments with a fix each. Blanks
    that leave items unlinked are an error, or only a note with ``blanks_expected`` (a
    workshop participant's matrices start not yet judged)."""
    model = slot.get()
    items = model.matrix_items(path)
    matrix = model.matrix_at(path)
    n = len(items)
    if n < 2:
        st.info(tr("pairwise.too_small", lang))
        return
    names = [item_name(x, lang) for x in items]
    titles = [item_title(model, x, lang) for x in items]
    left, right = columns([3, 2], lang, gap="large")
    if n > GRID_ABOVE:  # one grid widget, not n (n - 1) / 2 select boxes
        from ui.grid_editor import grid_editor

        with left:
            grid_editor(slot, path, lang, key_prefix, names)
    else:
        _pair_boxes(slot, path, lang, key_prefix, matrix, items, names, titles,
                    _placeholders(model, path), left)
    _weights_and_consistency(slot, path, lang, key_prefix, matrix, items, names, titles, right,
                             blanks_expected)


def _pair_option(token: str, a: str, b: str, lang: str, digits: Callable[[str], str]) -> str:
    """A select box option: the judgment of ``a`` over ``b`` in words, in reading order."""
    return isolate(digits(pair_label(token, a, b, lang)), lang)


def _pair_boxes(slot: ModelSlot, path: str, lang: str, key_prefix: str, matrix: np.ndarray,
                items: list[str], names: list[str], titles: list[str],
                waiting: set[frozenset[str]], left: DeltaGenerator) -> None:
    """One select box per pair i < j; the pairs in ``waiting`` marked not yet judged."""
    n = len(names)
    # decided now, not when an option is formatted (AppTest formats outside the script run)
    digits = persian_digits if persian_digits_on(lang) else str
    with left, st.container(height=620 if n > 4 else "content"):
        for i in range(n):
            for j in range(i + 1, n):
                key = pair_key(key_prefix, path, i, j)
                current = token_of(matrix[i, j])
                options = [*SCALE_TOKENS, BLANK]
                if current not in options:
                    options.insert(0, current)
                st.session_state[key] = current
                # widget labels render Markdown; the titles hold typed labels
                label = tr("pairwise.pair", lang, a=escape_markdown(titles[i]),
                           b=escape_markdown(titles[j]))
                if frozenset((items[i], items[j])) in waiting:
                    label = _unjudged(label, lang)
                st.selectbox(
                    label,
                    options,
                    key=key,
                    format_func=partial(_pair_option, a=names[i], b=names[j], lang=lang,
                                        digits=digits),
                    on_change=_set_pair,
                    args=(slot, path, i, j, key),
                )


def _useful_suggestions(matrix: np.ndarray, items: list[str]) -> list[anp.JudgmentSuggestion]:
    """Up to :data:`SUGGESTIONS` suggestions that change the judgment on the 1-9 scale, worst
    first. Asks for a few more each round instead of all n (n - 1) / 2 at once (each costs an
    eigen-solve, and a 100-item matrix has 4,950 judgments)."""
    n = len(items)
    total, k = n * (n - 1) // 2, SUGGESTIONS
    while True:
        suggestions = anp.inconsistency_suggestions(matrix, k=min(k, total), labels=items)
        useful = [s for s in suggestions if token_of(s.suggested_saaty) != token_of(s.current)]
        if len(useful) >= SUGGESTIONS or k >= total:
            return useful[:SUGGESTIONS]
        k *= 4


def _weights_and_consistency(slot: ModelSlot, path: str, lang: str, key_prefix: str,
                             matrix: np.ndarray, items: list[str], names: list[str],
                             titles: list[str], right: DeltaGenerator,
                             blanks_expected: bool) -> None:
    """Priorities chart, lambda_max and CR, and the suggested fixes (see
    :func:`pairwise_editor` for ``blanks_expected``)."""
    model = slot.get()
    with right:
        try:
            weights = anp.priority(matrix, labels=items)
            result = anp.consistency(matrix, labels=items)
            useful = _useful_suggestions(matrix, items)
        except anp.DisconnectedComparisonsError as exc:  # not judged yet, or too few; in words
            show = st.info if blanks_expected else st.error
            show(tr("trust.why_unlinked", lang, ascii_digits=False,
                    matrix=matrix_title(model, path, lang),
                     items=", ".join(item_name(str(u), lang) for u in exc.unreachable),
                     ref=item_name(str(exc.reference), lang)))
            return
        except anp.ANPError as exc:
            st.error(tr("pairwise.cannot_weigh", lang, message=literal(str(exc), 600)))
            return
        show_figure(priorities_chart(titles, weights, lang, axis=names),
                        key=f"{key_prefix}:{path}:chart")
        text = shown_number(tr("pairwise.consistency", lang, lam=result.lambda_max, cr=result.cr,
                               thr=result.threshold), lang)
        if result.passes:
            st.success(f"{text} — {tr('pairwise.cr_ok', lang)}")
        else:
            st.error(f"{text} — {tr('pairwise.cr_bad', lang)}")
        st.markdown(f"**{tr('pairwise.suggestions', lang)}**")
        if not useful:
            st.caption(tr("pairwise.no_suggestions", lang))
        for s in useful:
            a, b = names[s.row], names[s.col]
            st.markdown(tr(
                "pairwise.suggestion", lang, pair=tr("pairwise.pair", lang, a=a, b=b),
                current=pair_label(token_of(s.current), a, b, lang),
                suggested=pair_label(token_of(s.suggested_saaty), a, b, lang),
                cr=s.cr_after,
            ))
            st.button(
                tr("pairwise.apply", lang),
                key=f"{key_prefix}:{path}:fix:{s.row}:{s.col}",
                on_click=_apply,
                args=(slot, path, s.row, s.col, s.suggested_saaty),
            )


def _set_rating(slot: ModelSlot, factor_id: str, k: int, key: str) -> None:
    model = slot.get()
    slot.set(todo.judged(model.set_rating(factor_id, k, st.session_state[key]),
                         f"judgments.strategies.{factor_id}", model.strategy_ids()[k]))


def ratings_editor(slot: ModelSlot, factor_id: str, lang: str, key_prefix: str) -> None:
    """A number input per strategy for a factor whose strategies are rated, not compared."""
    model = slot.get()
    path = f"judgments.strategies.{factor_id}"
    values = model.matrix_at(path)
    waiting = _placeholders(model, path)
    st.caption(tr("pairwise.ratings_note", lang))
    cells = columns(3, lang)
    for k, sid in enumerate(model.strategy_ids()):
        key = f"{key_prefix}:rating:{factor_id}:{k}"
        st.session_state[key] = None if math.isnan(values[k]) else float(values[k])
        label = tr("pairwise.rating_of", lang, s=escape_markdown(item_title(model, sid, lang)))
        cells[k % 3].number_input(
            _unjudged(label, lang) if frozenset((sid,)) in waiting else label,
            min_value=0.0,
            step=1.0,
            key=key,
            on_change=_set_rating,
            args=(slot, factor_id, k, key),
        )


def judgment_editor(slot: ModelSlot, path: str, lang: str, key_prefix: str,
                    blanks_expected: bool = False) -> None:
    """The editor of the judgments at ``path``: :func:`ratings_editor` for a factor whose
    strategies are rated, else :func:`pairwise_editor` (see there for ``blanks_expected``)."""
    factor_id = path.removeprefix("judgments.strategies.")
    judgment = slot.get().strategy_judgments.get(factor_id)
    _placeholder_bar(slot, path, lang, key_prefix)
    if judgment is not None and judgment.kind == "ratings":
        ratings_editor(slot, factor_id, lang, key_prefix)
    else:
        pairwise_editor(slot, path, lang, key_prefix, blanks_expected)


def _fill(slot: ModelSlot, path: str) -> None:
    slot.set(todo.fill_blanks(slot.get(), path))


def _accept(slot: ModelSlot, path: str) -> None:
    slot.set(todo.accept(slot.get(), path))


def _placeholder_bar(slot: ModelSlot, path: str, lang: str, key_prefix: str) -> None:
    """How many placeholders the matrix holds, with "accept them" and, when it has blanks,
    "fill the blanks as equal"."""
    model = slot.get()
    waiting = len(_placeholders(model, path))
    blanks = bool(np.isnan(model.matrix_at(path)).any())
    if waiting:
        st.caption(tr("trust.matrix_placeholders", lang, ascii_digits=False, n=waiting))
    left, right = st.columns(2)
    if blanks:
        left.button(tr("trust.fill_matrix", lang), key=f"{key_prefix}:{path}:fill", on_click=_fill,
                    args=(slot, path))
    if waiting:
        right.button(tr("trust.accept_matrix", lang, ascii_digits=False, n=waiting),
                     key=f"{key_prefix}:{path}:accept",
                     on_click=_accept, args=(slot, path))
