"""Typed answers: an answer may be text the student typed, which names no option.

Revision ID: 7c1e5d2a9b40
Revises: ea4d0bea2138
Create Date: 2026-12-10 10:00:00.000000

Written by hand: answers.typed_text holds what was typed (None for every answer already stored, all of them
multiple choice), and answers.chosen_position becomes nullable, since a typed answer may name no option.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '7c1e5d2a9b40'
down_revision = 'ea4d0bea2138'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('typed_text', sa.Text(), nullable=True))
        batch_op.alter_column('chosen_position', existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # a typed answer that named no option has no position to go back to: it goes, as the column does; its
    # review log stays (the schedule's history), pointing to no answer, as a flashcard rating's does
    op.execute(sa.text("UPDATE review_logs SET answer_id = NULL WHERE answer_id IN "
                       "(SELECT id FROM answers WHERE chosen_position IS NULL)"))
    op.execute(sa.text("DELETE FROM answers WHERE chosen_position IS NULL"))
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.alter_column('chosen_position', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('typed_text')
