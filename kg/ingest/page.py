"""Split one document, a single article or a whole newspaper page, into Articles.

A page is read top to bottom as a sequence of lines. Headings open articles or, inside
an article, sections; bylines and source lines give authors, publisher and date; photo
credits turn their paragraphs into caption Articles; page furniture is dropped; and
paragraphs the layout broke mid-sentence are joined again. Section heading text is kept
out of the article body: it names a part of the article, it is not a sentence of it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath

from kg.ingest.glued import split_head, split_tail
from kg.ingest.lines import (
    byline_outlet,
    ends_sentence,
    is_boilerplate,
    looks_like_title,
    names_in,
    parse_byline,
    parse_masthead,
    parse_source_line,
    split_credit,
    title_length,
)
from kg.model import Article

# Headings this short (letters and digits) are section titles, not article titles.
SECTION_MAX_LEN = 8
# A heading one level below the article title is a section up to this length.
SUBHEADING_MAX_LEN = 14
# An unpunctuated line this short is a label (an unmarked subheading), not a broken sentence.
LABEL_MAX_LEN = 12

_HEADING_RE = re.compile(r"^(#{1,6})(?:[ \t\u3000]+(\S.*?)|([^#\s][^#]*?))[ \t\u3000#]*$")
_BOLD_LINE_RE = re.compile(r"^\*\*([^*]+)\*\*$")
_NUMBERED_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十\d]+[部章节])"
)
_PAGE_HEADER_RE = re.compile(r"第?\s*\d+\s*版|(?:19|20)\d{2}\s*[.\-/年]\s*\d{1,2}")
_SAFE_STEM_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass
class _Line:
    """One non-blank line of the document, with the blank lines before it."""

    text: str
    blanks: int
    level: int = 0  # heading level (1-6), 0 for a non-heading line


@dataclass
class _Draft:
    """An article (or caption) while the page is being read."""

    title: str
    level: int
    start: int  # index of its first line, for document order
    paragraphs: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    date: str | None = None
    kind: str = "article"
    parent: _Draft | None = None  # for a caption: the article it was printed in
    ended: bool = False  # a dated source line closed it
    open: bool = False  # its last paragraph broke mid-sentence and continues in the next
    sections: dict[int, int] = field(default_factory=dict)  # heading level -> longest section title
    masthead: tuple[str, str | None] | None = None  # (newspaper, date) of the page it is printed on

    @property
    def has_metadata(self) -> bool:
        return bool(self.authors or self.publisher or self.date)


def split_page(text: str, document: str) -> list[Article]:
    """The articles and photo captions of one document, in document order."""
    return _PageReader(PORTAL_LINKS.sub("", text), document).read()


# What a news portal inserts after words it links (Sina: '留学(微博)', a quote after a stock's
# name '万通地产(4.19,-0.09,-2.10%)', a developer's links '(企业专区,旗下楼盘)'): page furniture that
# would cut a name in two ('北京留学(微博)服务行业协会').
PORTAL_LINKS = re.compile(r"[(（](?:微博|企业专区[,，]旗下楼盘|论坛(?: 相册| 户型| 样板间| 地图搜索)*"
                          r"|-?\d+(?:\.\d+)?,\s*[+-]?\d+(?:\.\d+)?,\s*[+-]?\d+(?:\.\d+)?%)[)）]")


def article_key(document: str) -> str:
    """An ASCII key for article ids: the file stem when it is ASCII-safe, else a short sha1 of it."""
    stem = PurePath(document).stem
    if _SAFE_STEM_RE.fullmatch(stem):
        return stem
    return hashlib.sha1(stem.encode("utf-8")).hexdigest()[:12]


def _split_lines(text: str) -> list[_Line]:
    """Non-blank lines with their blank-line counts; markdown headings get their level."""
    lines, blanks = [], 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            blanks += 1
            continue
        heading = _HEADING_RE.match(line)
        bold = _BOLD_LINE_RE.match(line)
        if heading:
            title = _clean_title(heading.group(2) or heading.group(3))
            lines.append(_Line(title, blanks, len(heading.group(1))))
        elif bold and looks_like_title(bold.group(1)):
            lines.append(_Line(_clean_title(bold.group(1)), blanks, 6))
        else:
            lines.append(_Line(line, blanks))
        blanks = 0
    return lines


def _clean_title(text: str) -> str:
    """One-spaced, without markdown bold, and without a display headline that repeats the title
    after a mark ('标题 ◆“标题”'), as pages print one above the other."""
    text = re.sub(r"\s+", " ", text.replace("**", "")).strip()
    if (mark := _REPEAT_MARK.search(text)) and _letters(text[mark.end():]) == _letters(text[: mark.start()]):
        return text[: mark.start()]
    return text


_BRACKETED = re.compile(r"[（(].+[）)]")
_REPEAT_MARK = re.compile(r"\s*[◆◇■□●○▲△★☆▶►]\s*")


def _letters(text: str) -> str:
    return re.sub(r"[^\w]", "", text)


class _PageReader:
    """Reads the lines of one document into drafts, then turns the drafts into Articles."""

    def __init__(self, text: str, document: str) -> None:
        self.document = document
        self.lines = _split_lines(text)
        gaps = Counter(line.blanks for line in self.lines[1:])
        # More blank lines than the usual paragraph gap mark a layout break, unless every
        # heading has them: then they are the page's heading style, not evidence.
        self.break_gap = max(gaps.most_common(1)[0][0] + 1 if gaps else 2, 1)
        headings = [line for line in self.lines[1:] if line.level]
        if len(headings) >= 2 and all(line.blanks >= self.break_gap for line in headings):
            self.break_gap = max(line.blanks for line in self.lines) + 1
        self.drafts: list[_Draft] = []
        self.draft: _Draft | None = None
        self.masthead: tuple[str, str | None] | None = None
        self.broken = True  # a layout break (caption, boilerplate, source line) since the last body text
        # Index in draft.paragraphs of the paragraph the previous line added whole (not joined).
        self.last_body: int | None = None

    def read(self) -> list[Article]:
        index = 0
        while index < len(self.lines):
            index = self._read_line(index)
        return self._articles()

    def _read_line(self, index: int) -> int:
        """Handle the line at `index`; the index of the next line to read."""
        line = self.lines[index]
        last_body, self.last_body = self.last_body, None
        if line.level:
            self._heading(line, index)
        elif is_boilerplate(line.text) or not title_length(line.text):  # furniture, rules like * * *
            self.broken = True
        elif (masthead := self._masthead(line.text)) is not None:
            self.masthead, self.broken = masthead, True
            if self.draft is not None and not self.draft.paragraphs and not self.draft.authors:
                self.draft.masthead = masthead
        elif (source := parse_source_line(line.text)) is not None:
            return self._source_line(source, index)
        elif (credit := split_credit(line.text)) is not None:
            self._caption(*credit, index, last_body)
        elif (byline := parse_byline(line.text)) is not None:
            self._byline(*byline, index, last_body, line.text)
        else:
            self._body(line.text, index)
        return index + 1

    def _masthead(self, text: str) -> tuple[str, str | None] | None:
        """A page's masthead ('工人日报 2024年3月6日 第5版'): at the top of the page, or a line that is
        no source line of the running article (a new page of the same document)."""
        masthead = parse_masthead(text)
        if masthead is None:
            return None
        top = self.draft is None or not self.draft.paragraphs
        return masthead if top or parse_source_line(text) is None else None

    def _new_draft(self, title: str, level: int, start: int) -> _Draft:
        self.draft = _Draft(title, level, start, masthead=self.masthead)
        self.drafts.append(self.draft)
        return self.draft

    def _heading(self, line: _Line, index: int) -> None:
        """Open an article, retitle an empty one, or pass over a section heading."""
        draft = self.draft
        if is_boilerplate(line.text):
            self.broken = True
        elif draft is None or draft.ended or self.broken or line.blanks >= self.break_gap:
            self._new_draft(line.text, line.level, index)
            self.broken = False
        elif not draft.paragraphs and not draft.authors:
            self._second_heading(draft, line)
        elif self._opens_article(draft, line, index):
            self._new_draft(line.text, line.level, index)
        else:
            draft.sections[line.level] = max(draft.sections.get(line.level, 0), title_length(line.text))
            draft.open = False

    def _second_heading(self, draft: _Draft, line: _Line) -> None:
        """A heading right under a bodiless one: a subtitle, the real title, or the rest of the title."""
        if not draft.title or title_length(draft.title) <= 4 or _PAGE_HEADER_RE.search(draft.title):
            draft.title, draft.level = line.text, line.level  # the first was a page or column header
        elif not (draft.level and line.level > draft.level or _is_section_like(line.text)):
            draft.title = f"{draft.title} {line.text}"  # a kicker over the main title, as the page prints it

    def _opens_article(self, draft: _Draft, line: _Line, index: int) -> bool:
        """Layout evidence that a heading inside a running article starts a new one."""
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if following and not following.level and parse_byline(following.text):
            return True
        if draft.level and line.level < draft.level:
            return True
        length = title_length(line.text)
        if _is_section_like(line.text):
            return False
        if (not draft.level or line.level > draft.level) and length <= SUBHEADING_MAX_LEN:
            return False
        if line.level in draft.sections and length <= draft.sections[line.level] + 4:
            return False
        return True

    def _source_line(self, source: tuple, index: int) -> int:
        """Publisher, date and authors for the running article; a dated one ends it."""
        publisher, date, authors = source
        authors = list(authors)
        following = index + 1
        name_line = self.lines[following] if following < len(self.lines) else None
        if name_line and name_line.blanks == 0 and not name_line.level and len(name_line.text) <= 30:
            names = names_in(name_line.text, need_role=False)
            if names:
                authors.extend(names)
                following += 1
        draft = self.draft
        if draft is None or (draft.ended and draft.publisher and publisher):
            draft = self._new_draft("", 0, index)
        draft.publisher = draft.publisher or publisher
        draft.date = draft.date or date
        draft.authors.extend(authors)
        if draft.paragraphs and date:
            draft.ended = True
        if draft.paragraphs:
            self.broken = True
        return following

    def _caption(self, text: str, photographers: tuple[str, ...], index: int, last_body: int | None) -> None:
        """A photo caption: the paragraph with its credit, or the paragraph before a bare credit."""
        self.broken = True
        if not text and last_body is not None and self.draft is not None:
            text = self.draft.paragraphs.pop(last_body)
            index = max(index - 1, 0)
        if text:
            caption = _Draft("", 0, index, [text], list(photographers), kind="caption", parent=self.draft)
            self.drafts.append(caption)

    def _byline(self, authors: tuple[str, ...], rest: str, index: int, last_body: int | None, line: str) -> None:
        """Authors for the article a byline opens; the rest of its paragraph is body text. A dateline
        before it names the outlet ('新华社北京3月8日电（记者 王五）': 新华社 publishes the article)."""
        draft = self.draft
        if draft is None or draft.ended:
            draft = self._new_draft("", 0, index)
        elif draft.paragraphs:
            previous = draft.paragraphs[last_body] if last_body is not None else ""
            # An unmarked title over the byline, unless it is the first line under a real title.
            if previous and looks_like_title(previous) and (last_body > 0 or not draft.title):
                draft.paragraphs.pop(last_body)
                draft = self._new_draft(previous, 0, index - 1)
            elif rest:
                draft = self._new_draft("", 0, index)
        draft.authors.extend(authors)
        draft.publisher = draft.publisher or byline_outlet(line)  # '证券时报记者 张一帆'
        if rest and (head := split_head(line, titled=True)) is not None:
            draft.publisher, draft.date = draft.publisher or head[1], draft.date or head[2]
        if rest:
            self._body(rest, index, may_be_title=False)
        elif draft.paragraphs and _BRACKETED.fullmatch(line.strip()):
            draft.ended = self.broken = True  # '（本报记者 赵丽）' after the body closes the article

    def _body(self, text: str, index: int, may_be_title: bool = True) -> None:
        """A body paragraph, joined to the previous one when the layout broke a sentence."""
        draft = self.draft
        if draft is None or draft.ended:
            draft = self._new_draft("", 0, index)
        if may_be_title and not draft.title and not draft.paragraphs and looks_like_title(text):
            draft.title = _clean_title(text)
            return
        if not draft.paragraphs and (head := split_head(text, titled=bool(draft.title))):
            title, publisher, date, authors, text = head
            draft.title = draft.title or _clean_title(title)
            draft.publisher, draft.date = draft.publisher or publisher, draft.date or date
            draft.authors.extend(authors)
            if not text:
                return
        if draft.open and draft.paragraphs:
            glue = " " if draft.paragraphs[-1][-1:].isascii() and draft.paragraphs[-1][-1:].isalpha() \
                and text[:1].isascii() and text[:1].isalpha() else ""
            draft.paragraphs[-1] += glue + text
        else:
            draft.paragraphs.append(text)
            self.last_body = len(draft.paragraphs) - 1
        draft.open = not ends_sentence(text) and not _is_label(text)
        self.broken = False

    def _articles(self) -> list[Article]:
        """Drafts to Articles: empty ones dropped, untitled ones merged or named, ids numbered."""
        page_date = _page_date(self.drafts)
        kept: list[_Draft] = []
        for draft in sorted(self.drafts, key=lambda d: d.start):
            draft.paragraphs = [p.strip() for p in draft.paragraphs if p.strip()]
            if draft.kind == "article" and draft.paragraphs and (tail := split_tail(draft.paragraphs[-1])):
                draft.paragraphs[-1], publisher, authors = tail
                draft.publisher = draft.publisher or publisher
                draft.authors.extend(authors)
                draft.paragraphs = [p for p in draft.paragraphs if p]
            if not draft.paragraphs:
                continue
            if draft.masthead and draft.kind == "article":  # printed on this paper's page, on its date
                draft.publisher = draft.publisher or draft.masthead[0]
                draft.date = draft.date or draft.masthead[1]
            if draft.kind == "article" and not draft.title:
                previous = next((d for d in reversed(kept) if d.kind == "article"), None)
                if previous is not None and not draft.has_metadata:
                    previous.paragraphs.extend(draft.paragraphs)
                    continue
                draft.title = PurePath(self.document).stem
            kept.append(draft)
        key = article_key(self.document)
        return [
            Article(
                id=f"{key}-{number}",
                document=self.document,
                title=draft.title,
                text="\n".join(draft.paragraphs),
                authors=tuple(dict.fromkeys(draft.authors)),
                publisher=draft.publisher,
                date=draft.date,
                context_date=draft.date or (draft.parent and draft.parent.date) or page_date,
                kind=draft.kind,
            )
            for number, draft in enumerate(kept, start=1)
        ]


def _page_date(drafts: list[_Draft]) -> str | None:
    """The date most source lines of the page carry (the earliest stated on a tie)."""
    dates = Counter(d.date for d in drafts if d.date)
    if not dates:
        return None
    top = max(dates.values())
    return next(d.date for d in drafts if d.date and dates[d.date] == top)


def _is_section_like(title: str) -> bool:
    """Short or numbered headings title a section of an article."""
    return title_length(title) <= SECTION_MAX_LEN or bool(_NUMBERED_RE.match(title))


def _is_label(text: str) -> bool:
    """A short line with no punctuation at all: a label or unmarked subheading, not a broken sentence."""
    return title_length(text) <= LABEL_MAX_LEN and title_length(text) == len(text.replace(" ", ""))


__all__ = ["article_key", "split_page"]
