"""Relation extractors on invented articles: one test per family and trigger pattern."""

import pytest

from kg.extract import extract_article
from kg.extract.comments import stance_of
from kg.model import Article
from kg.nlp.pipeline import get_nlp


def run(text, date="2024-03-10", title="测试"):
    article = Article(id="t-1", document="t.txt", title=title, text=text, authors=("赵六",),
                      publisher="人民日报", date=date, context_date=date)
    doc = get_nlp()(text)
    return extract_article(article, doc)[1]


def triples(facts, predicate):
    return {(f.subject, f.object) for f in facts if f.predicate == predicate}


def roles_of(facts):
    """(person, organization) -> roles of each holdsPositionAt fact."""
    return {(f.subject, f.object): f.attributes["role"] for f in facts if f.predicate == "holdsPositionAt"}


def by(facts, predicate, subject):
    return [f for f in facts if f.predicate == predicate and f.subject == subject]


def test_positions_before_person_with_several_roles_and_orgs():
    facts = run("华信科技创始人、董事长张建国表示,公司将加大投入。"
                "中国软件行业协会副会长、华信科技顾问李明认为,前景很好。")
    roles = roles_of(facts)
    assert roles[("张建国", "华信科技")] == ["创始人", "董事长"]
    assert ("李明", "中国软件行业协会") in roles


def test_position_of_unnamed_company_after_category_noun():
    facts = run("智能驾驶企业驰远创始人兼总经理刘洋说,新车将在年底交付。")
    assert ("刘洋", "驰远") in triples(facts, "holdsPositionAt")


def test_comment_attributed_after_the_quote_and_through_pronoun():
    text = ("美国公司Anthropic发布大模型Claude。“非常惊艳,超预期。”华信科技首席科学家王芳在谈到Claude时表示。"
            "她认为,Claude会推动行业进步。")
    facts = run(text)
    comments = by(facts, "commentsOn", "王芳")
    assert {f.object for f in comments} == {"Claude"}
    assert comments[0].attributes["quote"] == "非常惊艳,超预期。"
    assert comments[0].attributes["stance"] == "positive"
    assert len(comments) >= 2  # the pronoun sentence is attributed to her as well


def test_negative_stance_and_disagreement():
    text = "对于Claude能否普及,张建国判断,“五年之内,看不到大规模的商用。”李明的观点,张建国并不认同。"
    facts = run("美国公司Anthropic发布大模型Claude。" + text)
    comment = by(facts, "commentsOn", "张建国")[0]
    assert comment.attributes["stance"] == "negative"
    assert ("张建国", "李明") in triples(facts, "disagreesWith")


@pytest.mark.parametrize("text, expected", [
    ("王强当即反驳了李华,称其数据有误。", {("王强", "李华")}),
    ("宋丹丹不满张伟平言论。", {("宋丹丹", "张伟平")}),
    ("张三否定了李四的说法。", {("张三", "李四")}),
    ("费根透露自己不赞同阿德尔曼的部分决定。", {("费根", "阿德尔曼")}),
    # the view reported in the sentence before ('对此'), and a hedged '并不完全认同'
    ("华信研究院院长张建锋认为，芯片将成为基础设施。对此，清华大学教授魏少军并不完全认同。", {("魏少军", "张建锋")}),
    # the view quoted between the person and the word naming it
    ("对于李明提出的“短期内难以普及”的判断,熊友军并不认同。", {("熊友军", "李明")}),
    # criticising a performance, a passive, two people who merely share a sentence: no disagreement
    ("专栏作家王伟批评了李刚的表现。", set()),
    ("李娜曾经被王芳否定过两次作品。", set()),
    ("在听说了阿伦对马努伤情的质疑之后,巴克利建议阿伦不要卷入口水战。", set()),
])
def test_disagreement_needs_the_view_or_the_person_rejected(text, expected):
    assert triples(run(text), "disagreesWith") == expected


def test_releases_with_date_and_publishes_report():
    facts = run("3月5日,华信科技正式发布新一代大模型天工3.0大模型。近日中国信通院发布《2024年人工智能发展白皮书》。")
    releases = by(facts, "releases", "华信科技")
    assert releases and releases[0].object == "天工3.0大模型" and releases[0].attributes["date"] == "2024-03-05"
    assert ("中国信通院", "2024年人工智能发展白皮书") in triples(facts, "publishes")


def test_ranking_members_with_tiers():
    text = ("某研究院近日发布《2024中国云计算企业30强研究报告》。"
            "第一类为领军企业,典型代表企业是华信科技;第二类为挑战者,典型代表企业包括天合软件、博远数据。")
    facts = run(text)
    ranks = {f.subject: f.attributes.get("tier") for f in facts if f.predicate == "ranksIn"}
    assert ranks.get("华信科技") == "领军企业"
    assert ranks.get("天合软件") == "挑战者"
    assert {f.object for f in facts if f.predicate == "ranksIn"} == {"2024中国云计算企业30强"}
    assert "某研究院" not in ranks


def test_ranking_members_need_their_own_clause_or_a_list():
    text = ("中国电子学会发布“2024中国软件企业百强榜单”。"
            "在新一期“2024中国软件企业百强榜单”发布后,华信科技的地位必然会提升。"
            "以下为2024中国软件企业百强榜单:天合软件股份有限公司、博远数据科技有限公司。"
            "浪潮集团也荣获“2024中国软件企业百强榜单”称号。")
    members = {f.subject for f in run(text) if f.predicate == "ranksIn"}
    assert {"天合软件股份有限公司", "博远数据科技有限公司", "浪潮集团"} <= members
    assert "华信科技" not in members and "中国电子学会" not in members


def test_patents_with_count_growth_scope_year():
    facts = run("如华信科技,2023年海外申请的专利总数达到1.2万件,同比增速达到85%;天合软件获得三项发明专利。")
    filings = {f.subject: f.attributes for f in facts if f.predicate == "filesPatents"}
    assert filings["华信科技"] == {"count": 12000, "year": 2023, "growthRate": pytest.approx(0.85), "scope": "海外"}
    assert filings["天合软件"]["count"] == 3


def test_located_incubated_part_of():
    text = ("在位于江苏省苏州市工业园区的宏远光电科技(苏州)有限公司车间里,机器人在运行。"
            "清华大学孵化的芯片企业芯原微创始人陈晨说,订单已排满。国泰证券研究院首席分析师何平表示,看好前景。")
    facts = run(text)
    assert ("宏远光电科技(苏州)有限公司", "江苏省苏州市工业园区") in triples(facts, "locatedIn")
    assert ("芯原微", "清华大学") in triples(facts, "incubatedBy")
    assert ("国泰证券研究院", "国泰证券") in triples(facts, "partOf")


def test_more_new_products_and_firms_from_a_car_and_science_page():
    """A firm's name right after a closing quote, '是由…孵化', a vehicle named after its kind, a quoted
    name after the kind of machine built."""
    facts = run("“今年出口量有望翻番，”蔚来汽车创始人李斌对记者表示。江淮汽车2月28日推出了全新纯电SUV钇为3。"
                "国盾量子是由中国科学技术大学孵化的量子通信企业。")
    assert ("李斌", "蔚来汽车") in triples(facts, "holdsPositionAt")
    assert ("江淮汽车", "钇为3") in triples(facts, "releases")
    assert ("国盾量子", "中国科学技术大学") in triples(facts, "incubatedBy")
    text = "潘建伟团队成功构建了量子计算原型机“九章三号”。"
    mentions = extract_article(Article(id="t-1", document="t.txt", title="测试", text=text), get_nlp()(text))[0]
    assert ("九章三号", "Product") in {(m.text, m.label) for m in mentions}


def test_a_universitys_school_is_part_of_it():
    facts = run("清华大学集成电路学院教授魏少军表示，芯片产业需要长期投入。")
    assert ("清华大学集成电路学院", "清华大学") in triples(facts, "partOf")


def test_document_facts_from_byline_and_source_line():
    facts = run("正文。")
    assert ("t-1", "赵六") in triples(facts, "author")
    assert ("t-1", "人民日报") in triples(facts, "publisher")


def test_every_fact_keeps_its_evidence_sentence():
    text = "华信科技创始人张建国表示,公司将加大投入。"
    for fact in run(text):
        if fact.predicate in ("author", "publisher"):
            continue
        assert fact.evidence.sentence in text
        assert text[fact.evidence.start : fact.evidence.end].strip() == fact.evidence.sentence


def test_surname_and_title_refer_to_the_person_named_before():
    text = ("“这款大模型很好。”华信科技董事长张建国说。记者了解到,公司产品畅销。"
            "“明年它会更好。”张总表示,华信科技将发布新品。")
    facts = run("华信科技发布大模型天工3.0大模型。" + text)
    speakers = {f.subject for f in facts if f.predicate == "commentsOn"}
    assert speakers == {"张建国"}
    assert len([f for f in facts if f.predicate == "commentsOn"]) >= 2
    # an adverb or 在 after the title
    facts = run("华信科技董事长张建国出席。张总在接受采访时说，华信科技不会参与价格战。")
    assert {f.subject for f in facts if f.predicate == "commentsOn"} == {"张建国"}


def test_incubated_by_passive():
    facts = run("芯原微由清华大学孵化,其创始人陈晨说,订单已排满。")
    assert ("芯原微", "清华大学") in triples(facts, "incubatedBy")
    # the sentence's subject, with a clause between it and '是由…孵化的企业'
    facts = run("优必选科技位于深圳市南山区,是由深圳市科技创新委员会支持孵化的企业。")
    assert ("优必选科技", "深圳市科技创新委员会") in triples(facts, "incubatedBy")


def test_headquarters_later_in_the_sentence():
    facts = run("宏远通信集团有限公司是一家提供通信服务的公司,公司成立于1992年,总部位于广东省深圳市。")
    assert ("宏远通信集团有限公司", "广东省深圳市") in triples(facts, "locatedIn")


def test_more_position_patterns():
    text = ("华信科技发布公告称,聘任王志刚为公司副总经理。"
            "北方大学党委书记黄明、校长刘强出席。"
            "陈晓,男,1962年出生,现任博远数据股份有限公司董事长。"
            "2000年,周立创办了天合软件股份有限公司。")
    facts = run(text)
    pairs = triples(facts, "holdsPositionAt")
    assert ("王志刚", "华信科技") in pairs
    assert ("黄明", "北方大学") in pairs and ("刘强", "北方大学") in pairs
    assert ("陈晓", "博远数据股份有限公司") in pairs
    founders = [f for f in facts if f.predicate == "holdsPositionAt" and f.subject == "周立"]
    assert founders and founders[0].attributes["role"] == ["创始人"]


def test_declared_short_name_and_board_titles():
    text = ("记者与重庆宏达工业集团股份有限公司(以下简称宏达集团)创始人、董事长张建国进行了对话。"
            "宏达集团去年营收增长。天合控股董事局主席李明表示,前景很好。")
    facts = run(text)
    pairs = {(f.subject, f.object): f.attributes.get("role") for f in facts if f.predicate == "holdsPositionAt"}
    assert pairs[("张建国", "重庆宏达工业集团股份有限公司")] == ["创始人", "董事长"]
    assert ("李明", "天合控股") in pairs


def test_rank_in_a_named_list():
    facts = run("近日,某协会公布2024中国软件企业百强名单,华信科技位列第三,海尔集团排名第12位。")
    ranks = {f.subject: f.attributes.get("rank") for f in facts if f.predicate == "ranksIn"}
    assert ranks.get("华信科技") == 3 and ranks.get("海尔集团") == 12


def test_the_one_report_of_an_article_names_the_list_its_members_are_placed_in():
    facts = run("12月5日，世界品牌实验室发布2024年《中国500最具价值品牌》分析报告。华信、宏远位列榜单前三名。")
    assert triples(facts, "ranksIn") == {("华信", "中国500最具价值品牌"), ("宏远", "中国500最具价值品牌")}
    facts = run("12月5日，华信研究院发布《中国品牌发展报告》。报告认为品牌价值稳步提升。")
    assert triples(facts, "ranksIn") == set()  # no member placed in a list


def test_a_place_moved_to_in_a_list_places_the_member():
    facts = run("近日,某协会公布2024中国软件企业百强名单。华信科技连升3位，宏远集团无奈顺延第10垫底。")
    ranks = {f.subject: f.attributes.get("rank") for f in facts if f.predicate == "ranksIn"}
    assert ranks == {"华信科技": None, "宏远集团": 10}


def test_members_of_a_list_take_the_places_given_in_turn():
    facts = run("近日,某协会公布2024中国软件企业百强名单。华信科技有限公司、宏远集团分列第二、第三位。")
    ranks = {f.subject: f.attributes.get("rank") for f in facts if f.predicate == "ranksIn"}
    assert ranks == {"华信科技有限公司": 2, "宏远集团": 3}


def test_second_role_after_comma_list_and_roles_of_the_next_person():
    facts = run("张建国，男，现任华信科技党委书记、董事长。"
                "华信科技党委书记、董事长刘洋，宏远集团党委书记、董事长李明出席。")
    roles = roles_of(facts)
    assert roles[("张建国", "华信科技")] == ["党委书记", "董事长"]
    assert ("刘洋", "宏远集团") not in roles and ("李明", "宏远集团") in roles


def test_appointed_as_role_at_the_organization_named_after_wei():
    facts = run("2023年5月，省政府任命张建国为华信大学校长。")
    assert triples(facts, "holdsPositionAt") == {("张建国", "华信大学")}


def test_founders_with_cofounder_and_by_with_titles():
    facts = run("1998年，张建国与另一位联合创始人李明一起创立了华信科技。"
                "宏远集团是由“优秀民营企业家”刘洋先生于2001年创办的企业。")
    founded = triples(facts, "holdsPositionAt")
    assert {("张建国", "华信科技"), ("李明", "华信科技"), ("刘洋", "宏远集团")} <= founded


def test_biography_clause_names_a_post_of_the_opening_person():
    facts = run("张建国，1962年生，华信科技股份有限公司董事长，高级工程师。")
    assert ("张建国", "华信科技股份有限公司") in triples(facts, "holdsPositionAt")


def test_bare_company_anaphor_names_the_firm_mentioned_last():
    facts = run("华信科技今日发布公告，公司总经理张建国将退休，并决定由公司副总经理李明接任。")
    roles = roles_of(facts)
    assert roles == {("张建国", "华信科技"): ["总经理"], ("李明", "华信科技"): ["副总经理"]}


def test_category_noun_before_a_name_is_not_an_anaphor():
    facts = run("华信大学孵化的智能驾驶企业驰远创始人兼总经理刘洋说,新车将在年底交付。")
    assert triples(facts, "holdsPositionAt") == {("刘洋", "驰远")}


def test_brand_and_model_code_is_a_product_released_by_the_brand():
    facts = run("小米MIX4是小米在最近发布的一款智能手机。")
    assert triples(facts, "releases") == {("小米", "小米MIX4")}


def test_subsidiaries_under_a_parent_and_belonging_to_one():
    facts = run("宏达集团旗下的华信科技和蓝海证券联合发布公告。北辰集团隶属于宏达集团。")
    assert triples(facts, "partOf") == {("华信科技", "宏达集团"), ("蓝海证券", "宏达集团"), ("北辰集团", "宏达集团")}
    # a wholly owned or controlled subsidiary, with 为 or 是 and no 的
    assert triples(run("华信科技为宏达集团全资子公司。"), "partOf") == {("华信科技", "宏达集团")}
    assert triples(run("华信科技是宏达集团控股子公司，主营芯片。"), "partOf") == {("华信科技", "宏达集团")}


def test_unnamed_firm_opening_a_clause_before_role_and_person():
    facts = run("2006年12月 完美时空董事长池宇峰获得游戏风云人物奖。")
    assert ("池宇峰", "完美时空") in triples(facts, "holdsPositionAt")


def test_no_firm_from_function_words_before_a_role():
    facts = run("而自原总经理石志成离职以来，职位一直空缺。")
    assert triples(facts, "holdsPositionAt") == set()


@pytest.mark.parametrize("text,pair,roles", [
    ("阮洪良 福莱特玻璃集团股份有限公司董事长作为全球化的光伏玻璃供应商代表发言。",
     ("阮洪良", "福莱特玻璃集团股份有限公司"), ["董事长"]),                       # name, space, post
    ("吕冬青职务：陕西惠森餐饮管理有限公司董事长", ("吕冬青", "陕西惠森餐饮管理有限公司"), ["董事长"]),
    ("2012年11月26日，北京罗麦科技有限公司汪静董事长亲临会议现场。",
     ("汪静", "北京罗麦科技有限公司"), ["董事长"]),                               # title after the name
    ("作为一名长期在交通银行工作的老员工，该行党委书记、董事长彭纯做出总结。",
     ("彭纯", "交通银行"), ["党委书记", "董事长"]),                               # 该行
    ("下面有请华信建筑协会住宅委员会的张仁秘书长上台致词。",
     ("张仁", "华信建筑协会住宅委员会"), ["秘书长"]),                             # any head's title
    ("IDC中国研究经理郭天翔则指出，竞争依然激烈。", ("郭天翔", "IDC"), ["中国研究经理"]),  # a firm's China arm
    ("宏达投资控股有限公司董事兼执行总裁、华北区域运营总部总经理臧建军表示，很好。",
     ("臧建军", "宏达投资控股有限公司"), ["董事", "执行总裁", "华北区域运营总部总经理"]),  # then a region's
])
def test_more_ways_a_post_is_written(text, pair, roles):
    found = {(f.subject, f.object): f.attributes["role"] for f in run(text) if f.predicate == "holdsPositionAt"}
    assert found.get(pair) == roles


def test_a_title_running_into_the_next_name_is_that_names():
    pairs = triples(run("张三，华信科技董事长李四表示，公司业绩增长。"), "holdsPositionAt")
    assert pairs == {("李四", "华信科技")}


def test_a_bare_head_title_belongs_to_the_one_organization_of_the_sentence():
    facts = run("南昌航空大学举行新生开学典礼，校长罗胜联表示，国家发展需要青年。")
    assert triples(facts, "holdsPositionAt") == {("罗胜联", "南昌航空大学")}
    # two organizations before it: whose title it is stays unknown
    facts = run("华为与小米签署协议，董事长张三表示，合作将深化。")
    assert triples(facts, "holdsPositionAt") == set()


@pytest.mark.parametrize("text", [
    "昨日下午，国家主席胡锦涛乘专机离开北京。",              # 国家: a generic word
    "艺术顾问鲍德熹提供了非常宝贵的经验。",                  # 艺术: one common word
    "易方达行业领先企业基金的拟任基金经理伍卫日前表示。",     # 基金的拟任: function words
])
def test_common_words_before_a_title_are_no_firm(text):
    assert triples(run(text), "holdsPositionAt") == set()


def test_a_second_title_naming_its_own_body_is_not_the_first_ones():
    pairs = triples(run("人选分别是澳门经济财政司司长谭伯源、检察院检察长何超明。"), "holdsPositionAt")
    assert pairs == {("谭伯源", "澳门经济财政司")}
    pairs = triples(run("华信集团董事长张三、党委副书记李四出席。"), "holdsPositionAt")
    assert pairs == {("张三", "华信集团"), ("李四", "华信集团")}  # the party committee of the one named


def test_a_second_title_naming_its_own_place_is_not_the_first_ones():
    pairs = triples(run("晋升的军官是：军事科学院政治委员刘源、成都军区政治委员张海阳。"), "holdsPositionAt")
    assert ("张海阳", "军事科学院") not in pairs


def test_a_comment_is_on_a_product_of_its_own_sentence_or_one_it_refers_back_to():
    text = ("美国公司Anthropic发布大模型Claude，引发关注。华信科技首席科学家王芳表示，今年的行情不错。"
            "华信科技总经理李明说，它会推动行业进步。")
    pairs = triples(run(text), "commentsOn")
    assert ("李明", "Claude") in pairs and ("王芳", "Claude") not in pairs


def test_a_reporter_in_a_byline_is_not_the_speaker():
    facts = run("证券时报记者 周文亮本报讯 近日，长盛基金公告称，长盛成长价值基金将增加代销机构。")
    assert not [f for f in facts if f.predicate == "commentsOn" and f.subject == "周文亮"]


def test_a_place_describing_what_follows_it_locates_no_earlier_organization():
    facts = run("除农行外，国投亚华以9.58亿元买下位于虹口北外滩的办公楼。")
    assert triples(facts, "locatedIn") == set()
    facts = run("北京智讯宏达科技有限公司成立于2009年，公司位于北京市海淀区。")
    assert triples(facts, "locatedIn") == {("北京智讯宏达科技有限公司", "北京市海淀区")}


def test_a_later_sentence_with_a_trigger_elsewhere_adds_no_member():
    text = ("华信科技入选2024中国云计算企业30强榜单。"
            "目前符合上榜条件的产品接近100家，近期中国银监会出台了新的指引。")
    members = {s for s, o in triples(run(text), "ranksIn")}
    assert "华信科技" in members and "中国银监会" not in members


def test_is_the_founder_of_and_co_founders_in_a_list():
    pairs = triples(run("张建国是华信科技的创始人及总经理。"), "holdsPositionAt")
    assert ("张建国", "华信科技") in pairs
    pairs = triples(run("华信科技有限公司由张建国、李明、王芳等几位工程师创立。"), "holdsPositionAt")
    assert {("张建国", "华信科技有限公司"), ("李明", "华信科技有限公司"), ("王芳", "华信科技有限公司")} <= pairs


def test_a_bare_title_taken_is_at_the_organization_just_named():
    pairs = triples(run("腾讯与新东方共同成立北京微学明日网络科技有限公司，俞敏洪任董事长。"), "holdsPositionAt")
    assert pairs == {("俞敏洪", "北京微学明日网络科技有限公司")}


def test_a_name_glued_to_its_post_in_a_caption():
    pairs = triples(run("童亚辉浙江省能源集团有限公司董事长他坚决贯彻科学论断。"), "holdsPositionAt")
    assert pairs == {("童亚辉", "浙江省能源集团有限公司")}


@pytest.mark.parametrize("text,pair", [
    ("昂达近日推出了一款全新的MP4播放器VX585HD。", ("昂达", "VX585HD")),        # a code after a device noun
    ("音悦汇日前正式发布T8HD高清播放器。", ("音悦汇", "T8HD")),                # a maker LAC did not tag
    ("小米旗下的Redmi Note13正式上市。", ("小米", "Redmi Note13")),            # product first, then 上市
    ("魅族发布了魅族21手机。", ("魅族", "魅族21")),                            # brand + number + device
])
def test_more_ways_a_launch_is_written(text, pair):
    assert pair in triples(run(text), "releases")


def test_no_maker_from_a_pronoun_or_a_generic_word():
    assert triples(run("他们发布了T8HD。公司近日发布了新产品。"), "releases") == set()


def test_the_one_person_of_a_sentence_takes_the_post_named_later():
    text = "高建平刚满60岁，是兴业银行筹建时的首批员工，从2000年8月开始担任兴业银行党委书记、董事长。"
    found = {(f.subject, f.object): f.attributes["role"] for f in run(text) if f.predicate == "holdsPositionAt"}
    assert found == {("高建平", "兴业银行"): ["党委书记", "董事长"]}


def test_honorifics_between_a_name_and_the_verb():
    pairs = triples(run("省政府决定：任命颜晓红同志为江苏大学校长。"), "holdsPositionAt")
    assert ("颜晓红", "江苏大学") in pairs
    pairs = triples(run("2014年，江世平大师创办上海生生文化发展有限公司。"), "holdsPositionAt")
    assert ("江世平", "上海生生文化发展有限公司") in pairs


def test_title_after_a_name_and_为_as_a_post_verb():
    text = "梅河口市第五实验小学的全体教师，在以李喜霞校长为核心的领导班子带领下前进。"
    pairs = triples(run(text), "holdsPositionAt")
    assert pairs == {("李喜霞", "梅河口市第五实验小学")}
    pairs = triples(run("郭杰忠为江西科技师范大学校长。"), "holdsPositionAt")
    assert pairs == {("郭杰忠", "江西科技师范大学")}


def test_a_person_who_goes_on_to_found_a_company_in_the_same_clause():
    pairs = triples(run("2005年周鸿祎从雅虎出走并创立了奇虎360公司。"), "holdsPositionAt")
    assert ("周鸿祎", "奇虎360公司") in pairs and ("周鸿祎", "雅虎") not in pairs


def test_no_firm_or_role_from_a_byline_glued_to_a_title():
    facts = run("基金专家建议：投资者宜把握股债轮动机会本报记者：潘清 尽管近期A股出现回暖迹象。")
    assert triples(facts, "holdsPositionAt") == set()


def test_indirect_speech_opening_with_an_organization_comments_on_it():
    facts = run("中国人民大学教授张建国表示，八国集团峰会应当关注发展中国家。")
    comments = [f for f in facts if f.predicate == "commentsOn"]
    assert [(f.subject, f.object) for f in comments] == [("张建国", "八国集团")]
    assert comments[0].confidence <= 0.6  # weaker evidence than a named product or a quote


def test_a_product_in_the_speakers_own_description_is_not_what_he_comments_on():
    text = "华信优选基金拟任基金经理李明认为，降息为市场提供了宽松的环境。对于华信优选基金，王芳表示很看好。"
    pairs = triples(run(text), "commentsOn")
    assert ("李明", "华信优选基金") not in pairs and ("王芳", "华信优选基金") in pairs


def test_a_product_released_by_its_own_brand_through_qi():
    """'富士F60是其推出的一款卡片相机': 其 is the maker, the brand its name begins with."""
    pairs = triples(run("【行情】富士F60是其推出的一款中高端卡片相机。"), "releases")
    assert ("富士", "富士F60") in pairs



def test_appointed_with_ren():
    pairs = triples(run("1月15日宝盈基金聘任胡东良任公司副总经理。"), "holdsPositionAt")
    assert ("胡东良", "宝盈基金") in pairs


def test_located_in_described_and_with_a_kind_before_the_name():
    text = ("小米公司是一家位于北京的科技公司。据悉，这家位于上海浦东的芯片企业中芯国际将扩产。"
            "总部在杭州的阿里巴巴集团宣布裁员。")
    pairs = triples(run(text), "locatedIn")
    assert {("小米公司", "北京"), ("中芯国际", "上海浦东"), ("阿里巴巴集团", "杭州")} <= pairs


def test_chief_officer_titles():
    text = "华信科技任命李明为首席财务官。华为首席技术官李四表示，5G进展顺利。"
    pairs = triples(run(text), "holdsPositionAt")
    assert {("李明", "华信科技"), ("李四", "华为")} <= pairs


def test_a_quotation_opening_with_an_organization_comments_on_it():
    facts = run("“华信科技的芯片突破令人振奋。”中国信通院专家王五说。“英皇电影”投资了新片，王五表示期待。")
    comments = [(f.subject, f.object) for f in facts if f.predicate == "commentsOn"]
    assert ("王五", "华信科技") in comments and not any(o.startswith("英皇") for _, o in comments)


def test_a_topic_phrase_opening_with_a_name_gives_the_target():
    facts = run("对于华信科技的降价，蔚来汽车总裁李斌表示，这对行业是好事。")
    assert ("李斌", "华信科技") in {(f.subject, f.object) for f in facts if f.predicate == "commentsOn"}


def test_a_maker_of_products_is_a_company():
    release = next(f for f in run("卡西欧今日发布了一款数码相机产品FS10S。") if f.predicate == "releases")
    assert (release.subject, release.subject_type) == ("卡西欧", "Company")


@pytest.mark.parametrize(("said", "stance"), [
    ("Mate60的销量很好", "positive"), ("设计很出色", "positive"), ("市场不是很好", "negative"),
    ("需求疲软", "negative"), ("今年发布了新品", "neutral"),
    ("应对金融危机的措施已初现成效，经济总体企稳回升", "positive"),
])
def test_stance_of_common_evaluative_words(said, stance):
    assert stance_of(said) == stance


def test_a_report_named_outside_quotes_as_it_is_published():
    text = "国海证券发布的2月份投资策略报告指出，市场可能上涨。该机构发布的研究报告认为，市场向好。"
    facts = run(text)
    assert triples(facts, "publishes") == {("国海证券", "2月份投资策略报告")}  # 研究报告 is a kind, no name


def test_coordinated_organizations_publish_and_release_together():
    facts = run("由上海证券报和华信研究中心共同推出的最新一期QFII中国A股基金月度报告显示，仓位上升。"
                "华为与小米联合发布了Mate60手机。")
    assert {("上海证券报", "QFII中国A股基金月度报告"), ("华信研究中心", "QFII中国A股基金月度报告")} <= triples(
        facts, "publishes")
    assert {("华为", "Mate60"), ("小米", "Mate60")} <= triples(facts, "releases")


def test_offices_of_state():
    pairs = triples(run("国务院副总理王岐山25日抵达华盛顿。澳门检察院检察长何超明未回应。"), "holdsPositionAt")
    assert {("王岐山", "国务院"), ("何超明", "澳门检察院")} <= pairs


@pytest.mark.parametrize("segment, roles", [
    ("常务副总经理", ["常务副总经理"]),
    ("董事长、总经理", ["董事长", "总经理"]),
    ("地板的总经理", ["总经理"]),  # '爱格地板的总经理': the name ran on to 的
    ("讯记者", ["记者"]),  # '新浪体育讯记者': the wire's 讯
    ("前101董事长", None),  # a number is no part of a title
    ("历史上的第一位女校长", ["校长"]),  # which holder, not which post
    ("同发展中国家领导人对话会议的国务委员", None),  # more than the rest of a name before 的
])
def test_parse_roles(segment, roles):
    from kg.extract.roles import parse_roles
    assert parse_roles(segment) == roles


def test_a_comment_made_at_a_launch_event_and_academic_titles():
    """'在发布会上表示：“X…”' comments on X (发布会 is no release of the speaker's); 院士 and 律师 are roles."""
    facts = run("小米集团董事长雷军在发布会上表示：“小米SU7将重新定义中高端轿车。”"
                "中国科学院院士、清华大学教授姚期智认为，基础研究很重要。河南见地律师事务所律师王武江认为，此案涉嫌违法。")
    assert ("雷军", "小米SU7") in triples(facts, "commentsOn")
    positions = triples(facts, "holdsPositionAt")
    assert {("姚期智", "中国科学院"), ("姚期智", "清华大学"), ("王武江", "河南见地律师事务所")} <= positions


def test_a_hundred_strong_list_named_by_its_report():
    facts = run("日前，赛迪顾问发布《2024中国数字经济百强研究报告》。报告显示，华为、腾讯位列前三，比亚迪排名第八。")
    ranks = {f.subject: f for f in facts if f.predicate == "ranksIn"}
    assert {"华为", "腾讯", "比亚迪"} <= set(ranks)
    assert ranks["比亚迪"].object == "2024中国数字经济百强" and ranks["比亚迪"].attributes.get("rank") == 8


def test_a_magazines_list_and_the_scope_of_the_patents_counted():
    facts = run("华信科技连续三年入选《财富》世界500强。在2023年《财富》世界500强排行榜中，华信科技位列第292位。"
                "截至报告期末，华信科技共拥有境内专利4891项，境外专利1273项。")
    ranks = {(f.object, f.attributes.get("rank")) for f in facts if f.predicate == "ranksIn"}
    assert ranks == {("《财富》世界500强", None), ("《财富》世界500强排行榜", 292)}
    [filing] = [f for f in facts if f.predicate == "filesPatents"]
    assert (filing.attributes["count"], filing.attributes["scope"]) == (4891, "境内")


def test_fund_companies_lac_missed_and_a_fund_managers_second_title():
    facts = run("尚未具备资格的基金也对此业务充满期待，招商基金产品部总监马静称，监管放开。"
                "基金经理由东吴基金投资总监、东吴双动力基金经理王炯女士兼任。信达证券基金分析师刘明军指出，风险可控。")
    positions = {(f.subject, f.object): f.attributes["role"] for f in facts if f.predicate == "holdsPositionAt"}
    assert positions[("马静", "招商基金")] == ["产品部总监"] and positions[("王炯", "东吴基金")] == ["投资总监"]
    assert positions[("刘明军", "信达证券")] == ["基金分析师"]


def test_a_post_given_up_was_held_and_ordinals_are_no_part_of_a_title():
    facts = run("景顺长城基金今日公告，经公司董事会审议通过，同意梁华栋由于个人原因辞去公司总经理职务。"
                "李四日前卸任华信科技董事长一职。西南交通大学第66任校长杨丹出席。北京大学120年校庆，继门口“大”字装反后，校长林建华读稿。")
    positions = {(f.subject, f.object): f.attributes["role"] for f in facts if f.predicate == "holdsPositionAt"}
    assert positions[("梁华栋", "景顺长城基金")] == ["总经理"] and positions[("李四", "华信科技")] == ["董事长"]
    assert positions[("杨丹", "西南交通大学")] == ["校长"]
    assert not any(org == "字装反后" for _, org in positions)


def test_a_list_name_with_a_quoted_word_and_a_model_named_after_its_kind():
    facts = run("工业和信息化部近日公布第五批专精特新“小巨人”企业名单，江苏恒立液压股份有限公司等企业入选。"
                "北京智谱华章科技有限公司日前发布新一代基座大模型GLM-4。")
    assert ("江苏恒立液压股份有限公司", "第五批专精特新“小巨人”企业名单") in triples(facts, "ranksIn")
    assert triples(facts, "releases") == {("北京智谱华章科技有限公司", "GLM-4")}


@pytest.mark.parametrize("text, pair, role", [
    # a remark in brackets after the title is not part of it
    ("2021年3月，王建平任华信职业技术学院校长（试用期一年）。", ("王建平", "华信职业技术学院"), ["校长"]),
    # the campus in brackets between a university and the title is passed over
    ("全国人大代表、北方理工大学(威海)校长刘志强出席会议。", ("刘志强", "北方理工大学"), ["校长"]),
    # a list or table puts a colon before the holder's name
    ("公司治理：华信通信集团公司董事长：李建华", ("李建华", "华信通信集团公司"), ["董事长"]),
    # the title after the name, then a colon
    ("北方实验中学王立新校长:办学要有特色。", ("王立新", "北方实验中学"), ["校长"]),
    # a firm's name LAC reads as one common word, by its ending
    ("2019年5月，星辰点公关公司董事长吴立军先生接受采访。", ("吴立军", "星辰点公关公司"), ["董事长"]),
    # the organization the sentence is about, led by the title holder
    ("华信电子集团有限公司在董事长陈立明的带领下，以经营服装起家。", ("陈立明", "华信电子集团有限公司"), ["董事长"]),
    # 'from that year on served as'
    ("周建军于2010年进入宏远通信，并自2012年起任宏远通信董事长兼总裁。", ("周建军", "宏远通信"), ["董事长", "总裁"]),
    # an honorific between the name and the organization
    ("大会宣布，曾立明同志任北方民族大学党委副书记。", ("曾立明", "北方民族大学"), ["党委副书记"]),
    # the title, then 为 and the name, the sentence's one organization
    ("华信实验中学始建于1922年，现任校长为 吴立民。", ("吴立民", "华信实验中学"), ["校长"]),
    # a kind of firm between the verb and the name
    ("郑立南是上市公司华信电缆集团股份有限公司董事长、总经理。", ("郑立南", "华信电缆集团股份有限公司"),
     ["董事长", "总经理"]),
    # the name and the title after the firm, any verb next
    ("华信科技股份有限公司俞立德董事长推出新的培养模式。", ("俞立德", "华信科技股份有限公司"), ["董事长"]),
    # a bare title taken, with 同志 and a second title
    ("2000年12月华信纸业有限责任公司正式挂牌成立，李立法同志任董事长兼总经理。", ("李立法", "华信纸业有限责任公司"),
     ["董事长", "总经理"]),
    # the firm named before, then '任集团公司董事长'
    ("北京华信创业集团有限公司刘立光任集团公司董事长。", ("刘立光", "北京华信创业集团有限公司"), ["董事长"]),
    # names with their titles after a bank's name: the second is no 'firm' named after the category noun 银行
    ("国庆前夕,华信银行王立凤董事长、赵立行长携全体员工齐声高唱。", ("赵立", "华信银行"), ["行长"]),
])
def test_position_patterns_from_dataset_errors(text, pair, role):
    facts = run(text)
    roles = roles_of(facts)
    assert roles.get(pair) == role, roles


def test_biography_opening_name_that_lac_missed_or_read_as_a_firm():
    facts = run("萧立丞，内蒙古华信金融信息服务有限公司董事长。")
    assert ("萧立丞", "内蒙古华信金融信息服务有限公司") in triples(facts, "holdsPositionAt")


@pytest.mark.parametrize("text, founders, org", [
    ("宏远集团是华裔张建初、张少华创办的，经过几十年的打拼。", {"张建初", "张少华"}, "宏远集团"),
    ("1920年，周立德、孙英明合伙设立的上海华昌机器厂开工。", {"周立德", "孙英明"}, "上海华昌机器厂"),
    ("北京华信商贸有限公司成立于2005年10月1日，由许立忱创立于北京。", {"许立忱"}, "北京华信商贸有限公司"),
    ("华信科技是由陈立和他的同学戴雨明以及刘立辉三人一起创立的。", {"陈立", "戴雨明", "刘立辉"}, "华信科技"),
    ("浙江华信网络科技有限公司 创始人：李建锋、杨立明、赵立清等", {"李建锋", "杨立明", "赵立清"},
     "浙江华信网络科技有限公司"),
])
def test_founders_listed_before_or_after_the_verb(text, founders, org):
    facts = run(text)
    found = {f.subject for f in facts if f.predicate == "holdsPositionAt" and f.object == org
             and f.attributes["role"] == ["创始人"]}
    assert found >= founders, found


def test_foreign_names_written_with_a_full_stop_or_split_at_the_dot():
    from kg.nlp.pipeline import get_nlp

    names = {e.text for e in get_nlp()("1889年由美国药剂师爱拔·亚历山大·希尔先生创立，阿道夫.达斯勒出席。").ents
             if e.label_ == "Person"}
    assert {"爱拔·亚历山大·希尔", "阿道夫.达斯勒"} <= names


def test_a_relation_or_title_word_glued_before_a_firm_is_no_part_of_its_name():
    from kg.nlp.lac_repairs import _split_time_of_tenure

    assert _split_time_of_tenure([("关联方华信新能源投资有限公司", "ORG")]) == [
        ("关联方", "n"), ("华信新能源投资有限公司", "ORG")]
    facts = run("副会长华信文达集团董事长谢立贵等出席。")
    assert ("谢立贵", "华信文达集团") in triples(facts, "holdsPositionAt")


def test_posts_before_a_name_chain_over_lists_but_not_over_anothers_clause():
    facts = run("华信集团创始人、董事长，中国光彩促进会副会长余立富接受专访。")
    assert {("余立富", "华信集团"), ("余立富", "中国光彩促进会")} <= triples(facts, "holdsPositionAt")
    facts = run("郝立在北方大学工作多年，又曾任职华信外国语大学校长，南方大学校长纪立洲曾先后任职多所高校。")
    assert ("纪立洲", "南方大学") in triples(facts, "holdsPositionAt")
    assert ("纪立洲", "华信外国语大学") not in triples(facts, "holdsPositionAt")


def test_a_ranking_published_with_its_year_and_members_placed_later_in_the_article():
    text = ("日前，华信周刊发布了2030年北方最新大学排名，这也是该杂志第28次发布北方大学排名。"
            "2030年最新排名的特点是，稳居前三的依然是东海大学、南山大学和西岭大学；北湖大学排名第四，"
            "华信周刊根据什么因素来决定学校排名呢？中原大学与江城大学、海港大学三所学校并列第五。")
    facts = run(text)
    ranks = {f.subject: f.attributes.get("rank") for f in facts if f.predicate == "ranksIn"
             and f.object == "2030年北方最新大学排名"}
    assert {"东海大学", "南山大学", "西岭大学", "北湖大学", "中原大学", "江城大学", "海港大学"} <= set(ranks), ranks
    assert ranks["北湖大学"] == 4 and ranks["江城大学"] == 5 and ranks["海港大学"] == 5
    assert "华信周刊" not in ranks  # who publishes the list is not in it


def test_a_title_before_a_list_of_names_is_each_ones_unless_one_person_holds_it():
    pairs = triples(run("华信地产副总经理杨立光、胡立新、王立出席了发布会。"), "holdsPositionAt")
    assert {("杨立光", "华信地产"), ("胡立新", "华信地产"), ("王立", "华信地产")} <= pairs
    pairs = triples(run("华信科技董事长张立、李明出席。"), "holdsPositionAt")
    assert ("张立", "华信科技") in pairs and ("李明", "华信科技") not in pairs


def test_the_post_of_a_firm_held_by_who_is_named_after_is():
    facts = run("比如华信基金的董事长是华信银行行长杨立生，级别是最高级。")
    roles = roles_of(facts)
    assert roles.get(("杨立生", "华信银行")) == ["行长"] and roles.get(("杨立生", "华信基金")) == ["董事长"]


def test_a_verb_after_a_conjunction_is_no_unnamed_firm():
    facts = run("访问期间，主席将同对方会谈，并会见俄总理普京。")
    assert not triples(facts, "holdsPositionAt")


def test_a_paper_naming_its_own_reporter_is_the_publisher_when_no_byline_did():
    from kg.extract import document

    article = Article(id="t-1", document="t.txt", title="测试", text="一位副总向《华信经营报》记者表示，前景很好。")
    facts = document.extract(article)
    assert [(f.predicate, f.object) for f in facts] == [("publisher", "华信经营报")]
    assert facts[0].evidence.sentence == "一位副总向《华信经营报》记者表示，前景很好。"
    cited = Article(id="t-2", document="t.txt", title="测试", text="据《华信经营报》记者了解，前景很好。")
    assert document.extract(cited) == []  # 据: another paper's reporter, cited


def test_a_profile_names_the_post_in_its_position_field():
    facts = run("李立莹出生年月：1969年职位：北京华信汽车销售服务有限公司董事长毕业院校：北方大学留学国家：德国")
    roles = roles_of(facts)
    assert roles.get(("李立莹", "北京华信汽车销售服务有限公司")) == ["董事长"]


def test_comments_in_an_interview_answer_and_on_what_a_judging_verb_takes():
    facts = run("惠达陶瓷总经理王立庆接受了采访。\n      王立庆：我们惠达一直关注着蓝海传媒，上市后蓝海传媒可以"
                "赢取更多资源，蓝海传媒会越走越好。")
    comments = [f for f in facts if f.predicate == "commentsOn"]
    assert [(f.subject, f.object) for f in comments] == [("王立庆", "蓝海传媒")]
    assert comments[0].attributes["quote"].startswith("我们惠达一直关注着")
    assert comments[0].attributes["stance"] == "positive"
    facts = run("“这和我没有关系。”俞立渝快言评价了胡立榜。")
    assert ("俞立渝", "胡立榜") in triples(facts, "commentsOn")


def test_a_quoted_name_is_no_answer_whose_firms_are_talked_about():
    facts = run("刘立晨举例说，凡是国际顶级品牌均有标志，比如华信的服装一定有“华信”字样，华信的包也是。")
    assert not triples(facts, "commentsOn")


def test_a_site_in_brackets_between_the_firm_and_the_title_is_passed_over():
    facts = run("五合国际(五合国际博客)的总经理邹立毅也表达出类似的观点。")
    roles = roles_of(facts)
    assert roles.get(("邹立毅", "五合国际")) == ["总经理"]


def test_patents_of_the_firm_not_of_who_counts_them_and_a_part_of_its_own():
    text = ("据国家知识产权局统计，2023年华信共申请专利1.2万件，同比增长15%，其中海外专利申请量达3000件。"
            "宏远公司今年上半年新增人工智能专利申请2600余件，位居全国第一。")
    facts = [f for f in run(text) if f.predicate == "filesPatents"]
    found = {(f.subject, f.attributes.get("count"), f.attributes.get("scope")) for f in facts}
    assert found == {("华信", 12000, None), ("华信", 3000, "海外"), ("宏远公司", 2600, None)}


def test_a_quoted_list_and_the_top_of_it():
    facts = run("在近日发布的“2030华信全球独角兽榜”中，蚂蚁集团以1.5万亿元估值蝉联榜首。")
    ranks = [(f.subject, f.object, f.attributes.get("rank")) for f in facts if f.predicate == "ranksIn"]
    assert ranks == [("蚂蚁集团", "2030华信全球独角兽榜", 1)]


def test_unit_of_a_group_and_an_anaphor_is_no_incubated_firm():
    facts = run("达摩院是华信集团旗下的研究机构。该项目由北方大学孵化，核心团队来自北方大学。")
    assert triples(facts, "partOf") == {("达摩院", "华信集团")}
    assert not triples(facts, "incubatedBy")


def test_a_product_another_firm_released_is_the_topic_commented_on():
    facts = run("对于华信推出的Vision Pro，IDC中国分析师王立希认为，其价格过高，短期内难以普及。")
    assert ("华信", "Vision Pro") in triples(facts, "releases")
    comments = [f for f in facts if f.predicate == "commentsOn"]
    assert [(f.subject, f.object, f.attributes["stance"]) for f in comments] == [("王立希", "Vision Pro", "negative")]


def test_a_latin_unit_in_a_title_and_a_verb_glued_to_the_firm_before_it():
    facts = run("华信常务董事、终端BG CEO余立东在发布会上表示，新品很好。")
    roles = roles_of(facts)
    assert roles.get(("余立东", "华信")) == ["常务董事", "终端BG CEO"]
    from kg.nlp.lac_repairs import _split_time_of_tenure

    assert _split_time_of_tenure([("华信电网位", "ORG"), ("列", "v")]) == [("华信电网", "ORG"), ("位列", "v")]


def test_a_versioned_model_said_again_without_its_kind_is_one_product():
    from kg.resolve import resolve

    text = "同日，华信科技发布日日新5.0大模型。华信科技董事长徐立表示，日日新5.0在主流评测中表现突出。"
    article = Article(id="t-1", document="t.txt", title="测试", text=text)
    mentions, facts = extract_article(article, get_nlp()(text))
    products = [e for e in resolve({"t-1": mentions}, facts).entities if e.coarse_type == "Product"]
    assert [(p.name, p.aliases) for p in products] == [("日日新5.0大模型", {"日日新5.0"})]
    assert ("徐立", "日日新5.0") in triples(facts, "commentsOn")


def test_a_latin_name_glued_to_a_kind_of_assistant_is_released():
    facts = run("5月20日，华信科技在北京发布了Kimi智能助手的新版本。")
    assert ("华信科技", "Kimi") in triples(facts, "releases")


def test_a_magazine_named_in_guillemets_publishes_and_a_rank_risen_to():
    facts = run("7月10日，《华信》杂志发布2030年《华信》中国500强排行榜。北方集团排名上升至第21位。")
    assert ("《华信》杂志", "《华信》中国500强排行榜") in triples(facts, "publishes")
    ranks = {f.subject: f.attributes.get("rank") for f in facts if f.predicate == "ranksIn"}
    assert ranks.get("北方集团") == 21


def test_open_sourcing_a_model_on_a_date_releases_it():
    facts = run("华信于4月18日开源了Llama 3大模型，提供两个版本。", date="2024-05-01")
    releases = [(f.subject, f.object, f.attributes.get("date")) for f in facts if f.predicate == "releases"]
    assert releases == [("华信", "Llama 3", "2024-04-18")]
    facts = run("Meta于4月18日开源了Llama 3大模型。", date="2024-05-01")
    assert ("Meta", "Llama 3") in triples(facts, "releases")


def test_a_bracketed_name_between_the_maker_and_the_verb_does_not_count_against_it():
    facts = run("华信创始人兼首席执行官张建国（Jianguo Zhang）则在年度开发者大会上发布了星河大模型V2.0。")
    assert ("华信", "星河大模型V2.0") in triples(facts, "releases")


def test_products_joined_to_the_released_one_are_released_too():
    facts = run("3月16日，华信正式发布星河大模型4.5和星河大模型X1，并宣布星河一言全面免费。")
    assert triples(facts, "releases") == {("华信", "星河大模型4.5"), ("华信", "星河大模型X1")}
    # after the first one's kind; a Latin name ending in a series word is a model
    facts = run("华信技术有限公司26日正式推出Nova 70系列手机及NovaPad Pro平板电脑。")
    assert triples(facts, "releases") == {("华信技术有限公司", "Nova 70"), ("华信技术有限公司", "NovaPad Pro")}


def test_a_partner_lac_missed_releases_too_and_a_model_is_no_firm():
    facts = run("4月27日，华数科技联合北方大学发布视频大模型Vidu，可生成16秒视频。")
    assert {("华数科技", "Vidu"), ("北方大学", "Vidu")} <= triples(facts, "releases")
    facts = run("华信可灵大模型负责人张立迪说，上线一个月用户已超过50万。")
    assert not any(f.object.endswith("大模型") for f in facts if f.predicate == "holdsPositionAt")


def test_a_name_lac_reads_as_a_noun_before_a_speech_verb_and_a_body_glued_to_its_title():
    facts = run("协会会长、华信证券党委书记、董事长、总裁范力说，本地上市公司将进一步做大做强。")
    roles = roles_of(facts)
    assert roles.get(("范力", "华信证券")) == ["党委书记", "董事长", "总裁"]


def test_a_clause_opening_phrase_is_no_unnamed_firm():
    facts = run("1992年他在大学工作，刚好碰上前总统克林顿到学校举办竞选活动。")
    assert not any(f.object == "刚好碰上前" for f in facts)


def test_a_list_named_with_whose_it_is_and_a_count_opens_no_publisher():
    facts = run("这些代表，正是2030年华信大学“世界大学学术排名500强”的评审者。")
    assert ("华信大学", "世界大学学术排名500强") in triples(facts, "publishes")
    facts = run("法国媒体预测，下一次中国高校推出的“世界大学学术排名500强”中，法国大学的地位将提升。")
    assert not triples(facts, "publishes")


def test_a_biographys_subjectless_clauses_take_the_one_person_named_before():
    text = ("李立莹，1969年出生。1995年，赴德国留学一年。2003年，当选为北京青年联合会委员，"
            "同年底又成为全国青年联合会委员。")
    pairs = triples(run(text), "holdsPositionAt")
    assert {("李立莹", "北京青年联合会"), ("李立莹", "全国青年联合会")} <= pairs
    text = "张三和李四出席了会议。2003年，当选为北京青年联合会委员。"
    assert not triples(run(text), "holdsPositionAt")  # two people before: whose post is not said


def test_position_in_a_region_and_after_a_copula():
    """'宜家中国区公关经理': the region is part of the role at the firm; '董事长是任正非。' names
    the holder when the name closes the clause, not in '是任正非的老朋友'."""
    facts = run("宜家中国区公关经理许丽德表示，品牌效应将继续吸引消费者。")
    assert roles_of(facts) == {("许丽德", "宜家"): ["中国区公关经理"]}
    facts = run("星辰科技公司董事长是张立新。")
    assert roles_of(facts) == {("张立新", "星辰科技公司"): ["董事长"]}
    facts = run("星辰科技公司董事长是张立新的老朋友。")
    assert roles_of(facts) == {}
    facts = run("王彦庆担任惠达公司总经理以来，大胆创新。")
    assert roles_of(facts) == {("王彦庆", "惠达公司"): ["总经理"]}


def test_position_over_a_countrys_business_and_by_election():
    """'耐克公司中国体育市场总监': the country's business is part of the role at the firm (a
    '…中国基金经理' manages a fund, no post at the firm); 当选, 连任 and 接任 take a post."""
    facts = run("宏远公司中国体育市场总监李彤已经结束了协助调查。")
    assert roles_of(facts) == {("李彤", "宏远公司"): ["中国体育市场总监"]}
    facts = run("瑞典“Kaupthing中国基金经理安·阿尔文说，中国基金回升了。")
    assert not any(org == "Kaupthing" for _, org in roles_of(facts))
    facts = run("张立新当选星辰商会会长。王建国接任宏远公司总经理。")
    assert roles_of(facts) == {("张立新", "星辰商会"): ["会长"], ("王建国", "宏远公司"): ["总经理"]}
    assert roles_of(run("国民党文传会主委张立荣昨天表示，")) == {("张立荣", "国民党文传会"): ["主委"]}


def test_a_post_after_a_note_in_brackets_behind_the_firms_name():
    """A stock code or a short name in brackets after the firm does not hide the title after it,
    and the firm's short name inside the note holds no post of its own."""
    facts = run("张明同时也是港股上市公司中国自动化集团（00569.HK）的董事长。")
    assert roles_of(facts) == {("张明", "中国自动化集团"): ["董事长"]}
    facts = run("张明现任宏达科技股份有限公司(以下简称宏达科技)董事长。")
    assert roles_of(facts) == {("张明", "宏达科技股份有限公司"): ["董事长"]}
    facts = run("张明，男，宏达科技股份有限公司（600123）董事长李四的助手。")
    assert roles_of(facts) == {("李四", "宏达科技股份有限公司"): ["董事长"]}


def test_a_noun_before_a_name_that_opens_with_its_place_and_names_glued_to_a_day():
    """'三大看点中国现代国际关系研究院': the noun before a name opening with its place is no part of it;
    '祝兴祥昨在会上': 昨 (yesterday) is no part of the name; '另一位…负责人' names no organization."""
    facts = run("专家解读峰会的三大看点中国现代国际关系研究院院长助理、研究员傅梦孜7日接受专访时表示。")
    assert roles_of(facts) == {("傅梦孜", "中国现代国际关系研究院"): ["院长助理", "研究员"]}
    facts = run("本报讯 环境保护部环评司司长祝兴祥昨在会上透露，今年批复了339个项目。")
    assert {person for person, _ in roles_of(facts)} == {"祝兴祥"}
    assert roles_of(run("另一位视效负责人李金辉对此解释说：很难。")) == {}
    facts = run("到时我们中央台另一路特派记者张加宁会为听众带回现场报道。")
    assert roles_of(facts) == {("张加宁", "中央台"): ["特派记者"]}


def test_owners_and_supervisors_hold_posts_and_a_position_word_opens_no_firm():
    assert roles_of(run("当然，我个人觉得湖人老板巴斯会用新教练。")) == {("巴斯", "湖人"): ["老板"]}
    facts = run("大家好，我是新浪乐居楼市资讯主管顾名扬，很高兴见到大家。")
    assert roles_of(facts) == {("顾名扬", "新浪乐居"): ["楼市资讯主管"]}
    assert roles_of(run("要抓紧时间开通，下面有请全国博客主管王彩霞介绍新浪博客。")) == {}


def test_headquarters_in_and_set_up_at_a_place():
    facts = run("巨人教育成立于1994年，总部在北京，是一家综合教育集团。宏达公司在上海召开了发布会。")
    assert triples(facts, "locatedIn") == {("巨人教育", "北京")}
    facts = run("昆明德瑞特网络科技有限公司于2012年8月成立，总部设于云南昆明。")
    assert triples(facts, "locatedIn") == {("昆明德瑞特网络科技有限公司", "云南昆明")}


def test_an_expert_of_a_field_holds_no_post_at_an_unnamed_firm():
    assert roles_of(run("对此，资深留学专家黄淑华告诉记者：“很难。”")) == {}
    assert roles_of(run("地产经济研究专家邓浩志认为，豪宅扎堆黄金周的原因与工期有关系。")) == {}


def test_later_posts_of_a_career_and_a_long_department_before_the_title():
    facts = run("1998年博士毕业后，陈东就进入广发证券从事研究工作，此后任天相投资顾问研究总监和德邦证券研究所所长。")
    assert roles_of(facts) == {("陈东", "天相投资顾问"): ["研究总监"], ("陈东", "德邦证券研究所"): ["所长"]}
    facts = run("环保部污染物排放量总量控制司副司长刘长根对此透露，一些措施执行不力。")
    assert roles_of(facts) == {("刘长根", "环保部"): ["污染物排放量总量控制司副司长"]}


def test_a_post_given_up_later_in_the_sentence_of_its_one_person():
    facts = run("12日下午3时，崔世安准时步入记者会现场，宣布辞去澳门社会文化司司长一职，参加选举。")
    assert roles_of(facts) == {("崔世安", "澳门社会文化司"): ["司长"]}
    facts = run("张三步入会场，李四宣布辞去宏远公司总经理一职。")
    assert ("张三", "宏远公司") not in roles_of(facts)


def test_a_place_named_as_such_publishes_nothing():
    """'河南省发布《…意见》': the publisher must be an organization; a province LAC named as a
    place is not made one (an agency named in full is)."""
    facts = run("今年8月，河南省发布《关于建立海外留学人才工作绿色通道的意见》，以吸引更多留学人员。")
    assert triples(facts, "publishes") == set()
    facts = run("6月18日，卫生部发布的《医疗机构校验管理办法》中明确规定，医院要建立制度。")
    assert triples(facts, "publishes") == {("卫生部", "医疗机构校验管理办法")}


def test_reported_clause_may_open_with_a_time_word_or_follow_a_verb_of_belief():
    """'表示，目前，<org>…' and '认为<org>…' (no comma): the organization opens what is said."""
    facts = run("孟建柱表示，目前，上海合作组织已进入全面深化务实合作的新阶段。")
    assert triples(facts, "commentsOn") == {("孟建柱", "上海合作组织")}
    facts = run("但巴克利是坚定的灰熊粉丝，他坚持认为马刺进不了第二轮。")
    assert triples(facts, "commentsOn") == {("巴克利", "马刺")}
    facts = run("张三认为，明年市场的前景很好。")
    assert triples(facts, "commentsOn") == set()


def test_every_post_clause_of_a_biography_counts_also_after_a_description():
    """'张三，…，中国科学院院士，某大学校长' gives both posts; '…资产过亿的某公司董事长' one."""
    facts = run("李明远，江苏无锡人，力学家，中国科学院院士，东方大学校长。")
    assert roles_of(facts) == {("李明远", "中国科学院"): ["院士"], ("李明远", "东方大学"): ["校长"]}
    facts = run("周大成，浙江人，员工三千、资产过亿的上海星光服饰股份有限公司董事长。")
    assert roles_of(facts) == {("周大成", "上海星光服饰股份有限公司"): ["董事长"]}


def test_an_academic_title_after_the_name_that_follows_its_institution():
    """'北京大学法学院张千帆教授说', '某委员会的刘晓光主任上台': the person holds the title there."""
    facts = run("北京大学法学院张千帆教授说，这些问题如不厘清，将极大拓宽范围。")
    assert roles_of(facts) == {("张千帆", "北京大学法学院"): ["教授"]}
    facts = run("接下来有请北京市平谷区建设委员会的刘晓光主任上台致词！")
    assert roles_of(facts) == {("刘晓光", "北京市平谷区建设委员会"): ["主任"]}
    facts = run("星辰科技公司张立新的朋友说，这很好。")
    assert roles_of(facts) == {}


def test_a_latin_brand_with_its_country_keeps_the_whole_name():
    """'SOHO中国董事长潘石屹': the Latin part does not cut 中国 off the firm's name."""
    facts = run("2014年10月29日，SOHO中国董事长潘石屹与耶鲁大学校长签署了捐款协议。")
    assert roles_of(facts) == {("潘石屹", "SOHO中国"): ["董事长"]}


def test_located_by_a_headquarters_named_with_its_place_or_after_a_bracketed_name():
    """'世界卫生组织日内瓦总部', '某大学(Some University)位于<place>'."""
    facts = run("笔者从世界卫生组织日内瓦总部了解到，原定10天的会议已决定缩短至5天。")
    assert triples(facts, "locatedIn") == {("世界卫生组织", "日内瓦")}
    facts = run("查尔斯达尔文大学(CharlesDarwin University)位于澳大利亚的最北部，是一所公立的综合性大学。")
    assert triples(facts, "locatedIn") == {("查尔斯达尔文大学", "澳大利亚")}


def test_a_fund_company_releases_the_fund_it_launches():
    """'<公司>旗下…——<基金>…发售', '<公司>…旗下…<以公司名开头的基金>…发售': releases, with the date."""
    facts = run("泰信基金周五公布，旗下第六只产品——泰信蓝筹精选股票型基金将于3月2日起至4月3日公开发售。")
    assert [(f.subject, f.object, f.attributes.get("date")) for f in facts if f.predicate == "releases"] == [
        ("泰信基金", "泰信蓝筹精选股票型基金", "2024-03-02")]
    facts = run("国泰基金发布公告，旗下国泰金龙债券基金按每10份基金份额派发红利0.40元。")
    assert triples(facts, "releases") == set()


def test_releases_of_a_brand_and_model_named_with_its_kind_or_in_a_clause_of_its_own():
    """'佳能EOS7D单反相机新近上市', '富士近期上市的相机S205', '佳能 7D…，于今年9月份刚刚发布，'."""
    assert triples(run("佳能EOS7D单反相机新近上市，采用了APS-C规格图像感应器。"), "releases") == {
        ("佳能", "佳能EOS7D")}
    assert triples(run("富士近期上市的相机S205长焦相机，拥有超强的传感器技术。"), "releases") == {("富士", "S205")}
    facts = run("编辑点评：佳能 7D 无疑是本年度最关注的产品之一，于今年9月份刚刚发布，采用了新的感应器。")
    assert triples(facts, "releases") == {("佳能", "佳能 7D")}
    assert triples(run("这款相机的价格于今年9月份刚刚发布，采用了新的感应器。"), "releases") == set()


def test_founders_listed_after_a_description_or_a_year():
    """'某公司是…电影公司，由甲、乙、丙等几个电影人创立', '某公司于1990年由某校教授甲、乙和丙创立'."""
    facts = run("新艺城影业有限公司是香港八十年代一家主要的电影公司，由黄百鸣、石天、麦嘉等几个电影人创立。")
    assert roles_of(facts) == {(p, "新艺城影业有限公司"): ["创始人"] for p in ("黄百鸣", "石天", "麦嘉")}
    facts = run("星辰机器人公司于1990年由东方大学教授李明远、张立新和王海涛创立。")
    founded = {pair: roles for pair, roles in roles_of(facts).items() if pair[1] == "星辰机器人公司"}
    assert founded == {(p, "星辰机器人公司"): ["创始人"] for p in ("李明远", "张立新", "王海涛")}


def test_a_shop_listing_names_its_dealer_and_locates_it_by_its_address():
    """'[商家名称] X[联系方式] …[联系地址] 上海市卢湾区鲁班路288号…': X is a firm in 上海市卢湾区."""
    text = ("佳能 7D 套机[产品价格] 14750元（带票）[商家名称] 上海摄苑网摄影器材[联系方式] 4007168822"
            "[联系地址] 上海市卢湾区鲁班路288号星光摄影器材城1楼30-31号")
    facts = run(text)
    assert triples(facts, "locatedIn") == {("上海摄苑网摄影器材", "上海市卢湾区")}
    assert triples(run("[联系地址] 上海市卢湾区鲁班路288号"), "locatedIn") == set()


def test_a_quote_attribution_keeps_its_title_and_a_successor_takes_the_post():
    """'——王石　万科企业股份有限公司董事长　　冯仑…': 王石's post, not 冯仑's; '梁金辉接替余林，出任…董事长':
    梁金辉's, not 余林's; a listing '主编 甲   某网副主编    乙' still gives each name the title before it."""
    facts = run("有情有性 ——王石　万科企业股份有限公司董事长　　冯仑用他独特的经历描述了众生相。")
    assert roles_of(facts) == {("王石", "万科企业股份有限公司"): ["董事长"]}
    facts = run("亳州市委组织部宣布，梁金辉接替余林，出任安徽古井贡酒股份有限公司董事长。")
    assert roles_of(facts) == {("梁金辉", "安徽古井贡酒股份有限公司"): ["董事长"]}
    facts = run("媒体代表： 北京商报家居版主编 吴厚斌   新浪家居副主编    张永志   以下为现场实录")
    assert roles_of(facts) == {("吴厚斌", "北京商报"): ["家居版主编"], ("张永志", "新浪"): ["家居副主编"]}


def test_the_organization_a_sentence_opens_with_is_honoured_by_a_later_clause():
    """'某品牌…，凭借…先后获得了“中国品牌500强”等荣誉称号': ranksIn for the sentence's subject only."""
    facts = run("宏耐品牌在中国已有十三年历史，凭借卓越的品质先后获得了“中国品牌500强”等荣誉称号。")
    assert triples(facts, "ranksIn") == {("宏耐", "中国品牌500强")}
    facts = run("宏耐品牌已有十三年历史，华美建材公司凭借卓越的服务先后获得了“中国品牌500强”等荣誉称号。")
    assert ("宏耐", "中国品牌500强") not in triples(facts, "ranksIn")


def test_a_bare_gongsi_after_a_preposition_refers_back():
    """'距公司前任总经理李克难…', '据公司总经理张三介绍': 公司 after a preposition is the firm named last."""
    facts = run("信达澳银基金公司日前发布公告。此时，距公司前任总经理李克难于2008年4月27日的离职公告已过去10个月。")
    assert roles_of(facts) == {("李克难", "信达澳银基金公司"): ["总经理"]}
    facts = run("星辰科技公司发布了新品。据公司总经理张立新介绍，产品已经上市。")
    assert roles_of(facts) == {("张立新", "星辰科技公司"): ["总经理"]}


def test_a_channel_of_a_portal_is_an_outlet_with_its_editors():
    """'我是新浪乐居家居频道编辑谢娟': the channel is a MediaOutlet, 编辑 a role at it."""
    facts = run("新浪家居：您好，王总，我是新浪乐居家居频道编辑谢娟，感谢您接受本次采访。")
    assert roles_of(facts) == {("谢娟", "新浪乐居家居频道"): ["编辑"]}


def test_a_funds_manager_works_at_the_house_the_funds_name_opens_with():
    """'<fund>(拟任)基金经理<name>': the house named in the article whose name opens the fund's (not the
    fund, a product); a fund whose house the article never names gives no post."""
    positions = roles_of(run("华信基金表示看好。华信科瑞基金经理付明也认为，市场年初上涨。"))
    assert positions == {("付明", "华信基金"): ["基金经理"]}
    positions = roles_of(run("宏达领先成长股票基金拟任基金经理陈胜表示，股市会反弹。"))
    assert positions == {("陈胜", "宏达"): ["基金经理"]}
    assert roles_of(run("宏达现金收益基金经理张勇也表示，近期套利资金减少。")) == {}
    positions = roles_of(run("华信基金投资总监、华信双动力基金经理王炯女士兼任。"))  # both posts
    assert positions == {("王炯", "华信基金"): ["基金经理", "投资总监"]} or set(positions) == {("王炯", "华信基金")}


def test_professional_titles_a_region_inside_a_title_and_qi_for_the_firm_just_named():
    """'首席设计师', '首席亚洲经济师' (the region after a modifier is part of the title) and '，其<unit><title>'
    after a clause break: the firm the sentence named before it."""
    assert roles_of(run("华信科技首席设计师冯强表示，产品很好。")) == {("冯强", "华信科技"): ["首席设计师"]}
    assert roles_of(run("报道援引宏达证券首席亚洲经济师谢国安的话称，楼市平稳。")) == {
        ("谢国安", "宏达证券"): ["首席亚洲经济师"]}
    assert roles_of(run("宏达地产对后市预期转好，其华东区研究与咨询部董事李庆贤认为，需求回暖。")) == {
        ("李庆贤", "宏达地产"): ["华东区研究与咨询部董事"]}


def test_tiers_a_list_declares_a_place_in_the_next_clause_and_an_incubator_is_no_member():
    """'分为“引领型”“成长型”…三个梯队' declares the tiers a member's clause names; '其中X位居第一' and
    '…进入榜单，排名第35位' give places; '由<org>孵化的<member>' puts only the member in the list."""
    facts = run("12月18日，华信研究院发布《2024中国智能企业创新力百强榜》。榜单将上榜企业分为“引领型”“成长型”和"
                "“潜力型”三个梯队。宏达科技、星辰科技入选引领型企业；远航智能入选成长型企业。"
                "宏达科技、星辰科技等企业位列榜单前十，其中宏达科技位居第一。"
                "此外，由北湖大学孵化的杭州云帆智能科技有限公司也首次进入榜单，排名第35位。")
    ranked = [(f.subject, f.attributes.get("tier"), f.attributes.get("rank"))
              for f in facts if f.predicate == "ranksIn"]
    assert ("宏达科技", "引领型", None) in ranked and ("远航智能", "成长型", None) in ranked
    assert ("宏达科技", None, 1) in ranked and ("杭州云帆智能科技有限公司", None, 35) in ranked
    assert not any(subject == "北湖大学" for subject, _, _ in ranked)


def test_a_board_secretary_a_brokers_sector_and_a_banks_arm_abroad():
    """'副行长兼董事会秘书'; '宏达证券金融业/ORG 首席分析师': the sector the analyst covers is part of the
    title, not of the broker's name; '招/v 银/n 国际/n' is the bank's arm abroad."""
    assert roles_of(run("华信银行副行长兼董事会秘书彭文介绍，分红比例维持在35%。")) == {
        ("彭文", "华信银行"): ["副行长", "董事会秘书"]}
    assert roles_of(run("光大证券金融业首席分析师王一峰认为，收入下滑是周期性的。")) == {
        ("王一峰", "光大证券"): ["金融业首席分析师"]}
    assert "招银国际" in {m.text for m in extract_article(
        Article(id="x", document="t", title="", text="招银国际则在香港完成了多笔IPO承销。"),
        get_nlp()("招银国际则在香港完成了多笔IPO承销。"))[0]}


def test_model_codes_released_by_makers_lac_missed_and_the_company_they_name():
    """'推出了全新哈弗H6' (a brand and a code; H6 is no half year), '发布了新款C10', '推出了理想L6智能焕新版'
    (with its edition); a maker named as it releases ('零跑汽车', '理想汽车3月5日推出…') is the firm
    '该公司' in the next sentence means; '发布Q3财报' releases nothing."""
    facts = run("3月8日，长城汽车在保定举行的发布会上推出了全新哈弗H6，并宣布合作。仅隔一天，零跑汽车发布了新款C10，"
                "售价12.98万元起。小鹏汽车董事长何小鹏表示，行业进入淘汰赛。理想汽车3月5日推出了理想L6智能焕新版，"
                "首次搭载自研的AI助手。该公司总裁马东辉表示，首周订单超过1.5万台。华信科技将于下周发布Q3财报。")
    assert triples(facts, "releases") == {("长城汽车", "哈弗H6"), ("零跑汽车", "C10"), ("理想汽车", "理想L6智能焕新版")}
    assert roles_of(facts)[("马东辉", "理想汽车")] == ["总裁"]


def test_a_count_of_something_else_near_the_word_patent_is_no_filing():
    """'从研发投入、专利数量等12个维度对企业进行评价': twelve criteria, no patents filed."""
    facts = run("华信研究院所长黄子河介绍，本届榜单从研发投入、专利数量、产品落地等12个维度对企业进行评价。"
                "宏达科技去年申请专利120个。")
    filings = [(f.subject, f.attributes.get("count")) for f in facts if f.predicate == "filesPatents"]
    assert filings == [("宏达科技", 120)]


def test_disagreeing_with_what_the_last_sentence_said_and_a_sector_before_an_analysts_title():
    facts = run("宏达证券传媒行业首席分析师冯翠婷认为，微信生态的商业化空间依然广阔。"
                "但独立经济学家王赤坡对此并不认同，他认为监管可能拖累游戏业务。")
    assert triples(facts, "disagreesWith") == {("王赤坡", "冯翠婷")}
    assert roles_of(facts) == {("冯翠婷", "宏达证券"): ["传媒行业首席分析师"]}


def test_an_innovation_centre_named_over_four_words_releases_a_product():
    facts = run("目前，北京人形机器人创新中心已发布全尺寸通用人形机器人“天工”。")
    assert triples(facts, "releases") == {("北京人形机器人创新中心", "天工")}


def test_what_the_words_open_with_comes_before_the_product_the_title_names():
    """A comment that names no product is about the organization its words open with (苹果), and
    only failing that about the product the title names."""
    facts = run("华为正式发布Mate 70系列手机。宏达分析师Ivan Lam则表示，苹果在中国市场面临的竞争压力将持续加大。",
                title="华为发布Mate 70系列")
    assert ("Ivan Lam", "苹果") in triples(facts, "commentsOn")


def test_a_quoted_device_after_its_kind_developed_by_a_firm_under_its_short_name():
    """'超导量子计算机“本源悟空”' names a product, which '“本源悟空”由本源量子自主研发' says the firm
    made; '本源量子', the start of 本源量子计算科技（合肥）股份有限公司 the article repeats, is that firm."""
    facts = run("记者从本源量子计算科技（合肥）股份有限公司获悉，超导量子计算机“本源悟空”访问量突破千万次。"
                "“本源悟空”由本源量子自主研发。本源量子副总裁张辉介绍，团队正在研制下一代。")
    assert triples(facts, "releases") == {("本源量子", "本源悟空")}
    assert roles_of(facts) == {("张辉", "本源量子"): ["副总裁"]}


def test_a_model_code_lac_glued_to_the_device_after_it_is_released_too():
    """'Mate X6折叠屏/nz 手机': the code is cut from the kind, and the product joins the one released."""
    facts = run("华信正式发布Mate 70系列手机和Mate X6折叠屏手机。")
    assert triples(facts, "releases") == {("华信", "Mate 70"), ("华信", "Mate X6")}


def test_a_short_name_in_brackets_after_a_registered_one_and_a_unit_publishing_a_report():
    """'华信国际金融股份有限公司（华金公司）': the bracketed short name is the same firm; '年度策略报告《X》'
    is a report, which the research unit (not its parent named inside it) publishes."""
    facts = run("华信国际金融股份有限公司（华金公司）研究部发布报告。华金公司首席经济学家彭文生指出，财政政策将发力。"
                "同日，宏达证券研究所也发布了年度策略报告《拥抱新周期》，认为市场将迎来结构性机会。")
    assert roles_of(facts) == {("彭文生", "华信国际金融股份有限公司"): ["首席经济学家"]}
    assert ("宏达证券研究所", "拥抱新周期") in triples(facts, "publishes")


def test_a_post_at_gongsi_after_the_name_is_at_the_firm_named_last():
    """'郁亮…，继续担任公司董事、总裁', '张三将担任公司副总裁': 公司 is the firm named last before."""
    facts = run("宏达企业股份有限公司发布公告称，郁明因工作调整不再担任董事会主席职务，继续担任公司董事、总裁。")
    assert ("郁明", "宏达企业股份有限公司") in roles_of(facts)
    assert {r for f in facts if f.predicate == "holdsPositionAt" for r in f.attributes["role"]} >= {"董事", "总裁"}
    assert roles_of(run("华信科技公告称，张三将担任公司副总裁。")) == {("张三", "华信科技"): ["副总裁"]}


def test_a_contracted_head_of_a_body_and_a_title_with_its_holder_in_a_list_of_posts():
    """'商务部长陈德铭' (商务部's 部长, the body named elsewhere in the article); '国务委员、公安部党委书记、
    部长孟建柱': the last item is a title and its holder, no organization."""
    facts = run("据商务部网站消息，商务部长陈德铭21日出席会议时指出，措施已初现成效。")
    assert roles_of(facts) == {("陈德铭", "商务部"): ["部长"]}
    facts = run("国务委员、公安部党委书记、部长孟建柱6月10日在中南海座谈。")
    assert roles_of(facts) == {("孟建柱", "公安部"): ["党委书记", "部长"]}
    assert not any(f.object == "部长孟建柱" for f in facts)
