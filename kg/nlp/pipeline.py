"""The spaCy `zh` pipeline: a LAC-backed tokenizer, then kg's own entity components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# PIPELINE_VERSION is re-exported; the modules register the components.
from . import (  # noqa: F401
    PIPELINE_VERSION,
    components,
    consistency,
    generic,
    lac_tokenizer,
    listings,
    lists,
    names,
    org_heads,
    org_names,
    products,
    refine,
    released,
    works,
)

COMPONENTS = (
    "kg_sentences",
    "kg_split_counts",
    "kg_split_glued_names",
    "kg_person_names",
    "kg_org_heads",
    "kg_titles",
    "kg_rankings",
    "kg_org_names",
    "kg_short_firm_names",
    "kg_latin_names",
    "kg_model_names",
    "kg_released_names",
    "kg_brand_models",
    "kg_funds_and_quoted_products",
    "kg_fund_products",
    "kg_drug_names",
    "kg_fund_companies",
    "kg_fund_lists",
    "kg_listing_dealers",
    "kg_locations",
    "kg_coordination",
    "kg_generic_orgs",
    "kg_filter",
    "kg_repeated_names",
)


def build_nlp(
    segmenter: str = "lac",
    pkuseg_model: str | None = None,
    trained_ner: bool = False,
    pkuseg_user_dict: str | None = None,
) -> Language:
    """A fresh pipeline. `segmenter` is "lac" (default: words, tags and base entities from LAC)
    or "pkuseg" (spaCy's zh tokenizer with a local spacy-pkuseg model: words only, so the rule
    components alone find entities)."""
    if segmenter == "lac":
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "kg.LacTokenizer.v1"}}})
    elif segmenter == "pkuseg":
        if not pkuseg_model:
            raise ValueError("segmenter 'pkuseg' needs a local model directory (pkuseg_model)")
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
        # A model trained locally with spacy_pkuseg.train (its own models are downloads), and an
        # optional user dictionary (one word per line) of names to keep whole.
        nlp.tokenizer.initialize(pkuseg_model=pkuseg_model, pkuseg_user_dict=pkuseg_user_dict or "default")
    else:
        raise ValueError(f"unknown segmenter {segmenter!r}: use 'lac' or 'pkuseg'")
    for name in COMPONENTS:
        if name == "kg_filter" and trained_ner:
            nlp.add_pipe("kg_trained_ner")
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def get_nlp(pipeline: str = "lac") -> Language:
    """The shared pipeline of this process, by name: "lac", or "lac+ner" to add the CLUENER-trained
    character NER (kg/data/ner-cluener) as a further source of names."""
    segmenter, _, extra = pipeline.partition("+")
    if extra not in ("", "ner"):
        raise ValueError(f"unknown pipeline {pipeline!r}: use 'lac' or 'lac+ner'")
    return build_nlp(segmenter, trained_ner=extra == "ner")
