"""The spaCy pipeline: LAC tokenizer and kg's entity components, on invented sentences."""

import pytest

from kg.nlp.components import org_type
from kg.nlp.lac_tokenizer import chunks
from kg.nlp.names import is_person_name
from kg.nlp.pipeline import build_nlp, get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def ents(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_chunks_cover_text_exactly():
    text = "第一句。第二句！\n\n第三句没有结尾" + "长" * 1000
    assert "".join(chunks(text)) == text
    assert max(len(c) for c in chunks(text)) <= 400


def test_tokens_reconstruct_text_and_whitespace_is_separate(nlp):
    text = "本报讯(记者 王五) 近日,某公司发布新品。"
    doc = nlp(text)
    assert doc.text == text
    assert all(not t.text.strip() or t.text.strip() == t.text for t in doc)


def test_person_surname_split_by_lac_is_joined(nlp):
    # LAC splits some given names off their surname; the component joins them back.
    found = ents(nlp, "中国某协会常务副会长关晓明强调,安全性是一个不容忽视的问题。")
    assert any(label == "Person" and name.endswith("晓明") and len(name) == 3 for name, label in found)


def test_org_with_parenthetical_place_and_legal_form(nlp):
    found = ents(nlp, "在位于江苏省苏州市工业园区的宏远光电科技(苏州)有限公司车间里,机器人在运行。")
    assert ("宏远光电科技(苏州)有限公司", "Company") in found
    assert ("江苏省苏州市工业园区", "Location") in found


def test_report_in_book_title_marks(nlp):
    found = ents(nlp, "某研究院近日发布《2023年中国数字经济发展研究报告》。")
    assert ("2023年中国数字经济发展研究报告", "Report") in found


def test_ranking_span(nlp):
    found = ents(nlp, "商务部公布第二批绿色工厂示范名单,多家企业入选。")
    assert any(label == "Ranking" and name.endswith("名单") for name, label in found)


def test_latin_product_by_context(nlp):
    found = ents(nlp, "美国公司Anthropic发布新一代大语言模型Claude。Claude的表现超出预期。")
    assert ("Claude", "Product") in found


def test_versioned_model_name(nlp):
    found = ents(nlp, "该公司推出了自研的盘古3.0大模型。")
    assert ("盘古3.0大模型", "AIModel") in found


def test_list_members_become_organizations(nlp):
    found = ents(nlp, "比亚迪、长安汽车、蔚来汽车、理想汽车等车企陆续发布降价消息。")
    names = {n for n, label in found if label in ("Organization", "Company")}
    assert {"比亚迪", "长安汽车"} <= names


def test_members_of_a_list_of_organizations_are_organizations_whatever_lac_tagged_them(nlp):
    """Short firm names LAC takes for people (大成) or places (东吴) are organizations (companies:
    基金公司) in a list its category noun calls firms; a list of people stays people."""
    found = dict(ents(nlp, "有国海富兰克林、东吴、景顺长城、大成等4家基金公司发布了公告。"))
    assert {found.get(n) for n in ("国海富兰克林", "东吴", "景顺长城", "大成")} == {"Company"}  # 基金公司
    people = dict(ents(nlp, "会上，张三、李四和王五等专家发言。"))
    assert {people.get(n) for n in ("张三", "李四", "王五")} == {"Person"}
    industries = dict(ents(nlp, "有色金属、煤炭、航运、化工等高周期性的公司的估值已处于较低的位置。"))
    assert not {"有色金属", "煤炭", "化工"} & set(industries)  # companies *of* these industries


def test_generic_acronyms_are_not_entities(nlp):
    found = ents(nlp, "AI和AIGC推动GDP增长,PMI回升。")
    assert not any(name in ("AI", "AIGC", "GDP", "PMI") for name, _ in found)


def test_sentences_keep_quotes_with_their_speaker(nlp):
    doc = nlp("“很好。”张三表示。李四说:“不好。”王五也说了话。")
    sents = [s.text for s in doc.sents]
    assert sents[0] == "“很好。”张三表示。"
    assert sents[1] == "李四说:“不好。”"


def test_helpers():
    assert is_person_name("张三丰") and is_person_name("欧阳修") and not is_person_name("长文")
    assert org_type("中国汽车工业协会") == "Association"
    assert org_type("某某科技股份有限公司") == "Company"
    assert org_type("工业和信息化部") == "GovernmentAgency"


def test_unknown_segmenter_is_refused():
    with pytest.raises(ValueError, match="unknown segmenter"):
        build_nlp("jieba")
    with pytest.raises(ValueError, match="local model"):
        build_nlp("pkuseg")


def test_counted_nouns_and_generic_heads_are_not_organizations(nlp):
    found = ents(nlp, "我们将共同见证一个新时代的诞生,中国电信等电信运营商也在其中。")
    names = {n for n, label in found}
    assert "新时代" not in names and "电信" not in names
    assert "中国电信" in names


def test_trained_ner_is_an_optional_extra_source():
    nlp = get_nlp("lac+ner")
    assert "kg_trained_ner" in nlp.pipe_names and "kg_trained_ner" not in get_nlp().pipe_names
    doc = nlp("华信科技创始人张建国表示,公司将加大投入。")
    assert ("张建国", "Person") in {(e.text, e.label_) for e in doc.ents}
    with pytest.raises(ValueError, match="unknown pipeline"):
        get_nlp("lac+bert")


def test_pkuseg_segmenter_with_a_local_model_and_user_dictionary(tmp_path):
    import spacy_pkuseg

    corpus = tmp_path / "train.txt"
    corpus.write_text("华信 科技 发布 新品 。\n张三 表示 很好 。\n公司 将 加大 投入 。\n" * 40, encoding="utf-8")
    spacy_pkuseg.train(str(corpus), str(corpus), str(tmp_path / "model"), train_iter=2)
    words = tmp_path / "user.txt"
    words.write_text("华信科技\n", encoding="utf-8")
    nlp = build_nlp("pkuseg", pkuseg_model=str(tmp_path / "model"), pkuseg_user_dict=str(words))
    doc = nlp("华信科技发布《2024年行业发展研究报告》。")
    assert "华信科技" in [t.text for t in doc]
    # The rule components run on pkuseg's words too (a tiny model's boundaries may be coarse).
    assert any(e.label_ == "Report" and "行业发展研究报告" in e.text for e in doc.ents)


def test_names_after_a_job_title_that_lac_missed_or_cut():
    from kg.nlp.pipeline import get_nlp

    nlp = get_nlp()
    people = {e.text for e in nlp("华信科技董事长单森林先生，宏远集团总经理李克难表示，市场将回暖。").ents
              if e.label_ == "Person"}
    assert {"单森林", "李克难"} <= people
    assert not [e for e in nlp("华信基金经理普遍认为，市场将回暖。").ents if e.label_ == "Person"]


def test_firm_is_not_extended_over_the_first_word_of_a_role():
    doc = get_nlp()("信达证券基金分析师刘明军指出，市场回暖。招商基金产品部总监马静表示。")
    names = {e.text for e in doc.ents}
    assert {"信达证券", "招商基金"} <= names
    assert not names & {"信达证券基金", "招商基金产品部"}


def test_a_department_glued_to_a_firm_is_cut_off_but_ministries_stay_whole():
    assert [e.text for e in get_nlp()("南方基金国际部总监丁晨表示。").ents] == ["南方基金", "丁晨"]
    assert [e.text for e in get_nlp()("商务部部长王文涛表示。").ents][0] == "商务部"


def test_schools_and_hospitals_are_organizations():
    names = {(e.text, e.label_) for e in get_nlp()("武汉市武珞路中学创办于1966年，她后来在协和医院工作。").ents}
    assert {("武汉市武珞路中学", "Organization"), ("协和医院", "Organization")} <= names


@pytest.mark.parametrize("text,name", [
    ("陈健仁分析，H1N1病毒传播很快，H1N1的症状较轻。", "H1N1"),      # a code, no product cue
    ("他在blog上写道，blog的读者很多。", "blog"),                  # a common Latin word, repeated
])
def test_latin_words_without_a_product_cue_are_not_products(text, name):
    assert all(e.text != name for e in get_nlp()(text).ents)


def test_a_released_latin_name_is_a_product():
    assert ("Sora", "Product") in {(e.text, e.label_) for e in get_nlp()("OpenAI发布Sora，引发关注。").ents}


@pytest.mark.parametrize("name", ["赖梅松", "洪涛", "傅强"])
def test_common_surnames_missing_before_are_known(name):
    assert (name, "Person") in {(e.text, e.label_) for e in get_nlp()(f"华信科技总经理{name}表示，前景很好。").ents}


def test_a_name_cut_before_a_one_character_verb_and_no_name_from_a_time_word():
    names = {e.text for e in get_nlp()("开幕式上，中兴通讯股份有限公司董事长李自学作了主题演讲。").ents}
    assert "李自学" in names
    names = {e.text for e in get_nlp()("华信科技总经理王刚才表示同意。").ents}
    assert "王刚才" not in names


def test_a_name_cut_before_its_last_character_is_whole_where_the_text_writes_it_whole(nlp):
    """'王建/PER 新心里': the document names 王建新 elsewhere; a lone 王建 stays as it is."""
    doc = nlp("王建新是华信基金的基金经理。上周发出指令时，王建新心里还是挺笃定的。")
    assert [e.text for e in doc.ents if e.label_ == "Person"] == ["王建新", "王建新"]


def test_a_market_word_is_no_city_and_a_quantity_no_name(nlp):
    found = dict(ents(nlp, "华信基金首个产品25日面市，在深圳市发行。"))
    assert "面市" not in found and found.get("深圳市") == "Location"
    assert "震荡市" not in dict(ents(nlp, "而深圳一位私募基金人士则认为目前震荡市的格局并没有转换。"))
    assert not ents(nlp, "两家基金公司赎回自购基金\xa0\xa0\xa0\xa02200点基金公司先跑 批量分红预防基民大撤退")
    found = dict(ents(nlp, "她在新社区的水电费一共花了500多元，夫妻两人各靠每个月360多元的低保生活，交纳房租"))
    assert "360多元" not in found  # LAC: '360多元/ORG' here


def test_a_title_cited_as_a_source_is_a_news_outlet(nlp):
    """'据瑞典《每日新闻》26日报道': a place may precede the paper and a date follow it; a law cited
    with 根据 is no outlet."""
    found = dict(ents(nlp, "据瑞典《每日新闻》26日报道，当地基金升值。根据《合同法》规定，合同有效。"))
    assert found.get("每日新闻") == "MediaOutlet" and found.get("合同法") != "MediaOutlet"


def test_a_name_lac_cut_after_its_surname_is_joined_after_a_title(nlp):
    """'总经理张/PER 在荣/p 向记者表示': a surname LAC saw start a name, and the word it cut off."""
    found = dict(ents(nlp, "新展银行直投业务总经理张在荣向记者表示，银行要建立防火墙。"))
    assert found.get("张在荣") == "Person"
    assert "张表示" not in dict(ents(nlp, "公司董事长张表示，今年业绩增长。"))


def test_a_centre_completes_the_organization_name_before_it(nlp):
    found = dict(ents(nlp, "广州留学人员服务管理中心出国部项目总监张国华告诉记者。购物中心人很多。"))
    assert found.get("广州留学人员服务管理中心") == "Organization" and "购物中心" not in found


def test_a_latin_name_with_officers_is_an_organization_even_when_it_looks_like_a_code(nlp):
    found = ents(nlp, "作为生力军的T4game推出新游戏。T4game(呈天游)副总裁韩静表示，很好。")
    assert ("T4game", "Organization") in found and ("T4game", "Product") not in found


def test_what_a_brand_means_is_no_body(nlp):
    assert [text for text, _ in ents(nlp, "华信的品牌内涵很丰富，品牌形象也好。")] == ["华信"]


def test_formats_listed_with_slashes_are_no_name(nlp):
    assert not ents(nlp, "支持RMVB/RM/AVI/FLV/DAT/MPG/MP4/WMV等视频格式。")


def test_a_web_address_is_no_product(nlp):
    found = dict(ents(nlp, "【ZOL-七天在线 it7t.com】ST500是三星推出的一款时尚数码相机。"))
    assert "it7t.com" not in found
    found = dict(ents(nlp, "美国国务院推出新的J1签证项目网页http://j1visa.state.gov。"))
    assert not any("j1visa" in name for name in found)


def test_a_quoted_name_right_after_its_kind_is_a_launched_product(nlp):
    found = dict(ents(nlp, "今天分享的是新浪网新推出的创新产品“微博”。公司推出了“回馈”活动。"))
    assert found.get("微博") == "Product" and found.get("回馈") != "Product"


def test_a_bracket_lac_glued_to_a_word_is_a_token_and_the_legal_form_joins_the_name(nlp):
    """'西门子 （ 中国）有限公司/LOC': the bracket is cut off, and '<name>（<place>）有限公司' is one
    company, also right before a title ('…有限公司总裁张三')."""
    found = dict(ents(nlp, "西门子（中国）有限公司发布公告。微软（中国）有限公司总裁张亚勤表示欢迎。"))
    assert found.get("西门子（中国）有限公司") == "Company" and found.get("微软（中国）有限公司") == "Company"
    assert "中国）有限公司" not in found


def test_model_codes_lac_cut_or_glued_to_a_mark_are_one_word():
    from kg.nlp.lac_repairs import _rejoin_codes
    assert _rejoin_codes([("接近", "v"), ("GPT", "nz"), ("-4。", "w")]) == [("接近", "v"), ("GPT-4", "nz"), ("。", "w")]
    assert _rejoin_codes([("模型", "n"), ("V3", "xc"), (".5", "w")]) == [("模型", "n"), ("V3.5", "xc")]
    assert _rejoin_codes([("为", "v"), ("2.5。", "m")]) == [("为", "v"), ("2.5", "m"), ("。", "w")]
    assert _rejoin_codes([("增长", "v"), ("-", "w"), ("3.5%", "m")]) == [("增长", "v"), ("-", "w"), ("3.5%", "m")]


def test_a_model_named_where_it_is_released(nlp):
    """LAC cuts new model names into pieces; after a release verb the run ending in 模型 (and its
    version) is the name, unless it only says what kind of model it is."""
    found = dict(ents(nlp, "科大讯飞在合肥发布讯飞星火认知大模型V3.5。刘庆峰表示：“星火V3.5已接近GPT-4。”"
                           "阿里云发布通义千问2.5大模型。公司发布了一款多模态大模型。百度推出新一代行业大模型。"))
    assert found.get("讯飞星火认知大模型V3.5") == "AIModel" and found.get("通义千问2.5大模型") == "AIModel"
    assert found.get("星火V3.5") == "AIModel"  # named again by part of its name and its version
    assert not any(name.endswith(("多模态大模型", "行业大模型")) for name in found)


def test_devices_named_by_kind_and_number_and_spaced_model_names(nlp):
    found = dict(ents(nlp, "寒武纪8日发布新一代云端智能芯片思元590。华为近日推出Mate 60 Pro手机。"
                           "苹果推出iPhone 15 Pro Max。公司发布了手机销量100万台的数据。"))
    assert found.get("思元590") == "Product"
    assert found.get("Mate 60 Pro") == "Product" and found.get("iPhone 15 Pro Max") == "Product"
    assert not any(name.startswith("销量") for name in found)


def test_a_verb_lac_ran_into_the_names_around_it_is_cut_out():
    from kg.nlp.lac_tokenizer import analyse
    words = [w for w, _ in analyse("科大讯飞发布讯飞星火认知大模型V3.5。")]
    assert "发布" in words and "讯飞星火" in words


def test_a_firms_short_name_after_its_registered_name(nlp):
    """'荣耀终端有限公司' then '荣耀' (LAC: an adjective): the short name is the company; its
    Latin model code after it ('Magic' + '6') makes the product."""
    found = dict(ents(nlp, "荣耀终端有限公司在深圳发布新款旗舰手机荣耀Magic6。荣耀CEO赵明表示，Magic6搭载了大模型。"))
    assert found.get("荣耀") == "Company" and found.get("荣耀Magic6") == "Product"
    from kg.nlp.consistency import short_firm_name
    assert short_firm_name("华为技术有限公司") == "华为" and short_firm_name("阿里巴巴(中国)有限公司") == "阿里巴巴"
    assert short_firm_name("中国科学院") is None


def test_latin_organizations_by_their_kind_or_a_timed_release_and_no_descriptor(nlp):
    found = dict(ents(nlp, "市场研究机构IDC日前发布《2023年中国智能手机市场跟踪报告》。"
                           "美国人工智能公司OpenAI推出视频生成模型Sora。"))
    assert found.get("IDC") == "Organization" and found.get("OpenAI") == "Organization"
    assert "美国人工智能公司" not in found
    # a registered name is no descriptor, a site label after it no firm, a title no part of a name
    found = dict(ents(nlp, "出品商：天择科技有限公司WAP手机官网。该公司CEO Henk Rogers表示看好。"))
    assert found.get("天择科技有限公司") == "Company" and "WAP" not in found
    assert not any(name.startswith("CEO") for name in found)


def test_a_place_before_a_firms_title_is_a_firm(nlp):
    """LAC tags 招商地产 a place; a firm's title (副总经理) after it says otherwise. 北京市长: a place."""
    found = dict(ents(nlp, "招商地产副总经理杨志光、招商地产总经理助理彭良万参加了盛会。北京市长郭金龙出席。"))
    assert found.get("招商地产") in ("Organization", "Company") and found.get("北京") == "Location"


def test_a_latin_name_after_a_kind_of_product_is_a_product(nlp):
    found = dict(ents(nlp, "近日，月之暗面科技有限公司推出智能助手Kimi，用户规模迅速增长。"))
    assert found.get("Kimi") == "Product"


def test_firm_names_run_together_are_one_company_each(nlp):
    """A list whose line breaks were lost: LAC gives one ORG word; each registered name is a company."""
    found = dict(ents(nlp, "获奖名单：圣象集团有限公司吴江三益建材纺织有限公司杭州明成木业有限公司"))
    assert {"圣象集团有限公司", "吴江三益建材纺织有限公司", "杭州明成木业有限公司"} <= set(found)
    assert not any(len(name) > 14 for name in found)


def test_a_promotion_society_is_an_association_and_a_class_of_drug_no_product(nlp):
    found = ents(nlp, "中国医药创新促进会执行会长宋瑞霖认为，创新药进步明显。")
    assert ("中国医药创新促进会", "Association") in found
    assert not any(label == "Product" for _, label in ents(nlp, "将GLP-1类创新药的海外权益授权给对方。"))


def test_a_count_or_a_colours_name_is_no_person(nlp):
    text = "它共有冷艳银、深邃黑、宁静蓝和华丽棕四种时尚颜色可供选择。"  # 宁静蓝/PER
    assert not any(label == "Person" for _, label in ents(nlp, text))
    assert not any(label == "Person" for _, label in ents(nlp, "每秒钟8张连怕性能。"))  # (sic) 8 张连/PER
    assert ("张连", "Person") in ents(nlp, "张连说很好。")


def test_a_family_or_a_relative_named_by_a_surname_is_no_person(nlp):
    found = ents(nlp, "她卖了霍家豪宅，郭妈妈说，张大妈也来了。王家卫导演表示很好。")
    assert [text for text, label in found if label == "Person"] == ["王家卫"]


def test_an_honorific_lac_glued_to_a_full_name_is_no_part_of_it(nlp):
    found = dict(ents(nlp, "信息技术有限公司董事长高雨先生荣获奖项。王先生表示同意。"))
    assert found.get("高雨") == "Person" and "高雨先生" not in found
    assert found.get("王先生") == "Person"  # a surname alone keeps its honorific


def test_split_glued_firms_keeps_single_names_and_branches():
    from kg.nlp.lac_repairs import _split_glued_firms
    assert _split_glued_firms("中国石油天然气股份有限公司") == ["中国石油天然气股份有限公司"]
    assert _split_glued_firms("中国银行股份有限公司北京市分行") == ["中国银行股份有限公司北京市分行"]
    assert _split_glued_firms("甲乙有限公司丙丁有限责任公司") == ["甲乙有限公司", "丙丁有限责任公司"]


def test_members_of_a_list_of_companies_are_companies(nlp):
    found = dict(ents(nlp, "比亚迪、长安汽车、理想汽车等车企陆续发布降价消息。中国证监会发布公告。"))
    assert found.get("比亚迪") == "Company" and found.get("理想汽车") == "Company"
    assert found.get("中国证监会") == "GovernmentAgency"


def test_a_branch_is_no_place_and_a_firms_department_no_agency(nlp):
    from kg.nlp.components import org_type

    assert org_type("工行投资银行部") == "Organization" and org_type("商务部") == "GovernmentAgency"
    assert org_type("证监会基金部") == "GovernmentAgency"
    doc = nlp("工作人员不是从江西省分行选拔，尽管江西省分行也很积极。")
    assert "Location" not in {e.label_ for e in doc.ents if e.text.endswith("分行")}


def test_markets_are_not_places(nlp):
    found = dict(ents(nlp, "昨日沪深两市大幅上涨，港股也随之走高。"))
    assert "沪深" not in found and "港股" not in found


def test_the_state_councillor_title_names_no_organization(nlp):
    assert "国务" not in dict(ents(nlp, "国务委员戴秉国25日抵达华盛顿。"))


def test_latin_series_names_with_a_spaced_number_or_a_hyphened_code_are_products(nlp):
    found = dict(ents(nlp, "徕卡D-LUX4是一款相机。EOS 7D实现了高速连拍。与EOS 50D相比要快。"))
    assert {found.get(n) for n in ("D-LUX4", "EOS 7D", "EOS 50D")} == {"Product"}


def test_an_organization_lac_cut_in_two_and_a_fund_named_after_its_manager(nlp):
    found = dict(ents(nlp, "今日，通产丽星（002243，收盘价8.95元）公布了2008年年报。"
                           "长盛基金旗下的长盛同德主题增长和长盛中信全债指数基金分别新进了179.24万股。"))
    assert "通产丽星" in found and "丽星" not in found
    assert found.get("长盛中信全债指数基金") == "Product" and "中信" not in found


def test_two_names_run_together_stay_two():
    from kg.nlp.lac_repairs import _join_cut_organizations as join
    assert join([("通产", "ORG"), ("丽星", "ORG")]) == [("通产丽星", "ORG")]
    assert join([("综合", "ORG"), ("新华社", "ORG")]) == [("综合", "ORG"), ("新华社", "ORG")]
    assert join([("新浪乐居", "ORG"), ("新浪", "ORG")]) == [("新浪乐居", "ORG"), ("新浪", "ORG")]


def test_series_letters_kinds_of_firms_and_english_words_are_no_names(nlp):
    found = dict(ents(nlp, "佳能A系列相机都可以称得上经典。万科A今日上涨。银行系基金在固定收益类产品上表现不错。"
                           "很多家装公司表示。It will be the driver's responsibility."))
    assert found.get("佳能") in ("Organization", "Company") and "佳能A" not in found
    assert found.get("万科A") == "Company"  # its A shares
    assert not {"银行系基金", "家装公司", "the"} & set(found)


def test_a_latin_name_before_the_kind_of_device_is_a_product(nlp):
    found = dict(ents(nlp, "小米CyberOne仿生机器人将在年内迭代。苹果发布Vision Pro头显。"))
    assert found.get("CyberOne") == "Product" and found.get("Vision Pro") == "Product"


def test_an_acronym_before_a_device_is_a_kind_of_device(nlp):
    found = dict(ents(nlp, "在智能车间，AGV智能机器人在自动运行中。"))
    assert "AGV" not in found


def test_a_model_code_said_again_and_again_is_a_product(nlp):
    found = dict(ents(nlp, "“C919的安全性得到了认可。”刘绍勇说。截至目前，C919累计获得订单超过1000架。"
                           "二十国集团G20峰会召开。"))
    assert found.get("C919") == "Product" and "G20" not in found


def test_a_short_name_after_the_kind_of_model_released_and_teams_are_no_firms(nlp):
    found = dict(ents(nlp, "快手日前发布视频生成大模型可灵。公司推出了新的大模型产品。"))
    assert found.get("可灵") == "AIModel" and "产品" not in found
    from kg.nlp.generic import is_generic_org
    assert is_generic_org("大模型团队") and not is_generic_org("华信团队")


def test_funds_of_a_fund_company_and_funds_counted_are_products(nlp):
    found = dict(ents(nlp, "此外建信基金旗下的建信优势动力和建信优化配置也分别新进了230.46万股。"
                           "测算结果还显示，交银施罗德成长等5只股票型基金上周仓位均满仓。长城基金旗下有两只基金。"))
    assert found.get("建信基金") == "Company"
    assert {found.get(n) for n in ("建信优势动力", "建信优化配置", "交银施罗德成长")} == {"Product"}
    assert not any("两只" in name for name in found)


def test_the_word_before_a_firm_wide_title_finishes_the_firms_name(nlp):
    # LAC: 星创/ORG 视野/n 董事长: the title is 董事长, the firm 星创视野
    assert ("星创视野", "Organization") in ents(nlp, "星创视野董事长王立民先生出席。")
    # a region before the title is the title's, not the firm's
    assert not any(text.endswith("大中华区") for text, _ in ents(nlp, "星创大中华区总裁王立民出席。"))


def test_the_shi_of_shiren_is_cut_off_the_firm_before_it():
    from kg.nlp.lac_repairs import _split_time_of_tenure

    pairs = [("对", "p"), ("华信银行时", "ORG"), ("任", "v"), ("董事长", "n")]
    assert _split_time_of_tenure(pairs) == [("对", "p"), ("华信银行", "ORG"), ("时任", "v"), ("董事长", "n")]
    assert _split_time_of_tenure([("适时", "ORG"), ("任", "v")]) == [("适时", "ORG"), ("任", "v")]


def test_a_board_or_honorific_word_does_not_start_a_firms_name(nlp):
    found = ents(nlp, "公司治理董事会华信移动通信集团公司董事长：李冰")
    assert ("华信移动通信集团公司", "Company") in found and ("李冰", "Person") in found
    assert ("北方民族大学", "ResearchInstitute") in ents(nlp, "曾立明同志北方民族大学党委副书记")


@pytest.mark.parametrize("text, name, label", [
    ("阿里云发布通义千问2.5，性能全面提升。", "通义千问2.5", "Product"),  # a name and its version after a release verb
    ("研究所发布了“香山”处理器。", "香山", "Product"),  # a quoted name, then the kind of device
    ("华信混元大模型正式对外开放。", "混元大模型", "AIModel"),  # LAC's proper noun right before 大模型
])
def test_products_named_by_version_quotes_or_before_da_moxing(nlp, text, name, label):
    assert (name, label) in ents(nlp, text)


def test_a_kind_before_da_moxing_or_an_amount_after_a_release_verb_names_no_product(nlp):
    assert not any(label in ("AIModel", "Product") for _, label in ents(nlp, "各家纷纷发布AI大模型，投入2.5亿元。"))


def test_a_title_in_guillemets_after_a_kind_of_software_is_a_product(nlp):
    assert ("华信OL", "Product") in ents(nlp, "旗下的大型手机网游《华信OL》获得年度大奖。")


def test_a_site_named_by_a_name_is_an_organization_a_common_noun_site_is_not(nlp):
    assert ("当当网", "Organization") in ents(nlp, "她是当当网联合总裁。")
    assert not any(text == "社会安全网" for text, _ in ents(nlp, "要织密社会安全网。"))


def test_a_consultancy_named_with_guwen_acts_and_a_firms_guwen_is_a_post(nlp):
    found = ents(nlp, "在赛迪顾问发布的《2024中国新能源汽车企业竞争力百强榜》中，华信汽车位列第一。")
    assert ("赛迪顾问", "Company") in found
    assert ("华信公司", "Company") in ents(nlp, "华信公司顾问张三表示，很好。")


def test_a_site_named_by_its_place_is_an_organization(nlp):
    assert ("中国地板网", "Organization") in ents(nlp, "中国地板网总裁李洪帆先生出席。")


def test_a_centre_named_between_an_organization_and_a_title_is_one_name(nlp):
    found = ents(nlp, "国家燃气用具质量监督检测中心副主任李明说，这很好。")
    assert ("国家燃气用具质量监督检测中心", "Organization") in found
    # a centre after a name with its own ending stays the department of the post
    assert ("国家体育总局", "GovernmentAgency") in ents(nlp, "国家体育总局水上运动管理中心主任王洪表示，很好。")


def test_a_versioned_model_name_wherever_it_stands(nlp):
    assert ("华信星火大模型V4.0", "AIModel") in ents(nlp, "记者从华信获悉，华信星火大模型V4.0将于6月底发布。")
    # the release verb and the maker before it are no part of the name
    found = ents(nlp, "3月16日，华信发布了星河大模型V2.0。")
    assert ("星河大模型V2.0", "AIModel") in found and not any(t.startswith("华信发布") for t, _ in found)


def test_models_joined_to_a_released_one_and_a_capital_letter_version(nlp):
    found = ents(nlp, "3月16日，华信正式发布星河大模型4.5和星河大模型X1，并宣布星河一言全面免费。")
    assert {("星河大模型4.5", "AIModel"), ("星河大模型X1", "AIModel")} <= set(found)


def test_a_name_opening_a_products_name_is_its_brand_not_a_person(nlp):
    found = ents(nlp, "华信正式发布文澜大模型4.5，并宣布文澜一言自4月1日起全面免费。")  # 文澜/PER 一言
    assert ("文澜大模型4.5", "AIModel") in found and not any(label == "Person" for _, label in found)


def test_a_bodys_figures_after_ju_are_not_a_firm(nlp):
    found = ents(nlp, "另据国家知识产权局数据，2023年华星科技共申请发明专利3200件。")
    assert ("国家知识产权局", "GovernmentAgency") in found and not any(t.endswith("数据") for t, _ in found)


def test_a_foreign_name_joined_by_a_hyphen_and_a_rare_surname_after_a_title(nlp):
    found = ents(nlp, "不过联盟发言人蒂姆-弗兰克在给媒体的邮件中表示，比赛照常进行。")
    assert ("蒂姆-弗兰克", "Person") in found
    assert ("菅立军", "Person") in ents(nlp, "华信证券股份有限公司党委书记、董事长菅立军表示，要提高站位。")


def test_the_longest_suffix_decides_the_fine_type():
    assert org_type("中国人民银行") == "GovernmentAgency" and org_type("招商银行") == "Company"


def test_a_name_lac_cut_before_zhong_and_a_verb(nlp):
    assert ("覃伟中", "Person") in ents(nlp, "北方市市长覃伟中调研了宏远公司总部。")  # LAC: 覃伟/PER 中/f 调研/v


def test_an_index_fund_is_a_kind_unless_a_firm_names_it(nlp):
    found = ents(nlp, "华信基金也已获批一只沪深300指数基金，宏远瑞信沪深300指数基金募集规模高达36亿元。")
    assert not any(text == "沪深300指数基金" for text, _ in found)


def test_a_registered_name_lac_cut_after_its_first_word(nlp):
    # LAC: 的/u 字节/n 跳动科技有限公司/ORG
    assert ("字节跳动科技有限公司", "Company") in ents(nlp, "总部位于北京的字节跳动科技有限公司发布了新产品。")


def test_a_common_noun_before_a_whole_registered_name_is_not_part_of_it(nlp):
    # LAC: 简介/n 恒达通信集团有限公司/ORG; 产品/n 北京明远科技发展股份有限公司/ORG
    assert ("恒达通信集团有限公司", "Company") in ents(nlp, "公司简介恒达通信集团有限公司是一家提供通信服务的公司。")
    assert ("北京明远科技发展股份有限公司", "Company") in ents(nlp, "高端产品北京明远科技发展股份有限公司成立。")


def test_firm_forms_and_lines_of_business_end_a_name(nlp):
    # LAC: 星光/ORG 创投/vn 创始人/n; 深蓝/ORG 电影工作室/n
    assert ("星光创投", "Company") in ents(nlp, "星光创投创始人吴立表示，")
    assert ("深蓝电影工作室", "Organization") in ents(nlp, "2008年3月王立山创办了深蓝电影工作室。")
    assert ("北京恒信律师事务所", "Company") in ents(nlp, "北京恒信律师事务所合伙人张明表示，")
    assert ("宏远足球俱乐部", "Organization") in ents(nlp, "宏远足球俱乐部董事长李平表示，")  # no ministry's 部
    assert not ents(nlp, "他建议广大80后置业人群谨慎置业。")  # 80后/nz 置业/vn: a generation buying homes


def test_what_a_body_files_is_no_paper_and_an_abstract_noun_no_organization(nlp):
    # LAC: 国家国标委/ORG 申报/vn; 宏达证券/ORG 年报/n; 核心竞争力/ORG
    assert ents(nlp, "该公司正在联合几家企业，向国家国标委申报标准。") == {("国家国标委", "GovernmentAgency")}
    assert ents(nlp, "宏达证券年报显示，公司利润增长。") == {("宏达证券", "Company")}
    assert not ents(nlp, "建立公司在细分市场的核心竞争力并做大做强。")


def test_party_members_and_a_brands_renown_are_no_organizations(nlp):
    assert ("民进党", "Organization") in ents(nlp, "民进党人到大陆访问，民进党表示欢迎。")
    found = ents(nlp, "民进党人到大陆访问，提升了品牌美誉度。")
    assert not any(text in ("民进党人", "品牌美誉度") for text, _ in found)


def test_a_headlines_picture_note_joins_no_name_and_a_region_is_cut_off_a_firm(nlp):
    found = ents(nlp, "宏达原著将成豪宅典范(组图)易居中国投资控股有限公司董事兼执行总裁臧建军表示")
    assert ("易居中国投资控股有限公司", "Company") in found
    assert ("高力国际", "Company") in ents(nlp, "高力国际华东区研究及咨询部董事李庆贤说，")  # LAC: 高力国际华东区/ORG


def test_foreign_names_with_a_one_syllable_part_and_a_name_ending_in_yi(nlp):
    # LAC: 乔/PER -/w 马鲁夫/PER; 马克/PER -/w 库/PER 班/n; 钱颖/PER 一/d 表示/v
    assert ("乔-马鲁夫", "Person") in ents(nlp, "国王老板乔-马鲁夫日前接受了美联社记者的采访")
    assert ("马克-库班", "Person") in ents(nlp, "小牛老板马克-库班和湖人主帅菲尔-杰克逊经常")
    assert ("钱颖一", "Person") in ents(nlp, "清华大学经济与管理学院院长钱颖一表示")


def test_an_organization_with_shares_or_a_firms_chief_is_a_company(nlp):
    assert ("西门子", "Company") in ents(nlp, "西门子股价昨日上涨3%。")
    assert ("华晨宝马", "Company") in ents(nlp, "华晨宝马总裁康思远表示，销量将增长。")


def test_an_academic_unit_named_by_two_fields_joined_by_yu_is_one_name(nlp):
    # LAC: 中国人民大学/ORG 经济 体制改革 与/c 发展研究院/ORG; 中国社科院/ORG 公共/a 管理与政府政策研究所/vn
    assert ("中国人民大学经济体制改革与发展研究院", "ResearchInstitute") in ents(
        nlp, "中国人民大学经济体制改革与发展研究院副院长黄泰岩说。")
    assert ("中国社科院公共管理与政府政策研究所", "ResearchInstitute") in ents(
        nlp, "中国社科院公共管理与政府政策研究所研究员马光远即在博客上号召网友。")
    found = ents(nlp, "北京大学学生与清华大学经济学院学生参加了比赛。华为与中国科学院签署了协议。")
    assert {("北京大学", "ResearchInstitute"), ("清华大学经济学院", "ResearchInstitute"),
            ("中国科学院", "ResearchInstitute")} <= found


def test_a_funds_custodian_and_copula_glued_into_an_organization_are_cut_off(nlp):
    from kg.nlp.lac_repairs import split_word
    assert split_word("国泰双利债券基金托管行为", "ORG") == [("国泰双利债券基金", "nz"), ("托管行", "n"), ("为", "v")]
    found = ents(nlp, "据悉，国泰双利债券基金托管行为中国建设银行。")
    assert ("中国建设银行", "Company") in found and not any(t.endswith("托管行为中国建设银行") for t, _ in found)


def test_a_name_glued_to_the_last_character_of_a_role_and_a_line_of_business_after_a_firm():
    from kg.nlp.lac_repairs import repair
    assert repair([("知名", "a"), ("投资", "vn"), ("人段永平", "n"), ("在", "p")]) == [
        ("知名", "a"), ("投资人", "n"), ("段永平", "PER"), ("在", "p")]
    assert repair([("投资", "vn"), ("人民币", "n")]) == [("投资", "vn"), ("人民币", "n")]  # 民: no surname
    assert repair([("发言", "vn"), ("人和平", "n")]) == [("发言", "vn"), ("人和平", "n")]  # 和: ambiguous
    assert repair([("英伟达数据中心", "ORG"), ("业务", "n")]) == [("英伟达", "ORG"), ("数据中心", "n"), ("业务", "n")]
    assert repair([("上海市大数据中心", "ORG"), ("发布", "v")]) == [("上海市大数据中心", "ORG"), ("发布", "v")]


def test_latin_full_names_after_a_title_or_before_a_speech_verb(nlp):
    found = ents(nlp, "摩根士丹利分析师Joseph Moore在研报中指出，增长将继续。"
                      "宏达科技首席执行官Sam Altman此前也曾表示，算力重要。")
    assert {("Joseph Moore", "Person"), ("Sam Altman", "Person")} <= set(found)
    assert not any(label == "Person" for _, label in ents(nlp, "他主演的电影The Aviator获得好评。"))


def test_a_quoted_name_released_right_after_a_model_or_service_kind(nlp):
    found = ents(nlp, "华信银行推出智能客服“招小宝”。宏达集团发布了金融大模型“宏达百灵”，并向合作机构开放。")
    assert {("招小宝", "Product"), ("宏达百灵", "AIModel")} <= set(found)


def test_a_quoted_model_name_and_no_verb_after_the_kind_as_a_name(nlp):
    found = ents(nlp, "其中,宏达集团的“卡奥斯工业大模型”榜上有名。宏达公司推出的“星火问答”大模型受到关注。")
    assert {("卡奥斯工业大模型", "AIModel"), ("星火问答", "AIModel")} <= set(found)
    assert not any(text == "受到关注" for text, _ in found)
    assert not any(label == "AIModel" for _, label in ents(nlp, "华信发布“多模态大模型”。"))  # a kind only


def test_a_chip_series_and_its_number_before_the_kind_is_a_product(nlp):
    found = ents(nlp, "新机全系搭载自研麒麟9020芯片。")
    assert ("麒麟9020", "Product") in found


def test_a_list_mark_glued_to_a_name_and_a_business_group_are_no_part_of_a_name(nlp):
    found = ents(nlp, "北京大学、中国科学院计算技术研究所等高校院所也与企业开展了合作。")
    assert ("中国科学院计算技术研究所", "ResearchInstitute") in found
    assert not any(text in ("BG", "终端BG") for text, _ in ents(nlp, "华信常务董事、终端BG董事长余承东表示，很好。"))


def test_a_name_read_as_a_persons_before_a_line_of_business_is_a_firms(nlp):
    assert ("弗迪电池", "Company") in ents(nlp, "另外，宏达集团旗下的弗迪电池也在积极扩张。")  # 弗迪/PER 电池/n


def test_a_name_joined_by_a_hyphen_to_a_universitys_is_part_of_it(nlp):
    found = ents(nlp, "法国的洛林大学、艾克斯-马赛大学、波尔多大学参加了会议。")
    assert ("艾克斯-马赛大学", "ResearchInstitute") in found and not any(label == "Person" for _, label in found)


def test_transliterated_name_lac_tags_is_kept_unless_it_begins_a_longer_word(nlp):
    """'格伦菲尔德' has no Chinese surname, but every character is one of the syllables used for
    foreign names; '贝莱德' is no person where the text also writes '贝莱德集团'."""
    assert ("格伦菲尔德", "Person") in ents(nlp, "奇才老板表示，他对总裁格伦菲尔德和主帅都比较满意。")
    assert ("博罗达夫金", "Person") in ents(nlp, "受到俄罗斯外交部副部长博罗达夫金等的热情迎接。")
    found = ents(nlp, "中银基金与贝莱德、高盛合作。贝莱德集团是全球最大的资产管理公司。")
    assert ("贝莱德", "Person") not in found and ("贝莱德集团", "Company") in found


def test_titles_published_or_periodic_are_reports_but_not_papers_or_film_trailers(nlp):
    """'发布的《某办法》中规定', '《中国经济季报》', '《某状况》报告' are reports; '据《北京青年报》报道'
    cites a paper; '公布的《星空》预告片' is a film's trailer."""
    found = ents(nlp, "卫生部发布的《医疗机构校验管理办法》中明确规定，医院要建立制度。")
    assert ("医疗机构校验管理办法", "Report") in found
    assert ("中国经济季报", "Report") in ents(nlp, "世界银行18日发布的新一期《中国经济季报》预测，增长率为7.2%。")
    assert ("2008年中国环境状况", "Report") in ents(nlp, "环境保护部今日发布了《2008年中国环境状况》报告。")
    assert ("北京青年报", "MediaOutlet") in ents(nlp, "据《北京青年报》报道，日前广渠路地块规划变更。")
    assert not any(label == "Report" for _, label in ents(nlp, "之前公布的《星空》预告片结尾处有主题曲。"))


def test_a_brand_followed_by_china_names_its_china_firm_where_the_name_ends(nlp):
    """'理柏/ORG 中国/LOC 共同推出': 理柏中国; not in a fund's name ('海富通中国海外精选基金')."""
    assert ("理柏中国", "Organization") in ents(nlp, "由上海证券报和理柏中国共同推出的月度报告显示，基金业绩回升。")
    found = ents(nlp, "海富通中国海外精选基金净值上涨。")
    assert ("海富通", "Organization") in found and not any(text == "海富通中国" for text, _ in found)


def test_two_bodies_lac_joined_by_a_conjunction_are_split(nlp):
    """'中国证监会和/ORG 协会': the first name is complete by its ending; '和' and a generic body
    are no part of it. A name with 和 inside ('中国和平发展基金会') stays whole."""
    found = ents(nlp, "最近1年接受合规培训的时间少于中国证监会和协会要求的；")
    assert found == {("中国证监会", "GovernmentAgency")}
    assert ("中国和平发展基金会", "Organization") in ents(nlp, "中国和平发展基金会成立。")


def test_no_organization_is_cut_out_of_a_named_list(nlp):
    """'“第一财经·中国阳光私募基金排行榜”' stays one Ranking; its 私募基金 is no firm."""
    found = ents(nlp, "第一财经研究院今日发布“第一财经·中国阳光私募基金排行榜”2009年2月榜单。")
    assert ("第一财经·中国阳光私募基金排行榜", "Ranking") in found
    assert not any(label == "Company" for _, label in found)


@pytest.mark.parametrize("name, fine", [
    ("国家发改委", "GovernmentAgency"), ("国家发改委投资司", "GovernmentAgency"), ("蔡司", "Organization"),
    ("台湾金融服务业联合总会", "Association"), ("扬子冰箱厂", "Company"), ("中航投资", "Company"),
    ("香港信诚国际", "Company"), ("某某科技有限公司", "Company"),
])
def test_fine_type_from_endings_that_find_no_organization_by_themselves(name, fine):
    """'委', '司', '厂', '投资' type an organization already found; '蔡司' is too short for a department."""
    assert org_type(name) == fine


def test_a_dealer_in_a_shop_listing_is_a_company(nlp):
    """kg.nlp.listings: '[商家名称] X' up to the next field, or '商家“X”'."""
    assert ("上海摄苑网摄影器材", "Company") in ents(nlp, "商家“上海摄苑网摄影器材”该机带票套装给出14750元促销价。")
    found = ents(nlp, "[商家名称] 烟台绿森数码[联系方式] 0535-6666666")
    assert ("烟台绿森数码", "Company") in found


def test_a_name_whose_last_character_lac_glued_to_yu_before_a_date_is_whole(nlp):
    """'李克/PER 难于/v 2008年…': 李克难, then 于 and the date."""
    assert ("李克难", "Person") in ents(nlp, "距公司前任总经理李克难于2008年4月27日的离职公告已过去10个月。")


def test_a_place_lac_glued_to_a_listing_verb_or_an_event_it_took_for_a_place(nlp):
    """'赴港上市/LOC' is 港 + 上市; '中国国际高峰对话会/LOC' is an event, no Location."""
    from kg.nlp.lac_repairs import split_word
    assert split_word("港上市", "LOC") == [("港", "LOC"), ("上市", "v")]
    assert not any(label == "Location" for _, label in ents(nlp, "在“2009绿能中国国际高峰对话会”的间隙，局长表示。"))


def test_a_bank_initial_lac_cut_off_a_fund_house_and_its_fund_is_joined(nlp):
    """'交/v 银施罗德基金公司/ORG': 交银施罗德基金公司; the fund after 旗下 is a product of its own."""
    found = ents(nlp, "去年，交银施罗德基金公司旗下交银施罗德先锋股票型基金业绩领先。")
    assert found == {("交银施罗德基金公司", "Company"), ("交银施罗德先锋股票型基金", "Product")}
    names = dict(ents(nlp, "银行系基金已经增至8家，分别为工银瑞信、交银施罗德、建信。"))  # '交/v 银/n 施罗德/PER'
    assert "交银施罗德" in names and "施罗德" not in names and "银施罗德" not in names


def test_a_stock_code_after_a_name_makes_it_a_company_and_a_bare_code_is_no_place(nlp):
    """'万科(000002.SZ)' is a listed company; '002594' alone names no place."""
    found = ents(nlp, "在全国负有盛名的万科(000002.SZ)、中海发展(00688.HK)等一线地产商纷纷拿地。")
    assert {("万科", "Company"), ("中海发展", "Company")} <= found
    assert ents(nlp, "昨日，比亚迪(002594)股价大涨。") == {("比亚迪", "Company")}


def test_a_list_before_a_preposition_and_a_noun_is_no_list_of_firms(nlp):
    """'从研发投入、专利数量、产品落地等12个维度对企业进行评价': the category noun comes after 对; the
    members are criteria, not firms ('华信、宏达等多家知名企业' is a list of firms)."""
    assert not ents(nlp, "本届榜单从研发投入、专利数量、产品落地等12个维度对企业进行评价。")
    assert {"华信", "宏达"} <= {t for t, _ in ents(nlp, "华信、宏达、星辰等多家知名企业参加。")}


def test_a_call_verb_lac_glued_to_the_outlet_that_made_it_is_cut_out(nlp):
    """'新浪娱乐致电/nz 上影集团': the portal called the firm; the firm is named alone."""
    found = dict(ents(nlp, "新浪娱乐致电华信集团宣传总监沈怡，她表示，方案明天公布。"))
    assert found.get("华信集团") == "Company" and not any("致电" in name for name in found)
