"""The report and workbook buttons: present on Results and Export, and the app's report is the
one its printed command regenerates, byte for byte."""

from __future__ import annotations

import datetime as dt
import shlex
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from swot.cli import main
from swot.io import dumps_model, load_model
from ui.report_buttons import model_report

ROOT = Path(__file__).resolve().parents[2]
TEHRAN = ROOT / "data" / "tehran_city_diplomacy.json"


def _labels(at: AppTest) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


def test_results_and_export_pages_offer_the_report_and_workbook(app: AppTest) -> None:
    app.switch_page("app_pages/results.py").run()
    assert not app.exception, app.exception
    assert {"Download report (PDF)", "Download report (HTML)"} <= set(_labels(app))
    assert any(c.value.startswith("swot-anp report model.json --lang en --pdf report-en.pdf")
               for c in app.code)
    app.switch_page("app_pages/export_import.py").run()
    assert not app.exception, app.exception
    assert "Download the workbook (Excel)" in _labels(app)


def test_the_printed_command_regenerates_the_apps_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_model(TEHRAN)
    command, make = model_report(model, "fa", dt.date(2026, 11, 29))
    pdf = make("pdf")
    (tmp_path / "model.json").write_text(dumps_model(model), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    argv = shlex.split(command)
    assert argv[:2] == ["swot-anp", "report"]
    assert main(argv[1:]) == 0
    assert (tmp_path / "report-fa.pdf").read_bytes() == pdf


def test_workshop_page_offers_the_group_report(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from swot.io import model_to_dict
    from swot.store import ENV_VAR, Store, model_fingerprint

    db = tmp_path / "w.sqlite3"
    monkeypatch.setenv(ENV_VAR, str(db))
    data = model_to_dict(load_model(TEHRAN))
    with Store(db) as store:
        workshop = store.create_workshop(data, "board")
        code = workshop.code
        for name in ("Ann", "Bob"):
            person = store.join(code, name)
            store.submit(code, person.id, data["judgments"], model_fingerprint(data))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["facilitate"] = workshop.facilitator_token  # the facilitator's own link
    at.run()
    assert not at.exception, at.exception
    assert {"Download report (PDF)", "Download report (HTML)"} <= set(_labels(at))
    assert any(c.value.startswith(f"swot-anp report --workshop {code} --db {db} --lang en")
               for c in at.code)
