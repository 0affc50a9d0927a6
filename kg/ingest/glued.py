"""Bylines and source tags glued into running text (web dumps, one-line articles).

A dump's article is often one line: '标题⊙本报记者 王五正文……(据《某报》)'. These functions
find such bylines, datelines and sources within the first or last few dozen characters.
"""

from __future__ import annotations

import re

from kg.ingest.lines import HAN, NOT_NAMES, is_name, iso_date, looks_like_title

EDGE_SPAN = 60  # a byline or source glued into a paragraph sits within its first or last this many chars
SURNAMES = frozenset(  # common single-character surnames
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
    "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚"
    "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查"
    "赖洪阎"
)
COMPOUND_SURNAMES = frozenset("欧阳 司马 上官 诸葛 东方 皇甫 申屠 慕容 令狐 公孙 夏侯 长孙 司徒 端木".split())
# Words that begin the body text after a byline glued to it; never the end of a name.
BODY_STARTS = NOT_NAMES | frozenset(
    "昨日 今日 昨天 今天 前日 上周 本周 近期 目前 截至 随着 据悉 日电 发自 表示 认为 指出 透露 称 今年 去年 "
    "明年 此前 当天 当日 周一 周二 周三 周四 周五 周六 周日 作为 由于 面对 对于 实习 见习 通讯 前方".split()
)
_MARKS = "⊙□○●■◎◇◆▲△▶►|｜－—-"
_ROLE_WORD_RE = re.compile(
    rf"(?:本报|本刊|本台|本网|每经|证券时报|[{HAN}]报)?(?:驻[{HAN}]{{1,3}}|[{HAN}]{{0,4}}特派|特约|见习|实习|首席|摄影)?"
    r"(?:记者|通讯员|实习生|作者(?=\s*[:：]|\s+[^\s]{2,4}\s))\s*[:：/／]?\s*"
)
_BYLINE_OUTLET = re.compile(rf"(?!本报|本刊|本台|本网)(每经|证券时报|[{HAN}]报)(?=[{HAN}]{{0,6}}(?:记者|通讯员))")
_PAPER_KINDS = ("日报", "晚报", "时报", "商报", "早报", "晨报")  # what a city or region names: 东方早报
_HAN_2 = re.compile(rf"[{HAN}]{{2}}")
_FILLER_RE = re.compile(
    rf"\s*(?:[/／]?(?:文并摄|文/摄|文图|文|摄)(?![{HAN}])|[{HAN}]{{0,3}}报道|发自[{HAN}]{{2,5}}(?![{HAN}])|发自..)"
)
_EDITOR_RE = re.compile(rf"\s*[{_MARKS}]?\s*(?:责任)?编辑\s*[:：]?\s*[{HAN}]{{2,4}}(?![{HAN}])")
_SEP_RE = re.compile(r"[\s、:：/／]*")
_OUTLET = rf"[{HAN}A-Za-z]{{2,10}}?(?:日报|晚报|时报|商报|早报|晨报|周报|周刊|报|网|社|台|在线)"
_CHANNEL_RE = re.compile(rf"(?:^|(?<=[\s\u3000]))([{HAN}]{{1,4}}(?:日报|晚报|时报|商报|早报|报))[{HAN}A-Za-z]{{2,4}}$")
_PORTAL_RE = re.compile(rf"(?:新浪|搜狐|网易|凤凰)[{HAN}]{{2}}")
_AGENCY_RE = re.compile("(?:本报|本刊|新华社|中新社|新华网|中新网|人民网)$")
_GLUED_OUTLET_RE = re.compile(
    rf"(?:[{HAN}]{{2}}(?:日报|晚报|时报|商报|早报)|(?:中国)?[{HAN}]{{2}}网|[{HAN}]{{2}}社|[{HAN}]报)$"  # 中国台湾网
)
_MONTH_DAY = r"(?:(?:19|20)\d{2}年)?[\d一二三四五六七八九十〇]{1,3}月[\d一二三四五六七八九十〇]{1,3}日"
# '…电', '…讯', and 消息 after a date or before a bracketed byline (not '据…消息' in a sentence).
_DATELINE_RE = re.compile(rf"(?:(?P<date>{_MONTH_DAY})(?:[{HAN}]{{2}})?(?:电|讯|消息)|电|讯|消息(?=\s*[（(]))")
_PAREN_RE = re.compile(r"\s*[(（【\[]\s*([^()（）【】\[\]]{2,30}?)\s*[)）】\]]\s*")
_SITE_NAME = re.compile(rf"[{HAN}A-Za-z][{HAN}A-Za-z0-9\-]{{1,12}}(?:在线|网)")
_DOMAIN_RE = re.compile(r"[A-Za-z0-9-]+\.(?:com|cn|net)\b", re.IGNORECASE)
_SOURCE_TAIL_RE = re.compile(
    rf"(?:^|(?<=[。！？!?”」）)\s]))[(（]?\s*(?:据|(?:文章|本文|稿件|新闻)?来源\s*[:：])\s*"
    rf"(?:《([^》]{{2,20}})》|([{HAN}A-Za-z][{HAN}A-Za-z0-9]{{1,15}}))\s*[)）]?$"
)
_TAIL_JUNK_RE = re.compile(
    r"(?:\s*(?:我要评论|[(（]\s*完\s*[)）]|[【\[(（]?(?:责任)?编辑\s*[:：][^。]{1,12}?[】\]）)]?))+$"
)


_SIGNED = re.compile(rf"([{HAN}]{{2,}})[/／]文(?:并图|/图)?")
_OWN_DATELINE = re.compile(r"(?:[\s\u3000]*(?:本报|本刊|本网)讯)?")
_SPACED_NAME = re.compile(rf"([{HAN}])[ \u3000]([{HAN}])")
_TIME_WORD = re.compile("[鼠牛虎兔龙蛇马羊猴鸡狗猪]年|年[初底末中内]|月[初底末中]")


def _name_length(run: str, text: str) -> int:
    """Length of the personal name a run of Han characters glued to body text starts with, or 0."""
    base = 2 if run[:2] in COMPOUND_SURNAMES else 1
    if (base == 1 and run[:1] not in SURNAMES) or len(run) <= base or run[base:base + 2] in BODY_STARTS:
        return 0
    if len(run) == base + 1:
        return base + 1
    after_short = run[base + 1:base + 3]
    if (after_short in BODY_STARTS or run[base + 1] in "说称在从对向于和与及等" or text.count(after_short) > 1
            or _TIME_WORD.match(after_short)):  # '周宏牛年第一期…': 牛年 opens the body
        return base + 1
    return base + 2


def read_names(text: str, pos: int, need_role: bool) -> tuple[tuple[str, ...], int] | None:
    """(names, end) of a byline at text[pos:] ("本报记者 王五 赵六 报道", "记者王五实习生赵六"), else None.

    Names end at a separator or, glued to the body, where a name can end; editor credits are dropped.
    """
    names: list[str] = []
    role, end = False, pos
    while True:
        pos = _SEP_RE.match(text, pos).end()
        if (match := _ROLE_WORD_RE.match(text, pos)) or (names and (match := _FILLER_RE.match(text, pos))):
            role |= any(word in match.group(0) for word in ("记者", "通讯员", "实习生", "作者"))
            pos = match.end()
            end = pos if names else end
            continue
        if names and (match := _EDITOR_RE.match(text, pos)):
            end = pos = match.end()
            continue  # ○编辑 赵六: an editor, not an author
        word = re.compile(rf"[{HAN}]*(?:[·•][{HAN}]+)?").match(text, pos).group(0)
        if word in SURNAMES and (spaced := _SPACED_NAME.match(text, pos)):
            names.append(spaced.group(1) + spaced.group(2))  # '记者 陈 墨': a two-character name padded
            end = pos = spaced.end()
            continue
        after = text[pos + len(word):pos + len(word) + 1]
        whole = not after or after in " \u3000、)）】]/／"
        length = len(word) if whole and is_name(word) and word[:2] not in BODY_STARTS else _name_length(word, text)
        if not length:
            break
        names.append(word[:length])
        end = pos = pos + length
        if length < len(word) and not _ROLE_WORD_RE.match(text, pos) and not _FILLER_RE.match(text, pos):
            break
    if not names or (need_role and not role):
        return None
    return tuple(dict.fromkeys(names)), end


def _outlet_before(head: str) -> tuple[str | None, int] | None:
    """(outlet or None for 本报, its start) when `head` ends with a news outlet's name."""
    head = re.sub(r"\(微博\)$", "", head)
    bounded = re.search(rf"(?:^|(?<=[\s\u3000”」》)）]))({_OUTLET})$", head)
    if _PORTAL_RE.fullmatch(head[-4:]):
        return head[-4:], len(head) - 4
    if agency := _AGENCY_RE.search(head):
        return (None if agency.group(0) in ("本报", "本刊") else agency.group(0)), agency.start()
    if bounded and len(bounded.group(1)) <= 5:
        return bounded.group(1), bounded.start(1)
    if channel := _CHANNEL_RE.search(head):  # '新京报贝壳财经讯': a paper's channel, at a line's start
        return channel.group(1), channel.start(1)
    glued = _GLUED_OUTLET_RE.search(head)
    return (glued.group(0), glued.start()) if glued else None


def _reporter_before(head: str) -> tuple[str, str, int] | None:
    """(outlet, reporter, start) for '新浪家居谢娟' before 讯: a portal's channel, then its reporter."""
    for size in (3, 2):
        name, rest = head[-size:], head[:-size]
        if len(head) > size and name[0] in SURNAMES and is_name(name) and (
                (portal := re.search(rf"{_PORTAL_RE.pattern}$", rest)) or (portal := _GLUED_OUTLET_RE.search(rest))):
            return portal.group(0), name, portal.start()
    return None


def _dateline(text: str, window: int) -> tuple[int, str | None, str | None, int, tuple[str, ...]] | None:
    """(start, publisher, ISO date, end, reporters) of the first dateline (新华社北京2月20日电, 晶报讯,
    新浪家居谢娟讯) in the window."""
    for match in _DATELINE_RE.finditer(text, 0, window):
        head = text[: match.start()]
        date = match.group("date")
        if not date and match.group(0) == "讯" and (reporter := _reporter_before(head)):
            outlet, name, start = reporter
            return start, outlet, None, re.compile(r"[】\]]?").match(text, match.end()).end(), (name,)
        outlet = _outlet_before(head)
        if outlet is None and date:  # 新华网斯德哥尔摩2月26日电: a place between outlet and date
            head = re.sub(r"\(微博\)$", "", head)
            place = re.search(rf"[{HAN}]{{2,8}}$", head)
            places = [_outlet_before(head[:-size]) for size in range(2, len(place.group(0)) + 1)] if place else []
            outlet = next((p for p in places if p), (None, len(head) - min(4, len(place.group(0)) if place else 0)))
        if match.group(0).endswith("消息") and (outlet is None or outlet[0] is None) and date:
            continue  # '…震荡2009年11月5日消息': a date glued to the title, no outlet's dateline
        agency = outlet and re.fullmatch("本报|新华社|中新社", head[outlet[1]:])
        if outlet is None or (not date and match.group(0)[-1] != "讯" and not agency):
            continue
        iso = iso_date(date.replace("年", ".").replace("月", ".")) if date and "年" in date else None
        return outlet[1], outlet[0], iso, re.compile(r"[】\]]?").match(text, match.end()).end(), ()
    return None


def _paren_meta(inner: str) -> tuple[str | None, tuple[str, ...]] | None:
    """(publisher, authors) of a bracketed byline or source tag, else None."""
    inner = re.sub(rf"^[{HAN}]{{2,6}}(?=记者)", "", inner.strip())  # (某某之声记者 王五)
    read = read_names(inner, 0, need_role=True)
    if read and read[1] == len(inner):
        return None, read[0]
    split = re.fullmatch(rf"({_OUTLET}|{_PORTAL_RE.pattern})\s*[/／\s]\s*(.+)", inner)
    if split and (read := read_names(split.group(2), 0, need_role=False)) and read[1] == len(split.group(2)):
        return split.group(1), read[0]
    spaced = re.fullmatch(rf"([{HAN}])\s([{HAN}]{{1,2}})", inner)
    if spaced and spaced.group(1) in SURNAMES:
        return None, (spaced.group(1) + spaced.group(2),)
    if re.fullmatch(rf"[{HAN}]{{2,3}}", inner) and inner[0] in SURNAMES and inner[-1] not in "哥姐仔儿子" + inner[1]:
        return None, (inner,)  # (某某) signing off: a surname, and no pet name like 毛毛
    tag = re.fullmatch(rf"({_OUTLET})[{HAN}]{{0,8}}(?:报道|行情|消息)", inner)  # (中关村在线上海行情)
    return (tag.group(1), ()) if tag else None


def split_head(text: str, titled: bool) -> tuple[str, str | None, str | None, tuple[str, ...], str] | None:
    """(title, publisher, ISO date, authors, body) when a byline or dateline opens `text`.

    It may follow the title the dump glued to the body, unless the article is `titled`:
    "标题⊙本报记者 王五正文", "标题晶报讯(记者 王五)正文", "（记者 王五）正文".
    """
    window = min(len(text), EDGE_SPAN)
    dateline = _dateline(text, window)
    found: list[tuple] = [(*dateline[:3], dateline[4], dateline[3])] if dateline else []
    for match in _ROLE_WORD_RE.finditer(text, 0, window):
        if read := read_names(text, match.start(), need_role=True):
            outlet = _BYLINE_OUTLET.match(match.group(0))  # '证券时报记者 张三': the paper is the publisher
            publisher, start = outlet and outlet.group(1), match.start()
            if publisher in _PAPER_KINDS and _HAN_2.fullmatch(text[max(0, start - 2) : start]):
                publisher, start = text[start - 2 : start] + publisher, start - 2  # '…东方早报记者': 东方早报
            found.append((start, publisher, None, read[0], read[1]))
            break
    if not found and (signed := _SIGNED.search(text, 0, window)) and (name := _signed_name(signed.group(1))):
        found.append((signed.end(1) - len(name), None, None, (name,), signed.end()))  # '…房价(图)朱国栋/文2009年'
    bare = {dateline[0]} if dateline else set()  # anchors removed even when they name nobody
    for match in _PAREN_RE.finditer(text, 0, window):
        if meta := _paren_meta(match.group(1)):
            head = text[: match.start()].rstrip()
            outlet = re.fullmatch(_OUTLET, head)
            start = 0 if outlet else match.start()
            found.append((start, meta[0] or (outlet and head), None, meta[1], match.end()))
            break
        if _DOMAIN_RE.search(match.group(1)):  # 【ZOL-某某在线 example.com】: a site's tag, with its name
            site = _SITE_NAME.fullmatch(_DOMAIN_RE.sub("", match.group(1)).strip())
            found.append((match.start(), site and site.group(0), None, (), match.end()))
            bare.add(match.start())
    for start, publisher, date, authors, end in sorted(found, key=lambda f: f[0]):
        title = text[:start].rstrip(_MARKS + " \u3000文/／据【[")
        if title and titled:
            continue
        if paren := _PAREN_RE.match(text, end):  # 晶报讯(记者 王五), 【ZOL-某某在线 x.com】
            meta = _paren_meta(paren.group(1))
            if meta or _DOMAIN_RE.search(paren.group(1)):
                publisher = publisher or (meta and meta[0])
                authors += meta[1] if meta else ()
                end = paren.end()
        elif read := read_names(text, end, need_role=True):
            authors, end = authors + read[0], read[1]
        if title and not looks_like_title(title) and not ((authors or (publisher and date)) and _long_title(title)):
            continue  # a long head is a title only before a byline that names reporters, or outlet and date
        authors = tuple(dict.fromkeys(authors))
        if authors:  # '…返还给社会王五 赵小六本报讯 (记者王五 赵小六)': the names, run on before the dateline too
            title = re.sub(r"\s*" + r"\s+".join(map(re.escape, authors)) + "$", "", title) or title
        if authors or publisher or date or start in bare:
            end = _OWN_DATELINE.match(text, end).end()  # '证券时报记者 陈 墨本报讯 正文'
            return title, publisher, date, authors, text[end:].lstrip(" \u3000，,:：")
    return None


def _signed_name(run: str) -> str | None:
    """The name that ends a run of Han characters before '/文' (the title is glued before it)."""
    for size in (3, 2):
        name = run[-size:]
        if len(run) >= size and name[0] in SURNAMES and name[1:3] not in BODY_STARTS:
            return name
    return None


def _long_title(text: str) -> bool:
    """A headline with a subtitle run on (THUCNews glues them): no sentence ends inside it."""
    return len(text) <= EDGE_SPAN and not any(mark in text for mark in "。！？!?；;")


def split_tail(text: str) -> tuple[str, str | None, tuple[str, ...]] | None:
    """(body, publisher, authors) when `text` ends with a byline (…（记者 王五）), source or sign-off."""
    body = _TAIL_JUNK_RE.sub("", text)
    tail_start = max(0, len(body) - EDGE_SPAN)
    if match := _SOURCE_TAIL_RE.search(body, tail_start):
        return body[: match.start()].rstrip(), match.group(1) or match.group(2), ()
    if (match := re.search(r"[(（]([^()（）]{2,30})[)）]$", body[tail_start:])) and (
        meta := _paren_meta(match.group(1))
    ) and (meta[1] or meta[0]):
        start = tail_start + match.start()
        return body[:start].rstrip(), meta[0], meta[1]
    segment = re.search(rf"(?:^|[。！？!?”」）)])\s*[{_MARKS}]?\s*([^。！？!?”」]{{3,30}})$", body[tail_start:])
    if segment and (role := _ROLE_WORD_RE.match(segment.group(1))):
        read = read_names(segment.group(1), role.start(), need_role=True)
        if read and not segment.group(1)[read[1]:].strip():
            return body[: tail_start + segment.start(1)].rstrip(" \u3000" + _MARKS), None, read[0]
    return (body, None, ()) if body != text else None
