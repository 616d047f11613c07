"""Instructor pages: item analysis, how each question did in students' quiz attempts."""

from __future__ import annotations

from flask import abort, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, Field, SelectField, StringField
from wtforms.validators import ValidationError

from quizapp.auth import instructor_required
from quizapp.author.blueprint import bp
from quizapp.labels import kind_label, origin_label
from quizapp.models import CardOrigin
from quizapp.services.bank.listing import card_kinds
from quizapp.services.instructor import items as item_service
from quizapp.services.study import decks as deck_service
from quizapp.services.study.decks import deck_name
from quizapp.urls import page_number

#: The largest "answered at least" the filter accepts.
MAX_MIN_ANSWERS = 1_000_000
#: The words for each flag, as the table shows them.
FLAG_LABELS = {
    item_service.ItemFlag.DISTRACTOR_BEATS_KEY: _l("a wrong option is chosen more often than the right one"),
    item_service.ItemFlag.NEGATIVE_DISCRIMINATION: _l("negative discrimination"),
    item_service.ItemFlag.TOO_EASY: _l("too easy"),
    item_service.ItemFlag.TOO_HARD: _l("too hard"),
}


class ItemFilterForm(FlaskForm):
    """Which questions and attempts to analyse, read from the query string."""

    class Meta:
        csrf = False  # a GET form that changes nothing

    deck = SelectField(_l("Deck"), validate_choice=False)
    class_id = SelectField(_l("Class"), validate_choice=False)
    kind = SelectField(_l("Kind"), validate_choice=False)
    origin = SelectField(_l("Origin"), validate_choice=False)
    # Text, not IntegerField: one message names the bad value whether it is no number or out of range.
    min_answers = StringField(_l("Answered at least"), default="1", render_kw={"inputmode": "numeric", "size": 6})
    flagged = BooleanField(_l("Flagged only"))

    def __init__(self, instructor_id: int) -> None:
        super().__init__(formdata=request.args)
        decks = deck_service.list_decks()
        self.deck.choices = [("", _("Any deck"))] + [(deck.slug, deck_name(deck)) for deck in decks]
        self.class_id.choices = [("", _("All students"))] + [
            (str(classroom.id), classroom.name) for classroom in item_service.instructor_classes(instructor_id)
        ]
        self.kind.choices = [("", _("Any kind"))] + [(kind, kind_label(kind)) for kind in card_kinds()]
        self.origin.choices = [("", _("Any origin"))] + [(origin.value, origin_label(origin)) for origin in CardOrigin]
        self._deck_ids = {deck.slug: deck.id for deck in decks}

    def validate_deck(self, field: Field) -> None:
        """Refuse a deck that does not exist."""
        if field.data and field.data not in self._deck_ids:
            raise ValidationError(_("There is no deck “%(slug)s”.", slug=field.data))

    def class_ids(self) -> set[str]:
        """Return the ids of the instructor's classes, as the query string gives them."""
        return {value for value, _label in self.class_id.choices if value}

    def validate_class_id(self, field: Field) -> None:
        """Refuse a class that is not one of the instructor's."""
        if field.data and field.data not in self.class_ids():
            raise ValidationError(_("“%(value)s” is not one of your classes.", value=field.data))

    def validate_kind(self, field: Field) -> None:
        """Refuse a kind of question the bank does not hold."""
        if field.data and field.data not in {value for value, _label in field.choices}:
            raise ValidationError(_("No question is of the kind “%(kind)s”.", kind=field.data))

    def validate_origin(self, field: Field) -> None:
        """Refuse an origin that does not exist."""
        if field.data and field.data not in {origin.value for origin in CardOrigin}:
            raise ValidationError(_("Choose generated, authored or imported, not “%(origin)s”.", origin=field.data))

    def validate_min_answers(self, field: Field) -> None:
        """Refuse anything but a whole number from 0 to MAX_MIN_ANSWERS."""
        value = (field.data or "").strip()
        # Length first: int() of a string of thousands of digits is slow, and refused anyway.
        if value and not (value.isascii() and value.isdigit() and len(value) <= 7 and int(value) <= MAX_MIN_ANSWERS):
            raise ValidationError(_("Give a whole number from 0 to 1,000,000, not “%(value)s”.", value=value))

    def item_filter(self) -> item_service.ItemFilter:
        """Return the filter the valid form asks for."""
        return item_service.ItemFilter(
            deck_id=self._deck_ids[self.deck.data] if self.deck.data else None,
            class_id=int(self.class_id.data) if self.class_id.data else None,
            kind=self.kind.data or None,
            origin=CardOrigin(self.origin.data) if self.origin.data else None,
            min_answers=int(self.min_answers.data.strip() or 1),
            flagged_only=self.flagged.data,
        )


def _endpoint(name: str) -> str | None:
    """Return the endpoint's name if the app has it: the card page, editor and retire belong to other parts."""
    return name if name in current_app.view_functions else None


@bp.get("/items")
@instructor_required
def items() -> ResponseReturnValue:
    """Show how each question did in students' quiz attempts, the ones to look at first on top."""
    form = ItemFilterForm(current_user.id)
    class_value = request.args.get("class_id", "")
    if class_value.isascii() and class_value.isdigit() and class_value not in form.class_ids():
        abort(404)  # another instructor's class (or none), as on every class page
    report = None
    status = 200
    if form.validate():
        report = item_service.item_report(
            form.item_filter(), request.args.get("page", 1, type=page_number), per_page=item_service.PER_PAGE
        )
    else:
        status = 400
    return (
        render_template(
            "author/items.html",
            form=form,
            report=report,
            flag_labels=FLAG_LABELS,
            kind_label=kind_label,
            card_endpoint=_endpoint("author.card"),
            edit_endpoint=_endpoint("author.edit_card"),
            retire_endpoint=_endpoint("author.retire"),
            min_answers_for_flags=item_service.MIN_ANSWERS_FOR_FLAGS,
            min_attempts=item_service.MIN_ATTEMPTS_FOR_DISCRIMINATION,
        ),
        status,
    )
