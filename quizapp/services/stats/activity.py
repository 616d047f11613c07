"""A student's study over time: streak, learned cards, true retention, due forecast and review calendar."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import fsrs
import sqlalchemy as sa

from quizapp.days import UTC_DAYS, StudentDay
from quizapp.db import db
from quizapp.models import Answer, Card, CardStatus, ReviewLog, ReviewState
from quizapp.services.stats.sql import count_if, epoch_seconds, student_date, whole_percent

#: Anki's line between young and mature cards: a scheduled interval of at least this many days.
MATURE_DAYS = 21
#: How far back true retention looks, in days counted with today.
RETENTION_DAYS = 30
#: How many days the forecast covers, starting with today.
FORECAST_DAYS = 30
#: How many weeks the review calendar shows, ending with the current week.
CALENDAR_WEEKS = 26

_REVIEW = int(fsrs.State.Review)
_AGAIN = int(fsrs.Rating.Again)


# --- streak ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Streak:
    """Runs of consecutive days (the student's days) with at least one answer or review."""

    #: Days in the run that ends today, or yesterday when nothing was done yet today; 0 when neither.
    current: int
    #: Days in the longest run ever.
    longest: int
    #: Whether today already counts.
    studied_today: bool
    #: Days with at least one answer or review, ever.
    active_days: int
    last_day: date | None


def streak_from_days(days: Iterable[date], today: date) -> Streak:
    """Measure the current and longest runs of consecutive days among days; days after today are ignored."""
    ordered = sorted({day for day in days if day <= today})
    longest = run = 0
    previous: date | None = None
    for day in ordered:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    # run is now the length of the run ending on the last active day; it is current only if that day is
    # today or yesterday, so that a streak is not broken before today's study.
    current = run if previous is not None and today - previous <= timedelta(days=1) else 0
    return Streak(
        current=current,
        longest=longest,
        studied_today=previous == today,
        active_days=len(ordered),
        last_day=previous,
    )


def study_streak(user_id: int, now: datetime, day: StudentDay = UTC_DAYS) -> Streak:
    """Return the user's study streak: days with at least one Answer or ReviewLog row."""
    active_days = sa.union(
        sa.select(student_date(Answer.answered_at, day)).where(Answer.user_id == user_id),
        sa.select(student_date(ReviewLog.reviewed_at, day)).where(ReviewLog.user_id == user_id),
    )
    return streak_from_days(db.session.scalars(active_days), day.today(now))


# --- cards -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardCounts:
    """How far the user's cards have come in the schedule (ReviewState rows)."""

    #: Cards the user has a schedule for: answered or reviewed at least once.
    studied: int
    #: Cards in FSRS's Review state (2): past the learning steps and not relearning.
    learned: int
    #: Learned cards whose scheduled interval (due - last review) is at least 21 days.
    mature: int


def card_counts(user_id: int) -> CardCounts:
    """Count the user's studied, learned and mature cards."""
    in_review = ReviewState.state == _REVIEW
    interval = epoch_seconds(ReviewState.due) - epoch_seconds(ReviewState.last_review)
    query = sa.select(
        sa.func.count(),
        count_if(in_review),
        count_if(sa.and_(in_review, interval >= MATURE_DAYS * 86_400)),
    ).where(ReviewState.user_id == user_id)
    studied, learned, mature = db.session.execute(query).one()
    return CardCounts(studied=int(studied), learned=int(learned), mature=int(mature))


# --- true retention ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Retention:
    """Anki's true retention: of reviews of cards that were in the Review state, the share not rated Again."""

    passed: int
    total: int
    #: The first and last day of the window.
    start: date
    end: date

    @property
    def percent(self) -> int | None:
        """Return the share passed in whole percent, rounded down; None when there were no such reviews."""
        return whole_percent(self.passed, self.total)


def measured_by_retention() -> sa.ColumnElement[bool]:
    """Select the ReviewLog rows true retention measures: reviews of Review-state cards that were due.

    Reviews of cards still learning or relearning say nothing about long-term memory. Nor do reviews before the
    due date: only a quiz makes them, and only for a wrong answer (a right one leaves a card that is not due
    alone, see quizapp.services.study.scheduling.quiz_answer_counts), so counting them would count the early
    failures without the early successes.
    """
    return sa.and_(ReviewLog.state_before == _REVIEW, ReviewLog.reviewed_at >= ReviewLog.due_before)


def true_retention(user_id: int, now: datetime, days: int = RETENTION_DAYS, day: StudentDay = UTC_DAYS) -> Retention:
    """Return the user's true retention over the last days days, today included.

    Counts the reviews measured_by_retention selects; a review passes unless rated Again (1).
    """
    end = day.today(now)
    start = end - timedelta(days=days - 1)
    query = sa.select(count_if(ReviewLog.rating != _AGAIN), sa.func.count()).where(
        ReviewLog.user_id == user_id,
        measured_by_retention(),
        ReviewLog.reviewed_at >= day.start(start),
        ReviewLog.reviewed_at < day.end(end),
    )
    passed, total = db.session.execute(query).one()
    return Retention(passed=int(passed), total=int(total), start=start, end=end)


# --- forecast ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Forecast:
    """Cards falling due on each of the coming days, today first; overdue cards count today."""

    days: tuple[tuple[date, int], ...]
    #: Of today's cards, those that fell due on an earlier day.
    overdue: int

    @property
    def total(self) -> int:
        """Return the cards due over the whole forecast."""
        return sum(n for _, n in self.days)


def due_forecast(user_id: int, now: datetime, days: int = FORECAST_DAYS, day: StudentDay = UTC_DAYS) -> Forecast:
    """Count the user's ReviewState rows due on each of days days from today; retired cards are left out."""
    today = day.today(now)
    due_on = student_date(ReviewState.due, day)
    query = (
        sa.select(due_on, sa.func.count())
        .join(Card, Card.id == ReviewState.card_id)
        .where(
            ReviewState.user_id == user_id,
            Card.status != CardStatus.RETIRED,
            ReviewState.due < day.start(today + timedelta(days=days)),
        )
        .group_by(due_on)
    )
    counts = {today + timedelta(days=i): 0 for i in range(days)}
    overdue = 0
    for due_day, n in db.session.execute(query):
        if due_day < today:
            overdue += n
            due_day = today
        counts[due_day] += n
    return Forecast(days=tuple(counts.items()), overdue=overdue)


# --- review calendar ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewCalendar:
    """Reviews (ReviewLog rows) per day, from the Monday weeks - 1 weeks before this week's to today."""

    counts: Mapping[date, int]
    start: date
    end: date
    weeks: int

    @property
    def total(self) -> int:
        """Return the reviews in the whole calendar."""
        return sum(self.counts.values())

    @property
    def first_day(self) -> date | None:
        """Return the first day in the calendar with a review (the start of "N reviews since"), None without one."""
        return min(self.counts, default=None)


def review_calendar(
    user_id: int, now: datetime, weeks: int = CALENDAR_WEEKS, day: StudentDay = UTC_DAYS
) -> ReviewCalendar:
    """Count the user's reviews per day over the last weeks calendar weeks; days without one are absent."""
    end = day.today(now)
    # The same first day as quizapp.charts.review_heatmap: the Monday of the first column.
    start = end - timedelta(days=end.weekday(), weeks=weeks - 1)
    review_day = student_date(ReviewLog.reviewed_at, day)
    query = (
        sa.select(review_day, sa.func.count())
        .where(
            ReviewLog.user_id == user_id,
            ReviewLog.reviewed_at >= day.start(start),
            ReviewLog.reviewed_at < day.end(end),
        )
        .group_by(review_day)
    )
    counts = {review_day: int(n) for review_day, n in db.session.execute(query)}
    return ReviewCalendar(counts=counts, start=start, end=end, weeks=weeks)
