"""The front end's layout: every page is one module in app_pages/, listed in app.py, and no page
imports another (shared pieces live in ui/)."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p for p in (ROOT / "app_pages").glob("*.py") if p.name != "__init__.py")


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_every_page_module_is_listed_in_the_app() -> None:
    listed = set(re.findall(r'st\.Page\("(app_pages/\w+\.py)"', (ROOT / "app.py").read_text()))
    assert len(PAGES) == 8
    assert listed == {f"app_pages/{p.name}" for p in PAGES}


def test_no_module_imports_a_page() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in _imported_modules(path)
                                            if m.startswith("app_pages"))
        for path in [*PAGES, *(ROOT / "ui").glob("*.py"), ROOT / "app.py"]
    }
    assert {k: v for k, v in offenders.items() if v} == {}
