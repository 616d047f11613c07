"""The database models: migrations match them, and the database enforces their constraints."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime, timedelta, timezone

import flask_migrate
import fsrs
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from flask import Flask

from quizapp.db import db, schema_is_current
from quizapp.models import (
    Answer,
    AppendOnlyError,
    Article,
    Card,
    CardOrigin,
    CardSource,
    CardStatus,
    Choice,
    Deck,
    QuizItem,
    QuizSession,
    ReviewLog,
    ReviewState,
    Role,
    User,
)
from quizapp.services.study import scheduling

WIB = timezone(timedelta(hours=7))


def make_user(username: str = "siti", role: Role = Role.STUDENT) -> User:
    user = User(username=username, role=role)
    user.set_password("correct horse")
    db.session.add(user)
    db.session.flush()
    return user


def make_card(options: tuple[str, ...] = ("Armenia", "Georgia", "Azerbaijan", "Uzbekistan"), answer: int = 0) -> Card:
    card = Card(
        kind="member",
        language="id",
        question="Manakah di antara negara berikut yang merupakan anggota CSTO?",
        fact_subject="CSTO",
        fact_value=options[answer],
        origin=CardOrigin.AUTHORED,
    )
    card.choices = [Choice(position=i, text=text, is_correct=i == answer) for i, text in enumerate(options)]
    db.session.add(card)
    db.session.flush()
    return card


def make_session(user: User, cards: list[Card]) -> QuizSession:
    deck = Deck(slug="all", title="All articles")
    deck.cards = cards
    quiz = QuizSession(user=user, deck=deck)
    quiz.items = [QuizItem(position=i, card=card) for i, card in enumerate(cards)]
    db.session.add(quiz)
    db.session.flush()
    return quiz


# --- schema and migrations --------------------------------------------------------------------------


def test_migrations_create_exactly_the_models_schema(app: Flask) -> None:
    assert schema_is_current()
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == [], "a model changed without a migration: run `quizapp db migrate -m '…'`"


def test_migrations_downgrade_to_nothing_and_upgrade_again(app: Flask) -> None:
    flask_migrate.downgrade(revision="base")
    assert set(sa.inspect(db.engine).get_table_names()) <= {"alembic_version"}
    assert not schema_is_current()
    flask_migrate.upgrade()
    assert schema_is_current()
    assert {"users", "cards", "review_states", "review_logs"} <= set(sa.inspect(db.engine).get_table_names())


@pytest.mark.only_on("sqlite")
def test_sqlite_connections_enforce_foreign_keys_and_use_wal(app: Flask) -> None:
    assert db.session.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
    assert db.session.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"


def test_review_states_are_indexed_by_user_and_due(app: Flask) -> None:
    indexes = {index["name"]: index["column_names"] for index in sa.inspect(db.engine).get_indexes("review_states")}
    assert indexes["ix_review_states_user_id_due"] == ["user_id", "due"]


def test_cards_are_indexed_by_status_with_their_ids(app: Flask) -> None:
    # the review queue leaves the cards not served out of a student's schedules by their ids, from this index alone
    indexes = {index["name"]: index["column_names"] for index in sa.inspect(db.engine).get_indexes("cards")}
    assert indexes["ix_cards_status"] == ["status", "id"]


def test_the_database_url_setting_picks_the_database(app: Flask) -> None:
    assert app.config["SQLALCHEMY_DATABASE_URI"] == app.config["DATABASE_URL"]
    assert db.engine.url == sa.engine.make_url(app.config["DATABASE_URL"])


# --- constraints ------------------------------------------------------------------------------------


def test_a_card_is_answered_at_most_once_per_quiz(app: Flask) -> None:
    user, card = make_user(), make_card()
    quiz = make_session(user, [card])
    db.session.add(Answer(session=quiz, user=user, card=card, chosen_position=0, correct=True, time_taken_ms=900))
    db.session.commit()
    db.session.add(Answer(session=quiz, user=user, card=card, chosen_position=1, correct=False, time_taken_ms=950))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 1


def test_review_answers_outside_a_quiz_may_repeat(app: Flask) -> None:
    user, card = make_user(), make_card()
    for position in (1, 0):
        answer = Answer(user=user, card=card, chosen_position=position, correct=position == 0, time_taken_ms=None)
        db.session.add(answer)
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 2


def test_foreign_keys_are_enforced(app: Flask) -> None:
    db.session.add(Choice(card_id="no-such-card", position=0, text="Armenia", is_correct=True))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()


def test_a_card_with_answers_cannot_be_deleted(app: Flask) -> None:
    user, card = make_user(), make_card()
    db.session.add(Answer(user=user, card=card, chosen_position=0, correct=True, time_taken_ms=1200))
    db.session.commit()
    with pytest.raises(sa.exc.IntegrityError):
        db.session.execute(sa.delete(Card).where(Card.id == card.id))
    db.session.rollback()


def test_one_review_state_per_user_and_card(app: Flask) -> None:
    user, card = make_user(), make_card()
    db.session.add_all([ReviewState(user=user, card=card), ReviewState(user=user, card=card)])
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()


def test_usernames_are_unique(app: Flask) -> None:
    make_user("siti")
    db.session.add(User(username="siti", password_hash="x"))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [("cards", "status", "deleted"), ("cards", "origin", "scraped"), ("users", "role", "admin")],
)
def test_the_database_refuses_an_unknown_enum_value(app: Flask, table: str, column: str, value: str) -> None:
    make_user()
    make_card()
    db.session.commit()
    with pytest.raises(sa.exc.IntegrityError):
        db.session.execute(sa.text(f"UPDATE {table} SET {column} = :value"), {"value": value})
    db.session.rollback()


# --- datetimes --------------------------------------------------------------------------------------


def test_aware_datetimes_round_trip_as_utc(app: Flask) -> None:
    user, card = make_user(), make_card()
    due = datetime(2024, 3, 1, 9, 30, 15, 123456, tzinfo=WIB)
    db.session.add(ReviewState(user=user, card=card, due=due))
    db.session.commit()
    db.session.remove()

    state = db.session.scalars(sa.select(ReviewState)).one()
    assert state.due == due
    assert state.due.tzinfo == UTC
    assert state.due.hour == 2
    assert state.user.created_at.tzinfo == UTC


def test_due_order_is_by_instant_not_by_local_time(app: Flask) -> None:
    user = make_user()
    early, late = make_card(), make_card()
    # 08:00 in Jakarta is 01:00 UTC: earlier than 03:00 UTC although its wall time is later.
    db.session.add(ReviewState(user=user, card=late, due=datetime(2024, 3, 1, 3, 0, tzinfo=UTC)))
    db.session.add(ReviewState(user=user, card=early, due=datetime(2024, 3, 1, 8, 0, tzinfo=WIB)))
    db.session.commit()
    due = db.session.scalars(sa.select(ReviewState.card_id).order_by(ReviewState.due)).all()
    assert due == [early.id, late.id]


def test_naive_datetimes_are_refused(app: Flask) -> None:
    user, card = make_user(), make_card()
    db.session.add(ReviewState(user=user, card=card, due=datetime(2024, 3, 1, 9, 30)))
    with pytest.raises(sa.exc.StatementError, match="naive datetime"):
        db.session.commit()


# --- content ----------------------------------------------------------------------------------------


def test_a_card_knows_its_options_answer_and_sources(app: Flask) -> None:
    article = Article(file="000.txt", language="id", outlet="BagusNews.com", text="…", content_hash="0" * 64)
    card = make_card(answer=2)
    card.sources = [CardSource(position=0, article=article, sentence="Aliansi ini dibentuk …")]
    card_id = card.id
    db.session.commit()
    db.session.remove()

    card = db.session.get_one(Card, card_id)
    assert card.options == ["Armenia", "Georgia", "Azerbaijan", "Uzbekistan"]
    assert card.answer_index == 2
    assert card.status == CardStatus.ACTIVE
    assert card.sources[0].article is not None
    assert card.sources[0].article.source_name == "BagusNews.com"
    assert len(card.id) == 32, "an authored card gets a uuid, unlike question_bank's 20-digit ids"
    assert card.created_at.tzinfo == UTC


def test_deleting_a_card_deletes_its_choices_and_sources(app: Flask) -> None:
    card = make_card()
    card.sources = [CardSource(position=0, sentence="…")]
    db.session.commit()
    db.session.delete(card)
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(Choice.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(CardSource.id))) == 0


def test_a_quiz_keeps_its_questions_in_order(app: Flask) -> None:
    cards = [make_card(), make_card(), make_card()]
    ids = [cards[2].id, cards[0].id, cards[1].id]
    quiz_id = make_session(make_user(), [cards[2], cards[0], cards[1]]).id
    db.session.commit()
    db.session.remove()
    assert db.session.get_one(QuizSession, quiz_id).card_ids == ids


def test_users_store_only_a_password_hash(app: Flask) -> None:
    user = make_user(role=Role.INSTRUCTOR)
    db.session.commit()
    assert "correct horse" not in user.password_hash
    assert user.check_password("correct horse")
    assert not user.check_password("wrong horse")
    assert user.is_instructor
    assert (user.daily_new_limit, user.daily_review_limit, user.locale) == (20, 200, None)
    with pytest.raises(RuntimeError):
        user.get_id()  # the session cookie names a login session, never the user's id


def test_every_model_has_a_readable_repr(app: Flask) -> None:
    user, card = make_user(), make_card()
    quiz = make_session(user, [card])
    answer = Answer(session=quiz, user=user, card=card, chosen_position=0, correct=True, time_taken_ms=1)
    state = ReviewState(user=user, card=card)
    db.session.add_all([answer, state])
    db.session.flush()
    assert repr(user) == f"<User {user.id} 'siti' student>"
    assert card.id in repr(card)
    for row in (card.choices[0], quiz, quiz.items[0], quiz.deck, answer, state):
        assert repr(row).startswith(f"<{type(row).__name__} ")


# --- review state and log ---------------------------------------------------------------------------


def _log_row(user: User, card: Card, outcome: scheduling.ReviewOutcome, **extra: object) -> ReviewLog:
    """Build the log row of a review as the review service does: the outcome's fields, one per column."""
    fields = {name: value for name, value in asdict(outcome).items() if name != "scheduled_interval"}
    return ReviewLog(user_id=user.id, card_id=card.id, **fields, **extra)


def test_review_state_round_trips_the_fsrs_card(app: Flask) -> None:
    user, card = make_user(), make_card()
    now = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    before = scheduling.new_schedule(now)
    state = ReviewState(user=user, card=card, **asdict(before))
    db.session.add(state)
    db.session.flush()

    after, outcome = scheduling.review(before, fsrs.Rating.Good, now)
    for column, value in asdict(after).items():
        setattr(state, column, value)
    db.session.add(_log_row(user, card, outcome, review_duration_ms=4200))
    db.session.commit()
    db.session.remove()

    stored = db.session.scalars(sa.select(ReviewState)).one()
    assert scheduling.Schedule(**{column: getattr(stored, column) for column in asdict(after)}) == after
    assert stored.due > now
    log = db.session.scalars(sa.select(ReviewLog)).one()
    assert (log.rating, log.state_before, log.state_after) == (3, before.state, after.state)
    assert (log.due_before, log.due_after) == (now, after.due)
    assert log.stability_after == pytest.approx(after.stability)


def test_the_review_log_is_append_only(app: Flask) -> None:
    user, card = make_user(), make_card()
    now = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    _, outcome = scheduling.review(scheduling.new_schedule(now), fsrs.Rating.Again, now)
    log = _log_row(user, card, outcome)
    db.session.add(log)
    db.session.commit()

    log.rating = int(fsrs.Rating.Easy)
    with pytest.raises(AppendOnlyError, match="append-only"):
        db.session.commit()
    db.session.rollback()
    db.session.delete(log)
    with pytest.raises(AppendOnlyError, match="append-only"):
        db.session.commit()
    db.session.rollback()
    assert db.session.scalars(sa.select(ReviewLog.rating)).one() == int(fsrs.Rating.Again)


def test_the_database_refuses_an_unknown_rating(app: Flask) -> None:
    user, card = make_user(), make_card()
    now = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    _, outcome = scheduling.review(scheduling.new_schedule(now), fsrs.Rating.Good, now)
    log = _log_row(user, card, outcome)
    log.rating = 5
    db.session.add(log)
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()
