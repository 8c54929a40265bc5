import json

import pytest

from radlens_train import tokenizer as T

CORPUS = ["The lungs are clear.", "No pleural effusion or pneumothorax.", "Right lower lobe consolidation.",
          "Findings consistent with pneumonia.", "Bilateral ground-glass opacities."] * 5


def test_specials_have_fixed_ids_and_encode_wraps_cls_sep():
    tok = T.train(CORPUS, vocab_size=300, min_word_freq=1)
    ids = tok.encode("The lungs are clear.", 64)
    assert ids[0] == T.CLS and ids[-1] == T.SEP
    assert [tok.inv[i] for i in ids[1:-1]] == ["the", "lungs", "are", "clear", "."]


def test_unseen_words_split_into_pieces_not_unk():
    tok = T.train(CORPUS, vocab_size=300, min_word_freq=1)
    pieces = [tok.inv[i] for i in tok.tokenize_ids("Opacification!")]
    assert T.SPECIALS[T.UNK] not in pieces
    assert "".join(p[2:] if p.startswith("##") else p for p in pieces) == "opacification!"


def test_normalisation_strips_accents_and_controls():
    assert T.normalize("Ünusual\tÑame\x00") == "unusual name"
    assert T.pre_tokenize("covid-19, x-ray.") == ["covid", "-", "19", ",", "x", "-", "ray", "."]


def test_truncation_keeps_sep_and_batch_pads_with_mask():
    tok = T.train(CORPUS, vocab_size=300, min_word_freq=1)
    ids, mask = tok.batch(["clear", "the lungs are clear and there is no effusion"], 6)
    assert len(ids[0]) == len(ids[1]) == 6
    assert ids[1][-1] == T.SEP and mask[1] == [1] * 6
    assert mask[0] == [1, 1, 1, 0, 0, 0] and ids[0][3:] == [T.PAD] * 3


def test_json_roundtrip_and_hf_format(tmp_path):
    tok = T.train(CORPUS, vocab_size=300, min_word_freq=1)
    tok.save(tmp_path / "tokenizer.json")
    doc = json.loads((tmp_path / "tokenizer.json").read_text())
    assert doc["model"]["type"] == "WordPiece" and doc["normalizer"]["type"] == "BertNormalizer"
    again = T.WordPieceTokenizer.load(tmp_path / "tokenizer.json")
    assert again.encode("Bilateral ground-glass opacities.", 32) == tok.encode("Bilateral ground-glass opacities.", 32)


def test_agrees_with_huggingface_tokenizers_when_installed(tmp_path):
    hf = pytest.importorskip("tokenizers")
    tok = T.train(CORPUS, vocab_size=300, min_word_freq=1)
    tok.save(tmp_path / "t.json")
    ref = hf.Tokenizer.from_file(str(tmp_path / "t.json"))
    for s in CORPUS + ["Ünusual COVID-19 x-ray; 12-bit!", "lungs" * 30]:
        assert ref.encode(s).ids == tok.encode(s, 10_000)
