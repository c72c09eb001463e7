"""Indexing articles into a claim store: read, skip what is unchanged, extract, write.

Reading happens here; extraction runs in this process, in a process pool (`workers`) or on a
Dask distributed cluster (`scheduler`), where each task also writes its document to the store.
Every document is written in its own transaction, so a run that is killed leaves whole documents
only and the next run picks up the rest (the finished ones are unchanged, hence skipped).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from checker.store.db import display_url
from checker.store.store import Store, Written, content_hash, fingerprint
from claims.model import Claim, Document


@dataclass
class IndexResult:
    store: str
    documents: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    claims: int = 0
    skipped: list[str] = field(default_factory=list)   # inputs set aside when reading
    errors: list = field(default_factory=list)         # files that could not be read (InputError)

    def count(self, w: Written) -> None:
        setattr(self, w.status, getattr(self, w.status) + 1)
        self.claims += w.claims

    def summary(self) -> str:
        return (f"{self.documents} documents: {self.added} added, {self.replaced} replaced, "
                f"{self.unchanged} unchanged; {self.claims} claims written")


Progress = Callable[[Document, Written], None]


def index(paths: Sequence[Path | str], store_url: str | os.PathLike, *, entity_files: Sequence[str] = (),
          workers: Optional[int] = 1, scheduler=None, progress: Optional[Progress] = None) -> IndexResult:
    """Extract and store the documents under `paths`. A document whose content hash is stored
    already is skipped; one whose hash changed is replaced (claims and all).

    `workers`: processes for extraction (None: one per CPU). `scheduler`: a Dask distributed
    scheduler address (or a `distributed.Client`); extraction and writing then run there."""
    from checker.corpus import load_sources

    loaded = load_sources([Path(p) for p in paths], require=False)
    result = index_documents(loaded.documents, store_url, entity_files=entity_files, workers=workers,
                             scheduler=scheduler, progress=progress, skipped=loaded.skipped)
    result.errors = list(loaded.errors)
    return result


def index_documents(documents: Sequence[Document], store_url: str | os.PathLike, *,
                    entity_files: Sequence[str] = (), workers: Optional[int] = 1, scheduler=None,
                    progress: Optional[Progress] = None, skipped: Sequence[str] = ()) -> IndexResult:
    from checker.store.db import translate_errors

    with translate_errors(str(store_url)):
        return _index_documents(documents, store_url, entity_files=entity_files, workers=workers,
                                scheduler=scheduler, progress=progress, skipped=skipped)


def _index_documents(documents, store_url, *, entity_files, workers, scheduler, progress, skipped) -> IndexResult:
    files = tuple(str(Path(f).resolve()) for f in entity_files)
    store = Store(store_url)
    result = IndexResult(store=display_url(store.url), documents=len(documents), skipped=list(skipped))
    extraction = fingerprint(files)
    hashes = {d.id: content_hash(d, extraction) for d in documents}
    stored = store.hashes(list(hashes))
    todo = [d for d in documents if stored.get(d.id) != hashes[d.id]]
    for d in documents:
        if stored.get(d.id) == hashes[d.id]:
            w = Written("unchanged", 0)
            result.count(w)
            if progress:
                progress(d, w)
    if not todo:
        return result
    if scheduler is not None:
        from checker.store.distributed import index_on_cluster

        for doc, w in index_on_cluster(todo, store.url, [hashes[d.id] for d in todo], files, scheduler):
            result.count(w)
            if progress:
                progress(doc, w)
        return result
    from claims.parallel import extract_each

    for doc, found in extract_each(todo, workers, entity_files=files):
        w = store.write(doc, hashes[doc.id], found)
        result.count(w)
        if progress:
            progress(doc, w)
    return result


def extract_and_write(doc: Document, doc_hash: str, store_url: str, entity_files: tuple[str, ...]) -> Written:
    """One document, start to end, wherever it runs (a Dask task): extract, then write."""
    from claims.entities import load_index
    from claims.pipeline import extract_claims

    found: list[Claim] = extract_claims(doc, load_index(entity_files))
    return Store(store_url).write(doc, doc_hash, found)
