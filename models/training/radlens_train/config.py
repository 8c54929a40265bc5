"""Training configuration: one dataclass, with the default (GPU) and tiny (CPU smoke / test package) presets."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Dict, Optional, Tuple

IMAGENET_WEIGHTS = "weights/mobilenet-v2-imagenet/tf2_mobilenet_v2_1.0_224_ptq.tflite"


@dataclass(frozen=True)
class Config:
    size: int = 224                       # input side S (pixels)
    backbone: str = "mobilenet"           # "mobilenet" (MobileNetV2 trunk, stride 16) | "resnet" (v1's small ResNet)
    init: str = "imagenet"                # "imagenet" (dequantised TFLite MobileNetV2) | "scratch"
    widths: Tuple[int, ...] = (32, 64, 128, 192)  # resnet: stem, stage1..3 channels; mobilenet: widths[3] = tokens
    token_layers: int = 1                 # transformer layers over the patch grid
    text_dim: int = 192
    text_layers: int = 4
    text_heads: int = 4
    vocab_size: int = 4000
    max_length: int = 64
    embed_dim: int = 192                  # D, shared image/text space
    mean: float = 0.5
    std: float = 0.25
    epochs: int = 30                      # an epoch = as many sampled images as the training pool holds
    batch: int = 256                      # balanced mixed batch over all sources
    anat_batch: int = 32                  # annotated (mask / box) images every step
    mlm_epochs: int = 20
    lr: float = 2e-3
    backbone_lr_scale: float = 0.25       # pretrained trunk learns slower (applies to the mobilenet trunk)
    text_lr: float = 5e-4
    weight_decay: float = 0.05
    warmup_steps: int = 150
    seed: int = 0
    amp: bool = True
    sample_power: float = 0.5             # label flattening inside a source (sampler.py)
    shares: Dict[str, float] = field(default_factory=lambda: {
        "kermany": 0.22, "nih": 0.30, "tb": 0.22, "rsna": 0.12, "covid": 0.14})
    per_item_texts: int = 6               # synthetic / note text variants per training image
    limit_per_source: Optional[int] = None  # subsample each source (smoke runs)
    limit_val: Optional[int] = None       # subsample each validation source
    limit_texts: Optional[int] = None     # subsample the tokenizer / masked-language corpus (smoke runs)
    eval_every: int = 1                   # validate every N epochs
    patience: int = 6                     # early stopping after N validations without improvement
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

    @staticmethod
    def from_dict(d: dict) -> "Config":
        known = {k: v for k, v in d.items() if k in Config.__dataclass_fields__}
        known["widths"] = tuple(known.get("widths", Config.widths))
        known.setdefault("backbone", "resnet")   # checkpoints written before the backbone switch
        known.setdefault("init", "scratch")
        return Config(**known)


DEFAULT = Config()
TINY = Config(size=64, init="scratch", widths=(8, 8, 16, 16), text_dim=16, text_layers=1, text_heads=2,
              vocab_size=400, max_length=32, embed_dim=16, epochs=1, batch=10, anat_batch=4, mlm_epochs=1,
              warmup_steps=1, amp=False, per_item_texts=2, limit_per_source=6, limit_val=6, limit_texts=600, patience=2)

# Ablations for the report. Loss ablations keep the ImageNet start; "scratch" keeps the losses.
ABLATIONS = {
    "global_only": dict(local=0.0, anatomy=0.0, pathology=0.0, cross=0.0, background=0.0),
    "global_local": dict(anatomy=0.0, pathology=0.0, cross=0.0, background=0.0),
    "dual_streams": dict(background=0.0),
    "full": {},
}
INITS = ("imagenet", "scratch")
