"""Quizzes: pick a deck's questions, record each answer once, and score the quiz when the last one is in.

A quiz asks its items in order; item positions start at 1, so position 3 is "question 3 of 10". An answer
is stored once per (quiz, card): a double submit or a form re-sent from the browser history returns the
answer already stored, and the database's unique constraint settles two requests that race.

A quiz feeds learning: each answer, in the transaction that stores it, goes into the student's FSRS schedule
by the quiz rule of :func:`quizapp.services.study.scheduling.quiz_answer_counts` (a new card is introduced, a
wrong answer is a lapse that comes back within minutes, a right answer moves only a card that is due). A
finished quiz with wrong answers can be retried: a new quiz of exactly the missed cards, as often as the
student likes, each retry asking what the last one missed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from quizapp.db import db, utcnow
from quizapp.models import Answer, Card, CardStatus, QuizItem, QuizSession, deck_cards
from quizapp.percent import whole_percent
from quizapp.services.study import answering

#: How many questions a quiz asks unless the student picks another of QUESTION_COUNTS.
DEFAULT_QUESTION_COUNT = 10
QUESTION_COUNTS = (5, 10, 20)
#: The most questions the service accepts in one quiz, whatever a form offers.
MAX_QUESTION_COUNT = 100


class QuizError(Exception):
    """A request the quiz cannot carry out; views turn each kind into a message for the student."""


class EmptyDeckError(QuizError):
    """The deck has no active card to ask."""


class BadCountError(QuizError):
    """The number of questions asked for is not between 1 and MAX_QUESTION_COUNT."""


class NothingMissedError(QuizError):
    """The quiz is unfinished, or has no wrong answer to a question still served, so there is nothing to retry."""


class NotInQuizError(QuizError):
    """The card answered is not one of the quiz's questions."""


class OutOfOrderError(QuizError):
    """The card answered is not the quiz's current question."""

    def __init__(self, current: QuizItem) -> None:
        super().__init__(f"question {current.position} is the current one")
        self.current = current


class ChoiceOutOfRangeError(QuizError):
    """The chosen position is not one of the card's choices."""

    def __init__(self, choices: int) -> None:
        super().__init__(f"the card has {choices} choices")
        self.choices = choices


@dataclass(frozen=True)
class RecordedAnswer:
    """The answer stored for a question, and whether this call stored it (False: it was already there)."""

    answer: Answer
    counted_now: bool


@dataclass(frozen=True)
class ResultLine:
    """One question of a finished quiz, with what the student chose."""

    item: QuizItem
    answer: Answer | None

    @property
    def correct(self) -> bool:
        """Tell whether the question was answered right."""
        return self.answer is not None and self.answer.correct


@dataclass(frozen=True)
class QuizResult:
    """A quiz's score and its questions."""

    quiz: QuizSession
    score: int
    total: int
    lines: Sequence[ResultLine]

    @property
    def missed(self) -> list[ResultLine]:
        """The questions answered wrong, in the quiz's order."""
        return [line for line in self.lines if line.answer is not None and not line.correct]

    @property
    def percent(self) -> int:
        """The score as a whole percentage, rounded as every percentage is (:func:`quizapp.percent.whole_percent`)."""
        return whole_percent(self.score, self.total) or 0


def active_card_ids(deck_id: int) -> list[str]:
    """Return the ids of the deck's active cards, in a stable order."""
    return list(
        db.session.scalars(
            sa.select(Card.id)
            .join(deck_cards, deck_cards.c.card_id == Card.id)
            .where(deck_cards.c.deck_id == deck_id, Card.status == CardStatus.ACTIVE)
            .order_by(Card.id)
        )
    )


def start_quiz(
    user_id: int,
    deck_id: int,
    count: int = DEFAULT_QUESTION_COUNT,
    rng: random.Random | None = None,
    now: datetime | None = None,
) -> QuizSession:
    """Create and commit a quiz of count distinct active cards of the deck (all of them if it has fewer)."""
    if not 1 <= count <= MAX_QUESTION_COUNT:
        raise BadCountError(f"a quiz asks 1 to {MAX_QUESTION_COUNT} questions, not {count}")
    card_ids = active_card_ids(deck_id)
    if not card_ids:
        raise EmptyDeckError(f"deck {deck_id} has no active card")
    picked = (rng or random.Random()).sample(card_ids, min(count, len(card_ids)))
    return _create(user_id, deck_id, picked, now)


def _create(
    user_id: int, deck_id: int, card_ids: Sequence[str], now: datetime | None, retry_of: QuizSession | None = None
) -> QuizSession:
    """Create and commit a quiz asking card_ids in this order."""
    quiz = QuizSession(
        user_id=user_id, deck_id=deck_id, started_at=now or utcnow(),
        retry_of_id=retry_of.id if retry_of is not None else None,
    )
    quiz.items = [QuizItem(position=position, card_id=card_id) for position, card_id in enumerate(card_ids, start=1)]
    db.session.add(quiz)
    db.session.commit()
    return quiz


def missed_card_ids(quiz: QuizSession) -> list[str]:
    """Return the cards answered wrong in the quiz that are still served, in the quiz's order."""
    answered = answers_by_card(quiz)
    return [
        item.card_id for item in quiz.items
        if item.card_id in answered and not answered[item.card_id].correct and item.card.status == CardStatus.ACTIVE
    ]


def start_retry(quiz: QuizSession, rng: random.Random | None = None, now: datetime | None = None) -> QuizSession:
    """Create and commit a quiz of exactly the cards missed in a finished quiz, in a new random order.

    A retry of this quiz not finished yet is returned instead, so a double click starts one retry, not two.
    Raise NothingMissedError when the quiz is unfinished or every answer was right.
    """
    if quiz.finished_at is None:
        raise NothingMissedError(f"quiz {quiz.id} is not finished")
    started = db.session.scalar(
        sa.select(QuizSession)
        .where(QuizSession.retry_of_id == quiz.id, QuizSession.finished_at.is_(None))
        .order_by(QuizSession.id.desc())
        .limit(1)
    )
    if started is not None:
        return started
    missed = missed_card_ids(quiz)
    if not missed:
        raise NothingMissedError(f"quiz {quiz.id} has no missed question to retry")
    (rng or random.Random()).shuffle(missed)
    return _create(quiz.user_id, quiz.deck_id, missed, now, retry_of=quiz)


def get_quiz(quiz_id: int, user_id: int) -> QuizSession | None:
    """Return the user's quiz with this id, or None if there is none (or it is someone else's)."""
    quiz = db.session.get(QuizSession, quiz_id)
    return quiz if quiz is not None and quiz.user_id == user_id else None


def unfinished_quiz(user_id: int, deck_id: int) -> QuizSession | None:
    """Return the user's latest quiz on the deck that still has questions to answer, or None."""
    return db.session.scalar(
        sa.select(QuizSession)
        .where(QuizSession.user_id == user_id, QuizSession.deck_id == deck_id, QuizSession.finished_at.is_(None))
        .order_by(QuizSession.started_at.desc(), QuizSession.id.desc())
        .limit(1)
    )


def answers_by_card(quiz: QuizSession) -> dict[str, Answer]:
    """Return the quiz's answers by card id, read from the database (not from a cached relationship)."""
    answers = db.session.scalars(sa.select(Answer).where(Answer.session_id == quiz.id))
    return {answer.card_id: answer for answer in answers}


def find_answer(quiz: QuizSession, card_id: str) -> Answer | None:
    """Return the answer stored for the card in this quiz, or None."""
    return db.session.scalar(sa.select(Answer).where(Answer.session_id == quiz.id, Answer.card_id == card_id))


def current_item(quiz: QuizSession) -> QuizItem | None:
    """Return the first question not answered yet, or None when every one is."""
    answered = answers_by_card(quiz)
    return next((item for item in quiz.items if item.card_id not in answered), None)


def item_for(quiz: QuizSession, card_id: str) -> QuizItem | None:
    """Return the question that asks this card, or None if the quiz does not ask it."""
    return next((item for item in quiz.items if item.card_id == card_id), None)


def item_at(quiz: QuizSession, position: int) -> QuizItem | None:
    """Return the question at this position (1 is the first), or None."""
    return next((item for item in quiz.items if item.position == position), None)


def answer(
    quiz: QuizSession,
    card_id: str,
    position: int,
    now: datetime,
    shown_at: datetime | None = None,
) -> RecordedAnswer:
    """Record the choice at position for the card, once; finish the quiz when it was the last question.

    shown_at is when the server showed the question (from the question's token, see
    :mod:`quizapp.services.study.answering`), so the time taken never depends on the client's clock; None
    records the answer untimed.
    Raise NotInQuizError, OutOfOrderError or ChoiceOutOfRangeError for an answer that cannot count.
    """
    existing = find_answer(quiz, card_id)
    if existing is not None:
        return RecordedAnswer(existing, counted_now=False)
    item = item_for(quiz, card_id)
    if item is None:
        raise NotInQuizError(f"card {card_id!r} is not in quiz {quiz.id}")
    current = current_item(quiz)
    assert current is not None, "the card is in the quiz and unanswered, so some question is current"
    if current.card_id != card_id:
        raise OutOfOrderError(current)
    choice = answering.find_choice(item.card, position)
    if choice is None:
        raise ChoiceOutOfRangeError(len(item.card.choices))

    row = answering.record_answer(quiz.user_id, item.card, choice, now, shown_at, quiz_id=quiz.id)
    try:
        db.session.flush()
        answering.schedule_quiz_answer(row, item.card, now)
        if current_item(quiz) is None:
            _finish(quiz, now)
        db.session.commit()
    except IntegrityError:
        # Another request stored this answer between our check and our insert: that one counts.
        db.session.rollback()
        existing = find_answer(quiz, card_id)
        if existing is None:
            raise
        return RecordedAnswer(existing, counted_now=False)
    return RecordedAnswer(row, counted_now=True)


def _finish(quiz: QuizSession, now: datetime) -> None:
    """Mark the quiz finished and store its score (the caller commits)."""
    quiz.finished_at = now
    quiz.score = sum(answer.correct for answer in answers_by_card(quiz).values())


def result(quiz: QuizSession) -> QuizResult:
    """Return the quiz's score and each question with the answer given (None where none was)."""
    answered = answers_by_card(quiz)
    lines = [ResultLine(item, answered.get(item.card_id)) for item in quiz.items]
    score = quiz.score if quiz.score is not None else sum(line.correct for line in lines)
    return QuizResult(quiz=quiz, score=score, total=len(lines), lines=lines)
