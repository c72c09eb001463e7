"""Turn one file into a Document: .txt, .md with YAML front matter, .html through trafilatura."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from claims.errors import InputError
from claims.model import Document
from claims.read.decode import read_text

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def parse_date(value: Any, path: Path, field: str = "published") -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError("E202", path, f"{field}: {value!r} is not a date (YYYY-MM-DD)") from None


def read_document(path: Path, meta: dict | None = None) -> Document:
    """Read one article; `meta` (from a manifest) fills what the file itself does not say."""
    meta = dict(meta or {})
    raw = read_text(path)
    suffix = path.suffix.lower()
    text = raw
    if suffix in (".md", ".markdown"):
        text, front = split_front_matter(raw, path)
        meta = {**meta, **front}
    elif suffix in (".html", ".htm"):
        text = html_main_text(raw, path)
        if not meta.get("title"):
            meta["title"] = _html_title(raw)
    lang = meta.get("lang") or meta.get("language")
    return Document(
        id=str(meta.get("id") or path.stem),
        path=str(path),
        lang=str(lang) if lang else "",
        published=parse_date(meta.get("published") or meta.get("date"), path),
        title=meta.get("title"),
        source=meta.get("source"),
        text=text,
    )


def split_front_matter(raw: str, path: Path) -> tuple[str, dict]:
    """Return the body with the front matter blanked to spaces, so offsets stay those of the file."""
    m = _FRONT_MATTER.match(raw)
    if not m:
        if raw.startswith("---"):
            raise InputError("E201", path, "front matter starts with --- but never ends")
        return raw, {}
    try:
        front = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise InputError("E201", path, f"front matter is not valid YAML{where}") from None
    if not isinstance(front, dict):
        raise InputError("E201", path, "front matter must be a mapping of key: value")
    blank = re.sub(r"[^\n]", " ", m.group(0))
    return blank + raw[m.end():], front


def html_main_text(raw: str, path: Path) -> str:
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError("E107", path, "HTML page has no main text")
    return text


def _html_title(raw: str) -> str | None:
    import trafilatura

    meta = trafilatura.extract_metadata(raw)
    return meta.title if meta and meta.title else None
