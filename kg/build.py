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
from .corpus.sources import CORPUS_SUFFIXES, Options, Source, iter_sources
from .graph import build_graph
from .ingest import InputError, iter_input_files
from .model import Article, Fact, Mention
from .process import DocumentResult, load_pipeline, process_document, run_task
from .resolve import local_long_forms, resolve

__all__ = ["BuildResult", "DocumentResult", "assemble", "build", "process_document", "summary"]


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


def assemble(documents: list[DocumentResult], min_confidence: float = 0.0,
             short_forms: dict[tuple[str, str, str], str] | None = None) -> nx.MultiDiGraph:
    """Resolve entities across all documents and build the one graph of the build
    (`short_forms`: see `resolve`)."""
    mentions: dict[str, list[Mention]] = {}
    facts: list[Fact] = []
    articles: list[Article] = []
    for result in documents:
        articles.extend(result.articles)
        mentions.update(result.mentions)
        facts.extend(f for f in result.facts if f.confidence >= min_confidence)
    resolution = resolve(mentions, facts, short_forms)
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

    short_forms: dict[tuple[str, str, str], str] = {}  # resolution's per-article part, done as documents arrive

    def arrived(index: int, outcome: DocumentResult | Failure, from_cache: bool = False) -> None:
        outcomes[index] = outcome
        if isinstance(outcome, DocumentResult):
            short_forms.update(local_long_forms(outcome.mentions))
        bar.advance(cached=from_cache, failed=isinstance(outcome, Failure))

    # Workers start on the documents to parse while this process reads the cached ones.
    tasks = [task(index) for index in keys if index not in cached]
    pools = [TaskPool(run_task, tasks, jobs, load_pipeline, (segmenter,))]
    try:
        for index in sorted(cached):
            hit = store.get(keys[index])
            if isinstance(hit, DocumentResult | Failure):
                arrived(index, hit, from_cache=True)
            else:  # unreadable after all (torn, foreign): parse it too
                tasks.append(task(index))
                pools.append(TaskPool(run_task, [tasks[-1]], 1, load_pipeline, (segmenter,)))
        read = time.perf_counter()
        for pool in pools:
            for index, outcome in pool:
                arrived(index, outcome)
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
    graph = assemble(documents, min_confidence, short_forms)
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
