"""Scale benchmark (issue 18): generated models of growing size, ``evaluate`` and Monte Carlo
beside plain-numpy floors timed in the same process, with the ratio, the early stop and the
peak memory of a run.

Run: .venv/bin/python bench/bench_scale.py [--samples N] [--runs R] [--sizes 20x9,100x30]

Floors: ``evaluate`` -- the model's matrices stacked by size, their principal eigenvectors by
one batched power iteration (row-sum start, matrix-vector products to 1e-15), then the stepwise
composition; no validation, no consistency, no tables, no supermatrix. Monte Carlo -- the same
number of samples in chunks of the same size: log-normal noise on every upper judgment, the
reciprocal matrices, the same batched power iteration, the composition and the rank counts.
A generated factor-level network (100 x 30, 300 links; bench_network.py) is timed too, without
a floor (each sample's ranking needs its own network solve).
Figures are the minimum of ``--runs`` runs (the machine is shared: the minimum is the run least
disturbed by other jobs); the load average is printed. Large models are timed on ``--samples``
samples (default 500, fewer for the largest) and the 10,000-sample figure is that time times
10,000 / samples, marked ``(x k)``: Monte Carlo time is linear in the samples (fixed chunks).
OpenBLAS runs single-threaded unless OPENBLAS_NUM_THREADS is set (see bench_network.py).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy is imported

import argparse
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np
from bench_network import generated as network_model
from bench_sensitivity import wall_times
from scale_models import generated_model

from swot.analysis import compose, evaluate, pairwise_matrices
from swot.model import GROUPS, SwotModel
from swot.sensitivity import chunk_size, robustness

ROOT = Path(__file__).resolve().parents[1]
TEHRAN = ROOT / "data" / "tehran_city_diplomacy.json"
SIZES = ((20, 9), (20, 100), (100, 30), (200, 100))
GOALS_EVALUATE = {(100, 30): 0.050, (20, 100): 0.100}  # seconds


def best_s(fn: Callable[[], object], runs: int) -> float:
    """Minimum wall time of ``runs`` calls after one warm-up call, in seconds."""
    return min(wall_times(fn, runs))


def alternating(fn: Callable[[], object], floor: Callable[[], object],
                runs: int) -> tuple[float, float]:
    """Minimum wall times of ``fn`` and ``floor``, called in turn ``runs`` times each (so a
    burst of load from other jobs hits both alike)."""
    a, b = [], []
    for _ in range(runs):
        for fun, times in ((fn, a), (floor, b)):
            t0 = time.perf_counter()
            fun()
            times.append(time.perf_counter() - t0)
    return min(a), min(b)


def _power(stack: np.ndarray) -> np.ndarray:
    """Principal eigenvectors of a stack (K, n, n): matrix-vector products to 1e-15."""
    x = stack.sum(axis=-1)
    x /= x.sum(axis=-1, keepdims=True)
    for _ in range(500):
        y = np.einsum("kij,kj->ki", stack, x) if stack.shape[-1] < 64 else (
            stack @ x[..., None])[..., 0]
        y /= y.sum(axis=-1, keepdims=True)
        if np.abs(y - x).max() <= 1e-15:
            return y
        x = y
    return x


def _layout(model: SwotModel) -> tuple[list[str], dict[int, list[int]], np.ndarray]:
    """Paths of the matrices, their indices grouped by size, the factors' group indices."""
    paths = [p for p, _, _ in pairwise_matrices(model)]
    sizes: dict[int, list[int]] = {}
    for k, (_, items, _) in enumerate(pairwise_matrices(model)):
        sizes.setdefault(len(items), []).append(k)
    groups = np.array([GROUPS.index(f.group) for f in model.all_factors()])
    return paths, sizes, groups


def _compose(model: SwotModel, paths: list[str], weights: list[np.ndarray],
             groups: np.ndarray) -> np.ndarray:
    """Strategy priorities (K, m) from per-matrix priorities (each (K, n))."""
    by_path = dict(zip(paths, weights, strict=True))
    k = weights[0].shape[0]
    dep = np.zeros((k, 4, 4))
    for g in GROUPS:
        dep[:, :, GROUPS.index(g)] = by_path[f"judgments.group_dependence.{g}"]
    local = np.concatenate([by_path[f"judgments.factors.{g}"] for g in GROUPS], axis=-1)
    strategy = np.stack([by_path[f"judgments.strategies.{f}"] for f in model.factor_ids()],
                        axis=-1)
    return compose(by_path["judgments.groups"], dep, local, groups, strategy).strategy_priorities


def evaluate_floor(model: SwotModel) -> np.ndarray:
    """Strategy priorities by the plain-numpy floor (see the module notes)."""
    paths, sizes, groups = _layout(model)
    matrices = [m for _, _, m in pairwise_matrices(model)]
    weights: list[np.ndarray] = [np.empty(0)] * len(matrices)
    for idx in sizes.values():
        solved = _power(np.stack([matrices[i] for i in idx]))
        for row, i in enumerate(idx):
            weights[i] = solved[row][None]
    return _compose(model, paths, weights, groups)[0]


def monte_carlo_floor(model: SwotModel, n: int, chunk: int, spread: float = 0.2,
                      seed: int = 1) -> np.ndarray:
    """Rank counts (m, m) of ``n`` log-normal samples by the plain-numpy floor."""
    paths, sizes, groups = _layout(model)
    matrices = [m for _, _, m in pairwise_matrices(model)]
    uppers = {}
    for size, idx in sizes.items():
        iu, ju = np.triu_indices(size, 1)
        uppers[size] = (np.stack([matrices[i] for i in idx])[:, iu, ju], iu * size + ju,
                        ju * size + iu, np.arange(size) * (size + 1))
    m = len(model.strategies)
    counts = np.zeros(m * m, dtype=int)
    for c, child in enumerate(np.random.SeedSequence(seed).spawn(-(-n // chunk))):
        rng = np.random.default_rng(child)
        size_c = min(chunk, n - c * chunk)
        weights: list[np.ndarray] = [np.empty(0)] * len(matrices)
        for size, idx in sizes.items():
            upper, fu, fl, fd = uppers[size]
            drawn = upper * np.exp(spread * rng.standard_normal((size_c, *upper.shape)))
            flat = drawn.reshape(-1, upper.shape[-1])
            full = np.empty((flat.shape[0], size * size))
            full[:, fu], full[:, fl], full[:, fd] = flat, 1.0 / flat, 1.0
            solved = _power(full.reshape(-1, size, size)).reshape(size_c, len(idx), size)
            for row, i in enumerate(idx):
                weights[i] = solved[:, row]
        priorities = _compose(model, paths, weights, groups)
        ranks = np.argsort(np.argsort(-priorities, axis=-1, kind="stable"), axis=-1)
        counts += np.bincount((np.arange(m) * m + ranks).ravel(), minlength=m * m)
    return counts.reshape(m, m)


def peak_mib(fn: Callable[[], object]) -> float:
    """Peak traced memory of one call, in MiB."""
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=500,
                        help="Monte Carlo samples timed on models above 20 x 9 (default 500)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (default 3)")
    parser.add_argument("--sizes", default=",".join(f"{f}x{s}" for f, s in SIZES),
                        help="factors x strategies to run, e.g. 20x9,100x30")
    parser.add_argument("--precision", type=float, default=0.01,
                        help="standard error for the early-stop run (default 0.01)")
    parser.add_argument("--no-network", dest="network", action="store_false",
                        help="skip the generated network model (100 x 30, 300 links)")
    args = parser.parse_args()
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    print(f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}, load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; min of {args.runs} runs")
    print(f"{'model':>8} {'evaluate':>9} {'floor':>8} {'ratio':>6} | {'MC 10k':>12} "
          f"{'MC floor':>12} {'ratio':>6} | {'chunk':>5} {'peak MiB':>8} | "
          f"{'early stop':>22}")
    ok = True
    for factors, strategies in sizes:
        model = generated_model(factors, strategies)
        result = evaluate(model)
        floor = evaluate_floor(model)
        gap = np.abs(result.stepwise.to_numpy() - floor).max()
        if gap > 1e-10:
            print(f"  floor disagrees with evaluate by {gap:.2e}")
            ok = False
        t_eval = best_s(lambda m=model: evaluate(m), args.runs)
        t_floor = best_s(lambda m=model: evaluate_floor(m), args.runs)
        cells = factors * strategies ** 2
        small = cells <= 20 * 9 ** 2
        n = 10_000 if small else int(np.clip(args.samples * 20 * 100 ** 2 / cells, 50,
                                             args.samples))
        chunk = chunk_size(model)
        t_mc, t_mcf = alternating(lambda m=model, n=n: robustness(m, n=n, seed=1),
                                  lambda m=model, n=n, c=chunk: monte_carlo_floor(m, n, c),
                                  args.runs)
        scale = 10_000 / n
        mark = "" if scale == 1 else f" (x{scale:g})"
        peak = peak_mib(lambda m=model, n=n: robustness(m, n=n, seed=1))
        t0 = time.perf_counter()
        early = robustness(model, n=10_000, seed=1, precision=args.precision) if (
            cells <= 100 * 30 ** 2) else None
        t_early = time.perf_counter() - t0
        stop = (f"{early.samples:>5} in {t_early:5.1f} s, se {early.standard_error:.4f}"
                if early is not None else "not run (too slow)")
        print(f"{factors:>4}x{strategies:<3} {t_eval * 1e3:7.1f}ms {t_floor * 1e3:6.1f}ms "
              f"{t_eval / t_floor:6.1f} | {t_mc * scale:7.1f} s{mark:<5}"
              f"{t_mcf * scale:6.1f} s{mark:<5} {t_mc / t_mcf:6.2f} | {chunk:>5} {peak:8.0f} | "
              f"{stop}")
        goal = GOALS_EVALUATE.get((factors, strategies))
        if goal is not None and t_eval > goal:
            print(f"  evaluate above the goal of {goal * 1e3:g} ms")
            ok = False
        if t_mc / t_mcf > 1.5:
            print("  Monte Carlo above 1.5 x its floor")
            ok = False
    if args.network:
        net = network_model(100, 30, 300)
        n = min(args.samples, 500)
        t_eval = best_s(lambda: evaluate(net), args.runs)
        t_mc = best_s(lambda: robustness(net, n=n, seed=1), args.runs)
        peak = peak_mib(lambda: robustness(net, n=n, seed=1))
        t0 = time.perf_counter()
        early = robustness(net, n=10_000, seed=1, precision=args.precision)
        t_early = time.perf_counter() - t0
        print(f"network 100x30, 300 links (no floor): evaluate {t_eval * 1e3:.1f} ms, "
              f"Monte Carlo {t_mc * 10_000 / n:.1f} s per 10,000 (x{10_000 / n:g}), chunk "
              f"{chunk_size(net)}, peak {peak:.0f} MiB, early stop {early.samples} in "
              f"{t_early:.1f} s, se {early.standard_error:.4f}")
    script = Path(sys.executable).with_name("swot-anp")
    command = [str(script), "robustness", str(TEHRAN), "-n", "10000", "--seed", "1"]
    walls = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        walls.append(time.perf_counter() - t0)
    print(f"swot-anp robustness on Tehran, 10,000 samples, whole command: {min(walls):.2f} s "
          f"(goal <= 2 s)")
    ok &= min(walls) <= 2.0
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
