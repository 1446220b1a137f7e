"""Two app processes sharing one database file (issue 11): no acknowledged write is lost and
the file stays sound while each process opens and closes Stores beside one it holds open.

On POSIX, closing *any* descriptor of a file drops every advisory lock the process holds on
it, SQLite's included. The store used to read the file header with a plain ``open()``; each
new Store in a process then silently released the locks of the Stores already open there.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_testdata import tiny_model

from swot.store import Store

pytestmark = pytest.mark.slow  # two app processes: `pytest -m "not slow"` skips; CI runs it

WRITER = Path(__file__).with_name("store_writer.py")


def _stored_marks(db: Path) -> list[tuple[int, int]]:
    """(index, sequence) of every stored submission (see ``marked_judgments``)."""
    with Store(db) as store:
        code = store.list_workshops()[0].code
        return [
            tuple(sub.judgments["strategies"]["O1"]["ratings"][:2])
            for person in store.participants(code)
            for sub in store.submission_history(code, person.id)
        ]


def _integrity(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def _run_app_processes(db: Path, code: str, go: Path, indexes: tuple[int, int], threads: int,
                       rounds: int) -> set[tuple]:
    """Two app processes (``indexes``) of ``threads`` sessions each; the acknowledged marks."""
    apps = [
        subprocess.Popen(
            [sys.executable, str(WRITER), "sessions", str(db), code, str(index),
             str(threads), str(rounds), str(go)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for index in indexes
    ]
    try:
        for app in apps:
            assert app.stdout is not None
            assert app.stdout.readline().strip() == "ready", app.stderr
        go.touch()
        outputs = [app.communicate(timeout=120) for app in apps]
    finally:
        for app in apps:
            app.kill()
    acks: set[tuple] = set()
    for app, (out, err) in zip(apps, outputs, strict=True):
        assert app.returncode == 0, err
        for line in out.splitlines():
            if line.startswith("ack "):
                _, index, thread, seq = line.split()
                acks.add((int(index) * 100 + int(thread), int(seq)))
    return acks


@pytest.mark.slow
def test_two_app_processes_with_sessions_lose_nothing(db_path: Path, tmp_path: Path) -> None:
    """Two processes, four sessions each (threads opening a Store per action) beside a held
    Store, several rounds: every acknowledged submission is stored, the file stays sound."""
    with Store(db_path) as store:
        code = store.create_workshop(tiny_model()).code
    threads, rounds = 4, 15
    started = time.perf_counter()
    for attempt in range(3):
        go = tmp_path / f"go{attempt}"
        acks = _run_app_processes(db_path, code, go, (2 * attempt + 1, 2 * attempt + 2),
                                  threads, rounds)
        assert len(acks) == 2 * threads * rounds
        assert _integrity(db_path) == ["ok"]
        stored = _stored_marks(db_path)
        assert len(stored) == len(set(stored))  # nothing written twice
        assert acks <= set(stored), f"lost: {sorted(acks - set(stored))[:5]}"
    print(f"3 runs x 2 processes x {threads} sessions x {rounds} rounds "
          f"in {time.perf_counter() - started:.1f} s")
