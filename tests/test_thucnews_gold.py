"""THUCNews articles annotated by hand to the guide: build them, score them, hold the floor.

Two sets, each gold file tests/data/<set>/line-<N>.gold.json naming line N (1-based) of
../shared/datasets/thucnews_cnews1000/cnews1000.txt ("category<TAB>text"); the text is
written to line-<N>.txt and built.
- thucnews: the development set (24 articles), studied to improve extraction.
- thucnews_heldout: 8 articles annotated without looking at kg's output and never used to
  change a rule (its README): the honest estimate of how kg does on unseen articles.
- thucnews_topics: 10 articles from other desks (房产, 家居, 教育, 时政, 游戏, 财经), annotated
  independently; scored unseen once, then studied like the development set (its README).
- thucnews_heldout_topics: 10 more such articles, held out like thucnews_heldout.
The dump does not separate the heading from the body, so each Article is optional and named
by the title judged right, with the build's fallback name line-<N> as alias: author/publisher
are then scored on the byline, not on where the title is cut. The floors are the current
pipeline's scores minus a little: raise them as extraction improves, up to the issue's TARGET.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_path

from kg.build import build
from kg.evaluate import evaluate, format_scores
from kg.export.rdf import write_rdf

DATA = Path(__file__).parent / "data"
TARGET = {"entities": 0.85, "relations": 0.75}  # the goal
FLOOR = {  # measured: dev 0.874 / 0.931, held-out 0.697 / 0.500, topics 0.820 / 0.832, held-out topics 0.714 / 0.548
    "thucnews": {"entities": 0.85, "relations": 0.90},
    "thucnews_heldout": {"entities": 0.68, "relations": 0.47},
    "thucnews_topics": {"entities": 0.80, "relations": 0.80},
    "thucnews_heldout_topics": {"entities": 0.69, "relations": 0.52},
}
SIZE = {"thucnews": 24, "thucnews_heldout": 8, "thucnews_topics": 10, "thucnews_heldout_topics": 10}
CATEGORIES = {"thucnews": ("科技", "财经"), "thucnews_heldout": ("科技", "财经"),
              "thucnews_topics": ("房产", "家居", "教育", "时政", "游戏", "财经"),
              "thucnews_heldout_topics": ("房产", "家居", "教育", "时政", "游戏")}

pytestmark = pytest.mark.shared


def gold_files(name: str) -> list[Path]:
    return sorted((DATA / name).glob("line-*.gold.json"))


@pytest.fixture(scope="module", params=sorted(FLOOR))
def scored(request, tmp_path_factory):
    """(set name, scores) for each set."""
    name = request.param
    lines = shared_path("datasets", "thucnews_cnews1000", "cnews1000.txt").read_text(encoding="utf-8").splitlines()
    src = tmp_path_factory.mktemp(name)
    for gold in gold_files(name):
        n = json.loads(gold.read_text(encoding="utf-8"))["line"]
        category, text = lines[n - 1].split("\t", 1)
        assert category in CATEGORIES[name], f"{gold.name}: line {n} is {category}, not the annotated article"
        (src / f"line-{n}.txt").write_text(text + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp(f"{name}-build")
    result = build([src])
    assert not result.errors
    write_rdf(result.graph, out, ["ttl"])
    return name, evaluate(gold_files(name), out)


@pytest.mark.parametrize("name", sorted(FLOOR))
def test_gold_files_name_their_lines(name):
    files = gold_files(name)
    assert len(files) == SIZE[name]
    for gold in files:
        data = json.loads(gold.read_text(encoding="utf-8"))
        assert data["document"] == f"line-{data['line']}.txt" == gold.name.replace(".gold.json", ".txt")


def test_the_sets_do_not_share_an_article():
    lines = {name: {json.loads(g.read_text(encoding="utf-8"))["line"] for g in gold_files(name)} for name in FLOOR}
    names = sorted(lines)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert not lines[a] & lines[b], (a, b)


def test_every_gold_document_is_scored(scored):
    name, scores = scored
    assert len(scores.documents) == SIZE[name]
    assert scores.entities.tp > 0 and scores.micro.tp > 0


def test_entity_f1_floor(scored):
    name, scores = scored
    print(name, format_scores(scores, verbose=name == "thucnews"))
    assert scores.entities.f1 >= FLOOR[name]["entities"], format_scores(scores)


def test_relation_f1_floor(scored):
    name, scores = scored
    assert scores.micro.f1 >= FLOOR[name]["relations"], format_scores(scores)
