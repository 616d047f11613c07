"""A student's study settings: their time zone and the hour their day starts, daily limits, desired retention."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from quizapp.days import StudentDay, is_time_zone
from quizapp.db import db
from quizapp.models import User
from quizapp.services.study.scheduling import MAX_RETENTION, MIN_RETENTION

#: The most new cards or reviews a day a student may ask for (Anki's limit too).
MAX_DAILY_LIMIT = 9999
#: Desired retention as the student sees it, in whole percent.
MIN_PERCENT, MAX_PERCENT = round(MIN_RETENTION * 100), round(MAX_RETENTION * 100)

HOUR_RANGE = _l("The day must start at a whole hour from 00:00 to 23:00.")
NEW_LIMIT_RANGE = _l("New cards per day must be a whole number from 0 to %(max)d.", max=MAX_DAILY_LIMIT)
REVIEW_LIMIT_RANGE = _l("Reviews per day must be a whole number from 0 to %(max)d.", max=MAX_DAILY_LIMIT)
RETENTION_RANGE = _l("Desired retention must be a whole percentage from %(min)d to %(max)d.",
                     min=MIN_PERCENT, max=MAX_PERCENT)


class SettingsError(ValueError):
    """A setting that cannot be stored; the message says why, in words for the student (translated when read)."""


@dataclass(frozen=True)
class StudySettings:
    """What a student chooses about their study."""

    time_zone: str
    day_start_hour: int
    daily_new_limit: int
    daily_review_limit: int
    desired_retention: float

    @classmethod
    def of(cls, user: User) -> StudySettings:
        """Return the user's settings as they stand; a time zone not known yet reads as UTC."""
        return cls(
            time_zone=StudentDay.of(user).zone,
            day_start_hour=user.day_start_hour,
            daily_new_limit=user.daily_new_limit,
            daily_review_limit=user.daily_review_limit,
            desired_retention=user.desired_retention,
        )


def check_time_zone(name: str) -> str:
    """Return name stripped, or raise SettingsError if it is not an IANA time zone name."""
    name = name.strip()
    if not name:
        raise SettingsError(_l("Choose a time zone."))
    if not is_time_zone(name):
        raise SettingsError(_l("%(zone)s is not a time zone; choose one from the list, such as Asia/Jakarta.",
                               zone=repr(name)))
    return name


def check_settings(settings: StudySettings) -> None:
    """Raise SettingsError naming the first setting out of its range."""
    check_time_zone(settings.time_zone)
    if not 0 <= settings.day_start_hour <= 23:
        raise SettingsError(HOUR_RANGE)
    if not 0 <= settings.daily_new_limit <= MAX_DAILY_LIMIT:
        raise SettingsError(NEW_LIMIT_RANGE)
    if not 0 <= settings.daily_review_limit <= MAX_DAILY_LIMIT:
        raise SettingsError(REVIEW_LIMIT_RANGE)
    if not MIN_RETENTION <= settings.desired_retention <= MAX_RETENTION:
        raise SettingsError(RETENTION_RANGE)


def save_settings(user: User, settings: StudySettings) -> None:
    """Store the user's settings and commit; raise SettingsError (storing nothing) if one is out of range."""
    check_settings(settings)
    user.time_zone = settings.time_zone.strip()
    user.day_start_hour = settings.day_start_hour
    user.daily_new_limit = settings.daily_new_limit
    user.daily_review_limit = settings.daily_review_limit
    user.desired_retention = settings.desired_retention
    db.session.commit()


def adopt_browser_time_zone(user: User, name: str | None) -> bool:
    """Take the time zone the browser reported as the user's, if they have none yet; tell whether it was taken.

    A zone the student chose is never replaced: a laptop abroad must not move their days. Anything but a known
    IANA name (the field is filled by a script, so anyone may send anything) is ignored.
    """
    if user.time_zone is not None or not name or not is_time_zone(name.strip()):
        return False
    user.time_zone = name.strip()
    db.session.commit()
    return True
