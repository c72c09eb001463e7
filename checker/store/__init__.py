"""The claim store: extracted documents and claims kept in SQLite (default, one file, WAL) or
PostgreSQL, so that audits and draft checks need not re-read the archive.

    index(paths, store_url)            extract and store; unchanged documents are skipped
    load(store_url)                    every document and claim (claims linked), for the matcher
    candidates(store_url, claims)      what a draft's claims can conflict with, by index
    audit_store / check_store          the Reports of `claimcheck audit/check --store URL`

The schema is managed by Alembic migrations in `checker/store/migrations`, run on open.
"""
from checker.store.db import StoreError, normalize_url
from checker.store.indexer import IndexResult, index, index_documents
from checker.store.query import audit_store, candidates, check_store, load
from checker.store.store import Store, content_hash

__all__ = ["Store", "StoreError", "IndexResult", "index", "index_documents", "load", "candidates",
           "audit_store", "check_store", "content_hash", "normalize_url"]
