"""Page "Model": the factors in the four SWOT quadrants, the strategies, and forms to add,
edit and remove both.

Widget keys (``<r>`` = model revision): ``factor_pick``, ``strategy_pick`` (which item to
edit), ``f<r>_<id>_<field>`` and ``s<r>_<id>_<field>`` (form fields; ``f<r>_new_kind`` is
pairwise or ratings for a new factor's strategies), ``factor_save``,
``factor_remove``, ``strategy_save``, ``strategy_remove``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from swot import todo
from swot.errors import PROJECT_ERRORS
from swot.io import model_to_dict, validate_data
from swot.model import GROUPS, PROVENANCES, TOWS_TYPES, Factor, SourceRef, Strategy, SwotModel
from ui.i18n import columns, isolate, lang, ltr, resend
from ui.literal import literal
from ui.state import flash, get_model, revision, set_model, show_flash
from ui.strings import family, group_name, t, tows_name, tr
from ui.tables import escape_markdown, show_table

NEW = ""  # the "(new)" choice of the item pickers
OPEN_KEY = "model_open_form"  # the form last used ("factor" or "strategy") stays open


def _commit(edit: Callable[[SwotModel], SwotModel], done: str, where: str) -> bool:
    """Apply an edit to the session's model if the result is a valid model file; otherwise
    keep the model and show every problem. The message goes under the form ``where``
    ("factor" or "strategy"), which stays open. Returns whether the edit was applied."""
    st.session_state[OPEN_KEY] = where
    try:
        model = edit(get_model())
    except PROJECT_ERRORS as exc:  # a refused edit (an unknown id is an UnknownItemError)
        flash("error", t("model.edit_rejected", message=literal(str(exc), 600)), where)
        return False
    problems = validate_data(model_to_dict(model))
    if problems:
        flash("error", "\n\n".join([t("model.edit_rejected", message=""),
                                     *(literal(str(p), 600) for p in problems)]), where)
        return False
    set_model(model)
    flash("success", done, where)
    return True


def _quadrant(model: SwotModel, group: str, language: str) -> None:
    st.markdown(f"#### {group_name(group, language)}")
    factors = model.factors[group]
    show_table(pd.DataFrame({
        t("common.col_id"): [f.id for f in factors],
        t("common.col_label"): [f.label(language) for f in factors],
        t("model.col_provenance"): [t(family("model.prov_", f.provenance)) for f in factors],
        t("model.col_source"): [_source_ref(model, f.source) for f in factors],
    }))


def _source_ref(model: SwotModel, source: SourceRef | None) -> str:
    """``[k]:line`` for the k-th listed source, else ``file:line``, kept left to right."""
    if source is None:
        return ""
    files = [s.file for s in model.sources]
    where = f"[{files.index(source.file) + 1}]" if source.file in files else source.file
    return f"\u2066{where}:{source.line}\u2069"


def _code(text: str) -> str:
    """``text`` as a Markdown code span (a backtick in it would end the span: shown as ')."""
    return "`" + text.replace("`", "'") + "`"


def _source_list(model: SwotModel) -> None:
    """The numbered sources the factor tables cite."""
    lines = [f"[{k}] {ltr(_code(s.file))} — {literal(s.title)}"
             for k, s in enumerate(model.sources, start=1)]
    if lines:
        st.caption("  \n".join([f"**{t('model.col_source')}:**", *lines]))


def _factor_key(item: str, name: str) -> str:
    return f"f{revision()}_{item or 'new'}_{name}"


def _save_factor(item: str) -> None:
    value = {name: st.session_state[_factor_key(item, name)]
             for name in ("group", "id", "label_en", "label_fa", "description", "provenance",
                          "file", "line")}
    fields = {
        "id": value["id"].strip(),
        "label_en": value["label_en"].strip(),
        "label_fa": value["label_fa"].strip(),
        "description": value["description"].strip(),
        "provenance": value["provenance"],
        "source": SourceRef(value["file"].strip(), int(value["line"]))
        if value["file"].strip() and value["line"] > 0 else None,
    }
    if item == NEW:
        factor = Factor(group=value["group"], **fields)
        kind = st.session_state[_factor_key(item, "kind")]
        _commit(lambda m: todo.add_factor(m, value["group"], factor, kind),
                t("model.saved", id=fields["id"]), "factor")
    elif _commit(lambda m: todo.renamed(m.update_factor(item, **fields), item, fields["id"]),
                 t("model.saved", id=fields["id"]), "factor"):
        st.session_state["factor_pick"] = fields["id"]  # a rejected rename stays on its form


def _remove(kind: str) -> None:
    item = st.session_state[f"{kind}_pick"]
    if item == NEW:
        st.session_state[OPEN_KEY] = kind
        flash("error", t("model.nothing_to_remove"), kind)
        return
    if kind == "factor":
        _commit(lambda m: m.remove_factor(item), t("model.removed", id=item), kind)
    else:
        _commit(lambda m: m.remove_strategy(item), t("model.removed", id=item), kind)
    st.session_state[f"{kind}_pick"] = NEW


def _pick(kind: str, title: str, ids: Sequence[str], label: Callable[[str], str],
          language: str) -> str:
    """The ``kind`` ("factor" or "strategy") to edit, in a box titled ``title``: one of ``ids``,
    or NEW (also when the one picked before is gone)."""
    ids, new = [NEW, *ids], t("model.new_item")
    if st.session_state.get(f"{kind}_pick") not in ids:
        st.session_state[f"{kind}_pick"] = NEW
    resend(f"{kind}_pick", NEW)
    return st.selectbox(title, ids, key=f"{kind}_pick",
                        format_func=lambda i: isolate(f"{i} · {label(i)}" if i else new, language))


def _factor_form(model: SwotModel, language: str) -> None:
    item = _pick("factor", t("model.choose_factor"), model.factor_ids(),
                 lambda i: model.factor(i).label(language), language)
    old = model.factor(item) if item else Factor("", "S", "", "", provenance="user")
    with st.form(f"factor_form_{revision()}_{item or 'new'}"):
        resend(_factor_key(item, "group"), old.group)
        st.selectbox(t("model.field_group"), GROUPS,
                     format_func=lambda g: group_name(g, language),
                     key=_factor_key(item, "group"), disabled=bool(item))
        st.text_input(t("model.field_id"), old.id, key=_factor_key(item, "id"))
        st.text_input(t("model.field_label_en"), old.label_en, key=_factor_key(item, "label_en"))
        st.text_input(t("model.field_label_fa"), old.label_fa, key=_factor_key(item, "label_fa"))
        st.text_area(t("model.field_description"), old.description,
                     key=_factor_key(item, "description"))
        resend(_factor_key(item, "provenance"), old.provenance)
        st.selectbox(t("model.field_provenance"), PROVENANCES,
                     format_func=lambda p: tr(family("model.prov_", p), language),
                     key=_factor_key(item, "provenance"))
        left, right = st.columns([3, 1])
        left.text_input(t("model.field_source_file"), old.source.file if old.source else "",
                        key=_factor_key(item, "file"))
        right.number_input(t("model.field_source_line"), min_value=0, step=1,
                           value=old.source.line if old.source else 0,
                           key=_factor_key(item, "line"))
        if not item:
            resend(_factor_key(item, "kind"), "pairwise")
            st.radio(t("trust.judged_by"), ("pairwise", "ratings"), horizontal=True,
                     format_func=lambda k: tr(family("trust.kind_", k), language),
                     key=_factor_key(item, "kind"))
        st.form_submit_button(t("model.save"), key="factor_save", on_click=_save_factor,
                              args=(item,))
    st.button(t("model.remove"), key="factor_remove", on_click=_remove, args=("factor",),
              disabled=not item)
    show_flash("factor")


def _strategy_key(item: str, name: str) -> str:
    return f"s{revision()}_{item or 'new'}_{name}"


def _save_strategy(item: str) -> None:
    value = {name: st.session_state[_strategy_key(item, name)]
             for name in ("id", "label_en", "label_fa", "tows", "factors", "description")}
    fields = {
        "id": value["id"].strip(),
        "label_en": value["label_en"].strip(),
        "label_fa": value["label_fa"].strip(),
        "tows": value["tows"],
        "factors": tuple(value["factors"]),
        "description": value["description"].strip(),
    }
    if item == NEW:
        _commit(lambda m: todo.add_strategy(m, Strategy(**fields)),
                t("model.saved", id=fields["id"]), "strategy")
    elif _commit(lambda m: todo.renamed(m.update_strategy(item, **fields), item, fields["id"]),
                 t("model.saved", id=fields["id"]), "strategy"):
        st.session_state["strategy_pick"] = fields["id"]  # a rejected rename stays on its form


def _strategy_form(model: SwotModel, language: str) -> None:
    item = _pick("strategy", t("model.choose_strategy"), model.strategy_ids(),
                 lambda i: model.strategy(i).label(language), language)
    old = model.strategy(item) if item else Strategy("", "", "", "other")
    with st.form(f"strategy_form_{revision()}_{item or 'new'}"):
        st.text_input(t("model.field_id"), old.id, key=_strategy_key(item, "id"))
        st.text_input(t("model.field_label_en"), old.label_en, key=_strategy_key(item, "label_en"))
        st.text_input(t("model.field_label_fa"), old.label_fa, key=_strategy_key(item, "label_fa"))
        resend(_strategy_key(item, "tows"), old.tows)
        st.selectbox(t("model.field_tows"), TOWS_TYPES,
                     format_func=lambda w: tows_name(w, language),
                     key=_strategy_key(item, "tows"))
        st.multiselect(t("model.field_factors"), model.factor_ids(), default=list(old.factors),
                       key=_strategy_key(item, "factors"))
        st.text_area(t("model.field_description"), old.description,
                     key=_strategy_key(item, "description"))
        st.form_submit_button(t("model.save"), key="strategy_save", on_click=_save_strategy,
                              args=(item,))
    st.button(t("model.remove"), key="strategy_remove", on_click=_remove, args=("strategy",),
              disabled=not item)
    show_flash("strategy")


def render() -> None:
    """Draw the page."""
    model = get_model()
    language = lang()
    # typed in the model file: escaped (a heading has a line of its own, so no isolate)
    st.header(escape_markdown(model.title.get(language) or model.title["en"] or model.title["fa"]))
    goal = model.goal.get(language) or model.goal["en"] or model.goal["fa"]
    st.markdown(f"**{t('common.goal')}:** {literal(goal)}")
    show_flash()
    top, bottom = columns(2, language), columns(2, language)
    for column, group in zip([*top, *bottom], GROUPS, strict=True):
        with column:
            _quadrant(model, group, language)
    st.caption(t("model.prov_note"))
    _source_list(model)
    st.subheader(t("model.strategies"))
    show_table(pd.DataFrame({
        t("common.col_id"): model.strategy_ids(),
        t("common.col_label"): [s.label(language) for s in model.strategies],
        t("common.col_tows"): [tows_name(s.tows, language) for s in model.strategies],
        t("model.col_factors"): [", ".join(s.factors) for s in model.strategies],
    }))
    left, right = columns(2, language, gap="large")
    opened = st.session_state.get(OPEN_KEY)
    with left.expander(t("model.edit_factors"), expanded=opened == "factor"):
        _factor_form(model, language)
    with right.expander(t("model.edit_strategies"), expanded=opened == "strategy"):
        _strategy_form(model, language)


render()
