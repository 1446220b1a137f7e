"""The live ranking beside the Weights page's editors: the first strategies with their
priorities and how they moved since the last edit, the near-tie verdict and the consistency,
recomputed on every change (in the sidebar, so it stays in view beside sliders and matrices).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from swot.analysis import Evaluation
from swot.verdict import top_moves, verdict
from ui.i18n import shown_number
from ui.strings import tr

SHOWN = 3  # at least the top 3 (more when strategies tie with the third)
LAST_KEY = "live_ranking_last"  # (model, ranking) last shown
BEFORE_KEY = "live_ranking_before"  # (model, ranking) before the last edit


def _table(result: Evaluation) -> pd.DataFrame:
    return result.strategies[["rank", "id", "priority"]].set_index("id")


def before_last_edit(result: Evaluation) -> pd.DataFrame | None:
    """The ranking before the latest change of the model (None before any change); keeps the
    current one for the next call."""
    last = st.session_state.get(LAST_KEY)
    if last is None or last[0] is not result.model:
        if last is not None:
            st.session_state[BEFORE_KEY] = last
        st.session_state[LAST_KEY] = (result.model, _table(result))
    before = st.session_state.get(BEFORE_KEY)
    return None if before is None else before[1]


def _moved(change: Any) -> str:  # a cell of an Int64 column: an int, or pd.NA
    if pd.isna(change):
        return "·"
    k = int(change)
    return "=" if k == 0 else f"▲{k}" if k > 0 else f"▼{-k}"


def live_ranking(result: Evaluation | list[str], language: str) -> None:
    """The live ranking in the sidebar (a short message when the model cannot be ranked)."""
    box = st.sidebar.container(border=True)
    box.markdown(f"**{tr('trust.live_title', language)}**")
    if not isinstance(result, Evaluation):
        box.caption(tr("trust.live_unrankable", language))
        return
    rows = top_moves(result.strategies, before_last_edit(result), SHOWN)
    for row in rows.itertuples():
        numbers = shown_number(f"{row.priority:.4f} ({_moved(row.moved)}, {row.delta:+.4f})",
                               language)
        box.markdown(f"**{shown_number(str(row.rank), language)}** · `{row.id}` {numbers}")
    v = verdict(result)
    if v.tied:
        box.caption(tr("trust.live_tied", language, ascii_digits=False, names=", ".join(v.leaders)))
    if v.consistent:
        box.caption(tr("trust.live_consistent", language))
    else:
        box.caption(tr("trust.live_failing", language, ascii_digits=False, k=len(v.failing)))
    box.caption(tr("trust.live_note", language))
