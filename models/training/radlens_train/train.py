"""Trains the dual-stream encoder on all sources together. ``python -m radlens_train.train --data ROOT --out DIR``

Balanced batches (sampler.py) over Kermany, covid-notes, NIH, Montgomery/Shenzhen and RSNA normals; synthetic or
real report texts per image (textbank.py); label-overlap soft targets; validation after every ``eval_every``
epochs selects the model (checkpoint.pt) and stops early; ``state.pt`` resumes the run exactly (``--resume``).
Logs every loss per epoch, throughput (images/s) and GPU utilisation into ``train_log.jsonl``.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Callable, Dict, List, Optional

import numpy as np
import torch

from . import checkpoint, config, data, selection, sources, textbank, texts
from .model import DualStreamCLIP, parameter_report, start_from_imagenet
from .sampler import BalancedSampler
from .tokenizer import WordPieceTokenizer, train as train_tokenizer
from .train_step import mlm_epoch, training_step


def seed_all(seed: int) -> None:
    """Seeds every generator; deterministic kernels where PyTorch has them (no cudnn.benchmark)."""
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.backends.cudnn.benchmark = False
    torch.backends.cudnn.deterministic = True
    torch.use_deterministic_algorithms(True, warn_only=True)


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
        parts = [p for p in ex.map(lambda c: data.preload(c, size), chunks) if p.items]
    order = {id(it): i for i, it in enumerate(items)}
    allitems = [it for p in parts for it in p.items]
    perm = np.argsort([order[id(it)] for it in allitems])
    cat = lambda name: np.concatenate([getattr(p, name) for p in parts])[perm]
    return data.Tensors(cat("images"), cat("anatomy"), cat("lung"), [allitems[i] for i in perm])


class WarmupCosine:
    """Learning-rate factor: linear warm-up, then cosine to 0 at ``total`` steps (a plain object, so the
    scheduler's state_dict holds only numbers)."""

    def __init__(self, warm: int, total: int):
        self.warm, self.total = warm, total

    def __call__(self, s: int) -> float:
        return min(1.0, (s + 1) / self.warm) * 0.5 * (1 + math.cos(math.pi * min(1.0, s / self.total)))


class Trainer:
    def __init__(self, cfg: config.Config, root: Path, out: Path, device: str, log: Callable[[str], None] = print):
        self.cfg, self.root, self.out, self.dev, self.log = cfg, root, out, torch.device(device), log
        out.mkdir(parents=True, exist_ok=True)
        seed_all(cfg.seed)
        self.g = torch.Generator(device=self.dev)
        self.g.manual_seed(cfg.seed)
        t0 = time.time()
        per_source = sources.load(root, "train", tuple(s for s in sources.SOURCES if cfg.shares.get(s, 0) > 0))
        self.items = [it for s, its in per_source.items() for it in data.subsample(its, cfg.limit_per_source, cfg.seed)]
        iu_path = root / "text/iu-reports/NLMCXR_reports.tgz"
        iu = texts.iu_reports(iu_path) if iu_path.exists() else []
        self.corpus = textbank.corpus(iu, self.items, cfg.seed)
        if cfg.limit_texts is not None and cfg.limit_texts < len(self.corpus):
            self.corpus = random.Random(cfg.seed).sample(self.corpus, cfg.limit_texts)
        tok_path = out / "tokenizer.json"
        self.tok = WordPieceTokenizer.load(tok_path) if tok_path.exists() else train_tokenizer(self.corpus, cfg.vocab_size)
        self.tok.save(tok_path)
        self.cfg = cfg = replace(cfg, vocab_size=len(self.tok))
        self.texts = textbank.build(self.tok, self.items, cfg.max_length, cfg.seed, cfg.per_item_texts).to(self.dev)
        t = preload_parallel(self.items, cfg.size)
        self.pool = {k: torch.from_numpy(getattr(t, k)).to(self.dev) for k in ("images", "anatomy", "lung")}
        self.annotated = torch.tensor([i for i, it in enumerate(self.items) if it.mask is not None or it.boxes],
                                      dtype=torch.long, device=self.dev)
        self.ptarget = textbank.pathology_targets(self.items, self.dev)
        self.val = selection.ValSet.load(root, cfg, preload_parallel, self.dev)
        self.sampler = BalancedSampler(self.items, cfg.shares, cfg.sample_power, cfg.seed)
        self.model = DualStreamCLIP(cfg).to(self.dev)
        if cfg.init == "imagenet":
            start_from_imagenet(self.model, root / config.IMAGENET_WEIGHTS)
        self._optimizer()
        self.step_no, self.epoch, self.best, self.since_best, self.history = 0, 0, -math.inf, 0, []
        self.log(json.dumps({"event": "setup", "seconds": round(time.time() - t0, 1), "pool": len(self.items),
                             "per_source": {s: sum(it.domain == s for it in self.items) for s in per_source},
                             "expected_shares": {k: round(v, 3) for k, v in self.sampler.expected_shares().items()},
                             "annotated": len(self.annotated), "val": len(self.val.items), "iu_reports": len(iu),
                             "vocab": len(self.tok), "params": parameter_report(self.model)}))

    def _optimizer(self) -> None:
        cfg, m = self.cfg, self.model
        text = list(m.text.parameters())
        trunk = list(m.image.trunk.parameters())
        seen = {id(p) for p in text + trunk}
        other = [p for p in m.parameters() if id(p) not in seen]
        trunk_lr = cfg.lr * (cfg.backbone_lr_scale if cfg.init == "imagenet" else 1.0)
        self.opt = torch.optim.AdamW([{"params": other, "lr": cfg.lr}, {"params": trunk, "lr": trunk_lr},
                                      {"params": text, "lr": cfg.text_lr}], weight_decay=cfg.weight_decay)
        total = self.steps_per_epoch * cfg.epochs
        self.sched = torch.optim.lr_scheduler.LambdaLR(
            self.opt, WarmupCosine(min(cfg.warmup_steps, max(1, total // 10)), total))

    @property
    def steps_per_epoch(self) -> int:
        return max(1, len(self.items) // self.cfg.batch)

    def autocast(self):
        enabled = self.cfg.amp and self.dev.type == "cuda"
        return torch.autocast(device_type=self.dev.type, dtype=torch.bfloat16, enabled=enabled)

    # ---- resumable state -------------------------------------------------------------------------------------
    def save_state(self) -> None:
        checkpoint.atomic_save({
            "config": self.cfg.to_dict(), "model": self.model.state_dict(), "optimizer": self.opt.state_dict(),
            "scheduler": self.sched.state_dict(), "sampler": self.sampler.state_dict(),
            "rng": checkpoint.rng_state(self.g), "step": self.step_no, "epoch": self.epoch, "best": self.best,
            "since_best": self.since_best, "history": self.history}, self.out / "state.pt")

    def load_state(self, path: Path) -> None:
        st = checkpoint.load(path)
        self.model.load_state_dict(st["model"])
        self.opt.load_state_dict(st["optimizer"])
        self.sched.load_state_dict(st["scheduler"])
        self.sampler.load_state_dict(st["sampler"])
        checkpoint.set_rng_state(st["rng"], self.g)
        self.step_no, self.epoch, self.best = st["step"], st["epoch"], st["best"]
        self.since_best, self.history = st["since_best"], list(st["history"])
        self.log(json.dumps({"event": "resumed", "epoch": self.epoch, "step": self.step_no}))

    # ---- training ----------------------------------------------------------------------------------------------
    def pretrain_text(self) -> None:
        for ep in range(self.cfg.mlm_epochs):
            loss = mlm_epoch(self, self.corpus)
            if ep % 5 == 0 or ep == self.cfg.mlm_epochs - 1:
                self.log(json.dumps({"event": "mlm", "epoch": ep, "loss": round(loss, 4)}))

    def run_epoch(self) -> Dict[str, float]:
        cfg = self.cfg
        self.model.train()
        t0, seen, sums = time.time(), 0, {}
        for _ in range(self.steps_per_epoch):
            idx = self.sampler.draw(cfg.batch).to(self.dev)
            k = min(cfg.anat_batch, len(self.annotated))
            an = self.annotated[torch.randperm(len(self.annotated), device=self.dev, generator=self.g)[:k]]
            for name, v in training_step(self, idx, an).items():
                sums[name] = sums.get(name, 0.0) + v.float()
            seen += len(idx) + len(an)
            self.step_no += 1
        if self.dev.type == "cuda":
            torch.cuda.synchronize()
        dt = time.time() - t0
        rec = {"event": "epoch", "epoch": self.epoch, "images_per_s": round(seen / dt, 1), "seconds": round(dt, 2),
               "logit_scale": round(float(self.model.scale()), 2), "lr": self.sched.get_last_lr()[0]}
        rec.update({k: round(float(v) / self.steps_per_epoch, 4) for k, v in sums.items()})
        if self.dev.type == "cuda":
            rec["gpu_util_percent"] = gpu_utilisation()
        return rec

    def validate(self, rec: Dict) -> bool:
        """Validates, keeps the best model; True when early stopping says stop."""
        val = selection.validate(self.model, self.tok, self.val, self.cfg)
        rec["val"] = {k: (round(v, 4) if v is not None else None) for k, v in val.items()}
        self.history.append({"epoch": self.epoch, **{k: v for k, v in val.items() if v is not None}})
        if val["score"] > self.best:
            self.best, self.since_best = val["score"], 0
            checkpoint.save_model(self.model, self.cfg, self.out / "checkpoint.pt",
                                  {"selected": {"epoch": self.epoch, "val": rec["val"]}})
            rec["selected"] = True
        else:
            self.since_best += 1
        return self.since_best >= self.cfg.patience

    def size_to_budget(self, seconds_left: float, epoch_seconds: float) -> None:
        """Time-budgeted runs: after the first epoch, fit the number of epochs (and the cosine schedule) into what
        is left of ``--max-seconds``; the chosen number is logged and saved, so a rerun can pass it as --epochs."""
        fit = max(self.epoch, min(self.cfg.epochs, self.epoch + int(seconds_left / max(epoch_seconds, 1e-6))))
        if fit < self.cfg.epochs:
            self.cfg = replace(self.cfg, epochs=fit)
            for f in self.sched.lr_lambdas:
                f.total = self.steps_per_epoch * fit
            self.log(json.dumps({"event": "epochs_sized", "epochs": fit, "epoch_seconds": round(epoch_seconds, 1),
                                 "seconds_left": round(seconds_left, 1)}))

    def fit(self, max_seconds: float = math.inf, stop_after_epochs: Optional[int] = None) -> None:
        """Trains until ``cfg.epochs``, early stopping, ``max_seconds`` of this call (epochs are sized to it after
        the first one), or ``stop_after_epochs`` epochs of this call (an interruption: state.pt lets a later call
        resume)."""
        started, done = time.time(), 0
        if self.step_no == 0 and self.epoch == 0:
            self.pretrain_text()
        while self.epoch < self.cfg.epochs:
            t0 = time.time()
            rec = self.run_epoch()
            stop = (self.epoch + 1) % self.cfg.eval_every == 0 and self.validate(rec)
            self.epoch += 1
            done += 1
            if done == 1 and math.isfinite(max_seconds):
                self.size_to_budget(max_seconds - (time.time() - started), time.time() - t0)
            self.log(json.dumps(rec))
            self.save_state()
            if stop:
                self.log(json.dumps({"event": "early_stop", "epoch": self.epoch - 1, "best_val": self.best}))
                break
            if time.time() - started > max_seconds and self.epoch < self.cfg.epochs:
                self.log(json.dumps({"event": "stopped_early", "epoch": self.epoch - 1, "of": self.cfg.epochs,
                                     "reason": f"max_seconds={max_seconds} reached"}))
                break
            if stop_after_epochs is not None and done >= stop_after_epochs:
                return
        if not (self.out / "checkpoint.pt").exists():  # never validated (eval_every > epochs): last model
            checkpoint.save_model(self.model, self.cfg, self.out / "checkpoint.pt")


def build_config(a: argparse.Namespace) -> config.Config:
    cfg = config.DEFAULT if a.preset == "default" else config.TINY
    cfg = cfg.with_losses(**config.ABLATIONS[a.ablation])
    for name in ("epochs", "seed", "init", "backbone", "batch"):
        if getattr(a, name, None) is not None:
            cfg = replace(cfg, **{name: getattr(a, name)})
    return cfg


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, required=True, help="data root holding cxr/, text/ and weights/")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--preset", choices=["default", "tiny"], default="default")
    ap.add_argument("--ablation", choices=sorted(config.ABLATIONS), default="full")
    ap.add_argument("--init", choices=config.INITS)
    ap.add_argument("--backbone", choices=["mobilenet", "resnet"])
    ap.add_argument("--epochs", type=int)
    ap.add_argument("--batch", type=int)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--max-seconds", type=float, default=math.inf, help="wall-clock cap on the training loop")
    ap.add_argument("--resume", action="store_true", help="continue from OUT/state.pt")
    a = ap.parse_args(argv)
    cfg = build_config(a)
    a.out.mkdir(parents=True, exist_ok=True)
    with open(a.out / "train_log.jsonl", "a" if a.resume else "w") as logf:
        def log(line: str) -> None:
            print(line, flush=True)
            logf.write(line + "\n")
            logf.flush()
        log(json.dumps({"event": "config", "ablation": a.ablation, **cfg.to_dict(), "torch": torch.__version__,
                        "device": a.device}))
        t = Trainer(cfg, a.data, a.out, a.device, log)
        if a.resume:
            t.load_state(a.out / "state.pt")
        t.fit(a.max_seconds)
        log(json.dumps({"event": "done", "best_val": t.best}))


if __name__ == "__main__":
    main()
