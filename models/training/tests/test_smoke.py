"""CPU smoke test of the whole chain on a few real images: train (never touching test) → val selection → export
with the input gate → package checks; and the parity gate failing closed."""
import hashlib
import json

import numpy as np
import pytest

from radlens_train import export, gate, onnx_io, sources, train


@pytest.fixture(scope="module")
def run(data_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    real = dict(sources.LOADERS)

    def guarded(name):
        def load(root, split):
            assert split != "test", f"training read the {name} test split"
            return real[name](root, split)
        return load
    mp = pytest.MonkeyPatch()
    for name in real:
        mp.setitem(sources.LOADERS, name, guarded(name))
    try:
        train.main(["--data", str(data_root), "--out", str(out), "--preset", "tiny", "--device", "cpu", "--epochs", "2"])
    finally:
        mp.undo()
    return out


def test_training_logs_every_loss_and_validates(run):
    log = [json.loads(l) for l in (run / "train_log.jsonl").read_text().splitlines()]
    epoch = [r for r in log if r["event"] == "epoch"][0]
    for k in ("global", "local", "anatomy", "pathology", "cross", "background", "seg", "images_per_s"):
        assert k in epoch and epoch[k] == epoch[k]  # present and not NaN
    assert {"nih_any_finding", "tb", "kermany_pneumonia", "score"} <= set(epoch["val"])
    setup = next(r for r in log if r["event"] == "setup")
    assert set(setup["per_source"]) == {"kermany", "covid", "nih", "tb", "rsna"}


@pytest.fixture(scope="module")
def pkg(run, data_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("pkg") / "pkg"
    export.main(["--checkpoint", str(run / "checkpoint.pt"), "--out", str(out), "--kind", "tiny",
                 "--parity", "java", "--gate-data", str(data_root), "--gate-k", "3", "--gate-per-source", "6"])
    return out


def test_export_seals_a_package_with_the_input_gate(pkg):
    man = json.loads((pkg / "radlens-model.json").read_text())
    assert man["format"] == "radlens-model/1" and man["outputs"]["patch_grid"] == [4, 4]
    for name, digest in man["files"].items():
        assert hashlib.sha256((pkg / name).read_bytes()).hexdigest() == digest
    assert man["input_gate"] == "input-gate.json" and "input-gate.json" in man["files"]
    doc = json.loads((pkg / "input-gate.json").read_text())
    assert list(doc) == ["schema", "method", "embedding_dim", "prototypes", "min_cosine", "calibration"]
    assert list(doc["calibration"]) == ["in_scope_images", "in_scope_flag_rate", "out_of_scope_images",
                                        "out_of_scope_flag_rate", "sources"]
    assert doc["embedding_dim"] == 16 and 1 <= len(doc["prototypes"]) <= 3
    assert doc["calibration"]["in_scope_flag_rate"] <= 0.02 + 1e-9
    assert {"pneumonia", "normal", "tuberculosis", "pneumothorax"} <= set(man["prompts"]["findings"])
    assert man["export_checks"]["onnxruntime_max_abs_diff"] == export.JAVA_PARITY
    assert "SYNTHETIC" in (pkg / "MODEL_CARD.md").read_text() or "synthetic" in (pkg / "MODEL_CARD.md").read_text()
    cases = json.loads((pkg / "reference/cases.json").read_text())
    assert cases["images"] and cases["texts"][0]["ids"][0] == 2


def test_default_package_is_refused_without_onnxruntime_and_nothing_is_written(run, data_root, tmp_path, monkeypatch):
    monkeypatch.setattr(onnx_io, "ort_outputs", lambda *a, **k: None)   # as on Debian: no onnxruntime
    monkeypatch.setattr(onnx_io, "ort_available", lambda: False)
    with pytest.raises(SystemExit, match="ONNX Runtime is not installed"):
        export.main(["--checkpoint", str(run / "checkpoint.pt"), "--out", str(tmp_path / "pkg"),
                     "--gate-data", str(data_root), "--gate-k", "2", "--gate-per-source", "4"])
    with pytest.raises(export.ExportRefused, match="ONNX Runtime is not installed"):  # the library path as well
        from radlens_train.checkpoint import load_model
        from radlens_train.tokenizer import WordPieceTokenizer
        export.write_package(load_model(run / "checkpoint.pt"), WordPieceTokenizer.load(run / "tokenizer.json"),
                             tmp_path / "pkg", "x", "0", None, [], "tiny")
    with pytest.raises(SystemExit, match="only for the tiny"):
        export.main(["--checkpoint", str(run / "checkpoint.pt"), "--out", str(tmp_path / "pkg"), "--parity", "java",
                     "--gate-data", str(data_root), "--gate-k", "2", "--gate-per-source", "4"])
    assert not (tmp_path / "pkg").exists() and not (tmp_path / "pkg.partial").exists()


def test_default_package_is_refused_when_onnxruntime_disagrees(run, data_root, tmp_path, monkeypatch):
    monkeypatch.setattr(onnx_io, "ort_available", lambda: True)
    def wrong(path, feeds):
        from radlens_train.checkpoint import load_model
        import torch
        m = load_model(run / "checkpoint.pt")
        with torch.no_grad():
            if "pixel_values" in feeds:
                return [t.numpy() + 1e-3 for t in m.image(torch.from_numpy(feeds["pixel_values"]))]
            return [t.numpy() for t in m.text(torch.tensor(feeds["input_ids"]), torch.tensor(feeds["attention_mask"]))]
    monkeypatch.setattr(onnx_io, "ort_outputs", wrong)
    with pytest.raises(SystemExit, match="does not reproduce PyTorch"):
        export.main(["--checkpoint", str(run / "checkpoint.pt"), "--out", str(tmp_path / "pkg"),
                     "--gate-data", str(data_root), "--gate-k", "2", "--gate-per-source", "4"])
    assert not (tmp_path / "pkg").exists()


def test_gate_threshold_flags_at_most_the_rate_and_kmeans_finds_clusters():
    rng = np.random.RandomState(0)
    centres = np.eye(8)[:3]
    x = np.concatenate([c + 0.05 * rng.randn(50, 8) for c in centres])
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    p = gate.kmeans(x, 3, seed=1)
    assert sorted(np.argmax(p @ centres.T, axis=1).tolist()) == [0, 1, 2]
    s = gate.best_cosine(x, p)
    t = gate.threshold(s, 0.02)
    assert (s < t).mean() <= 0.02 and (s <= t).mean() > 0
    doc = {"schema": gate.SCHEMA, "method": "prototype-cosine", "embedding_dim": 8, "prototypes": p.tolist(),
           "min_cosine": t, "calibration": {}}
    with pytest.raises(ValueError, match="calibration.in_scope_images"):
        gate.validate(doc)
    assert gate.flag(-x[:5], doc).all() and not gate.flag(p, doc).any()


def test_final_report_card_and_readme_table_come_from_the_metrics(run, pkg, data_root, tmp_path):
    from radlens_train import card, report, results
    from radlens_train.checkpoint import load_model
    from radlens_train.infer import Inference
    from radlens_train.tokenizer import WordPieceTokenizer
    gate_doc = json.loads((pkg / "input-gate.json").read_text())
    inf = Inference(load_model(run / "checkpoint.pt"), WordPieceTokenizer.load(run / "tokenizer.json"))
    m = report.final_report(inf, data_root, gate_doc, boots=20, limit=60)
    json.dumps(m)  # plain JSON
    nih = m["nih"]
    assert nih["n"] == 60 and len(nih["any_finding"]["prompt_sets"]) >= 5
    assert all(v["n_pos"] >= report.MIN_POSITIVES for v in nih["per_finding"].values())
    assert set(m["montgomery_shenzhen"]["per_hospital"]) == {"montgomery", "shenzhen"}
    lo, hi = nih["any_finding"]["ci95"]
    assert lo <= nih["any_finding"]["auc"] <= hi
    assert 0 <= m["input_gate"]["test_frontal_flag_rate"] <= 1
    rows = results.rows(m)
    assert rows[0][0].startswith("NIH test") and any("tuberculosis" in r[0] for r in rows)
    man = {"name": "x", "version": "0", "description": "d", "license": card.LICENSE, "training_data": card.TRAINING_DATA,
           "image": {"size": 64, "mean": [0.5], "std": [0.25]}, "outputs": {"embedding_dim": 16, "patch_grid": [4, 4]},
           "logit_scale": 1.0, "metrics": m, "input_gate": "input-gate.json"}
    text = card.model_card(man, "tiny")
    assert rows[0][1] in text and "SYNTHETIC" in text.upper() and "non-commercial" in text.lower()
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n{results.BEGIN}\nold\n{results.END}\ntail\n")
    (tmp_path / "m.json").write_text(json.dumps(m))
    results.main(["--metrics", str(tmp_path / "m.json"), "--readme", str(readme)])
    new = readme.read_text()
    assert "old" not in new and rows[0][1] in new and new.endswith("tail\n")
