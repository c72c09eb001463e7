"""Indexing on an existing Dask distributed cluster (`claimcheck index --scheduler ADDRESS`).

Each document is one task that extracts its claims and writes them to the store from the worker,
in one transaction: the workers must reach the store (the same SQLite file on a shared disk, or
the PostgreSQL server) and the entity files by the same paths. Install with
`pip install 'claimcheck[distributed]'`.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from checker.store.db import StoreError

CONNECT_TIMEOUT = "20s"
from checker.store.store import Written
from claims.model import Document


def _client(scheduler):
    try:
        from distributed import Client
    except ImportError:
        raise StoreError("E504", str(scheduler), "--scheduler needs Dask: pip install 'claimcheck[distributed]'") from None
    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT), True
    except (OSError, TimeoutError) as exc:
        raise StoreError("E505", str(scheduler), f"cannot reach the Dask scheduler: {exc}") from None


def index_on_cluster(documents: Sequence[Document], store_url: str, hashes: Sequence[str],
                     entity_files: tuple[str, ...], scheduler) -> Iterator[tuple[Document, Written]]:
    """(document, what was written) as the cluster finishes each one."""
    from distributed import as_completed

    from checker.store.indexer import extract_and_write

    client, own = _client(scheduler)
    try:
        docs = {}
        futures = []
        for doc, h in zip(documents, hashes):
            fut = client.submit(extract_and_write, doc, h, store_url, entity_files, pure=False,
                                key=f"claimcheck-index-{doc.id}-{h[:16]}")
            docs[fut.key] = doc
            futures.append(fut)
        for fut, written in as_completed(futures, with_results=True):
            yield docs[fut.key], written
    finally:
        if own:
            client.close()
