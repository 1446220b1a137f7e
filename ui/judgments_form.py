"""The "About these judgments" form of the Export page: whether the judgments are the
illustrative set, and the planner's own note (:func:`swot.provenance.with_own_note`).

Widget keys: ``prov_form``, ``prov_illustrative_<revision>``, ``prov_note_<revision>``,
``prov_save`` (the revision of :func:`ui.state.revision`: a loaded model starts afresh).
"""

from __future__ import annotations

import streamlit as st

from swot.model import SwotModel
from swot.provenance import with_own_note
from ui.state import LOADED_KEY, get_model, revision, set_model
from ui.strings import t

MESSAGE_KEY = "prov_message"


def _on_save(suffix: int) -> None:
    model = with_own_note(get_model(), st.session_state[f"prov_illustrative_{suffix}"],
                          st.session_state[f"prov_note_{suffix}"])
    set_model(model)
    st.session_state[LOADED_KEY] = model  # the note now describes the current judgments
    st.session_state[MESSAGE_KEY] = t("trust.prov_saved")


def judgments_form(model: SwotModel) -> None:
    """The form, with its message under it."""
    st.subheader(t("trust.prov_title"))
    if model.judgments_edited:
        st.caption(t("trust.prov_edited"))
    with st.form("prov_form"):
        st.checkbox(t("trust.prov_illustrative"), value=model.illustrative_judgments,
                    key=f"prov_illustrative_{revision()}")
        st.text_area(t("trust.prov_note"), value=model.judgments_note,
                     key=f"prov_note_{revision()}", height=90)
        st.form_submit_button(t("trust.prov_save"), on_click=_on_save, args=(revision(),),
                              key="prov_save")
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        st.success(message)
