"""Main text of a saved news page, with nothing but the standard library's html.parser.

Saved pages carry navigation, ads, scripts and footers around one article. The title
comes from <h1> (else <title>, site name cut off); the body from the <p> paragraphs of
the main content (<article>/<main> or a container whose id/class says content), and
when a page has no such paragraphs, from its visible text blocks. html.parser never
raises on malformed markup, and unclosed tags are tolerated by counting, not nesting.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SKIPPED = {"script", "style", "nav", "footer", "header", "aside", "noscript", "template", "form", "select",
           "button", "iframe", "svg", "head"}
BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "td", "tr", "table", "h1", "h2", "h3",
          "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "figcaption", "br", "hr", "body"}
MAIN_TAGS = {"article", "main"}
MAIN_HINT = re.compile(r"(?:^|[\s_-])(?:article|content|main|post|entry|story|text|body|detail)(?:$|[\s_-])|正文",
                       re.IGNORECASE)
NOISE_HINT = re.compile(r"(?:^|[\s_-])(?:nav|menu|footer|sidebar|comment|share|related|recommend|ad|ads|breadcrumb)"
                        r"(?:$|[\s_-])", re.IGNORECASE)
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
SITE_SUFFIX = re.compile(r"\s*(?:[_|｜]|--|—|\s-\s).*$")
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")


class _Extractor(HTMLParser):
    """Collects text blocks, each marked as <p> or not and inside main content or not."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0  # open skipped elements (script, nav ...)
        self.main = 0  # open main-content containers
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, opened main, opened skip)
        self.buffer: list[str] = []
        self.in_p = 0
        self.blocks: list[tuple[str, bool, bool]] = []  # (text, from <p>, in main content)
        self.title_tag: list[str] = []
        self.h1: list[tuple[str, bool]] = []
        self._title = False
        self._h1: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self._flush()
        if tag in VOID:
            return
        hint = " ".join(v or "" for k, v in attrs if k in ("id", "class", "role"))
        opens_skip = tag in SKIPPED or bool(hint and NOISE_HINT.search(hint) and not MAIN_HINT.search(hint))
        opens_main = tag in MAIN_TAGS or bool(hint and MAIN_HINT.search(hint))
        self.stack.append((tag, opens_main, opens_skip))
        self.skip += opens_skip
        self.main += opens_main
        if tag == "p":
            self.in_p += 1
        elif tag == "title":
            self._title = True
        elif tag == "h1" and not self.skip:
            self._h1 = []

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._flush()
        if tag == "title":
            self._title = False
        elif tag == "h1" and self._h1 is not None:
            self.h1.append(("".join(self._h1), self.main > 0))
            self._h1 = None
        # Close the innermost open element of this name and everything left open inside it.
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                for name, opened_main, opened_skip in self.stack[index:]:
                    self.main -= opened_main
                    self.skip -= opened_skip
                    self.in_p -= name == "p"
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if self._title:
            self.title_tag.append(data)
        if self.skip:
            return
        if self._h1 is not None:
            self._h1.append(data)
            return
        self.buffer.append(data)

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.buffer)).strip()
        self.buffer = []
        if text:
            self.blocks.append((text, self.in_p > 0, self.main > 0))


def extract_html(html: str) -> tuple[str, list[str]]:
    """(title, paragraphs) of a news page; either may be empty."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser._flush()
    titles = [_SPACE.sub(" ", text).strip() for text, _ in sorted(parser.h1, key=lambda h: not h[1])]
    title = next((t for t in titles if t), "")
    if not title:
        whole = _SPACE.sub(" ", "".join(parser.title_tag)).strip()
        title = SITE_SUFFIX.sub("", whole) or whole
    blocks = parser.blocks
    for choose in (lambda p, m: p and m, lambda p, m: p, lambda p, m: m, lambda p, m: True):
        paragraphs = [text for text, is_p, in_main in blocks if choose(is_p, in_main)]
        if paragraphs:
            return title, paragraphs
    return title, []


def html_to_text(html: str) -> str:
    """The page as the markdown-like text kg.ingest reads: '# title', then one paragraph per block."""
    title, paragraphs = extract_html(html)
    head = f"# {title}\n\n" if title else ""
    return head + "\n\n".join(paragraphs) + ("\n" if paragraphs else "")
