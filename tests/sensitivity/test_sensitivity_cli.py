"""The ``sensitivity`` and ``robustness`` subcommands of ``swot-anp``: in this process through
``main`` (fast), one test as a real process (no traceback on stderr)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from swot import cli

ROOT = Path(__file__).resolve().parents[2]
TEHRAN = str(ROOT / "data" / "tehran_city_diplomacy.json")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "swot", *args], capture_output=True,
                          text=True, timeout=60)


@pytest.fixture
def main() -> Callable[..., int]:
    """swot-anp's main in this process."""
    return lambda *args: cli.main(list(args))


def test_robustness_same_seed_same_bytes(tmp_path: Path, main: Callable[..., int],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    outs = []
    for name in ("a.csv", "b.csv"):
        assert main("robustness", TEHRAN, "-n", "1500", "--seed", "1", "--csv",
                    str(tmp_path / name)) == 0
        assert "SO1" in capsys.readouterr().out
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]
    assert outs[0].startswith("\ufeff".encode())
    assert main("robustness", TEHRAN, "-n", "1500", "--seed", "2", "--csv",
                str(tmp_path / "c.csv")) == 0
    assert (tmp_path / "c.csv").read_bytes() != outs[0]


def test_robustness_saaty_method_in_persian(tmp_path: Path, main: Callable[..., int],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main("robustness", TEHRAN, "-n", "50", "--method", "saaty", "--steps", "2",
                "--perturb-direct", "--lang", "fa", "--csv", str(tmp_path / "r.csv")) == 0
    assert "Saaty" in capsys.readouterr().out
    text = (tmp_path / "r.csv").read_bytes().decode("utf-8-sig")
    assert "تهران" in text


def test_sensitivity_group_and_factor(tmp_path: Path, main: Callable[..., int],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main("sensitivity", TEHRAN, "--group", "S", "--csv", str(tmp_path / "s.csv")) == 0
    assert "Rank reversals" in capsys.readouterr().out
    lines = (tmp_path / "s.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    assert len(lines) == 1 + 101 * 9 + 1
    assert (tmp_path / "s-reversals.csv").exists()
    assert main("sensitivity", TEHRAN, "--factor", "W3", "--points", "21") == 0
    assert "factor weight of W3" in capsys.readouterr().out


@pytest.mark.parametrize("args", [
    ("sensitivity", TEHRAN, "--factor", "Q9"),
    ("robustness", TEHRAN, "-n", "0"),
    ("robustness", TEHRAN, "--spread", "-1"),
    ("robustness", "no-such-model.json"),
    ("sensitivity", TEHRAN, "--group", "S", "--points", "1"),
])
def test_invalid_input_exits_1(args: tuple[str, ...], main: Callable[..., int],
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(*args) == 1
    assert capsys.readouterr().err.strip()


@pytest.mark.parametrize(("args", "message"), [
    (("robustness", TEHRAN, "-n", "-5"),
     "swot-anp robustness: the number of samples must be a positive integer; got -5"),
    (("robustness", TEHRAN, "--spread", "-1"),
     "swot-anp robustness: the spread must be from 0 to 10; got -1.0"),
    (("robustness", TEHRAN, "--spread", "nan"),
     "swot-anp robustness: the spread must be from 0 to 10; got nan"),
    # exp(1e308 Z) overflows: refused up front, not an inf judgment deep in the numerics
    (("robustness", TEHRAN, "--spread", "1e308"),
     "swot-anp robustness: the spread must be from 0 to 10; got 1e+308"),
    # 1e11 samples would run for days (and hung the command): refused up front
    (("robustness", TEHRAN, "-n", "100000000000"),
     "swot-anp robustness: the number of samples must be at most 1000000; got 100000000000"),
    (("robustness", TEHRAN, "--method", "saaty", "--steps", "99999999999999999999"),
     "swot-anp robustness: steps must be an integer from 0 to 16; got 99999999999999999999"),
    (("sensitivity", TEHRAN, "--group", "S", "--points", "0"),
     "swot-anp sensitivity: points must be an integer from 2 to 100001; got 0"),
    # 1e8 grid points would be evaluated at once (gigabytes): refused up front
    (("sensitivity", TEHRAN, "--group", "S", "--points", "100000000"),
     "swot-anp sensitivity: points must be an integer from 2 to 100001; got 100000000"),
])
def test_out_of_range_requests_are_one_line(args: tuple[str, ...], message: str,
                                            main: Callable[..., int],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(*args) == 1
    assert capsys.readouterr().err == message + "\n"


def test_invalid_input_in_a_subprocess_has_no_traceback() -> None:
    result = run("sensitivity", TEHRAN, "--factor", "Q9")
    assert result.returncode == 1
    assert "unknown factor 'Q9'" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_model_lists_problems(tmp_path: Path, main: Callable[..., int],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(Path(TEHRAN).read_text(encoding="utf-8"))
    data["judgments"]["groups"][0][1] = -2
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main("robustness", str(bad), "-n", "10") == 1
    assert "judgments.groups" in capsys.readouterr().err


def test_unwritable_csv_exits_1(tmp_path: Path, main: Callable[..., int],
                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main("robustness", TEHRAN, "-n", "10", "--csv", str(tmp_path / "no" / "x.csv")) == 1
    assert "x.csv" in capsys.readouterr().err


@pytest.mark.parametrize("args", [
    ("sensitivity", TEHRAN),
    ("sensitivity", TEHRAN, "--group", "S", "--factor", "S1"),
    ("sensitivity", TEHRAN, "--group", "X"),
    ("robustness", TEHRAN, "-n", "many"),
    ("robustness", TEHRAN, "--method", "uniform"),
])
def test_usage_errors_exit_2(args: tuple[str, ...], main: Callable[..., int],
                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(*args) == 2
    assert "usage:" in capsys.readouterr().err


def test_robustness_early_stop_states_the_precision(main: Callable[..., int],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    # 1000 by hand: the standard error sqrt(p (1 - p) / N) is at most sqrt(0.25 / 1000) =
    # 0.0158 <= 0.02 for any p, so the first check (at MIN_SAMPLES = 1000) always stops
    assert main("robustness", TEHRAN, "-n", "20000", "--precision", "0.02") == 0
    captured = capsys.readouterr()
    head = captured.out.splitlines()[:2]
    assert head[0].startswith("Monte Carlo robustness: 1000 samples")
    assert "stopped after 1000 of 20000 samples: precision 0.02 reached" in head[1]
    assert captured.err == ""  # not a terminal: no progress bar
    assert main("robustness", TEHRAN, "-n", "600", "--precision", "0.001") == 0
    assert "precision 0.001 not reached in 600 samples" in capsys.readouterr().out
    assert main("robustness", TEHRAN, "-n", "10", "--precision", "0.7") == 1
    assert "precision" in capsys.readouterr().err


def test_progress_bar_draws_on_one_line_and_clears_it() -> None:
    import io

    from swot.sensitivity_cli import _ProgressBar

    stream = io.StringIO()
    bar = _ProgressBar(stream, width=10)
    for fraction in (0.25, 0.25, 0.5, 1.0):
        bar(fraction)
    bar.close()
    text = stream.getvalue()
    assert text.count("\r[") == 3  # the repeated 25 % is not drawn again
    assert "[##        ]  25%" in text and "[##########] 100%" in text
    assert text.endswith("\r") and "\n" not in text
