"""How names relate: the matching key of a name, its core (less place, legal form and industry
word), and the short forms that stand for a longer name (a contraction such as 中科院 for
中国科学院; a unit's name that only begins with its parent's). Plain functions over strings,
used by kg.resolve."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .nlp.lexicon import COUNTRIES, KNOWN_PLACES, LEGAL_FORMS, SUBUNIT_SUFFIXES

# Words a short form drops after a firm's name: 中银基金管理公司 -> 中银, 宏达集团 -> 宏达.
# (a line of technology before 科技 goes with it: 上海某某智能科技有限公司 -> 某某, as 某某科技 does)
INDUSTRY_WORDS = ("基金管理", "信息技术", "智能科技", "信息科技", "网络科技", "电子科技", "数字科技", "生物科技",
                  "智能技术", "基金", "证券", "集团", "控股", "管理", "投资", "科技", "技术")
_DIVISION_PREFIX = re.compile(r"[\u4e00-\u9fff]{2,3}?[省市]")
# A fund is named with or without its type: 某某增长混合型基金 = 某某增长基金.
FUND_TYPES = re.compile(r"(混合型|股票型|债券型|指数型|货币型|证券投资)(?=基金$)")
QUOTE_MARKS = "《》“”\"'「」『』"
SCHOOL_HEADS = ("大学", "学院", "中学", "小学", "学校")
RANKING_QUALIFIERS = re.compile(r"^(?:\d{4}(?:[-—–至]\d{4})?年?度?|中国|国内|全国|全球)+")


@lru_cache(maxsize=1 << 16)
def normalize_name(name: str) -> str:
    """The matching key of a name: NFKC, no whitespace or quote marks, Latin lower-cased.
    Cached: a corpus build normalizes the same few thousand names tens of thousands of times."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if not ch.isspace() and ch not in QUOTE_MARKS)
    return text.lower()


def core_name(name: str, coarse: str, places: set[str] | frozenset[str]) -> str:
    """What remains of a name once its place prefix (the longest of `places` it starts with),
    legal form and qualifiers are removed."""
    key = normalize_name(name)
    if coarse == "Organization":
        key = re.sub(r"\([^()]*\)", "", key)
        registered = False
        for form in LEGAL_FORMS:
            if key.endswith(form) and len(key) > len(form) + 1:
                key, registered = key[: -len(form)], True
                break
        for word in INDUSTRY_WORDS:
            if key.endswith(word) and len(key) >= len(word) + 2:
                key = key[: -len(word)]
                break
        # Prefixes of the key looked up in the set, longest first: a corpus knows thousands of places.
        for length in range(len(key) - 2, 0, -1):
            if key[:length] in places:
                if not (key.endswith(SCHOOL_HEADS) and _starts_with_place(key[length:], places)
                        and key[:length] not in COUNTRIES) and key[length:] not in KNOWN_PLACES:
                    key = key[length:]  # (a school named by a place keeps a city before it: 上海纽约大学;
                break  # nor is a country or province what is left: SOHO中国, SOHO once read as a place)
        else:
            if registered and (division := _DIVISION_PREFIX.match(key)) and len(key) - division.end() >= 2:
                key = key[division.end():]  # a registered name's own place: 深圳市(大疆创新科技有限公司)
    elif coarse in ("Ranking", "Report"):
        key = RANKING_QUALIFIERS.sub("", key)
        if coarse == "Ranking":
            key = re.sub(r"(?<=强)(?:排行榜|榜单|名单|榜)$", "", key)  # 世界500强排行榜 = 世界500强
    elif coarse == "Product":
        key = FUND_TYPES.sub("", key)
    return key


def _starts_with_place(key: str, places: set[str] | frozenset[str]) -> bool:
    return any(key[:length] in places for length in range(2, len(key) - 1))


def in_order(chars: str, text: str) -> bool:
    """The characters occur in the text in this order (not necessarily side by side)."""
    position = 0
    for char in chars:
        position = text.find(char, position) + 1
        if position == 0:
            return False
    return True


def contracts(short: str, longer: str) -> bool:
    """'中科院' contracts '中国科学院', '外汇局' '国家外汇管理局': the short name's characters occur in
    the longer one in order, and it keeps the first or the last one. Han names only (Latin
    acronyms are another matter), and only between names used in one article (see the caller)."""
    if not (_HAN_ONLY.fullmatch(short) and _HAN_ONLY.fullmatch(longer)) or longer.startswith(short):
        return False  # a prefix is `_abbreviates`' case, which keeps a firm apart from its institute
    if longer.endswith(short):
        return False  # 国务院 in 美国国务院: a place before a name makes another organization
    if longer.endswith(SUBUNIT_SUFFIXES):
        return _contracts_a_unit(short, longer)
    head = next((h for h in INSTITUTION_HEADS if len(h) >= 2 and short.endswith(h)), None)
    if head and longer.endswith(head):
        return False  # 纽约大学 is no contraction of 纽约州立水牛城大学, nor 北京大学 of 北京师范大学
    if short[0] != longer[0] and short[-1] != longer[-1]:
        return False
    if len(short) == 2 and short[0] == "中" and longer.startswith("中国") and len(longer) > 4:
        return False  # 中行 is 中国银行, never 中国建设银行; 中金 no 中国…基金数据中心 (the country is no word of it)
    return in_order(short, longer)


def _contracts_a_unit(short: str, longer: str) -> bool:
    """'中科院自动化所' for '中国科学院自动化研究所': the parent institution contracted, the unit's own
    words kept and its head cut to its last character. ('华泰所' is not one: no parent institution
    ends before the unit's head, so it may as well be the firm's.)"""
    suffix = next(s for s in SUBUNIT_SUFFIXES if longer.endswith(s))
    body = longer[: -len(suffix)]
    ends = [body.rfind(h) + len(h) for h in INSTITUTION_HEADS if body.rfind(h) > 0]
    if not ends or max(ends) >= len(body):
        return False
    parent, unit = body[: max(ends)], body[max(ends) :]
    own = unit + suffix[-1]
    return short.endswith(own) and len(short) > len(own) and contracts(short[: -len(own)], parent)


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
# Heads that end a whole institution's name: what follows one names a part of it.
INSTITUTION_HEADS = ("局", "部", "委员会", "委", "厅", "署", "院", "大学", "学院", "银行", "集团", "公司", "协会",
                     "学会", "政府", "中心", "党")  # 国民党 begins 国民党文传会, one of its committees
_LEGAL_FORM = re.compile(r"(?:股份|控股)?(?:有限)?(?:责任)?公司|(?:集团)?(?:股份)?有限公司")


def is_unit_of(short: str, longer: str) -> bool:
    """'国家体育总局' begins '国家体育总局水上运动管理中心': a whole institution's name (it ends with a
    head such as 局, 银行, 公司) followed by more than a legal form names a unit of it, not it."""
    rest = longer[len(short):]
    return (longer.startswith(short) and bool(rest) and short.endswith(INSTITUTION_HEADS)
            and not _LEGAL_FORM.fullmatch(rest))
