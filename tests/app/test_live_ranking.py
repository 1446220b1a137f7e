"""The live ranking beside the Weights page's editors (issue 12)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from swot.analysis import evaluate

WEIGHTS = "app_pages/weights.py"


def live_rows(at: AppTest) -> list[str]:
    return [m.value for m in at.sidebar.markdown if m.value.startswith("**") and " · `" in m.value]


def test_top_three_and_their_moves_after_a_judgment(app: AppTest) -> None:
    app.switch_page(WEIGHTS).run()
    before = evaluate(app.session_state["model"]).strategies
    rows = live_rows(app)
    assert rows == [f"**{r.rank}** · `{r.id}` {r.priority:.4f} (=, +0.0000)"
                    for r in before.head(3).itertuples()]
    # the shipped model's top three (priorities 0.130981, 0.125717, 0.121519), written out
    assert rows == ["**1** · `SO1` 0.1310 (=, +0.0000)", "**2** · `WO1` 0.1257 (=, +0.0000)",
                    "**3** · `SO2` 0.1215 (=, +0.0000)"]
    app.selectbox(key="pw_matrix").set_value("judgments.groups").run()
    app.selectbox(key="pw:judgments.groups:0:1").set_value("1/9").run()  # W far above S
    after = evaluate(app.session_state["model"]).strategies
    old = before.set_index("id")
    expected = []
    for r in after.head(3).itertuples():
        k = int(old.loc[r.id, "rank"]) - r.rank
        moved = "=" if k == 0 else f"▲{k}" if k > 0 else f"▼{-k}"
        expected.append(f"**{r.rank}** · `{r.id}` {r.priority:.4f} "
                        f"({moved}, {r.priority - old.loc[r.id, 'priority']:+.4f})")
    assert live_rows(app) == expected
    assert list(after["id"][:3]) != list(before["id"][:3])  # the edit reorders the top 3


def test_live_ranking_beside_the_sliders_and_in_persian(app: AppTest) -> None:
    app.switch_page(WEIGHTS).run()
    app.radio(key="weighting").set_value("direct").run()
    app.slider(key="w_group_W").set_value(100.0).run()
    result = evaluate(app.session_state["model"])
    assert live_rows(app)[0].startswith(f"**1** · `{result.strategies['id'].iloc[0]}`")
    app.sidebar.radio(key="lang").set_value("fa").run()
    assert any(m.value == "**رتبه‌بندی زنده**" for m in app.sidebar.markdown)
