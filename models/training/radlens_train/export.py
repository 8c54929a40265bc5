"""Writes a RadLens model package (MODEL-PACKAGE.md) from a checkpoint: ONNX encoders, tokenizer, manifest with
prompts and sha256s, the input gate (gate.py), model card, and reference cases for the Java parity tests.

The parity gate fails closed: a package is sealed only after ONNX Runtime reproduced PyTorch (≤ 1e-4); without
ONNX Runtime, or when it disagrees, nothing is written to PKG. The one exception is ``--parity java`` for the tiny
CI package (Debian has no onnxruntime): its manifest says "parity checked by Java TinyParityTest", and the CI runs
that test on it. Hugging Face ``tokenizers`` (where installed) must give our ids.

``python -m radlens_train.export --checkpoint DIR/checkpoint.pt --out PKG --gate-data ROOT [--out-of-scope DIR]
[--metrics metrics.json] [--reference IMG...]``
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np
import torch
from PIL import Image

from . import card, gate, onnx_io, reports, texts
from .infer import Inference
from .model import DualStreamCLIP
from .tokenizer import WordPieceTokenizer

PARITY_TOLERANCE = 1e-4
JAVA_PARITY = "parity checked by Java TinyParityTest (onnxruntime not installed here)"


class ExportRefused(RuntimeError):
    """The package was not sealed (parity could not be shown); PKG is left untouched."""


def finding_prompts() -> Dict[str, Dict[str, List[str]]]:
    """The package's zero-shot prompt ensembles: v1's findings plus the NIH findings and tuberculosis."""
    out = dict(texts.FINDING_PROMPTS)
    for f in reports.PHRASES:
        name = "pleural effusion" if f == "effusion" else f
        out.setdefault(name, reports.ensemble(f))
    return out
REFERENCE_TEXTS = ["Findings consistent with pneumonia.", "The lungs are clear.", "left lung",
                   "Bilateral ground-glass opacities, COVID-19 pneumonia!", "Ünusual ñame: 12-bit DICOM, x-ray."]


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def synthetic_reference_image(seed: int = 7) -> np.ndarray:
    """A 16-bit, non-square, 'chest-like' test image (two dark lung fields in a bright body) with noise:
    exercises percentile windowing, box reduction and letterboxing in the Java port."""
    rng = np.random.RandomState(seed)
    h, w = 600, 430
    yy, xx = np.mgrid[0:h, 0:w]
    noise = np.kron(rng.normal(0, 60, (h // 10, w // 10 + 1)), np.ones((10, 10)))[:h, :w]
    img = 3000 + 400 * np.sin(xx / 37.0) + noise
    for cx in (0.3 * w, 0.7 * w):
        img -= 1800 * np.exp(-(((xx - cx) / (0.14 * w)) ** 2 + ((yy - 0.45 * h) / (0.25 * h)) ** 2))
    return np.clip(img, 0, 65535).astype(np.uint16)


def manifest(model: DualStreamCLIP, name: str, version: str, metrics: Optional[dict], kind: str) -> Dict:
    c = model.cfg
    return {
        "format": "radlens-model/1", "name": name, "version": version,
        "license": card.LICENSE, "description": card.description(kind), "card": "MODEL_CARD.md",
        "training_data": card.TRAINING_DATA, "engine": "OnnxRuntime",
        "architecture": {"image_backbone": c.backbone, "image_init": c.init, "widths": list(c.widths),
                         "token_layers": c.token_layers, "text_dim": c.text_dim, "text_layers": c.text_layers},
        "image": {"file": "image_encoder.onnx", "input": "pixel_values", "size": c.size, "channels": 1,
                  "intensity": {"mode": "percentile", "low": 0.5, "high": 99.5}, "resize": "letterbox",
                  "pad_value": 0.0, "mean": [c.mean], "std": [c.std]},
        "text": {"file": "text_encoder.onnx", "tokenizer": "tokenizer.json", "max_length": c.max_length,
                 "input_ids": "input_ids", "attention_mask": "attention_mask"},
        "outputs": {"embedding_dim": c.embed_dim, "patch_grid": [c.grid, c.grid],
                    "image_embedding": "image_embeds", "patch_embeddings": "patch_embeds", "text_embedding": "text_embeds",
                    "streams": {"anatomy": {"patch_embeddings": "anatomy_patch_embeds",
                                            "text_embedding": "anatomy_text_embeds"}},
                    "segmentation": {"file": "image_encoder.onnx", "output": "seg_logits", "classes": ["lungs"],
                                     "activation": "sigmoid", "threshold": 0.5}},
        "logit_scale": round(float(model.scale()), 4),
        "prompts": {"findings": finding_prompts(),
                    "anatomy": {k: v for k, v in texts.ANATOMY_PROMPTS.items() if k != "outside lungs"}},
        "metrics": metrics or {},
    }


def check_parity(pkg: Path, inf: Inference, x: np.ndarray, ids, mask) -> Dict[str, float]:
    """Max |ORT − torch| per output; raises ExportRefused when above PARITY_TOLERANCE or when ONNX Runtime is not
    installed."""
    with torch.no_grad():
        ti = [t.numpy() for t in inf.model.image(torch.from_numpy(x))]
        tt = [t.numpy() for t in inf.model.text(torch.tensor(ids), torch.tensor(mask))]
    oi = onnx_io.ort_outputs(pkg / "image_encoder.onnx", {"pixel_values": x})
    if oi is None:
        raise ExportRefused("ONNX Runtime is not installed: parity with PyTorch cannot be shown, package not sealed")
    ot = onnx_io.ort_outputs(pkg / "text_encoder.onnx", {"input_ids": np.array(ids, np.int64),
                                                          "attention_mask": np.array(mask, np.int64)})
    diffs = {n: float(np.abs(a - b).max()) for n, a, b in zip(onnx_io.IMAGE_OUTPUTS + onnx_io.TEXT_OUTPUTS, ti + tt, oi + ot)}
    bad = {k: v for k, v in diffs.items() if v > PARITY_TOLERANCE}
    if bad:
        raise ExportRefused(f"ONNX Runtime does not reproduce PyTorch (tolerance {PARITY_TOLERANCE}): {bad}")
    return diffs


def check_tokenizer(path: Path, tok: WordPieceTokenizer, strings: Sequence[str], max_length: int) -> Optional[bool]:
    try:
        from tokenizers import Tokenizer
    except ImportError:
        return None
    hf = Tokenizer.from_file(str(path))
    for s in strings:
        ours, theirs = tok.encode(s, 10_000), hf.encode(s).ids
        if ours != theirs:
            raise RuntimeError(f"tokenizers disagrees on {s!r}: ours {ours} vs {theirs}")
    return True


def write_reference(pkg: Path, inf: Inference, images: List[np.ndarray], names: List[str], scale: float) -> dict:
    ref = pkg / "reference"
    ref.mkdir(exist_ok=True)
    x, lbs = inf.inputs(images)
    enc = inf.encode_images(images)
    ids, mask = inf.tok.batch(REFERENCE_TEXTS, inf.cfg.max_length)
    temb, tanat = inf.encode_texts(REFERENCE_TEXTS)
    lung_q = inf.ensemble(texts.ANATOMY_PROMPTS["right lung"], anatomy=True)
    cases = []
    for i, (im, nm) in enumerate(zip(images, names)):
        Image.fromarray(im).save(ref / nm)
        x[i].astype("<f4").tofile(ref / f"{Path(nm).stem}.input.bin")
        zs = {f: float(inf.zero_shot(enc.glob[i:i + 1], p["positive"], p["negative"], scale)[0])
              for f, p in finding_prompts().items()}
        g = inf.cfg.grid
        cases.append({"image": nm, "input": f"{Path(nm).stem}.input.bin", "width": im.shape[1], "height": im.shape[0],
                      "letterbox": vars(lbs[i]), "image_embeds": enc.glob[i].tolist(),
                      "patch_embeds_rows": {str(r): enc.path[i, r].tolist() for r in (0, g * g // 2, g * g - 1)},
                      "anatomy_patch_embeds_rows": {str(r): enc.anat[i, r].tolist() for r in (0, g * g - 1)},
                      "right_lung_patch_cosines": (enc.anat[i] @ lung_q).tolist(),
                      "zero_shot": zs, "zero_shot_argmax": max(zs, key=zs.get),
                      "seg_logits_shape": list(enc.seg[i].shape),
                      "seg_positive_count": int((enc.seg[i] > 0).sum()),
                      "lung_pixels_source_grid": int(inf.lung_mask(enc.seg[i], lbs[i]).sum())})
    doc = {"note": "embeddings are L2-normalised; cosines use normalised vectors; inputs are float32 little-endian "
                   "[1,S,S] after preprocessing", "tolerance": PARITY_TOLERANCE, "logit_scale": scale,
           "images": cases,
           "texts": [{"text": t, "ids": [v for v, k in zip(i_, m_) if k], "text_embeds": e.tolist(),
                      "anatomy_text_embeds": a.tolist()} for t, i_, m_, e, a in zip(REFERENCE_TEXTS, ids, mask, temb, tanat)]}
    (ref / "cases.json").write_text(json.dumps(doc))
    return {"x": x, "ids": ids, "mask": mask}


def write_package(model: DualStreamCLIP, tok: WordPieceTokenizer, out: Path, name: str, version: str,
                  metrics: Optional[dict], reference: List[Path], kind: str, parity: str = "onnxruntime",
                  gate_doc: Optional[dict] = None) -> Dict[str, float]:
    """Builds the package in ``OUT.partial`` and moves it to ``out`` only once every check passed."""
    if parity == "java" and kind != "tiny":
        raise ExportRefused(f"--parity java is only for the tiny CI package, not for kind {kind!r}")
    if gate_doc is None and kind != "tiny":
        raise ExportRefused("no input gate (--gate-data): a default package must carry input-gate.json")
    work = out.with_name(out.name + ".partial")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    model = model.cpu().eval()
    onnx_io.export(model, work)
    tok.save(work / "tokenizer.json")
    inf = Inference(model, tok)
    scale = float(model.scale())
    images = [np.asarray(Image.open(p).convert("L")) for p in reference] + [synthetic_reference_image()]
    names = [f"ref{i}.png" for i in range(len(reference))] + ["synthetic16.png"]
    feeds = write_reference(work, inf, images, names, scale)
    try:
        diffs = check_parity(work, inf, feeds["x"], feeds["ids"], feeds["mask"])
    except ExportRefused:
        if parity != "java" or onnx_io.ort_available():
            shutil.rmtree(work, ignore_errors=True)
            raise
        diffs = {}
    strings = REFERENCE_TEXTS + [p for f in finding_prompts().values() for p in f["positive"] + f["negative"]]
    tok_ok = check_tokenizer(work / "tokenizer.json", tok, strings, model.cfg.max_length)
    man = manifest(model, name, version, metrics, kind)
    if gate_doc is not None:
        gate.validate(gate_doc)
        (work / "input-gate.json").write_text(json.dumps(gate_doc))
        man["input_gate"] = "input-gate.json"
    man["export_checks"] = {"onnxruntime_max_abs_diff": diffs or JAVA_PARITY,
                            "tokenizers_library_agrees": tok_ok if tok_ok is not None else "tokenizers not installed here"}
    seal(work, man, kind)
    shutil.rmtree(out, ignore_errors=True)
    work.rename(out)
    return diffs


def seal(pkg: Path, man: dict, kind: str) -> None:
    """Writes MODEL_CARD.md from ``man``, then ``man`` as radlens-model.json with the sha256 of every other file."""
    (pkg / "MODEL_CARD.md").write_text(card.model_card(man, kind))
    files = sorted(p for p in pkg.rglob("*") if p.is_file() and p.name != "radlens-model.json")
    man["files"] = {p.relative_to(pkg).as_posix(): sha256(p) for p in files}
    (pkg / "radlens-model.json").write_text(json.dumps(man, indent=1, ensure_ascii=False))


def main(argv=None) -> None:
    from .checkpoint import load_model
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--checkpoint", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--name", default="radlens-cxr-dualstream")
    ap.add_argument("--version", default="2.0.0")
    ap.add_argument("--kind", default="default", help="default | tiny (random-init test package) | cpu")
    ap.add_argument("--parity", choices=["onnxruntime", "java"], default="onnxruntime",
                    help="java: only for --kind tiny without onnxruntime (CI runs TinyParityTest on the package)")
    ap.add_argument("--gate-data", type=Path, help="data root: calibrate the input gate on its train/val splits")
    ap.add_argument("--out-of-scope", type=Path, help="staged out-of-scope slices (outofscope.py) for the gate")
    ap.add_argument("--gate-k", type=int, default=16)
    ap.add_argument("--gate-per-source", type=int, default=400)
    ap.add_argument("--metrics", type=Path)
    ap.add_argument("--reference", type=Path, nargs="*", default=[])
    ap.add_argument("--device", default="cpu", help="device for the gate calibration's image encoding")
    a = ap.parse_args(argv)
    if a.parity == "java" and a.kind != "tiny":
        raise SystemExit(f"export refused: --parity java is only for the tiny CI package, not for kind {a.kind!r}")
    if a.parity == "onnxruntime" and not onnx_io.ort_available():
        raise SystemExit("export refused: ONNX Runtime is not installed: parity with PyTorch cannot be shown")
    model = load_model(a.checkpoint)
    tok = WordPieceTokenizer.load(a.checkpoint.parent / "tokenizer.json")
    metrics = json.loads(a.metrics.read_text()) if a.metrics else None
    gate_doc = None
    if a.gate_data:
        enc = Inference(load_model(a.checkpoint, a.device), tok, a.device)
        gate_doc = gate.calibrate(enc, a.gate_data, a.out_of_scope, a.gate_k, a.gate_per_source)
    try:
        diffs = write_package(model, tok, a.out, a.name, a.version, metrics, a.reference, a.kind, a.parity, gate_doc)
    except ExportRefused as e:
        raise SystemExit(f"export refused: {e}")
    print(json.dumps({"package": str(a.out), "parity": diffs or JAVA_PARITY,
                      "input_gate": gate_doc["calibration"] if gate_doc else None}))


if __name__ == "__main__":
    main()
