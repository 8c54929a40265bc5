"""The final report: the ONE place that reads the test splits, once, for the selected checkpoint. Zero-shot AUCs
with bootstrap 95 % CIs and their spread over ≥ 5 paraphrased prompt sets (NIH any finding and every finding with
≥ 10 test positives, tuberculosis per hospital, Kermany pneumonia), lung Dice (Montgomery/Shenzhen, covid-notes),
covid-notes pointing game and retrieval, and the input gate's flag rates.

``python -m radlens_train.report --data ROOT --checkpoint RUN/checkpoint.pt --package PKG --out metrics.json``
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from PIL import Image

from . import data, evaluate, gate, reports, sources, stats, texts
from .infer import Inference

MIN_POSITIVES = 10
SCHEMA = "radlens-metrics/2"


def zero_shot(inf: Inference, glob: np.ndarray, y: np.ndarray, sets: Sequence[Tuple[List[str], List[str]]],
              boots: int) -> Dict:
    """AUC of the pooled prompt ensemble with CI, and per prompt set (spread = max − min)."""
    pos = [p for s in sets for p in s[0]]
    neg = list(dict.fromkeys(n for s in sets for n in s[1]))
    out = stats.auc_with_ci(inf.zero_shot(glob, pos, neg, 1.0), y, boots)
    per = [stats.auc(inf.zero_shot(glob, p, n, 1.0), y) for p, n in sets]
    out.update({"prompt_sets": [round(v, 4) for v in per], "spread": float(max(per) - min(per))})
    return out


def _dice_values(inf: Inference, items: Sequence[data.Item], enc) -> List[float]:
    out = []
    for i, it in enumerate(items):
        if it.mask is not None:
            gt = np.asarray(Image.open(it.mask)) > 0
            pred = inf.lung_mask(enc.seg[i], enc.boxes[i])
            if pred.shape != gt.shape:
                raise ValueError(f"{it.mask}: mask {gt.shape} does not match image {pred.shape}")
            out.append(2 * (pred & gt).sum() / max(pred.sum() + gt.sum(), 1))
    return out


def nih_metrics(inf: Inference, items: List[data.Item], enc, boots: int) -> Dict:
    y_any = np.array([it.findings != frozenset({"normal"}) for it in items], int)
    out = {"n": len(items), "any_finding": zero_shot(inf, enc.glob, y_any, reports.prompt_sets(reports.ABNORMAL), boots),
           "per_finding": {}, "too_few_positives": {}}
    for f in sorted(reports.PHRASES):
        y = np.array([f in it.findings for it in items], int)
        if y.sum() >= MIN_POSITIVES and (1 - y).sum() > 0:
            out["per_finding"][f] = zero_shot(inf, enc.glob, y, reports.prompt_sets(f), boots)
        elif f != "tuberculosis":
            out["too_few_positives"][f] = int(y.sum())
    return out


def tb_metrics(inf: Inference, items: List[data.Item], enc, boots: int) -> Dict:
    out: Dict = {"n": len(items), "per_hospital": {}}
    sets = reports.prompt_sets("tuberculosis")
    for h in sorted({it.group for it in items}):
        idx = [i for i, it in enumerate(items) if it.group == h]
        y = np.array([items[i].label == "tuberculosis" for i in idx], int)
        out["per_hospital"][h] = zero_shot(inf, enc.glob[idx], y, sets, boots)
    y = np.array([it.label == "tuberculosis" for it in items], int)
    out["all"] = zero_shot(inf, enc.glob, y, sets, boots)
    out["lung_dice"] = stats.mean_with_ci(_dice_values(inf, items, enc), boots)
    return out


def kermany_report(inf: Inference, items: List[data.Item], enc, boots: int) -> Dict:
    y = np.array([it.label != "normal" for it in items], int)
    sets = [([a], [b]) for a, b in texts.PARAPHRASE_PAIRS]
    return {"n": len(items), "pneumonia": zero_shot(inf, enc.glob, y, sets, boots)}


def covid_report(inf: Inference, root: Path, boots: int) -> Dict:
    items = data.covid(root, ["test"])  # all 56: retrieval and pointing are defined on the whole split
    enc = inf.encode_images([data.load_gray(it.path) for it in items])
    base = evaluate.adult_metrics(inf, root, 1.0, "test")
    return {"n": len(items), "lung_dice": stats.mean_with_ci(_dice_values(inf, items, enc), boots),
            "pointing_game": base["pointing_game_boxes"], "retrieval_image_to_text": base["retrieval_image_to_text"],
            "retrieval_n": base["retrieval_n"]}


def gate_report(test_glob: np.ndarray, gate_doc: Dict) -> Dict:
    flagged = gate.flag(test_glob, gate_doc)
    return {"test_frontal_images": int(len(flagged)), "test_frontal_flag_rate": float(flagged.mean()),
            "out_of_scope_images": gate_doc["calibration"]["out_of_scope_images"],
            "out_of_scope_flag_rate": gate_doc["calibration"]["out_of_scope_flag_rate"],
            "val_in_scope_flag_rate": gate_doc["calibration"]["in_scope_flag_rate"]}


def final_report(inf: Inference, root: Path, gate_doc: Optional[Dict], boots: int = 1000, limit: int = None) -> Dict:
    """``limit``: a random subset per source (tests only; the reported run reads every test image)."""
    test = {s: data.subsample(v, limit, 0) for s, v in sources.load(root, "test").items()}
    enc = {s: inf.encode_images([data.load_gray(it.path) for it in test[s]]) for s in ("nih", "tb", "kermany", "rsna")}
    out = {"schema": SCHEMA, "split": "test", "bootstrap": boots, "subset_per_source": limit,
           "nih": nih_metrics(inf, test["nih"], enc["nih"], boots),
           "montgomery_shenzhen": tb_metrics(inf, test["tb"], enc["tb"], boots),
           "kermany": kermany_report(inf, test["kermany"], enc["kermany"], boots),
           "covid_notes": covid_report(inf, root, boots)}
    frontal = [(s, i) for s in enc for i, it in enumerate(test[s]) if gate.is_frontal(it)]
    out["input_gate"] = gate_report(np.stack([enc[s].glob[i] for s, i in frontal]), gate_doc) if gate_doc else None
    return out


def main(argv=None) -> None:
    from .checkpoint import load_model
    from .tokenizer import WordPieceTokenizer
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--checkpoint", type=Path, required=True)
    ap.add_argument("--package", type=Path, help="the exported package: its input-gate.json's flag rates on test")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--bootstrap", type=int, default=1000)
    a = ap.parse_args(argv)
    marker = a.checkpoint.parent / "test_report.done"
    if marker.exists():
        raise SystemExit(f"{marker}: the test splits were already read for this run; the final report runs once")
    model = load_model(a.checkpoint, a.device)
    inf = Inference(model, WordPieceTokenizer.load(a.checkpoint.parent / "tokenizer.json"), a.device)
    gate_doc = json.loads((a.package / "input-gate.json").read_text()) if a.package else None
    res = final_report(inf, a.data, gate_doc, a.bootstrap)
    a.out.write_text(json.dumps(res, indent=1))
    marker.write_text(json.dumps({"metrics": str(a.out)}))
    print(json.dumps({"nih_any_finding_auc": res["nih"]["any_finding"]["auc"], "input_gate": res["input_gate"]}))


if __name__ == "__main__":
    main()
