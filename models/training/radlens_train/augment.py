"""Batch augmentation on the training device: geometry (zoom, aspect, rotation, shift — applied to the label maps
too, with nearest sampling) and intensity (re-windowing, gamma, contrast, blur, noise). Inputs are uint8 [B,S,S]
in [0, 255] from ``data.preload``; output is the normalised float model input [B,1,S,S]."""
from __future__ import annotations

import math
from typing import Tuple

import torch
import torch.nn.functional as F

from .data import IGNORE


def _affine(b: int, g: torch.Generator, device, strength: float) -> torch.Tensor:
    def u(lo, hi):
        return torch.rand(b, generator=g, device=device) * (hi - lo) + lo
    zoom = torch.exp(u(math.log(0.8), math.log(1.25)) * strength)
    aspect = torch.exp(u(math.log(0.8), math.log(1.25)) * strength)
    rot = u(-10, 10) * strength * math.pi / 180
    tx, ty = u(-0.08, 0.08) * strength, u(-0.08, 0.08) * strength
    sx, sy = zoom * aspect.sqrt(), zoom / aspect.sqrt()
    cos, sin = torch.cos(rot), torch.sin(rot)
    theta = torch.stack([torch.stack([cos / sx, -sin / sx, tx], -1), torch.stack([sin / sy, cos / sy, ty], -1)], 1)
    return theta


def augment(images: torch.Tensor, labels: Tuple[torch.Tensor, ...], g: torch.Generator, mean: float, std: float,
            strength: float = 1.0) -> Tuple[torch.Tensor, Tuple[torch.Tensor, ...]]:
    b, s, _ = images.shape
    dev = images.device
    x = images.float().unsqueeze(1) / 255.0
    theta = _affine(b, g, dev, strength)
    grid = F.affine_grid(theta, [b, 1, s, s], align_corners=False)
    x = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    warped = []
    for lab in labels:
        l = F.grid_sample(lab.float().unsqueeze(1), grid, mode="nearest", padding_mode="zeros", align_corners=False)
        # outside the source canvas: background for label maps, unless the whole map was IGNORE
        l = l[:, 0]
        all_ign = (lab == IGNORE).flatten(1).all(dim=1)
        l[all_ign] = IGNORE
        warped.append(l.to(torch.uint8))
    x = _intensity(x, g, strength)
    return (x - mean) / std, tuple(warped)


def _intensity(x: torch.Tensor, g: torch.Generator, strength: float) -> torch.Tensor:
    b, dev = x.shape[0], x.device

    def u(lo, hi):
        return (torch.rand(b, generator=g, device=dev) * (hi - lo) + lo).view(b, 1, 1, 1)
    lo, hi = u(0, 0.08) * strength, 1 - u(0, 0.08) * strength
    x = ((x - lo) / (hi - lo)).clamp(0, 1)
    x = x.clamp(min=1e-6) ** torch.exp(u(math.log(0.7), math.log(1.4)) * strength)
    x = (x - 0.5) * (1 + u(-0.2, 0.2) * strength) + 0.5 + u(-0.08, 0.08) * strength
    blur = (torch.rand(b, generator=g, device=dev) < 0.3 * strength).view(b, 1, 1, 1)
    k = torch.tensor([1.0, 2.0, 1.0], device=dev)
    k2 = (k[:, None] * k[None, :] / 16).view(1, 1, 3, 3)
    x = torch.where(blur, F.conv2d(x, k2, padding=1), x)
    x = x + torch.randn(x.shape, generator=g, device=dev) * u(0, 0.03) * strength
    return x.clamp(0, 1)
