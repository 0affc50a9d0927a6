"""Write a build's graph as RDF, following docs/rdf.md (the contract readers rely on).

`to_rdf` maps the networkx graph to an rdflib Dataset: the default graph holds every triple
(so a query without GRAPH sees the whole build) and one named graph per source document holds
the triples that document supports. `write_rdf` serialises it byte-identically across builds:
no blank nodes, IRIs derived from node ids and hashes only, and every format sorted.
The triples are collected as plain sets (`rdf_data`); a Dataset is built only for the formats
and callers that need one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from pathlib import Path, PurePath
from urllib.parse import quote

import networkx as nx
from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS, XSD

from ..io import atomic_write
from ..model import coarse_type
from .formats import graphml_text, jsonld_text, sorted_lines
from .turtle import trig, trig_named_graphs, turtle, turtle_and_trig

KG = Namespace("https://kg-news.org/ontology#")
DEFAULT_BASE = "https://kg-news.org/id/"
FORMATS = ("ttl", "nt", "trig", "nq", "jsonld", "graphml")
FILE_NAMES = {fmt: f"graph.{fmt}" for fmt in FORMATS}

# Attributes written as language-tagged text; the others carry a datatype.
_ZH_ATTRIBUTES = ("quote", "role", "tier", "scope")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_LOCAL_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


class _Terms:
    """A namespace whose terms are made once: rdflib builds a new URIRef on every `KG.x` access,
    and writing a corpus accesses them a hundred thousand times."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:  # only on the first access: then it is an attribute
        term = self._namespace[name]
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)


_KG, _RDF, _RDFS, _SKOS, _PROV = (_Terms(ns) for ns in (KG, RDF, RDFS, SKOS, PROV))


def _prefixes(base_iri: str) -> dict[str, str]:
    return {
        "kg": str(KG), "id": base_iri, "rdf": str(RDF), "rdfs": str(RDFS), "skos": str(SKOS),
        "xsd": str(XSD), "prov": str(PROV), "schema": str(SDO),
    }


def normalize_base(base_iri: str) -> str:
    """Node ids are appended to the base, so it must end in a separator."""
    return base_iri if base_iri.endswith(("/", "#")) else base_iri + "/"


def node_iri(base_iri: str, node_id: str) -> URIRef:
    """Node ids are ASCII by design; percent-encode anything else so IRIs stay ASCII."""
    return URIRef(base_iri + quote(node_id, safe="/-._~:@!$&'()*+,;="))


def document_iri(base_iri: str, document: str) -> URIRef:
    """The named graph of one source document (its file name may be Chinese: percent-encode)."""
    return URIRef(base_iri + "document/" + quote(document, safe="-._~"))


def statement_iri(base_iri: str, u: str, predicate: str, v: str, key: str) -> URIRef:
    """Deterministic: the same edge gets the same statement IRI in every build."""
    digest = hashlib.sha1("\x1f".join((u, predicate, v, key)).encode("utf-8")).hexdigest()
    return URIRef(f"{base_iri}statement/{digest[:16]}")


@lru_cache(maxsize=1024)
def kg_term(name: str) -> URIRef:
    """kg:<name> for a guide name; anything unexpected is made a safe local name."""
    return KG[name if _LOCAL_NAME.match(name) else re.sub(r"[^A-Za-z0-9_-]", "_", name) or "_"]


def date_literal(value: object) -> Literal:
    """xsd:date for full ISO dates; partial dates keep their precision (gYearMonth, gYear)."""
    text = str(value)
    if _DATE.match(text):
        return Literal(text, datatype=XSD.date)
    if _YEAR_MONTH.match(text):
        return Literal(text, datatype=XSD.gYearMonth)
    if _YEAR.match(text):
        return Literal(text, datatype=XSD.gYear)
    return Literal(text)


@lru_cache(maxsize=1 << 16)
def integer_literal(value: object) -> Literal:
    """46000.0 and "3" are integers too; anything else keeps its text rather than being lost."""
    try:
        number = Decimal(str(value))
        if number == number.to_integral_value():
            return Literal(str(int(number)), datatype=XSD.integer)
    except ArithmeticError:
        pass
    return Literal(str(value))


def decimal_literal(value: object) -> Literal:
    """Decimal of the float's shortest repr (0.9, not 0.90000000000000002)."""
    try:
        number = Decimal(repr(value) if isinstance(value, float) else str(value))
    except ArithmeticError:
        return Literal(str(value))
    if not number.is_finite():
        return Literal(str(value))
    text = format(number.normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def _zh(text: object) -> Literal:
    return Literal(str(text), lang="zh")


def _attribute_literals(name: str, value: object) -> list[Literal]:
    """One literal per value (role is a list); the datatype is the contract's for `name`."""
    values = value if isinstance(value, (list, tuple, set)) else [value]
    values = sorted((v for v in values if v is not None and v != ""), key=str)
    if name in _ZH_ATTRIBUTES:
        return [_zh(v) for v in values]
    if name in ("rank", "count", "year"):
        return [integer_literal(v) for v in values]
    if name == "growthRate":
        return [decimal_literal(v) for v in values]
    if name in ("date", "datePublished"):
        return [date_literal(v) for v in values]
    return [Literal(str(v)) for v in values]


class RdfData:
    """The build's triples as plain sets: making them costs a fraction of filling an rdflib Dataset,
    and Turtle/TriG are written straight from them; `dataset()` builds the Dataset when one is needed."""

    def __init__(self, base_iri: str) -> None:
        self.base = base_iri
        self.default: set[tuple] = set()  # every triple of the build
        self.named: dict[str, set[tuple]] = {}  # document name -> the triples it supports
        self._dataset: Dataset | None = None

    def named_graphs(self) -> dict[URIRef, set[tuple]]:
        """Non-empty named graphs by graph IRI."""
        return {document_iri(self.base, doc): triples for doc, triples in self.named.items() if triples}

    def dataset(self) -> Dataset:
        """Built once, on first use (N-Triples, N-Quads and JSON-LD go through rdflib)."""
        if self._dataset is not None:
            return self._dataset
        dataset = self._dataset = Dataset()
        for prefix, iri in _prefixes(self.base).items():
            dataset.bind(prefix, iri, replace=True)
        dataset.default_graph.addN((*t, dataset.default_graph) for t in self.default)
        for name, triples in self.named_graphs().items():
            graph = dataset.graph(name)
            graph.addN((*t, graph) for t in triples)
        return dataset


class _Writer:
    """Adds each triple to the default graph and to the named graphs of its documents."""

    def __init__(self, graph: nx.MultiDiGraph, base_iri: str) -> None:
        self.base = base_iri
        self.data = RdfData(base_iri)
        self.default = self.data.default
        self.article_docs: dict[str, str] = {}
        for node, data in graph.nodes(data=True):
            if data.get("type") == "Article" and data.get("document"):
                self.article_docs[str(node).removeprefix("article/")] = str(data["document"])
        self.stems = {PurePath(doc).stem: doc for doc in sorted(set(self.article_docs.values()))}
        self.captions: set[str] = set()  # article ids with no Article node (photo captions)
        self.named = self.data.named
        for doc in self.stems.values():
            self.named[doc] = set()
        self._iris: dict[str, URIRef] = {}

    def document_of(self, article_id: str) -> str | None:
        """Article ids are "<stem>-<n>"; a caption has no Article node, so match its stem."""
        if article_id in self.article_docs:
            return self.article_docs[article_id]
        return self.stems.get(article_id.rsplit("-", 1)[0])

    def docs(self, article_ids: Iterable[str]) -> set[str]:
        return {doc for a in article_ids if (doc := self.document_of(str(a)))}

    def add(self, triple: tuple, docs: set[str]) -> None:
        self.default.add(triple)
        for doc in docs:
            self.named[doc].add(triple)

    def iri(self, node_id: object) -> URIRef:
        """Cached: a node's IRI is needed once per triple it is in, and URIRef() is slow."""
        key = str(node_id)
        iri = self._iris.get(key)
        if iri is None:
            iri = self._iris[key] = node_iri(self.base, key)
        return iri

    def article_iri(self, article_id: str) -> URIRef:
        if article_id not in self.article_docs:
            self.captions.add(article_id)
        return self.iri(f"article/{article_id}")


def to_rdf(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE) -> Dataset:
    """The build as RDF: default graph = every triple, plus one named graph per document."""
    return rdf_data(graph, base_iri).dataset()


def rdf_data(graph: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE) -> RdfData:
    """The triples of `to_rdf` without the Dataset: what the writers and validation need."""
    w = _Writer(graph, normalize_base(base_iri))
    for node, data in graph.nodes(data=True):
        _add_node(w, str(node), data)
    for u, v, key, data in graph.edges(keys=True, data=True):
        _add_edge(w, str(u), str(v), str(key), data)
    # A caption is read for facts but is no Article: say only which document it is from,
    # so facts and mentions from captions stay in their document's scope.
    for caption in sorted(w.captions):
        if doc := w.document_of(caption):
            w.add((w.article_iri(caption), _KG.sourceDocument, Literal(doc)), {doc})
    return w.data


def _add_node(w: _Writer, node: str, data: dict) -> None:
    subject = w.iri(node)
    type_ = str(data.get("type") or "Thing")
    docs = w.docs(data.get("articles") or [])
    for cls in sorted({type_, coarse_type(type_), str(data.get("coarse_type") or type_)}):
        w.add((subject, _RDF.type, kg_term(cls)), docs)
    w.add((subject, _RDFS.label, _zh(data.get("label") or node)), docs)
    for alias in data.get("aliases") or []:
        w.add((subject, _SKOS.altLabel, _zh(alias)), docs)
    if type_ == "Article":
        if data.get("document"):
            w.add((subject, _KG.sourceDocument, Literal(str(data["document"]))), docs)
        if data.get("datePublished"):
            w.add((subject, _KG.datePublished, date_literal(data["datePublished"])), docs)
        return
    if type_ == "PatentFiling":
        for name in ("count", "year", "growthRate", "scope"):
            if data.get(name) is not None:
                for literal in _attribute_literals(name, data[name]):
                    w.add((subject, _KG[name], literal), docs)
    else:
        # Build-wide, not a fact of one document: default graph only.
        w.add((subject, _KG.mentionCount, integer_literal(data.get("mentions") or 0)), set())
    for article_id in data.get("articles") or []:
        w.add((subject, _KG.mentionedIn, w.article_iri(str(article_id))), w.docs([article_id]))


def _add_edge(w: _Writer, u: str, v: str, key: str, data: dict) -> None:
    predicate = str(data.get("predicate") or key.split("#")[0])
    s, p, o = w.iri(u), kg_term(predicate), w.iri(v)
    evidence = sorted(data.get("evidence") or [], key=lambda e: (e.article, e.start, e.end))
    docs = w.docs(e.article for e in evidence)
    w.add((s, p, o), docs)
    st = statement_iri(w.base, u, predicate, v, key)
    for triple in ((st, _RDF.type, _RDF.Statement), (st, _RDF.subject, s),
                   (st, _RDF.predicate, p), (st, _RDF.object, o)):
        w.add(triple, docs)
    for name in ("role", "quote", "stance", "tier", "rank", "date"):
        if data.get(name) is not None:
            for literal in _attribute_literals(name, data[name]):
                w.add((st, _KG[name], literal), docs)
    if data.get("confidence") is not None:
        w.add((st, _KG.confidence, decimal_literal(data["confidence"])), docs)
    if data.get("extractor"):
        w.add((st, _KG.extractor, Literal(str(data["extractor"]))), docs)
    for n, ev in enumerate(evidence, start=1):
        ev_docs = w.docs([ev.article])
        w.add((st, _PROV.wasDerivedFrom, w.article_iri(ev.article)), ev_docs)
        w.add((st, _KG.evidence, _zh(ev.sentence)), ev_docs)
        if n == 1:  # the contract's flat offsets: those of the first (primary) evidence
            w.add((st, _KG.startOffset, integer_literal(ev.start)), ev_docs)
            w.add((st, _KG.endOffset, integer_literal(ev.end)), ev_docs)
        if len(evidence) > 1:  # keep each sentence paired with its own article and offsets
            node = URIRef(f"{st}-e{n}")
            for triple in ((st, _KG.hasEvidence, node), (node, _RDF.type, _KG.Evidence),
                           (node, _PROV.wasDerivedFrom, w.article_iri(ev.article)),
                           (node, _KG.evidence, _zh(ev.sentence)),
                           (node, _KG.startOffset, integer_literal(ev.start)),
                           (node, _KG.endOffset, integer_literal(ev.end))):
                w.add(triple, ev_docs)


def _graphs(data: Dataset | RdfData) -> tuple[Iterable[tuple], dict[URIRef, Iterable[tuple]]]:
    """(default graph, named graphs by IRI) of either form of the build's RDF."""
    if isinstance(data, RdfData):
        return data.default, data.named_graphs()
    named = {g.identifier: g for g in data.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID}
    return data.default_graph, named


def serialize(data: Dataset | RdfData, fmt: str, base_iri: str = DEFAULT_BASE) -> str:
    """One format's text, deterministic: Turtle/TriG written sorted by kg.export.turtle, line formats sorted."""
    base_iri = normalize_base(base_iri)
    if fmt in ("ttl", "trig"):
        default, named = _graphs(data)
        prefixes = _prefixes(base_iri)
        return turtle(default, prefixes) if fmt == "ttl" else trig(default, named, prefixes)
    dataset = data.dataset() if isinstance(data, RdfData) else data
    if fmt == "nt":
        return sorted_lines(dataset.default_graph.serialize(format="nt"))
    if fmt == "nq":
        return sorted_lines(dataset.serialize(format="nquads"))
    if fmt == "jsonld":
        return jsonld_text(dataset, _prefixes(base_iri))
    raise ValueError(f"unknown RDF format {fmt!r}; choose from {', '.join(FORMATS)}")


def serialize_formats(data: Dataset | RdfData, formats: list[str], base_iri: str = DEFAULT_BASE,
                      trig_named: Callable[[], str] | None = None) -> Iterator[tuple[str, str]]:
    """(format, text) for each of `formats` in order, as `serialize` gives them; asked for together,
    Turtle and TriG are made in one go (TriG's default graph is the Turtle file's body), TriG's
    named graphs by `trig_named` when given (see `trig_named_text`)."""
    both: dict[str, str] = {}
    for fmt in formats:
        if fmt in ("ttl", "trig") and {"ttl", "trig"} <= set(formats):
            if not both:
                default, named = _graphs(data)
                ttl, trig_text = turtle_and_trig(default, named, _prefixes(normalize_base(base_iri)), trig_named)
                both = {"ttl": ttl, "trig": trig_text}
            yield fmt, both[fmt]
        else:
            yield fmt, serialize(data, fmt, base_iri)


def trig_named_text(data: Dataset | RdfData, base_iri: str = DEFAULT_BASE) -> str:
    """The named graphs part of the TriG text: made by one process while another formats the default graph."""
    return trig_named_graphs(_graphs(data)[1], _prefixes(normalize_base(base_iri)))


def write_rdf(
    graph: nx.MultiDiGraph,
    out_dir: str | Path,
    formats: Iterable[str] = ("ttl",),
    base_iri: str = DEFAULT_BASE,
) -> list[Path]:
    """Write graph.<fmt> for each format into out_dir (atomically); return the paths written."""
    formats = list(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    data = rdf_data(graph, base_iri) if any(f != "graphml" for f in formats) else None
    texts = serialize_formats(data, [f for f in formats if f != "graphml"], base_iri)
    written = []
    for fmt in formats:
        text = graphml_text(graph) if fmt == "graphml" else next(texts)[1]
        path = out_dir / FILE_NAMES[fmt]
        atomic_write(path, text)
        written.append(path)
    return written
