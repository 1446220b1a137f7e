"""The SWOT domain on top of :mod:`anp`: models, model files, analysis, exports, command line."""

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
