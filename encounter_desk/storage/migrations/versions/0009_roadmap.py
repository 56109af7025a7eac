"""The road map: stage, horizon, indicator, focal point and texts of an initiative; the
history of its stages; the document language of a delegation.

Existing initiatives get the stage their status stands for, and a first history entry
dated the day they were registered.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 18:30:00
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

NEW_COLUMNS = (
    ("stage", sa.String(length=20), "announced"),
    ("horizon", sa.String(length=10), "short"),
    ("indicator", sa.Text(), ""),
    ("focal_name", sa.String(length=200), ""),
    ("focal_email", sa.String(length=200), ""),
    ("text_es", sa.Text(), ""),
    ("text_en", sa.Text(), ""),
)
STAGE_OF_STATUS = {"pledged": "announced", "drafted": "drafted", "tabled": "filed",
                   "adopted": "approved", "withdrawn": "withdrawn"}


def upgrade() -> None:
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        for name, type_, default in NEW_COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=False, server_default=default))
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("document_language", sa.String(length=5), nullable=False,
                                      server_default=""))

    op.create_table(
        "initiative_stage_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("previous_stage", sa.String(length=20), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("source_detail", sa.String(length=300), nullable=False),
        sa.Column("entered_by", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"], ["initiative.id"],
            name=op.f("fk_initiative_stage_change_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative_stage_change")),
    )
    with op.batch_alter_table("initiative_stage_change", schema=None) as batch_op:
        batch_op.create_index("ix_initiative_stage_change_initiative_id", ["initiative_id"],
                              unique=False)

    bind = op.get_bind()
    initiative = sa.table("initiative", sa.column("id", sa.Integer), sa.column("status"),
                          sa.column("stage"), sa.column("created_at"))
    change = sa.table("initiative_stage_change", *(sa.column(n) for n in (
        "initiative_id", "stage", "previous_stage", "changed_on", "source", "source_detail",
        "entered_by", "note", "recorded_at")))
    for row in bind.execute(sa.select(initiative.c.id, initiative.c.status,
                                      initiative.c.created_at)).all():
        stage = STAGE_OF_STATUS.get(row.status, "announced")
        bind.execute(initiative.update().where(initiative.c.id == row.id).values(stage=stage))
        created = row.created_at
        if isinstance(created, str):  # SQLite hands back text for an untyped column
            created = dt.datetime.fromisoformat(created)
        bind.execute(change.insert().values(
            initiative_id=row.id, stage=stage, previous_stage="", changed_on=created.date(),
            source="encounter", source_detail="", entered_by="", note="",
            recorded_at=created))


def downgrade() -> None:
    with op.batch_alter_table("initiative_stage_change", schema=None) as batch_op:
        batch_op.drop_index("ix_initiative_stage_change_initiative_id")
    op.drop_table("initiative_stage_change")
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.drop_column("document_language")
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        for name, _type, _default in reversed(NEW_COLUMNS):
            batch_op.drop_column(name)
