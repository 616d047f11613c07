"""Indexes for the pages at scale: deck counts, the review queue, the calendar; then fresh planner statistics.

Revision ID: 5e7c1d9a2b40
Revises: 8e2f4c61d0a9
Create Date: 2026-12-02 14:45:00

Written by hand from the plans (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL) of the slow statements
measured by bench/serve.py:

- review_states (user_id, card_id, due, state): the decks page and the review queue count a user's schedules per
  deck, by due date and state, from the index alone;
- deck_cards (card_id, deck_id) instead of (card_id): the decks of a card from the index alone;
- cards (status): the cards served, or not, counted without reading every card's text;
- review_logs (user_id, reviewed_at) widened with state_before, due_before and rating: the progress page's
  calendar and true retention count a user's recent reviews from the index alone.

ANALYZE afterwards, so that SQLite's planner knows the sizes and picks these indexes (PostgreSQL's autovacuum
would too, in its time).
"""

from alembic import op

# revision identifiers, used by Alembic.
revision = '5e7c1d9a2b40'
down_revision = '8e2f4c61d0a9'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('review_states', schema=None) as batch_op:
        batch_op.create_index('ix_review_states_user_id_card_id_due_state', ['user_id', 'card_id', 'due', 'state'],
                              unique=False)
    with op.batch_alter_table('deck_cards', schema=None) as batch_op:
        batch_op.drop_index('ix_deck_cards_card_id')
        batch_op.create_index('ix_deck_cards_card_id', ['card_id', 'deck_id'], unique=False)
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.create_index('ix_cards_status', ['status'], unique=False)
    with op.batch_alter_table('review_logs', schema=None) as batch_op:
        batch_op.drop_index('ix_review_logs_user_id_reviewed_at')
        batch_op.create_index('ix_review_logs_user_id_reviewed_at',
                              ['user_id', 'reviewed_at', 'state_before', 'due_before', 'rating'], unique=False)
    op.execute('ANALYZE')


def downgrade() -> None:
    with op.batch_alter_table('review_logs', schema=None) as batch_op:
        batch_op.drop_index('ix_review_logs_user_id_reviewed_at')
        batch_op.create_index('ix_review_logs_user_id_reviewed_at', ['user_id', 'reviewed_at'], unique=False)
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.drop_index('ix_cards_status')
    with op.batch_alter_table('deck_cards', schema=None) as batch_op:
        batch_op.drop_index('ix_deck_cards_card_id')
        batch_op.create_index('ix_deck_cards_card_id', ['card_id'], unique=False)
    with op.batch_alter_table('review_states', schema=None) as batch_op:
        batch_op.drop_index('ix_review_states_user_id_card_id_due_state')
