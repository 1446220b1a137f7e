"""Many pairwise matrices at once: validated one by one, solved together by size.

:func:`solve_pairwise` is what a model evaluation wants: each matrix is checked once (with its
own labels, so an error names its items), the valid ones of the same order are stacked and
solved in one batch, and one eigen-solve per matrix gives both its priorities and its
consistency. The numbers are those of :func:`anp.priority` and :func:`anp.consistency` called
per matrix (tested on random matrices, complete and incomplete).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from anp.consistency import cr_threshold, random_index, solve_stack
from anp.errors import ANPError
from anp.pairwise import Method, _prepare


@dataclass(frozen=True, eq=False)
class PairwiseSolution:
    """Priorities and consistency figures of one pairwise matrix."""

    weights: np.ndarray
    n: int
    lambda_max: float
    ci: float
    cr: float
    random_index: float
    threshold: float
    passes: bool


def solve_pairwise(matrices: Sequence[np.ndarray | Sequence], method: Method = "eigen",
                   labels: Sequence[Sequence[str] | None] | None = None
                   ) -> list[PairwiseSolution | ANPError]:
    """For each n x n matrix (NaN = missing), its :class:`PairwiseSolution`, or the
    :class:`~anp.errors.ANPError` that :func:`anp.priority` would raise for it (invalid entry,
    not reciprocal, judgments that leave items unlinked); ``labels[k]`` names the items of
    matrix k in those errors."""
    if method not in ("eigen", "geometric"):
        raise ANPError(f"unknown method {method!r}; use 'eigen' or 'geometric'")
    if labels is not None and len(labels) != len(matrices):
        raise ANPError(f"{len(labels)} label lists given for {len(matrices)} matrices")
    out: list[PairwiseSolution | ANPError | None] = [None] * len(matrices)
    valid: dict[int, list[tuple[int, np.ndarray]]] = {}
    for k, matrix in enumerate(matrices):
        try:
            flat = _prepare(matrix, None if labels is None else labels[k])
            if flat.shape[0] != 1:
                raise ANPError(f"matrix {k} must be n x n; got shape {np.shape(matrix)}")
        except ANPError as exc:
            out[k] = exc
            continue
        valid.setdefault(flat.shape[-1], []).append((k, flat[0]))
    for n, chosen in valid.items():
        w, lam, ci, cr = solve_stack(np.stack([m for _, m in chosen]), method)
        ri, threshold = random_index(n), cr_threshold(n)
        for row, (k, _) in enumerate(chosen):
            out[k] = PairwiseSolution(
                weights=w[row], n=n, lambda_max=float(lam[row]), ci=float(ci[row]),
                cr=float(cr[row]), random_index=ri, threshold=threshold,
                passes=bool(cr[row] <= threshold))
    return out  # type: ignore[return-value]
