"""Page "Export / import": the ranking and factor-weight CSVs (the command line's bytes), the
model as JSON, and uploading a model file.

Widget keys: ``csv_lang``, ``dl_ranking``, ``dl_factors``, ``dl_consistency``, ``dl_model``,
``upload_<revision>``; ``io:open:<path>`` opens a failing matrix on the Weights page.
"""

from __future__ import annotations

import streamlit as st

from swot.analysis import Evaluation
from swot.export import consistency_csv, factor_weights_csv, ranking_csv
from swot.io import ModelFileError, dumps_model, loads_model
from swot.provenance import mark_edited
from ui.i18n import LANG_NAMES, lang
from ui.judgments_form import judgments_form
from ui.literal import literal
from ui.problems import problem_lines
from ui.report_buttons import workbook_button
from ui.state import (
    current_evaluation,
    flash,
    get_model,
    loaded_model,
    revision,
    set_model,
    show_flash,
)
from ui.strings import t
from ui.verdict_view import consistency_note

CSV_LANGS = ("en", "fa", "both")


def import_model(data: bytes, name: str) -> list[str]:
    """Replace the session's model with the model file ``data``; returns its problems (and
    keeps the current model) when it is not valid."""
    try:
        model = loads_model(data, source=name)
    except ModelFileError as exc:
        return problem_lines(exc.problems, lang(), get_model())
    set_model(model, replaced=True)
    return []


def _on_upload(key: str) -> None:
    uploaded = st.session_state.get(key)
    if uploaded is None:
        return
    problems = import_model(uploaded.getvalue(), uploaded.name)
    if problems:
        flash("error", "\n".join([t("export.upload_bad", name=literal(uploaded.name)), "",
                                  *problems]))
    else:
        flash("success", t("export.upload_ok", name=literal(uploaded.name)))


def render() -> None:
    """Draw the page."""
    st.header(t("app.page_io"))
    model = get_model()
    st.subheader(t("export.export"))
    if st.session_state.get("csv_lang") not in CSV_LANGS:
        st.session_state["csv_lang"] = lang()
    both = t("export.csv_both")
    csv_lang = st.radio(t("export.csv_lang"), CSV_LANGS, key="csv_lang", horizontal=True,
                        format_func=lambda c: LANG_NAMES.get(c) or both)
    result = current_evaluation()
    if isinstance(result, Evaluation):
        consistency_note(model, result, lang(), "io")
        st.download_button(t("export.dl_ranking"), ranking_csv(result.strategies, csv_lang),
                           file_name="ranking.csv", mime="text/csv", key="dl_ranking",
                           on_click="ignore")
        st.download_button(t("export.dl_factors"), factor_weights_csv(result.factors, csv_lang),
                           file_name="factor-weights.csv", mime="text/csv", key="dl_factors",
                           on_click="ignore")
        st.download_button(t("trust.dl_consistency"), consistency_csv(result.consistency, csv_lang),
                           file_name="ranking-consistency.csv", mime="text/csv",
                           key="dl_consistency", on_click="ignore")
        workbook_button(model, lang())
    else:
        st.warning(t("export.no_csv"))
    download = mark_edited(model, loaded_model())  # no longer the illustrative set?
    st.download_button(t("export.dl_model"), dumps_model(download).encode("utf-8"),
                       file_name="model.json", mime="application/json", key="dl_model",
                       on_click="ignore")
    judgments_form(model)
    st.subheader(t("export.import"))
    key = f"upload_{revision()}"
    st.file_uploader(t("export.upload"), type=["json"], key=key, on_change=_on_upload, args=(key,))
    show_flash()


render()
