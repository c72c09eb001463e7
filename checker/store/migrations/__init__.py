"""Alembic migrations of the claim store; run programmatically by `checker.store.db.migrate`."""
