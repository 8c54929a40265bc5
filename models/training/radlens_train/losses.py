"""Training losses. Each returns a scalar; the trainer logs each one and weights it by ``Config.losses``
(weight 0 switches a loss off for ablations).

- ``global_contrastive``: symmetric InfoNCE between image and report embeddings with a learnable temperature;
  items sharing a text key (same label-derived report class) are all positives (soft targets).
- ``local_alignment``: sentence–patch alignment: each sentence attends over an image's pathology patches; the
  attended patch vector must match that sentence (contrastive across the batch).
- ``anatomy_prototypes``: per-patch multi-label contrast of anatomy-stream patches against anatomy prototype
  texts (right lung, left lung, lungs, outside), supervised by lung masks / lung boxes.
- ``pathology_prototypes``: prototypical contrast in the pathology stream: the patches attended by each
  pathology prototype text (normal / bacterial / viral) must identify the image's class.
- ``cross_stream``: intra-image contrast across streams: an image's lung-pooled anatomy features (bridged to the
  pathology space) must pick out the same image's lung-pooled pathology features among the batch's.
- ``background``: anatomy guides pathology: patches the anatomy stream places outside the lungs, and every patch
  of an image labelled normal, must match the "normal" pathology prototype (so pathology maps stay in the lungs).
- ``segmentation``: BCE + soft Dice on lung masks.
"""
from __future__ import annotations

from typing import List, Sequence

import torch
import torch.nn.functional as F

from .data import IGNORE, LEFT_LUNG, LUNG_SIDE_UNKNOWN, OUTSIDE, RIGHT_LUNG


def key_targets(keys: Sequence[str], device) -> torch.Tensor:
    """Row-normalised target matrix: 1 where keys are equal."""
    idx = {k: i for i, k in enumerate(dict.fromkeys(keys))}
    ids = torch.tensor([idx[k] for k in keys], device=device)
    t = (ids[:, None] == ids[None, :]).float()
    return t / t.sum(dim=1, keepdim=True)


def overlap_targets(multi_hot: torch.Tensor) -> torch.Tensor:
    """Row-normalised soft targets from label overlap: Jaccard |A∩B| / |A∪B| of the rows' finding sets
    (multi-hot [B,V]). Equal sets → 1 (positives), disjoint → 0 (negatives), partial overlap in between."""
    a = multi_hot.float()
    inter = a @ a.t()
    size = a.sum(dim=1)
    union = size[:, None] + size[None, :] - inter
    t = torch.where(union > 0, inter / union.clamp(min=1e-6), torch.zeros_like(inter))
    t = t + torch.eye(len(a), device=a.device) * (t.diagonal() == 0).float()  # an empty set is its own positive
    return t / t.sum(dim=1, keepdim=True)


def soft_ce(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    return -(targets * F.log_softmax(logits, dim=1)).sum(dim=1).mean()


def _targets(keys, device) -> torch.Tensor:
    return keys if isinstance(keys, torch.Tensor) else key_targets(keys, device)


def global_contrastive(img: torch.Tensor, txt: torch.Tensor, keys, scale: torch.Tensor) -> torch.Tensor:
    """``keys``: text keys (equal = positive) or a soft target matrix [B,B] from ``overlap_targets``."""
    img, txt = F.normalize(img.float(), dim=-1), F.normalize(txt.float(), dim=-1)
    logits = scale * img @ txt.t()
    t = _targets(keys, img.device)
    return 0.5 * (soft_ce(logits, t) + soft_ce(logits.t(), t))


def attend(patches: torch.Tensor, queries: torch.Tensor, tau: float = 0.1) -> torch.Tensor:
    """patches [B,N,D], queries [Q,D] (both normalised) → per-image, per-query attended vectors [B,Q,D]."""
    att = torch.softmax(torch.einsum("bnd,qd->bqn", patches, queries) / tau, dim=-1)
    return torch.einsum("bqn,bnd->bqd", att, patches)


def local_alignment(patches: torch.Tensor, txt: torch.Tensor, keys, scale: torch.Tensor) -> torch.Tensor:
    p, t = F.normalize(patches.float(), dim=-1), F.normalize(txt.float(), dim=-1)
    agg = F.normalize(attend(p, t), dim=-1)                   # [B(images), B(texts), D]
    logits = scale * torch.einsum("bqd,qd->bq", agg, t)        # image i attended by text j, compared with text j
    tg = _targets(keys, p.device)
    return 0.5 * (soft_ce(logits, tg) + soft_ce(logits.t(), tg))


def patch_fractions(labels: torch.Tensor, grid: int, classes: List[int]) -> torch.Tensor:
    """labels [B,S,S] uint8 → fraction of each class per grid cell [B,N,len(classes)] and ignore fraction [B,N]."""
    one = torch.stack([(labels == c).float() for c in classes + [IGNORE]], dim=1)
    frac = F.adaptive_avg_pool2d(one, grid).flatten(2).transpose(1, 2)
    return frac[..., :-1], frac[..., -1]


def anatomy_prototypes(anat: torch.Tensor, protos: torch.Tensor, labels: torch.Tensor, grid: int,
                       scale: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
    """anat [B,N,D]; protos [4,D] for (right lung, left lung, lungs, outside); labels [B,S,S]."""
    frac, ign = patch_fractions(labels, grid, [OUTSIDE, RIGHT_LUNG, LEFT_LUNG, LUNG_SIDE_UNKNOWN])
    out, right, left, unk = frac.unbind(-1)
    target = torch.stack([right, left, right + left + unk, out], dim=-1)
    weight = torch.ones_like(target)
    weight[..., 0] = weight[..., 0] * (unk < 0.5)   # side unknown: no left/right target
    weight[..., 1] = weight[..., 1] * (unk < 0.5)
    weight = weight * (ign < 0.5).float().unsqueeze(-1)
    if weight.sum() == 0:
        return anat.sum() * 0.0
    logits = scale * torch.einsum("bnd,pd->bnp", F.normalize(anat.float(), dim=-1), F.normalize(protos.float(), dim=-1)) + bias
    loss = F.binary_cross_entropy_with_logits(logits, target, weight=weight, reduction="sum")
    return loss / weight.sum()


def pathology_prototypes(patches: torch.Tensor, protos: torch.Tensor, targets: torch.Tensor,
                         scale: torch.Tensor) -> torch.Tensor:
    """patches [B,N,D]; protos [C,D]; targets [B,C] (rows sum to 1; all-zero rows are ignored)."""
    keep = targets.sum(dim=1) > 0
    if keep.sum() == 0:
        return patches.sum() * 0.0
    p, q = F.normalize(patches[keep].float(), dim=-1), F.normalize(protos.float(), dim=-1)
    agg = F.normalize(attend(p, q), dim=-1)
    logits = scale * torch.einsum("bcd,cd->bc", agg, q)
    return soft_ce(logits, targets[keep])


def pathology_background(patches: torch.Tensor, protos: torch.Tensor, lungness: torch.Tensor, normal: torch.Tensor,
                         scale: torch.Tensor, outside: float = 0.3) -> torch.Tensor:
    """patches [B,N,D]; protos [C,D] with the normal prototype first; lungness [B,N] in [0,1] (detached);
    normal [B] bool. Cross-entropy towards the normal prototype on outside-lung patches and normal images."""
    w = (lungness < outside) | normal[:, None]
    if not bool(w.any()):
        return patches.sum() * 0.0
    logits = scale * torch.einsum("bnd,cd->bnc", F.normalize(patches.float(), dim=-1), F.normalize(protos.float(), dim=-1))
    sel = logits[w]
    return F.cross_entropy(sel, torch.zeros(sel.shape[0], dtype=torch.long, device=sel.device))


def cross_stream(anat: torch.Tensor, path: torch.Tensor, lung_weight: torch.Tensor, bridge: torch.nn.Module,
                 scale: torch.Tensor) -> torch.Tensor:
    """anat, path [B,N,D]; lung_weight [B,N] ≥ 0 (e.g. the anatomy stream's lung probability)."""
    w = (lung_weight / lung_weight.sum(dim=1, keepdim=True).clamp(min=1e-6)).unsqueeze(-1)
    a = F.normalize(bridge((anat.float() * w).sum(dim=1)), dim=-1)
    p = F.normalize((path.float() * w).sum(dim=1), dim=-1)
    logits = scale * a @ p.t()
    t = torch.arange(a.shape[0], device=a.device)
    return 0.5 * (F.cross_entropy(logits, t) + F.cross_entropy(logits.t(), t))


def segmentation(logits: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """logits [B,1,s,s]; mask [B,S,S] uint8 (1 lung, 0 background, IGNORE unknown)."""
    up = F.interpolate(logits.float(), size=mask.shape[-2:], mode="bilinear", align_corners=False)[:, 0]
    valid = (mask != IGNORE).float()
    if valid.sum() == 0:
        return logits.sum() * 0.0
    tgt = (mask == 1).float()
    bce = (F.binary_cross_entropy_with_logits(up, tgt, reduction="none") * valid).sum() / valid.sum()
    prob = torch.sigmoid(up) * valid
    inter = (prob * tgt).sum(dim=(1, 2))
    denom = prob.sum(dim=(1, 2)) + (tgt * valid).sum(dim=(1, 2))
    has = (valid.sum(dim=(1, 2)) > 0).float()
    dice = 1 - (2 * inter + 1) / (denom + 1)
    return bce + (dice * has).sum() / has.sum().clamp(min=1)
