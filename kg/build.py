"""The build: documents -> articles -> parsed docs -> mentions and facts -> entities -> one graph."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .extract import extract_article
from .graph import build_graph
from .ingest import InputError, iter_input_files, read_articles
from .model import Article, Fact, Mention
from .nlp.pipeline import get_nlp
from .resolve import resolve


@dataclass
class DocumentResult:
    """Everything one source document contributes to a build."""

    document: str
    articles: list[Article]
    mentions: dict[str, list[Mention]]  # Article.id -> mentions
    facts: list[Fact]


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    documents: list[DocumentResult]
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0


def process_document(path: Path, segmenter: str = "lac") -> DocumentResult:
    """Read, parse and extract one document. Raises InputError for an unreadable file."""
    articles = read_articles(path)
    nlp = get_nlp(segmenter)
    mentions: dict[str, list[Mention]] = {}
    facts: list[Fact] = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        article_mentions, article_facts = extract_article(article, doc)
        mentions[article.id] = article_mentions
        facts.extend(article_facts)
    return DocumentResult(path.name, articles, mentions, facts)


def assemble(documents: list[DocumentResult], min_confidence: float = 0.0) -> nx.MultiDiGraph:
    """Resolve entities across all documents and build the one graph of the build."""
    mentions: dict[str, list[Mention]] = {}
    facts: list[Fact] = []
    articles: list[Article] = []
    for result in documents:
        articles.extend(result.articles)
        mentions.update(result.mentions)
        facts.extend(f for f in result.facts if f.confidence >= min_confidence)
    resolution = resolve(mentions, facts)
    return build_graph(articles, resolution.entities, facts)


def build(inputs: list[str | Path], min_confidence: float = 0.0, segmenter: str = "lac") -> BuildResult:
    started = time.perf_counter()
    files, errors = iter_input_files(inputs)
    documents = []
    for path in files:
        try:
            documents.append(process_document(path, segmenter))
        except InputError as error:
            errors.append(error)
    graph = assemble(documents, min_confidence)
    return BuildResult(graph, documents, errors, time.perf_counter() - started)


def summary(graph: nx.MultiDiGraph) -> str:
    """Articles, entities by type and relations by predicate, as printed after a build."""
    types = Counter(d["type"] for _, d in graph.nodes(data=True))
    predicates = Counter(d["predicate"] for _, _, d in graph.edges(data=True))
    lines = [f"articles: {types.pop('Article', 0)}", f"entities: {sum(v for k, v in types.items() if k != 'PatentFiling')}"]
    lines += [f"  {k}: {v}" for k, v in sorted(types.items()) if k != "PatentFiling"]
    lines.append(f"relations: {sum(predicates.values())}")
    lines += [f"  {k}: {v}" for k, v in sorted(predicates.items())]
    return "\n".join(lines)
