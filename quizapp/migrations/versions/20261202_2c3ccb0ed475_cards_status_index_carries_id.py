"""The cards (status) index widened to (status, id): the served cards of a student's schedules counted from indexes.

Revision ID: 2c3ccb0ed475
Revises: 2c9d4e6f8a13
Create Date: 2026-12-02 18:50:00

Written by hand from the plans (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL) of the review queue's counts:
they count a student's schedules less those of the cards not served, whose ids the index now gives without reading
the cards (SQLite scanned every card for them); a student with a schedule for every card no longer has each
schedule's card looked up. The counts of cards by status still read the index's first column.
"""

from alembic import op

# revision identifiers, used by Alembic.
revision = '2c3ccb0ed475'
down_revision = '2c9d4e6f8a13'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.drop_index('ix_cards_status')
        batch_op.create_index('ix_cards_status', ['status', 'id'], unique=False)
    op.execute('ANALYZE cards')


def downgrade() -> None:
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.drop_index('ix_cards_status')
        batch_op.create_index('ix_cards_status', ['status'], unique=False)
