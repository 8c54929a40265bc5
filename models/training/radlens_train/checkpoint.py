"""Checkpoints. ``state.pt``: everything a run needs to resume exactly (model in float32, optimizer, scheduler,
sampler and RNG states, step, best validation score); ``checkpoint.pt``: the selected (best-on-val) model as shipped
(float16 state dict + config). Written atomically (temporary file + rename); read with
``torch.load(weights_only=True)`` — never pickled code. Torch 1.13's weights-only reader accepts no floats, so
everything but tensors travels as one JSON string (tensors by index): ``{"json": str, "tensors": [Tensor, ...]}``.
"""
from __future__ import annotations

import json
import os
import pickle
import random
from dataclasses import replace
from pathlib import Path
from typing import Any, Dict, List

import torch

from . import config
from .model import DualStreamCLIP, deploy


def _pack(obj: Any, tensors: List[torch.Tensor]) -> Any:
    if isinstance(obj, torch.Tensor):
        tensors.append(obj.detach().cpu())
        return {"__tensor__": len(tensors) - 1}
    if isinstance(obj, dict):
        if not all(isinstance(k, (str, int)) for k in obj):
            raise TypeError(f"checkpoint keys must be str or int: {list(obj)[:5]}")
        return {"__dict__": [[k, _pack(v, tensors)] for k, v in obj.items()]}
    if isinstance(obj, tuple):
        return {"__tuple__": [_pack(v, tensors) for v in obj]}
    if isinstance(obj, list):
        return [_pack(v, tensors) for v in obj]
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    raise TypeError(f"cannot store {type(obj).__name__} in a checkpoint")


def _unpack(obj: Any, tensors: List[torch.Tensor]) -> Any:
    if isinstance(obj, list):
        return [_unpack(v, tensors) for v in obj]
    if isinstance(obj, dict):
        if "__tensor__" in obj:
            return tensors[obj["__tensor__"]]
        if "__tuple__" in obj:
            return tuple(_unpack(v, tensors) for v in obj["__tuple__"])
        return {k: _unpack(v, tensors) for k, v in obj["__dict__"]}
    return obj


def atomic_save(obj: Dict[str, Any], path: Path) -> None:
    tensors: List[torch.Tensor] = []
    doc = json.dumps(_pack(obj, tensors))
    tmp = path.with_name(path.name + ".tmp")
    torch.save({"json": doc, "tensors": tensors}, tmp)
    os.replace(tmp, path)


def load(path: Path) -> Dict[str, Any]:
    if not Path(path).is_file():
        raise FileNotFoundError(f"checkpoint not found: {path}")
    try:
        raw = torch.load(path, map_location="cpu", weights_only=True)
        return _unpack(json.loads(raw["json"]), raw["tensors"])
    except (RuntimeError, EOFError, ValueError, KeyError, TypeError, pickle.UnpicklingError) as e:
        raise ValueError(f"{path}: not a readable RadLens checkpoint ({e})") from e


def rng_state(device_generator: torch.Generator) -> Dict[str, Any]:
    state = {"python": random.getstate(), "torch": torch.get_rng_state(), "device": device_generator.get_state()}
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: Dict[str, Any], device_generator: torch.Generator) -> None:
    random.setstate(state["python"])
    torch.set_rng_state(state["torch"])
    device_generator.set_state(state["device"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def save_model(model: DualStreamCLIP, cfg: config.Config, path: Path, extra: Dict[str, Any] = None) -> None:
    """The shipped form: float16 weights + config (+ e.g. the validation score it was selected with)."""
    state = {k: v.detach().cpu().half() if v.is_floating_point() else v.detach().cpu()
             for k, v in model.state_dict().items()}
    atomic_save({"config": cfg.to_dict(), "state": state, **(extra or {})}, path)


def load_model(path: Path, device: str = "cpu", deployed: bool = True) -> DualStreamCLIP:
    """The checkpoint's model in eval mode; ``deployed`` (default) folds BatchNorm and rounds to float16 as shipped."""
    ck = load(path)
    cfg = config.Config.from_dict(dict(ck["config"]))
    m = DualStreamCLIP(replace(cfg, init="scratch"))
    m.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in ck["state"].items()})
    return (deploy(m) if deployed else m.eval()).to(device)
