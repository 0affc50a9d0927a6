"""Check a build's RDF against ontology/shapes.ttl, so a broken export fails loudly, not downstream."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent.parent / "ontology"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY = ONTOLOGY_DIR / "kg.ttl"


def validate(rdf_graph: Graph | Dataset, shapes: str | Path = SHAPES) -> tuple[bool, str]:
    """(conforms, report text) of the SHACL validation of `rdf_graph`.

    A Dataset is checked through its default graph, which holds every triple of the build;
    the data asserts fine and coarse types, so no inference is run.
    """
    import pyshacl  # slow to import; only validation needs it

    data = Graph()
    source = rdf_graph.default_graph if isinstance(rdf_graph, Dataset) else rdf_graph
    for triple in source:
        data.add(triple)
    shapes_graph = Graph().parse(str(shapes), format="turtle")
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=False, allow_warnings=False
    )
    return bool(conforms), str(text)
