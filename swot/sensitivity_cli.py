"""The ``sensitivity`` and ``robustness`` subcommands of ``swot-anp``.

:func:`register` adds both to the subparsers of :func:`swot.cli.build_parser`. Each handler
returns the exit code: 0 ok, 1 invalid model or input (readable lines on stderr, no traceback);
argparse exits with 2 on usage errors. :mod:`swot.sensitivity` is imported when a handler runs,
so the other subcommands do not pay for it at start-up. ``robustness`` draws a progress bar on
stderr when stderr is a terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from swot.cli_support import (
    beside,
    evaluate_file,
    load,
    output_path,
    text_table,
    write_files,
)
from swot.model import GROUPS, LANGS, SwotModel

if TYPE_CHECKING:
    from swot.sensitivity import Robustness


def _warn_doubts(path: str, model: SwotModel) -> None:
    """The matrices failing their consistency threshold and a near tie, as warnings on stderr
    (as ``rank`` does): the rankings these subcommands vary rest on them."""
    from swot.verdict import warn_doubts

    sys.stdout.flush()
    warn_doubts(evaluate_file(path, model))


def _label(model: SwotModel, strategy_id: str, lang: str) -> str:
    return model.strategy(strategy_id).label(lang)


def _sensitivity(args: argparse.Namespace) -> int:
    from swot.sensitivity import reversals_csv, sweep_csv, sweep_factor, sweep_group

    model = load(args.model)

    if args.group is not None:
        sweep = sweep_group(model, args.group, args.points)
    else:
        sweep = sweep_factor(model, args.factor, args.points)
    if args.csv:
        target = Path(args.csv)
        write_files(args.model, [(args.csv, sweep_csv(sweep, args.lang)),  # named as typed
                                 (beside(target, "reversals"), reversals_csv(sweep, args.lang))],
                    kind="csv")
    print(f"One-way sensitivity of the {sweep.kind} weight of {sweep.target} "
          f"(current {sweep.current:.4f}), {len(sweep.x)} points")
    print()
    rev = sweep.reversals
    if rev.empty:
        print("No rank reversals between 0 and 1.")
    else:
        table = rev.assign(
            label_a=[_label(model, s, args.lang) for s in rev["strategy_a"]],
            label_b=[_label(model, s, args.lang) for s in rev["strategy_b"]],
        )[["weight", "strategy_a", "label_a", "strategy_b", "label_b", "priority", "top_change"]]
        print("Rank reversals (a is ahead below the weight, b above it):")
        print(text_table(table))
    print()
    step = max(1, (len(sweep.x) - 1) // 10)
    print("Priorities:")
    print(text_table(sweep.priorities.iloc[::step].reset_index()))
    _warn_doubts(args.model, model)
    return 0


def _robustness(args: argparse.Namespace) -> int:
    from swot.sensitivity import robustness, robustness_csv

    model = load(args.model)

    bar = _ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    try:
        result = robustness(model, n=args.n, seed=args.seed, method=args.method,
                            spread=args.spread, steps=args.steps,
                            perturb_direct=args.perturb_direct, precision=args.precision,
                            progress=bar)
    finally:
        if bar is not None:
            bar.close()
    if args.csv:
        write_files(args.model, [(args.csv, robustness_csv(result, args.lang))], kind="csv")
    noise = (f"log-normal spread {result.spread:g}" if result.method == "lognormal"
             else f"up to {result.steps} steps on Saaty's scale")
    print(f"Monte Carlo robustness: {result.samples} samples, seed {result.seed}, {noise}"
          + (", direct numbers perturbed" if result.perturb_direct else ""))
    print(_precision_line(result))
    print()
    summary = result.summary.drop(columns=["label_en", "label_fa"])
    summary.insert(1, "label", [_label(model, s, args.lang) for s in summary["id"]])
    print(text_table(summary))
    _warn_doubts(args.model, model)
    return 0


def _precision_line(result: Robustness) -> str:
    """How precise the rank probabilities are, and whether the run stopped early."""
    line = (f"Largest standard error of a rank probability: {result.standard_error:.4f}")
    if result.precision is None:
        return line
    if result.samples < result.requested:
        return (f"{line} (stopped after {result.samples} of {result.requested} samples: "
                f"precision {result.precision:g} reached)")
    return f"{line} (precision {result.precision:g} not reached in {result.requested} samples)"


class _ProgressBar:
    """A one-line text progress bar on a terminal stream."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream, self.width, self.shown = stream, width, -1

    def __call__(self, fraction: float) -> None:
        percent = int(100 * min(max(fraction, 0.0), 1.0))
        if percent != self.shown:
            filled = self.width * percent // 100
            self.stream.write(f"\r[{'#' * filled}{' ' * (self.width - filled)}] {percent:3d}%")
            self.stream.flush()
            self.shown = percent

    def close(self) -> None:
        if self.shown >= 0:
            self.stream.write("\r" + " " * (self.width + 7) + "\r")
            self.stream.flush()


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``sensitivity`` and ``robustness`` subcommands."""
    p = subparsers.add_parser(
        "sensitivity", help="one-way sensitivity of the ranking to a group or factor weight",
        description="Vary the final weight of a SWOT group, or the global weight of a factor, "
        "from 0 to 1 (the others rescaled in proportion) and list the rank reversals.")
    p.add_argument("model", metavar="MODEL.json", help="model file")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--group", choices=GROUPS, help="SWOT group to vary")
    which.add_argument("--factor", metavar="ID", help="factor to vary")
    p.add_argument("--points", type=int, default=101, help="grid points (default 101)")
    p.add_argument("--csv", metavar="PATH", type=output_path,
                   help="write the priorities to PATH and the reversals to "
                   "PATH-reversals.csv (UTF-8 with BOM)")
    p.add_argument("--lang", choices=LANGS, default="en", help="label language (default en)")
    p.set_defaults(handler=_sensitivity)

    p = subparsers.add_parser(
        "robustness", help="Monte Carlo robustness of the ranking",
        description="Perturb the judgments at random and report each strategy's probability "
        "of each rank and its priority interval (5th to 95th percentile).")
    p.add_argument("model", metavar="MODEL.json", help="model file")
    p.add_argument("-n", type=int, default=10_000, help="samples, 1 to 1000000 (default 10000)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--method", choices=("lognormal", "saaty"), default="lognormal",
                   help="log-normal noise or random steps on Saaty's scale (default lognormal)")
    p.add_argument("--spread", type=float, default=0.2,
                   help="sigma of the log-normal noise (default 0.2)")
    p.add_argument("--steps", type=int, default=1,
                   help="largest step on Saaty's scale for --method saaty, 0 to 16 (default 1)")
    p.add_argument("--perturb-direct", action="store_true",
                   help="also perturb direct weights and strategy ratings (log-normal, --spread)")
    p.add_argument("--precision", type=float, default=None, metavar="SE",
                   help="stop early once every rank probability has a standard error of at "
                   "most SE (e.g. 0.01; at least 1000 samples); default: run all -n samples")
    p.add_argument("--csv", metavar="PATH", type=output_path,
                   help="write the results to PATH (UTF-8 with BOM)")
    p.add_argument("--lang", choices=LANGS, default="en", help="label language (default en)")
    p.set_defaults(handler=_robustness)
