"""Job titles: which roles a stretch of text between an organization and a person names.

'某公司创始人、董事长张三' -> ['创始人', '董事长']; '专家导师团导师' (a department and a title);
'第66任校长' -> '校长' (which holder, not which post); '校长（试用期一年）' (a remark, cut off).
"""

from __future__ import annotations

import re

from ..nlp.lexicon import ROLE_HEADS, ROLE_MODIFIERS

PARENTHETICAL = re.compile(r"[(（][^()（）]*[)）]")
ROLE_SPLIT = re.compile(r"[、/兼和及与]|以及")

_HEADS = tuple(sorted(set(ROLE_HEADS), key=len, reverse=True))
_HEADS_FOR_FIELDS = ("董事长", "总经理", "总裁", "主席", "院长", "校长", "行长", "会长", "理事长", "经理", "主任",
                     "CEO")


# A department before a title may be longer when it ends like a unit ('…总量控制司副司长').
UNIT_ENDS = ("司", "局", "处", "部", "室", "科", "所", "中心", "委员会")
LONGEST_PREFIX, LONGEST_UNIT_PREFIX, LONGEST_JOINED_PREFIX = 8, 13, 10
TRAILING_MODIFIERS = re.compile("(?:" + "|".join(ROLE_MODIFIERS) + ")+$")
INNER_AND = re.compile(r"(?<=[\u4e00-\u9fff]{2})[及与和](?=[\u4e00-\u9fff]{2})")
ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十百\d]+(?:位|任|届)|首任|首位|历任)+")


def parse_roles(segment: str, modifiers_only: bool = False) -> list[str] | None:
    """The roles a segment between an organization and a person names, or None if it is not one.

    A role is a job-title head (董事长, 导师) after modifiers (常务副) or, unless
    `modifiers_only`, a short department name (专家导师团导师)."""
    segment = PARENTHETICAL.sub("", segment).strip().strip("、，,的：:)）” ")
    segment = re.sub(r"(?:之一|等职位|等职务|等职|职务|职位|一职)$", "", segment)
    segment = re.sub(r"^(?:现任|时任|新任|前任|原|讯|另一[位名路个]?)", "", segment)  # '…体育讯记者': the wire's 讯
    if not segment or len(segment) > 24:
        return None
    roles = _roles_of_parts(ROLE_SPLIT.split(segment), modifiers_only)
    if roles is None and INNER_AND.search(segment) and not re.search("[、/兼]|公司|集团|银行|大学", segment):
        # '全球预警及反应部门主管', '感染及传染病中心总监': one title whose department has a 及 in it
        roles = _roles_of_parts([segment], modifiers_only, LONGEST_JOINED_PREFIX)
    return roles


def _roles_of_parts(parts: list[str], modifiers_only: bool, longest_prefix: int = LONGEST_PREFIX) -> list[str] | None:
    roles = []
    for part in parts:
        part = re.sub(r"之一$", "", part.strip())
        if not part:
            continue
        unspaced = re.sub(r"(?<=[A-Za-z]) (?=[A-Za-z])", "", part)  # '终端BG CEO': a Latin unit and title
        if not part.endswith(_HEADS) or re.search(r"[，,。；;：:“”\s《》()（）\[\]【】]", unspaced):
            return None
        head = next(h for h in _HEADS if part.endswith(h))
        prefix, before = part[: -len(head)], None
        if "的" in prefix:  # '爱格地板的总经理': the organization's name runs on to 的, the role follows
            before, prefix = prefix[: prefix.rfind("的")], prefix[prefix.rfind("的") + 1 :]
        prefix = ORDINAL.sub("", prefix)  # '第66任校长', '第一位女校长': which holder, not which post
        prefix = "" if prefix in ("女", "男") else prefix
        if before is not None and (re.sub("|".join(ROLE_MODIFIERS), "", prefix) or len(before) > 4
                                   or re.search(r"[同与和及在对从向]", before)):
            return None  # '孵化的芯片企业X创始人', '…同…对话会议的国务委员': more than the name's rest
        part = prefix + head
        if re.search(r"\d", prefix):
            return None
        if modifiers_only and re.sub("|".join(ROLE_MODIFIERS), "", prefix):
            return None
        longest = LONGEST_UNIT_PREFIX if TRAILING_MODIFIERS.sub("", prefix).endswith(UNIT_ENDS) else longest_prefix
        if len(prefix) > longest or re.search(r"[了着过是为在把被将由]", prefix):
            return None
        roles.append(part)
    return roles or None


NEXT_FIELD = re.compile(r"(?:" + "|".join(_HEADS_FOR_FIELDS) + r")(?P<field>[\u4e00-\u9fff]{2,4}[：:])")

TITLE_THEN_VERB = re.compile(
    "([^、\\s]{0,6}?(?:" + "|".join(_HEADS) + "))(?=作为|表示|说|指出|认为|称|透露|强调|介绍|带领|率领|亲临|出席|"
    "参加|表态|在|于|是|已|将|也|曾|对|向|与|和|他|她|以来|期间|至今|之后|之前|时$)"
)


def roles_after(text: str, start: int, limit: int) -> list[str] | None:
    """The roles written from `start` up to the next clause break (or `limit`); '董事长、总经理' are
    both roles at the one organization, while a part that is no role ends the list."""
    clause = re.match(r"[^，,。；;)）]*", text[start:limit]).group(0)
    clause = re.sub(r"[(（][^()（）]*$", "", clause)  # '校长（试用期一年）': a remark on the post, not a role
    if field := NEXT_FIELD.search(clause):  # '…公司董事长毕业院校：北京大学': a profile's next field
        clause = clause[: field.start("field")]
    parts = clause.split("、")
    roles = parse_roles(parts[0])
    if roles is None and len(parts) == 1 and (verb_next := TITLE_THEN_VERB.match(parts[0])):
        return parse_roles(verb_next.group(1))  # '某集团董事长作为…': the title ends where a verb begins
    for part in parts[1:] if roles else ():
        more = parse_roles(part)
        if not more:
            break
        roles += more
    return roles
