"""The input gate written into the package (``input-gate.json``, manifest key ``input_gate``): does an image look
like a frontal chest radiograph? Prototype-cosine method: k-means prototypes of L2-normalised image embeddings
(the package's ``image_embeds``) of training frontal films; an image is flagged when its best cosine to a prototype
is below ``min_cosine``, chosen on validation in-scope films so that at most ``max_flag_rate`` (2 %) are flagged.
The out-of-scope flag rate is measured on CT/MR/NM/US slices, NIfTI slices (outofscope.py) and lateral films.

    {"schema": "radlens-input-gate/1", "method": "prototype-cosine", "embedding_dim": D,
     "prototypes": [[D unit-norm floats], ... 1..64], "min_cosine": t,
     "calibration": {"in_scope_images": n, "in_scope_flag_rate": r, "out_of_scope_images": m,
                     "out_of_scope_flag_rate": s, "sources": [...]}}
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from . import data, outofscope, sources
from .infer import Inference

SCHEMA = "radlens-input-gate/1"
FRONTAL_VIEWS = ("PA", "AP", "AP SUPINE")


def kmeans(x: np.ndarray, k: int, seed: int = 0, iters: int = 50) -> np.ndarray:
    """Spherical k-means (k-means++ start) on unit rows; returns k unit-norm centres."""
    if len(x) == 0:
        raise ValueError("k-means needs at least one embedding")
    k = max(1, min(k, 64, len(x)))
    rng = np.random.RandomState(seed)
    centres = [x[rng.randint(len(x))]]
    for _ in range(1, k):
        d = np.clip(1 - np.max(x @ np.stack(centres).T, axis=1), 0, None)
        p = d / d.sum() if d.sum() > 0 else np.full(len(x), 1 / len(x))
        centres.append(x[rng.choice(len(x), p=p)])
    c = np.stack(centres)
    for _ in range(iters):
        assign = np.argmax(x @ c.T, axis=1)
        new = np.stack([x[assign == j].sum(0) if (assign == j).any() else c[j] for j in range(k)])
        new /= np.maximum(np.linalg.norm(new, axis=1, keepdims=True), 1e-12)
        if np.allclose(new, c):
            break
        c = new
    return c


def best_cosine(emb: np.ndarray, prototypes: np.ndarray) -> np.ndarray:
    return np.max(emb @ prototypes.T, axis=1)


def threshold(scores: np.ndarray, max_flag_rate: float) -> float:
    """The largest t with fraction(scores < t) ≤ max_flag_rate."""
    s = np.sort(scores)
    return float(s[int(math.floor(max_flag_rate * len(s)))])


def is_frontal(it: data.Item) -> bool:
    return it.view.strip().upper() in FRONTAL_VIEWS


def frontal(items: Sequence[data.Item]) -> List[data.Item]:
    return [it for it in items if is_frontal(it)]


def _encode(inf: Inference, paths: Sequence[Path]) -> np.ndarray:
    return inf.encode_images([data.load_gray(p) for p in paths]).glob


def calibrate(inf: Inference, root: Path, oos_dir: Optional[Path], k: int = 16, per_source: int = 400,
              max_flag_rate: float = 0.02, seed: int = 0) -> Dict:
    """The gate document: prototypes from train frontal films, threshold from val, rates measured."""
    train, val = sources.load(root, "train"), sources.load(root, "val")
    fit = [p.path for s in sorted(train) for p in data.subsample(frontal(train[s]), per_source, seed)]
    inscope = [p.path for s in sorted(val) for p in data.subsample(frontal(val[s]), per_source, seed)]
    protos = kmeans(_encode(inf, fit), k, seed)
    val_scores = best_cosine(_encode(inf, inscope), protos)
    t = threshold(val_scores, max_flag_rate)
    oos: List[Tuple[str, Path]] = outofscope.load(oos_dir) if oos_dir is not None else []
    oos += [("LATERAL", it.path) for it in outofscope.laterals(root)]
    oos_scores = best_cosine(_encode(inf, [p for _, p in oos]), protos) if oos else np.zeros(0)
    kinds: Dict[str, int] = {}
    for kind, _ in oos:
        kinds[kind] = kinds.get(kind, 0) + 1
    return {"schema": SCHEMA, "method": "prototype-cosine", "embedding_dim": int(protos.shape[1]),
            "prototypes": [[round(float(v), 7) for v in row / np.linalg.norm(row)] for row in protos],
            "min_cosine": round(t, 7),
            "calibration": {"in_scope_images": len(inscope), "in_scope_flag_rate": float((val_scores < t).mean()),
                            "out_of_scope_images": len(oos),
                            "out_of_scope_flag_rate": float((oos_scores < t).mean()) if oos else None,
                            "sources": [f"prototypes: k-means (k={len(protos)}) of {len(fit)} train frontal films "
                                        f"({', '.join(sorted(train))})",
                                        f"threshold: {len(inscope)} val frontal films, at most "
                                        f"{max_flag_rate:.0%} flagged"] +
                                       [f"out of scope: {n} {kind} slices" for kind, n in sorted(kinds.items())]}}


def flag(emb: np.ndarray, doc: Dict) -> np.ndarray:
    """True where the gate flags an image (embeddings [B,D], L2-normalised)."""
    return best_cosine(emb, np.asarray(doc["prototypes"], np.float32)) < doc["min_cosine"]


def validate(doc: Dict) -> None:
    """Raises ValueError naming what is wrong with a gate document."""
    p = np.asarray(doc.get("prototypes", []), np.float64)
    problems = []
    if doc.get("schema") != SCHEMA or doc.get("method") != "prototype-cosine":
        problems.append(f"schema/method {doc.get('schema')!r}/{doc.get('method')!r}")
    if p.ndim != 2 or not 1 <= len(p) <= 64 or p.shape[1] != doc.get("embedding_dim"):
        problems.append(f"prototypes shape {p.shape} vs embedding_dim {doc.get('embedding_dim')}")
    elif not np.allclose(np.linalg.norm(p, axis=1), 1, atol=1e-5):
        problems.append("prototypes are not unit-norm")
    if not isinstance(doc.get("min_cosine"), float) or not -1 <= doc["min_cosine"] <= 1:
        problems.append(f"min_cosine {doc.get('min_cosine')!r}")
    cal = doc.get("calibration", {})
    for key in ("in_scope_images", "in_scope_flag_rate", "out_of_scope_images", "out_of_scope_flag_rate", "sources"):
        if key not in cal:
            problems.append(f"calibration.{key} missing")
    if problems:
        raise ValueError("input gate: " + "; ".join(problems))
