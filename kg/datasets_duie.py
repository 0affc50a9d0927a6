"""DuIE 2.0: holdsPositionAt and locatedIn scored on the sentences of the predicates they cover.

DuIE predicate -> ours (in our direction): 董事长 / 创始人 / 校长 (企业 or 学校 -> 人物) ->
holdsPositionAt person -> organization whose role names the predicate word (副董事长 does
not: it is another position); 总部地点 (企业 -> 地点) -> locatedIn organization -> place.
Names match after the guide's normalization ("exact"), or when one contains the other
("lenient": separates boundary errors from misses).

Precision: DuIE annotates only some triples of a sentence, so a prediction of label L counts
as a false positive only in a sentence whose gold lists at least one L triple (the annotator
looked at L there). Predictions of L elsewhere are "unscored" and sampled for review, and
holdsPositionAt facts whose role maps to no DuIE predicate (总经理, CEO) are only counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .evaluate import Counts, normalize
from .model import Fact

POSITION_PREDICATES = ("董事长", "创始人", "校长")
LOCATION_PREDICATES = ("总部地点",)
LABELS = POSITION_PREDICATES + LOCATION_PREDICATES

Triple = tuple[str, str, str]  # (DuIE label, subject, object) in our direction: person -> org, org -> place


@dataclass
class RelSentence:
    text: str
    triples: set[Triple]


def gold_triples(spo_list: Iterable[dict]) -> set[Triple]:
    """The DuIE triples we score, turned into our direction."""
    triples = set()
    for spo in spo_list:
        label, subject = spo.get("predicate"), spo.get("subject", "")
        obj = (spo.get("object") or {}).get("@value", "")
        if label in POSITION_PREDICATES:
            triples.add((label, obj, subject))
        elif label in LOCATION_PREDICATES:
            triples.add((label, subject, obj))
    return triples


def load_duie(paths: Iterable[str | Path], limit: int | None = None) -> list[RelSentence]:
    """The first `limit` sentences (over all files, in order) with at least one scored triple."""
    sentences, seen = [], set()
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if limit is not None and len(sentences) >= limit:
                    return sentences
                if not line.strip():
                    continue
                item = json.loads(line)
                triples = gold_triples(item.get("spo_list") or [])
                if triples and item["text"] not in seen:
                    seen.add(item["text"])
                    sentences.append(RelSentence(item["text"], triples))
    return sentences


# Titles that are another name of a DuIE predicate: the chair of a 董事局 is its 董事长.
ROLE_SYNONYMS = {"董事局主席": "董事长", "创办人": "创始人"}


def role_label(role: str) -> str | None:
    """The DuIE predicate a role names: 董事长 in 董事长兼总裁 yes, in 副董事长 no."""
    if "副" in role:
        return None
    role = next((label for synonym, label in ROLE_SYNONYMS.items() if synonym in role), role)
    return next((label for label in POSITION_PREDICATES if label in role), None)


def predicted_triples(facts: Iterable[Fact]) -> tuple[set[Triple], int]:
    """Our facts as DuIE triples, and the number of holdsPositionAt facts no DuIE predicate covers."""
    triples, other = set(), 0
    for fact in facts:
        if fact.predicate == "holdsPositionAt" and fact.object:
            roles = fact.attributes.get("role") or []
            labels = {role_label(str(r)) for r in (roles if isinstance(roles, list | tuple) else [roles])} - {None}
            triples.update((label, fact.subject, fact.object) for label in labels)
            other += not labels
        elif fact.predicate == "locatedIn" and fact.object:
            triples.add(("总部地点", fact.subject, fact.object))
    return triples, other


def _same(a: str, b: str, lenient: bool) -> bool:
    a, b = normalize(a), normalize(b)
    return a == b or lenient and bool(a) and bool(b) and (a in b or b in a)


def _match(gold: set[Triple], pred: set[Triple], lenient: bool) -> tuple[set[Triple], set[Triple]]:
    """Greedy one-to-one matching: (matched predictions, matched gold)."""
    used_p, used_g = set(), set()
    for g in sorted(gold):
        for p in sorted(pred - used_p):
            if p[0] == g[0] and _same(p[1], g[1], lenient) and _same(p[2], g[2], lenient):
                used_p.add(p)
                used_g.add(g)
                break
    return used_p, used_g


@dataclass
class RelScores:
    exact: dict[str, Counts] = field(default_factory=dict)
    lenient: dict[str, Counts] = field(default_factory=dict)
    pair_found: Counts = field(default_factory=Counts)  # position gold found as a pair with any role
    unscored: list[tuple[Triple, str]] = field(default_factory=list)
    other_roles: int = 0
    false_positives: list[tuple[Triple, str]] = field(default_factory=list)
    false_negatives: list[tuple[Triple, str, list[str]]] = field(default_factory=list)  # with our pairs
    sentences: int = 0


def score_duie(sentences: list[RelSentence], results: list[tuple[list, list[Fact]]]) -> RelScores:
    """Per DuIE predicate P/R/F1 (exact and lenient names), with the FP / FN lists."""
    scores = RelScores(sentences=len(sentences))
    for sentence, (_, facts) in zip(sentences, results, strict=True):
        pred, other = predicted_triples(facts)
        scores.other_roles += other
        gold_labels = {t[0] for t in sentence.triples}
        scored = {p for p in pred if p[0] in gold_labels}
        scores.unscored.extend((p, sentence.text) for p in sorted(pred - scored))
        for lenient, table in ((False, scores.exact), (True, scores.lenient)):
            hit_p, hit_g = _match(sentence.triples, scored, lenient)
            for label in LABELS:
                g = {t for t in sentence.triples if t[0] == label}
                p = {t for t in scored if t[0] == label}
                table.setdefault(label, Counts()).add(
                    Counts(len(p & hit_p), len(p - hit_p), len(g - hit_g)))
            if not lenient:
                scores.false_positives.extend((p, sentence.text) for p in sorted(scored - hit_p))
                pairs = [f"{f.subject}->{f.object} {f.attributes.get('role')}" for f in facts
                         if f.predicate in ("holdsPositionAt", "locatedIn")]
                scores.false_negatives.extend((g, sentence.text, pairs) for g in sorted(sentence.triples - hit_g))
        pairs = {("pos", f.subject, f.object) for f in facts if f.predicate == "holdsPositionAt"}
        for label, person, org in sentence.triples:
            if label in POSITION_PREDICATES:
                found = bool(_match({("pos", person, org)}, pairs, False)[1])
                scores.pair_found.add(Counts(tp=int(found), fn=int(not found)))
    return scores
