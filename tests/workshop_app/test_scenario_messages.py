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
