"""The Workshop and Scenarios pages through AppTest: one facilitator and several participants,
each its own AppTest (own session), sharing one database file (``SWOT_ANP_DB``).

Each session runs the real ``app.py``: ``?workshop=CODE`` routes to the participant view, the
facilitator's pages are reached through the app's navigation.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from swot.io import load_model, model_to_dict
from swot.store import ENV_VAR, Store
from swot.workshop import group_judgments
from ui.i18n_workshop import STRINGS
from ui.page_scenarios import cli_db_path

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
TEHRAN = ROOT / "data" / "tehran_city_diplomacy.json"
PAIR = "judgments.groups:0:1"  # strengths vs weaknesses


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "workshop.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(path))
    return path


def _run(target: Any) -> AppTest:
    """Run an AppTest, or the AppTest of a widget just interacted with; no exception."""
    at = target.run()
    assert not at.exception, at.exception
    return at


def _session(page: str = "workshop", code: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if code is not None:
        at.query_params["workshop"] = code
        return _run(at)
    _run(at)
    at.switch_page(f"ui/page_{page}.py")
    return _run(at)


def _join(code: str, name: str) -> AppTest:
    at = _session(code=code)
    at.text_input(key="wsp_name").input(name)
    return _run(at.button(key="wsp_join").click())


def test_facilitator_and_two_participants(db: Path) -> None:
    facilitator = _session()
    facilitator.text_input(key="ws_title").input("Board retreat")
    _run(facilitator.button(key="ws_open").click())
    with Store(db) as store:
        (workshop,) = store.list_workshops()
    code = workshop.code
    assert any(code in m.value for m in facilitator.markdown)
    assert any(f"workshop={code}" in c.value for c in facilitator.code)

    ann, bob = _join(code, "Ann"), _join(code, "Bob")
    _run(ann.selectbox(key=f"wsp:{code}:{PAIR}").set_value("5"))
    _run(bob.selectbox(key=f"wsp:{code}:{PAIR}").set_value("1/3"))
    assert any("revision 1" in c.value for c in bob.caption)  # saved at once
    assert any("CR" in str(e.value) for e in [*ann.success, *ann.error])  # own CR

    _run(facilitator)
    with Store(db) as store:
        people = {p.name: p for p in store.participants(code)}
        subs = store.latest_submissions(code)
    assert {p.status for p in people.values()} == {"submitted"}
    assert {s.participant_name: s.judgments["groups"][0][1] for s in subs} == {
        "Ann": 5, "Bob": pytest.approx(1 / 3)}
    table = facilitator.dataframe[0].value
    first = table.iloc[0]
    assert first["group"] == pytest.approx(math.sqrt(5 / 3))  # geometric mean of 5 and 1/3
    assert first["group"] not in (first["Ann"], first["Bob"])
    assert first["group"] == pytest.approx(
        group_judgments(workshop.model, subs)["groups"][0][1])
    assert len(facilitator.get("plotly_chart")) == 1
    assert not facilitator.error

    _run(facilitator.checkbox(key=f"ws_ex:{code}:{people['Bob'].id}").check())
    with Store(db) as store:
        assert [s.participant_name for s in store.latest_submissions(code)] == ["Ann"]
    assert facilitator.dataframe[0].value.iloc[0]["group"] == pytest.approx(5)  # Ann's alone
    ranking_headers = " ".join(str(t.value.columns.tolist()) for t in facilitator.table)
    assert "everyone" in ranking_headers and "without those left out" in ranking_headers

    # Ann revises; a new browser session resumes her latest judgments from the database
    _run(ann.selectbox(key=f"wsp:{code}:{PAIR}").set_value("7"))
    again = _session(code=code)
    again.text_input(key="wsp_name").input("ann")
    _run(again.button(key="wsp_join").click())
    assert any("already taken" in e.value for e in again.error)
    _run(again.button(key="wsp_resume").click())
    assert again.selectbox(key=f"wsp:{code}:{PAIR}").value == "7"
    with Store(db) as store:
        assert store.participants(code)[0].revisions == 2  # Ann's 5, then her 7


def test_unknown_code_shows_an_error(db: Path) -> None:
    at = _session(code="NOSUCH")
    assert any("no workshop with code" in e.value for e in at.error)


def test_closed_workshop_refuses_participants(db: Path) -> None:
    with Store(db) as store:
        code = store.create_workshop(model_to_dict(load_model(TEHRAN))).code
        store.close_workshop(code)
    at = _session(code=code.lower())
    assert any("closed" in e.value for e in at.error)
    assert not at.text_input


def test_scenarios_save_list_load_compare(db: Path) -> None:
    at = _session("scenarios")
    assert any("No scenarios" in i.value for i in at.info)
    at.text_input(key="sc_name").input("base")
    at.text_area(key="sc_note").input("as shipped")
    _run(at.button(key="sc_save").click())
    base = at.session_state["model"]
    at.session_state["model"] = base.set_judgment("judgments.groups", 0, 1, 9.0)
    at.text_input(key="sc_name").input("strong S")
    _run(at.button(key="sc_save").click())
    _run(at.button(key="sc_save").click())  # the name field was cleared: refused
    assert any("empty" in e.value for e in at.error)
    with Store(db) as store:
        assert [s.name for s in store.list_scenarios()] == ["base", "strong S"]
    listing = at.table[0].value
    assert list(listing.iloc[:, 0]) == ["base", "strong S"]

    _run(at.selectbox(key="sc_pick").set_value("base"))
    _run(at.button(key="sc_load").click())
    assert at.session_state["model"].matrix_at("judgments.groups")[0, 1] == pytest.approx(
        base.matrix_at("judgments.groups")[0, 1])

    _run(at.multiselect(key="sc_compare").set_value(["base", "strong S"]))
    comparison = at.table[1].value
    assert any("strong S" in str(c) for c in comparison.columns)
    assert len(comparison) == len(base.strategies)
    assert len(at.get("plotly_chart")) == 1
    differences = at.table[2].value
    assert list(differences.iloc[0, :3]) == [
        "SWOT groups with respect to the goal", "S / W", "changed"]

    at.text_input(key="sc_new_name").input("copy")
    _run(at.button(key="sc_duplicate").click())
    at.text_input(key="sc_new_name").input("renamed")
    _run(at.button(key="sc_rename").click())
    _run(at.button(key="sc_delete").click())  # not confirmed: kept
    _run(at.checkbox(key="sc_confirm").check())
    _run(at.button(key="sc_delete").click())
    with Store(db) as store:
        assert [s.name for s in store.list_scenarios()] == ["base", "strong S"]


def test_cli_db_flag() -> None:
    assert cli_db_path(["app.py", "--db", "/tmp/x.sqlite3"]) == "/tmp/x.sqlite3"
    assert cli_db_path(["streamlit", "run", "app.py", "--", "--db", "y.db"]) == "y.db"
    assert cli_db_path(["pytest", "-q", "--durations=5"]) is None


def test_scenario_import_validates_the_file(db: Path) -> None:
    at = _session("scenarios")
    bad = model_to_dict(load_model(TEHRAN))
    del bad["strategies"]
    at.file_uploader[0].set_value(("bad.json", json.dumps(bad).encode(), "application/json"))
    _run(at)
    assert any("not a valid model" in e.value and "strategies" in e.value for e in at.error)
    with Store(db) as store:
        assert store.list_scenarios() == []
    good = TEHRAN.read_bytes()
    at.file_uploader[0].set_value(("tehran.json", good, "application/json"))
    _run(at)
    with Store(db) as store:
        (scenario,) = store.list_scenarios()
    assert (scenario.name, scenario.note) == ("tehran", "imported from tehran.json")


@pytest.mark.parametrize("page", ["scenarios", "workshop"])
def test_pages_in_persian(db: Path, page: str) -> None:
    with Store(db) as store:
        model = model_to_dict(load_model(TEHRAN))
        store.save_scenario("الف", model)
        store.create_workshop(model, "کارگاه")
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "fa"
    _run(at)
    at.switch_page(f"ui/page_{page}.py")
    _run(at)
    assert at.header[0].value == STRINGS[f"page_{page}"]["fa"]
    assert not at.error


def test_every_string_in_both_languages() -> None:
    for key, texts in STRINGS.items():
        assert set(texts) == {"en", "fa"} and all(texts.values()), key


def test_disconnected_blanks_give_messages_not_tracebacks(db: Path) -> None:
    """Blanking S's three group judgments leaves S unconnected in the 4x4 groups matrix, so
    no CR can be computed: the participant and the facilitator see messages, and the
    facilitator can still leave that participant out."""
    facilitator = _session()
    _run(facilitator.button(key="ws_open").click())
    with Store(db) as store:
        (workshop,) = store.list_workshops()
    code = workshop.code
    ann = _join(code, "Ann")
    for j in (1, 2, 3):
        _run(ann.selectbox(key=f"wsp:{code}:judgments.groups:0:{j}").set_value("blank"))
    assert any(e.value.startswith("Not done:") for e in ann.error)  # the CR table's message
    _run(facilitator)
    assert any(e.value.startswith("Not done:") for e in facilitator.error)
    with Store(db) as store:
        (person,) = store.participants(code)
    _run(facilitator.checkbox(key=f"ws_ex:{code}:{person.id}").check())
    with Store(db) as store:
        assert store.latest_submissions(code) == []  # Ann is left out


def test_participant_judges_a_dependence_link_set(db: Path) -> None:
    model = load_model(ROOT / "data" / "tehran_city_diplomacy_network.json")
    with Store(db) as store:
        code = store.create_workshop(model_to_dict(model), "Network").code
    ann = _join(code, "Ann")
    path = "judgments.links.W6.T"
    _run(ann.selectbox(key=f"wsp_matrix:{code}").set_value(path))
    _run(ann.selectbox(key=f"wsp:{code}:{path}:0:1").set_value("5"))  # T1 over T2
    with Store(db) as store:
        (sub,) = store.latest_submissions(code)
    assert sub.judgments["links"]["W6"]["T"]["matrix"][0][1] == 5
    group = group_judgments(model_to_dict(model), [sub])
    assert group["links"]["W6"]["T"]["matrix"][1][0] == pytest.approx(0.2)
