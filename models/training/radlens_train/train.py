"""Trains the dual-stream encoder. ``python -m radlens_train.train --data ROOT --out DIR [--preset default|tiny]``

Logs every loss per epoch, throughput (images/s) and GPU utilisation; writes ``train_log.jsonl``,
``checkpoint.pt`` (fp16 state dict + config) and ``tokenizer.json`` into ``--out``.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Dict, List

import numpy as np
import torch
import torch.nn.functional as F

from . import augment, config, data, losses, textbank, texts
from .model import DualStreamCLIP, deploy, parameter_report
from .tokenizer import MASK, PAD, WordPieceTokenizer, train as train_tokenizer


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def gpu_utilisation() -> float:
    try:
        out = subprocess.run(["nvidia-smi", "--query-gpu=utilization.gpu", "--format=csv,noheader,nounits"],
                             capture_output=True, text=True, timeout=5).stdout.split()
        return float(out[0]) if out else -1.0
    except (OSError, ValueError, subprocess.SubprocessError):
        return -1.0


def preload_parallel(items: List[data.Item], size: int, workers: int = 12) -> data.Tensors:
    chunks = [items[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(workers) as ex:
        parts = list(ex.map(lambda c: data.preload(c, size), chunks))
    order = {id(it): i for i, it in enumerate(items)}
    allitems = [it for p in parts for it in p.items]
    perm = np.argsort([order[id(it)] for it in allitems])
    cat = lambda name: np.concatenate([getattr(p, name) for p in parts])[perm]
    return data.Tensors(cat("images"), cat("anatomy"), cat("lung"), [allitems[i] for i in perm])


class Trainer:
    def __init__(self, cfg: config.Config, root: Path, out: Path, device: str, log=print):
        self.cfg, self.root, self.out, self.dev, self.log = cfg, root, out, torch.device(device), log
        out.mkdir(parents=True, exist_ok=True)
        seed_all(cfg.seed)
        self.g = torch.Generator(device=self.dev)
        self.g.manual_seed(cfg.seed)
        t0 = time.time()
        self.kermany = data.subsample(data.kermany(root, "train"), cfg.limit_kermany, cfg.seed)
        self.adult = data.subsample(data.covid(root, ["train"]), cfg.limit_covid, cfg.seed)
        iu_path = root / "text/iu-reports/NLMCXR_reports.tgz"
        iu = texts.iu_reports(iu_path) if iu_path.exists() else []
        self.corpus = textbank.corpus(iu, self.adult, cfg.seed)
        self.tok = train_tokenizer(self.corpus, cfg.vocab_size)
        self.tok.save(out / "tokenizer.json")
        self.texts = textbank.build(self.tok, self.adult, cfg.max_length, cfg.seed).to(self.dev)
        if self.dev.type == "cuda":
            torch.backends.cudnn.benchmark = True
        self.kt = self._to_dev(preload_parallel(self.kermany, cfg.size))
        self.at = self._to_dev(preload_parallel(self.adult, cfg.size))
        self.annotated = [i for i, it in enumerate(self.adult) if it.mask is not None or it.boxes]
        self.klabels = torch.tensor([textbank.LABELS.index(it.label) for it in self.kermany], device=self.dev)
        self.kpath = textbank.pathology_targets(self.kermany, self.dev)
        self.apath = textbank.pathology_targets(self.adult, self.dev)
        self.model = DualStreamCLIP(replace(cfg, vocab_size=len(self.tok))).to(self.dev)
        self.log(json.dumps({"event": "setup", "seconds": round(time.time() - t0, 1), "kermany": len(self.kermany),
                             "adult": len(self.adult), "annotated": len(self.annotated), "iu_reports": len(iu),
                             "vocab": len(self.tok), "params": parameter_report(self.model)}))

    def _to_dev(self, t: data.Tensors):
        return {k: torch.from_numpy(getattr(t, k)).to(self.dev) for k in ("images", "anatomy", "lung")}

    # ---- text pretraining (masked language model) -------------------------------------------------------------
    def pretrain_text(self) -> None:
        cfg, m = self.cfg, self.model.text
        bank = textbank.make_bank(self.tok, self.corpus, cfg.max_length).to(self.dev)
        opt = torch.optim.AdamW(m.parameters(), lr=1e-3, weight_decay=0.01)
        n, bs = bank.ids.shape[0], 256
        for ep in range(cfg.mlm_epochs):
            perm, tot, cnt = torch.randperm(n, device=self.dev, generator=self.g), 0.0, 0
            for s in range(0, n, bs):
                ids, mask = bank.take(perm[s:s + bs])
                sel = (torch.rand(ids.shape, device=self.dev, generator=self.g) < 0.15) & (ids > 4) & (mask > 0)
                inp = torch.where(sel, torch.full_like(ids, MASK), ids)
                with self._autocast():
                    logits = m.mlm_logits(m.hidden(inp, mask))
                loss = F.cross_entropy(logits[sel].float(), ids[sel]) if sel.any() else logits.sum() * 0
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                tot, cnt = tot + loss.item(), cnt + 1
            if ep % 5 == 0 or ep == cfg.mlm_epochs - 1:
                self.log(json.dumps({"event": "mlm", "epoch": ep, "loss": round(tot / max(cnt, 1), 4)}))

    def _autocast(self):
        enabled = self.cfg.amp and self.dev.type == "cuda"
        return torch.autocast(device_type=self.dev.type, dtype=torch.bfloat16, enabled=enabled)

    # ---- main contrastive training ----------------------------------------------------------------------------
    def _texts_for_kermany(self, idx: torch.Tensor):
        labels = self.klabels[idx]
        rows = torch.randint(0, 1500, (len(idx),), device=self.dev, generator=self.g)
        ids = torch.zeros(len(idx), self.cfg.max_length, dtype=torch.long, device=self.dev)
        mask = torch.zeros_like(ids)
        for li, name in enumerate(textbank.LABELS):
            sel = labels == li
            b = self.texts.label_bank[name]
            ids[sel], mask[sel] = b.ids[rows[sel]], b.mask[rows[sel]]
        n = int(mask.sum(1).max())
        keys = ["label:" + textbank.LABELS[int(l)] for l in labels.tolist()]
        return ids[:, :n], mask[:, :n], keys

    def _texts_for_adult(self, idx: List[int]):
        per = self.texts.per_item
        var = [random.randrange(per) for _ in idx]
        rows = torch.tensor([i * per + v for i, v in zip(idx, var)], device=self.dev)
        ids, mask = self.texts.item_bank.take(rows)
        return ids, mask, [self.texts.item_keys[i][v] for i, v in zip(idx, var)]

    def _prototypes(self, banks):
        rows = [random.randrange(b.ids.shape[0]) for b in banks]
        ids = torch.stack([b.ids[r] for b, r in zip(banks, rows)])
        mask = torch.stack([b.mask[r] for b, r in zip(banks, rows)])
        n = int(mask.sum(1).max())
        return ids[:, :n], mask[:, :n]

    def step(self, kidx: torch.Tensor, aidx: List[int], anidx: List[int]) -> Dict[str, float]:
        cfg, m, W = self.cfg, self.model, self.cfg.losses
        xk, _ = augment.augment(self.kt["images"][kidx], (), self.g, cfg.mean, cfg.std)
        ai = torch.tensor(aidx + anidx, device=self.dev, dtype=torch.long)
        xa, (anat_lab, lung_lab) = augment.augment(self.at["images"][ai], (self.at["anatomy"][ai], self.at["lung"][ai]),
                                                  self.g, cfg.mean, cfg.std)
        nk, na = len(kidx), len(aidx)
        kids, kmask, kkeys = self._texts_for_kermany(kidx)
        parts = [(kids, kmask)]
        if na:
            aids, amask, akeys = self._texts_for_adult(aidx)
            parts.append((aids, amask))
        anat_p = self._prototypes(self.texts.anatomy)
        path_p = self._prototypes(self.texts.pathology)
        out = {}
        with self._autocast():
            glob, path, anat, seg = m.image.encode(torch.cat([xk, xa]), nk + na)
            txt = [m.text(i, k) for i, k in parts]
            anat_txt = m.text(*anat_p)[1]
            path_txt = m.text(*path_p)[0]
            scale = m.scale()
            out["global"] = losses.global_contrastive(glob[:nk], txt[0][0], kkeys, scale)
            out["local"] = losses.local_alignment(path[:nk], txt[0][0], kkeys, scale)
            if na:
                out["global"] = 0.5 * (out["global"] + losses.global_contrastive(glob[nk:nk + na], txt[1][0], akeys, scale))
                out["local"] = 0.5 * (out["local"] + losses.local_alignment(path[nk:nk + na], txt[1][0], akeys, scale))
            ptarget = torch.cat([self.kpath[kidx], self.apath[torch.tensor(aidx, device=self.dev, dtype=torch.long)]]) \
                if na else self.kpath[kidx]
            pscale = m.proto_scale.exp().clamp(max=100.0)
            out["pathology"] = losses.pathology_prototypes(path[:nk + na], path_txt, ptarget, pscale)
            out["anatomy"] = losses.anatomy_prototypes(anat[nk + na:], anat_txt, anat_lab[na:], cfg.grid, pscale, m.anat_bias)
            lungness = torch.sigmoid(torch.einsum("bnd,d->bn", F.normalize(anat[:nk + na].float(), dim=-1),
                                                  F.normalize(anat_txt[2].float(), dim=-1)) * pscale + m.anat_bias[2]).detach()
            out["cross"] = losses.cross_stream(anat[:nk + na], path[:nk + na], lungness, m.bridge, scale)
            out["background"] = losses.pathology_background(path[:nk + na], path_txt, lungness, ptarget[:, 0] == 1, pscale)
            out["seg"] = losses.segmentation(seg, lung_lab[na:])
            total = sum(W[k] * v for k, v in out.items() if W.get(k, 0) > 0)
        self.opt.zero_grad(set_to_none=True)
        total.backward()
        torch.nn.utils.clip_grad_norm_(m.parameters(), 5.0)
        self.opt.step()
        self.sched.step()
        return {k: v.detach() for k, v in out.items()} | {"total": total.detach()}

    def fit(self, max_seconds: float = float("inf")) -> None:
        """Trains ``cfg.epochs`` epochs, or stops (logged) once ``max_seconds`` of training have passed."""
        cfg, m = self.cfg, self.model
        started = time.time()
        text_params = list(m.text.parameters())
        ids = {id(p) for p in text_params}
        other = [p for p in m.parameters() if id(p) not in ids]
        self.opt = torch.optim.AdamW([{"params": other, "lr": cfg.lr}, {"params": text_params, "lr": cfg.text_lr}],
                                     weight_decay=cfg.weight_decay)
        nk = len(self.kermany)
        steps_per_epoch = max(1, nk // cfg.batch)
        total = steps_per_epoch * cfg.epochs
        warm = min(cfg.warmup_steps, max(1, total // 10))
        self.sched = torch.optim.lr_scheduler.LambdaLR(
            self.opt, lambda s: min(1.0, (s + 1) / warm) * 0.5 * (1 + math.cos(math.pi * min(1.0, s / total))))
        self.pretrain_text()
        step = 0
        for ep in range(cfg.epochs):
            m.train()
            t0, seen, sums = time.time(), 0, {}
            perm = torch.randperm(nk, device=self.dev, generator=self.g)
            for s in range(steps_per_epoch):
                kidx = perm[s * cfg.batch:(s + 1) * cfg.batch]
                aidx = random.sample(range(len(self.adult)), min(cfg.covid_batch, len(self.adult))) \
                    if step % cfg.covid_every == 0 else []
                anidx = random.sample(self.annotated, min(cfg.anat_batch, len(self.annotated)))
                vals = self.step(kidx, aidx, anidx)
                for k, v in vals.items():
                    sums[k] = sums.get(k, 0.0) + v.float()
                seen += len(kidx) + len(aidx) + len(anidx)
                step += 1
            if self.dev.type == "cuda":
                torch.cuda.synchronize()
            dt = time.time() - t0
            rec = {"event": "epoch", "epoch": ep, "images_per_s": round(seen / dt, 1), "seconds": round(dt, 2),
                   "logit_scale": round(float(m.scale()), 2), "lr": self.sched.get_last_lr()[0]}
            rec.update({k: round(float(v) / steps_per_epoch, 4) for k, v in sums.items()})
            if ep % 10 == 0 or ep == cfg.epochs - 1:
                rec["gpu_util_percent"] = gpu_utilisation() if self.dev.type == "cuda" else None
            self.log(json.dumps(rec))
            if time.time() - started > max_seconds and ep < cfg.epochs - 1:
                self.log(json.dumps({"event": "stopped_early", "epoch": ep, "of": cfg.epochs,
                                     "reason": f"max_seconds={max_seconds} reached"}))
                break
        self.save()

    def save(self) -> Path:
        path = self.out / "checkpoint.pt"
        state = {k: v.half() if v.is_floating_point() else v for k, v in self.model.state_dict().items()}
        torch.save({"config": replace(self.cfg, vocab_size=len(self.tok)).to_dict(), "state": state}, path)
        return path


def load_checkpoint(path: Path, device: str = "cpu", deployed: bool = True) -> DualStreamCLIP:
    """The checkpoint's model in eval mode; ``deployed`` (default) folds BatchNorm and rounds to float16 as shipped."""
    ck = torch.load(path, map_location="cpu")
    c = dict(ck["config"])
    c["widths"] = tuple(c["widths"])
    m = DualStreamCLIP(config.Config(**c))
    m.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in ck["state"].items()})
    return (deploy(m) if deployed else m.eval()).to(device)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, required=True, help="data root holding cxr/ and text/")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--preset", choices=["default", "tiny"], default="default")
    ap.add_argument("--ablation", choices=sorted(config.ABLATIONS), default="full")
    ap.add_argument("--epochs", type=int)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--max-seconds", type=float, default=float("inf"), help="wall-clock cap on the training loop")
    a = ap.parse_args(argv)
    cfg = config.DEFAULT if a.preset == "default" else config.TINY
    cfg = cfg.with_losses(**config.ABLATIONS[a.ablation])
    if a.epochs is not None:
        cfg = replace(cfg, epochs=a.epochs)
    if a.seed is not None:
        cfg = replace(cfg, seed=a.seed)
    a.out.mkdir(parents=True, exist_ok=True)
    logf = open(a.out / "train_log.jsonl", "w")

    def log(line: str) -> None:
        print(line, flush=True)
        logf.write(line + "\n")
        logf.flush()
    log(json.dumps({"event": "config", "ablation": a.ablation, **cfg.to_dict(), "torch": torch.__version__,
                    "device": a.device}))
    t = Trainer(cfg, a.data, a.out, a.device, log)
    t.fit(a.max_seconds)
    log(json.dumps({"event": "done"}))


if __name__ == "__main__":
    main()
