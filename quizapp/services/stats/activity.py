"""A student's study over time: streak, learned cards, true retention, due forecast and review calendar."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

import fsrs
import sqlalchemy as sa

from quizapp.days import UTC_DAYS, HasStudyDay, StudentDay
from quizapp.db import db, plain_rows
from quizapp.models import Answer, Card, CardStatus, ReviewLog, ReviewState, ScheduleTotal, StudyDay
from quizapp.services.stats.sql import count_if, next_day_start, student_date, whole_percent

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


def _first_active_day(
    user_id: int, day: StudentDay, since: sa.ColumnElement[Any] | None = None, outer: sa.CTE | None = None
) -> sa.ScalarSelect[date]:
    """Select the first of the student's days, at or after the instant since (if given, from a column of outer), with
    activity."""
    answers = sa.select(sa.func.min(Answer.answered_at).label("at")).where(Answer.user_id == user_id)
    reviews = sa.select(sa.func.min(ReviewLog.reviewed_at).label("at")).where(ReviewLog.user_id == user_id)
    if since is not None:
        answers = answers.where(Answer.answered_at >= since).correlate(outer)
        reviews = reviews.where(ReviewLog.reviewed_at >= since).correlate(outer)
    first = sa.union_all(answers, reviews).subquery()
    return sa.select(student_date(sa.func.min(first.c.at), day)).scalar_subquery()


def study_streak(user_id: int, now: datetime, day: StudentDay = UTC_DAYS) -> Streak:
    """Return the user's study streak: days (the student's) with at least one Answer or ReviewLog row.

    Where the student's days are a fixed shift from UTC days (UTC, or a zone without daylight saving time), the days
    are found by a recursive query that steps from one active day to the next along the indexes on
    (user_id, answered_at) and (user_id, reviewed_at): its cost grows with the days studied, not the answers. In a
    zone with clock changes, SQL cannot say when a day begins, and every answer's day is read instead.
    """
    shift = day.fixed_shift
    if shift is None:
        active_days: sa.Select[Any] = sa.union(
            sa.select(student_date(Answer.answered_at, day)).where(Answer.user_id == user_id),
            sa.select(student_date(ReviewLog.reviewed_at, day)).where(ReviewLog.user_id == user_id),
        )
        return streak_from_days(db.session.scalars(active_days), day.today(now))
    minutes = sa.literal(shift // timedelta(minutes=1), sa.Integer())
    days = sa.select(_first_active_day(user_id, day).label("day")).cte("active_days", recursive=True)
    days = days.union_all(
        sa.select(_first_active_day(user_id, day, next_day_start(days.c.day, minutes), days))
        .where(days.c.day.is_not(None))
    )
    return streak_from_days(db.session.scalars(sa.select(days.c.day).where(days.c.day.is_not(None))), day.today(now))


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


@functools.lru_cache(maxsize=64)
def _schedule_statement(day: StudentDay) -> sa.CompoundSelect:
    """Select the user's cards per day (the student's) they fall due before a time, the retired ones taken off again,
    then their schedule totals as a row without a day (bound: user_id, until).

    The cards falling due are counted from the index on (user_id, due) alone, without reading each card's row; the
    few retired cards are then looked up along (user_id, card_id) and counted negatively, whenever they fall due
    (a day past the forecast is left out by _forecast anyway).
    """
    user_id = sa.bindparam("user_id")
    due_on = student_date(ReviewState.due, day)
    zero = sa.literal_column("0")
    due = (
        sa.select(due_on.label("day"), sa.func.count().label("served"), zero, zero, zero)
        .where(ReviewState.user_id == user_id, ReviewState.due < sa.bindparam("until"))
        .group_by(due_on)
    )
    retired = (
        sa.select(due_on, -sa.func.count(), zero, zero, zero)
        .where(ReviewState.user_id == user_id,
               ReviewState.card_id.in_(sa.select(Card.id).where(Card.status == CardStatus.RETIRED)))
        .group_by(due_on)
    )
    totals = sa.select(sa.null(), zero, ScheduleTotal.studied, ScheduleTotal.learned, ScheduleTotal.mature).where(
        ScheduleTotal.user_id == user_id
    )
    return sa.union_all(due, retired, totals)


def card_counts(user_id: int) -> CardCounts:
    """Count the user's studied, learned and mature cards.

    Reads the user's schedule totals (ScheduleTotal, which the database keeps up to date with every ReviewState row
    stored), not every card of their schedule.
    """
    row = db.session.execute(
        sa.select(ScheduleTotal.studied, ScheduleTotal.learned, ScheduleTotal.mature)
        .where(ScheduleTotal.user_id == user_id)
    ).first()
    return CardCounts(*row) if row else CardCounts(0, 0, 0)


def schedule_summary(
    user_id: int, now: datetime, days: int = FORECAST_DAYS, day: StudentDay = UTC_DAYS
) -> tuple[CardCounts, Forecast]:
    """Return card_counts and due_forecast together, in one statement.

    The counts come from the user's schedule totals; the forecast reads only the cards due before it ends (a day
    more, which _forecast leaves out: a day's start and end are the zone's, and this bound need not be exact).
    """
    today = day.today(now)
    bound = {"user_id": user_id, "until": day.start(today + timedelta(days=days + 1))}
    rows = plain_rows(_schedule_statement(day), bound)
    totals = next((row for row in rows if row.day is None), None)
    counts = CardCounts(*(int(n) for n in totals[2:])) if totals else CardCounts(0, 0, 0)
    return counts, _forecast((row for row in rows if row.day is not None), today, days)


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


def _reviews_by_day(user_id: int, start: date, end: date, day: StudentDay) -> list[sa.Row[Any]]:
    """Count the user's reviews per day (the student's) from start to end: all, those true retention measures, those
    passed."""
    measured = measured_by_retention()
    review_day = student_date(ReviewLog.reviewed_at, day)
    query = (
        sa.select(
            review_day.label("day"),
            sa.func.count().label("reviews"),
            count_if(measured).label("measured"),
            count_if(sa.and_(measured, ReviewLog.rating != _AGAIN)).label("passed"),
        )
        .where(
            ReviewLog.user_id == user_id,
            ReviewLog.reviewed_at >= day.start(start),
            ReviewLog.reviewed_at < day.end(end),
        )
        .group_by(review_day)
    )
    return list(db.session.execute(query))


def _retention_window(today: date, days: int) -> tuple[date, date]:
    end = today
    return end - timedelta(days=days - 1), end


def _retention(rows: Iterable[sa.Row[Any]], start: date, end: date) -> Retention:
    passed = total = 0
    for row in rows:
        if start <= row.day <= end:
            passed, total = passed + int(row.passed), total + int(row.measured)
    return Retention(passed=passed, total=total, start=start, end=end)


def true_retention(user_id: int, now: datetime, days: int = RETENTION_DAYS, day: StudentDay = UTC_DAYS) -> Retention:
    """Return the user's true retention over the last days days, today included.

    Counts the reviews measured_by_retention selects; a review passes unless rated Again (1).
    """
    start, end = _retention_window(day.today(now), days)
    return _retention(_reviews_by_day(user_id, start, end, day), start, end)


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


def _forecast(rows: Iterable[sa.Row[Any]], today: date, days: int) -> Forecast:
    # A day may come in several rows, whose counts (negative for retired cards) add up.
    counts = {day: 0 for day in (today + timedelta(days=i) for i in range(days))}
    overdue = 0
    for row in rows:
        due_day, n = row.day, int(row.served)
        if not n or due_day >= today + timedelta(days=days):
            continue
        if due_day < today:
            overdue += n
            due_day = today
        counts[due_day] += n
    return Forecast(days=tuple(counts.items()), overdue=overdue)


def due_forecast(user_id: int, now: datetime, days: int = FORECAST_DAYS, day: StudentDay = UTC_DAYS) -> Forecast:
    """Count the user's ReviewState rows due on each of days days from today; retired cards are left out."""
    return schedule_summary(user_id, now, days, day)[1]


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

    @property
    def newest_first(self) -> list[tuple[date, int]]:
        """Return the days with reviews and their counts, the last day first."""
        return sorted(self.counts.items(), reverse=True)


def _calendar_window(today: date, weeks: int) -> tuple[date, date]:
    end = today
    # The same first day as quizapp.charts.review_heatmap: the Monday of the first column.
    return end - timedelta(days=end.weekday(), weeks=weeks - 1), end


def _calendar(rows: Iterable[sa.Row[Any]], start: date, end: date, weeks: int) -> ReviewCalendar:
    counts = {row.day: int(row.reviews) for row in rows if start <= row.day <= end and row.reviews}
    return ReviewCalendar(counts=counts, start=start, end=end, weeks=weeks)


def review_calendar(
    user_id: int, now: datetime, weeks: int = CALENDAR_WEEKS, day: StudentDay = UTC_DAYS
) -> ReviewCalendar:
    """Count the user's reviews per day over the last weeks calendar weeks; days without one are absent."""
    start, end = _calendar_window(day.today(now), weeks)
    return _calendar(_reviews_by_day(user_id, start, end, day), start, end, weeks)


def review_summary(
    user_id: int, now: datetime, weeks: int = CALENDAR_WEEKS, days: int = RETENTION_DAYS, day: StudentDay = UTC_DAYS
) -> tuple[ReviewCalendar, Retention]:
    """Return review_calendar and true_retention together, from one reading of the user's recent reviews."""
    today = day.today(now)
    calendar_start, end = _calendar_window(today, weeks)
    retention_start, _ = _retention_window(today, days)
    rows = _reviews_by_day(user_id, min(calendar_start, retention_start), end, day)
    return _calendar(rows, calendar_start, end, weeks), _retention(rows, retention_start, end)


# --- the student's own days, counted by the database ---------------------------------------------------------------


class Student(HasStudyDay, Protocol):
    """A user with their days (quizapp.models.User is one)."""

    id: int


# Built once: a statement object used again keeps its compiled form, which building it anew per request would not.
# In order of day, along the primary key, for the one pass below.
_STUDY_DAYS = (
    sa.select(StudyDay.day, StudyDay.reviews, StudyDay.measured, StudyDay.passed)
    .where(StudyDay.user_id == sa.bindparam("user_id"))
    .order_by(StudyDay.day)
)


def study_activity(
    user: Student, now: datetime, weeks: int = CALENDAR_WEEKS, days: int = RETENTION_DAYS
) -> tuple[Streak, ReviewCalendar, Retention]:
    """Return study_streak, review_calendar and true_retention in the user's own days (StudentDay.of(user)), at once.

    Reads the user's study days (StudyDay rows, which the database keeps up to date with every review and answer,
    in the user's days), not every review and answer: one row per day studied, whatever was done on it.
    """
    today = StudentDay.of(user).today(now)
    calendar_start, end = _calendar_window(today, weeks)
    retention_start, _ = _retention_window(today, days)
    # One pass over the days in order, as streak_from_days, _calendar and _retention would each make over them: every
    # row is a distinct day with a review or an answer (a day counted down to neither is deleted).
    longest = run = active = passed = measured = 0
    previous: date | None = None
    counts: dict[date, int] = {}
    one_day = timedelta(days=1)
    for day, n_reviews, n_measured, n_passed in plain_rows(_STUDY_DAYS, {"user_id": user.id}):
        if day > today:
            break
        run = run + 1 if previous is not None and day - previous == one_day else 1
        longest = max(longest, run)
        previous = day
        active += 1
        if day >= calendar_start and n_reviews:
            counts[day] = int(n_reviews)
        if day >= retention_start:
            passed, measured = passed + int(n_passed), measured + int(n_measured)
    streak = Streak(
        current=run if previous is not None and today - previous <= one_day else 0,
        longest=longest,
        studied_today=previous == today,
        active_days=active,
        last_day=previous,
    )
    return (
        streak,
        ReviewCalendar(counts=counts, start=calendar_start, end=end, weeks=weeks),
        Retention(passed=passed, total=measured, start=retention_start, end=end),
    )
