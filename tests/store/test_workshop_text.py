"""Saaty values, Persian (Jalali) timestamps and anonymous names."""

from __future__ import annotations

import math

import pytest

from swot.errors import SwotError
from swot.workshop_text import display_names, local_time, saaty_text


def test_saaty_text() -> None:
    assert [saaty_text(v) for v in (9, 1 / 9, 1, 3.0, 1 / 3, None, math.nan)] == [
        "9", "1/9", "1", "3", "1/3", "", ""]
    # the geometric mean of 2 and 4 is 2.83; of 1/2 and 1/4, its reciprocal
    assert saaty_text(math.sqrt(8)) == "2.83" and saaty_text(1 / math.sqrt(8)) == "1/2.83"
    assert saaty_text(12.5) == "12.5"
    with pytest.raises(SwotError, match="positive"):
        saaty_text(0)


def test_local_time_in_both_calendars() -> None:
    # 2024-03-20 is Nowruz 1403 (1 Farvardin 1403); 2025-01-01 is 12 Dey 1403
    assert local_time("2024-03-20T12:30:05.123456+00:00", "en") == "2024-03-20 12:30:05 UTC"
    assert local_time("2024-03-20T12:30:05.123456+00:00", "fa") == "1403/01/01 12:30:05 UTC"
    assert local_time("2025-01-01T00:00:00+00:00", "fa") == "1403/10/12 00:00:00 UTC"


def test_display_names() -> None:
    names = ["[Free prize](http://evil.example)", "Bob"]
    assert display_names(names, False) == {n: n for n in names}
    assert display_names(names, True) == {names[0]: "Participant 1", "Bob": "Participant 2"}
