"""Person name keys by script class and by given name as well as surname; covering indexes.

The rows of person_keys are recomputed from their (document, subject, form) with the keys of
`checker.store.store.stored_person_keys`: a sound key is now `sa:SURNAME|GIVEN` for an ASCII form
and `sn:SURNAME|GIVEN` for any other (it was `s:SURNAME`, shared by a great many stored people).
The key and subject indexes cover the lookups of a draft check (key -> subject, form; subject ->
form), so they read no table rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from checker.store.store import rekey_person_keys, stored_person_keys

    op.drop_index("ix_person_keys_key", table_name="person_keys")
    op.drop_index("ix_person_keys_subject", table_name="person_keys")
    rekey_person_keys(op.get_bind(), stored_person_keys)
    op.create_index("ix_person_keys_key_subject_form", "person_keys", ["key", "subject_id", "form"])
    op.create_index("ix_person_keys_subject_form", "person_keys", ["subject_id", "form"])


def _keys_0001(form: str) -> set[str]:
    """The keys of revision 0001: `f:` plus the one-deletion neighbourhoods of the surname's
    skeleton variants (`s:`), whatever the script."""
    from claims.normalize.names import fold, name_parts, skeleton_variants

    keys = {f"f:{fold(form)}"}
    parts = name_parts(form)
    if len(parts) >= 2:
        for variant in skeleton_variants(parts[-1]) - {""}:
            keys |= {f"s:{d}" for d in {variant} | {variant[:i] + variant[i + 1:] for i in range(len(variant))} if d}
    return keys


def downgrade() -> None:
    from checker.store.store import rekey_person_keys

    op.drop_index("ix_person_keys_key_subject_form", table_name="person_keys")
    op.drop_index("ix_person_keys_subject_form", table_name="person_keys")
    rekey_person_keys(op.get_bind(), _keys_0001)
    op.create_index("ix_person_keys_key", "person_keys", ["key"])
    op.create_index("ix_person_keys_subject", "person_keys", ["subject_id"])
