"""Corpus inputs without the NLP stack: HTML main text, dump records, layouts, size caps."""

from __future__ import annotations

import json

import pytest

from kg.corpus.html import extract_html, html_to_text
from kg.corpus.sources import Options, Source, iter_sources, layout_of, load_articles, split_headline
from kg.ingest import InputError

PAGE = """<!DOCTYPE html><html><head><title>华为发布新手机_科技频道_某某网</title>
<script>var x = "<p>脚本里的段落</p>";</script><style>p { color: red }</style></head>
<body><nav><p>首页 | 新闻 | 体育</p></nav>
<header><h1>某某网</h1></header>
<div class="article-content"><h1>华为发布新手机</h1>
<p>本报讯 华为公司昨日在深圳发布新款手机。</p>
<p>该公司 <b>总裁</b>&nbsp;表示，新品&amp;配件将于下月上市。</p></div>
<aside class="related"><p>相关阅读：别的新闻</p></aside>
<footer><p>版权所有 © 某某网</p></footer></body></html>"""


def test_html_title_and_main_paragraphs_only():
    title, paragraphs = extract_html(PAGE)
    assert title == "华为发布新手机"
    assert paragraphs == ["本报讯 华为公司昨日在深圳发布新款手机。", "该公司 总裁 表示，新品&配件将于下月上市。"]


def test_html_title_falls_back_to_title_tag_without_site_name():
    title, paragraphs = extract_html("<html><head><title>标题一 - 某某网</title></head><body><p>正文。</p></body>")
    assert (title, paragraphs) == ("标题一", ["正文。"])


def test_html_without_paragraphs_uses_text_blocks():
    title, paragraphs = extract_html("<body><div>第一段文字。<br>第二段文字。</div><script>x()</script></body>")
    assert title == "" and paragraphs == ["第一段文字。", "第二段文字。"]


@pytest.mark.parametrize("html", [
    "<html><body><p>未闭合的段落<div><p>第二段</span></b></p></div>",
    "<<<>>><p a='1\"b>文字</p></html></html><p>尾",
    "<p>" * 2000 + "深层嵌套。",
    "\x00\x01<p>控制字符</p>",
    "",
])
def test_malformed_html_never_raises(html):
    text = html_to_text(html)
    assert isinstance(text, str)


def test_html_to_text_reads_as_a_page():
    assert html_to_text(PAGE).startswith("# 华为发布新手机\n\n本报讯 华为公司")


def test_layout_by_suffix_and_tsv_sniffing(tmp_path):
    dump, page = tmp_path / "cnews.txt", tmp_path / "page.txt"
    dump.write_text("体育\t湖人队昨日获胜。\n财经\t股市上涨。\n", encoding="utf-8")
    page.write_text("# 标题\n\n正文里\t有个制表符。\n", encoding="utf-8")
    options = Options()
    assert layout_of(dump, options) == "tsv"
    assert layout_of(page, options) == "page"
    assert layout_of(tmp_path / "a.HTML", options) == "html"
    assert layout_of(tmp_path / "a.jsonl", options) == "jsonl"
    assert layout_of(page, Options(layout="tsv")) == "tsv"


def _sources(tmp_path, name, content, **options):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return list(iter_sources([path], Options(**options)))


def test_each_dump_line_is_a_document_named_by_file_and_line(tmp_path):
    items = _sources(tmp_path, "cnews.tsv", "体育\t湖人队昨日获胜。\n\n财经\t股市上涨。\n")
    assert [(s.document, s.line) for s in items] == [("cnews-L1.tsv", 1), ("cnews-L3.tsv", 3)]
    assert items[1].label.endswith("cnews.tsv:3")


def test_jsonl_records_text_title_and_id_fields(tmp_path):
    lines = [{"id": "a1", "headline": "标题甲", "body": "某公司发布新产品。"}, {"id": "a1", "body": "重复的编号。"},
             {"body": "没有编号。"}]
    content = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    items = _sources(tmp_path, "news.jsonl", content, text_field="body", title_field="headline", id_field="id")
    assert isinstance(items[1], InputError) and "duplicate id" in items[1].reason
    first, third = items[0], items[2]
    assert (first.document, third.document) == ("news-a1.jsonl", "news-L3.jsonl")
    options = Options(text_field="body", title_field="headline", id_field="id")
    [article] = load_articles(first, options)
    assert (article.title, article.text, article.document) == ("标题甲", "某公司发布新产品。", "news-a1.jsonl")


@pytest.mark.parametrize(("line", "reason"), [
    (b"not json\n", "not a JSON object"),
    (b"[1, 2]\n", "not a JSON object"),
    (b'{"title": "x"}\n', "no text in field 'text'"),
    (b'{"text": "   "}\n', "no text in field 'text'"),
    (b'{"text": "\xff\xfe"}\n', "not UTF-8"),
])
def test_bad_jsonl_records_are_refused_with_a_reason(line, reason):
    source = Source("d.jsonl:1", "d-L1.jsonl", "jsonl", line, 1)
    with pytest.raises(InputError, match=reason):
        load_articles(source, Options())


def test_tsv_record_keeps_the_whole_text_and_guesses_the_headline():
    text = "湖人消息比赢球开心 小拜膝伤无碍新浪体育讯北京时间4月12日，拜纳姆并无大恙。"
    source = Source("c.txt:7", "c-L7.txt", "tsv", f"体育\t{text}\n".encode(), 7)
    [article] = load_articles(source, Options())
    assert article.title == "湖人消息比赢球开心 小拜膝伤无碍"
    assert article.text == text and article.id == "c-L7-1"


def test_tsv_record_without_a_headline_is_titled_by_category_and_line():
    source = Source("c.txt:9", "c-L9.txt", "tsv", "家居\t家居连锁的类金融化生存危险何在。\n".encode(), 9)
    assert load_articles(source, Options())[0].title == "家居 9"
    with pytest.raises(InputError, match="category<TAB>text"):
        load_articles(Source("c.txt:2", "c-L2.txt", "tsv", "只有一列\n".encode(), 2), Options())


@pytest.mark.parametrize(("text", "title"), [
    ("兴业全球旗下三基金跻身前十强日前，沪指一度重回2000点。", "兴业全球旗下三基金跻身前十强"),
    ("中国最贵住宅每平19万中国最贵住宅每平19万这套天价房位于北京。", "中国最贵住宅每平19万"),
    ("干物女的情调小复式 高品质居家享受(组图)单身并无罪。", "干物女的情调小复式 高品质居家享受(组图)"),
    ("家居连锁的类金融化生存危险何在叶国靖 传说有种无足鸟。", None),
    ("国外院校也迎新 留学生加快融入北京考试报讯 每年九月，新生入学。", "国外院校也迎新 留学生加快融入"),
    ("《天域OL》公测盛典 迎新版本《天域OL》是一款网游，玩家众多。", "《天域OL》公测盛典 迎新版本"),
    ("家居业是否回暖 刚性需求仍存在主持人：现在房产市场有一些回暖。", "家居业是否回暖 刚性需求仍存在"),
    ("启动仪式在上海举行(2009年8月25日，上海)活动开幕。", "启动仪式在上海举行"),
    ("时尚日活动 赢取新时装在12月15日的维护后，活动上线。", "时尚日活动 赢取新时装"),
    ("会见罗马尼亚参议长中广网北京6月24日消息 国家副主席今天会见。", "会见罗马尼亚参议长"),
    ("行情尚未结束 机会在上半年本刊记者 张学庆今年以来，股市反弹。", "行情尚未结束 机会在上半年"),
    ("华润妙想 放飞梦想以关注健康为主题，讲述色彩运用，《华润妙想》宣讲会举行。", None),
    # A display headline after a mark repeats the title with quotes: the title ends at the mark.
    ("央行加息压力渐增 ◆央行“加息”压力渐增本报讯 昨日，央行表示。", "央行加息压力渐增"),
])
def test_split_headline(text, title):
    assert split_headline(text) == title


def test_oversized_file_and_record_are_refused_without_reading_them_whole(tmp_path):
    big = _sources(tmp_path, "big.txt", "长" * 2000, max_bytes=1000)
    assert isinstance(big[0], InputError) and "too large" in big[0].reason
    items = _sources(tmp_path, "dump.tsv", "体育\t" + "长" * 3000 + "\n财经\t短文。\n", max_bytes=1000)
    assert isinstance(items[0], InputError) and "record too large" in items[0].reason
    assert isinstance(items[1], Source) and items[1].line == 2


def test_utf16_dump_is_refused(tmp_path):
    [error] = _sources(tmp_path, "d.tsv", "体育\t文字。\n".encode("utf-16"))
    assert isinstance(error, InputError) and "UTF-16" in error.reason


def test_a_record_the_page_reader_sees_no_article_in_is_still_one_article(monkeypatch):
    import kg.corpus.sources as sources

    monkeypatch.setattr(sources, "split_page", lambda text, document: [])  # e.g. all taken for a photo caption
    text = "签署合作协议本报讯(记者胡笑红) 昨天，洽谈会在北京举行。"
    source = Source("c.txt:3", "c-L3.txt", "tsv", f"时政\t{text}\n".encode(), 3)
    [article] = load_articles(source, Options())
    assert (article.id, article.title, article.text, article.kind) == ("c-L3-1", "签署合作协议", text, "article")
    page = Source("p.txt", "p.txt", "page", "正文。".encode())
    with pytest.raises(InputError, match="no article text"):
        load_articles(page, Options())
