"""Lists of organizations: members of 'A、B、C等企业' are organizations (companies when the category
says so), whatever LAC tagged each of them."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .components import ORG_LABELS, merge_ents, words_of
from .lexicon import GENERIC_NAMES, ROLE_HEADS

CATEGORY_NOUNS = ("企业", "公司", "车企", "厂商", "运营商", "机构", "银行", "券商", "集团", "品牌", "平台",
                  "上市公司", "厂家", "药企", "房企", "险企", "互联网企业", "科技公司", "巨头", "龙头")
CATEGORY_BEFORE_LIST = re.compile(r"(企业|公司|车企|厂商|机构|品牌|上市公司)(包括|如|有|是|为|像|例如|比如)[：:]?$")
LIST_DELIMITERS = ("、", "和", "及", "以及", "与")
_COUNTED = re.compile(r"[\d一二三四五六七八九十两几]+[家个所只]")
NAME_TAGS = ("n", "nz", "ORG", "LOC", "PER", "an", "xc", "s", "vn", "nw")


@Language.component("kg_coordination")
def coordination(doc: Doc) -> Doc:
    """Members of 'A、B、C等' lists are organizations when the list is of organizations:
    most members are already, or a category noun follows (…等车企, …等10多家公司)."""
    spans = []
    texts = words_of(doc).texts
    if "、" not in texts and doc.has_annotation("SENT_START"):  # no enumeration: nothing to do
        return doc
    ents = list(doc.ents)  # read once: doc.ents makes new Spans on every access
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            if texts[i] != "、":
                i += 1
                continue
            items, end = _list_around(doc, i, sent.start, sent.end)
            category = _category_follows(doc, end, sent.end) or _category_precedes(doc, items[0][0])
            spans.extend(_complete_list(doc, items, category, ents))
            i = max(end, i + 1)
    if spans:
        merge_ents(doc, spans)
    return doc


def _name_run(doc: Doc, start: int, stop: int, step: int) -> int:
    """Walk from `start` over name-like tokens (direction `step`); return where the run stops."""
    k = start
    while (k < stop if step > 0 else k > stop) and doc[k].tag_ in NAME_TAGS and not doc[k].text.isspace() \
            and doc[k].text not in LIST_DELIMITERS:
        k += step
    return k


def _list_around(doc: Doc, i: int, sent_start: int, sent_end: int) -> tuple[list[tuple[int, int]], int]:
    """The members of the enumeration containing the delimiter at token i, and its end index."""
    first_start = _name_run(doc, i - 1, sent_start - 1, -1) + 1
    items = [(first_start, i)]
    k = i + 1
    while k < sent_end:
        end = _name_run(doc, k, sent_end, 1)
        items.append((k, end))
        if end < sent_end and doc[end].text in LIST_DELIMITERS:
            k = end + 1
            continue
        return items, end
    return items, k


def _category_precedes(doc: Doc, start: int) -> str:
    """'…代表企业包括A、B': a category noun and an introducing verb right before the list (the noun)."""
    window = doc[max(0, start - 3) : start].text
    match = CATEGORY_BEFORE_LIST.search(window)
    return match.group(1) if match else ""


def _category_follows(doc: Doc, end: int, sent_end: int) -> str:
    """'A、B等(9家)基金公司', 'A、B和C4家公司': a category noun right after the list (the noun)."""
    if end >= sent_end:
        return ""
    start = end + 1 if doc[end].text == "等" else end
    if start == end and not _COUNTED.fullmatch(doc[end].text):
        return ""  # without 等, only a count ('4家') may join the list to its category
    for k in range(start, min(start + 5, sent_end)):
        if doc[k].text in CATEGORY_NOUNS or doc[k].text.endswith(("企业", "公司", "车企", "运营商", "机构")):
            return "公司" if doc[k].text.endswith("公司") else "企业" if doc[k].text.endswith("企业") else doc[k].text
        if doc[k].tag_ in ("w", "p", "v") or doc[k].text == "的":
            return ""  # '有色金属、煤炭等高周期性的公司': companies of those industries, no list of them;
            # '从研发投入、专利数量等12个维度对企业': a preposition or verb before the category
    return ""


# Categories whose members are companies: the list types them Company, not just Organization.
COMPANY_CATEGORIES = {"企业", "公司", "车企", "厂商", "运营商", "银行", "券商", "集团", "厂家", "药企", "房企", "险企",
                      "上市公司"}


def _complete_list(doc: Doc, items: list[tuple[int, int]], category: str, ents: list[Span]) -> list[Span]:
    """Spans for the unlabelled members of one enumeration, when the list is clearly of organizations
    (companies, when its category says so: a member only typed Organization becomes a Company)."""
    companies = category in COMPANY_CATEGORIES
    labels = []
    for start, end in items:
        inside = [e for e in ents if e.start >= start and e.end <= end]
        labels.append(inside[0].label_ if len(inside) == 1 and inside[0].start == start else None)
    orgs = sum(1 for label in labels if label in ORG_LABELS)
    others = [label for label in labels if label and label not in ORG_LABELS]
    if not category and (others or orgs < 2 or orgs * 2 < len(items)):
        return []
    unnamed = [(start, end) for (start, end), label in zip(items, labels, strict=True) if label is None]
    if not orgs and unnamed and all(end - start == 1 and doc[start].tag_ == "n" for start, end in unnamed):
        return []  # '牛奶、洗衣液、家电、饼干等多家商业品牌': common words LAC knows, kinds of goods
    spans = []
    for (start, end), label in zip(items, labels, strict=True):
        text = doc[start:end].text
        if companies and label == "Organization":
            spans.append(Span(doc, start, end, label="Company"))
            continue
        if end <= start or label in ORG_LABELS or text.endswith(ROLE_HEADS) or any(
                e.label_ == "Person" and start < e.start and e.end <= end
                and doc[start : e.start].text.endswith(ROLE_HEADS) for e in ents):
            continue  # (nor '部长孟建柱', '国家副主席习近平': a title and its holder in a list of posts)
        if label is not None and not category:
            continue
        # In a list of organizations, '博远数据' (or '东吴', tagged a place) is an organization too,
        # but not what is counted ('19只基金、5只基金…' are funds, no firm named 基金).
        if not (2 <= len(text) <= 8) or text in GENERIC_NAMES or re.search(r"\d{2,}|[，,。的了是在]", text):
            continue
        if text.endswith(("排名", "排行", "榜", "名单")):
            continue  # '专业分项排名、学院排名等': a list of rankings
        if start > 0 and _COUNTED.fullmatch(doc[start - 1].text):
            continue
        spans.append(Span(doc, start, end, label="Company" if companies else "Organization"))
    return spans
