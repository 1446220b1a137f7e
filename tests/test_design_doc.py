"""docs/design.md covers every module: each module file of anp/, swot/ (recursively), ui/ and
app_pages/, and app.py, is named there by its path (a package's ``__init__.py`` by its folder
or its own path), so a new module without a line fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DESIGN = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
MODULES = [ROOT / "app.py", *sorted(p for package in ("anp", "swot", "ui", "app_pages")
                                    for p in (ROOT / package).rglob("*.py"))]


def _names(path: Path) -> list[str]:
    """The ways docs/design.md may name ``path``."""
    relative = path.relative_to(ROOT).as_posix()
    if path.name != "__init__.py":
        return [relative]
    folder = path.parent.relative_to(ROOT).as_posix()
    return [relative, f"`{folder}/`", f"`{folder}`"]


def test_the_walk_finds_the_modules() -> None:
    relative = {p.relative_to(ROOT).as_posix() for p in MODULES}
    assert {"anp/limit.py", "swot/store/config.py", "ui/state.py",
            "app_pages/weights.py"} <= relative
    assert len(MODULES) > 90


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_module_is_named_in_the_design_doc(path: Path) -> None:
    names = _names(path)
    assert any(name in DESIGN for name in names), f"docs/design.md does not name {names[0]}"
