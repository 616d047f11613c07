"""Deck totals, kept up to date by the database: how many cards each deck holds, and how many of them are served.

Revision ID: 3f9a6c2e8b17
Revises: 7b3e5f0c9d21
Create Date: 2026-12-02 18:15:00

The decks page counted every card of every deck on every visit (10,000 deck_cards rows for a school's bank,
and a scan of the cards for the drafts and retired ones); it now reads deck_totals, one row per deck. The totals
are filled here, then kept by triggers in the changing statement's own transaction, so they cannot drift from
deck_cards and the cards' statuses: a card put in or taken out of a deck, a card's status changed, a card deleted
(its deck_cards rows go first, while its status can still be read). SQLite gets five triggers; PostgreSQL three
trigger functions.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '3f9a6c2e8b17'
down_revision = '7b3e5f0c9d21'
branch_labels = None
depends_on = None

#: 1 for a served card, else 0.
_SERVED = "(SELECT count(*) FROM cards WHERE cards.id = {card}.card_id AND cards.status = 'active')"
_ADD = f"""
    INSERT OR IGNORE INTO deck_totals (deck_id, cards, active) VALUES (NEW.deck_id, 0, 0);
    UPDATE deck_totals SET cards = cards + 1, active = active + {_SERVED.format(card='NEW')}
     WHERE deck_id = NEW.deck_id;
"""
_TAKE_BACK = f"""
    UPDATE deck_totals SET cards = cards - 1, active = active - {_SERVED.format(card='OLD')}
     WHERE deck_id = OLD.deck_id;
"""
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER deck_totals_insert AFTER INSERT ON deck_cards BEGIN {_ADD} END",
    f"CREATE TRIGGER deck_totals_delete AFTER DELETE ON deck_cards BEGIN {_TAKE_BACK} END",
    f"CREATE TRIGGER deck_totals_update AFTER UPDATE ON deck_cards BEGIN {_TAKE_BACK} {_ADD} END",
    """
    CREATE TRIGGER deck_totals_status AFTER UPDATE OF status ON cards
    WHEN (OLD.status = 'active') <> (NEW.status = 'active')
    BEGIN
        UPDATE deck_totals SET active = active + CASE WHEN NEW.status = 'active' THEN 1 ELSE -1 END
         WHERE deck_id IN (SELECT deck_id FROM deck_cards WHERE card_id = NEW.id);
    END
    """,
    # The foreign key's cascade would remove the card's deck_cards rows after the card, when its status is gone.
    "CREATE TRIGGER deck_totals_card_delete BEFORE DELETE ON cards "
    "BEGIN DELETE FROM deck_cards WHERE card_id = OLD.id; END",
]
POSTGRESQL_TRIGGERS = [
    """
    CREATE FUNCTION deck_totals_count() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            UPDATE deck_totals
               SET cards = cards - 1,
                   active = active - (SELECT count(*) FROM cards WHERE id = OLD.card_id AND status = 'active')
             WHERE deck_id = OLD.deck_id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO deck_totals (deck_id, cards, active)
            VALUES (NEW.deck_id, 1, (SELECT count(*) FROM cards WHERE id = NEW.card_id AND status = 'active'))
            ON CONFLICT (deck_id) DO UPDATE
               SET cards = deck_totals.cards + 1, active = deck_totals.active + EXCLUDED.active;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER deck_totals_count AFTER INSERT OR DELETE OR UPDATE ON deck_cards "
    "FOR EACH ROW EXECUTE FUNCTION deck_totals_count()",
    """
    CREATE FUNCTION deck_totals_status() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE deck_totals SET active = active + CASE WHEN NEW.status = 'active' THEN 1 ELSE -1 END
         WHERE deck_id IN (SELECT deck_id FROM deck_cards WHERE card_id = NEW.id);
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER deck_totals_status AFTER UPDATE OF status ON cards FOR EACH ROW "
    "WHEN ((OLD.status = 'active') IS DISTINCT FROM (NEW.status = 'active')) EXECUTE FUNCTION deck_totals_status()",
    # The foreign key's cascade would remove the card's deck_cards rows after the card, when its status is gone.
    """
    CREATE FUNCTION deck_totals_card_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM deck_cards WHERE card_id = OLD.id;
        RETURN OLD;
    END
    $$
    """,
    "CREATE TRIGGER deck_totals_card_delete BEFORE DELETE ON cards FOR EACH ROW "
    "EXECUTE FUNCTION deck_totals_card_delete()",
]


def upgrade() -> None:
    op.create_table('deck_totals',
    sa.Column('deck_id', sa.Integer(), nullable=False),
    sa.Column('cards', sa.Integer(), nullable=False),
    sa.Column('active', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deck_id'], ['decks.id'], name=op.f('fk_deck_totals_deck_id_decks'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('deck_id', name=op.f('pk_deck_totals'))
    )
    op.execute(
        "INSERT INTO deck_totals (deck_id, cards, active) "
        "SELECT deck_cards.deck_id, count(*), sum(CASE WHEN cards.status = 'active' THEN 1 ELSE 0 END) "
        "FROM deck_cards JOIN cards ON cards.id = deck_cards.card_id GROUP BY deck_cards.deck_id"
    )
    for statement in SQLITE_TRIGGERS if op.get_bind().dialect.name == 'sqlite' else POSTGRESQL_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for name in ('deck_totals_insert', 'deck_totals_delete', 'deck_totals_update', 'deck_totals_status',
                     'deck_totals_card_delete'):
            op.execute(f"DROP TRIGGER {name}")
    else:
        for name, table in (('deck_totals_count', 'deck_cards'), ('deck_totals_status', 'cards'),
                            ('deck_totals_card_delete', 'cards')):
            op.execute(f"DROP TRIGGER {name} ON {table}")
            op.execute(f"DROP FUNCTION {name}()")
    op.drop_table('deck_totals')
