"""Interactive HTML view of a graph: one self-contained file, no network request.

vis-network is read from the installed pyvis package and inlined; the graph travels as
JSON in a <script type="application/json"> element and the page shows every string from
the data with textContent (never innerHTML). A Content-Security-Policy with the hashes
of the two inline scripts blocks anything else from running or loading.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import html
import json
import re
from importlib import resources
from pathlib import Path

import networkx as nx

from ..io import atomic_write
from ..model import FINE_TYPES, PATENT_FILING

VIS_VERSION = "9.0.4"
DEFAULT_MAX_NODES = 400

# type -> (Chinese label, colour, vis-network shape); fine types follow their coarse type.
TYPE_STYLE = {
    "Person": ("人物", "#e15759", "dot"),
    "Organization": ("机构", "#4e79a7", "square"),
    "Company": ("公司", "#2f6fb0", "square"),
    "ResearchInstitute": ("研究机构", "#17a2b8", "square"),
    "GovernmentAgency": ("政府机构", "#3f51b5", "square"),
    "Association": ("协会", "#8c6bb1", "square"),
    "MediaOutlet": ("媒体", "#9c755f", "square"),
    "Product": ("产品", "#f28e2b", "diamond"),
    "AIModel": ("AI 模型", "#e6b800", "diamond"),
    "Vehicle": ("车辆", "#d37295", "diamond"),
    "Ranking": ("榜单", "#edc948", "star"),
    "Report": ("报告", "#b07aa1", "triangle"),
    "Location": ("地点", "#59a14f", "triangleDown"),
    "Article": ("文章", "#bab0ac", "box"),
    PATENT_FILING: ("专利申请", "#ff9da7", "hexagon"),
}
OTHER_STYLE = ("其他", "#999999", "dot")

# predicate -> (Chinese label, edge colour)
PREDICATE_STYLE = {
    "commentsOn": ("评论", "#e15759"),
    "holdsPositionAt": ("任职于", "#4e79a7"),
    "ranksIn": ("入选", "#c9a227"),
    "filesPatents": ("申请专利", "#e377a0"),
    "releases": ("发布", "#f28e2b"),
    "publishes": ("发布报告", "#b07aa1"),
    "locatedIn": ("位于", "#59a14f"),
    "incubatedBy": ("孵化于", "#17a2b8"),
    "partOf": ("隶属于", "#3f51b5"),
    "disagreesWith": ("不认同", "#d62728"),
    "author": ("作者", "#8a8a8a"),
    "publisher": ("出版方", "#9c755f"),
    "datePublished": ("发布日期", "#8a8a8a"),
}

_NODE_SKIP = {"label", "type", "coarse_type", "aliases"}
_EDGE_SKIP = {"predicate", "evidence"}
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


def type_style(type_: str) -> tuple[str, str, str]:
    """(Chinese label, colour, shape) of a node type, falling back to its coarse type."""
    return TYPE_STYLE.get(type_) or TYPE_STYLE.get(FINE_TYPES.get(type_, ""), OTHER_STYLE)


def _plain(value):
    """A JSON-ready copy of an attribute value (dataclasses, sets and tuples included)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=str)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def graph_data(graph: nx.MultiDiGraph, title: str, max_nodes: int | None = None) -> dict:
    """The page's data: nodes ranked by degree (then mentions, id), edges, legend and summary."""
    degree = dict(graph.degree())
    nodes = []
    for node_id, data in graph.nodes(data=True):
        type_ = str(data.get("type") or "Other")
        nodes.append({
            "id": str(node_id),
            "label": str(data.get("label") or node_id),
            "type": type_,
            "aliases": [str(a) for a in data.get("aliases") or []],
            "degree": degree.get(node_id, 0),
            "mentions": int(data.get("mentions") or 0),
            "attrs": {k: _plain(v) for k, v in sorted(data.items()) if k not in _NODE_SKIP},
        })
    nodes.sort(key=lambda n: (-n["degree"], -n["mentions"], n["id"]))
    edges = []
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: tuple(map(str, e[:3]))):
        edges.append({
            "id": f"e{len(edges)}",
            "from": str(u),
            "to": str(v),
            "key": str(key),
            "predicate": str(data.get("predicate") or str(key).split("#")[0]),
            "attrs": {k: _plain(val) for k, val in sorted(data.items()) if k not in _EDGE_SKIP},
            "evidence": _plain(data.get("evidence") or []),
        })
    types = sorted({n["type"] for n in nodes}, key=_type_order)
    predicates = sorted({e["predicate"] for e in edges}, key=_predicate_order)
    n_articles = sum(1 for n in nodes if n["type"] == "Article")
    n_filings = sum(1 for n in nodes if n["type"] == PATENT_FILING)
    return {
        "title": title,
        "maxNodes": len(nodes) if max_nodes is None else max(1, int(max_nodes)),
        "summary": {
            "articles": n_articles,
            "entities": len(nodes) - n_articles - n_filings,
            "filings": n_filings,
            "relations": len(edges),
        },
        "types": [dict(zip(("type", "zh", "color", "shape"), (t, *type_style(t)), strict=True)) for t in types],
        "predicates": [
            {"predicate": p, "zh": PREDICATE_STYLE.get(p, (p, ""))[0], "color": PREDICATE_STYLE.get(p, ("", "#888"))[1]}
            for p in predicates
        ],
        "nodes": nodes,
        "edges": edges,
    }


def _type_order(type_: str) -> tuple[int, str]:
    order = list(TYPE_STYLE)
    return (order.index(type_) if type_ in order else len(order), type_)


def _predicate_order(predicate: str) -> tuple[int, str]:
    order = list(PREDICATE_STYLE)
    return (order.index(predicate) if predicate in order else len(order), predicate)


def script_json(data) -> str:
    """JSON safe inside a <script> element: <, >, & and line separators as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the installed pyvis package."""
    lib = resources.files("pyvis") / "lib" / f"vis-{VIS_VERSION}"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # Neither may close its element early; "<\/" means the same inside JS strings and regexes.
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE).replace("<!--", "<\\!--")
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    return js, css


def _template(name: str) -> str:
    return (resources.files("kg.export") / "templates" / name).read_text(encoding="utf-8")


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def render_html(graph: nx.MultiDiGraph, title: str = "知识图谱", max_nodes: int | None = DEFAULT_MAX_NODES) -> str:
    """The page as a string (see write_html)."""
    vis_js, vis_css = _vis_assets()
    app_js = _template("graph.js")
    scripts = (vis_js, app_js)
    csp = (
        "default-src 'none'; script-src " + " ".join(_sha256(s) for s in scripts)
        + "; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    values = {
        "CSP": html.escape(csp, quote=False),  # no " in it: safe in the attribute
        "TITLE": html.escape(title),
        "VIS_CSS": vis_css,
        "APP_CSS": _template("graph.css"),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
        "DATA": script_json(graph_data(graph, title, max_nodes)),
    }
    # One pass over the template: substituted text is never scanned for placeholders again.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _template("graph.html"))


def write_html(
    graph: nx.MultiDiGraph,
    path: str | Path,
    title: str = "知识图谱",
    max_nodes: int | None = DEFAULT_MAX_NODES,
) -> Path:
    """Write one self-contained, offline HTML view of `graph` to `path` (atomically).

    `max_nodes` first shows only the top-N nodes by degree (None: all); the page keeps the
    full graph and offers controls to show everything or a node's neighbourhood.
    """
    path = Path(path)
    atomic_write(path, render_html(graph, title=title, max_nodes=max_nodes))
    return path
