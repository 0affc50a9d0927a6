"""The small trained NER shipped in kg/data/ner-cluener: Person / Organization / Location.

A spaCy pipeline (one token per character, hash embeddings + CNN tok2vec, transition-based
NER) trained on CLUENER2020 train by scripts/train_ner.py; scores and the reproduce command
are in docs/ner.md. The model may carry fine CLUENER labels (name, company, address, game ...):
they are mapped to the three coarse types here and the rest are dropped.

    >>> predict_spans(["王小明昨天在北京市海淀区的清华大学发言。"])
    [[(0, 3, 'Person'), (6, 12, 'Location'), (13, 17, 'Organization')]]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

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


@lru_cache(maxsize=4)
def _load(path: str):
    import spacy

    return spacy.load(path)


def load_model(model_dir: str | Path | None = None):
    """The spaCy pipeline from the package (or `model_dir`), loaded once per directory."""
    path = Path(model_dir) if model_dir is not None else MODEL_DIR
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"no trained NER model in {path} (run scripts/train_ner.py)")
    return _load(str(path.resolve()))


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


def predict_spans(texts: list[str], model_dir: str | Path | None = None, batch_size: int = 64,
                  max_chars: int = MAX_CHARS) -> list[list[Span]]:
    """For each text, its (start, end exclusive, label) entity spans in character offsets, sorted,
    labels in {"Person", "Organization", "Location"}. Long texts are run in chunks of <= `max_chars`."""
    nlp = load_model(model_dir)
    owners: list[int] = []
    offsets: list[int] = []
    pieces: list[str] = []
    for i, text in enumerate(texts):
        for offset, piece in chunk_text(text, max_chars):
            if piece.strip():
                owners.append(i)
                offsets.append(offset)
                pieces.append(piece)
    results: list[list[Span]] = [[] for _ in texts]
    for owner, offset, doc in zip(owners, offsets, nlp.pipe(pieces, batch_size=batch_size), strict=True):
        for ent in doc.ents:
            label = LABEL_MAP.get(ent.label_)
            if label is not None:
                results[owner].append((ent.start_char + offset, ent.end_char + offset, label))
    for spans in results:
        spans.sort()
    return results
