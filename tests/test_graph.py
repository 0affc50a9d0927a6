"""The one graph of a build: nodes, edges, merging of repeated facts."""

from kg.graph import article_node, build_graph
from kg.model import Article, Entity, Evidence, Fact


def test_small_graph_shape(small_graph):
    types = {d["type"] for _, d in small_graph.nodes(data=True)}
    assert {"Article", "Person", "Company", "PatentFiling"} <= types
    predicates = {d["predicate"] for *_, d in small_graph.edges(data=True)}
    assert {"commentsOn", "holdsPositionAt", "filesPatents", "author", "publisher"} <= predicates
    filing = next(n for n, d in small_graph.nodes(data=True) if d["type"] == "PatentFiling")
    assert small_graph.nodes[filing]["count"] == 46000 and small_graph.nodes[filing]["growthRate"] == 1.67


def _graph(facts):
    article = Article("a-1", "a.txt", "标题", "文本")
    entities = [Entity("person/x", "张三", "Person"), Entity("org/y", "某公司", "Company"),
                Entity("ranking/r", "某榜单", "Ranking"), Entity("product/p", "某产品", "Product")]
    return build_graph([article, Article("a-2", "a.txt", "", "图注", kind="caption")], entities, facts)


def fact(p, s, o, sentence="句一。", **attrs):
    return Fact("s", "T", p, "o", "T", attributes=attrs, evidence=Evidence("a-1", sentence, 0, 3),
                subject_id=s, object_id=o, confidence=0.7)


def test_repeated_fact_is_one_edge_with_all_evidence_and_completed_attributes():
    g = _graph([fact("ranksIn", "org/y", "ranking/r"), fact("ranksIn", "org/y", "ranking/r", "句二。", tier="领军者")])
    edges = list(g.edges("org/y", data=True))
    assert len(edges) == 1
    assert edges[0][2]["tier"] == "领军者" and len(edges[0][2]["evidence"]) == 2


def test_distinct_quotes_stay_distinct_edges():
    g = _graph([fact("commentsOn", "person/x", "product/p", quote="甲"),
                fact("commentsOn", "person/x", "product/p", quote="乙")])
    keys = sorted(k for _, _, k in g.edges("person/x", keys=True))
    assert keys == ["commentsOn", "commentsOn#2"]


def test_captions_are_not_article_nodes_and_unresolved_facts_are_dropped():
    g = _graph([fact("locatedIn", None, "org/y"), fact("releases", "org/y", None)])
    assert article_node("a-1") in g and article_node("a-2") not in g
    assert g.number_of_edges() == 0


def test_edges_outside_the_guide_signatures_are_dropped():
    g = _graph([fact("holdsPositionAt", "person/x", "ranking/r"), fact("filesPatents", "person/x", None, count=3),
                fact("holdsPositionAt", "person/x", "org/y", role=["董事长"])])
    assert [(u, v, d["predicate"]) for u, v, d in g.edges(data=True)] == [("person/x", "org/y", "holdsPositionAt")]
    assert not any(d["type"] == "PatentFiling" for _, d in g.nodes(data=True))


def test_a_relation_of_a_thing_to_itself_is_dropped():
    # Resolution can merge both ends into one entity (a unit named like its parent): no self-loop.
    g = _graph([fact("partOf", "org/y", "org/y"), fact("locatedIn", "org/y", "org/y")])
    assert g.number_of_edges() == 0
