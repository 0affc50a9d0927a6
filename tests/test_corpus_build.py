"""Corpus builds end to end on small generated corpora: layouts, bad files, --jobs, cache, interrupts."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import kg.extract
import kg.process
from kg.build import build
from kg.cli import main

ARTICLES = [
    "# 星辰科技发布新模型\n\n本报讯(记者 李洋) 北京星辰科技有限公司近日发布新一代大模型。"
    "公司创始人张伟表示，新模型性能大幅提升。\n",
    "# 蓝海集团布局新能源\n\n蓝海集团董事长王芳在上海宣布，集团将投资新能源汽车。\n",
    "# 高校联合实验室成立\n\n清华大学与华为公司共建联合实验室。清华大学教授刘洋担任实验室主任。\n",
]


def _corpus(root):
    """Three .md pages, an .html page, a .jsonl dump and a THUCNews-style .txt dump."""
    root.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(ARTICLES):
        (root / "pages").mkdir(exist_ok=True)
        (root / "pages" / f"a{n}.md").write_text(text, encoding="utf-8")
    (root / "page.html").write_text(
        "<html><head><title>新闻 - 网站</title></head><body><nav><p>导航</p></nav><article><h1>远航公司上市</h1>"
        "<p>远航科技股份有限公司今日在深圳上市，董事长赵强出席仪式。</p></article></body></html>", encoding="utf-8")
    records = [{"text": "明日汽车有限公司总经理陈静表示，公司将扩大产能。", "title": "明日汽车扩产"},
               {"text": "北斗研究院发布年度报告。"}]
    (root / "news.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                                     encoding="utf-8")
    (root / "cnews.txt").write_text(
        "科技\t华星电子发布新芯片新浪科技讯 华星电子有限公司发布新芯片。\n"
        "财经\t银河证券看好后市日前，银河证券首席分析师孙磊表示看好后市。\n", encoding="utf-8")
    return root


def _documents(result):
    return sorted(d.document for d in result.documents)


def test_every_layout_becomes_documents(tmp_path):
    result = build([_corpus(tmp_path / "in")])
    assert not result.errors
    assert _documents(result) == ["a0.md", "a1.md", "a2.md", "cnews-L1.txt", "cnews-L2.txt", "news-L1.jsonl",
                                  "news-L2.jsonl", "page.html"]
    titles = {a.document: a.title for d in result.documents for a in d.articles}
    assert titles["page.html"] == "远航公司上市" and titles["news-L1.jsonl"] == "明日汽车扩产"
    assert titles["cnews-L1.txt"] == "华星电子发布新芯片"
    labels = {d["label"] for _, d in result.graph.nodes(data=True)}
    assert {"远航科技股份有限公司", "明日汽车有限公司", "华星电子有限公司"} <= labels


def test_jobs_2_writes_the_same_graph_as_jobs_1(tmp_path):
    corpus = _corpus(tmp_path / "in")
    outputs = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        assert main(["build", str(corpus), "--out", str(out), "--jobs", str(jobs), "--no-cache", "--quiet",
                     "--no-validate", "--format", "ttl,trig"]) == 0
        outputs.append(((out / "graph.ttl").read_bytes(), (out / "graph.trig").read_bytes()))
    assert outputs[0] == outputs[1]


def test_cache_reprocesses_only_added_and_changed_documents_and_forgets_removed_ones(tmp_path):
    corpus, cache = _corpus(tmp_path / "in"), tmp_path / "cache"
    first = build([corpus], cache=cache)
    assert (first.processed, first.cached) == (8, 0)
    again = build([corpus], cache=cache)
    assert (again.processed, again.cached) == (0, 8)
    assert _documents(again) == _documents(first)

    (corpus / "pages" / "a3.md").write_text("# 新文章\n\n东方银行行长周明出席论坛。\n", encoding="utf-8")
    (corpus / "pages" / "a1.md").write_text(ARTICLES[1].replace("王芳", "李娜"), encoding="utf-8")
    dump = corpus / "cnews.txt"
    dump.write_text(dump.read_text(encoding="utf-8").replace("孙磊", "钱坤"), encoding="utf-8")
    changed = build([corpus], cache=cache)
    assert (changed.processed, changed.cached) == (3, 6)
    labels = {d["label"] for _, d in changed.graph.nodes(data=True)}
    assert {"李娜", "周明", "钱坤"} <= labels and not {"王芳", "孙磊"} & labels

    (corpus / "pages" / "a3.md").unlink()
    removed = build([corpus], cache=cache)
    assert (removed.processed, removed.cached) == (0, 8)
    assert "周明" not in {d["label"] for _, d in removed.graph.nodes(data=True)}
    fresh = build([corpus])
    assert sorted(removed.graph.nodes) == sorted(fresh.graph.nodes)


def test_a_corrupt_cache_entry_is_rebuilt(tmp_path):
    corpus, cache = _corpus(tmp_path / "in"), tmp_path / "cache"
    build([corpus], cache=cache)
    entries = sorted(cache.rglob("*.pkl"))
    entries[0].write_bytes(b"torn")
    result = build([corpus], cache=cache)
    assert (result.processed, result.cached, len(result.errors)) == (1, 7, 0)


def _bad_corpus(root):
    root.mkdir()
    (root / "good.md").write_text(ARTICLES[0], encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (root / "latin1.txt").write_bytes("caf\xe9 au lait, \xe9t\xe9".encode("latin-1"))
    (root / "empty.md").write_bytes(b"")
    (root / "huge.txt").write_text("长" * 4000, encoding="utf-8")  # over --max-bytes 10K: never read
    (root / "broken.html").write_bytes(b"<html><body><div><p></b></table><script>x(")  # no text in it
    (root / "dump.tsv").write_text("体育\t" + "长" * 4000 + "\n科技\t星河科技有限公司发布新产品。\n", encoding="utf-8")
    (root / "crash.md").write_text("# 崩溃\n\n这篇文章让抽取器崩溃。\n", encoding="utf-8")
    return root


def _crash_on(marker):
    real = kg.extract.extract_article

    def extract(article, doc):
        if marker in article.text:
            raise ValueError("boom")
        return real(article, doc)

    return extract


def test_bad_files_are_reported_and_the_rest_is_built(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.extract, "extract_article", _crash_on("崩溃"))
    root, out = _bad_corpus(tmp_path / "in"), tmp_path / "out"
    args = ["build", str(root), "--out", str(out), "--jobs", "1", "--max-bytes", "10K", "--no-validate", "-q"]
    assert main(args) == 0
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    paths = [item["path"].removeprefix(str(root) + "/") for item in report["failures"]]
    assert paths == ["binary.txt", "broken.html", "crash.md", "dump.tsv:1", "empty.md", "huge.txt", "latin1.txt"]
    reasons = dict(zip(paths, (item["reason"] for item in report["failures"]), strict=True))
    assert "binary file" in reasons["binary.txt"]
    assert "not UTF-8 or GB18030" in reasons["latin1.txt"]
    assert "empty file" in reasons["empty.md"]
    assert "too large" in reasons["huge.txt"]
    assert "no article text" in reasons["broken.html"]
    assert "record too large" in reasons["dump.tsv:1"]
    assert "processing failed (ValueError: boom)" in reasons["crash.md"]
    assert report["documents"]["built"] == 2  # good.md and dump.tsv line 2
    assert (out / "graph.ttl").exists()
    assert main(args + ["--strict"]) == 1


def test_nothing_buildable_exits_non_zero_and_still_reports(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    assert main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1", "-q"]) == 1
    assert "empty.txt: empty file" in capsys.readouterr().err
    assert not (tmp_path / "out" / "graph.ttl").exists()
    assert json.loads((tmp_path / "out" / "build-report.json").read_text())["documents"]["built"] == 0


def test_interrupted_build_keeps_exports_and_resumes_from_the_cache(tmp_path, monkeypatch):
    corpus, out = _corpus(tmp_path / "in"), tmp_path / "out"
    args = ["build", str(corpus), "--out", str(out), "--jobs", "1", "--no-validate", "-q", "--format", "ttl"]
    assert main(args + ["--no-cache"]) == 0
    before = (out / "graph.ttl").read_bytes()
    (corpus / "pages" / "a1.md").write_text(ARTICLES[1].replace("王芳", "李娜"), encoding="utf-8")

    real, calls = kg.process.analyse, []

    def interrupted(document, articles, segmenter="lac"):
        calls.append(document)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real(document, articles, segmenter)

    monkeypatch.setattr(kg.process, "analyse", interrupted)
    assert main(args) == 130
    assert (out / "graph.ttl").read_bytes() == before
    monkeypatch.setattr(kg.process, "analyse", real)
    resumed = build([corpus], cache=out / ".kg-cache")
    assert (resumed.cached, resumed.processed) == (3, 5)


def test_sigterm_stops_the_build_cleanly(tmp_path):
    corpus, out = _corpus(tmp_path / "in"), tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("# the previous build\n", encoding="utf-8")
    for n in range(30):  # enough documents that the build is still running when the signal comes
        (corpus / "pages" / f"more{n}.md").write_text(ARTICLES[n % 3].replace("。", f"{n}。"), encoding="utf-8")
    command = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out), "--jobs", "2", "-q"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list((out / ".kg-cache").rglob("*.pkl")) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert "interrupted" in err
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "# the previous build\n"
    assert not list(out.glob(".graph.ttl.*"))  # no temporary export left behind
    assert all(len(p.read_bytes()) > 0 for p in (out / ".kg-cache").rglob("*.pkl"))
