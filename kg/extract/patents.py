"""filesPatents: a firm's patent filings with count, year, growth rate and scope."""

from __future__ import annotations

import re

from ..model import Fact
from .context import ArticleContext, Sentence, of_type
from .normalize import NUMBER, parse_percent, parse_quantity, parse_year

CLAUSE = re.compile(r"(?:[，,]其中)?[^；;。]+?(?=[，,]其中|[；;。]|$)")  # '…，其中海外专利…': a part of its own
# (个 counts patents only right before them or at a clause's end: not '从专利数量等12个维度')
COUNT = re.compile(rf"({NUMBER}\s*(?:万亿|万|亿|千)?)\s*(?:余|多)?\s*(?:件|项|个(?=专利|发明|[，,。；;）)]|$))")
# '据国家知识产权局统计', '某机构数据显示': who counts the patents, not who files them.
SOURCE_BEFORE = re.compile(r"(?:据|根据|来自|援引)$")
FILES = re.compile(r"(申请|获得|获|取得|拥有|授权)[^，,]{0,8}专利|专利申请")
SOURCE_AFTER = re.compile(r"^(?:的)?(?:统计|数据|显示|发布|公布|报告|披露)")
GROWTH = re.compile(r"(?:增速|增长|增幅|同比增长|同比增速|同比)[^%％，,；;。]{0,10}?(\d+(?:\.\d+)?\s*[%％])")
SCOPES = ("海外", "国内", "国际", "全球", "PCT", "境外", "境内", "美国", "欧洲", "日本")
# '<name>海外专利申请…': the words that open the clause right before the patent phrase.
_CLAUSE_NAME = r"^[，,\s]*(?:如|例如|其中|此外|另外)?[，,]?([\u4e00-\u9fffA-Za-z]{2,8}?)"
SUBJECT_ACQUIRES_PATENT = re.compile(_CLAUSE_NAME + r"(?:已|共|累计|新)?(?:获得|申请了?|拥有|取得|获)[^，,]{0,10}专利")
GENERIC_SUBJECTS = ("公司", "企业", "该公司", "该企业", "集团", "我国", "中国", "全国", "国内", "其", "他们", "我们")
SUBJECT_BEFORE_PATENT = re.compile(_CLAUSE_NAME + r"(?:的)?(?:海外|国内|国际|全球|PCT)?专利")
NOT_A_NAME = re.compile(r"\d|年|领域|申请|中国|我国|全国|企业|行业")


def extract(ctx: ArticleContext) -> list[Fact]:
    facts = []
    for sentence in ctx.sentences:
        if "专利" not in sentence.text:
            continue
        last = None
        for clause in CLAUSE.finditer(sentence.text):
            fact = _clause_fact(ctx, sentence, sentence.start + clause.start(), clause.group(0), last)
            if fact is not None:
                facts.append(fact)
                last = fact
    return facts


def _clause_fact(ctx: ArticleContext, sentence: Sentence, start: int, clause: str, last: Fact | None) -> Fact | None:
    if "专利" not in clause:
        return None
    end = start + len(clause)
    text = ctx.article.text
    orgs = [m for m in of_type(sentence.mentions, "Organization") if start <= m.start < end
            and not SOURCE_BEFORE.search(text, max(0, m.start - 2), m.start)
            and not SOURCE_AFTER.match(text[m.end : m.end + 3])]
    patent_at = start + clause.find("专利")
    before_patent = [m for m in orgs if m.end <= patent_at]
    if before_patent:
        subject = before_patent[-1]  # the one nearest the patents ('…统计，2023年某公司共申请专利')
    elif orgs:
        subject = orgs[0]
    elif last is not None and re.match(r"[，,]?其中", clause):  # '…，其中海外专利申请量达3000件': the same firm's
        subject = next(m for m in sentence.mentions if m.text == last.subject)
    else:
        match = SUBJECT_BEFORE_PATENT.match(clause) or SUBJECT_ACQUIRES_PATENT.match(clause)
        if not match or match.group(1) in GENERIC_SUBJECTS or NOT_A_NAME.search(match.group(1)):
            return None
        subject = ctx.add_mention(sentence, start + match.start(1), start + match.end(1), "Organization", "patents")
    after_patent = clause[clause.find("专利") - 6 if clause.find("专利") >= 6 else 0 :]
    count_match = COUNT.search(after_patent) or COUNT.search(clause)
    count = parse_quantity(count_match.group(1)) if count_match else None
    growth_match = GROWTH.search(clause)
    growth = parse_percent(growth_match.group(1)) if growth_match else None
    if count is None and growth is None and not FILES.search(clause):
        return None
    year = parse_year(clause)
    if year is None and start > sentence.start:
        year = parse_year(ctx.article.text[sentence.start : start])
    # The scope written with the patents counted ('境内专利4891项，境外专利1273项': 境内).
    at = clause.find("专利")
    scope = next((s for s in SCOPES if s in clause[max(0, at - 6) : at]), None)
    if scope is None and not any(s in clause[at:] for s in SCOPES):
        scope = next((s for s in SCOPES if s in clause), None)
    return ctx.fact(subject, "Organization", "filesPatents", None, None, sentence, "patents", 0.8,
                    count=count, year=year, growthRate=growth, scope=scope)
