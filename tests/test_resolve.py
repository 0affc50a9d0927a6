"""Entity resolution: aliases merge, different things stay apart, ids are stable ASCII."""

from kg.model import Evidence, Fact, Mention
from kg.resolve import core_name, entity_id, local_long_forms, normalize_name, resolve


def mention(text, label, start=0):
    return Mention(text, label, start, start + len(text), "test")


def test_normalize_name_follows_the_guide():
    assert normalize_name("Open AI") == normalize_name("OpenAI")
    assert normalize_name("（集团）") == normalize_name("(集团)")
    assert normalize_name("《报告》") == "报告"


def test_short_form_joins_the_full_legal_name():
    mentions = {"a-1": [mention("杭州宏达集团股份有限公司", "Company"), mention("宏达集团", "Company", 30),
                        mention("杭州", "Location", 60)]}
    resolution = resolve(mentions, [])
    orgs = [e for e in resolution.entities if e.coarse_type == "Organization"]
    assert len(orgs) == 1
    assert orgs[0].name == "杭州宏达集团股份有限公司" and orgs[0].aliases == {"宏达集团"}
    assert orgs[0].mentions == 2


def test_latin_spacing_variants_are_one_entity():
    resolution = resolve({"a-1": [mention("Deep Mind", "Organization"), mention("DeepMind", "Organization", 20)]}, [])
    assert len(resolution.entities) == 1


def test_types_never_merge_and_ambiguous_short_names_stay_apart():
    mentions = {
        "a-1": [mention("苹果", "Product"), mention("苹果公司", "Company", 10)],
        "a-2": [mention("华夏银行", "Company"), mention("华夏银行(北京)", "Company", 10),
                mention("华夏基金", "Company", 20)],
    }
    resolution = resolve(mentions, [])
    names = sorted((e.coarse_type, e.name) for e in resolution.entities)
    assert ("Product", "苹果") in names and ("Organization", "苹果公司") in names
    assert ("Organization", "华夏基金") in names


def test_ranking_qualifiers_are_aliases():
    mentions = {"a-1": [mention("2024中国云计算企业30强", "Ranking"), mention("国内云计算企业30强", "Ranking", 40)]}
    resolution = resolve(mentions, [])
    assert len(resolution.entities) == 1 and resolution.entities[0].name == "2024中国云计算企业30强"


def test_facts_point_at_entities_and_ids_are_stable_ascii():
    ev = Evidence("a-1", "句子。", 0, 3)
    facts = [Fact("宏达集团", "Company", "locatedIn", "杭州", "Location", evidence=ev),
             Fact("a-1", "Article", "author", "王五", "Person", evidence=ev)]
    mentions = {"a-1": [mention("杭州宏达集团股份有限公司", "Company"), mention("杭州", "Location", 30)]}
    first = resolve(mentions, facts)
    assert facts[0].subject_id == first.lookup("杭州宏达集团股份有限公司", "Company")
    assert facts[0].object_id == first.lookup("杭州", "Location")
    assert facts[1].subject_id == "article/a-1" and facts[1].object_id == first.lookup("王五", "Person")
    assert all(e.id.isascii() for e in first.entities)
    again = resolve(mentions, [])
    assert {e.id for e in again.entities} >= {facts[0].subject_id, facts[0].object_id}
    assert entity_id("Person", "王五") == entity_id("Person", " 王五")


def test_core_name_strips_place_and_legal_form():
    assert core_name("杭州宏达集团股份有限公司", "Organization", {"杭州"}) == "宏达"
    assert core_name("上海星汉智能科技有限公司", "Organization", {"上海"}) == "星汉"  # as 星汉科技's
    assert core_name("星汉科技", "Organization", set()) == "星汉"
    assert core_name("2023-2024中国算力企业50强", "Ranking", set()) == "算力企业50强"


def test_what_is_left_of_a_name_after_a_place_is_no_core_when_it_is_a_country():
    assert core_name("SOHO中国", "Organization", {"soho", "中国"}) == "soho中国"  # SOHO once read as a place
    assert core_name("上海张江集团", "Organization", {"上海", "张江"}) == "张江"


def test_two_character_contractions_take_no_word_out_of_the_middle():
    mentions = {"a-1": [mention("中国建设银行", "Company"), mention("建行", "Company", 20),
                        mention("中行", "Company", 30)],
                "a-2": [mention("中国银行", "Company"), mention("中行", "Company", 20)]}
    orgs = {e.name: e.aliases for e in resolve(mentions, []).entities}
    assert orgs["中国建设银行"] == {"建行"} and orgs["中国银行"] == {"中行"}


def test_contractions_used_in_the_same_article_join_the_full_name():
    mentions = {
        "a-1": [mention("中国科学院", "ResearchInstitute"), mention("中科院", "Organization", 20),
                mention("国家外汇管理局", "GovernmentAgency", 40), mention("外汇局", "Organization", 60)],
        "a-2": [mention("北京大学", "Organization"), mention("北大", "Organization", 20)],
        "a-3": [mention("国家开发银行", "Company"), mention("国开行", "Company", 20)],
        "a-4": [mention("中国信达", "Company")],
        "a-5": [mention("中信", "Company")],  # never in the same article as 中国信达: stays apart
        "a-6": [mention("华泰证券研究所", "ResearchInstitute"), mention("华泰所", "Organization", 20)],
        "a-7": [mention("中国科学院声学研究所", "ResearchInstitute"), mention("中科院声学所", "Organization", 20)],
    }
    orgs = {e.name: e.aliases for e in resolve(mentions, []).entities}
    assert orgs["中国科学院"] == {"中科院"} and orgs["国家外汇管理局"] == {"外汇局"}
    assert orgs["国家开发银行"] == {"国开行"}
    assert "中信" in orgs and "中国信达" in orgs
    assert "华泰所" in orgs  # a unit's name (研究所) is not contracted into: it may be the firm's
    assert orgs["北京大学"] == {"北大"}
    assert orgs["中国科学院声学研究所"] == {"中科院声学所"}  # the parent contracted, the unit's words kept


def test_a_units_name_without_its_parents_joins_the_full_name_where_the_parent_is_named():
    mentions = {
        "a-1": [mention("北京大学", "ResearchInstitute"), mention("北京大学光华管理学院", "ResearchInstitute", 10),
                mention("光华管理学院", "Organization", 40)],
        "a-2": [mention("美国国务院", "GovernmentAgency"), mention("国务院", "GovernmentAgency", 20)],
        "a-3": [mention("国务院国资委", "GovernmentAgency"), mention("国资委", "GovernmentAgency", 20)],
        "a-4": [mention("弘文国泰基金公司", "Company"), mention("国泰基金公司", "Company", 20)],
    }
    orgs = {e.name: e.aliases for e in resolve(mentions, []).entities}
    assert orgs["北京大学光华管理学院"] == {"光华管理学院"} and orgs["国务院国资委"] == {"国资委"}
    assert "国务院" in orgs  # 美国 is a place: another body
    assert "国泰基金公司" in orgs  # 弘文 (a name glued on) ends like no body


def test_a_short_name_stands_for_the_firm_of_its_own_article():
    """信达 is 信达澳银基金 in one article and 信达证券 in another: each article's short form joins
    its own long form, and a fact read there points at that entity."""
    mentions = {
        "a-1": [mention("信达澳银基金公司", "Company"), mention("信达", "Organization", 20)],
        "a-2": [mention("信达证券", "Company"), mention("信达", "Organization", 20)],
    }
    facts = [Fact("王五", "Person", "holdsPositionAt", "信达", "Organization", evidence=Evidence("a-1", "s", 0, 1)),
             Fact("赵六", "Person", "holdsPositionAt", "信达", "Organization", evidence=Evidence("a-2", "s", 0, 1))]
    resolution = resolve(mentions, facts)
    orgs = {e.name: e for e in resolution.entities if e.coarse_type == "Organization"}
    assert set(orgs) == {"信达澳银基金公司", "信达证券"}
    assert "信达" in orgs["信达澳银基金公司"].aliases and "信达" in orgs["信达证券"].aliases
    assert facts[0].object_id == orgs["信达澳银基金公司"].id and facts[1].object_id == orgs["信达证券"].id


def test_agencies_of_two_places_stay_apart():
    mentions = {"a-1": [mention("河南温县国土局", "GovernmentAgency"), mention("温县", "Location", 20)],
                "a-2": [mention("阳山县国土局", "GovernmentAgency"), mention("阳山县", "Location", 20)]}
    names = {e.name for e in resolve(mentions, []).entities}
    assert {"河南温县国土局", "阳山县国土局"} <= names


def test_short_forms_worked_out_article_by_article_resolve_the_same():
    """A build works out each document's short forms as it arrives and passes their union."""
    mentions = {
        "a-1": [mention("信达澳银基金公司", "Company"), mention("信达", "Organization", 20)],
        "a-2": [mention("信达证券", "Company"), mention("信达", "Organization", 20)],
    }
    parts = {}
    for article, article_mentions in mentions.items():
        parts.update(local_long_forms({article: article_mentions}))
    assert parts == local_long_forms(mentions) == {
        ("a-1", "Organization", "信达"): "信达澳银基金公司", ("a-2", "Organization", "信达"): "信达证券"}
    assert resolve(mentions, [], parts).entities == resolve(mentions, []).entities


def test_a_whole_institution_is_not_merged_into_a_unit_of_it():
    """国家体育总局 and 国家体育总局水上运动管理中心 in one article are two organizations; a legal form
    after a name (招商银行股份有限公司) is the same one."""
    mentions = {"a-1": [mention("国家体育总局水上运动管理中心", "Organization"),
                        mention("国家体育总局", "GovernmentAgency", 20),
                        mention("招商银行股份有限公司", "Company", 30), mention("招商银行", "Company", 45)]}
    names = {e.name: e.aliases for e in resolve(mentions, []).entities}
    assert {"国家体育总局", "国家体育总局水上运动管理中心"} <= set(names)
    assert names["招商银行股份有限公司"] == {"招商银行"}
    mentions = {"a-1": [mention("民生党文传会", "Organization"), mention("民生党", "Organization", 20)]}
    assert {e.name for e in resolve(mentions, []).entities} == {"民生党", "民生党文传会"}  # a party's committee


def test_a_model_code_is_the_brand_and_model_product_of_its_article():
    mentions = {"a-1": [mention("三星ST500", "Product"), mention("ST500", "Product", 20)],
                "a-2": [mention("ST500", "Product")]}  # no brand named there: stays apart
    found = sorted((e.name, sorted(e.aliases), sorted(e.articles)) for e in resolve(mentions, []).entities)
    assert found == [("ST500", [], ["a-2"]), ("三星ST500", ["ST500"], ["a-1"])]
    assert local_long_forms(mentions) == {("a-1", "Product", "st500"): "三星ST500"}  # keys are normalized


def test_a_contraction_joins_a_family_of_long_forms_and_a_one_character_longer_name_is_no_long_form():
    """外汇局 with 国家外汇局 and 国家外汇管理局 in one article: all one agency; LAC's '上外汇局'
    (总体上 + 外汇局) is one character longer, no full name of it."""
    mentions = {"a-1": [mention("国家外汇管理局", "GovernmentAgency"), mention("国家外汇局", "GovernmentAgency", 10),
                        mention("外汇局", "GovernmentAgency", 20), mention("上外汇局", "Organization", 30)]}
    assert local_long_forms(mentions)[("a-1", "Organization", "外汇局")] == "国家外汇管理局"
    names = {e.name: e.aliases for e in resolve(mentions, []).entities}
    assert {"外汇局", "国家外汇局"} <= names["国家外汇管理局"]



def test_a_place_before_a_name_makes_another_organization():
    """国务院 and 美国国务院 in one article: 国务院 is no contraction of 美国国务院."""
    mentions = {"a-1": [mention("美国国务院", "GovernmentAgency"), mention("国务院", "GovernmentAgency", 20)]}
    assert {e.name for e in resolve(mentions, []).entities} == {"美国国务院", "国务院"}
    assert local_long_forms(mentions) == {}


def test_a_bare_agency_name_is_no_foreign_or_other_articles_local_agency():
    """统计局 alone is not 澳洲统计局 of another article, nor 美国国务院 with 美国 as a place; a local
    agency named in full and then short in one article, or the home country's, is one entity."""
    separate = {"a-1": [mention("澳洲统计局", "GovernmentAgency"), mention("澳洲", "Location", 20)],
                "a-2": [mention("统计局", "GovernmentAgency")],
                "a-3": [mention("美国国务院", "GovernmentAgency"), mention("国务院", "GovernmentAgency", 20),
                        mention("美国", "Location", 40)]}
    names = {e.name: e.aliases for e in resolve(separate, []).entities}
    assert {"澳洲统计局", "统计局", "美国国务院", "国务院"} <= set(names)
    joined = {"a-1": [mention("杭州市统计局", "GovernmentAgency"), mention("杭州市", "Location", 20),
                      mention("统计局", "GovernmentAgency", 40)],
              "a-2": [mention("中国证监会", "GovernmentAgency"), mention("中国", "Location", 20)],
              "a-3": [mention("证监会", "GovernmentAgency")]}
    names = {e.name: e.aliases for e in resolve(joined, []).entities}
    assert names["杭州市统计局"] == {"统计局"} and names["中国证监会"] == {"证监会"}


def test_a_model_named_by_part_of_its_name_and_its_version_is_that_model():
    mentions = {"a-1": [mention("讯飞星火认知大模型V3.5", "AIModel"), mention("星火V3.5", "AIModel", 30),
                        mention("GPT-4", "Product", 40)],
                "a-2": [mention("星火V3.5", "AIModel")]}
    names = {e.name: e.aliases for e in resolve(mentions, []).entities}
    assert names["讯飞星火认知大模型V3.5"] == {"星火V3.5"} and "GPT-4" in names


def test_two_universities_in_one_article_are_no_contraction_of_each_other():
    mentions = {"a-1": [mention("北京师范大学", "ResearchInstitute"), mention("北京大学", "ResearchInstitute", 20),
                        mention("中国科学院", "ResearchInstitute", 40), mention("中科院", "ResearchInstitute", 60)]}
    names = {e.name: e.aliases for e in resolve(mentions, []).entities}
    assert {"北京师范大学", "北京大学"} <= set(names) and names["中国科学院"] == {"中科院"}


def test_a_list_and_its_league_table_are_one_ranking():
    mentions = {"a-1": [mention("《财富》世界500强", "Ranking"), mention("《财富》世界500强排行榜", "Ranking", 20)]}
    assert [e.name for e in resolve(mentions, []).entities] == ["《财富》世界500强排行榜"]


def test_a_bare_model_code_is_the_product_ending_in_it():
    mentions = {"a-1": [mention("纽曼NUNU-X1", "Product"), mention("纽曼X1", "Product", 20),
                        mention("X1", "Product", 40)]}
    [product] = resolve(mentions, []).entities
    assert product.name == "纽曼NUNU-X1" and product.aliases == {"纽曼X1", "X1"}


def test_a_model_named_without_its_brand_and_suffix_is_that_model():
    mentions = {"a-1": [mention("佳能IXUS120 IS", "Product"), mention("IXUS 120", "Product", 20)]}
    [product] = resolve(mentions, []).entities
    assert product.name == "佳能IXUS120 IS" and product.aliases == {"IXUS 120"}


def test_a_short_name_that_begins_a_registered_names_core_is_that_firm():
    mentions = {"a-1": [mention("深圳市大疆创新科技有限公司", "Company"), mention("大疆", "Organization", 30)]}
    [firm] = resolve(mentions, []).entities
    assert firm.name == "深圳市大疆创新科技有限公司" and firm.aliases == {"大疆"}


def test_an_organization_with_a_firms_head_is_a_company_but_a_school_is_not():
    evidence = Evidence("a-1", "…", 0, 1)
    facts = [Fact("张三", "Person", "holdsPositionAt", "宏远", "Organization", {"role": ["董事长"]}, evidence),
             Fact("李四", "Person", "holdsPositionAt", "华信实验学校", "Organization", {"role": ["董事长"]}, evidence),
             Fact("王五", "Person", "holdsPositionAt", "北方研究会", "Organization", {"role": ["会长"]}, evidence)]
    mentions = {"a-1": [mention("宏远", "Organization"), mention("华信实验学校", "Organization", 10),
                        mention("北方研究会", "Organization", 20)]}
    types = {e.name: e.type for e in resolve(mentions, facts).entities}
    assert types["宏远"] == "Company"
    assert types["华信实验学校"] == "Organization" and types["北方研究会"] == "Organization"


def test_place_stem_and_company_short_form_join_the_registered_name():
    """'唐山市' also names 唐山, the place that begins 唐山惠达陶瓷(集团)股份有限公司; '惠达公司' is
    that firm's core (惠达) with a legal form; '美的集团' does not join a longer span merely
    starting with 美的."""
    mentions = {"a-1": [mention("唐山惠达陶瓷(集团)股份有限公司", "Company"), mention("惠达陶瓷", "Company", 30),
                        mention("惠达公司", "Company", 40), mention("唐山市", "Location", 50)],
                "a-2": [mention("美的集团", "Company"), mention("美的旗下佛山市顺德区威灵房产有限公司", "Company", 10)]}
    resolution = resolve(mentions, [])
    orgs = {e.name: e.aliases for e in resolution.entities if e.coarse_type == "Organization"}
    assert orgs["唐山惠达陶瓷(集团)股份有限公司"] == {"惠达陶瓷", "惠达公司"}
    assert "美的集团" in orgs


def test_a_funds_short_name_keeping_its_first_characters_joins_the_one_long_name_it_fits():
    """'中银优选基金' = '中银行业优选灵活配置混合型基金' in one article; two funds it could be: apart."""
    one = {"a-1": [mention("中银行业优选灵活配置混合型基金", "Product"), mention("中银优选基金", "Product", 30)]}
    assert local_long_forms(one) == {("a-1", "Product", "中银优选基金"): "中银行业优选灵活配置混合型基金"}
    two = {"a-1": one["a-1"] + [mention("中银行业优选精选配置基金", "Product", 60)]}
    assert ("a-1", "Product", "中银优选基金") not in local_long_forms(two)


def test_a_portal_is_not_its_own_channel():
    """'新浪乐居' begins '新浪乐居家居频道' but names the portal, not the channel."""
    mentions = {"a-1": [mention("新浪乐居家居频道", "MediaOutlet"), mention("新浪乐居", "Organization", 20)]}
    names = sorted(e.name for e in resolve(mentions, []).entities)
    assert names == ["新浪乐居", "新浪乐居家居频道"]


def test_a_school_named_by_a_place_keeps_the_city_before_it_but_not_its_country():
    """上海纽约大学 is not 纽约大学; 美国斯坦福大学 is 斯坦福大学 and 上海市同济大学 is 同济大学."""
    places = {"a-1": [mention(p, "Location", 100 + 10 * k)
                      for k, p in enumerate(("上海", "上海市", "纽约", "美国", "斯坦福"))]}
    schools = {"a-2": [mention(n, "Organization", 20 * k) for k, n in enumerate(
        ("上海纽约大学", "纽约大学", "美国斯坦福大学", "斯坦福大学", "上海市同济大学", "同济大学"))]}
    entities = {e.name: e.aliases for e in resolve({**places, **schools}, []).entities}
    assert "纽约大学" in entities and "上海纽约大学" in entities
    assert entities["美国斯坦福大学"] == {"斯坦福大学"} and entities["上海市同济大学"] == {"同济大学"}


def test_a_provinces_name_before_a_firms_is_its_place_even_when_no_place_is_tagged():
    mentions = {"a-1": [mention("河南建业", "Organization"), mention("建业", "Organization", 20)]}
    assert {e.name for e in resolve(mentions, []).entities} == {"河南建业"}
