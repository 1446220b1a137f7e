"""Consistency and near ties beside every ranking the command line gives (issue 12)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from swot_testdata import TEHRAN, inconsistent_tehran, read_csv_exact, tied_tehran
from test_cli import run_cli

from swot.analysis import evaluate
from swot.io import dumps_model, load_model
from swot.provenance import mark_edited


def inconsistent_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.json"
    path.write_text(dumps_model(inconsistent_tehran()), encoding="utf-8")
    return path


def test_consistent_model_is_silent_on_stderr_and_strict_passes() -> None:
    result = run_cli("rank", TEHRAN, "--strict")
    assert result.returncode == 0
    assert result.stderr == ""
    n = len(evaluate(load_model(TEHRAN)).consistency)
    assert f"Consistency: all {n} pairwise matrices pass." in result.stdout
    # Shipped priorities SO1 0.130981, WO1 0.125717: 4.0 % apart, more than the 2 % margin.
    assert "Top strategy: SO1" in result.stdout


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_failing_matrix_is_listed_on_stderr_exit_unchanged(tmp_path: Path, fmt: str) -> None:
    bad = inconsistent_file(tmp_path)
    cr = evaluate(load_model(bad)).consistency.set_index("matrix").loc["judgments.groups", "cr"]
    result = run_cli("rank", bad, "--format", fmt)
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    # Saaty's threshold for a 4 x 4 matrix is 0.08.
    assert lines == [f"{bad}: warning: judgments.groups has CR {cr:.3f} > 0.08 "
                     "(fails its consistency threshold; the ranking is not sound)"]
    strict = run_cli("rank", bad, "--format", fmt, "--strict")
    assert strict.returncode == 3
    assert strict.stderr == result.stderr


def test_json_carries_verdict_and_consistency(tmp_path: Path) -> None:
    bad = inconsistent_file(tmp_path)
    out = json.loads(run_cli("rank", bad, "--format", "json").stdout)
    assert out["consistency"]["all_pass"] is False
    failing = [m["matrix"] for m in out["consistency"]["matrices"] if not m["passes"]]
    assert failing == ["judgments.groups"]
    good = json.loads(run_cli("rank", TEHRAN, "--format", "json").stdout)
    assert good["consistency"]["all_pass"] is True
    assert good["verdict"] == {"leaders": ["SO1"], "tied": False,
                               "gap": pytest.approx((0.130981 - 0.125717) / 0.130981, abs=1e-5),
                               "margin": 0.02}


def test_csv_companion_file_holds_the_consistency(tmp_path: Path) -> None:
    bad = inconsistent_file(tmp_path)
    target = tmp_path / "out.csv"
    assert run_cli("rank", bad, "--csv", target).returncode == 0
    table = read_csv_exact((tmp_path / "out-consistency.csv").read_bytes())
    expected = evaluate(load_model(bad)).consistency
    assert list(table["matrix"]) == list(expected["matrix"])
    assert [p == "True" for p in table["passes"]] == list(expected["passes"])
    assert list(table["cr"]) == list(expected["cr"])  # full precision
    ranking = pd.read_csv(target, encoding="utf-8-sig")  # the ranking stays a plain table
    assert list(ranking.columns) == ["rank", "id", "label", "tows", "priority", "ideal"]
    assert ranking["rank"].dtype.kind == "i"


def test_near_tie_is_called_a_tie(tmp_path: Path) -> None:
    model = tied_tehran()
    path = tmp_path / "tied.json"
    path.write_text(dumps_model(model), encoding="utf-8")
    table = evaluate(model).strategies
    top = list(table["id"][:2])
    assert sorted(top) == ["SO1", "WO1"]
    result = run_cli("rank", path)
    assert f"Practically tied: {', '.join(top)} (within 2% of the first" in result.stdout
    assert "Top strategy" not in result.stdout
    text = run_cli("rank", path, "--format", "csv").stdout
    assert list(pd.read_csv(io.StringIO(text))["id"][:2]) == top


@pytest.mark.parametrize("command", [["sensitivity", "--group", "W", "--points", "11"],
                                     ["robustness", "-n", "50"]])
def test_sensitivity_commands_warn_about_failing_matrices(tmp_path: Path,
                                                          command: list[str]) -> None:
    bad = inconsistent_file(tmp_path)
    result = run_cli(command[0], bad, *command[1:])
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0].startswith(f"{bad}: warning: judgments.groups has CR")
    assert run_cli(command[0], TEHRAN, *command[1:]).stderr == ""


def test_an_edited_illustrative_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "edited.json"
    path.write_text(dumps_model(mark_edited(inconsistent_tehran(), load_model(TEHRAN))),
                    encoding="utf-8")
    out = run_cli("rank", path).stdout
    assert "Note: the judgments were changed from an illustrative set" in out
    assert "Note: the judgments are illustrative" not in out
