"""The RDF export follows docs/rdf.md, is byte-identical across builds and loses no character."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.export.rdf import (
    DEFAULT_BASE,
    KG,
    date_literal,
    document_iri,
    node_iri,
    rdf_data,
    serialize,
    serialize_formats,
    statement_iri,
    to_rdf,
    write_rdf,
)
from kg.export.shacl import validate
from kg.model import Evidence

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

ID = DEFAULT_BASE
ALL = ("ttl", "nt", "trig", "nq", "jsonld", "graphml")
NASTY = 'a<b>c"d{e}f|g\\h^i`j\nk\tl m%20n\r\n\ro\'p """q""" \u2028 &amp; ]]>'
RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}
OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
              "nq": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}


def iri(node: str) -> URIRef:
    return node_iri(ID, node)


def statement(g, predicate: str):
    [st] = g.subjects(RDF.predicate, KG[predicate])
    return st


def test_entities_follow_the_contract(small_graph):
    g = to_rdf(small_graph).default_graph
    acme = iri("org/acme")
    assert set(g.objects(acme, RDF.type)) == {KG.Company, KG.Organization}
    assert set(g.objects(iri("product/x"), RDF.type)) == {KG.Product}
    assert list(g.objects(acme, RDFS.label)) == [Literal("ACME公司<img src=x onerror=alert(1)>", lang="zh")]
    aliases = {Literal("ACME", lang="zh"), Literal('A"C|M\\E {x}%', lang="zh")}
    assert set(g.objects(acme, SKOS.altLabel)) == aliases
    assert g.value(acme, KG.mentionCount) == Literal(3, datatype=XSD.integer)
    assert list(g.objects(acme, KG.mentionedIn)) == [iri("article/doc-1")]
    for node in small_graph.nodes:
        labels = list(g.objects(iri(node), RDFS.label))
        assert len(labels) == 1 and labels[0].language == "zh", node


def test_article(small_graph):
    g = to_rdf(small_graph).default_graph
    art = iri("article/doc-1")
    assert set(g.objects(art, RDF.type)) == {KG.Article}
    assert g.value(art, RDFS.label) == Literal("测试<b>标题</b> href", lang="zh")
    assert g.value(art, KG.author) == iri("person/lisi")
    assert g.value(art, KG.publisher) == iri("org/daily")
    assert g.value(art, KG.datePublished) == Literal("2024-02-22", datatype=XSD.date)
    assert g.value(art, KG.sourceDocument) == Literal("doc.txt")
    assert g.value(art, KG.mentionCount) is None


def test_every_edge_is_a_direct_triple_and_a_statement(small_graph):
    g = to_rdf(small_graph).default_graph
    for u, v, key, data in small_graph.edges(keys=True, data=True):
        s, p, o = iri(u), KG[data["predicate"]], iri(v)
        assert (s, p, o) in g
        st = statement_iri(ID, u, data["predicate"], v, key)
        assert (st, RDF.type, RDF.Statement) in g
        assert (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)) == (s, p, o)
        assert g.value(st, KG.confidence).datatype == XSD.decimal
        assert g.value(st, KG.extractor) == Literal(data["extractor"])
        assert g.value(st, PROV.wasDerivedFrom) == iri("article/doc-1")
        ev = data["evidence"][0]
        assert g.value(st, KG.evidence) == Literal(ev.sentence, lang="zh")
        assert g.value(st, KG.startOffset) == Literal(ev.start, datatype=XSD.integer)
        assert g.value(st, KG.endOffset) == Literal(ev.end, datatype=XSD.integer)


def test_statement_attributes(small_graph):
    g = to_rdf(small_graph).default_graph
    comment = statement(g, "commentsOn")
    assert g.value(comment, KG.quote) == Literal("很好!</script>", lang="zh")
    assert g.value(comment, KG.stance) == Literal("positive")
    assert g.value(comment, KG.confidence).toPython() == Decimal("0.9")
    position = statement(g, "holdsPositionAt")
    assert set(g.objects(position, KG.role)) == {Literal("创始人", lang="zh"), Literal("董事长", lang="zh")}
    rank = statement(g, "ranksIn")
    assert g.value(rank, KG.tier) == Literal("领军者", lang="zh")
    assert g.value(rank, KG.rank) == Literal(3, datatype=XSD.integer)
    assert g.value(statement(g, "releases"), KG.date) == Literal("2024-02-16", datatype=XSD.date)


def test_patent_filing(small_graph):
    g = to_rdf(small_graph).default_graph
    filing = g.value(iri("org/acme"), KG.filesPatents)
    assert (filing, RDF.type, KG.PatentFiling) in g
    assert g.value(filing, KG["count"]) == Literal(46000, datatype=XSD.integer)
    assert g.value(filing, KG["year"]) == Literal(2023, datatype=XSD.integer)
    assert g.value(filing, KG["growthRate"]) == Literal("1.67", datatype=XSD.decimal)
    assert g.value(filing, KG["scope"]) == Literal("海外", lang="zh")


def test_no_blank_nodes_and_ascii_iris(small_graph):
    small_graph.add_node("org/中文", label="中文", type="Company", aliases=[], mentions=1, articles=[])
    dataset = to_rdf(small_graph)
    for quad in dataset.quads():
        for term in quad[:3]:
            assert not isinstance(term, BNode)
            if isinstance(term, URIRef):
                assert str(term).isascii(), term


def test_statement_iris_are_deterministic_and_distinct():
    a = statement_iri(ID, "person/a", "commentsOn", "product/x", "commentsOn")
    assert a == statement_iri(ID, "person/a", "commentsOn", "product/x", "commentsOn")
    assert a != statement_iri(ID, "person/a", "commentsOn", "product/x", "commentsOn#2")


def test_one_named_graph_per_document(small_graph):
    small_graph.add_node("article/报道-1", label="第二篇", type="Article", coarse_type="Article",
                         document="报道.txt", datePublished=None, aliases=[], mentions=0, articles=["报道-1"])
    small_graph.nodes["person/zhangsan"]["articles"].append("报道-1")
    dataset = to_rdf(small_graph)
    doc1, doc2 = document_iri(ID, "doc.txt"), document_iri(ID, "报道.txt")
    assert str(doc2).isascii()
    named = {g.identifier for g in dataset.graphs()} - {dataset.default_graph.identifier}
    assert named == {doc1, doc2}
    g1, g2 = dataset.graph(doc1), dataset.graph(doc2)
    assert (iri("article/doc-1"), KG.author, iri("person/lisi")) in g1
    assert (iri("person/zhangsan"), KG.commentsOn, iri("product/x")) in g1
    assert (iri("person/zhangsan"), KG.mentionedIn, iri("article/报道-1")) in g2
    assert (iri("person/zhangsan"), RDFS.label, Literal("张三", lang="zh")) in g2
    assert (iri("person/zhangsan"), KG.commentsOn, iri("product/x")) not in g2
    # The default graph is the whole build; mention counts are build-wide, so only there.
    assert all(t in dataset.default_graph for t in g1)
    assert not list(g1.triples((None, KG.mentionCount, None)))


def test_two_evidence_sentences_stay_paired(small_graph):
    data = small_graph.edges["org/acme", "product/x", "releases"]
    data["evidence"].append(Evidence(article="doc-1", sentence="第二句。", start=40, end=44))
    g = to_rdf(small_graph).default_graph
    st = statement(g, "releases")
    sentences = {Literal("ACME公司发布产品X。", lang="zh"), Literal("第二句。", lang="zh")}
    assert set(g.objects(st, KG.evidence)) == sentences
    pairs = {(str(g.value(e, KG.evidence)), g.value(e, KG.startOffset).toPython())
             for e in g.objects(st, KG.hasEvidence)}
    assert pairs == {("ACME公司发布产品X。", 16), ("第二句。", 40)}
    assert g.value(st, KG.startOffset).toPython() == 16  # the contract's flat offsets: the first


def test_date_literals_keep_their_precision():
    assert date_literal("2024-02-16").datatype == XSD.date
    assert date_literal("2024-02").datatype == XSD.gYearMonth
    assert date_literal("2024").datatype == XSD.gYear
    assert date_literal("二月中旬") == Literal("二月中旬")


def test_base_iri(small_graph):
    g = to_rdf(small_graph, base_iri="http://example.org/kg").default_graph
    assert (URIRef("http://example.org/kg/org/acme"), RDF.type, KG.Company) in g


def test_write_rdf_files(small_graph, tmp_path):
    paths = write_rdf(small_graph, tmp_path, formats=ALL)
    assert [p.name for p in paths] == [f"graph.{f}" for f in ALL]
    assert write_rdf(small_graph, tmp_path / "d") == [tmp_path / "d" / "graph.ttl"]
    lines = (tmp_path / "graph.nt").read_text(encoding="utf-8").split("\n")[:-1]
    assert lines == sorted(lines)
    assert '"@context"' in (tmp_path / "graph.jsonld").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*.tmp"))
    with pytest.raises(ValueError, match="xml"):
        write_rdf(small_graph, tmp_path, formats=("xml",))


def _shuffled(graph: nx.MultiDiGraph, seed: int) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    copy = nx.MultiDiGraph()
    nodes = list(graph.nodes(data=True))
    rng.shuffle(nodes)
    copy.add_nodes_from(nodes)
    edges = list(graph.edges(keys=True, data=True))
    rng.shuffle(edges)
    for u, v, key, data in edges:
        copy.add_edge(u, v, key=key, **data)
    return copy


def test_byte_identical_across_builds(small_graph, tmp_path):
    write_rdf(small_graph, tmp_path / "a", formats=ALL)
    for seed in range(3):
        write_rdf(_shuffled(small_graph, seed), tmp_path / f"b{seed}", formats=ALL)
        for fmt in ALL:
            name = f"graph.{fmt}"
            assert (tmp_path / "a" / name).read_bytes() == (tmp_path / f"b{seed}" / name).read_bytes(), name


@pytest.fixture
def nasty_graph(small_graph):
    small_graph.nodes["person/zhangsan"]["label"] = NASTY
    small_graph.nodes["org/acme"]["aliases"].append(NASTY + "!")
    small_graph.edges["person/zhangsan", "product/x", "commentsOn"]["quote"] = NASTY
    return small_graph


@pytest.mark.parametrize("fmt", list(RDFLIB_FORMATS))
def test_names_round_trip(nasty_graph, tmp_path, fmt):
    [path] = write_rdf(nasty_graph, tmp_path, formats=(fmt,))
    expected = {d["label"] for _, d in nasty_graph.nodes(data=True)}
    expected |= {a for _, d in nasty_graph.nodes(data=True) for a in d["aliases"]}
    names = (str(RDFS.label), str(SKOS.altLabel))
    dataset = Dataset()
    dataset.parse(path, format=RDFLIB_FORMATS[fmt])
    by_rdflib = {str(o) for s, p, o, _ in dataset.quads() if str(p) in names}
    by_oxigraph = {q.object.value for q in ox.parse(path=str(path), format=OX_FORMATS[fmt])
                   if q.predicate.value in names}
    assert by_rdflib == by_oxigraph == expected
    quotes = {str(o) for o in dataset.objects(None, KG.quote)}
    assert quotes == {NASTY}


def test_graphml_round_trip(nasty_graph, tmp_path):
    [path] = write_rdf(nasty_graph, tmp_path, formats=("graphml",))
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.nodes["person/zhangsan"]["label"] == NASTY
    assert set(back.nodes) == set(nasty_graph.nodes)
    assert set(back.edges(keys=True)) == set(nasty_graph.edges(keys=True))
    assert back.edges["person/zhangsan", "product/x", "commentsOn"]["quote"] == NASTY
    assert back.nodes["org/acme"]["aliases"].startswith("[")  # lists are JSON text


def test_caption_evidence_keeps_its_document(small_graph):
    data = small_graph.edges["org/acme", "location/bj", "locatedIn"]
    data["evidence"] = [Evidence(article="doc-7", sentence="图为ACME公司北京总部。", start=0, end=12)]
    small_graph.nodes["location/bj"]["articles"] = ["doc-7"]
    dataset = to_rdf(small_graph)
    caption = iri("article/doc-7")
    named = dataset.graph(document_iri(ID, "doc.txt"))
    assert (caption, KG.sourceDocument, Literal("doc.txt")) in named
    assert (iri("location/bj"), KG.mentionedIn, caption) in named
    assert (iri("org/acme"), KG.locatedIn, iri("location/bj")) in named
    assert (caption, RDF.type, KG.Article) not in dataset.default_graph
    conforms, report = validate(dataset)
    assert conforms, report


# --- the real seed page (conftest's session build) -------------------------------------------


def test_seed_build_is_byte_identical_when_rebuilt(seed_build, tmp_path):
    from kg.build import build
    from kg.export.rdf import FORMATS

    out_dir, _ = seed_build
    again = build([SEEDS])
    write_rdf(again.graph, tmp_path, FORMATS)
    for fmt in FORMATS:
        name = f"graph.{fmt}"
        assert (tmp_path / name).read_bytes() == (out_dir / name).read_bytes(), name


def test_seed_iris_are_ascii_under_the_base(seed_build, tmp_path):
    out_dir, result = seed_build
    write_rdf(result.graph, tmp_path, ["nq"], base_iri="http://example.org/kg")
    for out, prefix in ((out_dir, ID), (tmp_path, "http://example.org/kg/")):
        quads = list(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))
        assert len(quads) > 1000
        for quad in quads:
            for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
                assert not isinstance(term, ox.BlankNode)
                if isinstance(term, ox.NamedNode):
                    assert term.value.isascii(), term
            assert quad.subject.value.startswith(prefix), quad.subject


def test_seed_names_are_one_zh_label(seed_build):
    out_dir, result = seed_build
    g = Dataset().parse(out_dir / "graph.trig", format="trig").default_graph
    for node, data in result.graph.nodes(data=True):
        assert list(g.objects(iri(node), RDFS.label)) == [Literal(data["label"], lang="zh")], node


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "nq", "jsonld"])
def test_both_parsers_accept_every_seed_export(seed_build, fmt):
    out_dir, _ = seed_build
    path = out_dir / f"graph.{fmt}"
    quads = {(q.subject, q.predicate, q.object, q.graph_name)
             for q in ox.parse(path=str(path), format=OX_FORMATS[fmt])}
    dataset = Dataset()
    dataset.parse(path, format=RDFLIB_FORMATS[fmt])
    assert len(list(dataset.quads((None, None, None, None)))) == len(quads) > 1000
    named = {q[3] for q in quads if isinstance(q[3], ox.NamedNode)}
    assert named == ({ox.NamedNode(ID + "document/000_99323ac3ecb2cff0.txt")} if fmt in ("trig", "nq") else set())


def test_seed_graphml_reads_back(seed_build):
    out_dir, result = seed_build
    back = nx.read_graphml(out_dir / "graph.graphml", force_multigraph=True)
    assert back.number_of_nodes() == result.graph.number_of_nodes()
    assert back.number_of_edges() == result.graph.number_of_edges()


def test_seed_provenance(seed_build):
    """Each statement names its article, sentence, offsets, extractor and confidence."""
    out_dir, result = seed_build
    g = Dataset().parse(out_dir / "graph.trig", format="trig").default_graph
    statements = set(g.subjects(RDF.type, RDF.Statement))
    assert len(statements) == result.graph.number_of_edges()
    for st in statements:
        for p in (PROV.wasDerivedFrom, KG.evidence, KG.startOffset, KG.endOffset, KG.extractor, KG.confidence):
            assert g.value(st, p) is not None, (st, p)
        assert (g.value(st, PROV.wasDerivedFrom), RDF.type, KG.Article) in g or \
            g.value(g.value(st, PROV.wasDerivedFrom), KG.sourceDocument) is not None


# --- kg.export.turtle: the Turtle/TriG writer against rdflib's own ---------------------------

def _ox_terms(quads) -> set:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in quads}


def _both_writers_agree(dataset: Dataset) -> None:
    """Turtle and TriG from kg.export.turtle read back (rdflib and oxigraph) as rdflib's do."""
    ttl, trig_text = serialize(dataset, "ttl"), serialize(dataset, "trig")
    mine = Dataset().parse(data=ttl, format="turtle").default_graph
    theirs = Dataset().parse(data=dataset.default_graph.serialize(format="turtle"), format="turtle").default_graph
    assert set(mine) == set(theirs) == set(dataset.default_graph)
    assert set(Dataset().parse(data=trig_text, format="trig").quads()) == set(dataset.quads())
    reference = ox.parse(dataset.serialize(format="nquads"), format=ox.RdfFormat.N_QUADS)
    assert _ox_terms(ox.parse(trig_text, format=ox.RdfFormat.TRIG)) == _ox_terms(reference)
    assert ({t[:3] for t in _ox_terms(ox.parse(ttl, format=ox.RdfFormat.TURTLE))}
            == {t[:3] for t in _ox_terms(ox.parse(dataset.default_graph.serialize(format="nt"),
                                                  format=ox.RdfFormat.N_TRIPLES))})


def test_writer_matches_rdflib_on_the_small_graph(nasty_graph):
    _both_writers_agree(to_rdf(nasty_graph))


def test_writer_matches_rdflib_on_the_seed_build(seed_build):
    _both_writers_agree(to_rdf(seed_build[1].graph))


def test_writer_escapes_names_and_iris():
    name = 'x<>"{}|\\^`\n\r\t %41 \u2028\x01\x7f 中文'
    dataset = Dataset()
    graph = dataset.graph(URIRef(ID + "document/" + "a%20b"))
    odd = URIRef("https://example.org/a{b}|c^d`e\\f")  # not a valid IRI, yet written losslessly
    for triple in ((iri("n/1"), RDFS.label, Literal(name, lang="zh")), (iri("n/1"), KG.note, Literal(name)),
                   (iri("n/1"), KG.see, URIRef(ID + "n/%E4%B8%AD%20x"))):
        dataset.default_graph.add(triple)
        graph.add(triple)
    _both_writers_agree(dataset)
    dataset.default_graph.add((iri("n/1"), KG.odd, odd))
    back = Dataset().parse(data=serialize(dataset, "ttl"), format="turtle").default_graph
    assert back.value(iri("n/1"), KG.odd) == odd
    text = serialize(dataset, "ttl")
    assert "\\u2028" in text and "\\u0001" in text and "中文" in text and "\\n" in text


def test_writer_literal_and_iri_forms():
    dataset = Dataset()
    g = dataset.default_graph
    s = iri("n/1")
    for o in (Literal("5", datatype=XSD.integer), Literal("007", datatype=XSD.integer, normalize=False),
              Literal("0.9", datatype=XSD.decimal), Literal("1e3", datatype=XSD.double, normalize=False),
              Literal("true", datatype=XSD.boolean), Literal("2024-02-22", datatype=XSD.date),
              Literal("x", datatype=URIRef("https://example.org/dt#a b")), KG["bad local"], KG["ok-local_1"]):
        g.add((s, KG.p, o))
    text = serialize(dataset, "ttl")
    objects = text.split("kg:p ", 1)[1]
    for form in ("5,", '"007"^^xsd:integer', "0.9,", '"1e3"^^xsd:double', "true .", '"2024-02-22"^^xsd:date',
                 '"x"^^<https://example.org/dt#a\\u0020b>', "<https://kg-news.org/ontology#bad\\u0020local>",
                 "kg:ok-local_1"):
        assert form in objects, form
    assert "@prefix rdf:" not in text and "@prefix xsd:" in text  # only the prefixes in use


def test_writer_output_does_not_depend_on_insertion_order(seed_build):
    triples = list(to_rdf(seed_build[1].graph).default_graph)
    texts = set()
    for seed in range(3):
        random.Random(seed).shuffle(triples)
        dataset = Dataset()
        g = dataset.default_graph
        for t in triples:
            g.add(t)
        texts.add(serialize(dataset, "ttl"))
    assert len(texts) == 1


def test_turtle_and_trig_made_in_one_go_equal_each_made_alone(small_graph):
    data = rdf_data(small_graph)
    formats = ["trig", "nt", "ttl"]
    assert list(serialize_formats(data, formats)) == [(fmt, serialize(data, fmt)) for fmt in formats]
