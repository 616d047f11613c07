"""A student's progress in numbers: quiz history, accuracy, streak, learned cards, retention, forecast, calendar.

Each function takes a user id (and, where time matters, ``now``: an aware UTC datetime passed in, so that
tests can fix the clock) and runs one or a few grouped queries; none runs a query per day or per row. Days
are the student's days, given as ``day`` (a :class:`quizapp.days.StudentDay`: their time zone and the hour their
day starts), or UTC calendar days when none is given. Results are small frozen dataclasses that know nothing of
Flask.

SQLite and PostgreSQL spell date arithmetic differently, so the SQL constructs in
:mod:`quizapp.services.stats.sql` compile to each dialect's own form: ``utc_date`` (the UTC calendar day of a
timestamp), ``student_date`` (the student's day of a timestamp) and ``epoch_seconds``.

Quiz history and accuracy live in :mod:`quizapp.services.stats.accuracy`, the study over time in
:mod:`quizapp.services.stats.activity`; this module re-exports their public names, so callers import every
statistic from here.
"""

from __future__ import annotations

from quizapp.services.stats.accuracy import (
    QUIZZES_PER_PAGE,
    Accuracy,
    QuizHistory,
    QuizRow,
    accuracy,
    accuracy_by_deck,
    accuracy_by_kind,
    quiz_history,
)
from quizapp.services.stats.activity import (
    CALENDAR_WEEKS,
    FORECAST_DAYS,
    MATURE_DAYS,
    RETENTION_DAYS,
    CardCounts,
    Forecast,
    Retention,
    ReviewCalendar,
    Streak,
    card_counts,
    due_forecast,
    measured_by_retention,
    review_calendar,
    review_summary,
    schedule_summary,
    streak_from_days,
    study_activity,
    study_streak,
    true_retention,
)
from quizapp.services.stats.sql import epoch_seconds, utc_date, utc_today

__all__ = [
    "CALENDAR_WEEKS", "FORECAST_DAYS", "MATURE_DAYS", "QUIZZES_PER_PAGE", "RETENTION_DAYS", "Accuracy", "CardCounts",
    "Forecast", "QuizHistory", "QuizRow", "Retention", "ReviewCalendar", "Streak", "accuracy", "accuracy_by_deck",
    "accuracy_by_kind", "card_counts", "due_forecast", "epoch_seconds", "measured_by_retention", "quiz_history",
    "review_calendar", "review_summary", "schedule_summary", "streak_from_days", "study_activity", "study_streak",
    "true_retention",
    "utc_date", "utc_today",
]
