"""Writes the `synthetic` test model package: a tiny random-initialised dual-stream model exported to ONNX with
reference outputs, so the Java runtime can be tested without the trained package.

Run with Debian's torch (`/usr/bin/python3 make_synthetic_package.py OUT_DIR`). Deterministic (seed 0).
The preprocessing here is an independent NumPy transcription of MODEL-PACKAGE.md, so the Java parity test checks
both the encoders and the preprocessing.
"""
import hashlib
import json
import math
import re
import sys
from pathlib import Path

import numpy as np
import torch
from PIL import Image

S, C, P, D = 32, 1, 8, 16
GRID = S // P
MAX_LEN = 12
WORDS = ["no", "pneumonia", "normal", "lung", "lungs", "left", "right", "heart", "opacity", "clear", "both",
         "effusion", "pleural", "of", "the", "evidence", "consolidation", "cardiac", "silhouette", "chest"]
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + WORDS + list("abcdefghijklmnopqrstuvwxyz") \
        + ["##" + c for c in "abcdefghijklmnopqrstuvwxyz"] + ["##s", ".", ","]
VOCAB = list(dict.fromkeys(VOCAB))
IDS = {t: i for i, t in enumerate(VOCAB)}


def tokenize(text):
    """BERT-style: lowercase, split on whitespace/punctuation, greedy longest-match WordPiece, [CLS] … [SEP]."""
    words = re.findall(r"\w+|[^\w\s]", text.lower())
    ids = [IDS["[CLS]"]]
    for w in words:
        start, pieces = 0, []
        while start < len(w):
            end, cur = len(w), None
            while start < end:
                sub = w[start:end] if start == 0 else "##" + w[start:end]
                if sub in IDS:
                    cur = sub
                    break
                end -= 1
            if cur is None:
                pieces = ["[UNK]"]
                break
            pieces.append(cur)
            start = end
        ids += [IDS[p] for p in pieces]
    ids = ids[:MAX_LEN - 1] + [IDS["[SEP]"]]
    return ids


def tokenizer_json():
    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    return {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [{"id": IDS[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True} for t in special],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {"type": "TemplateProcessing",
                           "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                                      {"Sequence": {"id": "A", "type_id": 0}},
                                      {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                           "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                                    {"Sequence": {"id": "A", "type_id": 0}},
                                    {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                                    {"Sequence": {"id": "B", "type_id": 1}},
                                    {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                           "special_tokens": {t: {"id": t, "ids": [IDS[t]], "tokens": [t]}
                                              for t in ["[CLS]", "[SEP]"]}},
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": IDS},
    }


class ImageEncoder(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.patch = torch.nn.Conv2d(C, D, P, stride=P)
        self.mix = torch.nn.Linear(D, D)
        self.path = torch.nn.Linear(D, D)
        self.anat = torch.nn.Linear(D, D)
        self.glob = torch.nn.Linear(D, D)
        self.seg = torch.nn.Conv2d(D, 2, 1)

    def forward(self, pixel_values):
        f = self.patch(pixel_values)                      # B, D, g, g
        tokens = torch.tanh(self.mix(f.flatten(2).transpose(1, 2)))  # B, N, D
        seg = self.seg(f)                                 # B, 2, g, g
        seg = torch.nn.functional.interpolate(seg, size=(2 * GRID, 2 * GRID), mode="bilinear", align_corners=False)
        return self.glob(tokens.mean(1)), self.path(tokens), self.anat(tokens), seg


class TextEncoder(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = torch.nn.Embedding(len(VOCAB), D)
        self.path = torch.nn.Linear(D, D)
        self.anat = torch.nn.Linear(D, D)

    def forward(self, input_ids, attention_mask):
        m = attention_mask.unsqueeze(-1).to(torch.float32)
        pooled = torch.tanh((self.emb(input_ids) * m).sum(1) / m.sum(1).clamp(min=1.0))
        return self.path(pooled), self.anat(pooled)


def bilinear(plane, x, y):
    h, w = plane.shape
    cx, cy = min(max(x, 0.0), w - 1.0), min(max(y, 0.0), h - 1.0)
    x0, y0 = int(cx), int(cy)
    x1, y1 = min(x0 + 1, w - 1), min(y0 + 1, h - 1)
    fx, fy = cx - x0, cy - y0
    top = plane[y0, x0] * (1 - fx) + plane[y0, x1] * fx
    bottom = plane[y1, x0] * (1 - fx) + plane[y1, x1] * fx
    return top * (1 - fy) + bottom * fy


def preprocess(grey):
    """MODEL-PACKAGE.md steps 2-4 for percentile 0.5/99.5, pad 0, mean 0.5, std 0.25 (the fixture images never shrink
    by 2x or more, so the reference exporter's box-average step does not arise)."""
    v = np.sort(grey.astype(np.float64).ravel())
    pick = lambda p: v[min(len(v) - 1, max(0, math.ceil(p / 100 * len(v)) - 1))]
    lo, hi = pick(0.5), pick(99.5)
    unit = np.clip((grey - lo) / (hi - lo), 0, 1) if hi > lo else np.zeros_like(grey, dtype=np.float64)
    h, w = grey.shape
    k = S / max(w, h)
    sw, sh = math.floor(w * k + 0.5), math.floor(h * k + 0.5)  # half up, as radlens_train.preprocess
    ox, oy = (S - sw) // 2, (S - sh) // 2
    out = np.zeros((S, S))
    for y in range(sh):
        for x in range(sw):
            out[oy + y, ox + x] = bilinear(unit, (x + 0.5) / k - 0.5, (y + 0.5) / k - 0.5)
    return ((out - 0.5) / 0.25).astype(np.float32), (k, ox, oy)


def images():
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[0:30, 0:40]
    a = (xx * 5 + yy * 2 + 30 * np.exp(-((xx - 25) ** 2 + (yy - 12) ** 2) / 30)).clip(0, 255)
    b = rng.integers(0, 256, size=(50, 25))
    c = (np.hypot(*np.mgrid[-16:16, -16:16]) * 7).clip(0, 255)
    return {"gradient_40x30": a.astype(np.uint8), "noise_25x50": b.astype(np.uint8),
            "rings_32x32": c.astype(np.uint8)}


def sha(p):
    return hashlib.sha256(p.read_bytes()).hexdigest()


def main(out):
    torch.manual_seed(0)
    out.mkdir(parents=True, exist_ok=True)
    (out / "reference").mkdir(exist_ok=True)
    img, txt = ImageEncoder().eval(), TextEncoder().eval()
    torch.onnx.export(img, torch.zeros(1, C, S, S), out / "image_encoder.onnx", opset_version=17,
                      input_names=["pixel_values"],
                      output_names=["image_embeds", "patch_embeds", "anatomy_patch_embeds", "seg_logits"],
                      dynamic_axes={"pixel_values": {0: "B"}, "image_embeds": {0: "B"}, "patch_embeds": {0: "B"},
                                    "anatomy_patch_embeds": {0: "B"}, "seg_logits": {0: "B"}})
    ids = torch.ones(1, 4, dtype=torch.int64)
    torch.onnx.export(txt, (ids, torch.ones_like(ids)), out / "text_encoder.onnx", opset_version=17,
                      input_names=["input_ids", "attention_mask"],
                      output_names=["text_embeds", "anatomy_text_embeds"],
                      dynamic_axes={"input_ids": {0: "B", 1: "L"}, "attention_mask": {0: "B", 1: "L"},
                                    "text_embeds": {0: "B"}, "anatomy_text_embeds": {0: "B"}})
    (out / "tokenizer.json").write_text(json.dumps(tokenizer_json(), indent=1))
    (out / "MODEL_CARD.md").write_text("# synthetic\nRandom weights (seed 0) for runtime tests only. No clinical use.\n")
    findings = {"pneumonia": {"positive": ["pneumonia", "lung opacity"], "negative": ["no pneumonia", "clear lungs"]},
                "effusion": {"positive": ["pleural effusion"], "negative": ["no pleural effusion"]}}
    anatomy = {"left lung": ["left lung"], "right lung": ["right lung"], "heart": ["cardiac silhouette"]}
    cases, texts = [], ["pneumonia", "no evidence of pneumonia.", "left lung", "xyzzy chest",
                        "right lung right lung right lung right lung right lung"]
    with torch.no_grad():
        for name, arr in images().items():
            Image.fromarray(arr).save(out / "reference" / (name + ".png"))
            pre, (k, ox, oy) = preprocess(arr.astype(np.float64))
            pre.tofile(out / "reference" / (name + ".bin"))
            g, p, a, s = img(torch.from_numpy(pre)[None, None])
            gn = torch.nn.functional.normalize(g, dim=-1)
            probs = {}
            for f, pr in findings.items():
                ens = []
                for key in ("positive", "negative"):
                    e = torch.nn.functional.normalize(encode_texts(txt, pr[key])[0], dim=-1).mean(0)
                    ens.append(torch.nn.functional.normalize(e, dim=0))
                cos = torch.stack([gn[0] @ ens[0], gn[0] @ ens[1]])
                probs[f] = float(torch.softmax(25.0 * cos, 0)[0])
            cases.append({"image": name + ".png", "preprocessed": name + ".bin", "letterbox": [k, ox, oy],
                          "image_embeds": g[0].tolist(), "patch_embeds_first_rows": p[0, :2].tolist(),
                          "anatomy_patch_embeds_first_rows": a[0, :2].tolist(),
                          "zero_shot": probs, "seg_argmax": s[0].argmax(0).tolist()})
        t, ta = encode_texts(txt, texts)
    text_cases = [{"text": x, "input_ids": tokenize(x), "text_embeds": t[i].tolist(),
                   "anatomy_text_embeds": ta[i].tolist()} for i, x in enumerate(texts)]
    (out / "reference" / "cases.json").write_text(json.dumps({"logit_scale": 25.0, "images": cases,
                                                               "texts": text_cases}, indent=1))
    files = {n: sha(out / n) for n in ["image_encoder.onnx", "text_encoder.onnx", "tokenizer.json", "MODEL_CARD.md"]}
    manifest = {
        "format": "radlens-model/1", "name": "radlens-synthetic", "version": "0.0.1",
        "license": "CC0-1.0 (random weights)", "description": "Random-initialised test model.", "card": "MODEL_CARD.md",
        "training_data": [], "engine": "OnnxRuntime",
        "image": {"file": "image_encoder.onnx", "input": "pixel_values", "size": S, "channels": C,
                  "intensity": {"mode": "percentile", "low": 0.5, "high": 99.5}, "resize": "letterbox",
                  "pad_value": 0.0, "mean": [0.5], "std": [0.25]},
        "text": {"file": "text_encoder.onnx", "tokenizer": "tokenizer.json", "max_length": MAX_LEN},
        "outputs": {"embedding_dim": D, "patch_grid": [GRID, GRID], "image_embedding": "image_embeds",
                    "patch_embeddings": "patch_embeds", "text_embedding": "text_embeds",
                    "streams": {"anatomy": {"patch_embeddings": "anatomy_patch_embeds",
                                            "text_embedding": "anatomy_text_embeds"}},
                    "segmentation": {"file": "image_encoder.onnx", "output": "seg_logits",
                                     "classes": ["lungs", "heart"], "activation": "sigmoid", "threshold": 0.5}},
        "logit_scale": 25.0,
        "prompts": {"findings": findings, "anatomy": anatomy},
        "metrics": {},
        "files": files,
    }
    (out / "radlens-model.json").write_text(json.dumps(manifest, indent=2))


def encode_texts(txt, texts):
    toks = [tokenize(x) for x in texts]
    n = max(len(t) for t in toks)
    ids = torch.tensor([t + [0] * (n - len(t)) for t in toks])
    mask = torch.tensor([[1] * len(t) + [0] * (n - len(t)) for t in toks])
    return txt(ids, mask)




def torchscript_variant(onnx_dir: Path, out: Path) -> None:
    """The same weights as TorchScript (engine PyTorch): image_encoder.pt / text_encoder.pt, same tokenizer and
    reference cases, so the PyTorch engine path is checked against the same Python outputs."""
    import shutil
    torch.manual_seed(0)
    img, txt = ImageEncoder().eval(), TextEncoder().eval()   # same seed and order as main(): identical weights
    out.mkdir(parents=True, exist_ok=True)
    torch.jit.trace(img, torch.zeros(1, C, S, S)).save(str(out / "image_encoder.pt"))
    ids = torch.ones(1, 4, dtype=torch.int64)
    torch.jit.trace(txt, (ids, torch.ones_like(ids))).save(str(out / "text_encoder.pt"))
    shutil.copy(onnx_dir / "tokenizer.json", out / "tokenizer.json")
    shutil.copytree(onnx_dir / "reference", out / "reference", dirs_exist_ok=True)
    m = json.loads((onnx_dir / "radlens-model.json").read_text())
    m["name"], m["engine"] = "radlens-synthetic-torchscript", "PyTorch"
    m["image"]["file"] = m["outputs"]["segmentation"]["file"] = "image_encoder.pt"
    m["text"]["file"] = "text_encoder.pt"
    m["files"] = {n: sha(out / n) for n in ["image_encoder.pt", "text_encoder.pt", "tokenizer.json"]}
    (out / "radlens-model.json").write_text(json.dumps(m, indent=2))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
    if len(sys.argv) > 2:
        torchscript_variant(Path(sys.argv[1]), Path(sys.argv[2]))
