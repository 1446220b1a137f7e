"""Rerun time of the Weights page on generated models of 100 x 30 and 20 x 100 (issue 18), with
a strategy matrix of 30 or 100 items open in the pairwise editor (a grid above 12 items).

Run: .venv/bin/python bench/bench_app_scale.py

Each figure is an AppTest rerun after a direct-weight slider move: the model changes and the
whole page is redrawn and recomputed (evaluate, the open matrix's grid, its priorities,
consistency and suggestions), which is the server work of a judgment change in the grid too
(AppTest cannot click a data-editor cell; the edit itself is one ``set_judgment``, timed
beside). AppTest adds its own overhead, so these are upper bounds of the server time.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy is imported

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the ui package lives beside app.py

from scale_models import generated_model  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

GOALS = {(100, 30): 0.300, (20, 100): 1.0}  # seconds
APP = str(ROOT / "app.py")


def rerun_times(factors: int, strategies: int, moves: int = 7) -> tuple[list[float], int]:
    """Wall times of AppTest reruns after slider moves, and the widgets on the page."""
    model = generated_model(factors, strategies).set_weighting("direct")
    for k, f in enumerate(model.all_factors()):
        model = model.set_direct_weight("factor", f.id, 1.0 + k % 3)
    for g in ("S", "W", "O", "T"):
        model = model.set_direct_weight("group", g, 0.25)
    at = AppTest.from_file(APP, default_timeout=300)
    at.session_state["model"] = model
    at.run()
    at.switch_page("app_pages/weights.py").run()
    path = f"judgments.strategies.{model.factor_ids()[0]}"
    at.selectbox(key="pw_matrix").set_value(path).run()
    assert not at.exception, at.exception
    widgets = sum(len(getattr(at, kind)) for kind in (
        "selectbox", "slider", "button", "number_input", "radio", "checkbox", "data_editor"))
    times = []
    for step in range(moves):
        start = time.perf_counter()
        at.slider(key="w_group_W").set_value(float(20 + 3 * step)).run()
        times.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    assert len(at.data_editor) == 1
    return times, widgets


def main() -> int:
    print(f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}, load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ok = True
    for (factors, strategies), goal in GOALS.items():
        times, widgets = rerun_times(factors, strategies)
        model = generated_model(factors, strategies)
        path = f"judgments.strategies.{model.factor_ids()[0]}"
        start = time.perf_counter()
        for _ in range(100):
            model.set_judgment(path, 0, 1, 5.0)
        edit = (time.perf_counter() - start) / 100
        best, median = min(times), statistics.median(times)
        print(f"{factors} x {strategies}: rerun after a change, min {best * 1e3:.0f} ms, median "
              f"{median * 1e3:.0f} ms of {len(times)} (goal <= {goal * 1e3:g} ms), "
              f"{widgets} widgets on the page; the edit itself {edit * 1e6:.0f} us  "
              f"{'PASS' if best <= goal else 'FAIL'}")
        ok &= best <= goal
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
