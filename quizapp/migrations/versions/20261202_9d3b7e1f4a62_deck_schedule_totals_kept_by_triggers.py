"""Deck schedule totals, kept up to date by the database: each user's schedules per deck, and how many are learned.

Revision ID: 9d3b7e1f4a62
Revises: 2c3ccb0ed475
Create Date: 2026-12-02 23:59:00

The decks page joined every schedule of the student to the decks of its card and counted them per deck: 10,000 rows
for a student with a schedule for every card of a school's bank (7 ms), 1,000 for an ordinary one. It now reads
deck_schedule_totals, one row per deck, and counts itself only what changes with the clock (the schedules due) or
is few (those of cards not served, held cards). The totals are filled here, then kept by triggers in the changing
statement's own transaction: a schedule made, deleted or changing state, user or card, a card put in or taken out
of a deck (a deleted card's deck_cards rows go first, migration 3f9a6c2e8b17). Every schedule counts, whatever its
card's status: a status change touches no total. SQLite gets five triggers; PostgreSQL two trigger functions.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '9d3b7e1f4a62'
down_revision = '2c3ccb0ed475'
branch_labels = None
depends_on = None

_LEARNED = "CASE WHEN {row}.state = 2 THEN 1 ELSE 0 END"  # fsrs State.Review


def _sqlite_schedule(row: str, sign: str) -> str:
    """Count a schedule (row: NEW or OLD) in or out of the totals of each deck its card is in."""
    decks = f"(SELECT deck_id FROM deck_cards WHERE card_id = {row}.card_id)"
    update = (f"UPDATE deck_schedule_totals SET met = met {sign} 1, learned = learned {sign} "
              f"{_LEARNED.format(row=row)} WHERE user_id = {row}.user_id AND deck_id IN {decks};")
    if sign == "-":
        return update
    return (f"INSERT OR IGNORE INTO deck_schedule_totals (user_id, deck_id, met, learned) "
            f"SELECT {row}.user_id, deck_id, 0, 0 FROM deck_cards WHERE card_id = {row}.card_id; {update}")


def _sqlite_deck_card(row: str, sign: str) -> str:
    """Count every schedule of a card (row: NEW or OLD deck_cards row) in or out of its deck's totals."""
    users = f"(SELECT user_id FROM review_states WHERE card_id = {row}.card_id)"
    learned = (f"(SELECT {_LEARNED.format(row='s')} FROM review_states s "
               f"WHERE s.user_id = deck_schedule_totals.user_id AND s.card_id = {row}.card_id)")
    update = (f"UPDATE deck_schedule_totals SET met = met {sign} 1, learned = learned {sign} {learned} "
              f"WHERE deck_id = {row}.deck_id AND user_id IN {users};")
    if sign == "-":
        return update
    return (f"INSERT OR IGNORE INTO deck_schedule_totals (user_id, deck_id, met, learned) "
            f"SELECT user_id, {row}.deck_id, 0, 0 FROM review_states WHERE card_id = {row}.card_id; {update}")


_SCHEDULE_COLUMNS = "user_id, card_id, state"

SQLITE_TRIGGERS = [
    f"CREATE TRIGGER deck_schedule_totals_insert AFTER INSERT ON review_states "
    f"BEGIN {_sqlite_schedule('NEW', '+')} END",
    f"CREATE TRIGGER deck_schedule_totals_delete AFTER DELETE ON review_states "
    f"BEGIN {_sqlite_schedule('OLD', '-')} END",
    # Most answers change a schedule's due date only: the trigger fires on a change of state, user or card.
    f"CREATE TRIGGER deck_schedule_totals_update AFTER UPDATE OF {_SCHEDULE_COLUMNS} ON review_states "
    "WHEN OLD.user_id IS NOT NEW.user_id OR OLD.card_id IS NOT NEW.card_id OR OLD.state IS NOT NEW.state "
    f"BEGIN {_sqlite_schedule('OLD', '-')} {_sqlite_schedule('NEW', '+')} END",
    f"CREATE TRIGGER deck_schedule_totals_card_in AFTER INSERT ON deck_cards "
    f"BEGIN {_sqlite_deck_card('NEW', '+')} END",
    f"CREATE TRIGGER deck_schedule_totals_card_out AFTER DELETE ON deck_cards "
    f"BEGIN {_sqlite_deck_card('OLD', '-')} END",
    f"CREATE TRIGGER deck_schedule_totals_card_moved AFTER UPDATE ON deck_cards "
    f"BEGIN {_sqlite_deck_card('OLD', '-')} {_sqlite_deck_card('NEW', '+')} END",
]

POSTGRESQL_TRIGGERS = [
    f"""
    CREATE FUNCTION deck_schedule_totals_schedule() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            UPDATE deck_schedule_totals SET met = met - 1, learned = learned - {_LEARNED.format(row='OLD')}
             WHERE user_id = OLD.user_id AND deck_id IN (SELECT deck_id FROM deck_cards WHERE card_id = OLD.card_id);
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO deck_schedule_totals (user_id, deck_id, met, learned)
            SELECT NEW.user_id, deck_id, 1, {_LEARNED.format(row='NEW')} FROM deck_cards WHERE card_id = NEW.card_id
            ON CONFLICT (user_id, deck_id) DO UPDATE
               SET met = deck_schedule_totals.met + 1, learned = deck_schedule_totals.learned + EXCLUDED.learned;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER deck_schedule_totals_schedule AFTER INSERT OR DELETE ON review_states "
    "FOR EACH ROW EXECUTE FUNCTION deck_schedule_totals_schedule()",
    # Most answers change a schedule's due date only: the trigger fires on a change of state, user or card.
    f"CREATE TRIGGER deck_schedule_totals_schedule_update AFTER UPDATE OF {_SCHEDULE_COLUMNS} ON review_states "
    "FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.card_id IS DISTINCT FROM NEW.card_id "
    "OR OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION deck_schedule_totals_schedule()",
    f"""
    CREATE FUNCTION deck_schedule_totals_deck_card() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            UPDATE deck_schedule_totals t
               SET met = t.met - 1, learned = t.learned - {_LEARNED.format(row='s')}
              FROM review_states s
             WHERE s.card_id = OLD.card_id AND t.user_id = s.user_id AND t.deck_id = OLD.deck_id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO deck_schedule_totals (user_id, deck_id, met, learned)
            SELECT s.user_id, NEW.deck_id, 1, {_LEARNED.format(row='s')} FROM review_states s
             WHERE s.card_id = NEW.card_id
            ON CONFLICT (user_id, deck_id) DO UPDATE
               SET met = deck_schedule_totals.met + 1, learned = deck_schedule_totals.learned + EXCLUDED.learned;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER deck_schedule_totals_deck_card AFTER INSERT OR DELETE OR UPDATE ON deck_cards "
    "FOR EACH ROW EXECUTE FUNCTION deck_schedule_totals_deck_card()",
]


def upgrade() -> None:
    op.create_table('deck_schedule_totals',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('deck_id', sa.Integer(), nullable=False),
    sa.Column('met', sa.Integer(), nullable=False),
    sa.Column('learned', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deck_id'], ['decks.id'], name=op.f('fk_deck_schedule_totals_deck_id_decks'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_deck_schedule_totals_user_id_users'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'deck_id', name=op.f('pk_deck_schedule_totals')),
    sqlite_with_rowid=False
    )
    op.execute(
        "INSERT INTO deck_schedule_totals (user_id, deck_id, met, learned) "
        f"SELECT s.user_id, deck_cards.deck_id, count(*), sum({_LEARNED.format(row='s')}) "
        "FROM review_states s JOIN deck_cards ON deck_cards.card_id = s.card_id "
        "GROUP BY s.user_id, deck_cards.deck_id"
    )
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for statement in SQLITE_TRIGGERS if sqlite else POSTGRESQL_TRIGGERS:
        op.execute(statement)
    if sqlite:
        op.execute('ANALYZE deck_schedule_totals')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for name in ('deck_schedule_totals_insert', 'deck_schedule_totals_delete', 'deck_schedule_totals_update',
                     'deck_schedule_totals_card_in', 'deck_schedule_totals_card_out',
                     'deck_schedule_totals_card_moved'):
            op.execute(f"DROP TRIGGER {name}")
    else:
        for name, table in (('deck_schedule_totals_schedule', 'review_states'),
                            ('deck_schedule_totals_schedule_update', 'review_states'),
                            ('deck_schedule_totals_deck_card', 'deck_cards')):
            op.execute(f"DROP TRIGGER {name} ON {table}")
        for name in ('deck_schedule_totals_schedule', 'deck_schedule_totals_deck_card'):
            op.execute(f"DROP FUNCTION {name}()")
    op.drop_table('deck_schedule_totals')
