"""Synthesis of the alternatives' priorities from a limit supermatrix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np

from anp.errors import ANPError, as_int, float_array

MODES = ("normal", "ideal", "raw")


def synthesize(limit: np.ndarray | Sequence, rows: Sequence[int], column: int = 0,
               mode: Literal["normal", "ideal", "raw"] = "normal") -> np.ndarray:
    """Values of the given rows (the alternatives) in one column of the limit matrix.

    ``"raw"``: as they are; ``"normal"``: divided by their sum; ``"ideal"``: divided by their
    maximum, so the best alternative gets 1 (Saaty's ideal mode).
    """
    if mode not in MODES:
        raise ANPError(f"unknown mode {mode!r}; use 'normal', 'ideal' or 'raw'")
    m = float_array(limit, "limit matrix")
    if m.ndim != 2:
        raise ANPError(f"limit must be a 2-D matrix, got shape {m.shape}")
    if not -m.shape[1] <= as_int(column, "column") < m.shape[1]:
        raise ANPError(f"column {column} out of range for a matrix with {m.shape[1]} columns")
    idx = float_array(rows, "rows")
    if not (np.isfinite(idx) & (idx == np.trunc(idx))).all():
        raise ANPError(f"rows must be integer indices; got {idx.tolist()}")
    idx = idx.astype(int)
    if idx.size == 0 or idx.min() < -m.shape[0] or idx.max() >= m.shape[0]:
        raise ANPError(f"rows {idx.tolist()} out of range for a matrix with {m.shape[0]} rows")
    values = m[idx, column]
    if mode == "raw":
        return values
    scale = values.sum() if mode == "normal" else values.max()
    if not scale > 0:
        raise ANPError(f"the alternatives' values in column {column} are all zero: nothing "
                       "reaches them from that node")
    return values / scale
