"""An on-disk pyoxigraph store per RDF export, built once and reused while the export is unchanged.

`kg query` would otherwise re-parse the whole build on every call. The store lives beside the
export in `<dir>/.store/<file>-<key>`, the key hashing the file's name, size, mtime and inode, so
a rebuild (atomic rename: new inode and mtime) gets a fresh store. A store is loaded into a
temporary directory and renamed into place, so a concurrent `kg query` sees a complete store or
none; readers open it read-only, which RocksDB allows from many processes at once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

STORE_DIR = ".store"
_VERSION = "1"  # bump when the loading changes, so old stores are not reused
_STALE_TMP_SECONDS = 3600


def rdf_format(ox, path: Path):
    """pyoxigraph's format for an export file, by suffix."""
    formats = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".trig": ox.RdfFormat.TRIG,
               ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD}
    return formats[path.suffix.lower()]


def store_key(path: Path) -> str:
    """Changes whenever the file is rewritten (size, mtime in ns, inode): cheap, no hashing of data."""
    st = path.stat()
    text = "\x1f".join((_VERSION, path.name, str(st.st_size), str(st.st_mtime_ns), str(st.st_ino)))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def store_path(path: Path) -> Path:
    """Where the store of `path` lives (whether or not it exists yet)."""
    return path.parent / STORE_DIR / f"{path.name}-{store_key(path)}"


def memory_store(ox, path: Path):
    """A throw-away in-memory store of `path` (when the export's folder is not writable)."""
    store = ox.Store()
    store.load(path=str(path), format=rdf_format(ox, path))
    return store


def open_store(ox, path: Path):
    """A read-only on-disk store holding `path`, built on first use; in memory if it cannot be."""
    target = store_path(path)
    if not target.is_dir():
        try:
            _build(ox, path, target)
        except OSError:  # read-only folder, disk full: still answer, from memory
            if not target.is_dir():
                return memory_store(ox, path)
    try:
        return ox.Store.read_only(str(target))
    except OSError:  # a damaged or foreign store: answer from memory rather than fail
        return memory_store(ox, path)


def _build(ox, path: Path, target: Path) -> None:
    """Load into a temporary store, flush, close, then rename into place; drop stale stores."""
    root = target.parent
    root.mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="tmp-", dir=root))
    try:
        store = ox.Store(str(tmp / "db"))
        store.bulk_load(path=str(path), format=rdf_format(ox, path))
        store.flush()
        del store  # closes RocksDB before the rename
        try:
            os.rename(tmp / "db", target)
        except OSError:
            if not target.is_dir():
                raise  # a real failure, not a concurrent build that finished first
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _drop_stale(root, path.name, keep=target.name)


def _drop_stale(root: Path, file_name: str, keep: str) -> None:
    """Remove stores of older versions of the same file and abandoned temporary dirs."""
    now = time.time()
    for entry in root.iterdir():
        try:
            old_store = entry.name.startswith(f"{file_name}-") and entry.name != keep
            old_tmp = entry.name.startswith("tmp-") and now - entry.stat().st_mtime > _STALE_TMP_SECONDS
        except OSError:  # removed meanwhile by another process
            continue
        if old_store or old_tmp:
            shutil.rmtree(entry, ignore_errors=True)
