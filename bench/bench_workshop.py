"""Workshop load benchmark: simulated participants against a running Streamlit server, and
the facilitator's page on a large workshop; prints figures against the issue's goals.

Run: ``.venv/bin/python bench/bench_workshop.py`` (all), ``... load 10 30 60`` (participants;
``--servers 2`` spreads them over two server processes on the same database, as a load
balancer in front of two ``streamlit run`` would), ``... facilitator`` (60 participants x 100
revisions).

*load*: starts ``streamlit run app.py`` on a fresh database and drives N participants through
Streamlit's own websocket protocol (the messages a browser sends: no browser): each opens the
shared join link and joins (timed: join), then makes ``CHANGES`` judgment changes on the
groups matrix, one every 2-8 s (``THINK_S``), all participants at once. A change is timed
from sending it to its row's ``submitted_at`` in the database (stamped inside the saving
transaction; same clock), and to the server's "script finished" reply (the whole rerun the
participant sees). Afterwards the database must hold every change (no loss). Server memory
per session: the server's resident memory after the N sessions joined, minus before, over N;
and the same after all their changes (memory that grows with the changes shows there).

*facilitator*: a workshop on the Tehran model with 60 participants x 100 revisions; times the
store reads, the group results (computed once per change of the submissions) and whole
facilitator-page reruns through AppTest (an upper bound: AppTest adds its own overhead).
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from datetime import datetime  # noqa: E402

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from swot.io import load_model, model_to_dict  # noqa: E402
from swot.store import Store  # noqa: E402

TEHRAN = ROOT / "data" / "tehran_city_diplomacy.json"
CHANGES = 5
THINK_S = (2.0, 8.0)  # seconds between one participant's changes (reading, deciding)
PAIR = "judgments.groups:0:1"
SAVE_P95_GOAL_S = 1.0
JOIN_GOAL_S = 3.0


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds the process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


class Session:
    """One simulated browser tab on the app's websocket."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.ws = None
        self.widgets: dict[str, object] = {}  # user key -> element proto
        self.fragments: dict[str, str] = {}  # user key -> id of the fragment drawing it
        self.texts: list[str] = []  # alerts shown (to report a failure)
        self.query = ""

    async def open(self) -> None:
        self.ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None)

    async def run(self, query: str, states: list | None = None, fragment: str = "") -> float:
        """Send a rerun (with these widget states; of one fragment, as a browser does for a
        widget inside it); seconds until the script finished."""
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.fragment_id = fragment
        for state in states or []:
            msg.rerun_script.widget_states.widgets.append(state)
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        while True:
            fm = ForwardMsg()
            fm.ParseFromString(await self.ws.recv())
            kind = fm.WhichOneof("type")
            if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                element = fm.delta.new_element
                inner = getattr(element, element.WhichOneof("type"))
                element_id = getattr(inner, "id", "")
                if element_id:
                    self.widgets[element_id.rsplit("-", 1)[-1]] = inner
                    self.fragments[element_id.rsplit("-", 1)[-1]] = fm.delta.fragment_id
                elif element.WhichOneof("type") == "alert":
                    self.texts.append(element.alert.body)
            elif kind == "page_info_changed":
                self.query = fm.page_info_changed.query_string
            elif kind == "script_finished":
                return time.perf_counter() - start

    async def close(self) -> None:
        await self.ws.close()


def _state(element, **value):
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    state = WidgetState(id=element.id)
    for field, v in value.items():
        setattr(state, field, v)
    return state


async def _participant(url: str, code: str, name: str, joined: asyncio.Event,
                       go: asyncio.Event, out: dict) -> None:
    session = Session(url)
    await session.open()
    await session.run(f"workshop={code}")
    join_time = await session.run(f"workshop={code}", [
        _state(session.widgets["wsp_name"], string_value=name),
        _state(session.widgets["wsp_join"], trigger_value=True),
    ])
    out["join"].append(join_time)
    query = session.query or f"workshop={code}"
    joined.set()
    await go.wait()
    key = f"wsp:{code}:{PAIR}"
    if key not in session.widgets:
        out["failed"].append(f"{name}: {session.texts[-3:]}")
        await session.close()
        return
    options = list(session.widgets[key].options)
    sent = []
    for k in range(CHANGES):
        await asyncio.sleep(random.uniform(*THINK_S))
        choice = options[(k * 3 + len(name)) % 8]  # 9, 8, ... on S's side: a real change
        if sent and choice == sent[-1]:
            choice = options[8]
        sent.append(choice)
        out["sent_at"].setdefault(name, []).append(time.time())
        out["rerun"].append(await session.run(query, [_state(session.widgets[key],
                                                             string_value=choice)],
                                              session.fragments[key]))
    out["sent"][name] = sent
    await session.close()


async def _load(n: int, ports: list[int], code: str, pids: list[int]) -> dict:
    """N participants spread over the servers (as a load balancer would)."""
    out: dict = {"join": [], "rerun": [], "sent": {}, "sent_at": {}, "failed": []}
    go = asyncio.Event()
    events = [asyncio.Event() for _ in range(n)]

    def rss() -> int:
        return sum(_rss_kib(pid) for pid in pids)

    def cpu() -> float:
        return sum(_cpu_s(pid) for pid in pids)

    before, used = rss(), cpu()
    tasks = [asyncio.create_task(_participant(
        f"ws://127.0.0.1:{ports[k % len(ports)]}/_stcore/stream", code, f"P{k:02d}",
        events[k], go, out)) for k in range(n)]
    await asyncio.gather(*(e.wait() for e in events))
    out["rss_per_session_kib"] = (rss() - before) / n
    out["cpu_per_join"] = (cpu() - used) / n
    used = cpu()
    go.set()
    await asyncio.gather(*tasks)
    out["cpu_per_change"] = (cpu() - used) / max(1, len(out["rerun"]))
    out["rss_end_per_session_kib"] = (rss() - before) / n  # after every change: growth shows
    return out


def _serve(db: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless",
         "true", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        env=dict(os.environ, SWOT_ANP_DB=str(db)), cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start")


def _p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def load(counts: list[int], servers: int = 1) -> bool:
    ok = True
    model = model_to_dict(load_model(TEHRAN))
    for n in counts:
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "load.sqlite3"
            with Store(db) as store:
                code = store.create_workshop(model, prefill=True).code
            ports = [8790 + 2 * n + k for k in range(servers)]
            running = [_serve(db, port) for port in ports]
            try:
                for port in ports:
                    asyncio.run(_idle_join(port, code))  # warm each server's imports
                out = asyncio.run(_load(n, ports, code, [s.pid for s in running]))
            finally:
                for server in running:
                    server.terminate()
                    server.wait(timeout=30)
            saves, lost = [], 0
            with Store(db) as store:
                for person in store.participants(code):
                    if person.name not in out["sent"]:
                        continue
                    history = store.submission_history(code, person.id)
                    sent_at = out["sent_at"][person.name]
                    lost += len(sent_at) - len(history)
                    saves += [datetime.fromisoformat(h.submitted_at).timestamp() - at
                              for h, at in zip(history, sent_at, strict=False)]
            save_p95, join_max = _p95(saves), max(out["join"])
            print(f"N={n:3d}, {servers} server process(es): join median "
                  f"{statistics.median(out['join']):.2f} s, max "
                  f"{join_max:.2f} s; change to stored p50 {statistics.median(saves):.3f} s, "
                  f"p95 {save_p95:.3f} s, max {max(saves):.3f} s ({len(saves)} changes); "
                  f"whole rerun p50 {statistics.median(out['rerun']):.3f} s, p95 "
                  f"{_p95(out['rerun']):.3f} s; lost {lost}; server memory "
                  f"{out['rss_per_session_kib'] / 1024:.1f} MiB per session after joining, "
                  f"{out['rss_end_per_session_kib'] / 1024:.1f} after the changes; server CPU "
                  f"{out['cpu_per_join']:.3f} s per join, {out['cpu_per_change']:.3f} s per "
                  f"change; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
                  flush=True)
            for failure in out["failed"]:
                print(f"  a participant could not judge: {failure}", flush=True)
            ok &= not out["failed"]
            ok &= lost == 0 and save_p95 <= SAVE_P95_GOAL_S
    print(f"goal: p95 save <= {SAVE_P95_GOAL_S} s and no lost change: "
          f"{'met' if ok else 'NOT met'}")
    return ok


async def _idle_join(port: int, code: str) -> None:
    session = Session(f"ws://127.0.0.1:{port}/_stcore/stream")
    await session.open()
    await session.run(f"workshop={code}")
    seconds = await session.run(f"workshop={code}", [
        _state(session.widgets["wsp_name"], string_value="warm-up"),
        _state(session.widgets["wsp_join"], trigger_value=True)])
    print(f"join on an idle server (first join, cold imports): {seconds:.2f} s "
          f"(goal {JOIN_GOAL_S} s)", flush=True)
    await session.close()


def _median_ms(action, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


def facilitator(people: int = 60, revisions: int = 100) -> bool:
    from streamlit.testing.v1 import AppTest

    from swot.workshop_report import build_report

    model = model_to_dict(load_model(TEHRAN))
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "big.sqlite3"
        started = time.perf_counter()
        with Store(db) as store:
            workshop = store.create_workshop(model, prefill=True)
            code = workshop.code
            judgments = model["judgments"]
            for k in range(people):
                person = store.join(code, f"P{k:02d}")
                for r in range(revisions):
                    value = 1 + (k + r) % 9
                    judgments["groups"][0][1], judgments["groups"][1][0] = value, 1 / value
                    store.submit(code, person.id, judgments, workshop.fingerprint,
                                 judged=["judgments.groups", "judgments.factors.S"])
        print(f"built {people} x {revisions} revisions in {time.perf_counter() - started:.1f} s")
        with Store(db) as store:
            reads = _median_ms(lambda: store.participants(code))
            latest = _median_ms(lambda: store.latest_submissions(code, include_excluded=True))
            everyone = store.latest_submissions(code, include_excluded=True)
            report = _median_ms(lambda: build_report(model, everyone, everyone, {1: everyone}),
                                repeat=3)
        print(f"median of repeated calls: participants(): {reads:.1f} ms; latest submissions: "
              f"{latest:.1f} ms; group results (computed once per change): {report:.0f} ms; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        os.environ["SWOT_ANP_DB"] = str(db)
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        at.switch_page("app_pages/workshop.py")
        at.session_state["ws_known"] = [code]
        times = []
        for _ in range(6):
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
            assert not at.exception, at.exception
        warm = statistics.median(times[1:])
        print(f"facilitator page rerun (AppTest, whole page): first {times[0]:.2f} s, then "
              f"median {warm:.2f} s (goal 0.5 s server time)")
        return warm <= 0.5


def main(argv: list[str]) -> None:
    what = argv[0] if argv else "all"
    servers = 1
    if "--servers" in argv:
        at = argv.index("--servers")
        servers = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    counts = [int(a) for a in argv[1:]] or [10, 30, 60]
    if what in ("all", "facilitator"):
        facilitator()
    if what in ("all", "load"):
        load(counts, servers)


if __name__ == "__main__":
    main(sys.argv[1:])
