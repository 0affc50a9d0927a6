"""What the holdsPositionAt extractors share: the head-of-institution titles, the fact itself,
and which organizations a post may be at."""

from __future__ import annotations

import re

from ..model import Fact, Mention
from .context import ArticleContext, Sentence, coarse, of_type

# The head of an institution, as a title ('常务副总经理'): each presupposes one organization.
HEAD_TITLE = (r"(?:常务|执行|联席)?副?(?:董事局主席|董事长|总经理|总裁|首席执行官|CEO|院长|校长|行长|主席|会长|理事长|"
              r"所长)")
HEAD_OF_ONE = re.compile(HEAD_TITLE)


def position_fact(ctx, person, org, sentence, roles, confidence) -> Fact:
    return ctx.fact(person, "Person", "holdsPositionAt", org, org.label, sentence, "positions", confidence, role=roles)


def orgs_before(sentence: Sentence, end: int) -> list[Mention]:
    """The sentence's organizations ending by `end`, in order; a news outlet holds no one's post."""
    return [m for m in of_type(sentence.mentions, "Organization") if m.end <= end and m.label != "MediaOutlet"]


def last_org(ctx: ArticleContext, before: int) -> Mention | None:
    """The organization named last before a position in the article (what '公司' refers to)."""
    orgs = [m for m in ctx.mentions if coarse(m.label) == "Organization" and m.end <= before
            and m.label != "MediaOutlet"]
    return max(orgs, key=lambda m: m.end) if orgs else None


WIDE_SPACE_AT_END = re.compile(r"(?:\u3000|\s{2,})$")


def held_by_the_name_before(sentence: Sentence, text: str, org: Mention, end: int) -> bool:
    """'——王石　万科企业股份有限公司董事长　　冯仑…': a quote's attribution (a dash, the name, a space,
    the organization and roles), then a wide space: the roles are the attributed name's, not the
    next one's. A listing ('主编 吴厚斌   某网副主编    张永志') puts names after titles instead."""
    if not WIDE_SPACE_AT_END.search(text, org.end, end):
        return False
    return any(m.label == "Person" and m.end <= org.start and not text[m.end : org.start].strip()
               and text[m.start - 1 : m.start] in ("—", "－", "-") for m in sentence.mentions)
