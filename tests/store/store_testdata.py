"""A small model in the model file format for the store tests (imported by name: see
tests/anp/anp_testdata.py for why not from conftest)."""

from __future__ import annotations

import copy
import os
from typing import Any

import pytest
from sqlalchemy import create_engine

POSTGRES_ENV = "SWOT_ANP_TEST_POSTGRES_URL"

_MODEL: dict[str, Any] = {
    "format": "swot-anp-model",
    "version": 1,
    "title": {"en": "Tiny example", "fa": "نمونه"},
    "goal": {"en": "Choose a strategy", "fa": ""},
    "factors": {
        "S": [
            {"id": "S1", "label_en": "Brand", "label_fa": "برند"},
            {"id": "S2", "label_en": "Staff", "label_fa": ""},
        ],
        "W": [{"id": "W1", "label_en": "Debt", "label_fa": ""}],
        "O": [{"id": "O1", "label_en": "New market", "label_fa": ""}],
        "T": [{"id": "T1", "label_en": "Rival", "label_fa": ""}],
    },
    "strategies": [
        {"id": "SO1", "label_en": "Expand", "label_fa": "", "tows": "SO", "factors": ["S1", "O1"]},
        {"id": "WT1", "label_en": "Cut costs", "label_fa": "", "tows": "WT", "factors": ["W1"]},
        {"id": "ST1", "label_en": "Defend", "label_fa": "", "tows": "ST", "factors": ["S2", "T1"]},
    ],
    "judgments": {
        "groups": [[1, 2, 1, 3], [0.5, 1, 0.5, 2], [1, 2, 1, 3], [1 / 3, 0.5, 1 / 3, 1]],
        "factors": {"S": [[1, 3], [1 / 3, 1]], "W": [[1]], "O": [[1]], "T": [[1]]},
        "strategies": {
            "S1": {"pairwise": [[1, 3, None], [1 / 3, 1, 2], [None, 0.5, 1]]},
            "S2": {"pairwise": [[1, 1, 1], [1, 1, 1], [1, 1, 1]]},
            "W1": {"pairwise": [[1, 0.5, 2], [2, 1, 4], [0.5, 0.25, 1]]},
            "O1": {"ratings": [9, 3, 0]},
            "T1": {"pairwise": [[1, 2, 1], [0.5, 1, 0.5], [1, 2, 1]]},
        },
    },
}


def tiny_model() -> dict[str, Any]:
    """A fresh copy of a small valid model (two S factors, three strategies, one rating)."""
    return copy.deepcopy(_MODEL)


def postgres_url() -> str:
    """The test server's URL, its database emptied; skip (fail in CI) without one."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{POSTGRES_ENV} is not set: in CI .ci/run starts PostgreSQL for these")
        pytest.skip(f"no PostgreSQL server for the tests ({POSTGRES_ENV} is not set)")
    empty_postgres(url)
    return url


def empty_postgres(url: str) -> None:
    """Drop every table of the PostgreSQL database at ``url`` (its public schema, recreated)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
