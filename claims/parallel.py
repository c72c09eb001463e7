"""Claim extraction over many documents in a process pool.

`extract_all(documents, workers=N)` gives the same claims, in the same order, as
`[c for d in documents for c in extract_claims(d, index)]` in one process: extraction of one
document depends on that document and the entity data only. The pool uses the "spawn" start
method by default (no state inherited from the parent, the same on every platform): each worker
imports the package and loads the entity data once, in its initializer.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator, Optional, Sequence

from claims.model import Claim, Document

_ENTITY_FILES: tuple[str, ...] = ()


def _init(entity_files: tuple[str, ...]) -> None:
    global _ENTITY_FILES
    _ENTITY_FILES = entity_files
    from claims.entities import load_index

    load_index(entity_files)  # cached for every document this worker reads


def _extract(doc: Document) -> list[Claim]:
    from claims.entities import load_index
    from claims.pipeline import extract_claims

    return extract_claims(doc, load_index(_ENTITY_FILES))


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_each(documents: Sequence[Document], workers: Optional[int] = None, *,
                 entity_files: Sequence[str] = (), start_method: str = "spawn",
                 chunksize: Optional[int] = None) -> Iterator[tuple[Document, list[Claim]]]:
    """(document, its claims) for each document, in the input order, as they are ready.
    `workers` None means one per CPU; 1 (or a single document) extracts in this process."""
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
    if chunksize is None:
        # A few chunks per worker: fewer round trips than one document each, and still balanced.
        chunksize = max(1, min(32, len(documents) // (workers * 4)))
    ctx = multiprocessing.get_context(start_method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init, initargs=(files,)) as pool:
        for doc, found in zip(documents, pool.map(_extract, documents, chunksize=chunksize)):
            yield doc, found


def extract_all(documents: Sequence[Document], workers: Optional[int] = None, *,
                entity_files: Sequence[str] = (), start_method: str = "spawn") -> list[Claim]:
    """Every document's claims, in document order, not linked across documents (that is
    `claims.link.link_subjects`, run once over the result)."""
    return [c for _, found in extract_each(documents, workers, entity_files=entity_files,
                                           start_method=start_method) for c in found]
