"""Participants: accreditation withdrawn (never deleted once scanned), ids never reused.

The participant table is rebuilt (batch mode, also on SQLite) with AUTOINCREMENT, so SQLite
never hands a deleted participant's id — the one their printed badge carries — to the
next person registered. PostgreSQL's sequence never reused ids.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _recreate() -> str:
    """SQLite rebuilds the table (AUTOINCREMENT is part of it); a server alters it in place."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table(
        "participant", recreate=_recreate(), table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.add_column(sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_by", sa.String(length=200), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("withdrawn_reason", sa.Text(), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("participant", recreate=_recreate()) as batch_op:
        batch_op.drop_column("withdrawn_reason")
        batch_op.drop_column("withdrawn_by")
        batch_op.drop_column("withdrawn_at")
