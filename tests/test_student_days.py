"""A student's days: in their time zone, from the hour they choose; a student in Jakarta whose day turns at 04:00."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from test_review_service import learn_next, make_deck, make_user
from test_stats import REVIEW, Study, make_card

from quizapp.days import UTC_DAYS, StudentDay, sqlite_day_shift
from quizapp.db import db
from quizapp.services import stats
from quizapp.services.stats.sql import student_date
from quizapp.services.study import review as service

JAKARTA = StudentDay("Asia/Jakarta", 4)  # UTC+7 all year: 04:00 there is 21:00 UTC the day before
#: 16:00 in Jakarta on Tuesday 24 November 2026.
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
TURN = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)  # 04:00 on the 25th in Jakarta: the 25th begins
SECOND = timedelta(seconds=1)


def jakarta(day: int, hour: int, minute: int = 0) -> datetime:
    """Return the instant of a wall time in Jakarta in November 2026."""
    return datetime(2026, 11, day, hour, minute, tzinfo=JAKARTA.tzinfo)


# --- the day itself -------------------------------------------------------------------------------------------


def test_a_jakarta_day_turning_at_4_begins_at_21_utc_the_day_before() -> None:
    assert JAKARTA.start(date(2026, 11, 25)) == TURN
    assert JAKARTA.end(date(2026, 11, 24)) == TURN
    assert JAKARTA.day_of(TURN - SECOND) == date(2026, 11, 24)
    assert JAKARTA.day_of(TURN) == date(2026, 11, 25)
    assert JAKARTA.start_of_today(NOW) == datetime(2026, 11, 23, 21, 0, tzinfo=UTC)
    assert JAKARTA.end_of_today(NOW) == TURN


def test_2_am_counts_for_the_day_before() -> None:
    assert JAKARTA.day_of(jakarta(25, 2)) == date(2026, 11, 24)
    assert JAKARTA.day_of(jakarta(25, 4)) == date(2026, 11, 25)
    assert UTC_DAYS.day_of(jakarta(25, 2)) == date(2026, 11, 24)  # 19:00 UTC on the 24th
    assert UTC_DAYS.day_of(jakarta(25, 8)) == date(2026, 11, 25)  # 01:00 UTC: a UTC day would say the 25th


def test_a_day_with_a_clock_change_is_23_or_25_hours() -> None:
    new_york = StudentDay("America/New_York", 4)
    # The clocks go forward at 02:00 on 8 March and back on 1 November: the student's days that span those
    # nights, from 04:00 on the day before, are an hour shorter and an hour longer.
    spring, autumn = date(2026, 3, 7), date(2026, 10, 31)
    assert new_york.end(spring) - new_york.start(spring) == timedelta(hours=23)
    assert new_york.end(autumn) - new_york.start(autumn) == timedelta(hours=25)
    assert new_york.start(spring) == datetime(2026, 3, 7, 9, 0, tzinfo=UTC)  # 04:00 EST
    assert new_york.end(spring) == datetime(2026, 3, 8, 8, 0, tzinfo=UTC)  # 04:00 EDT


def test_a_student_without_a_time_zone_has_utc_days_from_their_hour() -> None:
    class Student:
        time_zone = None
        day_start_hour = 4

    assert StudentDay.of(Student()) == StudentDay("UTC", 4)
    assert UTC_DAYS.start_of_today(NOW) == datetime(2026, 11, 24, tzinfo=UTC)
    assert service.start_of_day(NOW) == datetime(2026, 11, 24, tzinfo=UTC)  # callers naming no student
    assert service.start_of_day(NOW, JAKARTA) == datetime(2026, 11, 23, 21, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "hour", "message"),
    [
        ("Mars/Olympus", 4, "unknown time zone 'Mars/Olympus'"),
        ("asia/jakarta", 4, "unknown time zone 'asia/jakarta'"),
        ("../../etc/passwd", 4, "unknown time zone"),
        ("Asia/Jakarta", 24, "from 0 to 23, got 24"),
        ("Asia/Jakarta", -1, "from 0 to 23, got -1"),
    ],
)
def test_a_bad_zone_or_hour_is_refused_by_name(zone: str, hour: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        StudentDay(zone, hour)


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        JAKARTA.day_of(datetime(2026, 11, 24, 9, 0))


def test_sqlite_shifts_a_stored_timestamp_to_the_students_day() -> None:
    # SQLite holds UTC wall times as text; date(t, quizapp_day_shift(t, zone, hour)) is the day.
    assert sqlite_day_shift("2026-11-24 20:59:59.999999", "Asia/Jakarta", 4) == "+180 minutes"
    assert sqlite_day_shift("2026-11-24 21:00:00", "Asia/Kolkata", 0) == "+330 minutes"
    assert sqlite_day_shift("2026-03-08 06:59:59", "America/New_York", 4) == "-540 minutes"  # 01:59 EST
    assert sqlite_day_shift("2026-03-08 07:00:00", "America/New_York", 4) == "-480 minutes"  # 03:00 EDT
    assert sqlite_day_shift(None, "Asia/Jakarta", 4) is None


def test_the_database_counts_the_day_as_python_does(app: Flask) -> None:
    siti = Study()
    card = make_card()
    moments = [TURN - SECOND, TURN, jakarta(25, 2), jakarta(25, 23, 59), datetime(2026, 3, 8, 8, 59, tzinfo=UTC)]
    for moment in moments:
        siti.review(card, moment)
    new_york = StudentDay("America/New_York", 4)
    for day in (JAKARTA, new_york, UTC_DAYS, StudentDay("UTC", 4)):
        from_sql = db.session.scalars(
            sa.select(student_date(sa.column("reviewed_at"), day))
            .select_from(sa.table("review_logs"))
            .order_by(sa.column("id"))
        ).all()
        assert from_sql == [day.day_of(moment) for moment in moments], day


# --- daily limits ---------------------------------------------------------------------------------------------


def jakarta_student(**limits: int):
    user = make_user(**limits)
    user.time_zone, user.day_start_hour = "Asia/Jakarta", 4
    db.session.commit()
    return user


def test_the_daily_limits_reset_at_4_in_jakarta_which_is_21_utc(app: Flask) -> None:
    user = jakarta_student(daily_new_limit=2)
    make_deck("csto", 5)
    # 02:00 and 02:30 on the 25th in Jakarta: still the 24th's study, which began at 04:00 on the 24th.
    learn_next(user, jakarta(25, 2))  # each card right twice, 10 minutes apart: into review, out of today's way
    learn_next(user, jakarta(25, 2, 30))
    assert service.allowance(user, TURN - SECOND).new_done == 2
    assert service.next_card(user, None, TURN - SECOND) is None
    status = service.queue_status(user, None, TURN - SECOND)
    assert (status.new_capped, status.resets_at, status.next_card_at) == (True, TURN, TURN)

    assert service.allowance(user, TURN).new_left == 2
    item = service.next_card(user, None, TURN)
    assert item is not None and item.is_new and item.card.id == "csto-2"


def test_the_day_before_4_am_is_the_previous_days_allowance(app: Flask) -> None:
    user = jakarta_student(daily_new_limit=1)
    make_deck("csto", 3)
    learn_next(user, jakarta(24, 10))  # the 24th's one new card
    # 03:00 on the 25th is still the 24th: the limit holds; at 04:00 a new day brings one more.
    assert service.next_card(user, None, jakarta(25, 3)) is None
    assert service.next_card(user, None, jakarta(25, 4)) is not None


# --- streak, calendar, forecast, retention --------------------------------------------------------------------


def test_the_streak_counts_jakarta_days_turning_at_4(app: Flask) -> None:
    card = make_card()
    siti = Study()
    siti.answer(card, True, jakarta(22, 20))  # the 22nd
    siti.review(card, jakarta(24, 2))  # 02:00 on the 24th: the 23rd
    siti.review(card, jakarta(24, 23))  # the 24th
    # By UTC days these are the 22nd (13:00), the 23rd (19:00) and the 24th (16:00) too; a UTC streak at
    # 22:00 UTC on the 24th (05:00 on the 25th in Jakarta) would count today, where Jakarta is on the 25th.
    now = datetime(2026, 11, 24, 22, 0, tzinfo=UTC)
    streak = stats.study_streak(siti.id, now, day=JAKARTA)
    assert streak == stats.Streak(current=3, longest=3, studied_today=False, active_days=3,
                                  last_day=date(2026, 11, 24))
    assert stats.study_streak(siti.id, now).studied_today  # UTC days, for callers naming no student

    siti.review(card, jakarta(25, 3, 59))  # 03:59 on the 25th: still the 24th, no new day
    assert stats.study_streak(siti.id, now, day=JAKARTA).active_days == 3


def test_the_review_calendar_counts_jakarta_days(app: Flask) -> None:
    card = make_card()
    siti = Study()
    siti.review(card, jakarta(24, 4))  # the 24th, from its first instant
    siti.review(card, jakarta(25, 2))  # the 24th
    siti.review(card, jakarta(25, 3, 59))  # the 24th
    siti.review(card, jakarta(25, 4))  # the 25th
    siti.review(card, jakarta(24, 3, 59))  # the 23rd
    now = jakarta(25, 12)
    calendar = stats.review_calendar(siti.id, now, day=JAKARTA)
    assert calendar.end == date(2026, 11, 25)
    assert dict(calendar.counts) == {date(2026, 11, 23): 1, date(2026, 11, 24): 3, date(2026, 11, 25): 1}
    utc = stats.review_calendar(siti.id, now)
    assert dict(utc.counts) == {date(2026, 11, 23): 2, date(2026, 11, 24): 3}


def test_the_forecast_and_retention_count_jakarta_days(app: Flask) -> None:
    siti = Study()
    now = jakarta(25, 2)  # still the 24th in Jakarta
    for due in (jakarta(25, 3, 59), jakarta(25, 4), jakarta(24, 3)):
        siti.state(make_card(), REVIEW, due=due, last_review=due - timedelta(days=10))
    forecast = stats.due_forecast(siti.id, now, day=JAKARTA)
    counts = dict(forecast.days)
    assert forecast.days[0][0] == date(2026, 11, 24)
    assert (counts[date(2026, 11, 24)], counts[date(2026, 11, 25)], forecast.overdue) == (2, 1, 1)

    card = make_card()
    siti.review(card, jakarta(25, 1))  # the 24th: inside a 1-day window ending on the 24th
    siti.review(card, jakarta(24, 3))  # the 23rd: outside
    retention = stats.true_retention(siti.id, now, days=1, day=JAKARTA)
    assert (retention.start, retention.end, retention.total) == (date(2026, 11, 24), date(2026, 11, 24), 1)
