"""The class forms; each checks its own fields and says what is wrong next to the field."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, SelectField, StringField, SubmitField
from wtforms.validators import ValidationError
from wtforms.widgets import DateInput

from quizapp.clock import utcnow
from quizapp.services.instructor import assignments as assignment_service
from quizapp.services.instructor import classes as class_service
from quizapp.urls import parse_id

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _to_int(value: Any) -> int | None:
    """Read a deck's id from a form value; None for anything no deck can have, which validate_deck then reports."""
    if isinstance(value, int):
        return value
    return parse_id(value) if isinstance(value, str) else None


class ClassNameField(StringField):
    """A class's name, checked as the service checks it."""

    def pre_validate(self, form: Any) -> None:
        try:
            self.data = class_service.check_class_name(self.data or "")
        except class_service.ClassError as exc:
            raise ValidationError(str(exc)) from None


class DueDateField(StringField):
    """An optional due date typed as YYYY-MM-DD (browsers show a date picker); `day` holds it once validated."""

    widget = DateInput()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, filters=[_strip], **kwargs)
        self.day: date | None = None

    def pre_validate(self, form: Any) -> None:
        self.day = None
        if not self.data:
            return
        if not _ISO_DAY.fullmatch(self.data):
            raise ValidationError(_l("Write the due date as year-month-day, for example 2027-01-31."))
        try:
            day = date.fromisoformat(self.data)
        except ValueError:
            raise ValidationError(_l("There is no day %(value)s in the calendar.", value=self.data)) from None
        try:
            self.day = assignment_service.check_due_date(day, utcnow().date())
        except class_service.ClassError as exc:
            raise ValidationError(str(exc)) from None


class CreateClassForm(FlaskForm):
    """Create a class."""

    name = ClassNameField(_l("Class name"), filters=[_strip], render_kw={"maxlength": class_service.MAX_NAME_LENGTH})
    submit = SubmitField(_l("Create the class"))


class RenameClassForm(FlaskForm):
    """Rename a class."""

    name = ClassNameField(_l("Class name"), filters=[_strip], render_kw={"maxlength": class_service.MAX_NAME_LENGTH})
    submit = SubmitField(_l("Rename"))


class JoinByCodeForm(FlaskForm):
    """Join a class with the code the instructor gave."""

    code = StringField(
        _l("Class code"), filters=[_strip], render_kw={"autocomplete": "off", "autocapitalize": "characters"}
    )
    submit = SubmitField(_l("Join the class"))

    def validate_code(self, field: Field) -> None:
        """Refuse what cannot be a code, and a code no class has."""
        try:
            code = class_service.check_code(field.data or "")
        except class_service.ClassError as exc:
            raise ValidationError(str(exc)) from None
        if class_service.find_by_code(code) is None:
            raise ValidationError(_l(
                "No class has the code %(code)s. Check it with your instructor: they may have replaced it with a "
                "new one.",
                code=class_service.display_code(code),
            ))


class AssignDeckForm(FlaskForm):
    """Assign a deck to a class, with an optional due date."""

    deck = SelectField(_l("Deck"), coerce=_to_int, validate_choice=False)
    due = DueDateField(_l("Due date (optional)"))
    submit = SubmitField(_l("Assign the deck"))

    def validate_deck(self, field: SelectField) -> None:
        """Accept only one of the decks offered."""
        if field.data is None or field.data not in {value for value, *_ in field.choices or []}:
            raise ValidationError(_l("Choose one of the decks in the list."))


class DueDateForm(FlaskForm):
    """Change or clear an assigned deck's due date; the view gives each deck's form its own prefix."""

    due = DueDateField(_l("Due date"))
    submit = SubmitField(_l("Save the due date"))
