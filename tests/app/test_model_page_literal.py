"""The Model page shows the model file's own texts (title, goal, source titles and files)
literally: no Markdown, links or HTML made of them."""

from __future__ import annotations

from dataclasses import replace

from streamlit.testing.v1 import AppTest

from swot.model import Source
from ui.literal import literal

TYPED = "**bold** [prize](http://evil.example) <b>x</b>"


def test_title_goal_and_sources_are_shown_literally(app: AppTest) -> None:
    model = app.session_state["model"]
    app.session_state["model"] = replace(
        model, title={"en": TYPED, "fa": ""}, goal={"en": TYPED, "fa": ""},
        sources=[Source("s1", "a`b.md", TYPED)])
    app.run()
    assert not app.exception, app.exception
    header = app.header[0].value
    assert "\\*\\*bold\\*\\*" in header and "\\[prize\\]" in header and "\\<b\\>" in header
    assert any(literal(TYPED) in m.value for m in app.markdown)  # the goal
    sources = [c.value for c in app.caption if literal(TYPED) in c.value]
    assert len(sources) == 1 and "a'b.md" in sources[0]  # a backtick cannot end the code span
