"""Relations between organizations and places: locatedIn, incubatedBy, partOf."""

from __future__ import annotations

import re

from ..model import Fact
from ..nlp.components import ORG_LABELS, org_type
from ..nlp.lexicon import PARENT_SUFFIXES, SUBUNIT_SUFFIXES
from ..nlp.listings import DEALER_NAME_FIELD
from .context import ArticleContext, Sentence, could_name_a_firm, of_type

SCHOOL_SUFFIXES = ("学院", "研究生院", "书院")
LOCATED_BEFORE = re.compile(r"(位于|地处|坐落于|坐落在|落户|总部位于|总部设在|总部设于|设在|设于|总部在)$")
# '位于<place>的芯片企业<org>': a kind of organization between 的 and the name.
KIND_BEFORE_NAME = re.compile(r"^的[\u4e00-\u9fff]{0,6}(?:企业|公司|集团|银行|机构|厂商|品牌|商家|学校|大学|医院)$")
# '<org>是一家位于<place>的…': the organization the sentence describes.
DESCRIBED_AS_LOCATED = re.compile(r"^(?:是|为)(?:一家|一个|一所|全球|国内)*(?:总部)?(?:位于|地处|坐落于|设在|在)$")
# The name opening a clause: '<name>由…孵化'.
CLAUSE_START_NAME = re.compile(r"(?:^|[，,；;：:])\s*([\u4e00-\u9fffA-Za-z0-9]{2,8})$")
COPULA_AT_END = re.compile(r"(?:也|均|都|则)?(?:是|为)$")
HEADQUARTERS_BEFORE = re.compile(
    r"(?:总部|总部位于|总部设在|总部设于|总部在|位于|地处|坐落于|坐落在|落户于?|设在|设于|所在地|注册地|地址)[：:]?$"
)
HEADQUARTERS_CUE = re.compile(r"总部|所在地|注册地|地址")
PARENTHETICAL = re.compile(r"[(（][^()（）]{1,40}[)）]")
LOCATED_AFTER = re.compile(r"^(?:总部)?(?:位于|地处|坐落于|坐落在|落户于?|设在|设于|在)$")


def extract(ctx: ArticleContext) -> list[Fact]:
    facts = []
    text = ctx.article.text
    for sentence in ctx.sentences:
        orgs = of_type(sentence.mentions, "Organization")
        places = of_type(sentence.mentions, "Location")
        for place in places:
            # '位于<place>的<org>'
            if LOCATED_BEFORE.search(text[max(sentence.start, place.start - 6) : place.start]):
                following = [o for o in orgs if o.start >= place.end and (text[place.end : o.start] in ("的", "")
                             or KIND_BEFORE_NAME.match(text[place.end : o.start]))]
                for org in following[:1]:
                    facts.append(ctx.fact(org, "Organization", "locatedIn", place, "Location", sentence,
                                          "location", 0.85))
                described = [o for o in orgs if o.end <= place.start
                             and DESCRIBED_AS_LOCATED.match(text[o.end : place.start])]
                if not following and described and text[place.end : place.end + 1] == "的":
                    facts.append(ctx.fact(described[-1], "Organization", "locatedIn", place, "Location", sentence,
                                          "location", 0.8))
            # '世界卫生组织日内瓦总部': the organization's headquarters in the place named between
            if text.startswith("总部", place.end) and (owner := [o for o in orgs if o.end == place.start]):
                facts.append(ctx.fact(owner[-1], "Organization", "locatedIn", place, "Location", sentence, "location",
                                      0.8))
            # '<org>位于<place>', '<org>，…，总部设在<place>', '<org>…所在地<place>'
            cue = HEADQUARTERS_BEFORE.search(text[max(sentence.start, place.start - 8) : place.start])
            preceding = [o for o in orgs if o.end <= place.start]
            if cue and preceding and not _followed_by_org(text, place, orgs):
                # Right before the cue it is that organization; further back, the sentence's topic:
                # for a headquarters ('…，总部设在<place>'), or when the sentence opens with the
                # organization ('某公司成立于2009年，位于<place>'), never for '位于<place>的<thing>',
                # which describes whatever follows it.
                # (a bracketed other name between: '某大学(Some University)位于<place>')
                adjacent = LOCATED_AFTER.match(PARENTHETICAL.sub("", text[preceding[-1].end : place.start])) is not None
                opens = not text[sentence.start : preceding[0].start].strip()
                topic = opens and text[place.end : place.end + 1] != "的"
                if not adjacent and not HEADQUARTERS_CUE.search(cue.group(0)) and not topic:
                    continue
                org = preceding[-1] if adjacent else preceding[0]
                facts.append(ctx.fact(org, "Organization", "locatedIn", place, "Location", sentence, "location",
                                      0.85 if adjacent else 0.65))
        for match in re.finditer("孵化", sentence.text):
            at = sentence.start + match.start()
            incubators = [o for o in orgs if o.end <= at and at - o.end <= 2]
            after = sentence.start + match.end()
            incubated = [o for o in orgs if o.start >= after and o.start - after <= 20]
            if not incubators:
                continue
            incubator = incubators[-1]
            if text[after : after + 1] in ("的", "出", "了") and incubated:
                # '<incubator>孵化的…<org>' / '<incubator>孵化出<org>'
                facts.append(ctx.fact(incubated[0], "Organization", "incubatedBy", incubator, "Organization",
                                      sentence, "incubation", 0.8))
            elif text[incubator.start - 1 : incubator.start] == "由":
                # '<org>由<incubator>孵化'
                # '<org>是由<incubator>孵化的…': the copula is no part of the name
                head = COPULA_AT_END.sub("", text[sentence.start : incubator.start - 1])
                subjects = [o for o in orgs if o.end == sentence.start + len(head)]
                chunk = CLAUSE_START_NAME.search(head)
                if chunk and not could_name_a_firm(ctx, chunk.group(1), sentence.start + chunk.start(1)):
                    chunk = None  # '该项目由清华大学孵化': an anaphor, no name
                if not subjects and chunk:
                    start = sentence.start + chunk.start(1)
                    subjects = [ctx.add_mention(sentence, start, start + len(chunk.group(1)), "Organization",
                                                "incubation")]
                if not subjects and head.endswith(("，", ",")) and orgs[0] is not incubator and (
                        not text[sentence.start : orgs[0].start].strip()):
                    subjects = orgs[:1]  # '<org>位于…，是由<incubator>孵化的企业': the sentence's subject
                if subjects:
                    facts.append(ctx.fact(subjects[-1], "Organization", "incubatedBy", incubator, "Organization",
                                          sentence, "incubation", 0.75))
        for org in orgs:
            facts.extend(_part_of(ctx, sentence, org))
        facts.extend(_subsidiaries(ctx, sentence, orgs))
        facts.extend(_listed_address(ctx, sentence))
    return facts


# A shop listing: '[商家名称] 某某摄影器材[联系方式] …[联系地址] 上海市卢湾区鲁班路288号…'.
ADDRESS_FIELD = re.compile(r"[\[【]\s*(?:联系|商家)?地址\s*[\]】]\s*")
# The address's administrative part: province, city, district or county (上海市卢湾区).
ADMIN_AREA = re.compile(r"(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区))?(?:[\u4e00-\u9fff]{2,7}?市)?"
                        r"(?:[\u4e00-\u9fff]{1,7}?[区县])?")


def _listed_address(ctx: ArticleContext, sentence: Sentence) -> list[Fact]:
    """The dealer a listing names is located in the administrative area its address begins with."""
    text, facts = ctx.article.text, []
    for field in ADDRESS_FIELD.finditer(text, sentence.start, sentence.end):
        area = ADMIN_AREA.match(text, field.end())
        if area is None or len(area.group(0)) < 3 or not area.group(0).endswith(("市", "区", "县")):
            continue
        names = list(DEALER_NAME_FIELD.finditer(text, max(0, field.start() - 300), field.start()))
        if not names:
            continue
        dealer = next((m for m in ctx.mentions if m.start == names[-1].end() and m.label in ORG_LABELS), None)
        if dealer is None:
            continue
        place = ctx.add_mention(sentence, area.start(), area.end(), "Location", "location")
        facts.append(ctx.fact(dealer, "Organization", "locatedIn", place, "Location", sentence, "location", 0.7))
    return facts


# '<parent>旗下(的)<unit>(和<unit>)': units owned by the parent; '<unit>隶属于<parent>'.
UNDER_PARENT = re.compile(r"^(?:旗下|下属|所属|控股)(?:的|子公司|公司)?$")
UNIT_LIST = re.compile(r"^(?:、|和|及|与|以及)$")
BELONGS_TO = re.compile(r"^(?:隶属于|隶属|从属于)$")
UNIT_OF = re.compile(r"^(?:是|系|为)$")
CLAUSE_OPENS = re.compile(r"(?:^|[，,；;：:\s])$")
OWNED_AFTER = re.compile(r"^(?:旗下|下属|所属|的?(?:全资|控股)?子公司|控股的)")  # '…为宏达集团全资子公司'


def _subsidiaries(ctx, sentence, orgs) -> list[Fact]:
    """'建设银行旗下的建银国际' and '中航集团旗下的甲和乙': each unit is part of the parent;
    '<unit>隶属于<parent>' too."""
    text = ctx.article.text
    facts = []
    for i, parent in enumerate(orgs):
        if i + 1 < len(orgs) and UNDER_PARENT.match(text[parent.end : orgs[i + 1].start]):
            units = [orgs[i + 1]]
            for nxt in orgs[i + 2 :]:
                if not UNIT_LIST.match(text[units[-1].end : nxt.start]):
                    break
                units.append(nxt)
            facts += [ctx.fact(u, "Organization", "partOf", parent, parent.label, sentence, "partOf", 0.75)
                      for u in units]
        if i + 1 < len(orgs) and UNIT_OF.match(text[parent.end : orgs[i + 1].start]) and \
                OWNED_AFTER.match(text[orgs[i + 1].end : orgs[i + 1].end + 6]) and \
                CLAUSE_OPENS.search(text, sentence.start, parent.start):  # the unit is what the clause is about
            # '某研究院是某集团旗下的研究机构': the unit, then its parent
            facts.append(ctx.fact(parent, "Organization", "partOf", orgs[i + 1], orgs[i + 1].label, sentence,
                                  "partOf", 0.7))
        if i + 1 < len(orgs) and BELONGS_TO.match(text[parent.end : orgs[i + 1].start]):
            facts.append(ctx.fact(parent, "Organization", "partOf", orgs[i + 1], orgs[i + 1].label, sentence,
                                  "partOf", 0.7))
    return facts


def _followed_by_org(text: str, place, orgs) -> bool:
    """'位于<place>的<org>': the place locates the organization after it, not the one before."""
    return any(o.start >= place.end and text[place.end : o.start] in ("的", "") for o in orgs)


def _part_of(ctx, sentence, org) -> list[Fact]:
    """'<parent><unit>' such as a securities firm's research institute or an association's branch."""
    name = org.text
    school = name.endswith(SCHOOL_SUFFIXES)  # '清华大学集成电路学院': a university's school
    if not (name.endswith(SUBUNIT_SUFFIXES) or school):
        return []
    for i in range(3, len(name) - 2):
        prefix = name[:i]
        if (prefix.endswith("大学") if school else prefix.endswith(PARENT_SUFFIXES)) and len(name) - i >= 3:
            parent = ctx.add_mention(sentence, org.start, org.start + i, org_type(prefix), "partOf")
            return [ctx.fact(org, "Organization", "partOf", parent, parent.label, sentence, "partOf", 0.7)]
    return []
