"""Score a build's graph.ttl against gold files written to the annotation guide.

Reads the RDF of docs/rdf.md through kg.prediction (not the NetworkX graph), so what is scored
is what users get.
Entities count over (name, coarse type), relations over (subject, predicate, object) per
predicate and micro-averaged; attribute accuracy is a separate table, not part of F1.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .model import COARSE_TYPES, FINE_TYPES, coarse_type
from .prediction import (  # noqa: F401  (re-exported: the scorer's public API)
    KG,
    RELATIONS,
    PredEntity,
    Prediction,
    PredRelation,
    load_prediction,
    read_graph,
)

_DROP = re.compile(r"[\s《》“”\"「」『』'‘’]")
_EDGE_PUNCT = "。.,!?;:、…"


def normalize(name: str) -> str:
    """The guide's name key: NFKC, whitespace and quote marks removed."""
    return _DROP.sub("", unicodedata.normalize("NFKC", str(name)))


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str  # coarse
    fine: str | None = None
    aliases: tuple[str, ...] = ()
    optional: bool = False
    date_published: str | None = None  # Articles only


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str | None  # None for filesPatents
    attributes: dict = field(default_factory=dict, compare=False, hash=False)
    optional: bool = False


@dataclass
class Gold:
    document: str | None
    date: str | None
    entities: list[GoldEntity]
    relations: list[GoldRelation]
    path: str = ""


def load_gold(path: str | Path) -> Gold:
    """Read and validate one gold file; any defect is a ValueError naming the file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot read gold file: {exc}") from exc

    def need(ok: bool, msg: str) -> None:
        if not ok:
            raise ValueError(f"{path}: malformed gold file: {msg}")

    need(isinstance(data, dict) and isinstance(data.get("entities"), list), "no 'entities' list")
    need(isinstance(data.get("relations", []), list), "'relations' must be a list")
    for key in ("document", "date"):
        need(isinstance(data.get(key), str | None), f"'{key}' must be a string")
    entities = []
    for n, item in enumerate(data["entities"]):
        need(isinstance(item, dict) and isinstance(item.get("name"), str) and bool(item["name"].strip()),
             f"entities[{n}] needs a non-empty string 'name'")
        where = f"entities[{n}] ({item['name']})"
        type_, fine = item.get("type"), item.get("fine")
        if type_ in FINE_TYPES:  # a fine type given as type: keep both
            type_, fine = coarse_type(type_), fine or type_
        need(type_ in COARSE_TYPES, f"{where}: unknown type {item.get('type')!r}")
        aliases = item.get("aliases") or []
        need(isinstance(aliases, list) and all(isinstance(a, str) for a in aliases),
             f"{where}: 'aliases' must be a list of strings")
        entities.append(GoldEntity(item["name"], type_, fine, tuple(aliases), bool(item.get("optional")),
                                   item.get("datePublished")))
    relations = []
    for n, item in enumerate(data.get("relations", [])):
        need(isinstance(item, dict) and isinstance(item.get("subject"), str), f"relations[{n}]: no subject")
        predicate, obj = item.get("predicate"), item.get("object")
        need(predicate in RELATIONS, f"relations[{n}]: unknown predicate {predicate!r}")
        need(predicate == "filesPatents" or isinstance(obj, str), f"relations[{n}]: 'object' not a string")
        attrs = item.get("attributes") or {}
        need(isinstance(attrs, dict), f"relations[{n}]: 'attributes' must be an object")
        obj = None if predicate == "filesPatents" else obj
        relations.append(GoldRelation(item["subject"], predicate, obj, attrs, bool(item.get("optional"))))
    return Gold(data.get("document"), data.get("date"), entities, relations, str(path))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float | None:  # None: nothing predicted and nothing to find
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (0.0 if self.fn else None)

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (0.0 if self.fp else None)

    @property
    def f1(self) -> float | None:
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None

    def to_json(self) -> dict:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Scores:
    entities: Counts = field(default_factory=Counts)
    entity_types: dict[str, Counts] = field(default_factory=dict)
    relations: dict[str, Counts] = field(default_factory=dict)
    attributes: dict[str, list[int]] = field(default_factory=dict)  # "commentsOn.quote": [correct, total]
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)
    attribute_errors: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        return Counts(*(sum(getattr(c, k) for c in self.relations.values()) for k in ("tp", "fp", "fn")))

    def add(self, other: Scores) -> None:
        """Sum another document's counts into these (micro over all documents)."""
        self.entities.add(other.entities)
        for mine, theirs in ((self.entity_types, other.entity_types), (self.relations, other.relations)):
            for key, counts in theirs.items():
                mine.setdefault(key, Counts()).add(counts)
        for key, (ok, total) in other.attributes.items():
            self.attribute(key, ok, total)
        for name in ("false_positives", "false_negatives", "attribute_errors", "documents"):
            getattr(self, name).extend(getattr(other, name))

    def attribute(self, key: str, ok: int, total: int = 1) -> None:
        old_ok, old_total = self.attributes.get(key, (0, 0))
        self.attributes[key] = [old_ok + ok, old_total + total]

    def to_json(self) -> dict:
        data = asdict(self)  # the lists as they are; the counts with P/R/F1
        data.update(entities=self.entities.to_json(), micro=self.micro.to_json(),
                    entity_types={k: v.to_json() for k, v in sorted(self.entity_types.items())},
                    relations={k: v.to_json() for k, v in self.relations.items()},
                    attributes={k: {"correct": ok, "total": n, "accuracy": ok / n if n else None}
                                for k, (ok, n) in sorted(self.attributes.items())})
        return data


def _max_matching(candidates: dict[int, list[int]]) -> dict[int, int]:
    """Maximum one-to-one matching prediction -> gold by augmenting paths; deterministic."""
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in candidates[p]:
            if g not in seen:
                seen.add(g)
                if g not in owner or augment(owner[g], seen):
                    owner[g] = p
                    return True
        return False

    for p in sorted(candidates):
        augment(p, set())
    return {p: g for g, p in owner.items()}


def _tally(scores: Scores, counts: dict[str, Counts], doc: str, candidates: dict[int, list[int]],
           optional: list[bool], pred_keys: list[tuple], gold_keys: list[tuple]) -> dict[int, int]:
    """Match required gold first, then optional gold (neither FP nor TP); count and list the rest."""
    matched = _max_matching({p: [g for g in c if not optional[g]] for p, c in candidates.items()})
    rest = {p: [g for g in c if optional[g]] for p, c in candidates.items() if p not in matched}
    ignored = _max_matching(rest)
    for p, (key, text) in enumerate(pred_keys):
        if p in matched:
            counts.setdefault(key, Counts()).tp += 1
        elif p not in ignored:
            counts.setdefault(key, Counts()).fp += 1
            scores.false_positives.append(f"{doc}{text}")
    found = set(matched.values())
    for g, (key, text) in enumerate(gold_keys):
        counts.setdefault(key, Counts())
        if not optional[g] and g not in found:
            counts[key].fn += 1
            scores.false_negatives.append(f"{doc}{text}")
    return matched


def _equal(gold, values: list) -> bool:
    """Right when one predicted value equals the gold one (a list, as role: the same set)."""
    def norm(value) -> object:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if number else normalize(str(value)).strip(_EDGE_PUNCT)

    if isinstance(gold, list):
        return {norm(g) for g in gold} == {norm(v) for v in values}
    return any(norm(gold) == (v := norm(value)) or (isinstance(v, float) and isinstance(norm(gold), float)
               and math.isclose(norm(gold), v, rel_tol=1e-9, abs_tol=1e-6)) for value in values)


def _check(scores: Scores, doc: str, key: str, gold, predicted: list, what: str) -> None:
    ok = _equal(gold, predicted)
    scores.attribute(key, ok)
    if not ok:
        scores.attribute_errors.append(f"{doc}{what}: {key} gold {gold!r} predicted {predicted!r}")


def _describe(subject: str, predicate: str, obj: str | None, count=None) -> str:
    if predicate == "filesPatents":
        return f"filesPatents {subject}" + ("" if count is None else f" (count {count})")
    return f"{predicate} {subject} -> {obj}"


def score(gold: Gold, prediction: Prediction) -> Scores:
    """Score one gold file against a prediction already restricted to its document."""
    doc = f"[{gold.document or Path(gold.path).name}] "
    scores = Scores(documents=[gold.document or gold.path])
    index: dict[str, set[int]] = {}
    for i, ge in enumerate(gold.entities):
        for key in {normalize(ge.name), *map(normalize, ge.aliases)}:
            index.setdefault(key, set()).add(i)

    def hits(names: Iterable[str], type_: str | None = None) -> set[int]:
        found = set().union(*(index.get(normalize(n), set()) for n in names))
        return {i for i in found if type_ is None or gold.entities[i].type == type_}

    # Entities: the name first, its aliases as a fallback, the same coarse type, one to one.
    preds = sorted(prediction.entities.values(), key=lambda e: (e.type, e.name, e.id))
    candidates = {p: sorted(hits([e.name], e.type) or hits(e.aliases, e.type)) for p, e in enumerate(preds)}
    matched = _tally(scores, scores.entity_types, doc, candidates, [ge.optional for ge in gold.entities],
                     [(pe.type, f"entity {pe.type} {pe.name}") for pe in preds],
                     [(ge.type, f"entity {ge.type} {ge.name}") for ge in gold.entities])
    for counts in scores.entity_types.values():
        scores.entities.add(counts)
    for p, i in matched.items():
        ge, pe = gold.entities[i], preds[p]
        if ge.fine:
            _check(scores, doc, f"{ge.type}.fine", [ge.fine], [f for f in pe.fines if f == ge.fine], ge.name)
        if ge.date_published:
            _check(scores, doc, f"{ge.type}.datePublished", ge.date_published,
                   [pe.date_published] if pe.date_published else [], ge.name)

    # Relations: endpoints through the same name matching; filesPatents on subject (and count).
    def pred_ids(node: str) -> set:
        names = [prediction.name(node)]
        names += prediction.entities[node].aliases if node in prediction.entities and not hits(names) else ()
        return hits(names) | {normalize(n) for n in names}

    groups: dict[tuple, list[GoldRelation]] = {}  # one per (s, p, o); each filesPatents on its own
    for n, gr in enumerate(gold.relations):
        key = (n,) if gr.predicate == "filesPatents" else (normalize(gr.subject), gr.predicate,
                                                            normalize(gr.object or ""))
        groups.setdefault(key, []).append(gr)
    items = list(groups.values())
    optional = [all(gr.optional for gr in group) for group in items]
    ends = [(hits([g[0].subject]) | {normalize(g[0].subject)},
             hits([g[0].object or ""]) | {normalize(g[0].object or "")}) for g in items]
    candidates = {}
    for p, pr in enumerate(prediction.relations):
        s_ids = pred_ids(pr.subject)
        o_ids = pred_ids(pr.object) if pr.predicate != "filesPatents" else set()
        candidates[p] = [
            j for j, group in enumerate(items) if group[0].predicate == pr.predicate and s_ids & ends[j][0]
            and (ends[j][1] & o_ids if pr.predicate != "filesPatents" else "count" not in group[0].attributes
                 or _equal(group[0].attributes["count"], pr.attributes.get("count", [])))]
    name = prediction.name
    pred_keys = [(pr.predicate, _describe(name(pr.subject), pr.predicate, name(pr.object),
                                          (pr.attributes.get("count") or [None])[0]))
                 for pr in prediction.relations]
    gold_keys = [(g[0].predicate, _describe(g[0].subject, g[0].predicate, g[0].object,
                                            g[0].attributes.get("count"))) for g in items]
    relations: dict[str, Counts] = {}
    matched = _tally(scores, relations, doc, candidates, optional, pred_keys, gold_keys)
    scores.relations = {p: relations[p] for p in RELATIONS if p in relations}
    for p, j in matched.items():
        pr = prediction.relations[p]
        for gr in items[j]:
            for name, value in sorted(gr.attributes.items()):
                _check(scores, doc, f"{gr.predicate}.{name}", value, pr.attributes.get(name, []),
                       _describe(gr.subject, gr.predicate, gr.object))
    return scores


def evaluate(gold_paths: Sequence[str | Path], data: str | Path) -> Scores:
    """Score each gold file against the build restricted to its document; sum the counts."""
    graph = read_graph(data)
    total = Scores()
    for path in gold_paths:
        gold = load_gold(path)
        total.add(score(gold, load_prediction(graph, gold.document)))
    return total


def format_scores(scores: Scores, verbose: bool = False) -> str:
    """A plain-text table in percent; with verbose, the FP / FN lists and attribute errors."""
    def _pct(x: float | None) -> str:
        return "     -" if x is None else f"{100 * x:6.1f}"

    def _row(label: str, c: Counts) -> str:
        return f"  {label:<26}{c.tp:>5}{c.fp:>5}{c.fn:>5}  {_pct(c.precision)} {_pct(c.recall)} {_pct(c.f1)}"

    head = f"  {'':<26}{'tp':>5}{'fp':>5}{'fn':>5}  {'P':>6} {'R':>6} {'F1':>6}"
    lines = [f"documents: {len(scores.documents)}", "Entities", head, _row("all", scores.entities)]
    lines += [_row(t, c) for t, c in sorted(scores.entity_types.items())]
    lines += ["Relations", head] + [_row(p, c) for p, c in scores.relations.items()]
    lines += [_row("micro", scores.micro)]
    if scores.attributes:
        lines.append("Attributes (accuracy over matched items; not part of F1)")
        lines += [f" {k:<27}{ok:>5}/{n:<4}{_pct(ok / n)}" for k, (ok, n) in sorted(scores.attributes.items())]
    if verbose:
        for title, items in (("False positives", scores.false_positives),
                             ("False negatives", scores.false_negatives),
                             ("Attribute errors", scores.attribute_errors)):
            lines += [f"{title} ({len(items)})"] + [f"  {item}" for item in items]
    return "\n".join(lines)
