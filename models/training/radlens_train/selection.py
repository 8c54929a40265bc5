"""Model selection on the validation splits only (never test): zero-shot AUCs for NIH any-finding, tuberculosis
(Montgomery/Shenzhen) and Kermany pneumonia, and lung Dice on validation masks, computed on preloaded val images
with the model being trained. The selection score is their mean; the trainer keeps the best and stops early."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional

import numpy as np
import torch
import torch.nn.functional as F

from . import data, reports, sources, texts
from .config import Config
from .evaluate import auc
from .model import DualStreamCLIP
from .tokenizer import WordPieceTokenizer

# task → (sources, positive-label rule, prompt ensemble)
TASKS: Dict[str, tuple] = {
    "nih_any_finding": (("nih",), lambda it: it.findings != frozenset({"normal"}), reports.ensemble(reports.ABNORMAL)),
    "tb": (("tb",), lambda it: it.label == "tuberculosis", reports.ensemble("tuberculosis")),
    "kermany_pneumonia": (("kermany",), lambda it: it.label != "normal", texts.FINDING_PROMPTS["pneumonia"]),
}


@dataclass
class ValSet:
    items: List[data.Item]
    images: torch.Tensor      # uint8 [N,S,S]
    lung: torch.Tensor        # uint8 [N,S,S] (1 lung, 0 background, IGNORE unknown)

    @staticmethod
    def load(root: Path, cfg: Config, preload: Callable, device) -> "ValSet":
        items: List[data.Item] = []
        for src in ("nih", "tb", "kermany", "covid"):
            items += data.subsample(sources.LOADERS[src](root, "val"), cfg.limit_val, cfg.seed)
        t = preload(items, cfg.size)
        return ValSet(t.items, torch.from_numpy(t.images).to(device), torch.from_numpy(t.lung).to(device))


@torch.no_grad()
def _encode(model: DualStreamCLIP, vs: ValSet, cfg: Config, batch: int = 256):
    globs, dices = [], []
    for s in range(0, len(vs.items), batch):
        x = (vs.images[s:s + batch].float().unsqueeze(1) / 255.0 - cfg.mean) / cfg.std
        g, _, _, seg = model.image(x)
        globs.append(F.normalize(g.float(), dim=-1))
        up = F.interpolate(seg.float(), size=x.shape[-2:], mode="bilinear", align_corners=False)[:, 0] > 0
        lab = vs.lung[s:s + batch]
        for pred, gt in zip(up, lab):
            valid = gt != data.IGNORE
            if valid.any():
                p, t = pred & valid, (gt == 1) & valid
                dices.append(float(2 * (p & t).sum() / max(int(p.sum() + t.sum()), 1)))
    return torch.cat(globs), dices


@torch.no_grad()
def _ensemble(model: DualStreamCLIP, tok: WordPieceTokenizer, prompts: List[str], cfg: Config, device) -> torch.Tensor:
    ids, mask = tok.batch(list(prompts), cfg.max_length)
    e = F.normalize(model.text(torch.tensor(ids, device=device), torch.tensor(mask, device=device))[0].float(), dim=-1)
    return F.normalize(e.mean(0), dim=0)


def validate(model: DualStreamCLIP, tok: WordPieceTokenizer, vs: ValSet, cfg: Config) -> Dict[str, Optional[float]]:
    """Validation metrics and ``score`` (their mean over what could be measured)."""
    was_training = model.training
    model.eval()
    dev = vs.images.device
    glob, dices = _encode(model, vs, cfg)
    out: Dict[str, Optional[float]] = {}
    for name, (srcs, positive, prompts) in TASKS.items():
        idx = [i for i, it in enumerate(vs.items) if it.domain in srcs]
        y = [int(positive(vs.items[i])) for i in idx]
        if 0 < sum(y) < len(y):
            margin = glob[idx] @ (_ensemble(model, tok, prompts["positive"], cfg, dev)
                                  - _ensemble(model, tok, prompts["negative"], cfg, dev))
            out[name] = auc(margin.cpu().numpy(), y)
        else:
            out[name] = None
    out["lung_dice"] = float(np.mean(dices)) if dices else None
    vals = [v for v in out.values() if v is not None]
    out["score"] = float(np.mean(vals)) if vals else float("nan")
    model.train(was_training)
    return out
