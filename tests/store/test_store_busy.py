"""Writes wait for, and retry after, another connection's write lock."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from store_testdata import tiny_model

from swot.store import Store, StoreBusyError
from swot.store import connection as store_module


@pytest.fixture
def impatient(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "_BUSY_TIMEOUT_MS", 20)
    monkeypatch.setattr(store_module, "_WRITE_ATTEMPTS", 4)


def _lock(db: Path) -> sqlite3.Connection:
    blocker = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    return blocker


def test_busy_after_every_retry_is_a_clear_error(db_path: Path, impatient: None) -> None:
    with Store(db_path) as store:
        store.save_scenario("before", tiny_model())
        blocker = _lock(db_path)
        try:
            with pytest.raises(StoreBusyError, match="locked by other writers"):
                store.save_scenario("during", tiny_model())
            assert [s.name for s in store.list_scenarios()] == ["before"]  # reads still work
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        store.save_scenario("after", tiny_model())
        assert [s.name for s in store.list_scenarios()] == ["before", "after"]


def test_write_succeeds_once_the_lock_is_released(
    db_path: Path, impatient: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "_WRITE_ATTEMPTS", 12)  # about 2 s of retries
    with Store(db_path) as store:
        blocker = _lock(db_path)
        release = threading.Timer(0.1, lambda: blocker.execute("COMMIT"))
        release.start()
        try:
            store.save_scenario("waited", tiny_model())
        finally:
            release.join()
            blocker.close()
        assert [s.name for s in store.list_scenarios()] == ["waited"]


def test_writers_queue_on_the_lock_file_and_go_as_soon_as_it_is_free(db_path: Path) -> None:
    """A write waits on ``NAME.lock`` while another writer holds it (not in SQLite's busy
    handler) and goes on once it is released."""
    import fcntl
    import os
    import time

    with Store(db_path) as store:
        store.save_scenario("first", tiny_model())
    lock_file = db_path.with_name(f"{db_path.name}.lock")
    assert lock_file.exists()  # created by the first write
    holder = os.open(lock_file, os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX)
    done: list[float] = []

    def write() -> None:
        with Store(db_path) as other:
            other.save_scenario("queued", tiny_model())
        done.append(time.monotonic())

    writer = threading.Thread(target=write)
    try:
        writer.start()
        writer.join(timeout=0.5)
        assert writer.is_alive() and not done  # waiting on the lock file
        with Store(db_path) as store:  # reads do not take it
            assert [s.name for s in store.list_scenarios()] == ["first"]
        released = time.monotonic()
    finally:
        fcntl.flock(holder, fcntl.LOCK_UN)
        os.close(holder)
    writer.join(timeout=10)
    assert done and done[0] - released < 2  # went on at once, well before a busy timeout
    with Store(db_path) as store:
        assert [s.name for s in store.list_scenarios()] == ["first", "queued"]


def test_a_writer_hung_on_the_lock_file_gives_a_clear_error_not_a_hang(
    db_path: Path, impatient: None
) -> None:
    """Another process that holds ``NAME.lock`` and never lets go (hung, stopped): the write
    gives up with StoreBusyError after the busy budget (4 x 20 ms here) instead of waiting
    for ever, and nothing is written."""
    import fcntl
    import os
    import time

    with Store(db_path) as store:
        store.save_scenario("first", tiny_model())
    holder = os.open(db_path.with_name(f"{db_path.name}.lock"), os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        started = time.monotonic()
        with Store(db_path) as store, pytest.raises(StoreBusyError,
                                                    match="stayed locked by another writer"):
            store.save_scenario("never", tiny_model())
        assert time.monotonic() - started < 30  # the budget, not for ever
    finally:
        fcntl.flock(holder, fcntl.LOCK_UN)
        os.close(holder)
    with Store(db_path) as store:
        assert [s.name for s in store.list_scenarios()] == ["first"]
        store.save_scenario("after", tiny_model())
