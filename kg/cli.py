"""The `kg` command: build, query and evaluate knowledge graphs of Chinese news.

Every subcommand's --help is its manual.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from .corpus.options import DEFAULT_MAX_BYTES, LAYOUTS

DEFAULT_FORMATS = ("ttl", "trig", "html")
ALL_FORMATS = ("ttl", "nt", "trig", "nq", "jsonld", "graphml", "html")


def _formats(value: str) -> list[str]:
    formats = [f.strip() for f in value.split(",") if f.strip()]
    if formats == ["all"]:
        return list(ALL_FORMATS)
    unknown = [f for f in formats if f not in ALL_FORMATS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown)} (choose from {', '.join(ALL_FORMATS)}, all)")
    return formats


def _confidence(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError("confidence must be between 0 and 1")
    return number


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _size(value: str) -> int:
    """'5M', '500K', '1G' or a number of bytes."""
    units = {"K": 1_000, "M": 1_000_000, "G": 1_000_000_000}
    text = value.strip().upper().removesuffix("B")
    try:
        number = float(text[:-1]) * units[text[-1]] if text[-1:] in units else float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 5M, 500K, 1000000)") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1 byte")
    return int(number)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Build a knowledge graph (NetworkX, RDF, HTML) from Chinese news text, query it with SPARQL, "
        "and score it against gold annotations.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = sub.add_parser(
        "build", help="build the graph of INPUT files, folders or dumps",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="""\
Extract entities and relations from Chinese news and write DIR/graph.ttl, DIR/graph.trig,
DIR/graph.html (by default), DIR/build-report.json and a summary.

Inputs (folders are searched recursively, hidden files skipped):
  .txt .md     a news page or single article (UTF-8, UTF-16 with BOM or GB18030)
  .html .htm   a saved news page: title from <h1>/<title>, body from the main <p> paragraphs
  .jsonl       one JSON object per line: its --text-field (and --title-field if present)
  .tsv, or a .txt whose lines are "category<TAB>text" (THUCNews): one article per line
Each line of a dump is a document of its own, named <stem>-L<line>.<ext> (or
<stem>-<id>.<ext> with --id-field): it is cached and gets its own named graph.

Corpus builds run --jobs worker processes and cache each document's result in
DIR/.kg-cache (or --cache): a rebuild re-processes only new or changed documents, and a
removed document's facts disappear. Results are identical for any --jobs.
After a rebuild that takes documents from the cache, SHACL validation checks only what the
re-processed documents contribute (their articles, the entities they mention, the relations
with evidence in them, and the types and labels of the nodes those relations point to); a
build with nothing from the cache, or with --no-cache, validates the whole graph.
A bad document (undecodable, binary, empty, too large, malformed, or one an extractor
fails on) is reported with its path and reason, and the others are still built. The exit
status is 1 when an input named on the command line failed (a missing path, an unreadable
file); a bad document found inside a folder or dump makes it non-zero only with --strict.
Exports are written atomically: an interrupted build (Ctrl-C, kill) leaves the previous ones intact, and the next
build resumes from the cache.""",
    )
    build.add_argument("inputs", nargs="*", metavar="INPUT", default=["seeds"],
                       help="files, folders or dumps (default: seeds/)")
    build.add_argument("--out", "-o", default="exports", metavar="DIR", help="output folder (default: exports/)")
    build.add_argument("--format", "-f", type=_formats, default=list(DEFAULT_FORMATS), metavar="LIST",
                       help=f"comma-separated: {', '.join(ALL_FORMATS)} or all (default: {','.join(DEFAULT_FORMATS)})")
    build.add_argument("--base-iri", default=None, metavar="IRI",
                       help="base IRI of entities and statements (default: https://kg-news.org/id/)")
    build.add_argument("--min-confidence", type=_confidence, default=0.0, metavar="X",
                       help="keep only relations with confidence >= X (0..1, default 0)")
    build.add_argument("--pipeline", choices=("lac", "lac+ner"), default="lac",
                       help="lac (default): LAC words and names plus kg's rules; lac+ner: also the character NER "
                       "trained on CLUENER (more names found, about 3x slower)")
    corpus = build.add_argument_group("corpus")
    corpus.add_argument("--jobs", "-j", type=_positive, default=None, metavar="N",
                        help="worker processes (default: the number of cores)")
    corpus.add_argument("--cache", default=None, metavar="CACHE_DIR",
                        help="per-document result cache (default: DIR/.kg-cache)")
    corpus.add_argument("--no-cache", action="store_true", help="process every document, read and write no cache")
    corpus.add_argument("--layout", choices=LAYOUTS, default="auto",
                        help="how to read every input file (default: auto, by suffix; a .txt of "
                        "category<TAB>text lines is a dump)")
    corpus.add_argument("--text-field", default="text", metavar="NAME",
                        help="JSON Lines: the text field (default: text)")
    corpus.add_argument("--title-field", default="title", metavar="NAME",
                        help="JSON Lines: the title field, used when present (default: title)")
    corpus.add_argument("--id-field", default=None, metavar="NAME",
                        help="JSON Lines: a field naming each record (default: the line number)")
    corpus.add_argument("--max-bytes", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                        help="refuse a document or record larger than this, e.g. 5M, 500K "
                        f"(default: {DEFAULT_MAX_BYTES // 1_000_000}M)")
    build.add_argument("--no-validate", action="store_true", help="skip SHACL validation of the RDF")
    build.add_argument("--strict", action="store_true", help="exit non-zero when any input failed")
    build.add_argument("--quiet", "-q", action="store_true", help="print only errors (no progress bar, no summary)")

    query = sub.add_parser(
        "query", help="run a SPARQL query over a build",
        description="Run SPARQL (a query text or a .rq file, e.g. queries/comments.rq) over a build's output "
        "and print the rows.",
    )
    query.add_argument("sparql", metavar="SPARQL_OR_FILE")
    query.add_argument("--data", "-d", default="exports", metavar="DIR_OR_FILE",
                       help="a build folder or an RDF file (default: exports/)")
    query.add_argument("--format", "-f", choices=("table", "csv", "json"), default="table")
    query.add_argument("--bind", "-b", action="append", default=[], metavar="VAR=VALUE",
                       help="bind ?VAR to the string VALUE (repeatable), e.g. --bind name=张三 for queries/entity.rq")
    query.add_argument("--engine", choices=("auto", "oxigraph", "memory", "rdflib"), default="auto",
                       help="auto (default): pyoxigraph on an on-disk store in DIR/.store/, reused while the build "
                       "is unchanged (rdflib if pyoxigraph is missing); oxigraph; memory: no on-disk store; rdflib")

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

    sub.add_parser(
        "evaluate-datasets", help="score the pipeline on CLUENER2020 dev and DuIE 2.0 (research data)",
        description="Run the pipeline on public datasets (../shared/datasets by default) and print entity "
        "P/R/F1 (CLUENER: Person, Organization, Location) and holdsPositionAt / locatedIn P/R/F1 (DuIE). "
        "Options: [cluener|duie|all] [--limit N] [--root DIR] [--errors N].",
        add_help=False,
    )
    return parser


def cmd_build(args: argparse.Namespace) -> int:
    """Build, export, validate, report; Ctrl-C or SIGTERM stops cleanly with the old exports intact."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return _build(args)
    except KeyboardInterrupt:
        print("\ninterrupted: previous exports are intact; finished documents are cached, "
              "run the same command to resume", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _build(args: argparse.Namespace) -> int:
    from .corpus.parallel import default_jobs, warm_up

    jobs = args.jobs or default_jobs()
    if jobs > 1:
        warm_up()  # workers' pipeline imports start now, beside this process's own
    from .corpus.exports import Validator

    # Validation's process starts now too: it imports pyshacl while the documents are parsed.
    validator = Validator() if jobs > 1 and not args.no_validate else None
    try:
        return _build_and_export(args, jobs, validator)
    finally:
        if validator is not None:
            validator.close()


def _build_and_export(args: argparse.Namespace, jobs: int, validator) -> int:
    from .build import build, summary
    from .corpus.exports import write_exports
    from .corpus.options import Options
    from .corpus.report import graph_counts, report_data, write_report
    from .export.rdf import DEFAULT_BASE

    started = time.perf_counter()
    out = Path(args.out)
    cache = None if args.no_cache else Path(args.cache) if args.cache else out / ".kg-cache"
    options = Options(args.layout, args.text_field, args.id_field, args.title_field, args.max_bytes)
    result = build(args.inputs, min_confidence=args.min_confidence, segmenter=args.pipeline, options=options,
                   jobs=jobs, cache=cache, progress=not args.quiet)
    seconds = dict(result.timings)
    written: list[Path] = []
    status = 0
    if result.documents:
        names = sorted(d.document for d in result.documents)
        title = "知识图谱: " + ", ".join(names[:5]) + (f" … ({len(names)})" if len(names) > 5 else "")
        written, stages, validation = write_exports(result.graph, out, args.format, args.base_iri or DEFAULT_BASE,
                                                    title[:200], not args.no_validate, jobs,
                                                    validate_documents=result.validation_scope(),
                                                    validator=validator)
        seconds.update(stages)
        if validation is not None and not validation[0]:
            print("SHACL validation failed:\n" + validation[1], file=sys.stderr)
            status = 1
    seconds["total"] = time.perf_counter() - started
    report_path = write_report(out, report_data(
        result, graph_counts(result.graph), args.inputs, jobs, str(cache) if cache else None, seconds,
        [str(p) for p in written]))
    for error in result.errors:
        print(f"failed: {error.path}: {error.reason}", file=sys.stderr)
    if not result.documents:
        print(f"error: no document could be built; no export written (see {report_path})", file=sys.stderr)
        return 1
    if not args.quiet:
        print(summary(result.graph))
        print(f"documents: {len(result.documents)} built ({result.processed} processed, {result.cached} from "
              f"cache), {len(result.errors)} failed")
        print("wrote: " + ", ".join(str(p) for p in [*written, report_path]))
        stages = ", ".join(f"{k} {v:.2f}" for k, v in seconds.items() if k != "total")
        print(f"time: {seconds['total']:.2f} s ({stages}); jobs: {jobs}")
    named = {str(Path(p)) for p in args.inputs}
    if result.errors and (args.strict or any(str(Path(e.path)) in named for e in result.errors)):
        status = 1  # a file named on the command line failed, or --strict: the run did not do what was asked
    return status


def _binding(text: str) -> tuple[str, str]:
    from .query import QueryError

    name, sep, value = text.partition("=")
    if not sep:
        raise QueryError(f"--bind {text!r}: expected VAR=VALUE")
    return name.strip().lstrip("?"), value


def cmd_query(args: argparse.Namespace) -> int:
    from .query import QueryError, format_result, run_query

    try:
        bindings = dict(_binding(b) for b in args.bind)
        result = run_query(args.sparql, args.data, engine=args.engine, bindings=bindings)
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
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["evaluate-datasets"]:
        from .datasets import main as evaluate_datasets

        return evaluate_datasets(argv[1:])
    args = make_parser().parse_args(argv)
    handler = {"build": cmd_build, "query": cmd_query, "evaluate": cmd_evaluate}[args.command]
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
