"""A WordPiece tokenizer trained in pure Python and saved as a Hugging Face ``tokenizer.json``.

Behaviour follows Hugging Face's ``BertNormalizer`` (clean text, lower case, strip accents),
``BertPreTokenizer`` (split on white space and isolate punctuation), greedy longest-match-first ``WordPiece``
with ``##`` continuation, and ``[CLS] … [SEP]`` post-processing, so the same file gives the same ids here,
in the ``tokenizers`` library and in DJL (Java). No third-party dependency: runs on Debian's Python.
"""
from __future__ import annotations

import collections
import json
import unicodedata
from pathlib import Path
from typing import Dict, Iterable, List, Sequence, Tuple

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PAD, UNK, CLS, SEP, MASK = range(5)
PREFIX = "##"
MAX_CHARS_PER_WORD = 100


def _is_control(ch: str) -> bool:
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch).startswith("C")


def _is_whitespace(ch: str) -> bool:
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or 0x2A700 <= cp <= 0x2B73F
            or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF
            or 0x2F800 <= cp <= 0x2FA1F)


def normalize(text: str) -> str:
    """BertNormalizer(clean_text, handle_chinese_chars, strip_accents=None→lowercase, lowercase=True)."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or _is_control(ch):
            continue
        if _is_whitespace(ch):
            out.append(" ")
        elif _is_cjk(cp):
            out.append(" " + ch + " ")
        else:
            out.append(ch)
    s = "".join(out).lower()
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def pre_tokenize(text: str) -> List[str]:
    """BertPreTokenizer: white space splits, each punctuation character is its own token."""
    words: List[str] = []
    cur: List[str] = []
    for ch in text:
        if _is_whitespace(ch):
            if cur:
                words.append("".join(cur))
                cur = []
        elif _is_punctuation(ch):
            if cur:
                words.append("".join(cur))
                cur = []
            words.append(ch)
        else:
            cur.append(ch)
    if cur:
        words.append("".join(cur))
    return words


class WordPieceTokenizer:
    """Encodes text to ids with a fixed vocabulary; ``encode`` adds [CLS]/[SEP] like the JSON's post-processor."""

    def __init__(self, vocab: Dict[str, int]):
        self.vocab = dict(vocab)
        self.inv = {i: t for t, i in self.vocab.items()}
        for i, tok in enumerate(SPECIALS):
            if self.vocab.get(tok) != i:
                raise ValueError(f"special token {tok} must have id {i}")

    def __len__(self) -> int:
        return len(self.vocab)

    def word_pieces(self, word: str) -> List[int]:
        if len(word) > MAX_CHARS_PER_WORD:
            return [UNK]
        ids, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                piece = word[start:end] if start == 0 else PREFIX + word[start:end]
                if piece in self.vocab:
                    found = self.vocab[piece]
                    break
                end -= 1
            if found is None:
                return [UNK]
            ids.append(found)
            start = end
        return ids

    def tokenize_ids(self, text: str) -> List[int]:
        ids: List[int] = []
        for w in pre_tokenize(normalize(text)):
            ids.extend(self.word_pieces(w))
        return ids

    def encode(self, text: str, max_length: int) -> List[int]:
        """[CLS] pieces [SEP], truncated to ``max_length`` (the [SEP] is kept)."""
        body = self.tokenize_ids(text)[: max_length - 2]
        return [CLS] + body + [SEP]

    def batch(self, texts: Sequence[str], max_length: int) -> Tuple[List[List[int]], List[List[int]]]:
        """Padded ids and attention masks (pad id 0) to the longest item."""
        enc = [self.encode(t, max_length) for t in texts]
        n = max(len(e) for e in enc)
        ids = [e + [PAD] * (n - len(e)) for e in enc]
        mask = [[1] * len(e) + [0] * (n - len(e)) for e in enc]
        return ids, mask

    def to_json(self) -> dict:
        added = [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                  "normalized": False, "special": True} for i, t in enumerate(SPECIALS)]
        cls, sep = {"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}
        return {
            "version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
            "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                           "strip_accents": None, "lowercase": True},
            "pre_tokenizer": {"type": "BertPreTokenizer"},
            "post_processor": {
                "type": "TemplateProcessing",
                "single": [cls, {"Sequence": {"id": "A", "type_id": 0}}, sep],
                "pair": [cls, {"Sequence": {"id": "A", "type_id": 0}}, sep,
                         {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [CLS], "tokens": ["[CLS]"]},
                                   "[SEP]": {"id": "[SEP]", "ids": [SEP], "tokens": ["[SEP]"]}}},
            "decoder": {"type": "WordPiece", "prefix": PREFIX, "cleanup": True},
            "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": PREFIX,
                      "max_input_chars_per_word": MAX_CHARS_PER_WORD, "vocab": self.vocab},
        }

    def save(self, path: Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "WordPieceTokenizer":
        return cls(json.loads(Path(path).read_text(encoding="utf-8"))["model"]["vocab"])


def train(texts: Iterable[str], vocab_size: int = 4000, min_word_freq: int = 3) -> WordPieceTokenizer:
    """Learns a vocabulary: specials, every seen character (plain and ``##``), frequent whole words, then the
    word-initial and continuation pieces that save the most characters, until ``vocab_size``. Deterministic."""
    words = collections.Counter()
    for t in texts:
        words.update(pre_tokenize(normalize(t)))
    chars = sorted({c for w in words for c in w} | {chr(c) for c in range(33, 127)} - set("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    vocab: List[str] = list(SPECIALS) + chars + [PREFIX + c for c in chars]
    budget = vocab_size - len(vocab)
    if budget <= 0:
        raise ValueError(f"vocab_size {vocab_size} is smaller than the {len(vocab)} characters and specials")
    whole = [w for w, f in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])) if f >= min_word_freq and len(w) > 1]
    chosen = whole[: budget * 2 // 3]
    covered = set(chosen)
    pieces = collections.Counter()
    for w, f in words.items():
        if w in covered or len(w) < 3:
            continue
        for k in range(2, len(w)):
            pieces[w[:k]] += f * (k - 1)
            pieces[PREFIX + w[k - len(w):]] += f * (len(w) - k - 1) if len(w) - k > 1 else 0
    extra = [p for p, s in sorted(pieces.items(), key=lambda kv: (-kv[1], kv[0])) if s > 0 and p not in covered]
    vocab += (chosen + extra)[:budget]
    return WordPieceTokenizer({t: i for i, t in enumerate(dict.fromkeys(vocab))})
