"""Products named where they are released: '发布讯飞星火认知大模型V3.5', '推出通义千问2.5大模型',
'发布新一代云端智能芯片思元590'.

LAC cuts new model names into pieces of every tag (讯飞星火/n 认知/v 大/a 模型/n V3.5/xc), so
`kg_model_names`, which walks tagged words, misses them. Right after a release verb, the
run of name characters that ends in 模型 (and its version) is the model's name, unless
all it says is what kind of model it is (多模态大模型, 一款行业大模型). Likewise a device named
by its kind and then a name with a number ('芯片思元590', '手机Mate 60').
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .components import merge_ents, words_of
from .lexicon import DEVICE_NOUNS, MODEL_KIND_AT_END

# A model's version: 'V3.5', '4.5', '2.0Pro', or a capital and a number ('X1', 'R1').
_VERSION = r"\s?(?:[Vv]?\d+(?:\.\d+)*[A-Za-z]?|[A-Z]\d+(?:\.\d+)*)"
_MODEL_NAME = (r"(?P<name>[\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9.\-]{0,15}?(?:大模型|模型)"
               rf"(?:{_VERSION})?)")
RELEASED_MODEL = re.compile(r"(?:发布|推出|上线|开源|亮相|升级|迭代|问世)(?:了|的)?" + _MODEL_NAME)
# '发布文心大模型4.5和文心大模型X1': a second model joined to the released one.
AND_MODEL = re.compile(r"(?:和|与|及|以及|、)" + _MODEL_NAME)
# Words that say what kind of model it is, or which; they name none.
KIND_WORDS = re.compile(
    r"^(?:新一代|最新版?|全新|新版|首个|首款|自研|自主研发|开源|国产|原生|端侧|云端)+|"
    r"^(?:一|这|该|此|多)[款个种套项]|"
    r"多模态|通用|行业|垂直|视频生成|文生视频|文生图|图像生成|语音|语言|自然语言|基础|基座|认知|推理|对话|生成式|"
    r"人工智能|AI|千亿参数|万亿参数|百亿参数|参数|医疗|金融|教育|工业|政务|科学|气象|交通|法律|大|新|的|了"
)
# '发布新一代云端智能芯片思元590': a release, the kind of device, then a name with its number.
RELEASED_DEVICE = re.compile(
    r"(?:发布|推出|上市|亮相|发售|量产)(?:了|的)?[^，,。；;！？]{0,12}?(?:" + "|".join(DEVICE_NOUNS) + r")"
    r"(?P<name>[\u4e00-\u9fff]{2,4}\d{1,4}[A-Za-z]{0,3})(?![\d.%万亿元年月日台部个件只款辆倍])"
)
# '发布视频生成大模型可灵。': the kind, then a short name closing the clause.
NAMED_AFTER_KIND = re.compile(
    r"(?:发布|推出|上线|开源)(?:了|的)?[^，,。；;！？]{0,10}?(?:大模型|模型|智能体|助手|应用)"
    r"(?P<name>[\u4e00-\u9fff]{2,4})(?=[，,。；;！？]|$)"
)
# '发布通义千问2.5，': a name with a dotted or V- version right after a release verb.
RELEASED_VERSIONED = re.compile(
    r"(?:发布|推出|上线|开源|升级至|升级到)(?:了|的)?(?:新一代|最新版?|全新|新版)?"
    r"(?P<name>[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,7}\s?(?:[Vv]\d+(?:\.\d+)*|\d+\.\d+))"
    r"(?![\d.%万亿元年月日台部个件只款辆倍])"
)
# '推出了全新哈弗H6', '推出了理想L6智能焕新版', '发布了新款C10': a model code, after its brand or alone,
# with its edition, right after a release verb (not '发布Q3财报': a quarter).
RELEASED_CODED = re.compile(
    r"(?:发布|推出|上市|亮相|发售|交付)(?:了|的)?(?:全新|新款|新一代|最新款?|新)?"
    r"(?P<name>(?P<brand>[\u4e00-\u9fff]{2,4})?(?![QH][1-4](?![\dA-Za-z]))[A-Z]{1,3}\d{1,4}[A-Za-z]{0,2}"
    r"(?:\s?(?:Pro|Max|Plus|Ultra|PLUS|MAX))?(?:[\u4e00-\u9fff]{2,6}版)?)"
    r"(?=[，,。；;、\s（(]|和|与|及|并|$)"  # the name closes the clause ('推出新的J1签证项目': no model)
)
# '混元/nz 大模型': a proper noun right before 大模型 names a model.
PROPER_BEFORE_MODEL = re.compile(r"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,8})大模型")
# '讯飞星火大模型V4.0将于6月底发布': a model's name with its version, wherever it stands.
VERSIONED_MODEL = re.compile(r"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff]{2,8}(?:大模型|模型)\s?[Vv]\d+(?:\.\d+)*)")
_FUNCTION_CHARS = "是为在对把将让被给从向与和及"
# Tags of words no name is made of: verbs, adverbs, function words (LAC tags some names a: 可灵).
_NOT_NAME_TAGS = {"v", "vd", "d", "ad", "p", "u", "c", "r"}
# '“星火问答”大模型', '“卡奥斯工业大模型”': a quoted model name, its kind inside or right after the quote.
QUOTED_MODEL = re.compile(r"“(?P<name>[\u4e00-\u9fffA-Za-z0-9.\-]{2,12})”(?P<kind>大模型|模型)?")
# Verbs and function words a model's name does not run back over.
_BEFORE_A_NAME = re.compile(r".*(?:发布|推出|上线|开源|亮相|升级|迭代|的|了|是|为|和|与|及|在)")
# '“香山”处理器': a quoted name, then the kind of device it is.
# (not 服务器: a game's “服务器” is a realm)
_QUOTABLE_KINDS = "|".join(n for n in DEVICE_NOUNS if n != "服务器")
_QUOTED_NAME = r"[“\"](?P<name>[\u4e00-\u9fffA-Za-z0-9\-]{2,8})[”\"]"
QUOTED_BEFORE_KIND = re.compile(_QUOTED_NAME + "(?:" + _QUOTABLE_KINDS + ")")
KIND_NOUNS = ("大模型", "模型", *DEVICE_NOUNS)
# '超导量子计算机“本源悟空”', '量子芯片“悟空芯”', '操作系统“本源司南”': the kind, then the quoted name.
KIND_BEFORE_QUOTED = re.compile("(?:" + _QUOTABLE_KINDS + "|操作系统)" + _QUOTED_NAME)
NOT_A_NAME = re.compile(r"(?:产品|服务|系列|平台|版本|技术|能力|功能|方案|工具|体系|生态|矩阵|家族|族群|团队|公司)$")
VERSION_AT_END = re.compile(_VERSION + "$")


def model_name(name: str) -> bool:
    """Whether a run ending in 模型 names one model: something is left once the kind words are gone."""
    core = VERSION_AT_END.sub("", name)
    core = MODEL_KIND_AT_END.sub("", core)
    return len(KIND_WORDS.sub("", core)) >= 2


@Language.component("kg_released_names")
def released_names(doc: Doc) -> Doc:
    text = words_of(doc).text
    spans = _devices(doc, text) + _versioned(doc, text)
    if "模型" in text:
        spans += _models(doc, text) + _proper_nouns_before_model(doc, text)
    for match in NAMED_AFTER_KIND.finditer(text):
        if not NOT_A_NAME.search(match.group("name")) and model_name(match.group("name") + "模型"):
            found = _whole_words(doc, match.start("name"), match.end("name"), "AIModel")
            spans += [s for s in found if not any(t.tag_ in _NOT_NAME_TAGS for t in s)]  # not '…大模型受到关注'
    for match in QUOTED_MODEL.finditer(text):
        name = match.group("name")
        if (name.endswith("模型") and model_name(name)) or (match.group("kind") and model_name(name + "模型")):
            spans += _whole_words(doc, match.start("name"), match.end("name"), "AIModel")
    if spans:
        merge_ents(doc, spans)
    return doc


def _released_models(text: str):
    """Each model name after a release verb, and each joined to one by 和/与/、."""
    for match in RELEASED_MODEL.finditer(text):
        yield match
        while (match := AND_MODEL.match(text, match.end("name"))) is not None:
            yield match


def _models(doc: Doc, text: str) -> list[Span]:
    spans = []
    for match in _released_models(text):
        name = match.group("name")
        start = match.start("name") + name.rfind("的") + 1  # '推出了自研的盘古3.0大模型': what follows 的
        name = text[start : match.end("name")]
        if not model_name(name) or re.match(r"\s?[A-Za-z]", text[match.end("name") : match.end("name") + 2]):
            continue  # '发布新一代基座大模型GLM-4': the kind, then the model's own (Latin) name
        if name[0] in _FUNCTION_CHARS:
            continue  # '开源是推动大模型普及的…': 开源 is the subject here, and no model follows it
        found = [(start, match.end("name"))]
        if (version := VERSION_AT_END.search(name)) is not None:
            found += _short_forms(text, name[: version.start()], version.group(0).strip())
        elif (core := MODEL_KIND_AT_END.sub("", name)) != name and VERSION_AT_END.search(core):
            # '日日新5.0大模型', later '日日新5.0': the name without the kind
            found += [(m.start(), m.end()) for m in re.finditer(re.escape(core) + r"(?![\d.]|大模型|模型)", text)]
        for start, end in found:
            spans += _whole_words(doc, start, end, "AIModel")
    return spans


def _devices(doc: Doc, text: str) -> list[Span]:
    spans = []
    for match in RELEASED_DEVICE.finditer(text):
        spans += _whole_words(doc, match.start("name"), match.end("name"), "Product")
    for match in RELEASED_CODED.finditer(text):
        brand = match.group("brand") or ""
        if "的" in brand or brand.endswith(KIND_NOUNS) or any(
                e.label_ == "Location" and e.start_char == match.start("brand") for e in doc.ents):
            continue  # '上市的相机S205': the kind of device, not its brand; a country is none either
        spans += _whole_words(doc, match.start("name"), match.end("name"), "Product")
    return spans


def _versioned(doc: Doc, text: str) -> list[Span]:
    spans = []
    for match in RELEASED_VERSIONED.finditer(text):
        core = VERSION_AT_END.sub("", match.group("name")).strip()
        if text.startswith(("大模型", "模型"), match.end("name")) or core.startswith(KIND_NOUNS) or (
                MODEL_KIND_AT_END.search(core)):
            continue  # '发布新一代大模型天工3.0大模型', '发布甲大模型4.5': the model rules name it
        if len(KIND_WORDS.sub("", core)) >= 2 and not NOT_A_NAME.search(core):
            spans += _whole_words(doc, match.start("name"), match.end("name"), "Product")
    for match in (*QUOTED_BEFORE_KIND.finditer(text), *KIND_BEFORE_QUOTED.finditer(text)):
        spans += _whole_words(doc, match.start("name"), match.end("name"), "Product")
    return spans


def _proper_nouns_before_model(doc: Doc, text: str) -> list[Span]:
    """'混元/nz 大模型': the proper noun's own word (LAC's nz), then 大模型; and a versioned
    model name wherever it stands."""
    spans = []
    for match in VERSIONED_MODEL.finditer(text):
        end = match.end("name")
        before_name = _BEFORE_A_NAME.match(match.group("name"))  # '华信发布了星河大模型V2.0': 星河…
        first = match.start("name") + (before_name.end() if before_name else 0)
        for k in range(first, end - 4):  # the first start that is a word's and names a model
            found = _whole_words(doc, k, end, "AIModel") if model_name(text[k:end]) else []
            if found:
                spans += found
                break
    for match in PROPER_BEFORE_MODEL.finditer(text):
        end = match.end("name")
        token = doc.char_span(end - 1, end, alignment_mode="expand")
        if token is None or token.end_char != end or token[-1].tag_ != "nz" or token[-1].ent_type_:
            continue
        word = token[-1]
        if model_name(text[word.idx : match.end()]):  # not 'AI大模型', a kind
            spans += _whole_words(doc, word.idx, match.end(), "AIModel")
    return spans


def _short_forms(text: str, name: str, version: str) -> list[tuple[int, int]]:
    """Later mentions of a versioned model by part of its name and its version: '星火V3.5' for
    讯飞星火认知大模型V3.5 (the longest run before the version that the name contains, at least two
    characters)."""
    found = []
    for match in re.finditer(re.escape(version) + r"(?![\d.])", text):
        start = match.start()
        while start > 0 and text[start - 1 : match.start()] in name and len(text[start - 1 : match.start()]) <= 8:
            start -= 1
        if match.start() - start >= 2:
            found.append((start, match.end()))
    return found


def _whole_words(doc: Doc, start: int, end: int, label: str) -> list[Span]:
    """The span of these characters, when they are whole tokens (a name LAC cut into a longer word
    is left alone)."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    return [span] if span is not None and span.end_char - span.start_char == end - start else []
