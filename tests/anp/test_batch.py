"""The batched solve of many pairwise matrices (anp.solve_pairwise, the power methods) against
per-matrix references computed by numpy.linalg.eig."""

from __future__ import annotations

import numpy as np
import pytest
from anp_testdata import eig_priority, random_reciprocal

import anp
import anp.pairwise as pw


def _with_gaps(rng: np.random.Generator, a: np.ndarray, gaps: int) -> np.ndarray:
    """A copy of ``a`` with ``gaps`` judgments off the first row and column made missing (the
    first row keeps every item linked)."""
    n = a.shape[0]
    a = a.copy()
    iu, ju = np.triu_indices(n, 1)
    inner = np.flatnonzero(iu > 0)
    for k in rng.choice(inner, min(gaps, inner.size), replace=False):
        a[iu[k], ju[k]] = a[ju[k], iu[k]] = np.nan
    return a


def _reference(a: np.ndarray) -> tuple[np.ndarray, float]:
    """Eigen priorities and lambda_max per matrix: Harker's matrix for the priorities, the
    matrix completed with w_i / w_j for lambda_max (the definition in anp.consistency)."""
    if not np.isnan(a).any():
        return eig_priority(a)
    w, _ = eig_priority(pw._harker(a[None])[0])
    full = np.where(np.isnan(a), w[:, None] / w[None, :], a)
    return w, eig_priority(full)[1]


def _random_matrices(seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    out = []
    for n in rng.integers(2, 41, 40):
        a = random_reciprocal(rng, 1, int(n))[0]
        out.append(_with_gaps(rng, a, int(rng.integers(0, n))) if rng.random() < 0.3 else a)
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_batched_solve_matches_per_matrix_reference(seed: int) -> None:
    matrices = _random_matrices(seed)
    solved = anp.solve_pairwise(matrices)
    for a, s in zip(matrices, solved, strict=True):
        w, lam = _reference(a)
        n = a.shape[0]
        assert s.n == n
        np.testing.assert_allclose(s.weights, w, rtol=1e-10, atol=1e-13)
        if n > 2:
            assert s.lambda_max == pytest.approx(lam, rel=1e-12)
            ci = max((lam - n) / (n - 1), 0.0)
            assert s.cr == pytest.approx(ci / anp.random_index(n), rel=1e-9, abs=1e-12)
        else:
            assert (s.lambda_max, s.cr) == (n, 0.0)
        assert s.passes == (s.cr <= anp.cr_threshold(n))
        # and the single-matrix front ends agree with the batch
        single = anp.consistency(a)
        assert single.cr == pytest.approx(s.cr, rel=1e-12, abs=1e-15)
        np.testing.assert_allclose(anp.priority(a), s.weights, rtol=1e-12, atol=1e-15)


def test_geometric_method_and_errors_per_matrix() -> None:
    rng = np.random.default_rng(4)
    good = random_reciprocal(rng, 1, 5)[0]
    bad = good.copy()
    bad[0, 1] = 3.0  # no longer reciprocal
    cut = np.full((3, 3), np.nan)
    np.fill_diagonal(cut, 1.0)
    solved = anp.solve_pairwise([good, bad, cut], "geometric",
                                labels=[None, list("abcde"), list("xyz")])
    np.testing.assert_allclose(solved[0].weights, anp.priority(good, "geometric"), rtol=1e-12)
    assert solved[0].cr == pytest.approx(anp.consistency_ratio(good), rel=1e-12)
    assert isinstance(solved[1], anp.NotReciprocalError)
    assert "(a vs b)" in str(solved[1])
    assert isinstance(solved[2], anp.DisconnectedComparisonsError)
    with pytest.raises(anp.ANPError, match="unknown method"):
        anp.solve_pairwise([good], "mean")  # type: ignore[arg-type]


@pytest.mark.parametrize("n", [5, 12, 13, 30, 100])
def test_squaring_and_matrix_vector_power_methods_agree(n: int, monkeypatch) -> None:
    rng = np.random.default_rng(n)
    a = random_reciprocal(rng, 20, n)
    x0 = pw._normalised_exp(pw._log_priorities(a))
    results = []
    for limit in (0, 10**6):  # every order by matrix-vector products, then by squaring
        monkeypatch.setattr(pw, "SQUARING_MAX_N", limit)
        results.append(pw._principal(a, x0))
    np.testing.assert_allclose(results[0][0], results[1][0], rtol=1e-11, atol=1e-15)
    np.testing.assert_allclose(results[0][1], results[1][1], rtol=1e-13)
    for k in range(3):
        np.testing.assert_allclose(results[0][0][k], eig_priority(a[k])[0], rtol=1e-10)


def test_power_method_gives_up_after_max_iter_and_falls_back_to_eig(monkeypatch) -> None:
    a = random_reciprocal(np.random.default_rng(5), 3, 20)
    x0 = np.full((3, 20), 1 / 20)
    calls = []
    eig = np.linalg.eig
    monkeypatch.setattr(pw.np.linalg, "eig", lambda m: calls.append(len(m)) or eig(m))
    w, lam = pw._principal(a, x0, max_iter=1)  # one product cannot reach 1e-12
    assert calls == [3]
    for k in range(3):
        ref_w, ref_lam = eig_priority(a[k])
        np.testing.assert_allclose(w[k], ref_w, rtol=1e-10)
        assert lam[k] == pytest.approx(ref_lam, rel=1e-12)


def test_every_public_name_resolves_including_the_lazy_ones() -> None:
    # anp.__init__ lists the SciPy-backed names twice (TYPE_CHECKING imports and _LAZY); a
    # name missing from _LAZY or misspelt there would only fail when first used
    import importlib

    for name in anp.__all__:
        assert getattr(anp, name) is not None, name
    for name, module in anp._LAZY.items():
        assert getattr(anp, name) is getattr(importlib.import_module(module), name)
        assert name in anp.__all__
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        anp.nope  # noqa: B018
