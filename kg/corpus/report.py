"""What a build did, for people (the summary) and for tools (DIR/build-report.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..io import atomic_write
from ..nlp import PIPELINE_VERSION

REPORT_NAME = "build-report.json"


@dataclass(frozen=True)
class Failure:
    """A document that could not be built; picklable, unlike InputError (its args differ from __init__'s)."""

    label: str
    reason: str


def report_data(result, graph_counts: dict[str, int], inputs: list[str], jobs: int, cache: str | None,
                seconds: dict[str, float], written: list[str]) -> dict:
    """The JSON-ready report of a build (`result` is a kg.build.BuildResult)."""
    return {
        "kg_version": __version__,
        "pipeline_version": PIPELINE_VERSION,
        "inputs": [str(i) for i in inputs],
        "jobs": jobs,
        "cache": cache,
        "documents": {
            "built": len(result.documents),
            "from_cache": result.cached,
            "processed": result.processed,
            "failed": len(result.errors),
        },
        "failures": [{"path": str(e.path), "reason": e.reason} for e in result.errors],
        "graph": graph_counts,
        "seconds": {k: round(v, 3) for k, v in seconds.items()},
        "written": written,
    }


def write_report(out: str | Path, data: dict) -> Path:
    """DIR/build-report.json, written atomically."""
    path = Path(out) / REPORT_NAME
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return path


def graph_counts(graph) -> dict[str, int]:
    """Articles, entities (filing records excluded) and relations of a build graph."""
    types = [d.get("type") for _, d in graph.nodes(data=True)]
    articles = sum(1 for t in types if t == "Article")
    entities = sum(1 for t in types if t not in ("Article", "PatentFiling"))
    return {"articles": articles, "entities": entities, "relations": graph.number_of_edges()}
