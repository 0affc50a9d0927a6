"""kg_brand_models: a brand followed by a Latin-and-digit model code is a product."""

import pytest

from kg.nlp.pipeline import get_nlp


def ents(text):
    return {(e.text, e.label_) for e in get_nlp()(text).ents}


@pytest.mark.parametrize("text,product", [
    ("尼康S570是尼康在最近发布的一款时尚卡片机。", "尼康S570"),   # one LAC token tagged ORG
    ("佳能IXUS120 IS是佳能刚刚推出的新机型。", "佳能IXUS120 IS"),  # brand + code + suffix
    ("华为发布了华为Mate60手机。", "华为Mate60"),
])
def test_brand_model_runs_are_products(text, product):
    assert (product, "Product") in ents(text)


@pytest.mark.parametrize("text,not_product", [
    ("腾讯Q3财报显示收入增长。", "腾讯Q3"),       # a report period
    ("经典造型卡片式MP3仅售189元。", "MP3"),    # a kind of device
    ("小米推出小米14。", "小米14"),             # digits only: no code letter (not recognised, not guessed)
    ("华信旗下300亿元巨型货币基金的出现并非偶然。", "巨型货币基金"),  # a fund of a size and kind
])
def test_periods_kinds_and_prices_are_not_products(text, not_product):
    assert all(name != not_product for name, _ in ents(text))


def test_a_virus_name_is_not_a_product():
    assert all(label != "Product" for _, label in ents("甲型H1N1流感疫情必须等到11月才会降温。"))


def test_funds_of_a_named_fund_company_and_funds_by_kind_are_products():
    labels = {e.text: e.label_ for e in get_nlp()(
        "长盛基金公告称，长盛同德主题增长基金将开放申购。鄱阳湖产业投资基金首期规模50亿元。").ents}
    assert labels.get("长盛同德主题增长基金") == "Product"
    assert labels.get("长盛基金") in ("Company", "Organization")


def test_a_fund_named_by_its_quantitative_or_income_style_is_a_product():
    # LAC: 嘉实量化/ORG 阿尔法基金/ORG
    found = ents("以“量化”投资策略为主的嘉实量化阿尔法基金上周六发布了成立公告。")
    assert ("嘉实量化阿尔法基金", "Product") in found


def test_a_fund_introduced_by_a_dash_after_its_count_is_a_product():
    """'第一只基金产品——<name>基金': the whole (long) name; a kind of fund ('沪深300指数基金') is none."""
    found = ents("中银基金管理公司昨日公告，公司第一只基金产品——中银行业优选灵活配置混合型基金将于2月23日发行。")
    assert ("中银行业优选灵活配置混合型基金", "Product") in found
    found = ents("南方基金旗下首只指数化产品——沪深300指数基金正在发行。")
    assert not any(label == "Product" for _, label in found)


def test_a_name_before_jijinjingli_that_extends_a_house_named_elsewhere_is_its_fund():
    doc = get_nlp()("华信、宏达等基金公司加仓。华信科瑞基金经理付明认为，市场上涨。")
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("华信科瑞", "Product") in found and ("华信", "Company") in found
    found = {(e.text, e.label_) for e in get_nlp()("华信基金表示看好。华信基金公司基金经理王炯表示。").ents}
    assert ("华信基金公司", "Company") in found  # the house, never its fund


def test_drugs_are_named_by_their_inn_stem_and_dosage_form():
    """'创新药瑞维鲁胺片', '该公司的阿得贝利单抗注射液', '宏达药业的泽布替尼': products; a firm's name
    before 的 stays the firm's, and 洛尔 ending a player's name makes no drug."""
    doc = get_nlp()("公司自主研发的1类创新药瑞维鲁胺片获批。该公司的阿得贝利单抗注射液、达尔西利片等产品已获批。"
                    "百济神州的泽布替尼销售额增长。只是罗斯和洛尔都没上场。")
    products = {e.text for e in doc.ents if e.label_ == "Product"}
    assert products == {"瑞维鲁胺片", "阿得贝利单抗注射液", "达尔西利片", "泽布替尼"}


def test_no_model_named_by_a_subject_or_a_kind_and_no_firm_made_of_a_verb_phrase():
    """'开源是推动大模型普及的…' (开源 is the subject), '最大的开源模型族群' (a kind), '测评中超越/ORG 了'."""
    doc = get_nlp()("Qwen3在推理等多项测评中超越了宏达R1。衍生模型已超过10万个，成为全球最大的开源模型族群。"
                    "“开源是推动大模型普及的最佳路径。”吴明说。")
    assert {e.text for e in doc.ents} <= {"Qwen3", "宏达R1", "吴明"}


def test_members_counted_in_words_before_jijin_are_funds():
    doc = get_nlp()("国金证券分析师指出，景宏、汉兴等几只基金仍可能具备年度分红能力。")
    assert {(e.text, e.label_) for e in doc.ents} >= {("景宏", "Product"), ("汉兴", "Product")}
