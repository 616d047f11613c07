"""Answer totals per user and card, kept up to date by the database: triggers on answers.

Revision ID: 7b3e5f0c9d21
Revises: 5e7c1d9a2b40
Create Date: 2026-12-02 15:00:00

The progress page's accuracy summed every answer a student ever gave (100,000 for a long history); it now reads
answer_totals, one row per card the student answered. The totals are filled from the answers here, then kept by
triggers that fire for every answer inserted, deleted or changed, in the statement's own transaction: an aggregate
the database maintains, which cannot go stale the way a cache can. A total that falls to no answers is removed.
SQLite gets three triggers; PostgreSQL one trigger function.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '7b3e5f0c9d21'
down_revision = '5e7c1d9a2b40'
branch_labels = None
depends_on = None

_ADD = """
    INSERT OR IGNORE INTO answer_totals (user_id, card_id, answered, correct) VALUES (NEW.user_id, NEW.card_id, 0, 0);
    UPDATE answer_totals SET answered = answered + 1, correct = correct + NEW.correct
     WHERE user_id = NEW.user_id AND card_id = NEW.card_id;
"""
_TAKE_BACK = """
    UPDATE answer_totals SET answered = answered - 1, correct = correct - OLD.correct
     WHERE user_id = OLD.user_id AND card_id = OLD.card_id;
    DELETE FROM answer_totals WHERE user_id = OLD.user_id AND card_id = OLD.card_id AND answered <= 0;
"""
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER answer_totals_insert AFTER INSERT ON answers BEGIN {_ADD} END",
    f"CREATE TRIGGER answer_totals_delete AFTER DELETE ON answers BEGIN {_TAKE_BACK} END",
    f"CREATE TRIGGER answer_totals_update AFTER UPDATE OF user_id, card_id, correct ON answers "
    f"BEGIN {_TAKE_BACK} {_ADD} END",
]
POSTGRESQL_TRIGGER = [
    """
    CREATE FUNCTION answer_totals_count() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            UPDATE answer_totals SET answered = answered - 1, correct = correct - OLD.correct::int
             WHERE user_id = OLD.user_id AND card_id = OLD.card_id;
            DELETE FROM answer_totals WHERE user_id = OLD.user_id AND card_id = OLD.card_id AND answered <= 0;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO answer_totals (user_id, card_id, answered, correct)
            VALUES (NEW.user_id, NEW.card_id, 1, NEW.correct::int)
            ON CONFLICT (user_id, card_id) DO UPDATE
               SET answered = answer_totals.answered + 1, correct = answer_totals.correct + EXCLUDED.correct;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER answer_totals_count AFTER INSERT OR DELETE OR UPDATE OF user_id, card_id, correct ON answers "
    "FOR EACH ROW EXECUTE FUNCTION answer_totals_count()",
]


def upgrade() -> None:
    op.create_table('answer_totals',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.String(length=64), nullable=False),
    sa.Column('answered', sa.Integer(), nullable=False),
    sa.Column('correct', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['card_id'], ['cards.id'], name=op.f('fk_answer_totals_card_id_cards'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_answer_totals_user_id_users')),
    sa.PrimaryKeyConstraint('user_id', 'card_id', name=op.f('pk_answer_totals'))
    )
    op.execute(
        "INSERT INTO answer_totals (user_id, card_id, answered, correct) "
        "SELECT user_id, card_id, count(*), sum(CASE WHEN correct THEN 1 ELSE 0 END) FROM answers "
        "GROUP BY user_id, card_id"
    )
    for statement in SQLITE_TRIGGERS if op.get_bind().dialect.name == 'sqlite' else POSTGRESQL_TRIGGER:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for name in ('answer_totals_insert', 'answer_totals_delete', 'answer_totals_update'):
            op.execute(f"DROP TRIGGER {name}")
    else:
        op.execute("DROP TRIGGER answer_totals_count ON answers")
        op.execute("DROP FUNCTION answer_totals_count()")
    op.drop_table('answer_totals')
