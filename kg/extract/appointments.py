"""holdsPositionAt from events: appointments, resignations and foundings.

  '某公司聘任张三为副总经理', '某公司总经理由张三担任'  appointed to a post
  '同意张三辞去公司总经理职务'                          resigned from one (a post held)
  '张三创办了某公司', '某公司由张三创立'                founded (创始人)
"""

from __future__ import annotations

import re

from ..model import Fact, Mention
from .context import ArticleContext, Sentence, coarse, of_type
from .posts import HEAD_TITLE, last_org, orgs_before, position_fact
from .roles import parse_roles, roles_after

APPOINT_PERSON = re.compile(r"(?:聘任|聘请|任命|选举|推选|提名|委任)$")
# '张三(与李四等人)(一起)创办了“某公司”': co-founders may sit between the person and the verb.
FOUNDING = re.compile(r"^(?:(?:与|和|同|、)[^，,。；;]{1,24}?(?:等人?)?)?(?:一起|一同|一手|联合|共同|亲手|合伙)?"
                      r"(?:筹资|出资)?(?:创办|创立|创建|成立|创设|设立|组建)(?:了|的)?[“「\"]?$")
# '某公司(，是)由(描述…)张三(于2000年在北京)创办': titles may stand between 由 and the name;
# '某集团是华裔张三、李四创办的'.
# A year may open the gap ('某公司于1990年由…创立'), or a description ('某公司是…电影公司，由…创立').
FOUNDED_BY = re.compile(r"^[”」\"]?(?:[，,]?(?:是|则|最初|最早|早年)?|成立于[^，,。；;]{1,16}[，,]"
                        r"|[，,]?是[^。；;由]{2,30}[，,])?"
                        r"(?:于\d{2,4}年(?:\d{1,2}月)?)?由[^，,。；;]{0,40}$|^是[^，,。；;由]{0,12}$")
FOUNDS = re.compile(r"(?:创办|创立|创建|创设)了?[“「\"]?")
# What may follow a name before the verb: '颜晓红同志为…校长', '江世平大师创办…'.
HONORIFIC = "(?:先生|女士|同志|大师|博士|教授)"
# '…由黄百鸣、石天、麦嘉等几个电影人创立': each co-founder in the list is one.
FOUNDED_AFTER_PERSON = re.compile(r"^(?:先生|女士)?(?:(?:、|和|与|及|以及)[\u4e00-\u9fff·.]{2,8}?(?:先生|女士)?)*"
                                  r"(?:等[^，,。；;]{0,8}?|[两三四五六七八九十几]人)?(?:于|在)?(?:\d{2,4}年)?"
                                  r"(?:在[\u4e00-\u9fff]{1,6})?(?:一起|一手|联合|共同|合伙)?"
                                  r"(?:创办|创立|创建|成立|创设|设立|组建)")


def extract(ctx: ArticleContext) -> list[Fact]:
    facts: list[Fact] = []
    text = ctx.article.text
    for k, sentence in enumerate(ctx.sentences):
        for person in [m for m in sentence.mentions if m.label == "Person"]:
            facts.extend(_appointed(ctx, sentence, person, text))
            facts.extend(_resigned(ctx, sentence, person, text))
            facts.extend(_founder(ctx, sentence, person, text))
        if not any(m.label == "Person" for m in sentence.mentions):
            named = next((s for s in reversed(ctx.sentences[max(0, k - 3) : k])
                          if any(m.label == "Person" for m in s.mentions)), None)
            if named is not None:
                facts.extend(_subjectless_posts(ctx, named, sentence, text))
    return facts


# '2003年，当选为北京青年联合会委员，同年底又成为全国青年联合会委员': a biography's clauses
# drop their subject, the one person the last sentence that named anyone (of the three before) named.
TAKES_UP_POST = re.compile(r"(?:^|[，,；;])\s*(?:(?:(?:19|20)\d{2}年(?:\d{1,2}月)?|同年)(?:底|初|末)?[，,]?)?"
                           r"(?:又|先后|曾|并|还)?(?:当选为|当选|担任|出任|升任|兼任|成为)$")


def _subjectless_posts(ctx: ArticleContext, previous: Sentence, sentence: Sentence, text: str) -> list[Fact]:
    """Posts taken up in a sentence that names nobody, by the one person `previous` named."""
    people = {m.text: m for m in previous.mentions if m.label == "Person"}
    if len(people) != 1:
        return []
    person = next(iter(people.values()))
    facts = []
    for org in of_type(sentence.mentions, "Organization"):
        takes_up = TAKES_UP_POST.search(text, sentence.start, org.start)
        if takes_up and (roles := roles_after(text, org.end, sentence.end)):
            facts.append(position_fact(ctx, person, org, sentence, roles, 0.5))
    return facts


# '张三(由于个人原因)辞去公司总经理职务', '李四卸任华信科技董事长一职'.
GIVES_UP = r"(?:辞去|卸任|辞任|离任|不再担任)(?:了)?(?P<post>[^，,。；;]{2,24}?)(?:的)?(?:职务|一职|职位)"
RESIGNS = re.compile(r"[^，,。；;]{0,12}?" + GIVES_UP)
RESIGNS_LATER = re.compile(GIVES_UP)  # '崔某步入会场，宣布辞去某司司长一职': the sentence's one person
ANAPHOR = re.compile(r"^(?:该|本)?(?:公司|集团|银行|基金公司)")


def _resigned(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
    """A post given up was held: at the organization named in it, or at the one '公司' refers to."""
    match = RESIGNS.match(text, person.end, sentence.end)
    if match is None and not any(m.label == "Person" and m.text != person.text for m in sentence.mentions):
        match = RESIGNS_LATER.search(text, person.end, sentence.end)
    if match is None:
        return []
    post_start = match.start("post")
    named = next((m for m in sentence.mentions if m.start == post_start and coarse(m.label) == "Organization"), None)
    if named is not None:
        org, roles = named, parse_roles(text[named.end : match.end("post")])
    elif anaphor := ANAPHOR.match(match.group("post")):
        org, roles = last_org(ctx, person.start), parse_roles(match.group("post")[anaphor.end():])
    else:
        return []
    return [position_fact(ctx, person, org, sentence, roles, 0.65)] if org and roles else []


# '<person>任董事长' with no organization after the title.
# '李某同志任董事长兼总经理', '刘某任集团公司董事长'.
TAKES_BARE_TITLE = re.compile(rf"(?:先生|女士|同志)?(?:任|出任|担任|升任|接任)(?:集团公司|公司|集团|该公司)?"
                              rf"({HEAD_TITLE}(?:[兼、]{HEAD_TITLE})*)(?=[，,。；;、]|$)")


def _appointed(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
    """'(某公司)聘任张三为(公司)副总经理' and '某公司总经理由张三担任'."""
    facts = []
    before = text[max(sentence.start, person.start - 8) : person.start]
    after = text[person.end : sentence.end]
    if APPOINT_PERSON.search(before):
        match = re.match(rf"{HONORIFIC}?(?:为|担任|出任|任)(?:公司|该公司)?([^，,。；;]{{2,16}})", after)
        roles = parse_roles(match.group(1)) if match else None
        org = last_org(ctx, person.start)
        named = match and next((m for m in sentence.mentions if m.start == person.end + match.start(1)
                                and coarse(m.label) == "Organization"), None)
        if named:  # '任命张三为华信科技总经理': the post is at the organization named after '为'
            org, roles = named, roles_after(text, named.end, sentence.end)
        if roles and org:
            facts.append(position_fact(ctx, person, org, sentence, roles, 0.7))
    # '…成立某科技有限公司，俞敏洪任董事长': a bare title taken, at the organization named before
    taken = TAKES_BARE_TITLE.match(after)
    if taken and not APPOINT_PERSON.search(before) and not facts:
        orgs = orgs_before(sentence, person.start)
        roles = parse_roles(taken.group(1), modifiers_only=True)
        if orgs and roles and person.start - orgs[-1].end <= 12:
            facts.append(position_fact(ctx, person, orgs[-1], sentence, roles, 0.6))
    # '<org><roles>由(原…)<person>担任'
    if re.match(r"^(?:先生|女士)?(?:担任|出任|接任)", after):
        window = text[max(sentence.start, person.start - 30) : person.start]
        by = window.rfind("由")
        orgs = [m for m in sentence.mentions if coarse(m.label) == "Organization"
                and person.start - len(window) <= m.end <= person.start - len(window) + by]
        if by >= 0 and orgs:
            org = orgs[-1]
            roles = parse_roles(text[org.end : person.start - len(window) + by])
            if roles:
                facts.append(position_fact(ctx, person, org, sentence, roles, 0.7))
    return facts


def _founder(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
    """'张三(于2000年)创办了某公司' and '某公司由张三创立': the person is a founder (创始人)."""
    later = [m for m in sentence.mentions if m.start >= person.end]
    for org in of_type(later, "Organization")[:1]:
        gap = text[person.end : org.start]
        gap = re.sub(rf"^{HONORIFIC}", "", gap)
        gap = re.sub(r"^(?:于|在)?\d{2,4}年(?:\d{1,2}月)?(?:\d{1,2}日)?", "", gap)
        if FOUNDING.match(gap):
            return [position_fact(ctx, person, org, sentence, ["创始人"], 0.75)]
    # '张三从甲公司出走并创立了乙公司': the person's own clause goes on to found a later one.
    verb = FOUNDS.search(text, person.end, min(sentence.end, person.end + 30))
    if verb and not re.search(r"[。；;，,]", text[person.end : verb.start()]) and not any(
            m.label == "Person" and person.end <= m.start < verb.start() for m in sentence.mentions):
        founded = [m for m in of_type(later, "Organization") if verb.end() <= m.start <= verb.end() + 1]
        if founded:
            return [position_fact(ctx, person, founded[0], sentence, ["创始人"], 0.6)]
    if not FOUNDED_AFTER_PERSON.match(text[person.end : person.end + 30]):
        return []
    for org in reversed(of_type([m for m in sentence.mentions if m.end <= person.start], "Organization")):
        if FOUNDED_BY.match(text[org.end : person.start]):
            return [position_fact(ctx, person, org, sentence, ["创始人"], 0.75)]
    return []
