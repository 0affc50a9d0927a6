"""Bylines and source tags glued into running text: the head and the tail of a paragraph."""

from __future__ import annotations

import pytest

from kg.ingest.glued import read_names, split_head, split_tail

BODY = "某公司近日发布了一款新产品，引起广泛关注。"
LONG_TITLE = "某市楼市半年来首现量价同跌 二十五个楼盘打折促销 期房均价下跌1.37% 标志着楼市进入新一轮调整"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # marked bylines glued to the title and to the body
        (f"新品发布会在京举行⊙本报记者 王小五{BODY}", ("新品发布会在京举行", None, None, ("王小五",), BODY)),
        (f"⊙记者 王五 ○编辑 赵六 {BODY}", ("", None, None, ("王五",), BODY)),
        (f"□本报记者 王五 赵小六{BODY}", ("", None, None, ("王五", "赵小六"), BODY)),
        (f"本报记者 王五 通讯员 赵六 报道 {BODY}", ("", None, None, ("王五", "赵六"), BODY)),
        (f"某市房价小幅回落本报记者 孙小八 北京报道 {BODY}", ("某市房价小幅回落", None, None, ("孙小八",), BODY)),
        (f"每经记者 王五 发自上海{BODY}", ("", "每经", None, ("王五",), BODY)),
        (f"新款相机上市    作者：王五    {BODY}", ("新款相机上市", None, None, ("王五",), BODY)),
        # parenthesised bylines and source tags
        (f"投资者报 (记者 王五){BODY}", ("", "投资者报", None, ("王五",), BODY)),
        (f"(记者 王五){BODY}", ("", None, None, ("王五",), BODY)),
        (f"（记者 王五 赵六）{BODY}", ("", None, None, ("王五", "赵六"), BODY)),
        (f"(王 五){BODY}", ("", None, None, ("王五",), BODY)),
        (f"（全景网/王五）{BODY}", ("", "全景网", None, ("王五",), BODY)),
        (f"新款相机降价促销（某某在线数码行情报道）{BODY}", ("新款相机降价促销", "某某在线", None, (), BODY)),
        # datelines
        (
            f"新华网斯德哥尔摩2月26日电(记者王五){BODY}",
            ("", "新华网", None, ("王五",), BODY),
        ),
        (f"新华社北京2009年2月26日电(记者 王五){BODY}", ("", "新华社", "2009-02-26", ("王五",), BODY)),
        (f"某地举办读书节晶报讯 {BODY}", ("某地举办读书节", "晶报", None, (), BODY)),
        (f"某地举办读书节 南方某报讯(记者 王五){BODY}", ("某地举办读书节", "南方某报", None, ("王五",), BODY)),
        (f"某地举办读书节本报讯 (记者 王五){BODY}", ("某地举办读书节", None, None, ("王五",), BODY)),
        (
            f"球队再获胜利新浪体育讯北京时间4月2日，{BODY}",
            ("球队再获胜利", "新浪体育", None, (), f"北京时间4月2日，{BODY}"),
        ),
        (f"某地举办读书节据新华社电 {BODY}", ("某地举办读书节", "新华社", None, (), BODY)),
        # a site's dateline with place and date before 消息; a date alone before 消息 is no dateline
        (f"会议今日闭幕中广网北京6月27日消息 {BODY}", ("会议今日闭幕", "中广网", None, (), BODY)),
        (f"新京报贝壳财经讯（记者 王小五）{BODY}", ("", "新京报", None, ("王小五",), BODY)),  # a paper's channel
        (f"证券时报e公司讯 {BODY}", ("", "证券时报", None, (), BODY)),
        (f"两岸合拍剧将上路中国台湾网7月25日消息 {BODY}", ("两岸合拍剧将上路", "中国台湾网", None, (), BODY)),
        # a portal's channel, then its reporter, then 讯
        (f"惠达再获殊荣(图)     新浪家居王小娟讯  {BODY}", ("惠达再获殊荣(图)", "新浪家居", None, ("王小娟",), BODY)),
        (f"新款相机上市【某某在线 example.com】{BODY}", ("新款相机上市", "某某在线", None, (), BODY)),
        (f"新款相机上市 【ZOL-某某在线 EXAMPLE.COM】{BODY}", ("新款相机上市", "ZOL-某某在线", None, (), BODY)),
        (f"基金跑赢指数东方早报记者 肖莉 {BODY}", ("基金跑赢指数", "东方早报", None, ("肖莉",), BODY)),
        # a two-character name padded with a space, then the paper's own dateline
        (f"基金首募十亿元证券时报记者 陈 墨本报讯 {BODY}", ("基金首募十亿元", "证券时报", None, ("陈墨",), BODY)),
        # a signature before /文 glued between the title and the body
        (f"民间资金拉动房价(图)朱国栋/文{BODY}", ("民间资金拉动房价(图)", None, None, ("朱国栋",), BODY)),
        (f"摸底土地储备贷款风险张媛媛/文{BODY}", ("摸底土地储备贷款风险", None, None, ("张媛媛",), BODY)),
        # a long headline with its subtitle run on, before a dateline naming its reporter, and the
        # reporters' names run on before the dateline too
        (f"{LONG_TITLE}本报讯 (记者 王小五) {BODY}", (LONG_TITLE, None, None, ("王小五",), BODY)),
        (f"官员建议以税收抑制房价，应把土地增值返还给社会王五 赵小六本报讯 (记者王五 赵小六){BODY}",
         ("官员建议以税收抑制房价，应把土地增值返还给社会", None, None, ("王五", "赵小六"), BODY)),
    ],
)
def test_head_variants(text, expected):
    assert split_head(text, titled=False) == expected


def test_glued_names_end_where_the_body_begins():
    assert split_head(f"⊙本报记者 王五 钱小七某某基金公司日前公告。{BODY}", titled=False)[3] == ("王五", "钱小七")
    assert split_head(f"⊙本报记者 赵六近日，{BODY}", titled=False)[3:] == (("赵六",), f"近日，{BODY}")
    # the body repeats what follows a two-character name: the name ends before it
    assert read_names("记者 王五银华基金今日公告，银华基金表示", 0, need_role=True) == (("王五",), 5)


@pytest.mark.parametrize(
    "text",
    [
        f"记者了解到，{BODY}",
        f"记者从有关部门获悉，{BODY}",
        f"据记者调查，{BODY}",
        f"某公司负责人对本报记者表示，{BODY}",
        f"本报记者日前走访了多家门店。{BODY}",
        f"据《某某日报》消息，{BODY}",
        f"房价将小幅震荡2009年11月5日消息，{BODY}",
    ],
)
def test_sentences_are_not_bylines(text):
    assert split_head(text, titled=False) is None


def test_titled_article_takes_no_title_from_the_paragraph():
    assert split_head(f"某地举办读书节⊙本报记者 王五{BODY}", titled=True) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{BODY}快报记者 王五", (BODY, None, ("王五",))),
        (f"{BODY}(记者 王五)", (BODY, None, ("王五",))),
        (f"{BODY}(记者：王五 赵六) 我要评论", (BODY, None, ("王五", "赵六"))),
        (f"{BODY}（王 五）", (BODY, None, ("王五",))),
        (f"{BODY}（全景网/王五）", (BODY, "全景网", ("王五",))),
        (f"{BODY}(新浪体育 王五 发自某城)", (BODY, "新浪体育", ("王五",))),
        (f"{BODY}本报记者 王五 通讯员 赵六 报道", (BODY, None, ("王五", "赵六"))),
        (f"{BODY}(据《某某经济报道》)", (BODY, "某某经济报道", ())),
        (f"{BODY}（来源：某某证券报）", (BODY, "某某证券报", ())),
        (f"{BODY}来源：某某财经", (BODY, "某某财经", ())),
        (f"{BODY}我要评论", (BODY, None, ())),
    ],
)
def test_tail_variants(text, expected):
    assert split_tail(text) == expected


@pytest.mark.parametrize(
    "text",
    [BODY, f"{BODY}(组图)", f"{BODY}(毛毛)", f"据《某某日报》消息，{BODY}", f"{BODY}记者了解到这一情况"],
)
def test_tail_without_byline(text):
    assert split_tail(text) is None


def test_a_papers_reporter_byline_names_the_publisher():
    from kg.ingest.glued import split_head

    head = split_head("证券时报记者 张若斌 本报讯 随着商业银行进入直投领域，监管正在完善。", titled=True)
    assert head is not None and head[1] == "证券时报" and head[3] == ("张若斌",)
