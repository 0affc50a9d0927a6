"""The seed build in a real triple store: the Oxigraph server, over HTTP, standard library only.

Uploads through the Graph Store Protocol (the default graph and one named graph per document),
asks every shipped query through the SPARQL protocol and expects the rows `kg query` gives, then
replaces one document's named graph and checks that nothing else changed.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_queries_seed import BINDINGS

from kg.export.rdf import DEFAULT_BASE, document_iri, to_rdf, write_rdf
from kg.query import bind, run_query

pytestmark = pytest.mark.server

QUERIES = Path(__file__).resolve().parent.parent / "queries"
TIMEOUT = 30  # seconds, for each HTTP request and for the server to start or stop
SEED_DOC = "000_99323ac3ecb2cff0.txt"


def _oxigraph_binary() -> str:
    """The CLI the `oxigraph` PyPI package installs beside the venv's python, else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A running `oxigraph serve` on loopback, with the few HTTP calls the tests need."""

    def __init__(self, url: str) -> None:
        self.url = url

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> bytes:
        req = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})
        with urllib.request.urlopen(req, timeout=TIMEOUT) as response:
            return response.read()

    def put_graph(self, graph: str | None, ntriples: bytes) -> None:
        """Graph Store Protocol PUT: replace the default graph or one named graph."""
        target = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
        self.request("PUT", f"/store?{target}", ntriples, {"Content-Type": "application/n-triples"})

    def select(self, query: str) -> tuple[list[str], list[tuple]]:
        """SPARQL protocol POST; rows as `kg query` gives them (lexical forms, IRI text)."""
        body = self.request("POST", "/query", query.encode("utf-8"), {
            "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
        answer = json.loads(body)
        variables = answer["head"]["vars"]

        def text(term):
            if term is None:
                return None
            return f"_:{term['value']}" if term["type"] == "bnode" else term["value"]

        return variables, [tuple(text(b.get(v)) for v in variables) for b in answer["results"]["bindings"]]

    def graph_terms(self, graph: str | None) -> set[tuple]:
        """Every triple of one graph, as comparable JSON terms."""
        where = "{ ?s ?p ?o }" if graph is None else f"{{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        body = self.request("POST", "/query", f"SELECT ?s ?p ?o WHERE {where}".encode(), {
            "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
        rows = json.loads(body)["results"]["bindings"]
        return {tuple(json.dumps(row[v], sort_keys=True) for v in ("s", "p", "o")) for row in rows}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    location = tmp_path_factory.mktemp("oxigraph-db")
    port = _free_port()
    log = (location.parent / "oxigraph.log").open("wb")
    proc = subprocess.Popen([_oxigraph_binary(), "serve", "--location", str(location),
                             "--bind", f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
    srv = Server(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"oxigraph serve exited with {proc.returncode}; see {log.name}")
            try:
                srv.request("GET", "/query?query=" + urllib.parse.quote("ASK {}"))
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not answer within {TIMEOUT} s")
                time.sleep(0.1)
        yield srv
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=TIMEOUT)
        log.close()


def _graphs_of(path: Path) -> dict[str | None, bytes]:
    """The N-Quads export split into N-Triples per graph (None: the default graph)."""
    quads: dict[str | None, list] = {}
    for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        name = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        quads.setdefault(name, []).append(ox.Triple(q.subject, q.predicate, q.object))
    return {name: ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) for name, triples in quads.items()}


@pytest.fixture(scope="module")
def loaded(server, seed_build):
    out_dir, _ = seed_build
    graphs = _graphs_of(out_dir / "graph.nq")
    started = time.perf_counter()
    for name, data in sorted(graphs.items(), key=lambda item: item[0] or ""):
        server.put_graph(name, data)
    seconds = time.perf_counter() - started
    triples = sum(data.count(b"\n") for data in graphs.values())
    print(f"\nloaded the seed build into oxigraph serve: {len(graphs)} graphs, {triples} triples "
          f"in {seconds:.3f} s")
    return server, graphs


def test_upload_keeps_every_graph(loaded):
    server, graphs = loaded
    assert set(graphs) == {None, DEFAULT_BASE + "document/" + SEED_DOC}
    _, rows = server.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert rows == [(DEFAULT_BASE + "document/" + SEED_DOC, str(graphs[rows[0][0]].count(b"\n")))]
    _, [(count,)] = server.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(count) == graphs[None].count(b"\n")


@pytest.mark.parametrize("name", sorted(p.name for p in QUERIES.glob("*.rq")))
def test_every_query_answers_as_kg_query(loaded, seed_build, name):
    server, _ = loaded
    out_dir, _ = seed_build
    bindings = BINDINGS.get(name)
    local = run_query(QUERIES / name, out_dir, bindings=bindings)
    variables, rows = server.select(bind((QUERIES / name).read_text(encoding="utf-8"), bindings))
    assert variables == local.variables
    assert rows == local.rows
    assert rows, "every shipped query has an answer on the seed"


def test_replacing_one_document_changes_only_its_facts(loaded, seed_build, small_graph):
    server, _ = loaded
    _, result = seed_build
    seed_graph = str(document_iri(DEFAULT_BASE, SEED_DOC))
    other_graph = str(document_iri(DEFAULT_BASE, "doc.txt"))
    # a second document beside the seed, so there is something that must stay untouched
    other = to_rdf(small_graph).graph(document_iri(DEFAULT_BASE, "doc.txt"))
    server.put_graph(other_graph, other.serialize(format="nt", encoding="utf-8"))
    before = {g: server.graph_terms(g) for g in (None, seed_graph, other_graph)}

    # the seed re-read without 项立刚's disagreement: PUT replaces that document's graph only
    changed = result.graph.copy()
    changed.remove_edges_from([(u, v, k) for u, v, k, d in changed.edges(keys=True, data=True)
                               if d["predicate"] == "disagreesWith"])
    replacement = to_rdf(changed).graph(document_iri(DEFAULT_BASE, SEED_DOC))
    server.put_graph(seed_graph, replacement.serialize(format="nt", encoding="utf-8"))
    after = {g: server.graph_terms(g) for g in (None, seed_graph, other_graph)}

    assert after[other_graph] == before[other_graph]
    assert after[None] == before[None]
    removed = before[seed_graph] - after[seed_graph]
    assert after[seed_graph] < before[seed_graph]  # nothing added
    assert len(removed) == len(before[seed_graph]) - len(replacement)
    assert 5 <= len(removed) <= 12  # the direct triple and one reified statement, nothing else
    prefix = "PREFIX kg: <https://kg-news.org/ontology#> "
    _, rows = server.select(prefix + "SELECT ?g WHERE { GRAPH ?g { ?s kg:disagreesWith ?o } }")
    assert rows == []
    _, rows = server.select(prefix + "SELECT ?s WHERE { ?s kg:disagreesWith ?o }")
    assert len(rows) == 1  # the default graph (the whole build as uploaded) still has it


def test_local_store_matches_export_files(tmp_path, seed_build):
    """The same queries over the Turtle file alone (no named graphs) still answer alike."""
    out_dir, result = seed_build
    write_rdf(result.graph, tmp_path, ["ttl"])
    for name in ("comments.rq", "rankings.rq"):
        assert run_query(QUERIES / name, tmp_path).rows == run_query(QUERIES / name, out_dir).rows
