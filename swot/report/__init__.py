"""The decision report: content built once (:mod:`swot.report.content`), rendered to PDF
(:mod:`swot.report.pdf`) and HTML (:mod:`swot.report.html`).

The names below are imported on first use (PEP 562): the command line registers the
``report`` subcommand (``swot.report.cli``) without loading pandas or SciPy."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from swot.report.blocks import Report
    from swot.report.content import ReportInput, WorkshopInfo, build_report

_MODULES: dict[str, str] = {
    "Report": "swot.report.blocks",
    "ReportInput": "swot.report.content",
    "WorkshopInfo": "swot.report.content",
    "build_report": "swot.report.content",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'swot.report' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = ["Report", "ReportInput", "WorkshopInfo", "build_report"]
