"""Benchmark of the factor-level network (structure "network"); prints figures and pass/fail
against the goals of the network issue.

Run: .venv/bin/python bench/bench_network.py

OpenBLAS runs single-threaded here unless OPENBLAS_NUM_THREADS is set: the matrices are small
(at most ~140 x 140), so threads only add wake-up latency, and on a shared, loaded machine a lot
of it (measured: the generated model's evaluate took 40 ms single-threaded and 190-520 ms with
two threads while other jobs ran). The setting is printed with the figures.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy is imported

from pathlib import Path

import numpy as np
from bench_sensitivity import median_s  # the same timing helper (median after a warm-up)
from scale_models import skeleton  # the same factors and strategies as the scale models

from swot.analysis import evaluate
from swot.io import load_model
from swot.model import GROUPS, LinkSet, StrategyJudgment, SwotModel
from swot.sensitivity import robustness

ROOT = Path(__file__).resolve().parents[1]
NETWORK = ROOT / "data" / "tehran_city_diplomacy_network.json"
RUNS = 21  # median of many: the machine is shared, single runs are noisy


def report(what: str, seconds: float, goal: float) -> bool:
    ok = seconds <= goal
    print(f"{what:<72} {seconds * 1000:8.1f} ms  (goal <= {goal * 1000:g} ms)  "
          f"{'PASS' if ok else 'FAIL'}")
    return ok


def consistent(weights: np.ndarray) -> np.ndarray:
    """The consistent pairwise matrix w_i / w_j."""
    return weights[:, None] / weights[None, :]


def generated(factors: int = 100, strategies: int = 30, links: int = 300,
              seed: int = 7) -> SwotModel:
    """A random network model: ``factors`` factors over the four groups, ``strategies``
    strategies, ``links`` dependence links (pairwise judgments, all consistent)."""
    rng = np.random.default_rng(seed)
    fac, ids, strat = skeleton(factors, strategies)
    model = SwotModel(
        title={"en": "generated", "fa": ""}, goal={"en": "goal", "fa": ""}, factors=fac,
        strategies=strat, group_judgments=consistent(rng.uniform(1, 9, 4)),
        factor_judgments={g: consistent(rng.uniform(1, 9, len(fac[g]))) for g in GROUPS},
        strategy_judgments={fid: StrategyJudgment("pairwise", consistent(
            rng.uniform(1, 9, strategies))) for fid in ids},
        structure="network")
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < links:
        a, b = rng.choice(ids, 2, replace=False)
        pairs.add((str(a), str(b)))
    table: dict[str, dict[str, list[str]]] = {}
    for src, target in sorted(pairs):
        table.setdefault(src, {}).setdefault(target[0], []).append(target)
    net = {src: {c: LinkSet(tuple(nodes), consistent(rng.uniform(1, 9, len(nodes))))
                 for c, nodes in sets.items()} for src, sets in table.items()}
    return model._replace(links=net)


def main() -> int:
    print(f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}")
    tehran = load_model(NETWORK)
    ok = report("evaluate, Tehran network model (22 factors, 9 strategies, 15 links)",
                median_s(lambda: evaluate(tehran), runs=RUNS), 0.020)
    ok &= report("robustness, Tehran network, 10,000 samples (a limit per sample)",
                 median_s(lambda: robustness(tehran, n=10_000, seed=1), runs=3), 2.0)
    fed = tehran
    for strategy in tehran.strategies:  # every strategy feeds back on the factors it names
        for fid in strategy.factors:
            fed = fed.set_link(strategy.id, fid)
    fed = fed._replace(links={src: {c: LinkSet(ls.nodes, np.ones((len(ls.nodes),) * 2))
                                    for c, ls in sets.items()} for src, sets in fed.links.items()})
    ok &= report("robustness, Tehran network with feedback, 10,000 samples (batched limits)",
                 median_s(lambda: robustness(fed, n=10_000, seed=1), runs=3), 2.0)
    big = generated()
    n_links = sum(len(ls.nodes) for sets in big.links.values() for ls in sets.values())
    ok &= report(f"evaluate, generated network ({len(big.factor_ids())} factors, "
                 f"{len(big.strategies)} strategies, {n_links} links)",
                 median_s(lambda: evaluate(big), runs=RUNS), 0.100)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
