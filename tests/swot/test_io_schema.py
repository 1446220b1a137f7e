"""The published JSON Schema of the model file, and what only the tool checks: lone surrogates,
"did you mean", the range of judgments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from swot_testdata import EXAMPLE, TEHRAN, tiny_data

from swot.analysis import evaluate
from swot.io import ModelFileError, load_model, loads_model, validate_data
from swot.io_schema import schema

ROOT = Path(__file__).resolve().parents[2]
NETWORK = ROOT / "data" / "tehran_city_diplomacy_network.json"


def messages(data: Any) -> list[str]:
    return [str(p) for p in validate_data(data)]


@pytest.mark.parametrize("version", [1, 2])
def test_the_schema_is_published_in_docs_and_is_a_valid_schema(version: int) -> None:
    published = ROOT / "docs" / "schema" / f"model-v{version}.schema.json"
    assert json.loads(published.read_text(encoding="utf-8")) == schema(version)
    Draft202012Validator.check_schema(schema(version))
    assert schema(version)["properties"]["version"] == {"const": version}


@pytest.mark.parametrize("path", [TEHRAN, EXAMPLE, NETWORK], ids=["tehran", "example", "network"])
def test_shipped_models_meet_the_schema_of_their_version(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema(data["version"])).iter_errors(data)) == []


def test_a_version_1_file_with_a_version_2_field_fails_the_v1_schema() -> None:
    data = tiny_data()
    assert data["version"] == 1
    data["structure"] = "hierarchy"
    assert not Draft202012Validator(schema(1)).is_valid(data)
    assert Draft202012Validator(schema(2)).is_valid({**data, "version": 2})


@pytest.mark.parametrize(("where", "path", "typo", "suggestion"), [
    (["factors", "S", 0], "factors.S[0]", "lable_en", "label_en"),
    ([], "", "judgements", "judgments"),
    (["factors", "S", 0, "source"], "factors.S[0].source", "lien", "line"),
])
def test_unknown_field_gets_a_did_you_mean(where: list[Any], path: str, typo: str,
                                           suggestion: str) -> None:
    data = tiny_data()
    data["factors"]["S"][0]["source"] = {"file": "a.txt", "line": 1}
    target = data
    for key in where:
        target = target[key]
    target[typo] = "x"
    field = f"{path}.{typo}" if path else typo
    assert f"{field}: unknown field (did you mean {suggestion!r}?)" in messages(data)


def test_unknown_field_far_from_any_name_gets_no_suggestion() -> None:
    data = tiny_data()
    data["factors"]["S"][0]["colour"] = "red"
    assert messages(data) == ["factors.S[0].colour: unknown field"]


def test_a_problem_is_reported_once_not_by_schema_and_checker_both() -> None:
    data = tiny_data()
    data["judgments"]["factors"]["W"][0][1] = -2
    assert messages(data) == ["judgments.factors.W[0][1]: -2 is not a positive judgment"]


def test_problems_come_in_file_order() -> None:
    data = tiny_data()
    data["judgments"]["groups"][0][1] = "x"  # late in the file
    data["title"]["en"] = 5  # early in the file
    found = messages(data)
    assert [m.split(":")[0] for m in found] == ["title.en", "judgments.groups[0][1]"]


LONE = "\ud800"


@pytest.mark.parametrize(("mutate", "path"), [
    (lambda d: d["title"].__setitem__("en", "Plan " + LONE), "title.en"),
    (lambda d: d["factors"]["S"][1].__setitem__("label_fa", LONE), "factors.S[1].label_fa"),
    (lambda d: d.__setitem__("description", LONE + "x"), "description"),
], ids=["title", "label", "description"])
def test_a_lone_surrogate_is_refused_with_its_json_path(mutate: Any, path: str) -> None:
    data = tiny_data()
    mutate(data)
    text = json.dumps(data)  # ensure_ascii: the file holds the escape "\ud800"
    assert "\\ud800" in text
    with pytest.raises(ModelFileError, match="lone surrogate") as info:
        loads_model(text.encode("ascii"), "m.json")
    [line] = info.value.lines()
    assert line.startswith(f"m.json: {path}: ")
    assert "\\ud800" in line
    line.encode("utf-8")  # printable: no surrogate left in the message


def test_a_lone_surrogate_in_a_key_is_named_escaped() -> None:
    data = tiny_data()
    data["judgments"]["strategies"]["S1" + LONE] = {"ratings": [1, 1]}
    found = messages(data)
    assert any(m.startswith("judgments.strategies.S1\\ud800: ") and "lone surrogate" in m
               for m in found), found
    for m in found:
        m.encode("utf-8")


def test_a_proper_pair_of_surrogate_escapes_is_a_character() -> None:
    data = tiny_data()
    data["title"]["en"] = "\U0001f600"
    text = json.dumps(data)
    assert "\\ud83d\\ude00" in text
    assert loads_model(text).title["en"] == "\U0001f600"


@pytest.mark.parametrize("value", [1e300, 1e-300, 1e7, 9e-7])
def test_judgments_outside_the_documented_range_are_refused_by_cell(value: float) -> None:
    data = tiny_data()
    groups = data["judgments"]["groups"]
    for i in range(4):
        for j in range(4):
            if i < j:
                groups[i][j], groups[j][i] = value, 1 / value
    found = messages(data)
    assert (f"judgments.groups[0][1]: {json.dumps(value)} is outside the range of judgments "
            "(1e-06 to 1e+06)") in found
    assert len(found) == 12  # every off-diagonal cell, each named


def test_judgments_at_the_ends_of_the_range_are_computed() -> None:
    data = json.loads(TEHRAN.read_text(encoding="utf-8"))
    groups = data["judgments"]["groups"]
    for i in range(4):
        for j in range(4):
            if i < j:
                groups[i][j], groups[j][i] = 1e6, 1e-6
    result = evaluate(loads_model(json.dumps(data)))
    priorities = result.strategies["priority"].to_numpy()
    assert abs(priorities.sum() - 1) < 1e-9 and (priorities > 0).all()


def test_huge_ratings_are_computed() -> None:
    data = json.loads(TEHRAN.read_text(encoding="utf-8"))
    n = len(data["strategies"])
    for fid in data["judgments"]["strategies"]:
        data["judgments"]["strategies"][fid] = {"ratings": [1e300] * (n - 1) + [5e299]}
    result = evaluate(loads_model(json.dumps(data)))
    table = result.strategies.set_index("id")["priority"]
    last = data["strategies"][-1]["id"]
    # every factor rates the last strategy half as high: 0.5 / (n - 1 + 0.5) for it
    assert table[last] == pytest.approx(0.5 / (n - 0.5), rel=1e-9)


def test_load_model_of_a_file_with_a_lone_surrogate(tmp_path: Path) -> None:
    data = tiny_data()
    data["goal"]["fa"] = LONE
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data), encoding="ascii")
    with pytest.raises(ModelFileError, match=r"goal\.fa: .*lone surrogate"):
        load_model(path)


@pytest.mark.parametrize("command", ["validate", "rank"])
def test_cli_names_the_cell_of_an_out_of_range_judgment(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from swot.cli import main

    data = json.loads(TEHRAN.read_text(encoding="utf-8"))
    groups = data["judgments"]["groups"]
    for i in range(4):
        for j in range(4):
            if i != j:
                groups[i][j] = 1e300 if i < j else 1e-300
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main([command, str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: judgments.groups[0][1]: 1e+300 is outside the range of judgments" in err
    assert f"{path}: judgments.groups[1][0]: 1e-300 is outside the range of judgments" in err
    assert "Traceback" not in err and "NaN" not in err


def test_cli_names_the_path_of_a_lone_surrogate(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from swot.cli import main

    data = tiny_data()
    data["strategies"][0]["label_en"] = "A" + LONE
    path = tmp_path / "lone.json"
    path.write_text(json.dumps(data), encoding="ascii")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: strategies[0].label_en: \"A\\ud800\" contains a lone surrogate" in err
