"""Comparisons not yet judged (:mod:`swot.todo`) on the pages: why a model cannot be ranked,
one sentence per matrix in the session's language; the to-do list of placeholders grouped by
matrix, each with a button to its editor; and the fill-blanks buttons.

Widget keys: ``todo:fill_all``, ``todo:accept_all``, ``<key>:why:<k>`` and
``todo:open:<path>`` (open a matrix on the Weights page), ``<key>:fill_all``,
``kind:<factor>`` (pairwise or ratings for the strategies w.r.t. a factor).
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from swot import todo
from swot.model import SwotModel
from ui.literal import literal
from ui.pairwise import item_name, matrix_title
from ui.state import get_model, set_model
from ui.strings import family, group_name, t, tr
from ui.tables import escape_markdown
from ui.verdict_view import open_matrix


def _names(items: tuple[str, ...], language: str) -> str:
    return ", ".join(item_name(x, language) for x in items)


def reason(model: SwotModel, gap: todo.Missing, language: str) -> str:
    """One sentence saying what keeps the matrix of ``gap`` from being ranked."""
    if gap.kind == "no_group_weight":
        return tr("trust.why_no_group_weight", language, ascii_digits=False)
    if gap.kind == "no_factor_weight":
        return tr("trust.why_no_factor_weight", language, ascii_digits=False,
                  group=group_name(gap.items[0], language))
    where = matrix_title(model, gap.path, language)
    if gap.kind == "unlinked":
        return tr("trust.why_unlinked", language, ascii_digits=False, matrix=where,
                  items=_names(gap.items, language),
                   ref=item_name(gap.reference, language))
    if gap.kind == "unrated":
        return tr("trust.why_unrated", language, ascii_digits=False, matrix=where,
                  items=_names(gap.items, language))
    if gap.kind in ("no_positive", "no_judgments"):
        return tr(family("trust.why_", gap.kind), language, ascii_digits=False,
                  matrix=where)
    return tr("trust.why_invalid", language, ascii_digits=False, matrix=where, detail=gap.detail)


TODO_OPEN_KEY = "todo_open"  # the to-do list was just used: keep it open


def _fill_all() -> None:
    set_model(todo.fill_blanks(get_model()))
    st.session_state[TODO_OPEN_KEY] = True


def _accept_all() -> None:
    set_model(todo.accept(get_model()))
    st.session_state[TODO_OPEN_KEY] = True


def cannot_rank(model: SwotModel, language: str, key: str,
                problems: Sequence[str] = ()) -> None:
    """Why the model cannot be ranked: a sentence per matrix with a button to its editor,
    and the button that fills every blank as "equal, to be judged"; the evaluation's own
    ``problems`` (shown as they are) when no matrix explains it."""
    gaps = todo.missing(model)
    st.error(t("trust.cannot_rank"))
    if not gaps:
        for problem in problems:
            st.markdown("- " + literal(problem, 600))
    for k, gap in enumerate(gaps):
        left, right = st.columns([4, 1])
        left.markdown("- " + escape_markdown(reason(model, gap, language)))
        if gap.path.startswith("judgments.") and right.button(
                t("trust.open_matrix"), key=f"{key}:why:{k}"):
            open_matrix(gap.path)
    if any(g.path.startswith("judgments.") for g in gaps):
        st.button(t("trust.fill_all"), key=f"{key}:fill_all", on_click=_fill_all, type="primary")


def unjudged_warning(model: SwotModel) -> None:
    """Beside a ranking: how many placeholders it rests on (nothing when none)."""
    groups = todo.open_by_matrix(model)
    if groups:
        st.warning(t("trust.rests_on_placeholders", n=sum(map(len, groups.values())),
                      k=len(groups)), icon="⚠️")


def todo_list(model: SwotModel, language: str) -> None:
    """The placeholders not yet judged, grouped by matrix, each matrix with a button to its
    editor; "fill every blank" and "accept every placeholder"."""
    groups = todo.open_by_matrix(model)
    opened = bool(st.session_state.pop(TODO_OPEN_KEY, False))
    with st.expander(t("trust.todo_title", n=sum(map(len, groups.values()))), expanded=opened):
        if not groups:
            st.caption(t("trust.todo_empty"))
        for path, entries in groups.items():
            left, right = st.columns([4, 1])
            pairs = ", ".join(
                f"{item_name(a, language)} / {item_name(b, language)}" if b
                else item_name(a, language) for _, a, b, _ in entries)
            left.markdown(f"**{escape_markdown(matrix_title(model, path, language))}** "
                          f"({len(entries)}): {escape_markdown(pairs)}")
            if right.button(t("trust.open_matrix"), key=f"todo:open:{path}"):
                open_matrix(path)
        left, right = st.columns(2)
        left.button(t("trust.fill_all"), key="todo:fill_all", on_click=_fill_all)
        if groups:
            right.button(t("trust.accept_all"), key="todo:accept_all", on_click=_accept_all)


def _on_kind(factor_id: str, key: str) -> None:
    set_model(todo.switch_kind(get_model(), factor_id, st.session_state[key]))


def kind_choice(factor_id: str, language: str) -> None:
    """Pairwise comparison or ratings of the strategies with respect to ``factor_id``."""
    key = f"kind:{factor_id}"
    st.session_state[key] = get_model().strategy_judgments[factor_id].kind
    st.radio(tr("trust.judged_by", language), ("pairwise", "ratings"), key=key, horizontal=True,
             format_func=lambda k: tr(family("trust.kind_", k), language), on_change=_on_kind,
             args=(factor_id, key))
