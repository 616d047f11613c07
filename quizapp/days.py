"""A student's day: it begins at an hour they choose in their own time zone, not at midnight UTC.

Daily limits, the streak, the review calendar, the forecast and "today" all count these days, so that a
student in Jakarta whose day starts at 04:00 gets new cards at 04:00 local time (21:00 UTC), and a review at
02:00 belongs to the day before. Pure Python (zoneinfo), no Flask, no database.
"""

from __future__ import annotations

import functools
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol

#: The zone of a student whose browser has not said theirs yet.
DEFAULT_TIME_ZONE = "UTC"
#: When a new student's day begins, local time: Anki's default, so that a late night's study counts for that day.
DEFAULT_START_HOUR = 4


#: Names in the zone database that are no place: "localtime" is whatever this machine is set to.
_NOT_PLACES = frozenset({"Factory", "localtime", "posixrules"})


@functools.cache
def time_zones() -> tuple[str, ...]:
    """Return every IANA time zone name this machine knows, sorted (read once)."""
    return tuple(sorted(zoneinfo.available_timezones() - _NOT_PLACES))


def is_time_zone(name: str) -> bool:
    """Tell whether name is an IANA time zone name, such as "Asia/Jakarta" (case matters, as in the database)."""
    return name in _known_zones()


@functools.cache
def _known_zones() -> frozenset[str]:
    return frozenset(time_zones())


class HasStudyDay(Protocol):
    """What a user tells of their day (quizapp.models.User has both)."""

    time_zone: str | None
    day_start_hour: int


@dataclass(frozen=True)
class StudentDay:
    """Days that begin at start_hour o'clock in zone: the day a moment belongs to, and when a day begins."""

    zone: str = DEFAULT_TIME_ZONE
    start_hour: int = 0

    def __post_init__(self) -> None:
        if not is_time_zone(self.zone):
            raise ValueError(f"unknown time zone {self.zone!r}: expected an IANA name such as 'Asia/Jakarta'")
        if not 0 <= self.start_hour <= 23:
            raise ValueError(f"a day starts at an hour from 0 to 23, got {self.start_hour}")

    @classmethod
    def of(cls, user: HasStudyDay) -> StudentDay:
        """Return the user's days: their time zone (UTC until known) from their day start hour.

        A stored zone this machine does not know (its zone database lost the name) reads as UTC: days a few hours
        off are better than pages that fail.
        """
        zone = user.time_zone if user.time_zone and is_time_zone(user.time_zone) else DEFAULT_TIME_ZONE
        return _student_day(zone, user.day_start_hour)

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        """Return the time zone itself."""
        return zoneinfo.ZoneInfo(self.zone)

    @property
    def is_utc_midnight(self) -> bool:
        """Tell whether these are plain UTC calendar days, which SQL can count without a time zone."""
        return self.zone == "UTC" and self.start_hour == 0

    @property
    def fixed_shift(self) -> timedelta | None:
        """Return what to add to a UTC time to get a time whose date is its day, if that is the same all year."""
        offset = fixed_offset(self.zone)
        return None if offset is None else offset - timedelta(hours=self.start_hour)

    def day_of(self, moment: datetime) -> date:
        """Return the day moment (aware) belongs to: before start_hour local time, that is the day before."""
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"moment must be a timezone-aware datetime, got naive {moment.isoformat()}")
        # Wall-clock arithmetic, as PostgreSQL's timezone(zone, t) - interval does: the two must agree.
        return (moment.astimezone(self.tzinfo) - timedelta(hours=self.start_hour)).date()

    def start(self, day: date) -> datetime:
        """Return the instant (aware UTC) day begins; on a daylight-saving day, a day is 23 or 25 hours."""
        return datetime.combine(day, time(self.start_hour), tzinfo=self.tzinfo).astimezone(UTC)

    def end(self, day: date) -> datetime:
        """Return the instant (aware UTC) day ends: the start of the next."""
        return self.start(day + timedelta(days=1))

    def today(self, now: datetime) -> date:
        """Return the day it is at now."""
        return self.day_of(now)

    def start_of_today(self, now: datetime) -> datetime:
        """Return the instant (aware UTC) the day of now began."""
        return self.start(self.day_of(now))

    def end_of_today(self, now: datetime) -> datetime:
        """Return the instant (aware UTC) the day of now ends and the next begins."""
        return self.end(self.day_of(now))


@functools.cache
def fixed_offset(zone: str) -> timedelta | None:
    """Return the zone's UTC offset if the zone database gives it one offset from 1990 to 2037, else None.

    Checked on the 1st and 15th of every month: a zone with daylight saving time, or one that moved its clocks
    for good in those years, has two offsets or more and gets None.
    """
    tz = zoneinfo.ZoneInfo(zone)
    offsets = {
        datetime(year, month, mday, 12, tzinfo=UTC).astimezone(tz).utcoffset()
        for year in range(1990, 2038) for month in range(1, 13) for mday in (1, 15)
    }
    return offsets.pop() if len(offsets) == 1 else None


@functools.lru_cache(maxsize=256)
def _student_day(zone: str, start_hour: int) -> StudentDay:
    return StudentDay(zone, start_hour)


#: Calendar days in UTC: the days of callers that name no student, such as reports across many students.
UTC_DAYS = StudentDay()


def sqlite_day_shift(stamp: str | None, zone: str, start_hour: int) -> str | None:
    """Return the SQLite date() modifier that turns a stored UTC timestamp into its day: SQLite's quizapp_day_shift.

    The day is the date of the UTC time plus the zone's offset then minus start_hour, as day_of has it. SQLite
    keeps timestamps as UTC text ("2026-11-24 21:00:00.000000"); a zone's offset changes only at a quarter hour
    (every offset is a whole number of quarter hours), so the offset is looked up once per quarter hour.
    """
    if stamp is None:
        return None
    # The study_days triggers pass the stored zone: one this machine does not know reads as UTC, as in StudentDay.of.
    if not is_time_zone(zone):
        zone = DEFAULT_TIME_ZONE
    quarter = f"{stamp[:14]}{int(stamp[14:16]) // 15 * 15:02d}"
    return _shift(quarter, zone, int(start_hour))


@functools.lru_cache(maxsize=65_536)
def _shift(quarter: str, zone: str, start_hour: int) -> str:
    local = datetime.fromisoformat(quarter).replace(tzinfo=UTC).astimezone(zoneinfo.ZoneInfo(zone))
    offset = local.utcoffset()
    assert offset is not None  # an aware datetime in a ZoneInfo always has one
    return f"{(offset - timedelta(hours=start_hour)) // timedelta(minutes=1):+d} minutes"
