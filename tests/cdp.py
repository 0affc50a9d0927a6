"""A minimal Chrome DevTools protocol (CDP) client for headless Chromium, no extra package.

It talks over --remote-debugging-pipe (file descriptors 3 and 4, messages separated by
NUL), so no websocket library is needed. Used by tests/test_browser.py and
benchmarks/html_load.py; set KG_CHROMIUM to pick a binary.
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

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe"]
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell",
              "chrome-headless-shell")


def chromium_binary() -> str | None:
    """The Chromium to drive: $KG_CHROMIUM, else the first known name on PATH; None when there is none."""
    for name in (os.environ.get("KG_CHROMIUM"), *CANDIDATES):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


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


    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Page:
    """One tab: navigate, evaluate, screenshot; remembers console errors and requests."""

    def __init__(self, browser: Browser, width: int = 1280, height: int = 800):
        self.b = browser
        self.target = target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
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

    def screenshot(self, selector: str | None = None) -> bytes:
        """A PNG of the viewport, or of the element `selector` matches."""
        params: dict = {"format": "png"}
        if selector:
            box = self.evaluate(f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                                ".getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width,"
                                " height: r.height}; })()")
            params["clip"] = {**box, "scale": 1}
        return base64.b64decode(self.send("Page.captureScreenshot", params)["data"])

    def press(self, key: str, code: int) -> None:
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": key, "code": key,
                                                 "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code})

    def type_into(self, selector: str, text: str) -> None:
        """Clear an input, focus it and type `text` as the keyboard would (IME-committed text)."""
        self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.value = '';"
                      " e.dispatchEvent(new Event('input')); e.focus(); })()")
        self.send("Input.insertText", {"text": text})

    def click_at(self, x: float, y: float) -> None:
        """A real left mouse click at viewport coordinates."""
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def node_point(self, node_id: str) -> dict:
        """Viewport coordinates of a graph node's centre."""
        return self.evaluate("(() => { const r = document.getElementById('graph').getBoundingClientRect();"
                             f"const p = kg.network.canvasToDOM(kg.network.getPosition({json.dumps(node_id)}));"
                             "return {x: p.x + r.left, y: p.y + r.top}; })()")

    def request_urls(self) -> list[str]:
        """Every URL this tab asked for."""
        return [p["request"]["url"] for p in self.mine("Network.requestWillBeSent")]

    def close(self) -> None:
        try:
            self.b.send("Target.closeTarget", {"targetId": self.target}, timeout=10)
        except (RuntimeError, TimeoutError):
            pass


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
