"""The notice above every page about the judgments in use (:func:`swot.provenance.notice`):
illustrative or edited, and whether every pairwise matrix passes, computed from the current
judgments."""

from __future__ import annotations

import streamlit as st

from swot.analysis import Evaluation
from swot.provenance import notice
from ui.i18n import lang
from ui.state import LOADED_KEY, current_evaluation, get_model
from ui.strings import t


def show_notice() -> None:
    """Show the notice (nothing for a model that does not claim illustrative judgments and
    whose matrices all pass)."""
    result = current_evaluation()
    model = get_model()
    info = notice(model, st.session_state.get(LOADED_KEY),
                  result if isinstance(result, Evaluation) else None)
    if not info.rankable:
        consistency = t("trust.notice_unrankable")
    elif info.failing:
        consistency = t("trust.notice_failing", k=info.failing, n=info.matrices)
    else:
        consistency = t("trust.notice_passing", n=info.matrices)
    if info.kind == "none":
        if info.failing:
            st.warning(consistency, icon="⚠️")
        return
    if info.kind == "edited":
        head = t("trust.illustrative_edited")
    else:
        note = info.note if lang() == "en" else ""
        head = t("trust.illustrative", note=note) if note else t("trust.illustrative_short")
    show = st.warning if info.failing else st.info
    show(f"{head}\n\n{consistency}", icon="⚠️" if info.failing else "ℹ️")
