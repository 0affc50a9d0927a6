"""kg.evaluate: exact tp/fp/fn on a hand-written two-document build, and the seed gold scored perfect."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import shared_path
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SKOS

from kg.evaluate import (
    KG,
    Gold,
    evaluate,
    format_scores,
    load_gold,
    load_prediction,
    normalize,
    score,
)

XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
DATA = Path(__file__).parent / "data"
BUILD = DATA / "eval_build.ttl"
GOLD_A = DATA / "eval_a.gold.json"
GOLD_B = DATA / "eval_b.gold.json"


def counts(c) -> tuple[int, int, int]:
    return c.tp, c.fp, c.fn


@pytest.fixture
def scores_a():
    return score(load_gold(GOLD_A), load_prediction(BUILD, "a.txt"))


def test_normalize_nfkc_whitespace_and_quote_marks():
    assert normalize("润马光能科技（金华）有限公司") == normalize("润马光能科技(金华)有限公司")
    assert normalize(" 《Sora》 “火”\"出\"「天」『际』'x' ") == "Sora火出天际x"
    assert normalize("Open AI") == "OpenAI"


def test_load_gold_fields():
    gold = load_gold(GOLD_A)
    assert gold.document == "a.txt" and gold.date == "2024-02-22"
    openai = gold.entities[0]
    assert (openai.name, openai.type, openai.fine, openai.aliases) == ("OpenAI", "Organization", "Company",
                                                                       ("Open AI",))
    patents = [r for r in gold.relations if r.predicate == "filesPatents"]
    assert patents[0].object is None and patents[0].attributes["count"] == 46000
    assert [r.optional for r in gold.relations].count(True) == 2


@pytest.mark.parametrize("text, message", [
    ("{not json", "cannot read"),
    ('{"document": "x.txt"}', "entities"),
    ('{"entities": [{"type": "Person"}]}', "name"),
    ('{"entities": [{"name": "甲", "type": "Thing"}]}', "unknown type"),
    ('{"entities": [], "relations": [{"subject": "甲", "predicate": "likes", "object": "乙"}]}', "predicate"),
    ('{"entities": [], "relations": [{"subject": "甲", "predicate": "partOf"}]}', "object"),
])
def test_load_gold_malformed_names_the_file(tmp_path, text, message):
    path = tmp_path / "bad.gold.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_gold(path)
    assert str(path) in str(info.value)


def test_prediction_reads_types_aliases_and_filings():
    pred = load_prediction(BUILD)
    by_name = {e.name: e for e in pred.entities.values()}
    assert by_name["360"].type == "Organization" and "Company" in by_name["360"].fines
    assert by_name["研究院"].type == "Organization"
    assert by_name["金陵金箔"].aliases == ("南京金陵金箔集团股份有限公司",)
    assert by_name["测试“新闻”标题"].date_published == "2024-02-22"
    assert not any("专利申请" in name for name in by_name)  # filing nodes are not entities
    patents = {pred.name(r.subject): r.attributes for r in pred.relations if r.predicate == "filesPatents"}
    assert patents["宁德时代"] == {"count": [46000], "year": [2023], "growthRate": [1.67], "scope": ["海外"]}
    roles = [r.attributes["role"] for r in pred.relations if r.predicate == "holdsPositionAt"]
    assert all(sorted(role) == ["创始人", "董事长"] for role in roles)


def test_document_restriction():
    a, b = load_prediction(BUILD, "a.txt"), load_prediction(BUILD, "b.txt")
    assert {e.name for e in b.entities.values()} == {"第二篇", "张三", "Open AI"}
    assert "张三" not in {e.name for e in a.entities.values()}
    assert "孔蓉" in {e.name for e in a.entities.values()}  # mentioned in a caption of a.txt only
    assert [(b.name(r.subject), r.predicate) for r in b.relations] == [("张三", "commentsOn")]
    assert len(a.relations) == 11  # the author triple has no statement: kept through its endpoints


def test_reads_what_the_rdf_writer_writes(small_graph):
    rdf = pytest.importorskip("kg.export.rdf")
    graph = Graph().parse(data=rdf.serialize(rdf.to_rdf(small_graph), "ttl"), format="turtle")
    pred = load_prediction(graph, "doc.txt")
    assert len(pred.entities) == 8  # seven entities and the article; the filing node is not one
    assert {r.predicate for r in pred.relations} == {
        "author", "publisher", "commentsOn", "holdsPositionAt", "releases", "ranksIn", "filesPatents",
        "locatedIn"}
    filing = next(r for r in pred.relations if r.predicate == "filesPatents")
    assert filing.attributes["count"] == [46000] and filing.attributes["growthRate"] == [1.67]
    assert not load_prediction(graph, "other.txt").relations


def test_entities_aliases_nfkc_quotes_optional_duplicates(scores_a):
    # TP 12: Open AI (gold alias), 金陵金箔 (its own alias), （） vs (), 《》 report, “” title, 360,
    # 周鸿祎, 李洋, 孔蓉 (from a caption), three patent filers. FP 3: 360公司 (second match of 360),
    # 北京 typed Organization, 研究院. FN 2: 北京 (Location), 王磊. Optional 天风证券 found and 央视
    # missed count nowhere.
    assert counts(scores_a.entities) == (12, 3, 2)
    types = scores_a.entity_types
    assert counts(types["Organization"]) == (7, 3, 0)
    assert counts(types["Location"]) == (0, 0, 1)
    assert counts(types["Person"]) == (3, 0, 1)
    assert counts(types["Report"]) == counts(types["Article"]) == (1, 0, 0)
    assert "[a.txt] entity Organization 360公司" in scores_a.false_positives
    assert not any("天风证券" in item or "央视" in item for item in scores_a.false_positives
                   + scores_a.false_negatives)


def test_relations_per_predicate_and_micro(scores_a):
    rel = scores_a.relations
    assert counts(rel["holdsPositionAt"]) == (1, 1, 0)  # 360 and 360公司: one triple too many
    assert counts(rel["commentsOn"]) == (2, 0, 1)  # 孔蓉 from a caption; 王磊 missed
    assert counts(rel["filesPatents"]) == (2, 1, 1)  # 46000 = 46000, no gold count, 20000 != 21000
    assert counts(rel["author"]) == (1, 0, 0)  # the article named by its title with quote marks
    assert counts(rel["locatedIn"]) == (1, 0, 0)  # via an alias; the object's wrong type does not matter
    assert counts(rel["partOf"]) == (0, 0, 0)  # optional, found: neither TP nor FP
    assert counts(rel["incubatedBy"]) == (0, 1, 0)
    assert counts(scores_a.micro) == (7, 3, 2)
    assert "[a.txt] filesPatents 荣耀终端 (count 21000)" in scores_a.false_negatives


def test_attribute_accuracy_is_separate(scores_a):
    attrs = scores_a.attributes
    assert attrs["commentsOn.quote"] == [1, 1]  # “很好!” vs 很好!
    assert attrs["commentsOn.stance"] == [0, 1]
    assert attrs["holdsPositionAt.role"] == [1, 1]  # a set: order does not matter
    assert attrs["filesPatents.growthRate"] == [2, 2] and attrs["filesPatents.count"] == [1, 1]
    assert attrs["Article.datePublished"] == [1, 1]
    assert len(scores_a.attribute_errors) == 1 and "stance" in scores_a.attribute_errors[0]


def test_unrestricted_prediction_counts_the_other_document():
    scores = score(load_gold(GOLD_A), load_prediction(BUILD))
    assert counts(scores.entities) == (12, 5, 2)  # 第二篇 and 张三 now count against a.txt
    assert counts(scores.relations["commentsOn"]) == (2, 1, 1)


def test_evaluate_sums_documents():
    scores = evaluate([GOLD_A, GOLD_B], BUILD)
    assert scores.documents == ["a.txt", "b.txt"]
    assert counts(scores.entities) == (15, 3, 2)
    assert counts(scores.micro) == (8, 3, 2)
    assert scores.attributes["commentsOn.quote"] == [2, 2]
    json.dumps(scores.to_json(), ensure_ascii=False)
    assert scores.to_json()["micro"]["tp"] == 8


def test_evaluate_reads_graph_ttl_in_a_directory(tmp_path):
    (tmp_path / "graph.ttl").write_bytes(BUILD.read_bytes())
    assert counts(evaluate([GOLD_B], tmp_path).micro) == (1, 0, 0)
    with pytest.raises(FileNotFoundError):
        evaluate([GOLD_B], tmp_path / "missing")


def test_format_scores(scores_a):
    text = format_scores(scores_a)
    assert "micro" in text and "filesPatents" in text and "Attributes" in text
    assert "研究院" not in text
    verbose = format_scores(scores_a, verbose=True)
    assert "False positives (6)" in verbose and "[a.txt] entity Organization 研究院" in verbose
    assert "False negatives (4)" in verbose


def gold_to_turtle(gold: Gold) -> str:
    """A perfect build of one gold file, written to docs/rdf.md."""
    base = Namespace("https://kg-news.org/id/")
    g = Graph()
    anchor = None
    nodes: dict[str, URIRef] = {}
    for n, entity in enumerate(gold.entities):
        node = base[f"e/{n}"]
        g.add((node, RDF.type, KG[entity.type]))
        if entity.fine:
            g.add((node, RDF.type, KG[entity.fine]))
        g.add((node, RDFS.label, Literal(entity.name, lang="zh")))
        for alias in entity.aliases:
            g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
        if entity.type == "Article":
            g.add((node, KG.sourceDocument, Literal(gold.document)))
            anchor = anchor or node
            if entity.date_published:
                g.add((node, KG.datePublished, Literal(entity.date_published, datatype=XSD_DATE)))
        for key in {normalize(entity.name), *map(normalize, entity.aliases)}:
            nodes.setdefault(key, node)
    if anchor is None:  # an article without a label: a document, not an entity
        anchor = base["article/anchor"]
        g.add((anchor, KG.sourceDocument, Literal(gold.document)))
    for node in set(nodes.values()):
        g.add((node, KG.mentionedIn, anchor))
    for n, rel in enumerate(gold.relations):
        s, p = nodes[normalize(rel.subject)], KG[rel.predicate]
        o = base[f"filing/{n}"] if rel.object is None else nodes[normalize(rel.object)]
        st = base[f"statement/{n}"]
        g.add((s, p, o))
        for triple in ((RDF.type, RDF.Statement), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o),
                       (PROV.wasDerivedFrom, anchor)):
            g.add((st, *triple))
        for name, value in rel.attributes.items():
            target = o if rel.predicate == "filesPatents" else st
            if rel.predicate == "filesPatents":
                g.add((o, RDF.type, KG.PatentFiling))
            for v in value if isinstance(value, list) else [value]:
                if name == "growthRate":
                    lit = Literal(Decimal(str(v)))
                elif name == "date":
                    lit = Literal(v, datatype=XSD_DATE)
                else:
                    lit = Literal(v) if isinstance(v, int) else Literal(v, lang="zh")
                g.add((target, KG[name], lit))
    g.add((BNode(), RDFS.comment, Literal("made by tests/test_evaluate.py")))
    return g.serialize(format="turtle")


@pytest.mark.shared
def test_seed_gold_scores_perfect_against_itself(tmp_path):
    gold = load_gold(shared_path("annotation", "seed.gold.json"))
    assert gold.document and len(gold.entities) > 50 and len(gold.relations) > 40
    ttl = tmp_path / "graph.ttl"
    ttl.write_text(gold_to_turtle(gold), encoding="utf-8")
    scores = score(gold, load_prediction(tmp_path, gold.document))
    assert scores.entities.f1 == 1.0 and scores.micro.f1 == 1.0, format_scores(scores, verbose=True)
    assert scores.entities.fp == scores.micro.fp == 0
    assert all(ok == total for ok, total in scores.attributes.values()), scores.attribute_errors
    assert evaluate([shared_path("annotation", "seed.gold.json")], ttl).micro.f1 == 1.0
