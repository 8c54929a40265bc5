"""MobileNetV2 (width 1.0) in PyTorch, laid out like the TF-Slim graph of weights/mobilenet-v2-imagenet, and a loader
that fills it from the int8 TFLite file (dequantised per output channel; OHWI → OIHW, depthwise 1HWC → C1HW).

BatchNorm is already folded into the TFLite convolutions, so every convolution here has a bias and no BatchNorm.
Padding is TF "SAME" (stride 2 on an even size pads 0 before and 1 after), ReLU6 where the file fuses it.
The float network takes RGB in [−1, 1] (pixel / 127.5 − 1) and has 1001 classes (0 = background).

    net = load_imagenet(Path(".../tf2_mobilenet_v2_1.0_224_ptq.tflite"))   # classifier, eval mode
    trunk = MobileNetTrunk(); trunk.load_from(net, mean=0.5, std=0.25)     # grey, stride-16 encoder trunk
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import List, Sequence, Tuple

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from . import tflite

# (expansion t, channels c, repeats n, first stride s) — Sandler et al. 2018, table 2
SETTINGS = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]
TRUNK_BLOCKS = 13                     # blocks up to the 96-channel stage: output stride 16
SKIP_AFTER = (0, 2, 5, 12)            # block indices giving strides 2, 4, 8, 16 (16, 24, 32, 96 channels)
TRUNK_CHANNELS = (16, 24, 32, 96)


def same_pad(size: int, k: int, s: int, d: int = 1) -> Tuple[int, int]:
    """TF "SAME" padding (before, after) of one spatial axis."""
    eff = (k - 1) * d + 1
    total = max((math.ceil(size / s) - 1) * s + eff - size, 0)
    return total // 2, total - total // 2


class SameConv(nn.Conv2d):
    """Conv2d with TF "SAME" padding (possibly asymmetric) and an optional fused ReLU6."""

    def __init__(self, cin: int, cout: int, k: int, stride: int = 1, groups: int = 1, relu6: bool = True):
        super().__init__(cin, cout, k, stride, 0, groups=groups, bias=True)
        self.relu6 = relu6

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        k, s = self.kernel_size[0], self.stride[0]
        if k > 1 or s > 1:
            ph, pw = same_pad(int(x.shape[-2]), k, s), same_pad(int(x.shape[-1]), k, s)
            if ph != (0, 0) or pw != (0, 0):
                x = F.pad(x, (pw[0], pw[1], ph[0], ph[1]))
        y = super().forward(x)
        return F.hardtanh(y, 0.0, 6.0) if self.relu6 else y


class InvertedResidual(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int, t: int):
        super().__init__()
        mid = cin * t
        self.expand = SameConv(cin, mid, 1) if t != 1 else None
        self.depthwise = SameConv(mid, mid, 3, stride, groups=mid)
        self.project = SameConv(mid, cout, 1, relu6=False)
        self.residual = stride == 1 and cin == cout

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.expand(x) if self.expand is not None else x
        y = self.project(self.depthwise(y))
        return x + y if self.residual else y


def _blocks(n: int) -> List[InvertedResidual]:
    out, cin = [], 32
    for t, c, reps, s in SETTINGS:
        for i in range(reps):
            out.append(InvertedResidual(cin, c, s if i == 0 else 1, t))
            cin = c
    return out[:n]


def convolutions(module: nn.Module) -> List[SameConv]:
    """Every SameConv in graph order (the order of the TFLite file's CONV_2D / DEPTHWISE_CONV_2D operators)."""
    return [m for m in module.modules() if isinstance(m, SameConv)]


class MobileNetV2(nn.Module):
    """The ImageNet classifier: RGB [B,3,224,224] in [−1, 1] → logits [B,1001]."""

    def __init__(self, classes: int = 1001):
        super().__init__()
        self.stem = SameConv(3, 32, 3, 2)
        self.blocks = nn.ModuleList(_blocks(17))
        self.head = SameConv(320, 1280, 1)
        self.classifier = SameConv(1280, classes, 1, relu6=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.stem(x)
        for b in self.blocks:
            x = b(x)
        x = self.head(x).mean(dim=(2, 3), keepdim=True)
        return self.classifier(x).flatten(1)


def load_weights(net: nn.Module, model: tflite.Model) -> None:
    """Copies the dequantised convolution weights of ``model`` into ``net``'s SameConvs, in graph order; checks
    shapes, strides and fused activations (a mismatch names the tensor)."""
    ops = [o for o in model.operators if o.kind in ("CONV_2D", "DEPTHWISE_CONV_2D")]
    convs = convolutions(net)
    if len(ops) != len(convs):
        raise tflite.TFLiteError(f"{model.source}: {len(ops)} convolutions, the network has {len(convs)}")
    with torch.no_grad():
        for op, conv in zip(ops, convs):
            w = model.dequantized(op.inputs[1])
            name = model.tensors[op.inputs[1]].name
            w = w.transpose(3, 0, 1, 2) if op.kind == "DEPTHWISE_CONV_2D" else w.transpose(0, 3, 1, 2)
            if tuple(w.shape) != tuple(conv.weight.shape):
                raise tflite.TFLiteError(f"{model.source}: {name} has shape {w.shape}, expected {tuple(conv.weight.shape)}")
            if op.options["stride_h"] != conv.stride[0] or op.options["padding"] != "SAME":
                raise tflite.TFLiteError(f"{model.source}: {name}: stride/padding {op.options} differ from the network")
            if (op.options["activation"] == "RELU6") != conv.relu6:
                raise tflite.TFLiteError(f"{model.source}: {name}: activation {op.options['activation']} differs")
            conv.weight.copy_(torch.from_numpy(np.ascontiguousarray(w)))
            conv.bias.copy_(torch.from_numpy(model.dequantized(op.inputs[2])))


def load_imagenet(path: Path) -> MobileNetV2:
    net = MobileNetV2()
    load_weights(net, tflite.read(path))
    return net.eval()


class MobileNetTrunk(nn.Module):
    """Grey input [B,1,S,S] → features at strides 2, 4, 8, 16 with TRUNK_CHANNELS channels (the first 13 blocks)."""

    channels = TRUNK_CHANNELS

    def __init__(self):
        super().__init__()
        self.stem = SameConv(1, 32, 3, 2)
        self.blocks = nn.ModuleList(_blocks(TRUNK_BLOCKS))
        for conv in convolutions(self):  # from-scratch init; residual branches start near identity
            nn.init.kaiming_normal_(conv.weight, mode="fan_out", nonlinearity="relu")
            nn.init.zeros_(conv.bias)
        for b in self.blocks:
            if b.residual:
                nn.init.normal_(b.project.weight, std=1e-3)

    def forward(self, x: torch.Tensor) -> Sequence[torch.Tensor]:
        x = self.stem(x)
        feats = []
        for i, b in enumerate(self.blocks):
            x = b(x)
            if i in SKIP_AFTER:
                feats.append(x)
        return feats

    def load_from(self, net: MobileNetV2, mean: float, std: float) -> None:
        """ImageNet start: copies ``net``'s first blocks; the RGB stem becomes a grey one for inputs normalised as
        (u − mean) / std with u in [0, 1]: the ImageNet input 2u − 1 = 2·std·x + (2·mean − 1) for a grey x
        replicated to R, G and B, so the stem sums its input channels, scales by 2·std and folds the offset into
        the bias (exact away from the zero padding, and everywhere when mean = 0.5)."""
        with torch.no_grad():
            w = net.stem.weight.sum(dim=1, keepdim=True)
            self.stem.weight.copy_(2 * std * w)
            self.stem.bias.copy_(net.stem.bias + (2 * mean - 1) * w.sum(dim=(1, 2, 3)))
            for mine, theirs in zip(self.blocks, net.blocks):
                mine.load_state_dict(theirs.state_dict())
