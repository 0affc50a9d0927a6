"""Check a build's RDF against ontology/shapes.ttl, so a broken export fails loudly, not downstream."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from .rdf import KG, RdfData

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent.parent / "ontology"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY = ONTOLOGY_DIR / "kg.ttl"


def document_scope(data: RdfData, documents: Iterable[str]) -> set[tuple]:
    """The part of the build `documents` contribute, for validating only what a rebuild changed.

    Their named graphs (articles, the entities they mention, relations with evidence in them),
    widened to every triple of each subject there, so a node is checked whole (one label, one
    mentionCount), plus the types and literal-valued triples (label, ...) of the nodes those
    triples point to: what sh:class and the relation-end shape check of them, and no links onward.
    A statement in scope brings its evidence nodes whole (one per article it was found in).
    """
    subjects = {triple[0] for doc in documents for triple in data.named.get(doc, ())}
    # A statement's evidence nodes are parts of it, even those citing another document's article.
    subjects |= {o for s, p, o in data.default if p == KG.hasEvidence and s in subjects}
    scope = {triple for triple in data.default if triple[0] in subjects}
    targets = {o for _, _, o in scope if isinstance(o, URIRef)} - subjects
    scope.update(t for t in data.default if t[0] in targets and (isinstance(t[2], Literal) or t[1] == RDF.type))
    return scope


def validate(rdf_graph: Graph | Dataset | RdfData | Iterable[tuple], shapes: str | Path = SHAPES) -> tuple[bool, str]:
    """(conforms, report text) of the SHACL validation of `rdf_graph`.

    A Dataset is checked through its default graph, which holds every triple of the build;
    the data asserts fine and coarse types, so no inference is run.
    """
    import pyshacl  # slow to import; only validation needs it

    data = Graph()
    source = rdf_graph.default_graph if isinstance(rdf_graph, Dataset) else rdf_graph
    source = source.default if isinstance(source, RdfData) else source
    data.addN((*triple, data) for triple in source)
    shapes_graph = Graph().parse(str(shapes), format="turtle")
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=False, allow_warnings=False
    )
    return bool(conforms), str(text)
