"""Repairs of LAC's segmentation, as plain functions over (word, LAC tag) pairs.

LAC glues words it should cut (a verb to a firm: '广发银行时/ORG 任'; whitespace or a bracket
to a name) and cuts words it should keep ('通产' + '丽星'; 'GPT' + '-4'). `split_word` mends
one word, `repair` a whole sequence; kg.nlp.lac_tokenizer applies both to LAC's output.
"""

from __future__ import annotations

import re

from .lexicon import AMBIGUOUS_SURNAMES, QUANTITY, SINGLE_SURNAMES

LAC_ENTITY_LABELS = {"PER": "Person", "ORG": "Organization", "LOC": "Location"}


def split_word(word: str, tag: str) -> list[tuple[str, str]]:
    """One LAC word as one or more (word, tag) pairs: the splits LAC's errors call for."""
    out: list[tuple[str, str]] = []
    if tag == "ORG" and (custody := _FUND_CUSTODIAN.fullmatch(word)) is not None:
        # '国泰双利债券基金托管行为/ORG': a fund, its custodian's role, a copula (the bank's name follows)
        out += [(custody.group(1), "nz"), (custody.group(2), "n")]
        out += [(custody.group(3), "v")] if custody.group(3) else []
    elif tag == "ORG" and (owned := _OWNED_BY.fullmatch(word)) is not None:
        # '美的集团旗下地产公司/ORG': the owner, how it owns, what it owns
        out += [(owned.group(1), "ORG"), (owned.group(2), "n"), (owned.group(3), "n")]
    elif tag == "ORG" and len(word) >= 12:
        for firm in _split_glued_firms(word):
            out.extend(_split_whitespace(firm, tag))
    elif tag == "ORG" and (pair := _TWO_BODIES.fullmatch(word)) is not None:
        # '中国证监会和协会': a complete name, a conjunction, then another body
        out += [(pair.group(1), "ORG"), (pair.group(2), "c")]
        if second := pair.group(3):  # ('中国证监会和/ORG 协会/n': LAC took only the conjunction)
            out.append((second, "ORG" if len(second) >= 4 else "n"))
    elif len(word) >= 5 and (verb := _GLUED_VERB.search(word, 1)) is not None and (tag in ("v", "n", "nz") or (
            tag == "ORG" and verb.end() == len(word))):
        # '飞发布讯飞星火': LAC ran a verb into the names around it; '新浪娱乐致电/ORG': into the one before
        for piece, piece_tag in ((word[: verb.start()], "n"), (verb.group(0), "v"), (word[verb.end():], "n")):
            if piece:
                out.append((piece, piece_tag))
    elif tag in ("nz", "n") and (latin := _LATIN_THEN_HAN.fullmatch(word)) is not None:
        out += [(latin.group(1), "nz"), (latin.group(2), "n")]  # 'SUV钇' (为3): the name starts after
    elif tag == "ORG" and (series := _BRAND_THEN_LETTER.fullmatch(word)) is not None:
        out += [(series.group(1), "ORG"), (series.group(2), "nz")]  # '佳能A' (系列): a maker, its series
    elif tag in ("a", "an", "n", "v") and (code := _HAN_THEN_LATIN.fullmatch(word)) is not None:
        out += [(code.group(1), tag), (code.group(2), "nz")]  # '荣耀Magic' (6): a brand, then its model
    elif tag == "LOC" and (listed := _PLACE_THEN_LISTING.fullmatch(word)) is not None:
        out += [(listed.group(1), "LOC"), (listed.group(2), "v")]  # '赴港上市/LOC': the place, then the verb
    elif tag == "LOC" and word.endswith(_MARKET_WORDS):
        out.append((word, "vn"))  # '基金25日面市/LOC', '热熊市/LOC', '沪综指/LOC': the market's words
    elif tag == "LOC" and _EVENT_ENDING.search(word):
        out.append((word, "nz"))  # '中国国际高峰对话会/LOC': an event, no place
    elif tag == "PER" and len(word) >= 4 and word.endswith(_HONORIFICS):
        out.extend(_split_whitespace(word[:-2], tag))  # '高雨先生': the name, then its honorific
        out.append((word[-2:], "n"))
    else:  # a quantity is nobody's name ('2200点/ORG 基金公司先跑')
        out.extend((piece, "m") if piece_tag in LAC_ENTITY_LABELS and QUANTITY.fullmatch(piece) else (piece, piece_tag)
                   for piece, piece_tag in _split_whitespace(word, tag))
    return out


def repair(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Repairs across words: glued verbs and relation words, cut names and organizations, codes."""
    pairs = _split_glued_tails(_split_name_from_role(_join_bank_initial(_complete_cut_names(pairs))))
    return _rejoin_codes(_join_cut_organizations(_name_cut_before_time(_split_time_of_tenure(pairs))))


_OWNED_BY = re.compile(r"(.{2,}?)(旗下|下属)(.{2,})")
_FUND_CUSTODIAN = re.compile(r"(.{2,}基金)(托管(?:银行|行|人))(为|是)?")


# What LAC glues to the end of an organization's name, shown by the word after it: the firm's line
# of business before 业务 ('英伟达数据中心/ORG 业务'; a body named so, '某市大数据中心', has no 业务
# after it) and how it owns a subsidiary ('宏达集团控股/ORG 子公司').
BUSINESS_SEGMENTS = ("数据中心",)
BUSINESS_WORDS = ("业务", "收入", "营收")
_GLUED_TAILS = (  # (name and tail, the words that may follow, the tail's tag)
    (re.compile("(.{2,})(" + "|".join(BUSINESS_SEGMENTS) + ")"), BUSINESS_WORDS, "n"),
    (re.compile(r"(.{2,}(?:集团|公司|银行))(控股|全资)"), ("子公司",), "vn"),
    (re.compile(r"(.{2,})(基金)"), ("经理", "经理助理"), "n"),  # '易方达科瑞基金/ORG 经理': the fund, a manager
    # '光大证券金融业/ORG 首席 分析师': the broker, then the sector its analyst covers
    (re.compile(r"(.{2,}(?:证券|银行|基金|期货|研究院|研究所))([\u4e00-\u9fff]{1,4}业)"),
     ("首席", "分析师", "首席分析师", "研究员", "高级", "资深"), "n"),
    # '浙商证券传媒/ORG 行业': the broker, then the sector
    (re.compile(r"(.{2,}(?:证券|期货|研究院|研究所))([\u4e00-\u9fff]{1,4})"), ("行业",), "n"),
)


def _split_glued_tails(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'英伟达数据中心/ORG 业务' -> '英伟达/ORG 数据中心/n 业务'; '宏达集团控股/ORG 子公司' ->
    '宏达集团/ORG 控股/vn 子公司'."""
    out: list[tuple[str, str]] = []
    for k, (word, tag) in enumerate(pairs):
        after = pairs[k + 1][0] if tag == "ORG" and k + 1 < len(pairs) else None
        glued = after and next(((m, tail_tag) for pattern, words, tail_tag in _GLUED_TAILS
                                if after in words and (m := pattern.fullmatch(word))), None)
        out += [(glued[0].group(1), "ORG"), (glued[0].group(2), glued[1])] if glued else [(word, tag)]
    return out


def _complete_cut_names(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'王建/PER 新心里/n' where the text also has '王建新/PER': a two-character name LAC cut before
    its last character, which the same document writes whole elsewhere (one name, one reading)."""
    whole = {word for word, tag in pairs if tag == "PER" and len(word) == 3}
    if not whole:
        return pairs
    out: list[tuple[str, str]] = []
    for word, tag in pairs:
        if out and out[-1][1] == "PER" and len(out[-1][0]) == 2 and out[-1][0] + word[:1] in whole:
            out[-1] = (out[-1][0] + word[0], "PER")
            if len(word) > 1:
                out.append((word[1:], tag))
        else:
            out.append((word, tag))
    return out


# Role words ending in 人 that LAC cuts before the 人 and glues it to the name after ('投资 人段永平').
_ROLES_IN_REN = {"投资", "创始", "创办", "负责", "发言", "合伙", "掌门", "经纪", "主持", "代言", "联合创始", "代理"}


def _split_name_from_role(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'投资/vn 人段永平/n' -> '投资人/n 段永平/PER': the role's last character, then a Han name."""
    if not any(word.startswith("人") and len(word) in (3, 4) for word, _ in pairs):
        return pairs
    out: list[tuple[str, str]] = []
    for word, tag in pairs:
        if (out and out[-1][0] in _ROLES_IN_REN and word.startswith("人") and len(word) in (3, 4)
                and word[1] in SINGLE_SURNAMES and word[1] not in AMBIGUOUS_SURNAMES and tag in ("n", "nz", "PER")):
            out[-1] = (out[-1][0] + "人", "n")
            out.append((word[1:], "PER"))
        else:
            out.append((word, tag))
    return out


# The initials of the big state banks (工商, 交通, 建设, 农业, 中国, 招商), which begin the names
# of the fund houses they own: 交银施罗德, 工银瑞信, 农银汇理.
_BANK_INITIALS = set("工交建农中招")
_NAME_TAGS = ("ORG", "PER", "nz", "n")


def _join_bank_initial(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'交/v 银施罗德基金公司/ORG' or '交/v 银/n 施罗德/PER': a bank's initial LAC cut off the 银… name
    that follows it."""
    out: list[tuple[str, str]] = []
    for word, tag in pairs:
        if word.startswith("银") and len(word) >= 3 and tag in _NAME_TAGS and out and _is_initial(out[-1]):
            out[-1] = (out[-1][0] + word, "ORG" if tag == "PER" else tag)
        elif ((tag in ("ORG", "PER", "nz") and 2 <= len(word) <= 4 or word == "国际") and len(out) >= 2
              and out[-1] == ("银", "n") and _is_initial(out[-2])):  # (招/v 银/n 国际/n: its arm abroad)
            out[-2:] = [(out[-2][0] + "银" + word, "ORG")]
        else:
            out.append((word, tag))
    return out


def _is_initial(pair: tuple[str, str]) -> bool:
    return pair[0] in _BANK_INITIALS and pair[1] in ("v", "p", "f", "j")


def _split_whitespace(word: str, tag: str) -> list[tuple[str, str]]:
    """LAC sometimes glues whitespace to a word (' 王五') or a bracket to one ('中国）有限公司'):
    whitespace and brackets become tokens of their own (tag w); after a bracket, the rest of an
    entity word is a plain noun (the entity is the part before it)."""
    if len(word) > 1 and _BRACKET.search(word) and not word.isspace():
        parts, first = [], True
        for piece in _BRACKET_OR_TEXT.findall(word):
            if _BRACKET.fullmatch(piece):
                parts.append((piece, "w"))
                continue
            piece_tag = tag if first or tag not in LAC_ENTITY_LABELS else "n"
            if piece_tag == "w" and not piece.isspace():
                piece_tag = "n"  # a word, once its brackets are cut off
            parts.extend(_split_whitespace(piece, piece_tag))
            first = False
        return parts
    if word.isspace() or word.split() == [word]:  # the usual case, without a regex per word
        return [(word, tag)]
    parts = re.findall(r"\s+|\S+", word)
    if len(parts) == 1:
        return [(word, tag)]
    return [(p, "w" if p.isspace() else tag) for p in parts]


_BRACKET = re.compile(r"[()（）【】\[\]]")
_BRACKET_OR_TEXT = re.compile(r"[()（）【】\[\]]|[^()（）【】\[\]]+")


# '中国证监会和协会/ORG': two bodies joined by a conjunction, the first complete by its ending.
_TWO_BODIES = re.compile(r"([\u4e00-\u9fff]{2,}(?:[社部会局院司行厂所校委办台]|公司|集团|银行|大学))([和与及])"
                         r"([\u4e00-\u9fff]{2,})?")
# '华数科技联合北方大学/ORG': two organizations acting together, run into one word.
_JOINT_FIRMS = re.compile(r"(.{2,}?(?:科技|公司|集团|大学|银行|研究院|研究所|学院|协会|中心))(联合|携手)(.{3,})")
_COUNT_AFTER_NAME = re.compile(r"[一二两三四五六七八九十几\d]+[所家个只](?:学校|高校|大学|公司|企业|银行|机构)?$")
# The first character of a verb LAC glued to the firm before it, and the verb's next character.
_VERB_CUT_OFF = {("时", "任"), ("位", "列"), ("位", "居"), ("名", "列")}
# What a firm is to another, glued by LAC to the front of the firm's name ('关联方中盈…公司').
_RELATION_BEFORE_FIRM = re.compile("关联方|控股股东|大股东|股东方|股东|母公司|子公司|旗下|下属|合作方"
                                   "|副?(?:会长|董事长|总经理)")


def _split_time_of_tenure(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'广发银行时/ORG 任/v 董事长': the 时 of 时任 ('then serving as') glued to the firm before it
    (and the 位 of 位列, 位居);
    '关联方中盈…公司/ORG': a relation word glued to the front of one."""
    out: list[tuple[str, str]] = []
    for word, tag in pairs:
        if tag == "ORG" and (joint := _JOINT_FIRMS.fullmatch(word)) is not None:
            out += [(joint.group(1), "ORG"), (joint.group(2), "v"), (joint.group(3), "ORG")]  # 'A联合B/ORG'
        elif tag == "ORG" and (count := _COUNT_AFTER_NAME.search(word)) and count.start() >= 2:
            out += [(word[: count.start()], "ORG"), (count.group(0), "m")]  # '宾夕法尼亚四所/ORG 学校'
        elif tag == "ORG" and (relation := _RELATION_BEFORE_FIRM.match(word)) and len(word) - relation.end() >= 4:
            out += [(relation.group(0), "n"), (word[relation.end():], "ORG")]  # '关联方/n 中盈…公司/ORG'
        elif out and out[-1][1] == "ORG" and len(out[-1][0]) >= 3 and (out[-1][0][-1], word[:1]) in _VERB_CUT_OFF:
            glued = out[-1][0][-1]  # '广发银行时/ORG 任', '国家电网位/ORG 列': 时任, 位列
            out[-1] = (out[-1][0][:-1], "ORG")
            out.append((glued + word, "v"))
        else:
            out.append((word, tag))
    return out


def _name_cut_before_time(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'李克/PER 难于/v 2008年/TIME': a name's last character glued to the 于 before a date."""
    out = list(pairs)
    for i in range(len(out) - 2):
        (name, tag), (glued, _), (_, next_tag) = out[i], out[i + 1], out[i + 2]
        if tag == "PER" and len(name) == 2 and len(glued) == 2 and glued[1] == "于" and next_tag == "TIME":
            out[i], out[i + 1] = (name + glued[0], "PER"), ("于", "p")
    return out


def _name_part(word: str) -> bool:
    """A short piece of a name: two or three characters, not ending like a whole organization's name."""
    return 2 <= len(word) <= 3 and word[-1] not in _WHOLE_NAME_ENDINGS and "与" not in word and "和" not in word


_WHOLE_NAME_ENDINGS = set("社部会局院队司行厂所校委办台报网馆团处室")


def _join_cut_organizations(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Two short organization words with nothing between are one name LAC cut ('通产' + '丽星'), not
    two names run together ('综合' + '中新社', '新浪乐居' + '新浪')."""
    if not any(t == "ORG" and u == "ORG" for (_, t), (_, u) in zip(pairs, pairs[1:], strict=False)):
        return pairs
    out: list[tuple[str, str]] = []
    for word, tag in pairs:
        if tag == "ORG" and out and out[-1][1] == "ORG" and _name_part(out[-1][0]) and _name_part(word):
            out[-1] = (out[-1][0] + word, tag)
        else:
            out.append((word, tag))
    return out


_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*")
_LATIN_WORD = re.compile(r"[A-Za-z]*(?:[A-Z][a-z]|[a-z][A-Z])[A-Za-z]*")  # a product's word: Magic, iPhone
_SERIES = re.compile(r"\d{1,4}[A-Za-z]?")
_CODE_TAIL = re.compile(r"[.\-‐]\d[A-Za-z0-9.]*")
_MARKS = "。，、；：！？”"
_CODE_THEN_MARK = re.compile(rf"([A-Za-z0-9.\-‐]*[A-Za-z0-9])([{_MARKS}]+)")


def _has_codes(pairs: list[tuple[str, str]]) -> bool:
    after_letter = False
    for word, _ in pairs:
        if len(word) > 1 and (word[0] in ".-‐" or word[-1] in _MARKS) or after_letter and word[:1].isdigit():
            return True
        after_letter = word[-1:].isascii() and word[-1:].isalpha()
    return False


def _rejoin_codes(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Model codes and versions LAC cut apart or glued to a mark: 'GPT' + '-4。' -> 'GPT-4' + '。',
    'V3' + '.5' -> 'V3.5', 'Magic' + '6' -> 'Magic6', '2.5。' -> '2.5' + '。'."""
    if not _has_codes(pairs):
        return pairs  # the usual case: nothing to rejoin
    out: list[tuple[str, str]] = []
    for word, tag in pairs:
        mark = ""
        if (glued := _CODE_THEN_MARK.fullmatch(word)) is not None:
            word, mark = glued.group(1), glued.group(2)
            tag = tag if tag != "w" else "m"
        if out and (_CODE_TAIL.fullmatch(word) and _CODE.fullmatch(out[-1][0])
                    or _SERIES.fullmatch(word) and _LATIN_WORD.fullmatch(out[-1][0])):  # 'Magic' + '6'
            out[-1] = (out[-1][0] + word, out[-1][1])
        else:
            out.append((word, tag))
        if mark:
            out.append((mark, "w"))
    return out


_LEGAL_FORM = re.compile(r"有限责任公司|有限公司")
_HONORIFICS = ("先生", "女士", "小姐")
# 'SUV钇' (为3), 'Kimi智能' (助手): a name, then the start of the next word or of a kind of device
# ('X6折叠屏' (手机): a one-letter code too)
_LATIN_THEN_HAN = re.compile(r"([A-Za-z]{2,}[A-Za-z0-9]*|[A-Z]\d{1,3}[A-Za-z]?)([\u4e00-\u9fff]|智能|手机|平板|电脑"
                             r"|芯片|眼镜|耳机|手表|(?:单反|数码|卡片|长焦|微单)?相机|单反|镜头|套机|投影仪|播放器|折叠屏)")
_BRAND_THEN_LETTER = re.compile(r"([\u4e00-\u9fff]{2,})([A-Z]{1,2})")
_HAN_THEN_LATIN = re.compile(r"([\u4e00-\u9fff]{2,})([A-Za-z]{2,}[A-Za-z0-9]*)")
_PLACE_THEN_LISTING = re.compile(r"([\u4e00-\u9fff]{1,8}?)(上市|挂牌)")
# Words of 市 the market, and stock indices, that LAC reads as a place's name (面市, 顺市, 热熊市,
# 震荡市, 沪综指).
_MARKET_WORDS = (*(c + "市" for c in "面上开股楼车顺休闭罢入救退造出熊牛"), "震荡市", "调整市", "平衡市",
                 "综指", "基指", "成指")
_EVENT_ENDING = re.compile(r"(?:对话会|峰会|论坛|博览会|展览会|交易会|研讨会|年会|大会|发布会|运动会)$")
_GLUED_VERB = re.compile(r"发布(?!会)|推出|宣布|表示|致电")


def _split_glued_firms(word: str) -> list[str]:
    """A list of firms whose line breaks were lost ('圣象集团有限公司吴江三益建材纺织有限公司')
    comes as one ORG word: one word per registered name, each ending in its legal form."""
    ends = [m.end() for m in _LEGAL_FORM.finditer(word)]
    if len(ends) < 2 or ends[-1] != len(word):
        return [word]
    firms = [word[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]
    return firms if all(len(firm) >= 6 for firm in firms) else [word]
