"""Atomic writes: whole files only, readable like any other file."""

import os
import stat

import pytest

from kg.io import atomic_write


def test_writes_replace_whole_files_with_normal_permissions(tmp_path):
    path = tmp_path / "sub" / "out.txt"
    atomic_write(path, "一")
    atomic_write(path, b"two")
    assert path.read_bytes() == b"two"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in path.parent.iterdir()] == ["out.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "out.txt"
    atomic_write(path, "old")

    with pytest.raises(TypeError):
        atomic_write(path, 12345)  # not text or bytes: fails while writing
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
