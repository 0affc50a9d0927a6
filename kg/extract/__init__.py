"""Relation extraction: one module per relation family, run in order over each article.

Order matters where an extractor adds mentions others use: releases first names the makers
LAC missed as they release a product ('零跑汽车发布了C10'; '该公司' then refers to them), and
positions names companies LAC missed ('企业X创始人'), which releases then sees as subjects.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Fact, Mention
from . import appointments, comments, document, organizations, patents, positions, rankings, releases
from .context import ArticleContext

EXTRACTORS = (
    releases.name_makers,
    positions.extract,
    appointments.extract,
    organizations.extract,
    rankings.extract,
    patents.extract,
    releases.extract,
    comments.extract,
    comments.extract_disagreements,
)


def extract_article(article: Article, doc: Doc) -> tuple[list[Mention], list[Fact]]:
    """Mentions (from the pipeline and the extractors) and facts of one parsed article."""
    ctx = ArticleContext.from_doc(article, doc)
    facts: list[Fact] = []
    for extractor in EXTRACTORS:
        facts.extend(extractor(ctx))
    facts.extend(document.extract(article))
    return ctx.mentions, facts
