"""Workshop values as people read them: judgments as Saaty values ("9", "1/9", "1/2.83"),
timestamps in the Gregorian or the Persian (Jalali) calendar, anonymous display names."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, datetime

import jdatetime

from swot.errors import SwotError

_SCALE = range(1, 10)


def saaty_text(value: float | None) -> str:
    """A judgment as written on Saaty's scale: 9, 1/9, 1; off the scale (a group's geometric
    mean) to 3 significant digits, as 1/x below 1; blank for a missing judgment."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if not value > 0 or not math.isfinite(value):
        raise SwotError(f"a judgment must be a positive number, not {value!r}")
    big = value if value >= 1 else 1 / value
    whole = round(big)
    text = str(whole) if whole in _SCALE and math.isclose(big, whole, rel_tol=1e-6) else (
        f"{big:.3g}")
    return text if value >= 1 or text == "1" else f"1/{text}"


def local_time(iso: str, language: str) -> str:
    """A stored UTC ISO timestamp as "YYYY-MM-DD HH:MM:SS UTC"; in Persian, the same instant
    in the Persian (Jalali) calendar, "YYYY/MM/DD HH:MM:SS UTC"."""
    moment = datetime.fromisoformat(iso)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    if language == "fa":
        return jdatetime.datetime.fromgregorian(datetime=moment).strftime("%Y/%m/%d %H:%M:%S UTC")
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def display_names(names: Sequence[str], anonymous: bool, label: str = "Participant {n}"
                  ) -> dict[str, str]:
    """Each name as shown: itself, or ``label`` with its joining position (1..n) when
    ``anonymous``."""
    return {name: label.format(n=k) if anonymous else name
            for k, name in enumerate(names, start=1)}
