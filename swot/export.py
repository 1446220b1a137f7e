"""CSV exports of the ranking and the factor weights, as bytes ready to save or download.

The bytes are UTF-8 with a byte-order mark (so Excel shows Persian correctly), comma-separated,
``\\r\\n`` line ends, one header row. Headers are the English column names in every language,
so files stay machine-readable; ``lang="en"`` or ``"fa"`` writes one ``label`` column in that
language (falling back to the other language when a label is empty), ``lang="both"`` writes
``label_en`` and ``label_fa``.

Numbers are written with Python's shortest round-trip representation (``float(cell) == value``).
A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return could be run
as a formula by a spreadsheet; such cells get a leading single quote ``'`` (numbers are never
altered). So that this stays reversible, a text cell that already starts with ``'`` gets one
more. :func:`unneutralise` undoes it when reading a file back.
"""

from __future__ import annotations

import csv
import io
import math
from typing import Any

import pandas as pd

from swot.model import LANGS, SwotError

__all__ = [
    "CONSISTENCY_COLUMNS",
    "FA_CODES",
    "FA_HEADERS",
    "FORMULA_PREFIXES",
    "consistency_csv",
    "dataframe_csv",
    "factor_weights_csv",
    "in_persian",
    "neutralise",
    "ranking_csv",
    "unneutralise",
]

FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
EXPORT_LANGS: tuple[str, ...] = (*LANGS, "both")

RANKING_COLUMNS = ("rank", "id", "tows", "priority", "ideal")
FACTOR_COLUMNS = ("group", "id", "provenance", "local_weight", "global_weight")
CONSISTENCY_COLUMNS = ("matrix", "n", "missing", "lambda_max", "cr", "threshold", "passes")


FA_HEADERS: dict[str, str] = {
    "rank": "رتبه", "id": "شناسه", "label": "عنوان", "tows": "نوع TOWS", "priority": "اولویت",
    "ideal": "ایده‌آل", "group": "گروه", "provenance": "منشأ", "local_weight": "وزن محلی",
    "global_weight": "وزن کلی", "matrix": "ماتریس", "missing": "زوج‌های خالی",
    "lambda_max": "λmax", "cr": "نرخ ناسازگاری", "threshold": "آستانه", "passes": "قابل قبول",
    "kind": "نوع", "target": "مورد تغییر", "weight": "وزن", "strategy_a": "جلوتر در وزن کمتر",
    "label_a": "عنوان (جلوتر در وزن کمتر)", "strategy_b": "جلوتر در وزن بیشتر",
    "label_b": "عنوان (جلوتر در وزن بیشتر)",
    "top_change": "تغییر رتبه‌ی نخست", "p_first": "احتمال نخست بودن", "p05": "صدک ۵",
    "p50": "میانه", "p95": "صدک ۹۵", "mean": "میانگین",
}
FA_CODES: dict[str, dict[object, str]] = {
    "group": {"S": "قوت‌ها", "W": "ضعف‌ها", "O": "فرصت‌ها", "T": "تهدیدها"},
    "provenance": {"listed": "فهرست‌شده", "derived": "استنتاجی", "user": "کاربر"},
    "tows": {"other": "سایر"},
    "passes": {True: "بله", False: "خیر"},
    "top_change": {True: "بله", False: "خیر"},
    "kind": {"group": "گروه", "factor": "عامل"},
}


def in_persian(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` for Persian readers: coded values of the columns in :data:`FA_CODES` and the
    headers in :data:`FA_HEADERS` (and ``rank_<k>``, the probability of rank k) in Persian;
    other columns and all numbers unchanged."""
    out = table.copy()
    for column, codes in FA_CODES.items():
        if column in out.columns:
            out[column] = [codes.get(v.item() if hasattr(v, "item") else v, v)
                           for v in out[column]]
    ranks = {c: f"احتمال رتبه‌ی {c.removeprefix('rank_')}" for c in out.columns
             if isinstance(c, str) and c.startswith("rank_") and c[5:].isdigit()}
    return out.rename(columns={**FA_HEADERS, **ranks})


def _for(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    return in_persian(table) if lang == "fa" else table


def neutralise(text: str) -> str:
    """``text`` made safe for a spreadsheet cell: a leading ``'`` before a formula prefix
    (or before a leading ``'``, so that :func:`unneutralise` can undo it)."""
    return "'" + text if text.startswith((*FORMULA_PREFIXES, "'")) else text


def unneutralise(text: str) -> str:
    """Undo the formula neutralisation of one exported text cell."""
    if text.startswith("'") and text[1:].startswith((*FORMULA_PREFIXES, "'")):
        return text[1:]
    return text


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return neutralise(value)
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "item"):  # numpy scalar
        return _cell(value.item())
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    return neutralise(str(value))


def _with_labels(df: pd.DataFrame, columns: tuple[str, ...], lang: str) -> pd.DataFrame:
    """``columns`` with the label column(s) for ``lang`` inserted after ``id``."""
    if lang not in EXPORT_LANGS:
        raise SwotError(f"unknown language {lang!r} (expected one of {', '.join(EXPORT_LANGS)})")
    missing = [c for c in (*columns, "label_en", "label_fa") if c not in df.columns]
    if missing:
        raise SwotError(f"the table lacks the columns {', '.join(missing)}")
    if lang == "both":
        labels = df[["label_en", "label_fa"]]
    else:
        first, other = ("label_en", "label_fa") if lang == "en" else ("label_fa", "label_en")
        chosen = [a or b for a, b in zip(df[first], df[other], strict=True)]
        labels = pd.DataFrame({"label": chosen}, index=df.index)
    at = columns.index("id") + 1
    return pd.concat(
        [df[list(columns[:at])], labels, df[list(columns[at:])]], axis=1
    )


def dataframe_csv(df: pd.DataFrame) -> bytes:
    """Any table as CSV bytes by the rules above: the column names as the header row (text
    neutralised like any cell, since a name may come from a user), the rows in order, the
    index left out."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(str(c)) for c in df.columns])
    for row in df.itertuples(index=False, name=None):
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def ranking_csv(strategies: pd.DataFrame, lang: str = "en") -> bytes:
    """The ranking (``Evaluation.strategies``) as CSV bytes: rank, id, label(s), tows,
    priority, ideal, rows in the given (rank) order."""
    return dataframe_csv(_for(_with_labels(strategies, RANKING_COLUMNS, lang), lang))


def factor_weights_csv(factors: pd.DataFrame, lang: str = "en") -> bytes:
    """The factor weights (``Evaluation.factors``) as CSV bytes: group, id, label(s),
    provenance, local_weight, global_weight."""
    return dataframe_csv(_for(_with_labels(factors, FACTOR_COLUMNS, lang), lang))


def consistency_csv(consistency: pd.DataFrame, lang: str = "en") -> bytes:
    """The consistency of every pairwise matrix behind a ranking (``Evaluation.consistency``)
    as CSV bytes: matrix (its path in the model file), n, missing (blank pairs), lambda_max,
    cr, threshold, passes (``True``/``False``). The companion of :func:`ranking_csv`: a ranking
    whose matrices do not all pass is not a sound ranking."""
    missing = [c for c in CONSISTENCY_COLUMNS if c not in consistency.columns]
    if missing:
        raise SwotError(f"the table lacks the columns {', '.join(missing)}")
    table = consistency[list(CONSISTENCY_COLUMNS)].copy()
    table["passes"] = table["passes"].astype(bool)
    return dataframe_csv(_for(table, lang))
