"""Bytes to text: UTF-8 first, then an encoding charset-normalizer is sure of, else a clear error."""
from __future__ import annotations

from pathlib import Path

from claims.errors import InputError

# Legacy encodings newsrooms still meet; a guess outside these is not trusted.
TRUSTED_LEGACY = {"gb18030", "gbk", "gb2312", "big5", "cp1251", "koi8_r", "cp1256", "iso8859_6", "utf_16", "utf_16_le", "utf_16_be"}
MAX_BYTES = 64 * 1024 * 1024


def read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError("E105", path, f"file is {size // 2**20} MiB; the limit is {MAX_BYTES // 2**20} MiB")
        data = path.read_bytes()
    except PermissionError:
        raise InputError("E102", path, "permission denied") from None
    except IsADirectoryError:
        raise InputError("E101", path, "is a directory, not a file") from None
    except FileNotFoundError:
        raise InputError("E101", path, "no such file") from None
    except OSError as exc:
        raise InputError("E102", path, f"cannot read: {exc.strerror or exc}") from None
    return decode_bytes(data, path)


def decode_bytes(data: bytes, path: object = "<bytes>") -> str:
    if not data.strip():
        raise InputError("E103", path, "file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("E104", path, "binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data, path)
    if not text.strip():
        raise InputError("E103", path, "file has no text")
    control = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > 0.05 * min(len(text), 4096):
        raise InputError("E104", path, "binary file, not text")
    return text


def _decode_legacy(data: bytes, path: object) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=sorted(TRUSTED_LEGACY)).best()
    if best is None or best.encoding not in TRUSTED_LEGACY or best.chaos > 0.05:
        raise InputError("E106", path, "not UTF-8 and the encoding cannot be detected reliably; convert it to UTF-8")
    return str(best)
