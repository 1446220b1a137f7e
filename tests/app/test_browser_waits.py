"""Every wait of the browser tests has an explicit timeout: Playwright's ``expect`` ignores
``page.set_default_timeout`` and would use its own 5 s, too short on a loaded 2-core machine."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _waits_without_timeout(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        target, name = node.func.value, node.func.attr
        is_expect = (name.startswith(("to_", "not_to_")) and isinstance(target, ast.Call)
                     and isinstance(target.func, ast.Name) and target.func.id == "expect")
        if (is_expect or name.startswith("expect_")) and not any(
                k.arg == "timeout" for k in node.keywords):
            lines.append(node.lineno)
    return lines


def test_every_browser_wait_names_its_timeout() -> None:
    files = [p for p in TESTS.rglob("*.py") if "playwright" in p.read_text(encoding="utf-8")]
    assert files, "no browser test found"
    missing = {str(p.relative_to(TESTS)): lines for p in files
               if (lines := _waits_without_timeout(ast.parse(p.read_text(encoding="utf-8"))))}
    assert missing == {}


def test_the_check_finds_a_wait_without_timeout() -> None:
    tree = ast.parse("expect(page.get_by_text('x')).to_be_visible()\n"
                     "expect(b).to_be_visible(timeout=1)\n"
                     "with page.expect_download() as d: pass\n")
    assert _waits_without_timeout(tree) == [1, 3]
