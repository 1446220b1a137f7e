"""CSV export: BOM, full precision, rank order, read back with pandas, formula injection."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from swot_testdata import TEHRAN
from swot_testdata import read_csv_exact as read

from swot.analysis import evaluate
from swot.export import factor_weights_csv, ranking_csv, unneutralise
from swot.io import load_model
from swot.model import SwotError
from swot.sensitivity import reversals_csv, robustness, robustness_csv, sweep_group


@pytest.fixture(scope="module")
def tehran() -> tuple[pd.DataFrame, pd.DataFrame]:
    result = evaluate(load_model(TEHRAN))
    return result.strategies, result.factors


def test_ranking_read_back_equals_dataframe(tehran: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    strategies, _ = tehran
    data = ranking_csv(strategies, "both")
    assert data.startswith(b"\xef\xbb\xbf")
    back = read(data)
    pd.testing.assert_frame_equal(back, strategies, check_dtype=False, check_exact=True)
    assert list(back["rank"]) == sorted(back["rank"])


def test_factor_weights_read_back_equals_dataframe(
        tehran: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    _, factors = tehran
    back = read(factor_weights_csv(factors, "both"))
    pd.testing.assert_frame_equal(back, factors, check_dtype=False, check_exact=True)


def test_numbers_at_full_precision(tehran: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    strategies, _ = tehran
    rows = list(csv.DictReader(io.StringIO(ranking_csv(strategies).decode("utf-8-sig"))))
    for row, (_, expected) in zip(rows, strategies.iterrows(), strict=True):
        assert float(row["priority"]) == expected["priority"]
        assert float(row["ideal"]) == expected["ideal"]


def test_english_labels(tehran: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    strategies, factors = tehran
    back = read(ranking_csv(strategies, "en"))
    assert list(back.columns) == ["rank", "id", "label", "tows", "priority", "ideal"]
    assert list(back["label"]) == list(strategies["label_en"])
    back = read(factor_weights_csv(factors, "en"))
    assert list(back.columns) == ["group", "id", "label", "provenance", "local_weight",
                                  "global_weight"]
    assert list(back["label"]) == list(factors["label_en"])
    assert list(back["group"]) == list(factors["group"])  # codes for programs


def test_persian_file_has_persian_headers_and_codes(
        tehran: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    strategies, factors = tehran
    back = read(ranking_csv(strategies, "fa"))
    assert list(back.columns) == ["رتبه", "شناسه", "عنوان", "نوع TOWS", "اولویت", "ایده‌آل"]
    assert list(back["عنوان"]) == list(strategies["label_fa"])
    assert list(back["رتبه"]) == list(strategies["rank"])  # ASCII digits, same numbers
    back = read(factor_weights_csv(factors, "fa"))
    assert list(back.columns) == ["گروه", "شناسه", "عنوان", "منشأ", "وزن محلی", "وزن کلی"]
    names = {"S": "قوت‌ها", "W": "ضعف‌ها", "O": "فرصت‌ها", "T": "تهدیدها"}
    assert list(back["گروه"]) == [names[g] for g in factors["group"]]
    assert list(back["وزن کلی"]) == list(factors["global_weight"])


def test_fa_falls_back_to_english_when_empty() -> None:
    table = pd.DataFrame({"rank": [1], "id": ["A"], "label_en": ["Grow"], "label_fa": [""],
                          "tows": ["SO"], "priority": [1.0], "ideal": [1.0]})
    assert read(ranking_csv(table, "fa"))["عنوان"].tolist() == ["Grow"]
    with pytest.raises(SwotError, match=r"unknown language 'de' \(expected one of en, fa, both\)"):
        ranking_csv(table, "de")


HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1", "-2+3", "@SUM(A1)", "\tX", "\rY",
           "plain", "'=already quoted", "a=b"]


def test_formula_injection_is_neutralised() -> None:
    m = len(HOSTILE)
    table = pd.DataFrame({
        "rank": range(1, m + 1), "id": [f"S{k}" for k in range(m)],
        "label_en": HOSTILE, "label_fa": list(reversed(HOSTILE)),
        "tows": ["=1+1"] + ["SO"] * (m - 1),
        "priority": [-0.5] + [0.1] * (m - 1), "ideal": [1.0] * m,
    })
    data = ranking_csv(table, "both")
    cells = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    for row in cells[1:]:
        for cell in (row[2], row[3], row[4]):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert cells[1][2] == "'" + HOSTILE[0]
    assert cells[1][4] == "'=1+1"
    assert cells[7][2] == "plain"
    assert cells[8][2] == "''=already quoted"
    assert cells[1][5] == "-0.5"  # numbers are never altered
    back = read(data)
    for column in ("label_en", "label_fa", "tows"):
        back[column] = back[column].map(unneutralise)
    pd.testing.assert_frame_equal(back, table, check_dtype=False, check_exact=True)


def test_sensitivity_and_robustness_csv_in_persian() -> None:
    model = load_model(TEHRAN)
    rob = read(robustness_csv(robustness(model, n=100, seed=1), "fa"))
    assert {"شناسه", "عنوان", "احتمال نخست بودن", "احتمال رتبه‌ی 1"} <= set(rob.columns)
    assert not any(c.startswith("rank") for c in rob.columns)
    rev = read(reversals_csv(sweep_group(model, "W", points=21), "fa"))
    assert set(rev["نوع"]) == {"گروه"} and set(rev["تغییر رتبه‌ی نخست"]) <= {"بله", "خیر"}
