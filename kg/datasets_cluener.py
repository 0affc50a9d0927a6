"""CLUENER2020: our entities scored against its spans, exact and by name, per coarse type.

CLUENER types map to the guide's: name -> Person; company, organization, government ->
Organization; address -> Location. Its other types (book, game, movie, scene) have no
counterpart we can score, so our predictions of types outside the mapping (Product,
Ranking, Report) are not counted either, nor is a prediction whose span CLUENER marks
with one of those other types (长城 as scene, not address). `position` is not an entity of the guide: it is
reported as the recall of CLUENER position strings found inside the `role` of a
holdsPositionAt fact of the same sentence (no precision: CLUENER marks bare titles such
as 记者 that need no organization, and we only extract roles held at an organization).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .evaluate import Counts, normalize
from .extract.context import coarse
from .model import Fact, Mention

TYPE_MAP = {"name": "Person", "company": "Organization", "organization": "Organization",
            "government": "Organization", "address": "Location"}
SCORED_TYPES = ("Person", "Organization", "Location")

Span = tuple[int, int, str]  # start, end (exclusive), coarse type


@dataclass
class NerSentence:
    """One CLUENER sentence: the text, its mapped gold spans and its position strings."""

    text: str
    spans: set[Span]
    positions: list[str] = field(default_factory=list)
    other: set[tuple[int, int]] = field(default_factory=set)  # spans of unmapped types (book, scene ...)


def load_cluener(path: str | Path, limit: int | None = None) -> list[NerSentence]:
    """The first `limit` sentences of a CLUENER JSON-lines file (inclusive ends made exclusive)."""
    sentences = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(sentences) >= limit:
                break
            if not line.strip():
                continue
            item = json.loads(line)
            spans, positions, other = set(), [], set()
            for label, names in (item.get("label") or {}).items():
                for name, offsets in names.items():
                    for start, end in offsets:
                        if label == "position":
                            positions.append(name)
                        elif label in TYPE_MAP:
                            spans.add((start, end + 1, TYPE_MAP[label]))
                        else:
                            other.add((start, end + 1))
            sentences.append(NerSentence(item["text"], spans, positions, other))
    return sentences


def predicted_spans(mentions: Iterable[Mention]) -> set[Span]:
    """Our mentions as scored spans: coarse types of the mapping only, duplicates once."""
    return {(m.start, m.end, coarse(m.label)) for m in mentions if coarse(m.label) in SCORED_TYPES}


@dataclass
class NerScores:
    exact: dict[str, Counts] = field(default_factory=dict)
    names: dict[str, Counts] = field(default_factory=dict)
    positions: Counts = field(default_factory=Counts)  # tp: found in a role; fn: not found
    sentences: int = 0
    errors: list[dict] = field(default_factory=list)  # per sentence: text, missed, spurious

    def micro(self, table: dict[str, Counts]) -> Counts:
        total = Counts()
        for counts in table.values():
            total.add(counts)
        return total


def _count(table: dict[str, Counts], gold: set, pred: set) -> None:
    for type_ in SCORED_TYPES:
        g = {x for x in gold if x[-1] == type_}
        p = {x for x in pred if x[-1] == type_}
        table.setdefault(type_, Counts()).add(Counts(len(g & p), len(p - g), len(g - p)))


def score_cluener(sentences: list[NerSentence], results: list[tuple[list[Mention], list[Fact]]]) -> NerScores:
    """Exact-span and name-set P/R/F1 per type, and the position-in-role recall."""
    scores = NerScores(sentences=len(sentences))
    for sentence, (mentions, facts) in zip(sentences, results, strict=True):
        gold = sentence.spans
        pred = {p for p in predicted_spans(mentions) if p[:2] not in sentence.other}
        _count(scores.exact, gold, pred)
        text = sentence.text
        gold_names = {(normalize(text[s:e]), t) for s, e, t in gold}
        pred_names = {(normalize(text[s:e]), t) for s, e, t in pred}
        _count(scores.names, gold_names, pred_names)
        roles = [str(r) for f in facts if f.predicate == "holdsPositionAt"
                 for r in _as_list(f.attributes.get("role"))]
        for position in sentence.positions:
            found = any(position in role for role in roles)
            scores.positions.add(Counts(tp=int(found), fn=int(not found)))
        if gold != pred:
            scores.errors.append({
                "text": text,
                "missed": sorted((text[s:e], t) for s, e, t in gold - pred),
                "spurious": sorted((text[s:e], t) for s, e, t in pred - gold),
            })
    return scores


def _as_list(value) -> list:
    return value if isinstance(value, list | tuple) else [] if value is None else [value]


def error_kinds(scores: NerScores) -> dict[str, list[tuple[str, str, str]]]:
    """Span errors grouped: boundary (overlapping gold and predicted span), type confusion, miss, spurious.

    Each item is (predicted or '', gold or '', sentence)."""
    kinds: dict[str, list[tuple[str, str, str]]] = {"boundary": [], "type": [], "missed": [], "spurious": []}
    for item in scores.errors:
        text = item["text"]
        spurious = list(item["spurious"])
        for name, type_ in item["missed"]:
            other = next((s for s in spurious if s[0] == name), None)
            if other is None:
                other = next((s for s in spurious if name in s[0] or s[0] in name), None)
                kind = "boundary" if other and other[1] == type_ else None
            else:
                kind = "type"
            if other is None or kind is None:
                kinds["missed"].append(("", f"{name}/{type_}", text))
                continue
            spurious.remove(other)
            kinds[kind].append((f"{other[0]}/{other[1]}", f"{name}/{type_}", text))
        kinds["spurious"].extend((f"{n}/{t}", "", text) for n, t in spurious)
    return kinds
