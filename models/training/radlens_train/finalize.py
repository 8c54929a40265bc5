"""Records evaluation results in an existing package: rewrites ``metrics`` in the manifest, regenerates the model
card and the sha256 list. ONNX files are untouched.

``python -m radlens_train.finalize --package PKG --metrics M.json [--ablation NAME=M.json ...] [--training T.json]``
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, Optional

from .export import seal


def refresh(pkg: Path, metrics: Dict, ablation: Optional[Dict] = None, training: Optional[Dict] = None,
            kind: str = "default") -> None:
    man_path = pkg / "radlens-model.json"
    man = json.loads(man_path.read_text())
    man["metrics"] = dict(metrics)
    if ablation:
        man["metrics"]["ablation"] = ablation
    if training:
        man["metrics"]["training"] = training
    seal(pkg, man, kind)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--package", type=Path, required=True)
    ap.add_argument("--metrics", type=Path, required=True)
    ap.add_argument("--ablation", nargs="*", default=[], help="NAME=metrics.json")
    ap.add_argument("--training", type=Path)
    ap.add_argument("--kind", default="default", help="default | tiny | cpu (the card's description)")
    a = ap.parse_args(argv)
    abl = {n: json.loads(Path(p).read_text()) for n, p in (x.split("=", 1) for x in a.ablation)}
    refresh(a.package, json.loads(a.metrics.read_text()), abl or None,
            json.loads(a.training.read_text()) if a.training else None, a.kind)


if __name__ == "__main__":
    main()
