"""The illustrative notice is computed from the current judgments; edited copies say so
(issue 12)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from swot.analysis import evaluate
from swot.io import load_model, model_from_dict
from swot.provenance import mark_edited, notice, with_own_note
from swot.store import ENV_VAR, Store

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "swot"))
from swot_testdata import TEHRAN, inconsistent_tehran  # noqa: E402


def banners(at: AppTest) -> list[str]:
    return [b.value for b in [*at.info, *at.warning]]


def test_mark_edited_only_when_the_judgments_differ() -> None:
    shipped = load_model(TEHRAN)
    assert mark_edited(shipped, shipped) is shipped
    relabelled = shipped.update_strategy("SO1", label_en="Renamed")
    assert not mark_edited(relabelled, shipped).judgments_edited  # labels do not count
    assert mark_edited(inconsistent_tehran(), shipped).judgments_edited
    own = with_own_note(inconsistent_tehran(), False, "  Our panel, May 2026 ")
    assert mark_edited(own, shipped) is own  # not illustrative: nothing to flag
    assert own.judgments_note == "Our panel, May 2026"


def test_notice_is_computed_not_copied() -> None:
    shipped = load_model(TEHRAN)
    bad = inconsistent_tehran()
    info = notice(bad, bad, evaluate(bad))  # loaded as is, e.g. an old download
    assert info.kind == "illustrative" and info.failing == 1
    flagged = mark_edited(bad, shipped)
    info = notice(flagged, flagged, evaluate(flagged))
    assert info.kind == "edited" and info.note == "" and info.failing == 1
    assert notice(shipped, shipped, None).rankable is False


def test_saved_inconsistent_scenario_no_longer_claims_to_pass(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "db.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    n = len(evaluate(load_model(TEHRAN)).consistency)
    assert n == 28  # groups, 4 group dependences, 4 factor sets, 19 pairwise strategy sets
    assert any(f"Every one of the {n} pairwise matrices in use passes" in b for b in banners(at))
    at.session_state["model"] = inconsistent_tehran()  # as if edited in the pairwise editor
    at.switch_page("app_pages/scenarios.py").run()
    at.text_input(key="sc_name").input("mine")
    at.button(key="sc_save").click().run()
    with Store(db) as store:
        saved = model_from_dict(store.load_scenario("mine").model)
    assert saved.judgments_edited and saved.illustrative_judgments
    at.selectbox(key="sc_pick").set_value("mine").run()
    at.button(key="sc_load").click().run()
    assert not at.exception, at.exception
    texts = banners(at)
    assert len(texts) == 1
    assert texts[0].startswith("**Judgments or weights have been changed")
    assert f"1 of the {n} pairwise matrices in use fail" in texts[0]
    assert "passes" not in texts[0]
    assert load_model(TEHRAN).judgments_note not in texts[0]


def test_planner_clears_the_flag_and_writes_a_note(app: AppTest) -> None:
    app.session_state["model"] = mark_edited(inconsistent_tehran(), load_model(TEHRAN))
    app.switch_page("app_pages/export_import.py").run()
    assert any("no longer shown" in c.value for c in app.caption)
    app.checkbox(key="prov_illustrative_0").uncheck()
    app.text_area(key="prov_note_0").input("Judgments of our panel, May 2026.")
    app.button(key="prov_save").click().run()
    assert not app.exception, app.exception
    model = app.session_state["model"]
    assert not model.illustrative_judgments and not model.judgments_edited
    assert model.judgments_note == "Judgments of our panel, May 2026."
    assert any(s.value.startswith("Saved: the downloads") for s in app.success)
    texts = banners(app)  # no illustrative claim; the failing matrix still shows
    assert len(texts) == 1 and "illustrative" not in texts[0] and "fail" in texts[0]
