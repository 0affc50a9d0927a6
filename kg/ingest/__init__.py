"""Ingest: input files to decoded text to Articles (and photo captions) for the NLP stage."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.page import article_key, split_page
from kg.ingest.reader import InputError, iter_input_files, read_text
from kg.model import Article


def read_articles(path: str | Path) -> list[Article]:
    """The articles and captions of one input file; InputError when it holds none."""
    path = Path(path)
    articles = split_page(read_text(path), path.name)
    if not any(article.kind == "article" for article in articles):
        raise InputError(path, "no article text found")
    return articles


__all__ = ["InputError", "article_key", "iter_input_files", "read_articles", "read_text", "split_page"]
