"""Reading articles: files and folders in, Documents out (see `load_documents`)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from claims.errors import InputError, unreadable
from claims.model import Document
from claims.read.clean import skipped_ranges
from claims.read.formats import SUFFIXES, read_document
from claims.read.language import SUPPORTED, detect, normalize_tag
from claims.read.manifest import MANIFEST, read_manifest


@dataclass
class Loaded:
    documents: list[Document] = field(default_factory=list)
    # One line per document that was read but set aside (an unsupported language, say).
    skipped: list[str] = field(default_factory=list)


def load_documents(paths: list[Path], *, strict_language: bool = False) -> Loaded:
    """Read every article under `paths`. Raises InputError on unreadable input; a document in an
    unsupported language is skipped with a note, or raises when `strict_language` (a draft)."""
    out = Loaded()
    seen: set[str] = set()
    for path, meta in _expand(paths):
        key = os.path.realpath(path)
        if key in seen:
            continue
        seen.add(key)
        _check_name(path)
        doc = read_document(path, meta)
        problem = _settle_language(doc)
        if problem:
            if strict_language:
                raise InputError("E301", path, problem)
            out.skipped.append(f"{path}: {problem}; skipped")
            continue
        from claims.lang import get_pack

        doc.skipped = skipped_ranges(doc.text, get_pack(doc.lang).furniture)
        if doc.published is None:
            doc.notes.append("no publication date: relative dates stay unresolved")
        out.documents.append(doc)
    ids = [d.id for d in out.documents]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise InputError("E205", paths[0], f"two documents share the id {dupes[0]!r}; give them distinct ids")
    return out


def _check_name(path: Path) -> None:
    """A file name that is not UTF-8 (bytes from another system) cannot be named in a report."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise InputError("E113", shown, "the file name is not UTF-8; rename the file") from None


def _settle_language(doc: Document) -> str | None:
    if doc.lang:
        tag = normalize_tag(doc.lang)
        if tag not in SUPPORTED:
            return f"language {doc.lang!r} is not supported (supported: {', '.join(SUPPORTED)})"
        if tag.startswith("zh") and "-" not in doc.lang:
            from claims.read.language import chinese_script

            tag = chinese_script(doc.text)
        doc.lang = tag
        return None
    found = detect(doc.text)
    if found not in SUPPORTED:
        what = f"looks like {found!r}" if found else "its language could not be detected"
        return f"{what}, which is not supported (supported: {', '.join(SUPPORTED)}); set `lang` to override"
    doc.lang = found
    doc.notes.append(f"language detected as {found}")
    return None


def _expand(paths: list[Path]):
    for path in paths:
        try:
            exists = path.exists()
        except OSError as exc:
            raise unreadable(path, exc) from None
        if not exists:
            if path.is_symlink():
                raise InputError("E101", path, "a symbolic link to nothing (its target is missing, or links "
                                               "point at each other in a loop)")
            raise InputError("E101", path, "no such file or directory")
        if path.is_file():
            manifest = read_manifest(path.parent) if path.name != MANIFEST else None
            yield path, (manifest or {}).get(path.name, {})
        elif path.is_dir():
            yield from _expand_folder(path)
        else:
            raise InputError("E101", path, "not a regular file or directory")


def _expand_folder(folder: Path, depth: int = 0):
    if depth > 20:
        raise InputError("E108", folder, "folders nested more than 20 deep (a symlink loop?)")
    try:
        manifest = read_manifest(folder)
        entries = sorted(folder.iterdir()) if manifest is None else []
    except PermissionError:
        raise InputError("E102", folder, "permission denied") from None
    if manifest is not None:
        for name, meta in manifest.items():
            yield folder / name, meta
        return
    found = False
    for entry in entries:
        if entry.is_file() and entry.suffix.lower() in SUFFIXES:
            found = True
            yield entry, {}
        elif entry.is_dir() and not entry.name.startswith(".") and not entry.is_symlink():
            for item in _expand_folder(entry, depth + 1):
                found = True
                yield item
    if not found and depth == 0:
        raise InputError("E109", folder, f"no articles here ({', '.join(SUFFIXES)} or a {MANIFEST})")
