"""Training configuration: one dataclass, with the default (GPU) and tiny (CPU smoke / test package) presets."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Dict, Optional, Tuple


@dataclass(frozen=True)
class Config:
    size: int = 224                       # input side S (pixels)
    widths: Tuple[int, ...] = (32, 64, 128, 192)  # stem, stage1..3 channels; grid = S/16
    token_layers: int = 1                 # transformer layers over the patch grid
    text_dim: int = 192
    text_layers: int = 4
    text_heads: int = 4
    vocab_size: int = 4000
    max_length: int = 64
    embed_dim: int = 192                  # D, shared image/text space
    mean: float = 0.5
    std: float = 0.25
    epochs: int = 120
    batch: int = 256                      # Kermany (label-report) batch
    covid_batch: int = 64                 # adult note batch, every `covid_every` steps
    covid_every: int = 3
    anat_batch: int = 32                  # annotated (mask / box) images every step
    mlm_epochs: int = 30
    lr: float = 2e-3
    text_lr: float = 5e-4
    weight_decay: float = 0.05
    warmup_steps: int = 150
    seed: int = 0
    amp: bool = True
    limit_kermany: Optional[int] = None   # subsample for smoke runs
    limit_covid: Optional[int] = None
    losses: Dict[str, float] = field(default_factory=lambda: {
        "global": 1.0, "local": 0.5, "anatomy": 1.0, "pathology": 0.5, "cross": 0.1, "background": 0.3,
        "seg": 1.0})

    @property
    def grid(self) -> int:
        return self.size // 16

    def with_losses(self, **weights: float) -> "Config":
        merged = dict(self.losses)
        merged.update(weights)
        return replace(self, losses=merged)

    def to_dict(self) -> dict:
        return asdict(self)


DEFAULT = Config()
TINY = Config(size=64, widths=(8, 8, 16, 16), text_dim=16, text_layers=1, text_heads=2, vocab_size=400,
              max_length=32, embed_dim=16, epochs=1, batch=8, covid_batch=4, covid_every=1, anat_batch=4,
              mlm_epochs=1, warmup_steps=1, amp=False, limit_kermany=24, limit_covid=12)

# Ablations for the report: global loss only; + local alignment; full dual-stream (DEFAULT).
ABLATIONS = {
    "global_only": dict(local=0.0, anatomy=0.0, pathology=0.0, cross=0.0, background=0.0),
    "global_local": dict(anatomy=0.0, pathology=0.0, cross=0.0, background=0.0),
    "dual_streams": dict(background=0.0),
    "full": {},
}
