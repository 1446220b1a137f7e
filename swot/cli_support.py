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
import zipfile
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


OUTPUT_KINDS: dict[str, str] = {"pdf": "a PDF file", "html": "an HTML file",
                                "xlsx": "an Excel workbook", "json": "a JSON file",
                                "csv": "a CSV file"}


def looks_like(path: Path, kind: str) -> bool:
    """True when the existing file ``path`` is empty or a file of ``kind`` (a key of
    :data:`OUTPUT_KINDS`). A CSV file is any text without NUL bytes (a spreadsheet may save it
    again in a code page) that does not start as JSON, HTML/XML or a PDF does."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not text:
        return True
    if kind == "pdf":
        return head.startswith(b"%PDF-")
    if kind == "html":
        return text.lower().startswith((b"<!doctype html", b"<html"))
    if kind == "json":
        return text.startswith(b"{")
    if kind == "csv":
        return b"\0" not in head and not text.startswith((b"{", b"[", b"<", b"%PDF"))
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def refuse_other_kind(name: str | os.PathLike[str], kind: str) -> None:
    """Refuse (``CliError``) to replace the existing regular file ``name`` unless it is empty
    or of ``kind``: ``--csv other.json`` or ``-o report.pdf`` would lose it. A device or a pipe
    (/dev/stdout) is written to, never read: reading one may block or never end."""
    path = Path(name)
    try:
        if path.is_file() and not looks_like(path, kind):
            raise CliError([f"{name}: exists and is not {OUTPUT_KINDS[kind]}; not overwriting "
                            "it (remove it or choose another name)"])
    except OSError as exc:
        raise CliError([f"{name}: cannot read the existing file: {exc.strerror or exc}"]
                       ) from None


def write_files(model_path: str, files: Sequence[tuple[str | os.PathLike[str], bytes]],
                kind: str | None = None) -> None:
    """Write the ``(path, data)`` files as one set (none is replaced unless all are written;
    problems become a :class:`CliError`). A path
    that is the model file is refused before anything is written: ``--csv MODEL.json`` would
    replace the user's model with a table. A file is named in messages as it is given (the
    user's own text: ``out/`` stays ``out/``). With ``kind`` an existing file of another kind is
    refused too (:func:`refuse_other_kind`)."""
    for path, _ in files:
        try:
            same = os.path.samefile(path, model_path)
        except OSError:  # the output does not exist yet (or cannot be looked at)
            same = False
        if same:
            raise CliError([f"{path}: this is the model file; choose another output file"])
    if kind is not None:
        for path, _ in files:
            refuse_other_kind(path, kind)
    try:
        atomic_write_all(files)  # all or none: a failed file leaves every earlier one as it was
    except OSError as exc:
        raise CliError([f"{exc.filename}: cannot write the file: {exc.strerror or exc}"]) from None


def text_table(df: pd.DataFrame) -> str:
    """``df`` as a plain text table, numbers to 4 decimals (stdout of the subcommands)."""
    return df.to_string(index=False, float_format=lambda x: f"{x:.4f}")
