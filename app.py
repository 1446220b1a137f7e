"""Streamlit front end: ``streamlit run app.py`` opens on the Tehran city-diplomacy model.

Pages live in ``ui/page_*.py``; adding a page is one line in :func:`pages`.
"""

import streamlit as st

from ui.i18n import LANG_KEY, LANG_NAMES, LANGS, inject_rtl, t
from ui.state import get_model, init_state


def pages() -> list[st.Page]:
    """The app's pages, in menu order."""
    return [
        st.Page("ui/page_model.py", title=t("page_model"), url_path="model", default=True),
        st.Page("ui/page_weights.py", title=t("page_weights"), url_path="weights"),
        st.Page("ui/page_results.py", title=t("page_results"), url_path="results"),
        st.Page("ui/page_sensitivity.py", title=t("page_sensitivity"), url_path="sensitivity"),
        st.Page("ui/page_io.py", title=t("page_io"), url_path="io"),
    ]


st.set_page_config(page_title="SWOT / ANP", layout="wide")
st.sidebar.radio(
    "Language / زبان", LANGS, key=LANG_KEY, format_func=LANG_NAMES.get, horizontal=True
)
inject_rtl()
problems = init_state()
if problems:
    st.error("\n\n".join([t("load_failed"), *problems]))
    st.stop()
model = get_model()
if model.illustrative_judgments:
    note = model.judgments_note if st.session_state[LANG_KEY] == "en" else ""
    st.info(t("illustrative", note=note) if note else t("illustrative_short"), icon="ℹ️")
st.navigation(pages()).run()
