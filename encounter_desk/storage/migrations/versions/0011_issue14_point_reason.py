"""A point of order carries its reason: a word of a short vocabulary and a few words (issue 14).

Speeches already recorded get "" for both: the reason was not stated.

Revision ID: 0011_issue14
Revises: 0010
Create Date: 2026-11-30 22:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_issue14"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("speech", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.String(length=20), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("reason_text", sa.String(length=200), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("speech", schema=None) as batch_op:
        batch_op.drop_column("reason_text")
        batch_op.drop_column("reason")
