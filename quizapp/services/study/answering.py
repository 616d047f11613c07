"""Answering a card, by multiple choice or by typing, the one way review and quizzes share.

A question is shown with a signed token (:mod:`quizapp.services.study.tokens`) saying when the server showed
it; the answer's time runs from then to its arrival, on the app's clock. The chosen option is found by its
position on the card, the Answer is recorded with the card's version (so feedback shows the question as it was
seen), and the answer is rated by :func:`quizapp.services.study.review.answer_rating`, the rule for both modes.
What differs is what makes an answer count once: in review the token's "last review" (a card reviewed since
the showing was already counted), in a quiz its one answer per question.

A typed answer ("type the answer" review) goes the same way: shown with a token, timed, recorded with the
card's version and what was typed, counted once; :mod:`quizapp.services.study.typed` judges it and rates it
(:func:`~quizapp.services.study.typed.typed_rating`: recall, so no allowance for guessing).
"""

from __future__ import annotations

import typing as t
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import fsrs
import sqlalchemy as sa

from quizapp.db import db
from quizapp.models import Answer, Card, CardStatus, Choice, ReviewState, User
from quizapp.services.study import scheduling, typed
from quizapp.services.study.outcomes import Mode, Problem, ReviewError
from quizapp.services.study.review import (
    answer_rating,
    apply_rating,
    card_and_state,
    is_current,
    last_review_of,
    plan_review,
    plan_write,
    schedule_of,
    state_of,
)
from quizapp.services.study.tokens import Presented, elapsed_ms, read_token


def find_choice(card: Card, position: int | None) -> Choice | None:
    """Return the card's option at this position (0 is the first), None when the card has no such option."""
    return next((choice for choice in card.choices if choice.position == position), None)


#: A review's answer, written just before its schedule and log row (quizzes add theirs through the session).
_ADD_ANSWER = sa.insert(Answer.__table__).returning(Answer.__table__.c.id)


def answer_values(
    user_id: int, card: Card, position: int | None, correct: bool, now: datetime, shown_at: datetime | None,
    quiz_id: int | None = None, typed_text: str | None = None,
) -> dict[str, t.Any]:
    """Return the columns of an Answer to card (the option at position, or what was typed), timed from shown_at."""
    return {
        "session_id": quiz_id, "user_id": user_id, "card_id": card.id, "chosen_position": position,
        "correct": correct, "typed_text": typed_text, "time_taken_ms": elapsed_ms(shown_at, now),
        "card_version": card.version, "answered_at": now,
    }


def record_answer(
    user_id: int, card: Card, choice: Choice, now: datetime, shown_at: datetime | None, quiz_id: int | None = None
) -> Answer:
    """Add the Answer of choice to the session (the caller flushes and commits), timed from shown_at to now."""
    answer = Answer(**answer_values(user_id, card, choice.position, choice.is_correct, now, shown_at, quiz_id))
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
    card, state = card_and_state(user.id, card_id, deck_id)
    presented = read_token(token, user_id=user.id, card_id=card.id, mode=Mode.CHOICE, now=now)
    choice = find_choice(card, position)
    if choice is None:
        raise ReviewError(Problem.BAD_CHOICE)

    def record() -> tuple[dict[str, t.Any], fsrs.Rating]:
        answer = answer_values(user.id, card, choice.position, choice.is_correct, now, presented.shown_at)
        return answer, answer_rating(card, answer["correct"], answer["time_taken_ms"])

    return _count_once(user, card, state, presented, now, record)


def _count_once(
    user: User, card: Card, state: ReviewState | None, presented: Presented, now: datetime,
    record: t.Callable[[], tuple[dict[str, t.Any], fsrs.Rating]],
) -> AnswerResult:
    """Record a review answer (its columns and rating from record) and apply its rating unless the showing (state:
    the card's schedule now) was already counted, then commit."""
    if not is_current(state, presented):
        return AnswerResult(applied=False, answer_id=_earlier_answer(user.id, card.id, presented))
    answer, rating = record()
    # From the first write to the commit SQLite holds its one write lock, which every other student's answer waits
    # for: FSRS works out the new schedule before it, and the answer, the schedule and the log row are then written
    # back to back.
    planned = plan_review(user.desired_retention, state, rating, now)
    write = plan_write(user.id, card, state, presented.last_review, planned, answer["time_taken_ms"])
    answer_id = db.session.connection().execute(_ADD_ANSWER, answer).scalar_one()
    if write.apply(answer_id) is None:
        db.session.rollback()
        return AnswerResult(applied=False, answer_id=_earlier_answer(user.id, card.id, presented))
    db.session.commit()
    return AnswerResult(applied=True, answer_id=answer_id)


# --- typed answers ------------------------------------------------------------------------------------


def other_values(card: Card) -> list[str]:
    """Return the values other active cards state for the card's fact: other right answers when typed.

    Only where the fact may have several values at once (the members of an alliance) and the card asks for
    one of them: not for a "which is NOT" card, nor for a disputed one (whose question names its source).
    """
    if card.negated or card.disputed or not card.fact_subject:
        return []
    values = db.session.scalars(
        sa.select(Card.fact_value).where(
            Card.kind == card.kind, Card.fact_subject == card.fact_subject, Card.language == card.language,
            Card.status == CardStatus.ACTIVE, Card.negated.is_(False), Card.disputed.is_(False), Card.id != card.id,
            Card.fact_value.is_not(None),
        )
    )
    return sorted({value for value in values if value})


def match_answer(card: Card, options: Sequence[str], answer_index: int | None, text: str) -> typed.TypedMatch:
    """Judge text typed for the card, asked with these options (the card's, or as an earlier version had them)."""
    right = options[answer_index] if answer_index is not None and 0 <= answer_index < len(options) else ""
    wrong = [option for position, option in enumerate(options) if position != answer_index]
    stated = [card.fact_value] if card.fact_value and not card.negated else []
    return typed.match_typed(text, right, wrong, card.language, also_written=stated, also_right=other_values(card))


def _typed_position(match: typed.TypedMatch, answer_index: int | None) -> int | None:
    """Return the position of the option a typed answer was taken as: the right one, a wrong one, or none."""
    if match.correct:
        return answer_index
    if match.wrong_option is None or answer_index is None:
        return None
    # match_typed numbers the wrong options without the right one
    return match.wrong_option + (1 if match.wrong_option >= answer_index else 0)


def answer_typed(
    user: User, card_id: str, text: str | None, token: str, now: datetime, deck_id: int | None = None
) -> AnswerResult:
    """Record a review's typed answer, judge and rate it and reschedule the card, once."""
    card, state = card_and_state(user.id, card_id, deck_id)
    presented = read_token(token, user_id=user.id, card_id=card.id, mode=Mode.TYPED, now=now)
    typed_text = (text or "").strip()[: typed.MAX_TYPED_CHARS]

    def record() -> tuple[dict[str, t.Any], fsrs.Rating]:
        match = match_answer(card, card.options, card.answer_index, typed_text)
        position = _typed_position(match, card.answer_index)
        answer = answer_values(user.id, card, position, match.correct, now, presented.shown_at, typed_text=typed_text)
        return answer, typed.typed_rating(match, answer["time_taken_ms"])

    return _count_once(user, card, state, presented, now, record)


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
