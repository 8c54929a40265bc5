"""One optimisation step of the contrastive training and one epoch of masked-language pretraining, for ``Trainer``
(train.py). Every random draw comes from the trainer's device generator, so a resumed run repeats exactly."""
from __future__ import annotations

from typing import TYPE_CHECKING, Dict, List, Sequence, Tuple

import torch
import torch.nn.functional as F

from . import augment, losses, textbank
from .tokenizer import MASK

if TYPE_CHECKING:
    from .train import Trainer


def mlm_epoch(t: "Trainer", corpus: Sequence[str], batch: int = 256) -> float:
    """One epoch of masked-language modelling of the text encoder (15 % of tokens masked); mean loss."""
    cfg, m, dev = t.cfg, t.model.text, t.dev
    if not hasattr(t, "_mlm"):
        t._mlm = (textbank.make_bank(t.tok, corpus, cfg.max_length).to(dev),
                  torch.optim.AdamW(m.parameters(), lr=1e-3, weight_decay=0.01))
    bank, opt = t._mlm
    n = bank.ids.shape[0]
    perm, tot, cnt = torch.randperm(n, device=dev, generator=t.g), 0.0, 0
    for s in range(0, n, batch):
        ids, mask = bank.take(perm[s:s + batch])
        sel = (torch.rand(ids.shape, device=dev, generator=t.g) < 0.15) & (ids > 4) & (mask > 0)
        inp = torch.where(sel, torch.full_like(ids, MASK), ids)
        with t.autocast():
            logits = m.mlm_logits(m.hidden(inp, mask))
        loss = F.cross_entropy(logits[sel].float(), ids[sel]) if sel.any() else logits.sum() * 0
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        tot, cnt = tot + loss.item(), cnt + 1
    return tot / max(cnt, 1)


def _prototypes(t: "Trainer", banks: List[textbank.Bank]) -> Tuple[torch.Tensor, torch.Tensor]:
    """One random paraphrase per prototype."""
    rows = [int(torch.randint(b.ids.shape[0], (1,), device=t.dev, generator=t.g)) for b in banks]
    ids = torch.stack([b.ids[r] for b, r in zip(banks, rows)])
    mask = torch.stack([b.mask[r] for b, r in zip(banks, rows)])
    n = int(mask.sum(1).max())
    return ids[:, :n], mask[:, :n]


def batch_texts(t: "Trainer", idx: torch.Tensor):
    """A random text variant per image, and the soft contrastive targets from the finding-set overlap."""
    per = t.texts.per_item
    rows = idx * per + torch.randint(per, (len(idx),), device=t.dev, generator=t.g)
    ids, mask = t.texts.item_bank.take(rows)
    return ids, mask, losses.overlap_targets(t.texts.sets[t.texts.row_set[rows]])


def training_step(t: "Trainer", idx: torch.Tensor, an: torch.Tensor) -> Dict[str, torch.Tensor]:
    """``idx``: the balanced batch (pool indices); ``an``: annotated images for the anatomy / lung losses."""
    cfg, m, W = t.cfg, t.model, t.cfg.losses
    b = len(idx)
    every = torch.cat([idx, an])
    x, (anat_lab, lung_lab) = augment.augment(t.pool["images"][every], (t.pool["anatomy"][every], t.pool["lung"][every]),
                                              t.g, cfg.mean, cfg.std)
    ids, mask, targets = batch_texts(t, idx)
    anat_p, path_p = _prototypes(t, t.texts.anatomy), _prototypes(t, t.texts.pathology)
    ptarget = t.ptarget[idx]
    out = {}
    with t.autocast():
        glob, path, anat, seg = m.image.encode(x, b)
        txt = m.text(ids, mask)[0]
        anat_txt, path_txt = m.text(*anat_p)[1], m.text(*path_p)[0]
        scale, pscale = m.scale(), m.proto_scale.exp().clamp(max=100.0)
        out["global"] = losses.global_contrastive(glob[:b], txt, targets, scale)
        out["local"] = losses.local_alignment(path[:b], txt, targets, scale)
        out["pathology"] = losses.pathology_prototypes(path[:b], path_txt, ptarget, pscale)
        out["anatomy"] = losses.anatomy_prototypes(anat[b:], anat_txt, anat_lab[b:], cfg.grid, pscale, m.anat_bias)
        lungness = torch.sigmoid(torch.einsum("bnd,d->bn", F.normalize(anat[:b].float(), dim=-1),
                                              F.normalize(anat_txt[2].float(), dim=-1)) * pscale + m.anat_bias[2]).detach()
        out["cross"] = losses.cross_stream(anat[:b], path[:b], lungness, m.bridge, scale)
        out["background"] = losses.pathology_background(path[:b], path_txt, lungness, ptarget[:, 0] == 1, pscale)
        out["seg"] = losses.segmentation(seg, lung_lab[b:])
        total = sum(W[k] * v for k, v in out.items() if W.get(k, 0) > 0)
    t.opt.zero_grad(set_to_none=True)
    total.backward()
    torch.nn.utils.clip_grad_norm_(m.parameters(), 5.0)
    t.opt.step()
    t.sched.step()
    return {**{k: v.detach() for k, v in out.items()}, "total": total.detach()}
