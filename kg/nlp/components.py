"""What kg's spaCy components share: the word view of a Doc, entity merging, organization types.

Each component (org_names.py, names.py, products.py ...) reads `doc.ents` and the LAC tags in
`token.tag_`, proposes spans, and writes the entities back through `merge_ents`, where a
component's own spans win over what was there. Labels are the guide's types (fine where
known: Company, AIModel ...).
"""

from __future__ import annotations

import re
from itertools import accumulate

import numpy
from spacy.attrs import ORTH, SPACY, TAG
from spacy.tokens import Doc, Span

from .lexicon import (
    ORG_SUFFIXES,
    TYPE_ONLY_SUFFIXES,
)

ORG_LABELS = {"Organization", "Company", "ResearchInstitute", "GovernmentAgency", "Association", "MediaOutlet"}
PRODUCT_LABELS = {"Product", "AIModel", "Vehicle"}
NOUN_TAGS = {"n", "nz", "nw", "an", "vn", "ORG", "LOC", "PER", "m"}
LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9.\-+]*$")
SENTENCE_END = set("。！？!?")
OPEN_QUOTES, CLOSE_QUOTES = "“‘「『", "”’」』"
ORG_SUFFIX_WORDS = tuple(suffix for suffix, _ in ORG_SUFFIXES)  # str.endswith(tuple): one C call per test


class Words:
    """A Doc's token texts, LAC tags and text, read once with `to_array` (get them with `words_of`).

    Every `doc[i].text`, `doc[i].tag_`, `doc[a:b].text` or `doc.text` makes Token objects; the
    rules ask for them many times per token, so they read these lists instead."""

    __slots__ = ("texts", "tags", "text", "starts")

    def __init__(self, doc: Doc, array):
        strings = doc.vocab.strings
        rows = array.tolist()
        self.texts = [strings[orth] for orth, _, _ in rows]
        self.tags = [strings[tag] for _, tag, _ in rows]
        with_ws = [text + " " if space else text for text, (_, _, space) in zip(self.texts, rows, strict=True)]
        self.text = "".join(with_ws)  # doc.text
        self.starts = list(accumulate(map(len, with_ws), initial=0))  # token i starts at starts[i]

    def span(self, start: int, end: int) -> str:
        """doc[start:end].text for 0 <= start."""
        end = min(end, len(self.texts))
        if end <= start:
            return ""
        return self.text[self.starts[start] : self.starts[end - 1] + len(self.texts[end - 1])]


_WORDS_ATTRS = [ORTH, TAG, SPACY]
_last_words: tuple = (None, None, None)  # (doc, its token array, its Words): the components share one


def words_of(doc: Doc) -> Words:
    """The Words of `doc`, shared by the components that run on it one after another. A new
    array read checks they still hold (a retokenized or re-tagged doc gets new ones)."""
    global _last_words
    array = doc.to_array(_WORDS_ATTRS) if len(doc) else numpy.zeros((0, 3), dtype=numpy.uint64)
    last_doc, last_array, last = _last_words
    if last_doc is doc and numpy.array_equal(last_array, array):
        return last
    words = Words(doc, array)
    _last_words = (doc, array, words)
    return words


def merge_ents(doc: Doc, spans: list[Span]) -> None:
    """Set `spans` as entities; existing entities that overlap one of them are dropped."""
    taken = set()
    for span in spans:
        taken.update(range(span.start, span.end))
    kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if chosen and span.start < chosen[-1].end:
            continue
        chosen.append(span)
    doc.ents = sorted(kept + chosen, key=lambda s: s.start)


def org_type(name: str) -> str:
    """The fine organization type its suffix implies, or plain Organization. A department of a
    firm ('工行投资银行部') is no government agency, whatever its 部 says."""
    if name.endswith("国集团"):
        return "Organization"  # '二十国集团': a group of countries, no business group
    for suffix, fine in _SUFFIXES_LONGEST_FIRST:  # '中国人民银行': 人民银行 (a central bank), not 银行
        if name.endswith(suffix) and len(name) > len(suffix) and (suffix != "司" or len(name) >= 4):
            if fine == "GovernmentAgency" and suffix in ("部", "局") and _FIRM_IN_NAME.search(name[: -len(suffix)]):
                return "Organization"
            return fine
    return "Organization"


_SUFFIXES_LONGEST_FIRST = tuple(sorted(ORG_SUFFIXES + TYPE_ONLY_SUFFIXES, key=lambda pair: -len(pair[0])))
_FIRM_IN_NAME = re.compile(r"银行|公司|集团|证券|保险|工行|农行|中行|建行|交行")
