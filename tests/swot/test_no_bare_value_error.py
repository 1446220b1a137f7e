"""The app and the command line catch the project's errors (``swot.errors.PROJECT_ERRORS``),
never a bare ``ValueError``, which would also hide real bugs. A ``ValueError`` may be caught
only around one line that parses with a builtin (``int()``, ``json``, ``datetime``), with a
comment saying so; in the app's own code (ui/, app_pages/, app.py) not at all."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py")),
       *sorted((ROOT / "app_pages").rglob("*.py"))]
DOMAIN = sorted((ROOT / "swot").rglob("*.py"))
# ``except BaseException`` is left out: there it only cleans up and re-raises.
CATCHING_VALUE_ERROR = {"ValueError", "Exception", "(bare except)"}


def _names(node: ast.expr | None) -> set[str]:
    if node is None:
        return {"(bare except)"}
    if isinstance(node, ast.Tuple):
        return set().union(*(_names(e) for e in node.elts))
    return {ast.unparse(node)}


def value_error_catches(path: Path) -> list[tuple[int, ast.Try, str]]:
    """(line, try statement, the except line's text) of every ``except`` that catches a
    ValueError by name, as ``Exception`` or bare."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Try | ast.TryStar):
            for handler in node.handlers:
                if _names(handler.type) & CATCHING_VALUE_ERROR:
                    found.append((handler.lineno, node, lines[handler.lineno - 1]))
    return found


def test_the_scan_finds_a_catch() -> None:
    """The scan itself works: swot/io.py's JSON parse catches ValueError (a number with too
    many digits)."""
    assert any("json.loads" in ast.unparse(t.body[0])
               for _, t, _ in value_error_catches(ROOT / "swot" / "io.py"))


@pytest.mark.parametrize("path", APP, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_app_never_catches_value_error(path: Path) -> None:
    assert [line for line, _, _ in value_error_catches(path)] == []


@pytest.mark.parametrize("path", DOMAIN, ids=lambda p: str(p.relative_to(ROOT)))
def test_swot_catches_value_error_only_around_one_commented_line(path: Path) -> None:
    bad = []
    for line, tried, text in value_error_catches(path):
        one_line = len(tried.body) == 1 and tried.body[0].lineno == tried.body[0].end_lineno
        if not (one_line and "#" in text):
            bad.append(f"{path.relative_to(ROOT)}:{line}: {text.strip()}")
    assert bad == []
