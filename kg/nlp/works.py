"""Named works: 《…》 titles as reports, rankings or newspapers, and named lists outside 《》.

The guide's Report is a named publication, its Ranking the list a report publishes;
a title cited as a source (据《某报》报道) is a news outlet.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .components import merge_ents, org_type, words_of

REPORT_WORDS = ("报告", "白皮书", "蓝皮书", "观察", "指数", "调查", "研究", "年鉴", "指南", "规划", "预测",
                "展望", "评估", "统计公报", "公报", "分析")
# A periodic report ('《中国经济季报》'), not a paper whose name ends alike ('青年报').
_PERIODIC_REPORT = re.compile(r"..(?<!青)(?:季报|年报|月报|简报)$")
# '卫生部发布的《某办法》', '发布了《某状况》报告': a title the sentence says is published, or calls a report.
_PUBLISHED_BEFORE = re.compile(r"(?:发布|公布|印发|出台|颁布|发表)(?:实施)?[了的]?(?:新一期|最新一期|最新)?的?$")
# ... when the title is what the sentence goes on about, not a film's '《某片》预告片' or '剧照'.
_CITED_AFTER = re.compile(r"[^\u4e00-\u9fff]|$|显示|指出|规定|提出|要求|称|中|里|认为|表明|明确|预测|分析|强调"
                          r"|和|及|等|的")
_REPORT_AFTER = re.compile(r"(?:研究|调查|分析)?报告|白皮书|蓝皮书")
RANKING_WORDS = ("名单", "榜单", "排行榜", "榜", "排名", "强")


def _cited_as_source(text: str, start: int, end: int) -> bool:
    """'据《X》报道', '据瑞典《X》26日报道', '来源：《X》', '《X》记者': the title names a news outlet."""
    return _SOURCE_BEFORE.search(text, max(0, start - 8), start) is not None or \
        _SOURCE_AFTER.match(text, end) is not None


_REPORT_KIND_BEFORE = re.compile(r"(?:报告|白皮书|蓝皮书|研报)$")
_OUTLET_KIND_AFTER = re.compile(r"杂志社|杂志|周刊|报社|期刊")
_SOFTWARE_KIND_BEFORE = re.compile(r"(?:网游|游戏|手游|页游|端游|软件|应用|App|APP|app|客户端|操作系统|小程序)$")
# The country or city of a paper may stand between 据 and its name; a date between it and 报道.
_SOURCE_BEFORE = re.compile(r"(?:(?<![根依证占数])据[\u4e00-\u9fff]{0,4}|来源[：:]?|来自|援引|转引自)$")
_SOURCE_AFTER = re.compile(r"(?:(?:\d{1,2}月)?\d{1,2}日|日前|近日|当天|今天|昨天)?"
                           r"(?:报道|消息|记者|援引|发表|刊文|刊登)")


@Language.component("kg_titles")
def titles(doc: Doc) -> Doc:
    """《…》 names a Report (or a Ranking, or a newspaper) when its words say so."""
    spans = []
    text = words_of(doc).text  # doc.text
    for match in re.finditer(r"《([^《》\n]{2,80})》", text):
        inner = match.group(1).strip()
        label = None
        if (kind := _OUTLET_KIND_AFTER.match(text, match.end())) and len(inner) <= 12:
            span = doc.char_span(match.start(), kind.end(), label="MediaOutlet", alignment_mode="expand")
            if span is not None and span.start_char == match.start() and span.end_char == kind.end():
                spans.append(span)  # '《财富》杂志发布…': the magazine itself
                continue
        if re.search(r"(名单|榜单|排行榜|榜|(?:\d+|[百千])强)$", inner):
            label = "Ranking"
        elif any(w in inner for w in REPORT_WORDS) or _PERIODIC_REPORT.search(inner):
            label = "Report"
        elif org_type(inner) == "MediaOutlet" or _cited_as_source(text, match.start(), match.end()):
            label = "MediaOutlet"
        elif _REPORT_KIND_BEFORE.search(text, max(0, match.start() - 4), match.start()):
            label = "Report"  # '年度策略报告《拥抱新周期》': the kind of publication, then its title
        elif _SOFTWARE_KIND_BEFORE.search(text, max(0, match.start() - 6), match.start()):
            label = "Product"  # '手机网游《诛神OL》', '游戏《某某》': a game or an app is a product
        elif (_PUBLISHED_BEFORE.search(text, max(0, match.start() - 12), match.start())
              and _CITED_AFTER.match(text, match.end())) or _REPORT_AFTER.match(text, match.end()):
            label = "Report"
        if label is None:
            continue
        span = doc.char_span(match.start(1), match.end(1), label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    for match in _QUOTED_RANKING.finditer(text):  # '“2024胡润全球独角兽榜”': a list's name in quotation marks
        span = doc.char_span(match.start(1), match.end(1), label="Ranking", alignment_mode="expand")
        if span is not None and span.start_char == match.start(1) and span.end_char == match.end(1):
            spans.append(span)
    for match in _PUBLISHED_REPORT.finditer(text):  # a report named outside 《》, as it is published
        name = match.group(1)
        if not (_SPECIFIC.search(name[:-2]) or len(name) >= 10) or any(s.start_char < match.end(1) and
                                                                        match.start(1) < s.end_char for s in spans):
            continue
        span = doc.char_span(match.start(1), match.end(1), label="Report")
        if span is not None:
            spans.append(span)
    for match in _PUBLISHED_RANKING.finditer(text):  # '发布了2012年美国最新大学排名'
        if not any(s.start_char < match.end(1) and match.start(1) < s.end_char for s in spans):
            span = doc.char_span(match.start(1), match.end(1), label="Ranking")
            if span is not None:
                spans.append(span)
    if spans:
        merge_ents(doc, spans)
    return doc


_QUOTED_RANKING = re.compile(r"“([^“”\n]{3,40}?(?:名单|榜单|排行榜|榜|(?:\d+|[百千])强))”")
# A ranking named as it is published, with its year ('发布了2012年美国最新大学排名').
_PUBLISHED_RANKING = re.compile(r"(?:发布|公布|推出|发表)(?:了|的)?(?:最新一期的?|最新的?|年度)?"
                                r"((?:\d{4}年度?|\d{4}-\d{4}年?)[一-鿿A-Za-z0-9]{2,16}?(?:排名|排行))"
                                r"(?![一-鿿])")


# '国海证券发布的2月份投资策略报告', '共同推出的最新一期QFII中国A股基金月度报告': a named report after
# the verb that publishes it; named, not a kind (研究报告): a date, a period or a Latin name in it,
# or a long title.
_PUBLISHED_REPORT = re.compile(r"(?:发布|推出|发表|公布)的(?:最新一期的?|最新的?|年度)?"
                               r"([\u4e00-\u9fffA-Za-z0-9]{4,24}?(?:报告|白皮书|蓝皮书|月报|季报))")
_SPECIFIC = re.compile(r"\d|[A-Za-z]|[年月季期]")


_NUMBER_BEFORE_STRONG = re.compile(r"\d+|[百千]")
_N_STRONG = re.compile(r"(?:\d+|[百千])强")
_DIGIT = re.compile(r"\d")
_RANKING_QUALIFIERS = re.compile(r"^(\d{4}(-\d{4})?年?|第.批|国内|全国|中国)")


@Language.component("kg_rankings")
def rankings(doc: Doc) -> Doc:
    """Named lists outside 《》: '<qualifiers>50强', '第三批<…>名单', '<…>排行榜'."""
    spans = []
    words = words_of(doc)
    texts, tags = words.texts, words.tags
    ents = None  # read once, when first needed: doc.ents makes new Spans on every access
    for i, text in enumerate(texts):
        is_strong = text == "强" and i > 0 and _NUMBER_BEFORE_STRONG.fullmatch(texts[i - 1])
        if not (is_strong or text in ("名单", "榜单", "排行榜") or _N_STRONG.fullmatch(text)):
            continue
        if ents is None:
            ents = doc.ents
        if any(e.start <= i < e.end and e.label_ in ("Ranking", "Report") for e in ents):
            continue
        start = i
        while start > 0:
            prev_text, prev_tag = texts[start - 1], tags[start - 1]
            if prev_text == "”" and start >= 3 and "“" in texts[max(0, start - 5) : start - 1]:
                start = max(k for k in range(max(0, start - 5), start - 1) if texts[k] == "“")
                continue  # '专精特新“小巨人”企业名单': a quoted word inside the list's name
            if prev_tag in ("n", "nz", "vn", "an", "a", "m", "ORG", "LOC", "TIME", "nw") and not prev_text.isspace():
                if prev_text in ("的",) or (prev_tag == "TIME" and not _DIGIT.search(prev_text)):
                    break
                start -= 1
            elif prev_text == "-" and start > 1 and tags[start - 2] in ("m", "TIME"):
                start -= 1
            else:
                break
        if start > 0 and texts[start - 1] == "》":  # '《财富》世界500强': the magazine's list
            opening = next((k for k in range(start - 2, max(start - 5, -1), -1) if texts[k] == "《"), None)
            if opening is not None and len(words.span(opening, start)) <= 8:
                start = opening
        name = words.span(start, i + 1)
        core = _RANKING_QUALIFIERS.sub("", name)
        if len(core) < 6:
            continue
        spans.append(Span(doc, start, i + 1, label="Ranking"))
    if spans:
        merge_ents(doc, spans)
    return doc
