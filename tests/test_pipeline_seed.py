"""End to end on the seed page: the build meets the guide's bar, and the CLI answers questions."""

import pytest
from conftest import ROOT, shared_path

from kg.cli import main
from kg.evaluate import evaluate
from kg.model import PREDICATES


@pytest.fixture(scope="module")
def seed_scores(seed_build):
    out, _ = seed_build
    return evaluate([shared_path("annotation", "seed.gold.json")], out)


def test_entity_and_relation_f1_meet_the_bar(seed_scores):
    assert seed_scores.entities.f1 >= 0.90
    assert seed_scores.micro.f1 >= 0.85


def test_every_predicate_of_the_guide_is_found(seed_build):
    _, result = seed_build
    found = {d["predicate"] for *_, d in result.graph.edges(data=True)}
    assert set(PREDICATES) - {"datePublished"} <= found
    dates = {d.get("datePublished") for _, d in result.graph.nodes(data=True) if d["type"] == "Article"}
    assert "2024-02-22" in dates


def test_who_commented_on_the_product_with_which_quote(seed_build, capsys):
    out, _ = seed_build
    query = """
    PREFIX kg: <https://kg-news.org/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    SELECT ?who ?quote WHERE {
      ?s kg:commentsOn ?o . ?o rdfs:label "Sora"@zh . ?s rdfs:label ?who .
      ?st rdf:subject ?s ; rdf:predicate kg:commentsOn ; rdf:object ?o ; kg:quote ?quote .
    } ORDER BY ?who ?quote"""
    assert main(["query", query, "--data", str(out), "--format", "csv"]) == 0
    rows = capsys.readouterr().out
    assert "孔蓉,\"震撼,非常惊艳,超预期。\"" in rows
    assert "周鸿祎" in rows and "项立刚" in rows


def test_every_subcommand_has_help(capsys):
    for command in ("build", "query", "evaluate"):
        with pytest.raises(SystemExit) as exit_:
            main([command, "--help"])
        assert exit_.value.code == 0
        assert "usage: kg " + command in capsys.readouterr().out


def test_seed_input_is_the_committed_copy():
    assert (ROOT / "seeds" / "000_99323ac3ecb2cff0.txt").read_text(encoding="utf-8").startswith("\n\n# Sora")
