"""A list may take only participants marked present at its sitting (issue 14).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 18:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("speaker_list", schema=None) as batch_op:
        batch_op.add_column(sa.Column("only_present", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("speaker_list", schema=None) as batch_op:
        batch_op.drop_column("only_present")
