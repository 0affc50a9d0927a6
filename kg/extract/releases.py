"""releases (Organization -> Product, date) and publishes (Organization -> Report or Ranking, date)."""

from __future__ import annotations

import re

from ..model import Fact, Mention
from ..nlp.lexicon import BRAND_AND_CODE, DEVICE_NOUNS
from ..nlp.products import COMPANY_FORMS as FUND_COMPANY_FORMS
from .context import ArticleContext, Sentence, clause_end, coarse, could_name_a_firm, of_type, overlaps_a_mention
from .normalize import parse_date

# (开源了 a model releases it; 开源模型, 开源社区 are kinds of things)
# ('<maker>近期上市的<product>': 上市 before 的 launches a product; a firm's own 上市 is its listing)
RELEASE_VERBS = re.compile(r"发布|推出|开发出|研发出|上线|首发|亮相|打造出|面世|发布了|推出了|上市(?=的)"
                           r"|开源了?(?!模型|大模型|社区|项目|生态)")
PUBLISH_VERBS = re.compile(r"发布|公布|发表|推出|披露|出炉")
TIME_WORDS = re.compile(r"^(?:近日|日前|今年|去年|此前|目前|当天|同日|当日|昨天|昨日|今天|本周|上周)+")
# '近日<name>发布…': a publisher LAC did not tag, right before the verb.
NAME_BEFORE_VERB = re.compile(
    r"(?:^|[，,。\s]|近日|日前|此前|今年以来|\d+日)([\u4e00-\u9fffA-Za-z]{2,8})(?:\d{1,2}月\d{1,2}日|\d{1,2}日)?"
    r"(?:正式|近日|日前|再次|首次)?$"  # ('理想汽车3月5日推出了…': the date after the name)
)


def maker_type(maker: Mention) -> str:
    """A maker of products is a company unless its name says otherwise (an institute, an agency)."""
    return "Company" if maker.label == "Organization" else maker.label


_NOTE = re.compile(r"[(（][^()（）]{1,20}[)）]")


def _subject(ctx: ArticleContext, sentence: Sentence, verb_at: int) -> Mention | None:
    """The organization acting: the nearest one before the verb in the sentence, or, when the
    verb opens the sentence ('开发出X,…企业Y创始人Z'), the organization the clause describes."""
    text = ctx.article.text
    orgs = [m for m in of_type(sentence.mentions, "Organization") if m.end <= verb_at]
    if orgs:
        org = max(orgs, key=lambda m: (m.end, m.end - m.start))  # a unit, not the parent named inside it
        between = text[org.end : verb_at]
        if not re.search(r"[。；;]", between) and len(_NOTE.sub("", between)) <= 30:
            return org  # (a bracketed note does not count: '…黄仁勋（Jensen Huang）则在…上发布了')
    if re.search(r"(^|[”，,：:])\s*$", text[sentence.start : verb_at]):
        people = [m for m in sentence.mentions if m.label == "Person" and m.start > verb_at]
        if people:
            candidates = [m for m in of_type(sentence.mentions, "Organization") if verb_at < m.end <= people[0].start]
            if candidates:
                return candidates[-1]
    return None


def name_makers(ctx: ArticleContext) -> list[Fact]:
    """Makers LAC did not tag, named as they release a product ('理想汽车3月5日推出了理想L6'), become
    mentions before any extractor runs: '该公司总裁' in the next sentence refers to them."""
    for sentence, verb_at, _, products in _releases(ctx):
        if products and _subject(ctx, sentence, verb_at) is None:
            _unnamed_maker(ctx, sentence, verb_at)
    return []


def _releases(ctx: ArticleContext):
    """(sentence, verb start, verb end, products after the verb in its clause) for each release verb."""
    text = ctx.article.text
    for sentence in ctx.sentences:
        for verb in RELEASE_VERBS.finditer(sentence.text):
            end = clause_end(text, sentence.start + verb.end(), sentence.end)
            yield sentence, sentence.start + verb.start(), sentence.start + verb.end(), [
                m for m in sentence.mentions if coarse(m.label) == "Product"
                and sentence.start + verb.end() <= m.start < end]


def extract(ctx: ArticleContext) -> list[Fact]:
    facts = []
    text = ctx.article.text
    for sentence, verb_at, verb_end, products in _releases(ctx):
        if not products:
            facts.extend(_described_release(ctx, sentence, verb_at, verb_end)
                         or _released_clause(ctx, sentence, verb_at, verb_end))
            continue
        subject = _subject(ctx, sentence, verb_at) or _unnamed_maker(ctx, sentence, verb_at)
        if subject is None:
            continue
        date = parse_date(text[sentence.start : verb_at], ctx.article.context_date)
        for maker in _with_partners(ctx, sentence, subject):
            for product in _joined(products, text):
                facts.append(ctx.fact(maker, maker_type(maker), "releases", product, product.label, sentence,
                                      "releases", 0.8 if subject.source != "releases" else 0.6, date=date))
    for sentence in ctx.sentences:
        facts.extend(_on_sale(ctx, sentence))
        facts.extend(_fund_launches(ctx, sentence))
        facts.extend(_publishes(ctx, sentence))
        facts.extend(_made_by(ctx, sentence))
    return facts


# '“本源悟空”由本源量子自主研发': a product, then 由 and the organization that developed it.
MADE_BY = re.compile(r"^[”」\"]?(?:是|则)?由$")
DEVELOPED = re.compile(r"^(?:自主|独立|联合|共同|全新)?(?:研发|开发|研制|打造|推出|发布)")


def _made_by(ctx: ArticleContext, sentence: Sentence) -> list[Fact]:
    text = ctx.article.text
    facts = []
    for product in [m for m in sentence.mentions if coarse(m.label) == "Product"]:
        makers = [m for m in of_type(sentence.mentions, "Organization")
                  if m.start > product.end and MADE_BY.match(text[product.end : m.start])]
        if makers and DEVELOPED.match(text[makers[0].end : makers[0].end + 6]):
            facts.append(ctx.fact(makers[0], maker_type(makers[0]), "releases", product, product.label, sentence,
                                  "releases", 0.7))
    return facts


def _joined(products: list[Mention], text: str) -> list[Mention]:
    """The first product after the verb and those joined to it ('发布甲4.5和甲X1'), not a product
    named further on in the clause."""
    joined = products[:1]
    for product in products[1:]:
        if not JOINS_PRODUCTS.fullmatch(text, joined[-1].end, product.start):
            break
        joined.append(product)
    return joined


# Between two products released together: a conjunction, perhaps after the first one's kind
# ('推出Mate 70系列手机及MatePad Pro平板电脑').
JOINS_PRODUCTS = re.compile(r"(?:系列)?(?:" + "|".join(DEVICE_NOUNS) + r"|产品)?(?:和|与|及|以及|、)")


def _unnamed_maker(ctx: ArticleContext, sentence: Sentence, verb_at: int) -> Mention | None:
    """'音悦汇日前正式发布T8HD': a maker LAC did not tag, opening the clause right before the verb."""
    named = NAME_BEFORE_VERB.search(ctx.article.text[sentence.start : verb_at])
    if named is None:
        return None
    lead = TIME_WORDS.sub("", named.group(1))
    name = TRAILING_ADVERBS.sub("", lead)
    start = sentence.start + named.start(1) + len(named.group(1)) - len(lead)
    if len(name) < 2 or not could_name_a_firm(ctx, name, start):
        return None
    if overlaps_a_mention(sentence, start, start + len(name)):
        return None  # a person, place or product: not an unnamed maker
    return ctx.add_mention(sentence, start, start + len(name), "Company", "releases")


# '音悦汇日前正式(发布)': the adverbs before the verb are not part of the name.
TRAILING_ADVERBS = re.compile(r"(?:日前|近日|正式|再次|首次|今天|昨天|今日|昨日|已经|也|又|还|将|最新|刚刚|新)+$")
# '<product>(正式)上市': the product comes first, its maker before it ('小米旗下的Redmi Note13').
# (a kind word may come between: '佳能EOS7D单反相机新近上市')
ON_SALE = re.compile(r"^(?:(?:单反|数码|卡片|长焦)?相机|手机|笔记本|平板电脑|镜头)?"
                     r"(?:正式|已|已经|将|即将|全面|近日|日前|新近|近期)*(?:上市|发售|开售|面世|亮相)")
MAKER_OF = re.compile(r"^(?:旗下|推出|新推出|最新推出|发布|新款)?(?:的|之)?(?:新款|最新款|全新)?$")


def _on_sale(ctx: ArticleContext, sentence: Sentence) -> list[Fact]:
    """'小米旗下的Redmi Note13正式上市': released by the organization right before the product."""
    text = ctx.article.text
    facts = []
    for product in [m for m in sentence.mentions if coarse(m.label) == "Product"]:
        if not ON_SALE.match(text[product.end : product.end + 8]):
            continue
        makers = [m for m in of_type(sentence.mentions, "Organization") if m.end <= product.start]
        if makers and MAKER_OF.match(text[makers[-1].end : product.start]):
            facts.append(ctx.fact(makers[-1], maker_type(makers[-1]), "releases", product, product.label, sentence,
                                  "releases", 0.7))
        elif not makers and (model := BRAND_AND_CODE.fullmatch(product.text)) is not None:
            facts.append(_released_by_brand(ctx, sentence, product, model))  # '佳能EOS7D新近上市'
    return facts


def _released_by_brand(ctx: ArticleContext, sentence: Sentence, product: Mention, model: re.Match,
                       date: str | None = None) -> Fact:
    """The brand that begins a brand + model name (富士 of 富士F60) releases the product."""
    brand = ctx.add_mention(sentence, product.start, product.start + len(model.group(1)), "Company", "releases")
    return ctx.fact(brand, maker_type(brand), "releases", product, product.label, sentence, "releases", 0.6,
                    date=date)


# '<product>(资料 报价)是<org>(在)(最近|刚刚)发布的一款…': the product is named first.
DESCRIBED_AS = re.compile(r"^(?:[(（][^()（）]{0,20}[)）])?\s*是$")


def _described_release(ctx: ArticleContext, sentence: Sentence, verb_at: int, verb_end: int) -> list[Fact]:
    """'尼康S570是尼康在最近发布的一款卡片机': product, 是, the maker, then the verb and 的."""
    text = ctx.article.text
    if not re.match(r"(?:了)?(?:不久)?的", text[verb_end : verb_end + 4]):
        return []
    if own := _released_by_its_brand(ctx, sentence, verb_at):
        return own
    orgs = [m for m in of_type(sentence.mentions, "Organization") if m.end <= verb_at]
    if not orgs or re.search(r"[，,。；;]", text[orgs[-1].end : verb_at]) or verb_at - orgs[-1].end > 12:
        return []
    org = orgs[-1]
    products = [m for m in sentence.mentions if coarse(m.label) == "Product" and m.end <= org.start]
    if not products or not DESCRIBED_AS.match(text[products[-1].end : org.start]):
        return []
    date = parse_date(text[sentence.start : verb_at], ctx.article.context_date)
    return [ctx.fact(org, maker_type(org), "releases", products[-1], products[-1].label, sentence, "releases", 0.7,
                     date=date)]


# A fund is launched when it is offered, approved or set up ('拟于近期发售', '正式获批', '将于…发行').
FUND_LAUNCH = re.compile(r"发售|发行|获批|获准|募集|认购|成立")
# '…基金公司旗下第11只开放式基金——<fund>', '公司2009年第一只基金产品——<fund>', '公司旗下的<fund>'
ITS_FUND = re.compile(r"(?:旗下|公司)[^，,。；;]{0,16}?(?:——|的)$")


def _fund_launches(ctx: ArticleContext, sentence: Sentence) -> list[Fact]:
    """'国泰基金公司旗下第11只开放式基金——国泰双利债券证券投资基金日前正式获批，拟于近期发售':
    a fund company releases the fund it launches; the fund is its own by 旗下 or a dash after the
    company, or by a name that begins with the company's (泰信基金 … 泰信蓝筹精选股票型基金)."""
    text, facts = ctx.article.text, []
    firms = [m for m in of_type(sentence.mentions, "Organization") if m.text.endswith(FUND_COMPANY_FORMS)]
    for fund in [m for m in sentence.mentions if coarse(m.label) == "Product" and m.text.endswith("基金")]:
        launch = FUND_LAUNCH.search(text, fund.end, sentence.end)
        before = [f for f in firms if f.end <= fund.start]
        if launch is None or not before:
            continue
        firm = before[-1]
        stem = firm.text[: -len(next(e for e in FUND_COMPANY_FORMS if firm.text.endswith(e)))]  # longest first
        if not (ITS_FUND.search(text, firm.end, fund.start) or (len(stem) >= 2 and fund.text.startswith(stem))):
            continue
        date = parse_date(text[fund.end : launch.start()], ctx.article.context_date)
        facts.append(ctx.fact(firm, "Company", "releases", fund, fund.label, sentence, "releases", 0.7, date=date))
    return facts


# '<product>是其(最近)推出的一款…': 其 is the maker, whose brand begins the product's name.
BY_ITS_MAKER = re.compile(r"^\s*是其(?:在)?(?:最近|最新|刚刚|新近|近日|日前|今年|年初|此前)?$")


def _released_by_its_brand(ctx: ArticleContext, sentence: Sentence, verb_at: int) -> list[Fact]:
    """'富士F60是其推出的一款卡片相机': released by 富士, the brand of the brand + model name."""
    text = ctx.article.text
    products = [m for m in sentence.mentions if coarse(m.label) == "Product" and m.end <= verb_at]
    if not products or not BY_ITS_MAKER.match(text[products[-1].end : verb_at]):
        return []
    product = products[-1]
    model = BRAND_AND_CODE.fullmatch(product.text)
    if model is None:
        return []
    return [_released_by_brand(ctx, sentence, product, model)]


# '…，于今年9月份刚刚发布，': a clause that is only a time, adverbs and the verb.
ONLY_WHEN = re.compile(r"(?:^|[，,])\s*(?:于|在)?[^，,。；;\s]{0,10}?(?:刚刚|正式|已经|已|首次|最新|才)?$")


def _released_clause(ctx: ArticleContext, sentence: Sentence, verb_at: int, verb_end: int) -> list[Fact]:
    """'佳能 7D 无疑是本年度最关注的产品之一，于今年9月份刚刚发布，…': the product the sentence
    is about was released, by the brand its brand + model name begins with."""
    text = ctx.article.text
    clause = ONLY_WHEN.search(text, sentence.start, verb_at)
    if clause is None or not re.match(r"[，,。；;]|$", text[verb_end : verb_end + 1]):
        return []
    start = clause.start()
    products = [m for m in sentence.mentions if coarse(m.label) == "Product" and m.end <= start]
    model = BRAND_AND_CODE.fullmatch(products[0].text.replace(" ", "")) if len(products) == 1 else None
    if model is None or any(coarse(m.label) == "Organization" for m in sentence.mentions if m.end <= start):
        return []
    date = parse_date(text[start:verb_at], ctx.article.context_date)
    return [_released_by_brand(ctx, sentence, products[0], model, date)]


def _publishes(ctx: ArticleContext, sentence: Sentence) -> list[Fact]:
    text = ctx.article.text
    facts = []
    for verb in PUBLISH_VERBS.finditer(sentence.text):
        verb_at = sentence.start + verb.start()
        after = sentence.start + verb.end()
        works = [m for m in sentence.mentions if m.label in ("Report", "Ranking") and after <= m.start <= after + 25
                 and m.source != "rankings"]
        if not works:
            continue
        work = works[0]
        subject = _subject(ctx, sentence, verb_at)
        if subject is None:
            named = NAME_BEFORE_VERB.search(text[sentence.start : verb_at])
            name = TRAILING_ADVERBS.sub("", TIME_WORDS.sub("", named.group(1))) if named else ""
            start = sentence.start + named.end(1) - len(name) if named else 0
            if len(name) < 2 or not could_name_a_firm(ctx, name, start):
                continue  # not '下一次中国高校(推出…)'
            subject = ctx.add_mention(sentence, start, start + len(name), "Organization", "publishes")
        date = parse_date(text[sentence.start : verb_at], ctx.article.context_date)
        for publisher in _with_partners(ctx, sentence, subject):
            facts.append(ctx.fact(publisher, "Organization", "publishes", work, work.label, sentence, "publishes",
                                  0.8, date=date))
    # '上海交大“世界大学学术排名500强”', '某协会的2024百强榜': a list named with whose it is
    for work in [m for m in sentence.mentions if m.label in ("Report", "Ranking")]:
        owner = [o for o in of_type(sentence.mentions, "Organization") if text[o.end : work.start] in OWNS]
        if owner and not any(f.object == work.text for f in facts):
            facts.append(ctx.fact(owner[-1], "Organization", "publishes", work, work.label, sentence, "publishes",
                                  0.6))
    return facts


OWNS = ("“", "的“", "的", "《", "的《")


def _with_partners(ctx: ArticleContext, sentence: Sentence, subject: Mention) -> list[Mention]:
    """'由上海证券报和理柏中国共同推出的…': the organizations coordinated with the subject act too."""
    text, acting = ctx.article.text, [subject]
    for org in reversed([m for m in of_type(sentence.mentions, "Organization") if m.end <= subject.start]):
        if text[org.end : acting[-1].start] not in ("和", "与", "及", "、", "以及", "联合", "携手"):
            break
        acting.append(org)
    # '生数科技联合清华大学发布…': a partner LAC did not name, opening the clause before 联合
    lead = PARTNER_BEFORE.search(text, sentence.start, acting[-1].start)
    if lead is not None and could_name_a_firm(ctx, lead.group(1), lead.start(1)) and not overlaps_a_mention(
            sentence, lead.start(1), lead.end(1)):
        acting.append(ctx.add_mention(sentence, lead.start(1), lead.end(1), "Company", "releases"))
    return acting


PARTNER_BEFORE = re.compile(r"(?:^|[，,；;：:\s])(?:\d{1,2}月\d{1,2}日，?)?([\u4e00-\u9fffA-Za-z]{2,8}?)(?:联合|携手)$")
