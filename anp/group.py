"""Group decisions: aggregating participants' judgments (AIJ) and priorities (AIP), consensus.

Aggregation follows Forman & Peniwati (1998), "Aggregating individual judgments and priorities
with the analytic hierarchy process", EJOR 108:165-169: the weighted geometric mean is the
aggregation that keeps the aggregated matrix reciprocal (AIJ) and is used for priorities (AIP).

Consensus: Goepel's AHP consensus indicator S* (Goepel 2013, "Implementing the analytic hierarchy
process as a standard method for multi-criteria decision making in corporate enterprises - a new
AHP Excel template with multiple inputs", Proc. ISAHP 2013, Kuala Lumpur), built on the Shannon
alpha/beta/gamma diversity partition. For participants' priority vectors p_k with weights a_k:
``H_alpha = sum_k a_k H(p_k)``, ``H_gamma = H(sum_k a_k p_k)``, ``H_beta = H_gamma - H_alpha``
(H = Shannon entropy, natural log), ``M = 1 / exp(H_beta)`` and
``S* = (M - 1/n) / (1 - 1/n)`` for n items (using exp(H_alpha,min) = 1, exp(H_gamma,max) = n).
S* = 1 for identical priorities and 0 for maximal disagreement; Goepel gives equal weights, the
weighted form is the weighted diversity partition (Jost 2007, Ecology 88:2427-2439). This
uncorrected form is what Goepel calls the *relative homogeneity* (:func:`consensus_index`).

The AHP consensus indicator the workshop reports (:func:`ahp_consensus`) is Goepel's corrected
form, as in his AHP-OS (Goepel 2018, "Implementation of an online software tool for the Analytic
Hierarchy Process (AHP-OS)", IJAHP 10(3):469-487; function ``getConsensus`` of AHP-OS): on the
1-9 scale one person's priorities cannot be more extreme than one item M = 9 times every other,
so ``H_alpha,min = -(M/(n+M-1)) ln(M/(n+M-1)) - (n-1)/(n+M-1) ln(1/(n+M-1))`` and
``S* = (M_beta - c) / (1 - c)`` with ``M_beta = exp(-H_beta)``, ``c = exp(H_alpha,min) / n``.
Two people with opposite extreme judgments on two items (9 and 1/9) give exactly 0. Goepel's
word scale (bpmsg.com, "AHP consensus word scale", from 140 nodes of 35 group projects):
below 0.5 very low, 0.5-0.625 low, 0.625-0.75 moderate, 0.75-0.875 high, above 0.875 very high
(:data:`CONSENSUS_BANDS`). Goepel's 2018 article (Table 2) gave coarser bounds, 0.5/0.65/0.75/
0.85; the later web page and the AHP-OS manual use the eighths kept here. His published check
(2018, p. 482: k participants, k items, each judging a different item 9 times every other
gives 0 %) is a test.

Per comparison, :func:`geometric_dispersion` is the geometric standard deviation of the
judgments, ``exp(sd(ln a_ij))`` (population sd): 1 when everyone agrees, 9 for 9 against 1/9.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from anp.errors import ANPError, InvalidEntryError, as_float, float_array
from anp.pairwise import validate_pairwise


def _weights(weights: Sequence[float] | np.ndarray | None, k: int) -> np.ndarray:
    if weights is None:
        return np.full(k, 1.0 / k)
    w = float_array(weights, "participant weights")
    if w.shape != (k,):
        raise ANPError(f"{w.size} participant weights given for {k} participants")
    if not np.isfinite(w).all() or (w < 0).any() or not w.sum() > 0:
        raise InvalidEntryError(f"participant weights must be finite, >= 0, not all 0; got {w}")
    return w / w.sum()


def _stack(stack: np.ndarray | Sequence, ndim: int) -> np.ndarray:
    a = float_array(stack, "participants' stack")
    if a.ndim != ndim or a.shape[0] == 0:
        raise ANPError(f"expected a stack of {ndim - 1}-D arrays (participants first), "
                       f"got shape {a.shape}")
    return a


def aggregate_judgments(stack: np.ndarray | Sequence,
                        weights: Sequence[float] | np.ndarray | None = None) -> np.ndarray:
    """Weighted geometric mean (k, n, n) -> (n, n) of k participants' pairwise matrices.

    A missing (NaN) judgment is skipped for that cell, the weights being renormalised over the
    participants who answered; a cell nobody answered stays NaN. The result is reciprocal.
    """
    a = validate_pairwise(_stack(stack, 3))
    w = _weights(weights, a.shape[0])[:, None, None]
    known = ~np.isnan(a)
    logs = np.where(known, np.log(np.where(known, a, 1.0)), 0.0)
    wsum = (w * known).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.exp((w * logs).sum(axis=0) / np.where(wsum > 0, wsum, np.nan))


def aggregate_priorities(stack: np.ndarray | Sequence,
                         weights: Sequence[float] | np.ndarray | None = None) -> np.ndarray:
    """Weighted geometric mean (k, n) -> (n,) of k participants' priority vectors, sum 1."""
    p = _stack(stack, 2)
    if not np.isfinite(p).all() or (p < 0).any():
        raise InvalidEntryError("priority vectors must be finite and non-negative")
    w = _weights(weights, p.shape[0])
    p, w = p[w > 0], w[w > 0]
    with np.errstate(divide="ignore"):
        g = np.exp(w @ np.log(p))
    if not g.sum() > 0:
        raise ANPError("aggregated priorities are all zero: every item has a zero priority "
                       "for some participant")
    return g / g.sum()


def _entropy(p: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.where(p > 0, p * np.log(p), 0.0).sum(axis=-1)


def _homogeneity(priorities_stack: np.ndarray | Sequence,
                 weights: Sequence[float] | np.ndarray | None,
                 floor: Callable[[int], float]) -> float:
    """``(M_beta - c) / (1 - c)`` clipped to [0, 1], with ``M_beta = exp(-H_beta)`` of the
    priorities (k, n) and ``c = floor(n)`` the value of the most divided group."""
    p = _stack(priorities_stack, 2)
    if not np.isfinite(p).all() or (p < 0).any() or not (p.sum(axis=1) > 0).all():
        raise InvalidEntryError("priority vectors must be finite, non-negative, not all zero")
    p = p / p.sum(axis=1, keepdims=True)
    n = p.shape[1]
    if n < 2:
        return 1.0
    w = _weights(weights, p.shape[0])
    h_alpha = float(w @ _entropy(p))
    h_gamma = float(_entropy(w @ p))
    m = float(np.exp(-(h_gamma - h_alpha)))
    c = floor(n)
    return float(np.clip((m - c) / (1.0 - c), 0.0, 1.0))


def consensus_index(priorities_stack: np.ndarray | Sequence,
                    weights: Sequence[float] | np.ndarray | None = None) -> float:
    """Goepel's relative homogeneity S* in [0, 1] of k participants' priorities (k, n): the
    uncorrected form, ``c = 1/n`` (the workshop reports :func:`ahp_consensus`)."""
    return _homogeneity(priorities_stack, weights, lambda n: 1.0 / n)


def judgment_dispersion(stack: np.ndarray | Sequence) -> np.ndarray:
    """Standard deviation (k, n, n) -> (n, n) of the log judgments across participants.

    Missing judgments are skipped; a cell nobody answered is NaN. Large values mark the
    comparisons participants disagree on most.
    """
    a = validate_pairwise(_stack(stack, 3))
    logs = np.log(a)
    known = ~np.isnan(logs)
    count = known.sum(axis=0)
    mean = np.where(known, logs, 0.0).sum(axis=0) / np.maximum(count, 1)
    var = np.where(known, (logs - mean) ** 2, 0.0).sum(axis=0) / np.maximum(count, 1)
    return np.where(count > 0, np.sqrt(var), np.nan)


# (lower bound, word) of Goepel's AHP consensus word scale, highest first
CONSENSUS_BANDS: tuple[tuple[float, str], ...] = (
    (0.875, "very high"), (0.75, "high"), (0.625, "moderate"), (0.5, "low"), (0.0, "very low"),
)


def consensus_band(value: float) -> str:
    """The word of Goepel's scale for an AHP consensus indicator value in [0, 1]."""
    if not 0.0 <= value <= 1.0:
        raise ANPError(f"a consensus indicator lies in [0, 1], got {value}")
    return next(word for bound, word in CONSENSUS_BANDS if value >= bound)


def _alpha_min_correction(n: int, scale_max: float) -> float:
    """``exp(H_alpha,min) / n``: the indicator's value for the most divided group."""
    big = scale_max / (n + scale_max - 1.0)
    small = 1.0 / (n + scale_max - 1.0)
    h_alpha_min = -big * math.log(big) - (n - 1) * small * math.log(small)
    return math.exp(h_alpha_min) / n


def ahp_consensus(priorities_stack: np.ndarray | Sequence,
                  weights: Sequence[float] | np.ndarray | None = None,
                  scale_max: float = 9.0) -> float:
    """Goepel's AHP consensus indicator S* in [0, 1] of k participants' priorities (k, n).

    Corrected for the largest judgment ``scale_max`` (9 on Saaty's scale); clipped at 0 for
    groups more divided than the scale allows consistent judges to be.
    """
    value = as_float(scale_max, "the largest scale value")
    if not 1 < value < math.inf:  # inf: 0 * log 0 in the correction, a math domain error
        raise ANPError(f"the largest scale value must exceed 1, got {scale_max}")
    scale_max = value
    return _homogeneity(priorities_stack, weights,
                        lambda n: _alpha_min_correction(n, scale_max))


def geometric_dispersion(stack: np.ndarray | Sequence) -> np.ndarray:
    """Geometric standard deviation (k, n, n) -> (n, n) of the judgments across participants,
    ``exp(sd(ln a_ij))``: 1 for agreement, 9 for 9 against 1/9; NaN where nobody answered."""
    return np.exp(judgment_dispersion(stack))
