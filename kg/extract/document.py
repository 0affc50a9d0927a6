"""Document-level facts from bylines and source lines: author, publisher (datePublished is a node attribute)."""

from __future__ import annotations

from ..model import Article, Evidence, Fact
from ..nlp.components import org_type


def extract(article: Article) -> list[Fact]:
    if article.kind != "article":
        return []
    evidence = Evidence(article.id, article.title, 0, 0)
    facts = [
        Fact(article.id, "Article", "author", name, "Person", evidence=evidence, confidence=0.95, extractor="byline")
        for name in article.authors
    ]
    if article.publisher:
        fine = org_type(article.publisher)
        facts.append(Fact(article.id, "Article", "publisher", article.publisher,
                          fine if fine != "Organization" else "MediaOutlet", evidence=evidence,
                          confidence=0.95, extractor="source_line"))
    return facts
