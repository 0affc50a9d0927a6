"""holdsPositionAt: who holds which role at which organization (the roles themselves: roles.py).

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
from .context import ArticleContext, Sentence, coarse, could_name_a_firm, of_type, overlaps_a_mention
from .roles import parse_roles, roles_after

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
                           r"|(?:该|本)[行校所院会])$")
# '阮洪良 福莱特玻璃集团董事长', '吕冬青职务：某公司董事长': the name, then its post.
APPOSITION_GAP = re.compile(r"\s*|(?:现任)?(?:职务|职位|身份)[：:]|(?:同志|先生|女士)[，,]?")
# A title right after the name: '汪静董事长亲临…', '王五副总经理表示'.
# The head of an institution, as a title ('常务副总经理'): each presupposes one organization.
HEAD_TITLE = (r"(?:常务|执行|联席)?副?(?:董事局主席|董事长|总经理|总裁|首席执行官|CEO|院长|校长|行长|主席|会长|理事长|"
              r"所长)")
TITLE_AFTER_NAME = re.compile(rf"({HEAD_TITLE}|书记)(?=[，,。；;、：:\s]|$|[亲表说指在称认等为与设的携率]|一行)")
HEAD_OF_ONE = re.compile(HEAD_TITLE)
TITLE_AFTER_NAME_OF_FIRM = re.compile(rf"({HEAD_TITLE})(?!助理|秘书|办|特别|顾问|的)")
# '北京大学法学院张三教授说': an academic's title after the name, before what they say.
ACADEMIC_TITLE_AFTER_NAME = re.compile(r"((?:副|客座|特聘|名誉)?(?:教授|研究员|主任|院士))"
                                       r"(?=[，,。；;：:\s]|$|[表说指在称认看透告介上])")
BARE_ANAPHOR_AFTER = set("由为任是与和及、，,；;：:（(“\"」 据距在经向对从被让")
TAKES_POST = ("现任|担任|出任|任职于?|就任|升任|历任|曾任|曾担任|兼任|调任|成为|被任命为|获聘为?|获任|起任|年任|任"
              "|当选为?|连任|接任|后任|系|是|为")
# '是(港股)上市公司<org>董事长': a kind of firm may stand between the verb and the name.
KIND_OF_FIRM = "(?:(?:港股|A股|美股|国内|知名|民营)?上市公司|民营企业|国有企业|国企|央企)"
VERB_BEFORE_ORG = re.compile(f"({TAKES_POST}){KIND_OF_FIRM}?$")
# '自2008年起任'、'2015年任'; 当选, 连任 and 接任 take a post by election or succession.
STRONG_POST_VERB = re.compile("现任|担任|出任|任职|就任|升任|兼任|历任|曾任|起任|年任|当选|连任|接任|后任")


def extract(ctx: ArticleContext) -> list[Fact]:
    facts: list[Fact] = []
    text = ctx.article.text
    for sentence in ctx.sentences:
        found: list[Fact] = []
        for person in [m for m in sentence.mentions if m.label == "Person"]:
            before = _before_person(ctx, sentence, person, text)
            before = before or _coordinated(ctx, sentence, person, text, found)
            before = before or _anaphoric_org_before(ctx, sentence, person, text)
            before = before or _unnamed_org_before(ctx, sentence, person, text)
            before = before or _org_of_the_sentence(ctx, sentence, person, text)
            found.extend(before)
            found.extend(_after_person(ctx, sentence, person, text))
        facts.extend(found)
    return facts


def position_fact(ctx, person, org, sentence, roles, confidence) -> Fact:
    return ctx.fact(person, "Person", "holdsPositionAt", org, org.label, sentence, "positions", confidence, role=roles)


# '、<fund>基金经理' right before a name: the manager of a fund (a product), after the firm's own title.
MANAGES_A_FUND = re.compile(r"、[\u4e00-\u9fffA-Za-z0-9]{2,12}?(?:基金的?)?(?:拟任)?基金经理$")


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
        firm = [m for m in before if coarse(m.label) == "Organization" and text[m.end : last.start] in ("", "的")]
        return firm[0] if firm and parse_roles(text[last.end : end]) else None
    return last if coarse(last.label) == "Organization" else None


PROFILE_FIELDS = re.compile(r"(?:[\u4e00-\u9fff]{2,4}[：:][^，,。；;：:]{1,16}?)*"
                            r"(?:职位|职务|现任职务|工作单位)[：:]\s*")
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
        if not roles or _held_by_the_name_before(sentence, text, org, end):
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


def _list_start(people: list[Mention], text: str) -> int:
    """Where the run of names joined by '、' that ends with people[-1] begins."""
    k = len(people) - 1
    while k > 0 and text[people[k - 1].end : people[k].start] == "、":
        k -= 1
    return people[k].start


def orgs_before(sentence: Sentence, end: int) -> list[Mention]:
    """The sentence's organizations ending by `end`, in order; a news outlet holds no one's post."""
    return [m for m in of_type(sentence.mentions, "Organization") if m.end <= end and m.label != "MediaOutlet"]


def last_org(ctx: ArticleContext, before: int) -> Mention | None:
    """The organization named last before a position in the article (what '公司' refers to)."""
    orgs = [m for m in ctx.mentions if coarse(m.label) == "Organization" and m.end <= before
            and m.label != "MediaOutlet"]
    return max(orgs, key=lambda m: m.end) if orgs else None


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
    if anaphor[0] in "该本这此":
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


REPLACES = re.compile(r"(?:接替|接任|取代|替代|顶替)$")
SUCCEEDS = re.compile(r"^(?:接替|接任|取代|替代|顶替)[\u4e00-\u9fff·]{2,8}?[，,]")


def _after_person(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
    """'李四,某大学副教授' / '张三担任某公司总经理' / '张三,男,…现任某公司董事长' /
    '张三曾历任甲公司副总监、乙公司总监'."""
    if REPLACES.search(text, sentence.start, person.start):
        return []  # '梁金辉接替余林，出任…': the post goes to the successor, not to 余林
    # (nor does the predecessor named right after the person end the person's clause)
    later_people = [m.start for m in sentence.mentions if m.label == "Person" and m.start > person.end
                    and not REPLACES.fullmatch(text, person.end, m.start)]
    limit = min(later_people + [sentence.end])
    orgs = of_type([m for m in sentence.mentions if person.end <= m.start < limit], "Organization")
    for i, org in enumerate(orgs):
        gap = SUCCEEDS.sub("", text[person.end : org.start])
        verb = VERB_BEFORE_ORG.search(gap)
        apposition = gap in ("，", ",", "(", "（", "：", ":") or APPOSITION_GAP.fullmatch(gap) is not None or (
            PROFILE_FIELDS.fullmatch(gap) is not None)  # '李某出生年月：1969年职位：某公司董事长'
        plain_gap = verb and not re.search(r"[，,。；;“”]", gap[: verb.start()]) and len(gap) <= 10
        # '高建平刚满60岁，是…员工，从2000年开始担任兴业银行董事长': the sentence's one person takes the post.
        only_person = verb and STRONG_POST_VERB.search(verb.group(0)) and not any(
            m.label == "Person" for m in sentence.mentions if m is not person)
        if not (apposition or plain_gap or only_person or (verb and re.match(r"^[，,(（]", gap))):
            continue
        return _role_chain(ctx, sentence, person, orgs[i:], limit, text, 0.8 if apposition else 0.75)
    return _biography(ctx, sentence, person, orgs, limit, text) or _role_after_name(ctx, sentence, person, text)


def _role_after_name(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
    """'北京罗麦科技有限公司汪静董事长' / '某大学法学院张三教授说': the organization, the name, then the
    name's title; or '…实验小学的全体教师，在以李喜霞校长为核心…': the one organization earlier in
    the sentence."""
    title = TITLE_AFTER_NAME.match(text, person.end, sentence.end)
    orgs = orgs_before(sentence, person.start)
    adjacent = bool(orgs) and text[orgs[-1].end : person.start] in ("", "的")
    if title is None and adjacent:  # '某公司俞某董事长推出…': the name between
        title = (TITLE_AFTER_NAME_OF_FIRM.match(text, person.end, sentence.end)
                 or ACADEMIC_TITLE_AFTER_NAME.match(text, person.end, sentence.end))
    roles = parse_roles(title.group(1), modifiers_only=True) if title else None
    if not roles:
        return []
    if adjacent:
        return [position_fact(ctx, person, orgs[-1], sentence, roles, 0.7)]
    if len({m.text for m in orgs}) == 1 and HEAD_OF_ONE.fullmatch(title.group(1)):
        return [position_fact(ctx, person, orgs[-1], sentence, roles, 0.55)]
    return []


def _biography(ctx, sentence, person, orgs: list[Mention], limit: int, text: str) -> list[Fact]:
    """'张三，1962年生，某公司董事长，高级工程师': a sentence that opens with a name and a comma
    describes that person; each later clause that is only '<org><roles>' is one of their posts
    ('…，中国科学院院士，某大学校长'), also after a description ('…，资产过亿的某公司董事长')."""
    if text[sentence.start : person.start].strip() or text[person.end : person.end + 1] not in "，,":
        return []
    facts: list[Fact] = []
    for i, org in enumerate(orgs):
        if any(f.object == org.text for f in facts) or not _opens_a_clause(text, org, orgs[:i], person):
            continue
        facts.extend(_role_chain(ctx, sentence, person, orgs[i:], limit, text, 0.7))
    return facts


def _opens_a_clause(text: str, org: Mention, earlier: list[Mention], person: Mention) -> bool:
    """The organization opens its clause, or only a description ending in 的 stands before it."""
    if text[org.start - 1] in "，,":
        return True
    start = max(text.rfind("，", 0, org.start), text.rfind(",", 0, org.start)) + 1
    return (start > person.end and text[org.start - 1] == "的" and org.start - start <= 16
            and not any(m.end > start for m in earlier))


def _role_chain(ctx, sentence, person, orgs: list[Mention], limit: int, text: str, confidence: float) -> list[Fact]:
    """'<org1><roles>、<org2><roles>…': each organization with the roles written after it (past a
    note in brackets right after its name: '某公司（600123）董事长', '某公司(以下简称某)的董事长')."""
    chain: list[Mention] = []
    for org in orgs:
        if not chain or org.start >= _past_note(text, chain[-1].end, limit):
            chain.append(org)  # (an organization inside the note is the firm's other name)
    facts = []
    for k, org in enumerate(chain):
        end = chain[k + 1].start if k + 1 < len(chain) else limit
        start = _past_note(text, org.end, end)
        roles = roles_after(text, start, end)
        if not roles or _titles_next_person(sentence, text, org, end, start):
            break
        facts.append(position_fact(ctx, person, org, sentence, roles, confidence))
        if k + 1 < len(chain) and not re.fullmatch(r"[^，,。；;]*(?:[、；;]|和|及|以及)", text[start:end]):
            break
    return facts


NOTE_IN_BRACKETS = re.compile(r"[(（][^()（）。；;]{1,30}[)）]")


def _past_note(text: str, pos: int, limit: int) -> int:
    """Where the text goes on after a note in brackets at `pos` (a stock code, a short name), or `pos`."""
    note = NOTE_IN_BRACKETS.match(text, pos, limit)
    return note.end() if note else pos


def _titles_next_person(sentence: Sentence, text: str, org: Mention, end: int, start: int) -> bool:
    """'<P1>,<org><roles><P2>': roles running straight into a name are that name's, not P1's
    (unless a quote's attribution gives them to P1: '——王石　万科董事长　　冯仑…')."""
    stop = start + len(re.match(r"[^，,。；;)）]*", text[start:end]).group(0))
    return not _held_by_the_name_before(sentence, text, org, stop) and any(
        m.label == "Person" and m.start == stop for m in sentence.mentions)


WIDE_SPACE_AT_END = re.compile(r"(?:\u3000|\s{2,})$")


def _held_by_the_name_before(sentence: Sentence, text: str, org: Mention, end: int) -> bool:
    """'——王石　万科企业股份有限公司董事长　　冯仑…': a quote's attribution (a dash, the name, a space,
    the organization and roles), then a wide space: the roles are the attributed name's, not the
    next one's. A listing ('主编 吴厚斌   某网副主编    张永志') puts names after titles instead."""
    if not WIDE_SPACE_AT_END.search(text, org.end, end):
        return False
    return any(m.label == "Person" and m.end <= org.start and not text[m.end : org.start].strip()
               and text[m.start - 1 : m.start] in ("—", "－", "-") for m in sentence.mentions)
