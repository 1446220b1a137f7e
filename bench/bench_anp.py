"""Benchmark of the ANP core; prints medians and pass/fail against the goals in the issue.

Run: .venv/bin/python bench/bench_anp.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

import anp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "anp"))
from anp_testdata import random_reciprocal  # the tests' generator, not a copy

RUNS = 7


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1e3 * float(np.median(times))


def cyclic(rng: np.random.Generator, sizes: list[int]) -> np.ndarray:
    starts = np.cumsum([0, *sizes])
    w = np.zeros((starts[-1], starts[-1]))
    for c in range(len(sizes)):
        d = (c + 1) % len(sizes)
        block = rng.random((sizes[d], sizes[c]))
        w[starts[d]:starts[d + 1], starts[c]:starts[c + 1]] = block / block.sum(axis=0)
    return w


def report(name: str, ms: float, goal: float) -> bool:
    ok = ms <= goal
    print(f"{name:<48} {ms:9.2f} ms   goal <= {goal:8.2f} ms   {'PASS' if ok else 'FAIL'}")
    return ok


def main() -> None:
    rng = np.random.default_rng(2024)
    stack = random_reciprocal(rng, 10_000, 9)
    results = [
        report("priority eigen, 10,000 x (9x9) stack", median_ms(lambda: anp.priority(stack)),
               40.0),
        report("priority geometric, 10,000 x (9x9) stack",
               median_ms(lambda: anp.priority(stack, "geometric")), 40.0),
    ]
    print(f"{'consistency_ratio, 10,000 x (9x9) stack':<48} "
          f"{median_ms(lambda: anp.consistency_ratio(stack)):9.2f} ms")

    dense = rng.random((1000, 1000))
    rhs = rng.random(1000)
    solve_ms = median_ms(lambda: np.linalg.solve(dense, rhs))
    print(f"{'reference: numpy.linalg.solve 1000x1000':<48} {solve_ms:9.2f} ms")
    primitive = rng.random((1000, 1000))
    primitive /= primitive.sum(axis=0)
    sparse = rng.random((1000, 1000)) * (rng.random((1000, 1000)) < 0.5)
    sparse /= sparse.sum(axis=0)
    period3 = cyclic(rng, [180, 200, 220])
    results.append(report("limit_matrix, 1000-node primitive",
                          median_ms(lambda: anp.limit_matrix(primitive)), 3 * solve_ms))
    results.append(report("limit_matrix, 1000-node primitive, half zeros",
                          median_ms(lambda: anp.limit_matrix(sparse)), 3 * solve_ms))
    results.append(report("limit_matrix, 600-node period-3",
                          median_ms(lambda: anp.limit_matrix(period3)), 3 * solve_ms))
    print("ALL PASS" if all(results) else "SOME GOALS MISSED")


if __name__ == "__main__":
    main()
