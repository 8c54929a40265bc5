"""Pre-tokenised text banks, so the training loop never tokenises: many phrasings per label, several note
windows per adult image, prompt paraphrases for the prototypes."""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Dict, List, Sequence

import torch

from . import data, texts
from .tokenizer import WordPieceTokenizer


@dataclass
class Bank:
    ids: torch.Tensor     # [M, L] int64, padded with 0
    mask: torch.Tensor    # [M, L] int64
    texts: List[str]

    def to(self, device) -> "Bank":
        return Bank(self.ids.to(device), self.mask.to(device), self.texts)

    def take(self, rows: torch.Tensor):
        ids, mask = self.ids[rows], self.mask[rows]
        n = int(mask.sum(dim=1).max().item())
        return ids[:, :n], mask[:, :n]


def make_bank(tok: WordPieceTokenizer, strings: Sequence[str], max_length: int) -> Bank:
    enc = [tok.encode(s, max_length) for s in strings]
    ids = torch.zeros(len(enc), max_length, dtype=torch.long)
    mask = torch.zeros_like(ids)
    for i, e in enumerate(enc):
        ids[i, : len(e)] = torch.tensor(e)
        mask[i, : len(e)] = 1
    return Bank(ids, mask, list(strings))


LABELS = ["normal", "bacterial", "viral"]


@dataclass
class TrainTexts:
    label_bank: Dict[str, Bank]           # label → many synthetic reports
    item_bank: Bank                       # per adult item: `per_item` variants, row = item * per_item + v
    item_keys: List[List[str]]            # same layout: the contrastive key of each variant
    per_item: int
    anatomy: List[Bank]                   # for (right lung, left lung, lungs, outside): paraphrases
    pathology: List[Bank]                 # for LABELS: prompt paraphrases

    def to(self, device) -> "TrainTexts":
        return TrainTexts({k: b.to(device) for k, b in self.label_bank.items()}, self.item_bank.to(device),
                          self.item_keys, self.per_item, [b.to(device) for b in self.anatomy],
                          [b.to(device) for b in self.pathology])


def build(tok: WordPieceTokenizer, adult: Sequence[data.Item], max_length: int, seed: int,
          per_label: int = 1500, per_item: int = 8) -> TrainTexts:
    rng = random.Random(seed)
    label_bank = {l: make_bank(tok, [texts.synthetic_report(l, rng) for _ in range(per_label)], max_length)
                  for l in LABELS}
    strings, keys = [], []
    for it in adult:
        row_k = []
        for _ in range(per_item):
            use_note = bool(it.note) and (it.label is None or rng.random() < 0.5)
            if use_note:
                s = texts.note_chunks(it.note, rng)
            elif it.label is not None:
                s = texts.synthetic_report(it.label, rng, covid="covid" in it.finding.lower())
            else:
                s = "Chest radiograph."
            strings.append(s)
            row_k.append(data.text_key(it, use_note))
        keys.append(row_k)
    anat = [make_bank(tok, texts.ANATOMY_PROMPTS[k], max_length)
            for k in ("right lung", "left lung", "lungs", "outside lungs")]
    path_src = {"normal": texts.FINDING_PROMPTS["normal"]["positive"],
                "bacterial": texts.FINDING_PROMPTS["bacterial pneumonia"]["positive"],
                "viral": texts.FINDING_PROMPTS["viral pneumonia"]["positive"]}
    path = [make_bank(tok, path_src[l], max_length) for l in LABELS]
    return TrainTexts(label_bank, make_bank(tok, strings, max_length), keys, per_item, anat, path)


def corpus(iu: Sequence[str], adult: Sequence[data.Item], seed: int, n_synthetic: int = 4000) -> List[str]:
    """Text for the tokenizer and for masked-language pretraining: IU reports, adult notes (train split only),
    synthetic reports and the prompts."""
    rng = random.Random(seed)
    out = list(iu) + [it.note for it in adult if it.note]
    out += [texts.synthetic_report(rng.choice(["normal", "bacterial", "viral", "pneumonia"]), rng) for _ in range(n_synthetic)]
    for f in texts.FINDING_PROMPTS.values():
        out += f["positive"] + f["negative"]
    for v in texts.ANATOMY_PROMPTS.values():
        out += v
    return out


def pathology_targets(items: Sequence[data.Item], device) -> torch.Tensor:
    """[B,3] over LABELS; generic pneumonia splits between bacterial and viral; unlabelled rows are zero."""
    t = torch.zeros(len(items), len(LABELS))
    for i, it in enumerate(items):
        if it.label in LABELS:
            t[i, LABELS.index(it.label)] = 1
        elif it.label == "pneumonia":
            t[i, 1] = t[i, 2] = 0.5
    return t.to(device)
