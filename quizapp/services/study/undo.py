"""Undo the student's last rating, as Anki's "Undo" does: the card's schedule goes back to exactly what it was.

What can be undone
    Only the student's own most recent rating (their latest review log row), and only while it is from today
    (since :func:`quizapp.services.study.queue.start_of_day`): undo is for a slip just made, not for rewriting
    history. Each undo names the rating it undoes, so a second undo of the same rating (a double click, a form
    sent again) finds nothing to undo instead of undoing the rating before it.

What undo does
    The card's ReviewState gets back the state, step, stability, difficulty, due and last review the log row
    kept from before the rating; a card that was new loses its ReviewState, and so is new again. The log row is
    deleted, so the day's limits and every count forget the rating. A review's Answer is deleted too, and the
    card is asked again. A quiz answer stays: a quiz's score is a record, and the answer stays in it; only its
    effect on the schedule is undone.

The schedule is written with a compare-and-swap on ``last_review``, so an undo racing a new rating of the same
card leaves the newer rating in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from quizapp.days import StudentDay
from quizapp.db import db
from quizapp.models import Answer, ReviewLog, ReviewState, User
from quizapp.services.study.queue import LatestRating, QueueStatus, latest_rating, read_latest_rating, start_of_day


@dataclass(frozen=True)
class Undoable:
    """The rating an undo would take back."""

    rating_id: int  # the review log row
    card_id: str
    answer_id: int | None  # the multiple-choice answer it came from; None for a flashcard rating
    quiz_id: int | None  # the quiz of that answer; None for a review


@dataclass(frozen=True)
class Undone:
    """A rating taken back: which card, and whether its answer stays in a quiz."""

    card_id: str
    quiz_id: int | None  # the quiz whose answer stays (its effect on the schedule undone); None for a review


def _latest(user_id: int) -> LatestRating | None:
    latest = latest_rating(user_id)
    row = db.session.execute(sa.select(latest)).first()
    return read_latest_rating(row) if row is not None else None


def _restorable(log: LatestRating) -> bool:
    """Tell whether the row kept the whole schedule before it: a first review, or one logged with its last review."""
    return log.stability_before is None or log.last_review_before is not None


def last_rating(user: User, now: datetime, status: QueueStatus | None = None) -> Undoable | None:
    """Return the user's rating an undo would take back now, or None when there is none.

    Given the queue_status of the same moment, it takes the latest rating from it instead of reading it again.
    """
    log = status.latest_rating if status is not None else _latest(user.id)
    if log is None or log.reviewed_at < start_of_day(now, StudentDay.of(user)) or not _restorable(log):
        return None
    return Undoable(rating_id=log.id, card_id=log.card_id, answer_id=log.answer_id, quiz_id=log.quiz_id)


def undo_rating(user: User, rating_id: int, now: datetime) -> Undone | None:
    """Take back the user's rating rating_id if it is still the one to undo; None (nothing done) otherwise."""
    undoable = last_rating(user, now)
    if undoable is None or undoable.rating_id != rating_id:
        return None
    log = db.session.get_one(ReviewLog, rating_id)
    # Only the rating that made the card's current schedule can be taken back.
    current = ReviewState.last_review == log.reviewed_at
    mine = sa.and_(ReviewState.user_id == user.id, ReviewState.card_id == log.card_id, current)
    if log.stability_before is None:  # the card was new: it had no schedule before
        restore: sa.Executable = sa.delete(ReviewState).where(mine)
    else:
        restore = sa.update(ReviewState).where(mine).values(
            state=log.state_before, step=log.step_before, stability=log.stability_before,
            difficulty=log.difficulty_before, due=log.due_before, last_review=log.last_review_before,
        )
    if _execute(restore).rowcount != 1:  # rated again, or undone, since: nothing to undo
        db.session.rollback()
        return None
    # Bulk statements: the ORM refuses to delete a log row (see ReviewLog), and undo is the one exception.
    _execute(sa.delete(ReviewLog).where(ReviewLog.id == log.id))
    if undoable.answer_id is not None and undoable.quiz_id is None:
        _execute(sa.delete(Answer).where(Answer.id == undoable.answer_id))
    db.session.commit()
    return Undone(card_id=undoable.card_id, quiz_id=undoable.quiz_id)


def _execute(statement: sa.Executable) -> sa.CursorResult[Any]:
    """Run a bulk statement; the commit that follows expires what the session had loaded."""
    return db.session.execute(statement, execution_options={"synchronize_session": False})  # type: ignore[return-value]
