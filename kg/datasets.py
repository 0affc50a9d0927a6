"""Our pipeline scored on public datasets: CLUENER2020 dev and DuIE 2.0 sentences.

The optional trained NER (`KG_PIPELINE=lac+ner`) saw only CLUENER's train split; DuIE error
samples did inform some holdsPositionAt rules, so both are development, not test, numbers.

Each sentence is one Article run through the same NLP pipeline and extractors as a build
(`extract_article`), without cross-document resolution. FinRE is not scored: its relations
(持股, 收购, 注资 ...) have no counterpart among the guide's predicates.

Usage: `python -m kg.datasets [cluener|duie|all] [--limit N] [--root DIR] [--errors N]`.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .datasets_cluener import NerScores, error_kinds, load_cluener, score_cluener
from .datasets_duie import LABELS, RelScores, load_duie, score_duie
from .evaluate import Counts
from .model import Article, Fact, Mention

DEFAULT_ROOT = Path(os.environ.get("KG_DATASETS", Path(__file__).resolve().parents[1].parent / "shared" / "datasets"))
CLUENER_DEV = ("cluener2020", "dev.json")
DUIE_FILES = (("duie2_subset", "duie_train.json"), ("duie2_subset", "duie_train_4000.json"))


def run_pipeline(texts: Sequence[str]) -> list[tuple[list[Mention], list[Fact]]]:
    """Mentions and facts of each text, each parsed and extracted as one article."""
    from .extract import extract_article
    from .nlp.pipeline import get_nlp

    nlp = get_nlp(os.environ.get("KG_PIPELINE", "lac"))
    results = []
    for i, doc in enumerate(nlp.pipe(texts, batch_size=64)):
        article = Article(id=f"sentence-{i}", document="dataset", title="", text=doc.text)
        results.append(extract_article(article, doc))
    return results


def run_cluener(path: str | Path, limit: int | None = None) -> NerScores:
    sentences = load_cluener(path, limit)
    return score_cluener(sentences, run_pipeline([s.text for s in sentences]))


def run_duie(paths: Sequence[str | Path], limit: int | None = None) -> RelScores:
    sentences = load_duie(paths, limit)
    return score_duie(sentences, run_pipeline([s.text for s in sentences]))


def _pct(x: float | None) -> str:
    return "     -" if x is None else f"{100 * x:6.1f}"


def _table(rows: list[tuple[str, Counts]]) -> list[str]:
    lines = [f"  {'':<14}{'tp':>6}{'fp':>6}{'fn':>6}  {'P':>6} {'R':>6} {'F1':>6}"]
    lines += [f"  {label:<14}{c.tp:>6}{c.fp:>6}{c.fn:>6}  {_pct(c.precision)} {_pct(c.recall)} {_pct(c.f1)}"
              for label, c in rows]
    return lines


def format_cluener(scores: NerScores, errors: int = 0) -> str:
    """Exact-span and name-match tables, position recall and, with `errors`, samples per error kind."""
    lines = [f"CLUENER2020 dev: {scores.sentences} sentences"]
    for title, table in (("exact span (start, end, type)", scores.exact), ("name match (text, type)", scores.names)):
        lines.append(f" {title}")
        lines += _table(sorted(table.items()) + [("micro", scores.micro(table))])
    p = scores.positions
    lines.append(f" position strings inside a holdsPositionAt role: {p.tp}/{p.tp + p.fn} recall {_pct(p.recall)}")
    if errors:
        for kind, items in error_kinds(scores).items():
            lines.append(f" {kind} ({len(items)}): predicted | gold | sentence")
            lines += [f"   {pred or '-'} | {gold or '-'} | {text}" for pred, gold, text in items[:errors]]
    return "\n".join(lines)


def format_duie(scores: RelScores, errors: int = 0) -> str:
    """Exact and lenient tables by DuIE predicate and, with `errors`, FP / FN / unscored samples."""
    lines = [f"DuIE 2.0: {scores.sentences} sentences with {', '.join(LABELS)} triples"]
    for title, table in (("exact names", scores.exact), ("lenient names (one contains the other)", scores.lenient)):
        total = Counts()
        for c in table.values():
            total.add(c)
        lines.append(f" {title}")
        lines += _table([(k, table[k]) for k in LABELS if k in table] + [("micro", total)])
    pf = scores.pair_found
    lines.append(f" position gold found as person->org with any role: {pf.tp}/{pf.tp + pf.fn} {_pct(pf.recall)}")
    lines.append(f" unscored predictions (label not annotated in the sentence): {len(scores.unscored)}; "
                 f"holdsPositionAt with other roles: {scores.other_roles}")
    if errors:
        for title, items in (("false positives", scores.false_positives), ("unscored", scores.unscored)):
            lines.append(f" {title} ({len(items)}): label subject -> object | sentence")
            lines += [f"   {t[0]} {t[1]} -> {t[2]} | {text}" for t, text in items[:errors]]
        lines.append(f" false negatives ({len(scores.false_negatives)}): gold | our facts | sentence")
        lines += [f"   {t[0]} {t[1]} -> {t[2]} | {'; '.join(ours) or '-'} | {text}"
                  for t, text, ours in scores.false_negatives[:errors]]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Score the pipeline on the datasets under --root; skip (exit 0) with a message when absent."""
    parser = argparse.ArgumentParser(prog="kg evaluate-datasets", description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", choices=("cluener", "duie", "all"), default="all")
    parser.add_argument("--limit", type=int, default=None, help="sentences per dataset (default: all)")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help=f"datasets folder (default {DEFAULT_ROOT})")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N error samples per kind")
    args = parser.parse_args(argv)
    jobs = []
    if args.dataset in ("cluener", "all"):
        jobs.append(("CLUENER2020", [args.root.joinpath(*CLUENER_DEV)],
                     lambda paths: format_cluener(run_cluener(paths[0], args.limit), args.errors)))
    if args.dataset in ("duie", "all"):
        jobs.append(("DuIE 2.0", [args.root.joinpath(*p) for p in DUIE_FILES],
                     lambda paths: format_duie(run_duie(paths, args.limit), args.errors)))
    for name, paths, run in jobs:
        present = [p for p in paths if p.is_file()]
        if not present:
            print(f"{name}: skipped, {paths[0]} is absent (the ../shared research data is not here)")
            continue
        started = time.perf_counter()
        print(run(present))
        print(f" ({name}: limit {args.limit or 'none'}, {time.perf_counter() - started:.1f} s)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
