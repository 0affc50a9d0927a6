"""Run documents through a pool of worker processes, each loading the NLP pipeline once.

Workers come from a forkserver: a clean process that never loaded LAC, so no
onnxruntime state is ever forked mid-use (it imports spaCy and kg's components once,
and every worker forks from it). Workers ignore SIGINT: Ctrl-C reaches the main
process, which terminates the pool; what workers finished is already cached.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from multiprocessing import forkserver
from typing import Any

# What the forkserver imports before forking workers: paid once, not once per worker.
PRELOAD = ["kg.process", "kg.nlp.pipeline", "kg.extract"]


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def chunk_size(tasks: int, jobs: int) -> int:
    """Big enough to amortise IPC, small enough that workers finish together and progress moves."""
    return max(1, min(8, tasks // (jobs * 8)))


def warm_up() -> None:
    """Start the forkserver now: it imports PRELOAD (spaCy: about a second) while the caller
    still reads its inputs and cache, so workers fork from a ready server when they are needed."""
    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
    forkserver.ensure_running()


def _init_worker(initializer: Callable[..., Any] | None, initargs: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)


class TaskPool:
    """func(task) for every task, yielded in completion order by iterating.

    With jobs > 1 the workers start at construction, so the caller can do other work
    (read the cache) while they load the pipeline; with jobs 1 the tasks run in this
    process as the caller iterates. Closing the pool (or an exception or Ctrl-C while
    iterating) terminates the workers.
    """

    def __init__(self, func: Callable[[Any], Any], tasks: Sequence[Any], jobs: int,
                 initializer: Callable[..., Any] | None = None, initargs: tuple = ()) -> None:
        self.func, self.tasks = func, list(tasks)
        self.initializer, self.initargs = initializer, initargs
        self._pool = None
        self._results: Iterator[Any] | None = None
        self._error: BaseException | None = None
        self._starting: threading.Thread | None = None
        if jobs > 1 and self.tasks:
            # Starting the forkserver blocks until it has imported PRELOAD: do it on a thread.
            self._starting = threading.Thread(target=self._start, args=(min(jobs, len(self.tasks)),), daemon=True)
            self._starting.start()

    def _start(self, workers: int) -> None:
        try:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            self._pool = context.Pool(workers, initializer=_init_worker, initargs=(self.initializer, self.initargs))
            self._results = self._pool.imap_unordered(self.func, self.tasks, chunk_size(len(self.tasks), workers))
        except BaseException as error:  # re-raised in the iterating thread
            self._error = error

    def __iter__(self) -> Iterator[Any]:
        try:
            if self._starting is not None:
                self._starting.join()
                if self._error is not None:
                    raise self._error
                yield from self._results
            elif self.tasks:
                if self.initializer is not None:
                    self.initializer(*self.initargs)
                for task in self.tasks:
                    yield self.func(task)
        finally:
            self.close()

    def close(self) -> None:
        if self._starting is not None:
            self._starting.join()
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
