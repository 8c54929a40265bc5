"""All training sources from the real manifests, the balanced sampler, the synthetic report grammar and the
label-overlap contrastive targets."""
import random
import re
from collections import Counter

import pytest
import torch

from radlens_train import config, data, losses, reports, sampler, sources, textbank


@pytest.fixture(scope="module")
def train_items(data_root):
    return [it for its in sources.load(data_root, "train").values() for it in its]


def test_splits_are_disjoint_and_nih_is_split_by_patient(data_root):
    ids = {s: {(it.domain, it.id) for its in sources.load(data_root, s).values() for it in its} for s in sources.SPLITS}
    assert not (ids["train"] & ids["val"]) and not (ids["train"] & ids["test"]) and not (ids["val"] & ids["test"])
    rows = data.read_csv(data_root / "cxr/adult/nih/manifest.csv")
    split_of = {}
    for r in rows:
        assert split_of.setdefault(r["patient_id"], r["split"]) == r["split"], r["patient_id"]
    with pytest.raises(ValueError):
        sources.nih(data_root, "everything")


def test_adult_sources_carry_findings_hospitals_and_masks(data_root):
    nih = sources.nih(data_root, "train")
    assert any(it.findings == {"normal"} for it in nih) and any(len(it.findings) > 1 for it in nih)
    assert all("no finding" not in it.findings for it in nih)
    tb = sources.tb(data_root, "train")
    assert {it.group for it in tb} == {"montgomery", "shenzhen"} and {it.label for it in tb} == {"normal", "tuberculosis"}
    assert sum(it.mask is not None for it in tb) > 0.8 * len(tb)
    assert all(it.findings == {"normal"} for it in sources.rsna(data_root, "train"))
    with pytest.raises(ValueError, match="row x"):
        sources.nih_findings("Dragon", "row x")


def test_sampler_balances_sources_so_kermany_does_not_dominate(train_items):
    shares = config.DEFAULT.shares
    s = sampler.BalancedSampler(train_items, shares, power=0.5, seed=0)
    raw = Counter(it.domain for it in train_items)
    assert raw["kermany"] / len(train_items) > 0.4          # the data alone would be Kermany-heavy
    drawn = Counter(train_items[i].domain for i in s.draw(40_000).tolist())
    for src, share in shares.items():
        assert abs(drawn[src] / 40_000 - share) < 0.015, (src, drawn)
    assert drawn["kermany"] / 40_000 < 0.25


def test_sampler_flattens_labels_inside_a_source(train_items):
    s = sampler.BalancedSampler(train_items, config.DEFAULT.shares, power=1.0, seed=1)
    tb = [i for i, it in enumerate(train_items) if it.domain == "tb"]
    w = s.weights[tb]
    tbw = sum(float(w[j]) for j, i in enumerate(tb) if train_items[i].label == "tuberculosis")
    assert abs(tbw / float(w.sum()) - 0.5) < 1e-6         # power 1: normal and TB equally often
    kermany = [it for it in train_items if it.domain == "kermany"]
    k = sampler.BalancedSampler(kermany, {"kermany": 1.0}, power=0.5, seed=0)
    normal = sum(float(k.weights[i]) for i, it in enumerate(kermany) if it.label == "normal")
    assert normal > sum(it.label == "normal" for it in kermany) / len(kermany)


def test_sampler_state_resumes_the_same_draws(train_items):
    a = sampler.BalancedSampler(train_items, config.DEFAULT.shares, seed=3)
    a.draw(5)
    st = a.state_dict()
    first = a.draw(50)
    b = sampler.BalancedSampler(train_items, config.DEFAULT.shares, seed=99)
    b.load_state_dict(st)
    assert torch.equal(first, b.draw(50))


def test_report_grammar_is_varied_and_never_negates_a_present_finding():
    rng = random.Random(0)
    seen, hedged, located = set(), 0, 0
    for f in reports.PHRASES:
        for _ in range(40):
            fs = frozenset({f} | ({"effusion"} if f != "effusion" and rng.random() < 0.3 else set()))
            r = reports.findings_report(fs, rng)
            seen.add(r)
            for present in fs:
                assert not any(neg in r for neg in reports.NEGATIONS.get(present, [])), (fs, r)
            hedged += bool(re.search(r"possible|probable|likely|suspected|cannot be excluded|may be", r))
            located += bool(re.search(r"\b(right|left|bilateral)\b", r))
    n = 40 * len(reports.PHRASES)
    assert len(seen) > 0.9 * n and hedged > 0.2 * n and located > 0.3 * n
    with pytest.raises(ValueError):
        reports.findings_report(frozenset({"dragon"}), rng)


def test_every_target_has_at_least_five_paraphrase_sets():
    for target in reports.PROMPT_NAMES:
        sets = reports.prompt_sets(target)
        assert len(sets) >= 5 and len({p[0][0] for p in sets}) == len(sets)


def test_films_with_the_same_findings_are_not_negatives():
    items = [data.Item("a", None, "nih", "abnormal", findings=frozenset({"effusion", "atelectasis"})),
             data.Item("b", None, "nih", "abnormal", findings=frozenset({"effusion", "atelectasis"})),
             data.Item("c", None, "nih", "abnormal", findings=frozenset({"effusion"})),
             data.Item("d", None, "rsna", "normal", findings=frozenset({"normal"})),
             data.Item("e", None, "covid", "viral", note="fever", findings=frozenset({"pneumonia"}))]
    sets = [data.text_set(it, it.domain == "covid") for it in items]
    vocab = sorted({f for s in sets for f in s})
    hot = torch.tensor([[float(f in s) for f in vocab] for s in sets])
    t = losses.overlap_targets(hot)
    assert torch.allclose(t.sum(1), torch.ones(5))
    assert t[0, 1] == t[0, 0] > t[0, 2] > 0 and t[0, 3] == 0
    assert t[4, 4] == 1 and t[3, 4] == 0           # a real note is its own positive only
    torch.manual_seed(0)
    apart = torch.nn.functional.normalize(torch.randn(5, 32), dim=-1)
    together = apart.clone()
    together[1] = together[0]                      # a and b embedded identically
    g = lambda x, tg: float(losses.global_contrastive(x, x, tg, torch.tensor(10.0)))
    assert g(together, t) < g(apart, t)            # soft targets: a and b are positives for each other
    assert g(together, torch.eye(5)) > g(apart, torch.eye(5))  # one-hot targets would push them apart


def test_pathology_targets_ignore_findings_outside_the_prototypes():
    items = [data.Item("n", None, "nih", "normal", findings=frozenset({"normal"})),
             data.Item("m", None, "nih", "abnormal", findings=frozenset({"mass"})),
             data.Item("t", None, "tb", "tuberculosis", findings=frozenset({"tuberculosis"}))]
    t = textbank.pathology_targets(items, "cpu")
    assert t[0].tolist() == [1, 0, 0] and t[1].sum() == 0 and t[2].sum() == 0
