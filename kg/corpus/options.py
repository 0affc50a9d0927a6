"""How a build reads its inputs: light on purpose, the CLI needs it before anything heavy loads."""

from __future__ import annotations

from dataclasses import dataclass

LAYOUTS = ("auto", "page", "html", "jsonl", "tsv")
DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Options:
    """How to read the inputs; every field that changes a document's result is part of its cache key."""

    layout: str = "auto"
    text_field: str = "text"
    id_field: str | None = None
    title_field: str = "title"
    max_bytes: int = DEFAULT_MAX_BYTES
