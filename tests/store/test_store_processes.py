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

from swot.judgment_cells import changed_cells
from swot.store import Store
from swot.store.connection import run

WRITER = Path(__file__).with_name("store_writer.py")
pytestmark = pytest.mark.slow  # several processes: `pytest -m "not slow"` skips; CI runs it

PROCESSES = 8
PER_PROCESS = 50
pytestmark = pytest.mark.slow


def _start(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _rows(db: Path | str) -> list[tuple[int, str, dict[str, Any]]]:
    with Store(db) as store:
        rows = store._read(lambda conn: run(
            conn, "SELECT s.participant_id, p.name, s.judgments_json FROM submissions s "
                  "JOIN participants p ON p.id = s.participant_id ORDER BY s.id").all())
    return [(r["participant_id"], r["name"], json.loads(r["judgments_json"])) for r in rows]


def _sound(store: Store) -> bool:
    """SQLite's integrity check; a server checks its own pages (and answered the reads)."""
    return store.server or store.integrity_check() == ["ok"]


def test_eight_processes_submit_400_judgment_sets(database: Path | str, tmp_path: Path) -> None:
    model = tiny_model()
    with Store(database) as store:
        code = store.create_workshop(model).code
        people = [store.join(code, f"writer {i}") for i in range(PROCESSES)]
    go = tmp_path / "go"
    writers = [
        _start("burst", database, code, person.id, i, PER_PROCESS, go)
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

    rows = _rows(database)
    assert len(rows) == PROCESSES * PER_PROCESS
    owner = {person.id: (i, person.name) for i, person in enumerate(people)}
    seen = set()
    for pid, name, judgments in rows:
        index, seq, _ = judgments["strategies"]["O1"]["ratings"]
        assert owner[pid] == (index, name)
        assert judgments == marked_judgments(model["judgments"], index, seq)
        seen.add((index, seq))
    assert seen == {(i, s) for i in range(PROCESSES) for s in range(PER_PROCESS)}
    with Store(database) as store:
        assert _sound(store)
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


def test_writer_killed_at_a_random_moment(database: Path | str, tmp_path: Path) -> None:
    model = tiny_model()
    with Store(database) as store:
        code = store.create_workshop(model).code
        ali = store.join(code, "Ali")
    go = tmp_path / "go"
    go.touch()
    writer = _start("burst", database, code, ali.id, 0, 100_000, go)
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
    with Store(database) as store:
        assert _sound(store)
        history = store.submission_history(code, ali.id)
    assert reported <= len(history) <= reported + 1, (out, len(history))
    for seq, submission in enumerate(history):
        assert submission.judgments == marked_judgments(model["judgments"], 0, seq)


def _audit_matches_submissions(db: Path, model: dict[str, Any]) -> int:
    """Every submission's audit rows are exactly the cells that differ from the previous
    submission of the same participant (blanks before the first); returns the row count."""
    conn = sqlite3.connect(db)
    try:
        subs = conn.execute(
            "SELECT id, participant_id, judgments_json FROM submissions ORDER BY id").fetchall()
        audit: dict[int, set] = {}
        for sid, *cell, old, new in conn.execute(
                "SELECT submission_id, matrix, item_i, item_j, old_value, new_value "
                "FROM judgment_changes"):
            audit.setdefault(sid, set()).add((tuple(cell), old, new))
    finally:
        conn.close()
    previous: dict[int, Any] = {}
    rows = 0
    for sid, pid, text in subs:
        judgments = json.loads(text)
        expected = {(cell, old, new) for cell, old, new in
                    changed_cells(previous.get(pid), judgments, model)}
        assert audit.get(sid, set()) == expected, sid  # a row a new round carried: nothing
        rows += len(audit.get(sid, ()))
        previous[pid] = judgments
    return rows


def test_audit_trail_and_a_new_round_under_concurrent_writers(db_path: Path,
                                                              tmp_path: Path) -> None:
    model = tiny_model()
    with Store(db_path) as store:
        code = store.create_workshop(model).code
        people = [store.join(code, f"writer {i}") for i in range(4)]
    go = tmp_path / "go"
    writers = [_start("burst", db_path, code, p.id, i, 40, go) for i, p in enumerate(people)]
    try:
        for writer in writers:
            assert writer.stdout is not None
            assert writer.stdout.readline().strip() == "ready", writer.stderr
        go.touch()
        assert writers[0].stdout is not None
        for line in writers[0].stdout:
            if line.strip() == "committed 10":
                break
        with Store(db_path) as store:  # the facilitator opens round 2 mid-burst
            assert store.next_round(code).round == 2
        results = [writer.communicate(timeout=60) for writer in writers]
    finally:
        for writer in writers:
            writer.kill()
    for writer, (_out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT participant_id, round, judgments_json FROM submissions ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    for person in people:
        mine = [(r, j) for pid, r, j in rows if pid == person.id]
        rounds = [r for r, _ in mine]
        assert rounds == sorted(rounds) and set(rounds) <= {1, 2}  # no write lost its round
        first_two = rounds.index(2)
        if first_two == 0:  # this writer had not started when round 2 opened: nothing carried
            assert len(mine) == 40
            continue
        # round 2 starts from their last round-1 judgments, then every burst row is kept
        assert json.loads(mine[first_two][1]) == json.loads(mine[first_two - 1][1])
        assert len(mine) == 40 + 1
    assert _audit_matches_submissions(db_path, model) > 0
    with Store(db_path) as store:
        assert store.integrity_check() == ["ok"]


def test_killed_writer_leaves_no_audit_rows_of_its_transaction(db_path: Path) -> None:
    model = tiny_model()
    with Store(db_path) as store:
        code = store.create_workshop(model).code
        ali = store.join(code, "Ali")
    writer = _start("pause", db_path, code, ali.id, 0, 3)
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "paused", writer.stderr
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
    finally:
        writer.kill()
        writer.communicate()
    assert _audit_matches_submissions(db_path, model) > 0
