"""The build API: inputs to one graph, errors collected, progress and options."""

from __future__ import annotations

import argparse
import io

import pytest
from conftest import ROOT

from kg.build import BuildResult, build, process_document
from kg.cli import _size
from kg.corpus.progress import Progress

SEED = ROOT / "seeds" / "000_99323ac3ecb2cff0.txt"


def test_build_collects_missing_inputs_and_builds_the_rest(tmp_path):
    result = build([tmp_path / "missing.txt", SEED])
    assert isinstance(result, BuildResult)
    assert [str(e.path) for e in result.errors] == [str(tmp_path / "missing.txt")]
    assert [d.document for d in result.documents] == [SEED.name]
    assert (result.processed, result.cached) == (1, 0)
    assert set(result.timings) >= {"read", "process", "assemble"}
    assert result.graph.number_of_nodes() > 0


def test_process_document_equals_the_corpus_path(tmp_path):
    single = process_document(SEED)
    [built] = build([SEED]).documents
    assert (single.document, single.articles, single.mentions) == (built.document, built.articles, built.mentions)
    # resolve() fills in entity ids on the build's facts; everything else is the same.
    for fact in built.facts:
        fact.subject_id = fact.object_id = None
    assert single.facts == built.facts


def test_progress_bar_draws_rate_and_eta_only_when_enabled():
    stream = io.StringIO()
    bar = Progress(4, stream=stream, enabled=True, interval=0)
    bar.advance(cached=True)
    bar.advance()
    bar.advance(failed=True)
    assert "3/4 docs" in stream.getvalue() and "ETA" in stream.getvalue() and "1 cached, 1 failed" in bar.line()
    bar.close()
    assert stream.getvalue().endswith("\n")
    quiet = io.StringIO()
    silent = Progress(2, stream=quiet)  # StringIO is no terminal: nothing is drawn
    silent.advance()
    silent.close()
    assert quiet.getvalue() == ""


@pytest.mark.parametrize(("text", "size"), [("5M", 5_000_000), ("500k", 500_000), ("1G", 10**9), ("123", 123),
                                            ("2.5MB", 2_500_000)])
def test_max_bytes_sizes(text, size):
    assert _size(text) == size


@pytest.mark.parametrize("text", ["", "M", "five", "0"])
def test_bad_sizes_are_refused(text):
    with pytest.raises(argparse.ArgumentTypeError):
        _size(text)
