"""``swot-anp report``: files written, the same command gives the same bytes, bad input exits 1
with one line and overwrites nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from report_testdata import TEHRAN, pdf_text, tie_data

from swot.cli import main
from swot.store import Store, model_fingerprint

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils not installed")


@pytest.fixture
def tie_file(tmp_path: Path) -> Path:
    path = tmp_path / "tie.json"
    path.write_text(json.dumps(tie_data(), ensure_ascii=False), encoding="utf-8")
    return path


def _fail(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


@needs_poppler
def test_tehran_report_is_reproducible_byte_for_byte(tmp_path: Path, monkeypatch) -> None:
    model = tmp_path / "tehran.json"
    shutil.copy(TEHRAN, model)
    monkeypatch.chdir(tmp_path)
    argv = ["report", "tehran.json", "--lang", "fa", "--pdf", "r.pdf", "--html", "r.html",
            "--date", "2026-11-29"]
    assert main(argv) == 0
    first = (tmp_path / "r.pdf").read_bytes(), (tmp_path / "r.html").read_bytes()
    assert first[0].startswith(b"%PDF-")
    text = pdf_text(first[0], tmp_path)
    command = ("swot-anp report tehran.json --lang fa --pdf r.pdf --html r.html "
               "--date 2026-11-29 --seed 1")
    assert command in text  # the report prints the command that regenerates it
    # same inputs: the date from SOURCE_DATE_EPOCH (2026-11-29 12:00 UTC) instead of --date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795953600")
    (tmp_path / "r.pdf").unlink()
    assert main(argv[:-2]) == 0
    again = (tmp_path / "r.pdf").read_bytes()
    # the regenerating command names the date either way, so the bytes are the same
    assert again == first[0]
    import hashlib

    assert hashlib.sha256(model.read_bytes()).hexdigest() in text.replace("\n", "")


def test_unrankable_model_gives_a_report_saying_what_is_missing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tie_data()
    data["judgments"]["strategies"]["O1"]["ratings"] = [None, None]
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["report", str(path), "--html", str(tmp_path / "r.html"),
                 "--date", "2026-01-01"]) == 0
    out = capsys.readouterr().out
    assert "judgments.strategies.O1: not yet rated: A, B" in out
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "This model cannot be ranked yet" in html
    assert "not yet rated: A, B" in html


def test_output_onto_the_model_or_another_kind_of_file_is_refused(
        tie_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tie_file.read_bytes()
    line = _fail(capsys, ["report", str(tie_file), "--pdf", str(tie_file)])
    assert "model or database file" in line
    assert tie_file.read_bytes() == before
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    line = _fail(capsys, ["report", str(tie_file), "--html", str(tmp_path / "ok.html"),
                          "--pdf", str(notes)])
    assert line == f"{notes}: exists and is not a PDF file; not overwriting it (remove it or " \
                   "choose another name)"
    assert notes.read_text(encoding="utf-8") == "my notes"
    assert not (tmp_path / "ok.html").exists()  # nothing written when one output is refused
    line = _fail(capsys, ["report", str(tie_file), "--pdf", str(tmp_path / "no" / "r.pdf")])
    assert "does not exist" in line
    line = _fail(capsys, ["report", str(tie_file), "--pdf", str(notes / "r.pdf")])
    assert line.endswith("is a file, not a folder")
    line = _fail(capsys, ["report", str(tie_file), "--pdf", str(tmp_path)])
    assert "is a folder" in line
    same = str(tmp_path / "x.pdf")
    assert "two outputs" in _fail(capsys, ["report", str(tie_file), "--pdf", same,
                                           "--html", same])
    assert "--pdf PATH" in _fail(capsys, ["report", str(tie_file)])
    assert "not a date" in _fail(capsys, ["report", str(tie_file), "--pdf", same,
                                          "--date", "29/11/2026"])


def test_an_existing_report_of_the_same_kind_is_replaced(
        tie_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    out.write_text("<!DOCTYPE html><html><body>old report</body></html>", encoding="utf-8")
    assert main(["report", str(tie_file), "--html", str(out), "--date", "2026-01-01"]) == 0
    assert "old report" not in out.read_text(encoding="utf-8")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.sqlite3"
    data = tie_data()
    with Store(path) as store:
        store.save_scenario("base", data)
        workshop = store.create_workshop(data, "w")
        for name, rating in (("Ana", 2.0), ("Bo", 0.5)):
            person = store.join(workshop.code, name)
            judgments = json.loads(json.dumps(data["judgments"]))
            judgments["strategies"]["S1"] = {"ratings": [rating, 1]}
            store.submit(workshop.code, person.id, judgments, model_fingerprint(data))
        (tmp_path / "code").write_text(workshop.code, encoding="utf-8")
    return path


def test_scenario_and_workshop_reports(db: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.html"
    assert main(["report", "--scenario", "base", "--db", str(db), "--html", str(out),
                 "--date", "2026-01-01"]) == 0
    assert "Scenario: base" in out.read_text(encoding="utf-8")
    code = (tmp_path / "code").read_text(encoding="utf-8")
    assert main(["report", "--workshop", code, "--db", str(db), "--html", str(out),
                 "--date", "2026-01-01"]) == 0
    html = out.read_text(encoding="utf-8")
    assert f"Workshop {code}: 2 participants" in html
    assert "Most disputed comparisons" in html
    assert "judgments.strategies.S1" in html or "Strategies w.r.t. S1" in html
    # matrix_name always names a strategies matrix: the raw JSON path is never shown
    assert "Strategies w.r.t. S1" in html
    assert "judgments.strategies.S1" not in html
    # unknown scenario or workshop, missing database, two sources
    assert "base" not in _fail(capsys, ["report", "--scenario", "nope", "--db", str(db),
                                        "--html", str(out)]).split(":")[0]
    assert "ZZZZ" in _fail(capsys, ["report", "--workshop", "ZZZZ", "--db", str(db),
                                    "--html", str(out)])
    missing = tmp_path / "none.sqlite3"
    assert "no such database" in _fail(capsys, ["report", "--scenario", "base", "--db",
                                                str(missing), "--html", str(out)])
    assert not missing.exists()
    assert "mysql:// databases are not supported" in _fail(
        capsys, ["report", "--scenario", "base", "--db", "mysql://u@h/d", "--html", str(out)])
    down = _fail(capsys, ["report", "--scenario", "base", "--db",  # a server that is not there
                          f"postgresql+psycopg://u:hush@/x?host={tmp_path}", "--html", str(out)])
    assert "cannot open the database" in down and "hush" not in down
    assert "one of MODEL.json" in _fail(capsys, ["report", "--scenario", "base",
                                                 "--workshop", code, "--html", str(out)])
    # the database itself is never an output
    assert "model or database" in _fail(capsys, ["report", "--scenario", "base", "--db",
                                                 str(db), "--pdf", str(db)])


def test_an_output_that_is_a_pipe_or_a_device_is_not_read(tmp_path: Path) -> None:
    """A named pipe (or /dev/stdout, /dev/full) is written to, not replaced, so there is no
    file to lose: it is not read to see its kind. Reading one blocked until a writer came (a
    pipe) or never ended (``export --xlsx /dev/full`` read zeros until the process was
    killed for its memory)."""
    import contextlib
    import os
    import threading

    from swot.report.cli import check_outputs

    pipes = [tmp_path / "report.html", tmp_path / "book.xlsx"]
    for pipe in pipes:
        os.mkfifo(pipe)
    checker = threading.Thread(target=check_outputs, daemon=True,
                               args=([(str(pipes[0]), "html"), (str(pipes[1]), "xlsx")], []))
    checker.start()
    checker.join(timeout=10)
    hung = checker.is_alive()
    for _ in range(50):  # release a reader blocked in open() (end of file), so the test ends
        if not checker.is_alive():
            break
        for pipe in pipes:
            with contextlib.suppress(OSError):  # no reader waiting on this one
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        checker.join(timeout=0.1)
    assert not hung, "check_outputs opened a named pipe to read it"


def test_a_file_that_is_not_a_database_is_named_once(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # the store's message names the file itself; it read "x.json: x.json cannot be read ..."
    junk = tmp_path / "x.json"
    junk.write_text("not a database\n", encoding="utf-8")
    line = _fail(capsys, ["report", "--workshop", "ZZ", "--db", str(junk),
                          "--html", str(tmp_path / "r.html")])
    assert line.startswith(f"{junk} cannot be read as an SQLite database"), line
    assert line.count(str(junk)) == 1
    assert junk.read_text(encoding="utf-8") == "not a database\n"
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize(("typed", "expected"), [
    ("2026-11-29", "2026-11-29"),
    ("۲۰۲۶-۱۱-۲۹", "2026-11-29"),  # Persian digits, as a Persian keyboard types them
])
def test_report_date_read(typed: str, expected: str) -> None:
    from swot.report.cli import report_date

    assert report_date(typed).isoformat() == expected


@pytest.mark.parametrize(("typed", "line"), [
    # 0001-01-01 and 9999-12-31 ended in jdatetime's "year is out of range" traceback in the
    # Persian report; 1405-09-08 (a Jalali date typed as Gregorian) dated it 17 Shahrivar 784
    ("1405-09-08", "--date: '1405-09-08' is not a date from 1900 to 2999: give the Gregorian "
                   "date, e.g. 2026-11-29 (the Persian report shows it as a Jalali date)"),
    ("0001-01-01", "--date: '0001-01-01' is not a date from 1900 to 2999"),
    ("9999-12-31", "--date: '9999-12-31' is not a date from 1900 to 2999"),
    ("a\\b", "--date: 'a\\b' is not a date like 2026-11-29"),  # shown as typed, not escaped
])
def test_a_report_date_out_of_range_is_one_line(typed: str, line: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    err = _fail(capsys, ["report", str(TEHRAN), "--lang", "fa", "--html", str(out),
                         "--date", typed])
    assert err.startswith(line), err
    assert not out.exists()


def test_a_source_date_epoch_out_of_range_is_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # 99999999999 s after 1970 is 5138-11-16 (99999999999 / 86400 / 365.2425 = 3168.8 years)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "99999999999")
    err = _fail(capsys, ["report", str(TEHRAN), "--lang", "fa", "--html",
                         str(tmp_path / "r.html")])
    assert err == ("SOURCE_DATE_EPOCH: '99999999999' (5138-11-16) is not a date from 1900 "
                   "to 2999")
