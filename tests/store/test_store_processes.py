"""Several writer processes on one database file, and a writer killed mid-transaction."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from store_testdata import tiny_model
from store_writer import marked_judgments

from swot.store import Store

WRITER = Path(__file__).with_name("store_writer.py")
pytestmark = pytest.mark.slow  # several processes: `pytest -m "not slow"` skips; CI runs it

PROCESSES = 8
PER_PROCESS = 50


def _start(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _rows(db: Path) -> list[tuple[int, str, dict[str, Any]]]:
    conn = sqlite3.connect(db)
    try:
        return [
            (pid, name, json.loads(text))
            for pid, name, text in conn.execute(
                "SELECT s.participant_id, p.name, s.judgments_json FROM submissions s "
                "JOIN participants p ON p.id = s.participant_id ORDER BY s.id"
            )
        ]
    finally:
        conn.close()


def test_eight_processes_submit_400_judgment_sets(db_path: Path, tmp_path: Path) -> None:
    model = tiny_model()
    with Store(db_path) as store:
        code = store.create_workshop(model).code
        people = [store.join(code, f"writer {i}") for i in range(PROCESSES)]
    go = tmp_path / "go"
    writers = [
        _start("burst", db_path, code, person.id, i, PER_PROCESS, go)
        for i, person in enumerate(people)
    ]
    try:
        for writer in writers:
            assert writer.stdout is not None
            assert writer.stdout.readline().strip() == "ready", writer.stderr
        started = time.perf_counter()
        go.touch()
        results = [writer.communicate(timeout=60) for writer in writers]
        elapsed = time.perf_counter() - started
    finally:
        for writer in writers:
            writer.kill()
    for writer, (out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
        assert out.split("\n").count("committed 49") == 1
    print(f"{PROCESSES} × {PER_PROCESS} submissions in {elapsed:.2f} s")

    rows = _rows(db_path)
    assert len(rows) == PROCESSES * PER_PROCESS
    owner = {person.id: (i, person.name) for i, person in enumerate(people)}
    seen = set()
    for pid, name, judgments in rows:
        index, seq, _ = judgments["strategies"]["O1"]["ratings"]
        assert owner[pid] == (index, name)
        assert judgments == marked_judgments(model["judgments"], index, seq)
        seen.add((index, seq))
    assert seen == {(i, s) for i in range(PROCESSES) for s in range(PER_PROCESS)}
    with Store(db_path) as store:
        assert store.integrity_check() == ["ok"]
        statuses = store.participants(code)
        assert [p.revisions for p in statuses] == [PER_PROCESS] * PROCESSES
        latest = store.latest_submissions(code)
        assert (
            sorted(s.judgments["strategies"]["O1"]["ratings"][1] for s in latest)
            == [PER_PROCESS - 1] * PROCESSES
        )


def test_writer_killed_mid_transaction_leaves_the_state_before(db_path: Path) -> None:
    model = tiny_model()
    with Store(db_path) as store:
        code = store.create_workshop(model).code
        ali = store.join(code, "Ali")
        store.save_scenario("untouched", model)
    writer = _start("pause", db_path, code, ali.id, 0, 3)
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "paused", writer.stderr
        # while the writer holds its transaction open, others read the committed state
        with Store(db_path) as reader:
            assert len(reader.submission_history(code, ali.id)) == 3
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
    finally:
        writer.kill()
        writer.communicate()
    assert writer.returncode == -signal.SIGKILL
    with Store(db_path) as store:
        assert store.integrity_check() == ["ok"]
        history = store.submission_history(code, ali.id)
        assert [s.judgments["strategies"]["O1"]["ratings"][1] for s in history] == [0, 1, 2]
        assert store.load_scenario("untouched").model == model
        # and the database takes writes again
        store.submit(code, ali.id, model["judgments"], store.get_workshop(code).fingerprint)
        assert len(store.submission_history(code, ali.id)) == 4


def test_writer_killed_at_a_random_moment(db_path: Path, tmp_path: Path) -> None:
    model = tiny_model()
    with Store(db_path) as store:
        code = store.create_workshop(model).code
        ali = store.join(code, "Ali")
    go = tmp_path / "go"
    go.touch()
    writer = _start("burst", db_path, code, ali.id, 0, 100_000, go)
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        for line in writer.stdout:
            if line.strip() == "committed 20":
                break
        else:
            pytest.fail(f"the writer stopped early: {writer.stderr}")
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        out = writer.stdout.read()  # what the pipe still holds, including read-ahead
    finally:
        writer.kill()
        writer.communicate()
    reported = 21 + out.count("committed")
    with Store(db_path) as store:
        assert store.integrity_check() == ["ok"]
        history = store.submission_history(code, ali.id)
    assert reported <= len(history) <= reported + 1, (out, len(history))
    for seq, submission in enumerate(history):
        assert submission.judgments == marked_judgments(model["judgments"], 0, seq)
