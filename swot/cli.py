"""The ``swot-anp`` command line.

Exit codes: 0 ok, 1 invalid model or unreadable input/output file, 2 usage error, 3 (``rank
--strict`` only) a pairwise matrix fails its consistency threshold. Problems go to stderr, one
readable line each, prefixed with the file name; never a traceback. A doubtful but usable
result (:class:`swot.errors.DoubtfulResultWarning`: a matrix over its consistency threshold, a
near tie at the top) is a ``MODEL: warning: ...`` line on stderr; ``rank`` always lists them.

A subcommand is one ``_add_<name>(subparsers)`` function that builds its parser and sets
``handler`` to a function ``(args) -> int``, plus one line in :data:`SUBCOMMANDS`. Handlers
import what they compute with (pandas, SciPy through the limit matrix) when they run, so
``--help`` and ``validate`` start fast.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from swot.analysis import Evaluation, EvaluationError, check_model
from swot.cli_support import (
    CliError,
    beside,
    evaluate_file,
    load,
    output_path,
    text_table,
    write_files,
)
from swot.errors import PROJECT_ERRORS, DoubtfulResultWarning
from swot.migrate_cli import register as _add_migrate
from swot.model import LANGS
from swot.report.cli import register as _add_report_and_export
from swot.sensitivity_cli import register as _add_sensitivity_and_robustness
from swot.verdict import Verdict, warn_doubts

if TYPE_CHECKING:
    import pandas as pd

INCONSISTENT_EXIT = 3  # rank --strict: some matrix fails its consistency threshold


def _labelled(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``df`` with one ``label`` column in ``lang`` instead of label_en/label_fa."""
    first, other = ("label_en", "label_fa") if lang == "en" else ("label_fa", "label_en")
    out = df.drop(columns=["label_en", "label_fa"])
    out.insert(out.columns.get_loc("id") + 1, "label",
               [a or b for a, b in zip(df[first], df[other], strict=True)])
    return out


def headline(v: Verdict) -> str:
    """The one-line verdict on a ranking: the top strategy, or the strategies practically
    tied with it (:data:`swot.verdict.NEAR_TIE_MARGIN`)."""
    if v.tied:
        return (f"Practically tied: {', '.join(v.leaders)} (within {v.margin:.0%} of the "
                "first; the judgments do not separate them)")
    return f"Top strategy: {v.leaders[0]}"


def _json_out(result: Evaluation, v: Verdict, weights: bool) -> dict[str, object]:
    out: dict[str, object] = {
        "strategies": result.strategies.to_dict(orient="records"),
        "verdict": {"leaders": v.leaders, "tied": v.tied,
                    "gap": None if math.isnan(v.gap) else v.gap, "margin": v.margin},
        "consistency": {
            "all_pass": v.consistent,
            "matrices": [{k: None if isinstance(x, float) and math.isnan(x) else x
                          for k, x in row.items()}
                         for row in result.consistency.to_dict(orient="records")],
        },
    }
    if weights:
        out["factors"] = result.factors.to_dict(orient="records")
    return out


def _rank(args: argparse.Namespace) -> int:
    from swot.export import consistency_csv, factor_weights_csv, ranking_csv
    from swot.report.text import in_lang
    from swot.verdict import verdict

    model = load(args.model)
    result = evaluate_file(args.model, model)
    ranks, weights = result.strategies, result.factors
    v = verdict(result)
    if args.csv:
        target = Path(args.csv)
        write_files(args.model, [
            (args.csv, ranking_csv(ranks, args.lang)),  # named as typed
            (beside(target, "factors"), factor_weights_csv(weights, args.lang)),
            (beside(target, "consistency"), consistency_csv(result.consistency, args.lang)),
        ], kind="csv")
    if args.format == "json":
        print(json.dumps(_json_out(result, v, args.weights), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        texts = [ranking_csv(ranks, args.lang)]
        if args.weights:
            texts.append(factor_weights_csv(weights, args.lang))
        sys.stdout.write("\n".join(t.decode("utf-8-sig") for t in texts))
    else:
        print(in_lang(model.title, args.lang))
        if model.illustrative_judgments and model.judgments_edited:
            print("Note: the judgments were changed from an illustrative set; neither is "
                  "survey data.")
        elif model.illustrative_judgments:
            print("Note: the judgments are illustrative, not survey data.")
        print(f"Structure: {model.structure}")
        print()
        print(headline(v))
        print()
        print(text_table(_labelled(ranks, args.lang)))
        if args.weights:
            print()
            print(text_table(_labelled(weights, args.lang)))
        print()
        if v.consistent:
            print(f"Consistency: all {len(result.consistency)} pairwise matrices pass.")
        else:
            print(f"Consistency: {len(v.failing)} of {len(result.consistency)} pairwise "
                  "matrices fail their threshold (listed on stderr).")
    sys.stdout.flush()
    warn_doubts(result)  # failing matrices and a near tie, one stderr line each
    return INCONSISTENT_EXIT if args.strict and not v.consistent else 0


def _validate(args: argparse.Namespace) -> int:
    model = load(args.model)
    problems = check_model(model)
    if problems:
        raise CliError([f"{args.model}: {p}" for p in problems])
    print(f"{args.model}: valid")
    return 0


def _add_rank(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("rank", help="rank the strategies of a model",
                              description="Rank the strategies of a model file.")
    p.add_argument("model", metavar="MODEL.json", help="model file")
    p.add_argument("--csv", metavar="PATH", type=output_path,
                   help="also write the ranking to PATH, the factor weights to "
                   "PATH-factors.csv and the consistency of every matrix to "
                   "PATH-consistency.csv (UTF-8 with BOM)")
    p.add_argument("--lang", choices=LANGS, default="en", help="label language (default en)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="output on stdout (default table)")
    p.add_argument("--weights", action="store_true", help="also print the factor weights")
    p.add_argument("--strict", action="store_true",
                   help=f"exit {INCONSISTENT_EXIT} when any pairwise matrix fails its "
                   "consistency threshold (the failing matrices are listed on stderr either way)")
    p.set_defaults(handler=_rank)


def _add_validate(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("validate", help="check a model file and list every problem",
                              description="Check a model file; exit 1 if it has problems.")
    p.add_argument("model", metavar="MODEL.json", help="model file")
    p.set_defaults(handler=_validate)


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_rank,
    _add_validate,
    _add_sensitivity_and_robustness,
    _add_migrate,
    _add_report_and_export,
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``swot-anp``."""
    parser = argparse.ArgumentParser(
        prog="swot-anp",
        description="Rank SWOT strategies with the Analytic Network Process.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in SUBCOMMANDS:
        add(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 invalid input, 2 usage, 3 a
    failing consistency check under ``rank --strict``)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2
    if args.command is None:
        parser.print_usage(sys.stderr)
        return 2
    if sys.stdout is None:  # started with stdout closed (``swot-anp rank M.json >&-``)
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  # this run
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", DoubtfulResultWarning)
            warnings.showwarning = _show_doubt(getattr(args, "model", None))
            code = args.handler(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # The reader went away (``swot-anp rank M.json | head -1``): stop quietly. Point
        # stdout at devnull so the interpreter's final flush does not complain either.
        _silence_stdout()
        return 1
    except CliError as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
    except OSError as exc:
        if exc.filename is None:  # a failed write to stdout (e.g. a full disk)
            _silence_stdout()
            print(f"swot-anp: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        else:
            print(f"{exc.filename}: {exc.strerror or exc}", file=sys.stderr)
    except EvaluationError as exc:  # a model that cannot be ranked, one line per problem
        for problem in exc.problems:
            print(f"{getattr(args, 'model', None) or 'swot-anp'}: {problem}", file=sys.stderr)
    except PROJECT_ERRORS as exc:  # e.g. a request out of range (samples, spread, points)
        print(f"swot-anp {args.command}: {exc}", file=sys.stderr)
    return 1


def _show_doubt(model: str | None) -> Callable[..., None]:
    """A ``warnings.showwarning`` that prints a :class:`DoubtfulResultWarning` as one line on
    stderr, prefixed with the model file (other warnings are shown as Python shows them)."""
    default = warnings.showwarning

    def show(message: Warning | str, category: type[Warning], *rest: object,
             **kwargs: object) -> None:
        if issubclass(category, DoubtfulResultWarning):
            print(f"{model or 'swot-anp'}: warning: {message}", file=sys.stderr)
        else:
            default(message, category, *rest, **kwargs)  # type: ignore[arg-type]

    return show


def _silence_stdout() -> None:
    """Send whatever is still buffered for stdout to devnull (stdout cannot be written)."""
    try:
        target = sys.stdout.fileno()
    except (OSError, ValueError):  # io: stdout without a file descriptor (captured) or closed
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, target)
        os.close(devnull)
    except OSError:
        pass
