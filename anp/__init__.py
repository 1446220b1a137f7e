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
from anp.group import (
    aggregate_judgments,
    aggregate_priorities,
    consensus_index,
    judgment_dispersion,
)
from anp.limit import as_supermatrix, limit_matrix
from anp.network import LabelledMatrix, Network
from anp.pairwise import complete_matrix, priority, validate_pairwise
from anp.synthesis import synthesize

__all__ = [
    "SAATY_SCALE",
    "ANPError",
    "ConsistencyResult",
    "ConvergenceError",
    "DisconnectedComparisonsError",
    "InvalidEntryError",
    "JudgmentSuggestion",
    "LabelledMatrix",
    "Network",
    "NetworkError",
    "NotColumnStochasticError",
    "NotReciprocalError",
    "NotSquareError",
    "aggregate_judgments",
    "aggregate_priorities",
    "as_supermatrix",
    "complete_matrix",
    "consensus_index",
    "consistency",
    "consistency_ratio",
    "cr_threshold",
    "inconsistency_suggestions",
    "judgment_dispersion",
    "limit_matrix",
    "nearest_saaty",
    "priority",
    "random_index",
    "synthesize",
    "validate_pairwise",
]
