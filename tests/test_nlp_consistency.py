"""kg_repeated_names: a name recognised once in a document is recognised wherever it recurs."""

from kg.nlp.pipeline import get_nlp


def ents(text):
    return [(e.text, e.label_, e.start_char) for e in get_nlp()(text).ents]


def test_repeat_of_a_recognised_firm_is_tagged_with_its_label():
    text = "鹏华基金总经理由原南方基金副总经理邓召明担任，原南方基金副总经理许小松接替他。"
    found = [(name, start) for name, label, start in ents(text) if name == "南方基金"]
    assert len(found) == 2
    labels = {label for name, label, _ in ents(text) if name == "南方基金"}
    assert len(labels) == 1


def test_repeat_inside_a_longer_token_is_left_alone():
    # '华为' is recognised on its own; inside the word '华为人' nothing new is tagged across a token.
    text = "华为发布新手机。张伟说，华为人都很努力。"
    names = [name for name, _, _ in ents(text)]
    assert names.count("华为") >= 1
    assert all(name != "华为人" for name in names)


def test_latin_name_inside_a_longer_word_is_not_tagged():
    import re

    from kg.nlp.consistency import _stands_alone

    text = "Sora is not Soraya."
    matches = list(re.finditer("Sora", text))
    assert [_stands_alone(text, m, "Sora") for m in matches] == [True, False]


def test_the_model_code_of_a_brand_and_model_product_is_that_product_where_it_recurs():
    doc = get_nlp()("新品三星ST500很超值 【行情】ST500是三星推出的一款时尚数码相机。")
    assert [(e.text, e.label_) for e in doc.ents if e.text == "ST500"] == [("ST500", "Product")]


def test_a_common_word_tagged_once_is_not_spread_as_a_name():
    """'4家北京基金公司管理的19只基金、4家上海公司管理的5只基金': funds counted in a list of firms are
    no firm named 基金, and a word LAC reads as a noun elsewhere is not tagged a name everywhere."""
    text = ("据统计，4家北京基金公司管理的19只基金、4家上海公司管理的5只基金、4家深圳公司管理的6只基金。"
            "基金经理变更频繁，多只基金的基金经理发生变动。")
    assert "基金" not in {name for name, _, _ in ents(text)}


def test_a_name_the_text_also_writes_before_a_firms_head_is_the_firms():
    found = {(e.text, e.label_) for e in get_nlp()("施罗德表示，市场向好。施罗德基金管理公司也发布报告。").ents}
    assert ("施罗德", "Organization") in found and not any(label == "Person" for _, label in found)


def test_a_place_name_the_text_also_writes_before_jijin_is_the_fund_house_but_a_known_place_stays():
    """'华安/LOC' beside '华安基金': the fund house; 北京 stays a place beside 北京基金."""
    found = {(e.text, e.label_) for e in get_nlp()("华安旗下两只基金排名靠后，华安基金表示将调整。").ents}
    assert ("华安", "Organization") in found and ("华安", "Location") not in found
    found = {(e.text, e.label_) for e in get_nlp()("北京的基金公司很多，北京基金业协会表示欢迎。").ents}
    assert ("北京", "Location") in found


def test_a_two_character_person_opening_a_firms_name_in_the_document_is_that_firm():
    doc = get_nlp()("阿里巴巴集团CEO吴泳铭说，未来三年阿里在云和AI上的投入将超过过去十年。")
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("阿里", "Organization") in found and ("阿里", "Person") not in found
