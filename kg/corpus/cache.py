"""Per-document build cache: a rebuild re-processes only documents whose bytes changed.

Each entry is one pickle named by a hash of everything its result depends on: the
document's bytes and name, how it is read (layout, fields), the segmenter, the pipeline
and package versions, and a fingerprint of the code that makes a result. Entries are
written atomically as documents finish, so an interrupted build leaves only whole
entries and the next build resumes from them. A removed document's entry just goes
unused: the graph is assembled from the current inputs only. An unreadable entry
(truncated by a full disk, older format) is a miss.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..io import atomic_write
from ..nlp import PIPELINE_VERSION
from .sources import Options, Source

CACHE_FORMAT = 1
# The code a DocumentResult depends on: an edit here while PIPELINE_VERSION stays put must
# not serve stale results (it happens all the time in a development checkout).
_PACKAGE = Path(__file__).resolve().parent.parent
_CODE = ("nlp", "extract", "ingest", "data", "model.py", "process.py", "corpus/sources.py", "corpus/html.py")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the source files that shape a document's result."""
    digest = hashlib.sha256()
    for name in _CODE:
        path = _PACKAGE / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".pyc" or not file.exists():
                continue
            digest.update(file.relative_to(_PACKAGE).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def cache_key(source: Source, options: Options, segmenter: str) -> str:
    """The hex digest naming `source`'s entry; any change to what its result depends on changes it."""
    digest = hashlib.sha256()
    fields = (f"kg-cache/{CACHE_FORMAT}", __version__, PIPELINE_VERSION, code_fingerprint(), segmenter,
              source.layout, source.document)
    if source.layout == "jsonl":
        fields += (options.text_field, options.title_field, options.id_field or "")
    for field in fields:
        digest.update(field.encode("utf-8") + b"\0")
    digest.update(source.data)
    return digest.hexdigest()


class Cache:
    """A folder of entries `<key[:2]>/<key>.pkl`, each holding one document's outcome."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pkl"

    def has(self, key: str) -> bool:
        """Whether an entry exists (it may still prove unreadable: `get` says)."""
        return self._path(key).is_file()

    def get(self, key: str) -> object | None:
        """The stored outcome (a DocumentResult or a failure), None when absent or unreadable."""
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        try:
            version, outcome = pickle.loads(data)
        except Exception:  # a torn or foreign file: rebuild the document, never fail the build
            return None
        return outcome if version == CACHE_FORMAT else None

    def put(self, key: str, outcome: object) -> None:
        """Store `outcome` under `key`, atomically (a reader sees the old entry or the new one)."""
        atomic_write(self._path(key), pickle.dumps((CACHE_FORMAT, outcome), protocol=pickle.HIGHEST_PROTOCOL))
