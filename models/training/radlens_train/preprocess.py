"""The reference implementation of the package's image preprocessing (MODEL-PACKAGE.md), shared by training,
evaluation and the parity data written for the Java runtime.

Steps: grey float image → percentile window to [0, 1] → letterbox to S×S (box-average by an integer factor when
shrinking by 2× or more, then bilinear with pixel centres aligned, edge-clamped) → (v − mean) / std.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Tuple

import numpy as np


@dataclass(frozen=True)
class Letterbox:
    """Maps input-grid coordinates back to the source: ``x_src = (x_in − ox + 0.5) / k − 0.5``."""
    k: float
    ox: int
    oy: int
    width: int
    height: int
    size: int


def round_half_up(x: float) -> int:
    return int(math.floor(x + 0.5))


def percentile_window(img: np.ndarray, low: float = 0.5, high: float = 99.5) -> np.ndarray:
    """Nearest-rank percentiles: value at sorted index ceil(p/100·n) − 1 (clamped) maps to 0 and 1, clipped."""
    flat = np.sort(img.astype(np.float32).ravel())
    n = flat.size
    lo = flat[min(max(math.ceil(low / 100.0 * n) - 1, 0), n - 1)]
    hi = flat[min(max(math.ceil(high / 100.0 * n) - 1, 0), n - 1)]
    return np.clip((img.astype(np.float32) - lo) / max(float(hi - lo), 1e-6), 0.0, 1.0).astype(np.float32)


def box_reduce(img: np.ndarray, f: int) -> np.ndarray:
    """Averages f×f blocks; partial blocks at the right/bottom edges average their valid pixels."""
    if f <= 1:
        return img
    h, w = img.shape
    hr, wr = -(-h // f), -(-w // f)
    pad = np.zeros((hr * f, wr * f), np.float64)
    cnt = np.zeros_like(pad)
    pad[:h, :w] = img
    cnt[:h, :w] = 1
    s = pad.reshape(hr, f, wr, f).sum(axis=(1, 3))
    c = cnt.reshape(hr, f, wr, f).sum(axis=(1, 3))
    return (s / c).astype(np.float32)


def _bilinear(img: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    h, w = img.shape
    xs = np.clip(xs, 0, w - 1)
    ys = np.clip(ys, 0, h - 1)
    x0 = np.floor(xs).astype(np.int64)
    y0 = np.floor(ys).astype(np.int64)
    x1 = np.minimum(x0 + 1, w - 1)
    y1 = np.minimum(y0 + 1, h - 1)
    fx = (xs - x0).astype(np.float32)[None, :]
    fy = (ys - y0).astype(np.float32)[:, None]
    a = img[np.ix_(y0, x0)]
    b = img[np.ix_(y0, x1)]
    c = img[np.ix_(y1, x0)]
    d = img[np.ix_(y1, x1)]
    top = a + (b - a) * fx
    bot = c + (d - c) * fx
    return (top + (bot - top) * fy).astype(np.float32)


def letterbox(img: np.ndarray, size: int, pad_value: float = 0.0) -> Tuple[np.ndarray, Letterbox]:
    """Aspect-preserving resize of a 2D float image into a ``size``×``size`` canvas, centred."""
    h, w = img.shape
    k = size / max(w, h)
    nw, nh = min(size, round_half_up(w * k)), min(size, round_half_up(h * k))
    ox, oy = (size - nw) // 2, (size - nh) // 2
    f = max(1, int(math.floor(1.0 / k))) if k < 1 else 1
    red = box_reduce(img.astype(np.float32), f)
    kr = k * f
    xs = (np.arange(nw) + 0.5) / kr - 0.5
    ys = (np.arange(nh) + 0.5) / kr - 0.5
    out = np.full((size, size), pad_value, np.float32)
    out[oy:oy + nh, ox:ox + nw] = _bilinear(red, xs, ys)
    return out, Letterbox(k, ox, oy, w, h, size)


def preprocess(img: np.ndarray, size: int, mean: float, std: float, low: float = 0.5, high: float = 99.5,
               pad_value: float = 0.0) -> Tuple[np.ndarray, Letterbox]:
    """Grey image (any range) → normalised ``size``×``size`` float32 model input and its letterbox."""
    unit, lb = letterbox(percentile_window(img, low, high), size, pad_value)
    return ((unit - mean) / std).astype(np.float32), lb


def unletterbox(grid: np.ndarray, lb: Letterbox) -> np.ndarray:
    """Samples an S×S map (input grid) back onto the source pixel grid (bilinear, edge-clamped)."""
    xs = (np.arange(lb.width) + 0.5) * lb.k - 0.5 + lb.ox
    ys = (np.arange(lb.height) + 0.5) * lb.k - 0.5 + lb.oy
    return _bilinear(grid.astype(np.float32), xs, ys)
