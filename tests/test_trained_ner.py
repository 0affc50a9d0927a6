"""The trained character-level NER shipped in kg/data/ner-cluener (see docs/ner.md)."""

from __future__ import annotations

import json

import pytest

from kg.nlp.lac_tokenizer import analyse
from kg.nlp.trained_ner import (
    LABELS,
    MODEL_DIR,
    chunk_text,
    lac_char_features,
    load_model,
    predict_spans,
    uses_lac,
)

# Invented sentences whose people the shipped model finds (unambiguous given names + verbs).
# micro F1 (exact span) of the shipped model on the first 200 CLUENER dev sentences is 0.686 (docs/ner.md)
F1_FLOOR = 0.65

PERSON_SENTENCES = [
    ("张三丰是武当派的创始人。", "张三丰"),
    ("王小明昨天在会上发言。", "王小明"),
    ("记者李建国报道，此次会议于周一召开。", "李建国"),
]


def test_model_loads_from_package():
    assert (MODEL_DIR / "config.cfg").is_file()
    nlp = load_model()
    assert "ner" in nlp.pipe_names
    assert load_model() is nlp  # cached
    assert [t.text for t in nlp("武当派")] == ["武", "当", "派"]  # one token per character
    assert uses_lac(nlp)
    doc = nlp("张三丰是武当派的创始人。")
    assert [t.tag_ for t in doc] == lac_char_features(doc.text)[0]
    assert doc[0].tag_ == "B-PER" and doc[2].tag_ == "E-PER"


def test_lac_char_features():
    text = "王小明在北京。"
    tags, words = lac_char_features(text, [("王小明", "PER"), ("在", "p"), ("北京", "LOC"), ("。", "w")])
    assert tags == ["B-PER", "I-PER", "E-PER", "S-p", "B-LOC", "E-LOC", "S-w"]
    assert words == ["王小明"] * 3 + ["在", "北京", "北京", "。"]
    assert lac_char_features(text) == lac_char_features(text, analyse(text))  # LAC run when not given
    with pytest.raises(ValueError):
        lac_char_features(text, [("王小明", "PER")])


def test_given_lac_words_give_the_same_spans():
    texts = [t for t, _ in PERSON_SENTENCES] + ["阿里巴巴集团总部位于杭州市西湖区文三路。" * 40, " 王五 说"]
    lac = [analyse(t) for t in texts]
    assert predict_spans(texts, lac=lac) == predict_spans(texts)


@pytest.mark.parametrize("text,name", PERSON_SENTENCES)
def test_finds_person(text, name):
    (spans,) = predict_spans([text])
    people = [text[s:e] for s, e, label in spans if label == "Person"]
    assert name in people


def test_offsets_and_labels_are_valid():
    texts = [t for t, _ in PERSON_SENTENCES] + ["阿里巴巴集团总部位于杭州市西湖区文三路。", "abc"]
    for text, spans in zip(texts, predict_spans(texts), strict=True):
        assert spans == sorted(spans)
        for start, end, label in spans:
            assert 0 <= start < end <= len(text)
            assert label in LABELS
            assert text[start:end].strip()


def test_empty_input():
    assert predict_spans([]) == []
    assert predict_spans(["", "   ", "\n"]) == [[], [], []]


def test_chunk_text_covers_the_text():
    text = "今天天气很好。" * 200 + "没有标点的长句" * 100
    pieces = list(chunk_text(text, 500))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 500 for _, piece in pieces)
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)
    assert pieces[0][1].endswith("。")  # cut at sentence punctuation
    assert list(chunk_text("")) == [(0, "")]


def test_long_input_is_chunked_with_shifted_offsets():
    sentence, name = PERSON_SENTENCES[1]
    filler = "今天天气很好，大家都出门散步。"  # 15 characters
    for before in (33, 40, 70):  # 33 * 15 = 495: the sentence starts the second chunk exactly
        text = filler * before + sentence + filler * 40  # 1,100+ characters: several chunks
        (spans,) = predict_spans([text])
        start = len(filler) * before
        assert (start, start + len(name), "Person") in spans
        for s, e, label in spans:
            assert 0 <= s < e <= len(text) and label in LABELS
    # the same text in one piece (no chunking) gives the same span for the name
    (whole,) = predict_spans([text], max_chars=len(text))
    assert (start, start + len(name), "Person") in whole


@pytest.mark.shared
def test_dev_f1_floor():
    from conftest import shared_path

    dev = shared_path("datasets", "cluener2020", "dev.json")
    mapping = {"name": "Person", "company": "Organization", "organization": "Organization",
               "government": "Organization", "address": "Location"}
    texts, gold = [], []
    with open(dev, encoding="utf-8") as handle:
        for line in handle:
            if len(texts) >= 200:
                break
            item = json.loads(line)
            texts.append(item["text"])
            gold.append({(s, e + 1, mapping[t]) for t, names in item["label"].items() if t in mapping
                         for offsets in names.values() for s, e in offsets})
    pred = [set(spans) for spans in predict_spans(texts)]
    tp = sum(len(p & g) for p, g in zip(pred, gold, strict=True))
    precision = tp / max(sum(map(len, pred)), 1)
    recall = tp / max(sum(map(len, gold)), 1)
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    assert f1 >= F1_FLOOR, f"micro F1 {f1:.3f} on the first 200 dev sentences"

