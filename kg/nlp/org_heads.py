"""kg_org_heads: what LAC glues to the end of an organization's name that is no part of it.

A job title or department ('某证券分析师' is the firm 某证券 and a role), a firm's regional arm
('高力国际华东区'), or a generic head noun that makes the whole a phrase, not a name
('品牌影响力', '电信运营商')."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .components import ORG_LABELS
from .lexicon import ROLE_HEADS

# A firm's regional arm: '高力国际华东区/ORG 研究及咨询部董事' is the firm, then the region's post.
REGION_UNITS = {"华东区", "华南区", "华北区", "华中区", "西南区", "西北区", "东北区", "亚太区", "大中华区", "中国区",
                "北美区", "欧洲区"}
# Role heads and departments LAC glues onto a firm's name.
# ('等': '北京大学、中国科学院计算技术研究所等/ORG 高校' lists, it names nothing)
TRAILING_NOT_NAME = tuple(sorted(set(ROLE_HEADS) | {"市场部", "研究部", "投资部", "销售部", "办公室", "总部", "董事局",
                                                    "董事会", "监事会", "党委", "党组", "等"} | REGION_UNITS,
                                 key=len, reverse=True))
# LAC tags phrases as ORG that end in a generic head noun (品牌影响力, 电信运营商, 核心竞争力): not names.
GENERIC_HEADS = ("影响力", "竞争力", "生产力", "创新力", "执行力", "实力", "能力", "运营商", "企业", "行业", "市场",
                 "领域", "库存", "部门", "产业", "美誉度", "知名度", "满意度", "忠诚度", "牛市", "熊市",
                 "党人",  # '民进党人': party members
                 "内涵", "形象", "理念")  # '品牌内涵': what a brand means, no body


@Language.component("kg_org_heads")
def org_heads(doc: Doc) -> Doc:
    """Drop organization spans whose last word is a generic head noun, and cut a job title or
    department off the end of one (LAC's '某证券分析师' is the firm 某证券 and a role)."""
    _split_trailing_roles(doc)
    doc.ents = [
        e for e in doc.ents
        if not (e.label_ in ORG_LABELS and (e.text.endswith(GENERIC_HEADS) or _head_follows(doc, e.end)
                                            or _counted(doc, e.start)))
    ]
    return doc


def _counted(doc: Doc, start: int) -> bool:
    """'一个新时代': a counted noun is a common noun, whatever LAC tagged it."""
    return start > 0 and doc[start - 1].text in ("一个", "一种", "这个", "那个", "一场", "一次", "每个")


# '南方基金国际部': a firm's two-character department glued to its name.
_FIRM_DEPARTMENT = re.compile(r".(?:基金|证券|银行|公司|集团|保险|信托|期货)([\u4e00-\u9fff]{2}部)$")


def _trailing_tail(text: str, length: int) -> str | None:
    """The role or department glued to the end of an organization's last word, if any."""
    tail = next((h for h in TRAILING_NOT_NAME if text.endswith(h) and length - len(h) >= 2), None)
    if tail is None and (department := _FIRM_DEPARTMENT.search(text)):
        tail = department.group(1)
    return tail


def _split_trailing_roles(doc: Doc) -> None:
    cuts = []
    for ent in doc.ents:
        if ent.label_ not in ORG_LABELS:
            continue
        token = doc[ent.end - 1]
        tail = _trailing_tail(token.text, len(ent.text))
        if tail is None or token.text == tail:
            continue
        # '东吴证券党委书记/ORG': a body and its officer's title, both cut off
        while (more := _trailing_tail(token.text[: -len(tail)], len(ent.text) - len(tail))) and \
                len(token.text) - len(tail) - len(more) >= 2:
            tail = more + tail
        cuts.append((token, tail))
    if not cuts:
        return
    spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    with doc.retokenize() as retokenizer:
        for token, tail in cuts:
            head = token.text[: -len(tail)]
            tag = doc.vocab.strings.add(token.tag_)
            retokenizer.split(token, [head, tail], heads=[(token, 0), (token, 0)],
                              attrs={"TAG": [tag, doc.vocab.strings.add("n")]})
    ents = []
    for start, end, label in spans:
        span = doc.char_span(start, end, label=label)
        if span is not None and label in ORG_LABELS and _trailing_tail(span.text, len(span.text)):
            shorter = doc.char_span(start, doc[span.end - 1].idx, label=label)
            span = shorter or span
        if span is not None:
            ents.append(span)
    doc.ents = ents


def _head_follows(doc: Doc, end: int) -> bool:
    """'电信' in '电信运营商' modifies a generic noun: the phrase is not a name."""
    return end < len(doc) and doc[end].text in GENERIC_HEADS
