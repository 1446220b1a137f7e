"""One root for swot's errors; each also the builtin it resembles."""

from __future__ import annotations

import copy
import importlib
import re
from pathlib import Path

import pytest
from swot_testdata import SMALL, TEHRAN

from anp import ANPError
from swot.analysis import EvaluationError
from swot.cli import CliError
from swot.diff import ModelDiffError, diff_models
from swot.errors import PROJECT_ERRORS, SwotError, UnknownItemError
from swot.io import ModelFileError, load_model
from swot.report.make import ReportSourceError
from swot.scenarios import ScenarioComparisonError
from swot.sensitivity import SensitivityRequestError
from swot.store.errors import StoreError
from swot.workshop import WorkshopResultError


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


@pytest.mark.parametrize(("judgments", "where"), [
    ({"links": [1, 2]}, "judgments.links"),
    ({"links": {"S1": [1]}}, "judgments.links.S1"),
    ({"links": {"S1": {"W": "x"}}}, "judgments.links.S1.W"),
    ({"links": {"S1": {"W": {"nodes": 5, "matrix": [[1]]}}}}, "judgments.links.S1.W"),
    ({"clusters": [1]}, "judgments.clusters"),
])
def test_malformed_network_judgments_are_a_diff_error(judgments: dict, where: str) -> None:
    # these ended in AttributeError / TypeError from the network part of the comparison
    second = copy.deepcopy(SMALL)
    second["judgments"].update(judgments)
    with pytest.raises(ModelDiffError, match=re.escape(where)):
        diff_models(SMALL, second)


def _modules(package: str) -> list[str]:
    """Every module file under ``package`` as a dotted name (``__main__`` runs the CLI)."""
    root = Path(importlib.import_module(package).__file__).parent
    return sorted(".".join((package, *path.relative_to(root).with_suffix("").parts))
                  .removesuffix(".__init__")
                  for path in root.rglob("*.py") if path.name != "__main__.py")


def _exception_classes(package: str) -> list[type[BaseException]]:
    found = []
    for name in _modules(package):
        module = importlib.import_module(name)
        found += [value for value in vars(module).values()
                  if isinstance(value, type) and issubclass(value, BaseException)
                  and value.__module__ == name]
    return found


def test_every_exception_class_of_swot_derives_from_the_root() -> None:
    classes = _exception_classes("swot")
    errors = [c for c in classes if not issubclass(c, Warning)]
    assert {"StoreError", "WorkshopResultError", "CliError", "ModelFileError"} <= {
        c.__name__ for c in errors}  # the walk does reach the store, workshop and CLI
    stray = [f"{c.__module__}.{c.__qualname__}" for c in errors if not issubclass(c, SwotError)]
    assert stray == []


def test_every_exception_class_of_anp_derives_from_its_root() -> None:
    classes = _exception_classes("anp")
    assert len(classes) >= 8
    assert [c.__name__ for c in classes if not issubclass(c, ANPError)] == []


def test_the_project_errors_are_the_two_roots() -> None:
    assert set(PROJECT_ERRORS) == {SwotError, ANPError}
    assert issubclass(StoreError, PROJECT_ERRORS) and issubclass(WorkshopResultError, SwotError)
