"""Document-level facts from bylines and source lines: author, publisher (datePublished is a node attribute)."""

from __future__ import annotations

import re

from ..model import Article, Evidence, Fact
from ..nlp.components import org_type

# '…向《中国经营报》记者表示': a paper naming its own reporter in the body, when no byline did ('据《X》记者'
# cites another paper's reporter).
OWN_REPORTER = re.compile(r"(?:向|接受|对|告诉)《([^《》]{2,12}(?:报|刊|周刊|杂志))》(?:的)?记者")


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
    elif (named := list(OWN_REPORTER.finditer(article.text))) and len({m.group(1) for m in named}) == 1:
        match, text = named[0], article.text
        paper = match.group(1)
        start = max(text.rfind(mark, 0, match.start()) for mark in "。！？\n") + 1
        ends = [i + 1 for i in (text.find(mark, match.end()) for mark in "。！？\n") if i >= 0]
        end = min(ends) if ends else len(text)
        evidence = Evidence(article.id, text[start:end], start, end)  # the sentence that names the paper
        facts.append(Fact(article.id, "Article", "publisher", paper, "MediaOutlet", evidence=evidence,
                          confidence=0.6, extractor="own_reporter"))
    return facts
