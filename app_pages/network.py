"""Page "Network": the structure (hierarchy or factor-level network), the influence and
feedback grids, cluster comparisons, the judgments of each link set and the network diagram.
The widgets are in :mod:`ui.influence`."""

from __future__ import annotations

import streamlit as st

from swot.io import ModelFileError, load_model
from ui.i18n import lang
from ui.influence import network_editor
from ui.literal import literal
from ui.state import DEFAULT_MODEL_PATH, current_evaluation, flash, get_model, set_model, show_flash
from ui.strings import t
from ui.todo_view import cannot_rank

EXAMPLE = DEFAULT_MODEL_PATH.with_name("tehran_city_diplomacy_network.json")


def _load_example() -> None:
    try:
        set_model(load_model(EXAMPLE), replaced=True)
    except ModelFileError as exc:
        flash("error", "\n\n".join(literal(x, 600) for x in exc.lines()))


def render() -> None:
    """Draw the page."""
    st.header(t("app.page_network"))
    st.button(t("network.load_example"), key="net_example", on_click=_load_example)
    show_flash()
    result = current_evaluation()
    if isinstance(result, list):  # what is missing, in the page's language, as other pages say
        cannot_rank(get_model(), lang(), "net", result)
    network_editor(get_model(), result, lang())


render()
