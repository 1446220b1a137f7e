"""Where a report's model comes from (a file, a saved scenario, a workshop) and making the
report's files from it, for the command line and the app alike."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from swot.model import SwotError, SwotModel
from swot.report.content import ReportInput, WorkshopInfo, build_report

__all__ = [
    "ReportRequest",
    "ReportSource",
    "ReportSourceError",
    "engine_version",
    "load_source",
    "render_report",
    "sha256_file",
    "sha256_model",
    "workshop_source",
]


class ReportSourceError(SwotError):
    """The model to report on cannot be had: unknown scenario or workshop, no database, ..."""


@dataclass(frozen=True)
class ReportSource:
    """The model to report on and where it came from."""

    model: SwotModel
    kind: str  # "file", "scenario", "workshop" or "app"
    name: str
    sha256: str
    protected: list[str]  # files an output must not replace (model, database)
    workshop: WorkshopInfo | None = None


@dataclass(frozen=True)
class ReportRequest:
    """A source with the report's language, date, seed and regenerating command."""

    source: ReportSource
    lang: str
    day: dt.date
    seed: int
    command: str


ENGINE_PACKAGES = ("swot-anp", "numpy", "scipy", "fpdf2", "uharfbuzz")


def engine_version() -> str:
    """The versions that decide a report's numbers and bytes: ``swot-anp 0.1.0, numpy 2.3.1,
    scipy ..., fpdf2 ..., uharfbuzz ...``; the same versions regenerate the same bytes. (No
    parentheses: fpdf2 misplaces a closing one that ends Latin text in a Persian line.)"""

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return ", ".join(f"{name} {version(name)}" for name in ENGINE_PACKAGES)


def sha256_file(path: str) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sha256_model(data: dict[str, Any]) -> str:
    """The SHA-256 of a model dict as canonical JSON (sorted keys, UTF-8, no spaces)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def workshop_source(code: str, model_dict: dict[str, Any], submissions: list[Any],
                    protected: list[str]) -> ReportSource:
    """The group result of workshop ``code``: its model with the aggregated judgments of
    ``submissions`` (:class:`swot.store.Submission`), consensus and disputed comparisons."""
    from swot.io import model_from_dict
    from swot.workshop import (
        WorkshopResultError,
        consensus_by_matrix,
        disagreements,
        group_model,
    )

    if not submissions:
        raise ReportSourceError(f"workshop {code} has no submissions yet")
    try:
        group = group_model(model_dict, submissions)
        info = WorkshopInfo(code=code, participants=len(submissions),
                            consensus=consensus_by_matrix(model_dict, submissions),
                            disputed=disagreements(model_dict, submissions))
    except WorkshopResultError as exc:
        raise ReportSourceError(f"workshop {code}: {exc}") from None
    model = model_from_dict(group, source=f"workshop {code}")
    return ReportSource(model=model, kind="workshop", name=code, sha256=sha256_model(group),
                        protected=protected, workshop=info)


def load_source(model_path: str | None, scenario: str | None, workshop: str | None,
                db: str | None) -> ReportSource:
    """The report's model from a file, a scenario or a workshop (exactly one is given).
    Raises :class:`ReportSourceError` (or :class:`swot.io.ModelFileError` for a bad model)."""
    from swot.io import load_model, model_from_dict

    if model_path is not None:
        return ReportSource(model=load_model(model_path), kind="file", name=model_path,
                            sha256=sha256_file(model_path), protected=[model_path])
    from swot.store import Store, StoreError, default_db_path
    from swot.store.config import shown_target

    try:
        path = default_db_path(db)
    except StoreError as exc:
        raise ReportSourceError(str(exc)) from None
    if isinstance(path, Path) and not path.is_file():
        raise ReportSourceError(f"{path}: no such database (give --db PATH)")
    try:
        with Store(path) as store:
            if scenario is not None:
                saved = store.load_scenario(scenario)
                model = model_from_dict(saved.model, source=f"scenario {scenario}")
                return ReportSource(model=model, kind="scenario", name=scenario,
                                    sha256=sha256_model(saved.model), protected=[str(path)])
            assert workshop is not None
            found = store.get_workshop(workshop)
            return workshop_source(found.code, found.model,
                                   store.latest_submissions(found.code), [str(path)])
    except StoreError as exc:  # named once: some of the store's messages name the file
        shown, message = shown_target(path), str(exc)
        raise ReportSourceError(message if message.startswith(shown) else f"{shown}: {message}"
                                ) from None


def render_report(request: ReportRequest, pdf: bool = True, html: bool = True) -> tuple[
        bytes | None, bytes | None, list[str]]:
    """The PDF and HTML bytes (None for a format not asked for) and the problems that keep
    the model from being ranked (empty when it ranks)."""
    from swot.report.html import render_html
    from swot.report.pdf import render_pdf

    src = request.source
    report = build_report(ReportInput(
        model=src.model, lang=request.lang, day=request.day, source_kind=src.kind,
        source_name=src.name, model_sha256=src.sha256, engine=engine_version(),
        command=request.command, seed=request.seed, workshop=src.workshop))
    return (render_pdf(report) if pdf else None, render_html(report) if html else None,
            report.problems)
