"""Find the input files of a build and decode them to text, refusing what is not text.

A bad input never stops a build: it becomes an InputError the caller reports, and the
run goes on with the other files.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md")
# Share of decoded characters that may be control characters before a file counts as binary.
MAX_CONTROL_SHARE = 0.05
# Share of non-ASCII characters that must be CJK (or CJK punctuation) for a GB18030 guess to stand.
MIN_CJK_SHARE = 0.6


class InputError(Exception):
    """An input path that cannot be used, and why; str() is "PATH: reason"."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def iter_input_files(
    inputs: list[str | Path], suffixes: tuple[str, ...] = TEXT_SUFFIXES
) -> tuple[list[Path], list[InputError]]:
    """The text files named by `inputs` (folders expanded recursively), and the inputs that failed.

    Order is the order of `inputs`, each folder's files sorted by relative path, so a
    build is deterministic; a file reached twice is kept once. Folders yield the files
    ending in one of `suffixes` (a corpus build also takes .html, .jsonl, .tsv).
    """
    files: list[Path] = []
    errors: list[InputError] = []
    seen: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = _text_files_under(path, suffixes)
            if not found:
                errors.append(InputError(path, f"folder holds no {' or '.join(suffixes)} files"))
        elif path.is_file():
            found = [path]
        elif path.exists():
            errors.append(InputError(path, "not a regular file or folder"))
            continue
        else:
            errors.append(InputError(path, "no such file or folder"))
            continue
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, errors


def _text_files_under(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Every file below `folder` ending in one of `suffixes`, hidden files and folders skipped, sorted."""
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in suffixes:
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def read_text(path: str | Path) -> str:
    """The text of `path`: UTF-8 (BOM or not), UTF-16 with a BOM, or GB18030, newlines as \\n.

    Raises InputError for a binary, undecodable, empty or whitespace-only file.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    return decode_text(path, data)


def decode_text(path: str | Path, data: bytes) -> str:
    """`data` (the bytes of `path`, or of one record of it) as text, checked like read_text."""
    path = Path(path)
    text = _decode(path, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\ufeff", "")
    if not text.strip():
        raise InputError(path, "empty file (no text)")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError(path, "binary file (mostly control characters)")
    return text


def _decode(path: Path, data: bytes) -> str:
    """Decode by BOM, then strict UTF-8, then strict GB18030 when the result reads as Chinese."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "not UTF-8 or GB18030 text (broken UTF-16)") from None
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 or GB18030 text") from None
    if not _looks_like_cjk(text):
        raise InputError(path, "not UTF-8 or GB18030 text (decodes as GB18030 but is not Chinese)")
    return text


def _looks_like_cjk(text: str) -> bool:
    """True when most non-ASCII characters are CJK ideographs or CJK/full-width punctuation."""
    wide = [ch for ch in text if ord(ch) > 127 and not ch.isspace()]
    if not wide:
        return False
    cjk = sum(1 for ch in wide if _is_cjk(ch))
    return cjk / len(wide) >= MIN_CJK_SHARE


def _is_cjk(ch: str) -> bool:
    """Han ideographs, CJK symbols and punctuation, full-width forms."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x2FFFF
        or ch in "“”‘’…—·"
    )


def _control_share(text: str) -> float:
    """Share of characters that are control characters other than tab, newline and form feed."""
    controls = sum(1 for ch in text if ch not in "\t\n\f" and unicodedata.category(ch) == "Cc")
    return controls / len(text)
