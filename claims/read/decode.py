"""Bytes to text: UTF-8 first, then an encoding charset-normalizer is sure of, else a clear error.

The text keeps every offset of the file's characters: control characters (NUL, terminal escape
sequences) and invisible zero-width characters are read as one space each, and line breaks that
are not LF (a lone CR, U+2028, ...) as one LF, so that no report carries them, words they split
are read whole, and every span still points at the same character. Bidi embeddings, overrides and
isolates (U+202A-U+202E, U+2066-U+2069) stay: the reports show them as U+XXXX.
"""
from __future__ import annotations

import re
from pathlib import Path

from claims.errors import InputError, unreadable

# Legacy encodings newsrooms still meet; a guess outside these is not trusted.
TRUSTED_LEGACY = {"gb18030", "gbk", "gb2312", "big5", "cp1251", "koi8_r", "cp1256", "iso8859_6", "utf_16", "utf_16_le", "utf_16_be"}
# No news article comes near this; a larger file is refused (E105) rather than read for minutes
# into gigabytes of memory (README, "What claimcheck promises on bad input").
MAX_BYTES = 8 * 1024 * 1024

# C0 and C1 controls but tab and line ends, DEL, and the zero-width characters that only steer
# display: zero-width space, LRM, RLM, ALM, word joiner, a BOM inside the text. Each is read as a
# space.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\u200e\u200f\u061c\u2060\ufeff]")
# Zero-width (non-)joiners join two letters (Persian, Indic scripts); beside anything else they
# join nothing and break the words they touch.
_LOOSE_JOINER = re.compile(r"(?<!\w)[\u200c\u200d]|[\u200c\u200d](?!\w)")
# Line breaks other than LF: a lone CR (old Mac files), VT, FF, NEL, U+2028, U+2029.
_OTHER_BREAK = re.compile("\r(?!\n)|[\x0b\x0c\x85\u2028\u2029]")


def read_text(path: Path) -> str:
    return read_text_noted(path)[0]


def read_text_noted(path: Path) -> tuple[str, list[str]]:
    """The file's text, and notes on what reading it changed (for Document.notes)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError("E105", path, f"file is {size / 2**20:.0f} MiB; the limit is {MAX_BYTES // 2**20} MiB "
                                           "(split it, or check it is an article)")
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)  # never more, whatever the file says its size is
    except IsADirectoryError:
        raise InputError("E101", path, "is a directory, not a file") from None
    except FileNotFoundError:
        raise InputError("E101", path, "no such file") from None
    except OSError as exc:  # permission denied, or the system cannot read it
        raise unreadable(path, exc) from None
    if len(data) > MAX_BYTES:  # grew since stat, or a file whose size the system does not know (/proc)
        raise InputError("E105", path, f"file is over the limit of {MAX_BYTES // 2**20} MiB")
    return decode_noted(data, path)


def decode_bytes(data: bytes, path: object = "<bytes>") -> str:
    return decode_noted(data, path)[0]


def decode_noted(data: bytes, path: object = "<bytes>") -> tuple[str, list[str]]:
    notes: list[str] = []
    if not data.strip():
        raise InputError("E103", path, "file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("E104", path, "binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            # Cut short in the middle of a character (a truncated download, a full disk).
            text = data[:exc.start].decode("utf-8")
            notes.append("the file ends in the middle of a character (cut short?); that last character was left out")
        else:
            text = _decode_legacy(data, path, exc)
    if not text.strip():
        raise InputError("E103", path, "file has no text")
    control = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > 0.05 * min(len(text), 4096):
        raise InputError("E104", path, "binary file, not text")
    return _neutralized(text, notes)


def _neutralized(text: str, notes: list[str]) -> tuple[str, list[str]]:
    hidden = len(_INVISIBLE.findall(text)) + len(_LOOSE_JOINER.findall(text))
    if hidden:
        text = _LOOSE_JOINER.sub(" ", _INVISIBLE.sub(" ", text))
        notes.append(f"{hidden} control or invisible character{'s' if hidden != 1 else ''} "
                     "(NUL, terminal escapes, zero-width spaces, ...) read as spaces")
    breaks = len(_OTHER_BREAK.findall(text))
    if breaks:
        text = _OTHER_BREAK.sub("\n", text)
        notes.append(f"{breaks} line break{'s' if breaks != 1 else ''} other than LF (a lone CR, U+2028, ...) "
                     "read as LF")
    return text, notes


def _decode_legacy(data: bytes, path: object, error: UnicodeDecodeError) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=sorted(TRUSTED_LEGACY)).best()
    if best is None or best.encoding not in TRUSTED_LEGACY or best.chaos > 0.05:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError("E106", path, f"not UTF-8 (line {line} has a byte UTF-8 does not allow) and the encoding "
                                       "cannot be detected reliably; convert it to UTF-8")
    return str(best)
