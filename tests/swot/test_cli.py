"""The ``swot-anp`` command line, run as a subprocess."""

import subprocess
import sys


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "swot", *args], capture_output=True, text=True, timeout=60
    )


def test_no_command_prints_usage_and_exits_2() -> None:
    result = run_cli()
    assert result.returncode == 2
    assert "usage: swot-anp" in result.stderr
    assert "Traceback" not in result.stderr
