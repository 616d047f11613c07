"""Answering a card by multiple choice, the one way review and quizzes share.

A question is shown with a signed token (:mod:`quizapp.services.study.tokens`) saying when the server showed
it; the answer's time runs from then to its arrival, on the app's clock. The chosen option is found by its
position on the card, the Answer is recorded with the card's version (so feedback shows the question as it was
seen), and the answer is rated by :func:`quizapp.services.study.review.answer_rating`, the rule for both modes.
What differs is what makes an answer count once: in review the token's "last review" (a card reviewed since
the showing was already counted), in a quiz its one answer per question.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import fsrs
import sqlalchemy as sa

from quizapp.db import db
from quizapp.models import Answer, Card, Choice, User
from quizapp.services.study import scheduling
from quizapp.services.study.outcomes import Mode, Problem, ReviewError
from quizapp.services.study.review import (
    answer_rating,
    apply_rating,
    card_for_review,
    is_current,
    last_review_of,
    schedule_of,
    state_of,
)
from quizapp.services.study.tokens import Presented, elapsed_ms, read_token


def find_choice(card: Card, position: int | None) -> Choice | None:
    """Return the card's option at this position (0 is the first), None when the card has no such option."""
    return next((choice for choice in card.choices if choice.position == position), None)


def record_answer(
    user_id: int, card: Card, choice: Choice, now: datetime, shown_at: datetime | None, quiz_id: int | None = None
) -> Answer:
    """Add the Answer of choice to the session (the caller flushes and commits), timed from shown_at to now."""
    answer = Answer(
        session_id=quiz_id, user_id=user_id, card_id=card.id, chosen_position=choice.position,
        correct=choice.is_correct, time_taken_ms=elapsed_ms(shown_at, now), card_version=card.version,
        answered_at=now,
    )
    db.session.add(answer)
    return answer


def rating_of(card: Card, answer: Answer) -> fsrs.Rating:
    """Rate a recorded answer by the rule both modes share."""
    return answer_rating(card, answer.correct, answer.time_taken_ms)


@dataclass(frozen=True)
class AnswerResult:
    """What happened to a multiple-choice answer in review."""

    applied: bool  # False: the question had already been answered, and this answer was not counted
    answer_id: int | None  # the answer to show feedback for: this one, or the one that counted before


def _earlier_answer(user_id: int, card_id: str, presented: Presented) -> int | None:
    """Return the review answer that counted for the showing presented describes, if there was one."""
    return db.session.scalar(
        sa.select(Answer.id)
        .where(
            Answer.user_id == user_id,
            Answer.card_id == card_id,
            Answer.session_id.is_(None),
            Answer.answered_at >= presented.shown_at,
        )
        .order_by(Answer.answered_at, Answer.id)
        .limit(1)
    )


def answer_card(
    user: User, card_id: str, position: int | None, token: str, now: datetime, deck_id: int | None = None
) -> AnswerResult:
    """Record a review's multiple-choice answer, rate it and reschedule the card, once."""
    card = card_for_review(card_id, deck_id)
    presented = read_token(token, user_id=user.id, card_id=card.id, mode=Mode.CHOICE, now=now)
    choice = find_choice(card, position)
    if choice is None:
        raise ReviewError(Problem.BAD_CHOICE)
    state = state_of(user.id, card.id)
    if not is_current(state, presented):
        return AnswerResult(applied=False, answer_id=_earlier_answer(user.id, card.id, presented))

    answer = record_answer(user.id, card, choice, now, presented.shown_at)
    db.session.flush()
    rating = rating_of(card, answer)
    if apply_rating(user.id, card, state, presented.last_review, rating, now, answer.time_taken_ms, answer.id) is None:
        db.session.rollback()
        return AnswerResult(applied=False, answer_id=_earlier_answer(user.id, card_id, presented))
    db.session.commit()
    return AnswerResult(applied=True, answer_id=answer.id)


def schedule_quiz_answer(answer: Answer, card: Card, now: datetime) -> scheduling.ReviewOutcome | None:
    """Feed a quiz answer, just stored, into the student's schedule; None if the quiz rule leaves it alone.

    The caller commits, with the answer: this writes inside a savepoint, so that losing a race to a review of
    the same card (which then counts instead) keeps the quiz's answer.
    """
    state = state_of(answer.user_id, card.id)
    if not scheduling.quiz_answer_counts(schedule_of(state, now) if state is not None else None, answer.correct, now):
        return None
    rating = rating_of(card, answer)
    savepoint = db.session.begin_nested()
    outcome = apply_rating(
        answer.user_id, card, state, last_review_of(state), rating, now, answer.time_taken_ms, answer.id
    )
    if outcome is None:
        savepoint.rollback()
    else:
        savepoint.commit()
    return outcome
