"""What every relation extractor reads: one article, its parsed Doc, sentences and mentions."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..model import Article, Evidence, Fact, Mention
from ..name_forms import in_order
from ..nlp.components import ORG_LABELS, PRODUCT_LABELS, words_of
from ..nlp.generic import is_generic_org
from ..nlp.lexicon import GENERIC_NAMES

# '王总', '李教授', '张女士': a person named again by surname and title.
TITLE_AFTER_SURNAME = re.compile(r"([\u4e00-\u9fff])(总裁|总经理|董事长|总|董|先生|女士|教授|博士|院长|主任|老师|经理|"
                                 r"书记|局长|部长|行长|所长|会长|社长|校长)"
                                 r"(?=[^\u4e00-\u9fff]|表示|认为|说|指出|强调|介绍|称|坦言|透露|看来|[在也则还曾就对向又亦])")
COARSE_OF_LABEL = {**{label: "Organization" for label in ORG_LABELS}, **{p: "Product" for p in PRODUCT_LABELS}}


def coarse(label: str) -> str:
    return COARSE_OF_LABEL.get(label, label)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    mentions: list[Mention]


@dataclass
class ArticleContext:
    """An article as extractors see it. Extractors may add mentions they discover (a company
    named only as the subject of 发布) through `add_mention`, so resolution sees them too."""

    article: Article
    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    last_speaker: str | None = None

    @classmethod
    def from_doc(cls, article: Article, doc: Doc) -> ArticleContext:
        mentions = [Mention(e.text, e.label_, e.start_char, e.end_char, "nlp") for e in doc.ents]
        mentions = _resolve_surname_titles(article.text, mentions)
        mentions = _resolve_declared_abbreviations(article.text, mentions)
        ctx = cls(article=article, doc=doc, mentions=mentions)
        # Mentions are sorted by start: each sentence's are a slice found by bisection, not a scan of all.
        starts = [m.start for m in mentions]
        doc_text = words_of(doc).text  # doc.text
        for sent in doc.sents:
            start_char, end_char = sent.start_char, sent.end_char
            text = doc_text[start_char:end_char]  # sent.text
            if not text.strip():
                continue
            candidates = mentions[bisect_left(starts, start_char) : bisect_right(starts, end_char)]
            inside = [m for m in candidates if m.end <= end_char]
            ctx.sentences.append(Sentence(start_char, end_char, text, inside))
        return ctx

    def add_mention(self, sentence: Sentence, start: int, end: int, label: str, source: str,
                    also_as: bool = False) -> Mention:
        """Record a mention found by an extractor (offsets into the article text). A mention of
        the same span is returned instead, unless `also_as` (the span also names a thing of
        another type: a report that is also its list's name)."""
        mention = Mention(self.article.text[start:end], label, start, end, source)
        for existing in sentence.mentions:
            if existing.start == start and existing.end == end and (not also_as or existing.label == label):
                return existing
        self.mentions.append(mention)
        sentence.mentions.append(mention)
        sentence.mentions.sort(key=lambda m: m.start)
        return mention

    def evidence(self, sentence: Sentence) -> Evidence:
        return Evidence(self.article.id, sentence.text.strip(), sentence.start, sentence.end)

    def fact(self, subject: Mention | str, subject_type: str, predicate: str, obj: Mention | str | None,
             object_type: str | None, sentence: Sentence, extractor: str, confidence: float,
             **attributes) -> Fact:
        return Fact(
            subject=subject.text if isinstance(subject, Mention) else subject,
            subject_type=subject_type,
            predicate=predicate,
            object=obj.text if isinstance(obj, Mention) else obj,
            object_type=object_type,
            attributes={k: v for k, v in attributes.items() if v is not None and v != []},
            evidence=self.evidence(sentence),
            confidence=confidence,
            extractor=extractor,
        )


def _resolve_surname_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """'王总' after '王五' names 王五: its Person mention carries the full name (source "coref"),
    when exactly one person named earlier in the article has that surname."""
    by_span = {(m.start, m.end): m for m in mentions}
    for match in TITLE_AFTER_SURNAME.finditer(text):
        start, end = match.span()
        existing = by_span.get((start, end))
        if existing is None and any(s < end and start < e for s, e in by_span):
            continue
        earlier = {m.text for m in mentions if m.label == "Person" and m.end <= start
                   and m.text[0] == match.group(1) and m.source != "coref"}
        if len(earlier) == 1 and (existing is None or existing.label == "Person"):
            by_span[(start, end)] = Mention(earlier.pop(), "Person", start, end, "coref")
    return sorted(by_span.values(), key=lambda m: m.start)


# '某某股份有限公司(以下简称“某某”)': the text declares a short name for the organization before it.
DECLARED_SHORT_NAME = re.compile(r"[(（](?:以下)?(?:简称|下称|以下称)[：:]?[“\"]?([^()（）“”\"，,]{2,12}?)[”\"]?[)）]")


BRACKETED_SHORT_NAME = re.compile(r"[(（]([\u4e00-\u9fff]{2,8})[)）]")


def _short_form_of(short: str, full: str) -> bool:
    """Whether `short` takes its characters from `full` in order (中金公司 of 中国国际金融股份有限公司),
    leaving out a kind word it adds (公司, 集团); not a place in brackets (（合肥）), which is
    no part of the name's start."""
    core = re.sub(r"(?:公司|集团)$", "", short)
    return len(core) >= 2 and full.startswith(core[0]) and in_order(core, full)


def _resolve_declared_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of a declared short name carry the full name (source "coref"); the declaration
    itself becomes a mention of the full name, so both resolve to one entity."""
    full_names = {}
    for match in DECLARED_SHORT_NAME.finditer(text):
        before = [m for m in mentions if m.end == match.start() and coarse(m.label) == "Organization"]
        if before:
            full_names[match.group(1)] = before[0]
    for match in BRACKETED_SHORT_NAME.finditer(text):  # '中国国际金融股份有限公司（中金公司）'
        before = [m for m in mentions if m.end == match.start() and coarse(m.label) == "Organization"
                  and len(m.text) >= 6 and _short_form_of(match.group(1), m.text)]
        if before:
            full_names.setdefault(match.group(1), before[0])
    if not full_names:
        return mentions
    out = list(mentions)
    for short, full in full_names.items():
        for hit in re.finditer(re.escape(short), text):
            if hit.start() < full.end:
                continue
            out = [m for m in out if not (m.start < hit.end() and hit.start() < m.end)]
            out.append(Mention(full.text, full.label, hit.start(), hit.end(), "coref"))
    return sorted(out, key=lambda m: m.start)


_CLAUSE_BREAK = re.compile(r"[，,。；;]")


def clause_end(text: str, start: int, limit: int) -> int:
    """Where the clause going on at `start` ends: its comma, full stop or semicolon, else `limit`."""
    match = _CLAUSE_BREAK.search(text, start, limit)
    return match.start() if match else limit


def of_type(mentions: list[Mention], *coarse_types: str) -> list[Mention]:
    return [m for m in mentions if coarse(m.label) in coarse_types]


# Characters no firm's name opening a clause has: particles, prepositions, pronouns, conjunctions.
FUNCTION_CHARS = re.compile("[的了在是和与及对将被把为由从向等这那其该此每各某年者们之所"
                            "而自距于以因若如但并且或也都还又就才已曾仍]")
PRODUCT_KINDS = ("大模型", "模型", "手机", "芯片", "App", "APP", "系统", "平台")
NOT_A_NAME_START = ("前任", "原", "时任", "现任", "新任", "首任", "其", "该", "的", "另")  # '另一位视效负责人'


def overlaps_a_mention(sentence: Sentence, start: int, end: int) -> bool:
    """Whether characters start..end touch a mention of the sentence (a person, place or product
    LAC did name is no unnamed firm)."""
    return any(m.start < end and start < m.end for m in sentence.mentions)


def could_name_a_firm(ctx: ArticleContext, name: str, start: int) -> bool:
    """Not '基金的拟任', '国家' (主席) or '艺术' (顾问): no function word, no generic word, and not
    one common word LAC knows (a firm's name LAC missed is words it did not join: 完美 + 时空)."""
    if name.startswith(NOT_A_NAME_START) or FUNCTION_CHARS.search(name) or is_generic_org(name):
        return False
    if name.endswith(PRODUCT_KINDS):
        return False  # '快手可灵大模型(负责人)': a product's name, no firm's
    if name in GENERIC_NAMES or name.endswith(("本报", "本刊", "报讯", "电讯", "讯")):
        return False  # '…机会本报(记者)': 'this paper' or a dateline, glued to a title
    if any(m.start == start and m.text == name and m.label == "Location" for m in ctx.mentions):
        return False  # '河南省(发布…)': a place, already named as one
    span = ctx.doc.char_span(start, start + len(name))
    numeral_brand = span is not None and span[0].tag_ == "m" and len(span[0].text) == 1 and name.endswith(FIRM_HEADS)
    if span is not None and len(span) > 1 and not numeral_brand and (span[0].tag_ in ("m", "p", "c", "u") or (
            span[0].tag_ == "f" and len(span[0].text) >= 2)):
        return False  # '下一次/m 中国高校', '下面/f 有请全国博客' (not '中/f 研歌', '零/m 跑 汽车'): a count, a place
    if span is not None and len(span) == 1 and len(name) >= 5 and name.endswith(("公司", "集团")):
        return True  # '关键点公关公司/n': one word to LAC, but a firm's name by its ending
    return span is not None and not (len(span) == 1 and span[0].tag_ in COMMON_WORD_TAGS)


COMMON_WORD_TAGS = ("n", "vn", "an", "a", "v", "ad", "d", "f", "s", "t", "r")
# What a firm's name may end in after a numeral that opens it (零跑汽车, 三一重工 is LAC's own).
FIRM_HEADS = ("汽车", "科技", "电子", "智能", "集团", "公司", "银行", "证券", "控股", "股份")
