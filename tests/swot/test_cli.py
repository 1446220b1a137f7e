"""The ``swot-anp`` command line. Most tests call :func:`swot.cli.main` in this process (a
subprocess costs a Python start-up each); a few run it as a real process for what only a
process shows: exit codes, a closed or full stdout, the installed console script."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from swot_testdata import TEHRAN, read_csv_exact, tiny_data

from swot.analysis import evaluate
from swot.cli import main
from swot.io import load_model


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``swot-anp ARGS`` in this process: its exit code and what it wrote."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def run_process(*args: str | Path, command: list[str] | None = None
                ) -> subprocess.CompletedProcess[str]:
    """``swot-anp ARGS`` as a separate process (``python -m swot`` unless ``command``)."""
    result = subprocess.run(
        [*(command or [sys.executable, "-m", "swot"]), *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert "Traceback" not in result.stderr
    return result


def write(tmp_path: Path, data: object, name: str = "model.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_no_command_prints_usage_and_exits_2() -> None:
    result = run_cli()
    assert result.returncode == 2
    assert "usage: swot-anp" in result.stderr


@pytest.mark.parametrize(("args", "code", "stream", "text"), [
    ([], 2, "stderr", "usage: swot-anp"),
    (["rank", "--format", "xml"], 2, "stderr", "invalid choice: 'xml'"),
    (["validate", str(TEHRAN)], 0, "stdout", f"{TEHRAN}: valid"),
    (["validate", "/nonexistent.json"], 1, "stderr", "/nonexistent.json: (root): cannot read"),
], ids=["no-command", "usage", "ok", "invalid"])
def test_process_exit_codes(args: list[str], code: int, stream: str, text: str) -> None:
    result = run_process(*args)
    assert result.returncode == code
    assert text in getattr(result, stream)


def test_installed_console_script() -> None:
    script = shutil.which("swot-anp", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.fail("the swot-anp console script is not installed beside this Python "
                    "(pip install -e .)")
    result = run_process("--help", command=[script])
    assert result.returncode == 0
    assert result.stdout.startswith("usage: swot-anp")
    for command in ("rank", "validate", "sensitivity", "robustness", "migrate", "report",
                    "export"):
        assert command in result.stdout


@pytest.mark.parametrize("args", [["frobnicate"], ["rank"], ["rank", "m.json", "--lang", "de"],
                                  ["rank", "m.json", "--format", "xml"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_rank_table_in_rank_order() -> None:
    result = run_cli("rank", TEHRAN)
    assert result.returncode == 0, result.stderr
    expected = evaluate(load_model(TEHRAN)).strategies
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.split()[:2] == ["rank", "id"])
    ids = [line.split()[1] for line in lines[header + 1: header + 1 + len(expected)]]
    assert ids == list(expected["id"])
    assert expected["label_en"].iloc[0] in result.stdout
    assert "illustrative" in result.stdout


def test_rank_persian_with_weights() -> None:
    result = run_cli("rank", TEHRAN, "--lang", "fa", "--weights")
    assert result.returncode == 0, result.stderr
    model = load_model(TEHRAN)
    assert model.strategies[0].label_fa in result.stdout
    assert model.factor("W7").label_fa in result.stdout
    assert model.title["fa"] in result.stdout


def test_rank_json_and_csv_formats() -> None:
    expected = evaluate(load_model(TEHRAN))
    out = json.loads(run_cli("rank", TEHRAN, "--format", "json", "--weights").stdout)
    assert [row["id"] for row in out["strategies"]] == list(expected.strategies["id"])
    assert [row["priority"] for row in out["strategies"]] == list(
        expected.strategies["priority"])
    assert [row["id"] for row in out["factors"]] == list(expected.factors["id"])
    text = run_cli("rank", TEHRAN, "--format", "csv").stdout
    back = pd.read_csv(io.StringIO(text))
    assert list(back["id"]) == list(expected.strategies["id"])


def test_rank_writes_csv_files(tmp_path: Path) -> None:
    target = tmp_path / "ranking.csv"
    result = run_cli("rank", TEHRAN, "--csv", target, "--lang", "fa")
    assert result.returncode == 0, result.stderr
    expected = evaluate(load_model(TEHRAN))
    back = read_csv_exact(target.read_bytes())
    assert list(back["عنوان"]) == list(expected.strategies["label_fa"])  # Persian headers
    assert list(back["اولویت"]) == list(expected.strategies["priority"])  # numbers as they are
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    factors = read_csv_exact((tmp_path / "ranking-factors.csv").read_bytes())
    assert list(factors["شناسه"]) == list(expected.factors["id"])
    assert set(factors["گروه"]) == {"قوت‌ها", "ضعف‌ها", "فرصت‌ها", "تهدیدها"}  # not S, W, O, T
    assert set(factors["منشأ"]) == {"فهرست‌شده", "استنتاجی"}  # not listed, derived


def test_unwritable_csv_exits_1(tmp_path: Path) -> None:
    result = run_cli("rank", TEHRAN, "--csv", tmp_path / "no" / "such" / "dir.csv")
    assert result.returncode == 1
    assert "cannot write the file" in result.stderr


def test_csv_set_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    # the second file of the set cannot be written (a folder stands at its path): the first,
    # an earlier ranking, must still be the earlier one, and no temporary file may remain
    target = tmp_path / "ranking.csv"
    target.write_bytes(b"earlier ranking")
    (tmp_path / "ranking-factors.csv").mkdir()
    result = run_cli("rank", TEHRAN, "--csv", target)
    assert result.returncode == 1
    assert "ranking-factors.csv: cannot write the file" in result.stderr
    assert target.read_bytes() == b"earlier ranking"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ranking-factors.csv", "ranking.csv"]
    assert not (tmp_path / "ranking-consistency.csv").exists()


def test_validate_ok() -> None:
    result = run_cli("validate", TEHRAN)
    assert result.returncode == 0
    assert result.stdout.strip() == f"{TEHRAN}: valid"
    assert result.stderr == ""


def test_validate_lists_every_problem(tmp_path: Path) -> None:
    data = tiny_data()
    data["judgments"]["factors"]["W"][1][0] = 0
    data["strategies"][0]["factors"][0] = "Q7"
    path = write(tmp_path, data)
    for command in ("validate", "rank"):
        result = run_cli(command, path)
        assert result.returncode == 1
        assert result.stderr.splitlines() == [
            f'{path}: strategies[0].factors[0]: "Q7": unknown factor id',
            f"{path}: judgments.factors.W[1][0]: 0 is not a positive judgment",
        ]


def test_validate_reports_unlinked_items(tmp_path: Path) -> None:
    data = tiny_data()
    data["judgments"]["factors"]["S"] = [[1, None], [None, 1]]
    path = write(tmp_path, data)
    result = run_cli("validate", path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{path}: judgments.factors.S: ")
    assert "S2" in result.stderr


@pytest.mark.parametrize(("content", "message"), [
    (b"\xff\xfe{", "byte 0: not valid UTF-8"),
    (b'{"format": ', "line 1, column 12: invalid JSON"),
    (b'{"format": "swot-anp-model", "version": 7}', "version: unsupported format version 7"),
])
def test_bad_files_exit_1(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    result = run_cli("rank", path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{path}: {message}")


def test_missing_file_exits_1(tmp_path: Path) -> None:
    result = run_cli("validate", tmp_path / "absent.json")
    assert result.returncode == 1
    assert result.stderr.startswith(f"{tmp_path / 'absent.json'}: (root): cannot read the file")


@pytest.mark.parametrize("args", [
    ["rank", str(TEHRAN)],
    ["robustness", str(TEHRAN), "-n", "20"],
])
def test_closed_stdout_pipe_exits_quietly(args: list[str]) -> None:
    # `swot-anp rank MODEL | head -1`, made deterministic: the reading end is closed first.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run([sys.executable, "-m", "swot", *args], stdout=write_end,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert result.returncode == 1
    assert result.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
def test_full_stdout_is_one_readable_line() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "swot", "rank", str(TEHRAN)],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == "swot-anp: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("command", [["rank"], ["sensitivity", "--group", "S"],
                                     ["robustness", "-n", "10"]])
def test_csv_into_a_folder_names_the_target(tmp_path: Path, command: list[str]) -> None:
    result = run_cli(command[0], TEHRAN, *command[1:], "--csv", tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"{tmp_path}: cannot write the file: Is a directory\n"
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(("command", "csv"), [
    (["rank"], "model.json"),
    (["rank"], "model"),  # its factor weights go to model-factors.csv, here the model file
    (["sensitivity", "--group", "S"], "model.json"),
    (["robustness", "-n", "10"], "model.json"),
])
def test_csv_onto_the_model_file_is_refused(tmp_path: Path, command: list[str],
                                            csv: str) -> None:
    model = tmp_path / "model.json"
    model.write_bytes(TEHRAN.read_bytes())
    if csv == "model":  # the companion file of --csv model is the model file
        model = model.rename(tmp_path / "model-factors.csv")
    before = model.read_bytes()
    result = run_cli(command[0], model, *command[1:], "--csv", tmp_path / csv)
    assert result.returncode == 1
    assert "this is the model file" in result.stderr
    assert model.read_bytes() == before
    assert os.listdir(tmp_path) == [model.name]


@pytest.mark.parametrize("command", [["rank"], ["sensitivity", "--group", "S"]])
@pytest.mark.parametrize("csv", [".", "/"])
def test_csv_without_a_file_name_is_refused(tmp_path: Path, command: list[str], csv: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # "." and "/" have no file name, so the companion files (PATH-factors.csv,
    # PATH-reversals.csv) cannot be named: a folder, refused like any other folder
    monkeypatch.chdir(tmp_path)
    result = run_cli(command[0], TEHRAN, *command[1:], "--csv", csv)
    assert result.returncode == 1
    assert result.stderr == f"{csv}: cannot write the file: Is a directory\n"
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("command", [
    ["rank"], ["sensitivity", "--group", "S"], ["sensitivity", "--factor", "S1"],
    ["robustness", "-n", "10"], ["export", "-n", "10", "--xlsx", "out.xlsx"]])
def test_a_model_that_loads_but_cannot_be_ranked_is_named_by_every_subcommand(
        tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # Feedback for one strategy only: a valid file whose ranking fails (EvaluationError). The
    # sweep and the Monte Carlo raise it themselves, not through evaluate_file: main reports
    # it as the model's problems, one line each, for every subcommand.
    import copy

    from swot_testdata import SMALL

    data = copy.deepcopy(SMALL)
    data["judgments"]["links"]["A"] = {"S": {"nodes": ["S1"], "matrix": [[1]]}}
    model = tmp_path / "m.json"
    model.write_text(json.dumps(data), encoding="utf-8")
    command = [str(tmp_path / c) if c.endswith(".xlsx") else c for c in command]
    assert main([command[0], str(model), *command[1:]]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{model}: judgments.links: feedback must be given for every "
                          "strategy or for none"), err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert sorted(os.listdir(tmp_path)) == ["m.json"]


@pytest.mark.parametrize("command", [["rank"], ["sensitivity", "--group", "S"],
                                     ["robustness", "-n", "10"]])
def test_an_output_is_named_as_typed(tmp_path: Path, command: list[str],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    # "out/" is shown as "out/", not as the path it normalises to ("out")
    typed = f"{tmp_path}/"
    assert main([command[0], str(TEHRAN), *command[1:], "--csv", typed]) == 1
    assert capsys.readouterr().err == f"{typed}: cannot write the file: Is a directory\n"
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("args", [["validate"], ["rank"], ["migrate"],
                                  ["sensitivity", "--group", "S", "--points", "3"]])
def test_closed_stdout_is_no_traceback(args: list[str]) -> None:
    # ">&-": Python starts with sys.stdout None; what would be printed is dropped, as print()
    # drops it (was: AttributeError: 'NoneType' object has no attribute 'flush')
    script = 'exec "$0" -m swot "$1" "$2" "${@:3}" >&-'
    result = subprocess.run(["bash", "-c", script, sys.executable, args[0], str(TEHRAN),
                             *args[1:]], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[2])
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0


@pytest.mark.parametrize("command", [
    ["rank", "--csv"], ["sensitivity", "--group", "S", "--csv"], ["robustness", "--csv"],
    ["migrate", "-o"], ["report", "--pdf"], ["report", "--html"], ["export", "--xlsx"]])
def test_an_empty_output_name_is_a_usage_error(tmp_path: Path, command: list[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # `--csv ""` (an unset shell variable) was taken as "no file": exit 0, nothing written
    monkeypatch.chdir(tmp_path)
    result = run_cli(command[0], TEHRAN, *command[1:], "")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].endswith(": an empty file name; give a file name")
    assert "Traceback" not in result.stderr
    assert os.listdir(tmp_path) == []


def test_migrate_does_not_replace_a_file_of_another_kind(tmp_path: Path) -> None:
    # `-o report.pdf` (a slip for report.json) would have replaced the PDF with JSON
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n...")
    result = run_cli("migrate", TEHRAN, "-o", pdf)
    assert result.returncode == 1
    assert result.stderr == (f"{pdf}: exists and is not a JSON file; not overwriting it "
                             "(remove it or choose another name)\n")
    assert pdf.read_bytes() == b"%PDF-1.7\n..."
    assert os.listdir(tmp_path) == ["report.pdf"]
    # a JSON file (another model, the input itself) and an empty file are replaced
    for name, before in (("old.json", b"\xef\xbb\xbf  {\"format\": 1}"), ("empty.json", b"")):
        target = tmp_path / name
        target.write_bytes(before)
        assert run_cli("migrate", TEHRAN, "-o", target).returncode == 0
        assert load_model(target) == load_model(TEHRAN)


@pytest.mark.parametrize("command", [["rank"], ["sensitivity", "--group", "S"],
                                     ["robustness", "-n", "10"]])
@pytest.mark.parametrize(("name", "before"), [
    ("other.json", b'{"format": "swot-anp-model"}'),  # another model: --csv other.json
    ("report.pdf", b"%PDF-1.7\n"),
    ("book.xlsx", b"PK\x03\x04\x14\x00\x00\x00"),
])
def test_csv_does_not_replace_a_file_of_another_kind(tmp_path: Path, command: list[str],
                                                     name: str, before: bytes) -> None:
    target = tmp_path / name
    target.write_bytes(before)
    result = run_cli(command[0], TEHRAN, *command[1:], "--csv", target)
    assert result.returncode == 1
    assert result.stderr == (f"{target}: exists and is not a CSV file; not overwriting it "
                             "(remove it or choose another name)\n")
    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == [name]


def test_csv_replaces_an_earlier_table_in_any_text_encoding(tmp_path: Path) -> None:
    # an earlier ranking, also one saved again by a spreadsheet as CSV in a code page
    target = tmp_path / "ranking.csv"
    for before in (b"", "rank,id\n1,SO1\n".encode("utf-8-sig"),
                   "رتبه,شناسه\n".encode("cp1256")):
        target.write_bytes(before)
        assert run_cli("rank", TEHRAN, "--csv", target).returncode == 0
        assert target.read_bytes().startswith(b"\xef\xbb\xbfrank,id,")
