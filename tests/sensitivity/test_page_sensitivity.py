"""app_pages.sensitivity: figure builders, the progress callback, and the page in AppTest."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from app_pages import sensitivity as page
from swot.io import load_model
from swot.model import SwotModel
from swot.sensitivity import robustness, sweep_group
from ui.strings import tr

TEHRAN = Path(__file__).resolve().parents[2] / "data" / "tehran_city_diplomacy.json"


@pytest.fixture(scope="module")
def tehran() -> SwotModel:
    return load_model(TEHRAN)


@pytest.mark.parametrize("language", ["en", "fa"])
def test_sweep_chart_marks_the_current_weight(tehran: SwotModel, language: str) -> None:
    sweep = sweep_group(tehran, "W")
    fig = page.sweep_chart(sweep, "W", language)
    lines = [tr for tr in fig.data if tr.mode == "lines"]
    assert len(lines) == len(tehran.strategies)
    np.testing.assert_allclose(lines[0].y, sweep.priorities.iloc[:, 0])
    (vline,) = fig.layout.shapes
    assert vline.x0 == vline.x1 == pytest.approx(sweep.current)
    tops = [tr for tr in fig.data if tr.mode == "markers"]
    assert len(tops[0].x) == int(sweep.reversals["top_change"].sum())
    if language == "fa":
        assert tehran.strategies[0].label_fa in lines[0].name or "…" in lines[0].name
    # the legend names the strategy in the chart's language (cut with "…" when long): the
    # "…" alone also held for an English label in a Persian chart
    strategy = tehran.strategy(str(sweep.priorities.columns[0]))
    shown = lines[0].name.strip("\u2066\u2067\u2068\u2069")
    assert shown.startswith(f"{strategy.id} · ")
    assert strategy.label(language).startswith(shown.removeprefix(f"{strategy.id} · ").rstrip("…"))


def test_robustness_charts_show_the_results(tehran: SwotModel) -> None:
    result = robustness(tehran, n=200, seed=4, spread=0.4)
    heat = page.rank_heatmap(result, "fa")
    np.testing.assert_allclose(heat.data[0].z, result.stats.rank_probabilities[
        [tehran.strategy_ids().index(s) for s in result.summary["id"]]])
    bars = page.intervals_chart(result, "en").data[0]
    np.testing.assert_allclose(np.asarray(bars.x) - bars.error_x.arrayminus,
                               result.summary["p05"])
    np.testing.assert_allclose(np.asarray(bars.x) + bars.error_x.array, result.summary["p95"])


class _Slot:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def progress(self, value: float, text: str) -> None:
        self.calls.append(value)


def test_progress_bar_only_after_the_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([0.5, 1.5, 2.0])
    monkeypatch.setattr(page.time, "perf_counter", lambda: next(clock))
    slot = _Slot()
    update = page._progress_callback(slot, 0.0, "en")  # type: ignore[arg-type]
    for fraction in (0.25, 0.5, 1.0):
        update(fraction)
    assert slot.calls == [0.5, 1.0]


def _app() -> None:
    import streamlit as st

    from app_pages.sensitivity import render
    from ui.state import init_state

    init_state()
    st.session_state.setdefault("lang", "fa")
    render()


def test_page_runs_sweeps_and_monte_carlo() -> None:
    at = AppTest.from_function(_app, default_timeout=60)
    at.run()
    assert not at.exception
    assert at.header[0].value == tr("app.page_sensitivity", "fa")
    at.radio(key="sens_kind").set_value("factor").run()
    at.selectbox(key="sens_factor").set_value("O2").run()
    assert not at.exception
    at.number_input[0].set_value(600)  # inside the form: sent with the click
    at.button[0].click().run()
    assert not at.exception
    assert "600" in at.caption[-1].value


def test_monte_carlo_early_stop_is_reported() -> None:
    at = AppTest.from_function(_app, default_timeout=60)
    at.run()
    at.number_input[0].set_value(5000)
    # stop at a standard error of 0.02: reached at the first check, 1000 samples, whatever the
    # draws (sqrt(p (1 - p) / 1000) <= sqrt(0.25 / 1000) = 0.0158)
    at.number_input[2].set_value(0.02)
    at.button[0].click().run()
    assert not at.exception
    caption = at.caption[-1].value
    assert "1000" in caption and "5000" in caption  # stopped after 1000 of 5000
    assert tr("sensitivity.stopped", "fa").split("{")[0] in caption
