"""The claim store: documents, claims, person name keys.

Revision ID: 0001
Revises:
Create Date: 2026-02-10
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(16), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("meta", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("skipped", sa.Text(), nullable=False),
        sa.Column("n_claims", sa.Integer(), nullable=False),
        sa.Column("indexed_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("doc", sa.String(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.String(), nullable=False),
        sa.Column("predicate", sa.String(), nullable=False),
        sa.Column("object_id", sa.String(), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
    )
    op.create_index("ix_claims_doc_seq", "claims", ["doc", "seq"])
    op.create_index("ix_claims_subject_predicate", "claims", ["subject_id", "predicate"])
    op.create_index("ix_claims_object_predicate", "claims", ["object_id", "predicate"])
    op.create_table(
        "person_keys",
        sa.Column("doc", sa.String(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("subject_id", sa.String(), nullable=False),
        sa.Column("form", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("doc", "key", "subject_id", "form"),
    )
    op.create_index("ix_person_keys_key", "person_keys", ["key"])
    op.create_index("ix_person_keys_subject", "person_keys", ["subject_id"])


def downgrade() -> None:
    op.drop_table("person_keys")
    op.drop_table("claims")
    op.drop_table("documents")
