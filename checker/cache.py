"""A cache of extracted claims, by content and version (as ruff and mypy cache their results).

A document's claims depend on its text, its metadata (id, language, publication date), the names
other documents gloss for it (`known_names`), the entity files, and the code and lexicons of the
`claims` package. The key hashes all of these; the code's part is a hash of every file under
`claims/` (sources, lexicons, data), so any change to extraction makes a new key and old entries
are simply never read again.

Where: `$CLAIMCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/claimcheck`, else `~/.cache/claimcheck`
(one folder per code version below it; delete it whenever you like). `--no-cache` or
`CLAIMCHECK_NO_CACHE=1` turns it off. A cache that cannot be read or written is passed over: it
never fails a run.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from claims.model import Claim, Document

_CLAIMS_PACKAGE = Path(__file__).resolve().parents[1] / "claims"
# Files of the claims package that extraction reads (sources, lexicons, data).
_CODE_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".txt", ".tsv", ".csv"}


def enabled() -> bool:
    return os.environ.get("CLAIMCHECK_NO_CACHE", "") in ("", "0")


def cache_dir() -> Path:
    explicit = os.environ.get("CLAIMCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimcheck"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of every source, lexicon and data file of the claims package."""
    h = hashlib.sha256()
    for path in sorted(_CLAIMS_PACKAGE.rglob("*")):
        if path.suffix not in _CODE_SUFFIXES or "__pycache__" in path.parts or not path.is_file():
            continue
        h.update(path.relative_to(_CLAIMS_PACKAGE).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()[:20]


@lru_cache(maxsize=16)
def _entities_version(entity_files: tuple[str, ...]) -> str:
    h = hashlib.sha256()
    for f in entity_files:
        h.update(f.encode() + b"\0")
        try:
            h.update(Path(f).read_bytes())
        except OSError:
            h.update(b"<unreadable>")
        h.update(b"\0")
    return h.hexdigest()


def key(doc: Document, entity_files: Sequence[str]) -> str:
    h = hashlib.sha256()
    payload = {"id": doc.id, "lang": doc.lang, "published": doc.published.isoformat() if doc.published else None,
               "skipped": doc.skipped, "known_names": doc.known_names,
               "entities": _entities_version(tuple(str(f) for f in entity_files))}
    h.update(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    h.update(b"\0")
    h.update(doc.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _entry(doc: Document, entity_files: Sequence[str]) -> Path:
    k = key(doc, entity_files)
    return cache_dir() / code_version() / k[:2] / f"{k}.json"


@lru_cache(maxsize=1)
def _adapter():
    from pydantic import TypeAdapter

    return TypeAdapter(list[Claim])


def extract_cached(doc: Document, entity_files: Sequence[str] = ()) -> Optional[list[Claim]]:
    """The document's claims from the cache, or None."""
    if not enabled():
        return None
    try:
        data = _entry(doc, entity_files).read_bytes()
        return _adapter().validate_json(data)
    except (OSError, ValueError):
        return None


def store_cached(doc: Document, entity_files: Sequence[str], found: list[Claim]) -> None:
    """Keep the document's claims (atomically; a cache that cannot be written is passed over)."""
    if not enabled():
        return
    _write_atomic(_entry(doc, entity_files), _adapter().dump_json(found))


def _write_atomic(path: Path, data: bytes) -> None:
    """Write `data` at `path` through a temporary file and a rename, so that a reader never sees
    half an entry; a cache that cannot be written is passed over."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp:
            Path(tmp).unlink(missing_ok=True)


class DocCache:
    """What reading computes per document before extraction (its furniture ranges, the names it
    glosses), kept by language and text: a warm run loads no language pack for them."""

    def __init__(self, on: bool = True):
        self.on = on and enabled()
        self.entries: dict[str, dict] = {}
        self.dirty: set[str] = set()

    def _key(self, doc: Document) -> str:
        h = hashlib.sha256(f"{doc.lang}\0".encode())
        h.update(doc.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, k: str) -> Path:
        return cache_dir() / code_version() / "docs" / k[:2] / f"{k}.json"

    def part(self, doc: Document, name: str, compute):
        if not self.on:
            return compute(doc)
        k = self._key(doc)
        entry = self.entries.get(k)
        if entry is None:
            try:
                entry = json.loads(self._path(k).read_text(encoding="utf-8"))
                if not isinstance(entry, dict):
                    entry = {}
            except (OSError, ValueError):
                entry = {}
            self.entries[k] = entry
        if name not in entry:
            entry[name] = compute(doc)
            self.dirty.add(k)
        return [tuple(x) for x in entry[name]]

    def furniture(self, doc: Document):
        from claims.read import furniture_ranges

        return self.part(doc, "furniture", furniture_ranges)

    def glossed(self, doc: Document):
        from claims.aliases import glossed_names

        return self.part(doc, "glossed", glossed_names)

    def save(self) -> None:
        for k in self.dirty:
            _write_atomic(self._path(k), json.dumps(self.entries[k], ensure_ascii=False).encode("utf-8"))
        self.dirty.clear()


def linked_key(claim_keys: Sequence[str]) -> str:
    h = hashlib.sha256(code_version().encode())
    for k in claim_keys:
        h.update(b"\0" + k.encode())
    return h.hexdigest()


def _linked_path(slot: str) -> Path:
    return cache_dir() / code_version() / "linked" / f"{slot}.json"


def linked_cached(slot: str, key_: str) -> Optional[list[Claim]]:
    """The linked claims of a run over the same documents (same contents, same versions), or None.
    `slot` names the run's shape (its paths): one entry per shape, replaced when its key changes,
    so editing a draft again and again does not grow the cache."""
    if not enabled():
        return None
    try:
        raw = _linked_path(slot).read_bytes()
        head, _, body = raw.partition(b"\n")
        if head.decode() != key_:
            return None
        return _adapter().validate_json(body)
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def store_linked(slot: str, key_: str, found: list[Claim]) -> None:
    if not enabled():
        return
    _write_atomic(_linked_path(slot), key_.encode() + b"\n" + _adapter().dump_json(found))


def slot_of(paths: Sequence, drafts: Sequence = ()) -> str:
    text = "\0".join([os.path.realpath(p) for p in drafts] + ["--"] + [os.path.realpath(p) for p in paths])
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]
