"""The study settings form on the account page: time zone, day start, daily limits, desired retention."""

from __future__ import annotations

from typing import Any

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, IntegerField, SelectChoice, SelectField, SubmitField
from wtforms.validators import StopValidation, ValidationError

from quizapp.days import time_zones
from quizapp.i18n import hour_text
from quizapp.services.study_settings import (
    HOUR_RANGE,
    MAX_DAILY_LIMIT,
    MAX_PERCENT,
    MIN_PERCENT,
    NEW_LIMIT_RANGE,
    RETENTION_RANGE,
    REVIEW_LIMIT_RANGE,
    SettingsError,
    StudySettings,
    check_time_zone,
)


def _hour(value: Any) -> int | None:
    """Read an hour from the form; anything not a whole number becomes None, for the validator to name."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _hour_label(hour: int) -> LazyString:
    """Return the hour as the page's language writes it, worked out when the list is shown."""
    return LazyString(hour_text, hour)


class WholeNumberBetween:
    """Refuse a number field left empty, not a whole number, or out of [low, high], with one message for all three."""

    def __init__(self, low: int, high: int, message: Any) -> None:
        self.low, self.high, self.message = low, high, message

    def __call__(self, form: FlaskForm, field: Field) -> None:
        if field.process_errors:  # not a whole number: IntegerField already gave the message
            raise StopValidation()
        if field.data is None or not self.low <= field.data <= self.high:
            raise StopValidation(self.message)


def _number(label: Any, low: int, high: int, message: Any) -> IntegerField:
    return IntegerField(label, validators=[WholeNumberBetween(low, high, message)], invalid_value_message=message,
                        render_kw={"min": low, "max": high, "step": 1, "inputmode": "numeric"})


class StudySettingsForm(FlaskForm):
    """Change when the student's day starts and how much of it goes to study."""

    time_zone = SelectField(_l("Time zone"), choices=[SelectChoice(name) for name in time_zones()],
                            validate_choice=False)
    day_start_hour = SelectField(_l("Your day starts at"), coerce=_hour, validate_choice=False,
                                 choices=[SelectChoice(str(hour), _hour_label(hour)) for hour in range(24)])
    daily_new_limit = _number(_l("New cards per day"), 0, MAX_DAILY_LIMIT, NEW_LIMIT_RANGE)
    daily_review_limit = _number(_l("Reviews per day"), 0, MAX_DAILY_LIMIT, REVIEW_LIMIT_RANGE)
    desired_retention = _number(_l("Desired retention, in percent"), MIN_PERCENT, MAX_PERCENT, RETENTION_RANGE)
    submit = SubmitField(_l("Save the settings"))

    @classmethod
    def showing(cls, settings: StudySettings, **kwargs: Any) -> StudySettingsForm:
        """Return the form filled with settings; values the request posted win (formdata=None: none are read)."""
        return cls(**kwargs, data={
            "time_zone": settings.time_zone,
            "day_start_hour": settings.day_start_hour,
            "daily_new_limit": settings.daily_new_limit,
            "daily_review_limit": settings.daily_review_limit,
            "desired_retention": round(settings.desired_retention * 100),
        })

    def offer_browser_time_zone(self) -> None:
        """Let static/timezone.js choose the browser's zone in the list, for a student whose zone is not known yet."""
        self.time_zone.render_kw = {"data-browser-time-zone": ""}

    def validate_time_zone(self, field: SelectField) -> None:
        """Refuse a name that is not an IANA time zone."""
        try:
            check_time_zone(field.data or "")
        except SettingsError as exc:
            raise ValidationError(str(exc)) from None

    def validate_day_start_hour(self, field: SelectField) -> None:
        """Refuse anything but a whole hour, 0 to 23."""
        if field.data is None or not 0 <= field.data <= 23:
            raise ValidationError(HOUR_RANGE)

    def settings(self) -> StudySettings:
        """Return the settings the form holds (call after it validated)."""
        return StudySettings(
            time_zone=self.time_zone.data.strip(),
            day_start_hour=self.day_start_hour.data,
            daily_new_limit=self.daily_new_limit.data,
            daily_review_limit=self.daily_review_limit.data,
            desired_retention=self.desired_retention.data / 100,
        )
