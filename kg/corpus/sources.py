"""The documents of a corpus: files (.txt/.md pages, .html pages) and records of line dumps.

A dump (.jsonl, .tsv, or a .txt in THUCNews' `category<TAB>text` layout) is read line by
line, and each record becomes a document of its own, named after the file and the line
("cnews1000-L17.txt"), so the cache, the report and the per-document named graphs work
per record. The name keeps the "<stem>.<ext>" shape because article ids and named graphs
are derived from the stem. Main-process work is limited to reading bytes: decoding and
parsing happen in `load_articles`, on the worker, where a failure is reported, not raised.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from ..ingest import InputError, article_key, split_page
from ..ingest.reader import decode_text
from ..model import Article
from .html import html_to_text
from .options import DEFAULT_MAX_BYTES, LAYOUTS, Options

__all__ = ["DEFAULT_MAX_BYTES", "LAYOUTS", "Options", "Source", "iter_sources", "layout_of", "load_articles"]

PAGE_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
TSV_SUFFIXES = (".tsv",)
CORPUS_SUFFIXES = PAGE_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + TSV_SUFFIXES
_TSV_LINE = re.compile(rb"^[^\t\n\r]{1,20}\t[^\t]")
_UNSAFE_NAME = re.compile(r"[\s./\\:#?%]+")
_SNIFF_BYTES = 65536


@dataclass(frozen=True)
class Source:
    """One document to build: its bytes, the name it gets in the graph, and how to read it."""

    label: str  # where it is, for messages: "dir/a.html" or "dir/cnews1000.txt:17"
    document: str  # Article.document, unique per build
    layout: str  # "page", "html", "jsonl" or "tsv"
    data: bytes
    line: int = 0  # 1-based line of a dump record, 0 for a whole file


def layout_of(path: Path, options: Options) -> str:
    """The layout of `path`: forced by --layout, else by suffix, a .txt sniffed for TSV."""
    if options.layout != "auto":
        return options.layout
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TSV_SUFFIXES or (suffix == ".txt" and _looks_like_tsv(path)):
        return "tsv"
    return "page"


def _looks_like_tsv(path: Path) -> bool:
    """Every complete line of the file's head is 'short label<TAB>text': a THUCNews-style dump."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    lines = [line for line in head.split(b"\n")[:-1] or head.split(b"\n") if line.strip()][:5]
    return bool(lines) and all(_TSV_LINE.match(line) for line in lines)


def iter_sources(files: list[Path], options: Options) -> Iterator[Source | InputError]:
    """Each file's documents in order; a file or record that cannot be taken is an InputError."""
    names: set[str] = set()
    for path in files:
        layout = layout_of(path, options)
        if layout in ("jsonl", "tsv"):
            yield from _records(path, layout, options, names)
            continue
        try:
            size = path.stat().st_size
            if size > options.max_bytes:
                yield InputError(path, f"too large ({size:,} bytes > --max-bytes {options.max_bytes:,}); not read")
                continue
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(path, f"cannot be read ({exc.strerror or exc})")
            continue
        yield Source(str(path), path.name, layout, data)


def _records(path: Path, layout: str, options: Options, names: set[str]) -> Iterator[Source | InputError]:
    """The records of a dump, one per non-blank line; an over-long line is skipped, never held."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(path, f"cannot be read ({exc.strerror or exc})")
        return
    with handle:
        number = 0
        while True:
            line = handle.readline(options.max_bytes + 1)
            if not line:
                break
            number += 1
            label = f"{path}:{number}"
            if len(line) > options.max_bytes and not line.endswith(b"\n"):
                skipped = len(line) + _skip_line(handle)
                yield InputError(label, f"record too large ({skipped:,} bytes > --max-bytes {options.max_bytes:,})")
                continue
            if number == 1 and line.startswith((b"\xff\xfe", b"\xfe\xff")):
                yield InputError(path, "UTF-16 dumps are not supported: convert to UTF-8")
                return
            if not line.strip():
                continue
            if layout == "jsonl" and options.id_field:
                record_id = _record_id(line, options.id_field)
                if record_id is not None:
                    document = _document_name(path, record_id)
                    if document in names:
                        yield InputError(label, f"duplicate {options.id_field} {record_id!r}; record skipped")
                        continue
                    names.add(document)
                    yield Source(label, document, layout, line, number)
                    continue
            yield Source(label, _record_name(path, number, names), layout, line, number)


def _skip_line(handle) -> int:
    """Read past the rest of the current line in 1 MiB steps; the bytes skipped."""
    skipped = 0
    while chunk := handle.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _record_name(path: Path, number: int, names: set[str]) -> str:
    """'cnews1000-L17.txt': unique in the build, ASCII-safe stem when the file's is."""
    stem = _UNSAFE_NAME.sub("_", path.stem)
    name = f"{stem}-L{number}{path.suffix}"
    while name in names:  # two dumps with the same stem in different folders
        stem += "_"
        name = f"{stem}-L{number}{path.suffix}"
    names.add(name)
    return name


def load_articles(source: Source, options: Options) -> list[Article]:
    """Decode and parse one document into Articles; InputError when it holds no article."""
    title, body = None, ""
    if source.layout == "jsonl":
        title, body = _jsonl_record(source, options)
    else:
        text = decode_text(source.label, source.data)
        if source.layout == "html":
            text = html_to_text(text)
        elif source.layout == "tsv":
            title, body = _tsv_record(source, text)
    if source.layout in ("jsonl", "tsv"):
        text = f"# {title}\n\n{body}\n" if title else body
    articles = split_page(text, source.document)
    if any(article.kind == "article" for article in articles):
        return articles
    if body.strip():
        # A record is one article by definition: when the page reader sees none (it took the
        # text for a photo caption or page furniture), the record's whole text is the article.
        title = title or PurePath(source.document).stem
        return [Article(f"{article_key(source.document)}-1", source.document, title, body.strip())]
    raise InputError(source.label, "no article text found")


def _jsonl_record(source: Source, options: Options) -> tuple[str | None, str]:
    """(title or None, text) of a JSON Lines record."""
    line = decode_text(source.label, source.data)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(source.label, f"not a JSON object ({exc.msg})") from None
    if not isinstance(record, dict):
        raise InputError(source.label, "not a JSON object")
    text = record.get(options.text_field)
    if not isinstance(text, str) or not text.strip():
        raise InputError(source.label, f"no text in field {options.text_field!r}")
    title = record.get(options.title_field)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return (" ".join(title.split()) if isinstance(title, str) and title.strip() else None), text


def _record_id(line: bytes, field: str) -> str | None:
    """The --id-field value of a JSON line, None when absent or unreadable (the worker reports why)."""
    try:
        value = json.loads(line).get(field)
    except (ValueError, AttributeError):
        return None
    return None if value is None or value == "" else str(value)


def _document_name(path: Path, record_id: str) -> str:
    """'<stem>-<id>.<ext>' for a record with its own id; an id with no safe characters is hashed."""
    safe = _UNSAFE_NAME.sub("_", record_id).strip("_")[:64]
    if not safe:
        safe = hashlib.sha1(record_id.encode("utf-8")).hexdigest()[:12]
    return f"{_UNSAFE_NAME.sub('_', path.stem)}-{safe}{path.suffix}"


# Where a THUCNews body begins right after its (unseparated) headline: a news-agency lead
# ('新浪体育讯', '中新网4月12日电'), a byline or column marker, or a date/time lead.
_BODY_LEAD = re.compile(
    r"(?:新浪|搜狐|网易|凤凰网?|本报|新报|[\u4e00-\u9fff]{2}网)[\u4e00-\u9fff]{0,2}讯|[\u4e00-\u9fff]{2,4}报(?:讯|报道)"
    r"|中新网|中新社|新华社|新华网|主持人[：:]|编辑点评[：:]|编者按[：:]|[\[【]提要[\]】]"
    r"|本报记者|记者|作者[：:]|编辑[：:]|导语[：:]|文/|[■⊙□●◆◇▲△▶►★☆【]|[（(](?:记者|中关村在线|ZOL)|北京时间"
    r"|\d{1,2}月\d{1,2}日|日前|近日|昨日|据悉|[\u4e00-\u9fff]{0,3}消息[，,]"
)
_PICTURE_MARK = re.compile(r"[(（](?:组图|图|视频|图文|附图)[)）]")
TITLE_MIN, TITLE_MAX = 6, 48
REPEAT_MIN = 4  # characters of the title the body must repeat at its start


def split_headline(text: str) -> str | None:
    """The headline a THUCNews record starts with, or None when no body lead is found.

    LAC-free: the title is a prefix the body repeats at once ('标题标题正文'), or the text before
    the first body lead between TITLE_MIN and TITLE_MAX characters in, or, failing those, the
    text before the body opens with the title's first words again. A title holds no full-width
    comma or full stop, and an unclosed bracket or a preposition cut off from its date ends it.
    """
    head = text[: TITLE_MAX * 2]
    for size in range(TITLE_MIN, TITLE_MAX + 1):
        if head[size : 2 * size] == head[:size]:
            return head[:size].strip()
    picture = _PICTURE_MARK.search(head, TITLE_MIN)
    if picture and picture.end() <= TITLE_MAX:
        return head[: picture.end()].strip()
    for match in _BODY_LEAD.finditer(head, TITLE_MIN):
        if match.start() > TITLE_MAX:
            break
        title = _tidy(head[: match.start()], before_date=match.group(0)[:1].isdigit())
        if len(title) >= TITLE_MIN:
            return title
    # '《失落时空II》流行季 公测盼开启《失落时空II》是…': the body opens with the title's first words.
    opening = head[:REPEAT_MIN]
    again = head.find(opening, TITLE_MIN) if len(opening) == REPEAT_MIN and not opening.isspace() else -1
    if TITLE_MIN <= again <= TITLE_MAX and not _SENTENCE_MARK.search(head, 0, again):
        return head[:again].strip()
    return None


_SENTENCE_MARK = re.compile(r"[，。；]")


def _tidy(title: str, before_date: bool) -> str:
    """'…举行(2009年' -> '…举行'; '…新坐骑在' (before 12月15日) -> '…新坐骑'; '…上半年本刊' (before
    记者) -> '…上半年'; '…参议长中广网北京' (before 6月24日) -> '…参议长'."""
    title = title.strip().strip("\u3000:：,，")
    if (bracket := max(title.rfind("("), title.rfind("（"))) > 0 and not re.search(r"[)）]", title[bracket:]):
        title = title[:bracket].rstrip()
    title = _THIS_PAPER.sub("", title)
    if before_date:
        if title[-1:] in ("在", "于", "自", "从"):
            title = title[:-1]
        shorter = _SITE_AND_CITY.sub("", title)
        title = shorter if len(shorter) >= TITLE_MIN else title
    return title


_THIS_PAPER = re.compile(r"(?:本报|本刊|本台|本网)$")
_SITE_AND_CITY = re.compile(r"[\u4e00-\u9fff]{2}网[\u4e00-\u9fff]{0,4}$")


def _tsv_record(source: Source, line: str) -> tuple[str, str]:
    """'category<TAB>text' as (headline or '<category> <line>', the whole text).

    The body keeps the headline too: where it ends is a guess, and no word of it is lost.
    """
    category, tab, text = line.strip("\n").partition("\t")
    if not tab or not text.strip():
        raise InputError(source.label, "not a 'category<TAB>text' record")
    return split_headline(text.strip()) or f"{category.strip()} {source.line}", text.strip()
