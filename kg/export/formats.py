"""The formats written through rdflib or networkx: N-Triples/N-Quads lines, JSON-LD, GraphML.

Each is made deterministic here (sorted lines, sorted JSON lists, sorted nodes and edges),
so that two builds of the same input are byte-identical in every format.
"""

from __future__ import annotations

import io
import json
import re

import networkx as nx
from rdflib import Dataset, Graph


def sorted_lines(text: str) -> str:
    """N-Triples / N-Quads text with its lines sorted and deduplicated."""
    lines = sorted({line for line in text.split("\n") if line.strip()})
    return "\n".join(lines) + "\n" if lines else ""


def jsonld_text(dataset: Dataset, prefixes: dict[str, str]) -> str:
    """JSON-LD of the default graph with an @context, every list sorted (none is an @list)."""
    context = dict(prefixes)
    graph = Graph()
    for prefix, iri in context.items():
        graph.bind(prefix, iri, replace=True)
    for triple in dataset.default_graph:
        graph.add(triple)
    doc = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))

    def canon(value):
        if isinstance(value, dict):
            return {k: (v if k == "@context" else canon(v)) for k, v in value.items()}
        if isinstance(value, list):
            items = [canon(v) for v in value]
            return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        return value

    doc = canon(doc)
    if "@graph" not in doc and len(doc) > 1:  # a one-subject graph is compacted to that node
        node = {k: v for k, v in doc.items() if k != "@context"}
        doc = {"@context": doc.get("@context", context), "@graph": [node]}
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _graphml_value(value: object) -> object:
    """GraphML holds scalars only: lists and Evidence become JSON text, None is dropped.

    XML 1.0 cannot carry C0 control characters even escaped; they become U+FFFD.
    """
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("\ufffd", value)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple, set)):
        items = [vars(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
        return json.dumps(items, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def graphml_text(graph: nx.MultiDiGraph) -> str:
    """GraphML with nodes and edges in sorted order, so the output does not depend on insertion."""
    flat = nx.MultiDiGraph()
    for node in sorted(graph.nodes, key=str):
        attrs = {k: _graphml_value(v) for k, v in sorted(graph.nodes[node].items())}
        flat.add_node(str(node), **{k: v for k, v in attrs.items() if v is not None})
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: tuple(map(str, e[:3]))):
        attrs = {k: _graphml_value(x) for k, x in sorted(data.items())}
        flat.add_edge(str(u), str(v), key=str(key), **{k: x for k, x in attrs.items() if x is not None})
    buffer = io.BytesIO()  # not generate_graphml: its splitlines() drops CRs inside values
    nx.write_graphml(flat, buffer, encoding="utf-8", prettyprint=True)
    text = buffer.getvalue().decode("utf-8")
    return text.replace("\r", "&#13;")  # a raw CR would be read back as LF


