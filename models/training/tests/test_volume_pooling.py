import json

import numpy as np
import pytest
import torch

from radlens_train import config, export, model, train, volume_pooling as vp
from radlens_train.infer import Inference
from radlens_train.tokenizer import train as train_tok


def test_attention_pool_is_the_documented_formula():
    s = torch.nn.functional.normalize(torch.randn(5, 8), dim=-1)
    w, b = torch.randn(8), torch.tensor(0.3)
    a = torch.softmax(s @ w + b, 0)
    assert torch.allclose(vp.attention_pool(s, w, b), (a[:, None] * s).sum(0))


def test_training_learns_to_attend_to_the_informative_slices():
    rng = np.random.RandomState(0)
    d, texts, sets = 16, [], []
    noise_dir = rng.randn(d)
    for i in range(6):
        t = rng.randn(d)
        texts.append(t)
        informative = t / np.linalg.norm(t)
        noise = [(noise_dir + 0.1 * rng.randn(d)) for _ in range(8)]   # the same "background" slices everywhere
        s = np.stack([informative] + noise)
        sets.append(s / np.linalg.norm(s, axis=1, keepdims=True))
    w, b, hist = vp.train_pooling(sets, np.stack(texts), scale=10.0, steps=200)
    assert hist[-1] < hist[0] * 0.5
    weights = torch.softmax(torch.from_numpy(sets[0]).float() @ torch.from_numpy(w).float() + b, 0)
    assert weights[0] > 0.5, weights  # the informative slice gets most of the attention
    with pytest.raises(ValueError):
        vp.train_pooling(sets[:1], np.stack(texts[:1]), 10.0)


def test_section_is_written_into_the_manifest_and_validated(tmp_path):
    (tmp_path / "radlens-model.json").write_text(json.dumps({"outputs": {"embedding_dim": 4}, "files": {}}))
    sec = vp.write_section(tmp_path, np.array([0.1, -0.2, 0.3, 0.0]), 0.5)
    man = json.loads((tmp_path / "radlens-model.json").read_text())
    assert man["volume_pooling"] == sec and sec["default"] == "attention" and len(sec["attention"]["weights"]) == 4
    with pytest.raises(ValueError):
        vp.write_section(tmp_path, np.array([0.1, np.nan, 0.0, 0.0]), 0.0)


def test_slices_are_encoded_like_images():
    torch.manual_seed(0)
    m = model.deploy(model.DualStreamCLIP(config.TINY))
    inf = Inference(m, train_tok(["the lungs are clear", "pneumonia"], vocab_size=200, min_word_freq=1))
    vol = np.random.RandomState(1).rand(40, 30, 3).astype(np.float32) * 1000
    emb = vp.slice_embeddings(inf, vol)
    assert emb.shape == (3, config.TINY.embed_dim)
    np.testing.assert_allclose(emb[1], inf.encode_images([vol[:, :, 1].T]).glob[0], atol=1e-6)
