"""One document through ingest, nlp and extract: what a build's worker processes run.

Kept apart from the build's assembly so that workers import only this, the pipeline and
the extractors (no networkx, no rdflib): the forkserver is ready sooner and a rebuild that
re-processes one document waits less for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .corpus.cache import Cache
from .corpus.report import Failure
from .corpus.sources import Options, Source, load_articles
from .ingest import InputError, read_articles
from .model import Article, Fact, Mention


@dataclass
class DocumentResult:
    """Everything one source document contributes to a build."""

    document: str
    articles: list[Article]
    mentions: dict[str, list[Mention]]  # Article.id -> mentions
    facts: list[Fact]


def analyse(document: str, articles: list[Article], segmenter: str = "lac") -> DocumentResult:
    """Parse and extract the articles of one document."""
    # Imported here: spaCy and LAC load only in the processes that parse (a rebuild whose
    # documents all come from the cache, or are parsed by workers, never loads them).
    from .extract import extract_article
    from .nlp.pipeline import get_nlp

    nlp = get_nlp(segmenter)
    mentions: dict[str, list[Mention]] = {}
    facts: list[Fact] = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        article_mentions, article_facts = extract_article(article, doc)
        mentions[article.id] = article_mentions
        facts.extend(article_facts)
    return DocumentResult(document, articles, mentions, facts)


def process_document(path: Path, segmenter: str = "lac") -> DocumentResult:
    """Read, parse and extract one document. Raises InputError for an unreadable file."""
    return analyse(path.name, read_articles(path), segmenter)


def process_source(source: Source, options: Options, segmenter: str = "lac") -> DocumentResult | Failure:
    """One corpus document, never raising: a bad input or an extractor crash becomes a Failure."""
    try:
        return analyse(source.document, load_articles(source, options), segmenter)
    except InputError as error:
        return Failure(source.label, error.reason)
    except (MemoryError, RecursionError) as exc:
        return Failure(source.label, f"too large or too deep to process ({type(exc).__name__})")
    except Exception as exc:  # one document's bug must not stop a corpus build
        return Failure(source.label, f"processing failed ({type(exc).__name__}: {exc})")


def load_pipeline(segmenter: str) -> None:
    """Worker initializer: build the pipeline once, before the first document (LAC's model loads
    with the first text it reads)."""
    from .nlp.pipeline import get_nlp

    get_nlp(segmenter)


def run_task(task: tuple) -> tuple[int, DocumentResult | Failure]:
    """Process one document in a worker and cache its outcome as soon as it is known."""
    index, source, options, segmenter, cache_folder, key = task
    outcome = process_source(source, options, segmenter)
    if cache_folder is not None:
        Cache(cache_folder).put(key, outcome)
    return index, outcome
