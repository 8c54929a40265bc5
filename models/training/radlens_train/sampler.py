"""Sampling that balances sources and labels: Kermany (5,000+ pediatric films) must not dominate the adult sets.

An item's probability is ``share[source] · w(label) / Σ_source w``, with ``w(label) = count(label)^−power`` inside
its source (power 1 = every label of a source equally often, 0 = as in the data). So each source's expected share
of a batch is exactly its ``share``; labels inside a source are flattened by ``power``. Multi-label items (NIH) are
keyed by their rarest finding. Draws come from the sampler's own generator, whose state is checkpointed.
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, List, Mapping, Sequence

import torch

from . import data

# expected fraction of each training batch per source (renormalised over the sources present)
DEFAULT_SHARES = {"kermany": 0.22, "nih": 0.30, "tb": 0.22, "rsna": 0.12, "covid": 0.14}


def label_key(item: data.Item, frequency: Mapping[str, int]) -> str:
    if not item.findings:
        return item.label or "unknown"
    return min(sorted(item.findings), key=lambda f: frequency.get(f, 0))


def item_weights(items: Sequence[data.Item], shares: Mapping[str, float], power: float = 0.5) -> torch.Tensor:
    """Probability of each item (sums to 1)."""
    present = sorted({it.domain for it in items})
    missing = [s for s in present if shares.get(s, 0) <= 0]
    if missing:
        raise ValueError(f"no sampling share for sources {missing} (shares: {dict(shares)})")
    total_share = sum(shares[s] for s in present)
    w = torch.zeros(len(items), dtype=torch.float64)
    for src in present:
        idx = [i for i, it in enumerate(items) if it.domain == src]
        freq = Counter(f for i in idx for f in items[i].findings)
        keys = [label_key(items[i], freq) for i in idx]
        counts = Counter(keys)
        raw = torch.tensor([counts[k] ** -power for k in keys], dtype=torch.float64)
        w[idx] = raw / raw.sum() * shares[src] / total_share
    return w


class BalancedSampler:
    """Draws batches of item indices with replacement according to ``item_weights``."""

    def __init__(self, items: Sequence[data.Item], shares: Mapping[str, float] = DEFAULT_SHARES,
                 power: float = 0.5, seed: int = 0):
        self.weights = item_weights(items, shares, power)
        self.sources: List[str] = [it.domain for it in items]
        self.g = torch.Generator()
        self.g.manual_seed(seed)

    def draw(self, n: int) -> torch.Tensor:
        return torch.multinomial(self.weights, n, replacement=True, generator=self.g)

    def expected_shares(self) -> Dict[str, float]:
        out: Dict[str, float] = {}
        for s, w in zip(self.sources, self.weights.tolist()):
            out[s] = out.get(s, 0.0) + w
        return out

    def state_dict(self) -> Dict[str, torch.Tensor]:
        return {"generator": self.g.get_state()}

    def load_state_dict(self, state: Mapping[str, torch.Tensor]) -> None:
        self.g.set_state(state["generator"])
