"""Benchmark of the decision report on the Tehran model (and, in-process, its network
variant): prints the time to make both formats
(PDF and HTML, with the default 10,000 Monte Carlo samples) in each language, in-process and
as the command a user runs (a fresh process: imports included), and pass/fail against the
issue's goal of 5 s. Also times the Excel workbook.

Run: .venv/bin/python bench/bench_report.py
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from swot.report.make import ReportRequest, load_source, render_report

ROOT = Path(__file__).resolve().parents[1]
TEHRAN = ROOT / "data" / "tehran_city_diplomacy.json"
TEHRAN_NETWORK = ROOT / "data" / "tehran_city_diplomacy_network.json"
GOAL_S = 5.0


def line(what: str, seconds: float, goal: float | None = GOAL_S) -> bool:
    ok = goal is None or seconds <= goal
    verdict = "" if goal is None else f"  (goal <= {goal:g} s)  {'PASS' if ok else 'FAIL'}"
    print(f"{what:<62} {seconds:7.3f} s{verdict}")
    return ok


def main() -> int:
    ok = True
    for name, path in (("Tehran", TEHRAN), ("Tehran network", TEHRAN_NETWORK)):
        source = load_source(str(path), None, None, None)
        for lang in ("en", "fa"):
            request = ReportRequest(source=source, lang=lang, day=dt.date(2026, 11, 29), seed=1,
                                    command="swot-anp report ...")
            t0 = time.perf_counter()
            pdf, html, _ = render_report(request)
            seconds = time.perf_counter() - t0
            ok &= line(f"{name} report {lang}, PDF + HTML, 10,000 MC (in-process)", seconds)
            print(f"{'':<62} PDF {len(pdf or b'') / 1024:.0f} KiB, HTML "
                  f"{len(html or b'') / 1024:.0f} KiB")
    with tempfile.TemporaryDirectory() as folder:
        for lang in ("en", "fa"):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "swot", "report", str(TEHRAN), "--lang", lang,
                            "--pdf", f"{folder}/r.pdf", "--html", f"{folder}/r.html",
                            "--date", "2026-11-29"], check=True, capture_output=True)
            ok &= line(f"swot-anp report {lang} --pdf --html (new process)",
                       time.perf_counter() - t0)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "swot", "export", str(TEHRAN), "--xlsx",
                        f"{folder}/w.xlsx"], check=True, capture_output=True)
        line("swot-anp export --xlsx (new process, 10,000 MC)", time.perf_counter() - t0, None)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
