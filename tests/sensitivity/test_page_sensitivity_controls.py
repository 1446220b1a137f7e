"""Sensitivity page (issue 12): sweep downloads, only the applicable Monte Carlo inputs, a
cancel button for long runs, values kept across a language switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_pages import sensitivity as page
from swot import todo
from swot.io import load_model
from ui.strings import tr

ROOT = Path(__file__).resolve().parents[2]
SENSITIVITY = "app_pages/sensitivity.py"


@pytest.fixture
def at() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page(SENSITIVITY).run()
    assert not at.exception, at.exception
    return at


def test_sweep_can_be_downloaded(at: AppTest) -> None:
    labels = {b.label for b in at.get("download_button")}
    assert {"Download the sweep (CSV)", "Download the rank reversals (CSV)"} <= labels


def test_only_the_chosen_perturbation_shows_its_input(at: AppTest) -> None:
    keys = {s.key for s in at.slider}
    assert "sens_mc_spread" in keys and "sens_mc_steps" not in keys
    at.radio(key="sens_mc_method").set_value("saaty").run()
    keys = {s.key for s in at.slider}
    assert "sens_mc_steps" in keys and "sens_mc_spread" not in keys


def test_perturb_direct_only_when_something_is_direct(at: AppTest) -> None:
    assert any(c.key == "sens_mc_direct" for c in at.checkbox)  # Tehran rates W7, O3, T5
    model = load_model(ROOT / "data" / "tehran_city_diplomacy.json")
    all_pairwise = model
    for fid, j in model.strategy_judgments.items():
        if j.kind == "ratings":
            all_pairwise = todo.switch_kind(all_pairwise, fid, "pairwise")
    at.session_state["model"] = all_pairwise
    at.run()
    assert not any(c.key == "sens_mc_direct" for c in at.checkbox)


def test_monte_carlo_inputs_survive_a_language_switch(at: AppTest) -> None:
    at.number_input(key="sens_mc_n").set_value(700)
    at.slider(key="sens_mc_spread").set_value(0.4)
    at.button[0].click().run()
    at.sidebar.radio(key="lang").set_value("fa").run()
    assert at.number_input(key="sens_mc_n").value == 700
    assert at.slider(key="sens_mc_spread").value == pytest.approx(0.4)
    assert at.number_input(key="sens_mc_n").label == tr("sensitivity.samples", "fa")


class _Slot:
    def __init__(self) -> None:
        self.progressed: list[float] = []
        self.buttons: list[str] = []

    def progress(self, value: float, text: str) -> None:
        self.progressed.append(value)

    def button(self, label: str, key: str, on_click: object) -> None:
        self.buttons.append(key)


def test_cancel_button_appears_once_a_run_is_long(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([0.5, 1.5, 2.0, 2.5])
    monkeypatch.setattr(page.time, "perf_counter", lambda: next(clock))
    bar, cancel = _Slot(), _Slot()
    update = page._progress_callback(bar, 0.0, "en", cancel)  # type: ignore[arg-type]
    for fraction in (0.25, 0.5, 0.75, 1.0):
        update(fraction)
    # started at 0: elapsed 0.5, 1.5, 2.0, 2.5 s against PROGRESS_AFTER = 1 s, so the first
    # update (0.25) draws nothing and the other three draw the bar
    assert page.PROGRESS_AFTER == 1.0
    assert bar.progressed == [0.5, 0.75, 1.0]
    assert cancel.buttons == ["sens_mc_cancel"]  # shown once, after PROGRESS_AFTER


def test_cancelled_run_says_so(at: AppTest) -> None:
    at.session_state[page.CANCELLED_KEY] = True  # what the cancel button's callback sets
    at.run()
    assert any(i.value == tr("sensitivity.cancelled", "en") for i in at.info)
    at.run()
    assert not any(i.value == tr("sensitivity.cancelled", "en") for i in at.info)


def test_unrankable_model_is_explained_per_matrix(at: AppTest) -> None:
    model = at.session_state["model"]
    for j in (1, 2, 3):
        model = model.set_judgment("judgments.groups", 0, j, None)
    at.session_state["model"] = model
    at.run()
    assert not at.exception, at.exception
    assert any(m.value.startswith("- SWOT groups with respect to the goal: Strengths not yet "
                                  "compared with") for m in at.markdown)
    assert not any("judgments." in e.value for e in at.error)
    at.button(key="sens:fill_all").click().run()
    assert any(s.key == "sens_mc_spread" for s in at.slider)  # rankable again: the page is back
