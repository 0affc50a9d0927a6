"""holdsPositionAt: '某公司创始人、董事长张三', '李四,某大学副教授', '张三担任某公司总经理'."""

from __future__ import annotations

import re

from ..model import Fact, Mention
from ..nlp.lexicon import ROLE_HEADS, ROLE_MODIFIERS
from .context import ArticleContext, Sentence, coarse

PARENTHETICAL = re.compile(r"[(（][^()（）]*[)）]")
ROLE_SPLIT = re.compile(r"[、/兼和及与]|以及")
# '人工智能企业中某某': a category noun, then the name it introduces.
NAME_AFTER_CATEGORY = re.compile(
    r"(?:企业|公司|机构|平台|品牌|独角兽|厂商|车企|券商|银行)([\u4e00-\u9fffA-Za-z0-9]{2,8})$"
)
APPOINT_VERBS = re.compile(r"^(现任|担任|出任|任职|就任|任|是|为|系)")
_HEADS = tuple(sorted(set(ROLE_HEADS), key=len, reverse=True))


def parse_roles(segment: str, modifiers_only: bool = False) -> list[str] | None:
    """The roles a segment between an organization and a person names, or None if it is not one.

    A role is a job-title head (董事长, 导师) after modifiers (常务副) or, unless
    `modifiers_only`, a short department name (专家导师团导师)."""
    segment = PARENTHETICAL.sub("", segment).strip().strip("、，,的")
    segment = re.sub(r"之一$", "", segment)
    if not segment or len(segment) > 24:
        return None
    roles = []
    for part in ROLE_SPLIT.split(segment):
        part = re.sub(r"之一$", "", part.strip())
        if not part:
            continue
        if not part.endswith(_HEADS) or re.search(r"[，,。；;：:“”\s]", part):
            return None
        head = next(h for h in _HEADS if part.endswith(h))
        prefix = part[: -len(head)]
        if modifiers_only and re.sub("|".join(ROLE_MODIFIERS), "", prefix):
            return None
        if len(prefix) > 8 or re.search(r"[了着过是在把被将]", prefix):
            return None
        roles.append(part)
    return roles or None


def _org_before(ctx: ArticleContext, sentence: Sentence, end: int) -> Mention | None:
    """The organization mention whose span ends right before `end` with only a role segment between."""
    before = [m for m in sentence.mentions if m.end <= end]
    if not before:
        return None
    last = before[-1]
    return last if coarse(last.label) == "Organization" else None


def extract(ctx: ArticleContext) -> list[Fact]:
    facts = []
    text = ctx.article.text
    for sentence in ctx.sentences:
        for person in [m for m in sentence.mentions if m.label == "Person"]:
            facts.extend(_before_person(ctx, sentence, person, text))
            facts.extend(_after_person(ctx, sentence, person, text))
    return facts


def _before_person(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
    """'<ORG><roles>、<ORG><roles><PERSON>': walk left over organization + roles pairs."""
    facts = []
    end = person.start
    while (org := _org_before(ctx, sentence, end)) is not None:
        roles = parse_roles(text[org.end : end])
        if not roles:
            break
        facts.append(ctx.fact(person, "Person", "holdsPositionAt", org, org.label, sentence, "positions",
                              0.9, role=roles))
        end = org.start
    if not facts:
        facts.extend(_unnamed_org_before(ctx, sentence, person, text))
    return facts


def _unnamed_org_before(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
    """'人工智能企业<name><roles><PERSON>': a company LAC did not tag, named after a category noun."""
    window = text[max(sentence.start, person.start - 40) : person.start]
    for k in range(max(0, len(window) - 24), len(window) - 1):
        roles = parse_roles(window[k:], modifiers_only=True)
        if not roles:
            continue
        named = NAME_AFTER_CATEGORY.search(window[:k])
        if named is None:
            return []
        start = person.start - len(window) + named.start(1)
        org = ctx.add_mention(sentence, start, start + len(named.group(1)), "Company", "positions")
        return [ctx.fact(person, "Person", "holdsPositionAt", org, org.label, sentence, "positions", 0.7,
                         role=roles)]
    return []


def _after_person(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
    """'李四,某大学副教授' / '张三担任某公司总经理' / '李四(某公司董事长)'."""
    after = [m for m in sentence.mentions if m.start >= person.end]
    if not after or coarse(after[0].label) != "Organization":
        return []
    org = after[0]
    gap = text[person.end : org.start]
    if not (gap in ("，", ",", "(", "（") or APPOINT_VERBS.match(gap) and len(gap) <= 4):
        return []
    tail = re.match(r"[^，,。；;)）]*", text[org.end : sentence.end]).group(0)
    next_mentions = [m for m in after[1:] if m.start < org.end + len(tail)]
    if next_mentions:
        tail = text[org.end : next_mentions[0].start]
    roles = parse_roles(tail)
    if not roles:
        return []
    return [ctx.fact(person, "Person", "holdsPositionAt", org, org.label, sentence, "positions", 0.8,
                     role=roles)]
