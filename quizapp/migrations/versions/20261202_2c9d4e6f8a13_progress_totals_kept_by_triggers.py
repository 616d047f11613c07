"""Study days, answer totals by deck and by kind, and schedule totals, kept up to date by the database: triggers.

Revision ID: 2c9d4e6f8a13
Revises: 3f9a6c2e8b17
Create Date: 2026-12-02 18:30:00

The progress page counted a student's reviews and answers per day (streak, review calendar, true retention) from
every review and answer they ever gave, and summed their answer totals over every card they answered for accuracy;
a long history made it slow. It now reads three aggregates the database maintains, in the statement's own
transaction, so that they cannot go stale the way a cache can:

- study_days: reviews, measured reviews, passed reviews and answers per user and day, the user's own day
  (quizapp.days.StudentDay.of): the day is found with the time zone and day start hour the user has when a row is
  written, and a change of either counts the user's days again. Totals per UTC day or hour could not answer every
  student's day (a day may start at a quarter past the hour, and zones change their offset); totals per the
  user's own day answer theirs exactly, and a zone changes rarely.
- schedule_totals: per user, the cards studied (review_states rows), learned (in the Review state) and mature
  (learned with an interval of 21 days or more), kept by triggers on review_states; the forecast then reads only the
  cards falling due in its window.
- deck_answer_totals and kind_answer_totals: the answer totals per card (answer_totals) added up per deck and per
  kind of card, kept by triggers on answer_totals, on deck_cards (a card joins or leaves a deck) and on cards (a
  card's kind changes).

A total that falls to nothing is removed. On SQLite the tables keyed by user and day, deck or kind are stored
in the order of their key (WITHOUT ROWID), so that a student's rows are read together; and the quiz history gets an
index in the order it is shown. Each is filled from the existing rows here. SQLite finds a student's day
with the function quizapp.db registers on every connection (quizapp_day_shift); PostgreSQL with a function of its
own, quizapp_student_day. Both read an unknown or missing time zone as UTC, as StudentDay.of does.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '2c9d4e6f8a13'
down_revision = '3f9a6c2e8b17'
branch_labels = None
depends_on = None


# --- study days --------------------------------------------------------------------------------------------------

def _measured(row: str) -> str:
    """SQL for 1 when true retention measures the review row (see quizapp.services.stats.measured_by_retention)."""
    return f"CASE WHEN {row}.state_before = 2 AND {row}.reviewed_at >= {row}.due_before THEN 1 ELSE 0 END"


def _passed(row: str) -> str:
    """SQL for 1 when the review row is measured and not rated Again."""
    return (f"CASE WHEN {row}.state_before = 2 AND {row}.reviewed_at >= {row}.due_before AND {row}.rating <> 1 "
            "THEN 1 ELSE 0 END")


def _sqlite_day(stamp: str, zone: str, start_hour: str) -> str:
    return f"date({stamp}, quizapp_day_shift({stamp}, {zone}, {start_hour}))"


def _postgresql_day(stamp: str, zone: str, start_hour: str) -> str:
    return f"quizapp_student_day({stamp}, {zone}, {start_hour})"


def _count_days(day, where: str = "") -> str:
    """SQL that counts the study days of every user (or those where selects, on u), from their reviews and answers."""
    zone, start_hour = "COALESCE(u.time_zone, 'UTC')", "u.day_start_hour"
    return f"""
    INSERT INTO study_days (user_id, day, reviews, measured, passed, answers)
    SELECT user_id, day, sum(reviews), sum(measured), sum(passed), sum(answers) FROM (
        SELECT r.user_id AS user_id, {day('r.reviewed_at', zone, start_hour)} AS day, 1 AS reviews,
               {_measured('r')} AS measured, {_passed('r')} AS passed, 0 AS answers
          FROM review_logs r JOIN users u ON u.id = r.user_id {where}
        UNION ALL
        SELECT a.user_id, {day('a.answered_at', zone, start_hour)}, 0, 0, 0, 1
          FROM answers a JOIN users u ON u.id = a.user_id {where}
    ) AS counted
    GROUP BY user_id, day
    """


def _sqlite_row_day(row: str, stamp: str) -> str:
    user = f"users WHERE users.id = {row}.user_id"
    return _sqlite_day(f"{row}.{stamp}", f"(SELECT COALESCE(time_zone, 'UTC') FROM {user})",
                       f"(SELECT day_start_hour FROM {user})")


def _sqlite_count(row: str, stamp: str, sign: str, counts: dict[str, str]) -> str:
    """SQLite statements that add (sign "+") or take back (sign "-") a review or answer row's counts on its day."""
    day = _sqlite_row_day(row, stamp)
    changes = ", ".join(f"{column} = {column} {sign} {value}" for column, value in counts.items())
    key = f"user_id = {row}.user_id AND day = {day}"
    if sign == "+":
        return (f"INSERT OR IGNORE INTO study_days (user_id, day, reviews, measured, passed, answers) "
                f"VALUES ({row}.user_id, {day}, 0, 0, 0, 0); UPDATE study_days SET {changes} WHERE {key};")
    return (f"UPDATE study_days SET {changes} WHERE {key}; "
            f"DELETE FROM study_days WHERE {key} AND reviews <= 0 AND answers <= 0;")


def _review_counts(row: str) -> dict[str, str]:
    return {"reviews": "1", "measured": _measured(row), "passed": _passed(row)}


def _postgresql_count(table: str, stamp: str, counts) -> str:
    """The PostgreSQL trigger function that counts a review or answer row on its day (study_days_count_<table>)."""
    def day(row: str) -> str:
        return (f"SELECT quizapp_student_day({row}.{stamp}, u.time_zone, u.day_start_hour) INTO counted_day "
                f"FROM users u WHERE u.id = {row}.user_id;")
    taken_back = ", ".join(f"{column} = {column} - {value}" for column, value in counts('OLD').items())
    added = counts('NEW')
    columns = ("reviews", "measured", "passed", "answers")
    values = ", ".join(added.get(column, "0") for column in columns)
    sums = ", ".join(f"{column} = study_days.{column} + EXCLUDED.{column}" for column in added)
    return f"""
    CREATE FUNCTION study_days_count_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        counted_day date;
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            {day('OLD')}
            UPDATE study_days SET {taken_back} WHERE user_id = OLD.user_id AND day = counted_day;
            DELETE FROM study_days
             WHERE user_id = OLD.user_id AND day = counted_day AND reviews <= 0 AND answers <= 0;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            {day('NEW')}
            INSERT INTO study_days (user_id, day, {", ".join(columns)})
            VALUES (NEW.user_id, counted_day, {values})
            ON CONFLICT (user_id, day) DO UPDATE SET {sums};
        END IF;
        RETURN NULL;
    END
    $$
    """


_REVIEW_COLUMNS = "user_id, reviewed_at, state_before, due_before, rating"
_ANSWER_COLUMNS = "user_id, answered_at"
_TIME_ZONE_CHANGED = "OLD.time_zone IS NOT NEW.time_zone OR OLD.day_start_hour IS NOT NEW.day_start_hour"

SQLITE_STUDY_DAYS = [
    f"CREATE TRIGGER study_days_review_insert AFTER INSERT ON review_logs BEGIN "
    f"{_sqlite_count('NEW', 'reviewed_at', '+', _review_counts('NEW'))} END",
    f"CREATE TRIGGER study_days_review_delete AFTER DELETE ON review_logs BEGIN "
    f"{_sqlite_count('OLD', 'reviewed_at', '-', _review_counts('OLD'))} END",
    f"CREATE TRIGGER study_days_review_update AFTER UPDATE OF {_REVIEW_COLUMNS} ON review_logs BEGIN "
    f"{_sqlite_count('OLD', 'reviewed_at', '-', _review_counts('OLD'))} "
    f"{_sqlite_count('NEW', 'reviewed_at', '+', _review_counts('NEW'))} END",
    f"CREATE TRIGGER study_days_answer_insert AFTER INSERT ON answers BEGIN "
    f"{_sqlite_count('NEW', 'answered_at', '+', {'answers': '1'})} END",
    f"CREATE TRIGGER study_days_answer_delete AFTER DELETE ON answers BEGIN "
    f"{_sqlite_count('OLD', 'answered_at', '-', {'answers': '1'})} END",
    f"CREATE TRIGGER study_days_answer_update AFTER UPDATE OF {_ANSWER_COLUMNS} ON answers BEGIN "
    f"{_sqlite_count('OLD', 'answered_at', '-', {'answers': '1'})} "
    f"{_sqlite_count('NEW', 'answered_at', '+', {'answers': '1'})} END",
    f"CREATE TRIGGER study_days_recount AFTER UPDATE OF time_zone, day_start_hour ON users "
    f"WHEN {_TIME_ZONE_CHANGED} BEGIN DELETE FROM study_days WHERE user_id = NEW.id; "
    f"{_count_days(_sqlite_day, 'WHERE u.id = NEW.id')}; END",
]

POSTGRESQL_STUDY_DAYS = [
    """
    CREATE FUNCTION quizapp_student_day(stamp timestamptz, zone text, start_hour integer) RETURNS date
    LANGUAGE plpgsql STABLE AS $$
    BEGIN
        -- StudentDay.day_of's rule: the wall time in the zone, less the hours before the day starts.
        RETURN CAST(timezone(COALESCE(NULLIF(zone, ''), 'UTC'), stamp) - make_interval(hours => start_hour) AS DATE);
    EXCEPTION WHEN invalid_parameter_value THEN
        -- a zone this database does not know reads as UTC, as StudentDay.of reads one Python does not know
        RETURN CAST(timezone('UTC', stamp) - make_interval(hours => start_hour) AS DATE);
    END
    $$
    """,
    _postgresql_count('review_logs', 'reviewed_at', _review_counts),
    _postgresql_count('answers', 'answered_at', lambda row: {'answers': '1'}),
    f"CREATE TRIGGER study_days_count AFTER INSERT OR DELETE OR UPDATE OF {_REVIEW_COLUMNS} ON review_logs "
    "FOR EACH ROW EXECUTE FUNCTION study_days_count_review_logs()",
    f"CREATE TRIGGER study_days_count AFTER INSERT OR DELETE OR UPDATE OF {_ANSWER_COLUMNS} ON answers "
    "FOR EACH ROW EXECUTE FUNCTION study_days_count_answers()",
    f"""
    CREATE FUNCTION study_days_recount() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM study_days WHERE user_id = NEW.id;
        {_count_days(_postgresql_day, 'WHERE u.id = NEW.id')};
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER study_days_recount AFTER UPDATE OF time_zone, day_start_hour ON users FOR EACH ROW "
    "WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone OR OLD.day_start_hour IS DISTINCT FROM NEW.day_start_hour) "
    "EXECUTE FUNCTION study_days_recount()",
]


# --- answer totals by deck and by kind -----------------------------------------------------------------------------

def _sqlite_spread(user: str, card: str, answered: str, correct: str) -> str:
    """SQLite statements that add answered and correct (negative to take back) to the card's decks and kind."""
    decks = f"(SELECT deck_id FROM deck_cards WHERE card_id = {card})"
    kind = f"(SELECT kind FROM cards WHERE id = {card})"
    return f"""
    INSERT OR IGNORE INTO deck_answer_totals (user_id, deck_id, answered, correct)
    SELECT {user}, deck_id, 0, 0 FROM deck_cards WHERE card_id = {card};
    UPDATE deck_answer_totals SET answered = answered + ({answered}), correct = correct + ({correct})
     WHERE user_id = {user} AND deck_id IN {decks};
    DELETE FROM deck_answer_totals WHERE user_id = {user} AND deck_id IN {decks} AND answered <= 0;
    INSERT OR IGNORE INTO kind_answer_totals (user_id, kind, answered, correct)
    SELECT {user}, kind, 0, 0 FROM cards WHERE id = {card};
    UPDATE kind_answer_totals SET answered = answered + ({answered}), correct = correct + ({correct})
     WHERE user_id = {user} AND kind = {kind};
    DELETE FROM kind_answer_totals WHERE user_id = {user} AND kind = {kind} AND answered <= 0;
    """


def _sqlite_card_totals(table: str, key: str, value: str, card: str, sign: str) -> str:
    """SQLite statements that add (sign "+") or take back (sign "-") every user's total of card under key = value."""
    total = f"(SELECT t.{{column}} FROM answer_totals t WHERE t.user_id = {table}.user_id AND t.card_id = {card})"
    users = f"(SELECT user_id FROM answer_totals WHERE card_id = {card})"
    update = (f"UPDATE {table} SET answered = answered {sign} {total.format(column='answered')}, "
              f"correct = correct {sign} {total.format(column='correct')} "
              f"WHERE {key} = {value} AND user_id IN {users};")
    if sign == "+":
        return (f"INSERT OR IGNORE INTO {table} (user_id, {key}, answered, correct) "
                f"SELECT user_id, {value}, 0, 0 FROM answer_totals WHERE card_id = {card}; {update}")
    return f"{update} DELETE FROM {table} WHERE {key} = {value} AND user_id IN {users} AND answered <= 0;"


_SAME_TOTAL = "OLD.user_id = NEW.user_id AND OLD.card_id = NEW.card_id"

SQLITE_SPREAD = [
    # answers insert a total of nothing and then count on it: only the counting spreads
    "CREATE TRIGGER answer_totals_spread_insert AFTER INSERT ON answer_totals WHEN NEW.answered <> 0 BEGIN "
    f"{_sqlite_spread('NEW.user_id', 'NEW.card_id', 'NEW.answered', 'NEW.correct')} END",
    "CREATE TRIGGER answer_totals_spread_delete AFTER DELETE ON answer_totals BEGIN "
    f"{_sqlite_spread('OLD.user_id', 'OLD.card_id', '-OLD.answered', '-OLD.correct')} END",
    f"CREATE TRIGGER answer_totals_spread_update AFTER UPDATE ON answer_totals WHEN {_SAME_TOTAL} BEGIN "
    f"{_sqlite_spread('NEW.user_id', 'NEW.card_id', 'NEW.answered - OLD.answered', 'NEW.correct - OLD.correct')} END",
    f"CREATE TRIGGER answer_totals_spread_move AFTER UPDATE ON answer_totals WHEN NOT ({_SAME_TOTAL}) BEGIN "
    f"{_sqlite_spread('OLD.user_id', 'OLD.card_id', '-OLD.answered', '-OLD.correct')} "
    f"{_sqlite_spread('NEW.user_id', 'NEW.card_id', 'NEW.answered', 'NEW.correct')} END",
    "CREATE TRIGGER deck_answer_totals_insert AFTER INSERT ON deck_cards BEGIN "
    f"{_sqlite_card_totals('deck_answer_totals', 'deck_id', 'NEW.deck_id', 'NEW.card_id', '+')} END",
    "CREATE TRIGGER deck_answer_totals_delete AFTER DELETE ON deck_cards BEGIN "
    f"{_sqlite_card_totals('deck_answer_totals', 'deck_id', 'OLD.deck_id', 'OLD.card_id', '-')} END",
    "CREATE TRIGGER deck_answer_totals_update AFTER UPDATE ON deck_cards BEGIN "
    f"{_sqlite_card_totals('deck_answer_totals', 'deck_id', 'OLD.deck_id', 'OLD.card_id', '-')} "
    f"{_sqlite_card_totals('deck_answer_totals', 'deck_id', 'NEW.deck_id', 'NEW.card_id', '+')} END",
    "CREATE TRIGGER kind_answer_totals_update AFTER UPDATE OF kind ON cards WHEN OLD.kind IS NOT NEW.kind BEGIN "
    f"{_sqlite_card_totals('kind_answer_totals', 'kind', 'OLD.kind', 'OLD.id', '-')} "
    f"{_sqlite_card_totals('kind_answer_totals', 'kind', 'NEW.kind', 'NEW.id', '+')} END",
]

POSTGRESQL_SPREAD = [
    """
    CREATE FUNCTION answer_totals_spread_to(for_user integer, of_card varchar, n_answered integer, n_correct integer)
    RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO deck_answer_totals (user_id, deck_id, answered, correct)
        SELECT for_user, dc.deck_id, n_answered, n_correct FROM deck_cards dc WHERE dc.card_id = of_card
        ON CONFLICT (user_id, deck_id) DO UPDATE
           SET answered = deck_answer_totals.answered + EXCLUDED.answered,
               correct = deck_answer_totals.correct + EXCLUDED.correct;
        DELETE FROM deck_answer_totals d
         WHERE d.user_id = for_user AND d.answered <= 0
           AND d.deck_id IN (SELECT dc.deck_id FROM deck_cards dc WHERE dc.card_id = of_card);
        INSERT INTO kind_answer_totals (user_id, kind, answered, correct)
        SELECT for_user, c.kind, n_answered, n_correct FROM cards c WHERE c.id = of_card
        ON CONFLICT (user_id, kind) DO UPDATE
           SET answered = kind_answer_totals.answered + EXCLUDED.answered,
               correct = kind_answer_totals.correct + EXCLUDED.correct;
        DELETE FROM kind_answer_totals k
         WHERE k.user_id = for_user AND k.answered <= 0 AND k.kind = (SELECT c.kind FROM cards c WHERE c.id = of_card);
    END
    $$
    """,
    """
    CREATE FUNCTION answer_totals_spread() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND OLD.user_id = NEW.user_id AND OLD.card_id = NEW.card_id THEN
            PERFORM answer_totals_spread_to(NEW.user_id, NEW.card_id, NEW.answered - OLD.answered,
                                            NEW.correct - OLD.correct);
        ELSE
            IF TG_OP <> 'INSERT' THEN
                PERFORM answer_totals_spread_to(OLD.user_id, OLD.card_id, -OLD.answered, -OLD.correct);
            END IF;
            IF TG_OP <> 'DELETE' AND NEW.answered <> 0 THEN
                PERFORM answer_totals_spread_to(NEW.user_id, NEW.card_id, NEW.answered, NEW.correct);
            END IF;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER answer_totals_spread AFTER INSERT OR DELETE OR UPDATE ON answer_totals "
    "FOR EACH ROW EXECUTE FUNCTION answer_totals_spread()",
    """
    CREATE FUNCTION deck_answer_totals_count() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            UPDATE deck_answer_totals d SET answered = d.answered - t.answered, correct = d.correct - t.correct
              FROM answer_totals t
             WHERE t.card_id = OLD.card_id AND d.user_id = t.user_id AND d.deck_id = OLD.deck_id;
            DELETE FROM deck_answer_totals d WHERE d.deck_id = OLD.deck_id AND d.answered <= 0
               AND d.user_id IN (SELECT t.user_id FROM answer_totals t WHERE t.card_id = OLD.card_id);
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO deck_answer_totals (user_id, deck_id, answered, correct)
            SELECT t.user_id, NEW.deck_id, t.answered, t.correct FROM answer_totals t WHERE t.card_id = NEW.card_id
            ON CONFLICT (user_id, deck_id) DO UPDATE
               SET answered = deck_answer_totals.answered + EXCLUDED.answered,
                   correct = deck_answer_totals.correct + EXCLUDED.correct;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER deck_answer_totals_count AFTER INSERT OR DELETE OR UPDATE ON deck_cards "
    "FOR EACH ROW EXECUTE FUNCTION deck_answer_totals_count()",
    """
    CREATE FUNCTION kind_answer_totals_move() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE kind_answer_totals k SET answered = k.answered - t.answered, correct = k.correct - t.correct
          FROM answer_totals t
         WHERE t.card_id = OLD.id AND k.user_id = t.user_id AND k.kind = OLD.kind;
        DELETE FROM kind_answer_totals k WHERE k.kind = OLD.kind AND k.answered <= 0
           AND k.user_id IN (SELECT t.user_id FROM answer_totals t WHERE t.card_id = OLD.id);
        INSERT INTO kind_answer_totals (user_id, kind, answered, correct)
        SELECT t.user_id, NEW.kind, t.answered, t.correct FROM answer_totals t WHERE t.card_id = NEW.id
        ON CONFLICT (user_id, kind) DO UPDATE
           SET answered = kind_answer_totals.answered + EXCLUDED.answered,
               correct = kind_answer_totals.correct + EXCLUDED.correct;
        RETURN NULL;
    END
    $$
    """,
    "CREATE TRIGGER kind_answer_totals_move AFTER UPDATE OF kind ON cards FOR EACH ROW "
    "WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION kind_answer_totals_move()",
]

# --- schedule totals -----------------------------------------------------------------------------------------------

#: quizapp.services.stats.MATURE_DAYS in seconds: a learned card is mature when its interval is at least this long.
_MATURE_SECONDS = 21 * 86_400


def _schedule_counts(row: str, epoch) -> dict[str, str]:
    """SQL for what one review_states row adds to its user's totals (see quizapp.services.stats.card_counts)."""
    interval = f"{epoch(f'{row}.due')} - {epoch(f'{row}.last_review')}"
    return {
        "studied": "1",
        "learned": f"CASE WHEN {row}.state = 2 THEN 1 ELSE 0 END",
        "mature": f"CASE WHEN {row}.state = 2 AND {interval} >= {_MATURE_SECONDS} THEN 1 ELSE 0 END",
    }


def _sqlite_epoch(stamp: str) -> str:
    return f"CAST(strftime('%s', {stamp}) AS INTEGER)"


def _postgresql_epoch(stamp: str) -> str:
    return f"CAST(FLOOR(EXTRACT(EPOCH FROM {stamp})) AS BIGINT)"


def _sqlite_schedule(row: str, sign: str) -> str:
    counts = _schedule_counts(row, _sqlite_epoch)
    changes = ", ".join(f"{column} = {column} {sign} {value}" for column, value in counts.items())
    if sign == "+":
        return (f"INSERT OR IGNORE INTO schedule_totals (user_id, studied, learned, mature) "
                f"VALUES ({row}.user_id, 0, 0, 0); UPDATE schedule_totals SET {changes} WHERE user_id = {row}.user_id;")
    return (f"UPDATE schedule_totals SET {changes} WHERE user_id = {row}.user_id; "
            f"DELETE FROM schedule_totals WHERE user_id = {row}.user_id AND studied <= 0;")


_SCHEDULE_COLUMNS = "user_id, state, due, last_review"

SQLITE_SCHEDULE = [
    f"CREATE TRIGGER schedule_totals_insert AFTER INSERT ON review_states BEGIN {_sqlite_schedule('NEW', '+')} END",
    f"CREATE TRIGGER schedule_totals_delete AFTER DELETE ON review_states BEGIN {_sqlite_schedule('OLD', '-')} END",
    f"CREATE TRIGGER schedule_totals_update AFTER UPDATE OF {_SCHEDULE_COLUMNS} ON review_states BEGIN "
    f"{_sqlite_schedule('OLD', '-')} {_sqlite_schedule('NEW', '+')} END",
]


def _postgresql_schedule() -> str:
    old, new = _schedule_counts("OLD", _postgresql_epoch), _schedule_counts("NEW", _postgresql_epoch)
    taken_back = ", ".join(f"{column} = {column} - {value}" for column, value in old.items())
    return f"""
    CREATE FUNCTION schedule_totals_count() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            UPDATE schedule_totals SET {taken_back} WHERE user_id = OLD.user_id;
            DELETE FROM schedule_totals WHERE user_id = OLD.user_id AND studied <= 0;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO schedule_totals (user_id, studied, learned, mature)
            VALUES (NEW.user_id, {new['studied']}, {new['learned']}, {new['mature']})
            ON CONFLICT (user_id) DO UPDATE
               SET studied = schedule_totals.studied + EXCLUDED.studied,
                   learned = schedule_totals.learned + EXCLUDED.learned,
                   mature = schedule_totals.mature + EXCLUDED.mature;
        END IF;
        RETURN NULL;
    END
    $$
    """


POSTGRESQL_SCHEDULE = [
    _postgresql_schedule(),
    f"CREATE TRIGGER schedule_totals_count AFTER INSERT OR DELETE OR UPDATE OF {_SCHEDULE_COLUMNS} ON review_states "
    "FOR EACH ROW EXECUTE FUNCTION schedule_totals_count()",
]


def _count_schedules(epoch) -> str:
    counts = _schedule_counts("s", epoch)
    return (f"INSERT INTO schedule_totals (user_id, studied, learned, mature) "
            f"SELECT s.user_id, count(*), sum({counts['learned']}), sum({counts['mature']}) FROM review_states s "
            "GROUP BY s.user_id")


_BACKFILL_SPREAD = [
    "INSERT INTO deck_answer_totals (user_id, deck_id, answered, correct) "
    "SELECT t.user_id, dc.deck_id, sum(t.answered), sum(t.correct) FROM answer_totals t "
    "JOIN deck_cards dc ON dc.card_id = t.card_id GROUP BY t.user_id, dc.deck_id",
    "INSERT INTO kind_answer_totals (user_id, kind, answered, correct) "
    "SELECT t.user_id, c.kind, sum(t.answered), sum(t.correct) FROM answer_totals t "
    "JOIN cards c ON c.id = t.card_id GROUP BY t.user_id, c.kind",
]

_SQLITE_TRIGGER_NAMES = [
    'study_days_review_insert', 'study_days_review_delete', 'study_days_review_update', 'study_days_answer_insert',
    'study_days_answer_delete', 'study_days_answer_update', 'study_days_recount', 'answer_totals_spread_insert',
    'answer_totals_spread_delete', 'answer_totals_spread_update', 'answer_totals_spread_move',
    'deck_answer_totals_insert', 'deck_answer_totals_delete', 'deck_answer_totals_update',
    'kind_answer_totals_update', 'schedule_totals_insert', 'schedule_totals_delete', 'schedule_totals_update',
]
_POSTGRESQL_TRIGGERS = [
    ('study_days_count', 'review_logs'), ('study_days_count', 'answers'), ('study_days_recount', 'users'),
    ('answer_totals_spread', 'answer_totals'), ('deck_answer_totals_count', 'deck_cards'),
    ('kind_answer_totals_move', 'cards'), ('schedule_totals_count', 'review_states'),
]
_POSTGRESQL_FUNCTIONS = [
    'study_days_count_review_logs()', 'study_days_count_answers()', 'study_days_recount()',
    'quizapp_student_day(timestamptz, text, integer)',
    'answer_totals_spread()', 'answer_totals_spread_to(integer, varchar, integer, integer)',
    'deck_answer_totals_count()', 'kind_answer_totals_move()', 'schedule_totals_count()',
]


def upgrade() -> None:
    op.create_table('study_days',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('reviews', sa.Integer(), nullable=False),
    sa.Column('measured', sa.Integer(), nullable=False),
    sa.Column('passed', sa.Integer(), nullable=False),
    sa.Column('answers', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_study_days_user_id_users')),
    sa.PrimaryKeyConstraint('user_id', 'day', name=op.f('pk_study_days')),
    sqlite_with_rowid=False
    )
    op.create_table('deck_answer_totals',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('deck_id', sa.Integer(), nullable=False),
    sa.Column('answered', sa.Integer(), nullable=False),
    sa.Column('correct', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['deck_id'], ['decks.id'], name=op.f('fk_deck_answer_totals_deck_id_decks'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_deck_answer_totals_user_id_users')),
    sa.PrimaryKeyConstraint('user_id', 'deck_id', name=op.f('pk_deck_answer_totals')),
    sqlite_with_rowid=False
    )
    op.create_table('kind_answer_totals',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('answered', sa.Integer(), nullable=False),
    sa.Column('correct', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_kind_answer_totals_user_id_users')),
    sa.PrimaryKeyConstraint('user_id', 'kind', name=op.f('pk_kind_answer_totals')),
    sqlite_with_rowid=False
    )
    op.create_table('schedule_totals',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('studied', sa.Integer(), nullable=False),
    sa.Column('learned', sa.Integer(), nullable=False),
    sa.Column('mature', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_schedule_totals_user_id_users')),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_schedule_totals'))
    )
    # A card joining or leaving a deck, or changing its kind, reads the card's totals of every user.
    op.create_index(op.f('ix_answer_totals_card_id'), 'answer_totals', ['card_id'], unique=False)
    # The quiz history's page, newest first, read along an index rather than sorting every quiz of the student.
    op.create_index('ix_quiz_sessions_user_id_started_at', 'quiz_sessions', ['user_id', 'started_at', 'id'],
                    unique=False)
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if not sqlite:
        op.execute(POSTGRESQL_STUDY_DAYS[0])  # the day function, which the count below calls
    op.execute(_count_days(_sqlite_day if sqlite else _postgresql_day))
    for statement in _BACKFILL_SPREAD:
        op.execute(statement)
    op.execute(_count_schedules(_sqlite_epoch if sqlite else _postgresql_epoch))
    triggers = (SQLITE_STUDY_DAYS + SQLITE_SPREAD + SQLITE_SCHEDULE if sqlite
                else POSTGRESQL_STUDY_DAYS[1:] + POSTGRESQL_SPREAD + POSTGRESQL_SCHEDULE)
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for name in _SQLITE_TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER {name}")
    else:
        for name, table in _POSTGRESQL_TRIGGERS:
            op.execute(f"DROP TRIGGER {name} ON {table}")
        for function in _POSTGRESQL_FUNCTIONS:
            op.execute(f"DROP FUNCTION {function}")
    op.drop_index(op.f('ix_answer_totals_card_id'), table_name='answer_totals')
    op.drop_index('ix_quiz_sessions_user_id_started_at', table_name='quiz_sessions')
    op.drop_table('schedule_totals')
    op.drop_table('kind_answer_totals')
    op.drop_table('deck_answer_totals')
    op.drop_table('study_days')
