"""Peer timings for `radlens bench metrics`: the same workloads with scikit-learn / scipy.

Usage: python3 peer_metrics.py WARMUP REPETITIONS N_SCORES MASK_SIZE
Prints one JSON object: {"runner": ..., "timings": {workload: [ms, ...]}}.
"""
import json
import sys
import time

import numpy as np
import scipy
import sklearn
from scipy import ndimage
from sklearn.metrics import average_precision_score, roc_auc_score


def timed(fn, warmup: int, reps: int):
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000.0)
    return out


def hd95(a: np.ndarray, b: np.ndarray) -> float:
    fp = ndimage.generate_binary_structure(2, 1)
    sa = a ^ ndimage.binary_erosion(a, structure=fp, border_value=0)
    sb = b ^ ndimage.binary_erosion(b, structure=fp, border_value=0)
    d1 = ndimage.distance_transform_edt(~sb)[sa]
    d2 = ndimage.distance_transform_edt(~sa)[sb]
    return float(np.percentile(np.hstack([d1, d2]), 95))


def main() -> None:
    warmup, reps, n, size = (int(v) for v in sys.argv[1:5])
    rng = np.random.default_rng(0)
    y = rng.random(n) < 0.3
    s = rng.normal(size=n) + y
    yy, xx = np.mgrid[0:size, 0:size]
    a = (xx - size / 2) ** 2 + (yy - size / 2) ** 2 < (size / 3) ** 2
    b = (xx - size / 2 - 3) ** 2 + (yy - size / 2) ** 2 < (size / 3.2) ** 2
    timings = {
        f"roc_auc n={n}": timed(lambda: roc_auc_score(y, s), warmup, reps),
        f"average_precision n={n}": timed(lambda: average_precision_score(y, s), warmup, reps),
        f"hd95 {size}x{size}": timed(lambda: hd95(a, b), warmup, reps),
    }
    print(json.dumps({"runner": f"python3 sklearn {sklearn.__version__} scipy {scipy.__version__}",
                      "timings": timings}))


if __name__ == "__main__":
    main()
