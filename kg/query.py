"""SPARQL over a build: load its RDF into an embedded store, run a query, format the answer.

pyoxigraph is the engine (fast, standard-conformant), on an on-disk store kept beside the build
and reused while the export is unchanged (kg/store.py); rdflib answers when pyoxigraph is not
installed or is not wanted. Results are plain strings (a literal's lexical form, an IRI's text)
so callers need neither library.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

# Which file of a build directory to load, best first: the dataset forms keep the
# per-document named graphs, and their default graph holds every triple anyway.
BUILD_FILES = ("graph.trig", "graph.nq", "graph.ttl", "graph.nt", "graph.jsonld")
# auto: pyoxigraph on a cached on-disk store, else rdflib; memory: pyoxigraph, no store on disk.
ENGINES = ("auto", "oxigraph", "memory", "rdflib")
_FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads",
            ".jsonld": "json-ld", ".json": "json-ld"}


class QueryError(Exception):
    """A query that cannot run: missing data or query file, unreadable RDF, bad SPARQL."""


@dataclass
class QueryResult:
    """SELECT rows (None where a variable is unbound); ASK gives one row, CONSTRUCT triples."""

    variables: list[str]
    rows: list[tuple[str | None, ...]] = field(default_factory=list)


def data_file(data: str | Path) -> Path:
    """The RDF file of a build directory, or `data` itself when it is a file."""
    path = Path(data)
    if not path.exists():
        raise QueryError(f"no such build or RDF file: {path}")
    if path.is_dir():
        for name in BUILD_FILES:
            if (path / name).is_file():
                return path / name
        raise QueryError(f"{path} holds no RDF export (looked for {', '.join(BUILD_FILES)})")
    if path.suffix.lower() not in _FORMATS:
        raise QueryError(f"{path}: unknown RDF format (use {', '.join(sorted(_FORMATS))})")
    return path


def query_text(query: str | Path) -> str:
    """`query` itself, or the text of the .rq/.sparql file it names."""
    text = str(query)
    looks_like_path = isinstance(query, Path) or (
        "\n" not in text and text.strip().lower().endswith((".rq", ".sparql"))
    )
    if not looks_like_path:
        return text
    path = Path(text.strip())
    if not path.is_file():
        raise QueryError(f"no such query file: {path}")
    return path.read_text(encoding="utf-8")


def bind(text: str, bindings: Mapping[str, str] | None) -> str:
    """The query with each variable bound to a plain string, by a trailing VALUES clause.

    SPARQL allows one VALUES block after the solution modifiers, so this works the same in
    every engine: `bind(entity_query, {"name": "张三"})` asks about 张三."""
    if not bindings:
        return text
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"cannot bind {name!r}: not a SPARQL variable name")
    variables = " ".join(f"?{name}" for name in bindings)
    values = " ".join(_string_literal(value) for value in bindings.values())
    return f"{text.rstrip()}\nVALUES ({variables}) {{ ({values}) }}\n"


def _string_literal(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def run_query(
    query: str | Path, data: str | Path, engine: str = "auto", bindings: Mapping[str, str] | None = None
) -> QueryResult:
    """Run a SPARQL query (text or .rq path) over a build directory or an RDF file.

    engine: auto (default), oxigraph (fail if absent), memory (pyoxigraph, no on-disk store), rdflib.
    bindings: variables to bind to plain strings (see `bind`).
    """
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    text = bind(query_text(query), bindings)
    path = data_file(data)
    if engine == "rdflib":
        return _run_rdflib(text, path)
    try:
        import pyoxigraph
    except ImportError as err:
        if engine == "auto":
            return _run_rdflib(text, path)
        raise QueryError("engine oxigraph needs pyoxigraph (pip install pyoxigraph)") from err
    return _run_oxigraph(pyoxigraph, text, path, on_disk=engine != "memory")


def _run_oxigraph(ox, text: str, path: Path, on_disk: bool = True) -> QueryResult:
    from .store import memory_store, open_store

    try:
        store = open_store(ox, path) if on_disk else memory_store(ox, path)
    except (SyntaxError, ValueError, OSError) as err:
        raise QueryError(f"cannot read {path}: {err}") from err
    try:
        answer = store.query(text)
    except SyntaxError as err:
        raise QueryError(_syntax_message(str(err))) from err
    except (OSError, ValueError, RuntimeError) as err:
        raise QueryError(f"query failed: {err}") from err
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(["ask"], [("true" if bool(answer) else "false",)])
    if isinstance(answer, ox.QueryTriples):
        rows = [(_ox_text(t.subject), _ox_text(t.predicate), _ox_text(t.object)) for t in answer]
        return QueryResult(["subject", "predicate", "object"], rows)
    variables = [v.value for v in answer.variables]
    rows = [tuple(_ox_text(solution[v]) for v in variables) for solution in answer]
    return QueryResult(variables, rows)


def _syntax_message(message: str) -> str:
    """pyoxigraph says "error at 3:10: expected ..."; say it the way the rdflib path does."""
    match = re.match(r"error at (\d+):(\d+)(?:-\d+:\d+)?: ?(.*)", message, re.S)
    if not match:
        return f"SPARQL syntax error: {message}"
    return f"SPARQL syntax error at line {match[1]}, column {match[2]}: {match[3]}"


def _ox_text(term) -> str | None:
    """Lexical form of a literal, the IRI of a named node, _:id of a blank node."""
    if term is None:
        return None
    if type(term).__name__ == "BlankNode":
        return f"_:{term.value}"
    return term.value if hasattr(term, "value") else str(term)


def _run_rdflib(text: str, path: Path) -> QueryResult:
    from pyparsing import ParseException
    from rdflib import BNode, Dataset

    dataset = Dataset()
    try:
        dataset.parse(str(path), format=_FORMATS[path.suffix.lower()])
    except Exception as err:  # rdflib's parsers raise many unrelated types
        raise QueryError(f"cannot read {path}: {err}") from err
    try:
        answer = dataset.query(text)
    except ParseException as err:
        raise QueryError(f"SPARQL syntax error at line {err.lineno}, column {err.col}: {err.msg}") from err
    except Exception as err:
        raise QueryError(f"query failed: {err}") from err

    def show(term):
        if term is None:
            return None
        return f"_:{term}" if isinstance(term, BNode) else str(term)

    if answer.type == "ASK":
        return QueryResult(["ask"], [("true" if answer.askAnswer else "false",)])
    if answer.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(["subject", "predicate", "object"],
                           [tuple(show(t) for t in triple) for triple in answer.graph])
    variables = [str(v) for v in answer.vars]
    return QueryResult(variables, [tuple(show(row[v]) for v in variables) for row in answer])


def display_width(text: str) -> int:
    """Terminal columns: CJK wide and fullwidth characters take two, combining marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _cell(value: str | None) -> str:
    """One line per cell: a newline in a sentence must not break the table."""
    return "" if value is None else value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ")


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """The result as an aligned text table, CSV (RFC 4180) or JSON (variables + row objects)."""
    if fmt == "json":
        rows = [dict(zip(result.variables, row, strict=True)) for row in result.rows]
        return json.dumps({"variables": result.variables, "rows": rows}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows(["" if v is None else v for v in row] for row in result.rows)
        return buffer.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown result format {fmt!r}; choose table, csv or json")
    table = [list(result.variables)] + [[_cell(v) for v in row] for row in result.rows]
    widths = [max(display_width(r[i]) for r in table) for i in range(len(result.variables))]

    def line(cells: list[str]) -> str:
        padded = (c + " " * (w - display_width(c)) for c, w in zip(cells, widths, strict=True))
        return "  ".join(padded).rstrip()

    out = [line(table[0]), "  ".join("-" * w for w in widths)] + [line(r) for r in table[1:]]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out) + "\n"
