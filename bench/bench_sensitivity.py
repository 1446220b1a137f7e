"""Benchmark of the sensitivity analysis on the Tehran model; prints figures and pass/fail
against the goals of the sensitivity issue.

Run: .venv/bin/python bench/bench_sensitivity.py
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from swot.analysis import evaluate
from swot.io import load_model
from swot.model import GROUPS
from swot.sensitivity import robustness, sweep_group

ROOT = Path(__file__).resolve().parents[1]
TEHRAN = ROOT / "data" / "tehran_city_diplomacy.json"
RUNS = 3

def wall_times(fn: Callable[[], object], runs: int) -> list[float]:
    """Wall times of ``runs`` calls after one warm-up call, in seconds."""
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def median_s(fn: Callable[[], object], runs: int = RUNS) -> float:
    """Median wall time of ``runs`` calls after one warm-up call, in seconds."""
    return float(np.median(wall_times(fn, runs)))


def report(what: str, seconds: float, goal: float) -> bool:
    ok = seconds <= goal
    print(f"{what:<68} {seconds:7.3f} s  (goal <= {goal:g} s)  {'PASS' if ok else 'FAIL'}")
    return ok


def cli_command() -> list[str]:
    """``swot-anp`` itself when installed in this environment, else ``python -m swot``."""
    script = Path(sys.executable).with_name("swot-anp")
    return [str(script)] if script.exists() else [sys.executable, "-m", "swot"]


def main() -> int:
    model = load_model(TEHRAN)
    result = evaluate(model)
    print(f"Tehran model: {len(model.factor_ids())} factors, {len(model.strategies)} strategies")
    results = [
        report("Monte Carlo, 10,000 samples (compute, median of 3)",
               median_s(lambda: robustness(model, n=10_000, seed=1)), 1.0),
        report("Monte Carlo, 10,000 samples, Saaty steps (compute, median of 3)",
               median_s(lambda: robustness(model, n=10_000, seed=1, method="saaty")), 1.0),
        report("One-way sweeps, all four groups at 101 points (median of 3)",
               median_s(lambda: [sweep_group(model, g, 101, result=result) for g in GROUPS]),
               0.2),
    ]
    command = [*cli_command(), "robustness", str(TEHRAN), "-n", "10000", "--seed", "1"]
    walls = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        walls.append(time.perf_counter() - t0)
        if done.returncode != 0:
            print(done.stderr.decode(errors="replace"))
            return 1
    results.append(report("swot-anp robustness -n 10000 --seed 1 (whole command, median of 3)",
                          float(np.median(walls)), 2.0))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
