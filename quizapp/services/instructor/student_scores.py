"""One row per student: quizzes, their best, average and last percentages, cards learned, reviews, retention.

"Learned" and "true retention" are the progress page's (quizapp.services.stats.activity: card_counts and
true_retention), computed here for every student in one query instead of one query per student; a test holds
the two to the same numbers. A retry of the questions missed in a quiz is not an attempt and is left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import fsrs
import sqlalchemy as sa

from quizapp.models import QuizItem, QuizSession, ReviewLog, ReviewState, User, deck_cards
from quizapp.services.instructor.score_filters import (
    Row,
    Scope,
    ScoreFilter,
    check_filter,
    in_days,
    percent,
    read_names,
    stream_rows,
    student_ids,
    utc_datetime_text,
)
from quizapp.services.stats import RETENTION_DAYS, measured_by_retention, utc_today
from quizapp.services.stats.sql import count_if

# The progress page's definitions (quizapp.services.stats.activity: card_counts, true_retention).
_REVIEW = int(fsrs.State.Review)
_AGAIN = int(fsrs.Rating.Again)


@dataclass(frozen=True)
class StudentSummary:
    """One student's numbers over the filter's classes, deck and days."""

    user_id: int
    username: str
    classes: str
    #: Quizzes finished.
    attempts: int
    best: float | None
    average: float | None
    last: float | None
    last_at: datetime | None
    #: Cards in FSRS's Review state (the progress page's "learned").
    learned: int
    #: ReviewLog rows.
    reviews: int
    #: True retention: reviews of Review-state cards not rated Again, out of all such reviews.
    retention_passed: int
    retention_total: int

    @property
    def retention(self) -> float | None:
        """Return true retention in percent with one decimal; None when there was no review to measure it."""
        return percent(self.retention_passed, self.retention_total)

    def row(self) -> Row:
        """Return the summary as a row of the students report (see STUDENTS_HEADER)."""
        return (
            self.username, self.classes, self.attempts, self.best, self.average, self.last,
            utc_datetime_text(self.last_at), self.learned, self.reviews, self.retention,
        )


def students_query(scope: Scope, filters: ScoreFilter, now: datetime) -> sa.Select[Any]:
    """Select each student in scope with their attempts, percentages, learned cards, reviews and retention."""
    total = sa.select(sa.func.count()).where(QuizItem.session_id == QuizSession.id).scalar_subquery()
    percent = 100.0 * QuizSession.score / sa.func.nullif(total, 0)
    order = sa.func.row_number().over(
        partition_by=QuizSession.user_id, order_by=(QuizSession.finished_at.desc(), QuizSession.id.desc())
    )
    finished = sa.select(
        QuizSession.user_id, QuizSession.finished_at, percent.label("percent"), order.label("newest")
    ).where(
        QuizSession.finished_at.is_not(None), QuizSession.retry_of_id.is_(None),
        *in_days(QuizSession.started_at, filters),
    )
    if filters.deck_id is not None:
        finished = finished.where(QuizSession.deck_id == filters.deck_id)
    finished = finished.subquery()
    quizzes = (
        sa.select(
            finished.c.user_id, sa.func.count().label("attempts"), sa.func.max(finished.c.percent).label("best"),
            sa.func.avg(finished.c.percent).label("average"),
        )
        .group_by(finished.c.user_id)
        .subquery()
    )
    last = sa.select(finished.c.user_id, finished.c.percent, finished.c.finished_at).where(finished.c.newest == 1)
    last = last.subquery()

    learned = sa.select(ReviewState.user_id, count_if(ReviewState.state == _REVIEW).label("learned"))
    learned = _on_deck(learned, ReviewState.card_id, filters).group_by(ReviewState.user_id).subquery()

    if filters.start is None and filters.end is None:
        today = utc_today(now)
        window = ScoreFilter(start=today - timedelta(days=RETENTION_DAYS - 1), end=today)
    else:
        window = filters
    measured = sa.and_(measured_by_retention(), *in_days(ReviewLog.reviewed_at, window))
    in_range = sa.and_(sa.true(), *in_days(ReviewLog.reviewed_at, filters))
    reviews = sa.select(
        ReviewLog.user_id, count_if(in_range).label("reviews"),
        count_if(sa.and_(measured, ReviewLog.rating != _AGAIN)).label("passed"), count_if(measured).label("measured"),
    )
    reviews = _on_deck(reviews, ReviewLog.card_id, filters).group_by(ReviewLog.user_id).subquery()

    return (
        sa.select(
            User.id, User.username, sa.func.coalesce(quizzes.c.attempts, 0), quizzes.c.best, quizzes.c.average,
            last.c.percent, last.c.finished_at, sa.func.coalesce(learned.c.learned, 0),
            sa.func.coalesce(reviews.c.reviews, 0), sa.func.coalesce(reviews.c.passed, 0),
            sa.func.coalesce(reviews.c.measured, 0),
        )
        .where(User.id.in_(student_ids(scope, filters)))
        .outerjoin(quizzes, quizzes.c.user_id == User.id)
        .outerjoin(last, last.c.user_id == User.id)
        .outerjoin(learned, learned.c.user_id == User.id)
        .outerjoin(reviews, reviews.c.user_id == User.id)
        .order_by(sa.func.lower(User.username), User.id)
    )


def _on_deck(select: sa.Select[Any], card_id: sa.ColumnElement[str], filters: ScoreFilter) -> sa.Select[Any]:
    """Narrow select to the cards of the filter's deck, if it names one."""
    if filters.deck_id is None:
        return select
    return select.join(deck_cards, sa.and_(deck_cards.c.card_id == card_id, deck_cards.c.deck_id == filters.deck_id))


def student_rows(scope: Scope, filters: ScoreFilter, now: datetime | None = None) -> Iterator[Row]:
    """Return the students report's rows (see STUDENTS_HEADER); raise ScoresError for a bad filter at once.

    now (aware UTC) places the retention window when the filter gives no days; required then.
    """
    check_filter(scope, filters)
    return (summary.row() for summary in _summaries(scope, filters, _require(now)))


def student_summaries(
    instructor_id: int, class_id: int | None, now: datetime, filters: ScoreFilter | None = None
) -> list[StudentSummary]:
    """Return the summary of each student of the instructor's class (or of all their classes), by name.

    For the class page; raise ForeignClassError if the class is another instructor's.
    """
    filters = ScoreFilter(
        class_id=class_id, deck_id=filters.deck_id if filters else None, start=filters.start if filters else None,
        end=filters.end if filters else None,
    )
    scope = Scope.of(instructor_id)
    check_filter(scope, filters)
    return list(_summaries(scope, filters, now))


def _summaries(scope: Scope, filters: ScoreFilter, now: datetime) -> Iterator[StudentSummary]:
    names = read_names(scope, filters)
    for (user_id, username, attempts, best, average, last, last_at, learned, reviews, passed,
         measured) in stream_rows(students_query(scope, filters, now)):
        yield StudentSummary(
            user_id=user_id, username=username, classes=names.classes.get(user_id, ""), attempts=int(attempts),
            best=_one_decimal(best), average=_one_decimal(average), last=_one_decimal(last), last_at=last_at,
            learned=int(learned), reviews=int(reviews), retention_passed=int(passed), retention_total=int(measured),
        )


def _one_decimal(value: float | None) -> float | None:
    return round(float(value), 1) if value is not None else None


def _require(now: datetime | None) -> datetime:
    if now is None:
        raise TypeError("the students report needs now, an aware UTC datetime")
    return now
