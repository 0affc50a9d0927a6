"""holdsPositionAt written after the person's name: '李四,某大学副教授', '张三担任某公司总经理',
'张三，1962年生，某公司董事长' (each post clause of a biography), '某公司俞某董事长推出…'."""

from __future__ import annotations

import re

from ..model import Fact, Mention
from .context import ArticleContext, Sentence, of_type
from .posts import HEAD_OF_ONE, HEAD_TITLE, held_by_the_name_before, last_org, orgs_before, position_fact
from .roles import parse_roles, roles_after

# '阮洪良 福莱特玻璃集团董事长', '吕冬青职务：某公司董事长': the name, then its post.
APPOSITION_GAP = re.compile(r"\s*|(?:现任)?(?:职务|职位|身份)[：:]|(?:同志|先生|女士)[，,]?")
# A title right after the name: '汪静董事长亲临…', '王五副总经理表示'.
TITLE_AFTER_NAME = re.compile(rf"({HEAD_TITLE}|书记)(?=[，,。；;、：:\s]|$|[亲表说指在称认等为与设的携率]|一行)")
# (right after its organization the name may take any head's title: '某协会的张三秘书长上台')
TITLE_AFTER_NAME_OF_FIRM = re.compile(rf"({HEAD_TITLE}|秘书长|总监|主任|局长|部长|厅长|处长|书记|社长|总编辑)"
                                      r"(?!助理|秘书|办|特别|顾问|的|人|医师)")
# '北京大学法学院张三教授说': an academic's title after the name, before what they say.
ACADEMIC_TITLE_AFTER_NAME = re.compile(r"((?:副|客座|特聘|名誉)?(?:教授|研究员|主任|院士))"
                                       r"(?=[，,。；;：:\s]|$|[表说指在称认看透告介上])")
TAKES_POST = ("现任|担任|出任|任职于?|就任|升任|历任|曾任|曾担任|兼任|调任|成为|被任命为|获聘为?|获任|起任|年任|任"
              "|当选为?|连任|接任|后任|系|是|为")
# '是(港股)上市公司<org>董事长': a kind of firm may stand between the verb and the name.
KIND_OF_FIRM = "(?:(?:港股|A股|美股|国内|知名|民营)?上市公司|民营企业|国有企业|国企|央企)"
VERB_BEFORE_ORG = re.compile(f"({TAKES_POST}){KIND_OF_FIRM}?$")
# '自2008年起任'、'2015年任'; 当选, 连任 and 接任 take a post by election or succession.
STRONG_POST_VERB = re.compile("现任|担任|出任|任职|就任|升任|兼任|历任|曾任|起任|年任|当选|连任|接任|后任")
# '李某出生年月：1969年职位：某公司董事长': a profile's fields before the post.
PROFILE_FIELDS = re.compile(r"(?:[\u4e00-\u9fff]{2,4}[：:][^，,。；;：:]{1,16}?)*"
                            r"(?:职位|职务|现任职务|工作单位)[：:]\s*")


REPLACES = re.compile(r"(?:接替|接任|取代|替代|顶替)$")
SUCCEEDS = re.compile(r"^(?:接替|接任|取代|替代|顶替)[\u4e00-\u9fff·]{2,8}?[，,]")


def after_person(ctx: ArticleContext, sentence: Sentence, person: Mention, text: str) -> list[Fact]:
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
    return (_biography(ctx, sentence, person, orgs, limit, text) or _role_after_name(ctx, sentence, person, text)
            or _post_at_the_company(ctx, sentence, person, limit, text))


# '张三…，继续担任公司董事、总裁': a post at '公司', the firm the article named last before the person.
POST_AT_THE_COMPANY = re.compile(r"(?:担任|出任|兼任|升任|接任|调任)(?:该|本)?(?:公司|集团)")


def _post_at_the_company(ctx: ArticleContext, sentence: Sentence, person: Mention, limit: int,
                         text: str) -> list[Fact]:
    verb = POST_AT_THE_COMPANY.search(text, person.end, limit)
    if verb is None or any(m.label == "Person" and person.end <= m.start < verb.start() for m in sentence.mentions):
        return []
    roles = roles_after(text, verb.end(), limit)
    org = last_org(ctx, person.start)
    return [position_fact(ctx, person, org, sentence, roles, 0.6)] if roles and org else []


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
    return not held_by_the_name_before(sentence, text, org, stop) and any(
        m.label == "Person" and m.start == stop for m in sentence.mentions)
