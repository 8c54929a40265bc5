"""Pre-tokenised text banks, so the training loop never tokenises: many phrasings per label, several note
windows per adult image, prompt paraphrases for the prototypes."""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import List, Sequence, Tuple

import torch

from . import data, reports, texts
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
    item_bank: Bank                       # per training item: `per_item` variants, row = item * per_item + v
    row_set: torch.Tensor                 # [M] index of each row's finding set in `sets`
    sets: torch.Tensor                    # [U, V] multi-hot finding sets (losses.overlap_targets)
    per_item: int
    anatomy: List[Bank]                   # for (right lung, left lung, lungs, outside): paraphrases
    pathology: List[Bank]                 # for LABELS: prompt paraphrases

    def to(self, device) -> "TrainTexts":
        return TrainTexts(self.item_bank.to(device), self.row_set.to(device), self.sets.to(device), self.per_item,
                          [b.to(device) for b in self.anatomy], [b.to(device) for b in self.pathology])


def item_text(it: data.Item, rng: random.Random) -> Tuple[str, bool]:
    """One text for a training image and whether it is the image's real note (else synthetic from its labels)."""
    use_note = bool(it.note) and (not it.findings or rng.random() < 0.5)
    if use_note:
        return texts.note_chunks(it.note, rng), True
    if it.domain in ("kermany", "covid") and it.label is not None:
        return texts.synthetic_report(it.label, rng, covid="covid" in it.finding.lower()), False
    if it.findings:
        return reports.findings_report(it.findings, rng), False
    return "Chest radiograph.", False


def build(tok: WordPieceTokenizer, items: Sequence[data.Item], max_length: int, seed: int,
          per_item: int = 6) -> TrainTexts:
    rng = random.Random(seed)
    strings, row_sets = [], []
    for it in items:
        for _ in range(per_item):
            s, is_note = item_text(it, rng)
            strings.append(s)
            row_sets.append(data.text_set(it, is_note))
    uniq = list(dict.fromkeys(row_sets))
    vocab = {f: i for i, f in enumerate(sorted({f for u in uniq for f in u}))}
    sets = torch.zeros(len(uniq), len(vocab))
    for i, u in enumerate(uniq):
        sets[i, [vocab[f] for f in u]] = 1
    index = {u: i for i, u in enumerate(uniq)}
    row_set = torch.tensor([index[u] for u in row_sets], dtype=torch.long)
    anat = [make_bank(tok, texts.ANATOMY_PROMPTS[k], max_length)
            for k in ("right lung", "left lung", "lungs", "outside lungs")]
    path_src = {"normal": texts.FINDING_PROMPTS["normal"]["positive"],
                "bacterial": texts.FINDING_PROMPTS["bacterial pneumonia"]["positive"],
                "viral": texts.FINDING_PROMPTS["viral pneumonia"]["positive"]}
    path = [make_bank(tok, path_src[l], max_length) for l in LABELS]
    return TrainTexts(make_bank(tok, strings, max_length), row_set, sets, per_item, anat, path)


def corpus(iu: Sequence[str], items: Sequence[data.Item], seed: int, n_synthetic: int = 4000) -> List[str]:
    """Text for the tokenizer and for masked-language pretraining: IU reports, adult notes (train split only),
    synthetic reports (pediatric labels, NIH finding sets, tuberculosis) and the prompts."""
    rng = random.Random(seed)
    out = list(iu) + [it.note for it in items if it.note]
    out += [texts.synthetic_report(rng.choice(["normal", "bacterial", "viral", "pneumonia"]), rng) for _ in range(n_synthetic)]
    sets = sorted({it.findings for it in items if it.domain in ("nih", "tb")}, key=sorted)
    out += [reports.findings_report(rng.choice(sets), rng) for _ in range(n_synthetic)] if sets else []
    for f in list(texts.FINDING_PROMPTS.values()) + [reports.ensemble(t) for t in reports.PROMPT_NAMES]:
        out += f["positive"] + f["negative"]
    for v in texts.ANATOMY_PROMPTS.values():
        out += v
    return out


def pathology_targets(items: Sequence[data.Item], device) -> torch.Tensor:
    """[B,3] over LABELS; generic pneumonia splits between bacterial and viral; other findings (NIH, tuberculosis)
    and unlabelled rows are zero (ignored)."""
    t = torch.zeros(len(items), len(LABELS))
    for i, it in enumerate(items):
        if it.findings == frozenset({"normal"}):
            t[i, 0] = 1
        elif it.domain == "nih":
            if "pneumonia" in it.findings:
                t[i, 1] = t[i, 2] = 0.5
        elif it.label in LABELS:
            t[i, LABELS.index(it.label)] = 1
        elif it.label == "pneumonia":
            t[i, 1] = t[i, 2] = 0.5
    return t.to(device)
