"""ANP numerics: pairwise priorities, consistency, supermatrices, limit matrices, synthesis.

The limit matrix, the network and the sensitivity tools are imported on first use (PEP 562):
they load SciPy, and a caller that only weighs a pairwise matrix (the command line's
``validate``) should not pay for it at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from anp.batch import PairwiseSolution, solve_pairwise
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
    CONSENSUS_BANDS,
    aggregate_judgments,
    aggregate_priorities,
    ahp_consensus,
    consensus_band,
    consensus_index,
    geometric_dispersion,
    judgment_dispersion,
)
from anp.pairwise import complete_matrix, priority, validate_pairwise
from anp.synthesis import synthesize

if TYPE_CHECKING:
    from anp.limit import (
        as_supermatrix,
        limit_matrices,
        limit_matrix,
    )
    from anp.network import (
        LabelledMatrix,
        Network,
    )
    from anp.sensitivity import (
        Crossing,
        OneWay,
        RankStats,
        SensitivityError,
        cluster_sweep,
        crossings,
        one_way,
        perturb_lognormal,
        perturb_saaty_steps,
        perturb_weights,
        rank_statistics,
        ranks,
        rescale_weights,
        snap_to_saaty,
    )

_LAZY: dict[str, str] = {
    "as_supermatrix": "anp.limit",
    "limit_matrices": "anp.limit",
    "limit_matrix": "anp.limit",
    "LabelledMatrix": "anp.network",
    "Network": "anp.network",
    "Crossing": "anp.sensitivity",
    "OneWay": "anp.sensitivity",
    "RankStats": "anp.sensitivity",
    "SensitivityError": "anp.sensitivity",
    "cluster_sweep": "anp.sensitivity",
    "crossings": "anp.sensitivity",
    "one_way": "anp.sensitivity",
    "perturb_lognormal": "anp.sensitivity",
    "perturb_saaty_steps": "anp.sensitivity",
    "perturb_weights": "anp.sensitivity",
    "rank_statistics": "anp.sensitivity",
    "ranks": "anp.sensitivity",
    "rescale_weights": "anp.sensitivity",
    "snap_to_saaty": "anp.sensitivity",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'anp' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "CONSENSUS_BANDS",
    "SAATY_SCALE",
    "ANPError",
    "ConsistencyResult",
    "ConvergenceError",
    "Crossing",
    "DisconnectedComparisonsError",
    "InvalidEntryError",
    "JudgmentSuggestion",
    "LabelledMatrix",
    "Network",
    "NetworkError",
    "NotColumnStochasticError",
    "NotReciprocalError",
    "NotSquareError",
    "OneWay",
    "PairwiseSolution",
    "RankStats",
    "SensitivityError",
    "aggregate_judgments",
    "aggregate_priorities",
    "ahp_consensus",
    "as_supermatrix",
    "cluster_sweep",
    "complete_matrix",
    "consensus_band",
    "consensus_index",
    "consistency",
    "consistency_ratio",
    "cr_threshold",
    "crossings",
    "geometric_dispersion",
    "inconsistency_suggestions",
    "judgment_dispersion",
    "limit_matrices",
    "limit_matrix",
    "nearest_saaty",
    "one_way",
    "perturb_lognormal",
    "perturb_saaty_steps",
    "perturb_weights",
    "priority",
    "random_index",
    "rank_statistics",
    "ranks",
    "rescale_weights",
    "snap_to_saaty",
    "solve_pairwise",
    "synthesize",
    "validate_pairwise",
]
