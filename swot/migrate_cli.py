"""The ``migrate`` subcommand of ``swot-anp``: rewrite a model file in the current format.

A version-1 file becomes version 2 with ``"structure": "hierarchy"`` and no links, so it ranks
exactly as before; a version-2 file is rewritten canonically. Output goes to ``-o PATH``
(written atomically; it may be the input file, or another JSON file, never a file of another
kind: ``-o report.pdf`` would lose the report) or to stdout.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from swot.cli_support import CliError, load, output_path, refuse_other_kind


def _migrate(args: argparse.Namespace) -> int:
    from swot.io import atomic_write, dumps_model

    model = load(args.model)
    if args.output is not None:
        refuse_other_kind(args.output, "json")
    text = dumps_model(model)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        atomic_write(Path(args.output), text.encode("utf-8"))
    except OSError as exc:
        raise CliError([f"{args.output}: cannot write the file: {exc.strerror or exc}"]
                       ) from None
    print(f"{args.output}: written (format version 2, structure {model.structure})",
          file=sys.stderr)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``migrate`` to the ``swot-anp`` subcommands."""
    p = subparsers.add_parser(
        "migrate", help="rewrite a model file in format version 2",
        description="Rewrite a model file (version 1 or 2) in format version 2. A version-1 "
        "file becomes a \"hierarchy\" model that ranks exactly as before.")
    p.add_argument("model", metavar="MODEL.json", help="model file")
    p.add_argument("-o", "--output", metavar="PATH", type=output_path,
                   help="write the result to PATH (default: stdout); may be MODEL.json itself")
    p.set_defaults(handler=_migrate)
