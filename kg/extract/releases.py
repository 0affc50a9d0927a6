"""releases (Organization -> Product, date) and publishes (Organization -> Report or Ranking, date)."""

from __future__ import annotations

import re

from ..model import Fact, Mention
from .context import ArticleContext, Sentence, coarse, of_type
from .normalize import parse_date

RELEASE_VERBS = re.compile(r"发布|推出|开发出|研发出|上线|首发|亮相|打造出|面世|发布了|推出了")
PUBLISH_VERBS = re.compile(r"发布|公布|发表|推出|披露|出炉")
TIME_WORDS = re.compile(r"^(?:近日|日前|今年|去年|此前|目前|当天|同日|当日|昨天|昨日|今天|本周|上周)+")
# '近日<name>发布…': a publisher LAC did not tag, right before the verb.
NAME_BEFORE_VERB = re.compile(
    r"(?:^|[，,。\s]|近日|日前|此前|今年以来|\d+日)([\u4e00-\u9fffA-Za-z]{2,8})(?:正式|近日|日前|再次|首次)?$"
)


def _subject(ctx: ArticleContext, sentence: Sentence, verb_at: int) -> Mention | None:
    """The organization acting: the nearest one before the verb in the sentence, or, when the
    verb opens the sentence ('开发出X,…企业Y创始人Z'), the organization the clause describes."""
    text = ctx.article.text
    orgs = [m for m in of_type(sentence.mentions, "Organization") if m.end <= verb_at]
    if orgs:
        org = orgs[-1]
        between = text[org.end : verb_at]
        if not re.search(r"[。；;]", between) and len(between) <= 30:
            return org
    if re.search(r"(^|[”，,：:])\s*$", text[sentence.start : verb_at]):
        people = [m for m in sentence.mentions if m.label == "Person" and m.start > verb_at]
        if people:
            candidates = [m for m in of_type(sentence.mentions, "Organization") if verb_at < m.end <= people[0].start]
            if candidates:
                return candidates[-1]
    return None


def extract(ctx: ArticleContext) -> list[Fact]:
    facts = []
    text = ctx.article.text
    for sentence in ctx.sentences:
        for verb in RELEASE_VERBS.finditer(sentence.text):
            verb_at = sentence.start + verb.start()
            clause_end = _clause_end(text, sentence.start + verb.end(), sentence.end)
            products = [m for m in sentence.mentions if coarse(m.label) == "Product"
                        and sentence.start + verb.end() <= m.start < clause_end]
            if not products:
                facts.extend(_described_release(ctx, sentence, verb_at, sentence.start + verb.end()))
                continue
            subject = _subject(ctx, sentence, verb_at)
            if subject is None:
                continue
            date = parse_date(text[sentence.start : verb_at], ctx.article.context_date)
            facts.append(ctx.fact(subject, "Organization", "releases", products[0], products[0].label, sentence,
                                  "releases", 0.8, date=date))
        facts.extend(_publishes(ctx, sentence))
    return facts


# '<product>(资料 报价)是<org>(在)(最近|刚刚)发布的一款…': the product is named first.
DESCRIBED_AS = re.compile(r"^(?:[(（][^()（）]{0,20}[)）])?\s*是$")


def _described_release(ctx: ArticleContext, sentence: Sentence, verb_at: int, verb_end: int) -> list[Fact]:
    """'尼康S570是尼康在最近发布的一款卡片机': product, 是, the maker, then the verb and 的."""
    text = ctx.article.text
    if not re.match(r"(?:了)?(?:不久)?的", text[verb_end : verb_end + 4]):
        return []
    orgs = [m for m in of_type(sentence.mentions, "Organization") if m.end <= verb_at]
    if not orgs or re.search(r"[，,。；;]", text[orgs[-1].end : verb_at]) or verb_at - orgs[-1].end > 12:
        return []
    org = orgs[-1]
    products = [m for m in sentence.mentions if coarse(m.label) == "Product" and m.end <= org.start]
    if not products or not DESCRIBED_AS.match(text[products[-1].end : org.start]):
        return []
    date = parse_date(text[sentence.start : verb_at], ctx.article.context_date)
    return [ctx.fact(org, "Organization", "releases", products[-1], products[-1].label, sentence, "releases", 0.7,
                     date=date)]


def _clause_end(text: str, start: int, limit: int) -> int:
    match = re.compile(r"[，,。；;]").search(text, start, limit)
    return match.start() if match else limit


def _publishes(ctx: ArticleContext, sentence: Sentence) -> list[Fact]:
    text = ctx.article.text
    facts = []
    for verb in PUBLISH_VERBS.finditer(sentence.text):
        verb_at = sentence.start + verb.start()
        after = sentence.start + verb.end()
        works = [m for m in sentence.mentions if m.label in ("Report", "Ranking") and after <= m.start <= after + 25
                 and m.source != "rankings"]
        if not works:
            continue
        work = works[0]
        subject = _subject(ctx, sentence, verb_at)
        if subject is None:
            named = NAME_BEFORE_VERB.search(text[sentence.start : verb_at])
            name = TIME_WORDS.sub("", named.group(1)) if named else ""
            if len(name) < 2:
                continue
            start = sentence.start + named.end(1) - len(name)
            subject = ctx.add_mention(sentence, start, start + len(name), "Organization", "publishes")
        date = parse_date(text[sentence.start : verb_at], ctx.article.context_date)
        facts.append(ctx.fact(subject, "Organization", "publishes", work, work.label, sentence, "publishes", 0.8,
                              date=date))
    return facts
