"""ranksIn (tier, rank): organizations placed in a named list by the sentences about it."""

from __future__ import annotations

import re

from ..model import Fact, Mention
from .context import ArticleContext, Sentence, clause_end, of_type
from .normalize import chinese_to_int

TIER_START = re.compile(r"第[一二三四五六七八九十\d]+(?:类|档|梯队|层级)(?:企业)?(?:为|是|：|:)?")
TIER_NAME = re.compile(r"^([\u4e00-\u9fffA-Za-z]{2,10}?)(?:[，,；;。]|$)")
TRIGGERS = re.compile(r"榜单|名单|上榜|入选|位列|排名|入围|跻身|荣登|登榜|榜上有名|代表企业|并列第|(?:稳居|位居)[前第]"
                      r"|榜首|分列|名列"
                      # a place moved to in a list: '连升3位', '顺延第10垫底', '升至第五'
                      r"|(?:连升|连降|上升|下降|攀升|跌落)[\d一二三四五六七八九十]+位|(?:顺延|排在|升至|降至|跌至)第|垫底")
# Beside a named list in the same sentence: '荣获“中国品牌500强”称号', '被评为…'.
HONOURED = re.compile(r"荣获|获评|评为|列入|获得|获选|当选")
# '在榜单中，…以A、B为代表': the whole sentence speaks of the list's members.
IN_THE_LIST = re.compile(r"(?:榜单|名单|榜)(?:中|上|里|之中)")
# '位列榜单前三名', '入选榜单': members placed in a list the sentence does not name.
LIST_PLACES = re.compile(r"(?:位列|入选|进入|跻身|登上|荣登|名列)(?:该|这一|此)?(?:榜单|名单|排行榜)")
# '以下为…获奖名单：A…B…': the members follow the colon.
MEMBERS_FOLLOW = re.compile(r"(?:榜单|名单|排行榜|(?:\d+|[百千])强)(?:如下)?[:：]")
RANK = re.compile(r"(?:位列|排名|排在|名列|位居|并列|顺延|升至|降至|跌至)"
                  r"(?:上升至|上升到|提升至|升至|下降至|降至|跃升至)?第?([一二三四五六七八九十\d]+)(?:位|名)?")
PUBLISHES_A_LIST = re.compile(r"(?:发布|公布|推出)[^，,。；;]{0,20}(?:排名|排行|榜|名单|\d+强)")
# '(A)与B、C三所学校并列第五': the place a list of members shares.
TIED_LIST_RANK = re.compile(r"(?:[、和与及][^，,。；;、和与及]{2,12}?)+[^，,。；;]{0,6}?"
                            r"并列第?([一二三四五六七八九十\d]+)")
PUBLISH_VERBS = re.compile(r"发布|公布|发表|推出|披露")
PUBLISHER_AFTER = re.compile(r"^[等\d一二三四五六七八九十个家部门]*(发布|公布|的数据)")
REPORT_SUFFIX = re.compile(r"(?:研究|发展|评估|评价|分析)?报告$")
# '<org>孵化的…': the organization describes what follows it.
DESCRIBES_ANOTHER = re.compile(r"(?:孵化|投资|创办|创立|控股|参股|收购|推出|研发|开发|打造)的")


def derive_rankings(ctx: ArticleContext) -> None:
    """A report that publishes a list ('…50强研究报告') names the ranking: the report minus 研究报告.
    So does the one report of an article that names no list but places members in '榜单'
    ('发布《中国500最具价值品牌》分析报告。…位列榜单前三名'): the guide's 'when the text names only
    the report'."""
    reports = [(sentence, m) for sentence in ctx.sentences for m in sentence.mentions if m.label == "Report"]
    for sentence, report in reports:
        core = REPORT_SUFFIX.sub("", report.text)
        if core != report.text and re.search(r"((?:\d+|[百千])强|榜|名单|排行)$", core):
            ctx.add_mention(sentence, report.start, report.start + len(core), "Ranking", "rankings")
    if len({m.text for _, m in reports}) == 1 and not any(
            m.label == "Ranking" for s in ctx.sentences for m in s.mentions) and any(
            IN_THE_LIST.search(s.text) or LIST_PLACES.search(s.text) for s in ctx.sentences):
        sentence, report = reports[0]
        core = REPORT_SUFFIX.sub("", report.text)
        ctx.add_mention(sentence, report.start, report.start + len(core), "Ranking", "rankings", also_as=True)


def _tier_segments(sentence: Sentence, text: str) -> list[tuple[int, int, str]]:
    """(start, end, tier) for each '第N类为<tier>' segment of the sentence."""
    starts = [m for m in TIER_START.finditer(sentence.text)]
    segments = []
    for i, match in enumerate(starts):
        seg_start = sentence.start + match.start()
        seg_end = sentence.start + starts[i + 1].start() if i + 1 < len(starts) else sentence.end
        name = TIER_NAME.match(text[sentence.start + match.end() : seg_end])
        if name:
            segments.append((seg_start, seg_end, name.group(1)))
    return segments


# '将上榜企业分为“引领型”“成长型”和“潜力型”三个梯队': the tiers a list declares.
TIER_DECLARATION = re.compile(
    r"分为([^。；;：:]{2,60}?)[两三四五六七八九十\d]+(?:个|大)?(?:梯队|类|档|层级|级别|层次|阵营)"
)


def _declared_tiers(ctx: ArticleContext) -> list[str]:
    return [tier for sentence in ctx.sentences for match in TIER_DECLARATION.finditer(sentence.text)
            for tier in re.split(r"[“”\"、和与及，,\s]+", match.group(1)) if 2 <= len(tier) <= 10]


def _tier_in_clause(text: str, sentence: Sentence, org: Mention, tiers: list[str]) -> str | None:
    """'旷视科技、第四范式入选引领型企业': a declared tier named in the organization's clause after it."""
    clause = text[org.end : clause_end(text, org.end, sentence.end)]
    found = [(clause.find(tier), tier) for tier in tiers if tier in clause]
    return min(found)[1] if found else None


def _publishers(sentence: Sentence, text: str) -> set[str]:
    """Organizations that publish or report the list, never members of it."""
    out = set()
    for org in of_type(sentence.mentions, "Organization"):
        after = text[org.end : org.end + 12]
        if PUBLISH_VERBS.search(after[:8]) or PUBLISHER_AFTER.match(after):
            out.add(org.text)
        if text[max(0, org.start - 2) : org.start] == "来自":
            out.add(org.text)
    return out


# 'A、B分列第二、第三位': each member of the list in turn takes one of the places.
RESPECTIVE = re.compile(r"(?:分列|分居|分别位列|分别位居|分别排名|分别排在)((?:第?[一二三四五六七八九十\d]+[、和]?)+)")


def _respective_rank(text: str, sentence: Sentence, org: Mention) -> int | None:
    """The place of an organization in a list of names followed by '分列第二、第三位'."""
    match = RESPECTIVE.search(text, org.end, clause_end(text, org.end, sentence.end))
    if match is None:
        return None
    members = [m for m in of_type(sentence.mentions, "Organization") if m.end <= match.start()]
    k = len(members) - 1
    while k > 0 and text[members[k - 1].end : members[k].start] in ("、", "和", "与", "及"):
        k -= 1
    places = re.findall(r"[一二三四五六七八九十\d]+", match.group(1))
    position = next((i for i, m in enumerate(members[k:]) if m.start == org.start), None)
    if position is None or len(places) != len(members) - k:
        return None
    raw = places[position]
    return int(raw) if raw.isdigit() else chinese_to_int(raw)


def _rank_after(text: str, end: int) -> int | None:
    """'…位列第3' right after the organization, or '与A、B四所学校并列第五' closing a list it is in, or
    '…进入榜单，排名第35位': a clause of the place alone right after the organization's."""
    clause = re.match(r"[^，,；;。]*", text[end : end + 16]).group(0)  # not '西岭大学；北湖大学排名第四'
    if "榜首" in clause:
        return 1  # '…以1.56万亿元估值蝉联榜首'
    clause = clause[:10]
    match = RANK.search(clause) or TIED_LIST_RANK.match(text, end, end + 60)
    if match is None and (whole := re.match(r"[^，,；;。]{0,24}[，,]", text[end:])):
        match = RANK.match(text, end + whole.end())  # '…也首次进入榜单，排名第35位'
    if match is None:
        return None
    raw = match.group(1)
    return int(raw) if raw.isdigit() else chinese_to_int(raw)


def _trigger_in_clause(text: str, sentence: Sentence, org: Mention, triggers: re.Pattern = TRIGGERS) -> bool:
    """'…小米位列第三', '入选的有小米、联想': a trigger in the organization's own clause (a list
    of names separated by 、 is one clause)."""
    start = max(text.rfind(p, sentence.start, org.start) for p in "，,；;：:") + 1
    return triggers.search(text, max(start, sentence.start), clause_end(text, org.end, sentence.end)) is not None


def _honoured_subject(text: str, sentence: Sentence, org: Mention, rankings: list[Mention]) -> bool:
    """'宏耐品牌在中国已有十三年历史，凭借…先后获得了“中国品牌500强”等荣誉称号': the organization the
    sentence opens with is the subject of a later clause honouring it with a named list."""
    if text[sentence.start : org.start].strip() or not rankings:
        return False
    orgs = of_type(sentence.mentions, "Organization")
    for ranking in rankings:
        verb = HONOURED.search(text, org.end, ranking.start)
        if verb and not any(org.end <= m.start < verb.start() for m in orgs) and \
                "。" not in text[org.end : ranking.start]:
            return True
    return False


def extract(ctx: ArticleContext) -> list[Fact]:
    derive_rankings(ctx)
    text = ctx.article.text
    facts: list[Fact] = []
    current: Mention | None = None
    # Who publishes a list, said anywhere in the article, is not in it ('US News发布的…排名' and
    # later 'US News根据什么因素来决定学校排名').
    list_publishers = {name for sentence in ctx.sentences if PUBLISHES_A_LIST.search(sentence.text)
                       for name in _publishers(sentence, text)}
    declared = _declared_tiers(ctx)
    for sentence in ctx.sentences:
        rankings = [m for m in sentence.mentions if m.label == "Ranking"]
        if rankings:
            current = max(rankings, key=lambda m: len(m.text))
        if current is None:
            continue
        segments = _tier_segments(sentence, text)
        if not (segments or rankings or TRIGGERS.search(sentence.text)):
            continue
        publishers = _publishers(sentence, text) | list_publishers
        for org in of_type(sentence.mentions, "Organization"):
            if org.text in publishers or org.label == "MediaOutlet":
                continue  # who publishes or reports the list is not in it
            if text.startswith("排名", org.end) and PUBLISH_VERBS.search(text, max(0, org.start - 4), org.start):
                continue  # '发布美国大学排名': the words name the list, no member of it
            if DESCRIBES_ANOTHER.match(text, org.end):
                continue  # '由浙江大学孵化的某公司进入榜单': the member is the company the phrase describes
            # Naming the list is not enough ('…推出的“X排名”中，法国大学的地位…'): the organization's
            # own clause places it there, or the sentence lists the members.
            listed = MEMBERS_FOLLOW.search(text, sentence.start, org.start)
            if not (segments or listed or IN_THE_LIST.search(sentence.text) or _trigger_in_clause(text, sentence, org)
                    or rankings and _trigger_in_clause(text, sentence, org, HONOURED)
                    or _honoured_subject(text, sentence, org, rankings)):
                continue
            tier = next((t for s, e, t in segments if s <= org.start < e), None) or (
                declared and _tier_in_clause(text, sentence, org, declared)) or None
            rank = _respective_rank(text, sentence, org) or _rank_after(text, org.end)
            facts.append(ctx.fact(org, "Organization", "ranksIn", current, "Ranking", sentence, "rankings",
                                  0.8 if tier or rankings else 0.65, tier=tier, rank=rank))
    return facts
