"""Two app replicas on one PostgreSQL database, as behind a load balancer: two Streamlit
servers on loopback ports, participants joining and judging through either (over Streamlit's
own websocket protocol, bench/bench_workshop.py's client), the facilitator's page on one of
them. No submission is lost or stored twice.

Needs ``SWOT_ANP_TEST_POSTGRES_URL`` (``.ci/run`` starts a server); in CI its absence fails.
"""

from __future__ import annotations

import asyncio
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest
from e2e_support import ROOT, streamlit_server

from swot.io import load_model, model_to_dict
from swot.store import Store

sys.path.insert(0, str(ROOT / "bench"))
from bench_workshop import PAIR, Session, _state

sys.path.insert(0, str(ROOT / "tests" / "store"))
from store_testdata import postgres_url  # the emptied test database; skip (fail in CI)

PEOPLE = 4
pytestmark = pytest.mark.slow
CHANGES = ("3", "1/5")  # two revisions each


async def _participant(port: int, code: str, name: str) -> list[str]:
    session = Session(f"ws://127.0.0.1:{port}/_stcore/stream")
    await session.open()
    await asyncio.wait_for(session.run(f"workshop={code}"), 60)
    await asyncio.wait_for(session.run(f"workshop={code}", [
        _state(session.widgets["wsp_name"], string_value=name),
        _state(session.widgets["wsp_join"], trigger_value=True)]), 60)
    key = f"wsp:{code}:{PAIR}"
    assert key in session.widgets, (name, session.texts)
    for choice in CHANGES:
        await asyncio.wait_for(session.run(session.query, [
            _state(session.widgets[key], string_value=choice)], session.fragments[key]), 60)
    await session.close()
    return session.texts


async def _facilitator_sees(port: int, token: str) -> set[str]:
    session = Session(f"ws://127.0.0.1:{port}/_stcore/stream")
    await session.open()
    await asyncio.wait_for(session.run(f"facilitate={token}"), 60)
    await session.close()
    return set(session.widgets)


def test_two_replicas_on_one_postgresql_database(tmp_path: Path) -> None:
    url = postgres_url()
    model = model_to_dict(load_model(ROOT / "data" / "tehran_city_diplomacy.json"))
    with Store(url) as store:
        workshop = store.create_workshop(model, prefill=True)
    with ExitStack() as stack:  # two replicas, each stopped afterwards
        bases = [stack.enter_context(streamlit_server(url, tmp_path / f"server{k}.log",
                                                      start_timeout=90))
                 for k in range(2)]
        ports = [int(base.rsplit(":", 1)[1]) for base in bases]

        async def everyone() -> list[list[str]]:
            return await asyncio.gather(*(
                _participant(ports[k % 2], workshop.code, f"P{k}") for k in range(PEOPLE)))

        asyncio.run(everyone())
        seen = asyncio.run(_facilitator_sees(ports[0], workshop.facilitator_token))
    with Store(url) as store:
        people = store.participants(workshop.code)
        histories = {p.name: store.submission_history(workshop.code, p.id) for p in people}
    assert sorted(histories) == [f"P{k}" for k in range(PEOPLE)]
    for name, history in histories.items():  # every change once, in order: none lost or doubled
        assert [h.judgments["groups"][0][1] for h in history] == [3, pytest.approx(1 / 5)], name
    # the facilitator's page on the first replica lists everyone, whichever replica they used
    assert {f"ws_ex:{workshop.code}:{p.id}" for p in people} <= seen
