"""kg.datasets: CLUENER and DuIE loaders and scorers on hand-made samples, the CLI, the real data."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared_path

from kg.datasets import format_cluener, format_duie, main, run_cluener
from kg.datasets_cluener import load_cluener, score_cluener
from kg.datasets_duie import gold_triples, load_duie, predicted_triples, role_label, score_duie
from kg.model import Fact, Mention

DATA = Path(__file__).parent / "data" / "datasets"
CLUENER = DATA / "cluener_tiny.json"
DUIE = DATA / "duie_tiny.json"


def counts(c) -> tuple[int, int, int]:
    return c.tp, c.fp, c.fn


def test_load_cluener_maps_types_and_makes_ends_exclusive():
    first, second, third = load_cluener(CLUENER)
    assert first.spans == {(0, 3, "Person"), (4, 10, "Organization"), (19, 21, "Location")}
    assert first.positions == ["董事长"]
    assert second.other == {(10, 14)}  # the book: not scored, and not held against us
    assert third.spans == {(0, 4, "Organization")}
    assert len(load_cluener(CLUENER, limit=2)) == 2


def test_score_cluener_exact_and_name_match():
    sentences = load_cluener(CLUENER)
    role = Fact("张小明", "Person", "holdsPositionAt", "星河科技", "Company", {"role": ["董事长"]})
    results = [
        # boundary error on the company, Location right, Person right, a role holding 董事长
        ([Mention("张小明", "Person", 0, 3), Mention("星河科技", "Company", 4, 8),
          Mention("杭州", "Location", 19, 21)], [role]),
        # the book predicted as a Product and as a Location span: neither counted; 南京 missed
        ([Mention("李华", "Person", 2, 4), Mention("《长河》", "Product", 10, 14),
          Mention("《长河》", "Location", 10, 14)], []),
        ([Mention("市教育局", "GovernmentAgency", 0, 4), Mention("今天", "Person", 4, 6)], []),
    ]
    scores = score_cluener(sentences, results)
    assert counts(scores.exact["Person"]) == (2, 1, 0)
    assert counts(scores.exact["Organization"]) == (1, 1, 1)
    assert counts(scores.exact["Location"]) == (1, 0, 1)
    assert counts(scores.micro(scores.exact)) == (4, 2, 2)
    assert counts(scores.names["Organization"]) == (1, 1, 1)
    assert counts(scores.positions) == (1, 0, 1)  # 董事长 found, 记者 not
    table = format_cluener(scores, errors=5)
    assert "boundary" in table and "星河科技/Organization | 星河科技公司/Organization" in table


def test_duie_gold_in_our_direction_and_roles():
    spo = [{"predicate": "董事长", "subject": "甲公司", "object": {"@value": "张三"}},
           {"predicate": "总部地点", "subject": "甲公司", "object": {"@value": "北京"}},
           {"predicate": "作者", "subject": "书", "object": {"@value": "李四"}}]
    assert gold_triples(spo) == {("董事长", "张三", "甲公司"), ("总部地点", "甲公司", "北京")}
    assert role_label("董事长兼总裁") == "董事长" and role_label("联合创始人") == "创始人"
    assert role_label("副董事长") is None and role_label("总经理") is None
    assert role_label("董事局主席") == "董事长" and role_label("创办人") == "创始人"  # synonyms
    facts = [Fact("张三", "Person", "holdsPositionAt", "甲公司", "Company", {"role": ["总经理"]}),
             Fact("李四", "Person", "holdsPositionAt", "乙公司", "Company", {"role": ["创始人", "董事长"]})]
    assert predicted_triples(facts) == ({("创始人", "李四", "乙公司"), ("董事长", "李四", "乙公司")}, 1)


def test_score_duie_counts_fp_only_where_the_label_is_annotated():
    sentences = load_duie([DUIE])
    assert len(sentences) == 2  # the 作者-only sentence is not scored
    results = [
        ([], [Fact("张小明", "Person", "holdsPositionAt", "星河科技公司", "Company", {"role": ["董事长"]}),
              Fact("张小明", "Person", "holdsPositionAt", "星河科技公司", "Company", {"role": ["创始人"]})]),
        ([], [Fact("云帆电子有限公司", "Company", "locatedIn", "苏州", "Location"),
              Fact("赵六", "Person", "holdsPositionAt", "云帆电子", "Company", {"role": ["创始人"]})]),
    ]
    scores = score_duie(sentences, results)
    assert counts(scores.exact["董事长"]) == (1, 0, 0)
    assert counts(scores.exact["创始人"]) == (0, 1, 1)  # 赵六 is an FP: 创始人 is annotated there
    assert counts(scores.exact["总部地点"]) == (0, 1, 1)  # name boundary: exact misses ...
    assert counts(scores.lenient["总部地点"]) == (1, 0, 0)  # ... lenient matches
    assert [t for t, _ in scores.unscored] == [("创始人", "张小明", "星河科技公司")]
    assert counts(scores.pair_found) == (1, 0, 1)
    assert "董事长" in format_duie(scores, errors=3)


def test_main_runs_the_pipeline_and_skips_absent_data(tmp_path, capsys):
    root = tmp_path / "datasets"
    (root / "cluener2020").mkdir(parents=True)
    (root / "cluener2020" / "dev.json").write_text(CLUENER.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["all", "--root", str(root), "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "CLUENER2020 dev: 2 sentences" in out and "micro" in out
    assert "DuIE 2.0: skipped" in out and "absent" in out


def test_pipeline_finds_the_obvious_person():
    scores = run_cluener(CLUENER, limit=1)
    assert scores.exact["Person"].tp == 1


@pytest.mark.shared
def test_real_cluener_dev_sample():
    path = shared_path("datasets", "cluener2020", "dev.json")
    scores = run_cluener(path, limit=200)
    assert scores.sentences == 200
    micro = scores.micro(scores.exact)
    assert micro.tp + micro.fn > 200 and micro.f1 > 0.4  # measured 0.58 on the full dev set
