"""Deterministic Turtle and TriG, written directly instead of through rdflib's serialisers.

rdflib's writers cost seconds on a corpus build (most of an incremental rebuild) and its TriG
writer orders graphs at random. This one sorts everything (subjects by IRI, rdf:type and
rdfs:label first then predicates by IRI, objects by their text), so the bytes depend only on
the set of triples, and it keeps rdflib's layout so the files stay readable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

Triple = tuple[URIRef, URIRef, URIRef | Literal]

# Turtle's short forms, only where they read back as exactly the same lexical form.
_BARE = {
    str(XSD.integer): re.compile(r"(?:0|-?[1-9][0-9]*)\Z"),
    str(XSD.decimal): re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+\Z"),
    str(XSD.boolean): re.compile(r"(?:true|false)\Z"),
}
# A conservative PN_LOCAL: ASCII letters, digits, "_", "-" and inner "."; anything else gets <...>.
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?\Z")
_LANG = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*\Z")


def _escapes(specials: str) -> dict[int, str]:
    table = {c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F, 0x85, 0x2028, 0x2029]}
    table.update({ord(c): f"\\u{ord(c):04X}" for c in specials})
    return table


# Strings: the named escapes where Turtle has them, \uXXXX for other control characters
# (and U+2028/9, which line-based tools treat as line breaks); other non-ASCII stays UTF-8.
_STRING = {**_escapes(""), ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r",
           ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f"}
# IRIREF cannot hold these raw: written as \uXXXX, the IRI is kept intact (if invalid, the parser says so).
_IRI = _escapes(' <>"{}|^`\\')
# rdf:type ("a") and rdfs:label come first in a subject's block, as in rdflib's Turtle.
_FIRST = {str(RDF.type): "\x00", str(RDFS.label): "\x01"}
_PREDICATE = {key: iri for iri, key in _FIRST.items()}


class Terms:
    """Formats terms, remembering which prefixes were used so only those are declared."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.namespaces = {ns: prefix for prefix, ns in prefixes.items()}
        self.used: set[str] = set()
        self._iris: dict[str, str] = {str(RDF.type): "a"}  # plain str keys: rdflib's __eq__ is slow

    def iri(self, value: str) -> str:
        text = self._iris.get(value)
        if text is None:
            text = self._iris[value] = self._format_iri(value)
        return text

    def _format_iri(self, value: str) -> str:
        cut = max(value.rfind("#"), value.rfind("/")) + 1
        prefix = self.namespaces.get(value[:cut])
        if prefix is not None and _LOCAL.match(value, cut):
            self.used.add(prefix)
            return f"{prefix}:{value[cut:]}"
        return self.ref(value)

    @staticmethod
    def ref(value: str) -> str:
        return "<" + value.translate(_IRI) + ">"

    def term(self, term: URIRef | Literal) -> str:
        if type(term) is URIRef:
            return self.iri(str(term))
        if isinstance(term, Literal):
            return self.literal(term)
        if isinstance(term, BNode):
            raise ValueError("blank nodes are not written: every node has an IRI")
        return self.iri(str(term))

    def literal(self, literal: Literal) -> str:
        lexical = str(literal).translate(_STRING)
        language = literal.language
        if language:
            if not _LANG.match(language):
                raise ValueError(f"invalid language tag {language!r}")
            return f'"{lexical}"@{language}'
        datatype = literal.datatype
        if datatype is None:
            return f'"{lexical}"'
        bare = _BARE.get(str(datatype))
        if bare is not None and bare.match(lexical):
            return lexical
        return f'"{lexical}"^^{self.iri(str(datatype))}'

    def header(self, prefixes: Mapping[str, str]) -> str:
        lines = [f"@prefix {p}: {self.ref(prefixes[p])} ." for p in sorted(self.used)]
        return "\n".join(lines) + "\n\n" if lines else ""


def _blocks(terms: Terms, triples: Iterable[Triple]) -> list[str]:
    """One block per subject, sorted, in rdflib's layout ("s p o1,\\n        o2 ;\\n    p2 o3 .").

    The triples become tuples of plain strings and are sorted once: rdflib terms compare in Python.
    """
    term = terms.term
    rows = sorted({(str(s), _FIRST.get(str(p)) or str(p), term(o)) for s, p, o in triples})
    blocks: list[str] = []
    parts: list[str] = []
    subject = predicate = None
    for s, p, o in rows:
        if s != subject:
            if parts:
                parts.append(" .\n")
                blocks.append("".join(parts))
            parts = [terms.iri(s), " ", terms.iri(_PREDICATE.get(p, p)), " ", o]
            subject, predicate = s, p
        elif p != predicate:
            parts += (" ;\n    ", terms.iri(_PREDICATE.get(p, p)), " ", o)
            predicate = p
        else:
            parts += (",\n        ", o)
    if parts:
        parts.append(" .\n")
        blocks.append("".join(parts))
    return blocks


def turtle(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> str:
    """Turtle of `triples`, declaring only the `prefixes` (name -> namespace) it uses."""
    terms = Terms(prefixes)
    body = "\n".join(_blocks(terms, triples))
    return terms.header(prefixes) + body


def trig(default: Iterable[Triple], named: Mapping[str, Iterable[Triple]], prefixes: Mapping[str, str]) -> str:
    """TriG: the default graph, then each non-empty named graph (keyed by IRI) in IRI order."""
    return turtle_and_trig(default, named, prefixes)[1]


def turtle_and_trig(default: Iterable[Triple], named: Mapping[str, Iterable[Triple]], prefixes: Mapping[str, str],
                    named_text: Callable[[], str] | None = None) -> tuple[str, str]:
    """(`turtle(default)`, `trig(default, named)`), formatting the default graph once: it is both
    the Turtle file's body and the TriG file's first graph. Every named triple is a default one
    (a build's default graph holds every triple), so the Turtle header serves TriG.

    `named_text`: gives `trig_named_graphs(named, prefixes)` made elsewhere (by another process,
    while this one formats the default graph); None formats them here.
    """
    terms = Terms(prefixes)
    blocks = _blocks(terms, default)
    header = terms.header(prefixes)
    graphs = named_text() if named_text is not None else _named_graphs(terms, named)
    first = "{\n" + "\n".join(blocks) + "}\n" if blocks else ""
    return header + "\n".join(blocks), header + "\n".join(part for part in (first, graphs) if part)


def trig_named_graphs(named: Mapping[str, Iterable[Triple]], prefixes: Mapping[str, str]) -> str:
    """The named graphs of a TriG file (what follows its default graph)."""
    return _named_graphs(Terms(prefixes), named)


def _named_graphs(terms: Terms, named: Mapping[str, Iterable[Triple]]) -> str:
    parts = []
    for name, triples in sorted(named.items(), key=lambda item: str(item[0])):
        blocks = _blocks(terms, triples)
        if blocks:
            parts.append(f"{terms.ref(name)} {{\n" + "\n".join(blocks) + "}\n")
    return "\n".join(parts)
