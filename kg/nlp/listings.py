"""Dealers named in a shop listing: '[商家名称] 某某摄影器材', '商家“某某数码”'.

Price notes on electronics portals end with a listing of the dealer (name, telephone, address);
the dealer is a firm whatever words its name is made of, which LAC rarely tags as one.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .components import merge_ents

# '[商家名称] 上海某某摄影器材[联系方式] …', '商家“上海某某摄影器材”该机…'
DEALER_NAME_FIELD = re.compile(r"[\[【]\s*(?:商家|经销商)名称\s*[\]】]\s*")
DEALER_FIELD = re.compile(DEALER_NAME_FIELD.pattern + r"(?P<name>[^\[\]【】\n，。]{2,30}?)\s*(?=[\[【\n]|$)")
QUOTED_DEALER = re.compile(r"(?:商家|经销商)[“\"](?P<name>[^”\"\n，。]{2,20})[”\"]")


@Language.component("kg_listing_dealers")
def listing_dealers(doc: Doc) -> Doc:
    """A name in a listing's dealer field, or quoted right after 商家, is a Company."""
    text = doc.text
    if "商家" not in text and "经销商" not in text:
        return doc
    spans = []
    for pattern in (DEALER_FIELD, QUOTED_DEALER):
        for match in pattern.finditer(text):
            span = doc.char_span(match.start("name"), match.end("name"), label="Company", alignment_mode="expand")
            if span is not None and span.start_char == match.start("name") and span.end_char == match.end("name"):
                spans.append(span)
    if spans:
        merge_ents(doc, spans)
    return doc
