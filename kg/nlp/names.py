"""Person names: LAC's PER spans checked against the surname lists, surnames it split off
joined back (关 + 小勇), and names after a job title it missed or cut short (总经理张在荣); also
the organization names these spans touch: '艾克斯-马赛大学', '理柏中国'."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .components import ORG_LABELS, merge_ents, org_type, words_of
from .lexicon import AMBIGUOUS_SURNAMES, COMPOUND_SURNAMES, ROLE_HEADS, SINGLE_SURNAMES, SPEECH_VERBS, TRANSLITERATION

HONORIFICS = ("先生", "女士", "小姐")
_HAN_2_4 = re.compile(r"[\u4e00-\u9fff]{2,4}")


def is_transliterated_name(name: str) -> bool:
    """'格伦菲尔德': three or more characters, all from the syllable table of foreign names."""
    return 3 <= len(name) <= 8 and all(ch in TRANSLITERATION for ch in name)


# First characters of what may follow a name: function words and verbs of speech ('加索尔和…', '…表示').
NAME_FOLLOWERS = set("和与及跟同等在也都还则就却对将已曾又便才说称的是表指认透强告道坦谈回介今昨被把向从为于所")


def _stands_alone_as_name(doc: Doc, ent: Span) -> bool:
    """A transliterated name LAC tagged PER that is nowhere in the text the start of a longer word:
    '格伦菲尔德表示', '加索尔和…', but not '纳斯达克' beside '纳斯达克指数', nor '肯塔基' beside '肯塔基大学'."""
    if not is_transliterated_name(ent.text):
        return False
    after = {doc.text[m.end() : m.end() + 1] for m in re.finditer(re.escape(ent.text), doc.text)}
    return all(not _HAN_1.match(ch) or ch in NAME_FOLLOWERS for ch in after)


def is_person_name(name: str) -> bool:
    if "·" in name or "•" in name:
        return len(name) >= 3
    if not _HAN_2_4.fullmatch(name):
        return False
    if name[:2] in COMPOUND_SURNAMES:
        return len(name) >= 3
    return name[0] in SINGLE_SURNAMES


@Language.component("kg_person_names")
def person_names(doc: Doc) -> Doc:
    """Join a surname LAC split off (关 + 小勇) and drop PER spans that are not names."""
    spans, drop = _firms_named_like_people(doc) + _latin_full_names(doc), set()
    for ent in doc.ents:
        if ent.label_ != "Person":
            continue
        text = ent.text
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if (
            prev is not None
            and len(text) <= 2
            and prev.text in SINGLE_SURNAMES
            and prev.text not in AMBIGUOUS_SURNAMES
            and prev.tag_ not in ("w", "p", "c", "u", "r", "m")
            and not (prev.i > 0 and re.match(r"[\u4e00-\u9fff]", doc[prev.i - 1].text[-1:] or "")
                     and doc[prev.i - 1].tag_ not in ("n", "ORG", "LOC", "w"))
        ):
            spans.append(Span(doc, prev.i, ent.end, label="Person"))
        elif ent.start >= 2 and doc[ent.start - 1].text in ("·", "•") and \
                re.fullmatch(r"[\u4e00-\u9fffA-Za-z]{1,6}", doc[ent.start - 2].text):
            spans.append(Span(doc, ent.start - 2, ent.end, label="Person"))
        elif ent.start >= 2 and doc[ent.start - 1].text in ("-", "－") and doc[ent.start - 2].tag_ == "PER" and (
                re.fullmatch(r"[\u4e00-\u9fff]{2,6}", doc[ent.start - 2].text)
                or doc[ent.start - 2].text in TRANSLITERATION) and (len(text) >= 2 or text in TRANSLITERATION):
            # '蒂姆/PER - 弗兰克/PER', '乔/PER - 马鲁夫/PER', '马克/PER - 库/PER 班/n': one foreign name
            rest = doc[ent.end] if ent.end < len(doc) else None  # the rest of a one-syllable part's syllables
            takes_rest = len(text) == 1 and rest is not None and len(rest.text) <= 3 and rest.tag_ in (
                "n", "nz", "PER") and all(ch in TRANSLITERATION for ch in rest.text)
            end = ent.end + 1 if takes_rest else ent.end
            if len(doc[ent.start - 2 : end].text) >= 4:
                spans.append(Span(doc, ent.start - 2, end, label="Person"))
        elif ent.start >= 2 and doc[ent.start - 1].text == "." and doc[ent.start - 2].tag_ == "PER" and \
                re.fullmatch(r"[\u4e00-\u9fff]{2,6}", doc[ent.start - 2].text + text):
            spans.append(Span(doc, ent.start - 2, ent.end, label="Person"))  # '阿道夫.达斯勒': a full stop for ·
        elif prev is not None and re.fullmatch(r"[\u4e00-\u9fff]{1,6}[·•]", prev.text):
            # '盖·/PER 拉利伯特/PER'; '爱拔 · 亚历山大·/PER 希尔/PER': the last part of a name joined already
            start = spans.pop().start if spans and spans[-1].end == ent.start else prev.i
            spans.append(Span(doc, start, ent.end, label="Person"))
        elif text.endswith(HONORIFICS) and ent.end - ent.start >= 2 and doc[ent.end - 1].text in HONORIFICS:
            spans.append(Span(doc, ent.start, ent.end - 1, label="Person"))
        elif text.endswith("榜") and len(text) >= 3:
            spans.append(Span(doc, ent.start, ent.end, label="Ranking"))  # '胡润榜/PER': a list named after one
        elif (len(text) == 2 and text[1] in "说称" and text[0] in SINGLE_SURNAMES) or text.endswith(
                ("涨幅", "跌幅", "增幅", "降幅")) or _FAMILY_OR_KIN.fullmatch(text) or _counted_or_colour(doc, ent):
            # '”秦说。', '周跌幅': a surname with a verb or a change; '霍家', '郭妈妈': a family, or
            # someone's relative named by the surname (guide: unnamed referents are no entities)
            drop.add((ent.start, ent.end))
        elif not is_person_name(text) and not _stands_alone_as_name(doc, ent) and not (
                prev is not None and prev.text.endswith(ROLE_HEADS) and _HAN_2_4.fullmatch(text) and len(text) <= 3):
            drop.add((ent.start, ent.end))  # (kept: '董事长菅明军', a rare surname right after a title)
    if drop:
        doc.ents = [e for e in doc.ents if (e.start, e.end) not in drop]
    spans.extend(_hyphenated_organizations(doc))
    spans.extend(_brands_with_their_country(doc))
    spans.extend(_names_after_roles(doc))
    spans.extend(_biography_subjects(doc))
    if spans:
        merge_ents(doc, spans)
    return doc


# Surnames that are also measure words: after a number they count ('每秒钟8张连拍' is no 张连).
_MEASURE_SURNAMES = set("张支台部只项条份件")
_COLOURS = set("银黑蓝棕白红金灰粉紫绿黄")
_COLOUR_CONTEXT = re.compile(r"颜色|配色|色彩|色可|种颜|款颜")


def _counted_or_colour(doc: Doc, ent: Span) -> bool:
    """'8张连拍' (a count), '冷艳银、深邃黑、宁静蓝和华丽棕四种颜色' (a colour's name): no person."""
    if ent.text[0] in _MEASURE_SURNAMES and ent.start > 0 and (
            doc[ent.start - 1].text[-1:].isdigit() or doc[ent.start - 1].text[-1:] in "一二三四五六七八九十两几"):
        return True
    return ent.text[-1] in _COLOURS and _COLOUR_CONTEXT.search(words_of(doc).text, ent.end_char,
                                                                ent.end_char + 20) is not None


_FAMILY_OR_KIN = re.compile(r"[\u4e00-\u9fff]{1,2}(?:家|妈妈|妈|爸爸|爸|老爸|老妈|大妈|大叔|大爷|大婶|奶奶|爷爷|阿姨)")


# What may follow a name written after a job title: '董事长张建国先生,' / '总经理张建国表示'.
AFTER_NAME = set(HONORIFICS) | set(SPEECH_VERBS) | set("，,、。；;：:") | {"等", "分别", "同志"}
# Single characters LAC leaves after a name that are no part of one ('张三等', '李四们').
NOT_NAME_TAIL = set("等们说称的了在和与及向对将已也都又再曾才就还均")
HAN = re.compile(r"[\u4e00-\u9fff]+")
_HAN_1 = re.compile(r"[\u4e00-\u9fff]")
_NOT_IN_NAMES = ("v", "f", "p", "u", "c", "d", "r", "q", "m", "t", "TIME")  # tags of words no name holds


def _names_after_roles(doc: Doc) -> list[Span]:
    """Names LAC missed or cut short right after a job title ('校长易前进分别', '总经理李克难表示').

    A title is very often followed by the holder's name: a 2-4 character run there that
    starts with a surname and ends before a speech verb, honorific or clause break is one."""
    spans = []
    words = words_of(doc)
    texts, tags, n = words.texts, words.tags, len(words.texts)
    ent_at = {i: e for e in doc.ents for i in range(e.start, e.end)}
    for i in range(n - 2):
        if not texts[i].endswith(ROLE_HEADS) or i in ent_at:
            continue
        start = i + 1
        # '董事长：尚冰', '董事长 潘鑫军': a list or caption puts a colon or a space before the name.
        listed = texts[start] in ("：", ":", " ", "\u3000") and start + 1 < n
        start += listed
        ent = ent_at.get(start)
        if ent is not None and ent.label_ == "Person" and ent.start == start and len(ent.text) == 2:
            # '李克/PER 难/ad 表示': a name cut one character short.
            tail, after = ent.end, ent.end + 1
            # '李自/PER 学/v 作/v': a one-character "verb" right before a verb ends the name, too;
            # '潘鑫/PER 军/n 金秋/TIME': a caption runs on into a date.
            if (after < n and tail not in ent_at and len(texts[tail]) == 1
                    and _HAN_1.fullmatch(texts[tail]) and texts[tail] not in NOT_NAME_TAIL
                    and (tags[tail] in ("n", "a", "ad", "an") or (tags[tail] == "v" and tags[after] == "v")
                         or texts[tail] == "一"  # '钱颖/PER 一/d 表示'
                         or (texts[tail] == "中" and tags[after] == "v"))  # '覃伟/PER 中/f 调研
                    and (texts[after] in AFTER_NAME or tags[after] in ("v", "TIME")
                         or (listed and tags[after] == "m"))):  # '董事长：戴和/PER 根 3': a note's number
                spans.append(Span(doc, start, ent.end + 1, label="Person"))
            continue
        if ent is not None:
            continue
        if tags[start] == "PER" and len(texts[start]) == 1 and start + 2 < n:
            # '张/PER 在荣/p 向': LAC saw a name start and cut the rest off as another word (even one it
            # took for a preposition; never a time word: '王/PER 刚才/TIME 表示').
            mid, after = start + 1, start + 2
            if (mid not in ent_at and 1 <= len(texts[mid]) <= 2 and HAN.fullmatch(texts[mid])
                    and (tags[mid] == "p" or tags[mid] not in (*_NOT_IN_NAMES, "vn")) and texts[mid] not in AFTER_NAME
                    and (texts[after] in AFTER_NAME or tags[after] in ("p", "v", "d"))
                    and is_person_name(texts[start] + texts[mid])):
                spans.append(Span(doc, start, after, label="Person"))
            continue
        text, end = "", start
        while end < n and end not in ent_at and len(text) < 4 and HAN.fullmatch(texts[end]):
            text += texts[end]
            end += 1
            if end < n and (texts[end] in AFTER_NAME or (listed and texts[end].isspace())) and 2 <= len(text) <= 4:
                break
        else:
            if not (listed and end == n and 2 <= len(text) <= 3):
                continue
        # One word LAC knows ('普遍', '任期') is a word; a three-character one it mis-tags is a name.
        single_word = end - start == 1 and (len(text) < 3 or tags[start] not in ("a", "ad", "an", "d", "nr"))
        if single_word and end < n and texts[end] in SPEECH_VERBS and tags[start] == "n":
            single_word = False  # '总裁范力/n 说': a title, a surname and a speech verb: a name
        if listed and end - start == 1 and tags[start] in ("d", "a", "ad", "nr"):
            single_word = False  # '董事长：尚冰/d': after a colon, a name LAC read as a word
        function_word = any(tag in _NOT_IN_NAMES for tag in tags[start:end])
        if end - start > 1 and function_word:  # '博士毕业后': a verb phrase, not a split name
            continue
        if is_person_name(text) and text[0] not in AMBIGUOUS_SURNAMES and not single_word and len(text) <= 3:
            spans.append(Span(doc, start, end, label="Person"))
    return spans


_SENTENCE_END = ("。", "！", "？", "!", "?", "\n")


def _biography_subjects(doc: Doc) -> list[Span]:
    """'萧丞，内蒙古某公司董事长', '张三，男，汉族': a short biography opens with the person's name,
    a comma, then their sex or their post. LAC often misses such a name or reads it as a firm."""
    spans = []
    words = words_of(doc)
    texts, n = words.texts, len(words.texts)
    ent_at = {i: e for e in doc.ents for i in range(e.start, e.end)}
    for i in range(n - 2):
        if i > 0 and not (texts[i - 1].endswith(_SENTENCE_END) or texts[i - 1].isspace()):
            continue
        ent = ent_at.get(i)
        end = ent.end if ent is not None else i + 1
        if ent is not None and (ent.label_ == "Person" or ent.start != i):
            continue
        if end + 1 >= n or texts[end] not in ("，", ",") or not is_person_name(words.span(i, end)):
            continue
        if len(words.span(i, end)) > 3 or texts[i][0] in AMBIGUOUS_SURNAMES:
            continue
        nxt = ent_at.get(end + 1)
        sex = texts[end + 1] in ("男", "女")
        post = (nxt is not None and nxt.start == end + 1 and nxt.label_ != "Person" and nxt.end < n
                and texts[nxt.end] in ROLE_HEADS and (nxt.end + 1 == n or texts[nxt.end + 1] in "，,。；;、"))
        if sex or post:
            spans.append(Span(doc, i, end, label="Person"))
    return spans


# Lines of business a firm's name ends with, which no person's name is followed by as a word.
FIRM_LINES = {"科技", "集团", "电子", "电器", "汽车", "控股", "股份", "软件", "通信", "制药", "医药", "药业", "能源",
              "电力", "航空", "传媒", "地产", "化工", "实业", "置业", "物流", "电池", "半导体", "机器人"}


def _firms_named_like_people(doc: Doc) -> list[Span]:
    """'弗迪/PER 电池/n', '雷诺/PER 汽车/n': a name LAC read as a person's, with a line of business
    right after it, is a firm's (a person is never written glued to 电池 or 科技)."""
    spans = []
    for ent in doc.ents:
        if ent.label_ == "Person" and ent.end < len(doc) and doc[ent.end].text in FIRM_LINES and (
                doc[ent.end].idx == ent.end_char) and _ends_a_firm_name(doc, ent.end + 1):
            spans.append(Span(doc, ent.start, ent.end + 1, label="Company"))
    return spans


_LATIN_NAME_PART = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def _latin_full_names(doc: Doc) -> list[Span]:
    """'分析师Joseph/PER Moore/PER', 'Sam/nz Altman/PER表示': capitalised words joined by single spaces,
    one of them tagged a person, are one person's full name where a title comes before them or a
    speech verb or honorific after (LAC tags the parts, the surname checks drop them; film and
    book titles, 'The Aviator', stand in no such place)."""
    spans, n, i = [], len(doc), 0
    while i < n:
        if not _LATIN_NAME_PART.fullmatch(doc[i].text) or doc[i].tag_ not in ("PER", "nz", "n"):
            i += 1
            continue
        end = i + 1
        while end + 1 < n and doc[end].text == " " and _LATIN_NAME_PART.fullmatch(doc[end + 1].text) and (
                doc[end + 1].tag_ in ("PER", "nz", "n")) and end + 1 - i < 6:
            end += 2
        titled = i > 0 and doc[i - 1].text.endswith(ROLE_HEADS)
        speaks = end < n and doc[end].text.startswith((*SPEECH_VERBS, *HONORIFICS))
        if end - i >= 3 and any(doc[k].tag_ == "PER" for k in range(i, end)) and (titled or speaks):
            spans.append(Span(doc, i, end, label="Person"))
        i = end
    return spans


def _brands_with_their_country(doc: Doc) -> list[Span]:
    """'易居/ORG 中国/LOC', 'SOHO/ORG 中国/LOC': a brand name followed by 中国 is its China firm's name
    (理柏中国, 汇丰中国) when the name ends there: not '宜家中国区', nor a fund's '某某中国先驱基金'."""
    spans, ents = [], list(doc.ents)
    for left, right in zip(ents, ents[1:], strict=False):
        if left.label_ in ("Organization", "Company") and right.text == "中国" and right.label_ == "Location" \
                and right.start == left.end and 2 <= len(left.text) <= 6 and org_type(left.text) == "Organization" \
                and _ends_a_firm_name(doc, right.end):
            spans.append(Span(doc, left.start, right.end, label=left.label_))
    return spans


def _ends_a_firm_name(doc: Doc, i: int) -> bool:
    """Token i follows a name: a clause break, a function word, a verb or time, or a title."""
    if i >= len(doc):
        return True
    token = doc[i]
    return not _HAN_1.match(token.text) or token.tag_ in ("p", "c", "u", "d", "ad", "v", "vd", "TIME", "w") or \
        token.text.startswith(("首席", *ROLE_HEADS))


def _hyphenated_organizations(doc: Doc) -> list[Span]:
    """'艾克斯/PER - 马赛大学/ORG': a name joined by a hyphen to an organization's is part of it."""
    spans, ents = [], list(doc.ents)
    for left, right in zip(ents, ents[1:], strict=False):
        if left.label_ in ("Person", "Location") and right.label_ not in ("Person", "Location") and \
                right.start == left.end + 1 and doc[left.end].text in ("-", "－") and right.label_ in ORG_LABELS:
            spans.append(Span(doc, left.start, right.end, label=right.label_))
    return spans
