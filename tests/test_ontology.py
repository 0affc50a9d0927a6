"""The ontology declares every name the guide and the exporter use; the shapes accept a good build only."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.export.rdf import KG, to_rdf
from kg.export.shacl import ONTOLOGY, SHAPES, validate
from kg.graph import EDGE_ATTRIBUTES, FILING_ATTRIBUTES
from kg.model import COARSE_TYPES, FINE_TYPES, PATENT_FILING, PREDICATES

ID = "https://kg-news.org/id/"
DATATYPE_ATTRIBUTES = {"datePublished", "confidence", "extractor", "evidence", "startOffset",
                       "endOffset", "mentionCount", "sourceDocument"}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def test_ontology_and_shapes_parse_with_both_engines():
    for path in (ONTOLOGY, SHAPES):
        assert len(Graph().parse(path, format="turtle")) > 50
        assert list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def test_every_guide_type_is_a_class(ontology):
    for name in (*COARSE_TYPES, *FINE_TYPES, PATENT_FILING):
        assert (KG[name], RDF.type, OWL.Class) in ontology, name
    for fine, coarse in FINE_TYPES.items():
        assert (KG[fine], RDFS.subClassOf, KG[coarse]) in ontology, fine


def test_every_predicate_and_attribute_is_a_property(ontology):
    for name in PREDICATES:
        kinds = set(ontology.objects(KG[name], RDF.type))
        expected = OWL.DatatypeProperty if name == "datePublished" else OWL.ObjectProperty
        assert expected in kinds, name
    for name in {*EDGE_ATTRIBUTES, *FILING_ATTRIBUTES, *DATATYPE_ATTRIBUTES}:
        assert (KG[name], RDF.type, OWL.DatatypeProperty) in ontology, name
    assert (KG.mentionedIn, RDF.type, OWL.ObjectProperty) in ontology


def test_every_term_is_labelled_in_chinese_and_english_and_commented(ontology):
    terms = {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(str(KG))}
    assert len(terms) > 40
    for term in terms:
        languages = {label.language for label in ontology.objects(term, RDFS.label)}
        assert {"zh", "en"} <= languages, term
        assert ontology.value(term, RDFS.comment), term


def test_alignment(ontology):
    schema = "https://schema.org/"
    assert (KG.Person, OWL.equivalentClass, URIRef(schema + "Person")) in ontology
    assert (KG.Article, OWL.equivalentClass, URIRef(schema + "NewsArticle")) in ontology
    assert (KG.Organization, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in ontology
    assert (KG.holdsPositionAt, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/org#memberOf")) in ontology
    for name in ("author", "publisher", "datePublished"):
        assert (KG[name], RDFS.subPropertyOf, URIRef(schema + name)) in ontology


def test_the_export_uses_only_declared_terms(small_graph, ontology):
    declared = set(ontology.subjects(RDF.type, None))
    used = set()
    for _s, p, o in to_rdf(small_graph).default_graph:
        used.add(p)
        if p == RDF.type:
            used.add(o)
    assert {t for t in used if t.startswith(str(KG))} <= declared


def test_small_graph_conforms(small_graph):
    conforms, report = validate(to_rdf(small_graph))
    assert conforms, report


def _broken(small_graph, change) -> tuple[bool, str]:
    dataset = to_rdf(small_graph)
    change(dataset.default_graph)
    return validate(dataset)


def _set_all(g, predicate, value):
    for s in list(g.subjects(predicate, None)):
        g.set((s, predicate, value))


ZHANGSAN, ACME = URIRef(ID + "person/zhangsan"), URIRef(ID + "org/acme")


@pytest.mark.parametrize("change, message", [
    (lambda g: g.remove((ZHANGSAN, RDF.type, None)), "a node has a type"),
    (lambda g: g.add((ACME, RDFS.label, Literal("ACME", lang="zh"))), "exactly one rdfs:label"),
    (lambda g: g.set((URIRef(ID + "product/x"), RDFS.label, Literal("产品X"))), "exactly one rdfs:label"),
    (lambda g: g.add((ZHANGSAN, KG.holdsPositionAt, URIRef(ID + "location/bj"))), "kg:Organization"),
    (lambda g: g.add((URIRef(ID + "location/bj"), KG.commentsOn, URIRef(ID + "product/x"))), "commentsOn"),
    (lambda g: g.remove((ACME, KG.ranksIn, None)), "also asserted directly"),
    (lambda g: _set_all(g, KG.stance, Literal("great")), "stance"),
    (lambda g: _set_all(g, KG.rank, Literal("3")), "rank"),
])
def test_broken_builds_do_not_conform(small_graph, change, message):
    conforms, report = _broken(small_graph, change)
    assert not conforms
    assert message in report


def test_seed_build_conforms(seed_build):
    _, result = seed_build
    conforms, report = validate(to_rdf(result.graph))
    assert conforms, report


def test_seed_uses_only_declared_terms(seed_build, ontology):
    _, result = seed_build
    declared = set(ontology.subjects(RDF.type, None))
    used = {p for _s, p, _o in to_rdf(result.graph).default_graph}
    used |= {o for _s, _p, o in to_rdf(result.graph).default_graph.triples((None, RDF.type, None))}
    assert {t for t in used if t.startswith(str(KG))} <= declared
