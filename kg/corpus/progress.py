"""A one-line progress bar on stderr: documents done, documents/s and an ETA.

Drawn only on a terminal (a log file or a pipe gets the final summary alone), and at
most a few times a second so that redrawing never costs build time.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts finished documents; `enabled` False makes every call a no-op."""

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None,
                 interval: float = 0.2) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = total
        self.done = 0
        self.cached = 0
        self.failed = 0
        self.interval = interval
        self.started = time.perf_counter()
        self._drawn = 0.0

    def advance(self, cached: bool = False, failed: bool = False) -> None:
        self.done += 1
        self.cached += cached
        self.failed += failed
        now = time.perf_counter()
        if self.enabled and (now - self._drawn >= self.interval or self.done == self.total):
            self._drawn = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        """'[#####-----]  412/1000 docs  7.9 docs/s  ETA 1:14  (300 cached, 2 failed)'."""
        now = time.perf_counter() if now is None else now
        elapsed = max(now - self.started, 1e-9)
        processed = self.done - self.cached  # cache hits are instant: rate and ETA count real work
        rate = processed / elapsed
        left = self.total - self.done
        eta = _clock(left / rate) if rate > 0 else "--:--"
        width = 24
        filled = width * self.done // self.total if self.total else width
        extra = ", ".join(f"{n} {what}" for n, what in ((self.cached, "cached"), (self.failed, "failed")) if n)
        return (f"[{'#' * filled}{'-' * (width - filled)}] {self.done:>{len(str(self.total))}}/{self.total} docs"
                f"  {rate:.1f} docs/s  ETA {eta}" + (f"  ({extra})" if extra else ""))

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
