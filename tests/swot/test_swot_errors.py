"""One root for swot's errors; each also the builtin it resembles."""

from __future__ import annotations

import re

import pytest
from swot_testdata import TEHRAN

from swot.analysis import EvaluationError
from swot.cli import CliError
from swot.diff import ModelDiffError, diff_models
from swot.errors import SwotError, UnknownItemError
from swot.io import ModelFileError, load_model
from swot.report.make import ReportSourceError
from swot.scenarios import ScenarioComparisonError
from swot.sensitivity import SensitivityRequestError


@pytest.mark.parametrize("error", [EvaluationError, CliError, ModelDiffError, ModelFileError,
                                   ReportSourceError, ScenarioComparisonError,
                                   SensitivityRequestError, UnknownItemError])
def test_every_domain_error_has_the_one_root(error: type[Exception]) -> None:
    assert issubclass(error, SwotError) and issubclass(error, ValueError)


@pytest.mark.parametrize(("lookup", "message"), [
    (lambda m: m.factor("Z9"), "no factor 'Z9'"),
    (lambda m: m.strategy("Z9"), "no strategy 'Z9'"),
    (lambda m: m.matrix_at("judgments.nowhere"), "no judgment matrix at 'judgments.nowhere'"),
    (lambda m: m.link_set("S1.W"), "no link set 'S1.W'"),
])
def test_an_unknown_item_is_a_project_error_and_still_a_key_error(lookup, message: str) -> None:
    model = load_model(TEHRAN)
    with pytest.raises(UnknownItemError, match=re.escape(message)) as info:
        lookup(model)
    assert str(info.value) == message  # not quoted as KeyError would
    assert isinstance(info.value, KeyError) and isinstance(info.value, SwotError)


def test_model_diff_error_is_caught_as_the_root() -> None:
    with pytest.raises(SwotError, match="model"):
        diff_models({"factors": 3}, {})
