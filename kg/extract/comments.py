"""commentsOn (quote, stance) and disagreesWith.

A comment belongs to whoever the quote is attributed to: a speaker before a speech verb
('张三认为'), a speaker right after an opening quote ('“很好…”…总经理李四在…'), a
pronoun standing for the last speaker ('她认为'), or '在X看来'.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Fact, Mention
from ..nlp.lexicon import SPEECH_VERBS, THIRD_PERSON_PRONOUNS
from .context import ArticleContext, Sentence, coarse, of_type

QUOTE = re.compile(r"“([^“”]+)”")
QUOTE_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]*")
SPEECH = re.compile("|".join(sorted(SPEECH_VERBS, key=len, reverse=True)))
ADVERB_WORDS = r"[也还则更又就都曾已再并却亦]|坚定|明确|直接|进一步|同时|随后|此前|一直|甚至|首先|再次|公开|特别|也曾"
ADVERBS = rf"(?:{ADVERB_WORDS})*"
PRONOUN_SPEECH = re.compile(rf"(?:^|[，,。；;])\s*({'|'.join(THIRD_PERSON_PRONOUNS)}){ADVERBS}({SPEECH.pattern})")
IN_VIEW = re.compile(r"在(\S{2,8}?)看来")
# '它', '这款产品', '该模型': the sentence speaks of a product named before it.
REFERS_TO_A_PRODUCT = re.compile(r"它|(?:这|该|此)(?:款|个|种|一)?"
                                 r"(?:产品|模型|大模型|应用|工具|技术|手机|系统|软件|机型|车型)")
# '证券时报记者 周文亮本报讯 …公告称': a reporter in a byline is not who speaks.
REPORTER_BEFORE = re.compile(r"(?:记者|通讯员|编辑|撰稿)\s*[:：]?\s*$")
# A product the speaker's side made ('开发出X的…'): described, not commented on.
OWN_PRODUCT = re.compile(r"(开发出|研发出|推出|发布(?!会)|打造)[^，,。：:“]*$")  # not '在发布会上表示：“X…'

POSITIVE = ("震撼", "惊艳", "超预期", "逼真", "乐观", "好消息", "看好", "划时代", "革新", "期待", "突破", "领先",
            "利好", "炸裂", "清晰", "美好", "受益", "成功", "机遇", "机会", "惊喜", "优秀", "强劲", "推动",
            "提升", "增长", "巨大作用", "创新", "崇拜", "想象力", "不错", "满意", "欢迎", "信心", "很好", "较好",
            "良好", "更好", "出色", "喜欢", "好评", "强大", "值得", "赞赏", "认可", "振奋", "稳健", "向好",
            "越好", "实惠", "优化", "成效", "企稳", "回升", "复苏", "好转")
NEGATIVE = ("看不到", "担忧", "担心", "风险", "不足", "问题", "下滑", "下降", "亏损", "质疑", "威胁", "滥用",
            "失望", "泡沫", "妖魔化", "危机", "困难", "冲击", "打击", "警惕", "谨慎", "悲观", "差距", "混然",
            "倒闭", "裁员", "不好", "糟糕", "失败", "恶化", "承压", "落后", "不满", "遗憾", "反对", "批评",
            "下跌", "疲软", "低迷", "隐患", "缺陷", "过高", "难以", "昂贵")
NEGATORS = ("不能过分", "不会", "不能", "不要", "不再", "不", "没有", "没", "无法", "别", "未")


def stance_of(text: str) -> str:
    """positive / negative / neutral by a small polarity lexicon with negation ('不能…妖魔化')."""
    score = 0
    for words, sign in ((POSITIVE, 1), (NEGATIVE, -1)):
        for word in words:
            for match in re.finditer(re.escape(word), text):
                window = text[max(0, match.start() - 6) : match.start()]
                clause = re.split(r"[，,。；;！!？?]", window)[-1]
                negated = any(n in clause for n in NEGATORS) and not any(n in word for n in ("不", "没"))
                score += -sign if negated else sign
    return "positive" if score > 0 else "negative" if score < 0 else "neutral"


def _quotes(sentence: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, text) of each quotation in the sentence, offsets in the article."""
    return [(sentence.start + m.start(1), sentence.start + m.end(1), m.group(1)) for m in QUOTE.finditer(sentence.text)]


def _outside_quotes(sentence: Sentence, quotes, start: int, end: int) -> bool:
    return not any(q0 - 1 <= start and end <= q1 + 1 for q0, q1, _ in quotes)


def _choose_quote(quotes, targets: list[Mention]) -> str | None:
    """The first quoted sentence that names the target, else the first quoted sentence."""
    pieces = [p.strip() for _, _, q in quotes for p in QUOTE_SENTENCE.findall(q) if p.strip()]
    for piece in pieces:
        if any(t.text in piece for t in targets):
            return piece
    return pieces[0] if pieces else None


def _speaker(ctx: ArticleContext, sentence: Sentence, quotes) -> tuple[Mention | str | None, float]:
    """Who speaks in the sentence: a name, a pronoun's antecedent, or nobody."""
    text = ctx.article.text
    people = [m for m in sentence.mentions if m.label == "Person" and _outside_quotes(sentence, quotes, m.start, m.end)
              and not REPORTER_BEFORE.search(text[max(0, m.start - 6) : m.start])]
    # 1. '“…”<apposition><PERSON>…': the opening quote is attributed to the first person after it.
    if quotes and text[sentence.start : quotes[0][0] - 1].strip() == "":
        after = [p for p in people if p.start >= quotes[0][1]]
        if len(quotes) > 1:
            after = [p for p in after if p.start < quotes[1][0]]
        if after:
            return after[0], 0.85
    # 2. '<PERSON>…表示/认为', the nearest person before a speech verb outside quotes.
    for verb in SPEECH.finditer(sentence.text):
        v0 = sentence.start + verb.start()
        if not _outside_quotes(sentence, quotes, v0, v0):
            continue
        before = [p for p in people if p.end <= v0 and not re.search(r"[。；;]", text[p.end : v0])]
        if before and v0 - before[-1].end <= 30:
            return before[-1], 0.8
    # 2b. '王五：听说过…' in an interview transcript: a name and a colon open the answer.
    for p in people:
        if _answers(text, p) and ANSWER_START.search(text, max(0, p.start - 1), p.start):
            return p, 0.7
    # 3. '在<PERSON>看来'
    view = IN_VIEW.search(sentence.text)
    if view:
        for p in people:
            if p.text == view.group(1):
                return p, 0.75
    # 4. '她认为' -> the last speaker.
    if PRONOUN_SPEECH.search(sentence.text) and ctx.last_speaker:
        return ctx.last_speaker, 0.6
    # 5. '“…”<ORG>…负责人表示': an organization speaking through an unnamed representative.
    if quotes and text[sentence.start : quotes[0][0] - 1].strip() == "" and SPEECH.search(sentence.text):
        orgs = [m for m in of_type(sentence.mentions, "Organization") if m.start >= quotes[0][1]]
        if orgs and orgs[0].start - quotes[0][1] <= 2:
            return orgs[0], 0.5
    return None, 0.0


# Verbs whose object is what is commented on: '评价了胡润榜', '看好某车企', '力挺某模型'.
JUDGES = re.compile(r"(?:评价|点评|看好|称赞|赞扬|夸赞|力挺|批评|质疑|炮轰|吐槽|盛赞|肯定)了?$")


def _targets(ctx: ArticleContext, sentence: Sentence, speaker: Mention | str) -> list[Mention]:
    """What the speaker comments on: what a judging verb takes ('评价了胡润榜'), the products named
    in the sentence, else in its paragraph. Not a product in the speaker's own description
    ('X基金拟任基金经理李四表示': his fund)."""
    text = ctx.article.text
    speaker_name = speaker.text if isinstance(speaker, Mention) else speaker
    judged = [m for m in sentence.mentions if coarse(m.label) in ("Organization", "Product", "Ranking", "Report")
              and m.label != "MediaOutlet" and JUDGES.search(text, max(sentence.start, m.start - 4), m.start)
              and m.text != speaker_name]
    if judged and isinstance(speaker, Mention) and speaker.end <= judged[0].start:
        return judged[:1]
    products = [
        m for m in of_type(sentence.mentions, "Product")
        if m.text != speaker_name and not (OWN_PRODUCT.search(text[max(sentence.start, m.start - 8) : m.start])
                                           and not _in_topic_phrase(sentence, m))
        and not _describes(text, m, speaker)
    ]
    if products:
        return _unique(products)[:2]
    if REFERS_TO_A_PRODUCT.search(sentence.text):  # '它', '这款产品': the one named last before
        return _unique([m for m in _products_in_paragraph(ctx, sentence) if m.start < sentence.start][::-1])[:1]
    return []


def _title_subject(ctx: ArticleContext, sentence: Sentence) -> list[Mention]:
    """The article's subject: a product its title names and the paragraph mentions ('星河X1上市,专家怎么看')."""
    title = ctx.article.title or ""
    return _unique([m for m in _products_in_paragraph(ctx, sentence) if m.text in title])[:1]


def _products_in_paragraph(ctx: ArticleContext, sentence: Sentence) -> list[Mention]:
    text = ctx.article.text
    para_start = text.rfind("\n", 0, sentence.start) + 1
    para_end = text.find("\n", sentence.end)
    para_end = len(text) if para_end < 0 else para_end
    return [m for m in ctx.mentions if para_start <= m.start < para_end and coarse(m.label) == "Product"]


def _in_topic_phrase(sentence: Sentence, mention: Mention) -> bool:
    """'对于某公司推出的X，张三认为': X, released by another, is the topic the speaker takes up."""
    topic = TOPIC_PHRASE.match(sentence.text)
    return topic is not None and sentence.start + topic.start(1) <= mention.start < sentence.start + topic.end(1)


def _describes(text: str, mention: Mention, speaker: Mention | str) -> bool:
    """`mention` is in the phrase that introduces the speaker: before the name, same clause."""
    return isinstance(speaker, Mention) and mention.end <= speaker.start and not CLAUSE_BREAK.search(
        text, mention.end, speaker.start)


CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?“”]")
# '对于<X>(的…)，' / '谈及<X>，': the topic the speaker then talks about.
TOPIC_PHRASE = re.compile(r"\s*(?:对于|关于|针对|谈及|谈到|提及|说起|就)([^，,。；;]{2,30})[，,]")
# '…指出，<org>去年…' / '…强调，公司希望…': the organization the reported clause opens with.
# A time word may open the clause first ('表示，目前，上海合作组织已…'); a verb of belief needs no
# comma before its clause ('坚持认为马刺进不了第二轮').
REPORTED_CLAUSE = re.compile(rf"(?:(?:{SPEECH.pattern})[，,:：]|(?:认为|相信|预计|预测|判断|估计)(?=[^，,。]{{6}}))\s*"
                             r"(?:(?:目前|当前|现在|如今|今年|明年|去年|近期|未来)[，,]?)?(?:(该|本)?公司)?")


def _topic_of_what_is_said(ctx: ArticleContext, sentence: Sentence, speaker_name: str) -> list[Mention]:
    """What is said is about an organization or product the sentence puts first: a topic phrase
    ('对于特斯拉的降价，李斌表示…'), or the reported clause or quotation opens with it (its name,
    or 公司 for the organization named last), as in '刘明军指出，社保基金去年出现浮亏'."""
    topic = TOPIC_PHRASE.match(sentence.text)
    if topic and speaker_name not in topic.group(1):  # the phrase opens with the topic's name
        named = [m for m in sentence.mentions if coarse(m.label) in ("Organization", "Product")
                 and m.start == sentence.start + topic.start(1)]
        if named:
            return named[:1]
    quoted = re.match(r"\s*“(?=[^”]{8})", sentence.text)  # words said, not a quoted name (“英皇电影”)
    said = REPORTED_CLAUSE.search(sentence.text)
    if said is None and not quoted:
        return []
    at = sentence.start + (said.end() if said else quoted.end())
    if said and said.group(0).endswith("公司"):  # the anaphor: the organization named last before it
        orgs = [m for m in of_type(ctx.mentions, "Organization") if m.end <= at and m.label != "MediaOutlet"]
        return [max(orgs, key=lambda m: m.end)] if orgs else []
    opening = [m for m in of_type(sentence.mentions, "Organization") if m.start == at and m.text != speaker_name
               and m.label != "MediaOutlet"]
    return opening[:1]


ANSWER_START = re.compile(r"(?:^|[\s。！？])$")


def _answers(text: str, person: Mention) -> bool:
    """'王五：…': a colon right after the name gives the person's words."""
    return text[person.end : person.end + 1] in ("：", ":")


OURS = re.compile(r"(?:我们|我|本|咱们)$")


def _talked_about(ctx: ArticleContext, sentence: Sentence, speaker: Mention | str, quotes) -> list[Mention]:
    """'王五：我们惠达一直关注着新浪乐居，上市后新浪乐居可以…': an organization the words said after
    the speaker name again and again is what they are about (not one of '我们', the speaker's own).
    Only for words given as said: an answer after 'name：' or a quotation."""
    text = ctx.article.text
    said_aloud = any(len(q) >= 8 for _, _, q in quotes)  # words, not a quoted name ('“LV”字样')
    if not isinstance(speaker, Mention) or not (said_aloud or _answers(text, speaker)):
        return []
    clause_start = max(text.rfind(mark, sentence.start, speaker.start) for mark in "，,；;。：:") + 1
    own = {m.text for m in of_type(sentence.mentions, "Organization") if clause_start <= m.start < speaker.start}
    said = [m for m in of_type(sentence.mentions, "Organization") if m.start > speaker.end and m.text not in own
            and m.label != "MediaOutlet" and not OURS.search(text, max(0, m.start - 2), m.start)]
    counts = Counter(m.text for m in said)
    return [m for m in said if counts[m.text] >= 2][:1]


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in mentions:
        if m.text not in seen:
            seen.add(m.text)
            out.append(m)
    return out


def extract(ctx: ArticleContext) -> list[Fact]:
    facts = []
    for sentence in ctx.sentences:
        quotes = _quotes(sentence)
        speaker, confidence = _speaker(ctx, sentence, quotes)
        if speaker is None:
            continue
        name = speaker.text if isinstance(speaker, Mention) else speaker
        speaker_type = speaker.label if isinstance(speaker, Mention) else "Person"
        if speaker_type == "Person":
            ctx.last_speaker = name
        targets = _targets(ctx, sentence, speaker)
        if not targets:  # weaker evidence: the organization the reported words open with
            targets = _topic_of_what_is_said(ctx, sentence, name) or _talked_about(ctx, sentence, speaker, quotes)
            confidence = min(confidence, 0.6) if targets else confidence
        targets = targets or _title_subject(ctx, sentence)  # else the article's subject
        quote = _choose_quote(quotes, targets)
        if quote is None and isinstance(speaker, Mention) and _answers(ctx.article.text, speaker):
            quote = ctx.article.text[speaker.end + 1 : sentence.end].strip()  # '王五：<the answer>'
        if quote is None:
            # Indirect speech: what follows '认为,' or '看来,' is the view reported.
            said = re.search(rf"(?:{SPEECH.pattern}|看来)[，,:：]", sentence.text)
            quote = sentence.text[said.end() :].strip() if said else None
        stance_text = quote or ""
        stance = stance_of(stance_text)
        if stance == "neutral" and quote and not re.search(r"[不没无]", quote):
            stance = stance_of(sentence.text)
        for target in targets:
            facts.append(ctx.fact(speaker if isinstance(speaker, Mention) else name, coarse(speaker_type),
                                  "commentsOn", target, target.label, sentence, "comments", confidence,
                                  quote=quote, stance=stance))
    return facts


# Disagreeing with a view: '并不认同', '反驳'; criticising or doubting ('批评', '质疑') counts
# only when what is rejected is a person's view ('否定了X的说法'), not a performance.
DISAGREE = re.compile(r"(?:并不|不太?|难以|无法|不能)(?:完全|十分|太|很)?(?:认同|同意|赞同|苟同)|"
                      r"反驳|驳斥|回击|质疑|批评|否定|不满|反对")
REJECTS_A_PERSON = ("认同", "同意", "赞同", "苟同", "反驳", "驳斥", "回击", "质疑")
# ('李明提出的“短期内难以普及”的判断': the view may be quoted before the word naming it)
VIEW = re.compile(r"^(?:的|之)?(?:(?:提出|所说|发表)的)?(?:“[^”]{1,30}”的?)?(?:[^，,。；;]{0,4}?)"
                  r"(?:观点|看法|说法|言论|论断|结论|判断|意见|表态|主张|"
                  r"言辞|发言|理论|评论|建议|预测|说辞|决定|做法|提议|指责|批评)")
REFERS_TO_WHAT_WAS_SAID = re.compile(r"\s*(?:对此|对于?(?:这一?|此|该)(?:观点|看法|说法|判断|论断))")
# Only adverbs between the one who disagrees and the verb ('李明并不认同', '张三则当即反驳').
BETWEEN_SUBJECT_AND_VERB = re.compile(rf"^\s*(?:(?:表示|透露|坦言|称)?自己)?"
                                      rf"(?:对此|就此|当即|随即|立即|马上|很快|当场|{ADVERB_WORDS})*$")


def extract_disagreements(ctx: ArticleContext) -> list[Fact]:
    """disagreesWith: '<A>的观点,<B>并不认同', '<B>反驳<A>', '<B>不满<A>的言论'.

    The one who disagrees stands right before the verb; the other is a person whose view
    is named ('<A>的观点') or, for verbs that take a person, the name right after the verb.
    """
    facts = []
    for k, sentence in enumerate(ctx.sentences):
        people = [m for m in sentence.mentions if m.label == "Person"]
        for match in DISAGREE.finditer(sentence.text):
            verb_at, verb_end = sentence.start + match.start(), sentence.start + match.end()
            before = [p for p in people if p.end <= verb_at]
            if not before:
                continue
            subject = before[-1]
            text = ctx.article.text
            passive = text[max(0, subject.start - 1) : subject.start] == "被"  # '被周董否定'
            if passive or not BETWEEN_SUBJECT_AND_VERB.match(text[subject.end : verb_at]):
                continue
            other = _whose_view(ctx, people, subject, verb_end, match.group())
            if other is None and k > 0 and (REFERS_TO_WHAT_WAS_SAID.match(sentence.text)
                                            or re.search("对此|就此", text[subject.end : verb_at])):
                # '张三认为，…。对此，李四并不认同' ('但李四对此并不认同'): the view the sentence before reported
                speaker, _ = _speaker(ctx, ctx.sentences[k - 1], _quotes(ctx.sentences[k - 1]))
                if isinstance(speaker, Mention) and speaker.label == "Person" and speaker.text != subject.text:
                    other = speaker
            if other is not None:
                facts.append(ctx.fact(subject, "Person", "disagreesWith", other, "Person", sentence,
                                      "disagreement", 0.7))
                break
    return facts


def _whose_view(ctx: ArticleContext, people: list[Mention], subject: Mention, verb_end: int, verb: str):
    """The person disagreed with: named right after a verb that takes a person ('反驳了李四'),
    or whose view the sentence names ('李四的观点', '不满李四言论')."""
    for person in people:
        if person.text == subject.text:
            continue
        if person.start >= verb_end and re.fullmatch(r"了?", ctx.article.text[verb_end : person.start]):
            if verb.endswith(REJECTS_A_PERSON) or VIEW.match(ctx.article.text[person.end : person.end + 44]):
                return person
        elif person.end <= subject.start and VIEW.match(ctx.article.text[person.end : person.end + 44]):
            return person
    return None
