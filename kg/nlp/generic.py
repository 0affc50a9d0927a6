"""Category phrases are not names: 信托公司, 中资商业银行, 基金管理公司, 上市公司.

LAC tags such phrases as organizations. The guide: unnamed referents and generic nouns are
not entities. A phrase made only of generic modifiers (kinds of ownership, industry,
listing, size) and a generic head (公司, 银行, 机构 ...) names no particular organization;
one word more that is not generic (招商银行, 北京农村商业银行) makes it a name.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .components import ORG_LABELS, words_of
from .lac_tokenizer import analyse
from .lexicon import COUNTRIES, MAJOR_CITIES, PROVINCES, ROLE_HEADS, SPEECH_VERBS
from .names import is_person_name

GENERIC_MODIFIERS = (
    "中资", "外资", "合资", "独资", "国有", "国内", "海外", "境外", "境内", "大型", "中型", "小型", "中小型", "中小",
    "股份制", "股份", "商业", "地方", "城市", "农村", "农商", "上市", "非上市", "基金管理", "基金", "信托", "证券",
    "保险", "投资", "资产管理", "科技", "互联网", "金融", "银行系", "券商系", "私募", "公募", "民营", "国营",
    "相关", "有关", "其他", "各大", "多家", "部分", "一些", "主板", "中小板", "创业板", "新", "老", "外国", "中外",
    "非",  # 非银行系基金公司: a negated kind is a kind
    "大", "小",  # '这些大公司': of a size
    # Kinds of listed firm and fund: '中小市值公司', '零售行业公司', '偏股基金', '股票型基金'.
    "零售", "行业", "核心", "市值", "中小市值", "大盘", "小盘", "蓝筹", "偏股", "偏债", "股票型", "债券型", "混合型",
    "货币型", "指数型", "指数", "封闭式", "开放式", "股票", "债券", "货币", "混合", "平衡型", "配置型", "成长型",
    "价值型", "价值", "小规模", "大规模", "中等规模",  # '价值型基金', '小规模基金': of a style or size
    "众多", "明星", "偏股型", "偏债型", "品牌", "经纪", "问题", "家电", "一家", "一位", "某", "某家",
    "A股", "B股", "H股", "QDII", "ETF", "LOF", "内部", "外部", "灾区", "贫困", "农民工", "民办", "公办",
    # Levels of government: '省级政府', '市县级政府', '各级政府', '当地政府' are any such.
    "省级", "市级", "县级", "市县级", "乡镇", "基层", "各级", "当地", "上级", "中央和地方",
    # Lines of business: '留学咨询公司' is any firm of the trade until a name precedes it.
    "咨询", "中介", "留学", "房地产", "地产", "物业", "广告", "传媒", "物流", "快递", "电商", "网络", "软件",
    "医药", "汽车", "能源", "电力", "航空", "贸易", "外贸", "担保", "租赁", "理财", "直投", "创投", "风投",
    "评级", "会计师", "律师", "审计", "建筑", "装修", "家居", "旅游", "旅行", "餐饮", "教育", "培训",
    "游戏", "网络游戏", "电子", "通信", "制造", "生产", "销售", "服务", "技术", "信息", "信息服务", "新闻",
    "人工智能", "AI", "芯片", "半导体", "供应链", "新能源", "生物", "初创", "创业", "平台", "云计算", "大数据",
    "工程", "装饰", "设计", "施工", "建材", "文理", "理工", "师范", "医科", "农业", "财经", "政法", "工业", "外国语",
    "家装", "家具", "建筑装饰", "大模型", "模型", "研发", "算法", "产品", "项目", "电子商务", "控股", "企业",
    "公关", "营销", "运营", "管理", "实业", "开发", "发展", "国企", "央企", "参股", "城投", "类型",
    # Kinds of schools: '综合性国立大学' is any such university.
    "综合性", "综合", "国立", "公立", "私立", "重点", "知名", "著名", "普通", "名牌", "一流", "顶尖",
    "国际一流", "世界一流", "国际知名", "世界知名",
    # Standing in a trade: '老牌基金公司', '行业龙头企业', '一线基金公司'.
    "老牌", "龙头", "一线", "二线", "头部", "传统", "新兴",
    # All of a country's, or a programme's: '全国大学(英语四六级考试)', '全美大学', '211工程学校'.
    "全国", "全美", "全省", "全市", "211", "985", "211工程", "985工程",
)
GENERIC_HEADS = ("公司", "银行", "机构", "企业", "集团", "券商", "基金公司", "证券公司", "管理公司", "有限公司", "基金",
                 "股份有限公司", "有限责任公司", "大学", "学校", "学院", "中学", "小学", "医院", "团队", "工厂",
                 "门店", "分公司", "子公司", "频道", "政府", "协会", "商会", "学会")
GENERIC_ORG = re.compile(
    "^(?:" + "|".join(sorted(GENERIC_MODIFIERS, key=len, reverse=True)) + "|[\u4e00-\u9fff]{1,3}类"  # 家电类
    r"|(?:沪深|上证|深证|中证)\d{2,4})*"  # an index's funds: '沪深300基金'
    "(?:" + "|".join(sorted(GENERIC_HEADS, key=len, reverse=True)) + ")$"
)


# '男，汉族，…': an ethnic group in a biography, not an organization (the 56 groups officially
# recognised in China; a brand such as 魅族 only ends like one).
ETHNIC_GROUPS = frozenset(
    "汉 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
    "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺".split()
)


COUNTRY_HEADS = ("大学", "高校", "名校", "院校", "学校", "公司", "企业", "厂商", "车企", "房企", "药企",
                 "代表团", "媒体", "机构", "基金公司", "券商", "投资者", "基金")  # '瑞典的中国基金': funds of a country
COUNTRY_PHRASE = re.compile("^(?:" + "|".join(sorted(COUNTRIES, key=len, reverse=True)) + ")的?(?:"
                            + "|".join(sorted(COUNTRY_HEADS, key=len, reverse=True)) + ")$")


COUNTRY_INDUSTRY = re.compile("(?:" + "|".join(sorted(COUNTRIES, key=len, reverse=True)) + ")(?:"
                              + "|".join(("新能源", "地产", "房地产", "汽车", "能源", "制造",
                                          "互联网", "金融", "医药", "钢铁", "家居", "建材", "保险", "证券"))
                              + ")")
BRANCH_OF_A_PLACE = re.compile(r"[\u4e00-\u9fff]{2,3}[省市]?(?:分公司|子公司|办事处|代表处|营业部)")
_DIVISIONS = "|".join(sorted(PROVINCES + MAJOR_CITIES, key=len, reverse=True))
# A trade name may not be a division's name alone (lexicon.PROVINCES, MAJOR_CITIES), so
# '深圳多家基金公司', '北京基金公司' and '上海公司' are firms of a place, not names ('北京银行',
# '上海证券' and '南京大学' are: no kind below).
PLACE_AND_FIRM_KIND = re.compile(
    "^(?:" + _DIVISIONS + ")[省市]?"
    "(?:多家|几家|各家|一家|等地|地区|本地|当地)?(?P<kind>.*(?:公司|企业|机构|券商))$")


def is_generic_org(name: str) -> bool:
    """A category phrase, an ethnic group, or '…本报' / '…报讯' (this paper, a dateline) glued to text."""
    if name.endswith(("本报", "本刊", "报讯")) or COUNTRY_PHRASE.match(name):
        return True
    if re.search("[与和].+(?:合资|合营)(?:公司|企业)$", name):
        return True  # '甲与乙合资公司': which joint venture, the name that follows says
    if COUNTRY_INDUSTRY.fullmatch(name):
        return True  # '中国新能源', '中国地产': a country's industry, no firm
    if BRANCH_OF_A_PLACE.fullmatch(name):
        return True  # '郑州分公司', '上海办事处': some firm's branch in a city, the firm unnamed
    if (place_kind := PLACE_AND_FIRM_KIND.match(name)) and GENERIC_ORG.match(place_kind.group("kind")):
        return True  # '深圳多家基金公司', '上海一家银行系基金公司': firms of a place
    return GENERIC_ORG.match(name) is not None or (name.endswith("族") and name[:-1] in ETHNIC_GROUPS)


DIVISION = re.compile("^(?:" + _DIVISIONS + ")[省市]?$")


@Language.component("kg_generic_orgs")
def generic_orgs(doc: Doc) -> Doc:
    ents = list(doc.ents)
    kept = [e for k, e in enumerate(ents) if not (e.label_ in ORG_LABELS and (
        is_generic_org(e.text) or _place_and_kind(e)
        or _describes_the_next_name(doc, e, ents[k + 1] if k + 1 < len(ents) else None))
        or (e.label_ == "Product" and GENERIC_ORG.match(e.text)))]  # '开放式股票型基金': a kind of fund
    # '深圳/ORG 一家基金公司': a division's bare name is the place, whatever LAC tagged it.
    doc.ents = [Span(doc, e.start, e.end, label="Location") if e.label_ in ORG_LABELS and DIVISION.match(e.text)
                else e for e in kept]
    return doc


def _place_and_kind(ent) -> bool:
    """'苏州/LOC 上市公司': a place and a category phrase name any such firm there, not one (but
    '东吴/LOC 基金公司' is a fund house: places name financial firms)."""
    kind = ent[1].text if len(ent) == 2 else ""
    return (ent[0].tag_ == "LOC" and is_generic_org(kind) and kind not in GENERIC_HEADS
            and not kind.startswith(("基金", "证券", "保险", "信托", "银行")))


def _describes_the_next_name(doc: Doc, ent, following) -> bool:
    """'美国人工智能公司Anthropic': a category phrase (after a place) right before an organization's
    name describes that one; it is no name of its own."""
    if following is None or following.start != ent.end or following.label_ not in ORG_LABELS:
        return False
    if is_generic_org(ent.text):
        return True
    # A place LAC knows on its own before a category phrase: 美国 (人工智能公司).
    return any(is_generic_org(ent.text[k:]) and analyse(ent.text[:k]) == [(ent.text[:k], "LOC")] for k in (2, 3))


# LAC sometimes glues a name to the count after it: '东吴4家' (公司) is 东吴 + 4家.
_NAME_AND_COUNT = re.compile(r"([\u4e00-\u9fff]{2,})(\d+[家个所只位名])")
_COUNTERS = set("家个所只位名")
_COUNT_IN_TEXT = re.compile(r"[\u4e00-\u9fff]\d+[家个所只位名]")


@Language.component("kg_split_counts")
def split_counts(doc: Doc) -> Doc:
    """Split a name glued to a count into two tokens; an entity over it keeps only the name."""
    if not _COUNT_IN_TEXT.search(doc.text):  # most documents: nothing to look at token by token
        return doc
    texts = words_of(doc).texts
    cuts = [(i, m.group(1), m.group(2), "m") for i, text in enumerate(texts) if text[-1:] in _COUNTERS
            and (m := _NAME_AND_COUNT.fullmatch(text))]
    _split_tokens(doc, cuts, None)
    return doc


# '国家发改委能源研究所康艳兵/ORG 告诉记者': an organization's name glued to the person speaking for it.
_ORG_PART = re.compile(
    r"[\u4e00-\u9fff]{2,}?(?:研究所|研究院|研究中心|有限公司|公司|集团|银行|协会|学会|大学|学院|委员会|基金会"
    r"|事务所|中心|研究会)")


@Language.component("kg_split_glued_names")
def split_glued_names(doc: Doc) -> Doc:
    """Split what LAC glued into one word: an organization and the name after it, a name and the
    verb that gives it a post, a site and its dateline (讯), a name and a conjunction or the modal
    会, a byline's reporter and the firm after it, a name and 昨/今. Each kind of cut reads the
    words again: a split renumbers the tokens after it."""
    for find, second_label, first_as in _GLUE:
        _split_tokens(doc, find(doc, words_of(doc)), second_label, first_as)
    return doc


def _org_then_person(doc: Doc, words) -> list[tuple[int, str, str, str]]:
    """'国家发改委能源研究所康艳兵/ORG 告诉': the organization keeps its part, the name is a Person."""
    texts, tags, cuts = words.texts, words.tags, []
    for i, text in enumerate(texts[:-1]):
        if tags[i] != "ORG" or not (tags[i + 1] == "v" or texts[i + 1] in SPEECH_VERBS) or _ORG_PART.fullmatch(text):
            continue  # a name that ends like an organization ('中国邮政集团公司') is one
        for size in (3, 2):  # the person's name: three characters when it can be, else two
            if _ORG_PART.fullmatch(text[:-size]) and is_person_name(text[-size:]) and len(text) - size >= 4:
                cuts.append((i, text[:-size], text[-size:], "PER"))
                break
    return cuts


def _name_then_post_verb(doc: Doc, words) -> list[tuple[int, str, str, str]]:
    """'聘任胡东良任/ORG 公司副总经理': a name glued to the verb that gives it a post."""
    texts, tags = words.texts, words.tags
    return [(i, m.group(1), m.group(2), "v") for i, text in enumerate(texts[:-1])
            if tags[i] == "ORG" and (m := _NAME_AND_POST_VERB.fullmatch(text)) and is_person_name(m.group(1))
            and (texts[i + 1] in ("公司", "该公司", "本公司") or texts[i + 1].endswith(ROLE_HEADS))]


def _site_then_dateline(doc: Doc, words) -> list[tuple[int, str, str, str]]:
    """'新浪体育讯/ORG 记者': a site's dateline (not the 讯 of 通讯, 资讯)."""
    return [(i, m.group(1), m.group(2), "w") for i, text in enumerate(words.texts[:-1])
            if words.tags[i] in ("ORG", "nz") and (m := _OUTLET_DATELINE.fullmatch(text))]


def _name_then_conjunction(doc: Doc, words) -> list[tuple[int, str, str, str]]:
    """'红星美凯龙与/ORG 居然之家/ORG', '新浪乐居会/ORG 越/d 走越好': a conjunction or the modal 会
    glued to a name the text also writes alone ('巴黎科学与/ORG 文学集团/ORG' is one name, 巴黎科学
    no other; '甲与乙合资公司' is a description)."""
    texts, tags, cuts = words.texts, words.tags, []
    for i, text in enumerate(texts[:-1]):
        if tags[i] != "ORG" or len(text) < 3 or text[-1] not in "与及和会":
            continue
        if text[-1] == "会":
            glued = not text.endswith(("协会", "学会")) and tags[i + 1] in ("d", "v", "ad")
        else:
            glued = tags[i + 1] in ("ORG", "LOC", "PER", "nz") and not re.search("(?:合资|合营)(?:公司|企业)$",
                                                                                texts[i + 1])
        if glued and doc.text.count(text[:-1]) > doc.text.count(text):  # (the text's count last: it reads it all)
            cuts.append((i, text[:-1], text[-1], "v" if text[-1] == "会" else "c"))
    return cuts


def _reporter_then_firm(doc: Doc, words) -> list[tuple[int, str, str, str]]:
    """'本报记者 潘琦银华基金管理公司/ORG 今日发布公告': a byline's reporter and the firm the story opens with."""
    texts, tags, cuts = words.texts, words.tags, []
    for i, text in enumerate(texts[:-1]):
        if tags[i] != "ORG" or i < 1 or not _AFTER_REPORTER.search("".join(texts[max(0, i - 2) : i])):
            continue
        size = next((k for k in (3, 2) if is_person_name(text[:k]) and _ORG_PART.fullmatch(text[k:])
                     and len(text) - k >= 4 and _begins_a_name_elsewhere(doc.text, text, k)), None)
        if size:
            cuts.append((i, text[:size], text[size:], "ORG"))
    return cuts


def _name_then_day(doc: Doc, words) -> list[tuple[int, str, str, str]]:
    """'祝兴祥昨/PER 在会上透露': a name glued to 昨 or 今 (yesterday, today) before what they did."""
    return [(i, text[:-1], text[-1], "TIME") for i, text in enumerate(words.texts[:-1])
            if words.tags[i] == "PER" and len(text) >= 3 and text[-1] in "昨今" and is_person_name(text[:-1])]


# Each kind of glue: (finder, label of the second part as an entity, (tag, label) the first part takes).
_GLUE = (
    (_org_then_person, "Person", None),
    (_name_then_post_verb, None, ("PER", "Person")),
    (_site_then_dateline, None, None),
    (_name_then_conjunction, None, ("ORG", "Organization")),
    (_reporter_then_firm, "Organization", ("PER", "Person")),
    (_name_then_day, None, ("PER", "Person")),
)


def _begins_a_name_elsewhere(text: str, token: str, k: int) -> bool:
    """The text writes token[k:k+2] elsewhere after another character than token[k-1]: there a
    name begins (潘琦 + 银华基金…, where 银华 stands alone; not 潘琦银 + 华基金…, always 银华)."""
    head = token[k : k + 2]
    return any(text[m.start() - 1 : m.start()] != token[k - 1] for m in re.finditer(re.escape(head), text))


_AFTER_REPORTER = re.compile(r"(?:记者|通讯员|撰稿)\s*[:：]?\s*$")
_NAME_AND_POST_VERB = re.compile(r"([\u4e00-\u9fff]{2,3})(任|为|出任|担任)")
# '新浪体育讯/ORG 记者', '新浪体育讯驻美/ORG 记者', '新浪体育讯/ORG 106比100': a dateline glued to a name.
_OUTLET_DATELINE = re.compile(r"([\u4e00-\u9fff]{2,}?[^通资快电简喜音传审问闻死短视彩])(讯(?:驻[\u4e00-\u9fff]{1,3}"
                              r"|[\u4e00-\u9fff·]{1,6})?)")


def _split_tokens(doc: Doc, cuts: list[tuple[int, str, str, str]], second_label: str | None,
                  first_as: tuple[str, str] | None = None) -> None:
    """Split token i into (first, second) for each cut, the second part tagged as given. An entity
    over a split token keeps the first part (`first_as`: (tag, label) it takes instead);
    `second_label`: the second part becomes an entity too."""
    if not cuts:
        return
    spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    tokens = [(doc[i], first, second, tag) for i, first, second, tag in cuts]
    with doc.retokenize() as retokenizer:
        for token, first, second, tag in tokens:
            first_tag = first_as[0] if first_as else token.tag_
            tags = [doc.vocab.strings.add(first_tag), doc.vocab.strings.add(tag)]
            retokenizer.split(token, [first, second], heads=[(token, 0), (token, 0)], attrs={"TAG": tags})
    glued = {(token.idx, token.idx + len(first) + len(second)): len(first) for token, first, second, _ in tokens}
    ents = []
    for start, end, label in spans:
        cut = next((start + size for (a, b), size in glued.items() if a >= start and b == end), None)
        if cut is not None and first_as:
            label = first_as[1]
        span = doc.char_span(start, cut if cut is not None else end, label=label)
        if span is not None:
            ents.append(span)
    if second_label is not None:
        taken = {i for e in ents for i in range(e.start, e.end)}
        for token, first, second, _ in tokens:
            part = doc.char_span(token.idx + len(first), token.idx + len(first) + len(second), label=second_label)
            if part is not None and not taken & set(range(part.start, part.end)):
                ents.append(part)
    doc.ents = sorted(ents, key=lambda e: e.start)
