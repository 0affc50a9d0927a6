"""Every shipped query answers the seed page exactly, checked against the text of the seed.

Rows the pipeline produces but the text does not support are listed in KNOWN_ERRORS (reported
to the lead): they are tolerated, never asserted, so fixing the extraction keeps these tests green.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.query import run_query

QUERIES = Path(__file__).resolve().parent.parent / "queries"
# Queries that ask about one thing are given it with --bind.
BINDINGS = {"entity.rq": {"name": "周鸿祎"}}
DOC = "000_99323ac3ecb2cff0.txt"
SORA_ARTICLE = "Sora 火出天际,当如何评价"
RANKING = TOP50 = "2023-2024中国算力服务企业综合竞争力50强"
ZHOU_SENTENCE = ("“很炸裂!”360创始人、董事长周鸿祎第一时间发布长文和视频,分享自己对Sora的独特见解和乐观判断,"
                 "“Sora意味着AGI的实现,将从10年缩短到1年。”")
ZHOU_VIEW = "AI不一定很快颠覆所有行业,但能更多激发人的创作能力,对首当其冲的电影工业而言,不是打击,而是激发。"
KONG_VIEW = "Sora不仅仅是视频,更像是一个世界模拟器,它对物理规则有着较好的理解。"


def _orgs(*names: str) -> list[tuple]:
    return [(name, "Organization", "1", "1") for name in names]


def _places(*names: str) -> list[tuple]:
    return [(name, "Location", "1", "1") for name in names]


EXPECTED: dict[str, tuple[list[str], list[tuple]]] = {
    "comments.rq": (["speaker", "target", "quote", "stance", "article"], [
        ("关小勇", "Sora", "在制造业、金融业、医疗和教育等领域,Sora都将发挥巨大作用。", "positive", SORA_ARTICLE),
        ("关小勇", "Sora", "探索Sora无疑是一项具有划时代意义的技术革新。", "positive", SORA_ARTICLE),
        ("关小勇", "Sora", "随着Sora技术不断成熟和完善,我们有望迎来一个更加美好、智能的未来。", "positive",
         SORA_ARTICLE),
        ("周鸿祎", "Sora", ZHOU_VIEW, "positive", SORA_ARTICLE),
        ("周鸿祎", "Sora", "Sora意味着AGI的实现,将从10年缩短到1年。", "positive", SORA_ARTICLE),
        ("孔蓉", "Sora", KONG_VIEW, "positive", SORA_ARTICLE),
        ("孔蓉", "Sora", "震撼,非常惊艳,超预期。", "positive", SORA_ARTICLE),
        ("王磊", "Sora", "Sora号称现实世界模拟器,虚拟世界和物理世界令人很难分真假。", "neutral", SORA_ARTICLE),
        ("王磊", "Sora", "给我的直观感受是,视频十分逼真和清晰。", "positive", SORA_ARTICLE),
        ("王鹏", "Sora", "Sora给我们的启示是,国内一定要正视差距,虽然我国备案大模型为数不少,但其能力和水平、"
         "所需的数据和算力等都需要进一步提升。", "neutral", SORA_ARTICLE),
        ("王鹏", "Sora", "不能过分跟风崇拜,也不能过分妖魔化。", "neutral", SORA_ARTICLE),
        ("项立刚", "Sora", "3年之内,看不到较大规模的商用。", "negative", SORA_ARTICLE),
    ]),
    "rankings.rq": (["ranking", "organization", "tier", "rank"], [
        (TOP50, "万国数据", None, None), (TOP50, "中国移动", None, None), (TOP50, "数据港", None, None),
        (TOP50, "中国电信", "行业引领者", None), (TOP50, "京东", "行业引领者", None),
        (TOP50, "腾讯", "行业引领者", None), (TOP50, "阿里巴巴", "行业引领者", None),
        (TOP50, "华为", "综合型领军者", None),
        (TOP50, "百度", "创新科技巨头", None), (TOP50, "科大讯飞", "创新科技巨头", None),
        ("第三批中华老字号名单", "南京金陵金箔集团股份有限公司", None, None),
    ]),
    "patents.rq": (["organization", "count", "year", "growthRate", "scope"], [
        ("南京金陵金箔集团股份有限公司", "2", "2023", None, None),  # 获得两项实用新型专利
        ("宁德时代", "46000", "2023", "1.67", "海外"),
        ("比亚迪", None, "2023", "1.04", "海外"),  # only the growth (104%) is given
        ("荣耀终端", "21000", "2023", "1.17", "海外"),
    ]),
    "positions.rq": (["person", "role", "organization"], [
        ("关小勇", "专家导师团导师", "光华数智产业研究院"),
        ("关小勇", "常务副会长", "中国通信工业协会数字经济分会"),
        ("周鸿祎", "创始人", "360"), ("周鸿祎", "董事长", "360"),
        ("孔蓉", "联席院长", "天风证券全球前瞻产业研究院"),
        ("王磊", "创始人", "中研歌"), ("王磊", "董事长", "中研歌"),
        ("王鹏", "副研究员", "北京市社会科学院"),
    ]),
    "entities.rq": (["name", "type", "mentions", "articles"], [
        (RANKING, "Ranking", "2", "1"), ("第三批中华老字号名单", "Ranking", "1", "1"),
        (RANKING + "研究报告", "Report", "1", "1"),
        ("中国研发指数CIRD 2023年度中国研发创新活跃度观察", "Report", "1", "1"),
        ("GPT-3.5", "Product", "1", "1"), ("Sora", "Product", "31", "1"), ("雅意2.0大模型", "Product", "1", "1"),
        ("中国", "Location", "10", "3"), ("美国", "Location", "6", "2"), ("亚洲", "Location", "3", "1"),
        ("上海", "Location", "2", "1"), ("北京", "Location", "2", "1"), ("欧洲", "Location", "2", "1"),
        *_places("东京", "南京", "安徽省安庆市岳西经济开发区", "江西省", "浙江省", "浙江省金华市金义新区",
                 "深圳", "重庆市"),
        ("OpenAI", "Organization", "3", "1"), ("中国电信", "Organization", "3", "1"),
        ("南京金陵金箔集团股份有限公司", "Organization", "4", "1"), ("比亚迪", "Organization", "2", "2"),
        ("京东", "Organization", "2", "1"), ("百度", "Organization", "2", "1"), ("阿里巴巴", "Organization", "2", "1"),
        *_orgs("360", "万国数据", "中国汽车流通协会", "中国移动", "中国通信工业协会", "中国通信工业协会数字经济分会",
               "中研歌", "中科创达", "中科院自动化研究所", "乐鑫股份", "五菱", "京东方A", "光华数智产业研究院",
               "北京市社会科学院", "北京现代", "华为", "哪吒汽车", "商务部", "天风证券", "天风证券全球前瞻产业研究院",
               "央视", "宁德时代", "数据港", "智慧芽", "智能自控", "润马光能科技(金华)有限公司", "澜起科技",
               "物产金轮", "申昊科技", "科大讯飞", "科蓝软件", "腾讯", "荣耀终端",
               "赛迪工业和信息化研究院(集团)四川有限公司", "长安汽车"),
        # newspapers named only in source lines: no mention in the body text
        *[(name, "Organization", "0", "1") for name in ("光明日报", "新华每日电讯", "科技日报", "经济参考报")],
        ("关小勇", "Person", "3", "1"), ("周鸿祎", "Person", "4", "1"), ("孔蓉", "Person", "1", "1"),
        ("王磊", "Person", "3", "1"), ("王鹏", "Person", "2", "1"), ("项立刚", "Person", "2", "1"),
        # reporters, from bylines (李洋 wrote two articles)
        *[(name, "Person", "0", "1") for name in ("刘坤", "张伟", "李静", "金凤", "陈宇轩")],
        ("李洋", "Person", "0", "2"),
    ]),
    "entity.rq": (["entity", "direction", "predicate", "other", "quote", "stance", "role", "tier", "rank",
                   "date", "confidence", "extractor", "evidence", "article"], [
        ("周鸿祎", "->", "commentsOn", "Sora", ZHOU_VIEW, "positive", None, None, None, None, "0.75", "comments",
         "在周鸿祎看来," + ZHOU_VIEW, SORA_ARTICLE),
        ("周鸿祎", "->", "commentsOn", "Sora", "Sora意味着AGI的实现,将从10年缩短到1年。", "positive", None, None, None,
         None, "0.85", "comments", ZHOU_SENTENCE, SORA_ARTICLE),
        ("周鸿祎", "->", "holdsPositionAt", "360", None, None, "创始人", None, None, None, "0.9", "positions",
         ZHOU_SENTENCE, SORA_ARTICLE),
        ("周鸿祎", "->", "holdsPositionAt", "360", None, None, "董事长", None, None, None, "0.9", "positions",
         ZHOU_SENTENCE, SORA_ARTICLE),
        ("周鸿祎", "<-", "disagreesWith", "项立刚", None, None, None, None, None, None, "0.7", "disagreement",
         "因此,周鸿祎的观点,著名通信观察家项立刚并不认同。", SORA_ARTICLE),
    ]),
    "cooccurrence.rq": (["entity1", "entity2", "articles"], [("中国", "比亚迪", "2"), ("中国", "美国", "2")]),
    "releases.rq": (["organization", "action", "work", "type", "date", "article"], [
        ("OpenAI", "releases", "Sora", "Product", "2024-02-16", SORA_ARTICLE),  # 2月16日凌晨 ... 发布
        ("中研歌", "releases", "雅意2.0大模型", "Product", None, SORA_ARTICLE),  # 开发出
        ("商务部", "publishes", "第三批中华老字号名单", "Ranking", None, "仿古法“机械手”锤出超薄金箔"),
        ("智慧芽", "publishes", "中国研发指数CIRD 2023年度中国研发创新活跃度观察", "Report", None,
         "第三方研究报告显示 新能源汽车技术出海“一骑绝尘”"),
        ("赛迪工业和信息化研究院(集团)四川有限公司", "publishes", RANKING + "研究报告", "Report", None,
         "算力服务企业综合竞争力50强出炉"),
    ]),
    "articles.rq": (["document", "title", "date", "author", "publisher"], [
        (DOC, "AI大模型迭代 金融机构竞相布局产业链", "2024-02-19", "李静", "经济参考报"),
        (DOC, SORA_ARTICLE, None, "张伟", None),
        (DOC, "仿古法“机械手”锤出超薄金箔", "2024-02-22", "金凤", "科技日报"),
        (DOC, "制造业强起来步伐持续加快", "2024-02-22", "刘坤", "光明日报"),
        (DOC, "新能源汽车库存预警加剧“价格战”", "2024-02-22", "陈宇轩", "新华每日电讯"),
        (DOC, "第三方研究报告显示 新能源汽车技术出海“一骑绝尘”", None, "李洋", None),
        (DOC, "算力服务企业综合竞争力50强出炉", None, "李洋", None),
    ]),
    "disagreements.rq": (["person", "disagreesWith", "evidence"],
                         [("项立刚", "周鸿祎", "因此,周鸿祎的观点,著名通信观察家项立刚并不认同。")]),
    "organizations.rq": (["organization", "relation", "other"], [
        ("中国通信工业协会数字经济分会", "partOf", "中国通信工业协会"),
        ("中研歌", "incubatedBy", "中科院自动化研究所"),
        ("天风证券全球前瞻产业研究院", "partOf", "天风证券"),
        ("润马光能科技(金华)有限公司", "locatedIn", "浙江省金华市金义新区"),
    ]),
}

# Produced today but wrong against the text (reported): tolerated, not asserted.
KNOWN_ERRORS: dict[str, set[tuple]] = {
    # the speaker is 央视新媒体制作部门负责人, an unnamed referent, not 央视
    "comments.rq": {("央视", "Sora", "逼真且富有想象力!", "positive", SORA_ARTICLE),
                    # "王磊在笔记里总结了几个技术上的不足之处。": no quote, Sora not named
                    ("王磊", "Sora", None, "neutral", SORA_ARTICLE)},
    # 中云 is cut out of "50强中云计算企业", 深中 out of "深中通道", 新时代 out of "一个新时代的诞生";
    # 东京街道 is "the streets of Tokyo", not a place name
    "rankings.rq": {(TOP50, "中云", None, None)},
    "entities.rq": {("中云", "Organization", "1", "1"), ("深中", "Organization", "1", "1"),
                    ("新时代", "Organization", "1", "1"), ("东京街道", "Location", "1", "1")},
}


def _sorted(rows) -> list[tuple]:
    return sorted(rows, key=lambda row: tuple("" if v is None else v for v in row))


def test_every_shipped_query_is_tested():
    shipped = {path.name for path in QUERIES.glob("*.rq")}
    assert shipped == set(EXPECTED) | {"documents.rq"}
    assert len(shipped) >= 8


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_rows_on_the_seed(seed_build, name):
    out_dir, _ = seed_build
    result = run_query(QUERIES / name, out_dir, bindings=BINDINGS.get(name))
    variables, rows = EXPECTED[name]
    assert result.variables == variables
    produced = [row for row in result.rows if row not in KNOWN_ERRORS.get(name, set())]
    assert _sorted(produced) == _sorted(rows)


def test_documents_query_counts_the_named_graph(seed_build):
    """Counts are checked against the networkx graph, so they follow extraction changes."""
    out_dir, result = seed_build
    graph = result.graph
    entities = sum(1 for _, d in graph.nodes(data=True) if d["type"] not in ("Article", "PatentFiling"))
    articles = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "Article")
    answer = run_query(QUERIES / "documents.rq", out_dir)
    assert answer.variables == ["document", "graph", "articles", "entities", "statements"]
    assert answer.rows == [(DOC, f"https://kg-news.org/id/document/{DOC}", str(articles), str(entities),
                            str(graph.number_of_edges()))]
    assert articles == 7


def test_engines_agree_on_the_seed(seed_build):
    out_dir, _ = seed_build
    for name in ("comments.rq", "entity.rq", "documents.rq"):
        rows = {engine: _sorted(run_query(QUERIES / name, out_dir, engine=engine, bindings=BINDINGS.get(name)).rows)
                for engine in ("oxigraph", "memory", "rdflib")}
        assert rows["oxigraph"] == rows["memory"], name
        if name != "documents.rq":  # rdflib lists its own default graph among GRAPH ?g
            assert rows["oxigraph"] == rows["rdflib"], name
