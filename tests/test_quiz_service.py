"""The quiz service: picking questions, recording each answer once, order, scoring and timing."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask

from quizapp.db import db
from quizapp.models import Answer, Card, CardStatus, Deck, QuizSession
from quizapp.services.bank.loading import ALL_DECK_SLUG
from quizapp.services.study import quiz as quiz_service
from quizapp.services.users import create_user

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def bank(bank_app: Flask) -> Iterator[None]:
    """Run the test inside an app context of the app holding the seed bank."""
    with bank_app.app_context():
        yield


@pytest.fixture
def user_id(bank: None) -> int:
    return create_user("siti", "password123").id


def deck(slug: str = ALL_DECK_SLUG) -> Deck:
    found = db.session.scalar(sa.select(Deck).where(Deck.slug == slug))
    assert found is not None
    return found


def article_deck() -> Deck:
    """Return the smallest deck made of one article."""
    decks = db.session.scalars(sa.select(Deck).where(Deck.article_id.is_not(None))).all()
    return min(decks, key=lambda d: (len(d.cards), d.slug))


def right_position(card: Card) -> int:
    assert card.answer_index is not None
    return card.answer_index


def wrong_position(card: Card) -> int:
    return next(choice.position for choice in card.choices if not choice.is_correct)


def answer_rows(quiz_id: int) -> list[Answer]:
    return list(db.session.scalars(sa.select(Answer).where(Answer.session_id == quiz_id)))


# --- starting a quiz --------------------------------------------------------------------------------


def test_start_picks_n_distinct_active_cards_of_the_deck_in_order(user_id: int) -> None:
    all_deck = deck()
    quiz = quiz_service.start_quiz(user_id, all_deck.id, 10, random.Random(1), now=T0)
    deck_card_ids = {card.id for card in all_deck.cards}
    assert [item.position for item in quiz.items] == list(range(1, 11))
    assert len(set(quiz.card_ids)) == 10
    assert set(quiz.card_ids) <= deck_card_ids
    assert all(item.card.status == CardStatus.ACTIVE for item in quiz.items)
    assert quiz.started_at == T0 and quiz.finished_at is None and quiz.score is None


def test_start_never_picks_a_retired_card(user_id: int) -> None:
    small = article_deck()
    keep = {card.id for card in small.cards[:3]}
    for card in small.cards[3:]:
        card.status = CardStatus.RETIRED
    db.session.commit()
    for seed in range(5):
        quiz = quiz_service.start_quiz(user_id, small.id, 10, random.Random(seed))
        assert set(quiz.card_ids) == keep


def test_start_asks_every_card_when_the_deck_has_fewer_than_asked(user_id: int) -> None:
    small = article_deck()
    quiz = quiz_service.start_quiz(user_id, small.id, 20, random.Random(0))
    assert sorted(quiz.card_ids) == sorted(card.id for card in small.cards)
    assert len(small.cards) < 20


def test_start_order_is_random_but_follows_the_rng(user_id: int) -> None:
    deck_id = deck().id
    first = quiz_service.start_quiz(user_id, deck_id, 10, random.Random(7)).card_ids
    again = quiz_service.start_quiz(user_id, deck_id, 10, random.Random(7)).card_ids
    other = quiz_service.start_quiz(user_id, deck_id, 10, random.Random(8)).card_ids
    assert first == again
    assert first != other


def test_a_deck_without_active_cards_cannot_start(user_id: int) -> None:
    empty = Deck(slug="empty", title="Empty")
    db.session.add(empty)
    db.session.commit()
    with pytest.raises(quiz_service.EmptyDeckError):
        quiz_service.start_quiz(user_id, empty.id, 10)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(QuizSession)) == 0


@pytest.mark.parametrize("count", [0, -1, quiz_service.MAX_QUESTION_COUNT + 1])
def test_a_quiz_asks_a_sensible_number_of_questions(user_id: int, count: int) -> None:
    with pytest.raises(quiz_service.BadCountError):
        quiz_service.start_quiz(user_id, deck().id, count)


# --- answering --------------------------------------------------------------------------------------


def test_current_item_is_the_first_unanswered(user_id: int) -> None:
    quiz = quiz_service.start_quiz(user_id, deck().id, 3, random.Random(0))
    first, second, _ = quiz.items
    assert quiz_service.current_item(quiz) == first
    quiz_service.answer(quiz, first.card_id, 0, T0)
    assert quiz_service.current_item(quiz) == second


def test_a_right_and_a_wrong_answer_are_checked_by_the_server(user_id: int) -> None:
    quiz = quiz_service.start_quiz(user_id, deck().id, 2, random.Random(0))
    first, second = quiz.items
    right = quiz_service.answer(quiz, first.card_id, right_position(first.card), T0)
    wrong = quiz_service.answer(quiz, second.card_id, wrong_position(second.card), T0)
    assert right.counted_now and right.answer.correct
    assert wrong.counted_now and not wrong.answer.correct
    assert wrong.answer.chosen_position == wrong_position(second.card)
    assert wrong.answer.user_id == user_id


def test_a_double_submit_is_counted_once(user_id: int) -> None:
    quiz = quiz_service.start_quiz(user_id, deck().id, 3, random.Random(0))
    card = quiz.items[0].card
    first = quiz_service.answer(quiz, card.id, wrong_position(card), T0)
    # the second submit even picks the right answer: the first answer stands
    second = quiz_service.answer(quiz, card.id, right_position(card), T0 + timedelta(seconds=1))
    assert first.counted_now and not second.counted_now
    assert second.answer.id == first.answer.id
    assert not second.answer.correct
    db.session.remove()
    rows = answer_rows(quiz.id)
    assert len(rows) == 1 and rows[0].chosen_position == wrong_position(card)


def test_a_racing_double_submit_is_settled_by_the_unique_constraint(user_id: int) -> None:
    quiz = quiz_service.start_quiz(user_id, deck().id, 3, random.Random(0))
    card = quiz.items[0].card
    quiz_id, card_id, other_position = quiz.id, card.id, wrong_position(card)

    raced: list[bool] = []

    def other_request_commits_first(session: object, context: object, instances: object) -> None:
        # the same answer arrives through another connection after this one checked and before it inserts
        if raced:
            return
        raced.append(True)
        with db.engine.begin() as connection:
            connection.execute(
                sa.insert(Answer.__table__).values(
                    session_id=quiz_id, user_id=user_id, card_id=card_id, chosen_position=other_position,
                    correct=False, time_taken_ms=None, answered_at=T0,
                )
            )

    sa.event.listen(db.session(), "before_flush", other_request_commits_first)
    try:
        recorded = quiz_service.answer(quiz, card_id, right_position(card), T0)
    finally:
        sa.event.remove(db.session(), "before_flush", other_request_commits_first)
    assert raced
    assert not recorded.counted_now
    assert recorded.answer.chosen_position == other_position
    db.session.remove()
    assert len(answer_rows(quiz_id)) == 1


def test_an_answer_out_of_order_is_refused(user_id: int) -> None:
    quiz = quiz_service.start_quiz(user_id, deck().id, 3, random.Random(0))
    later = quiz.items[1].card
    with pytest.raises(quiz_service.OutOfOrderError) as caught:
        quiz_service.answer(quiz, later.id, right_position(later), T0)
    assert caught.value.current.position == 1
    assert answer_rows(quiz.id) == []


def test_an_answer_to_a_card_outside_the_quiz_is_refused(user_id: int) -> None:
    quiz = quiz_service.start_quiz(user_id, deck().id, 3, random.Random(0))
    outside = next(card for card in deck().cards if card.id not in quiz.card_ids)
    with pytest.raises(quiz_service.NotInQuizError):
        quiz_service.answer(quiz, outside.id, 0, T0)
    with pytest.raises(quiz_service.NotInQuizError):
        quiz_service.answer(quiz, "no-such-card", 0, T0)
    assert answer_rows(quiz.id) == []


@pytest.mark.parametrize("position", [-1, 4, 99])
def test_a_choice_out_of_range_is_refused(user_id: int, position: int) -> None:
    quiz = quiz_service.start_quiz(user_id, deck().id, 3, random.Random(0))
    with pytest.raises(quiz_service.ChoiceOutOfRangeError) as caught:
        quiz_service.answer(quiz, quiz.items[0].card_id, position, T0)
    assert caught.value.choices == 4
    assert answer_rows(quiz.id) == []


# --- finishing and scoring --------------------------------------------------------------------------


def test_the_last_answer_finishes_the_quiz_with_its_score(user_id: int) -> None:
    quiz = quiz_service.start_quiz(user_id, deck().id, 5, random.Random(3))
    for index, item in enumerate(quiz.items):
        assert quiz.finished_at is None
        position = right_position(item.card) if index < 3 else wrong_position(item.card)
        quiz_service.answer(quiz, item.card_id, position, T0 + timedelta(minutes=index))
    quiz_id = quiz.id
    db.session.remove()
    stored = db.session.get(QuizSession, quiz_id)
    assert stored is not None
    assert stored.finished_at == T0 + timedelta(minutes=4)
    assert stored.score == 3
    assert quiz_service.current_item(stored) is None
    result = quiz_service.result(stored)
    assert (result.score, result.total, result.percent) == (3, 5, 60)
    assert [line.correct for line in result.lines] == [True, True, True, False, False]


@pytest.mark.parametrize(
    ("score", "total", "percent"), [(0, 5, 0), (2, 3, 66), (1, 8, 12), (1, 3, 33), (199, 200, 99), (10, 10, 100)]
)
def test_the_percentage_rounds_down_as_every_page_does(score: int, total: int, percent: int) -> None:
    result = quiz_service.QuizResult(quiz=QuizSession(), score=score, total=total, lines=[])
    assert result.percent == percent


def test_unfinished_quiz_is_the_latest_with_questions_left(user_id: int) -> None:
    deck_id = deck().id
    assert quiz_service.unfinished_quiz(user_id, deck_id) is None
    older = quiz_service.start_quiz(user_id, deck_id, 1, random.Random(0), now=T0)
    newer = quiz_service.start_quiz(user_id, deck_id, 1, random.Random(1), now=T0 + timedelta(hours=1))
    assert quiz_service.unfinished_quiz(user_id, deck_id) == newer
    quiz_service.answer(newer, newer.items[0].card_id, 0, T0 + timedelta(hours=2))
    assert quiz_service.unfinished_quiz(user_id, deck_id) == older


# --- timing -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shown_at", "expected"),
    [
        (T0 - timedelta(seconds=2, milliseconds=500), 2500),
        (T0, 0),
        (None, None),  # the question was not shown by this server (no shown time): unknown
        (T0 + timedelta(seconds=1), None),  # shown after the answer: impossible, so unknown
    ],
)
def test_time_taken_is_measured_from_when_the_server_showed_the_question(
    user_id: int, shown_at: datetime | None, expected: int | None
) -> None:
    quiz = quiz_service.start_quiz(user_id, deck().id, 1, random.Random(0))
    recorded = quiz_service.answer(quiz, quiz.items[0].card_id, 0, T0, shown_at=shown_at)
    assert recorded.answer.time_taken_ms == expected
    assert recorded.answer.answered_at == T0
