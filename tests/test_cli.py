"""The kg command: exit statuses, messages naming files, and the options wired to the library."""

import pytest

from kg.cli import main


def test_named_bad_inputs_fail_the_run_but_the_rest_is_built(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("# 标题\n\n华信科技创始人张建国表示,公司将加大投入。\n", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02binary\x00" * 20)
    out = tmp_path / "out"
    status = main(["build", str(good), str(binary), str(tmp_path / "missing.txt"), "--out", str(out), "-q",
                   "--no-cache", "-f", "ttl"])
    err = capsys.readouterr().err
    assert status == 1
    assert "bin.txt" in err and "missing.txt" in err
    assert (out / "graph.ttl").exists()


def test_bad_file_inside_a_folder_fails_only_with_strict(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("# 标题\n\n华信科技发布新品。\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    args = ["build", str(folder), "--out", str(tmp_path / "out"), "-q", "--no-cache", "-f", "ttl", "--no-validate"]
    assert main(args) == 0
    assert "empty.txt" in capsys.readouterr().err
    assert main(args + ["--strict"]) == 1


def test_nothing_readable_writes_nothing(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["build", str(empty), "--out", str(tmp_path / "out"), "-q", "--no-cache"]) == 1
    assert "no document" in capsys.readouterr().err
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_gb18030_input_is_decoded(tmp_path):
    page = tmp_path / "gbk.txt"
    page.write_bytes("# 标题\n\n华信科技创始人张建国表示,公司将加大投入。\n".encode("gb18030"))
    out = tmp_path / "out"
    assert main(["build", str(page), "--out", str(out), "-q", "--no-cache", "-f", "ttl", "--no-validate"]) == 0
    assert "张建国" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_query_engines_agree(seed_build, capsys):
    out, _ = seed_build
    rows = []
    for engine in ("oxigraph", "rdflib"):
        assert main(["query", "queries/positions.rq", "--data", str(out), "--format", "csv", "--engine", engine]) == 0
        rows.append(sorted(capsys.readouterr().out.splitlines()))
    assert rows[0] == rows[1] and len(rows[0]) > 3


def test_evaluate_datasets_is_wired(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["evaluate-datasets", "--help"])
    assert exit_.value.code == 0
    assert "--limit" in capsys.readouterr().out


def test_query_bind_asks_about_one_entity(seed_build, capsys):
    out, _ = seed_build
    assert main(["query", "queries/entity.rq", "--data", str(out), "-f", "csv", "--bind", "name=孔蓉"]) == 0
    rows = [row for row in capsys.readouterr().out.splitlines()[1:] if row]
    assert rows and all(row.startswith("孔蓉,") for row in rows)
    assert main(["query", "queries/entity.rq", "--data", str(out), "--bind", "no-equals-sign"]) == 2
    assert "VAR=VALUE" in capsys.readouterr().err
