"""ONNX export of the two encoders (opset 17, dynamic batch) and fp16 storage of large weights (a Cast node
restores float32 at load, which ONNX Runtime folds once: compute stays float32, files are half the size)."""
from __future__ import annotations

import inspect
from pathlib import Path
from typing import Tuple

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

from .model import DualStreamCLIP

IMAGE_OUTPUTS = ["image_embeds", "patch_embeds", "anatomy_patch_embeds", "seg_logits"]
TEXT_OUTPUTS = ["text_embeds", "anatomy_text_embeds"]
OPSET = 17


class ImageExport(torch.nn.Module):
    def __init__(self, m: DualStreamCLIP):
        super().__init__()
        self.m = m.image

    def forward(self, pixel_values: torch.Tensor) -> Tuple[torch.Tensor, ...]:
        return self.m(pixel_values)


class TextExport(torch.nn.Module):
    def __init__(self, m: DualStreamCLIP):
        super().__init__()
        self.m = m.text

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> Tuple[torch.Tensor, ...]:
        return self.m(input_ids, attention_mask)


def _export(module, args, path: Path, inputs, outputs, axes) -> None:
    kw = {}
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        kw["dynamo"] = False  # the TorchScript exporter: same graph on torch 1.13 (CI) and 2.x (GPU)
    torch.onnx.export(module, args, str(path), input_names=inputs, output_names=outputs, dynamic_axes=axes,
                      opset_version=OPSET, do_constant_folding=True, **kw)


def export(model: DualStreamCLIP, out: Path) -> None:
    model = model.cpu().eval()
    s = model.cfg.size
    batch = {0: "batch"}
    _export(ImageExport(model), (torch.zeros(2, 1, s, s),), out / "image_encoder.onnx", ["pixel_values"], IMAGE_OUTPUTS,
            {"pixel_values": batch, **{o: batch for o in IMAGE_OUTPUTS}})
    ids = torch.ones(2, 7, dtype=torch.long)
    _export(TextExport(model), (ids, torch.ones_like(ids)), out / "text_encoder.onnx", ["input_ids", "attention_mask"],
            TEXT_OUTPUTS, {"input_ids": {0: "batch", 1: "length"}, "attention_mask": {0: "batch", 1: "length"},
                           **{o: batch for o in TEXT_OUTPUTS}})
    for name in ("image_encoder.onnx", "text_encoder.onnx"):
        store_fp16(out / name)


def store_fp16(path: Path, min_elements: int = 1024) -> None:
    """Stores float32 initializers with ≥ ``min_elements`` values as float16 followed by a Cast to float32.
    Lossless when the weights are already float16-representable (our checkpoints are saved in float16)."""
    m = onnx.load(str(path))
    g = m.graph
    keep, casts = [], []
    graph_inputs = {i.name for i in g.input}
    for init in g.initializer:
        arr = numpy_helper.to_array(init)
        if init.data_type == TensorProto.FLOAT and arr.size >= min_elements and init.name not in graph_inputs:
            half = numpy_helper.from_array(arr.astype(np.float16), init.name + "__fp16")
            keep.append(half)
            casts.append(helper.make_node("Cast", [half.name], [init.name], to=TensorProto.FLOAT,
                                          name="cast_" + init.name))
        else:
            keep.append(init)
    del g.initializer[:]
    g.initializer.extend(keep)
    nodes = casts + list(g.node)
    del g.node[:]
    g.node.extend(nodes)
    onnx.checker.check_model(m)
    onnx.save(m, str(path))


def ort_available() -> bool:
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def ort_outputs(path: Path, feeds: dict):
    """Runs a model with ONNX Runtime when it is installed; None otherwise (Debian has no onnxruntime)."""
    try:
        import onnxruntime as ort
    except ImportError:
        return None
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return sess.run(None, feeds)
