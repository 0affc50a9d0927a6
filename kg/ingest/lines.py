"""Recognise the layout lines of a Chinese newspaper page: bylines, source lines, photo
credits, boilerplate, and the end of a sentence.

Each function looks at one line or paragraph and knows nothing of its neighbours; page.py
decides what the neighbours mean.
"""

from __future__ import annotations

import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
# A personal name: 2-4 Han characters, or a transliterated name with a middle dot.
NAME_RE = re.compile(rf"[{HAN}]{{2,4}}|[{HAN}]{{1,6}}[·•・][{HAN}]{{1,8}}")
# Words that can stand where a byline has names but are not names.
NOT_NAMES = frozenset(
    "近日 日前 获悉 了解 报道 发现 看到 注意 表示 采访 介绍 本报 本刊 记者 通讯员 实习生 综合 整理 "
    "编辑 评论员 特约 见习 首席 供图 资料 图片 新华社 中新社 来源 日电 北京 上海".split()
)
# Tokens that may trail the names of a byline and carry no name.
BYLINE_FILLERS = frozenset("报道 综合报道 整理 摄 摄影 发 联合报道 专电 文 图 文/图".split())
LEADING_MARKS = "▶►▷▸■□●○◎◆◇★☆•·※>→-—– \t\u3000"

_ROLE_RE = re.compile(
    rf"(?:(?:本报|本刊|本台|本网|新华社|中新社|人民日报|(?:\d{{1,2}})?[{HAN}]{{2,6}}(?:报道|报|社|台|网))?[ \u3000]?"
    rf"(?:首席|特约|见习|实习|驻[{HAN}]{{1,4}})?(?:摄影)?(?:记者|通讯员|实习生|撰稿人|撰稿|作者)"
    r"|(?:文|图|文图|文/图|文、图|摄影|作者|撰文|采写|编译)\s*[/／:：])\s*[:：]?"
)
_PREFIX_BYLINE_RE = re.compile(
    rf"^(?P<lead>(?:本报讯|本报[{HAN}\d]{{0,14}}电|[{HAN}]{{1,6}}社[{HAN}\d]{{0,16}}电|[{HAN}]{{2,8}}讯)?)"
    r"\s*[（(【\[](?P<inner>[^）)】\]]{2,40})[）)】\]]\s*(?P<rest>.*)$",
    re.S,
)
_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?")
_SOURCE_KEYWORD_RE = re.compile(
    r"(?:^|(?<=[\s|｜]))(?:来源|稿件来源|本文来源|文章来源|原载|转载自|摘自|选自|刊于|来源于)\s*[:：]?\s*"
)
_DATE_LABEL_RE = re.compile(r"^(?:发布时间|发布日期|出版日期|时间|日期)\s*[:：]\s*")
_EDITION_RE = re.compile(
    r"第?\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版|\d{1,2}:\d{2}(?::\d{2})?|[|｜/／,，;；（）()]"
    r"|星期[一二三四五六日天]|周[一二三四五六日]"  # '2024年3月20日 星期三': the weekday, no name
)
CREDIT_MAX_LEN = 60  # longest photo credit looked for at the end of a paragraph
_CREDIT_NAMES = rf"(?P<names>[{HAN}·]{{2,8}}(?:[、，,\s]+[{HAN}·]{{2,8}})*)"
_CREDIT_ROLE = (
    rf"(?:(?:新华社|中新社|本报|人民日报|[{HAN}]{{2,6}}(?:报|社))?(?:特约|首席)?(?:摄影)?(?:记者|通讯员))"
)
_CREDIT_RES = (
    # 新华社发(王五/摄), 新华社发（王五 摄）
    re.compile(rf"(?:新华社|中新社|[{HAN}]{{2,6}}社)发\s*[（(]\s*{_CREDIT_NAMES}\s*[/／]?\s*摄\s*[）)]\s*$"),
    # 新华社记者 赵六/摄, 本报记者 王五摄, （本报记者 王五 摄）
    re.compile(rf"[（(]?\s*{_CREDIT_ROLE}\s*{_CREDIT_NAMES}\s*[/／]?\s*摄(?:影)?\s*[）)]?\s*$"),
    # 王五/摄, （王五 摄）, 王五 摄: a separator keeps 拍摄 at a sentence end from matching
    re.compile(rf"(?:^|[\s。！？!?”）)，,；;：:])[（(]?\s*{_CREDIT_NAMES}\s*(?:[/／]\s*|\s+)摄(?:影)?\s*[）)]?\s*$"),
    re.compile(rf"(?:^|[\s。！？!?”）)，,；;：:])[（(]\s*{_CREDIT_NAMES}\s*摄(?:影)?\s*[）)]\s*$"),
)
# Credits that name no photographer.
_BARE_CREDIT_RE = re.compile(
    rf"[（(]?\s*(?:新华社发|中新社发|资料图片|资料照片|视觉中国|[{HAN}]{{1,10}}供图)\s*[）)]?\s*$"
)
_BOILERPLATE_RE = re.compile(
    r"^[【\[(（]?\s*(?:责任编辑|本版编辑|本版责编|编辑|责编|校对|审校|审核|美编|版式设计|版式|制图|"
    r"图片编辑|监制|统筹|策划|出品人?|终审|初审|复审|值班编辑|作者单位|作者简介)\s*[:：]"
    r"|码上读报|扫码|(?:扫描|长按|识别)(?:下方|上方|图中)?二维码|阅读原文|阅读全文|^[（(]\s*完\s*[）)]$|"
    r"【纠错】|版权所有|不得转载|禁止转载|转载请注明|^原标题\s*[:：]|"
    r"关注.{0,12}(?:公众号|客户端|微信号|微博)|客户端下载|"
    r"^!\[[^\]]*\]\([^)]*\)$|^\S{2,20}电\s*题\s*[:：]"
)
# Punctuation a finished paragraph ends with; anything else means the layout broke a sentence.
SENTENCE_END = tuple("。！？!?…”’\"'」』）):：;；】—~.")


def clean(line: str) -> str:
    """A line without surrounding blanks and the decorative marks bylines start with."""
    return line.strip().lstrip(LEADING_MARKS).strip()


def is_name(token: str) -> bool:
    """True for a token shaped like a Chinese personal name."""
    return bool(NAME_RE.fullmatch(token)) and token not in NOT_NAMES


PLACE_REPORT = re.compile(r"[\u4e00-\u9fff]{1,6}(?:报道|专电)|发自[\u4e00-\u9fff]{1,6}")


def names_in(text: str, need_role: bool) -> tuple[str, ...] | None:
    """The names of a byline-like string ("本报记者 王五 李明", "记者 X 通讯员 Y"), or None.

    None when anything but roles, names and fillers is left, or when `need_role` and no
    role word (记者, 通讯员, 文/ ...) was present.
    """
    stripped, roles = _ROLE_RE.subn(" ", clean(text))
    if need_role and not roles:
        return None
    tokens = [t for t in re.split(r"[\s、，,;；]+", stripped.strip(" :：/／")) if t]
    tokens = [t for t in tokens if t not in BYLINE_FILLERS and not PLACE_REPORT.fullmatch(t)]  # '北京报道'
    if not tokens or not all(is_name(t) for t in tokens):
        return None
    return tuple(dict.fromkeys(tokens))


# '证券时报记者 张一帆', '人民日报记者 王五': a byline opening with an outlet's name (not 本报).
# ('第一财经记者 杜涵': any name glued to the role is the outlet's.)
_OUTLET_BYLINE_RE = re.compile(
    rf"^(?P<outlet>新华社|中新社|(?!本报|本刊|本台|本网)(?:\d{{1,2}})?[{HAN}]{{2,6}}(?:报道|报|社|台|网)"
    rf"|(?!本报|本刊|本台|本网|首席|特约|见习|实习|驻|摄影|文|图)[{HAN}A-Za-z]{{2,8}}?(?=(?:首席|特约)?记者))[ \u3000]?"
    rf"(?:首席|特约|见习|实习|驻[{HAN}]{{1,4}})?(?:摄影)?(?:记者|通讯员)"
)


def byline_outlet(paragraph: str) -> str | None:
    """The outlet a byline opens with ('证券时报记者 张一帆' -> 证券时报), else None."""
    match = _OUTLET_BYLINE_RE.match(clean(paragraph))
    return match.group("outlet") if match else None


def parse_byline(paragraph: str) -> tuple[tuple[str, ...], str] | None:
    """(authors, rest of the paragraph) when `paragraph` starts with a byline, else None.

    Whole-paragraph bylines (▶ 本报记者 王五) leave rest "", dateline bylines
    (本报讯(记者 赵六) 正文..., 新华社北京2月20日电（记者 X）...) leave the body text.
    """
    line = clean(paragraph)
    if outlet := byline_outlet(line):  # the outlet's name is no reporter's
        line = line[len(outlet) :]
    if len(line) <= 40 and "\n" not in line:
        whole = names_in(line, need_role=True)
        if whole:
            return whole, ""
    match = _PREFIX_BYLINE_RE.match(line)
    if match:
        names = names_in(match.group("inner"), need_role=True)
        if names:
            return names, match.group("rest").strip()
    return None


def iso_date(text: str) -> str | None:
    """The first valid date of `text` (2024.2.22, 2024年2月22日, 2024-02-22) as ISO, else None."""
    for match in _DATE_RE.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def parse_source_line(line: str) -> tuple[str | None, str | None, tuple[str, ...]] | None:
    """(publisher, ISO date, authors) for a source line, else None.

    Recognised: 《人民日报》2023.5.8 [names], 来源：人民日报 2023-05-08, （2024年2月22日
    《人民日报》第5版）, 2024-02-22 08:30 来源：光明网. The line must start with the
    outlet, the date or a source keyword and everything on it must be accounted for, so
    a body sentence that mentions a newspaper is never taken for one.
    """
    text = line.strip()
    if not text or len(text) > 60:
        return None
    if text[0] in "（(" and text[-1] in "）)":
        text = text[1:-1].strip()
    text = _DATE_LABEL_RE.sub("", text)
    keyword = _SOURCE_KEYWORD_RE.search(text)
    outlet = re.search(r"《\s*([^》]{2,20}?)\s*》", text)
    date_match = _DATE_RE.search(text)
    found = [m for m in (keyword, outlet, date_match) if m]
    if not found or text[: min(m.start() for m in found)].strip(" （(|｜"):
        return None
    publisher = outlet.group(1).strip() if outlet else None
    if publisher is None and keyword:
        outlet_name = re.compile(rf"\s*([{HAN}A-Za-z][{HAN}A-Za-z0-9]{{1,15}})")
        starts = [keyword.end()]
        if date_match and date_match.start() >= keyword.end():
            starts.append(date_match.end())  # 来源：2023-05-08 人民日报
        named = next((m for m in (outlet_name.match(text, pos) for pos in starts) if m), None)
        if named:
            publisher = named.group(1)
            found.append(named)
    if not date_match and not (keyword and publisher):
        return None
    for match in sorted(found, key=lambda m: -m.start()):
        text = text[: match.start()] + " " + text[match.end():]
    rest = _EDITION_RE.sub(" ", text).strip()
    if not rest:
        return publisher, iso_date(date_match.group(0)) if date_match else None, ()
    authors = names_in(rest, need_role=False)
    if authors is None:
        return None
    return publisher, iso_date(date_match.group(0)) if date_match else None, authors


_OUTLET_RE = re.compile(rf"《?([{HAN}]{{2,8}}(?:日报|晚报|早报|时报|周报|商报|报|周刊))》?")
_WEEKDAY_RE = re.compile(r"(?:星期|周|礼拜)[一二三四五六日天]")
_EDITION_ONLY_RE = re.compile(r"第?\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版(?:\s*[:：]?\s*[" + HAN + r"]{2,6})?")


def parse_masthead(line: str) -> tuple[str, str | None] | None:
    """(outlet, ISO date) for a page's masthead line: '工人日报 2024年3月6日 星期三 第5版 要闻'.

    The line names a newspaper (…报, …周刊) and a date or an edition, and nothing else
    but a weekday and the page's section name after the edition."""
    text = clean(line)
    if len(text) > 40:
        return None
    outlet = _OUTLET_RE.search(text)
    date_match = _DATE_RE.search(text)
    edition = _EDITION_ONLY_RE.search(text)
    if outlet is None or not (date_match or edition):
        return None
    rest = text
    for match in sorted((m for m in (outlet, date_match, edition) if m), key=lambda m: -m.start()):
        rest = rest[: match.start()] + " " + rest[match.end():]
    if _WEEKDAY_RE.sub(" ", rest).strip(" |｜/／,，·-—()（）\u3000"):
        return None
    return outlet.group(1), iso_date(date_match.group(0)) if date_match else None


def split_credit(paragraph: str) -> tuple[str, tuple[str, ...]] | None:
    """(caption text before the credit, photographers) when `paragraph` ends with a photo credit."""
    text = paragraph.strip()
    tail = max(0, len(text) - CREDIT_MAX_LEN)  # credits end a paragraph: search its tail only
    for credit_re in _CREDIT_RES:
        match = credit_re.search(text, tail)
        if match:
            names = [n for n in re.split(r"[、，,\s]+", match.group("names")) if n]
            if names and all(is_name(n) for n in names):
                start = match.start("names") if credit_re is not _CREDIT_RES[0] else match.start()
                return _strip_credit_lead(text[:start], credit_re is _CREDIT_RES[0]), tuple(names)
    match = _BARE_CREDIT_RE.search(text, tail)
    if match and (match.start() == 0 or text[match.start() - 1] in "。！？!?”）) \u3000"):
        return text[: match.start()].strip(), ()
    return None


def _strip_credit_lead(text: str, whole_match: bool) -> str:
    """The caption text once the role words and opening bracket of its credit are cut off."""
    if not whole_match:
        head, tail = text[:-CREDIT_MAX_LEN], text[-CREDIT_MAX_LEN:]
        text = head + re.sub(rf"[（(]?\s*{_CREDIT_ROLE}?\s*$", "", tail)
    return text.rstrip(" \u3000/／（(")


def is_boilerplate(line: str) -> bool:
    """True for editor credits, QR-code prompts and similar page furniture."""
    text = clean(line)
    return len(text) <= 60 and bool(_BOILERPLATE_RE.search(text))


def ends_sentence(paragraph: str) -> bool:
    """True when `paragraph` ends with sentence-final punctuation."""
    return paragraph.rstrip().endswith(SENTENCE_END)


def title_length(text: str) -> int:
    """Length of a heading in letters and digits, punctuation and spaces not counted."""
    return sum(1 for ch in text if ch.isalnum())


def looks_like_title(line: str) -> bool:
    """A short line without sentence punctuation, as an unmarked title is."""
    text = line.strip()
    if "\n" in text or not 2 <= title_length(text) <= 40 or len(text) > 50:
        return False
    if any(mark in text for mark in "。；;") or text.endswith(tuple("，,、：:")):
        return False
    return sum(1 for ch in text if re.match(rf"[{HAN}]", ch)) >= 2
