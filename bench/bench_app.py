"""Rerun cost of the Streamlit app on the Tehran model; prints figures against the goals.

Run: ``.venv/bin/python bench/bench_app.py``. Times the pure compute of a rerun (evaluate, the
results figures, the CSV), then, for each page, the time to first render in a new session and
the server-side time of a rerun after a pairwise judgment change and after a direct-weight
slider move (goal <= 150 ms each), and the Weights page's own widgets. Page times are whole
AppTest runs (the script plus AppTest's own overhead), so they are an upper bound on what the
server spends; the drafts go to a temporary database.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the ui package lives beside app.py

from streamlit.testing.v1 import AppTest  # noqa: E402

from swot.analysis import evaluate  # noqa: E402
from swot.export import ranking_csv  # noqa: E402
from swot.io import load_model  # noqa: E402
from ui.charts import factor_weights_chart, heatmap, ranking_chart  # noqa: E402

GOAL_MS = 100.0
RERUN_GOAL_MS = 150.0
APP = str(ROOT / "app.py")
PAGES = {
    "Model": "app_pages/model.py",
    "Weights & judgments": "app_pages/weights.py",
    "Results": "app_pages/results.py",
    "Sensitivity": "app_pages/sensitivity.py",
    "Scenarios": "app_pages/scenarios.py",
    "Workshop": "app_pages/workshop.py",
    "Export / import": "app_pages/export_import.py",
}


def timed(action: Callable[[], object], repeat: int = 30) -> float:
    """Median wall time of ``action`` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def report(name: str, ms: float, goal: float | None = GOAL_MS) -> bool:
    """Print one figure; return whether it meets the goal."""
    ok = goal is None or ms <= goal
    verdict = "" if goal is None else f"goal <= {goal:.0f} ms  {'PASS' if ok else 'FAIL'}"
    print(f"{name:<62} {ms:8.1f} ms   {verdict}")
    return ok


def app_reruns() -> tuple[float, float]:
    """Median AppTest rerun after a group-weight slider move and after a judgment change."""
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("app_pages/weights.py").run()
    at.radio(key="weighting").set_value("direct").run()
    slider_times = []
    for step in range(20):
        start = time.perf_counter()
        at.slider(key="w_group_W").set_value(float(20 + 3 * step)).run()
        slider_times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    at.radio(key="weighting").set_value("pairwise").run()
    at.selectbox(key="pw_matrix").set_value("judgments.groups").run()
    judgment_times = []
    for token in ["3", "2", "4", "1/2"] * 5:
        start = time.perf_counter()
        at.selectbox(key="pw:judgments.groups:0:1").set_value(token).run()
        judgment_times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return statistics.median(slider_times), statistics.median(judgment_times)


def _median_run(at: AppTest, change: Callable[[int], None], repeat: int = 8) -> float:
    times = []
    for k in range(repeat):
        change(k)
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return statistics.median(times)


def page_figures(name: str, page: str) -> list[bool]:
    """First render of ``page`` in a new session, and its reruns after a judgment change and
    after a slider move (the model changed as the Weights page's widgets would change it)."""
    at = AppTest.from_file(APP, default_timeout=120)
    start = time.perf_counter()
    at.run()
    at.switch_page(page).run()
    first = (time.perf_counter() - start) * 1000
    assert not at.exception, at.exception
    shipped = at.session_state["model"]
    tokens = [3.0, 2.0, 4.0, 0.5]

    def judgment(k: int) -> None:
        at.session_state["model"] = shipped.set_judgment("judgments.groups", 0, 1, tokens[k % 4])

    judged = _median_run(at, judgment)
    direct = shipped.set_weighting("direct")

    def slider(k: int) -> None:
        at.session_state["model"] = direct.set_direct_weight("group", "W", 0.2 + 0.03 * k)

    moved = _median_run(at, slider)
    return [
        report(f"{name}: first render (new session)", first, None),
        report(f"{name}: rerun after a judgment change", judged, RERUN_GOAL_MS),
        report(f"{name}: rerun after a slider move", moved, RERUN_GOAL_MS),
    ]


def main() -> int:
    model = load_model(ROOT / "data" / "tehran_city_diplomacy.json")
    direct = model.set_weighting("direct")
    result = evaluate(model)

    def figures() -> None:
        ranking_chart(result.strategies, "en")
        factor_weights_chart(result.factors, "en")
        for matrix in (result.unweighted, result.weighted, result.limit):
            heatmap(matrix, {}, "en")

    ok = [
        report("evaluate, pairwise judgments", timed(lambda: evaluate(model))),
        report("evaluate, direct weights after a slider change",
               timed(lambda: evaluate(direct.set_direct_weight("group", "W", 0.5)))),
        report("results figures (ranking, factor weights, 3 heat maps)", timed(figures)),
        report("ranking CSV", timed(lambda: ranking_csv(result.strategies, "en"))),
    ]
    slider_ms, judgment_ms = app_reruns()
    ok.append(report("Weights page widgets: rerun after a slider move", slider_ms,
                     RERUN_GOAL_MS))
    ok.append(report("Weights page widgets: rerun after a judgment change", judgment_ms,
                     RERUN_GOAL_MS))
    for name, page in PAGES.items():
        ok += page_figures(name, page)
    print("ALL PASS" if all(ok) else "SOME FAIL")
    return 0 if all(ok) else 1


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:  # scenarios and drafts of the benchmark
        os.environ["SWOT_ANP_DB"] = str(Path(folder) / "bench.sqlite3")
        sys.exit(main())
