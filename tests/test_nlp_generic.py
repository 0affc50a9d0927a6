"""kg_generic_orgs: category phrases (信托公司, 中资商业银行) are not organizations; names are."""

import pytest

from kg.nlp.generic import is_generic_org
from kg.nlp.pipeline import get_nlp


@pytest.mark.parametrize("name", ["信托公司", "基金管理公司", "中资商业银行", "上市公司", "中小板公司", "科技公司",
                                  "非银行系基金公司", "留学咨询公司", "房地产公司", "科技有限公司", "网络游戏公司",
                                  "综合性国立大学", "中小市值公司", "零售行业公司", "偏股基金", "开放式股票型基金",
                                  "家电类上市公司", "品牌中介公司", "上海一家银行系基金公司", "一位基金",
                                  "省级政府", "市县级政府", "地方政府", "A股基金", "QDII基金", "北京内部公司",
                                  "灾区学校", "行业协会", "行业商会", "价值型基金", "小规模基金",
                                  "国际一流资产管理公司", "供应链公司"])
def test_category_phrases_are_generic(name):
    assert is_generic_org(name)


@pytest.mark.parametrize("name", ["招商银行", "北京农村商业银行", "中国银行", "工商银行", "华为公司", "国投公司",
                                  "中国政府", "北京市政府", "中国互联网协会", "深圳市软件行业协会",
                                  "麦肯锡咨询公司", "万科房地产公司", "北京大学", "国立台湾大学", "腾讯游戏公司"])
def test_names_are_not_generic(name):
    assert not is_generic_org(name)


def test_the_pipeline_drops_category_phrases_only():
    doc = get_nlp()("多家信托公司与招商银行签约。")
    names = {e.text for e in doc.ents}
    assert "招商银行" in names and "信托公司" not in names


def test_a_name_glued_to_a_count_is_split_and_a_counted_list_is_of_organizations():
    doc = get_nlp()("目前满足条件的只有南方、嘉实、华宝兴业和东吴4家公司。")
    assert {e.text for e in doc.ents} == {"南方", "嘉实", "华宝兴业", "东吴"}
    assert "4家" in [t.text for t in doc]


def test_an_ethnic_group_is_no_organization():
    assert is_generic_org("汉族") and is_generic_org("回族")


def test_a_brand_ending_like_an_ethnic_group_is_not_one():
    assert not is_generic_org("魅族")


def test_an_organization_glued_to_the_name_of_its_speaker_is_split():
    """'国家发改委能源研究所康艳兵/ORG 告诉记者': the institute and the person who speaks for it."""
    doc = get_nlp()("国家发改委能源研究所康艳兵告诉记者，任务不轻。中国邮政集团公司发布公告。")
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("康艳兵", "Person") in found and "国家发改委能源研究所" in {text for text, _ in found}
    assert "中国邮政集团公司" in {text for text, _ in found}  # ends like an organization: kept whole


def test_a_sites_dateline_glued_to_its_name_is_split_off():
    doc = get_nlp()("球队获胜新浪体育讯记者高嵩报道 北京时间4月17日，热火获胜。腾讯记者王五报道。")
    names = {e.text for e in doc.ents}
    assert "新浪体育" in names and "新浪体育讯" not in names and "腾讯" in names
    names = {e.text for e in get_nlp()("他爆发了新浪体育讯106比100，吉林队获胜。中兴通讯北京分公司发布公告。").ents}
    assert "新浪体育讯" not in names and "中兴通讯北京分公司" in names


def test_a_name_glued_to_the_verb_of_its_appointment_is_a_person():
    """'聘任胡东良任/ORG 公司副总经理': the person, then 任."""
    doc = get_nlp()("1月15日宝盈基金聘任胡东良任公司副总经理。")
    assert ("胡东良", "Person") in {(e.text, e.label_) for e in doc.ents}


def test_kinds_of_funds_are_not_funds():
    doc = get_nlp()("交易型指数基金的规模扩大。基金债券型基金表现好。长盛同德主题增长基金增持。")
    names = {e.text for e in doc.ents}
    assert names == {"长盛同德主题增长基金"}


def test_a_dateline_glued_to_the_name_after_it_is_split_off():
    names = {e.text for e in get_nlp()("新浪体育讯约翰逊在赛后表示满意。").ents}
    assert not any(name.startswith("新浪体育讯") for name in names)


def test_all_kinds_of_glued_names_are_split_in_one_document():
    """Each split renumbers the tokens after it: the later kinds of cut still find theirs."""
    doc = get_nlp()("国家发改委能源研究所康艳兵告诉记者，任务不轻。宝盈基金聘任胡东良任公司副总经理。"
                    "球队获胜新浪体育讯记者高嵩报道。")
    found = {(e.text, e.label_) for e in doc.ents}
    assert {("康艳兵", "Person"), ("胡东良", "Person"), ("高嵩", "Person")} <= found
    assert not any(text.endswith(("任", "讯")) for text, _ in found)


@pytest.mark.parametrize("name", ["法国大学", "中国代表团", "日本公司", "参股基金公司", "城投公司",
                                  "甲方与乙方合资公司", "新工厂", "子公司", "中国基金"])
def test_a_country_or_a_kind_before_a_generic_head_names_no_organization(name):
    assert is_generic_org(name)


@pytest.mark.parametrize("name", ["中国银行", "美国银行", "博西扬合资公司"])
def test_banks_of_a_country_and_named_joint_ventures_are_names(name):
    assert not is_generic_org(name)


@pytest.mark.parametrize("name, generic", [
    ("郑州分公司", True), ("上海办事处", True), ("华为技术有限公司北京分公司", False), ("招商证券深圳营业部", False),
])
def test_a_branch_named_only_by_its_city_is_no_name(name, generic):
    """'北京某出国留学咨询服务郑州分公司': the firm is unnamed, so its branch is too."""
    assert is_generic_org(name) is generic


@pytest.mark.parametrize("name", ["中国新能源", "中国地产", "信息服务公司", "财经频道", "新闻频道"])
def test_a_countrys_industry_or_a_line_of_business_is_no_firm(name):
    assert is_generic_org(name)


def test_a_web_address_is_no_entity():
    """'cj.7yx.com.cn/award7/category-D14.aspx' is where an award is listed, not who gives it."""
    found = {e.text for e in get_nlp()("评选地址：cj.7yx.com.cn/award7/category-D14.aspx，欢迎投票。").ents}
    assert not any("7yx" in text for text in found)


def test_firms_of_a_place_are_no_names_but_firms_named_after_one_are():
    """A trade name may not be a division's name alone: '深圳多家基金公司', '北京基金公司', '上海公司'
    are firms of a place; '北京银行', '上海证券' and '南京大学' are names, and a bare division name
    LAC took for an organization is the place."""
    def ents(text):
        return {(e.text, e.label_) for e in get_nlp()(text).ents}

    assert ents("北京基金公司、上海公司和深圳公司的人员流动较大。") == set()
    assert ("深圳多家基金公司", "Company") not in ents("北京、上海和深圳多家基金公司出现换岗现象。")
    assert ents("这些大公司都在扩张。") == set()
    assert {("北京银行", "Company"), ("上海证券", "Company"), ("南京大学", "ResearchInstitute")} <= ents(
        "北京银行、上海证券和南京大学都表示支持。")
    assert ents("昨日，深圳一家基金公司相关人士告诉记者。") == {("深圳", "Location")}


def test_a_kind_of_fund_is_no_product_and_a_surname_saying_no_person():
    doc = get_nlp()("“我们减仓幅度很大。”秦说。开放式股票型基金的仓位下降，宏达成长股票型基金除外。")
    found = {(e.text, e.label_) for e in doc.ents}
    assert not any(text in ("秦说", "开放式股票型基金") for text, _ in found)
    assert ("宏达成长股票型基金", "Product") in found


def test_a_conjunction_glued_to_a_name_the_text_also_writes_alone_is_split_off():
    """LAC: 伯克利和/ORG 张江集团/ORG; '巴黎科学与/ORG 文学集团/ORG' stays one name (巴黎科学 is never
    written alone)."""
    text = "伯克利和张江集团还将合资成立一家咨询服务公司，为伯克利及其它大学服务。伯克利的学者也将参与。"
    names = {e.text for e in get_nlp()(text).ents}
    assert {"伯克利", "张江集团"} <= names and "伯克利和张江集团" not in names
    names = {e.text for e in get_nlp()("波尔多大学和巴黎科学与文学集团因此获得了政府10亿欧元。").ents}
    assert "巴黎科学与文学集团" in names


def test_the_modal_hui_glued_to_a_name_the_text_also_writes_alone_is_split_off():
    text = "上市后新浪乐居可以赢取更多的资源，新浪乐居会越走越好。中国科协会议召开。"
    names = {e.text for e in get_nlp()(text).ents}
    assert "新浪乐居" in names and "新浪乐居会" not in names


def test_a_reporter_glued_to_the_firm_the_story_opens_with_is_split_off():
    """LAC: 记者 潘琦银华基金管理公司/ORG; the firm begins where the text names it alone (银华)."""
    text = ("银华和谐主题基金26日起发行⊙本报记者 潘琦银华基金管理公司今日发布公告，"
            "银华和谐主题灵活配置基金将于3月26日发行。")
    found = {(e.text, e.label_) for e in get_nlp()(text).ents}
    assert {("潘琦", "Person"), ("银华基金管理公司", "Company")} <= found


def test_kinds_of_goods_listed_as_brands_and_a_firms_figures_are_no_organizations():
    doc = get_nlp()("郭某拥有牛奶、洗衣液、家电、饼干等多家商业品牌的代言合约在身。根据银河证券数据显示，周跌幅最大。")
    found = {(e.text, e.label_) for e in doc.ents}
    assert not any(text in ("牛奶", "洗衣液", "家电", "饼干", "银河证券数据", "周跌幅") for text, _ in found)
    assert ("银河证券", "Company") in found


def test_a_report_kind_a_datelines_word_and_a_lower_case_english_word_are_no_names():
    doc = get_nlp()("世界银行18日发布的新一期《中国经济季报》预测，季报显示增长。综合新华社电 the economic outlook。")
    names = {e.text for e in doc.ents}
    assert not names & {"季报", "综合", "economic"}


def test_a_trades_standing_is_no_name_and_describing_nouns_stay_off_a_firm_lac_named_whole():
    """'老牌基金公司', '沪深300基金' name no one; '实木 地板 巨头 宏达集团/ORG': the firm alone, and
    '龙头宏达集团旗下地产公司/ORG' is cut at 旗下 (the firm it owns is unnamed)."""
    from kg.nlp.lac_tokenizer import analyse
    from kg.nlp.pipeline import get_nlp

    found = {(e.text, e.label_) for e in get_nlp()("选择老牌基金公司旗下的新基金。华信沪深300基金发行。").ents}
    assert not any(text in ("老牌基金公司", "沪深300基金") for text, _ in found)
    assert {e.text for e in get_nlp()("该地块被实木地板巨头宏达集团获取。").ents} == {"宏达集团"}
    assert [w for w in analyse("被龙头宏达集团旗下地产公司获取") if "旗下" in w[0]] == [("旗下", "n")]


def test_all_of_a_country_or_programme_names_no_body_a_group_of_countries_is_no_company_and_a_handle_no_product():
    from kg.nlp.components import org_type
    from kg.nlp.generic import GENERIC_ORG
    from kg.nlp.pipeline import get_nlp

    assert all(GENERIC_ORG.fullmatch(name) for name in ("全国大学", "全美大学", "211工程学校", "全国基金公司"))
    assert org_type("二十国集团") == "Organization" and org_type("华信集团") == "Company"
    doc = get_nlp()("在一篇帖子下，网友“abch4”说:我今年三十了。on one’s own account1) 为了某人的缘故")
    assert not any(e.label_ == "Product" for e in doc.ents)
