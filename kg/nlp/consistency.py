"""One name, one reading per document: repeats of a recognised name become mentions too.

LAC tags a name in one sentence and misses it in the next ('原南方基金副总经理' after
'南方基金' was tagged two clauses before). Within one document a name string almost
always means the same thing, so every further occurrence of a recognised Person or
organization name that lines up with token boundaries and touches no other entity is
tagged with the label the name already has there (the label-consistency heuristic of
document-level NER). A brand + model product's model code alone is the product too.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span

from .components import ORG_LABELS, PRODUCT_LABELS, words_of
from .lexicon import BRAND_AND_CODE, KNOWN_PLACES

PROPAGATED = ORG_LABELS | {"Person"}
_OPEN_QUOTES = ("“", '"', "「")
_HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_CHARS = 2


@Language.component("kg_repeated_names")
def repeated_names(doc: Doc) -> Doc:
    _drop_brands_read_as_people(doc)
    _firms_read_as_people_or_places(doc)
    text = words_of(doc).text  # doc.text (joined anew on every access)
    labels: dict[str, Counter] = defaultdict(Counter)
    for ent in doc.ents:
        if ent.text.strip() != ent.text or len(ent.text) < MIN_CHARS:
            continue
        if ent.label_ in PROPAGATED:
            labels[ent.text][ent.label_] += 1
        elif ent.label_ in PRODUCT_LABELS and (model := BRAND_AND_CODE.fullmatch(ent.text)):
            labels[model.group(2)][ent.label_] += 1  # '三星ST500', then 'ST500是三星推出的…'
        elif ent.label_ in PRODUCT_LABELS and text[ent.start_char - 1 : ent.start_char] in _OPEN_QUOTES:
            labels[ent.text][ent.label_] += 1  # '量子计算机“本源悟空”', then '“本源悟空”由…研发'
    if not labels:
        return doc
    taken = bytearray(len(text))  # characters inside an entity: most repeats are already tagged
    for ent in doc.ents:
        taken[ent.start_char : ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
    words = words_of(doc)
    common_words = Counter(w for w, tag in zip(words.texts, words.tags, strict=True) if tag in COMMON_TAGS)
    found: list[Span] = []
    for name in sorted(labels, key=len, reverse=True):  # longest first: 南方基金公司 before 南方基金
        label = labels[name].most_common(1)[0][0]
        if common_words[name] > sum(labels[name].values()):
            continue  # '基金' once in a list, sixty times a noun: LAC reads it as a word, not a name
        for match in re.finditer(re.escape(name), text):
            if any(taken[match.start() : match.end()]) or not _stands_alone(text, match, name):
                continue
            span = doc.char_span(match.start(), match.end(), label=label)  # strict: whole tokens only
            if span is None:
                continue
            found.append(span)
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    if found:
        doc.ents = sorted([*doc.ents, *found], key=lambda s: s.start)
    return doc


COMMON_TAGS = ("n", "vn", "v", "a", "an", "ad", "d", "m", "q", "f", "r", "t")


# Heads that make what comes right before them a firm's name, never a person's ('施罗德基金', '张江集团';
# not 工作室: a director's studio is named after the director).
_FIRM_HEAD_AFTER = "(?:公司|集团|基金|证券|银行|控股)"


def _firms_read_as_people_or_places(doc: Doc) -> None:
    """'施罗德/PER' where the text also writes '施罗德基金': the name is the firm's in the whole
    document (one name, one reading), not a person's; so is a two-character '伊顿/PER' beside the
    firm 伊顿公学 it opens. So is '华安/LOC' beside '华安基金' (a fund house named like a place; a
    known place stays one: 北京 beside 北京基金)."""
    heads: dict[str, str] = {}  # name -> what may follow it in a firm's name
    for ent in doc.ents:
        if len(ent.text) >= 2 and ent.label_ == "Person":
            heads[ent.text] = _FIRM_HEAD_AFTER
        elif len(ent.text) >= 2 and ent.label_ == "Location" and ent.text not in KNOWN_PLACES:
            heads.setdefault(ent.text, "基金")
    if not heads:
        return
    text = doc.text
    firms = {name for name, head in heads.items() if re.search(re.escape(name) + head, text)}
    orgs = {e.text for e in doc.ents if e.label_ in ORG_LABELS}
    firms |= {name for name, head in heads.items() if head == _FIRM_HEAD_AFTER and len(name) == 2
              and any(org.startswith(name) and len(org) >= 4 for org in orgs)}  # '伊顿/PER' beside 伊顿公学
    if firms:
        doc.ents = [Span(doc, e.start, e.end, label="Organization")
                    if e.label_ in ("Person", "Location") and e.text in firms else e for e in doc.ents]


def _drop_brands_read_as_people(doc: Doc) -> None:
    """'文心/PER 一言' where the text also names the product 文心大模型4.5: the name opening a
    product's name is the product line's brand, not a person."""
    products = [e.text for e in doc.ents if e.label_ in PRODUCT_LABELS]
    if products:
        doc.ents = [e for e in doc.ents if not (e.label_ == "Person" and any(
            p.startswith(e.text) and len(p) > len(e.text) for p in products))]


def _stands_alone(text: str, match: re.Match, name: str) -> bool:
    """A Latin name must not run on into more Latin letters or digits (Nova in Novartis)."""
    if _HAN.match(name[0]) and _HAN.match(name[-1]):
        return True
    before = text[match.start() - 1] if match.start() else " "
    after = text[match.end()] if match.end() < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


# A registered name less its legal form and one industry word is what the article then calls
# the firm: 宇树科技有限公司 -> 宇树, 星河终端有限公司 -> 星河, 京瓷(中国)有限公司 -> 京瓷.
_LEGAL_FORM = re.compile(r"(?:[(（][^()（）]{1,6}[)）])?(?:集团)?(?:股份)?(?:有限责任公司|有限公司)$")
_INDUSTRY_WORD = re.compile(r"(?:终端|科技|技术|信息技术|网络技术|网络|信息|电子|软件|通信|实业|控股|集团|股份|"
                            r"发展|投资)$")


def short_firm_name(name: str) -> str | None:
    """The short name a registered firm's name implies, or None."""
    core = _LEGAL_FORM.sub("", name)
    if core == name:
        return None
    core = _INDUSTRY_WORD.sub("", core)
    return core if len(core) >= 2 and _HAN.match(core[0]) else None


@Language.component("kg_short_firm_names")
def short_firm_names(doc: Doc) -> Doc:
    """Where a firm is named in full, its short name alone names it too, whatever LAC tagged it
    ('星河/a CEO赵明' after '星河终端有限公司'), unless the short name is a place of the text."""
    ents = list(doc.ents)
    places = {e.text for e in ents if e.label_ == "Location"}
    shorts = {}
    for ent in ents:
        if ent.label_ in ORG_LABELS and (short := short_firm_name(ent.text)) and short not in places:
            shorts.setdefault(short, ent.label_)
    if not shorts:
        return doc
    text = doc.text
    taken = bytearray(len(text))
    for ent in ents:
        taken[ent.start_char : ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
    for short, label in list(shorts.items()):
        if (shorter := _repeated_prefix(short, text, taken)) and shorter not in places:
            shorts.setdefault(shorter, label)  # '本源量子' for 本源量子计算科技（合肥）股份有限公司
    found = []
    for short, label in shorts.items():
        for match in re.finditer(re.escape(short), text):
            if any(taken[match.start() : match.end()]):
                continue
            span = doc.char_span(match.start(), match.end(), label=label)  # whole tokens only
            if span is not None and all(t.tag_ not in ("LOC", "PER") for t in span):
                found.append(span)
                taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    if found:
        doc.ents = sorted([*ents, *found], key=lambda s: s.start)
    return doc


def _repeated_prefix(core: str, text: str, taken: bytearray) -> str | None:
    """The longest start of a firm's core name (three characters or more) that the text writes twice
    or more on its own, outside any entity: the short name the article uses ('本源量子')."""
    for size in range(len(core) - 1, 2, -1):
        prefix = core[:size]
        if not _HAN.match(prefix[-1]):
            continue
        alone = [m for m in re.finditer(re.escape(prefix), text) if not any(taken[m.start() : m.end()])
                 and not text.startswith(core[size], m.end())]
        if len(alone) >= 2:
            return prefix
    return None
