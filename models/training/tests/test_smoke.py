"""CPU smoke test of the whole pipeline on a few real images: train a few steps, export, check the package."""
import hashlib
import json

from radlens_train import export, train


def test_train_export_smoke(data_root, tmp_path):
    train.main(["--data", str(data_root), "--out", str(tmp_path / "run"), "--preset", "tiny", "--device", "cpu"])
    log = [json.loads(l) for l in (tmp_path / "run/train_log.jsonl").read_text().splitlines()]
    epoch = [r for r in log if r["event"] == "epoch"][0]
    for k in ("global", "local", "anatomy", "pathology", "cross", "background", "seg", "images_per_s"):
        assert k in epoch and epoch[k] == epoch[k]  # present and not NaN
    export.main(["--checkpoint", str(tmp_path / "run/checkpoint.pt"), "--out", str(tmp_path / "pkg"), "--kind", "tiny"])
    man = json.loads((tmp_path / "pkg/radlens-model.json").read_text())
    assert man["format"] == "radlens-model/1" and man["outputs"]["patch_grid"] == [4, 4]
    for name, digest in man["files"].items():
        assert hashlib.sha256((tmp_path / "pkg" / name).read_bytes()).hexdigest() == digest
    assert {"pneumonia", "normal", "pleural effusion"} <= set(man["prompts"]["findings"])
    cases = json.loads((tmp_path / "pkg/reference/cases.json").read_text())
    assert cases["images"] and cases["texts"][0]["ids"][0] == 2
