"""The `kg` command: build, query and evaluate knowledge graphs of Chinese news.

Every subcommand's --help is its manual.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

DEFAULT_FORMATS = ("ttl", "trig", "html")
ALL_FORMATS = ("ttl", "nt", "trig", "nq", "jsonld", "graphml", "html")


def _formats(value: str) -> list[str]:
    formats = [f.strip() for f in value.split(",") if f.strip()]
    if formats == ["all"]:
        return list(ALL_FORMATS)
    unknown = [f for f in formats if f not in ALL_FORMATS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown)} (choose from {', '.join(ALL_FORMATS)}, all)")
    return formats


def _confidence(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError("confidence must be between 0 and 1")
    return number


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Build a knowledge graph (NetworkX, RDF, HTML) from Chinese news text, query it with SPARQL, "
        "and score it against gold annotations.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = sub.add_parser(
        "build", help="build the graph of INPUT files or folders",
        description="Read .txt/.md news files (a whole newspaper page or single articles), extract entities and "
        "relations, and write DIR/graph.ttl, DIR/graph.trig, DIR/graph.html (by default) plus a summary. "
        "Bad files are reported with their path; the others are still built. Exports are written atomically.",
    )
    build.add_argument("inputs", nargs="*", metavar="INPUT", default=["seeds"], help="files or folders (default: seeds/)")
    build.add_argument("--out", "-o", default="exports", metavar="DIR", help="output folder (default: exports/)")
    build.add_argument("--format", "-f", type=_formats, default=list(DEFAULT_FORMATS), metavar="LIST",
                       help=f"comma-separated: {', '.join(ALL_FORMATS)} or all (default: {','.join(DEFAULT_FORMATS)})")
    build.add_argument("--base-iri", default=None, metavar="IRI",
                       help="base IRI of entities and statements (default: https://kg-news.org/id/)")
    build.add_argument("--min-confidence", type=_confidence, default=0.0, metavar="X",
                       help="keep only relations with confidence >= X (0..1, default 0)")
    build.add_argument("--no-validate", action="store_true", help="skip SHACL validation of the RDF")
    build.add_argument("--strict", action="store_true", help="exit non-zero when any input file failed")
    build.add_argument("--quiet", "-q", action="store_true", help="print only errors")

    query = sub.add_parser(
        "query", help="run a SPARQL query over a build",
        description="Run SPARQL (a query text or a .rq file, e.g. queries/comments.rq) over a build's output "
        "and print the rows.",
    )
    query.add_argument("sparql", metavar="SPARQL_OR_FILE")
    query.add_argument("--data", "-d", default="exports", metavar="DIR_OR_FILE",
                       help="a build folder or an RDF file (default: exports/)")
    query.add_argument("--format", "-f", choices=("table", "csv", "json"), default="table")

    evaluate = sub.add_parser(
        "evaluate", help="score a build against gold annotation files",
        description="Precision, recall and F1 of entities (name, coarse type) and of relations per predicate and "
        "micro-averaged, following the annotation guide's matching rules (NFKC, aliases, optional items).",
    )
    evaluate.add_argument("--gold", "-g", nargs="+", required=True, metavar="GOLD.json")
    evaluate.add_argument("--data", "-d", default="exports", metavar="DIR_OR_FILE",
                          help="a build folder (its graph.ttl) or a .ttl file (default: exports/)")
    evaluate.add_argument("--verbose", "-v", action="store_true", help="list false positives and negatives")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build, summary
    from .export.html import write_html
    from .export.rdf import DEFAULT_BASE, to_rdf, write_rdf
    from .export.shacl import validate

    started = time.perf_counter()
    result = build(args.inputs, min_confidence=args.min_confidence)
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    if not result.documents:
        print("error: no document could be read; nothing written", file=sys.stderr)
        return 1
    base = args.base_iri or DEFAULT_BASE
    out = Path(args.out)
    rdf_formats = [f for f in args.format if f != "html"]
    written = write_rdf(result.graph, out, rdf_formats, base) if rdf_formats else []
    if "html" in args.format:
        written.append(write_html(result.graph, out / "graph.html", title="知识图谱: " + ", ".join(
            sorted(d.document for d in result.documents))[:200]))
    status = 0
    if not args.no_validate:
        conforms, report = validate(to_rdf(result.graph, base))
        if not conforms:
            print("SHACL validation failed:\n" + report, file=sys.stderr)
            status = 1
    if not args.quiet:
        print(summary(result.graph))
        print(f"documents: {len(result.documents)} built, {len(result.errors)} failed")
        print("wrote: " + ", ".join(str(p) for p in written))
        print(f"time: {time.perf_counter() - started:.2f} s")
    if result.errors and (args.strict or not result.documents):
        status = 1
    return status


def cmd_query(args: argparse.Namespace) -> int:
    from .query import QueryError, format_result, run_query

    try:
        result = run_query(args.sparql, args.data)
    except QueryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(format_result(result, args.format))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_scores

    try:
        scores = evaluate(args.gold, args.data)
    except (FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        import json

        print(json.dumps(scores.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_scores(scores, verbose=args.verbose))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    handler = {"build": cmd_build, "query": cmd_query, "evaluate": cmd_evaluate}[args.command]
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
