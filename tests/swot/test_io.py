"""Model files: round trip, atomic save, and one test per kind of validation problem."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from swot_testdata import EXAMPLE, TEHRAN, tiny_data

import swot.io as swot_io
from swot.io import (
    ModelFileError,
    dumps_model,
    load_model,
    loads_model,
    model_from_dict,
    model_to_dict,
    save_model,
    validate_data,
)
from swot.model import Problem, SwotModel


def messages(data: Any) -> list[str]:
    return [str(p) for p in validate_data(data)]


# ------------------------------------------------------------------ round trip


@pytest.mark.parametrize("path", [TEHRAN, EXAMPLE], ids=["tehran", "example"])
def test_data_files_round_trip(path: Path, tmp_path: Path) -> None:
    model = load_model(path)
    target = tmp_path / "copy.json"
    save_model(model, target)
    again = load_model(target)
    assert again == model
    second = tmp_path / "second.json"
    save_model(again, second)
    assert second.read_bytes() == target.read_bytes()


def test_round_trip_keeps_every_field(tiny: SwotModel, tmp_path: Path) -> None:
    model = tiny.set_judgment("judgments.factors.S", 0, 1, None).set_weighting("direct")
    model = model.set_direct_weight("group", "S", 2.5).set_direct_weight("factor", "W2", 1)
    target = tmp_path / "m.json"
    save_model(model, target)
    again = load_model(target)
    assert again == model
    assert np.isnan(again.factor_judgments["S"][0, 1])
    assert again.factor("S1").source is not None and again.factor("S1").source.line == 3
    assert again.direct_group_weights == {"S": 2.5}
    assert dumps_model(again) == target.read_text(encoding="utf-8")


def test_missing_judgment_is_null_in_the_file(tiny: SwotModel) -> None:
    data = json.loads(dumps_model(tiny.set_judgment("judgments.factors.W", 1, 0, None)))
    assert data["judgments"]["factors"]["W"] == [[1, None], [None, 1]]


def test_model_inequality_is_detected(tiny: SwotModel) -> None:
    assert tiny != tiny.set_judgment("judgments.groups", 0, 1, 3)
    assert tiny == model_from_dict(model_to_dict(tiny))


def test_loads_accepts_bytes_with_bom_and_text() -> None:
    text = json.dumps(tiny_data(), ensure_ascii=False)
    assert loads_model(b"\xef\xbb\xbf" + text.encode()) == loads_model(text)


# ------------------------------------------------------------------ atomic save


def test_failed_save_leaves_old_file(tiny: SwotModel, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "m.json"
    target.write_text("old contents", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(swot_io.os, "replace", broken_replace)
    with pytest.raises(OSError, match=r"No space left on device"):
        save_model(tiny, target)
    assert target.read_text(encoding="utf-8") == "old contents"
    assert os.listdir(tmp_path) == ["m.json"]


def test_failed_write_leaves_old_file_and_names_the_target(
        tiny: SwotModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "m.json"
    save_model(tiny, target)
    before = target.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(swot_io.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match=r"Input/output error") as info:
        save_model(tiny.set_judgment("judgments.groups", 0, 1, 5), target)
    assert info.value.filename == str(target)  # not the temporary file's name
    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == ["m.json"]


def test_save_keeps_permissions_and_new_files_follow_the_umask(tiny: SwotModel,
                                                               tmp_path: Path) -> None:
    target = tmp_path / "m.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    save_model(tiny, target)
    assert target.stat().st_mode & 0o777 == 0o640
    old_mask = os.umask(0o077)
    try:
        save_model(tiny, tmp_path / "new.json")
    finally:
        os.umask(old_mask)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o600


def test_save_through_a_symlink_replaces_the_linked_file(tiny: SwotModel,
                                                         tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    save_model(tiny, link)
    assert link.is_symlink()
    assert load_model(real) == tiny


def test_atomic_write_to_a_folder_or_a_pipe(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError, match=r"Is a directory") as info:
        swot_io.atomic_write(tmp_path, b"x")
    assert info.value.filename == str(tmp_path)
    # A named pipe (like /dev/stdout) cannot be replaced by a rename: it is written to.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        swot_io.atomic_write(fifo, b"through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert sorted(os.listdir(tmp_path)) == ["pipe"]


def test_saving_an_invalid_model_raises_and_leaves_old_file(tiny: SwotModel,
                                                            tmp_path: Path) -> None:
    target = tmp_path / "m.json"
    save_model(tiny, target)
    before = target.read_bytes()
    broken = tiny._replace(strategies=tiny.strategies[:1])
    with pytest.raises(ModelFileError, match=r"at least two strategies are needed") as info:
        save_model(broken, target)
    assert "strategies: at least two strategies are needed, got 1" in str(info.value)
    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == ["m.json"]


# ------------------------------------------------------------- file-level errors


def test_invalid_utf8_names_file_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b'{"title": "\xff"}')
    with pytest.raises(ModelFileError, match=r"not valid UTF-8") as info:
        load_model(path)
    assert info.value.file == str(path)
    assert str(info.value).startswith(f"{path}: byte 11: not valid UTF-8")


def test_invalid_json_names_line_and_column() -> None:
    with pytest.raises(ModelFileError, match=r"invalid JSON: Expecting ':' delimiter") as info:
        loads_model('{\n  "format": "swot-anp-model",\n  "version" 1\n}', source="up.json")
    assert info.value.problems == [
        Problem("line 3, column 13", "invalid JSON: Expecting ':' delimiter")
    ]
    assert str(info.value) == "up.json: line 3, column 13: invalid JSON: Expecting ':' delimiter"


def test_integer_with_too_many_digits_is_invalid_json() -> None:
    # Python refuses to parse integers of more than 4300 digits (a ValueError, not a
    # JSONDecodeError); it must still be a ModelFileError, not a crash.
    text = json.dumps(tiny_data()).replace('"version": 1', '"version": 1' + "0" * 5000)
    with pytest.raises(ModelFileError, match=r"a number has too many digits") as info:
        loads_model(text, "big.json")
    assert info.value.lines() == ["big.json: (root): invalid JSON: a number has too many digits"]


def test_huge_placeholder_value_is_a_model_file_error() -> None:
    # 10**400 passes the schema ("number", minimum 0) but float() of it overflows: loading
    # must end in a ModelFileError naming the field, not an OverflowError
    data = tiny_data()
    data["unjudged"] = [{"matrix": "judgments.groups", "items": ["S", "W"], "value": 10 ** 400}]
    with pytest.raises(ModelFileError, match=r"value: 10000.* is not a finite value") as info:
        loads_model(json.dumps(data), "big.json")
    assert [p.path for p in info.value.problems] == ["unjudged[0].value"]


def test_missing_file() -> None:
    with pytest.raises(ModelFileError, match=r"cannot read the file") as info:
        load_model("/nonexistent/model.json")
    assert str(info.value).startswith("/nonexistent/model.json: (root): cannot read the file")


def test_unsupported_version_is_the_only_problem() -> None:
    data = tiny_data()
    data["version"] = 3
    del data["goal"]
    assert messages(data) == [
        "version: unsupported format version 3 (this tool reads versions 1 and 2)"
    ]


def test_not_an_object() -> None:
    assert messages([1, 2]) == ["(root): expected an object, got [1, 2]"]


# ------------------------------------------------- one test per validation kind


def _set(data: dict[str, Any], path: list[Any], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _del(data: dict[str, Any], path: list[Any]) -> None:
    for key in path[:-1]:
        data = data[key]
    del data[path[-1]]


CASES = [
    ("missing top field", lambda d: _del(d, ["goal"]),
     "(root): missing required field 'goal'"),
    ("missing factor field", lambda d: _del(d, ["factors", "S", 1, "label_en"]),
     "factors.S[1]: missing required field 'label_en'"),
    ("unknown field", lambda d: _set(d, ["factors", "S", 0, "lable_en"], "x"),
     "factors.S[0].lable_en: unknown field"),
    ("wrong format", lambda d: _set(d, ["format"], "other"),
     'format: expected "swot-anp-model", got "other"'),
    ("both labels empty", lambda d: _set(d, ["strategies", 1, "label_en"], ""),
     "strategies[1]: label_en and label_fa are both empty"),
    ("duplicate id", lambda d: _set(d, ["factors", "W", 1, "id"], "S1"),
     'factors.W[1].id: duplicate id "S1" (also factors.S[0].id)'),
    ("strategy reuses factor id", lambda d: _set(d, ["strategies", 0, "id"], "T1"),
     'strategies[0].id: duplicate id "T1" (also factors.T[0].id)'),
    ("invalid id", lambda d: _set(d, ["factors", "O", 0, "id"], "O 1"),
     'factors.O[0].id: "O 1" is not a valid id'),
    ("reserved id", lambda d: _set(d, ["strategies", 0, "id"], "Goal"),
     'strategies[0].id: "Goal" is not a valid id'),
    ("empty group", lambda d: _set(d, ["factors", "O"], []),
     "factors.O: group O has no factors (each group needs at least one)"),
    ("missing group", lambda d: _del(d, ["factors", "T"]),
     "factors: missing required field 'T'"),
    ("strategy names unknown factor", lambda d: _set(d, ["strategies", 0, "factors", 1], "X9"),
     'strategies[0].factors[1]: "X9": unknown factor id'),
    ("bad tows", lambda d: _set(d, ["strategies", 1, "tows"], "TW"),
     'strategies[1].tows: "TW" is not one of SO, ST, WO, WT, other'),
    ("bad provenance", lambda d: _set(d, ["factors", "S", 0, "provenance"], "guess"),
     'factors.S[0].provenance: "guess" is not one of listed, derived, user'),
    ("bad source line", lambda d: _set(d, ["factors", "S", 0, "source", "line"], 0),
     "factors.S[0].source.line: expected a line number (integer >= 1), got 0"),
    ("one strategy", lambda d: _set(d, ["strategies"], d["strategies"][:1]),
     "strategies: at least two strategies are needed, got 1"),
    ("wrong matrix size", lambda d: _set(d, ["judgments", "factors", "S"], [[1]]),
     "judgments.factors.S: expected 2 rows (2x2 matrix for S1, S2), got 1"),
    ("wrong row length", lambda d: _set(d, ["judgments", "groups", 2], [1, 1]),
     "judgments.groups[2]: expected a row of 4 entries, got 2"),
    ("zero judgment", lambda d: _set(d, ["judgments", "factors", "W", 1, 0], 0),
     "judgments.factors.W[1][0]: 0 is not a positive judgment"),
    ("negative judgment", lambda d: _set(d, ["judgments", "factors", "W", 0, 1], -2),
     "judgments.factors.W[0][1]: -2 is not a positive judgment"),
    ("non-finite judgment", lambda d: _set(d, ["judgments", "factors", "S", 0, 1], math.inf),
     "judgments.factors.S[0][1]: Infinity is not a finite judgment"),
    ("judgment too large for a float",
     lambda d: _set(d, ["judgments", "factors", "S", 0, 1], 10**400),
     "judgments.factors.S[0][1]: 1" + "0" * 56 + "... is not a finite judgment"),
    ("rating too large for a float",
     lambda d: _set(d, ["judgments", "strategies", "W1", "ratings", 0], 10**400),
     "judgments.strategies.W1.ratings[0]: 1" + "0" * 56 + "... is not a finite rating"),
    ("direct weight too large for a float",
     lambda d: _set(d, ["direct_weights"], {"groups": {"S": 10**400}}),
     "direct_weights.groups.S: 1" + "0" * 56 + "... is not a non-negative finite weight"),
    ("NaN judgment", lambda d: _set(d, ["judgments", "factors", "S", 0, 1], math.nan),
     "judgments.factors.S[0][1]: NaN is not a finite judgment"),
    ("non-numeric judgment", lambda d: _set(d, ["judgments", "factors", "S", 1, 0], "abc"),
     'judgments.factors.S[1][0]: "abc" is not a number'),
    ("boolean judgment", lambda d: _set(d, ["judgments", "groups", 0, 1], True),
     "judgments.groups[0][1]: true is not a number"),
    ("non-reciprocal", lambda d: _set(d, ["judgments", "factors", "S", 1, 0], 0.5),
     "judgments.factors.S[1][0]: 0.5 is not the reciprocal of judgments.factors.S[0][1] = 3 "
     "(expected 0.3333333333333333)"),
    ("diagonal not 1", lambda d: _set(d, ["judgments", "factors", "W", 1, 1], 2),
     "judgments.factors.W[1][1]: the diagonal must be 1, got 2"),
    ("half-missing judgment", lambda d: _set(d, ["judgments", "factors", "S", 0, 1], None),
     "judgments.factors.S[1][0]: judgment given but its mirror judgments.factors.S[0][1] is "
     "null (a missing judgment is null in both places)"),
    ("strategy judgments for unknown factor",
     lambda d: _set(d, ["judgments", "strategies", "X1"], {"ratings": [1, 1]}),
     'judgments.strategies.X1: unknown factor id "X1"'),
    ("missing strategy judgments", lambda d: _del(d, ["judgments", "strategies", "O1"]),
     'judgments.strategies: missing judgments for factor "O1"'),
    ("bad strategy judgment kind",
     lambda d: _set(d, ["judgments", "strategies", "O1"], {"scores": [1, 2]}),
     'judgments.strategies.O1: expected {"pairwise": matrix} or {"ratings": [numbers]}, '
     'got {"scores": [1, 2]}'),
    ("strategy matrix size",
     lambda d: _set(d, ["judgments", "strategies", "S1", "pairwise"], [[1]]),
     "judgments.strategies.S1.pairwise: expected 2 rows (2x2 matrix for A, B), got 1"),
    ("ratings length", lambda d: _set(d, ["judgments", "strategies", "W1", "ratings"], [1]),
     "judgments.strategies.W1.ratings: expected a list of 2 ratings (one per strategy), got 1"),
    ("negative rating", lambda d: _set(d, ["judgments", "strategies", "W1", "ratings", 1], -1),
     "judgments.strategies.W1.ratings[1]: -1 is a negative rating"),
    ("all-zero ratings", lambda d: _set(d, ["judgments", "strategies", "W1", "ratings"], [0, 0]),
     "judgments.strategies.W1.ratings: at least one rating must be positive"),
    ("dependence on unknown group",
     lambda d: _set(d, ["judgments", "group_dependence"],
                    {"S": {"groups": ["S", "X"], "matrix": [[1, 1], [1, 1]]}}),
     'judgments.group_dependence.S.groups[1]: "X" is not one of S, W, O, T'),
    ("dependence group listed twice",
     lambda d: _set(d, ["judgments", "group_dependence"],
                    {"S": {"groups": ["S", "S"], "matrix": [[1, 1], [1, 1]]}}),
     "judgments.group_dependence.S.groups: a group is listed twice"),
    ("dependence on one group",
     lambda d: _set(d, ["judgments", "group_dependence"], {"S": {"groups": ["S"],
                                                                 "matrix": [[1]]}}),
     "judgments.group_dependence.S.groups: at least two groups are needed"),
    ("dependence matrix size",
     lambda d: _set(d, ["judgments", "group_dependence"],
                    {"O": {"groups": ["S", "O", "T"], "matrix": [[1, 1], [1, 1]]}}),
     "judgments.group_dependence.O.matrix: expected 3 rows (3x3 matrix for S, O, T), got 2"),
    # a placeholder value the schema lets through but float() or strict JSON cannot take
    ("unjudged value too large",
     lambda d: _set(d, ["unjudged"], [{"matrix": "judgments.groups", "items": ["S", "W"],
                                       "value": 10 ** 400}]),
     "unjudged[0].value: 1000"),
    ("unjudged value infinite",
     lambda d: _set(d, ["unjudged"], [{"matrix": "judgments.groups", "items": ["S", "W"],
                                       "value": float("inf")}]),
     "unjudged[0].value: Infinity is not a finite value"),
    ("unjudged value NaN",
     lambda d: _set(d, ["unjudged"], [{"matrix": "judgments.groups", "items": ["S", "W"],
                                       "value": float("nan")}]),
     "unjudged[0].value: NaN is not a finite value"),
    ("bad weighting", lambda d: _set(d, ["weighting"], "votes"),
     'weighting: "votes" is not one of pairwise, direct'),
    ("negative direct weight",
     lambda d: _set(d, ["direct_weights"], {"groups": {"S": -1}, "factors": {}}),
     "direct_weights.groups.S: -1 is not a non-negative finite weight"),
    ("direct weight for unknown factor",
     lambda d: _set(d, ["direct_weights"], {"factors": {"Z1": 1}}),
     'direct_weights.factors.Z1: unknown id "Z1"'),
    ("illustrative not boolean", lambda d: _set(d, ["illustrative_judgments"], "yes"),
     'illustrative_judgments: expected true or false, got "yes"'),
]


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_validation_problem(mutate: Any, expected: str) -> None:
    data = tiny_data()
    assert messages(data) == []
    mutate(data)
    found = messages(data)
    assert any(m.startswith(expected) for m in found), found


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    data = tiny_data()
    data["judgments"]["factors"]["W"][1][0] = 0
    data["strategies"][0]["factors"][0] = "Q7"
    data["factors"]["O"][0]["provenance"] = "guess"
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelFileError, match=r"0 is not a positive judgment") as info:
        load_model(path)
    assert len(info.value.problems) == 3
    assert info.value.lines() == [f"{path}: {p}" for p in info.value.problems]
    assert f"{path}: judgments.factors.W[1][0]: 0 is not a positive judgment" in str(info.value)


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_atomic_write_all_cleans_up_when_a_write_or_a_rename_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    """A disk that fills while the second file is written leaves both targets as they were;
    a rename that fails after the first one leaves the first replaced (renames cannot be
    undone) and the second as it was. Either way no temporary file stays behind."""
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes(b"old a")
    second.write_bytes(b"old b")
    real = getattr(os, failing)
    calls = []

    def fail_second(*args: Any) -> None:
        calls.append(args)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(*args)

    monkeypatch.setattr(os, failing, fail_second)
    with pytest.raises(OSError, match="No space left") as caught:
        swot_io.atomic_write_all([(first, b"new a"), (second, b"new b")])
    assert caught.value.filename == str(second)
    assert first.read_bytes() == (b"old a" if failing == "fsync" else b"new a")
    assert second.read_bytes() == b"old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_a_model_path_is_read_as_given(tmp_path: Path) -> None:
    # "m.json/" names a folder m.json, which is a file: not readable (as cat says), not m.json;
    # "" names no file at all, not the current folder
    model = tmp_path / "m.json"
    model.write_bytes(TEHRAN.read_bytes())
    assert load_model(model).title  # the file itself loads
    with pytest.raises(swot_io.ModelFileError, match="cannot read the file: Not a directory"):
        load_model(f"{model}/")
    with pytest.raises(swot_io.ModelFileError,
                       match="cannot read the file: No such file or directory"):
        load_model("")
