"""A reload keeps the session's work (issue 12): the autosaved draft named in the address
brings back the model, the model as loaded, the language and the matrix being edited. The
real reload in a browser is in test_e2e_browser.py."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from swot import todo
from swot.model import Factor
from swot.store.drafts import QUERY_PARAM
from ui.draft import TOKEN_KEY

ROOT = Path(__file__).resolve().parents[2]


def reopen(token: str) -> AppTest:
    """A new session (what a reload gives) on the address with ``?draft=token``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params[QUERY_PARAM] = token
    at.run()
    assert not at.exception, at.exception
    return at


def test_reload_brings_back_model_language_and_matrix(app: AppTest) -> None:
    token = app.query_params[QUERY_PARAM]
    shipped = app.session_state["model"]
    app.switch_page("app_pages/weights.py").run()
    app.selectbox(key="pw_matrix").set_value("judgments.factors.W").run()
    app.selectbox(key="pw:judgments.factors.W:0:1").set_value("9").run()
    app.sidebar.radio(key="lang").set_value("fa").run()
    edited = app.session_state["model"]
    assert edited != shipped

    again = reopen(token)
    assert again.session_state["model"] == edited
    assert again.session_state["loaded_model"] == shipped  # the notice still says "edited"
    assert again.session_state["lang"] == "fa"
    again.switch_page("app_pages/weights.py").run()
    assert again.selectbox(key="pw_matrix").value == "judgments.factors.W"
    texts = [b.value for b in [*again.info, *again.warning]]
    assert any("تغییر کرده‌اند" in x for x in texts)


def test_placeholders_survive_a_reload(app: AppTest) -> None:
    token = app.query_params[QUERY_PARAM]
    model = todo.add_factor(app.session_state["model"], "O", Factor("O6", "O", "x", ""))
    app.session_state["model"] = model
    app.run()
    again = reopen(token)
    assert todo.open_items(again.session_state["model"]) == todo.open_items(model)


def test_unknown_or_bad_token_starts_afresh(app: AppTest) -> None:
    shipped = app.session_state["model"]
    for token in ("x" * 22, "no good!"):
        at = reopen(token)
        assert at.session_state["model"] == shipped
        chosen = at.session_state[TOKEN_KEY]  # the token the session saves its draft under
        assert chosen == token if token.isalnum() else chosen != token  # a bad one is replaced
        shown = at.query_params[QUERY_PARAM]  # a list in Streamlit 1.63's AppTest
        assert (shown[-1] if isinstance(shown, list) else shown) == chosen


def test_the_choices_of_the_page_in_view_come_back(app: AppTest) -> None:
    token = app.query_params[QUERY_PARAM]
    app.switch_page("app_pages/sensitivity.py").run()
    app.radio(key="sens_kind").set_value("factor").run()
    app.selectbox(key="sens_factor").set_value("O2").run()
    app.radio(key="sens_mc_method").set_value("saaty").run()
    again = reopen(token)
    again.switch_page("app_pages/sensitivity.py").run()
    assert again.radio(key="sens_kind").value == "factor"
    assert again.selectbox(key="sens_factor").value == "O2"
    assert again.radio(key="sens_mc_method").value == "saaty"
