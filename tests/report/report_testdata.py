"""Test data and helpers for the report and workbook tests (imported by name)."""

from __future__ import annotations

import copy
import re
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TEHRAN = ROOT / "data" / "tehran_city_diplomacy.json"
TEHRAN_NETWORK = ROOT / "data" / "tehran_city_diplomacy_network.json"
EXAMPLE = ROOT / "data" / "example_firm.json"

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# Two strategies rated on every factor; "ratings" make the priorities easy to hand-check:
# every factor rates A:B as 1.01:1, so A's priority is 1.01/2.01 = 0.50249 and B's 0.49751,
# a relative gap of 0.00995 / 0.50249 = 1.0 %: inside the 2 % near-tie margin.
_TIE: dict[str, Any] = {
    "format": "swot-anp-model",
    "version": 1,
    "title": {"en": "Tie <b>check</b>", "fa": "آزمون هم‌ترازی"},
    "goal": {"en": "=cmd|' /C calc'!A0", "fa": "انتخاب"},
    "factors": {
        "S": [{"id": "S1", "label_en": "Brand", "label_fa": "برند", "provenance": "listed",
               "source": {"file": "a.txt", "line": 3}}],
        "W": [{"id": "W1", "label_en": "Debt", "label_fa": "بدهی"}],
        "O": [{"id": "O1", "label_en": "Market", "label_fa": "بازار"}],
        "T": [{"id": "T1", "label_en": "Rival", "label_fa": "رقیب"}],
    },
    "strategies": [
        {"id": "A", "label_en": "<script>alert(1)</script>", "label_fa": "گسترش",
         "tows": "SO", "factors": ["S1"]},
        {"id": "B", "label_en": "=1+1", "label_fa": "صرفه‌جویی", "tows": "WT",
         "factors": ["W1"]},
    ],
    "judgments": {
        "groups": [[1, 1, 1, 1]] * 4,
        "factors": {"S": [[1]], "W": [[1]], "O": [[1]], "T": [[1]]},
        "strategies": {f: {"ratings": [1.01, 1]} for f in ("S1", "W1", "O1", "T1")},
    },
}


def tie_data() -> dict[str, Any]:
    """A fresh copy of the two-strategy near-tie model (labels that test escaping)."""
    return copy.deepcopy(_TIE)


def pdf_text(data: bytes, folder: Path) -> str:
    """The text of a PDF by poppler's pdftotext, bidi control characters removed."""
    path = folder / "extract.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True, timeout=60).stdout.decode("utf-8")
    return _BIDI_CONTROLS.sub("", out)
