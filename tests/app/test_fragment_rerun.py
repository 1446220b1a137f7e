"""A participant's judgment change as a browser sends it: a rerun of the judging fragment only,
over Streamlit's websocket protocol against a real server (AppTest always reruns the whole
script, so it cannot show what a fragment-only rerun leaves stale).

The change must be stored, and what depends on it (the progress "judged k of n", the matrix
picker's status marks, the "not yet judged" warning) must be redrawn by that fragment rerun,
while the page outside the fragment (its header) is not redrawn at all.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import websockets
from e2e_support import ROOT, streamlit_server
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from swot.io import load_model, model_to_dict
from swot.judgment_cells import matrix_paths
from swot.store import Store
from swot.workshop import JUDGED, NOT_YET
from ui.strings import tr
from ui.workshop_labels import status_mark

REPLY_TIMEOUT = 60.0  # seconds for one rerun's reply on a busy machine
GROUPS = "judgments.groups"


class _Run:
    """What one rerun sent: widgets by key and the fragment of each, texts, headings and
    expanders."""

    def __init__(self) -> None:
        self.widgets: dict[str, Any] = {}
        self.fragment_of: dict[str, str] = {}
        self.texts: list[str] = []
        self.headings: list[str] = []
        self.expanders: list[str] = []


async def _rerun(ws: Any, query: str, states: list[WidgetState] | None = None,
                 fragment: str = "") -> _Run:
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.fragment_id = fragment
    msg.rerun_script.widget_states.widgets.extend(states or [])
    await ws.send(msg.SerializeToString())
    run = _Run()
    while True:
        fm = ForwardMsg()
        fm.ParseFromString(await asyncio.wait_for(ws.recv(), REPLY_TIMEOUT))
        kind = fm.WhichOneof("type")
        if kind == "script_finished":
            if fm.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                continue  # st.rerun(): the run that follows is part of this answer
            return run
        if kind != "delta":
            continue
        if fm.delta.WhichOneof("type") == "add_block":
            if fm.delta.add_block.WhichOneof("type") == "expandable":
                run.expanders.append(fm.delta.add_block.expandable.label)
            continue
        if fm.delta.WhichOneof("type") != "new_element":
            continue
        element = fm.delta.new_element
        inner = getattr(element, element.WhichOneof("type"))
        if getattr(inner, "id", ""):
            key = inner.id.rsplit("-", 1)[-1]
            run.widgets[key] = inner
            run.fragment_of[key] = fm.delta.fragment_id
        elif element.WhichOneof("type") == "heading":
            run.headings.append(element.heading.body)
        elif element.WhichOneof("type") == "markdown":
            run.texts.append(element.markdown.body)
        elif element.WhichOneof("type") == "alert":
            run.texts.append(element.alert.body)


def _progress(run: _Run, total: int) -> list[str]:
    return [t for t in run.texts if f" of {total}" in t and "judged" in t]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """One server for this module's tests (each opens its own workshop): database, address."""
    folder = tmp_path_factory.mktemp("fragments")
    db = folder / "ws.sqlite3"
    with Store(db):
        pass  # created before the server starts
    with streamlit_server(str(db), folder / "streamlit.log") as base:
        yield db, base


@pytest.fixture
def participant(server: tuple[Path, str]) -> tuple[Path, str, str, str]:
    """A new workshop and one participant in it: database, server, code, private token."""
    db, base = server
    with Store(db) as store:
        model = model_to_dict(load_model(ROOT / "data" / "tehran_city_diplomacy.json"))
        # prefilled (so one change completes a matrix), every matrix not yet judged
        workshop = store.create_workshop(model, "Fragments", prefill=True)
        person = store.join(workshop.code, "Ann")
    return db, base, workshop.code, person.token


def test_a_change_reruns_only_the_judging_fragment_and_redraws_its_progress(
        participant: tuple[Path, str, str, str]) -> None:
    db, base, code, token = participant
    with Store(db) as store:
        model = store.get_workshop(code).model
    total = len(matrix_paths(model))
    pair, picker = f"wsp:{code}:{GROUPS}:0:1", f"wsp_matrix:{code}"
    not_judged = tr("workshop.this_not_judged", "en")

    async def scenario(base: str) -> tuple[_Run, _Run]:
        url = base.replace("http://", "ws://") + "/_stcore/stream"
        async with websockets.connect(url, subprotocols=["streamlit"], max_size=None) as ws:
            first = await _rerun(ws, f"p={token}")
            change = await _rerun(ws, f"p={token}", [WidgetState(
                id=first.widgets[pair].id, string_value="5")], first.fragment_of[pair])
            return first, change

    first, change = asyncio.run(scenario(base))

    # the whole page first: header outside the fragment, progress and editor inside it
    assert first.headings and first.fragment_of[pair]
    assert _progress(first, total) and "judged 0 of" in _progress(first, total)[0]
    assert any(not_judged in t for t in first.texts)
    assert first.widgets[picker].options[0].startswith(status_mark(NOT_YET))
    # the change: a rerun of that fragment only (nothing outside it is resent) ...
    assert change.headings == []
    assert set(change.fragment_of.values()) == {first.fragment_of[pair]}
    # ... that redraws what depends on the change
    assert "judged 1 of" in _progress(change, total)[0]
    assert change.widgets[picker].options[0].startswith(status_mark(JUDGED))
    assert not any(not_judged in t for t in change.texts)
    # and it is stored, with the matrix marked judged
    with Store(db) as store:
        person = store.participant_by_token(token)
        latest = store.latest_submission(code, person.id)
    assert latest is not None
    assert latest.judgments["groups"][0][1] == 5
    assert latest.judged == (GROUPS,)


@pytest.mark.parametrize("change", ["next_round", "close_workshop"])
def test_a_change_after_the_workshop_moved_on_reruns_the_whole_page(
        participant: tuple[Path, str, str, str], change: str) -> None:
    """The fragment keeps the workshop of the last whole-page run: when the facilitator has
    opened the next round or closed the workshop since, the change's answer from the store
    makes the whole page rerun and show it (round 2 with the feedback, or closed)."""
    db, base, code, token = participant
    pair = f"wsp:{code}:{GROUPS}:0:1"

    async def scenario(base: str) -> tuple[_Run, _Run]:
        url = base.replace("http://", "ws://") + "/_stcore/stream"
        async with websockets.connect(url, subprotocols=["streamlit"], max_size=None) as ws:
            first = await _rerun(ws, f"p={token}")
            with Store(db) as store:
                getattr(store, change)(code)
            after = await _rerun(ws, f"p={token}", [WidgetState(
                id=first.widgets[pair].id, string_value="3")], first.fragment_of[pair])
            return first, after

    first, after = asyncio.run(scenario(base))
    assert first.headings
    assert after.headings  # the whole page, not the fragment only
    if change == "next_round":
        assert any(t.startswith("Round 2 ·") for t in after.texts)
        assert tr("workshop.feedback", "en", n=1) in after.expanders
    else:
        assert tr("workshop.is_closed", "en") in after.texts
        assert pair not in after.widgets
