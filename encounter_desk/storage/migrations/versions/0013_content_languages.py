"""Both languages for content: summaries, agreements and initiatives in Spanish and English.

Each text gets ``<name>_es``, ``<name>_en`` and ``<name>_original`` (the text in its
original language when that is neither Spanish nor English) beside the record's original
language (see :mod:`encounter_desk.core.bilingual`). The text a record held in one language
moves into the column of that language, so nothing is lost:

- a speech's ``summary`` goes by the speech's language (else the speaker's, else Spanish);
- an agreement already had ``text_es``/``text_en``: its original language is Spanish when
  it has a Spanish text, else English;
- an initiative's ``title``/``description`` were Spanish (the register's language).

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 22:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _text(name: str, length: int | None = None) -> sa.Column:
    kind = sa.String(length=length) if length else sa.Text()
    return sa.Column(name, kind, nullable=False, server_default="")


def _language(name: str) -> sa.Column:
    return sa.Column(name, sa.String(length=5), nullable=False, server_default="es")


def upgrade() -> None:
    with op.batch_alter_table("speech") as batch_op:
        for suffix in ("es", "en", "original"):
            batch_op.add_column(_text(f"summary_{suffix}"))
    # The speech's language, else its speaker's; a summary in neither working language is
    # its original.
    op.execute(
        "UPDATE speech SET language = COALESCE((SELECT lower(p.language) FROM participant p "
        "WHERE p.id = speech.participant_id), '') WHERE language = '' AND summary <> ''")
    op.execute("UPDATE speech SET summary_en = summary WHERE language = 'en'")
    op.execute("UPDATE speech SET summary_original = summary "
               "WHERE language NOT IN ('es', 'en', '')")
    op.execute("UPDATE speech SET summary_es = summary WHERE language IN ('es', '')")
    with op.batch_alter_table("speech") as batch_op:
        batch_op.drop_column("summary")

    with op.batch_alter_table("agreement") as batch_op:
        batch_op.add_column(_text("text_original"))
        batch_op.add_column(_language("original_language"))
    op.execute("UPDATE agreement SET original_language = 'en' WHERE text_es = ''")

    with op.batch_alter_table("initiative") as batch_op:
        batch_op.alter_column("title", new_column_name="title_es",
                              existing_type=sa.String(length=400), existing_nullable=False,
                              server_default="")
        batch_op.alter_column("description", new_column_name="description_es",
                              existing_type=sa.Text(), existing_nullable=False,
                              server_default="")
        batch_op.add_column(_text("title_en", 400))
        batch_op.add_column(_text("title_original", 400))
        batch_op.add_column(_text("description_en"))
        batch_op.add_column(_text("description_original"))
        batch_op.add_column(_language("original_language"))


def downgrade() -> None:
    with op.batch_alter_table("initiative") as batch_op:
        for name in ("original_language", "description_original", "description_en",
                     "title_original", "title_en"):
            batch_op.drop_column(name)
        batch_op.alter_column("description_es", new_column_name="description",
                              existing_type=sa.Text(), existing_nullable=False)
        batch_op.alter_column("title_es", new_column_name="title",
                              existing_type=sa.String(length=400), existing_nullable=False)
    with op.batch_alter_table("agreement") as batch_op:
        batch_op.drop_column("original_language")
        batch_op.drop_column("text_original")
    with op.batch_alter_table("speech") as batch_op:
        batch_op.add_column(sa.Column("summary", sa.Text(), nullable=False, server_default=""))
    op.execute("UPDATE speech SET summary = CASE WHEN summary_original <> '' "
               "THEN summary_original WHEN language = 'en' AND summary_en <> '' THEN summary_en "
               "WHEN summary_es <> '' THEN summary_es ELSE summary_en END")
    with op.batch_alter_table("speech") as batch_op:
        for suffix in ("original", "en", "es"):
            batch_op.drop_column(f"summary_{suffix}")
