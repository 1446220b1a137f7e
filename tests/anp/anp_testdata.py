"""Shared helpers for the anp tests (not a conftest.py: test folders share the module name
``conftest``, so ``from conftest import`` picked up whichever folder was collected last)."""

from __future__ import annotations

import numpy as np

SAATY = np.array([1 / k for k in range(9, 1, -1)] + list(range(1, 10)), dtype=float)


def random_reciprocal(rng: np.random.Generator, k: int, n: int) -> np.ndarray:
    """k random reciprocal n x n matrices with upper entries uniform on the Saaty scale."""
    a = np.ones((k, n, n))
    iu = np.triu_indices(n, 1)
    v = SAATY[rng.integers(0, len(SAATY), (k, len(iu[0])))]
    a[:, iu[0], iu[1]] = v
    a[:, iu[1], iu[0]] = 1 / v
    return a


def consistent_from(w: np.ndarray) -> np.ndarray:
    """The consistent matrix A[i, j] = w_i / w_j."""
    return w[:, None] / w[None, :]


def eig_priority(a: np.ndarray) -> tuple[np.ndarray, float]:
    """Reference principal eigenpair of one matrix by numpy.linalg.eig."""
    vals, vecs = np.linalg.eig(a)
    k = int(np.argmax(vals.real))
    v = np.abs(vecs[:, k].real)
    return v / v.sum(), float(vals[k].real)
