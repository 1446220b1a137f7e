"""ANP numerics: pairwise priorities, consistency, supermatrices, limit matrices, synthesis."""

from anp.consistency import (
    SAATY_SCALE,
    ConsistencyResult,
    JudgmentSuggestion,
    consistency,
    consistency_ratio,
    cr_threshold,
    inconsistency_suggestions,
    nearest_saaty,
    random_index,
)
from anp.errors import (
    ANPError,
    ConvergenceError,
    DisconnectedComparisonsError,
    InvalidEntryError,
    NetworkError,
    NotColumnStochasticError,
    NotReciprocalError,
    NotSquareError,
)
from anp.pairwise import complete_matrix, priority, validate_pairwise

__all__ = [
    "SAATY_SCALE",
    "ANPError",
    "ConsistencyResult",
    "ConvergenceError",
    "DisconnectedComparisonsError",
    "InvalidEntryError",
    "JudgmentSuggestion",
    "NetworkError",
    "NotColumnStochasticError",
    "NotReciprocalError",
    "NotSquareError",
    "complete_matrix",
    "consistency",
    "consistency_ratio",
    "cr_threshold",
    "inconsistency_suggestions",
    "nearest_saaty",
    "priority",
    "random_index",
    "validate_pairwise",
]
