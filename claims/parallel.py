"""Claim extraction over many documents in a process pool.

`extract_all(documents, workers=N)` gives the same claims, in the same order, as
`[c for d in documents for c in extract_claims(d, index)]` in one process: extraction of one
document depends on that document and the entity data only.

Where the platform can fork (and this process runs no other thread, which a fork would leave
holding its locks), the workers start ready: this process loads the entity data and extracts the
first document of each language itself, which loads spaCy, the morphology and every language
pack it needs and compiles their patterns, and only then forks the pool, whose workers share all
of it (copy-on-write) instead of importing and compiling it again each. They read the documents
from the memory they inherit, by position, so only the claims travel back. Elsewhere the pool
uses the "spawn" start method: each worker imports the package and loads the entity data once,
in its initializer, and the packs on first use.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator, Optional, Sequence

from claims.model import Claim, Document

_ENTITY_FILES: tuple[str, ...] = ()
_DOCS: Sequence[Document] = ()  # what forked workers read by position (set before the fork)


def _init(entity_files: tuple[str, ...]) -> None:
    global _ENTITY_FILES
    _ENTITY_FILES = entity_files
    from claims.entities import load_index

    load_index(entity_files)  # cached for every document this worker reads


def _extract(doc: Document) -> list[Claim]:
    from claims.entities import load_index
    from claims.pipeline import extract_claims

    return extract_claims(doc, load_index(_ENTITY_FILES))


def _extract_at(i: int) -> list[Claim]:
    return _extract(_DOCS[i])


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_start_method() -> str:
    """"fork" where the platform has it and this process runs one thread only; else "spawn"."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


def extract_each(documents: Sequence[Document], workers: Optional[int] = None, *,
                 entity_files: Sequence[str] = (), start_method: Optional[str] = None,
                 chunksize: Optional[int] = None) -> Iterator[tuple[Document, list[Claim]]]:
    """(document, its claims) for each document, in the input order, as they are ready.
    `workers` None means one per CPU; 1 (or a single document) extracts in this process.
    `start_method` None: `default_start_method()`."""
    files = tuple(str(f) for f in entity_files)
    workers = default_workers() if workers is None else max(1, int(workers))
    workers = min(workers, len(documents))
    if workers <= 1:
        from claims.entities import load_index
        from claims.pipeline import extract_claims

        index = load_index(files)
        for doc in documents:
            yield doc, extract_claims(doc, index)
        return
    start_method = start_method or default_start_method()
    ctx = multiprocessing.get_context(start_method)
    if start_method != "fork":
        if chunksize is None:
            # A few chunks per worker: fewer round trips than one document each, and still balanced.
            chunksize = max(1, min(32, len(documents) // (workers * 4)))
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init, initargs=(files,)) as pool:
            for doc, found in zip(documents, pool.map(_extract, documents, chunksize=chunksize)):
                yield doc, found
        return
    yield from _forked(documents, workers, files, ctx, chunksize)


def _forked(documents: Sequence[Document], workers: int, files: tuple[str, ...], ctx,
            chunksize: Optional[int]) -> Iterator[tuple[Document, list[Claim]]]:
    global _DOCS, _ENTITY_FILES
    # The first document of each language, here: what it loads, every worker inherits.
    first: dict[str, int] = {}
    for i, d in enumerate(documents):
        first.setdefault(d.lang, i)
    _init(files)
    done = {i: _extract(documents[i]) for i in sorted(first.values())}
    rest = [i for i in range(len(documents)) if i not in done]
    if chunksize is None:
        chunksize = max(1, min(32, len(rest) // (workers * 4)))
    _DOCS = documents
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            later = iter(pool.map(_extract_at, rest, chunksize=chunksize))
            for i, doc in enumerate(documents):
                yield doc, done.pop(i) if i in done else next(later)
    finally:
        _DOCS = ()


def extract_all(documents: Sequence[Document], workers: Optional[int] = None, *,
                entity_files: Sequence[str] = (), start_method: Optional[str] = None) -> list[Claim]:
    """Every document's claims, in document order, not linked across documents (that is
    `claims.link.link_subjects`, run once over the result)."""
    return [c for _, found in extract_each(documents, workers, entity_files=entity_files,
                                           start_method=start_method) for c in found]
