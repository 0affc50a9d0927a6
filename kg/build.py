"""The build: documents -> articles -> parsed docs -> mentions and facts -> entities -> one graph.

Documents are independent until entity resolution, so they are processed one by one
(in parallel with jobs > 1, each result cached by content), then `assemble` resolves
entities across all of them in input order: the graph does not depend on which worker
finished first or which results came from the cache.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .corpus.cache import Cache, cache_key
from .corpus.parallel import TaskPool, warm_up
from .corpus.progress import Progress
from .corpus.report import Failure
from .corpus.sources import CORPUS_SUFFIXES, Options, Source, iter_sources, load_articles
from .graph import build_graph
from .ingest import InputError, iter_input_files, read_articles
from .model import Article, Fact, Mention
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
    cached: int = 0  # documents (built or failed) taken from the cache
    processed: int = 0  # documents run through the pipeline in this build
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds; "cpu": this process's CPU
    processed_documents: list[str] = field(default_factory=list)  # Source.document of each processed one

    def validation_scope(self) -> set[str] | None:
        """Documents whose RDF needs validating: None (all) unless some came from the cache,
        whose parts were validated in the build that processed them."""
        return set(self.processed_documents) if self.cached else None


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


def _load_pipeline(segmenter: str) -> None:
    """Worker initializer: build the pipeline once, before the first document (LAC's model loads
    with the first text it reads)."""
    from .nlp.pipeline import get_nlp

    get_nlp(segmenter)


def _task(task: tuple) -> tuple[int, DocumentResult | Failure]:
    """Process one document in a worker and cache its outcome as soon as it is known."""
    index, source, options, segmenter, cache_folder, key = task
    outcome = process_source(source, options, segmenter)
    if cache_folder is not None:
        Cache(cache_folder).put(key, outcome)
    return index, outcome


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


def build(
    inputs: list[str | Path],
    min_confidence: float = 0.0,
    segmenter: str = "lac",
    *,
    options: Options | None = None,
    jobs: int = 1,
    cache: str | Path | None = None,
    progress: bool = False,
) -> BuildResult:
    """Build the graph of `inputs` (files, folders, dumps); bad documents end up in `errors`.

    `cache` is a folder of per-document results (None: no cache); `progress` draws a bar
    on stderr when it is a terminal.
    """
    started, cpu = time.perf_counter(), time.process_time()
    if jobs > 1:
        warm_up()  # a no-op when `kg build` already started it
    options = options or Options()
    files, errors = iter_input_files(inputs, CORPUS_SUFFIXES)
    # Sources and refused inputs in input order: the report lists failures where they occur.
    slots: list[Source | InputError] = list(iter_sources(files, options))
    store = Cache(cache) if cache is not None else None
    outcomes: dict[int, DocumentResult | Failure] = {}
    keys = {index: cache_key(source, options, segmenter) if store else None
            for index, source in enumerate(slots) if isinstance(source, Source)}
    cached = {index for index, key in keys.items() if store and store.has(key)}
    bar = Progress(len(keys), enabled=None if progress else False)

    def task(index: int) -> tuple:
        return index, slots[index], options, segmenter, str(store.folder) if store else None, keys[index]

    # Workers start on the documents to parse while this process reads the cached ones.
    tasks = [task(index) for index in keys if index not in cached]
    pools = [TaskPool(_task, tasks, jobs, _load_pipeline, (segmenter,))]
    try:
        for index in sorted(cached):
            hit = store.get(keys[index])
            if isinstance(hit, DocumentResult | Failure):
                outcomes[index] = hit
                bar.advance(cached=True, failed=isinstance(hit, Failure))
            else:  # unreadable after all (torn, foreign): parse it too
                tasks.append(task(index))
                pools.append(TaskPool(_task, [tasks[-1]], 1, _load_pipeline, (segmenter,)))
        read = time.perf_counter()
        for pool in pools:
            for index, outcome in pool:
                outcomes[index] = outcome
                bar.advance(failed=isinstance(outcome, Failure))
    finally:
        for pool in pools:
            pool.close()
        bar.close()
    processed = time.perf_counter()
    documents = []
    for index, slot in enumerate(slots):
        outcome = outcomes.get(index, slot)
        if isinstance(outcome, InputError):
            errors.append(outcome)
        elif isinstance(outcome, Failure):
            errors.append(InputError(outcome.label, outcome.reason))
        else:
            documents.append(outcome)
    graph = assemble(documents, min_confidence)
    done = time.perf_counter()
    timings = {"read": read - started, "process": processed - read, "assemble": done - processed,
               "cpu": time.process_time() - cpu}  # this process only: all of it with jobs=1
    return BuildResult(graph, documents, errors, done - started, len(keys) - len(tasks), len(tasks), timings,
                       [task[1].document for task in tasks])


def summary(graph: nx.MultiDiGraph) -> str:
    """Articles, entities by type and relations by predicate, as printed after a build."""
    types = Counter(d["type"] for _, d in graph.nodes(data=True))
    predicates = Counter(d["predicate"] for _, _, d in graph.edges(data=True))
    entities = sum(v for k, v in types.items() if k not in ("Article", "PatentFiling"))
    lines = [f"articles: {types.pop('Article', 0)}", f"entities: {entities}"]
    lines += [f"  {k}: {v}" for k, v in sorted(types.items()) if k != "PatentFiling"]
    lines.append(f"relations: {sum(predicates.values())}")
    lines += [f"  {k}: {v}" for k, v in sorted(predicates.items())]
    return "\n".join(lines)
