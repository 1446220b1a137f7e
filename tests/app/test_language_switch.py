"""Switching language re-sends the value of every language-dependent select box, so that the
browser shows it in the new language (issue 12; the browser side is checked in
test_e2e_browser.py)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

PAGES = {
    "app_pages/weights.py": ["pw_matrix"],
    "app_pages/sensitivity.py": ["sens_group"],
    "app_pages/model.py": ["factor_pick", "strategy_pick", "f0_new_group", "f0_new_provenance",
                         "s0_new_tows"],
}


@pytest.mark.parametrize("page", list(PAGES))
def test_select_boxes_resend_their_value_after_a_switch(app: AppTest, page: str) -> None:
    app.switch_page(page).run()
    app.run()  # a plain rerun: nothing re-sent
    for key in PAGES[page]:
        assert not app.selectbox(key=key).proto.set_value, key
    app.sidebar.radio(key="lang").set_value("fa").run()
    assert not app.exception, app.exception
    for key in PAGES[page]:
        box = app.selectbox(key=key)
        assert box.proto.set_value, key  # the browser is told the value again, in Persian
    app.run()
    for key in PAGES[page]:
        assert not app.selectbox(key=key).proto.set_value, key
