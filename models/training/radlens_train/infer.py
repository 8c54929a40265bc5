"""Inference exactly as the Java runtime does it (MODEL-PACKAGE.md): float preprocessing, L2-normalised
embeddings, prompt ensembles, maps back to source pixels. Used by evaluation and the exporter's reference data."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Sequence, Tuple

import numpy as np
import torch
import torch.nn.functional as F

from . import preprocess
from .config import Config
from .model import DualStreamCLIP
from .tokenizer import WordPieceTokenizer


@dataclass
class Encoded:
    glob: np.ndarray      # [B,D] normalised
    path: np.ndarray      # [B,N,D] normalised
    anat: np.ndarray      # [B,N,D] normalised
    seg: np.ndarray       # [B,s,s] logits
    boxes: List[preprocess.Letterbox]


def _norm(x: torch.Tensor) -> np.ndarray:
    return F.normalize(x.float(), dim=-1).cpu().numpy()


class Inference:
    def __init__(self, model: DualStreamCLIP, tok: WordPieceTokenizer, device: str = "cpu"):
        self.model, self.tok, self.cfg, self.dev = model.eval(), tok, model.cfg, device

    def inputs(self, images: Sequence[np.ndarray]) -> Tuple[np.ndarray, List[preprocess.Letterbox]]:
        c = self.cfg
        pre = [preprocess.preprocess(im, c.size, c.mean, c.std) for im in images]
        return np.stack([p[0] for p in pre])[:, None], [p[1] for p in pre]

    @torch.no_grad()
    def encode_images(self, images: Sequence[np.ndarray], batch: int = 128) -> Encoded:
        parts = []
        for s in range(0, len(images), batch):
            x, lbs = self.inputs(images[s:s + batch])
            g, p, a, seg = self.model.image(torch.from_numpy(x).to(self.dev))
            parts.append((_norm(g), _norm(p), _norm(a), seg[:, 0].float().cpu().numpy(), lbs))
        return Encoded(*[np.concatenate([q[i] for q in parts]) for i in range(4)], [b for q in parts for b in q[4]])

    @torch.no_grad()
    def encode_texts(self, strings: Sequence[str]) -> Tuple[np.ndarray, np.ndarray]:
        ids, mask = self.tok.batch(list(strings), self.cfg.max_length)
        t, a = self.model.text(torch.tensor(ids, device=self.dev), torch.tensor(mask, device=self.dev))
        return _norm(t), _norm(a)

    def ensemble(self, prompts: Sequence[str], anatomy: bool = False) -> np.ndarray:
        e = self.encode_texts(prompts)[1 if anatomy else 0].mean(axis=0)
        return e / max(np.linalg.norm(e), 1e-12)

    def zero_shot(self, glob: np.ndarray, positive: Sequence[str], negative: Sequence[str], scale: float) -> np.ndarray:
        """p = softmax(scale·[cos_pos, cos_neg])[0] per image."""
        sp, sn = glob @ self.ensemble(positive), glob @ self.ensemble(negative)
        return 1.0 / (1.0 + np.exp(-scale * (sp - sn)))

    def heat_map(self, patches: np.ndarray, query: np.ndarray, lb: preprocess.Letterbox) -> np.ndarray:
        """One image's patch cosines to a query → map on the source pixel grid."""
        g = self.cfg.grid
        grid = (patches @ query).reshape(1, 1, g, g)
        up = F.interpolate(torch.from_numpy(grid).float(), size=(self.cfg.size, self.cfg.size), mode="bilinear",
                           align_corners=False)[0, 0].numpy()
        return preprocess.unletterbox(up, lb)

    def lung_mask(self, seg_logits: np.ndarray, lb: preprocess.Letterbox) -> np.ndarray:
        up = F.interpolate(torch.from_numpy(seg_logits[None, None]).float(), size=(self.cfg.size, self.cfg.size),
                           mode="bilinear", align_corners=False)[0, 0].numpy()
        return preprocess.unletterbox(up, lb) > 0.0
