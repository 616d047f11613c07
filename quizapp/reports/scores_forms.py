"""The scores filter: which report, class, deck and days; read from the query string, each error by its field."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, SelectField, StringField
from wtforms.validators import ValidationError
from wtforms.widgets import DateInput

from quizapp.services.instructor import scores
from quizapp.services.study.decks import deck_name, find_deck, list_decks
from quizapp.urls import parse_id

BAD_DAY = _l("Enter a date as YYYY-MM-DD, such as 2026-03-01.")


class DayField(StringField):
    """A day as YYYY-MM-DD, empty for none; an impossible date is an error next to the field."""

    widget = DateInput()

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = (valuelist[0] if valuelist else "") or ""
        self.data = None
        if text.strip():
            try:
                self.data = scores.parse_day(text)
            except ValueError:
                raise ValueError(str(BAD_DAY)) from None

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        return self.data.strftime(scores.DAY_FORMAT) if self.data else ""


class ScoresForm(FlaskForm):
    """Choose a report and filter it; sent with GET, so it needs no CSRF token and its URL can be shared."""

    class Meta:
        csrf = False

    report = SelectField(_l("Report"), default="attempts", validate_choice=False)
    # The URL says class= and from=, which are Python keywords: the fields carry those names.
    class_id = SelectField(_l("Class"), name="class", default="", validate_choice=False)
    deck = SelectField(_l("Deck"), default="", validate_choice=False)
    start = DayField(_l("From"), name="from")
    end = DayField(_l("To"), name="to")

    def __init__(self, formdata: Any, scope: scores.Scope, **kwargs: Any) -> None:
        super().__init__(formdata, **kwargs)
        self.scope = scope
        self.deck_id: int | None = None
        self.report.choices = [(report.name, str(report.title)) for report in scores.REPORTS.values()]
        classes = scores.instructor_classes(scope.instructor_id) if scope.instructor_id is not None else []
        self.class_id.choices = [("", str(_l("All my classes")))] + [(str(c.id), c.name) for c in classes]
        self.deck.choices = [("", str(_l("All decks")))] + [(d.slug, deck_name(d)) for d in list_decks()]

    def validate_report(self, field: Field) -> None:
        """Refuse a report that does not exist."""
        if field.data not in scores.REPORTS:
            raise ValidationError(_l("Choose one of the reports listed."))

    def validate_class_id(self, field: Field) -> None:
        """Refuse a class that does not exist; another instructor's class raises ForeignClassError (a 404)."""
        text = (field.data or "").strip()
        if not text:
            return
        class_id = parse_id(text)
        if class_id is None:
            raise ValidationError(_l("Choose one of your classes."))
        try:
            scores.check_filter(self.scope, scores.ScoreFilter(class_id=class_id))
        except scores.UnknownClassError:
            raise ValidationError(_l("Choose one of your classes.")) from None

    def validate_deck(self, field: Field) -> None:
        """Refuse a deck that does not exist."""
        slug = (field.data or "").strip()
        if not slug:
            return
        deck = find_deck(slug)
        if deck is None:
            raise ValidationError(_l("There is no deck %(slug)s.", slug=repr(slug)))
        self.deck_id = deck.id

    def validate_end(self, field: Field) -> None:
        """Refuse a range whose last day comes before its first."""
        if field.data is not None and self.start.data is not None and field.data < self.start.data:
            raise ValidationError(_l("The last day must not be before the first day."))

    def filters(self) -> scores.ScoreFilter:
        """Return the filter the validated form describes."""
        class_text = (self.class_id.data or "").strip()
        return scores.ScoreFilter(
            class_id=int(class_text) if class_text else None,
            deck_id=self.deck_id,
            start=self.start.data,
            end=self.end.data,
        )

    def query(self) -> dict[str, str]:
        """Return the filter as URL parameters, leaving out the empty ones (for the download links)."""
        values = {
            "class": (self.class_id.data or "").strip(),
            "deck": (self.deck.data or "").strip(),
            "from": self.start.data.strftime(scores.DAY_FORMAT) if self.start.data else "",
            "to": self.end.data.strftime(scores.DAY_FORMAT) if self.end.data else "",
        }
        return {name: value for name, value in values.items() if value}
