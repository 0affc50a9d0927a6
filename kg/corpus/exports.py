"""Write a build's exports and validate them, timing each stage.

For a corpus the exports cost as much as a fifth of the build: the RDF dataset is made
once and shared by every format and by SHACL validation, and with two or more jobs the
validation (the slowest stage) runs in a separate process while the files are written.
After an incremental build only the part of the graph the re-processed documents contribute
is validated (`validate_documents`): the cached documents' parts were validated when built.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import networkx as nx

from ..export.html import write_html
from ..export.rdf import FILE_NAMES, RdfData, rdf_data, serialize_formats, trig_named_text, write_rdf
from ..graph import document_subgraph
from ..io import atomic_write


def _check(data: RdfData, documents: set[str] | None) -> tuple[bool, str]:
    """SHACL validation of the whole build (documents None) or of what `documents` contribute."""
    from ..export.shacl import document_scope, validate

    return validate(data if documents is None else document_scope(data, documents))


def _validate(graph: nx.MultiDiGraph, base: str, documents: set[str] | None) -> tuple[bool, str, float]:
    """In the validation process: (conforms, report, seconds). `graph` may be the documents' subgraph."""
    started = time.perf_counter()
    conforms, report = _check(rdf_data(graph, base), documents)
    return conforms, report, time.perf_counter() - started


def write_exports(graph: nx.MultiDiGraph, out: Path, formats: list[str], base: str, title: str,
                  validate: bool, jobs: int, validate_documents: set[str] | None = None,
                  validator: Validator | None = None) -> tuple[list[Path], dict[str, float], tuple[bool, str] | None]:
    """(files written, seconds per stage, (conforms, report) or None when not validated).

    `validate_documents`: validate only what these documents contribute (BuildResult.validation_scope());
    None validates everything. With jobs > 1 the HTML and all RDF formats but the first are
    written by forked children (the graph is shared copy-on-write, not pickled) while this
    process writes the first, and validation runs in `validator`'s process (one of its own when None).
    """
    seconds: dict[str, float] = {}
    background = None
    own = None
    children: list[_Child] = []
    parallel = jobs > 1 and _can_fork()
    if validate and jobs > 1:
        validator = validator or (own := Validator())
        # Only the re-processed documents' part travels to the validation process, not the corpus.
        part = graph if validate_documents is None else document_subgraph(graph, validate_documents)
        background = validator.submit(part, base, validate_documents)
    try:
        rdf_formats = [f for f in formats if f not in ("html", "graphml")]
        if parallel and "html" in formats:  # needs no RDF: start it first
            children.append(_Child(["html"], lambda _: write_html(graph, out / "graph.html", title=title)))
        data = None
        if rdf_formats or (validate and background is None):
            mark = time.perf_counter()
            data = rdf_data(graph, base)
            seconds["to_rdf"] = time.perf_counter() - mark
        # This process writes the first RDF format (and TriG with Turtle: they share their default
        # graph's formatting, cheaper than a second process redoing it); a child writes the others.
        here = rdf_formats[:1]
        if here and {"ttl", "trig"} <= {*rdf_formats} and here[0] in ("ttl", "trig"):
            here.append("trig" if here[0] == "ttl" else "ttl")
        if parallel and (rest := [f for f in rdf_formats if f not in here]):
            rest_texts = serialize_formats(data, rest, base)  # consumed in the child
            children.append(_Child(rest, lambda fmt: atomic_write(out / FILE_NAMES[fmt], next(rest_texts)[1])))
        trig_named = None
        if parallel and len(here) == 2:  # TriG's named graphs are formatted by a child meanwhile
            named = _Child(["trig_named"], lambda _: trig_named_text(data, base))
            children.append(named)
            trig_named = named.text_of("trig_named")
        forked = {fmt for child in children for fmt in child.formats}
        local = [fmt for fmt in formats if fmt not in forked]
        texts = serialize_formats(data, [f for f in local if f in rdf_formats], base, trig_named) if data else iter(())
        for fmt in local:
            mark = time.perf_counter()
            if fmt == "html":
                write_html(graph, out / "graph.html", title=title)
            elif fmt == "graphml":
                write_rdf(graph, out, ["graphml"], base)
            else:
                name, text = next(texts)
                atomic_write(out / FILE_NAMES[name], text)
            seconds[fmt] = time.perf_counter() - mark
        for child in children:
            seconds.update(child.wait())
        written = [out / ("graph.html" if fmt == "html" else FILE_NAMES[fmt]) for fmt in formats]
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
        for child in children:
            child.kill()
        if background is not None:  # interrupted: do not wait for the validation at exit
            validator.close(kill=True)
        raise
    finally:
        if own is not None:
            own.close()


class Validator:
    """SHACL validation in a process of its own, beside the export writers (jobs > 1).

    Start it when the build starts: the process forks from the workers' forkserver (on a thread:
    the server first imports the pipeline) and imports pyshacl while documents are parsed, so a
    rebuild that re-processes one document does not pay for that import among its exports.
    """

    def __init__(self) -> None:
        self._executor: ProcessPoolExecutor | None = None
        self._error: BaseException | None = None
        self._starting = threading.Thread(target=self._start, daemon=True)
        self._starting.start()

    def _start(self) -> None:
        try:
            self._executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver"),
                                                 initializer=_background)
            self._executor.submit(_import_validation)
        except BaseException as error:  # re-raised by submit
            self._error = error

    def submit(self, graph: nx.MultiDiGraph, base: str, documents: set[str] | None) -> Future:
        """The future (conforms, report, seconds) of validating `graph` (or `documents`' part of it)."""
        self._starting.join()
        if self._error is not None:
            raise self._error
        return self._executor.submit(_validate, graph, base, documents)

    def close(self, kill: bool = False) -> None:
        """Let the process end; `kill`: end it now, mid-validation (an interrupted build)."""
        self._starting.join()
        if self._executor is None:
            return
        if kill:
            for process in list(getattr(self._executor, "_processes", {}).values()):
                process.terminate()
        self._executor.shutdown(wait=False, cancel_futures=True)


def _import_validation() -> None:
    import pyshacl  # noqa: F401  (slow to import: done before the build needs it)


def _background() -> None:
    """The validation process: Ctrl-C is the main process's to handle, and it yields the CPU to
    the export writers, which the build waits for first (on two cores they would share it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.nice(5)


def _can_fork() -> bool:
    """Forking is safe unless this process runs onnxruntime (LAC) threads: then one process writes all."""
    return hasattr(os, "fork") and "onnxruntime" not in sys.modules


class _Child:
    """A forked process running write(fmt) for each format; `wait` returns their seconds or raises.
    A write that returns a string sends it back: `texts[fmt]` after `wait`."""

    def __init__(self, formats: list[str], write: Callable[[str], object]) -> None:
        self.formats = formats
        self.texts: dict[str, str] = {}
        self._seconds: dict[str, float] | None = None
        read, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: write, report, leave without running the parent's exit handlers
            os.close(read)
            status, message = 0, ""
            try:
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                spent, texts = {}, {}
                for fmt in formats:
                    mark = time.perf_counter()
                    value = write(fmt)
                    if isinstance(value, str):
                        texts[fmt] = value
                    spent[fmt] = time.perf_counter() - mark
                message = json.dumps({"seconds": spent, "texts": texts}, ensure_ascii=False)
            except BaseException as error:
                status, message = 1, f"{type(error).__name__}: {error}"
            finally:
                with os.fdopen(write_end, "wb") as pipe:  # all of it, however long
                    pipe.write(message.encode("utf-8", "replace"))
                os._exit(status)
        os.close(write_end)
        self.read = read

    def text_of(self, fmt: str) -> Callable[[], str]:
        """A function that waits for the child and returns what its write of `fmt` returned."""
        def text() -> str:
            self.wait()
            return self.texts[fmt]

        return text

    def wait(self) -> dict[str, float]:
        if self._seconds is not None:
            return self._seconds
        with os.fdopen(self.read, "rb") as pipe:
            message = pipe.read().decode("utf-8", "replace")
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if status != 0:
            raise OSError(f"writing {', '.join(self.formats)} failed: {message or f'exit status {status}'}")
        result = json.loads(message)
        self.texts, self._seconds = result["texts"], result["seconds"]
        return self._seconds

    def kill(self) -> None:
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.pid = 0
