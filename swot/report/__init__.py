"""The decision report: content built once (:mod:`swot.report.content`), rendered to PDF
(:mod:`swot.report.pdf`) and HTML (:mod:`swot.report.html`)."""

from swot.report.blocks import Report
from swot.report.content import ReportInput, WorkshopInfo, build_report

__all__ = ["Report", "ReportInput", "WorkshopInfo", "build_report"]
