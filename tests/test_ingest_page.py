"""Splitting pages into articles: the seed page, then one small synthetic page per rule."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.ingest import split_page
from kg.ingest.lines import parse_byline, parse_masthead, parse_source_line, split_credit

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_99323ac3ecb2cff0.txt"
BODY = "某公司近日发布了一款新产品,引起广泛关注。"
MORE = "业内人士认为,这一产品将改变行业格局。"


def articles_of(text: str, document: str = "page.txt"):
    return [a for a in split_page(text, document) if a.kind == "article"]


def captions_of(text: str, document: str = "page.txt"):
    return [a for a in split_page(text, document) if a.kind == "caption"]


@pytest.fixture(scope="module")
def seed():
    return split_page(SEED.read_text(encoding="utf-8"), SEED.name)


def test_seed_titles_in_order(seed):
    assert [a.title for a in seed if a.kind == "article"] == [
        "Sora 火出天际,当如何评价",
        "算力服务企业综合竞争力50强出炉",
        "第三方研究报告显示 新能源汽车技术出海“一骑绝尘”",
        "制造业强起来步伐持续加快",
        "新能源汽车库存预警加剧“价格战”",
        "AI大模型迭代 金融机构竞相布局产业链",
        "仿古法“机械手”锤出超薄金箔",
    ]


def test_seed_authors_publishers_dates(seed):
    articles = [a for a in seed if a.kind == "article"]
    assert [a.authors for a in articles] == [
        ("张伟",), ("李洋",), ("李洋",), ("刘坤",), ("陈宇轩",), ("李静",), ("金凤",),
    ]
    assert [(a.publisher, a.date) for a in articles[3:]] == [
        ("光明日报", "2024-02-22"),
        ("新华每日电讯", "2024-02-22"),
        ("经济参考报", "2024-02-19"),
        ("科技日报", "2024-02-22"),
    ]
    assert all(a.publisher is None and a.date is None for a in articles[:3])
    assert [a.context_date for a in articles] == ["2024-02-22"] * 5 + ["2024-02-19", "2024-02-22"]


def test_seed_text_is_clean_and_joined(seed):
    texts = [a.text for a in seed if a.kind == "article"]
    for furniture in ("码上读报", "扫码阅读全文", "新华社发", "震撼出圈", "本报讯", "《光明日报》", "▶"):
        assert not any(furniture in text for text in texts), furniture
    assert any("跳出了2D范围模拟" in text for text in texts)
    assert any("人工智能行业形成了首轮冲击波" in text for text in texts)
    assert texts[1].startswith("赛迪工业和信息化研究院")
    assert not texts[3].endswith("刘坤")


def test_seed_captions(seed):
    captions = [a for a in seed if a.kind == "caption"]
    assert [c.authors for c in captions] == [("吴均奇",), ("徐昱",)]
    assert all(c.title == "" for c in captions)
    assert captions[0].text.startswith("春节假期过后") and captions[0].text.endswith("生产线上忙碌。")
    assert captions[1].text.endswith("已排到2个月。")
    assert all(c.context_date == "2024-02-22" for c in captions)


def test_seed_ids_and_document(seed):
    assert [a.id for a in seed] == [f"000_99323ac3ecb2cff0-{n}" for n in range(1, len(seed) + 1)]
    assert all(a.document == SEED.name for a in seed)


# --- files without headings ---------------------------------------------------------


def test_no_heading_first_line_is_the_title():
    [article] = articles_of(f"新产品发布会在京举行\n\n{BODY}\n\n{MORE}\n")
    assert article.title == "新产品发布会在京举行"
    assert article.text == f"{BODY}\n{MORE}"


def test_no_heading_sentence_first_line_gives_the_stem():
    [article] = articles_of(f"{BODY}\n\n{MORE}\n", "2024-02-22_news.txt")
    assert article.title == "2024-02-22_news"
    assert article.text == f"{BODY}\n{MORE}"


def test_non_ascii_stem_gets_a_sha1_id():
    [article] = articles_of(f"{BODY}\n", "光明日报.txt")
    assert article.id == hashlib.sha1("光明日报".encode()).hexdigest()[:12] + "-1"
    assert article.id.isascii()


# --- bylines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "authors", "rest"),
    [
        ("▶ 本报记者 张伟", ("张伟",), ""),
        ("本报记者 张伟 李明", ("张伟", "李明"), ""),
        ("记者 王小二 通讯员 李四", ("王小二", "李四"), ""),
        ("文/本报记者 王五", ("王五",), ""),
        ("本报讯(记者 李洋) 正文开始。", ("李洋",), "正文开始。"),
        ("本报讯（记者 李洋 通讯员 赵六）正文开始。", ("李洋", "赵六"), "正文开始。"),
        ("新华社北京2月20日电(记者 王五、赵六)近日,正文。", ("王五", "赵六"), "近日,正文。"),
        ("本报北京2月21日电 （记者 欧阳晓明） 正文。", ("欧阳晓明",), "正文。"),
        ("本报记者 陈晨 北京报道", ("陈晨",), ""),  # where the reporter filed from is no name
        ("经济观察网 记者 刘晨阳", ("刘晨阳",), ""),  # a space between the outlet and the role
        ("21世纪经济报道记者 倪雨晴 深圳报道", ("倪雨晴",), ""),  # an outlet opening with digits, named 报道
        ("第一财经记者 杜涵", ("杜涵",), ""),  # any name glued to the role is the outlet's
    ],
)
def test_byline_variants(line, authors, rest):
    assert parse_byline(line) == (authors, rest)


def test_a_byline_names_its_outlet_across_a_space():
    from kg.ingest.lines import byline_outlet

    assert byline_outlet("经济观察网 记者 刘晨阳") == "经济观察网" and byline_outlet("本报记者 张伟") is None
    assert byline_outlet("21世纪经济报道记者 倪雨晴 深圳报道") == "21世纪经济报道"
    assert byline_outlet("第一财经记者 杜涵") == "第一财经" and byline_outlet("实习记者 王五") is None


@pytest.mark.parametrize(
    "line", ["（一）总体要求", "记者日前从市里获悉", "记者近日", "据悉,会议将于下周召开。"]
)
def test_not_bylines(line):
    assert parse_byline(line) is None


def test_byline_becomes_authors_and_rest_stays_body():
    [article] = articles_of(f"# 新闻标题\n\n新华社北京2月20日电（记者 王五、赵六）{BODY}\n\n{MORE}\n")
    assert article.authors == ("王五", "赵六")
    assert article.text == f"{BODY}\n{MORE}"


# --- source lines --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        ("《光明日报》2024.2.22  ", ("光明日报", "2024-02-22", ())),
        ("《新华每日电讯》2024.2.22 陈宇轩", ("新华每日电讯", "2024-02-22", ("陈宇轩",))),
        ("来源：光明日报 2024-02-22", ("光明日报", "2024-02-22", ())),
        ("（2024年2月22日《人民日报》第5版）", ("人民日报", "2024-02-22", ())),
        ("《 人民日报 》（ 2024年02月22日 第 05 版）", ("人民日报", "2024-02-22", ())),
    ],
)
def test_source_line_variants(line, parsed):
    assert parse_source_line(line) == parsed


@pytest.mark.parametrize(
    "line",
    ["今天是2024年2月22日", "《光明日报》报道说2024年", "《2023-2024中国算力服务企业50强研究报告》"],
)
def test_not_source_lines(line):
    assert parse_source_line(line) is None


def test_source_line_with_author_on_next_line_ends_the_article():
    text = f"## 第一篇文章标题\n\n{BODY}\n\n《光明日报》2024.2.22  \n刘坤\n\n## 第二篇\n\n{MORE}\n"
    first, second = articles_of(text)
    assert (first.publisher, first.date, first.authors) == ("光明日报", "2024-02-22", ("刘坤",))
    assert first.text == BODY
    assert second.title == "第二篇" and second.date is None
    assert second.context_date == "2024-02-22"


def test_context_date_is_none_without_source_lines():
    [article] = articles_of(f"# 标题在这里\n\n{BODY}\n")
    assert article.date is None and article.context_date is None


def test_page_date_is_the_most_common_source_date():
    text = (
        f"## 甲文章的标题\n\n{BODY}\n\n《经济日报》2024.2.19\n\n\n"
        f"## 乙文章的标题\n\n{BODY}\n\n《光明日报》2024.2.22\n\n\n"
        f"## 丙文章的标题\n\n{BODY}\n\n《科技日报》2024.2.22\n\n\n"
        f"## 丁文章的标题\n\n{MORE}\n"
    )
    dates = [(a.date, a.context_date) for a in articles_of(text)]
    assert dates == [
        ("2024-02-19", "2024-02-19"),
        ("2024-02-22", "2024-02-22"),
        ("2024-02-22", "2024-02-22"),
        (None, "2024-02-22"),
    ]


# --- sections versus articles --------------------------------------------------------


def test_short_section_heading_is_not_an_article_and_not_body():
    [article] = articles_of(f"# 一个长长的文章标题\n\n{BODY}\n\n## 震撼出圈\n\n{MORE}\n")
    assert article.text == f"{BODY}\n{MORE}"


def test_numbered_section_heading_is_not_an_article():
    [article] = articles_of(f"## 文章标题\n\n{BODY}\n\n## 一、推进新型工业化的重要意义\n\n{MORE}\n")
    assert article.title == "文章标题" and "重要意义" not in article.text


def test_deeper_heading_is_a_section():
    [article] = articles_of(f"## 文章标题\n\n{BODY}\n\n### 产业加快转型升级\n\n{MORE}\n")
    assert article.text == f"{BODY}\n{MORE}"


def test_heading_followed_by_byline_opens_an_article():
    first, second = articles_of(f"## 文章甲\n\n{BODY}\n\n## 短标题\n\n本报记者 张伟\n\n{MORE}\n")
    assert (second.title, second.authors, second.text) == ("短标题", ("张伟",), MORE)
    assert first.authors == ()


def test_heading_after_layout_break_opens_an_article():
    titles = [a.title for a in articles_of(f"## 文章甲\n\n{BODY}\n\n\n\n## 文章乙\n\n{MORE}\n")]
    assert titles == ["文章甲", "文章乙"]


def test_heading_after_boilerplate_opens_an_article():
    text = f"## 文章甲\n\n{BODY}\n\n## 码上读报\n\n扫码阅读全文\n\n## 文章乙\n\n{MORE}\n\n责任编辑：王五\n"
    first, second = articles_of(text)
    assert (first.text, second.title, second.text) == (BODY, "文章乙", MORE)


def test_higher_level_heading_opens_an_article():
    titles = [a.title for a in articles_of(f"## 文章甲\n\n{BODY}\n\n# 文章乙\n\n{MORE}\n")]
    assert titles == ["文章甲", "文章乙"]


def test_long_heading_without_other_evidence_opens_an_article():
    text = f"## 文章甲\n\n{BODY}\n\n## 第三方研究报告显示新能源汽车技术出海表现突出\n\n{MORE}\n"
    assert len(articles_of(text)) == 2


def test_kicker_and_main_title_make_one_title():
    [article] = articles_of(f"## 第三方研究报告显示\n\n## 新能源汽车技术出海“一骑绝尘”\n\n{BODY}\n")
    assert article.title == "第三方研究报告显示 新能源汽车技术出海“一骑绝尘”"


def test_page_header_heading_gives_way_to_the_article_title():
    [article] = articles_of(f"# 要闻\n\n## 制造业强起来步伐持续加快\n\n{BODY}\n")
    assert article.title == "制造业强起来步伐持续加快"


def test_a_masthead_line_is_no_title_and_gives_the_page_paper_and_date():
    """'工人日报 2024年3月6日 第05版' over plain-text articles: each is that paper's, of that date,
    unless its own source line names another."""
    text = (f"工人日报 2024年3月6日 星期三 第05版\n\n国产大模型加速落地\n\n■ 本报记者 刘艳\n\n{BODY}\n\n"
            f"数字经济百强榜发布\n\n文/张明\n\n{MORE}\n\n来源：经济日报\n")
    first, second = articles_of(text)
    assert (first.title, first.authors, first.publisher, first.date) == ("国产大模型加速落地", ("刘艳",), "工人日报",
                                                                         "2024-03-06")
    assert first.text == BODY
    assert (second.title, second.authors, second.publisher) == ("数字经济百强榜发布", ("张明",), "经济日报")


@pytest.mark.parametrize("line, parsed", [
    ("工人日报 2024年3月6日 第05版", ("工人日报", "2024-03-06")),
    ("2024年3月6日 星期三 《经济日报》 第6版 要闻", ("经济日报", "2024-03-06")),
    ("人民日报 第5版", ("人民日报", None)),
    ("光明日报记者张三报道", None),
    ("华为发布2024年年报", None),
])
def test_masthead_lines(line, parsed):
    assert parse_masthead(line) == parsed


def test_unmarked_title_over_a_byline_opens_an_article():
    text = f"第一篇的标题在这\n\n{BODY}\n\n第二篇的标题在这\n\n本报讯(记者 李洋) {MORE}\n"
    first, second = articles_of(text)
    assert (first.title, first.text) == ("第一篇的标题在这", BODY)
    assert (second.title, second.authors, second.text) == ("第二篇的标题在这", ("李洋",), MORE)


# --- captions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "parsed"),
    [
        ("新华社发(吴均奇/摄)", ("", ("吴均奇",))),
        ("车间里很忙。新华社记者 徐昱/摄", ("车间里很忙。", ("徐昱",))),
        ("车间里很忙。（本报记者 王五 摄）", ("车间里很忙。", ("王五",))),
        ("车间里很忙。 王五 摄", ("车间里很忙。", ("王五",))),
        ("车间里很忙。新华社发", ("车间里很忙。", ())),
        ("他们正在进行拍摄", None),
    ],
)
def test_credit_variants(paragraph, parsed):
    assert split_credit(paragraph) == parsed


def test_captions_are_taken_out_of_the_article():
    text = (
        f"## 文章标题\n\n{BODY}\n\n图为工人在车间忙碌。\n\n新华社发(吴均奇/摄)\n\n"
        f"机器人在运行。新华社记者 徐昱、李四/摄\n\n{MORE}\n"
    )
    [article] = articles_of(text)
    assert article.text == f"{BODY}\n{MORE}"
    captions = captions_of(text)
    assert [(c.text, c.authors, c.title) for c in captions] == [
        ("图为工人在车间忙碌。", ("吴均奇",), ""),
        ("机器人在运行。", ("徐昱", "李四"), ""),
    ]


# --- paragraphs broken by the layout -------------------------------------------------


def test_broken_paragraph_is_joined_without_separator():
    [article] = articles_of(f"# 标题\n\n不可否认,Sora对2024年人工智能行\n\n业形成了首轮冲击波。\n\n{MORE}\n")
    assert article.text == f"不可否认,Sora对2024年人工智能行业形成了首轮冲击波。\n{MORE}"


def test_broken_paragraph_is_joined_across_a_caption():
    text = "# 标题\n\n同时,Sora跳出了2D范\n\n车间里很忙。新华社发(吴均奇/摄)\n\n围模拟真实的物理世界。\n"
    [article] = articles_of(text)
    assert article.text == "同时,Sora跳出了2D范围模拟真实的物理世界。"


def test_finished_paragraphs_and_labels_are_not_joined():
    [article] = articles_of(f"# 标题\n\n{BODY}\n\n数据来源说明\n\n{MORE}\n")
    assert article.text == f"{BODY}\n数据来源说明\n{MORE}"


def test_ids_are_unique_and_numbered_in_document_order():
    text = f"## 甲文章\n\n{BODY}\n\n\n\n## 乙文章\n\n{MORE}\n\n工人忙碌。新华社发(吴均奇/摄)\n"
    ids = [a.id for a in split_page(text, "page-7.md")]
    assert ids == ["page-7-1", "page-7-2", "page-7-3"]


# --- other layouts -------------------------------------------------------------------


def test_blank_lines_every_heading_has_are_style_not_evidence():
    text = f"# 文章标题\n\n{BODY}\n\n\n## 震撼出圈\n\n{MORE}\n\n\n## 产业协同发力显著\n\n{BODY}\n"
    [article] = articles_of(text)
    assert article.text == f"{BODY}\n{MORE}\n{BODY}"


def test_separator_line_is_a_layout_break():
    titles = [a.title for a in articles_of(f"## 文章甲\n\n{BODY}\n\n* * *\n\n## 短题\n\n{MORE}\n")]
    assert titles == ["文章甲", "短题"]


def test_caption_context_date_is_its_article_date():
    text = (
        f"## 甲文章的标题\n\n{BODY}\n\n工人忙碌。新华社发(吴均奇/摄)\n\n{MORE}\n\n《经济日报》2024.2.19\n\n\n"
        f"## 乙文章的标题\n\n{BODY}\n\n《光明日报》2024.2.22\n\n\n"
        f"## 丙文章的标题\n\n{BODY}\n\n《科技日报》2024.2.22\n"
    )
    [caption] = captions_of(text)
    assert caption.context_date == "2024-02-19"


def test_web_article_with_header_lines():
    text = f"春运返程高峰到来\n2024-02-22 08:30:12 来源：光明网\n作者：张三\n{BODY}\n{MORE}\n"
    [article] = articles_of(text)
    assert (article.title, article.publisher, article.date, article.authors) == (
        "春运返程高峰到来", "光明网", "2024-02-22", ("张三",)
    )
    assert article.text == f"{BODY}\n{MORE}"


def test_news_agency_layout():
    text = (
        "# 我国新能源汽车出口增长迅速\n\n新华社北京2月20日电 题：我国新能源汽车出口增长迅速\n\n"
        "□ 新华社记者 王五 赵六 文/图\n\n记者从海关总署获悉，今年1月，我国新能源汽车出口同比增长\n"
        "显著，其中纯电动汽车占比超过六成。\n\n## 产业链上下游协同发力成效显著\n\n"
        f"{MORE}\n\n![图片](x.png)\n\n工人在生产线上忙碌。（新华社记者 李四 摄）\n\n责任编辑：钱七\n"
    )
    [article] = articles_of(text)
    assert article.title == "我国新能源汽车出口增长迅速" and article.authors == ("王五", "赵六")
    joined = "记者从海关总署获悉，今年1月，我国新能源汽车出口同比增长显著，其中纯电动汽车占比超过六成。"
    assert article.text == f"{joined}\n{MORE}"
    assert [c.authors for c in captions_of(text)] == [("李四",)]


def test_a_dateline_before_a_byline_names_the_publisher():
    [article] = articles_of(f"## 芯片企业竞逐新赛道\n\n新华社北京3月8日电（记者张晓松 王琳）{BODY}\n")
    assert (article.authors, article.publisher, article.text) == (("张晓松", "王琳"), "新华社", BODY)
    [local] = articles_of(f"## 芯片企业竞逐新赛道\n\n本报讯(记者 赵六) {BODY}\n")
    assert (local.authors, local.publisher) == (("赵六",), None)


def test_a_date_line_with_its_weekday_names_no_author():
    [article] = articles_of(f"2024年3月20日 星期三\n\n全国数据工作会议在京召开\n\n本报记者 赵敏\n\n{BODY}\n")
    assert (article.authors, article.date) == (("赵敏",), "2024-03-20")


def test_a_byline_opening_with_an_outlet_names_the_publisher():
    [article] = articles_of(f"## 芯片企业竞逐新赛道\n\n证券时报记者 张一帆\n\n{BODY}\n")
    assert (article.authors, article.publisher, article.text) == (("张一帆",), "证券时报", BODY)
    [local] = articles_of(f"## 芯片企业竞逐新赛道\n\n▶ 本报记者 张一帆\n\n{BODY}\n")
    assert (local.authors, local.publisher) == (("张一帆",), None)


def test_more_credit_and_source_forms_of_other_papers():
    """'撰文：' bylines, '本文来源：' source lines and '（作者单位：…）' furniture; a short heading over
    such a byline opens an article, not a section."""
    text = (f"## 新型储能装机规模快速增长\n\n文/本报记者 王丽\n\n{BODY}\n\n（作者单位：中国电力企业联合会）\n\n"
            f"## 低空经济起飞\n\n撰文：陈强\n\n{MORE}\n\n本文来源：工人日报 2024年3月8日\n")
    first, second = articles_of(text)
    assert (first.authors, first.text) == (("王丽",), BODY)
    assert (second.title, second.authors, second.publisher, second.date) == ("低空经济起飞", ("陈强",), "工人日报",
                                                                             "2024-03-08")


def test_a_bracketed_byline_after_the_body_closes_the_article():
    text = f"第一篇的标题在这\n\n{BODY}\n\n（记者 李明）\n\n第二篇的标题在这\n\n{MORE}\n\n（本报记者 赵丽）\n"
    first, second = articles_of(text)
    assert (first.title, first.text, first.authors) == ("第一篇的标题在这", BODY, ("李明",))
    assert (second.title, second.text, second.authors) == ("第二篇的标题在这", MORE, ("赵丽",))


# --- one-line web articles: title, byline and body glued together -----------------------


@pytest.mark.parametrize(
    ("text", "title", "authors", "publisher"),
    [
        (f"某基金公司总经理离职⊙本报记者 王小五{BODY}{MORE}", "某基金公司总经理离职", ("王小五",), None),
        (f"某地房价小幅回落某某晚报讯(记者 王五){BODY}", "某地房价小幅回落", ("王五",), "某某晚报"),
        (f"两国举行经贸会谈新华网斯德哥尔摩2月26日电(记者王五){BODY}", "两国举行经贸会谈", ("王五",), "新华网"),
        (f"球队主场再获胜利新浪体育讯北京时间4月2日，{BODY}", "球队主场再获胜利", (), "新浪体育"),
        (f"新款相机降价促销（全景网/王五）{BODY}", "新款相机降价促销", ("王五",), "全景网"),
        (f"强势中端单反 新款相机降价促销（中关村在线上海行情）{BODY}", "强势中端单反 新款相机降价促销", (),
         "中关村在线"),
    ],
)
def test_one_line_article_head(text, title, authors, publisher):
    [article] = articles_of(text, "line-1.txt")
    assert (article.title, article.authors, article.publisher) == (title, authors, publisher)
    assert article.text.startswith(("某公司", "北京时间"))


def test_a_byline_name_glued_to_a_time_word_ends_before_it():
    [article] = articles_of(f"稳定仓位 持股以静制动⊙本报记者 周宏牛年第一期月报今日亮相。{MORE}", "line-1.txt")
    assert article.authors == ("周宏",)


def test_a_display_headline_repeating_the_title_after_a_mark_is_dropped():
    [article] = articles_of(f"央行加息压力渐增 ◆央行“加息”压力渐增证券时报记者 王五本报讯 {BODY}", "line-1.txt")
    assert (article.title, article.authors, article.publisher) == ("央行加息压力渐增", ("王五",), "证券时报")
    [kept] = articles_of(f"新品发布 ◆ 价格下调证券时报记者 王五本报讯 {BODY}", "line-1.txt")
    assert kept.title == "新品发布 ◆ 价格下调"  # no repeat: the mark is part of the title


@pytest.mark.parametrize(
    ("tail", "authors", "publisher"),
    [
        ("快报记者 王五", ("王五",), None),
        ("(记者 王五 赵六) 我要评论", ("王五", "赵六"), None),
        ("(王 五)", ("王五",), None),
        ("(据《某某经济报道》)", (), "某某经济报道"),
        ("（来源：某某证券报）", (), "某某证券报"),
    ],
)
def test_one_line_article_tail(tail, authors, publisher):
    [article] = articles_of(f"某地举办读书节活动日前，{BODY}{MORE}{tail}", "line-1.txt")
    assert (article.authors, article.publisher) == (authors, publisher)
    assert article.text.endswith(MORE)


def test_byline_names_do_not_glue_to_the_body():
    [article] = articles_of(f"某基金总经理详解品牌标识语⊙本报记者 王五 钱小七某某基金公司日前宣布。{MORE}", "x.txt")
    assert article.authors == ("王五", "钱小七")
    assert article.text.startswith("某某基金公司日前宣布。")


def test_byline_paragraph_under_a_heading():
    [article] = articles_of(f"# 新闻标题\n\n⊙记者 王五 ○编辑 赵六 {BODY}\n\n{MORE}\n")
    assert (article.title, article.authors) == ("新闻标题", ("王五",))
    assert article.text == f"{BODY}\n{MORE}"


@pytest.mark.parametrize("opening", ["记者了解到，", "记者从有关部门获悉，", "据记者调查，"])
def test_reporter_sentences_stay_body_text(opening):
    [article] = articles_of(f"# 新闻标题\n\n{opening}{BODY}\n")
    assert article.authors == () and article.text == f"{opening}{BODY}"


def test_a_portals_links_inserted_after_words_are_dropped():
    """Sina's '(微博)' after a linked word, a stock quote after a listed firm and a developer's
    links are page furniture: they would cut '北京留学服务行业协会' in two."""
    text = ("# 留学协会谈申请\n\n北京留学(微博)服务行业协会会长桑鹏说，万通地产(4.19,-0.09,-2.10%)董事长冯仑"
            "和恒大地产(企业专区,旗下楼盘)都到了会。\n")
    body = split_page(text, "t.txt")[0].text
    assert "北京留学服务行业协会会长桑鹏" in body and "万通地产董事长冯仑" in body and "恒大地产都到了会" in body
