"""Load-and-settle time of the interactive HTML graph in headless Chromium.

    /work/venv/bin/python benchmarks/html_load.py [--runs N] [--cache DIR] [--keep DIR]

Builds the seed page and the 1,000 THUCNews articles (each line's text written to its
own .txt file, as a reader would save them), writes graph.html for each with the default
top-N view, then opens each page --runs times in a fresh headless-Chromium tab and
reports the file size and the time from navigation until the layout has stabilised
(wall clock, and the page's own figure from performance.now()). On the 1,000-article
page it also checks the subgraph controls: a node outside the top-N view, found by
typing its name into the search box, joins the view with its neighbours, and the
neighbourhood view shows just them. Target: load and settle within 10 s.

Skips (exit 0) with a message when ../shared or Chromium is absent; exits 1 when a
target is missed. Set KG_CHROMIUM to pick a Chromium binary.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT.parent / "shared" / "datasets" / "thucnews_cnews1000" / "cnews1000.txt"
TARGET_SECONDS = 10.0
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from cdp import Browser, Page, chromium_binary  # noqa: E402

from kg.build import build  # noqa: E402
from kg.export.html import DEFAULT_MAX_NODES, write_html  # noqa: E402


def split_corpus(dump: Path, folder: Path) -> int:
    """One .txt file per `category<TAB>text` line of the dump; the number written."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for number, line in enumerate(dump.read_text(encoding="utf-8").splitlines(), 1):
        if "\t" in line:
            (folder / f"cnews-{number:04d}.txt").write_text(line.split("\t", 1)[1] + "\n", encoding="utf-8")
            count += 1
    return count


def export(inputs: list[Path], out: Path, title: str, cache: Path | None) -> tuple[Path, dict]:
    started = time.perf_counter()
    result = build(inputs, jobs=os.cpu_count() or 1, cache=cache)
    built = time.perf_counter() - started
    started = time.perf_counter()
    path = write_html(result.graph, out, title=title)
    graph = result.graph
    return path, {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "build_s": built,
                  "export_s": time.perf_counter() - started, "graph": graph}


def measure(browser: Browser, path: Path, runs: int) -> dict:
    """Open the page `runs` times, each in a fresh tab: wall-clock and in-page seconds to a settled layout."""
    walls, inpage = [], []
    for _ in range(runs):
        page = Page(browser)
        walls.append(page.open(path.as_uri()))
        inpage.append(page.evaluate("kgStats.stabilizedMs") / 1000)
        shown = page.evaluate("kg.visibleNodes().length")
        errors = page.errors()
        urls = page.request_urls()
        page.close()
        if errors:
            raise SystemExit(f"{path}: console errors {errors}")
        if any(u != path.as_uri() and not u.startswith("data:") for u in urls):
            raise SystemExit(f"{path}: requests left the file: {urls}")
    return {"median": statistics.median(walls), "max": max(walls), "inpage": statistics.median(inpage),
            "shown": shown, "size": path.stat().st_size}


def _search_and_choose(page: Page, graph, node: str) -> float:
    """Type the node's name into the search box, check it is listed first, press Enter; seconds to settle."""
    label = graph.nodes[node]["label"]
    page.type_into("#search", label)
    first = page.evaluate("document.querySelector('#search-results li').dataset.id")
    if first != node:
        raise SystemExit(f"search for {label!r} listed {first!r} first, not {node!r}")
    started = time.monotonic()
    page.press("Enter", 13)
    page.wait_for(f"kg.state().selected === {json.dumps(node)} && !kgStats.busy", timeout=60)
    panel = page.evaluate("document.getElementById('panel').hidden ? '' : document.getElementById('panel').innerText")
    if label not in panel:
        raise SystemExit(f"{label}: the side panel did not open")
    return time.monotonic() - started


def _neighbourhood_view(page: Page, graph, node: str) -> set[str]:
    """Switch to the neighbourhood view and check it shows the node and its neighbours, nothing else."""
    page.evaluate("document.querySelector('input[name=mode][value=focus]').click()")
    focus = set(page.evaluate("kg.visibleNodes()"))
    hood = {node, *graph.predecessors(node), *graph.successors(node)}
    if focus != hood:
        raise SystemExit(f"{node}: neighbourhood view {sorted(focus)} != {sorted(hood)}")
    page.evaluate("document.querySelector('input[name=mode][value=top]').click()")
    return focus


def check_subgraph(browser: Browser, path: Path, graph) -> list[str]:
    """The subgraph controls on a big page: a searched hub's neighbourhood; a node outside the view joins it."""
    page = Page(browser)
    page.open(path.as_uri())
    shown = set(page.evaluate("kg.visibleNodes()"))
    unique = {}
    for node, label in graph.nodes(data="label"):
        unique[label] = node if label not in unique else None
    candidates = [n for n in graph if unique.get(graph.nodes[n]["label"]) == n and graph.nodes[n]["type"] != "Article"]
    lines = []
    # The best-connected person, searched by name: the neighbourhood view shows exactly its neighbours.
    hub = max((n for n in candidates if graph.nodes[n]["type"] == "Person"), key=lambda n: (graph.degree(n), n))
    seconds = _search_and_choose(page, graph, hub)
    focus = _neighbourhood_view(page, graph, hub)
    lines.append(f"searched {graph.nodes[hub]['label']!r} (degree {graph.degree(hub)}): selected in {seconds:.2f} s; "
                 f"neighbourhood view shows exactly its {len(focus)} nodes")
    # The best-connected node outside the top-N view joins it with its neighbours.
    hidden = max((n for n in candidates if n not in shown), key=lambda n: (graph.degree(n), n))
    seconds = _search_and_choose(page, graph, hidden)
    hood = {hidden, *graph.predecessors(hidden), *graph.successors(hidden)}
    if not hood <= set(page.evaluate("kg.visibleNodes()")):
        raise SystemExit(f"{hidden}: its neighbours did not join the view")
    focus = _neighbourhood_view(page, graph, hidden)
    lines.append(f"searched {graph.nodes[hidden]['label']!r} (degree {graph.degree(hidden)}, outside the top "
                 f"{len(shown)}): joined the view with its neighbours and re-laid out in {seconds:.2f} s; "
                 f"neighbourhood view shows exactly {len(focus)} nodes")
    # Everything at once: informational, no target.
    layouts = page.evaluate("kgStats.layouts")
    started = time.monotonic()
    page.evaluate("document.querySelector('input[name=mode][value=all]').click()")
    page.wait_for(f"kgStats.layouts > {layouts}", timeout=300)
    lines.append(f"show all {len(page.evaluate('kg.visibleNodes()'))} nodes: re-layout in "
                 f"{time.monotonic() - started:.2f} s (no target)")
    errors = page.errors()
    page.close()
    if errors:
        raise SystemExit(f"console errors {errors}")
    return lines


def report(name: str, info: dict, timing: dict) -> bool:
    ok = timing["max"] <= TARGET_SECONDS
    print(f"{name}: {info['nodes']} nodes, {info['edges']} edges; graph.html {timing['size'] / 2**20:.2f} MiB "
          f"(build {info['build_s']:.1f} s, HTML export {info['export_s']:.2f} s)")
    print(f"  top-{timing['shown']} view: load and settle {timing['median']:.2f} s median, {timing['max']:.2f} s "
          f"worst (in page {timing['inpage']:.2f} s)  target <= {TARGET_SECONDS:.0f} s: {'ok' if ok else 'MISSED'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="page loads per graph (default: 3)")
    parser.add_argument("--cache", type=Path, help="per-document build cache to reuse across runs")
    parser.add_argument("--keep", type=Path, help="write the corpus and the pages here instead of a temp folder")
    args = parser.parse_args(argv)
    if not DATASET.exists():
        print(f"skipped: {DATASET} is absent (the ../shared research data is not on this machine)")
        return 0
    binary = chromium_binary()
    if binary is None:
        print("skipped: no Chromium found (apt-get install chromium fonts-wqy-microhei, or set KG_CHROMIUM)")
        return 0
    with tempfile.TemporaryDirectory(prefix="kg-html-load-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        print(f"Chromium: {binary}; default view: top {DEFAULT_MAX_NODES} nodes by degree; {args.runs} loads each")
        seed_html, seed = export([ROOT / "seeds"], work / "seed" / "graph.html", "种子新闻页", None)
        corpus = work / "cnews1000"
        n = split_corpus(DATASET, corpus)
        big_html, big = export([corpus], work / "cnews1000-out" / "graph.html", f"THUCNews {n} 篇",
                               args.cache or work / "cache")
        with Browser(binary, work / "chromium-profile") as browser:
            ok = report("seed page", seed, measure(browser, seed_html, args.runs))
            ok &= report(f"THUCNews {n} articles", big, measure(browser, big_html, args.runs))
            for line in check_subgraph(browser, big_html, big["graph"]):
                print("  subgraph: " + line)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
