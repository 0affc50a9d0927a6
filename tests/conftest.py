"""Shared fixtures: a small hand-made graph that every export test can use without the NLP stack."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.graph import build_graph
from kg.model import Article, Entity, Evidence, Fact

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the ../shared research data is not on this machine)")
    return path


def _small_graph():
    article = Article(
        id="doc-1",
        document="doc.txt",
        title="测试<b>标题</b> href",
        text="“很好!”某公司创始人张三表示。ACME公司发布产品X。",
        authors=("李四",),
        publisher="测试日报",
        date="2024-02-22",
        context_date="2024-02-22",
    )
    ev = Evidence(article="doc-1", sentence="“很好!”某公司创始人张三表示。", start=0, end=16)
    ev2 = Evidence(article="doc-1", sentence="ACME公司发布产品X。", start=16, end=29)
    entities = [
        Entity(id="person/zhangsan", name="张三", type="Person", mentions=2, articles={"doc-1"}),
        Entity(id="person/lisi", name="李四", type="Person", mentions=1, articles={"doc-1"}),
        Entity(
            id="org/acme",
            name="ACME公司<img src=x onerror=alert(1)>",
            type="Company",
            aliases={"ACME", 'A"C|M\\E {x}%'},
            mentions=3,
            articles={"doc-1"},
        ),
        Entity(id="org/daily", name="测试日报", type="MediaOutlet", mentions=1, articles={"doc-1"}),
        Entity(id="product/x", name="产品X", type="Product", mentions=1, articles={"doc-1"}),
        Entity(id="ranking/r", name="测试50强", type="Ranking", mentions=1, articles={"doc-1"}),
        Entity(id="location/bj", name="北京", type="Location", mentions=1, articles={"doc-1"}),
    ]

    def fact(s, st, p, o, ot, ev_=ev, **attrs):
        ids = {e.name: e.id for e in entities}
        return Fact(
            subject=s, subject_type=st, predicate=p, object=o, object_type=ot, attributes=attrs,
            evidence=ev_, confidence=0.9, extractor="test",
            subject_id=ids.get(s), object_id=ids.get(o) if o else None,
        )

    acme = entities[2].name
    facts = [
        fact("张三", "Person", "commentsOn", "产品X", "Product", quote="很好!</script>", stance="positive"),
        fact("张三", "Person", "holdsPositionAt", acme, "Company", role=["创始人", "董事长"]),
        fact(acme, "Company", "releases", "产品X", "Product", ev2, date="2024-02-16"),
        fact(acme, "Company", "ranksIn", "测试50强", "Ranking", tier="领军者", rank=3),
        fact(acme, "Company", "filesPatents", None, None, count=46000, year=2023, growthRate=1.67, scope="海外"),
        fact(acme, "Company", "locatedIn", "北京", "Location"),
    ]
    doc_facts = [
        Fact("doc-1", "Article", "author", "李四", "Person", evidence=ev, subject_id="article/doc-1",
             object_id="person/lisi", extractor="byline"),
        Fact("doc-1", "Article", "publisher", "测试日报", "MediaOutlet", evidence=ev,
             subject_id="article/doc-1", object_id="org/daily", extractor="source_line"),
    ]
    return build_graph([article], entities, facts + doc_facts)


@pytest.fixture
def small_graph():
    """Seven entities, one article, every kind of edge; names carry HTML/Turtle-special characters."""
    return _small_graph()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed page built once per test session, every format written: (out_dir, BuildResult)."""
    from kg.build import build
    from kg.export.html import write_html
    from kg.export.rdf import FORMATS, write_rdf

    out = tmp_path_factory.mktemp("seed-build")
    result = build([ROOT / "seeds"])
    write_rdf(result.graph, out, FORMATS)
    write_html(result.graph, out / "graph.html")
    return out, result
