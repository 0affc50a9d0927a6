"""What a build predicts, read back from its Turtle (docs/rdf.md): entities and relations.

`kg evaluate` scores this, not the NetworkX graph, so what is scored is what users get.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS
from rdflib.util import guess_format

from .export.rdf import KG
from .model import (
    COARSE_TYPES,
    FILING_ATTRIBUTES,
    FINE_TYPES,
    PATENT_FILING,
    PREDICATES,
    coarse_type,
)
from .model import EDGE_ATTRIBUTES as STATEMENT_ATTRIBUTES

RELATIONS = tuple(p for p in PREDICATES if p != "datePublished")  # datePublished is a literal


@dataclass(frozen=True)
class PredEntity:
    id: str
    name: str
    type: str  # coarse
    fines: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    date_published: str | None = None


@dataclass
class PredRelation:
    subject: str  # node id (IRI)
    predicate: str
    object: str | None  # node id; the filing node for filesPatents
    attributes: dict[str, list] = field(default_factory=dict)  # every value its statements give


@dataclass
class Prediction:
    entities: dict[str, PredEntity]  # by node id
    relations: list[PredRelation]
    labels: dict[str, str] = field(default_factory=dict)  # names of endpoints that are not entities

    def name(self, node: str | None) -> str:
        return self.entities[node].name if node in self.entities else self.labels.get(node, str(node))


def read_graph(data: str | Path) -> Graph:
    """Parse DIR/graph.ttl, or the RDF file given."""
    data = Path(data)
    path = data / "graph.ttl" if data.is_dir() else data
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such graph (build first, or pass --data DIR)")
    try:
        return Graph().parse(path, format=guess_format(str(path)) or "turtle")
    except Exception as exc:  # rdflib raises many kinds for a bad file
        raise ValueError(f"{path}: cannot parse RDF: {exc}") from exc


def _py(node) -> object:
    """A literal's Python value: dates as ISO strings, decimals as floats."""
    value = node.toPython() if isinstance(node, Literal) else str(node)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value if isinstance(value, int | float) else str(value)


def _local(node) -> str | None:
    text = str(node)
    return text[len(KG):] if isinstance(node, URIRef) and text.startswith(str(KG)) else None


def load_prediction(data: str | Path | Graph, document: str | None = None) -> Prediction:
    """A build's entities, relations and attributes (docs/rdf.md), for one source document if given.

    `data` is a build directory, an RDF file or a parsed Graph (to read a build once for many golds).
    """
    graph = data if isinstance(data, Graph) else read_graph(data)
    entities: dict[str, PredEntity] = {}
    for node in set(graph.subjects(RDF.type, None)):
        types = {_local(t) for t in graph.objects(node, RDF.type)} - {None}
        label = graph.value(node, RDFS.label)
        if label is None or not types & (set(COARSE_TYPES) | set(FINE_TYPES)) or PATENT_FILING in types:
            continue
        coarse = next((t for t in COARSE_TYPES if t in types), None)
        date = graph.value(node, KG.datePublished)
        entities[str(node)] = PredEntity(
            str(node), str(label), coarse or coarse_type(min(types & set(FINE_TYPES))),
            tuple(sorted(types - set(COARSE_TYPES))),
            tuple(sorted(str(a) for a in graph.objects(node, SKOS.altLabel))),
            None if date is None else str(_py(date)))
    statements: dict[tuple, list] = {}
    for st in graph.subjects(RDF.type, RDF.Statement):
        key = (graph.value(st, RDF.subject), _local(graph.value(st, RDF.predicate)),
               graph.value(st, RDF.object))
        statements.setdefault(key, []).append(st)
    articles = keep = None
    if document is not None:
        articles = {a for a, d in graph.subject_objects(KG.sourceDocument)
                    if str(d) == document or Path(str(d)).name == Path(document).name}
        keep = {str(a) for a in articles} | {
            str(e) for e, a in graph.subject_objects(KG.mentionedIn) if a in articles}
        entities = {k: v for k, v in entities.items() if k in keep}
    relations = []
    for predicate in RELATIONS:
        for s, o in graph.subject_objects(KG[predicate]):
            sts = statements.get((s, predicate, o), [])
            if articles is not None:
                if sts:  # kept when a statement was derived from an article of the document
                    sts = [st for st in sts if set(graph.objects(st, PROV.wasDerivedFrom)) & articles]
                    if not sts:
                        continue
                elif str(s) not in keep or (predicate != "filesPatents" and str(o) not in keep):
                    continue  # no statement: kept when its endpoints belong to the document
            attributes: dict[str, list] = {}
            sources = [(st, STATEMENT_ATTRIBUTES) for st in sts]
            for node, names in sources + ([(o, FILING_ATTRIBUTES)] if predicate == "filesPatents" else []):
                for name in names:
                    attributes.setdefault(name, []).extend(_py(v) for v in graph.objects(node, KG[name]))
            attributes = {k: v for k, v in attributes.items() if v}
            relations.append(PredRelation(str(s), predicate, str(o), attributes))
    relations.sort(key=lambda r: (r.predicate, r.subject, r.object or ""))
    labels = {str(n): str(lab) for n, lab in graph.subject_objects(RDFS.label) if str(n) not in entities}
    return Prediction(entities, relations, labels)
