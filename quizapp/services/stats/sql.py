"""The pieces the statistics share: a timestamp's UTC or student's day and epoch seconds in each SQL dialect, counts,
percentages."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from quizapp.days import StudentDay
from quizapp.db import SQLITE_DAY_SHIFT


class utc_date(FunctionElement[date]):  # noqa: N801  named and used like a SQL function
    """The UTC calendar day of a stored timestamp, as a date."""

    type = sa.Date()
    name = "utc_date"
    inherit_cache = True


@compiles(utc_date, "sqlite")
def _utc_date_sqlite(element: utc_date, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite holds the UTC wall time as text (see quizapp.db.UTCDateTime); date() reads its day.
    return f"date({compiler.process(element.clauses, **kw)})"


@compiles(utc_date)
def _utc_date_postgresql(element: utc_date, compiler: SQLCompiler, **kw: Any) -> str:
    # A timestamptz cast straight to date takes the connection's time zone; timezone('UTC', …) pins it.
    return f"CAST(timezone('UTC', {compiler.process(element.clauses, **kw)}) AS DATE)"


class _student_date(FunctionElement[date]):  # noqa: N801  named and used like a SQL function
    """The student's day of a stored timestamp: _student_date(timestamp, zone, start_hour), see StudentDay.day_of."""

    type = sa.Date()
    name = "student_date"
    inherit_cache = True


@compiles(_student_date, "sqlite")
def _student_date_sqlite(element: _student_date, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite has no time zones: quizapp.db registers the shift, a Python function, on every connection.
    stamp = compiler.process(element.clauses.clauses[0], **kw)
    return f"date({stamp}, {SQLITE_DAY_SHIFT}({compiler.process(element.clauses, **kw)}))"


@compiles(_student_date)
def _student_date_postgresql(element: _student_date, compiler: SQLCompiler, **kw: Any) -> str:
    stamp, zone, start_hour = (compiler.process(clause, **kw) for clause in element.clauses)
    # timezone(zone, t) is the wall time there; taking the hours off the wall time is StudentDay.day_of's rule.
    return f"CAST(timezone({zone}, {stamp}) - make_interval(hours => {start_hour}) AS DATE)"


class _shifted_date(FunctionElement[date]):  # noqa: N801  named and used like a SQL function
    """The day of a stored timestamp shifted by whole minutes: _shifted_date(timestamp, minutes)."""

    type = sa.Date()
    name = "shifted_date"
    inherit_cache = True


@compiles(_shifted_date, "sqlite")
def _shifted_date_sqlite(element: _shifted_date, compiler: SQLCompiler, **kw: Any) -> str:
    stamp, minutes = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"date({stamp}, {minutes} || ' minutes')"


@compiles(_shifted_date)
def _shifted_date_postgresql(element: _shifted_date, compiler: SQLCompiler, **kw: Any) -> str:
    stamp, minutes = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(timezone('UTC', {stamp}) + make_interval(mins => {minutes}) AS DATE)"


def student_date(stamp: sa.ColumnElement[Any], day: StudentDay) -> sa.ColumnElement[date]:
    """Return the SQL for the student's day of a stored timestamp.

    Plain UTC days need no time zone, and a zone without daylight saving time (Asia/Jakarta) only a shift that
    SQLite's date() makes itself; other zones need the zone database, which SQLite reaches through Python.
    """
    if day.is_utc_midnight:
        return utc_date(stamp)
    if (shift := day.fixed_shift) is not None:
        return _shifted_date(stamp, sa.literal(shift // timedelta(minutes=1), sa.Integer()))
    return _student_date(stamp, sa.literal(day.zone, sa.String()), sa.literal(day.start_hour, sa.Integer()))


class next_day_start(FunctionElement[datetime]):  # noqa: N801  named and used like a SQL function
    """When the day after a day (a date) begins, comparable with stored timestamps: next_day_start(day, minutes).

    minutes is StudentDay.fixed_shift in minutes (0 for UTC days): a day d's times, shifted by it, fall on d.
    """

    type = sa.DateTime()
    name = "next_day_start"
    inherit_cache = True


@compiles(next_day_start, "sqlite")
def _next_day_start_sqlite(element: next_day_start, compiler: SQLCompiler, **kw: Any) -> str:
    # Stored timestamps are UTC text, "2026-03-02 08:00:40.000000"; "2026-03-02 21:00:00" sorts before every time
    # from that second on and after every time before it, as does a bare date for its midnight.
    day, minutes = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"datetime({day}, '+1 day', (-{minutes}) || ' minutes')"


@compiles(next_day_start)
def _next_day_start_postgresql(element: next_day_start, compiler: SQLCompiler, **kw: Any) -> str:
    day, minutes = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"timezone('UTC', CAST(({day}) + 1 AS TIMESTAMP) - make_interval(mins => {minutes}))"


class epoch_seconds(FunctionElement[int]):  # noqa: N801  named and used like a SQL function
    """Whole seconds from 1970-01-01 UTC to a stored timestamp."""

    type = sa.Integer()
    name = "epoch_seconds"
    inherit_cache = True


@compiles(epoch_seconds, "sqlite")
def _epoch_seconds_sqlite(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    # Whole seconds, not julianday(): its floating-point days turn an interval of exactly 21 days into
    # 20.99999… days, and FSRS schedules review cards exactly a whole number of days ahead.
    return f"CAST(strftime('%s', {compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(epoch_seconds)
def _epoch_seconds_postgresql(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(FLOOR(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)})) AS BIGINT)"


class utc_text(FunctionElement[str]):  # noqa: N801  named and used like a SQL function
    """A stored timestamp as UTC text to the second, "2026-03-02 08:00:40", which spreadsheets read as a time.

    Written by the database rather than by Python: reading a million timestamps as datetimes only to write them
    out again costs more than the rest of the export.
    """

    type = sa.String()
    name = "utc_text"
    inherit_cache = True


@compiles(utc_text, "sqlite")
def _utc_text_sqlite(element: utc_text, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite holds the UTC wall time as text, "2026-03-02 08:00:40.000000" (see quizapp.db.UTCDateTime).
    return f"substr({compiler.process(element.clauses, **kw)}, 1, 19)"


@compiles(utc_text)
def _utc_text_postgresql(element: utc_text, compiler: SQLCompiler, **kw: Any) -> str:
    return f"to_char(timezone('UTC', {compiler.process(element.clauses, **kw)}), 'YYYY-MM-DD HH24:MI:SS')"


def utc_today(now: datetime) -> date:
    """Return the UTC day of now, refusing a naive datetime."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now must be a timezone-aware UTC datetime, got naive {now.isoformat()}")
    return now.astimezone(UTC).date()


def midnight(day: date) -> datetime:
    """Return the first instant of a UTC day."""
    return datetime.combine(day, time(), tzinfo=UTC)


def count_if(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[int]:
    """Count the rows of a group where condition holds (0, not NULL, for an empty group)."""
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def whole_percent(part: int, whole: int) -> int | None:
    """Return the whole percentage, rounded down so that 199 of 200 never shows as 100%; None for 0 of 0."""
    return 100 * part // whole if whole else None
