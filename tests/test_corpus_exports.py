"""Exports of a corpus build: one RDF dataset for every format and for validation, same bytes as write_rdf;
after a rebuild from the cache, validation of only what the re-processed documents contribute."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import RDFS

from kg.corpus.exports import Validator, write_exports
from kg.export.rdf import DEFAULT_BASE, node_iri, rdf_data, to_rdf, write_rdf
from kg.export.shacl import document_scope, validate
from kg.model import Evidence


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


def test_a_validator_started_early_serves_the_build_and_stays_its_owners(tmp_path, small_graph):
    """`kg build` starts the validation process first thing; write_exports uses it and leaves it open."""
    validator = Validator()
    try:
        for _ in range(2):
            _, seconds, validation = write_exports(small_graph, tmp_path, ["ttl"], DEFAULT_BASE, "t", True, 2,
                                                   validator=validator)
            assert validation == validate(to_rdf(small_graph, DEFAULT_BASE)) and "validate" in seconds
    finally:
        validator.close()


def test_no_validation_when_not_asked(tmp_path, small_graph):
    _, seconds, validation = write_exports(small_graph, tmp_path, ["ttl"], DEFAULT_BASE, "t", False, 2)
    assert validation is None and "validate" not in seconds


PAGES = {
    "a0.md": "# 星辰科技发布新模型\n\n北京星辰科技有限公司近日发布新一代大模型。"
             "公司创始人张伟表示，新模型性能大幅提升。\n",
    "a1.md": "# 蓝海集团布局新能源\n\n蓝海集团董事长王芳在上海宣布，集团将投资新能源汽车。\n",
    "a2.md": "# 高校联合实验室成立\n\n清华大学与华为公司共建联合实验室。清华大学教授刘洋担任实验室主任。\n",
}


@pytest.fixture(scope="module")
def incremental(tmp_path_factory):
    """A three-page corpus built, then rebuilt from the cache after a1.md changed: (first, second)."""
    from kg.build import build

    root = tmp_path_factory.mktemp("incremental")
    for name, text in PAGES.items():
        (root / "in" / name).parent.mkdir(exist_ok=True)
        (root / "in" / name).write_text(text, encoding="utf-8")
    first = build([root / "in"], cache=root / "cache")
    (root / "in" / "a1.md").write_text(PAGES["a1.md"].replace("王芳", "李娜"), encoding="utf-8")
    return first, build([root / "in"], cache=root / "cache")


def test_only_a_rebuild_from_the_cache_narrows_validation(incremental):
    first, second = incremental
    assert first.validation_scope() is None  # nothing cached: validate everything
    assert (second.processed, second.cached) == (1, 2)
    assert second.validation_scope() == {"a1.md"}


def test_the_scope_is_the_changed_documents_part(incremental):
    _, second = incremental
    data = rdf_data(second.graph)
    scope = document_scope(data, {"a1.md"})
    assert data.named["a1.md"] <= scope < data.default
    subjects = {s for s, _, _ in scope}
    assert node_iri(DEFAULT_BASE, "article/a1-1") in subjects
    assert not {s for s, _, _ in data.named["a0.md"]} & subjects - {s for s, _, _ in data.named["a1.md"]}
    assert document_scope(data, set()) == set()


def test_every_documents_scope_of_a_valid_build_conforms(incremental):
    """The scope holds what its shapes need (types, labels of relation ends): no false alarms."""
    _, second = incremental
    data = rdf_data(second.graph)
    for document in PAGES:
        conforms, report = validate(document_scope(data, {document}))
        assert conforms, (document, report)


def test_a_violation_is_caught_in_its_documents_scope_only(incremental):
    _, second = incremental
    data = rdf_data(second.graph)
    article = node_iri(DEFAULT_BASE, "article/a1-1")
    bad = (article, RDFS.label, Literal("第二个标题", lang="zh"))  # a node has exactly one label
    data.default.add(bad)
    data.named["a1.md"].add(bad)
    assert not validate(document_scope(data, {"a1.md"}))[0]
    assert validate(document_scope(data, {"a0.md", "a2.md"}))[0]
    assert not validate(data)[0]


@pytest.mark.parametrize("jobs", [1, 2])
def test_write_exports_validates_the_given_documents(tmp_path, incremental, jobs):
    _, second = incremental
    graph = second.graph.copy()
    evidence = [Evidence(article="a1-1", sentence="蓝海集团董事长李娜在上海宣布。", start=0, end=15)]
    graph.add_edge("article/a1-1", "article/a0-1", key="locatedIn", predicate="locatedIn", evidence=evidence)

    def conforms(documents):
        return write_exports(graph, tmp_path, ["ttl"], DEFAULT_BASE, "t", True, jobs, documents)[2][0]

    # An article is no Organization: the edge breaks the locatedIn shape, in a1.md's part only.
    assert not conforms(None) and not conforms({"a1.md"})
    assert conforms({"a2.md"})


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_writer_raises_and_leaves_the_previous_file(tmp_path, small_graph, monkeypatch, jobs):
    """With jobs 2 the HTML is written by a forked child: its failure still reaches the caller."""
    import kg.corpus.exports as exports

    (tmp_path / "graph.html").write_text("previous", encoding="utf-8")

    def broken(*args, **kwargs):
        raise ValueError("no space left")

    monkeypatch.setattr(exports, "write_html", broken)
    with pytest.raises((OSError, ValueError), match="no space left"):
        write_exports(small_graph, tmp_path, ["ttl", "trig", "html"], DEFAULT_BASE, "t", False, jobs)
    assert (tmp_path / "graph.html").read_text(encoding="utf-8") == "previous"


def test_a_fact_shared_with_a_cached_document_validates_in_the_rebuild(tmp_path):
    """A relation found in a re-processed and in a cached document has one evidence node per
    article; the cached one's node belongs to the relation checked, so it is checked whole."""
    from kg.build import build

    pages = {"b1.md": "# 蓝海集团布局新能源\n\n蓝海集团董事长王芳在上海宣布，集团将投资新能源汽车。\n",
             "b2.md": "# 蓝海集团年会\n\n蓝海集团董事长王芳出席年会。\n"}
    for name, text in pages.items():
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    build([tmp_path / "in"], cache=tmp_path / "cache")
    (tmp_path / "in" / "b1.md").write_text(pages["b1.md"] + "\n发布会在上海举行。\n", encoding="utf-8")
    second = build([tmp_path / "in"], cache=tmp_path / "cache")
    assert second.validation_scope() == {"b1.md"}
    shared = [d for _, _, d in second.graph.edges(data=True) if len({e.article for e in d["evidence"]}) == 2]
    assert shared, "the test needs a relation with evidence in both documents"
    conforms, report = validate(document_scope(rdf_data(second.graph), {"b1.md"}))
    assert conforms, report
