"""The dual-stream report-aligned encoder: a small CNN + transformer image encoder with a global embedding, a
pathology patch stream (shared space with sentences), an anatomy patch stream and a U-Net lung head; a small
text transformer with a sentence embedding and an anatomy-stream embedding. Exports cleanly to ONNX."""
from __future__ import annotations

import math
from typing import Dict, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

from .config import Config
from .mobilenet import MobileNetTrunk


class Attention(nn.Module):
    def __init__(self, dim: int, heads: int):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)

    def forward(self, x: torch.Tensor, bias: torch.Tensor = None) -> torch.Tensor:
        b, n, d = x.shape
        qkv = self.qkv(x).reshape(b, n, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        att = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(d // self.heads))
        if bias is not None:
            att = att + bias
        att = att.softmax(dim=-1)
        return self.out(torch.matmul(att, v).transpose(1, 2).reshape(b, n, d))


class Block(nn.Module):
    """Pre-norm transformer block."""

    def __init__(self, dim: int, heads: int, mlp: int):
        super().__init__()
        self.n1 = nn.LayerNorm(dim)
        self.att = Attention(dim, heads)
        self.n2 = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, mlp), nn.GELU(), nn.Linear(mlp, dim))

    def forward(self, x: torch.Tensor, bias: torch.Tensor = None) -> torch.Tensor:
        x = x + self.att(self.n1(x), bias)
        return x + self.mlp(self.n2(x))


class BasicBlock(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int):
        super().__init__()
        self.c1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.b1 = nn.BatchNorm2d(cout)
        self.c2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.b2 = nn.BatchNorm2d(cout)
        self.skip = None if stride == 1 and cin == cout else nn.Sequential(
            nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.b2(self.c2(F.relu(self.b1(self.c1(x)))))
        return F.relu(y + (x if self.skip is None else self.skip(x)))


def conv_bn(cin: int, cout: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class Up(nn.Module):
    def __init__(self, cin: int, cskip: int, cout: int):
        super().__init__()
        self.conv = nn.Sequential(conv_bn(cin + cskip, cout), conv_bn(cout, cout))

    def forward(self, x: torch.Tensor, skip: torch.Tensor) -> torch.Tensor:
        x = F.interpolate(x, scale_factor=2.0, mode="bilinear", align_corners=False)
        return self.conv(torch.cat([x, skip], dim=1))


class ResNetTrunk(nn.Module):
    """v1's small ResNet: [B,1,S,S] → features at strides 2, 4, 8, 16 with ``widths`` channels."""

    def __init__(self, widths: Tuple[int, ...]):
        super().__init__()
        w0, w1, w2, w3 = widths
        self.channels = tuple(widths)
        self.stem = nn.Sequential(nn.Conv2d(1, w0, 3, 2, 1, bias=False), nn.BatchNorm2d(w0), nn.ReLU(inplace=True))
        self.s1 = nn.Sequential(BasicBlock(w0, w1, 2), BasicBlock(w1, w1, 1))
        self.s2 = nn.Sequential(BasicBlock(w1, w2, 2), BasicBlock(w2, w2, 1))
        self.s3 = nn.Sequential(BasicBlock(w2, w3, 2), BasicBlock(w3, w3, 1))

    def forward(self, x: torch.Tensor):
        f0 = self.stem(x)
        f1 = self.s1(f0)
        f2 = self.s2(f1)
        return [f0, f1, f2, self.s3(f2)]


def make_trunk(cfg: Config) -> nn.Module:
    if cfg.backbone == "resnet":
        return ResNetTrunk(cfg.widths)
    if cfg.backbone == "mobilenet":
        return MobileNetTrunk()
    raise ValueError(f"unknown backbone {cfg.backbone!r} (resnet | mobilenet)")


class ImageEncoder(nn.Module):
    """[B,1,S,S] → global [B,D], pathology patches [B,N,D], anatomy patches [B,N,D], lung logits [B,1,S/2,S/2]."""

    def __init__(self, cfg: Config):
        super().__init__()
        self.trunk = make_trunk(cfg)
        w0, w1, w2, c3 = self.trunk.channels
        w3 = cfg.widths[3]
        self.neck = nn.Identity() if c3 == w3 else nn.Conv2d(c3, w3, 1)
        self.pos = nn.Parameter(torch.zeros(1, cfg.grid * cfg.grid, w3))
        self.blocks = nn.ModuleList([Block(w3, max(1, w3 // 48), 2 * w3) for _ in range(cfg.token_layers)])
        self.norm = nn.LayerNorm(w3)
        self.global_proj = nn.Sequential(nn.Linear(w3, w3), nn.GELU(), nn.Linear(w3, cfg.embed_dim))
        self.path_proj = nn.Linear(w3, cfg.embed_dim)
        self.anat_proj = nn.Sequential(nn.Linear(w3, w3), nn.GELU(), nn.Linear(w3, cfg.embed_dim))
        d1, d2, d3 = max(8, w3 // 3), max(8, w2 // 3), max(8, w1 // 2)
        self.up1, self.up2, self.up3 = Up(w3, w2, d1), Up(d1, w1, d2), Up(d2, w0, d3)
        self.seg_out = nn.Conv2d(d3, 1, 1)
        nn.init.normal_(self.pos, std=0.02)

    def forward(self, x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        return self.encode(x, 0)

    def encode(self, x: torch.Tensor, seg_from: int) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """Like ``forward``, but the lung decoder runs only on ``x[seg_from:]`` (training needs it on the
        annotated images alone; it is the most expensive part at 112 px)."""
        f0, f1, f2, f3 = self.trunk(x)
        f3 = self.neck(f3)
        b, c, h, w = f3.shape
        t = f3.flatten(2).transpose(1, 2) + self.pos
        for blk in self.blocks:
            t = blk(t)
        t = self.norm(t)
        glob = self.global_proj(t.mean(dim=1))
        grid = t.transpose(1, 2).reshape(b, c, h, w)[seg_from:]
        seg = self.seg_out(self.up3(self.up2(self.up1(grid, f2[seg_from:]), f1[seg_from:]), f0[seg_from:]))
        return glob, self.path_proj(t), self.anat_proj(t), seg


class TextEncoder(nn.Module):
    """[B,L] ids + mask → sentence embedding [B,D], anatomy embedding [B,D]; ``hidden`` gives token states (MLM)."""

    def __init__(self, cfg: Config):
        super().__init__()
        self.tok = nn.Embedding(cfg.vocab_size, cfg.text_dim)
        self.pos = nn.Parameter(torch.zeros(1, cfg.max_length, cfg.text_dim))
        self.blocks = nn.ModuleList([Block(cfg.text_dim, cfg.text_heads, 2 * cfg.text_dim) for _ in range(cfg.text_layers)])
        self.norm = nn.LayerNorm(cfg.text_dim)
        self.proj = nn.Linear(cfg.text_dim, cfg.embed_dim)
        self.anat_proj = nn.Linear(cfg.text_dim, cfg.embed_dim)
        self.mlm_bias = nn.Parameter(torch.zeros(cfg.vocab_size))
        nn.init.normal_(self.pos, std=0.02)
        nn.init.normal_(self.tok.weight, std=0.02)

    def hidden(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        x = self.tok(ids) + self.pos[:, : ids.shape[1]]
        bias = ((1.0 - mask.to(x.dtype)) * -1e4)[:, None, None, :]
        for blk in self.blocks:
            x = blk(x, bias)
        return self.norm(x)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        h = self.hidden(ids, mask)
        m = mask.to(h.dtype).unsqueeze(-1)
        pooled = (h * m).sum(dim=1) / m.sum(dim=1).clamp(min=1.0)
        return self.proj(pooled), self.anat_proj(pooled)

    def mlm_logits(self, h: torch.Tensor) -> torch.Tensor:
        return torch.matmul(h, self.tok.weight.t()) + self.mlm_bias


class DualStreamCLIP(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.image = ImageEncoder(cfg)
        self.text = TextEncoder(cfg)
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))
        self.proto_scale = nn.Parameter(torch.tensor(math.log(10.0)))
        self.anat_bias = nn.Parameter(torch.zeros(4))
        self.bridge = nn.Linear(cfg.embed_dim, cfg.embed_dim)  # anatomy → pathology space (cross-stream loss)

    def scale(self) -> torch.Tensor:
        return self.logit_scale.exp().clamp(max=100.0)


def count_parameters(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def parameter_report(model: DualStreamCLIP) -> Dict[str, int]:
    return {"image_encoder": count_parameters(model.image), "text_encoder": count_parameters(model.text)}


def _fuse_pairs(module: nn.Module) -> None:
    from torch.nn.utils.fusion import fuse_conv_bn_eval
    for child in module.children():
        _fuse_pairs(child)
    if isinstance(module, BasicBlock):
        module.c1, module.b1 = fuse_conv_bn_eval(module.c1, module.b1), nn.Identity()
        module.c2, module.b2 = fuse_conv_bn_eval(module.c2, module.b2), nn.Identity()
    if isinstance(module, nn.Sequential):
        mods = list(module)
        for i in range(len(mods) - 1):
            if isinstance(mods[i], nn.Conv2d) and isinstance(mods[i + 1], nn.BatchNorm2d):
                module[i], module[i + 1] = fuse_conv_bn_eval(mods[i], mods[i + 1]), nn.Identity()


def deploy(model: DualStreamCLIP) -> DualStreamCLIP:
    """The model as shipped: BatchNorm folded into the convolutions, every weight rounded to float16 (the package
    stores float16). Evaluation and export both use this, so the reported metrics are the package's metrics and
    ONNX Runtime reproduces PyTorch to float32 rounding."""
    model = model.eval()
    _fuse_pairs(model.image)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(p.half().float())
    return model


def start_from_imagenet(model: DualStreamCLIP, weights: "Path") -> None:
    """ImageNet start: the MobileNetV2 trunk takes the dequantised TFLite weights (mobilenet.py)."""
    from .mobilenet import load_imagenet
    if not isinstance(model.image.trunk, MobileNetTrunk):
        raise ValueError("an ImageNet start needs backbone='mobilenet'")
    model.image.trunk.load_from(load_imagenet(weights), model.cfg.mean, model.cfg.std)
