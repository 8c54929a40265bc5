"""Peer timings for `radlens bench infer`: the training code's model in Debian torch (eager, CPU).

Usage: python3 peer_infer.py TRAINING_DIR MANIFEST.json CHECKPOINT|- MODE THREADS WARMUP REPS IMAGE...
MODE: "warm" (latency per image of classify / ground / segment, end to end: PIL or pydicom decode +
radlens_train.preprocess + encode + scoring with prompt embeddings cached) or "cold" (one classification, for a
parent that times the whole process). The architecture is radlens_train.config.DEFAULT with the package's input
size, embedding size and text length; weights are random (seed 0) unless CHECKPOINT names a training checkpoint
(radlens_train.checkpoint.load_model: its configuration and deployed weights); timing does not depend on weights.
Both are deployed as the package is (radlens_train.model.deploy: BatchNorm folded into the convolutions).
THREADS sets torch.set_num_threads (one process, intra-op parallelism).
Prints one JSON object: {"runner": ..., "timings": {"classify threads=N": [ms, ...], ...}}.
"""
import json
import sys
import time
from dataclasses import replace
from pathlib import Path


def load(training: str, manifest_path: str, checkpoint: str):
    sys.path.insert(0, training)
    import torch
    from radlens_train.config import DEFAULT
    from radlens_train.infer import Inference
    from radlens_train.model import DualStreamCLIP, deploy
    from radlens_train.tokenizer import WordPieceTokenizer
    with open(manifest_path, encoding="utf-8") as f:
        m = json.load(f)
    arch = m.get("architecture", {})  # written by the v2 exporter; packages without it are v1 (small ResNet)
    cfg = replace(DEFAULT, size=m["image"]["size"], embed_dim=m["outputs"]["embedding_dim"],
                  max_length=m["text"]["max_length"], backbone=arch.get("image_backbone", "resnet"),
                  init="scratch")
    torch.manual_seed(0)
    if checkpoint != "-":  # a training checkpoint: its own configuration and deployed weights
        from radlens_train.checkpoint import load_model
        model = load_model(Path(checkpoint))
    else:  # as shipped: BatchNorm folded into the convolutions, like the package's ONNX graph
        model = deploy(DualStreamCLIP(cfg))
    tok = WordPieceTokenizer.load(Path(manifest_path).parent / m["text"]["tokenizer"])
    return Inference(model, tok), m


def read(path: str):
    import numpy as np
    if path.lower().endswith(".dcm"):
        import pydicom
        ds = pydicom.dcmread(path)
        return ds.pixel_array.astype(np.float32) * float(getattr(ds, "RescaleSlope", 1) or 1) \
            + float(getattr(ds, "RescaleIntercept", 0) or 0)
    from PIL import Image
    return np.asarray(Image.open(path).convert("L"), dtype=np.float32)


def tasks(inf, m):
    findings = m["prompts"]["findings"]
    ens = {k: (inf.ensemble(v["positive"]), inf.ensemble(v["negative"])) for k, v in findings.items()}
    query = inf.ensemble(["pneumonia"])
    scale = float(m.get("logit_scale", 1.0))

    def classify(path):
        e = inf.encode_images([read(path)])
        return [1.0 / (1.0 + float(__import__("numpy").exp(-scale * (e.glob[0] @ p - e.glob[0] @ n))))
                for p, n in ens.values()]

    def ground(path):
        e = inf.encode_images([read(path)])
        return inf.heat_map(e.path[0], query, e.boxes[0])

    def segment(path):
        e = inf.encode_images([read(path)])
        return inf.lung_mask(e.seg[0], e.boxes[0])
    return {"classify": classify, "ground": ground, "segment": segment}


def main() -> None:
    training, manifest, checkpoint, mode = sys.argv[1:5]
    threads, warmup, reps = (int(v) for v in sys.argv[5:8])
    images = sys.argv[8:]
    import torch
    torch.set_num_threads(threads)
    inf, m = load(training, manifest, checkpoint)
    work = tasks(inf, m)
    if mode == "cold":
        work["classify"](images[0])
        print(json.dumps({"runner": f"python3 torch {torch.__version__}", "timings": {}}))
        return
    timings = {}
    for name, fn in work.items():
        for i in range(warmup):
            fn(images[i % len(images)])
        ms = []
        for i in range(reps):
            t0 = time.perf_counter()
            fn(images[i % len(images)])
            ms.append((time.perf_counter() - t0) * 1000.0)
        timings[f"{name} threads={threads}"] = ms
    print(json.dumps({"runner": f"python3 torch {torch.__version__} eager", "timings": timings}))


if __name__ == "__main__":
    main()
