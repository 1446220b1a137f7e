"""Page "Weights & judgments": direct weights or pairwise judgments, switchable.

Widget keys: ``weighting`` (mode radio), ``w_group_<G>`` and ``w_factor_<id>`` (direct-weight
sliders, 0..100 = weight x 100), ``pw_matrix`` (which matrix to edit), ``pw:<path>:<i>:<j>``
(pair select boxes), ``pw:<path>:fix:<i>:<j>`` (apply-suggestion buttons),
``pw:rating:<factor>:<k>`` (ratings).
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from swot.analysis import Evaluation, with_direct_weighting
from swot.model import GROUPS, SwotModel
from ui.i18n import columns, isolate, lang, resend
from ui.live_ranking import live_ranking
from ui.pairwise import judgment_editor, matrix_title
from ui.state import CHOSEN_MATRIX_KEY, current_evaluation, get_model, main_slot, set_model
from ui.strings import family, group_name, t, tr
from ui.tables import escape_markdown
from ui.todo_view import cannot_rank, kind_choice, todo_list

KEY_PREFIX = "pw"
MODES = ("direct", "pairwise")


def _on_mode() -> None:
    mode = st.session_state["weighting"]
    model = get_model()
    if mode == "direct":
        result = current_evaluation()
        set_model(with_direct_weighting(model, result if isinstance(result, Evaluation) else None))
    else:
        set_model(model.set_weighting(mode))


def _on_weight(kind: str, item_id: str, key: str) -> None:
    set_model(get_model().set_direct_weight(kind, item_id, st.session_state[key] / 100))


def _slider(label: str, kind: str, item_id: str, weight: float, top: float) -> None:
    key = f"w_{kind}_{item_id}"
    st.session_state[key] = float(weight * 100)
    st.slider(label, 0.0, top, step=1.0, format="%.0f", key=key,
              on_change=_on_weight, args=(kind, item_id, key))


def _shares(shares: pd.Series, names: list[str]) -> None:
    st.caption(t("weights.shares") + ": " + " · ".join(
        f"{name} {share:.0%}" for name, share in zip(names, shares, strict=True)))


def _direct(model: SwotModel, result: Evaluation | list[str]) -> None:
    language = lang()
    everything = [*model.direct_group_weights.values(), *model.direct_factor_weights.values()]
    top = max(100.0, float(math.ceil(max(everything, default=0.0) * 100)))  # float like min
    st.subheader(t("weights.group_weights"))
    for column, g in zip(columns(4, language), GROUPS, strict=True):
        with column:
            _slider(group_name(g, language), "group", g,
                    model.direct_group_weights.get(g, 0.0), top)
    if isinstance(result, Evaluation):
        _shares(result.group_weights_goal, [group_name(g, language) for g in GROUPS])
    for column, g in zip(columns(4, language), GROUPS, strict=True):
        with column:
            st.markdown(f"**{t('weights.factor_weights_in', group=group_name(g, language))}**")
            for f in model.factors[g]:
                _slider(f"{f.id} · {f.label(language)}", "factor", f.id,
                        model.direct_factor_weights.get(f.id, 0.0), top)
            if isinstance(result, Evaluation):
                part = result.factors[result.factors["group"] == g]
                _shares(part["local_weight"], list(part["id"]))
    st.info(t("weights.direct_note"))


def _cr_summary(model: SwotModel, result: Evaluation) -> None:
    table = result.consistency
    view = pd.DataFrame({
        t("common.col_matrix"): [escape_markdown(matrix_title(model, p, lang()))
                                 for p in table["matrix"]],
        "n": table["n"],
        t("weights.col_missing"): table["missing"],
        "λmax": table["lambda_max"],
        t("common.col_cr"): table["cr"],
        t("weights.col_threshold"): table["threshold"],
        t("common.col_passes"): [t("common.yes") if ok else t("common.no")
                                 for ok in table["passes"]],
    })
    failing = list(~table["passes"])

    def colour(row: pd.Series) -> list[str]:
        style = "color: #c62828; font-weight: bold" if failing[row.name] else ""
        return [style] * len(row)

    styled = view.style.apply(colour, axis=1).format(precision=3).hide(axis="index")
    st.table(styled)


def _editor(model: SwotModel, language: str) -> None:
    strategy_paths = [f"judgments.strategies.{fid}" for fid in model.factor_ids()
                      if fid in model.strategy_judgments]
    paths = strategy_paths
    if model.weighting == "pairwise":
        paths = [p for p, _, _ in model.iter_matrices()
                 if not p.startswith("judgments.strategies.")] + strategy_paths
    if st.session_state.get("pw_matrix") not in paths:  # also after visiting another page,
        remembered = st.session_state.get(CHOSEN_MATRIX_KEY)  # which drops the widget's state
        st.session_state["pw_matrix"] = remembered if remembered in paths else paths[0]
    resend("pw_matrix", paths[0])  # shown in the current language
    path = st.selectbox(t("weights.matrix"), paths, key="pw_matrix",
                        format_func=lambda p: isolate(matrix_title(model, p, language), language))
    st.session_state[CHOSEN_MATRIX_KEY] = path
    if path.startswith("judgments.strategies."):
        kind_choice(path.removeprefix("judgments.strategies."), language)
    judgment_editor(main_slot(), path, language, KEY_PREFIX)


def render() -> None:
    """Draw the page."""
    st.header(t("app.page_weights"))
    language = lang()
    model = get_model()
    st.session_state["weighting"] = model.weighting  # (also re-sends it in the language)
    st.radio(t("weights.weighting_mode"), MODES, key="weighting", horizontal=True,
             format_func=lambda m: tr(family("common.mode_", m), language), on_change=_on_mode)
    result = current_evaluation()
    live_ranking(result, language)
    if isinstance(result, list):
        cannot_rank(model, language, "wt", result)
    todo_list(model, language)
    if model.weighting == "direct":
        _direct(model, result)
        st.subheader(t("weights.strategy_judgments"))
    elif isinstance(result, Evaluation):
        with st.expander(t("weights.cr_summary")):
            _cr_summary(model, result)
    _editor(model, language)


render()
