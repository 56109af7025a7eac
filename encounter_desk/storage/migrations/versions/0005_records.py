"""Records: attendance per sitting, agreements, legislative initiatives and their sponsors.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 20:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def upgrade() -> None:
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sitting_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("arrived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("desk", sa.String(length=80), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("attendance", "sitting_id", "sitting", "CASCADE"),
        _fk("attendance", "participant_id", "participant", "CASCADE"),
        _fk("attendance", "scan_id", "scan", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint(
            "sitting_id", "participant_id", name="uq_attendance_sitting_participant"
        ),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index("ix_attendance_participant_id", ["participant_id"], unique=False)

    op.create_table(
        "agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sitting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text_es", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("adoption", sa.String(length=20), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=True),
        sa.Column("votes_against", sa.Integer(), nullable=True),
        sa.Column("abstentions", sa.Integer(), nullable=True),
        sa.Column("is_annex", sa.Boolean(), nullable=False),
        sa.Column("annex_title", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("agreement", "sitting_id", "sitting", "CASCADE"),
        _fk("agreement", "agenda_item_id", "agenda_item", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
        sa.UniqueConstraint("sitting_id", "number", name="uq_agreement_number"),
    )

    op.create_table(
        "initiative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=400), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("sitting_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("initiative", "delegation_id", "delegation", "RESTRICT"),
        _fk("initiative", "sitting_id", "sitting", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative")),
    )
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.create_index("ix_initiative_delegation_id", ["delegation_id"], unique=False)

    op.create_table(
        "initiative_sponsor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _fk("initiative_sponsor", "initiative_id", "initiative", "CASCADE"),
        _fk("initiative_sponsor", "participant_id", "participant", "RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative_sponsor")),
        sa.UniqueConstraint("initiative_id", "participant_id", name="uq_initiative_sponsor"),
    )
    with op.batch_alter_table("initiative_sponsor", schema=None) as batch_op:
        batch_op.create_index(
            "ix_initiative_sponsor_participant_id", ["participant_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("initiative_sponsor", schema=None) as batch_op:
        batch_op.drop_index("ix_initiative_sponsor_participant_id")
    op.drop_table("initiative_sponsor")
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.drop_index("ix_initiative_delegation_id")
    op.drop_table("initiative")
    op.drop_table("agreement")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index("ix_attendance_participant_id")
    op.drop_table("attendance")
