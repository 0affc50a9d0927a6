"""holdsPositionAt: who holds which role at which organization (roles: roles.py; posts written after the
name: careers.py; what both share: posts.py).

Patterns, all within one sentence:
  '某公司创始人、董事长张三'            organization, roles, person (chains of several)
  '公司副总经理张三'                    公司/该公司 = the organization named last before it
  '智能企业驰远创始人刘洋'              a name LAC missed, after a category noun
  '李四,某大学副教授' / '李四(某公司董事长)'  apposition after the person
  '张三现任/担任/出任某公司总经理'       a verb between person and organization
  '聘任张三为(公司)副总经理'             appointment of the person
  '某公司总经理由张三担任'
  '张三(与李四)创办了某公司' / '某公司由张三创立'   founders
  '张三，1962年生，某公司董事长'         a biography clause after an opening name
  '某大学党委书记张三、校长李四'          a second role at the same organization
"""

from __future__ import annotations

import re

from ..model import Fact, Mention
from ..name_forms import core_name
from ..nlp.lexicon import ROLE_HEADS, ROLE_MODIFIERS
from .careers import after_person
from .context import ArticleContext, Sentence, coarse, could_name_a_firm, overlaps_a_mention
from .posts import HEAD_OF_ONE, HEAD_TITLE, held_by_the_name_before, last_org, orgs_before, position_fact
from .roles import parse_roles

# '人工智能企业中某某': a category noun, then the name it introduces.
NAME_AFTER_CATEGORY = re.compile(
    r"(?:企业|公司|机构|平台|品牌|独角兽|厂商|车企|券商|银行)([\u4e00-\u9fffA-Za-z0-9]{2,8})$"
)
# (a conjunction may open the clause: '…，而建信董事长江某')
NAME_OPENING_CLAUSE = re.compile(r"(?:^|[，,。；;：:、\s”」』]|\d+月|\d+日)(?:而且|但是|同时|其中|而|但|并|且)?"
                                 r"([\u4e00-\u9fff]{2,8})$")
# '招商基金产品部(总监)': the department is part of the title, not of the firm's name.
TRAILING_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,3}部$")
ANAPHORIC_ORG = re.compile(r"(?:(?:该|本|这家|此)?(?:公司|集团|企业|银行|基金公司|学校|大学|协会)"
                           r"|(?:该|本)[行校所院会]|(?<=[，,；;])其)$")  # '高力国际…，其华东区研究部董事李某
BARE_ANAPHOR_AFTER = set("由为任是与和及、，,；;：:（(“\"」 据距在经向对从被让")


def extract(ctx: ArticleContext) -> list[Fact]:
    facts: list[Fact] = []
    text = ctx.article.text
    for sentence in ctx.sentences:
        found: list[Fact] = []
        for person in [m for m in sentence.mentions if m.label == "Person"]:
            found.extend(_posts_before(ctx, sentence, person, text, found))
            found.extend(after_person(ctx, sentence, person, text))
        facts.extend(found)
    return facts


def _posts_before(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str, found: list[Fact]) -> list[Fact]:
    """The posts written before the person, by the first pattern that finds any; a fund's manager
    works at the fund's house or, when the article names none, at no one (never at the fund)."""
    managed = _fund_manager(ctx, sentence, person, text)
    if managed is not None and not MANAGES_A_FUND.search(text, sentence.start, person.start):
        return managed
    before = (managed or []) + _before_person(ctx, sentence, person, text)  # '…投资总监、某双动力基金经理王炯'
    before = before or _coordinated(ctx, sentence, person, text, found)
    before = before or _anaphoric_org_before(ctx, sentence, person, text)
    before = before or _unnamed_org_before(ctx, sentence, person, text)
    before = before or _contracted_head(ctx, sentence, person, text)
    return before or _org_of_the_sentence(ctx, sentence, person, text)


# '财政部长张某', '儿童局长简慧娟': a body's name and its head's 长, the body's last character shared.
CONTRACTED_HEAD = re.compile(r"(?<![该本副原前])([\u4e00-\u9fff]{2,6}?([部局厅]))长$")


def _contracted_head(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
    head = CONTRACTED_HEAD.search(text, max(sentence.start, person.start - 9), person.start)
    if head is None or overlaps_a_mention(sentence, head.start(), head.end()):
        return []
    body = head.group(1)
    named = [m for m in ctx.mentions if coarse(m.label) == "Organization" and m.text.endswith(body)]
    if not named:
        return []  # a body the article names nowhere else may be a word's end ('俱乐部长')
    org = ctx.add_mention(sentence, head.start(1), head.end(1), named[0].label, "positions")
    return [position_fact(ctx, person, org, sentence, [head.group(2) + "长"], 0.6)]


# '、<fund>基金经理' right before a name: the manager of a fund (a product), after the firm's own title.
MANAGES_A_FUND = re.compile(r"、[\u4e00-\u9fffA-Za-z0-9]{2,12}?(?:基金的?)?(?:拟任)?基金经理$")


# '<fund>(基金)(的)(拟任)基金经理<name>': the manager of a fund, a product named after its house.
FUND_MANAGER_BEFORE = re.compile(r"(?:基金)?的?(?:拟任|现任)?基金经理$")
FUND_NAME_BREAK = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")


def _fund_manager(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact] | None:
    """'海富通领先成长股票基金拟任基金经理陈绍胜': the fund's manager works at the fund house its name
    opens with (海富通, or 招商基金 named elsewhere in the article before '招商现金增值基金经理'), and
    the fund itself is no employer. None when no fund's name stands before the title."""
    tail = FUND_MANAGER_BEFORE.search(text, sentence.start, person.start)
    if tail is None or tail.end() != person.start:
        return None
    # (a fund's mention may take in the 基金 before the title: '博时现金收益基金/Product 经理')
    named = [m for m in sentence.mentions if m.start < tail.start() and m.end <= tail.start() + len("基金")
             and coarse(m.label) in ("Organization", "Product")]
    if not named or FUND_NAME_BREAK.search(text, min(named[-1].end, tail.start()), tail.start()):
        return None
    fund = named[-1]
    if coarse(fund.label) == "Organization" and fund.end > tail.start():
        return None  # '长盛基金/ORG 的基金经理': the house itself, named with its 基金
    fund_name = text[fund.start : tail.start()]
    houses = [(len(core), m.end <= fund.start or m.start >= tail.start(), m) for m in ctx.mentions
              if coarse(m.label) == "Organization" and m.label != "MediaOutlet"
              and not (m is fund and m.text == fund_name)
              and len(core := core_name(m.text, "Organization", frozenset())) >= 2
              and fund_name.startswith(core) and len(core) < len(fund_name)]
    if not houses:  # '华信基金公司基金经理', '易方达基金经理': the house itself; else a fund with no house named
        return None if coarse(fund.label) == "Organization" and fund.text == fund_name else []
    house = max(houses, key=lambda h: h[:2])[2]  # the longest name; one written apart from the fund's
    return [position_fact(ctx, person, house, sentence, ["基金经理"], 0.6)]


def _org_before(sentence: Sentence, end: int, text: str) -> Mention | None:
    """The mention ending last before `end`, when it is an organization; one in brackets right
    after it ('中国石油大学(北京)校长', '五合国际(五合国际博客)的总经理') says which campus, branch
    or site, and is passed over."""
    before = [m for m in sentence.mentions if m.end <= end]
    while before:
        last = max(before, key=lambda m: m.end)
        bracketed = BRACKETED_AFTER.match(text, last.end, end)  # '五合国际(五合国际博客)的总经理'
        opening = max(text.rfind("(", 0, last.start), text.rfind("（", 0, last.start))
        inside = bracketed and opening >= 0 and not re.search(r"[)）]", text[opening : last.start])
        fills = opening + 1 == last.start and bracketed.group(0) in (")", "）") if inside else False
        if not inside or (coarse(last.label) == "Organization" and fills):
            break  # '…公司(SpaceX)创始人': an organization filling the brackets is the firm's other name
        before = [m for m in before if m.end <= opening]
    else:
        return None
    # '乐家的亚太区总裁', '耐克公司中国体育市场总监': the head of a region or of a country's business
    # ('SOHO中国董事长' is another matter: a firm's name with a country, one mention)
    if last.label == "Location" and len(last.text) <= 6 and not text.startswith("基金", last.end):  # '…中国基金经理'
        firm = [m for m in before if coarse(m.label) == "Organization" and (  # ('…首席亚洲经济师': modifiers first)
            REGION_AFTER.fullmatch(text[m.end : last.start]) or _roles_then_comma(text[m.end : last.start]))]
        return firm[-1] if firm and parse_roles(text[last.end : end]) else None
    return last if coarse(last.label) == "Organization" else None


REGION_AFTER = re.compile("的?(?:" + "|".join(ROLE_MODIFIERS) + ")*")


def _roles_then_comma(gap: str) -> bool:
    """'董事兼执行总裁、' between a firm and a region: the firm's posts, then the region's."""
    return gap.endswith("、") and parse_roles(gap[:-1]) is not None and "，" not in gap and "," not in gap


HELD_BY_WHO_FOLLOWS = re.compile(r"的?([^，,。；;的]{2,12}?)(?:是|为|由)")
BRACKETED_AFTER = re.compile(r"[^()（），,。；;]{0,8}[)）]")
CLAUSE_START = tuple("，,、；;：:（( \u3000\n。")


def _before_person(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
    """'<ORG><roles>、<ORG><roles><PERSON>': walk left over organization + roles pairs."""
    facts = []
    end = _post_ends(text, person)
    if managed := MANAGES_A_FUND.search(text, sentence.start, end):  # '…投资总监、东吴双动力基金经理王炯'
        end = managed.start()
    while (org := _org_before(sentence, end, text)) is not None:
        segment = text[org.end : end]
        if facts and (held := HELD_BY_WHO_FOLLOWS.fullmatch(segment)) and (roles := parse_roles(held.group(1))):
            facts.append(position_fact(ctx, person, org, sentence, roles, 0.75))  # '甲的董事长是乙行长张三'
            break
        if facts and not (segment.endswith(("、", "/", "／", " ")) or (
                segment.endswith(("，", ",")) and text[org.start - 1 : org.start] in ("", *CLAUSE_START))):
            break  # '…曾任职甲大学校长，乙大学校长张三': a post in a clause of its own is another's
        roles = parse_roles(segment)
        if not roles or held_by_the_name_before(sentence, text, org, end):
            break
        facts.append(position_fact(ctx, person, org, sentence, roles, 0.9))
        end = org.start
    return facts


CLOSES_CLAUSE = re.compile(r"[，,。；;、)）！？]|(?:先生|女士)|$")


def _post_ends(text: str, person: Mention) -> int:
    """Where the title before a person ends: '某公司董事长是张三。', '公司的总经理为石波，' put a
    copula between them, when the name closes the clause (not '董事长是任正非的老朋友')."""
    if text[person.start - 1 : person.start] in ("是", "为") and CLOSES_CLAUSE.match(text, person.end):
        return person.start - 1
    return person.start


def _coordinated(ctx, sentence, person, text, found: list[Fact]) -> list[Fact]:
    """'<ORG>党委书记<P1>、校长<P2>': P2's role is at P1's organization."""
    people = [m for m in sentence.mentions if m.label == "Person" and m.end < person.start]
    if not people:
        return []
    previous = people[-1]
    segment = text[previous.end : person.start]
    if not segment.startswith(("、", "，", ",")) or any(previous.end <= m.start < person.start
                                                        for m in sentence.mentions):
        return []  # '…政治委员刘源、成都军区政治委员张海阳': a place or organization: another post
    roles = parse_roles(segment[1:])
    if roles and any(_names_its_own_body(role) for role in roles):
        return []  # '…司长崔世安、检察院检察长何超明': the title names another body
    orgs = [f for f in found if f.subject == previous.text and f.evidence and f.evidence.start == sentence.start]
    if segment == "、" and orgs:
        # '创始人：张三、李四、王五等', '某公司副总经理张三、李四、王五': a title written once before a
        # list of names is each one's, unless only one person can hold it (董事长张三、李四: not both).
        start, held = _list_start(people, text), orgs[-1].attributes["role"]
        if text[start - 1 : start] in ("：", ":") or (
                text[:start].endswith(held[-1]) and all(r.startswith(("副", "常务副")) or not HEAD_OF_ONE.fullmatch(r)
                                                       for r in held)):
            roles = held
    if not roles or not orgs:
        return []
    org = next(m for m in sentence.mentions if m.text == orgs[-1].object and coarse(m.label) == "Organization")
    return [position_fact(ctx, person, org, sentence, roles, 0.75)]


# The heads of a body's name: a title after one is that body's ('社会文化司司长', '检察院检察长').
_BODY_HEADS = ("院", "司", "局", "部", "厅", "委", "会", "处", "所", "中心", "公司", "集团", "银行", "大学", "学院")
_GOVERNING_BODIES = ("党委", "党组", "董事会", "监事会", "校务委员会")  # of the body already named
_HEADS_LONGEST_FIRST = tuple(sorted(ROLE_HEADS, key=len, reverse=True))


def _names_its_own_body(role: str) -> bool:
    """'检察院检察长': a body's name before the title (not '常务副校长', '党委书记' of the body named)."""
    head = next((h for h in _HEADS_LONGEST_FIRST if role.endswith(h)), None)
    rest = re.sub(r"(?:常务|执行|副|首席|高级)+$", "", role[: -len(head)] if head else "")
    return len(rest) >= 2 and rest.endswith(_BODY_HEADS) and rest not in _GOVERNING_BODIES


def _list_start(people: list[Mention], text: str) -> int:
    """Where the run of names joined by '、' that ends with people[-1] begins."""
    k = len(people) - 1
    while k > 0 and text[people[k - 1].end : people[k].start] == "、":
        k -= 1
    return people[k].start



def _anaphoric_org_before(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
    """'公司副总经理张三': the roles follow '公司', which names the organization mentioned last."""
    end = _post_ends(text, person)
    window = text[max(sentence.start, end - 20) : end]
    for k in range(max(0, len(window) - 16), len(window) - 1):
        # '公司副总经理' also parses as one role: the split that leaves '公司' before the roles wins.
        anaphor = ANAPHORIC_ORG.search(window[:k])
        offset = end - len(window)
        if anaphor is None or anaphor.end() != k or not _refers_back(text, sentence, offset + anaphor.start(),
                                                                     anaphor.group(0)):
            continue
        roles = parse_roles(window[k:])
        if not roles:
            continue
        org = last_org(ctx, offset + anaphor.start())
        return [position_fact(ctx, person, org, sentence, roles, 0.65)] if org else []
    return []


def _refers_back(text: str, sentence: Sentence, start: int, anaphor: str) -> bool:
    """'该公司' always refers back; a bare '公司' only where nothing describes it: at a clause
    start or after a function word ('由公司副总经理'), not in '人工智能企业中研…' (a category noun)."""
    if anaphor[0] in "该本这此其":
        return True
    return start <= sentence.start or text[start - 1] in BARE_ANAPHOR_AFTER


def _unnamed_org_before(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
    """'人工智能企业<name><roles><PERSON>': a company LAC did not tag, named after a category noun."""
    window = text[max(sentence.start, person.start - 40) : person.start]
    for k in range(max(0, len(window) - 24), len(window) - 1):
        roles = parse_roles(window[k:], modifiers_only=True)
        if not roles or window[k] in "，,、；;：:":
            continue  # '…字装反后，校长林建华': a clause before the title names no firm
        if roles[0].endswith(("专家", "学者")):
            return []  # '资深留学专家黄某', '地产经济研究专家邓某': a field of expertise, no firm
        named = NAME_AFTER_CATEGORY.search(window[:k])
        confidence = 0.7
        if named is None:  # '(，|年月 )完美时空董事长池宇峰': a name opening the clause
            named, confidence = NAME_OPENING_CLAUSE.search(window[:k]), 0.6
            if named is None:
                return []
        start = person.start - len(window) + named.start(1)
        if overlaps_a_mention(sentence, start, start + len(named.group(1))):
            return []  # a person, place or product LAC did name ('苏州银行王某董事长'): not an unnamed firm
        name = named.group(1)
        if (department := TRAILING_DEPARTMENT.search(name)) and department.start() >= 2:
            name, roles = name[: department.start()], [department.group(0) + roles[0], *roles[1:]]
        if not could_name_a_firm(ctx, name, start) or (AFTER_CONJUNCTION.search(text, 0, start)
                                                       and _opens_with_verb(ctx, start)):
            return []  # '…，并会见俄总理普京': after a conjunction, a verb, not a firm's name
        if confidence < 0.7 and _reads_as_a_phrase(ctx, start, start + len(name)):
            return []  # '刚好碰上前(总统)', '不过联盟(发言人)', '门事件', '小牛队史': words, no name
        org = ctx.add_mention(sentence, start, start + len(name), "Company", "positions")
        return [position_fact(ctx, person, org, sentence, roles, confidence)]
    return []


PHRASE_ENDINGS = ("事件", "史", "期间", "时期", "方面", "问题", "会议")


def _reads_as_a_phrase(ctx: ArticleContext, start: int, end: int) -> bool:
    """A clause-opening run LAC reads as a phrase (opening with an adverb, a conjunction or a
    preposition, ending with a position word, holding a particle) or ending in a common noun of
    events and times names no firm ('我爱我家', '合富辉煌' are names however LAC tags them)."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    return (span[0].tag_ in ("d", "p", "c", "u") or span[-1].tag_ in ("f", "u", "p")
            or any(t.tag_ == "u" for t in span) or span.text.endswith(PHRASE_ENDINGS))


AFTER_CONJUNCTION = re.compile(r"(?:而且|但是|同时|其中|而|但|并|且)$")


def _opens_with_verb(ctx: ArticleContext, start: int) -> bool:
    span = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and span[0].tag_ in ("v", "p", "d", "c")


# Titles that presuppose one institution: with no organization written before them, it is the
# one the sentence is about ('南昌航空大学举行开学典礼，校长罗胜联表示').
# '现任校长为 吴某', '新任董事长陶某', '现任校长：王某'.
HEAD_OF_INSTITUTION = re.compile(rf"(?:^|[，,；;：:\s]|现任|新任|其)({HEAD_TITLE})(?:为|是|[：:])?\s*$")
LEADER_TITLE = re.compile(rf"(?:在|以)({HEAD_TITLE})$")
LED_BY = re.compile(r"(?:先生|女士)?的?(?:带领|领导|率领)下|(?:先生|女士)?为(?:首|核心)")


def _org_of_the_sentence(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
    """'<org>…，校长<person>': a bare title at a clause start, one organization earlier in the sentence."""
    window_start = max(sentence.start, person.start - 12)
    title = HEAD_OF_INSTITUTION.search(text[window_start : person.start])
    if title is None and LED_BY.match(text, person.end, sentence.end):  # '某集团在董事长叶青的带领下'
        title = LEADER_TITLE.search(text[window_start : person.start])
    if title is None:
        return []
    orgs = orgs_before(sentence, window_start + title.start(1))
    if len({m.text for m in orgs}) != 1:
        return []
    return [position_fact(ctx, person, orgs[-1], sentence, [title.group(1)], 0.55)]
