"""Dates and times as the progress page writes them, each day's and each minute's text worked out once.

The page writes a date on every row of three tables; Flask-Babel's dateformat and timeformat filters look up the
locale, the time zone and the pattern again for each, which costs more than the rest of the row. The text of a
medium date depends only on the day and the locale, that of a short time only on the hour, the minute and the
locale, so each is made once and kept: the same text as the filters give, for a fraction of the work. A date's text
or a time's is kept escaped, as Markup, so that the tables can write it out without escaping it again for every row.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from babel.dates import format_date, format_time
from flask_babel import get_locale, get_timezone
from markupsafe import Markup, escape


# Keyed by the locale's name: comparing Locale objects, as a cache hit does, costs more than the lookup saves.
@functools.lru_cache(maxsize=4096)
def _medium_date(day: date, locale: str) -> Markup:
    return escape(format_date(day, "medium", locale=locale))


@functools.lru_cache(maxsize=4096)
def _short_time(hour: int, minute: int, locale: str) -> Markup:
    return escape(format_time(time(hour, minute), "short", locale=locale))


@dataclass(frozen=True)
class PageDates:
    """The request's locale and time zone, for writing dates and times as Flask-Babel's filters do."""

    #: The locale's name, "en" or "id".
    locale: str
    zone: tzinfo

    @classmethod
    def of_request(cls) -> PageDates:
        """Return the locale and time zone Flask-Babel chose for this request."""
        return cls(str(get_locale()), get_timezone())

    def _local(self, moment: datetime) -> datetime:
        # As Flask-Babel's to_user_timezone: the zone is a pytz zone, which normalize() puts right.
        return self.zone.normalize(moment.astimezone(self.zone))  # type: ignore[attr-defined]

    def date(self, day: date | datetime) -> Markup:
        """Write a day, or the day of an instant in the user's zone, as a medium date: "24 Nov 2026", escaped."""
        if isinstance(day, datetime):
            day = self._local(day).date()
        return _medium_date(day, self.locale)

    def days(self, counts: Iterable[tuple[date, int]]) -> list[tuple[str, Markup, int]]:
        """Return the rows of a table of days: each day's ISO date and medium date (escaped), and its count."""
        locale = self.locale
        return [(day.isoformat(), _medium_date(day, locale), n) for day, n in counts]

    def moment(self, moment: datetime) -> tuple[str, Markup, Markup]:
        """Return an instant's ISO text, and its medium date and short time in the user's zone, escaped: "24 Nov 2026",
        "4:05 PM" or "16.05"."""
        local, locale = self._local(moment), self.locale
        return moment.isoformat(), _medium_date(local.date(), locale), _short_time(local.hour, local.minute, locale)
