"""THUCNews articles annotated by hand to the guide: build them, score them, hold the floor.

Each gold file tests/data/thucnews/line-<N>.gold.json names line N (1-based) of
../shared/datasets/thucnews_cnews1000/cnews1000.txt ("category<TAB>text"); the text is
written to line-<N>.txt and built. The dump does not separate the heading from the body,
so each Article is optional and named by the title judged right, with the build's
fallback name line-<N> as alias: author/publisher are then scored on the byline, not on
where the title is cut. The thresholds are the current pipeline's scores
minus a little (FLOOR): raise them as extraction improves, up to the issue's TARGET.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_path

from kg.build import build
from kg.evaluate import evaluate, format_scores
from kg.export.rdf import write_rdf

GOLD = sorted((Path(__file__).parent / "data" / "thucnews").glob("line-*.gold.json"))
TARGET = {"entities": 0.85, "relations": 0.75}  # the goal
FLOOR = {"entities": 0.77, "relations": 0.66}  # measured 0.800 and 0.701: raise as extraction improves

pytestmark = pytest.mark.shared


def _lines() -> list[str]:
    path = shared_path("datasets", "thucnews_cnews1000", "cnews1000.txt")
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    lines = _lines()
    src = tmp_path_factory.mktemp("thucnews")
    for gold in GOLD:
        n = json.loads(gold.read_text(encoding="utf-8"))["line"]
        category, text = lines[n - 1].split("\t", 1)
        assert category in ("科技", "财经"), f"{gold.name}: line {n} is {category}, not the annotated article"
        (src / f"line-{n}.txt").write_text(text + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("thucnews-build")
    result = build([src])
    assert not result.errors
    write_rdf(result.graph, out, ["ttl"])
    return evaluate(GOLD, out)


def test_gold_files_name_their_lines():
    assert len(GOLD) >= 12
    for gold in GOLD:
        data = json.loads(gold.read_text(encoding="utf-8"))
        assert data["document"] == f"line-{data['line']}.txt" == gold.name.replace(".gold.json", ".txt")


def test_every_gold_document_is_scored(scores):
    assert len(scores.documents) == len(GOLD)
    assert scores.entities.tp > 0 and scores.micro.tp > 0


def test_entity_f1_floor(scores):
    print(format_scores(scores, verbose=True))
    assert scores.entities.f1 >= FLOOR["entities"], format_scores(scores)


def test_relation_f1_floor(scores):
    assert scores.micro.f1 >= FLOOR["relations"], format_scores(scores)
