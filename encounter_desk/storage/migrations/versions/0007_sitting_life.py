"""A sitting's life: the quorum verified at its opening, its recesses, its minutes' approval;
the event's paper (Letter or A4).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 18:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("paper", sa.String(length=10), nullable=False, server_default="")
        )
    with op.batch_alter_table("sitting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quorum_represented", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("quorum_members", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("quorum_met", sa.Boolean(), nullable=True))
        batch_op.add_column(
            sa.Column("minutes_approved_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("minutes_approved_in_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_sitting_minutes_approved_in_id_sitting"), "sitting",
            ["minutes_approved_in_id"], ["id"], ondelete="SET NULL",
        )
    op.create_table(
        "sitting_recess",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sitting_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["sitting_id"], ["sitting.id"],
            name=op.f("fk_sitting_recess_sitting_id_sitting"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sitting_recess")),
    )


def downgrade() -> None:
    op.drop_table("sitting_recess")
    with op.batch_alter_table("sitting", schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f("fk_sitting_minutes_approved_in_id_sitting"), type_="foreignkey"
        )
        batch_op.drop_column("minutes_approved_in_id")
        batch_op.drop_column("minutes_approved_at")
        batch_op.drop_column("quorum_met")
        batch_op.drop_column("quorum_members")
        batch_op.drop_column("quorum_represented")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("paper")
