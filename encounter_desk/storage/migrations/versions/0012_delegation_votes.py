"""Agreements: each member delegation's vote when a vote is taken by delegation.

One ``agreement_vote`` row per delegation and agreement (for, against, abstain, absent); the
agreement's tally is computed from them. Deleting the agreement deletes its votes; a
delegation that voted cannot be deleted.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 22:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreement_vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("vote", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"],
                                name=op.f("fk_agreement_vote_agreement_id_agreement"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["delegation_id"], ["delegation.id"],
                                name=op.f("fk_agreement_vote_delegation_id_delegation"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_vote")),
        sa.UniqueConstraint("agreement_id", "delegation_id", name="uq_agreement_vote"),
    )
    with op.batch_alter_table("agreement_vote") as batch_op:
        batch_op.create_index("ix_agreement_vote_delegation_id", ["delegation_id"])


def downgrade() -> None:
    with op.batch_alter_table("agreement_vote") as batch_op:
        batch_op.drop_index("ix_agreement_vote_delegation_id")
    op.drop_table("agreement_vote")
