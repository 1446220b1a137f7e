"""The SWOT domain on top of :mod:`anp`: models, model files, analysis, exports, command line.

The names below are imported from their modules on first use (PEP 562): ``import swot`` (and
every ``swot.<module>`` import, which runs this file first) loads neither pandas nor SciPy, so
the command line starts fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from swot.analysis import Evaluation, EvaluationError, check_model, compose, evaluate
    from swot.export import factor_weights_csv, ranking_csv
    from swot.io import (
        ModelFileError,
        dumps_model,
        load_model,
        loads_model,
        save_model,
        validate_data,
    )
    from swot.model import (
        GROUPS,
        PROVENANCES,
        TOWS_TYPES,
        Factor,
        GroupDependence,
        Problem,
        SourceRef,
        Strategy,
        StrategyJudgment,
        SwotError,
        SwotModel,
    )

_MODULES: dict[str, str] = {
    **dict.fromkeys(("Evaluation", "EvaluationError", "check_model", "compose", "evaluate"),
                    "swot.analysis"),
    **dict.fromkeys(("factor_weights_csv", "ranking_csv"), "swot.export"),
    **dict.fromkeys(("ModelFileError", "dumps_model", "load_model", "loads_model", "save_model",
                     "validate_data"), "swot.io"),
    **dict.fromkeys(("GROUPS", "PROVENANCES", "TOWS_TYPES", "Factor", "GroupDependence",
                     "Problem", "SourceRef", "Strategy", "StrategyJudgment", "SwotError",
                     "SwotModel"), "swot.model"),
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'swot' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULES])


__all__ = [
    "GROUPS",
    "PROVENANCES",
    "TOWS_TYPES",
    "Evaluation",
    "EvaluationError",
    "Factor",
    "GroupDependence",
    "ModelFileError",
    "Problem",
    "SourceRef",
    "Strategy",
    "StrategyJudgment",
    "SwotError",
    "SwotModel",
    "check_model",
    "compose",
    "dumps_model",
    "evaluate",
    "factor_weights_csv",
    "load_model",
    "loads_model",
    "ranking_csv",
    "save_model",
    "validate_data",
]
