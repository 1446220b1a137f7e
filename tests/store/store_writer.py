"""A separate writer process for the store's concurrency and crash tests.

    store_writer.py burst DB CODE PARTICIPANT_ID INDEX COUNT GO_FILE
        print "ready", wait for GO_FILE, then submit COUNT judgment sets, one line per commit.
    store_writer.py pause DB CODE PARTICIPANT_ID INDEX COUNT
        submit COUNT judgment sets, then start one more and stop before its COMMIT
        (prints "paused" and sleeps) so that the parent can kill it mid-transaction.
    store_writer.py sessions DB CODE INDEX THREADS ROUNDS GO_FILE
        an app process: one Store held open for the whole run (as a session mid-run holds
        one), and THREADS sessions that each open a Store per action, as the pages do, and
        submit ROUNDS judgment sets as participant "app INDEX session T"; prints
        "ack INDEX T ROUND" after each acknowledged submission.

Every judgment set carries (INDEX, sequence number) in ``strategies.O1.ratings`` so that the
parent can check each stored row against what was sent (:func:`marked_judgments`).
"""

from __future__ import annotations

import copy
import sys
import threading
import time
from pathlib import Path
from typing import Any

from swot.store import Store


def marked_judgments(base: dict[str, Any], index: int, seq: int) -> dict[str, Any]:
    """The judgments a writer sends as its ``seq``-th set."""
    judgments = copy.deepcopy(base)
    judgments["strategies"]["O1"]["ratings"] = [index, seq, 1]
    judgments["groups"][0][1] = 1 + (seq % 9)
    judgments["groups"][1][0] = 1 / (1 + (seq % 9))
    return judgments


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


_print_lock = threading.Lock()


def _sessions(db: str, code: str, index: int, threads: int, rounds: int, go: Path) -> None:
    """Threads as the sessions of one app process; see the module docstring."""
    held = Store(db)  # a session that keeps its Store open while the others come and go
    workshop = held.get_workshop(code)
    base = workshop.model["judgments"]
    failures: list[BaseException] = []

    def session(thread: int) -> None:
        try:
            with Store(db) as store:
                person = store.join(code, f"app {index} session {thread}")
            for round_ in range(rounds):
                with Store(db) as store:  # a rerun: open, act, close
                    judgments = marked_judgments(base, index * 100 + thread, round_)
                    store.submit(code, person.id, judgments, workshop.fingerprint)
                with _print_lock:
                    _say(f"ack {index} {thread} {round_}")
        except BaseException as exc:  # reported to the parent through the exit code
            failures.append(exc)

    _say("ready")
    while not go.exists():
        time.sleep(0.005)
    workers = [threading.Thread(target=session, args=(t,)) for t in range(threads)]
    for worker in workers:
        worker.start()
    while any(worker.is_alive() for worker in workers):
        held.list_workshops()  # the held Store keeps reading while the sessions come and go
        workers[0].join(0.01)
    held.close()
    if failures:
        raise SystemExit(f"session failed: {failures[0]!r}")


def main(argv: list[str]) -> None:
    if argv[0] == "sessions":
        db, code, index, threads, rounds, go = argv[1:7]
        _sessions(db, code, int(index), int(threads), int(rounds), Path(go))
        return
    mode, db, code, participant_id, index, count = argv[:6]
    with Store(db) as store:
        workshop = store.get_workshop(code)
        base = workshop.model["judgments"]

        def send(seq: int) -> None:
            judgments = marked_judgments(base, int(index), seq)
            store.submit(code, int(participant_id), judgments, workshop.fingerprint)

        if mode == "burst":
            go = Path(argv[6])
            _say("ready")
            while not go.exists():
                time.sleep(0.005)
            for seq in range(int(count)):
                send(seq)
                _say(f"committed {seq}")
        elif mode == "pause":
            for seq in range(int(count)):
                send(seq)

            def stop_before_commit(statement: str) -> None:
                if statement == "COMMIT":
                    _say("paused")
                    time.sleep(120)

            store._conn.set_trace_callback(stop_before_commit)
            send(int(count))
        else:
            raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
