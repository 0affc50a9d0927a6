"""Entity resolution: mentions and fact arguments -> one Entity per real-world thing, stable ids.

Names are grouped by coarse type (a Person never merges with a Company) under a
normalized key; then a short form joins a longer name when both reduce to the same core
(宏达集团 = 杭州宏达集团股份有限公司; Deep Mind = DeepMind), and only when that core
points to a single longer name, so two different things that share a short name stay apart.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .graph import article_node
from .model import Entity, Fact, Mention, coarse_type
from .name_forms import INSTITUTION_HEADS, contracts, core_name, in_order, is_unit_of, normalize_name
from .nlp.lexicon import (
    BRAND_AND_CODE,
    LEGAL_FORMS,
    MAJOR_CITIES,
    MODEL_KIND_AT_END,
    ORG_SUFFIXES,
    PROVINCES,
    SUBUNIT_SUFFIXES,
)

MERGEABLE = ("Organization", "Ranking", "Report", "Product")


def entity_id(coarse: str, name: str) -> str:
    digest = hashlib.sha1(f"{coarse}|{normalize_name(name)}".encode()).hexdigest()[:12]
    return f"{coarse.lower()}/{digest}"


@dataclass
class _Group:
    names: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    mentions: int = 0


@dataclass
class Resolution:
    entities: list[Entity]
    index: dict[tuple[str, str], str]  # (coarse type, normalized name) -> Entity.id

    def lookup(self, name: str, type_: str) -> str | None:
        return self.index.get((coarse_type(type_), normalize_name(name)))


def resolve(mentions_by_article: dict[str, list[Mention]], facts: list[Fact],
            short_forms: dict[tuple[str, str, str], str] | None = None) -> Resolution:
    """Group every name the build uses into entities, and point the facts at them.

    `short_forms`: `local_long_forms` of these mentions when the caller has it already (a build
    works it out per document while it waits for the others); None works it out here.
    """
    groups: dict[tuple[str, str], _Group] = defaultdict(_Group)
    local = local_long_forms(mentions_by_article) if short_forms is None else short_forms

    def full(name: str, coarse: str, article: str | None) -> str:
        """The name a short form stands for in its article (信达 -> 信达澳银基金公司 there)."""
        return local.get((article, coarse, normalize_name(name)), name)

    def add(name: str, type_: str, article: str | None, counts: bool) -> None:
        coarse = coarse_type(type_)
        if coarse in ("Article", "PatentFiling") or not name.strip():
            return
        group = groups[(coarse, normalize_name(full(name, coarse, article)))]
        group.names[name.strip()] += 1
        group.types[type_] += 1
        if article:
            group.articles.add(article)
        group.mentions += 1 if counts else 0

    for article_id, mentions in sorted(mentions_by_article.items()):
        for mention in mentions:
            add(mention.text, mention.label, article_id, True)
    for fact in facts:
        article = article_of(fact)
        add(fact.subject, fact.subject_type, article, False)
        if fact.object is not None and fact.object_type:
            add(fact.object, _type_shown(fact), article, False)

    # The build's places, and China's provinces and major cities whether or not it names them as places
    # (河南建业 is 建业 of 河南).
    places = {key for (coarse, key) in groups if coarse == "Location"}
    places |= {name + suffix for name in PROVINCES + MAJOR_CITIES for suffix in ("", "省", "市")}
    # '唐山市' also names the place '唐山' that begins 唐山惠达陶瓷(集团)股份有限公司.
    places |= {key[:-1] for key in places if len(key) >= 3 and key.endswith(("省", "市", "县"))}
    merged = _merge_short_forms(groups, places, {k: g.articles for k, g in groups.items()})
    entities, index = [], {}
    for keys in merged:
        names: Counter = Counter()
        types: Counter = Counter()
        articles: set[str] = set()
        mentions = 0
        for key in keys:
            g = groups[key]
            names.update(g.names)
            types.update(g.types)
            articles |= g.articles
            mentions += g.mentions
        name = max(names, key=lambda n: (len(normalize_name(n)), names[n], n))
        coarse = keys[0][0]
        fine = [t for t, _ in types.most_common() if t != coarse]
        entity = Entity(
            id=entity_id(coarse, name), name=name, type=fine[0] if fine else coarse,
            aliases=set(names) - {name}, mentions=mentions, articles=articles,
        )
        entities.append(entity)
        for key in keys:
            index[key] = entity.id
    resolution = Resolution(entities=sorted(entities, key=lambda e: e.id), index=index)
    for fact in facts:
        if fact.subject_type == "Article":
            fact.subject_id = article_node(fact.subject)
        else:
            subject = full(fact.subject, coarse_type(fact.subject_type), article_of(fact))
            fact.subject_id = resolution.lookup(subject, fact.subject_type)
        if fact.object is not None and fact.object_type:
            obj = full(fact.object, coarse_type(fact.object_type), article_of(fact))
            fact.object_id = resolution.lookup(obj, fact.object_type)
    return resolution


# Titles that only a firm has: an organization someone is 董事长, 总裁 or 行长 of is a Company,
# unless its name says it is a school, a hospital or a public body.
FIRM_TITLES = re.compile(r"^(?:联席|联合|执行|常务|副)*(?:董事长|董事局主席|总裁|首席执行官|CEO|总经理|行长)$")
NOT_FIRM_NAMES = re.compile(r"(?:学校|中学|小学|大学|学院|医院|协会|学会|商会|基金会|委员会|政府|局|厅|部|办|台|报|社)"
                            r"$")


def _type_shown(fact: Fact) -> str:
    """The object's type as the fact shows it: an organization with a firm's head is a Company."""
    if (fact.predicate == "holdsPositionAt" and fact.object_type == "Organization" and fact.object
            and not NOT_FIRM_NAMES.search(fact.object)
            and any(FIRM_TITLES.match(role) for role in fact.attributes.get("role") or ())):
        return "Company"
    return fact.object_type or ""


def article_of(fact: Fact) -> str | None:
    return fact.evidence.article if fact.evidence else None


# Longer names that are a unit or department of the firm, not the firm itself.
UNIT_ENDINGS = (*SUBUNIT_SUFFIXES, "分行", "支行", "营业部", "部", "频道")


def local_long_forms(mentions_by_article: dict[str, list[Mention]]) -> dict[tuple[str, str, str], str]:
    """(article, coarse type, normalized short name) -> the one longer name it stands for in that
    article. An organization's short name abbreviates or contracts it: a short name means one
    firm in one article and may mean another firm elsewhere (信达 for 信达澳银基金 here, for
    信达证券 there). A product's model code stands for the one brand + model product of the
    article that ends with it (ST500 for 三星ST500). Article by article: the result for a build
    is the union of its documents' results."""
    local = {}
    for article, mentions in mentions_by_article.items():
        models: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            if coarse_type(m.label) == "Product" and (model := BRAND_AND_CODE.fullmatch(m.text.strip())):
                models[normalize_name(model.group(2))].add(m.text.strip())
        for code, products in models.items():
            if len(products) == 1:
                local[(article, "Product", code)] = products.pop()
        local.update(_versioned_short_forms(article, mentions))
        local.update(_fund_short_forms(article, mentions))
        names = {normalize_name(m.text): m.text.strip() for m in mentions if coarse_type(m.label) == "Organization"}
        local.update({(article, "Organization", short): names[full]
                      for short, full in _units_without_parent(names).items()})
        for short in names:
            if not 2 <= len(short) <= 6:
                continue
            longer = [n for n in names if len(n) >= len(short) + 2 and not n.endswith(UNIT_ENDINGS)
                      and not is_unit_of(short, n) and (n.startswith(short) or contracts(short, n))]
            if not longer:
                continue
            top = max(longer, key=lambda n: (len(n), n))
            # One family: 信达澳银基金 and 信达澳银基金公司; 国家外汇局 and 国家外汇管理局.
            if all(top.startswith(n) or contracts(n, top) for n in longer):
                local[(article, "Organization", short)] = names[top]
    return local


def _units_without_parent(names: dict[str, str]) -> dict[str, str]:
    """'光华管理学院' for '北京大学光华管理学院', '国资委' for '国务院国资委' in one article: a unit's
    name without its parent's, when what comes before it ends like a body's name (not '国务院'
    for '美国国务院': 美国 is a place; not '国泰基金公司' for a name LAC glued a person's to).
    Keys are normalized names."""
    units = {}
    for short in names:
        if len(short) < 3 or not short.endswith(INSTITUTION_HEADS + SUBUNIT_SUFFIXES + ("系",)):
            continue
        longer = [n for n in names if n.endswith(short) and len(n) > len(short) + 1
                  and n[: -len(short)].endswith(INSTITUTION_HEADS)]
        if len(longer) == 1:
            units[short] = longer[0]
    return units


def _fund_short_forms(article: str, mentions: list[Mention]) -> dict[tuple[str, str, str], str]:
    """'中银优选基金' for '中银行业优选灵活配置混合型基金' in one article: a fund's short name keeps its
    first characters and 基金, and its other characters in order, when only one fund fits."""
    funds = {normalize_name(m.text): m.text.strip() for m in mentions
             if coarse_type(m.label) == "Product" and m.text.endswith("基金")}
    local = {}
    for short in funds:
        fits = [n for n in funds if len(n) >= len(short) + 3 and n[:2] == short[:2] and in_order(short, n)]
        if len(fits) == 1:
            local[(article, "Product", short)] = funds[fits[0]]
    return local


_TRAILING_VERSION = re.compile(r"[Vv]?\d+(?:\.\d+)*[A-Za-z]?$")


def _versioned_short_forms(article: str, mentions: list[Mention]) -> dict[tuple[str, str, str], str]:
    """'星火V3.5' stands for the product of the article with the same version whose name holds the
    rest in order (讯飞星火认知大模型V3.5); a bare model code 'X1' for the one ending in it
    (纽曼NUNU-X1). When several do, they must be one family: the longest holds the others."""
    products = {m.text.strip() for m in mentions if coarse_type(m.label) == "Product"}
    local = {}
    # 佳能IXUS120 IS: 佳能IXUS120; 日日新5.0大模型: 日日新5.0
    cores = {p: MODEL_KIND_AT_END.sub("", _MODEL_SUFFIX.sub("", p)).replace(" ", "") for p in products}
    for short in products:
        compact = short.replace(" ", "")
        version = _TRAILING_VERSION.search(compact)
        if version is None:
            continue
        if version.start() >= 2:
            longer = [p for p in products if len(p) > len(short) and cores[p].endswith(version.group(0))
                      and in_order(compact[: version.start()], cores[p][: -len(version.group(0))])]
        elif _MODEL_CODE_ONLY.fullmatch(short):
            longer = [p for p in products if len(p) > len(short) and p.endswith(short)
                      and (not p[-len(short) - 1].isascii() or p[-len(short) - 1] == "-")]
        else:
            continue
        top = max(longer, key=lambda p: (len(p), p), default=None)
        if top is not None and all(in_order(p, top) for p in longer):
            local[(article, "Product", normalize_name(short))] = top
    return local


_MODEL_SUFFIX = re.compile(r"\s?(?:IS|Pro|Max|Plus|Ultra|Mini|SE|HD)$")
_MODEL_CODE_ONLY = re.compile(r"[A-Za-z]{1,4}\d{1,5}[A-Za-z]{0,3}")


def _merge_short_forms(
    groups: dict[tuple[str, str], _Group], places: set[str], articles: dict[tuple[str, str], set[str]]
) -> list[list[tuple[str, str]]]:
    """Join each name to the longer names it is a short form of, when they are one family.

    Names are visited longest first. A name joins the longer ones whose core (the name less its
    place, legal form and industry word) is that name or its own core (宏达集团 -> 杭州宏达集团股份
    有限公司), or that it abbreviates in an article both occur in (兴业 … 兴业全球基金管理公司; 中科院
    … 中国科学院), only when all of those already form a single entity: a short name that fits two
    different entities (华夏 -> 华夏证券, 华夏基金管理公司) stays on its own rather than merging them.
    """
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(key):
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    places = frozenset(places)
    cores = {key: core_name(key[1], key[0], places) if key[0] in MERGEABLE else key[1] for key in groups}
    # Names seen so far (all longer or as long), indexed by core and by their first two characters.
    by_core: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    by_start: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    by_core_start: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # 大疆 … 深圳市大疆创新…
    by_article: dict[str, list[tuple[str, str]]] = defaultdict(list)  # organizations, by article they occur in
    for key in sorted(groups, key=lambda k: (-len(k[1]), k)):
        coarse, norm = key
        if coarse in MERGEABLE:
            core = cores[key]
            partners = {
                other for other in by_core[(coarse, core)] + by_core[(coarse, norm)]
                if len(other[1]) > len(norm) and (coarse != "Organization" or _same_place(norm, core, other[1]))
                and not (coarse == "Organization" and _another_jurisdiction(
                    norm, core, other[1], bool(articles.get(key, set()) & articles.get(other, set()))))
            }
            partners |= {
                other for other in by_start[(coarse, norm[:2])] + by_core_start[(coarse, norm[:2])]
                if len(other[1]) > len(norm) and _abbreviates(norm, other, articles, cores[other], cores[key])
            }
            if coarse == "Organization" and 2 <= len(norm) <= 8:
                partners |= {
                    other for article in sorted(articles.get(key, ())) for other in by_article[article]
                    if len(other[1]) > len(norm) and contracts(norm, other[1])
                }
            roots = {find(other) for other in partners}
            if len(roots) == 1:
                parent[key] = roots.pop()
        by_core[(coarse, cores[key])].append(key)
        by_start[(coarse, norm[:2])].append(key)
        if cores[key][:2] != norm[:2]:
            by_core_start[(coarse, cores[key][:2])].append(key)
        if coarse == "Organization":
            for article in articles.get(key, ()):
                by_article[article].append(key)
    clusters: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key in sorted(groups):
        clusters[find(key)].append(key)
    return [clusters[root] for root in sorted(clusters)]


def _same_place(short: str, core: str, longer: str) -> bool:
    """阳山县国土局 is not 河南温县国土局: a short name's own place must be in the longer name."""
    place = short[: short.find(core)] if core and core in short else ""
    return not place or place in longer


# The country Chinese news takes for granted: 证监会 is 中国证监会, 统计局 is no 澳洲统计局.
HOME_COUNTRY = ("中国", "中华人民共和国", "我国", "国家", "全国")
_JURISDICTION_HEADS = (*(suffix for suffix, fine in ORG_SUFFIXES if fine == "GovernmentAgency"), "院")


def _another_jurisdiction(short: str, core: str, longer: str, same_article: bool) -> bool:
    """A public body's place is its jurisdiction. A bare name (统计局, 国务院) is the longer one
    with a place (杭州市统计局) only where both are used in one article, and never one of another
    country (美国国务院: a place ending in 国 other than the home country)."""
    if short != core or not core.endswith(_JURISDICTION_HEADS) or core not in longer:
        return False
    place = longer[: longer.find(core)]
    if not place or place in HOME_COUNTRY:
        return False
    return not same_article or place.endswith("国")


def _abbreviates(short: str, longer: tuple[str, str], articles: dict[tuple[str, str], set[str]],
                 core: str = "", short_core: str = "") -> bool:
    """A short organization name that begins a longer one, or the longer one's core (大疆 for
    深圳市大疆创新科技有限公司; 惠达公司, whose core is 惠达, for 唐山惠达陶瓷(集团)股份有限公司), used in
    the same article, refers to it."""
    coarse, norm = longer
    if norm.endswith((*SUBUNIT_SUFFIXES, "频道")) or is_unit_of(short, norm):  # 某证券 and 某证券研究所 are two
        return False
    registered = norm.endswith(LEGAL_FORMS) or norm.endswith("集团")  # a firm, not an event's bureau (世博局)
    by_core = short.endswith(LEGAL_FORMS) and len(short_core) >= 2 and core.startswith(short_core)  # 惠达公司
    begins = norm.startswith(short) or (
        registered and core not in (norm, short) and (core.startswith(short) or by_core))
    return coarse == "Organization" and len(short) >= 2 and begins and bool(
        articles.get((coarse, short), set()) & articles.get(longer, set())
    )
