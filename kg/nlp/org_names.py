"""kg_org_names: whole organization names from LAC's words ('<name>(<place>)有限公司', '<ORG>软件',
'<nouns>研究院'), and the tests of a name's shape it makes on the way."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .components import ORG_LABELS, ORG_SUFFIX_WORDS, Words, merge_ents, org_type, words_of
from .lac_repairs import BUSINESS_SEGMENTS, BUSINESS_WORDS
from .lac_tokenizer import analyse
from .lexicon import GENERIC_NAMES, ORG_SUFFIXES, QUANTITY, ROLE_HEADS, ROLE_MODIFIERS, STRONG_ORG_SUFFIXES

_SUFFIXES = ORG_SUFFIX_WORDS

_PARENTHETICAL = re.compile(r"[(（][^()（）]{1,8}[)）]")
_PARENTHETICAL_AND_MORE = re.compile(r"[(（][^()（）]{1,8}[)）].+")
# A headline's note on its pictures or video: '…典范(组图)易居中国…' joins no name across it.
CAPTION_NOTE = re.compile(r"[(（](?:(?:组|多|附|高清)?图[文片表]?|视频|实拍)[)）]")


def _paren_end(texts: list[str], i: int) -> int | None:
    """Index after the ')' closing a short parenthetical that starts at token i, if any."""
    if i >= len(texts) or not texts[i].startswith(("(", "（")):
        return None  # both patterns below start with a parenthesis (a fast exit: this runs per token)
    text = ""
    for j in range(i, min(i + 6, len(texts))):
        text += texts[j]
        if _PARENTHETICAL.fullmatch(text):
            return None if CAPTION_NOTE.fullmatch(text) else j + 1
        if _PARENTHETICAL_AND_MORE.fullmatch(text):
            return None
    return None


# What only a firm has, right after its name: shares, results, a board, a firm's chief.
FIRMS_OWN_AFTER = re.compile(r"(?:的)?(?:股价|股票|市值|营收|净利润|财报|年报|季报|半年报|股东大会|董事会|总裁|"
                             r"首席执行官|CEO|副总裁)")
# A stock code in brackets after a name: '(000002.SZ)', '(00688.HK)', '（股票代码：600383）'.
STOCK_CODE_AFTER = re.compile(r"\s*[(（](?:股票代码[：:])?\d{4,6}(?:\.(?:SZ|SH|HK))?[)）]", re.IGNORECASE)


@Language.component("kg_org_names")
def org_names(doc: Doc) -> Doc:
    """Whole organization names: '<name>(<place>)有限公司', '<ORG>软件', '<nouns>研究院'."""
    spans: list[Span] = []
    ents_by_start = {e.start: e for e in doc.ents}
    words = words_of(doc)
    texts, tags, n = words.texts, words.tags, len(words.texts)
    org_or_place = ORG_LABELS | {"Location"}
    # No organization inside a named list or report ('“第一财经·中国阳光私募基金排行榜”').
    in_works = {k for e in doc.ents if e.label_ in ("Ranking", "Report") for k in range(e.start, e.end)}
    i = 0
    while i < n:
        if i in in_works:
            i += 1
            continue
        ent = ents_by_start.get(i)
        start = i
        if ent is not None and ent.label_ in org_or_place:
            end = ent.end
            if ent.label_ == "Location" and end < n and texts[end] == "网":
                # '中国地板/LOC 网': a site named by its place, not the place
                spans.append(Span(doc, ent.start, end + 1, label="Organization"))
                i = end + 1
                continue
            if ent.label_ in ORG_LABELS and end + 1 < n and texts[end] == "顾问" and (
                    tags[end + 1] == "v" or texts[end + 1] in ("数据", "报告", "研究")):
                # '赛迪/ORG 顾问 发布': a consultancy acts (not '某公司顾问张三', a post)
                spans.append(Span(doc, ent.start, end + 1, label="Company"))
                i = end + 1
                continue
            if ent.label_ in ORG_LABELS and _name_cut_before(words, ent):
                # '的 字节/n 跳动科技有限公司/ORG': the registered name's first word, cut off
                spans.append(Span(doc, ent.start - 1, ent.end, label=org_type(ent.text)))
                i = ent.end
                continue
        elif (tags[i] in ("nz", "n") and not texts[i].isspace() and texts[i] not in _NOT_ORG_START
              and texts[i] not in NOT_ORG_SUFFIXES and not QUANTITY.fullmatch(texts[i])):
            if tags[i] == "n" and (firm_at := _firm_after_nouns(tags, ents_by_start, i)):
                i = firm_at  # '家电 行业 龙头 美的集团/ORG': nouns describing a firm LAC named whole
                continue
            after = ents_by_start.get(i + 1)
            if tags[i] == "n" and after is not None and after.label_ in ORG_LABELS and (
                    _whole_registered(after.text) or (after.text.startswith(_PLACES_OPENING_NAMES)
                                                      and after.text.endswith(STRONG_ORG_SUFFIXES))):
                # '简介/n 润迅通信集团有限公司/ORG', '看点/n 中国现代国际关系研究院/ORG': a common noun
                # before a whole name, or one opening with its place, is not part of it
                i += 1
                continue
            end = i + 1
        else:
            i += 1
            continue
        # Extend over suffix words, a short parenthetical followed by more name, nouns ending in a suffix.
        j = end
        while j < n and not words.span(start, j).endswith(("有限公司", "公司", "集团")):
            after_paren = _paren_end(texts, j)
            if after_paren is not None and after_paren < n and _has_org_suffix_ahead(words, after_paren):
                j = after_paren
                continue
            if j == end and ent is not None and ent.text.endswith(ACADEMIC_PARENTS) and (
                    unit_end := _academic_unit_with_and(words, j)):
                j = unit_end  # '中国人民大学/ORG 经济 体制改革 与 发展研究院': one unit's name
                continue
            if j == end and ent is not None and ent.label_ in ORG_LABELS and not ent.text.endswith(_SUFFIXES) and (
                    centre_end := _centre_before_title(words, j)):
                j = centre_end  # '国家燃气/ORG 用具质量监督检测中心 副主任': the centre is the name
                continue
            text = texts[j]
            if tags[j] in ("n", "nz", "ORG", "vn", "an") and not text.isspace() and (
                    len(text) <= 6 or text.endswith(STRONG_ORG_SUFFIXES)):
                if text in NOT_ORG_SUFFIXES or (j > start and _DEPARTMENT.fullmatch(text)):
                    break
                if text == "数据" and ((j + 1 < n and texts[j + 1] in ("显示", "表明", "统计", "称", "来源"))
                                       or (start > 0 and texts[start - 1] in ("据", "根据", "另据"))):
                    break  # '银河证券/ORG 数据 显示', '据…局数据，': the body's figures, not a firm '…数据'
                if text in ("全资", "控股") and j + 1 < n and texts[j + 1] == "子公司":
                    break  # '宏达集团/ORG 控股 子公司': a firm's subsidiary, described, not named
                if text in BUSINESS_SEGMENTS and j + 1 < n and texts[j + 1] in BUSINESS_WORDS:
                    break  # '英伟达/ORG 数据中心 业务': the firm's line of business, no unit of it
                if (_role_word_follows(texts, j, n) and ent is not None and ent.label_ in ORG_LABELS
                        and not text.endswith(STRONG_ORG_SUFFIXES)):
                    break  # '信达证券/ORG 基金 分析师': the firm, then the role 基金分析师 (not '有限公司 总裁')
                if text.endswith(_SUFFIXES) or _has_org_suffix_ahead(words, j):
                    j += 1
                    continue
            break
        if j == end and ent is not None and ent.label_ in ORG_LABELS and _name_rest_before_head(words, j):
            j += 1  # '久盛/ORG 地板 董事长': the word before a firm-wide title finishes the name
            spans.append(Span(doc, start, j, label=org_type(words.span(start, j))))
            i = j
            continue
        name = words.span(start, j)
        if _share_class_at(texts, j) and ent is not None and ent.label_ in ORG_LABELS:
            # A listed company's stock name: '<name>A' (its A shares), '<name>B'.
            spans.append(Span(doc, start, j + 1, label="Company"))
            i = j + 1
            continue
        if j > end or (ent is None and j > start):
            if _ends_with_org_suffix(name) and len(name) >= 3 and name not in GENERIC_NAMES:
                is_org_ent = ent is not None and ent.label_ in ORG_LABELS
                strong = any(name.endswith(s) for s in STRONG_ORG_SUFFIXES)
                several_words = j - start >= 2
                proper_noun = ent is None and tags[start] == "nz" and not texts[start][0].isdigit()  # not '80后'
                described = ent is None and _indefinite_before(words, start)
                if ((is_org_ent or proper_noun) and j > end) or (strong and several_words and not described):
                    spans.append(Span(doc, start, j, label=org_type(name)))
                    i = j
                    continue
        if ent is not None and ent.label_ in ORG_LABELS and ent.label_ == "Organization":
            fine = org_type(ent.text)
            if fine == "Organization" and (STOCK_CODE_AFTER.match(doc.text, ent.end_char)
                                           or FIRMS_OWN_AFTER.match(doc.text, ent.end_char)):
                fine = "Company"  # '万科(000002.SZ)', '西门子股价', '华晨宝马总裁': a firm, by its shares or head
            if fine != "Organization":
                spans.append(Span(doc, ent.start, ent.end, label=fine))
        elif ent is not None and ent.label_ == "Location" and ent.end - ent.start == 1 and (
                (_ends_with_org_suffix(ent.text) and org_type(ent.text) == "Company")
                or (ent.text.endswith("国际") and len(ent.text) >= 4)):
            spans.append(Span(doc, ent.start, ent.end, label="Company"))  # '招商地产/LOC', '五合国际/LOC'
        elif (ent is None and tags[i] == "nz" and len(texts[i]) >= 3 and texts[i].endswith("网")
              and _named_site(texts[i])):
            spans.append(Span(doc, i, i + 1, label="Organization"))  # '当当网/nz': a web firm's name
        i = max(i + 1, end if ent is not None else i + 1)
    if spans:
        merge_ents(doc, spans)
    return doc


_LEGAL_ENDINGS = ("有限公司", "有限责任公司", "股份有限公司")
_NAME_OPENS_AFTER = ("的", "，", ",", "、", "：", ":", "“", "（", "(", "由", "与", "和", "是", "为", "及")


_PLACES_OPENING_NAMES = ("中国", "中华", "全国", "国家", "北京", "上海", "天津", "重庆")


def _registered_core(name: str) -> str:
    """'跳动科技有限公司' -> '跳动': a registered name without its legal form and line of business."""
    for ending in _LEGAL_ENDINGS:
        name = name.removesuffix(ending)
    return name.removesuffix("科技").removesuffix("技术").removesuffix("信息")


def _firm_after_nouns(tags: list[str], ents_by_start: dict, i: int) -> int | None:
    """Where an organization LAC tagged whole (ending 集团, 公司 ...) starts after two or more common
    nouns from `i`, else None."""
    k = i
    while k < len(tags) and tags[k] == "n" and k not in ents_by_start:
        k += 1
    ent = ents_by_start.get(k)
    if k - i >= 2 and ent is not None and ent.label_ in ORG_LABELS and ent.text.endswith(STRONG_ORG_SUFFIXES):
        return k
    return None


def _whole_registered(name: str) -> bool:
    """A registered name that stands on its own: a legal form or 集团 after a core of 4+ characters."""
    return name.endswith((*_LEGAL_ENDINGS, "集团")) and len(_registered_core(name.removesuffix("集团"))) >= 4


def _name_cut_before(words: Words, ent: Span) -> bool:
    """A registered name LAC cut after its first word: a short core before the legal form
    ('跳动科技有限公司'), one noun before it, and before that a break the name starts after."""
    texts, tags, k = words.texts, words.tags, ent.start - 1
    core = _registered_core(ent.text)
    return (ent.text.endswith(_LEGAL_ENDINGS) and 1 <= len(core) <= 2 and k >= 1 and tags[k] in ("n", "nz")
            and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", texts[k]) is not None and texts[k] not in _NOT_ORG_START
            and texts[k] not in NOT_ORG_SUFFIXES and texts[k - 1] in _NAME_OPENS_AFTER)


def _named_site(word: str) -> bool:
    """'当当网', '中国经济网': a site named by a name or a place, not by a common noun ('社会安全网', '手机网')."""
    return any(tag in ("ORG", "nz", "LOC", "PER") for _, tag in analyse(word[:-1]))


# Titles held over a whole firm: the noun right before one belongs to the firm's name, not to
# the title (unlike '基金分析师', a field, or '大中华区总裁', a region).
_FIRM_WIDE_TITLES = {"董事长", "董事局主席", "创始人", "联合创始人", "创办人", "总裁", "总经理", "首席执行官",
                     "CEO"}
_NOT_NAME_REST = set(ROLE_MODIFIERS) | {"全球", "中国", "大中华", "亚太", "总", "前", "原", "现", "新", "老", "时任",
                                         "现任", "首任", "历任", "董事", "董事会", "董事局", "党委", "集团公司",
                                         "股份公司"}


def _name_rest_before_head(words: Words, j: int) -> bool:
    texts, tags = words.texts, words.tags
    return (j + 1 < len(texts) and texts[j + 1] in _FIRM_WIDE_TITLES and tags[j] in ("n", "nz")
            and re.fullmatch(r"[\u4e00-\u9fff]{1,3}", texts[j]) is not None and texts[j] not in _NOT_NAME_REST
            and texts[j] not in ROLE_HEADS and not texts[j].endswith(("区", "部", "处", "科", "室", "组", "系")))


# '产品部', '国际部': a department after a firm's name is no part of the name.
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,3}部")


def _role_word_follows(texts: list[str], j: int, n: int) -> bool:
    """Whether texts[j] begins a job title with the next word ('基金' + '分析师'; a title held over
    a whole firm, '创投' + '创始人', is the firm's, after its name)."""
    k = j + 2 if j + 2 < n and texts[j + 1] in _SECTOR_WORDS else j + 1  # '传媒' + '行业' + '首席': a sector
    return k < n and texts[k] in ROLE_HEADS and texts[k] not in _FIRM_WIDE_TITLES


_SECTOR_WORDS = ("行业", "板块", "领域")


# Words that start no organization name glued to one after them ('董事会<ORG>', '同志<ORG>').
_NOT_ORG_START = (
    {"同志", "先生", "女士"} | {h for h in ROLE_HEADS if len(h) >= 3} | {"副" + h for h in ROLE_HEADS}
    | {"总裁", "经理", "会长", "行长", "校长", "院长"}
    | {"关联方", "控股股东", "母公司", "子公司", "旗下", "下属", "合作方"}
)
# Words ending like an organization suffix that name a part or place of one, not a name.
NOT_ORG_SUFFIXES = {"总部", "本部", "分部", "部门", "市场部", "内部", "外部", "全部", "局部", "股东", "大股东",
                    "房地产", "董事局", "董事会", "监事会", "党委", "党组",
                    # words in 报 that are no paper: what a body files or reports ('向国标委申报标准')
                    "申报", "年报", "季报", "半年报", "财报", "公报", "简报", "通报", "举报", "汇报", "回报", "预报",
                    "情报", "海报", "喜报", "捷报"}
_INDEFINITE = re.compile(r"(一家|一个|这家|该|此|的|是|为|等|多家|各|家)$")
_ALNUM = re.compile(r"[A-Za-z0-9]")


def _indefinite_before(words: Words, start: int) -> bool:
    """'是一家营销策划公司', '的外商独资公司': common nouns describing a firm, not naming one."""
    before = words.span(max(0, start - 2), start)
    return _INDEFINITE.search(before) is not None


def _share_class_at(texts: list[str], j: int) -> bool:
    if j >= len(texts) or texts[j] not in ("A", "B", "H"):
        return False
    return j + 1 == len(texts) or not (_ALNUM.match(texts[j + 1]) or texts[j + 1].startswith(_SERIES_WORDS))


_SERIES_WORDS = ("系列", "型", "款", "级", "版")  # '佳能A系列': a product series, not A shares


def _ends_with_org_suffix(name: str) -> bool:
    return name.endswith(_SUFFIXES) and any(name.endswith(s) and len(name) > len(s) for s, _ in ORG_SUFFIXES)


ACADEMIC_PARENTS = ("大学", "学院", "科学院", "社科院", "研究院")
ACADEMIC_UNITS = ("研究院", "研究所", "学院", "研究中心")


def _academic_unit_with_and(words: Words, j: int) -> int | None:
    """Where a unit named by two fields joined with 与/和/及 ends, right after its university or
    academy ('经济 体制改革 与 发展研究院', '公共 管理与政府政策研究所'), or None: common words only
    (no name of its own joins: '宏达与中国科学院' is two), at most six words."""
    texts, tags = words.texts, words.tags
    joined = ""
    for k in range(j, min(j + 6, len(texts))):
        if texts[k] in ("与", "和", "及") and k > j:
            joined += texts[k]
            continue
        if tags[k] not in ("n", "vn", "a", "an", "ORG") or texts[k].isspace() or (tags[k] == "ORG" and (
                k == j or not texts[k].endswith(ACADEMIC_UNITS) or any(p in texts[k][:-2] for p in ACADEMIC_PARENTS))):
            return None  # (a name of its own, '清华大学' or '清华大学经济学院', ends the run)
        joined += texts[k]
        if texts[k].endswith(ACADEMIC_UNITS):
            return k + 1 if re.search("[与和及]", joined) else None
    return None


def _centre_before_title(words: Words, j: int) -> int | None:
    """Where a run of common nouns from j ending in 中心 ends, when a job title follows it
    ('用具 质量 监督 检测 中心 副主任'): at most five words, else None."""
    texts, tags = words.texts, words.tags
    for k in range(j, min(j + 5, len(texts) - 1)):
        if tags[k] not in ("n", "vn", "nz") or texts[k].isspace() or texts[k] in NOT_ORG_SUFFIXES:
            return None
        if texts[k].endswith("中心"):
            title = texts[k + 1]
            return k + 1 if title in ROLE_HEADS or title.lstrip("副") in ROLE_HEADS else None
    return None


def _has_org_suffix_ahead(words: Words, j: int) -> bool:
    """True when the noun run starting at j (at most 4 words: 人形 机器人 创新 中心) ends in an
    organization suffix."""
    texts, tags = words.texts, words.tags
    text = ""
    for k in range(j, min(j + 4, len(texts))):
        if tags[k] not in ("n", "nz", "ORG", "vn", "an", "LOC") or texts[k].isspace():
            return False
        text += texts[k]
        if text.endswith(STRONG_ORG_SUFFIXES) or text.endswith("公司"):
            return True
    return False
