"""A separate writer process for the store's concurrency and crash tests.

    store_writer.py burst DB CODE PARTICIPANT_ID INDEX COUNT GO_FILE
        print "ready", wait for GO_FILE, then submit COUNT judgment sets, one line per commit.
    store_writer.py pause DB CODE PARTICIPANT_ID INDEX COUNT
        submit COUNT judgment sets, then start one more and stop before its COMMIT
        (prints "paused" and sleeps) so that the parent can kill it mid-transaction.

Every judgment set carries (INDEX, sequence number) in ``strategies.O1.ratings`` so that the
parent can check each stored row against what was sent (:func:`marked_judgments`).
"""

from __future__ import annotations

import copy
import sys
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


def main(argv: list[str]) -> None:
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
