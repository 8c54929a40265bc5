"""Data sets from the shared manifests, preloaded as letterboxed uint8 tensors (images) and label maps.

Splits: Kermany ``official_split`` (train + the 16 val images for training, test held out; a hashed
``patient_hint`` 10 % of train is the validation set); covid-notes ``split`` (patient-level). Test splits are
only ever read by evaluation.
"""
from __future__ import annotations

import csv
import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Sequence

import numpy as np
from PIL import Image

from . import preprocess, texts

IGNORE = 255
# anatomy label map values
OUTSIDE, RIGHT_LUNG, LEFT_LUNG, LUNG_SIDE_UNKNOWN = 0, 1, 2, 3


@dataclass
class Item:
    """One image with what is known about it."""
    id: str
    path: Path
    domain: str                 # source: "kermany" | "covid" | "nih" | "tb" (Montgomery/Shenzhen) | "rsna"
    label: Optional[str]        # normal / bacterial / viral / pneumonia / tuberculosis / abnormal / None
    note: str = ""
    finding: str = ""
    view: str = ""
    mask: Optional[Path] = None
    boxes: Dict[str, List[float]] = field(default_factory=dict)  # right_lung/left_lung → x, y, w, h (source px)
    findings: FrozenSet[str] = frozenset()   # finding set ("normal" alone for normals); empty when unknown
    group: str = ""                          # hospital (Montgomery/Shenzhen), for per-hospital metrics


def read_csv(path: Path) -> List[Dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _hash_frac(key: str) -> float:
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 2 ** 32


KERMANY_FINDINGS = {"normal": frozenset({"normal"}), "bacterial": frozenset({"pneumonia", "bacterial"}),
                    "viral": frozenset({"pneumonia", "viral"})}


def kermany(root: Path, split: str) -> List[Item]:
    """split: train (official train+val minus hashed val), val (hashed 10 % of train hints), test (official)."""
    out = []
    for r in read_csv(root / "cxr/kermany/manifest.csv"):
        off = r["official_split"]
        if split == "test":
            keep = off == "test"
        else:
            is_val = off == "train" and _hash_frac(r["patient_hint"]) < 0.10
            keep = off != "test" and (is_val if split == "val" else not is_val)
        if keep:
            out.append(Item(r["id"], root / r["image"], "kermany", r["subtype"], view="PA",
                            findings=KERMANY_FINDINGS[r["subtype"]]))
    return out


def covid(root: Path, splits: Sequence[str]) -> List[Item]:
    base = root / "cxr/covid-notes"
    masks = {r["id"]: root / r["mask"] for r in read_csv(base / "lung-masks/lung_masks.csv")} \
        if (base / "lung-masks/lung_masks.csv").exists() else {}
    boxes: Dict[str, Dict[str, List[float]]] = {}
    if (base / "lung_boxes.csv").exists():
        for r in read_csv(base / "lung_boxes.csv"):
            boxes.setdefault(r["id"], {})[r["label"]] = [float(r[c]) for c in ("x", "y", "w", "h")]
    out = []
    for r in read_csv(base / "manifest.csv"):
        if r["split"] in splits:
            note = " ".join(t for t in (r["clinical_notes"], r["other_notes"]) if t.strip())
            label = texts.covid_class(r["finding"])
            out.append(Item(r["id"], root / r["image"], "covid", label, note, r["finding"],
                            r["view"], masks.get(r["id"]), boxes.get(r["id"], {}), covid_findings(label, r["finding"])))
    return out


def covid_findings(label: Optional[str], finding: str) -> FrozenSet[str]:
    if label is None:
        return frozenset()
    if label == "normal":
        return frozenset({"normal"})
    extra = {"covid-19"} if "covid" in finding.lower() else set()
    return frozenset({"pneumonia"} | ({label} if label != "pneumonia" else set()) | extra)


def load_gray(path: Path) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray(im.convert("L"), dtype=np.float32)


def _components_lr(mask: np.ndarray) -> np.ndarray:
    """Splits a binary lung mask into patient right (image left) and left lungs: the side of each pixel is
    decided by the mask's column centre of mass (frontal views)."""
    cols = np.nonzero(mask)[1]
    out = np.zeros(mask.shape, np.uint8)
    if cols.size == 0:
        return out
    mid = cols.mean()
    xs = np.arange(mask.shape[1])[None, :]
    out[(mask > 0) & (xs < mid)] = RIGHT_LUNG
    out[(mask > 0) & (xs >= mid)] = LEFT_LUNG
    return out


def anatomy_map(item: Item, shape) -> Optional[np.ndarray]:
    """Source-grid anatomy labels (OUTSIDE / RIGHT_LUNG / LEFT_LUNG / LUNG_SIDE_UNKNOWN / IGNORE) or None."""
    h, w = shape
    frontal = item.view.strip().upper() not in ("L", "?", "")
    if item.mask is not None:
        m = np.asarray(Image.open(item.mask)) > 0
        if m.shape != (h, w):
            m = np.asarray(Image.fromarray(m.astype(np.uint8) * 255).resize((w, h), Image.NEAREST)) > 0
        return _components_lr(m) if frontal else m.astype(np.uint8) * LUNG_SIDE_UNKNOWN
    if item.boxes:
        out = np.zeros((h, w), np.uint8)
        seen = np.zeros((h, w), np.uint8)
        for name, value in (("right_lung", RIGHT_LUNG), ("left_lung", LEFT_LUNG)):
            if name in item.boxes:
                x, y, bw, bh = item.boxes[name]
                sl = (slice(int(max(y, 0)), int(min(y + bh, h))), slice(int(max(x, 0)), int(min(x + bw, w))))
                out[sl] = value
                seen[sl] += 1
        out[seen > 1] = IGNORE
        return out
    return None


@dataclass
class Tensors:
    """Preloaded arrays: images uint8 [N,S,S] (percentile-windowed, letterboxed, ×255), anatomy uint8 [N,S,S],
    lung mask uint8 [N,S,S] (1 lung, 0 background, IGNORE unknown)."""
    images: np.ndarray
    anatomy: np.ndarray
    lung: np.ndarray
    items: List[Item]


def preload(items: List[Item], size: int) -> Tensors:
    n = len(items)
    imgs = np.zeros((n, size, size), np.uint8)
    anat = np.full((n, size, size), IGNORE, np.uint8)
    lung = np.full((n, size, size), IGNORE, np.uint8)
    for i, it in enumerate(items):
        g = load_gray(it.path)
        unit, _ = preprocess.letterbox(preprocess.percentile_window(g), size)
        imgs[i] = np.clip(np.rint(unit * 255), 0, 255).astype(np.uint8)
        a = anatomy_map(it, g.shape)
        if a is not None:
            anat[i] = _warp_labels(a, size)
            if it.mask is not None:
                lung[i] = (anat[i] != OUTSIDE).astype(np.uint8)
    return Tensors(imgs, anat, lung, items)


def _warp_labels(labels: np.ndarray, size: int) -> np.ndarray:
    """Letterboxes a label map with nearest-neighbour sampling; padding is OUTSIDE."""
    h, w = labels.shape
    k = size / max(w, h)
    nw, nh = min(size, preprocess.round_half_up(w * k)), min(size, preprocess.round_half_up(h * k))
    ox, oy = (size - nw) // 2, (size - nh) // 2
    xs = np.clip(np.floor((np.arange(nw) + 0.5) / k).astype(int), 0, w - 1)
    ys = np.clip(np.floor((np.arange(nh) + 0.5) / k).astype(int), 0, h - 1)
    out = np.full((size, size), OUTSIDE, np.uint8)
    out[oy:oy + nh, ox:ox + nw] = labels[np.ix_(ys, xs)]
    return out


def text_set(item: Item, text_is_note: bool) -> FrozenSet[str]:
    """The finding set a text stands for: the item's findings when the text was generated from its labels, a set
    of its own (``id:…``) when it is the item's real note or nothing is known. The contrastive targets are the
    label overlap of these sets, so two films with the same findings are not negatives of each other."""
    if text_is_note or not item.findings:
        return frozenset({"id:" + item.id})
    return item.findings


def subsample(items: List[Item], n: Optional[int], seed: int) -> List[Item]:
    if n is None or n >= len(items):
        return items
    rng = random.Random(seed)
    return rng.sample(items, n)
