"""One networkx.MultiDiGraph holds a build: the single source every export is written from.

Nodes (id -> attributes):
  entity  "<kind>/<hash>"     label, type (fine or coarse), coarse_type, aliases (sorted list),
                              mentions (int), articles (sorted list of Article ids)
  article "article/<Article.id>"  label (the title), type "Article", coarse_type "Article",
                              document, datePublished (ISO str or None), aliases [], mentions 0,
                              articles [Article.id]
  filing  "filing/<hash>"     label, type "PatentFiling", coarse_type "PatentFiling", and the
                              filing's count / year / growthRate / scope where known
Edges (u, v, key) with key "<predicate>" or "<predicate>#<n>" when u and v share the predicate
more than once (two different quotes on the same product):
  predicate (str), confidence (float), extractor (str), evidence (list of model.Evidence),
  and the guide's attributes as flat keys: role (list), quote, stance, tier, rank, date.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

import networkx as nx

from .model import (  # noqa: F401  (EDGE_ATTRIBUTES re-exported with the graph schema)
    EDGE_ATTRIBUTES,
    FILING_ATTRIBUTES,
    PATENT_FILING,
    SIGNATURES,
    Article,
    Entity,
    Fact,
    coarse_type,
)


def article_node(article_id: str) -> str:
    return f"article/{article_id}"


def filing_node(subject_id: str, attributes: dict) -> str:
    key = "|".join([subject_id] + [f"{k}={attributes.get(k)}" for k in FILING_ATTRIBUTES])
    return "filing/" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def build_graph(articles: list[Article], entities: list[Entity], facts: list[Fact]) -> nx.MultiDiGraph:
    """Put articles, entities and resolved facts (subject_id/object_id set) into one graph."""
    graph = nx.MultiDiGraph()
    for article in sorted(articles, key=lambda a: a.id):
        if article.kind != "article":
            continue
        graph.add_node(
            article_node(article.id),
            label=article.title,
            type="Article",
            coarse_type="Article",
            document=article.document,
            datePublished=article.date,
            aliases=[],
            mentions=0,
            articles=[article.id],
        )
    for entity in sorted(entities, key=lambda e: e.id):
        graph.add_node(
            entity.id,
            label=entity.name,
            type=entity.type,
            coarse_type=entity.coarse_type,
            aliases=sorted(entity.aliases - {entity.name}),
            mentions=entity.mentions,
            articles=sorted(entity.articles),
        )
    for fact in facts:
        _add_fact(graph, fact)
    return graph


def _fits_signature(graph: nx.MultiDiGraph, v: str, predicate: str) -> bool:
    """Only edges to the types the guide allows reach the graph (and so every export)."""
    objects = SIGNATURES[predicate][1]
    return objects is None or graph.nodes[v]["coarse_type"] in objects


def _add_fact(graph: nx.MultiDiGraph, fact: Fact) -> None:
    u = fact.subject_id
    if u is None or graph.nodes[u]["coarse_type"] not in SIGNATURES[fact.predicate][0]:
        return
    if fact.predicate == "filesPatents":
        v = filing_node(u, fact.attributes)
        if v not in graph:
            label = graph.nodes[u]["label"] + " 专利申请"
            if fact.attributes.get("year"):
                label += f" {fact.attributes['year']}"
            graph.add_node(
                v,
                label=label,
                type=PATENT_FILING,
                coarse_type=coarse_type(PATENT_FILING),
                aliases=[],
                mentions=0,
                articles=[fact.evidence.article] if fact.evidence else [],
                **{k: fact.attributes[k] for k in FILING_ATTRIBUTES if k in fact.attributes},
            )
    else:
        v = fact.object_id
        if v is None:
            return
    if u == v or not _fits_signature(graph, v, fact.predicate):
        return  # no relation of the guide relates a thing to itself (names merged by resolution)
    attributes = {k: fact.attributes[k] for k in EDGE_ATTRIBUTES if k in fact.attributes}
    # The same fact read twice (two sentences) is one edge with two pieces of evidence; a
    # reading that adds an attribute (a tier) completes it. Only distinct quotes stay apart.
    existing = graph.get_edge_data(u, v) or {}
    for data in existing.values():
        if data["predicate"] != fact.predicate:
            continue
        if any(k in data and data[k] != a for k, a in attributes.items()):
            continue
        if fact.predicate == "commentsOn" and attributes.get("quote") != data.get("quote"):
            continue
        for k, a in attributes.items():
            data.setdefault(k, a)
        if fact.evidence and fact.evidence not in data["evidence"]:
            data["evidence"].append(fact.evidence)
        data["confidence"] = max(data["confidence"], fact.confidence)
        return
    same = sum(1 for d in existing.values() if d["predicate"] == fact.predicate)
    key = fact.predicate if same == 0 else f"{fact.predicate}#{same + 1}"
    graph.add_edge(
        u,
        v,
        key=key,
        predicate=fact.predicate,
        confidence=fact.confidence,
        extractor=fact.extractor,
        evidence=[fact.evidence] if fact.evidence else [],
        **attributes,
    )


def document_subgraph(graph: nx.MultiDiGraph, documents: set[str]) -> nx.MultiDiGraph:
    """What `documents` contribute, whole, and the nodes it points to: enough to check that part
    alone (an incremental build validates only the documents it re-processed).

    Kept: their Article nodes, every node mentioned in one of their articles, every edge with
    evidence in them, all out-edges of those nodes, the ends of every kept edge, and the Article
    nodes all kept nodes and edges cite. Node and edge attributes are shared, not copied.
    """
    article_docs = {node: data.get("document") for node, data in graph.nodes(data=True)
                    if data.get("type") == "Article"}
    stems = {PurePath(doc).stem for doc in documents}

    def ours(article_id: str) -> bool:
        doc = article_docs.get(article_node(article_id))
        return doc in documents if doc is not None else article_id.rsplit("-", 1)[0] in stems  # a caption

    core = {node for node, data in graph.nodes(data=True)
            if (data.get("type") == "Article" and data.get("document") in documents)
            or any(ours(a) for a in data.get("articles") or ())}
    edges = {(u, v, k) for u, v, k, evidence in graph.edges(keys=True, data="evidence")
             if any(ours(e.article) for e in evidence or ())}
    edges |= {(u, v, k) for u, v, k in graph.out_edges(core, keys=True)}
    nodes = core | {u for u, _, _ in edges} | {v for _, v, _ in edges}
    cited = {a for n in nodes for a in graph.nodes[n].get("articles") or ()}
    cited |= {e.article for u, v, k in edges for e in graph.edges[u, v, k].get("evidence") or ()}
    nodes |= {article_node(a) for a in cited if article_node(a) in graph}
    sub = nx.MultiDiGraph()
    sub.add_nodes_from((n, graph.nodes[n]) for n in sorted(nodes))
    sub.add_edges_from((u, v, k, graph.edges[u, v, k]) for u, v, k in sorted(edges))
    return sub
