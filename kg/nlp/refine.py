"""spaCy components for products, places, clean-up and quote-aware sentences."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .components import CLOSE_QUOTES, LATIN_NAME, OPEN_QUOTES, ORG_LABELS, SENTENCE_END, merge_ents, words_of
from .lexicon import DEVICE_NOUNS, GENERIC_NAMES, ROLE_HEADS
from .products import only_a_kind_of_fund

PRODUCT_CUE_BEFORE = ("模型", "大模型", "产品", "应用", "平台", "系统", "软件", "工具", "操作系统", "APP", "App",
                      "助手", "智能体", "浏览器", "引擎", "框架", "数据库", "客户端", "小程序", *DEVICE_NOUNS)
# '发布Gemini', '推出了GPT-4', '某公司推出的Vision Pro': a release names a product.
RELEASED_BEFORE = re.compile(r"(?:发布|推出|上线|亮相|发售|升级|开源)(?:了|的)?$")
# 'IDC中国分析师王希', 'Gartner研究总监': a Latin name, perhaps a region, then a job title.
TITLE_AFTER = re.compile(r"^(?:中国|大中华区|亚太区|亚太|全球)?(?:首席|高级|资深)?"
                         r"(?:分析师|研究总监|研究经理|研究员|总裁|副总裁|总经理|董事长|负责人|发言人|合伙人|高管|员工)")
_MODEL_CODE = re.compile(r"-\d|[A-Za-z]\d")
# 'account1) 为了…', '网友“abch4”说': an English word then a list's number, or a user's handle (not 'touch3')
_WORD_THEN_NUMBER = re.compile(r"[a-z]{3,}\d{1,2}")
_AFTER_A_NUMBERED_WORD = (")", "）", ".", "”", "\"", ":", "：")
_BRACKETED_AT_START = re.compile(r"^[(（][^()（）]{1,12}[)）]")  # 'T4game(呈天游)副总裁': another name
_LETTERS = re.compile(r"[A-Za-z]")
ORG_CUE_AFTER = ("公司", "官网", "团队", "CEO", "创始人", "首席执行官", "内部", "旗下", "总部")
# 'Anthropic发布…', 'Meta于4月18日开源了…': an organization acts.
ORG_VERB_AFTER = re.compile(r"^(?:于\d{1,2}月\d{1,2}日)?"
                            r"(?:再次|正式|已经|也|日前|近日|今日|今天|昨日|昨天|此前|刚刚|首次)*(?:发布|推出|宣布|开源)")
# '市场研究机构IDC', '科技公司Anthropic': the kind of organization right before the name.
ORG_CUE_BEFORE = ("机构", "公司", "企业", "厂商", "巨头", "集团", "咨询机构", "研究机构", "初创公司")
VERSION = re.compile(r"^[-‐ ]?v?\d+(\.\d+)*[A-Za-z]*$")


_CAPITAL = re.compile(r"^[A-Z]")
# 'GPT' + '-' + '4o' (not '1类': 'GLP-1类创新药' is a kind of drug)
_CODE_AFTER_HYPHEN = re.compile(r"^\d[\dA-Za-z.]*$")
_NUMBER = re.compile(r"\d+(\.\d+)*")
_MODEL_TAIL = re.compile(r"\d+[A-Za-z][A-Za-z0-9]*")
_SERIES_NUMBER = re.compile(r"\d{1,3}[A-Za-z]{0,2}")
# 'EOS 7D', 'iPhone 15': a capitalised series (no English word such as Top, under, and) and its number.
# English function words, a closed class: in an English passage they take a name's cues.
ENGLISH_WORDS = frozenset("the a an and or of in on at to for from by with as is are was were be it this that "
                          "these those you we they he she not but if".split())
# 'CyberOne仿生机器人', 'Vision Pro头显': the kind of device right after the name (not 手机, 电视: a
# technology before them, WAP手机 or LED电视, names no product; nor 汽车, which follows makers;
# an acronym is a kind of device itself: AGV智能机器人).
_KIND_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,3}?(?:机器人|头显|手表|无人机|SUV|MPV|跑车|助手|智能体)")
_SERIES_SUFFIX = re.compile(r" (?:Pro|Max|Plus|Ultra|Mini|Air|Lite)$")  # a model of a series: 'iPad Air'
_SERIES_CODE = re.compile(r"[A-Z]{1,2}\d{3,4}")  # C919, A380 (not G20, H1N1, PM2.5)
_SPACED_NUMBER = re.compile(r"^(?!(?:Top|TOP|Final|Under|And|The)\b)(?=[A-Za-z]{2})[A-Za-z]*[A-Z][A-Za-z]* \d")
_CODE_WORD = re.compile(r"[A-Z]+\d+[A-Za-z0-9]*")


def _latin_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of Latin names, joining 'Open' + ' ' + 'AI' and 'GPT' + '-' + '3.5'."""
    texts = words_of(doc).texts
    n = len(texts)
    runs, i = [], 0
    while i < n:
        if not LATIN_NAME.match(texts[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            t = texts[j]
            if t == " " and j + 1 < n and _CAPITAL.match(texts[j + 1]) and LATIN_NAME.match(texts[j + 1]):
                j += 2
            elif t == " " and j + 1 < n and _SERIES_NUMBER.fullmatch(texts[j + 1]):
                j += 2  # 'Mate' + ' ' + '60', 'iPhone' + ' ' + '15': a model's number
            elif t in ("-", "‐") and j + 1 < n and (_CODE_AFTER_HYPHEN.match(texts[j + 1])
                                                     or _CODE_WORD.fullmatch(texts[j + 1])):
                j += 2  # 'GPT' + '-' + '4', 'D' + '-' + 'LUX4'
            elif _MODEL_TAIL.fullmatch(t) and j == i + 1:  # 'VX' + '585HD': one model code
                j += 1
            elif _NUMBER.fullmatch(t) and texts[j - 1] in ("-", "‐"):
                j += 1
            else:
                break
        runs.append((i, j))
        i = j
    return runs


_WEB_ADDRESS = re.compile(r"^www\.|\.(?:com|cn|net|org|gov|edu|cc|tv|io|hk)$", re.IGNORECASE)


def _in_web_address(doc: Doc, text: str, start: int, end: int) -> bool:
    """Part of a site's address (`text` is doc.text, read once: it is rebuilt on every access)."""
    name = doc[start:end].text
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    before, after = text[max(0, first - 1) : first], text[last : last + 40]
    return bool(_WEB_ADDRESS.search(name)) or before in ("/", "@") or _DOMAIN_AFTER.match(after) is not None


_DOMAIN_AFTER = re.compile(r"(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|cc|tv|io|hk)\b", re.IGNORECASE)


@Language.component("kg_latin_names")
def latin_names(doc: Doc) -> Doc:
    """Latin and mixed names (DeepMind, Deep Mind, Gemini, GPT-4): product or organization by context.

    LAC tags such names ORG or nz at random; the words around every mention in the
    document decide, and all mentions of one name get the same type.
    """
    runs = [(start, end) for start, end in _latin_runs(doc) if doc[start].text not in ROLE_HEADS]  # 'CEO Henk'
    cues: dict[str, set[str]] = defaultdict(set)
    seen: Counter = Counter()
    # Tokens right after a name: '…有限公司WEB官方网站' has no kind of organization before WEB.
    inside_names = {e.end for e in doc.ents} if runs else set()
    lac_org = set()
    for start, end in runs:
        name = doc[start:end].text
        key = name.replace(" ", "").lower()
        before = doc[max(0, start - 3) : start].text
        after = doc[end : min(len(doc), end + 2)].text
        if any(before.endswith(c) for c in PRODUCT_CUE_BEFORE) or after.startswith(("模型", "大模型")) \
                or _KIND_AFTER.match(doc[end : min(len(doc), end + 3)].text) and not name.isupper() \
                or (RELEASED_BEFORE.search(before) and (len(name) >= 3 or not before.endswith("的"))) \
                or (_MODEL_CODE.search(name) and len(_LETTERS.findall(name)) >= 3
                    and not (_WORD_THEN_NUMBER.fullmatch(name) and after[:1] in _AFTER_A_NUMBERED_WORD)) \
                or _SPACED_NUMBER.search(name) or _SERIES_SUFFIX.search(name):  # 'EOS 7D', 'MatePad Pro'
            cues[key].add("Product")
        titled = TITLE_AFTER.match(_BRACKETED_AT_START.sub("", doc[end : min(len(doc), end + 8)].text))
        if any(after.startswith(c) for c in ORG_CUE_AFTER) or ORG_VERB_AFTER.match(doc[end : end + 4].text) \
                or titled or before.endswith(ORG_CUE_BEFORE) and start not in inside_names:
            cues[key].add("Organization")
        if titled:
            cues[key].add("_has_officers")  # 'T4game(呈天游)副总裁': no product has a vice president
        if any(doc[k].tag_ == "ORG" for k in range(start, end)):
            lac_org.add(key)
        cues[key].add("_seen")
        seen[key] += 1
    spans = []
    ents = doc.ents if runs else ()  # read once: doc.ents makes new Spans on every access
    text = doc.text if runs else ""
    for start, end in runs:
        name = doc[start:end].text
        key = name.replace(" ", "").lower()
        if name in GENERIC_NAMES or name.replace(" ", "") in GENERIC_NAMES or _in_web_address(doc, text, start, end) \
                or name in ROLE_HEADS or name.startswith("ISO") or name.lower() in ENGLISH_WORDS:
            # ISO100-ISO6400 is a camera's sensitivity; 'the' of an English passage names nothing
            continue  # a term, a title (CEO), or part of a site's address (it7t.com, j1visa.state.gov)
        if any(e.start <= start < e.end and e.label_ in ("Report", "Ranking") for e in ents):
            continue
        if ("Product" in cues[key] or (seen[key] >= 2 and _SERIES_CODE.fullmatch(name))) and (
                "_has_officers" not in cues[key]):
            label = "Product"  # 'C919' said again and again: a model, whatever surrounds it
        elif "Organization" in cues[key] or key in lac_org:
            label = "Organization"
            if any(e.start <= start and end <= e.end and e.label_ in ORG_LABELS for e in ents):
                continue  # already (part of) an organization's name: 'SOHO中国'
        else:
            continue  # no cue: a term, a nickname, a code (H1N1, G20, blog, Alex), not a named product
        spans.append(Span(doc, start, end, label=label))
    if spans:
        merge_ents(doc, spans)
    return doc


@Language.component("kg_model_names")
def model_names(doc: Doc) -> Doc:
    """'<name><version>大模型' names an AI model (the text's '多模态' qualifier stays outside)."""
    spans = []
    for i, text in enumerate(words_of(doc).texts):
        if text not in ("模型", "大模型"):
            continue
        end = i + 1
        k = i
        if k > 0 and doc[k - 1].text == "大":
            k -= 1
        has_version = k > 0 and VERSION.match(doc[k - 1].text) is not None
        if has_version:
            k -= 1
        start = k
        while start > 0 and doc[start - 1].tag_ in ("n", "nz", "ORG") and re.fullmatch(
            r"[\u4e00-\u9fffA-Za-z]+", doc[start - 1].text
        ) and (start == k or len(doc[start:k].text) < 2):
            start -= 1
        if start == k or not has_version:
            continue
        if doc[start:k].text in GENERIC_NAMES:
            continue
        spans.append(Span(doc, start, end, label="AIModel"))
    if spans:
        merge_ents(doc, spans)
    return doc


FUND_STYLE = re.compile(r"(混合型|股票型|债券型|指数型|货币型|货币|灵活配置|配置|增长|成长|优选|先锋|精选|价值|"
                        r"策略|进取|量化|阿尔法|保本|增利|添利|双利|周期|机遇|新兴|内需|消费|治理|品质|景气|"
                        r"稳健|收益|红利|主题|行业|回报|动力|蓝筹|创新|优势|平衡|稳定)(证券投资)?$")
RELEASE_BEFORE = re.compile(r"(推出|发布|上市|亮相|发售|发行|面世|研制|研发|构建|开发)[^，,。；;]{0,24}$")


# 「…」 names what was launched; “…” does too right after the kind of thing ('推出的创新产品“微博”').
_QUOTED_NAME = re.compile(r"[「『“]([^「」『』“”\n]{2,40})[」』”]")
_KIND_BEFORE_QUOTE = re.compile(r"(?:产品|应用|软件|客户端|平台|服务|游戏|系统|APP|App|app|"
                                r"大模型|模型|助手|智能体|客服|" + "|".join(DEVICE_NOUNS) + r")$")


@Language.component("kg_funds_and_quoted_products")
def funds_and_quoted_products(doc: Doc) -> Doc:
    """Named funds ('<firm><style>基金': 某某增长混合型基金) are products, as is a 「…」 name launched
    (or a “…” one named right after its kind: 新推出的创新产品“微博”)."""
    spans = []
    for i, text in enumerate(words_of(doc).texts):
        if not text.endswith("基金"):
            continue
        token = doc[i]
        start = token.i
        while start > 0 and len(doc[start - 1 : token.i + 1].text) <= 20 and not doc[start - 1].text.isspace() and (
            doc[start - 1].tag_ in ("n", "nz", "ORG", "LOC", "vn", "an", "a", "b")
            or FUND_STYLE.fullmatch(doc[start - 1].text)
        ) and doc[start - 1].text not in ("旗下", "下属", "所属"):  # '某基金公司旗下<fund>': the owner
            start -= 1
        name = doc[start : token.i + 1].text
        stem = name[:-2]
        if not FUND_STYLE.search(stem):
            continue
        while (style := FUND_STYLE.search(stem)) is not None and style.start() > 0:
            stem = stem[: style.start()]
        if len(stem) >= 2 and not FUND_STYLE.fullmatch(stem) and not stem.endswith("基金") and (  # 基金债券型基金
                not only_a_kind_of_fund(name)):  # '巨型货币基金': of a size and kind, no fund's name
            spans.append(Span(doc, start, token.i + 1, label="Product"))
    text = words_of(doc).text  # doc.text
    for match in _QUOTED_NAME.finditer(text):
        before = text[max(0, match.start() - 25) : match.start()]
        if match.group(0)[0] == "“" and not _KIND_BEFORE_QUOTE.search(before):
            continue  # “…” quotes speech and stresses words: a name only right after its kind
        if RELEASE_BEFORE.search(before):
            label = "AIModel" if before.endswith("模型") else "Product"  # '发布了金融大模型“…”'
            span = doc.char_span(match.start(1), match.end(1), label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    if spans:
        merge_ents(doc, spans)
    return doc


BRANCH_SUFFIXES = ("分行", "支行", "分公司", "办事处", "营业部", "分局", "分院", "分会", "分校", "代表处")


# A firm's titles: a "place" right before one is a firm LAC took for a place ('招商地产副总经理').
_FIRM_TITLE = re.compile(r"(?:常务|执行|高级)?副?(?:董事长|总经理|总裁|首席执行官|CEO|执行董事|董事总经理)")
_DIVISION = re.compile(r"[省市县区州镇乡村国岛洲路街]$|^(?:中国|香港|澳门|台湾|内地|大陆|全国)$")


def _firm_title_follows(doc: Doc, ent: Span) -> bool:
    return (len(ent.text) >= 3 and not _DIVISION.search(ent.text)
            and _FIRM_TITLE.match(doc[ent.end : ent.end + 3].text) is not None)


@Language.component("kg_locations")
def locations(doc: Doc) -> Doc:
    """Adjacent place names are one place (江苏省 苏州市 工业园区), with zone suffixes; a "place" that
    ends like a branch (湖南省分行, 北京分公司) is an organization's unit."""
    spans, ents = [], list(doc.ents)
    i = 0
    while i < len(ents):
        ent = ents[i]
        if ent.label_ != "Location":
            i += 1
            continue
        if ent.text.endswith(BRANCH_SUFFIXES) or _firm_title_follows(doc, ent):
            spans.append(Span(doc, ent.start, ent.end, label="Organization"))
            i += 1
            continue
        j = i
        while j + 1 < len(ents) and ents[j + 1].label_ == "Location" and ents[j + 1].start == ents[j].end:
            j += 1
        end = ents[j].end
        while end < len(doc) and doc[end].text.endswith(("开发区", "新区", "高新区", "园区", "自贸区")) and \
                doc[end].tag_ in ("n", "LOC", "ns"):
            end += 1
        if j > i or end > ents[j].end:
            spans.append(Span(doc, ent.start, end, label="Location"))
        i = j + 1
    if spans:
        merge_ents(doc, spans)
    return doc


_FUND_NAME = re.compile(FUND_STYLE.pattern[:-1] + "基金")


@Language.component("kg_filter")
def filter_generic(doc: Doc) -> Doc:
    """Drop generic words (AI, 中华), single characters and whitespace from the entities."""
    doc.ents = [
        e for e in doc.ents
        if e.text.strip() == e.text and len(e.text) >= 2 and e.text not in GENERIC_NAMES
        and not _FUND_NAME.fullmatch(e.text) and not _WEB_PATH.search(e.text) and not _CODE_LIST.fullmatch(e.text)
        and not (e.label_ in ("Location", "Person") and not _LETTER.search(e.text))  # '002594/LOC': a code
        and not (e.label_ == "Location" and e.end < len(doc) and doc[e.end].text in ("老字号",))
        and not (e.label_ in ORG_LABELS and _ENGLISH_WORD.fullmatch(e.text))  # 'economic/ORG': a word, no name
        and not (e.label_ in ORG_LABELS and len(e.text) <= 3 and e.end < len(doc) and doc[e.end].text in "了着过"
                 and doc[e.end].tag_ == "u")  # '测评中超越/ORG 了': a verb phrase, no name
    ]
    return doc


_LETTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_CODE_LIST = re.compile(r"[A-Za-z0-9]+(?:/[A-Za-z0-9]+){2,}")  # 'RMVB/RM/AVI/FLV': formats listed, no name
_ENGLISH_WORD = re.compile(r"[a-z]{4,}")  # all lower case: names are capitalised (eBay, iPhone are not this)
_WEB_PATH = re.compile(r"https?://|www\.|\.(?:com|cn|net|org)(?:\.cn)?/|\.aspx?\b|\.html?\b")  # an address, no name


@Language.component("kg_sentences")
def sentences(doc: Doc) -> Doc:
    """Sentence starts after 。！？ and line breaks, never inside a quotation."""
    # Starts are set in one from_array call: spaCy's per-token setter rescans the whole
    # doc each time, which is quadratic on a long article.
    words = words_of(doc).texts
    starts = []
    depth = 0
    start_next = True
    opened_sentence = False  # the sentence began with a quotation: its speaker follows it
    for i, text in enumerate(words):
        starts.append(1 if start_next else -1)
        if start_next:
            opened_sentence = text[:1] in OPEN_QUOTES
        start_next = False
        for ch in text:
            if ch in OPEN_QUOTES:
                depth += 1
            elif ch in CLOSE_QUOTES:
                depth = max(0, depth - 1)
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if "\n" in text:
            depth = 0
            start_next = True
        elif depth == 0 and text[-1:] in SENTENCE_END:
            start_next = nxt[:1] not in CLOSE_QUOTES
        elif depth == 0 and text[-1:] in CLOSE_QUOTES and i > 0 and words[i - 1][-1:] in SENTENCE_END:
            # '“…。”<speaker>…' continues the sentence; '<speaker>说：“…。”' ends it.
            start_next = nxt[:1] in OPEN_QUOTES or nxt == "\n" or not opened_sentence
            opened_sentence = False
    if starts:
        doc.from_array([SENT_START], numpy.array(starts, dtype=numpy.int64).view(numpy.uint64))
    return doc


@Language.component("kg_trained_ner")
def trained_ner(doc: Doc) -> Doc:
    """Entities of the CLUENER-trained character model (Person / Organization / Location).

    Optional (`build_nlp(trained_ner=True)`). Where it overlaps only people, places and
    organisations of the rules, its span wins (on CLUENER dev it is the better of the two on these
    types); an organisation keeps the rules' finer type (Company ...) when it replaces one. It never
    overrides the other types (products, reports, titles ...)."""
    from .org_heads import TRAILING_NOT_NAME
    from .trained_ner import predict_spans

    # The model reads LAC's words and tags: the Doc's tokens are LAC's (unless another tokenizer made them).
    lac = [(t.text, t.tag_) for t in doc] if doc.has_annotation("TAG", require_complete=True) else None
    if lac is not None and "".join(w for w, _ in lac) != doc.text:
        lac = None  # tokens with trailing spaces: let the wrapper run LAC
    replaceable = ORG_LABELS | {"Person", "Location"}
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    spans = []
    for start, end, label in predict_spans([doc.text], lac=[lac])[0]:
        # '宁德市实验学校校长': the model sometimes keeps the role after an organisation.
        tail = next((h for h in TRAILING_NOT_NAME if doc.text.endswith(h, start, end)), "") if label != "Person" else ""
        if tail and end - start - len(tail) >= 2:
            end -= len(tail)
        over = [e[2] for e in ents if e[0] < end and start < e[1]]
        if any(other not in replaceable for other in over):
            continue
        if label == "Organization" and len(over) == 1 and over[0] in ORG_LABELS:
            label = over[0]
        span = doc.char_span(start, end, label=label)
        if span is not None and span.text not in GENERIC_NAMES and len(span.text) >= 2:
            spans.append(span)
    if spans:
        merge_ents(doc, spans)
    return doc
