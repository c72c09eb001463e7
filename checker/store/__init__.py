"""The claim store: extracted documents and claims kept in SQLite (default, one file, WAL) or
PostgreSQL, so that audits and draft checks need not re-read the archive.

    index(paths, store_url)            extract and store; unchanged documents are skipped
    load(store_url)                    every document and claim (claims linked), for the matcher
    candidates(store_url, claims)      what a draft's claims can conflict with, by index
    audit_store / check_store          the Reports of `claimcheck audit/check --store URL`

The schema is managed by Alembic migrations in `checker/store/migrations`, run on open.
"""
from importlib import import_module

# Imported on first use: SQLAlchemy costs a fifth of a second, and `claimcheck --help` or an
# audit over files never opens a store.
_HOME = {"StoreError": "db", "normalize_url": "db", "IndexResult": "indexer", "index": "indexer",
         "index_documents": "indexer", "audit_store": "query", "candidates": "query",
         "check_store": "query", "load": "query", "Store": "store", "content_hash": "store"}
__all__ = sorted(_HOME)


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module 'checker.store' has no attribute {name!r}")
    return getattr(import_module(f"checker.store.{_HOME[name]}"), name)
