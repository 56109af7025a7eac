"""Lists of speakers: speeches, list settings and speaking budgets.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 19:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "speech",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sitting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("delegation_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("replies_to_id", sa.Integer(), nullable=True),
        sa.Column("interrupts_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("paused_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("paused_seconds", sa.Float(), nullable=False),
        sa.Column("pause_count", sa.Integer(), nullable=False),
        sa.Column("limit_seconds", sa.Integer(), nullable=True),
        sa.Column("custom_limit", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["sitting_id"],
            ["sitting.id"],
            name=op.f("fk_speech_sitting_id_sitting"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_speech_agenda_item_id_agenda_item"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_speech_participant_id_participant"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["delegation.id"],
            name=op.f("fk_speech_delegation_id_delegation"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["replies_to_id"],
            ["speech.id"],
            name=op.f("fk_speech_replies_to_id_speech"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["interrupts_id"],
            ["speech.id"],
            name=op.f("fk_speech_interrupts_id_speech"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speech")),
    )
    with op.batch_alter_table("speech", schema=None) as batch_op:
        batch_op.create_index("ix_speech_sitting_id", ["sitting_id", "agenda_item_id"], unique=False)
        batch_op.create_index("ix_speech_participant_id", ["participant_id"], unique=False)
        batch_op.create_index("ix_speech_state", ["state"], unique=False)

    op.create_table(
        "speaker_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sitting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("statement_seconds", sa.Integer(), nullable=True),
        sa.Column("reply_seconds", sa.Integer(), nullable=False),
        sa.Column("question_seconds", sa.Integer(), nullable=False),
        sa.Column("point_of_order_seconds", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sitting_id"],
            ["sitting.id"],
            name=op.f("fk_speaker_list_sitting_id_sitting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_speaker_list_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker_list")),
    )
    with op.batch_alter_table("speaker_list", schema=None) as batch_op:
        batch_op.create_index(
            "ix_speaker_list_sitting_id", ["sitting_id", "agenda_item_id"], unique=False
        )

    op.create_table(
        "speaking_budget",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sitting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sitting_id"],
            ["sitting.id"],
            name=op.f("fk_speaking_budget_sitting_id_sitting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_speaking_budget_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["delegation_id"],
            ["delegation.id"],
            name=op.f("fk_speaking_budget_delegation_id_delegation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaking_budget")),
    )
    with op.batch_alter_table("speaking_budget", schema=None) as batch_op:
        batch_op.create_index(
            "ix_speaking_budget_sitting_id", ["sitting_id", "agenda_item_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("speaking_budget", schema=None) as batch_op:
        batch_op.drop_index("ix_speaking_budget_sitting_id")
    op.drop_table("speaking_budget")
    with op.batch_alter_table("speaker_list", schema=None) as batch_op:
        batch_op.drop_index("ix_speaker_list_sitting_id")
    op.drop_table("speaker_list")
    with op.batch_alter_table("speech", schema=None) as batch_op:
        batch_op.drop_index("ix_speech_state")
        batch_op.drop_index("ix_speech_participant_id")
        batch_op.drop_index("ix_speech_sitting_id")
    op.drop_table("speech")
