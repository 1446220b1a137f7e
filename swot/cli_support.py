"""What the ``swot-anp`` subcommands share: the error they report (:class:`CliError`), loading
and evaluating a model file, output files written as a set, and plain text tables. The
subcommand modules (:mod:`swot.cli`, :mod:`swot.sensitivity_cli`, :mod:`swot.migrate_cli`,
:mod:`swot.report.cli`) import from here; none imports :mod:`swot.cli`, which only assembles
them.
"""

from __future__ import annotations

import argparse
import errno
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from swot.analysis import Evaluation, EvaluationError, evaluate
from swot.errors import SwotError
from swot.io import ModelFileError, atomic_write_all, load_model
from swot.model import SwotModel

if TYPE_CHECKING:
    import pandas as pd


class CliError(SwotError):
    """A failure to report as readable lines on stderr (exit code 1)."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


def load(path: str) -> SwotModel:
    """Load a model file for a subcommand (problems become a :class:`CliError`)."""
    try:
        return load_model(path)
    except ModelFileError as exc:
        raise CliError(exc.lines()) from None


def evaluate_file(path: str, model: SwotModel) -> Evaluation:
    """Evaluate a loaded model for a subcommand (problems become a :class:`CliError`)."""
    try:
        return evaluate(model)
    except EvaluationError as exc:
        raise CliError([f"{path}: {p}" for p in exc.problems]) from None


def beside(target: Path, name: str) -> Path:
    """The companion of output file ``target``: ``out.csv`` -> ``out-<name>.csv``. A target
    without a file name (``.``, ``/``) is a folder: refused as ``write_files`` refuses one."""
    if not target.name:
        raise CliError([f"{target}: cannot write the file: {os.strerror(errno.EISDIR)}"])
    return target.with_name(f"{target.stem}-{name}{target.suffix or '.csv'}")


def output_path(value: str) -> str:
    """The ``type`` of an output-file option (``--csv``, ``--pdf``, ``-o`` ...): the name as
    typed; an empty name is a usage error (it was taken as "no file" and nothing was written)."""
    if not value:
        raise argparse.ArgumentTypeError("an empty file name; give a file name")
    return value


def _not_csv(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is an existing regular file, not empty, that is not a CSV table this
    tool could have written (or a spreadsheet saved again as CSV, in any text encoding without
    NUL bytes): binary (a workbook, an image), or text that starts as JSON, HTML/XML or a PDF
    does (another model file, a report). A pipe or a device is written to, never read."""
    target = Path(path)
    if not target.is_file():
        return False
    try:
        with target.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise CliError([f"{path}: cannot read the existing file: {exc.strerror or exc}"]
                       ) from None
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not text:
        return False
    return b"\0" in head or text.startswith((b"{", b"[", b"<", b"%PDF"))


def write_files(model_path: str, files: Sequence[tuple[str | os.PathLike[str], bytes]],
                csv: bool = False) -> None:
    """Write the ``(path, data)`` files as one set (none is replaced unless all are written;
    problems become a :class:`CliError`). A path
    that is the model file is refused before anything is written: ``--csv MODEL.json`` would
    replace the user's model with a table. A file is named in messages as it is given (the
    user's own text: ``out/`` stays ``out/``). With ``csv`` an existing file that is not a CSV
    table (another model, a report) is refused too: ``--csv other.json`` would replace it."""
    for path, _ in files:
        try:
            same = os.path.samefile(path, model_path)
        except OSError:  # the output does not exist yet (or cannot be looked at)
            same = False
        if same:
            raise CliError([f"{path}: this is the model file; choose another output file"])
    for path, _ in files if csv else ():
        if _not_csv(path):
            raise CliError([f"{path}: exists and is not a CSV file; not overwriting it "
                            "(remove it or choose another name)"])
    try:
        atomic_write_all(files)  # all or none: a failed file leaves every earlier one as it was
    except OSError as exc:
        raise CliError([f"{exc.filename}: cannot write the file: {exc.strerror or exc}"]) from None


def text_table(df: pd.DataFrame) -> str:
    """``df`` as a plain text table, numbers to 4 decimals (stdout of the subcommands)."""
    return df.to_string(index=False, float_format=lambda x: f"{x:.4f}")
