"""The declaration: draft paragraphs, amendments and sponsors, adoption, votes, statements.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def _index(table: str, name: str, columns: list[str]) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(name, columns, unique=False)


def upgrade() -> None:
    op.create_table(
        "declaration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title_es", sa.String(length=400), nullable=False),
        sa.Column("title_en", sa.String(length=400), nullable=False),
        sa.Column("chapeau_es", sa.Text(), nullable=False),
        sa.Column("chapeau_en", sa.Text(), nullable=False),
        sa.Column("operative_intro_es", sa.String(length=200), nullable=False),
        sa.Column("operative_intro_en", sa.String(length=200), nullable=False),
        sa.Column("authentic_language", sa.String(length=5), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("sitting_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("declaration", "sitting_id", "sitting", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaration")),
    )

    op.create_table(
        "declaration_paragraph",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("part", sa.String(length=10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text_es", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        _fk("declaration_paragraph", "declaration_id", "declaration", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaration_paragraph")),
    )
    _index("declaration_paragraph", "ix_declaration_paragraph_declaration_id",
           ["declaration_id"])

    op.create_table(
        "declaration_amendment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("paragraph_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text_es", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("final_text_es", sa.Text(), nullable=False),
        sa.Column("final_text_en", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        _fk("declaration_amendment", "declaration_id", "declaration", "CASCADE"),
        _fk("declaration_amendment", "paragraph_id", "declaration_paragraph", "RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaration_amendment")),
        sa.UniqueConstraint("declaration_id", "number", name="uq_declaration_amendment_number"),
    )
    _index("declaration_amendment", "ix_declaration_amendment_paragraph_id", ["paragraph_id"])

    op.create_table(
        "declaration_amendment_sponsor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("amendment_id", sa.Integer(), nullable=False),
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _fk("declaration_amendment_sponsor", "amendment_id", "declaration_amendment", "CASCADE"),
        _fk("declaration_amendment_sponsor", "delegation_id", "delegation", "RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaration_amendment_sponsor")),
        sa.UniqueConstraint("amendment_id", "delegation_id",
                            name="uq_declaration_amendment_sponsor"),
    )
    _index("declaration_amendment_sponsor", "ix_declaration_amendment_sponsor_delegation_id",
           ["delegation_id"])

    op.create_table(
        "declaration_adoption",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("sitting_id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=True),
        sa.Column("votes_against", sa.Integer(), nullable=True),
        sa.Column("abstentions", sa.Integer(), nullable=True),
        sa.Column("adopted_at", sa.DateTime(timezone=True), nullable=False),
        _fk("declaration_adoption", "declaration_id", "declaration", "CASCADE"),
        _fk("declaration_adoption", "sitting_id", "sitting", "RESTRICT"),
        _fk("declaration_adoption", "agreement_id", "agreement", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaration_adoption")),
        sa.UniqueConstraint("declaration_id", name="uq_declaration_adoption_declaration_id"),
    )

    op.create_table(
        "declaration_vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("adoption_id", sa.Integer(), nullable=False),
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("vote", sa.String(length=10), nullable=False),
        _fk("declaration_vote", "adoption_id", "declaration_adoption", "CASCADE"),
        _fk("declaration_vote", "delegation_id", "delegation", "RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaration_vote")),
        sa.UniqueConstraint("adoption_id", "delegation_id", name="uq_declaration_vote"),
    )
    _index("declaration_vote", "ix_declaration_vote_delegation_id", ["delegation_id"])

    op.create_table(
        "declaration_statement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("delegation_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("paragraph_id", sa.Integer(), nullable=True),
        sa.Column("text_es", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("declaration_statement", "declaration_id", "declaration", "CASCADE"),
        _fk("declaration_statement", "delegation_id", "delegation", "RESTRICT"),
        _fk("declaration_statement", "paragraph_id", "declaration_paragraph", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaration_statement")),
    )
    _index("declaration_statement", "ix_declaration_statement_declaration_id",
           ["declaration_id"])
    _index("declaration_statement", "ix_declaration_statement_delegation_id", ["delegation_id"])

    op.create_table(
        "declaration_discussion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("paragraph_id", sa.Integer(), nullable=True),
        sa.Column("amendment_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        _fk("declaration_discussion", "declaration_id", "declaration", "CASCADE"),
        _fk("declaration_discussion", "paragraph_id", "declaration_paragraph", "CASCADE"),
        _fk("declaration_discussion", "amendment_id", "declaration_amendment", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaration_discussion")),
    )
    _index("declaration_discussion", "ix_declaration_discussion_declaration_id",
           ["declaration_id"])


def downgrade() -> None:
    for table, indexes in (
        ("declaration_discussion", ["ix_declaration_discussion_declaration_id"]),
        ("declaration_statement", ["ix_declaration_statement_delegation_id",
                                   "ix_declaration_statement_declaration_id"]),
        ("declaration_vote", ["ix_declaration_vote_delegation_id"]),
        ("declaration_adoption", []),
        ("declaration_amendment_sponsor", ["ix_declaration_amendment_sponsor_delegation_id"]),
        ("declaration_amendment", ["ix_declaration_amendment_paragraph_id"]),
        ("declaration_paragraph", ["ix_declaration_paragraph_declaration_id"]),
        ("declaration", []),
    ):
        if indexes:
            with op.batch_alter_table(table, schema=None) as batch_op:
                for name in indexes:
                    batch_op.drop_index(name)
        op.drop_table(table)
