"""Input discovery and decoding: every bad file becomes an InputError that names it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import InputError, iter_input_files, read_articles, read_text

CHINESE = "本报讯(记者 李洋) 赛迪研究院近日发布报告。\n"


def test_input_error_str_names_path_and_reason(tmp_path):
    error = InputError(tmp_path / "a.txt", "binary file")
    assert str(error) == f"{tmp_path / 'a.txt'}: binary file"
    assert error.path == tmp_path / "a.txt" and error.reason == "binary file"


def test_utf8_with_and_without_bom(tmp_path):
    plain, bom = tmp_path / "plain.txt", tmp_path / "bom.txt"
    plain.write_bytes(CHINESE.encode("utf-8"))
    bom.write_bytes(b"\xef\xbb\xbf" + CHINESE.encode("utf-8"))
    assert read_text(plain) == CHINESE
    assert read_text(bom) == CHINESE


def test_gb18030_file_decodes(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(("# 标题\n\n" + CHINESE).encode("gb18030"))
    assert read_text(path) == "# 标题\n\n" + CHINESE


def test_gb18030_seed_page_reads_like_the_utf8_one(tmp_path):
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_99323ac3ecb2cff0.txt"
    copy = tmp_path / seed.name
    copy.write_bytes(seed.read_text(encoding="utf-8").encode("gb18030"))
    assert read_articles(copy) == read_articles(seed)


def test_utf16_with_bom_decodes(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(CHINESE.encode("utf-16"))
    assert read_text(path) == CHINESE


def test_newlines_are_normalised(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一段。\r\n\r\n第二段。\r第三段。".encode())
    assert read_text(path) == "第一段。\n\n第二段。\n第三段。"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (bytes(range(1, 9)) * 20, "binary file"),
        (b"", "empty file"),
        (b" \n\t\n\xe3\x80\x80\n", "empty file"),
        (b"\xef\xbb\xbf", "empty file"),
        (b"caf\xe9 au lait, \xe9t\xe9 \xe0 Paris", "not UTF-8 or GB18030 text"),
        (b"\x81\x30\x81\x30\x81\x30\x81\x31 abc", "not UTF-8 or GB18030 text"),
    ],
)
def test_bad_files_are_refused_with_the_file_named(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_text(path)
    assert reason in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")


def test_folders_expand_recursively_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.txt", "a/deep/1.md", "a/0.TXT", "z.txt", "skip.json", ".hidden/h.txt", "a/.h.txt"):
        (tmp_path / name).write_text("正文。", encoding="utf-8")
    files, errors = iter_input_files([tmp_path])
    assert errors == []
    found = [f.relative_to(tmp_path).as_posix() for f in files]
    assert found == ["a/0.TXT", "a/deep/1.md", "b/2.txt", "z.txt"]


def test_missing_inputs_and_empty_folders_do_not_stop_the_run(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("正文。", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.json").write_text("{}", encoding="utf-8")
    files, errors = iter_input_files([tmp_path / "missing.txt", empty, str(good), good])
    assert files == [good]
    assert [e.path for e in errors] == [tmp_path / "missing.txt", empty]
    assert "no such file" in errors[0].reason
    assert "no .txt or .md" in errors[1].reason


def test_explicit_file_of_any_suffix_is_taken(tmp_path):
    path = tmp_path / "article.text"
    path.write_text("正文。", encoding="utf-8")
    assert iter_input_files([path]) == ([path], [])


def test_read_articles_uses_the_file_name(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("# 标题一\n\n本报讯(记者 李洋) 某公司近日发布新产品。\n", encoding="utf-8")
    [article] = read_articles(path)
    assert article.document == "news.txt" and article.id == "news-1"
    assert article.title == "标题一" and article.authors == ("李洋",)


def test_read_articles_refuses_a_file_without_article_text(tmp_path):
    path = tmp_path / "furniture.txt"
    path.write_text("## 码上读报\n\n扫码阅读全文\n\n责任编辑：王五\n", encoding="utf-8")
    with pytest.raises(InputError, match="no article"):
        read_articles(path)
