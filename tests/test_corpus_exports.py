"""Exports of a corpus build: one RDF dataset for every format and for validation, same bytes as write_rdf."""

from __future__ import annotations

import pytest

from kg.corpus.exports import write_exports
from kg.export.rdf import DEFAULT_BASE, to_rdf, write_rdf
from kg.export.shacl import validate


@pytest.mark.parametrize("jobs", [1, 2])
def test_exports_match_write_rdf_and_validation(tmp_path, small_graph, jobs):
    formats = ["ttl", "trig", "nt", "graphml", "html"]
    written, seconds, validation = write_exports(small_graph, tmp_path / "out", formats, DEFAULT_BASE, "t", True, jobs)
    assert [p.name for p in written] == ["graph.ttl", "graph.trig", "graph.nt", "graph.graphml", "graph.html"]
    reference = write_rdf(small_graph, tmp_path / "ref", ["ttl", "trig", "nt", "graphml"], DEFAULT_BASE)
    for path in reference:
        assert (tmp_path / "out" / path.name).read_bytes() == path.read_bytes()
    assert validation == validate(to_rdf(small_graph, DEFAULT_BASE))
    assert {"ttl", "trig", "html", "validate"} <= set(seconds)


def test_no_validation_when_not_asked(tmp_path, small_graph):
    _, seconds, validation = write_exports(small_graph, tmp_path, ["ttl"], DEFAULT_BASE, "t", False, 2)
    assert validation is None and "validate" not in seconds
