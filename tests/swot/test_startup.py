"""The command line starts fast: ``--help`` and ``validate`` load neither pandas nor SciPy
(together about 0.4-1 s of imports on the 2-core CI machine, against a 0.3 s budget)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from swot_testdata import TEHRAN

ROOT_NETWORK = TEHRAN.with_name("tehran_city_diplomacy_network.json")

PROBE = """
import contextlib, io, json, sys
from swot.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
    code = main(sys.argv[1:])
# jsonschema (0.05 s to import): only for a model the compiled check refuses
heavy = sorted(m for m in ("pandas", "scipy", "streamlit", "plotly", "jsonschema")
               if m in sys.modules)
print(json.dumps({"code": code, "heavy": heavy}))
"""


@pytest.mark.parametrize("args", [["--help"], ["validate", str(TEHRAN)],
                                  ["validate", str(ROOT_NETWORK)]],
                         ids=["help", "validate", "validate-network"])
def test_help_and_validate_import_neither_pandas_nor_scipy(args: list[str]) -> None:
    # A fresh interpreter: this test process has long imported everything.
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                            text=True, timeout=120, check=True)
    assert json.loads(result.stdout) == {"code": 0, "heavy": []}


def test_importing_swot_and_anp_loads_neither_pandas_nor_scipy() -> None:
    code = ("import sys, anp, swot, swot.io, swot.analysis; "
            "print(sorted(m for m in ('pandas', 'scipy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip() == "[]"


def test_no_subcommand_module_imports_the_cli_back() -> None:
    """swot.cli assembles the subcommands; they share swot.cli_support and never import
    swot.cli (no import cycle, not even one hidden inside a function)."""
    import ast

    root = Path(__file__).resolve().parents[2] / "swot"
    importers = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.ImportFrom) and node.module == "swot.cli") or (
                    isinstance(node, ast.Import)
                    and any(alias.name == "swot.cli" for alias in node.names)):
                importers.append(path.relative_to(root).as_posix())
    assert importers == ["__main__.py"]
