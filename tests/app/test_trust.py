"""Issue 12 in the app: consistency beside every ranking, near ties in the headline."""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

from swot.analysis import evaluate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "swot"))
from swot_testdata import inconsistent_tehran, tied_tehran

RESULTS, WEIGHTS = "app_pages/results.py", "app_pages/weights.py"


def use(at: AppTest, model) -> AppTest:
    at.session_state["model"] = at.session_state["loaded_model"] = model
    return at


def test_results_say_every_matrix_passes(app: AppTest) -> None:
    app.switch_page(RESULTS).run()
    n = len(evaluate(app.session_state["model"]).consistency)
    assert n == 28  # groups, 4 group dependences, 4 factor sets, 19 pairwise strategy sets
    assert [s.value for s in app.success] == [
        f"Consistency: all {n} pairwise matrices pass their threshold."]


def test_failing_matrix_is_named_with_its_cr_and_opens_on_weights(app: AppTest) -> None:
    # Make "Factors within Strengths" contradict itself through the pairwise editor.
    app.switch_page(WEIGHTS).run()
    path = "judgments.factors.S"
    app.selectbox(key="pw_matrix").set_value(path).run()
    for i, j, token in ((0, 1, "9"), (1, 2, "9"), (0, 2, "1/9")):
        app.selectbox(key=f"pw:{path}:{i}:{j}").set_value(token).run()
    cr = evaluate(app.session_state["model"]).consistency.set_index("matrix").loc[path, "cr"]
    # the edits do fail (9 * 9 against 1/9 is 729 times off): the row below must not be
    # satisfied by a passing CR printed in the same format
    assert cr > 0.10
    app.switch_page(RESULTS).run()
    assert not app.exception, app.exception
    assert any("1 of" in e.value and "fail" in e.value for e in app.error)
    rows = [m.value for m in app.markdown if "Factors within Strengths" in m.value]
    assert rows == [f"- Factors within Strengths: CR {cr:.3f} > 0.10"]  # Saaty: 0.10 for n = 5
    app.button(key=f"res:open:{path}").click().run()
    assert not app.exception, app.exception
    assert app.selectbox(key="pw_matrix").value == path
    assert any(f"CR = {cr:.3f}" in e.value for e in app.error)  # its editor, CR in red


def test_failing_matrix_in_persian(app: AppTest) -> None:
    use(app, inconsistent_tehran())
    app.sidebar.radio(key="lang").set_value("fa").run()
    app.switch_page(RESULTS).run()
    assert any("گروه‌های سوات نسبت به هدف" in m.value and "نرخ ناسازگاری" in m.value
               for m in app.markdown)


def test_near_tie_is_called_a_tie(app: AppTest) -> None:
    use(app, tied_tehran()).switch_page(RESULTS).run()
    assert not app.exception, app.exception
    first, second = evaluate(app.session_state["model"]).strategies["id"][:2]
    heads = [m.value for m in app.markdown if m.value.startswith("### ")]
    assert heads[0].startswith(f"### Practically tied: {first} · ")
    assert f", {second} · " in heads[0]
    assert not any("Top strategy" in h for h in heads)


def test_clear_leader_gives_the_gap(app: AppTest) -> None:
    app.switch_page(RESULTS).run()
    # Shipped priorities SO1 0.130981, WO1 0.125717: (0.130981 - 0.125717) / 0.130981 = 4.0 %.
    assert any(c.value.startswith("4.0% ahead of WO1") for c in app.caption)


def test_export_page_states_consistency_and_offers_its_csv(app: AppTest) -> None:
    use(app, inconsistent_tehran()).switch_page("app_pages/export_import.py").run()
    assert not app.exception, app.exception
    assert any("fail their threshold" in e.value for e in app.error)
    labels = [b.label for b in app.get("download_button")]
    assert "Download the consistency of every matrix (CSV)" in labels
    app.button(key="io:open:judgments.groups").click().run()
    assert app.selectbox(key="pw_matrix").value == "judgments.groups"
