"""Test data for the swot tests: a small hand-checkable model and the shipped data files."""

from __future__ import annotations

import contextlib
import copy
import io
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TEHRAN = ROOT / "data" / "tehran_city_diplomacy.json"
EXAMPLE = ROOT / "data" / "example_firm.json"

# Group weights w.r.t. the goal: S 0.4, W 0.2, O 0.3, T 0.1 (a consistent matrix w_i / w_j).
_W1 = [0.4, 0.2, 0.3, 0.1]

TINY: dict[str, Any] = {
    "format": "swot-anp-model",
    "version": 1,
    "title": {"en": "Tiny", "fa": "کوچک"},
    "goal": {"en": "Choose", "fa": "انتخاب"},
    "factors": {
        "S": [
            {"id": "S1", "label_en": "Brand", "label_fa": "برند", "provenance": "listed",
             "source": {"file": "a.txt", "line": 3}},
            {"id": "S2", "label_en": "Staff", "label_fa": ""},
        ],
        "W": [
            {"id": "W1", "label_en": "Debt", "label_fa": "بدهی", "description": "too much"},
            {"id": "W2", "label_en": "", "label_fa": "فرسودگی", "provenance": "derived"},
        ],
        "O": [{"id": "O1", "label_en": "Market", "label_fa": "بازار"}],
        "T": [{"id": "T1", "label_en": "Rival", "label_fa": "رقیب"}],
    },
    "strategies": [
        {"id": "A", "label_en": "Expand", "label_fa": "گسترش", "tows": "SO",
         "factors": ["S1", "O1"]},
        {"id": "B", "label_en": "Cut costs", "label_fa": "", "tows": "WT",
         "factors": ["W1", "T1"], "description": "save"},
    ],
    "judgments": {
        "groups": [[a / b for b in _W1] for a in _W1],
        "factors": {
            "S": [[1, 3], [1 / 3, 1]],
            "W": [[1, 1], [1, 1]],
            "O": [[1]],
            "T": [[1]],
        },
        "strategies": {
            "S1": {"pairwise": [[1, 4], [0.25, 1]]},
            "S2": {"ratings": [1, 1]},
            "W1": {"ratings": [3, 1]},
            "W2": {"pairwise": [[1, 1 / 3], [3, 1]]},
            "O1": {"ratings": [2, 3]},
            "T1": {"ratings": [0, 1]},
        },
    },
}


def tiny_data() -> dict[str, Any]:
    """A fresh deep copy of the tiny model's JSON data."""
    return copy.deepcopy(TINY)


# One factor per group, two strategies A and B. Group weights w.r.t. the goal
# S 0.4, W 0.3, O 0.2, T 0.1 (consistent matrix w_i / w_j); each group has one factor, so the
# hierarchical global factor weights are g = (0.4, 0.3, 0.2, 0.1) for (S1, W1, O1, T1).
_W1_SMALL = [0.4, 0.3, 0.2, 0.1]
SMALL: dict[str, Any] = {
    "format": "swot-anp-model",
    "version": 2,
    "title": {"en": "Small network", "fa": ""},
    "goal": {"en": "Choose", "fa": ""},
    "structure": "network",
    "factors": {g: [{"id": f"{g}1", "label_en": g, "label_fa": ""}] for g in "SWOT"},
    "strategies": [
        {"id": "A", "label_en": "A", "label_fa": "", "tows": "SO", "factors": []},
        {"id": "B", "label_en": "B", "label_fa": "", "tows": "WT", "factors": []},
    ],
    "judgments": {
        "groups": [[a / b for b in _W1_SMALL] for a in _W1_SMALL],
        "factors": {g: [[1]] for g in "SWOT"},
        # step 4: columns of S for S1, W1, O1, T1 = (3/4, 1/4), (1/4, 3/4), (1/2, 1/2), (1/4, 3/4)
        "strategies": {
            "S1": {"pairwise": [[1, 3], [1 / 3, 1]]},
            "W1": {"pairwise": [[1, 1 / 3], [3, 1]]},
            "O1": {"pairwise": [[1, 1], [1, 1]]},
            "T1": {"pairwise": [[1, 1 / 3], [3, 1]]},
        },
        # a cycle of dependence: S1 depends on W1, W1 on O1, O1 on S1
        "links": {
            "S1": {"W": {"nodes": ["W1"], "matrix": [[1]]}},
            "W1": {"O": {"nodes": ["O1"], "matrix": [[1]]}},
            "O1": {"S": {"nodes": ["S1"], "matrix": [[1]]}},
        },
    },
}


def tied_tehran(first: str = "SO1", second: str = "WO1"):  # -> SwotModel
    """The Tehran model with ``second`` judged exactly like ``first`` on every factor, so that
    both get the same priority (a tie by construction)."""
    from swot.io import load_model

    model = load_model(TEHRAN)
    ids = model.strategy_ids()
    a, b = ids.index(first), ids.index(second)
    for fid in model.factor_ids():
        path = f"judgments.strategies.{fid}"
        if model.strategy_judgments[fid].kind == "pairwise":
            model = model.set_judgment(path, a, b, 1.0)
            for k in range(len(ids)):
                if k not in (a, b):
                    model = model.set_judgment(path, b, k, float(model.matrix_at(path)[a, k]))
        else:
            model = model.set_rating(fid, b, float(model.matrix_at(path)[a]))
    return model


def inconsistent_tehran():  # -> SwotModel
    """Tehran with the groups matrix made to contradict itself (S >> W >> O >> S)."""
    from swot.io import load_model

    return (load_model(TEHRAN).set_judgment("judgments.groups", 0, 1, 9.0)
            .set_judgment("judgments.groups", 1, 2, 9.0)
            .set_judgment("judgments.groups", 0, 2, 1 / 9))


def read_csv_exact(data: bytes):  # -> pandas.DataFrame
    """The CSV as pandas reads it, numbers parsed by Python's float(): exact on every pandas
    version (pandas 2.2's parsers are an ulp off without float_precision, deprecated in 3)."""
    import pandas as pd

    df = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, dtype=str)
    for column in df.columns:
        with contextlib.suppress(ValueError):  # a text column stays text
            df[column] = [float(v) for v in df[column]]
    return df
