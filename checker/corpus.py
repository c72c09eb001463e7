"""One path from sources to claims: files (articles, drafts) and a claim store are read, filtered by
language, dated, glossed, extracted and linked here, for every command (`audit`, `check`,
`baseline`, `claims`; `index` shares the reading step), so that `--language`, progress, glosses,
entity files and the cache behave the same on each.

    read_corpus(paths, drafts=..., store=URL, entity_files=..., languages=..., progress=...) -> Corpus

A claim store is one more source: with drafts, its candidates for the drafts' claims (fetched by
index, never the whole store); without, every stored document. A file's document replaces the
stored one of the same id.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from claims.errors import InputError
from claims.model import Claim, Document

DRAFT_DATE_NOTE = "no publication date: taken as today, {today}, since a draft is being written now " \
                  "(set `published:` in its front matter to check it as of another day)"
UNDATED_NOTE = "no publication date: relative dates stay unresolved"


@dataclass
class Corpus:
    """What reading and extraction give: documents, claims (linked across documents unless asked
    not to) and what was set aside."""

    documents: list[Document]
    claims: list[Claim]
    skipped: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    drafts: set[str] = field(default_factory=set)


def today() -> dt.date:
    """The date a draft without one is checked as of (CLAIMCHECK_TODAY=YYYY-MM-DD overrides it,
    for reproducible runs)."""
    import os

    fixed = os.environ.get("CLAIMCHECK_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            raise InputError("E202", "CLAIMCHECK_TODAY", f"{fixed[:40]!r} is not a date (YYYY-MM-DD)") from None
    return dt.date.today()


def date_drafts(drafts: Iterable[Document]) -> None:
    """A draft without a publication date is being written now: it is dated today, with a note."""
    for d in drafts:
        if d.published is None:
            d.published = today()
            d.published_assumed = True  # an extra field of the document (Document allows them)
            d.notes = [DRAFT_DATE_NOTE.format(today=d.published.isoformat()) if n == UNDATED_NOTE else n
                       for n in d.notes]


def _configured(languages: set[str]) -> str:
    return ", ".join(sorted(languages))


def load_sources(paths: Sequence[Path], *, drafts: Sequence[Path] = (), strict_language: bool = False,
                 languages: Optional[Iterable[str]] = None, require: bool = True, cache: bool = True):
    """The documents of the files: read (`claims.read.load_documents`), those in other `languages`
    skipped with a note (a draft in one is an error), drafts dated, the names each one glosses
    learnt for all. With `require`, no document at all is an error (E302)."""
    from checker.cache import DocCache
    from claims.aliases import learn_names
    from claims.read import load_documents

    prepared = DocCache(cache)
    loaded = load_documents(list(paths), strict_language=strict_language, drafts=list(drafts),
                            furniture=prepared.furniture)
    if languages:
        wanted = set(languages)
        kept = []
        for d in loaded.documents:
            if d.lang in wanted:
                kept.append(d)
            elif d.id in loaded.drafts:
                raise InputError("E303", d.path, f"the draft is in {d.lang}, not among the configured languages "
                                                 f"({_configured(wanted)})")
            else:
                loaded.skipped.append(f"{d.path}: language {d.lang} is not among the configured languages "
                                      f"({_configured(wanted)}); skipped")
        loaded.documents = kept
    if require and not loaded.documents:
        why = f" ({loaded.skipped[0]})" if loaded.skipped else ""
        raise InputError("E302", (list(drafts) + list(paths))[0], f"no document in a supported language to read{why}")
    date_drafts(d for d in loaded.documents if d.id in loaded.drafts)
    learn_names(loaded.documents, prepared.glossed)
    prepared.save()
    return loaded


def extract(documents: Sequence[Document], entity_files: tuple[str, ...] = (), *, cache: bool = True,
            progress: Optional[Callable[[Document], None]] = None,
            workers: Optional[int] = 1) -> tuple[list[Claim], list[str]]:
    """Every document's claims in document order (from the claims cache where it has them), and
    the documents' cache keys. `progress(doc)` after each document. `workers` other than 1
    extracts what the cache does not hold in a process pool (claims.parallel; None: one per CPU),
    with the same claims."""
    from checker import cache as claims_cache

    if progress is not None and hasattr(progress, "start"):
        progress.start(len(documents))
    if workers != 1:
        return _extract_pooled(documents, entity_files, cache, progress, workers)
    claims: list[Claim] = []
    keys: list[str] = []
    index = None
    for doc in documents:
        if cache:
            keys.append(claims_cache.key(doc, entity_files))
        found = claims_cache.extract_cached(doc, entity_files) if cache else None
        if found is None:
            if index is None:
                from claims.entities import load_index

                index = load_index(tuple(entity_files))
            from claims.pipeline import extract_claims

            found = extract_claims(doc, index)
            if cache:
                claims_cache.store_cached(doc, entity_files, found)
        claims += found
        if progress:
            progress(doc)
    return claims, keys


def _extract_pooled(documents, entity_files, cache, progress, workers) -> tuple[list[Claim], list[str]]:
    from checker import cache as claims_cache
    from claims.parallel import extract_each

    keys = [claims_cache.key(doc, entity_files) for doc in documents] if cache else []
    found: dict[int, list[Claim]] = {}
    for i, doc in enumerate(documents):
        hit = claims_cache.extract_cached(doc, entity_files) if cache else None
        if hit is not None:
            found[i] = hit
            if progress:
                progress(doc)
    todo = [i for i in range(len(documents)) if i not in found]
    for i, (doc, claims) in zip(todo, extract_each([documents[i] for i in todo], workers, entity_files=entity_files)):
        found[i] = claims
        if cache:
            claims_cache.store_cached(doc, entity_files, claims)
        if progress:
            progress(doc)
    return [c for i in range(len(documents)) for c in found[i]], keys


def _stored(store: str, languages: Optional[Iterable[str]], draft_claims: Optional[list[Claim]],
            exclude: set[str]) -> tuple[list[Document], list[Claim], list[str]]:
    """The store's documents and claims: every one, or with `draft_claims` the candidates for them;
    those in other `languages` left out, with one note."""
    from checker.store.db import display_url
    from checker.store.query import candidates, load

    if draft_claims is None:
        docs, found = load(store, link=False)
    else:
        docs, found = candidates(store, draft_claims, exclude_docs=sorted(exclude))
    skipped = []
    if languages:
        wanted = set(languages)
        out = [d for d in docs if d.lang not in wanted]
        if out:
            gone = {d.id for d in out}
            docs = [d for d in docs if d.id not in gone]
            found = [c for c in found if c.doc not in gone]
            skipped.append(f"{display_url(store)}: {len(out)} stored document{'s' if len(out) != 1 else ''} in languages not "
                           f"among the configured ones ({_configured(wanted)}); skipped")
    return docs, found, skipped


def read_corpus(paths: Sequence[Path], *, drafts: Sequence[Path] = (), store: Optional[str] = None,
                entity_files: tuple[str, ...] = (), strict_language: bool = False,
                progress: Optional[Callable[[Document], None]] = None, languages: Optional[Iterable[str]] = None,
                cache: bool = True, link: bool = True, workers: Optional[int] = 1) -> Corpus:
    """Read `drafts` (strictly: a draft that cannot be read is an error) and `paths` (a file that
    cannot be read is recorded and the rest read), and with `store` the claim store (its candidates
    for the drafts' claims when there are drafts, else all of it); extract and, with `link`, link
    across all of them. A draft without a publication date is dated today. `progress(doc)` is
    called after each document read from a file; if `progress` also has a `start(total)` method,
    that is called first with their number, and `stage(name)` when matching starts. With
    `languages`, documents (and stored documents) in other languages are skipped with a note.
    `workers`: processes for extraction (1: this one; None: one per CPU)."""
    loaded = load_sources(paths, drafts=drafts, strict_language=strict_language, languages=languages,
                          require=store is None, cache=cache)
    claims, keys = extract(loaded.documents, entity_files, cache=cache, progress=progress, workers=workers)
    documents, skipped = loaded.documents, loaded.skipped
    if store:
        fresh = {d.id for d in documents}
        draft_claims = [c for c in claims if c.doc in loaded.drafts] if drafts else None
        docs, found, more = _stored(store, languages, draft_claims, exclude=loaded.drafts)
        docs = [d for d in docs if d.id not in fresh]
        found = [c for c in found if c.doc not in fresh]
        if drafts:  # the drafts first, then what the archive holds
            ours = [d for d in documents if d.id in loaded.drafts]
            documents = ours + docs + [d for d in documents if d.id not in loaded.drafts]
            claims = [c for c in claims if c.doc in loaded.drafts] + found + \
                     [c for c in claims if c.doc not in loaded.drafts]
        else:
            documents, claims = docs + documents, found + claims
        skipped = skipped + more
    if progress is not None and hasattr(progress, "stage"):
        progress.stage("matching")
    if link:
        claims = _linked(claims, keys, paths, drafts, cache and not store)
    return Corpus(documents, claims, skipped, loaded.errors, loaded.drafts)


def _linked(claims: list[Claim], keys: list[str], paths, drafts, cache: bool) -> list[Claim]:
    """The claims linked across documents; from the cache when the same documents were linked
    before (linking romanizes every name, which costs more than reading the claims back)."""
    from checker import cache as claims_cache

    if not cache:
        from claims.link import link_subjects

        return link_subjects(claims)
    slot, key = claims_cache.slot_of(paths, drafts), claims_cache.linked_key(keys)
    found = claims_cache.linked_cached(slot, key)
    if found is None:
        from claims.link import link_subjects  # names, scripts, pypinyin: only when there is linking to do

        found = link_subjects(claims)
        claims_cache.store_linked(slot, key, found)
    return found
