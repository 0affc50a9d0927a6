"""The small trained NER shipped in kg/data/ner-cluener: Person / Organization / Location.

A spaCy pipeline (one token per character, hash embeddings + CNN tok2vec, transition-based
NER) trained on CLUENER2020 train by scripts/train_ner.py; scores and the reproduce command
are in docs/ner.md. The model may carry fine CLUENER labels (name, company, address, game ...):
they are mapped to the three coarse types here and the rest are dropped.

Each character token also carries Baidu LAC's view of it (`lac_char_features`): its position
in its LAC word and the word's tag ("B-ORG", "I-n", "S-PER") in `token.tag_`, and the hash of
the LAC word in `token.lemma` (the word itself is not added to the string store). The model's
tokenizer `kg.LacCharTokenizer.v1` computes them at training time; `predict_spans` computes
them with the same function, from LAC words the caller already has (`lac=`) or by running LAC.

    >>> predict_spans(["王小明昨天在北京市海淀区的清华大学发言。"])
    [[(0, 3, 'Person'), (6, 12, 'Location'), (13, 17, 'Organization')]]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import LEMMA, TAG
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces
from spacy.vocab import Vocab

from .lac_tokenizer import NothingToSave

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "ner-cluener"

LABELS = ("Person", "Organization", "Location")
LABEL_MAP = {
    "Person": "Person", "Organization": "Organization", "Location": "Location",
    "name": "Person", "company": "Organization", "organization": "Organization",
    "government": "Organization", "address": "Location",
}

MAX_CHARS = 500
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s)")
_CLAUSE_END = re.compile(r"[，,、：:\s]")

Span = tuple[int, int, str]  # start, end (exclusive), coarse label
WordTags = Sequence[tuple[str, str]]  # LAC (word, tag) pairs that concatenate to the text


def lac_char_features(text: str, lac: WordTags | None = None) -> tuple[list[str], list[str]]:
    """For each character of `text`: its BIES position in its LAC word + the word's LAC tag
    ("B-ORG", "E-ORG", "S-v"), and that word. `lac` is LAC's (word, tag) analysis of the whole
    text (as `kg.nlp.lac_tokenizer.analyse` gives it); without it LAC is run here."""
    if lac is None:
        from .lac_tokenizer import analyse

        lac = analyse(text)
    tags: list[str] = []
    words: list[str] = []
    for word, tag in lac:
        n = len(word)
        if n == 1:
            tags.append("S-" + tag)
        elif n:
            tags.extend(["B-" + tag, *["I-" + tag] * (n - 2), "E-" + tag])
        words.extend([word] * n)
    if len(tags) != len(text):
        raise ValueError(f"LAC words cover {len(tags)} characters, the text has {len(text)}")
    return tags, words


def char_doc(vocab: Vocab, text: str, tags: Sequence[str] | None = None, words: Sequence[str] | None = None) -> Doc:
    """One token per character (as spaCy's zh "char" segmenter cuts it); with `tags`/`words`
    (one per character of `text`), each token gets the TAG and LEMMA of its first character."""
    chars, spaces = get_words_and_spaces(list(text), text)
    doc = Doc(vocab, words=chars, spaces=spaces)
    if tags is not None and words is not None and len(doc):
        strings = vocab.strings
        values = numpy.array([[strings.add(tags[t.idx]), strings[words[t.idx]]] for t in doc], dtype=numpy.uint64)
        doc.from_array([TAG, LEMMA], values)
    return doc


@lru_cache(maxsize=16384)
def _cached_features(text: str) -> tuple[list[str], list[str]]:
    return lac_char_features(text)


class LacCharTokenizer(NothingToSave):
    """spaCy tokenizer: one token per character, carrying LAC's tag and word (`lac_char_features`)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        # training re-tokenizes every sentence each epoch: LAC's answer for a short text is cached
        tags, words = _cached_features(text) if len(text) <= 128 else lac_char_features(text)
        return char_doc(self.vocab, text, tags, words)



@spacy.registry.tokenizers("kg.LacCharTokenizer.v1")
def create_lac_char_tokenizer():
    def make(nlp):
        return LacCharTokenizer(nlp.vocab)

    return make


@lru_cache(maxsize=4)
def _load(path: str):
    return spacy.load(path)


def load_model(model_dir: str | Path | None = None):
    """The spaCy pipeline from the package (or `model_dir`), loaded once per directory."""
    path = Path(model_dir) if model_dir is not None else MODEL_DIR
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"no trained NER model in {path} (run scripts/train_ner.py)")
    return _load(str(path.resolve()))


def uses_lac(nlp) -> bool:
    """Whether the model reads LAC features (else it is a plain character model)."""
    return isinstance(nlp.tokenizer, LacCharTokenizer)


def chunk_text(text: str, max_chars: int = MAX_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pieces of at most `max_chars`, cut after sentence punctuation where possible,
    else after a clause mark or space, else hard; the pieces concatenate back to `text`."""
    start = 0
    while len(text) - start > max_chars:
        window = text[start:start + max_chars]
        cut = 0
        for pattern in (_SENTENCE_END, _CLAUSE_END):
            ends = [m.end() for m in pattern.finditer(window)]
            if ends and ends[-1] > max_chars // 4:
                cut = ends[-1]
                break
        if not cut:
            cut = max_chars
        yield start, window[:cut]
        start += cut
    if start < len(text) or not text:
        yield start, text[start:]


def predict_spans(texts: Sequence[str], model_dir: str | Path | None = None, batch_size: int = 64,
                  max_chars: int = MAX_CHARS, lac: Sequence[WordTags | None] | None = None) -> list[list[Span]]:
    """For each text, its (start, end exclusive, label) entity spans in character offsets, sorted,
    labels in {"Person", "Organization", "Location"}. Long texts are run in chunks of <= `max_chars`.

    `lac` (optional, one per text): LAC's (word, tag) pairs of the whole text, e.g. the tokens of
    kg's LAC-tokenized Doc, so LAC is not run again; the LAC features are computed on the whole
    text, then cut with it."""
    nlp = load_model(model_dir)
    with_lac = uses_lac(nlp)
    owners: list[int] = []
    offsets: list[int] = []
    pieces: list[str | Doc] = []
    for i, text in enumerate(texts):
        features = None
        for offset, piece in chunk_text(text, max_chars):
            if not piece.strip():
                continue
            owners.append(i)
            offsets.append(offset)
            if not with_lac:
                pieces.append(piece)
                continue
            if features is None:
                features = lac_char_features(text, lac[i] if lac is not None else None)
            tags, words = features
            end = offset + len(piece)
            pieces.append(char_doc(nlp.vocab, piece, tags[offset:end], words[offset:end]))
    results: list[list[Span]] = [[] for _ in texts]
    for owner, offset, doc in zip(owners, offsets, nlp.pipe(pieces, batch_size=batch_size), strict=True):
        for ent in doc.ents:
            label = LABEL_MAP.get(ent.label_)
            if label is not None:
                results[owner].append((ent.start_char + offset, ent.end_char + offset, label))
    for spans in results:
        spans.sort()
    return results
