"""The HTML export without a browser: offline, inlined library, escaped data, deterministic, atomic."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from importlib import resources

import pytest

from kg.export import html as html_export
from kg.export.html import PREDICATE_STYLE, TYPE_STYLE, graph_data, render_html, script_json, write_html
from kg.model import COARSE_TYPES, FINE_TYPES, PATENT_FILING, PREDICATES

PROBES = ("<img src=x onerror=alert(1)>", "</script>", "<b>标题</b>")


class _Elements(HTMLParser):
    """Start tags with attributes, and the text of every <script> element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


@pytest.fixture
def page(small_graph):
    return render_html(small_graph, title="测试 <script>alert(1)</script> href")


def _parse(text: str) -> _Elements:
    parser = _Elements()
    parser.feed(text)
    parser.close()
    return parser


def _data_segment(text: str) -> tuple[int, int]:
    start = text.index('<script type="application/json" id="kg-data">') + len(
        '<script type="application/json" id="kg-data">'
    )
    return start, text.index("</script>", start)


def test_no_network_loads(page):
    lowered = page.lower()
    for pattern in (r"<script[^>]*\ssrc\s*=", r"<link\b", r"<img\b", r"<iframe\b", r"@import",
                    r"url\(\s*['\"]?\s*(?!data:)[a-z]+:", r"\s(?:src|href)\s*=\s*['\"]?\s*(?:https?:)?//"):
        assert not re.search(pattern, lowered), pattern
    parsed = _parse(page)
    for tag, attrs in parsed.tags:
        assert "src" not in attrs and "href" not in attrs, (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    assert "default-src 'none'" in page and "connect-src 'none'" in page


def test_inlines_vis_network(page):
    lib = resources.files("pyvis") / "lib" / "vis-9.0.4"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    assert "@version 9.0.4" in page
    assert js[:5000] in page and js[-5000:] in page
    assert css[:2000] in page
    scripts = _parse(page).scripts
    assert [a.get("type") for a, _ in scripts] == ["application/json", None, None]
    assert scripts[1][1] == js  # no "</script" or "<!--" to escape in this version


def test_csp_hashes_match_inline_scripts(page):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    for attrs, text in _parse(page).scripts:
        if attrs.get("type") == "application/json":
            continue
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]


def test_probes_only_escaped_inside_json(page, small_graph):
    start, end = _data_segment(page)
    outside = page[:start] + page[end:]
    for probe in PROBES:
        assert probe not in page[start:end]
        escaped = probe.replace("<", "\\u003c").replace(">", "\\u003e")
        assert escaped in page[start:end]
    assert "onerror=alert" not in outside and "标题" not in outside
    # Three script elements, three closing tags: nothing in the data closed one early.
    assert page.count("</script") == 3
    assert page.replace(_parse(page).scripts[1][1], "").count("<script") == 3
    assert "<!--" not in page
    # The heading is data too: escaped in <title>, JSON in the data element.
    assert "<title>测试 &lt;script&gt;alert(1)&lt;/script&gt; href</title>" in page
    data = json.loads(page[start:end])
    assert data["title"] == "测试 <script>alert(1)</script> href"
    names = {n["id"]: n["label"] for n in data["nodes"]}
    assert names["org/acme"] == "ACME公司<img src=x onerror=alert(1)>"
    assert data == json.loads(json.dumps(graph_data(small_graph, data["title"], 400)))


def test_script_json_escapes():
    text = script_json({"a": "</script><!-- & \u2028 >"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028 >"}


def test_data_content(small_graph):
    data = graph_data(small_graph, "t", max_nodes=3)
    assert data["maxNodes"] == 3
    assert data["summary"] == {"articles": 1, "entities": 7, "filings": 1, "relations": 8}
    assert data["nodes"][0]["id"] == "org/acme"  # highest degree first
    degrees = [n["degree"] for n in data["nodes"]]
    assert degrees == sorted(degrees, reverse=True)
    comment = next(e for e in data["edges"] if e["predicate"] == "commentsOn")
    assert comment["attrs"]["quote"] == "很好!</script>"
    assert comment["evidence"][0]["sentence"].startswith("“很好!”")
    assert comment["evidence"][0]["article"] == "doc-1"
    filing = next(n for n in data["nodes"] if n["type"] == PATENT_FILING)
    assert filing["attrs"]["count"] == 46000
    assert {t["type"] for t in data["types"]} == {n["type"] for n in data["nodes"]}
    assert graph_data(small_graph, "t", None)["maxNodes"] == len(data["nodes"])


def test_every_type_and_predicate_has_a_style():
    for type_ in (*COARSE_TYPES, *FINE_TYPES, PATENT_FILING):
        assert type_ in TYPE_STYLE
    assert set(PREDICATES) <= set(PREDICATE_STYLE)
    expected = {"commentsOn": "评论", "holdsPositionAt": "任职于", "ranksIn": "入选", "filesPatents": "申请专利",
                "releases": "发布", "publishes": "发布报告", "locatedIn": "位于", "incubatedBy": "孵化于",
                "partOf": "隶属于", "disagreesWith": "不认同", "author": "作者", "publisher": "出版方"}
    assert {p: PREDICATE_STYLE[p][0] for p in expected} == expected
    assert html_export.type_style("Vehicle")[2] == "diamond"
    assert html_export.type_style("Unknown") == html_export.OTHER_STYLE


def test_chinese_font_stack(page):
    for face in ('"PingFang SC"', '"Microsoft YaHei"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"'):
        assert face in page


def test_deterministic(tmp_path):
    from conftest import _small_graph

    a = write_html(_small_graph(), tmp_path / "a.html").read_bytes()
    b = write_html(_small_graph(), tmp_path / "b.html").read_bytes()
    assert a == b


def test_atomic_write(small_graph, tmp_path, monkeypatch):
    target = tmp_path / "out" / "graph.html"
    assert write_html(small_graph, target) == target
    before = target.read_bytes()

    def fail(*_args):
        raise OSError("disk full")

    monkeypatch.setattr("kg.io.os.replace", fail)
    with pytest.raises(OSError):
        write_html(small_graph, target, title="other")
    assert target.read_bytes() == before
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]
