"""Brand + model code names a product: 尼康S570, 佳能IXUS120 IS, 小米MIX4, 佳能 7D.

Technology news names devices by the maker's brand followed by a Latin-and-digit model
code. LAC tags such a run as an organization (尼康S570/ORG), as a bare word (纽曼X1/nz)
or splits it (佳能/ORG + IXUS120/nz). A run is a model when its code has both a letter
and a digit (S570, 7D, X1): prices (189), years and plain acronyms (IXUS, MP3) are not,
and neither are report periods (Q3, H1), index names before 基金/指数 (富时A50基金) or
viruses (甲型H1N1流感).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .components import ORG_LABELS, merge_ents, words_of
from .lexicon import BRAND, BRAND_AND_CODE, CODE, DEVICE_NOUNS, ROLE_HEADS

CODE_ONLY = re.compile(CODE)
DIGITS = re.compile(r"\d{1,4}")
_CHIP_SERIES = re.compile(r"[\u4e00-\u9fff]{2,4}")
_CHIP_NUMBER = re.compile(r"\d{3,5}[A-Za-z]{0,2}")
SUFFIX = re.compile(r"[A-Z]{1,3}|Pro|Max|Plus|Ultra|Mini|Lite|SE")
NOT_A_MODEL = re.compile(r"[Qq][1-4]|[Hh][12]")  # a quarter or a half year, no model (but 哈弗H6)
NOT_AFTER = ("基金", "指数", "财报", "季报", "股", "季度", "年报", "流感", "病毒", "疫情", "疫苗", "病例")
BRAND_TAGS = ("ORG", "nz")
_LETTER_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


@Language.component("kg_brand_models")
def brand_models(doc: Doc) -> Doc:
    words = words_of(doc)
    if not _LETTER_OR_DIGIT.search(words.text):
        return doc
    org_at = {i: e for e in doc.ents if e.label_ in ORG_LABELS for i in range(e.start, e.end)}
    spans: list[Span] = []
    i, n = 0, len(words.texts)
    while i < n:
        end = _model_at(words.texts, words.tags, i, org_at)
        if end:
            spans.append(Span(doc, i, end, label="Product"))
            i = end
        else:
            i += 1
    if spans:
        merge_ents(doc, spans)
    return doc


def _model_at(texts: list[str], tags: list[str], i: int, org_at: dict) -> int:
    """The end of a brand + model run starting at token i, or 0 (token texts and tags as lists:
    this runs on every token)."""
    n = len(texts)
    whole = BRAND_AND_CODE.fullmatch(texts[i])
    if whole and tags[i] in BRAND_TAGS and not NOT_A_MODEL.fullmatch(whole.group(2)):
        end = i + 1
    else:
        brand = org_at.get(i)
        if brand is None and _CHIP_SERIES.fullmatch(texts[i]) and tags[i] in ("n", "nz", "PER", "LOC") and (
                i + 2 < n and _CHIP_NUMBER.fullmatch(texts[i + 1]) and texts[i + 2] in ("芯片", "处理器")):
            return i + 2  # '搭载麒麟/n 9020 芯片': a chip series and its number, before the kind
        if brand is None or brand.start != i or not re.fullmatch(BRAND, brand.text):
            return 0
        end = brand.end
        if end < n and texts[end] == " ":
            end += 1
        if end >= n or NOT_A_MODEL.fullmatch(texts[end]):
            return 0
        numbered = DIGITS.fullmatch(texts[end]) and end + 1 < n and texts[end + 1] in DEVICE_NOUNS
        if not (CODE_ONLY.fullmatch(texts[end]) or numbered):  # '魅族21手机': digits, then the device
            return 0
        end += 1
    if end + 1 < n and texts[end] == " " and SUFFIX.fullmatch(texts[end + 1]):
        end += 2
    if end < n and texts[end].startswith(NOT_AFTER):
        return 0
    return end


# '鄱阳湖产业投资基金', '长盛中信全债指数基金': a kind of fund in the name makes it a fund (a product).
FUND_KIND = re.compile(r"(?:产业投资|股权投资|创业投资|合作|系列|指数|货币|债券|股票|混合|主题|成长|增长|优势|精选|"
                       r"配置)基金$")
COMPANY_FORMS = ("基金管理有限公司", "基金管理公司", "基金公司", "基金")
_FIRM_ENDING = re.compile("(?:基金|公司|集团|银行|证券|管理|资产|投资|控股)$")  # a house, never its fund


def only_a_kind_of_fund(name: str) -> bool:
    """'交易型指数基金', '沪深300指数基金': the words before the fund's kind say only what kind it is."""
    kind = FUND_KIND.search(name)
    return kind is not None and GENERIC_FUND_WORDS.fullmatch(name[: kind.start()]) is not None


@Language.component("kg_fund_products")
def fund_products(doc: Doc) -> Doc:
    """Funds are products of fund companies: a name ending in 基金 is a fund when its words say
    what kind (产业投资基金, 指数基金), or when it extends the name of a fund company the same
    document names ('长盛同德主题增长基金' beside '长盛基金'; '易方达科瑞' before 基金经理 beside 易方达)."""
    ents = list(doc.ents)
    companies = set()
    for e in ents:
        if e.label_ in ORG_LABELS:
            form = next((f for f in COMPANY_FORMS if e.text.endswith(f)), None)
            if form and 2 <= len(e.text) - len(form) <= 6:
                companies.add(e.text[: -len(form)])
    changed, generic = False, set()
    names = companies | {e.text for e in ents if e.label_ in ORG_LABELS}
    text = words_of(doc).text
    for k, e in enumerate(ents):
        if (e.label_ in ORG_LABELS and text.startswith("基金经理", e.end_char) and not _FIRM_ENDING.search(e.text)
                and any(e.text.startswith(name) and len(e.text) - len(name) >= 2 for name in names)):
            ents[k] = Span(doc, e.start, e.end, label="Product")  # '易方达科瑞/ORG 基金经理' beside 易方达
            changed = True
            continue
        if e.label_ not in ORG_LABELS or not e.text.endswith("基金") or e.text.endswith(COMPANY_FORMS[:3]):
            continue
        stem = e.text[:-2]
        of_a_company = any(stem.startswith(c) and len(stem) - len(c) >= 2 for c in companies)
        if only_a_kind_of_fund(e.text):
            before = ents[k - 1] if k > 0 else None
            if before is not None and before.label_ in (*ORG_LABELS, "Location") and before.end == e.start:
                ents[k - 1], ents[k] = None, Span(doc, before.start, e.end, label="Product")
                changed = True  # '工银瑞信' (or '南方'/LOC) + '沪深300指数基金': that fund house's fund
                continue
            generic.add(k)  # '交易型指数基金', '沪深300指数基金': a kind of fund, no fund
        elif of_a_company or (len(e.text) >= 5 and FUND_KIND.search(e.text)):
            ents[k] = Span(doc, e.start, e.end, label="Product")
            changed = True
    for k in range(1, len(ents)):  # '长盛中信' + '全债指数基金': a fund is named after its manager
        before, fund = ents[k - 1], ents[k]
        if before is None or fund is None:
            continue
        if fund.label_ == "Product" and fund.text.endswith("基金") and before.label_ in ORG_LABELS \
                and before.end == fund.start and k - 1 not in generic and not before.text.endswith(COMPANY_FORMS[:3]):
            ents[k - 1], ents[k] = None, Span(doc, before.start, fund.end, label="Product")
            changed = True
    if changed or generic:
        doc.ents = [e for k, e in enumerate(ents) if k not in generic and e is not None]
    return doc


# Words that say what kind a fund is, and nothing of whose it is.
GENERIC_FUND_WORDS = re.compile(r"(?:交易型|开放式|封闭式|上市型?|债券型|股票型|混合型|指数型|货币型|基金|ETF|LOF|QDII|"
                                r"保本型?|创新型|分级|新|老|大型|小型|巨型|同类|此类|该类|各类|这类|其他|"
                                r"沪深300|中证\d+|上证\d+|深证\d+|中小板|创业板)*")  # '沪深300指数基金': any such


_ROLE_AHEAD = re.compile(r"^(?:[\u4e00-\u9fff]{1,3}部)?(?:常务|执行|首席|高级)?副?(?:" + "|".join(
    sorted(set(ROLE_HEADS), key=len, reverse=True)) + r")")


@Language.component("kg_fund_companies")
def fund_companies(doc: Doc) -> Doc:
    """'招商/vn 基金 产品部总监', '东吴/LOC 基金 投资总监', '建信/v 基金 旗下': a fund company is
    '<name>基金'; before a title (or a department and a title) or 旗下 the name is one whatever LAC
    tagged it, unless it says what kind of fund (货币基金经理)."""
    texts = words_of(doc).texts
    if "基金" not in texts:
        return doc
    taken = {i: e for e in doc.ents for i in range(e.start, e.end)}
    spans = []
    for i in range(1, len(texts) - 1):
        name, before = texts[i - 1], taken.get(i - 1)
        if texts[i] != "基金" or i in taken or not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name):
            continue
        if before is not None and not (before.start == i - 1 and before.label_ == "Location"):
            continue  # '东吴/LOC 基金': a place LAC saw in the firm's name ('信达证券/ORG 基金 分析师': a role)
        ahead = "".join(texts[i + 1 : i + 4])
        if GENERIC_FUND_WORDS.fullmatch(name) or FUND_KIND.search(name + "基金"):
            continue
        if doc[i - 1].tag_ in ("v", "d", "p") and not ahead.startswith("旗下"):
            continue  # '成立基金…' is no firm; '建信/v 基金旗下' is one
        if (_ROLE_AHEAD.match(ahead) and not texts[i + 1].startswith("经理")) or ahead.startswith("旗下"):
            spans.append(Span(doc, i - 1, i + 1, label="Company"))
    if spans:
        merge_ents(doc, spans)
    return doc


# '长盛基金旗下的A和B', 'A、B等5只股票型基金': the funds of a fund company, funds counted.
_FUND_FAMILY = re.compile(r"基金(?:管理)?(?:公司)?旗下的(?P<members>[^，,。；;：:（(]{2,40})")
# What a fund's name never holds: counts, kinds and the words of a sentence ('旗下有两只', '今年以来').
_NOT_IN_A_FUND_NAME = re.compile(r"有|以来|加上|发行|产品|类|等|只|涨|跌|其它|其他|各|另")
_FUNDS_COUNTED = re.compile(r"(?P<members>[^，,。；;：:（(]{2,40}?)等(?:\d+|[一二三四五六七八九十两几多]{1,3})只"
                            r"[\u4e00-\u9fff]{0,6}基金")  # ('景宏、汉兴等几只基金')
# '公司2009年第一只基金产品——某某优选灵活配置混合型基金': a fund introduced by a dash after its count.
_FUND_INTRODUCED = re.compile(r"[只支][\u4e00-\u9fff]{0,8}(?:基金|产品)——"
                              r"(?P<members>[\u4e00-\u9fffA-Za-z0-9]{2,22}基金)")
_MEMBER_END = re.compile(r"分别|也|均|都|共|合计|新进|增持|减持|持有|买入|卖出|的|在|于|已|将|为")


def _fund_members(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each fund named in a run of names joined by 、, 和, 及."""
    found, offset = [], start
    for piece in re.split(r"([、和及])", text):
        if piece in ("、", "和", "及"):
            offset += len(piece)
            continue
        name = _MEMBER_END.split(piece)[0]
        if re.fullmatch(r"[\u4e00-\u9fffA-Za-z]{2,12}", name) and not GENERIC_FUND_WORDS.fullmatch(name) \
                and not _NOT_IN_A_FUND_NAME.search(name):
            found.append((offset, offset + len(name)))
        if len(name) < len(piece):
            break  # the run of names ended inside this piece
        offset += len(piece)
    return found


@Language.component("kg_fund_lists")
def fund_lists(doc: Doc) -> Doc:
    """Funds named as a fund company's ('旗下的') or counted ('等5只股票型基金') are products."""
    text = words_of(doc).text
    if "基金" not in text:
        return doc
    spans = []
    for match in _FUND_INTRODUCED.finditer(text):  # one fund, its full name (often long), not a kind
        name = match.group("members")
        if only_a_kind_of_fund(name):
            continue
        span = doc.char_span(match.start("members"), match.end("members"), label="Product", alignment_mode="expand")
        if span is not None and span.start_char == match.start("members"):
            spans.append(span)
    for pattern in (_FUND_FAMILY, _FUNDS_COUNTED):
        for match in pattern.finditer(text):
            for start, end in _fund_members(match.group("members"), match.start("members")):
                span = doc.char_span(start, end, label="Product")
                if span is not None:
                    spans.append(span)
    if spans:
        merge_ents(doc, spans)
    return doc


# Drugs are named by their international nonproprietary name, whose Chinese form ends in the INN
# stem's transliteration (WHO INN stems: -tinib 替尼, -mab 单抗, -lutamide 鲁胺, -ciclib 西利,
# -parib 帕利, -floxacin 沙星, -mycin 霉素, -vastatin 他汀, -pril 普利, -sartan 沙坦, -dipine 地平,
# -gliflozin 格列净, -vir 他韦/米韦/洛韦, -coxib 昔布, -penem 培南, -prazole 拉唑, -stat 司他; not
# -olol 洛尔 or a bare 韦, which end people's names too),
# then perhaps its dosage form (片, 胶囊, 注射液): '创新药瑞维鲁胺片', '该公司的阿得贝利单抗注射液'.
DRUG_STEMS = "替尼|单抗|鲁胺|西利|帕利|沙星|霉素|他汀|普利|沙坦|地平|格列净|[他米洛瑞布]韦|昔布|培南|拉唑|司他(?!韦)"
DRUG_STEM = re.compile(DRUG_STEMS)
DRUG_NAME = re.compile(
    r"(?:(?<=[药的、和与及，,。；;：:“（(\s])|^)(?P<name>(?:(?![的和与及、])[\u4e00-\u9fff]){1,7}?"
    rf"(?:{DRUG_STEMS})(?:注射液|注射剂|片|胶囊|颗粒|口服液)?)(?![\u4e00-\u9fff]?(?:类|药物|药品|制剂|疗法))"
)


@Language.component("kg_drug_names")
def drug_names(doc: Doc) -> Doc:
    text = words_of(doc).text
    if not DRUG_STEM.search(text):
        return doc
    spans = []
    orgs = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ORG_LABELS]
    for match in DRUG_NAME.finditer(text):
        name, end = match.group("name"), match.end("name")
        start = match.start("name") + max(name.rfind(c) for c in "药物剂的") + 1  # '靶向药物吉非替尼': after the kind
        span = doc.char_span(start, end, label="Product", alignment_mode="expand")
        if span is None or (span.start_char, span.end_char) != (start, end) or end - start < 3 or any(
                a < end and start < b for a, b in orgs):
            continue  # a name LAC cut across, or a firm's name
        spans.append(span)
    if spans:
        merge_ents(doc, spans)
    return doc
