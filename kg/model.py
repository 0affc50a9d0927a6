"""The typed core every stage shares: Article, Mention, Entity, Evidence, Fact.

Data flows one way: ingest makes Articles, nlp finds Mentions in them, extract turns
mentions into Facts, resolve groups mentions into Entities, graph puts both into one
NetworkX graph that every export is written from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Coarse types of the annotation guide, and the fine types each may refine to.
COARSE_TYPES = ("Person", "Organization", "Product", "Ranking", "Report", "Location", "Article")
FINE_TYPES = {
    "Company": "Organization",
    "ResearchInstitute": "Organization",
    "GovernmentAgency": "Organization",
    "Association": "Organization",
    "MediaOutlet": "Organization",
    "AIModel": "Product",
    "Vehicle": "Product",
}
# The filing record filesPatents points to: a node of the graph, not an entity of the guide.
PATENT_FILING = "PatentFiling"

PREDICATES = (
    "commentsOn",
    "holdsPositionAt",
    "ranksIn",
    "filesPatents",
    "releases",
    "publishes",
    "locatedIn",
    "incubatedBy",
    "partOf",
    "disagreesWith",
    "author",
    "publisher",
    "datePublished",
)


# The guide's attributes: on a relation, and on the filing record filesPatents points to.
EDGE_ATTRIBUTES = ("role", "quote", "stance", "tier", "rank", "date")
FILING_ATTRIBUTES = ("count", "year", "growthRate", "scope")

# What each predicate may connect (coarse types), as the guide defines it; None: any entity.
SIGNATURES: dict[str, tuple[tuple[str, ...], tuple[str, ...] | None]] = {
    "commentsOn": (("Person", "Organization"), None),
    "holdsPositionAt": (("Person",), ("Organization",)),
    "ranksIn": (("Organization",), ("Ranking",)),
    "filesPatents": (("Organization",), (PATENT_FILING,)),
    "releases": (("Organization",), ("Product",)),
    "publishes": (("Organization",), ("Report", "Ranking")),
    "locatedIn": (("Organization",), ("Location",)),
    "incubatedBy": (("Organization",), ("Organization",)),
    "partOf": (("Organization",), ("Organization",)),
    "disagreesWith": (("Person",), ("Person",)),
    "author": (("Article",), ("Person",)),
    "publisher": (("Article",), ("Organization",)),
}


def coarse_type(type_: str) -> str:
    """The guide's coarse type of a (possibly fine) type name."""
    return FINE_TYPES.get(type_, type_)


@dataclass(frozen=True)
class Article:
    """One news article of a source document, after ingest.

    `text` is the article body (title excluded), paragraphs joined by "\\n"; every
    character offset in the project is an offset into this string.
    """

    id: str  # ASCII, unique in a build: "<document stem>-<n>"
    document: str  # source file name, as given on the command line (basename)
    title: str
    text: str
    authors: tuple[str, ...] = ()
    publisher: str | None = None  # e.g. 人民日报, from a source line 《人民日报》2023.5.8
    date: str | None = None  # ISO date stated for this article (datePublished)
    context_date: str | None = None  # date to resolve 2月16日 against: own date, else the page's
    kind: str = "article"  # "article", or "caption": a photo caption, read for facts, not an Article


@dataclass(frozen=True)
class Mention:
    """A span of an article's text that names an entity."""

    text: str
    label: str  # a type of the guide: Person, Company, Organization, Product, ...
    start: int  # character offsets into Article.text
    end: int
    source: str = ""  # the component that found it, e.g. "lac", "org_suffix"


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the article, the sentence and the fact's character span."""

    article: str  # Article.id
    sentence: str
    start: int  # offsets of the sentence in Article.text
    end: int


@dataclass
class Fact:
    """One relation between two named things, with its attributes and evidence.

    Subject and object are names as the text writes them (resolve maps them to entities);
    their types travel with them so that resolution never merges a Person with a Company.
    For filesPatents the object is None: the filing record is built from `attributes`.
    """

    subject: str
    subject_type: str
    predicate: str
    object: str | None
    object_type: str | None
    attributes: dict[str, object] = field(default_factory=dict)
    evidence: Evidence | None = None
    confidence: float = 1.0
    extractor: str = ""
    subject_id: str | None = None  # Entity.id, filled in by resolve
    object_id: str | None = None


@dataclass
class Entity:
    """One real-world thing across a build: its fullest name, type, aliases and mentions."""

    id: str  # ASCII, deterministic: the same entity gets the same id in every build
    name: str
    type: str  # fine type when known (Company), else coarse (Organization)
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    articles: set[str] = field(default_factory=set)  # Article.id values

    @property
    def coarse_type(self) -> str:
        return coarse_type(self.type)
