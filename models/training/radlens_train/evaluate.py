"""Held-out metrics for the model card: Kermany official-test zero-shot AUC (prompt ensemble and the spread over
single paraphrase pairs), adult covid-notes test sensitivity, image↔text retrieval, lung Dice and the pointing
game. ``python -m radlens_train.evaluate --data ROOT --checkpoint DIR/checkpoint.pt``"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, List, Sequence

import numpy as np
from PIL import Image

from . import data, texts
from .infer import Inference


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """ROC AUC via the Mann–Whitney statistic with average ranks for ties."""
    s, y = np.asarray(scores, float), np.asarray(labels, int)
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    sorted_s = s[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    npos, nneg = y.sum(), (1 - y).sum()
    if npos == 0 or nneg == 0:
        raise ValueError("AUC needs both classes")
    return float((ranks[y == 1].sum() - npos * (npos + 1) / 2) / (npos * nneg))


def recall_at(sim: np.ndarray, ks=(1, 5, 10)) -> Dict[str, float]:
    rank = (sim > np.diag(sim)[:, None]).sum(axis=1)
    return {f"R@{k}": float((rank < k).mean()) for k in ks}


def kermany_metrics(inf: Inference, root: Path, scale: float) -> Dict:
    items = data.kermany(root, "test")
    enc = inf.encode_images([data.load_gray(it.path) for it in items])
    y = np.array([0 if it.label == "normal" else 1 for it in items])
    fp = texts.FINDING_PROMPTS["pneumonia"]
    p = inf.zero_shot(enc.glob, fp["positive"], fp["negative"], scale)
    pair_aucs = [auc(inf.zero_shot(enc.glob, [a], [b], scale), y) for a, b in texts.PARAPHRASE_PAIRS]
    pn = texts.FINDING_PROMPTS["normal"]
    out = {"n": len(items), "auc_pneumonia_ensemble": auc(p, y),
           "auc_normal_ensemble_inverted": auc(-inf.zero_shot(enc.glob, pn["positive"], pn["negative"], scale), y),
           "accuracy_at_0.5": float(((p > 0.5) == y).mean()),
           "paraphrase_auc": {"min": float(np.min(pair_aucs)), "median": float(np.median(pair_aucs)),
                              "max": float(np.max(pair_aucs)), "all": [round(v, 4) for v in pair_aucs]}}
    pneu = [i for i, it in enumerate(items) if it.label != "normal"]
    fb = texts.FINDING_PROMPTS["bacterial pneumonia"]
    pb = inf.zero_shot(enc.glob[pneu], fb["positive"], fb["negative"], scale)
    out["auc_bacterial_vs_viral"] = auc(pb, [1 if items[i].label == "bacterial" else 0 for i in pneu])
    return out


def adult_metrics(inf: Inference, root: Path, scale: float, split: str = "test") -> Dict:
    items = data.covid(root, [split])
    imgs = [data.load_gray(it.path) for it in items]
    enc = inf.encode_images(imgs)
    fp = texts.FINDING_PROMPTS["pneumonia"]
    p = inf.zero_shot(enc.glob, fp["positive"], fp["negative"], scale)
    abn = [i for i, it in enumerate(items) if it.label not in (None, "normal")]
    out: Dict = {"n": len(items), "abnormal_labelled": len(abn),
                 "sensitivity_pneumonia_at_0.5": float((p[abn] > 0.5).mean()) if abn else None,
                 "mean_p_pneumonia_abnormal": float(p[abn].mean()) if abn else None}
    noted = [i for i, it in enumerate(items) if it.note.strip()]
    tx = inf.encode_texts([items[i].note for i in noted])[0]
    sim = enc.glob[noted] @ tx.T
    out["retrieval_image_to_text"] = recall_at(sim)
    out["retrieval_text_to_image"] = recall_at(sim.T)
    out["retrieval_n"] = len(noted)
    out["lung_dice"] = _dice(inf, items, enc, imgs)
    out["pointing_game_boxes"] = _pointing_boxes(inf, items, enc)
    out["pneumonia_peak_in_lungs"] = _pathology_in_lungs(inf, items, enc)
    return out


def _pathology_in_lungs(inf: Inference, items, enc) -> Dict:
    """Abnormal images with a lung mask: is the peak of the "pneumonia" pathology map inside the lungs, and how much
    higher is the map inside than outside (difference of means in units of the map's standard deviation)."""
    q = inf.ensemble(texts.FINDING_PROMPTS["pneumonia"]["positive"])
    hits, contrast = [], []
    for i, it in enumerate(items):
        if it.mask is None or it.label in (None, "normal"):
            continue
        gt = np.asarray(Image.open(it.mask)) > 0
        m = inf.heat_map(enc.path[i], q, enc.boxes[i])
        y, x = np.unravel_index(np.argmax(m), m.shape)
        hits.append(bool(gt[y, x]))
        contrast.append(float((m[gt].mean() - m[~gt].mean()) / max(m.std(), 1e-6)))
    return {"n": len(hits), "peak_in_lungs": float(np.mean(hits)) if hits else None,
            "contrast": float(np.mean(contrast)) if contrast else None}


def _dice(inf: Inference, items, enc, imgs) -> Dict:
    ds = []
    for i, it in enumerate(items):
        if it.mask is None:
            continue
        gt = np.asarray(Image.open(it.mask)) > 0
        pred = inf.lung_mask(enc.seg[i], enc.boxes[i])
        ds.append(2 * (pred & gt).sum() / max(pred.sum() + gt.sum(), 1))
    return {"n": len(ds), "mean": float(np.mean(ds)) if ds else None, "min": float(np.min(ds)) if ds else None}


def _pointing_boxes(inf: Inference, items, enc) -> Dict:
    queries = {side: inf.ensemble(texts.ANATOMY_PROMPTS[side.replace("_", " ")], anatomy=True)
               for side in ("right_lung", "left_lung")}
    hits = []
    for i, it in enumerate(items):
        for side, q in queries.items():
            if side not in it.boxes:
                continue
            m = inf.heat_map(enc.anat[i], q, enc.boxes[i])
            y, x = np.unravel_index(np.argmax(m), m.shape)
            bx, by, bw, bh = it.boxes[side]
            hits.append(bx <= x <= bx + bw and by <= y <= by + bh)
    return {"n": len(hits), "hit_rate": float(np.mean(hits)) if hits else None}


def evaluate(inf: Inference, root: Path, scale: float) -> Dict:
    return {"kermany_test": kermany_metrics(inf, root, scale), "covid_notes_test": adult_metrics(inf, root, scale, "test"),
            "covid_notes_val": adult_metrics(inf, root, scale, "val")}


def main(argv=None) -> None:
    from .tokenizer import WordPieceTokenizer
    from .checkpoint import load_model as load_checkpoint
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--checkpoint", type=Path, required=True)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--out", type=Path)
    a = ap.parse_args(argv)
    model = load_checkpoint(a.checkpoint, a.device)
    inf = Inference(model, WordPieceTokenizer.load(a.checkpoint.parent / "tokenizer.json"), a.device)
    res = evaluate(inf, a.data, float(model.scale()))
    text = json.dumps(res, indent=1)
    print(text)
    if a.out:
        a.out.write_text(text)


if __name__ == "__main__":
    main()
