"""AUC (vectorised Mann–Whitney with average ranks for ties) and percentile-bootstrap confidence intervals."""
from __future__ import annotations

from typing import Callable, Dict, Sequence, Tuple

import numpy as np


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    s, y = np.asarray(scores, float), np.asarray(labels, int)
    npos, nneg = int(y.sum()), int((1 - y).sum())
    if npos == 0 or nneg == 0:
        raise ValueError("AUC needs both classes")
    _, inv, counts = np.unique(s, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    ranks = (ends - (counts - 1) / 2.0)[inv]
    return float((ranks[y == 1].sum() - npos * (npos + 1) / 2) / (npos * nneg))


def bootstrap_ci(stat: Callable[[np.ndarray], float], n: int, boots: int = 1000, seed: int = 0,
                 strata: np.ndarray = None) -> Tuple[float, float]:
    """95 % percentile interval of ``stat(indices)`` over resamples of ``n`` items (stratified when given)."""
    rng = np.random.RandomState(seed)
    vals = []
    groups = [np.arange(n)] if strata is None else [np.flatnonzero(strata == v) for v in np.unique(strata)]
    for _ in range(boots):
        idx = np.concatenate([g[rng.randint(len(g), size=len(g))] for g in groups])
        try:
            vals.append(stat(idx))
        except ValueError:
            continue
    if not vals:
        return float("nan"), float("nan")
    lo, hi = np.percentile(vals, [2.5, 97.5])
    return float(lo), float(hi)


def auc_with_ci(scores: np.ndarray, labels: np.ndarray, boots: int = 1000) -> Dict:
    s, y = np.asarray(scores, float), np.asarray(labels, int)
    lo, hi = bootstrap_ci(lambda i: auc(s[i], y[i]), len(s), boots, strata=y)
    return {"auc": auc(s, y), "ci95": [lo, hi], "n_pos": int(y.sum()), "n_neg": int((1 - y).sum())}


def mean_with_ci(values: Sequence[float], boots: int = 1000) -> Dict:
    v = np.asarray(values, float)
    if v.size == 0:
        return {"mean": None, "ci95": [None, None], "n": 0}
    lo, hi = bootstrap_ci(lambda i: float(v[i].mean()), len(v), boots)
    return {"mean": float(v.mean()), "ci95": [lo, hi], "n": int(v.size)}
