"""Write a build's exports and validate them, timing each stage.

For a corpus the exports cost as much as a fifth of the build: the RDF dataset is made
once and shared by every format and by SHACL validation, and with two or more jobs the
validation (the slowest stage) runs in a separate process while the files are written.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import networkx as nx

from ..export.html import write_html
from ..export.rdf import FILE_NAMES, serialize, to_rdf, write_rdf
from ..io import atomic_write


def _validate(graph: nx.MultiDiGraph, base: str) -> tuple[bool, str, float]:
    """SHACL validation of the build's RDF: (conforms, report, seconds)."""
    from ..export.shacl import validate

    started = time.perf_counter()
    conforms, report = validate(to_rdf(graph, base))
    return conforms, report, time.perf_counter() - started


def write_exports(graph: nx.MultiDiGraph, out: Path, formats: list[str], base: str, title: str,
                  validate: bool, jobs: int) -> tuple[list[Path], dict[str, float], tuple[bool, str] | None]:
    """(files written, seconds per stage, (conforms, report) or None when not validated)."""
    seconds: dict[str, float] = {}
    background = None
    executor = None
    if validate and jobs > 1:
        executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver"),
                                       initializer=signal.signal, initargs=(signal.SIGINT, signal.SIG_IGN))
        background = executor.submit(_validate, graph, base)
    try:
        written: list[Path] = []
        rdf_formats = [f for f in formats if f not in ("html", "graphml")]
        dataset = None
        if rdf_formats or (validate and background is None):
            mark = time.perf_counter()
            dataset = to_rdf(graph, base)
            seconds["to_rdf"] = time.perf_counter() - mark
        for fmt in formats:
            mark = time.perf_counter()
            if fmt == "html":
                written.append(write_html(graph, out / "graph.html", title=title))
            elif fmt == "graphml":
                written.extend(write_rdf(graph, out, ["graphml"], base))
            else:
                path = out / FILE_NAMES[fmt]
                atomic_write(path, serialize(dataset, fmt, base))
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
            from ..export.shacl import validate as shacl_validate

            mark = time.perf_counter()
            result = shacl_validate(dataset)
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
