import torch

from radlens_train import config, losses, model


def test_tiny_model_output_shapes():
    cfg = config.TINY
    m = model.DualStreamCLIP(cfg).eval()
    g, p, a, s = m.image(torch.randn(3, 1, cfg.size, cfg.size))
    assert g.shape == (3, cfg.embed_dim) and p.shape == a.shape == (3, cfg.grid ** 2, cfg.embed_dim)
    assert s.shape == (3, 1, cfg.size // 2, cfg.size // 2)
    t, ta = m.text(torch.randint(5, cfg.vocab_size, (3, 9)), torch.ones(3, 9, dtype=torch.long))
    assert t.shape == ta.shape == (3, cfg.embed_dim)


def test_padding_does_not_change_text_embedding():
    cfg = config.TINY
    m = model.DualStreamCLIP(cfg).eval()
    ids = torch.randint(5, cfg.vocab_size, (1, 6))
    padded = torch.cat([ids, torch.zeros(1, 4, dtype=torch.long)], 1)
    mask = torch.cat([torch.ones(1, 6, dtype=torch.long), torch.zeros(1, 4, dtype=torch.long)], 1)
    a = m.text(ids, torch.ones_like(ids))[0]
    b = m.text(padded, mask)[0]
    assert torch.allclose(a, b, atol=1e-5)


def test_key_targets_make_equal_keys_positives():
    t = losses.key_targets(["a", "b", "a"], "cpu")
    assert torch.allclose(t.sum(1), torch.ones(3)) and t[0, 2] == 0.5 and t[1, 0] == 0


def test_global_contrastive_is_lower_for_matched_pairs():
    torch.manual_seed(0)
    x = torch.randn(8, 16)
    keys = [str(i) for i in range(8)]
    matched = losses.global_contrastive(x, x, keys, torch.tensor(20.0))
    shuffled = losses.global_contrastive(x, x[torch.randperm(8)], keys, torch.tensor(20.0))
    assert matched < shuffled


def test_segmentation_loss_ignores_unknown_and_rewards_correct_masks():
    mask = torch.zeros(2, 8, 8, dtype=torch.uint8)
    mask[:, 2:6, 2:6] = 1
    mask[1] = 255
    good = torch.full((2, 1, 8, 8), -8.0)
    good[:, :, 2:6, 2:6] = 8.0
    assert losses.segmentation(good, mask) < losses.segmentation(-good, mask)


def test_deploy_folds_batchnorm_without_changing_outputs_beyond_fp16_rounding():
    cfg = config.TINY
    torch.manual_seed(0)
    m = model.DualStreamCLIP(cfg)
    with torch.no_grad():  # non-trivial BatchNorm statistics
        for mod in m.modules():
            if isinstance(mod, torch.nn.BatchNorm2d):
                mod.running_mean.uniform_(-0.5, 0.5)
                mod.running_var.uniform_(0.5, 2.0)
    m.eval()
    x = torch.randn(2, 1, cfg.size, cfg.size)
    before = m.image(x)[0]
    after = model.deploy(m).image(x)[0]
    assert not any(isinstance(mod, torch.nn.BatchNorm2d) for mod in m.modules())
    assert torch.allclose(before, after, atol=5e-2 * before.abs().max().item())
