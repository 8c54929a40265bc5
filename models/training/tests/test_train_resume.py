"""Resumable training: interrupted after an epoch and resumed from state.pt, a run ends with exactly the weights
of an uninterrupted run; checkpoints load with weights_only=True; selection writes the best-on-val model."""
import json
from dataclasses import replace

import torch

from radlens_train import checkpoint, config
from radlens_train.train import Trainer

CFG = replace(config.TINY, epochs=2, limit_per_source=4, limit_val=4, per_item_texts=2, patience=99)


def _quiet(_line: str) -> None:
    pass


def test_resume_gives_the_uninterrupted_weights(data_root, tmp_path):
    a = Trainer(CFG, data_root, tmp_path / "a", "cpu", _quiet)
    a.fit()
    b = Trainer(CFG, data_root, tmp_path / "b", "cpu", _quiet)
    b.fit(stop_after_epochs=1)
    assert b.epoch == 1
    c = Trainer(CFG, data_root, tmp_path / "b", "cpu", _quiet)
    c.load_state(tmp_path / "b/state.pt")
    c.fit()
    assert c.epoch == a.epoch == 2 and c.step_no == a.step_no
    for (k, va), vc in zip(a.model.state_dict().items(), c.model.state_dict().values()):
        assert torch.equal(va, vc), k
    assert a.history == c.history
    _checkpoints_are_plain_data_and_hold_the_selected_model(a, tmp_path / "a")


def _checkpoints_are_plain_data_and_hold_the_selected_model(t, tmp_path):
    assert set(torch.load(tmp_path / "state.pt", weights_only=True)) == {"json", "tensors"}
    st = checkpoint.load(tmp_path / "state.pt")
    assert {"model", "optimizer", "scheduler", "sampler", "rng", "step", "best"} <= set(st)
    ck = checkpoint.load(tmp_path / "checkpoint.pt")
    best = max(t.history, key=lambda h: h["score"])
    assert ck["selected"]["epoch"] == best["epoch"]
    assert all(v.dtype != torch.float32 for v in ck["state"].values() if v.is_floating_point())
    m = checkpoint.load_model(tmp_path / "checkpoint.pt")
    assert m.cfg.backbone == "mobilenet" and not m.training
    (tmp_path / "bad.pt").write_bytes(b"not a checkpoint")
    try:
        checkpoint.load(tmp_path / "bad.pt")
        raise AssertionError("a corrupt checkpoint must be refused")
    except ValueError as e:
        assert "bad.pt" in str(e)
