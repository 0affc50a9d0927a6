"""SPARQL over a build: the shipped queries answer exactly, errors say what is wrong."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from kg.export.rdf import write_rdf
from kg.query import QueryError, QueryResult, display_width, format_result, run_query

QUERIES = Path(__file__).resolve().parent.parent / "queries"
ACME = "ACME公司<img src=x onerror=alert(1)>"
EXPECTED = {
    "comments.rq": (["speaker", "target", "quote", "stance", "article"],
                    [("张三", "产品X", "很好!</script>", "positive", "测试<b>标题</b> href")]),
    "rankings.rq": (["ranking", "organization", "tier", "rank"], [("测试50强", ACME, "领军者", "3")]),
    "patents.rq": (["organization", "count", "year", "growthRate", "scope"],
                   [(ACME, "46000", "2023", "1.67", "海外")]),
    "positions.rq": (["person", "role", "organization"],
                     [("张三", "创始人", ACME), ("张三", "董事长", ACME)]),
    "entities.rq": (["name", "type", "mentions", "articles"], [
        ("北京", "Location", "1", "1"), (ACME, "Organization", "3", "1"),
        ("测试日报", "Organization", "1", "1"), ("张三", "Person", "2", "1"), ("李四", "Person", "1", "1"),
        ("产品X", "Product", "1", "1"), ("测试50强", "Ranking", "1", "1")]),
    "releases.rq": (["organization", "action", "work", "type", "date", "article"],
                    [(ACME, "releases", "产品X", "Product", "2024-02-16", "测试<b>标题</b> href")]),
    "articles.rq": (["document", "title", "date", "author", "publisher"],
                    [("doc.txt", "测试<b>标题</b> href", "2024-02-22", "李四", "测试日报")]),
    "organizations.rq": (["organization", "relation", "other"], [(ACME, "locatedIn", "北京")]),
    "documents.rq": (["document", "graph", "articles", "entities", "statements"],
                     [("doc.txt", "https://kg-news.org/id/document/doc.txt", "1", "7", "8")]),
}
SENTENCE = "“很好!”某公司创始人张三表示。"
ENTITY_ROWS = [  # entity.rq asked about 张三 (--bind name=张三)
    ("张三", "->", "commentsOn", "产品X", "很好!</script>", "positive", None, None, None, None, "0.9", "test",
     SENTENCE, "测试<b>标题</b> href"),
    ("张三", "->", "holdsPositionAt", ACME, None, None, "创始人", None, None, None, "0.9", "test",
     SENTENCE, "测试<b>标题</b> href"),
    ("张三", "->", "holdsPositionAt", ACME, None, None, "董事长", None, None, None, "0.9", "test",
     SENTENCE, "测试<b>标题</b> href"),
]


@pytest.fixture
def build(small_graph, tmp_path) -> Path:
    write_rdf(small_graph, tmp_path, formats=("ttl", "nt", "trig", "nq", "jsonld"))
    return tmp_path


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_shipped_queries(build, name):
    text = (QUERIES / name).read_text(encoding="utf-8")
    assert text.startswith("#"), "each query says what it answers"
    result = run_query(QUERIES / name, build)
    assert (result.variables, result.rows) == EXPECTED[name]


def test_entity_query_with_another_name(build):
    assert run_query(QUERIES / "entity.rq", build, bindings={"name": "张三"}).rows == ENTITY_ROWS


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "nq", "jsonld"])
def test_every_export_format_answers_alike(build, fmt):
    result = run_query(str(QUERIES / "positions.rq"), build / f"graph.{fmt}")
    assert (result.variables, result.rows) == EXPECTED["positions.rq"]


def test_rdflib_fallback_answers_alike(build, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyoxigraph", None)  # import fails: rdflib answers
    for name in ("comments.rq", "positions.rq", "patents.rq"):
        result = run_query(QUERIES / name, build)
        assert (result.variables, result.rows) == EXPECTED[name]
    assert run_query("ASK { ?s ?p ?o }", build).rows == [("true",)]


def test_named_graph_per_document(build):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert run_query(query, build / "graph.trig").rows == [("https://kg-news.org/id/document/doc.txt",)]


def test_ask_construct_and_unbound(build):
    assert run_query("ASK { ?s ?p ?o }", build).rows == [("true",)]
    construct = run_query("PREFIX kg: <https://kg-news.org/ontology#> "
                          "CONSTRUCT { ?s kg:x ?o } WHERE { ?s kg:ranksIn ?o }", build)
    assert construct.variables == ["subject", "predicate", "object"]
    assert construct.rows == [("https://kg-news.org/id/org/acme", "https://kg-news.org/ontology#x",
                               "https://kg-news.org/id/ranking/r")]
    unbound = run_query("SELECT ?a ?b WHERE { BIND(1 AS ?a) }", build)
    assert unbound.rows == [("1", None)]


def test_missing_data_names_the_path(tmp_path):
    with pytest.raises(QueryError, match="nowhere"):
        run_query("ASK {}", tmp_path / "nowhere")
    with pytest.raises(QueryError, match="no RDF export"):
        run_query("ASK {}", tmp_path)


def test_missing_query_file_names_the_path(build):
    with pytest.raises(QueryError, match="missing.rq"):
        run_query("missing.rq", build)


@pytest.mark.parametrize("engine", ["pyoxigraph", "rdflib"])
def test_syntax_error_gives_position(build, monkeypatch, engine):
    if engine == "rdflib":
        monkeypatch.setitem(sys.modules, "pyoxigraph", None)
    with pytest.raises(QueryError) as info:
        run_query("SELECT * WHERE {\n  ?s ?p ?o .\n  FILTR(?s) }", build)
    message = str(info.value)
    assert "syntax error" in message
    assert "3" in message  # the line of the error


def test_table_aligns_wide_characters():
    result = QueryResult(["name", "n"], [("张三", "1"), ("ACME", "22"), (None, "3")])
    text = format_result(result)
    lines = text.splitlines()
    assert lines[-1] == "(3 rows)"
    rows = zip(lines[2:5], ("1", "22", "3"), strict=True)
    starts = {display_width(line[: line.index(n)]) for line, n in rows}
    assert len(starts) == 1  # the second column starts at the same terminal column
    assert display_width("张三") == 4


def test_csv_and_json():
    result = QueryResult(["a", "b"], [("x,\"y\"", "多\n行"), ("z", None)])
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows == [["a", "b"], ["x,\"y\"", "多\n行"], ["z", ""]]
    data = json.loads(format_result(result, "json"))
    assert data == {"variables": ["a", "b"], "rows": [{"a": "x,\"y\"", "b": "多\n行"}, {"a": "z", "b": None}]}
    with pytest.raises(ValueError):
        format_result(result, "xml")


# --- the on-disk store (kg/store.py) ---------------------------------------------------------


def _stores(build: Path) -> list[Path]:
    return sorted((build / ".store").iterdir())


def test_store_is_built_once_and_reused(build, monkeypatch):
    from kg import store

    first = run_query(QUERIES / "positions.rq", build)
    [made] = _stores(build)
    assert made.name.startswith("graph.trig-")
    loads = []
    monkeypatch.setattr(store, "_build", lambda *a: loads.append(a))
    assert run_query(QUERIES / "positions.rq", build).rows == first.rows
    assert loads == [] and _stores(build) == [made]


def test_store_is_rebuilt_when_the_build_changes(build, small_graph):
    run_query("ASK { ?s ?p ?o }", build)
    [old] = _stores(build)
    small_graph.remove_edges_from([(u, v, k) for u, v, k, d in small_graph.edges(keys=True, data=True)
                                   if d["predicate"] == "holdsPositionAt"])
    write_rdf(small_graph, build, formats=("trig",))
    assert run_query(QUERIES / "positions.rq", build).rows == []
    [new] = _stores(build)
    assert new != old  # the stale store is gone


def test_concurrent_queries_share_one_store(build):
    import subprocess

    code = ("import sys; from kg.query import run_query; "
            f"sys.exit(0 if len(run_query({str(QUERIES / 'entities.rq')!r}, {str(build)!r}).rows) == 7 else 1)")
    procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(4)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0, 0]
    assert len(_stores(build)) == 1
    assert not [p for p in (build / ".store").iterdir() if p.name.startswith("tmp-")]


def test_unwritable_folder_falls_back_to_memory(build, monkeypatch):
    from kg import store

    def refuse(*_):
        raise PermissionError("read-only folder")

    monkeypatch.setattr(store, "_build", refuse)
    assert run_query(QUERIES / "positions.rq", build).rows == EXPECTED["positions.rq"][1]
    assert not (build / ".store").exists()


def test_engines(build):
    for engine in ("oxigraph", "memory", "rdflib"):
        assert run_query(QUERIES / "positions.rq", build, engine=engine).rows == EXPECTED["positions.rq"][1]
    with pytest.raises(QueryError, match="unknown engine"):
        run_query("ASK {}", build, engine="jena")


def test_broken_rdf_names_the_file(tmp_path):
    (tmp_path / "graph.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(QueryError, match="graph.ttl"):
        run_query("ASK {}", tmp_path)


# --- bad input through the command line --------------------------------------------------------


def test_cli_syntax_error_prints_the_position(build, capsys):
    from kg.cli import main

    assert main(["query", "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTR(?s) }", "--data", str(build)]) != 0
    err = capsys.readouterr().err
    assert "SPARQL syntax error at line 3, column" in err


def test_cli_missing_data_names_the_path(tmp_path, capsys):
    from kg.cli import main

    missing = tmp_path / "no-build-here"
    assert main(["query", str(QUERIES / "comments.rq"), "--data", str(missing)]) != 0
    assert str(missing) in capsys.readouterr().err
    assert main(["query", str(tmp_path / "gone.rq"), "--data", str(tmp_path)]) != 0
    assert "gone.rq" in capsys.readouterr().err
