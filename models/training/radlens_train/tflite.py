"""A small reader of TensorFlow Lite flatbuffers (tensorflow/lite/schema/schema.fbs), enough to pull the convolution
weights out of a quantised image network: tensors (shape, type, buffer, quantisation), operators (opcode, inputs,
outputs, Conv2D / DepthwiseConv2D options) and buffers. Built on the ``flatbuffers`` runtime's ``Table``; the field
slots below are the schema's field order (slot i → vtable offset 4 + 2·i; a union takes two slots).

    model = read(Path("net.tflite"))
    for op in model.operators: ...; w = model.dequantized(op.inputs[1])
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import flatbuffers
import numpy as np
from flatbuffers import number_types as N

# schema enums used here
BUILTIN = {0: "ADD", 3: "CONV_2D", 4: "DEPTHWISE_CONV_2D", 6: "DEQUANTIZE", 9: "FULLY_CONNECTED", 22: "RESHAPE",
           25: "SOFTMAX", 40: "MEAN", 114: "QUANTIZE"}
DTYPES = {0: np.float32, 1: np.float16, 2: np.int32, 3: np.uint8, 4: np.int64, 7: np.int16, 9: np.int8}
PADDING = {0: "SAME", 1: "VALID"}
ACTIVATION = {0: None, 1: "RELU", 2: "RELU_N1_TO_1", 3: "RELU6"}


class TFLiteError(ValueError):
    """The file is not a TFLite flatbuffer this reader understands (the message names the file and the item)."""


class _T:
    """Typed access to one flatbuffer table."""

    def __init__(self, buf: bytearray, pos: int):
        self.t = flatbuffers.table.Table(buf, pos)

    def _off(self, slot: int) -> int:
        return self.t.Offset(4 + 2 * slot)

    def scalar(self, slot: int, flags, default=0):
        o = self._off(slot)
        return self.t.Get(flags, o + self.t.Pos) if o else default

    def string(self, slot: int) -> str:
        o = self._off(slot)
        return self.t.String(o + self.t.Pos).decode("utf-8", "replace") if o else ""

    def table(self, slot: int) -> Optional["_T"]:
        o = self._off(slot)
        return _T(self.t.Bytes, self.t.Indirect(o + self.t.Pos)) if o else None

    def tables(self, slot: int) -> List["_T"]:
        o = self._off(slot)
        if not o:
            return []
        start, n = self.t.Vector(o), self.t.VectorLen(o)
        return [_T(self.t.Bytes, self.t.Indirect(start + 4 * i)) for i in range(n)]

    def array(self, slot: int, dtype) -> np.ndarray:
        o = self._off(slot)
        if not o:
            return np.zeros(0, dtype)
        start, n = self.t.Vector(o), self.t.VectorLen(o)
        return np.frombuffer(self.t.Bytes, dtype=np.dtype(dtype).newbyteorder("<"), count=n, offset=start)


@dataclass(frozen=True)
class Quantization:
    scale: np.ndarray        # [C] or [1]
    zero_point: np.ndarray   # [C] or [1]
    axis: int                # quantized_dimension


@dataclass(frozen=True)
class Tensor:
    name: str
    shape: Tuple[int, ...]
    dtype: type
    buffer: int
    quant: Optional[Quantization]


@dataclass(frozen=True)
class Operator:
    kind: str                # BUILTIN name or "OP_<code>"
    inputs: Tuple[int, ...]
    outputs: Tuple[int, ...]
    options: Dict[str, object]


@dataclass
class Model:
    tensors: List[Tensor]
    operators: List[Operator]
    buffers: List[bytes]
    source: str

    def raw(self, index: int) -> np.ndarray:
        t = self.tensors[index]
        data = self.buffers[t.buffer]
        expected = int(np.prod(t.shape)) * np.dtype(t.dtype).itemsize
        if len(data) != expected:
            raise TFLiteError(f"{self.source}: tensor {t.name!r} has {len(data)} bytes, shape {t.shape} needs {expected}")
        return np.frombuffer(data, dtype=np.dtype(t.dtype).newbyteorder("<")).reshape(t.shape)

    def dequantized(self, index: int) -> np.ndarray:
        """float32 values: ``scale[c] · (q − zero_point[c])`` along the quantised axis (float tensors as they are)."""
        t, q = self.tensors[index], self.raw(index)
        if t.quant is None or t.dtype in (np.float32, np.float16):
            return q.astype(np.float32)
        shape = [1] * q.ndim
        if t.quant.scale.size > 1:
            if t.quant.scale.size != q.shape[t.quant.axis]:
                raise TFLiteError(f"{self.source}: tensor {t.name!r}: {t.quant.scale.size} scales for axis "
                                  f"{t.quant.axis} of shape {t.shape}")
            shape[t.quant.axis] = -1
        scale = t.quant.scale.astype(np.float64).reshape(shape)
        zp = t.quant.zero_point.astype(np.float64).reshape(shape)
        return (scale * (q.astype(np.float64) - zp)).astype(np.float32)


def _quant(t: Optional[_T]) -> Optional[Quantization]:
    if t is None:
        return None
    scale = t.array(2, np.float32)
    if scale.size == 0:
        return None
    zp = t.array(3, np.int64)
    return Quantization(scale.copy(), zp.copy() if zp.size else np.zeros_like(scale, np.int64), t.scalar(6, N.Int32Flags))


def _options(kind: str, t: Optional[_T]) -> Dict[str, object]:
    if t is None or kind not in ("CONV_2D", "DEPTHWISE_CONV_2D"):
        return {}
    dw = kind == "DEPTHWISE_CONV_2D"
    act = 4 if dw else 3
    out = {"padding": PADDING.get(t.scalar(0, N.Int8Flags), "?"), "stride_w": t.scalar(1, N.Int32Flags),
           "stride_h": t.scalar(2, N.Int32Flags), "activation": ACTIVATION.get(t.scalar(act, N.Int8Flags), "?"),
           "dilation_w": t.scalar(act + 1, N.Int32Flags, 1), "dilation_h": t.scalar(act + 2, N.Int32Flags, 1)}
    if dw:
        out["depth_multiplier"] = t.scalar(3, N.Int32Flags)
    return out


def _opcode(t: _T) -> str:
    code = max(t.scalar(0, N.Int8Flags), t.scalar(3, N.Int32Flags))  # deprecated_builtin_code, builtin_code
    return BUILTIN.get(code, f"OP_{code}")


def _buffer(t: _T, whole: bytes) -> bytes:
    offset, size = t.scalar(1, N.Uint64Flags), t.scalar(2, N.Uint64Flags)
    if offset > 1:  # large models keep data after the flatbuffer
        return bytes(whole[offset:offset + size])
    return t.array(0, np.uint8).tobytes()


def read(path: Path) -> Model:
    """Parses the first subgraph of a TFLite file."""
    buf = bytearray(Path(path).read_bytes())
    if len(buf) < 8 or bytes(buf[4:8]) != b"TFL3":
        raise TFLiteError(f"{path}: not a TFLite flatbuffer (no 'TFL3' identifier)")
    try:
        root = _T(buf, flatbuffers.encode.Get(flatbuffers.packer.uoffset, buf, 0))
        codes = [_opcode(c) for c in root.tables(1)]
        subgraphs = root.tables(2)
        if not subgraphs:
            raise TFLiteError(f"{path}: no subgraph")
        g = subgraphs[0]
        tensors = [Tensor(t.string(3), tuple(int(v) for v in t.array(0, np.int32)),
                          DTYPES.get(t.scalar(1, N.Int8Flags), np.uint8), t.scalar(2, N.Uint32Flags), _quant(t.table(4)))
                   for t in g.tables(0)]
        ops = []
        for o in g.tables(3):
            kind = codes[o.scalar(0, N.Uint32Flags)]
            ops.append(Operator(kind, tuple(int(v) for v in o.array(1, np.int32)),
                                tuple(int(v) for v in o.array(2, np.int32)), _options(kind, o.table(4))))
        buffers = [_buffer(b, buf) for b in root.tables(4)]
    except (IndexError, ValueError, TypeError) as e:
        if isinstance(e, TFLiteError):
            raise
        raise TFLiteError(f"{path}: corrupt TFLite flatbuffer ({e})") from e
    return Model(tensors, ops, buffers, str(path))
