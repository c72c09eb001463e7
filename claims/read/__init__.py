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
from claims.read.manifest import IGNORED, MANIFEST, read_manifest


@dataclass
class Loaded:
    documents: list[Document] = field(default_factory=list)
    # One line per document that was read but set aside (an unsupported language, say).
    skipped: list[str] = field(default_factory=list)
    # Files that could not be read (E1xx, E2xx): reported, and the rest is read all the same.
    errors: list[InputError] = field(default_factory=list)
    # The ids of the documents read from `drafts` (see load_documents).
    drafts: set[str] = field(default_factory=set)


def load_documents(paths: list[Path], *, strict_language: bool = False, strict: bool | None = None,
                   drafts: list[Path] = (), furniture=None) -> Loaded:
    """Read every article under `paths`. A document in an unsupported language is skipped with a
    note, or raises when `strict_language` (a draft). A file that cannot be read is recorded in
    `errors` and the others are read (as a linter goes on past one bad file); with `strict` (default:
    `strict_language`, a draft) it raises, and it raises too when nothing at all could be read.
    Two documents with the same id (the same file name in two sub-folders) get ids made of their
    paths, with a note. `drafts` are read first, as `strict_language` and `strict` read (a draft
    that cannot be read is an error, never skipped); their ids are in `Loaded.drafts`.
    `furniture(doc)` gives the ranges that yield no claims (default: `furniture_ranges`; a cache
    may answer instead)."""
    furniture = furniture or furniture_ranges
    lenient = not (strict_language if strict is None else strict)
    out = Loaded()
    seen: set[str] = set()
    roots: dict[int, Path] = {}
    draft_docs: set[int] = set()
    items = [(item, True) for item in _expand(list(drafts))] if drafts else []
    for item, is_draft in [*items, *((item, False) for item in _expand(paths))]:
        strict_language_here = strict_language or is_draft
        strict = is_draft or not lenient
        if isinstance(item, InputError):
            if strict:
                raise item
            out.errors.append(item)
            continue
        path, meta, root = item
        key = os.path.realpath(path)
        if key in seen:
            continue
        seen.add(key)
        try:
            _check_name(path)
            doc = read_document(path, meta)
        except InputError as exc:
            if strict:
                raise
            out.errors.append(exc)
            continue
        if meta.get(UNLISTED):
            doc.notes.append(f"{UNLISTED_NOTE} {meta[UNLISTED]}: read without its metadata (publication date, "
                             "language, source); add it to the manifest")
        problem = _settle_language(doc)
        if problem:
            if strict_language_here:
                raise InputError("E301", path, problem)
            out.skipped.append(f"{path}: {problem}; skipped")
            continue
        doc.skipped = furniture(doc)
        if doc.published is None:
            doc.notes.append("no publication date: relative dates stay unresolved")
        roots[id(doc)] = root
        if is_draft:
            draft_docs.add(id(doc))
        out.documents.append(doc)
    if not out.documents and out.errors and not out.skipped:
        raise out.errors[0]
    _unique_ids(out.documents, roots)
    out.drafts = {d.id for d in out.documents if id(d) in draft_docs}
    return out


def furniture_ranges(doc: Document) -> list:
    """Repeated paragraphs and site furniture of a document whose language is settled."""
    from claims.lang import get_pack

    return skipped_ranges(doc.text, get_pack(doc.lang).furniture)


# Metadata key (never a YAML key: it holds a NUL) of an article its folder's manifest does not list.
UNLISTED = "\0unlisted"
UNLISTED_NOTE = "not listed in"


def _unique_ids(docs: list[Document], roots: dict[int, Path]) -> None:
    """Documents sharing an id are named by their path below the folder they were found in
    (`2024/report`, `2025/report`), else by their whole path: an archive is never refused for it."""
    by_id: dict[str, list[Document]] = {}
    for d in docs:
        by_id.setdefault(d.id, []).append(d)
    taken = set(by_id)
    for old, group in by_id.items():
        if len(group) < 2:
            continue
        for d in group:
            p = Path(d.path)
            root = roots.get(id(d))
            try:
                rel = p.relative_to(root) if root is not None else p
            except ValueError:
                rel = p
            new = rel.with_suffix("").as_posix()
            if new in taken or new == old:
                new = p.with_suffix("").as_posix()
            n = 2
            base = new
            while new in taken:
                new, n = f"{base}~{n}", n + 1
            taken.add(new)
            d.id = new
            d.notes.append(f"id {old!r} is shared by {len(group)} documents; this one is {new!r} (its path)")


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
            yield path, (manifest or {}).get(path.name, {}), path.parent
        elif path.is_dir():
            for item in _expand_folder(path):
                yield item if isinstance(item, InputError) else (*item, path)
        else:
            raise InputError("E101", path, "not a regular file or directory")


def _expand_folder(folder: Path, depth: int = 0):
    if depth > 20:
        raise InputError("E108", folder, "folders nested more than 20 deep (a symlink loop?)")
    try:
        manifest = read_manifest(folder)
        entries = sorted(folder.iterdir())
    except OSError as exc:
        if depth == 0:
            raise unreadable(folder, exc) from None
        yield unreadable(folder, exc)  # a sub-folder: reported, the rest read
        return
    listed: set[str] = set()
    found = False
    if manifest is not None:
        for name, meta in manifest.items():
            listed.add(os.path.realpath(folder / name))
            if meta.get(IGNORED):  # `ignore:` in the manifest: not an article, said so
                continue
            found = True
            yield folder / name, meta
    # Articles the manifest does not list are read too (without metadata, with a note): a new
    # article in the archive is never left out silently.
    unlisted = {UNLISTED: str(folder / MANIFEST)} if manifest is not None else {}
    for entry in entries:
        if entry.is_file() and entry.suffix.lower() in SUFFIXES:
            if os.path.realpath(entry) in listed:
                continue
            found = True
            yield entry, dict(unlisted)
        elif entry.is_dir() and not entry.name.startswith(".") and not entry.is_symlink():
            for item in _expand_folder(entry, depth + 1):
                if not isinstance(item, InputError) and os.path.realpath(item[0]) in listed:
                    continue
                found = True
                if manifest is not None and not isinstance(item, InputError) and not item[1]:
                    item = (item[0], dict(unlisted))
                yield item
    if not found and depth == 0:
        raise InputError("E109", folder, f"no articles here ({', '.join(SUFFIXES)} or a {MANIFEST})")
