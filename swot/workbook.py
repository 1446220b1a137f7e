"""The analyst's Excel workbook (.xlsx, written with openpyxl).

Sheets: About (model, SHA-256, engine, Monte Carlo settings), Ranking, Factor weights,
Judgments (every pairwise matrix: Saaty values, priorities, λmax, CR; ratings as a row),
Consistency, for a network model Links (every dependence and feedback link with its local
priority, note, source line and illustrative mark, then the cluster weights: compared, or
equal by default), the Unweighted, Weighted and Limit supermatrices, Reversals (every rank reversal
of the one-way sweeps of each group and factor weight) and Monte Carlo (rank probabilities and
priority percentiles). Numbers are numbers (16 significant digits, openpyxl's writer; Excel
shows 15), NaN an empty cell; the header row
(and label column of matrices) is frozen; text cells follow the CSV rules of
:mod:`swot.export` (a cell that a spreadsheet would run as a formula gets a leading ``'``);
with ``lang="fa"`` headers, sheet names and labels are Persian and sheets read right to left.
The file's timestamps are fixed, so the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

import anp
from swot.analysis import Evaluation
from swot.export import FA_HEADERS, neutralise
from swot.model import GROUPS, SwotModel
from swot.network import base_inputs, linked_cluster_keys
from swot.report.text import cluster_title, in_lang
from swot.sensitivity import Robustness, sweep_factor, sweep_group

__all__ = ["LINK_KINDS", "SHEETS", "about_rows", "links_table", "workbook_bytes"]

SHEETS: dict[str, dict[str, str]] = {
    "about": {"en": "About", "fa": "درباره"},
    "ranking": {"en": "Ranking", "fa": "رتبه‌بندی"},
    "factors": {"en": "Factor weights", "fa": "وزن عوامل"},
    "judgments": {"en": "Judgments", "fa": "قضاوت‌ها"},
    "consistency": {"en": "Consistency", "fa": "سازگاری"},
    "links": {"en": "Links", "fa": "پیوندها"},
    "unweighted": {"en": "Unweighted supermatrix", "fa": "ابرماتریس ناموزون"},
    "weighted": {"en": "Weighted supermatrix", "fa": "ابرماتریس موزون"},
    "limit": {"en": "Limit supermatrix", "fa": "ابرماتریس حدی"},
    "reversals": {"en": "Reversals", "fa": "وارونگی رتبه"},
    "montecarlo": {"en": "Monte Carlo", "fa": "مونت‌کارلو"},
}

# the CSV's Persian headers (one word per column wherever it is written), and the workbook's own
_HEADERS: dict[str, str] = FA_HEADERS | {
    "n": "n", "ci": "CI", "current": "وزن کنونی", "node": "گره", "item": "مورد",
    "field": "مورد", "value": "مقدار", "title": "عنوان", "model": "مدل", "sha256": "SHA-256",
    "engine": "موتور", "illustrative_judgments": "قضاوت‌های نمایشی", "samples": "تعداد نمونه",
    "seed": "بذر", "method": "روش", "spread": "پراکندگی", "node_label": "عنوان گره",
    "cluster": "خوشه", "depends_on": "وابسته به", "depends_on_label": "عنوان",
    "note": "یادداشت",
    "source_file": "فایل منبع", "source_line": "سطر منبع", "illustrative": "نمایشی",
}

LINK_KINDS: dict[str, dict[str, str]] = {
    "dependence": {"en": "dependence", "fa": "وابستگی"},
    "feedback": {"en": "feedback", "fa": "بازخورد"},
    "clusters": {"en": "cluster comparison", "fa": "مقایسهٔ خوشه‌ها"},
    "clusters_equal": {"en": "cluster weights equal (default, no comparison)",
                       "fa": "وزن خوشه‌ها برابر (پیش‌فرض، بدون مقایسه)"},
}

_FIXED_TIME = dt.datetime(2000, 1, 1)


def _cell(value: Any) -> Any:
    """A value as an openpyxl cell value: text neutralised, NaN empty, numpy unwrapped."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, bool | int | float) or value is None:
        return value
    return neutralise(str(value))


class _Writer:
    """Writes sheets in one language."""

    def __init__(self, lang: str):
        self.lang = lang
        self.book = Workbook()
        self.book.remove(self.book.active)
        self.bold = Font(bold=True)

    def header(self, name: str) -> str:
        return _HEADERS.get(name, name) if self.lang == "fa" else name

    def sheet(self, key: str) -> Worksheet:
        ws = self.book.create_sheet(SHEETS[key][self.lang])
        ws.sheet_view.rightToLeft = self.lang == "fa"
        return ws

    def table(self, key: str, df: pd.DataFrame, freeze: str = "A2") -> Worksheet:
        ws = self.sheet(key)
        ws.append([_cell(self.header(str(c))) for c in df.columns])
        for cell in ws[1]:
            cell.font = self.bold
        for row in df.itertuples(index=False, name=None):
            ws.append([_cell(v) for v in row])
        ws.freeze_panes = freeze
        return ws

    def rows(self, ws: Worksheet, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            ws.append([_cell(v) for v in row])


def _labels(model: SwotModel, ids: Sequence[str], lang: str, kind: str) -> list[str]:
    find = model.strategy if kind == "strategy" else model.factor
    return [find(i).label(lang) for i in ids]


def _with_label(df: pd.DataFrame, model: SwotModel, lang: str, kind: str) -> pd.DataFrame:
    out = df.drop(columns=["label_en", "label_fa"])
    out.insert(out.columns.get_loc("id") + 1, "label", _labels(model, df["id"], lang, kind))
    return out


def _judgments(w: _Writer, model: SwotModel, result: Evaluation) -> None:
    """Each pairwise matrix as a block: a title row (path, λmax, CR, threshold), the item ids
    with "priority", then one row per item; then each factor's strategy ratings."""
    ws = w.sheet("judgments")
    w.rows(ws, [[w.header("matrix"), w.header("item")]])
    for cell in ws[1]:
        cell.font = w.bold
    ws.freeze_panes = "A2"
    consistency = result.consistency.set_index("matrix")
    for path, items, values in model.iter_matrices():
        # in direct weighting the group and factor matrices are not used (nor evaluated)
        used = path in consistency.index
        row = consistency.loc[path] if used else {}
        ws.append([])
        w.rows(ws, [[path, "λmax", row.get("lambda_max"), "CR", row.get("cr"),
                     w.header("threshold"), row.get("threshold")]])
        ws.cell(ws.max_row, 1).font = w.bold
        weights = anp.priority(values) if used else np.full(len(items), np.nan)
        w.rows(ws, [[w.header("item"), *items, w.header("priority")]])
        w.rows(ws, [[item, *values[k].tolist(), float(weights[k])]
                    for k, item in enumerate(items)])
    strategies = model.strategy_ids()
    for fid in model.factor_ids():
        judgment = model.strategy_judgments[fid]
        if judgment.kind == "ratings":
            ws.append([])
            w.rows(ws, [[f"judgments.strategies.{fid}", "ratings"],
                        [w.header("item"), *strategies],
                        [w.header("value"), *judgment.values.tolist()]])
            ws.cell(ws.max_row - 2, 1).font = w.bold


def links_table(model: SwotModel, lang: str) -> pd.DataFrame:
    """The Links sheet of a network model: one row per link "node depends on factor" (or feeds
    back on it) with the factor's local priority in the link set, the note, its source line
    and the illustrative mark; then one row per cluster weight of each cluster whose nodes
    link to two or more clusters (``node`` that cluster, ``depends_on`` the weighed one)."""
    inputs = base_inputs(model)
    rows = []
    strategies = model.strategy_ids()
    for src, sets in model.links.items():
        kind = "feedback" if src in strategies else "dependence"
        item = model.strategy(src) if kind == "feedback" else model.factor(src)
        for cluster, link in sets.items():
            priorities = inputs.links[(src, cluster)]
            for k, target in enumerate(link.nodes):
                note = link.notes.get(target)
                ref = None if note is None else note.source
                rows.append((LINK_KINDS[kind][lang], src, item.label(lang), cluster, target,
                             model.factor(target).label(lang), float(priorities[k]),
                             "" if note is None else note.text,
                             None if ref is None else ref.file,
                             None if ref is None else ref.line,
                             note is not None and note.illustrative))
    for source, targets in linked_cluster_keys(model).items():
        weights = inputs.cluster_weights.get(source)
        kind = "clusters" if weights is not None else "clusters_equal"
        for target in targets:
            weight = 1 / len(targets) if weights is None else weights[target]
            rows.append((LINK_KINDS[kind][lang], source, cluster_title(source, lang), "",
                         target, cluster_title(target, lang), weight, "", None, None, False))
    return pd.DataFrame(rows, columns=["kind", "node", "node_label", "cluster", "depends_on",
                                       "depends_on_label", "priority", "note", "source_file",
                                       "source_line", "illustrative"], dtype=object)


def _supermatrix(w: _Writer, key: str, matrix: anp.LabelledMatrix) -> None:
    ws = w.sheet(key)
    labels = list(matrix.labels)
    w.rows(ws, [[w.header("node"), *labels]])
    for cell in ws[1]:
        cell.font = w.bold
    w.rows(ws, [[label, *matrix.matrix[k].tolist()] for k, label in enumerate(labels)])
    ws.freeze_panes = "B2"


def _reversals(model: SwotModel, result: Evaluation) -> pd.DataFrame:
    sweeps = [sweep_group(model, g, result=result) for g in GROUPS]
    sweeps += [sweep_factor(model, f, result=result) for f in model.factor_ids()]
    frames = [s.reversals.assign(kind=s.kind, target=s.target, current=s.current)
              for s in sweeps]
    table = pd.concat(frames, ignore_index=True)
    return table[["kind", "target", "current", "weight", "strategy_a", "strategy_b",
                  "priority", "top_change"]]


def about_rows(model: SwotModel, lang: str, model_name: str, sha256: str,
               engine: str) -> list[tuple[str, Any]]:
    """The About sheet's rows: the title in ``lang`` (else the other language), the model
    file and its SHA-256, the engine versions, whether the judgments are illustrative."""
    return [("title", in_lang(model.title, lang)), ("model", model_name), ("sha256", sha256),
            ("engine", engine), ("illustrative_judgments", model.illustrative_judgments)]


def workbook_bytes(result: Evaluation, mc: Robustness, lang: str = "en",
                   about: Sequence[tuple[str, Any]] = ()) -> bytes:
    """The workbook for an evaluated model and its Monte Carlo study, as .xlsx bytes; ``about``
    lists (field, value) rows for the About sheet (title, SHA-256, engine ...)."""
    model = result.model
    w = _Writer(lang)
    rows = [*about, ("samples", mc.samples), ("seed", mc.seed), ("method", mc.method),
            ("spread", mc.spread)]
    w.table("about", pd.DataFrame([(w.header(k), v) for k, v in rows],
                                  columns=["field", "value"]))
    w.table("ranking", _with_label(result.strategies, model, lang, "strategy"))
    w.table("factors", _with_label(result.factors, model, lang, "factor"))
    _judgments(w, model, result)
    w.table("consistency", result.consistency)
    if model.structure == "network":
        w.table("links", links_table(model, lang))
    _supermatrix(w, "unweighted", result.unweighted)
    _supermatrix(w, "weighted", result.weighted)
    _supermatrix(w, "limit", result.limit)
    w.table("reversals", _reversals(model, result))
    summary = _with_label(mc.summary, model, lang, "strategy")
    probs = mc.rank_probabilities.drop(columns=["id", "label_en", "label_fa"])
    w.table("montecarlo", pd.concat([summary, probs], axis=1), freeze="C2")
    props = w.book.properties
    props.created = props.modified = _FIXED_TIME
    props.creator = "swot-anp"
    buffer = io.BytesIO()
    w.book.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _fixed_zip_times(data: bytes) -> bytes:
    """The same zip with every member's timestamp and the document's "modified" property set
    to 2000-01-01 (openpyxl stamps the current time on saving), so that the workbook's bytes
    depend on its content only."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            target.writestr(fixed, content)
    return out.getvalue()
