"""Write a build's exports and validate them, timing each stage.

For a corpus the exports cost as much as a fifth of the build: the RDF dataset is made
once and shared by every format and by SHACL validation, and with two or more jobs the
validation (the slowest stage) runs in a separate process while the files are written.
After an incremental build only the part of the graph the re-processed documents contribute
is validated (`validate_documents`): the cached documents' parts were validated when built.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import networkx as nx

from ..export.html import write_html
from ..export.rdf import FILE_NAMES, RdfData, rdf_data, serialize, write_rdf
from ..io import atomic_write


def _check(data: RdfData, documents: set[str] | None) -> tuple[bool, str]:
    """SHACL validation of the whole build (documents None) or of what `documents` contribute."""
    from ..export.shacl import document_scope, validate

    return validate(data if documents is None else document_scope(data, documents))


def _validate(graph: nx.MultiDiGraph, base: str, documents: set[str] | None) -> tuple[bool, str, float]:
    """In the validation process: (conforms, report, seconds)."""
    started = time.perf_counter()
    conforms, report = _check(rdf_data(graph, base), documents)
    return conforms, report, time.perf_counter() - started


def write_exports(graph: nx.MultiDiGraph, out: Path, formats: list[str], base: str, title: str,
                  validate: bool, jobs: int, validate_documents: set[str] | None = None,
                  ) -> tuple[list[Path], dict[str, float], tuple[bool, str] | None]:
    """(files written, seconds per stage, (conforms, report) or None when not validated).

    `validate_documents`: validate only what these documents contribute (BuildResult.validation_scope());
    None validates everything.
    """
    seconds: dict[str, float] = {}
    background = None
    executor = None
    if validate and jobs > 1:
        executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver"),
                                       initializer=signal.signal, initargs=(signal.SIGINT, signal.SIG_IGN))
        background = executor.submit(_validate, graph, base, validate_documents)
    try:
        written: list[Path] = []
        rdf_formats = [f for f in formats if f not in ("html", "graphml")]
        data = None
        if rdf_formats or (validate and background is None):
            mark = time.perf_counter()
            data = rdf_data(graph, base)
            seconds["to_rdf"] = time.perf_counter() - mark
        for fmt in formats:
            mark = time.perf_counter()
            if fmt == "html":
                written.append(write_html(graph, out / "graph.html", title=title))
            elif fmt == "graphml":
                written.extend(write_rdf(graph, out, ["graphml"], base))
            else:
                path = out / FILE_NAMES[fmt]
                atomic_write(path, serialize(data, fmt, base))
                written.append(path)
            seconds[fmt] = time.perf_counter() - mark
        result = None
        if background is not None:
            mark = time.perf_counter()
            conforms, report, spent = background.result()
            seconds["validate"] = spent
            seconds["validate_wait"] = time.perf_counter() - mark
            result = conforms, report
        elif validate:
            mark = time.perf_counter()
            result = _check(data, validate_documents)
            seconds["validate"] = time.perf_counter() - mark
        return written, seconds, result
    except BaseException:
        if executor is not None:  # interrupted: do not wait for the validation at exit
            for process in list(getattr(executor, "_processes", {}).values()):
                process.terminate()
        raise
    finally:
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
