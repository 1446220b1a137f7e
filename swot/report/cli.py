"""The ``report`` and ``export`` subcommands of ``swot-anp``.

``report`` writes the decision report as PDF and/or HTML for a model file, a saved scenario
(``--scenario NAME``) or a workshop's group result (``--workshop CODE``), both from the SQLite
store (``--db PATH``, else the app's default). ``export --xlsx`` writes the analyst's workbook.
Every output is checked before anything is computed or written: its folder must be writable, it
must not be the model or the database, and an existing file is only replaced by a file of the
same kind (a PDF by a PDF, ...). Problems exit 1 with one line each (see :mod:`swot.cli`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
from pathlib import Path

from swot.cli_support import (
    CliError,
    evaluate_file,
    load,
    output_path,
    refuse_other_kind,
    write_files,
)
from swot.model import LANGS


def check_outputs(outputs: list[tuple[str, str]], protected: list[str]) -> None:
    """Refuse (``CliError``) an output that is a protected file (model, database), the same path
    twice, a folder, in a folder that cannot be written, or an existing regular file of another
    kind."""
    seen: set[str] = set()
    for name, kind in outputs:
        path = Path(name)
        key = os.path.realpath(path)
        if key in seen:
            raise CliError([f"{name}: given for two outputs; choose a file for each"])
        seen.add(key)
        for other in protected:
            if path.exists() and os.path.exists(other) and os.path.samefile(path, other):
                raise CliError([f"{name}: this is the model or database file; choose another "
                                "output file"])
        if path.is_dir():
            raise CliError([f"{name}: is a folder; give a file name"])
        folder = path.parent if str(path.parent) else Path(".")
        if folder.exists() and not folder.is_dir():
            raise CliError([f"{name}: {folder} is a file, not a folder"])
        if not folder.is_dir():
            raise CliError([f"{name}: the folder {folder} does not exist"])
        if not os.access(folder, os.W_OK | os.X_OK):
            raise CliError([f"{name}: cannot write in the folder {folder}"])
        refuse_other_kind(name, kind)


# The years a report may be dated in: the Persian report gives the Jalali date, which jdatetime
# cannot give past 9377 AP (year 0001 AD failed too, with a traceback); and a Jalali date typed
# as Gregorian (1405-09-08) would date the report in the year 784 AP.
REPORT_YEARS = (1900, 2999)
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def report_date(value: str | None) -> dt.date:
    """The report's date: ``--date`` (Persian digits read too), else ``SOURCE_DATE_EPOCH``
    (reproducible builds), else today (UTC); a year outside :data:`REPORT_YEARS` is refused."""
    if value is not None:
        try:
            day = dt.date.fromisoformat(value.translate(_DIGITS))
        except ValueError:  # datetime's parse: not an ISO date
            raise CliError([f"--date: '{value}' is not a date like 2026-11-29"]) from None
        return _in_years(day, f"--date: '{value}'", ": give the Gregorian date, e.g. "
                         "2026-11-29 (the Persian report shows it as a Jalali date)")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            day = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
        except (ValueError, OverflowError, OSError):  # int() or the platform's time range
            raise CliError([f"SOURCE_DATE_EPOCH: '{epoch}' is not a Unix time"]) from None
        return _in_years(day, f"SOURCE_DATE_EPOCH: '{epoch}' ({day.isoformat()})")
    return dt.datetime.now(dt.UTC).date()


def _in_years(day: dt.date, given: str, hint: str = "") -> dt.date:
    first, last = REPORT_YEARS
    if not first <= day.year <= last:
        raise CliError([f"{given} is not a date from {first} to {last}{hint}"])
    return day


def _command(args: argparse.Namespace, day: dt.date) -> str:
    """The command line that regenerates the same files."""
    parts = ["swot-anp", "report"]
    if args.model:
        parts.append(args.model)
    for flag, value in (("--scenario", args.scenario), ("--workshop", args.workshop),
                        ("--db", args.db)):
        if value is not None:
            parts += [flag, value]
    parts += ["--lang", args.lang]
    for flag, value in (("--pdf", args.pdf), ("--html", args.html)):
        if value:
            parts += [flag, value]
    parts += ["--date", day.isoformat(), "--seed", str(args.seed)]
    return shlex.join(parts)


def _report(args: argparse.Namespace) -> int:
    from swot.io import ModelFileError
    from swot.report.make import ReportRequest, ReportSourceError, load_source, render_report

    if not (args.pdf or args.html):
        raise CliError(["swot-anp report: give --pdf PATH, --html PATH or both"])
    chosen = [x for x in (args.model, args.scenario, args.workshop) if x is not None]
    if len(chosen) != 1:
        raise CliError(["swot-anp report: give one of MODEL.json, --scenario NAME or "
                        "--workshop CODE"])
    day = report_date(args.date)
    try:
        source = load_source(args.model, args.scenario, args.workshop, args.db)
    except ModelFileError as exc:
        raise CliError(exc.lines()) from None
    except ReportSourceError as exc:
        raise CliError([str(exc)]) from None
    outputs = [(p, k) for p, k in ((args.pdf, "pdf"), (args.html, "html")) if p]
    check_outputs(outputs, source.protected)
    request = ReportRequest(source=source, lang=args.lang, day=day, seed=args.seed,
                            command=_command(args, day))
    pdf, html, problems = render_report(request, pdf=bool(args.pdf), html=bool(args.html))
    files = [(p, data) for p, data in ((args.pdf, pdf), (args.html, html))
             if p and data is not None]
    write_files(args.model or source.protected[0], files)
    for problem in problems:
        print(f"{source.name}: {problem}")
    if problems:
        print("The model cannot be ranked yet; the report lists what is missing.")
    return 0


def _export(args: argparse.Namespace) -> int:
    from swot.report.make import engine_version, sha256_file
    from swot.sensitivity import robustness
    from swot.workbook import about_rows, workbook_bytes

    if not args.xlsx:
        raise CliError(["swot-anp export: give --xlsx PATH"])
    check_outputs([(args.xlsx, "xlsx")], [args.model])
    model = load(args.model)
    result = evaluate_file(args.model, model)
    mc = robustness(model, n=args.n, seed=args.seed)
    about = about_rows(model, args.lang, args.model, sha256_file(args.model), engine_version())
    write_files(args.model, [(args.xlsx, workbook_bytes(result, mc, args.lang, about))])
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``report`` and ``export`` subcommands."""
    p = subparsers.add_parser(
        "report", help="decision report as PDF and HTML (Persian or English)",
        description="Write the decision report of a model file, a saved scenario or a "
        "workshop's group result as PDF and/or HTML. The same command regenerates the same "
        "bytes.")
    p.add_argument("model", metavar="MODEL.json", nargs="?", help="model file")
    p.add_argument("--scenario", metavar="NAME", help="a scenario saved in the database")
    p.add_argument("--workshop", metavar="CODE", help="a workshop's group result")
    p.add_argument("--db", metavar="PATH", help="the database of scenarios and workshops "
                   "(default: SWOT_ANP_DB or ~/.local/share/swot-anp/swot-anp.sqlite3)")
    p.add_argument("--lang", choices=LANGS, default="en", help="report language (default en)")
    p.add_argument("--pdf", metavar="PATH", type=output_path, help="write the PDF report to PATH")
    p.add_argument("--html", metavar="PATH", type=output_path, help="write the HTML report to PATH")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="the report's date (default SOURCE_DATE_EPOCH, else today)")
    p.add_argument("--seed", type=int, default=1, help="Monte Carlo seed (default 1)")
    p.set_defaults(handler=_report)

    p = subparsers.add_parser(
        "export", help="Excel workbook for analysts",
        description="Write the ranking, weights, every pairwise matrix, the supermatrices, the "
        "rank reversals and the Monte Carlo study of a model to an Excel workbook.")
    p.add_argument("model", metavar="MODEL.json", help="model file")
    p.add_argument("--xlsx", metavar="PATH", type=output_path, help="write the workbook to PATH")
    p.add_argument("--lang", choices=LANGS, default="en",
                   help="labels, headers and sheet direction (default en)")
    p.add_argument("-n", type=int, default=10_000, help="Monte Carlo samples (default 10000)")
    p.add_argument("--seed", type=int, default=1, help="Monte Carlo seed (default 1)")
    p.set_defaults(handler=_export)
