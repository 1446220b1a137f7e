"""Rerun cost of the Streamlit app on the Tehran model; prints figures against the 100 ms goal.

Run: ``.venv/bin/python bench/bench_app.py``. Times the pure compute of a rerun (evaluate, the
results figures, the CSV) and whole AppTest reruns after a slider or judgment change (these
include AppTest's own overhead, so they are an upper bound on the app's compute).
"""

from __future__ import annotations

import statistics
import sys
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
APP = str(ROOT / "app.py")


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
    at.switch_page("ui/page_weights.py").run()
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
    ok.append(report("AppTest rerun after a group-weight slider move", slider_ms))
    ok.append(report("AppTest rerun after a pairwise judgment change", judgment_ms))
    print("ALL PASS" if all(ok) else "SOME FAIL")
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main())
