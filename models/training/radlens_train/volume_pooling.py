"""Trains the optional attention pooling of slice embeddings into a volume embedding (MODEL-PACKAGE.md,
"Volumes"): ``a_s = softmax_s(w · ê_s + b)``, volume embedding ``Σ a_s ê_s``, and writes it into a package's
``volume_pooling`` section.

Data: a CSV manifest with columns ``volume`` (NIfTI path, relative to the manifest's folder) and ``text`` (the
volume's report, or a sentence for its label). Slices along the volume's third voxel axis (the runtime's AXIAL for
NIfTI) go through the image encoder exactly as the Java runtime does (per-slice percentile window, letterbox); the
pooled embedding is trained contrastively against the texts (InfoNCE over the manifest's volumes), only ``w`` and
``b`` are learned. Use the checkpoint the package was exported from.

``python -m radlens_train.volume_pooling --checkpoint run/checkpoint.pt --manifest volumes.csv --package PKG``
"""
from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import numpy as np
import torch
import torch.nn.functional as F

from .infer import Inference


def slice_embeddings(inf: Inference, volume: np.ndarray, batch: int = 64) -> np.ndarray:
    """[n_slices, D] normalised global embeddings of the slices along the third voxel axis."""
    slices = [np.ascontiguousarray(volume[:, :, k].T) for k in range(volume.shape[2])]  # rows = j, columns = i
    return inf.encode_images(slices, batch).glob


def attention_pool(slices: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """slices [n, D] (normalised) → Σ softmax(w·ê + b) ê."""
    a = torch.softmax(slices @ w + b, dim=0)
    return (a[:, None] * slices).sum(dim=0)


def train_pooling(slice_sets: Sequence[np.ndarray], texts: np.ndarray, scale: float, steps: int = 300,
                  lr: float = 0.05, l2: float = 1e-3, seed: int = 0) -> Tuple[np.ndarray, float, List[float]]:
    """Learns w, b so that each pooled volume embedding matches its own text among all texts (InfoNCE)."""
    if len(slice_sets) < 2:
        raise ValueError(f"need at least 2 volumes to contrast, got {len(slice_sets)}")
    torch.manual_seed(seed)
    sets = [torch.from_numpy(s).float() for s in slice_sets]
    t = F.normalize(torch.from_numpy(texts).float(), dim=-1)
    w = torch.zeros(t.shape[1], requires_grad=True)
    b = torch.zeros((), requires_grad=True)
    opt = torch.optim.Adam([w, b], lr=lr)
    target = torch.arange(len(sets))
    history = []
    for _ in range(steps):
        v = F.normalize(torch.stack([attention_pool(s, w, b) for s in sets]), dim=-1)
        loss = F.cross_entropy(scale * v @ t.t(), target) + l2 * (w * w).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
        history.append(float(loss))
    return w.detach().numpy().astype(np.float64), float(b.detach()), history


def write_section(package: Path, w: np.ndarray, b: float, default: str = "attention") -> Dict:
    """Adds ``volume_pooling`` to ``radlens-model.json`` (the manifest is not in its own sha256 list)."""
    path = package / "radlens-model.json"
    man = json.loads(path.read_text())
    dim = man["outputs"]["embedding_dim"]
    if w.shape != (dim,) or not np.all(np.isfinite(w)) or not np.isfinite(b):
        raise ValueError(f"attention weights must be {dim} finite numbers, got shape {w.shape}")
    man["volume_pooling"] = {"default": default, "attention": {"weights": [float(x) for x in w], "bias": float(b)}}
    path.write_text(json.dumps(man, indent=1, ensure_ascii=False))
    return man["volume_pooling"]


def read_manifest(path: Path) -> List[Tuple[Path, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    missing = [c for c in ("volume", "text") if rows and c not in rows[0]]
    if not rows or missing:
        raise ValueError(f"{path}: needs columns volume,text and at least one row (missing: {missing})")
    return [(path.parent / r["volume"], r["text"]) for r in rows]


def main(argv=None) -> None:
    import nibabel as nib
    from .tokenizer import WordPieceTokenizer
    from .checkpoint import load_model as load_checkpoint
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--checkpoint", type=Path, required=True)
    ap.add_argument("--manifest", type=Path, required=True)
    ap.add_argument("--package", type=Path, required=True)
    ap.add_argument("--steps", type=int, default=300)
    a = ap.parse_args(argv)
    model = load_checkpoint(a.checkpoint)
    inf = Inference(model, WordPieceTokenizer.load(a.checkpoint.parent / "tokenizer.json"))
    pairs = read_manifest(a.manifest)
    sets = [slice_embeddings(inf, np.asarray(nib.load(str(p)).dataobj, dtype=np.float32)) for p, _ in pairs]
    texts = inf.encode_texts([t for _, t in pairs])[0]
    w, b, hist = train_pooling(sets, texts, float(model.scale()), a.steps)
    section = write_section(a.package, w, b)
    print(json.dumps({"volumes": len(sets), "loss_first": hist[0], "loss_last": hist[-1], "bias": section["attention"]["bias"]}))


if __name__ == "__main__":
    main()
