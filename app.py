"""Streamlit front end: ``streamlit run app.py`` opens on the Tehran city-diplomacy model.

Pages live in ``ui/page_*.py``; adding a page is one line in :func:`pages`. A workshop link
(``?p=TOKEN``, ``?workshop=CODE``, ``?facilitate=TOKEN``) opens only its own view, and a
participant-only server nothing else (:mod:`ui.routes`). The scenario and workshop
database is ``streamlit run app.py -- --db PATH``, else ``$SWOT_ANP_DB``, else the secret
``db_path``, else a file under ``~/.local/share/swot-anp/``.
"""

import streamlit as st

from ui.i18n import LANG_KEY, LANG_NAMES, LANGS, inject_rtl, t
from ui.i18n_network import tn
from ui.i18n_workshop import tw
from ui.routes import route
from ui.state import get_model, init_state, weighs_as_loaded


def pages() -> list[st.Page]:
    """The app's pages, in menu order."""
    return [
        st.Page("ui/page_model.py", title=t("page_model"), url_path="model", default=True),
        st.Page("ui/page_weights.py", title=t("page_weights"), url_path="weights"),
        st.Page("ui/page_network.py", title=tn("page_network"), url_path="network"),
        st.Page("ui/page_results.py", title=t("page_results"), url_path="results"),
        st.Page("ui/page_sensitivity.py", title=t("page_sensitivity"), url_path="sensitivity"),
        st.Page("ui/page_scenarios.py", title=tw("page_scenarios"), url_path="scenarios"),
        st.Page("ui/page_workshop.py", title=tw("page_workshop"), url_path="workshop"),
        st.Page("ui/page_io.py", title=t("page_io"), url_path="io"),
    ]


st.set_page_config(page_title="SWOT / ANP", layout="wide")
st.sidebar.radio(
    "Language / زبان", LANGS, key=LANG_KEY, format_func=LANG_NAMES.get, horizontal=True
)
inject_rtl()
if route():  # a participant's, join or facilitator link, or a participant-only server
    st.stop()
problems = init_state()
if problems:
    st.error("\n\n".join([t("load_failed"), *problems]))
    st.stop()
model = get_model()
if model.illustrative_judgments and not weighs_as_loaded():
    st.info(t("illustrative_edited"), icon="ℹ️")  # the file's note may no longer hold
elif model.illustrative_judgments:
    note = model.judgments_note if st.session_state[LANG_KEY] == "en" else ""
    st.info(t("illustrative", note=note) if note else t("illustrative_short"), icon="ℹ️")
st.navigation(pages()).run()
