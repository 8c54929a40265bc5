#!/usr/bin/python3
"""Golden expectations for org.radlens.validation.metrics, computed with scikit-learn / scikit-image / scipy.

Usage: /usr/bin/python3 make_golden.py OUT_DIR [--seed N] [--live]
  Writes classification, delong, calibration, retrieval, segmentation and grounding *.expected.json into OUT_DIR.
  The committed files come from `make_golden.py validation/src/test/resources/golden` (seed 20261122);
  `--live` writes a few fresh random cases only (used by GoldenLiveTest with another seed).
Deterministic for a given seed. Reference DeLong: the fast algorithm of Sun & Xu (2014), written here with numpy.
"""
import argparse
import json
import os
from typing import Dict, List

import numpy as np
import scipy
import skimage
import sklearn
from scipy import ndimage
from scipy.stats import norm
from sklearn import metrics as skm
from sklearn.calibration import calibration_curve
from skimage.metrics import hausdorff_distance


def versions() -> Dict[str, str]:
    return {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__,
            "skimage": skimage.__version__}


# ---------------------------------------------------------------- classification

def classification_case(name: str, y: np.ndarray, s: np.ndarray, threshold: float) -> dict:
    case = {"name": name, "labels": [int(v) for v in y], "scores": [float(v) for v in s], "threshold": threshold}
    pred = (s >= threshold).astype(int)
    tn, fp, fn, tp = skm.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    case["confusion"] = {"tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn),
                         "sensitivity": skm.recall_score(y, pred, zero_division=0),
                         "specificity": skm.recall_score(1 - y, 1 - pred, zero_division=0),
                         "ppv": skm.precision_score(y, pred, zero_division=0),
                         "npv": skm.precision_score(1 - y, 1 - pred, zero_division=0),
                         "f1": skm.f1_score(y, pred, zero_division=0),
                         "accuracy": skm.accuracy_score(y, pred)}
    if 0 < y.sum() < len(y):
        fpr, tpr, thr = skm.roc_curve(y, s, drop_intermediate=False)
        case["roc_auc"] = skm.roc_auc_score(y, s)
        case["roc"] = {"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds": thr[1:].tolist()}
        best = int(np.argmax(tpr - fpr))
        case["youden"] = {"threshold": float(thr[best]) if best > 0 else None, "j": float(tpr[best] - fpr[best])}
        if min(y.sum(), len(y) - y.sum()) >= 2:
            auc, var = delong_reference(y, s[None, :])
            case["delong"] = {"auc": float(auc[0]), "variance": float(var[0, 0])}
    else:
        case["roc_auc"] = None  # sklearn raises ValueError: only one class present
    if y.sum() > 0:
        case["average_precision"] = skm.average_precision_score(y, s)
    if np.all((s >= 0) & (s <= 1)):
        case["calibration"] = calibration(y, s, 10)
    return case


def calibration(y: np.ndarray, p: np.ndarray, bins: int) -> dict:
    prob_true, prob_pred = calibration_curve(y, p, n_bins=bins, strategy="uniform")
    edges = np.linspace(0.0, 1.0, bins + 1)
    ids = np.searchsorted(edges[1:-1], p)  # side="left", as calibration_curve
    counts = np.bincount(ids, minlength=bins)
    counts = counts[counts > 0]
    ece = float(np.sum(counts / len(p) * np.abs(prob_true - prob_pred)))
    return {"bins": bins, "fraction_positive": prob_true.tolist(), "mean_predicted": prob_pred.tolist(),
            "counts": counts.tolist(), "ece": ece}


def classification_cases(rng: np.random.Generator, live: bool) -> List[dict]:
    cases = []
    for k in range(3 if live else 4):
        n = int(rng.integers(20, 200))
        y = (rng.random(n) < rng.uniform(0.2, 0.7)).astype(int)
        y[0], y[1] = 0, 1
        s = rng.normal(size=n) + 1.2 * y
        cases.append(classification_case(f"random-{k}", y, s, float(np.median(s))))
        tied = np.round(s * 2) / 2  # heavy ties
        cases.append(classification_case(f"ties-{k}", y, tied, 0.5))
        prob = 1 / (1 + np.exp(-s))
        cases.append(classification_case(f"probabilities-{k}", y, np.round(prob, 3), 0.5))
    if live:
        return cases
    y = np.array([0, 0, 1, 1, 0, 1])
    cases.append(classification_case("all-ties", y, np.full(6, 0.3), 0.3))
    cases.append(classification_case("perfect", y, np.array([0.1, 0.2, 0.8, 0.9, 0.3, 0.7]), 0.5))
    cases.append(classification_case("inverted", y, np.array([0.9, 0.8, 0.2, 0.1, 0.7, 0.3]), 0.5))
    cases.append(classification_case("single-class-negative", np.zeros(5, dtype=int), np.linspace(0, 1, 5), 0.5))
    cases.append(classification_case("single-class-positive", np.ones(5, dtype=int), np.linspace(0, 1, 5), 0.5))
    imb = np.zeros(100, dtype=int)
    imb[[3, 50]] = 1
    cases.append(classification_case("imbalanced", imb, np.round(rng.random(100), 2), 0.9))
    cases.append(classification_case("edges-on-bins", np.array([0, 1, 0, 1, 1]),
                                     np.array([0.0, 0.1, 0.2, 0.3, 1.0]), 0.3))
    return cases


# ---------------------------------------------------------------- DeLong (Sun & Xu 2014), reference

def midrank(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="mergesort")
    z = x[order]
    n = len(x)
    t = np.zeros(n)
    i = 0
    while i < n:
        j = i
        while j < n and z[j] == z[i]:
            j += 1
        t[i:j] = 0.5 * (i + j - 1) + 1
        i = j
    out = np.empty(n)
    out[order] = t
    return out


def delong_reference(y: np.ndarray, scores: np.ndarray):
    """scores: [k, N]; returns (aucs[k], covariance[k, k])."""
    pos = scores[:, y == 1]
    neg = scores[:, y == 0]
    m, n = pos.shape[1], neg.shape[1]
    k = scores.shape[0]
    tx = np.array([midrank(pos[r]) for r in range(k)])
    ty = np.array([midrank(neg[r]) for r in range(k)])
    tz = np.array([midrank(np.concatenate([pos[r], neg[r]])) for r in range(k)])
    aucs = tz[:, :m].sum(axis=1) / m / n - (m + 1.0) / 2.0 / n
    v01 = (tz[:, :m] - tx) / n
    v10 = 1.0 - (tz[:, m:] - ty) / m
    sx = np.atleast_2d(np.cov(v01))
    sy = np.atleast_2d(np.cov(v10))
    return aucs, sx / m + sy / n


def delong_cases(rng: np.random.Generator, live: bool) -> List[dict]:
    cases = []
    for k in range(3 if live else 6):
        n = int(rng.integers(30, 300))
        y = (rng.random(n) < 0.4).astype(int)
        y[:2] = [0, 1]
        y[2:4] = [0, 1]
        a = rng.normal(size=n) + 1.0 * y
        b = a + rng.normal(scale=1.0, size=n) + 0.3 * y
        if k % 2 == 1:
            a, b = np.round(a), np.round(b)  # ties
        aucs, cov = delong_reference(y, np.vstack([a, b]))
        var = cov[0, 0] + cov[1, 1] - 2 * cov[0, 1]
        z = (aucs[0] - aucs[1]) / np.sqrt(var)
        lo, hi = aucs[0] + norm.ppf([0.025, 0.975]) * np.sqrt(cov[0, 0])
        cases.append({"name": f"paired-{k}", "labels": y.tolist(), "a": a.tolist(), "b": b.tolist(),
                      "auc_a": aucs[0], "auc_b": aucs[1], "var_a": cov[0, 0], "var_diff": var, "z": z,
                      "p": float(2 * norm.sf(abs(z))), "ci_a": [max(0.0, lo), min(1.0, hi)],
                      "sklearn_auc_a": skm.roc_auc_score(y, a)})
    return cases


# ---------------------------------------------------------------- retrieval

def retrieval_cases(rng: np.random.Generator, live: bool) -> List[dict]:
    cases = []
    for k in range(2 if live else 4):
        n = int(rng.integers(12, 40))
        sim = rng.normal(size=(n, n)) + np.eye(n) * rng.uniform(0.5, 3)
        labels = np.arange(n)
        case = {"name": f"random-{k}", "sim": sim.tolist(), "i2t": {}, "t2i": {}}
        for kk in (1, 5, 10):
            case["i2t"][str(kk)] = skm.top_k_accuracy_score(labels, sim, k=kk, labels=labels)
            case["t2i"][str(kk)] = skm.top_k_accuracy_score(labels, sim.T, k=kk, labels=labels)
        cases.append(case)
    return cases


# ---------------------------------------------------------------- segmentation

def blob(rng: np.random.Generator, shape, fill: float) -> np.ndarray:
    noise = ndimage.gaussian_filter(rng.random(shape), sigma=2)
    return noise > np.quantile(noise, 1 - fill)


def surface(mask: np.ndarray) -> np.ndarray:
    footprint = ndimage.generate_binary_structure(mask.ndim, 1)
    return mask ^ ndimage.binary_erosion(mask, structure=footprint, iterations=1, border_value=0)


def directed(a_surf: np.ndarray, b_surf: np.ndarray, spacing) -> np.ndarray:
    dt = ndimage.distance_transform_edt(~b_surf, sampling=spacing)
    return dt[a_surf]


def seg_case(name: str, pred: np.ndarray, ref: np.ndarray, spacing_xyz) -> dict:
    # arrays are indexed [z, y, x] (or [y, x]); spacing given as x, y, z
    sampling = list(reversed(spacing_xyz[:pred.ndim])) if pred.ndim == 3 else [spacing_xyz[1], spacing_xyz[0]]
    shape = pred.shape if pred.ndim == 3 else (1,) + pred.shape
    case = {"name": name, "width": shape[2], "height": shape[1], "depth": shape[0], "spacing": list(spacing_xyz),
            "pred": "".join("1" if v else "0" for v in pred.ravel()),
            "ref": "".join("1" if v else "0" for v in ref.ravel()),
            "dice": skm.f1_score(ref.ravel(), pred.ravel(), zero_division=1.0),
            "iou": skm.jaccard_score(ref.ravel(), pred.ravel(), zero_division=1.0)}
    if pred.any() and ref.any():
        sp, sr = surface(pred), surface(ref)
        d1, d2 = directed(sp, sr, sampling), directed(sr, sp, sampling)
        pooled = np.hstack([d1, d2])
        case.update({"hd": float(pooled.max()), "hd95": float(np.percentile(pooled, 95)),
                     "asd": float(pooled.mean()), "mean_pred_to_ref": float(d1.mean()),
                     "mean_ref_to_pred": float(d2.mean())})
        if all(s == 1.0 for s in spacing_xyz):
            case["skimage_hausdorff"] = float(hausdorff_distance(sp, sr))
    return case


def segmentation_cases(rng: np.random.Generator, live: bool) -> List[dict]:
    cases = []
    for k in range(2 if live else 3):
        shape = (int(rng.integers(20, 48)), int(rng.integers(20, 48)))
        ref = blob(rng, shape, 0.3)
        pred = ref ^ (blob(rng, shape, 0.1) & (rng.random(shape) < 0.7))
        cases.append(seg_case(f"2d-iso-{k}", pred, ref, [1.0, 1.0, 1.0]))
        cases.append(seg_case(f"2d-aniso-{k}", pred, ref, [0.7, 1.9, 1.0]))
        shape3 = (int(rng.integers(5, 12)), int(rng.integers(12, 24)), int(rng.integers(12, 24)))
        ref3 = blob(rng, shape3, 0.35)
        pred3 = ref3 ^ blob(rng, shape3, 0.08)
        cases.append(seg_case(f"3d-aniso-{k}", pred3, ref3, [0.8, 0.8, 2.5]))
    if not live:
        empty = np.zeros((10, 12), dtype=bool)
        full = np.ones((10, 12), dtype=bool)
        one = empty.copy()
        one[4, 5] = True
        cases.append(seg_case("both-empty", empty, empty, [1.0, 1.0, 1.0]))
        cases.append(seg_case("pred-empty", empty, one, [1.0, 1.0, 1.0]))
        cases.append(seg_case("full-vs-one", full, one, [0.5, 2.0, 1.0]))
        cases.append(seg_case("identical", one, one, [1.0, 1.0, 1.0]))
    return cases


# ---------------------------------------------------------------- grounding

def grounding_cases(rng: np.random.Generator, live: bool) -> List[dict]:
    cases = []
    for k in range(3 if live else 6):
        h, w = int(rng.integers(16, 40)), int(rng.integers(16, 40))
        heat = np.round(ndimage.gaussian_filter(rng.random((h, w)), sigma=3) * 1024) / 1024  # exact in float32
        bx, by = rng.uniform(0, w / 2), rng.uniform(0, h / 2)
        bw, bh = rng.uniform(3, w / 2), rng.uniform(3, h / 2)
        jj, ii = np.mgrid[0:h, 0:w]
        inside = (ii + 0.5 >= bx) & (ii + 0.5 < bx + bw) & (jj + 0.5 >= by) & (jj + 0.5 < by + bh)
        thr = float(np.quantile(heat, 0.7))
        pred = heat >= thr
        hin, hout = heat[inside], heat[~inside]
        cnr = abs(hin.mean() - hout.mean()) / np.sqrt(hin.var() + hout.var())
        cases.append({"name": f"random-{k}", "width": w, "height": h, "heat": heat.ravel().tolist(),
                      "box": [bx, by, bw, bh], "threshold": thr,
                      "box_mask": "".join("1" if v else "0" for v in inside.ravel()),
                      "hit": bool(inside.ravel()[int(np.argmax(heat))]),
                      "iou": skm.jaccard_score(inside.ravel(), pred.ravel(), zero_division=1.0),
                      "dice": skm.f1_score(inside.ravel(), pred.ravel(), zero_division=1.0), "cnr": float(cnr)})
    return cases


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--live", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    makers = {"classification": classification_cases, "delong": delong_cases, "retrieval": retrieval_cases,
              "segmentation": segmentation_cases, "grounding": grounding_cases}
    for name, make in makers.items():
        doc = {"generator": {"script": "validation/src/test/python/make_golden.py", "seed": args.seed,
                             "live": args.live, **versions()}, "cases": make(rng, args.live)}
        with open(os.path.join(args.out, f"{name}.expected.json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1, default=float)
            f.write("\n")


if __name__ == "__main__":
    main()
