"""Spaced-repetition review: which card a student meets next, and what an answer or a rating does to it.

The queue
    Cards due now come first, earliest due first; then cards the student has never reviewed, in the order
    the cards were stored (the decks' order). Only active cards are served; a deck narrows the queue to its
    cards. A ReviewState row exists only once a card has been reviewed or answered in a quiz, so "new" means
    "no ReviewState". Cards the student suspended or buried (:mod:`quizapp.services.study.holds`) are left
    out while held; :mod:`quizapp.services.study.undo` takes back the latest rating.

Daily limits
    Each user has ``daily_new_limit`` (20) and ``daily_review_limit`` (200); "today" is the student's day
    (:class:`quizapp.days.StudentDay`: their zone, from 04:00). A review whose schedule before had no memory state
    (``stability_before IS NULL``: the card had never been reviewed) counts against the new-card limit, every
    other review against the review limit. Quiz answers that move the schedule are logged alike and count
    too: a card met in a quiz adds to the reviews to come as one met here does. The limits never stop a quiz.

How an answer is scored (see :mod:`quizapp.services.study.rating`)
    Wrong -> Again. Right -> Good; right after 20 s or more -> Hard (the limit moves by 1 s per option above or
    below four); never Easy, since among k options a student who does not know is right one time in k. The
    server measures the time, from showing the question to receiving the answer; an answer that took longer
    than AWAY_AFTER (5 minutes) is taken as untimed, since the student most likely stepped away, and so rates
    Good when right. In flashcard mode the student rates the card Again, Hard, Good or Easy.

Quiz answers
    A quiz answer is rated by the same rule (:func:`answer_rating`) and feeds the schedule when
    :func:`quizapp.services.study.scheduling.quiz_answer_counts` says so: always on a new card (which the
    quiz introduces) and for a wrong answer (a lapse: the card comes back within minutes); for a right answer
    only when the card is due, so that a quiz never pushes a card off its due date early.
    :func:`quizapp.services.study.answering.schedule_quiz_answer` writes it in the quiz's own transaction;
    the quiz's one answer per question is what makes it count once.

Counted once
    Each question is shown with a signed token naming the student, the card, the mode, the card's last review
    at that moment and when it was shown. An answer or rating whose token no longer matches the card's last
    review was already counted and is not applied again (a double submit, the back button). The schedule is
    written with a compare-and-swap on ``last_review`` (or the unique (user, card) row for a new card), so two
    requests racing each other count once too.

Every function takes ``now`` (an aware UTC datetime); views get it from :func:`quizapp.clock.utcnow`.

Answering a card by multiple choice, in review or in a quiz, is :mod:`quizapp.services.study.answering`:
it records the Answer, rates it with :func:`answer_rating` and applies the rating here (:func:`apply_rating`).
The queue and the daily limits live in :mod:`quizapp.services.study.queue`, the token in
:mod:`quizapp.services.study.tokens`, the modes and problems in :mod:`quizapp.services.study.outcomes`; this
module re-exports their public names, so callers import everything review from here.
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timedelta
from typing import Any

import fsrs
import sqlalchemy as sa
import sqlalchemy.orm as so

from quizapp.db import db
from quizapp.models import Answer, Card, CardStatus, Choice, Deck, ReviewLog, ReviewState, User, deck_cards
from quizapp.services.study import scheduling
from quizapp.services.study.deck_counts import DeckCounts, deck_counts
from quizapp.services.study.outcomes import Mode, Problem, ReviewError
from quizapp.services.study.queue import (
    Allowance,
    QueueStatus,
    ReviewItem,
    allowance,
    next_card,
    queue_status,
    start_of_day,
)
from quizapp.services.study.rating import rate_choice_answer
from quizapp.services.study.scheduling import Schedule
from quizapp.services.study.tokens import TOKEN_MAX_AGE, Presented, present, read_token

__all__ = [
    "AWAY_AFTER", "TOKEN_MAX_AGE", "Allowance", "DeckCounts", "Feedback",
    "Mode", "Presented", "Problem", "QueueStatus", "RateResult", "Reveal", "ReviewError", "ReviewItem",
    "allowance", "answer_rating", "deck_counts", "feedback", "find_deck", "next_card",
    "present", "queue_status", "rate_card", "read_token", "reveal", "start_of_day",
]

#: An answer slower than this is rated as untimed: the student was away, not slow.
AWAY_AFTER = timedelta(minutes=5)


def find_deck(slug: str) -> Deck | None:
    """Return the deck with this slug, or None."""
    # with its article: a page names the deck by the article's headline
    return db.session.scalar(sa.select(Deck).where(Deck.slug == slug).options(so.joinedload(Deck.article)))


# --- answering, revealing and rating ----------------------------------------------------------------


def card_for_review(card_id: str, deck_id: int | None) -> Card:
    """Return the active card, in the deck when one is given; raise ReviewError saying why not."""
    card = db.session.get(Card, card_id) if card_id else None
    return _served(card, deck_id)


def card_and_state(user_id: int, card_id: str, deck_id: int | None) -> tuple[Card, ReviewState | None]:
    """Return the active card (in the deck, when one is given) with its choices and the user's schedule for it.

    One statement reads all three, as an answer or a rating needs them; raise ReviewError saying why not.
    """
    row = db.session.execute(
        _card_and_state_statement(), {"user_id": user_id, "card_id": card_id}
    ).unique().first() if card_id else None
    card, state = row if row is not None else (None, None)
    return _served(card, deck_id), state


@functools.cache
def _card_and_state_statement() -> sa.Select[Any]:
    # built once, with placeholders: building the statement costs more than running it
    user_id = sa.bindparam("user_id", type_=sa.Integer())
    return (
        sa.select(Card, ReviewState)
        .outerjoin(ReviewState, sa.and_(ReviewState.card_id == Card.id, ReviewState.user_id == user_id))
        .where(Card.id == sa.bindparam("card_id", type_=sa.String()))
        .options(so.joinedload(Card.choices))
    )


def _served(card: Card | None, deck_id: int | None) -> Card:
    """Return the card if it is active and in the deck (when one is given); raise ReviewError saying why not."""
    if card is None:
        raise ReviewError(Problem.UNKNOWN_CARD)
    if card.status != CardStatus.ACTIVE:
        raise ReviewError(Problem.RETIRED_CARD)
    if deck_id is not None:
        in_deck = sa.exists().where(deck_cards.c.deck_id == deck_id, deck_cards.c.card_id == card.id)
        if not db.session.scalar(sa.select(in_deck)):
            raise ReviewError(Problem.NOT_IN_DECK)
    return card


def state_of(user_id: int, card_id: str) -> ReviewState | None:
    """Return the user's schedule row for the card, None for a card they never met."""
    return db.session.scalar(
        sa.select(ReviewState).where(ReviewState.user_id == user_id, ReviewState.card_id == card_id)
    )


def last_review_of(state: ReviewState | None) -> datetime | None:
    """Return when the card was last reviewed, None for a new card."""
    return state.last_review if state is not None else None


def is_current(state: ReviewState | None, presented: Presented) -> bool:
    """Tell whether the card has not been reviewed since the question was shown."""
    return last_review_of(state) == presented.last_review


def schedule_of(state: ReviewState | None, now: datetime) -> Schedule:
    """Read a schedule row into a Schedule; a new card's schedule when there is none."""
    if state is None:
        return scheduling.new_schedule(now)
    return Schedule(
        state=state.state, step=state.step, stability=state.stability, difficulty=state.difficulty,
        due=state.due, last_review=state.last_review,
    )


def _columns(schedule: Schedule) -> dict[str, Any]:
    return asdict(schedule)


def answer_rating(card: Card, correct: bool, elapsed_ms: int | None) -> fsrs.Rating:
    """Rate a multiple-choice answer to the card, in review or in a quiz (see quizapp.services.study.rating)."""
    timed = elapsed_ms if elapsed_ms is not None and elapsed_ms <= AWAY_AFTER / timedelta(milliseconds=1) else None
    return rate_choice_answer(correct, timed, max(len(card.choices), 2))


@dataclass(frozen=True)
class PlannedReview:
    """A rating's new schedule, worked out before anything is written."""

    before: Schedule
    after: Schedule
    outcome: scheduling.ReviewOutcome


def plan_review(
    desired_retention: float, state: ReviewState | None, rating: fsrs.Rating, now: datetime
) -> PlannedReview:
    """Work out the schedule a rating gives the card (FSRS at the student's desired retention); writes nothing."""
    before = schedule_of(state, now)
    after, outcome = scheduling.review(before, rating, now, scheduling.scheduler_for(desired_retention))
    return PlannedReview(before=before, after=after, outcome=outcome)


#: The statements a rating writes, built once: building one costs as much as running it.
_ADD_SCHEDULE = sa.insert(ReviewState.__table__)
_ADD_LOG = sa.insert(ReviewLog.__table__)
_SCHEDULE_COLUMNS = tuple(field.name for field in fields(Schedule))
_MOVE_SCHEDULE = {
    # the compare-and-swap on the card's last review, for a schedule never reviewed and for one that was
    first: sa.update(ReviewState.__table__)
    .where(ReviewState.id == sa.bindparam("state_id"), guard)
    .values({name: sa.bindparam(f"new_{name}") for name in _SCHEDULE_COLUMNS})
    for first, guard in (
        (True, ReviewState.last_review.is_(None)),
        (False, ReviewState.last_review == sa.bindparam("seen_review")),
    )
}


@dataclass(frozen=True)
class RatingWrite:
    """The rows a rating writes, worked out before the first of them is: the schedule and the log row."""

    user_id: int
    card_id: str
    state: ReviewState | None
    seen_review: datetime | None
    schedule: dict[str, Any]
    log: dict[str, Any]
    outcome: scheduling.ReviewOutcome

    def apply(self, answer_id: int | None) -> scheduling.ReviewOutcome | None:
        """Write the schedule and the log row (of answer_id); None (caller rolls back) if it was already counted."""
        # Plain statements on the session's connection, back to back: on SQLite every other student's answer waits
        # for this one's writes to end, and a unit-of-work flush took as long again as the writes themselves.
        connection = db.session.connection()
        if self.state is None:
            try:
                # the unique (user, card) row refuses a second first review
                connection.execute(_ADD_SCHEDULE, {"user_id": self.user_id, "card_id": self.card_id, **self.schedule})
            except sa.exc.IntegrityError:  # another request created the row first: that one counted
                return None
        else:
            moved = {f"new_{name}": value for name, value in self.schedule.items()}
            moved.update(state_id=self.state.id, seen_review=self.seen_review)
            if connection.execute(_MOVE_SCHEDULE[self.seen_review is None], moved).rowcount != 1:
                return None  # reviewed since the question was shown
            db.session.expire(self.state)
        connection.execute(_ADD_LOG, {**self.log, "answer_id": answer_id})
        return self.outcome


def plan_write(
    user_id: int, card: Card, state: ReviewState | None, seen_review: datetime | None, planned: PlannedReview,
    duration_ms: int | None,
) -> RatingWrite:
    """Return what writing the planned review takes (seen_review: the card's last review when it was answered)."""
    before, after, outcome = planned.before, planned.after, planned.outcome
    log = {name: value for name, value in asdict(outcome).items() if name != "scheduled_interval"}
    log.update(user_id=user_id, card_id=card.id, review_duration_ms=duration_ms, last_review_before=before.last_review)
    return RatingWrite(user_id, card.id, state, seen_review, _columns(after), log, outcome)


def apply_rating(
    user_id: int,
    card: Card,
    state: ReviewState | None,
    seen_review: datetime | None,
    rating: fsrs.Rating,
    now: datetime,
    duration_ms: int | None,
    answer_id: int | None,
) -> scheduling.ReviewOutcome | None:
    """Write the new schedule and append the log row; None (caller rolls back) if it was already counted.

    seen_review is the card's last review when the answer was given: the write happens only if it still is.
    """
    planned = plan_review(db.session.get_one(User, user_id).desired_retention, state, rating, now)
    return plan_write(user_id, card, state, seen_review, planned, duration_ms).apply(answer_id)


@dataclass(frozen=True)
class Reveal:
    """A flashcard's answer, with how long each rating would put the card away."""

    card: Card
    intervals: dict[fsrs.Rating, timedelta]


def reveal(
    user: User, card_id: str, token: str, now: datetime, deck_id: int | None = None
) -> Reveal | None:
    """Return the flashcard's answer and rating previews; None if the card was rated since it was shown."""
    card, state = card_and_state(user.id, card_id, deck_id)
    presented = read_token(token, user_id=user.id, card_id=card.id, mode=Mode.FLASHCARD, now=now)
    if not is_current(state, presented):
        return None
    scheduler = scheduling.scheduler_for(user.desired_retention)
    return Reveal(card=card, intervals=scheduling.preview_intervals(schedule_of(state, now), now, scheduler))


@dataclass(frozen=True)
class RateResult:
    """What happened to a flashcard rating."""

    applied: bool  # False: the card had already been rated for this showing
    rating: fsrs.Rating
    interval: timedelta | None  # until the card is due again, when applied


def rate_card(
    user: User, card_id: str, rating: int | None, token: str, now: datetime, deck_id: int | None = None
) -> RateResult:
    """Apply the student's own rating of a flashcard and reschedule it, once."""
    card, state = card_and_state(user.id, card_id, deck_id)
    presented = read_token(token, user_id=user.id, card_id=card.id, mode=Mode.FLASHCARD, now=now)
    try:
        chosen = fsrs.Rating(rating)
    except ValueError as exc:
        raise ReviewError(Problem.BAD_RATING) from exc
    if not is_current(state, presented):
        return RateResult(applied=False, rating=chosen, interval=None)
    outcome = apply_rating(user.id, card, state, presented.last_review, chosen, now, presented.elapsed_ms(now), None)
    if outcome is None:
        db.session.rollback()
        return RateResult(applied=False, rating=chosen, interval=None)
    db.session.commit()
    return RateResult(applied=True, rating=chosen, interval=outcome.scheduled_interval)


# --- feedback ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Feedback:
    """A review answer with everything shown after it: the card, the rating it earned, when it comes back."""

    answer: Answer
    card: Card
    rating: fsrs.Rating | None
    interval: timedelta | None  # from the answer to the card's next due

    @property
    def chosen(self) -> Choice | None:
        """The option the student picked."""
        return next((c for c in self.card.choices if c.position == self.answer.chosen_position), None)

    @property
    def correct_choices(self) -> list[Choice]:
        """The right option (a card has one)."""
        return [c for c in self.card.choices if c.is_correct]


def feedback(user_id: int, answer_id: int) -> Feedback | None:
    """Return the feedback of the user's review answer; None if there is none such (or it is someone else's)."""
    answer = db.session.get(Answer, answer_id)
    if answer is None or answer.user_id != user_id or answer.session_id is not None:
        return None
    log = db.session.scalar(sa.select(ReviewLog).where(ReviewLog.answer_id == answer.id).limit(1))
    return Feedback(
        answer=answer,
        card=answer.card,
        rating=fsrs.Rating(log.rating) if log is not None else None,
        interval=log.due_after - log.reviewed_at if log is not None else None,
    )
