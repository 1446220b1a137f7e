""""Download report" (PDF and HTML) and "Download workbook" buttons.

The files are made only when a button is clicked (Streamlit's deferred download: ``data`` is a
callable), so drawing a page costs nothing. The report names the command that regenerates it
byte for byte: for the session's model that is ``swot-anp report model.json ...`` on the model
JSON downloaded from Export / import (the report's SHA-256 is that file's), for a workshop
``swot-anp report --workshop CODE --db PATH ...``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shlex
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import streamlit as st

from swot.io import dumps_model
from swot.model import SwotModel
from swot.report.make import (
    ReportRequest,
    ReportSource,
    engine_version,
    render_report,
    workshop_source,
)
from swot.store import Store
from ui.strings import family, t

MODEL_FILE = "model.json"


def _command(source_args: list[str], lang: str, stem: str, day: dt.date) -> str:
    return shlex.join(["swot-anp", "report", *source_args, "--lang", lang, "--pdf",
                       f"{stem}.pdf", "--html", f"{stem}.html", "--date", day.isoformat(),
                       "--seed", "1"])


ReportMaker = Callable[[str], bytes]  # "pdf" or "html" -> the file's bytes


def _maker(make_source: Callable[[], ReportSource], source_args: list[str], lang: str,
           stem: str, day: dt.date) -> tuple[str, ReportMaker]:
    command = _command(source_args, lang, stem, day)

    def make(kind: str) -> bytes:
        request = ReportRequest(source=make_source(), lang=lang, day=day, seed=1,
                                command=command)
        pdf, html, _ = render_report(request, pdf=kind == "pdf", html=kind == "html")
        return (pdf if kind == "pdf" else html) or b""

    return command, make


def model_report(model: SwotModel, lang: str, day: dt.date) -> tuple[str, ReportMaker]:
    """The regenerating command and the file maker of the session model's report."""
    text = dumps_model(model)

    def source() -> ReportSource:
        return ReportSource(model=model, kind="file", name=MODEL_FILE,
                            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                            protected=[])

    return _maker(source, [MODEL_FILE], lang, f"report-{lang}", day)


def _buttons(command: str, make: ReportMaker, stem: str, key: str, help_key: str,
             lang: str) -> None:
    rtl = lang == "fa"  # buttons in reading order: PDF first, from the right in Persian
    row = st.container(horizontal=True, horizontal_alignment="right" if rtl else "left")
    buttons = [("pdf", "application/pdf"), ("html", "text/html")]
    for kind, mime in reversed(buttons) if rtl else buttons:
        row.download_button(t(family("export.dl_report_", kind)), partial(make, kind),
                            file_name=f"{stem}.{kind}", mime=mime, key=f"{key}_{kind}",
                            on_click="ignore")
    st.caption(t(help_key))
    st.code(command, language="bash")


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def model_report_buttons(model: SwotModel, lang: str) -> None:
    """Report buttons for the session's model (Results page)."""
    command, make = model_report(model, lang, _today())
    _buttons(command, make, f"report-{lang}", "dl_report", "export.report_help", lang)


def workshop_report_buttons(db: Path | str, code: str, model: dict[str, Any], lang: str) -> None:
    """Report buttons for a workshop's group result (participants left out are not used),
    for a view that shows a group result: the submissions are read when a button is clicked,
    so that a view refreshed since it was drawn never reports an older state."""
    def source() -> ReportSource:
        with Store(db) as store:
            submissions = store.latest_submissions(code)
        return workshop_source(code, model, submissions, [])

    stem = f"workshop-{code}-report-{lang}"
    command, make = _maker(source, ["--workshop", code, "--db", str(db)], lang, stem, _today())
    _buttons(command, make, stem, "ws_dl_report", "export.report_help_ws", lang)


def workbook_button(model: SwotModel, lang: str) -> None:
    """The Excel workbook of the session's model (Export / import page)."""
    text = dumps_model(model)

    def data() -> bytes:
        from swot.analysis import evaluate
        from swot.sensitivity import robustness
        from swot.workbook import about_rows, workbook_bytes

        about = about_rows(model, lang, MODEL_FILE,
                           hashlib.sha256(text.encode("utf-8")).hexdigest(), engine_version())
        return workbook_bytes(evaluate(model), robustness(model, n=10_000, seed=1), lang, about)

    st.download_button(
        t("export.dl_workbook"), data, file_name=f"swot-anp-{lang}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="dl_workbook", on_click="ignore")
