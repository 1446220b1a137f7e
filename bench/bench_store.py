"""Store benchmark: p50/p95 of a participant's submission and of loading the facilitator's
results, with 1, 8 and 60 concurrent writer processes, on SQLite and (given a URL) PostgreSQL.

    python bench/bench_store.py [--postgres URL] [--writers 1 8 60] [--per-writer 20]

Each writer is its own process that opens a Store per action (as the app's pages do) and
submits the tiny test model's judgments, warmed up first as a running app server is: the
model validator (numpy, jsonschema, the compiled schema) is loaded before the timed submissions
(in a fresh process the first submission pays about 50 ms of CPU for it, several times that
while 8 writers share two cores: 8 such first submissions of 160 made the 95th percentile). One
more process loads the facilitator's results (participants and every latest submission) in a
loop while the writers run. The PostgreSQL database given is emptied first.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "store"))

from store_testdata import empty_postgres, tiny_model  # noqa: E402

from swot.store import Store, check_judgments_shape  # noqa: E402


def _writer(db: str, code: str, pid: int, count: int, barrier: Any, out: Any) -> None:
    with Store(db) as store:
        workshop = store.get_workshop(code)
    judgments = workshop.model["judgments"]
    check_judgments_shape(judgments, workshop.model)  # warm, as a running app server is
    times = []
    barrier.wait()
    for seq in range(count):
        judgments["groups"][0][1] = 1 + seq % 9
        judgments["groups"][1][0] = 1 / (1 + seq % 9)
        started = time.perf_counter()
        with Store(db) as store:
            store.submit(code, pid, judgments, workshop.fingerprint)
        times.append(time.perf_counter() - started)
    out.put(("submit", times))


def _facilitator(db: str, code: str, barrier: Any, stop: Any, out: Any) -> None:
    times = []
    barrier.wait()
    while not stop.is_set() or not times:
        started = time.perf_counter()
        with Store(db) as store:
            store.participants(code)
            store.latest_submissions(code)
        times.append(time.perf_counter() - started)
    out.put(("load", times))


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(db: str, writers: int, per_writer: int) -> dict[str, list[float]]:
    """Times (s) of every submission and facilitator load with ``writers`` writers."""
    with Store(db) as store:
        code = store.create_workshop(tiny_model()).code
        people = [store.join(code, f"writer {i}").id for i in range(writers)]
    context = multiprocessing.get_context("fork")
    barrier, stop, out = context.Barrier(writers + 1), context.Event(), context.Queue()
    procs = [context.Process(target=_writer, args=(db, code, pid, per_writer, barrier, out))
             for pid in people]
    reader = context.Process(target=_facilitator, args=(db, code, barrier, stop, out))
    for proc in [*procs, reader]:
        proc.start()
    results: dict[str, list[float]] = {"submit": [], "load": []}
    for _ in procs:
        kind, times = out.get(timeout=600)
        results[kind] += times
    stop.set()
    kind, times = out.get(timeout=600)
    results[kind] += times
    for proc in [*procs, reader]:
        proc.join(timeout=60)
    with Store(db) as store:
        stored = sum(p.revisions for p in store.participants(code))
    assert stored == writers * per_writer, (stored, writers * per_writer)
    return results


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="postgresql+psycopg://... (emptied first)")
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 8, 60])
    parser.add_argument("--per-writer", type=int, default=20)
    args = parser.parse_args(argv)
    engines = [("SQLite", None)] + ([("PostgreSQL", args.postgres)] if args.postgres else [])
    print(f"{'engine':<11} {'writers':>7} {'submissions':>11} {'submit p50':>10} "
          f"{'p95 ms':>7} {'loads':>6} {'load p50':>9} {'p95 ms':>7}")
    for name, url in engines:
        for writers in args.writers:
            with tempfile.TemporaryDirectory() as folder:
                if url:
                    empty_postgres(url)
                db = url or str(Path(folder) / "bench.sqlite3")
                result = run(db, writers, args.per_writer)
            sub, load = result["submit"], result["load"]
            print(f"{name:<11} {writers:>7} {len(sub):>11} {_ms(sub, 0.5):>10.1f} "
                  f"{_ms(sub, 0.95):>7.1f} {len(load):>6} {_ms(load, 0.5):>9.1f} "
                  f"{_ms(load, 0.95):>7.1f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
