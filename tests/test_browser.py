"""The HTML export in headless Chromium, driven over the DevTools protocol (CDP).

The CDP client talks over --remote-debugging-pipe (file descriptors 3 and 4, messages
separated by NUL), so no websocket package is needed. Set KG_CHROMIUM to pick a binary;
set KG_UPDATE_SCREENSHOTS=1 to rewrite docs/graph-small.png.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import signal
import struct
import time
import zlib
from pathlib import Path

import networkx as nx
import pytest

from kg.export.html import write_html
from kg.graph import build_graph
from kg.model import Article, Entity, Evidence, Fact

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe"]


def chromium_binary() -> str:
    for name in (os.environ.get("KG_CHROMIUM"), "chromium", "chromium-browser", "google-chrome",
                 "google-chrome-stable", "chrome", "headless_shell", "chrome-headless-shell"):
        if name and shutil.which(name):
            return shutil.which(name)
    pytest.skip("no Chromium binary found (apt-get install chromium fonts-wqy-microhei, or set KG_CHROMIUM)")


class Browser:
    """Headless Chromium and a minimal CDP client over the debugging pipe."""

    def __init__(self, binary: str, profile: Path):
        to_chrome, self._cmd = os.pipe()
        self._out, from_chrome = os.pipe()
        # Chromium reads commands from fd 3 and writes replies to fd 4; move our ends out of the way first.
        hi_in, hi_out = (fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_chrome, from_chrome))
        os.close(to_chrome)
        os.close(from_chrome)
        actions = [(os.POSIX_SPAWN_DUP2, hi_in, 3), (os.POSIX_SPAWN_DUP2, hi_out, 4),
                   (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                   (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                   (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
        argv = [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"]
        self.pid = os.posix_spawn(binary, argv, os.environ, file_actions=actions, setpgroup=0)
        os.close(hi_in)
        os.close(hi_out)
        self._buf = b""
        self._id = 0
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30):
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._cmd, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._out], [], [], left)[0]:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self._out, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the debugging pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def pump(self, seconds: float) -> None:
        """Collect events for a while."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self.events.append(self._read(deadline))
        except TimeoutError:
            pass

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except (RuntimeError, TimeoutError, OSError):
            pass
        deadline = time.monotonic() + 10
        while os.waitpid(self.pid, os.WNOHANG) == (0, 0):
            if time.monotonic() > deadline:
                os.killpg(self.pid, signal.SIGKILL)  # the group this test started
                os.waitpid(self.pid, 0)
                break
            time.sleep(0.05)
        os.close(self._cmd)
        os.close(self._out)


class Page:
    """One tab: navigate, evaluate, screenshot; remembers console errors and requests."""

    def __init__(self, browser: Browser, width: int = 1280, height: int = 800):
        self.b = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def send(self, method, params=None, timeout=30):
        return self.b.send(method, params, session=self.session, timeout=timeout)

    def evaluate(self, expression: str, timeout: float = 30):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, timeout=timeout)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.05)
        raise TimeoutError(expression)

    def open(self, url: str) -> float:
        """Navigate and wait until the graph layout has stabilised; seconds taken."""
        start = time.monotonic()
        self.send("Page.navigate", {"url": url})
        self.wait_for("window.kgStats && window.kgStats.stabilizedMs !== null", timeout=120)
        return time.monotonic() - start

    def mine(self, method: str) -> list[dict]:
        return [e["params"] for e in self.b.events if e.get("sessionId") == self.session and e.get("method") == method]

    def errors(self) -> list:
        out = [p["exceptionDetails"] for p in self.mine("Runtime.exceptionThrown")]
        out += [p for p in self.mine("Runtime.consoleAPICalled") if p["type"] in ("error", "assert")]
        out += [p["entry"] for p in self.mine("Log.entryAdded") if p["entry"]["level"] == "error"]
        return out

    def screenshot(self) -> bytes:
        return base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"])

    def press(self, key: str, code: int) -> None:
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": key, "code": key,
                                                 "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code})


def png_colours(png: bytes, step: int = 3) -> set[tuple]:
    """Distinct colours of an 8-bit RGB/RGBA PNG, sampling every `step`-th row and column."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    colours = set()
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % step == 0:
            colours.update(bytes(line[x:x + 3]) for x in range(0, stride, bpp * step))
        prev = line
    return colours


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    b = Browser(chromium_binary(), tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


def _no_requests_left_the_file(page: Page, url: str) -> None:
    urls = [p["request"]["url"] for p in page.mine("Network.requestWillBeSent")]
    assert urls and all(u == url or u.startswith("data:") for u in urls), urls
    assert page.evaluate("performance.getEntriesByType('resource').length") == 0


def test_small_graph(browser, small_graph, tmp_path):
    path = write_html(small_graph, tmp_path / "small.html", title="知识图谱示例")
    page = Page(browser)
    seconds = page.open(path.as_uri())
    print(f"\nsmall graph: loaded and stabilised in {seconds:.2f} s "
          f"({page.evaluate('kgStats.stabilizedMs')} ms in page)")
    page.b.pump(0.6)  # let the fit animation settle before the screenshot
    png = page.screenshot()
    (tmp_path / "small.png").write_bytes(png)
    if os.environ.get("KG_UPDATE_SCREENSHOTS"):
        (ROOT / "docs" / "graph-small.png").write_bytes(png)
    assert len(png_colours(png)) >= 8
    summary = page.evaluate("document.getElementById('summary').textContent")
    assert summary == "1 篇文章 · 7 个实体 · 8 条关系 · 1 条专利申请记录"
    assert page.evaluate("kg.visibleNodes().length") == 9
    # Type a name: the node is listed; Enter focuses, highlights and opens its panel.
    page.evaluate("document.getElementById('search').focus()")
    page.send("Input.insertText", {"text": "张三"})
    assert page.evaluate("[...document.querySelectorAll('#search-results li')].map(li => li.dataset.id)")[0] == (
        "person/zhangsan")
    page.press("Enter", 13)
    assert page.evaluate("kg.state().selected") == "person/zhangsan"
    assert page.evaluate("kg.network.getSelectedNodes()") == ["person/zhangsan"]
    panel = page.evaluate("document.getElementById('panel').hidden ? '' : document.getElementById('panel').innerText")
    assert "张三" in panel and "评论" in panel and "很好!</script>" in panel and "测试<b>标题</b> href" in panel
    # An alias finds its entity too.
    page.evaluate("const s = document.getElementById('search'); s.value = ''; s.focus()")
    page.send("Input.insertText", {"text": "acme"})
    assert "org/acme" in page.evaluate("[...document.querySelectorAll('#search-results li')].map(li => li.dataset.id)")
    # Filters: hiding Person hides 张三 and 李四.
    page.evaluate("document.getElementById('panel-close').click()")
    person = "document.querySelector('#type-filters input[data-index=\"0\"]').click()"
    page.evaluate(person)
    assert sorted(page.evaluate("kg.visibleNodes()")) == sorted(
        n for n, t in small_graph.nodes(data="type") if t != "Person")
    page.evaluate(person)
    assert len(page.evaluate("kg.visibleNodes()")) == 9
    # A real mouse click on a node selects it.
    page.wait_for("!kgStats.busy")
    page.b.pump(0.5)
    pos = page.evaluate("const r = document.getElementById('graph').getBoundingClientRect();"
                        "const p = kg.network.canvasToDOM(kg.network.getPosition('location/bj'));"
                        "({x: p.x + r.left, y: p.y + r.top})")
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        page.send("Input.dispatchMouseEvent", {"type": kind, "x": pos["x"], "y": pos["y"], "button": "left",
                                               "clickCount": 1})
    page.wait_for("kg.state().selected === 'location/bj'", timeout=5)
    assert page.errors() == []
    _no_requests_left_the_file(page, path.as_uri())


def _probe_graph():
    probes = ['<img src=x onerror="window.__xss=1">', "</script><script>window.__xss=2</script>",
              "<svg onload=window.__xss=3>", '"><iframe srcdoc="<script>parent.__xss=4</script>">',
              "<!--<script>window.__xss=5</script>"]
    article = Article(id="a-1", document="p.txt", title=probes[0] + "标题", text="x", date="2024-01-01")
    ev = Evidence(article="a-1", sentence=probes[1] + "证据", start=0, end=1)
    entities = [Entity(id=f"person/p{i}", name=f"人{i}{p}", type="Person", aliases={p, f"别名{i}{p}"},
                       mentions=1, articles={"a-1"}) for i, p in enumerate(probes)]
    entities.append(Entity(id="org/o", name=probes[2] + "公司", type="Company", mentions=1))
    facts = [Fact(e.name, "Person", "holdsPositionAt", "o", "Company", {"role": [probes[3]], "quote": probes[4]},
                  ev, subject_id=e.id, object_id="org/o") for e in entities[:-1]]
    facts.append(Fact("a-1", "Article", "author", "x", "Person", evidence=ev, subject_id="article/a-1",
                      object_id="person/p0"))
    return build_graph([article], entities, facts), probes


def test_xss_probes_never_run(browser, tmp_path):
    graph, probes = _probe_graph()
    path = write_html(graph, tmp_path / "probe.html", title=probes[0] + probes[1])
    page = Page(browser)
    page.open(path.as_uri())
    dialogs = page.mine("Page.javascriptDialogOpening")
    # Render every string through each view: panels, search results, tooltips.
    for node in page.evaluate("kg.visibleNodes()"):
        page.evaluate(f"kg.select({json.dumps(node)}, {{focus: false}})")
    page.evaluate("const s = document.getElementById('search'); s.value = '<'; s.dispatchEvent(new Event('input'))")
    assert page.evaluate("document.querySelectorAll('#search-results li').length") >= 5
    page.evaluate("kg.select(null)")
    pos = page.evaluate("const r = document.getElementById('graph').getBoundingClientRect();"
                        "const p = kg.network.canvasToDOM(kg.network.getPosition('org/o'));"
                        "({x: p.x + r.left, y: p.y + r.top})")
    page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": pos["x"], "y": pos["y"]})
    page.wait_for("!document.getElementById('tooltip').hidden", timeout=5)
    assert page.evaluate("document.getElementById('tooltip').textContent").startswith(probes[2] + "公司")
    assert page.evaluate("document.title") == probes[0] + probes[1]
    assert page.evaluate("document.getElementById('title').textContent") == probes[0] + probes[1]
    assert page.evaluate("String(window.__xss)") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, [onerror], [onload]').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.evaluate("kgStats.cspViolations") == []
    assert dialogs == [] and page.mine("Page.javascriptDialogOpening") == []
    page.evaluate("kg.select('org/o')")
    panel = page.evaluate("document.getElementById('panel').innerText")
    assert probes[4] in panel and probes[3] in panel and probes[1] + "证据" in panel
    assert page.errors() == []


def _big_graph(n_nodes: int = 3000, n_edges: int = 6000) -> nx.MultiDiGraph:
    """A synthetic graph of the export schema, preferential attachment so degrees vary."""
    graph = nx.MultiDiGraph()
    types = ["Person", "Company", "Product", "Location", "Ranking", "ResearchInstitute"]
    preds = ["holdsPositionAt", "releases", "locatedIn", "ranksIn", "partOf", "commentsOn"]
    for i in range(n_nodes):
        graph.add_node(f"n/{i}", label=f"实体{i}", type=types[i % len(types)], aliases=[f"alias{i}"],
                       mentions=i % 7, articles=[])
    state = 12345
    ends = ["n/0", "n/1"]
    for j in range(n_edges):
        state = (state * 1103515245 + 12345) % 2**31
        u = f"n/{(j * 7919) % n_nodes}"
        v = ends[state % len(ends)]
        if u != v:
            graph.add_edge(u, v, key=f"{preds[j % 6]}#{j}", predicate=preds[j % 6], confidence=1.0, extractor="t",
                           evidence=[Evidence("x", f"句子{j}", 0, 1)])
            ends += [u, v]
    return graph


def test_big_graph_load_time(browser, tmp_path):
    graph = _big_graph()
    started = time.monotonic()
    path = write_html(graph, tmp_path / "big.html", max_nodes=400)
    export = time.monotonic() - started
    page = Page(browser)
    seconds = page.open(path.as_uri())
    shown = page.evaluate("kg.visibleNodes().length")
    print(f"\nbig graph ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, "
          f"{path.stat().st_size // 1024} KiB, export {export:.2f} s): top-{shown} view loaded and "
          f"stabilised in {seconds:.2f} s ({page.evaluate('kgStats.stabilizedMs')} ms in page)")
    assert shown == 400
    # A node outside the top 400, found by search, joins the view with its neighbours.
    hidden = page.evaluate("kg.findMatches('实体2999')")[0]
    assert hidden not in page.evaluate("kg.visibleNodes()")
    page.evaluate(f"kg.select({json.dumps(hidden)}, {{focus: true}})")
    assert hidden in page.evaluate("kg.visibleNodes()")
    page.evaluate("document.querySelector('input[name=mode][value=focus]').click()")
    assert len(page.evaluate("kg.visibleNodes()")) <= 1 + graph.degree(hidden)
    page.wait_for("!kgStats.busy")
    started = time.monotonic()
    layouts = page.evaluate("kgStats.layouts")
    page.evaluate("document.querySelector('input[name=mode][value=all]').click()")
    page.wait_for(f"kgStats.layouts > {layouts}", timeout=120)
    print(f"show all {graph.number_of_nodes()} nodes: re-layout in {time.monotonic() - started:.2f} s")
    assert page.evaluate("kg.visibleNodes().length") == graph.number_of_nodes()
    assert page.errors() == []
    _no_requests_left_the_file(page, path.as_uri())
