"""Streamlit front end: ``streamlit run app.py`` opens on the Tehran city-diplomacy model.

Pages live in ``app_pages/``; adding a page is one line in :func:`pages`. A workshop link
(``?p=TOKEN``, ``?workshop=CODE``, ``?facilitate=TOKEN``) opens only its own view, and a
participant-only server nothing else (:mod:`ui.routes`). The scenario and workshop
database is ``streamlit run app.py -- --db PATH``, else ``$SWOT_ANP_DB``, else the secret
``db_path``, else a file under ``~/.local/share/swot-anp/``.
"""

import streamlit as st

from ui.draft import autosave as autosave_draft
from ui.draft import restore as restore_draft
from ui.i18n import (
    DIGITS_KEY,
    LANG_KEY,
    LANG_NAMES,
    LANGS,
    inject_rtl,
    keep_digits_setting,
    mark_language_shown,
)
from ui.notice import show_notice
from ui.routes import is_link, keep_link_language, restore_link_language, route
from ui.state import init_state
from ui.strings import t


def pages() -> list[st.Page]:
    """The app's pages, in menu order."""
    return [
        st.Page("app_pages/model.py", title=t("app.page_model"), url_path="model", default=True),
        st.Page("app_pages/weights.py", title=t("app.page_weights"), url_path="weights"),
        st.Page("app_pages/network.py", title=t("app.page_network"), url_path="network"),
        st.Page("app_pages/results.py", title=t("app.page_results"), url_path="results"),
        st.Page("app_pages/sensitivity.py", title=t("app.page_sensitivity"),
                url_path="sensitivity"),
        st.Page("app_pages/scenarios.py", title=t("app.page_scenarios"), url_path="scenarios"),
        st.Page("app_pages/workshop.py", title=t("app.page_workshop"), url_path="workshop"),
        st.Page("app_pages/export_import.py", title=t("app.page_io"), url_path="io"),
    ]


st.set_page_config(page_title="SWOT / ANP", layout="wide")
if is_link():
    restore_link_language()  # a reload of a link: the language in its address
else:
    restore_draft()  # a reload: the autosaved model, language and settings (ui.draft)
st.sidebar.radio(
    "Language / زبان", LANGS, key=LANG_KEY, format_func=LANG_NAMES.get, horizontal=True
)
if st.session_state.get(LANG_KEY) == "fa":  # numbers shown in Persian digits, never in files
    st.sidebar.checkbox(t("app.fa_digits"), value=st.session_state.get(DIGITS_KEY, False),
                        key="fa_digits_box", on_change=keep_digits_setting)
inject_rtl()
if is_link():
    keep_link_language()
if route():  # a participant's, join or facilitator link, or a participant-only server
    st.stop()
problems = init_state()
if problems:
    st.error("\n\n".join([t("app.load_failed"), *problems]))
    st.stop()
show_notice()  # illustrative or edited judgments, consistency computed from the current ones
st.navigation(pages()).run()
mark_language_shown()  # widgets that resend their value after a language switch (ui.i18n)
autosave_draft()
