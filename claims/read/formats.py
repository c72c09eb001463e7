"""Turn one file into a Document: .txt, .md with YAML front matter, .html through trafilatura."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from claims.errors import InputError
from claims.model import Document
from claims.read.decode import read_text_noted

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# A date, optionally followed by a time of day (2026-02-03, 2026-02-03T10:00:00Z, 2026-02-03 10:00).
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
# Metadata fields that are one value each (a manifest entry, front matter).
FIELDS = ("published", "date", "lang", "language", "id", "title", "source")


def parse_date(value: Any, path: Path, field: str = "published") -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _DATE.fullmatch(str(value).strip())
    try:
        return dt.date.fromisoformat(m.group(1)) if m else dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError("E202", path, f"{field}: {str(value)[:40]!r} is not a date (YYYY-MM-DD)") from None


class _MetaLoader(yaml.SafeLoader):
    """YAML's safe loader, but dates stay text: parse_date reads them, and refuses a date that is
    not one (`published: 2026-02-30`) with the field's name instead of PyYAML's ValueError."""


_MetaLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_metadata_yaml(text: str):
    """Front matter or a manifest: yaml.YAMLError for bad syntax, ValueError for a value that
    cannot be built (an explicit !!timestamp, an integer of 5,000 digits)."""
    return yaml.load(text, Loader=_MetaLoader)  # noqa: S506 (a SafeLoader)


def check_metadata(meta: dict, path: Path, code: str, where: str = "") -> dict:
    """Metadata values are single values (a string, a number, a date): a list or a mapping there
    is a mistake, or a YAML bomb whose aliases would expand to gigabytes once printed."""
    for key in FIELDS:
        value = meta.get(key)
        if value is not None and not isinstance(value, (str, int, float, bool, dt.date)):
            raise InputError(code, path, f"{where}`{key}` must be a single value, not a {type(value).__name__}")
    return meta


def read_document(path: Path, meta: dict | None = None) -> Document:
    """Read one article; `meta` (from a manifest) fills what the file itself does not say."""
    meta = dict(meta or {})
    raw, notes = read_text_noted(path)
    suffix = path.suffix.lower()
    text = raw
    if suffix in (".md", ".markdown"):
        text, front = split_front_matter(raw, path)
        meta = {**meta, **check_metadata(front, path, "E201", "front matter: ")}
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
        title=_text_or_none(meta.get("title")),
        source=_text_or_none(meta.get("source")),
        text=text,
        notes=notes,
    )


def _text_or_none(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def split_front_matter(raw: str, path: Path) -> tuple[str, dict]:
    """Return the body with the front matter blanked to spaces, so offsets stay those of the file."""
    m = _FRONT_MATTER.match(raw)
    if not m:
        if raw.startswith("---"):
            raise InputError("E201", path, "front matter starts with --- but never ends")
        return raw, {}
    try:
        front = load_metadata_yaml(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise InputError("E201", path, f"front matter is not valid YAML{where}") from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise InputError("E201", path, f"front matter has a value YAML cannot read ({str(exc)[:80]})") from None
    except RecursionError:
        raise InputError("E201", path, "front matter is nested too deeply") from None
    if not isinstance(front, dict):
        raise InputError("E201", path, "front matter must be a mapping of key: value")
    blank = re.sub(r"[^\n]", " ", m.group(0))
    return blank + raw[m.end():], front


# libxml2 reads elements this deep and no deeper: what is nested further is not parsed.
HTML_MAX_DEPTH = 255


def html_main_text(raw: str, path: Path) -> str:
    import trafilatura

    try:
        text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_precision=True)
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:
        raise InputError("E107", path, f"HTML page cannot be parsed ({type(exc).__name__})") from None
    if not text or not text.strip():
        if _html_depth(raw) >= HTML_MAX_DEPTH:
            raise InputError("E107", path, f"HTML page has no main text that can be read: its elements are nested "
                                           f"more than {HTML_MAX_DEPTH} deep")
        raise InputError("E107", path, "HTML page has no main text")
    return text


def _html_depth(raw: str) -> int:
    """How deep the page's elements are nested, as far as libxml2 reads them."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fromstring(raw)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return 0
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _html_title(raw: str) -> str | None:
    import trafilatura

    try:
        meta = trafilatura.extract_metadata(raw)
    except (ValueError, TypeError, RecursionError):
        return None
    return meta.title if meta and meta.title else None
