"""exports/ holds the build of seeds/: this fails when a change to the code makes it out of date.

Regenerate with: kg build seeds --out exports
"""

import pytest
from conftest import ROOT

from kg.cli import DEFAULT_FORMATS, main

EXPORTED = {"ttl": "graph.ttl", "trig": "graph.trig", "html": "graph.html"}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("fresh-exports")
    assert main(["build", str(ROOT / "seeds"), "--out", str(out), "-q", "--no-cache", "--jobs", "1"]) == 0
    return out


@pytest.mark.parametrize("fmt", DEFAULT_FORMATS)
def test_committed_export_is_up_to_date(fresh, fmt):
    committed = ROOT / "exports" / EXPORTED[fmt]
    assert committed.exists(), f"{committed} is missing: run `kg build seeds --out exports`"
    assert committed.read_bytes() == (fresh / EXPORTED[fmt]).read_bytes(), (
        f"{committed} is out of date: run `kg build seeds --out exports` and commit it"
    )
