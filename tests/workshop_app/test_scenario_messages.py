"""Scenarios page (issue 12): each message appears right under the form it is about."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from swot.store import ENV_VAR

ROOT = Path(__file__).resolve().parents[2]


def in_order(at: AppTest) -> list[tuple[str, str]]:
    """(element type, key or first words) of the main area, top to bottom."""
    out: list[tuple[str, str]] = []

    def walk(node: object) -> None:
        for child in getattr(node, "children", {}).values():
            value = getattr(child, "value", None)
            out.append((type(child).__name__,
                        getattr(child, "key", None) or (value if isinstance(value, str) else "")))
            walk(child)

    walk(at.main)
    return out


def test_messages_sit_under_their_form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "db.sqlite3"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("app_pages/scenarios.py").run()
    at.button(key="sc_save").click().run()  # no name: refused
    order = in_order(at)
    save = order.index(("Button", "sc_save"))
    assert order[save + 1][0] == "Error" and "empty" in order[save + 1][1]
    at.text_input(key="sc_name").input("base")
    at.button(key="sc_save").click().run()
    order = in_order(at)
    save = order.index(("Button", "sc_save"))
    assert order[save + 1] == ("Success", "Saved scenario \u2068base\u2069.")  # name isolated
    at.button(key="sc_delete").click().run()  # not confirmed: refused, under the manage form
    order = in_order(at)
    delete = order.index(("Button", "sc_delete"))
    assert order[delete + 1][0] == "Error"
    assert not any(kind in ("Error", "Success") for kind, _ in order[:save])


def test_name_refusals_read_in_persian(tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A scenario name already taken, or emptied, is refused in Persian on a Persian page (it
    read "انجام نشد: a scenario named 'base' already exists")."""
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "s.sqlite3"))
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"),
                           default_timeout=60)
    at.run()
    at.sidebar.radio(key="lang").set_value("fa").run()
    at.switch_page("app_pages/scenarios.py").run()
    at.button(key="sc_save").click().run()  # no name
    assert [e.value for e in at.error] == ["انجام نشد: \u2068نام سناریو خالی است\u2069"]
    for name in ("base", "other"):
        at.text_input(key="sc_name").input(name)
        at.button(key="sc_save").click().run()
    at.selectbox(key="sc_pick").set_value("other").run()
    at.text_input(key="sc_new_name").input("base")
    at.button(key="sc_rename").click().run()
    assert [e.value for e in at.error] == [
        "انجام نشد: \u2068سناریویی با نام «\u2066base\u2069» از پیش هست\u2069"]
    at.text_input(key="sc_new_name").input("  ")
    at.button(key="sc_duplicate").click().run()
    assert [e.value for e in at.error] == ["انجام نشد: \u2068نام تازه‌ی سناریو خالی است\u2069"]
    assert not at.exception
