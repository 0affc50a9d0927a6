"""Run documents through a pool of worker processes, each loading the NLP pipeline once.

Workers come from a forkserver: a clean process that never loaded LAC, so no
onnxruntime state is ever forked mid-use. Workers ignore SIGINT: Ctrl-C reaches the
main process, which terminates the pool; what workers finished is already cached.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def chunk_size(tasks: int, jobs: int) -> int:
    """Big enough to amortise IPC, small enough that workers finish together and progress moves."""
    return max(1, min(8, tasks // (jobs * 8)))


def _init_worker(initializer: Callable[..., Any] | None, initargs: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)


def map_unordered(
    func: Callable[[Any], Any],
    tasks: Sequence[Any],
    jobs: int,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple = (),
) -> Iterator[Any]:
    """func(task) for every task, in completion order; in this process when jobs is 1.

    Closing the iterator early (an exception, Ctrl-C in the consumer) terminates the pool.
    """
    if not tasks:
        return
    if jobs <= 1 or len(tasks) == 1:
        if initializer is not None:
            initializer(*initargs)
        for task in tasks:
            yield func(task)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kg.build"])
    workers = min(jobs, len(tasks))
    with context.Pool(workers, initializer=_init_worker, initargs=(initializer, initargs)) as pool:
        yield from pool.imap_unordered(func, tasks, chunk_size(len(tasks), workers))
