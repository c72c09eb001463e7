"""Alembic environment of the claim store: always handed an open connection by
`checker.store.db.migrate` (inside its locked transaction), never run from a config file."""
from alembic import context

from checker.store.db import VERSION_TABLE

connection = context.config.attributes["connection"]
context.configure(connection=connection, version_table=VERSION_TABLE, render_as_batch=True,
                  transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
