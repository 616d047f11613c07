"""The question editor's forms: a card's question, 2–6 options with one right, explanation, deck and tags."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FieldList, RadioField, SelectChoice, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from quizapp.auth.forms import REQUIRED
from quizapp.models import ALL_DECK_SLUG, Deck
from quizapp.services.bank import editing
from quizapp.services.bank.editing import CardContent, option_key
from quizapp.services.study.decks import deck_name

TOO_LONG = _l("Field cannot be longer than %(max)d characters.")
#: The languages a card may be written in, and an article added in.
LANGUAGES = (("id", _l("Indonesian")), ("en", _l("English")))
#: How many option fields a new question starts with.
START_OPTIONS = 4


def deck_choices(decks: Sequence[Deck]) -> list[SelectChoice]:
    """Return the decks as a select's choices, the deck of every card named as such, after a blank to pick from."""
    choices = [SelectChoice("", _("Choose a deck"))]
    for deck in decks:
        label = _("All articles (the deck with every card)") if deck.slug == ALL_DECK_SLUG else deck_name(deck)
        choices.append(SelectChoice(str(deck.id), label))
    return choices


def language_choices() -> list[SelectChoice]:
    """Return the languages a card or article may be in, as a select's choices."""
    return [SelectChoice(code, str(label)) for code, label in LANGUAGES]


class CardForm(FlaskForm):
    """Write or edit a multiple-choice card; "add" and "remove" resize the options without saving."""

    question = TextAreaField(
        _l("Question"),
        validators=[DataRequired(REQUIRED), Length(max=editing.MAX_QUESTION_LENGTH, message=TOO_LONG)],
        render_kw={"rows": 3, "maxlength": editing.MAX_QUESTION_LENGTH},
    )
    options = FieldList(
        StringField(validators=[Length(max=editing.MAX_OPTION_LENGTH, message=TOO_LONG)],
                    render_kw={"maxlength": editing.MAX_OPTION_LENGTH}),
        max_entries=editing.MAX_OPTIONS,
    )
    # The radios are drawn beside the options; the form checks the value itself (see _check_answer).
    answer = RadioField(_l("Right answer"), validate_choice=False)
    explanation = TextAreaField(
        _l("Explanation"),
        validators=[Optional(), Length(max=editing.MAX_EXPLANATION_LENGTH, message=TOO_LONG)],
        render_kw={"rows": 3, "maxlength": editing.MAX_EXPLANATION_LENGTH},
    )
    deck = SelectField(_l("Deck"), validate_choice=False)
    tags = StringField(
        _l("Tags"),
        validators=[Optional(), Length(max=editing.MAX_TAGS_LENGTH, message=TOO_LONG)],
        render_kw={"maxlength": editing.MAX_TAGS_LENGTH},
    )
    language = SelectField(_l("Language of the question"), validate_choice=False)
    publish = SubmitField(_l("Publish"))
    save_draft = SubmitField(_l("Save as draft"))
    add_option = SubmitField(_l("Add an option"))
    remove_option = SubmitField(_l("Remove the last option"))

    def __init__(self, *args: Any, decks: Sequence[Deck] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deck.choices = deck_choices(decks)
        self.language.choices = language_choices()
        #: Errors about the options as a whole (how many there are), shown above them.
        self.options_errors: list[str] = []
        self._sync_answer_choices()

    # --- resizing without saving ------------------------------------------------------------------------

    @property
    def resizing(self) -> bool:
        """Tell whether the button pressed adds or removes an option rather than saving."""
        return bool(self.add_option.data or self.remove_option.data)

    def resize(self) -> None:
        """Add an empty option or remove the last one, within 2 to 6."""
        if self.add_option.data and len(self.options) < editing.MAX_OPTIONS:
            self.options.append_entry()
        elif self.remove_option.data and len(self.options) > editing.MIN_OPTIONS:
            self.options.pop_entry()
            if self.answer_index is not None and self.answer_index >= len(self.options):
                self.answer.data = None
        self._sync_answer_choices()

    def _sync_answer_choices(self) -> None:
        self.answer.choices = [SelectChoice(str(i), _("Option %(num)d", num=i + 1)) for i in range(len(self.options))]

    # --- validation -------------------------------------------------------------------------------------

    @property
    def answer_index(self) -> int | None:
        """The position of the option marked right, or None if none is."""
        value = self.answer.data
        return int(value) if isinstance(value, str) and value.isdigit() else None

    def validate(self, extra_validators: Any = None) -> bool:
        """Check each field, then the options together: none empty, none twice, one of them right."""
        valid = super().validate(extra_validators)
        valid = self._check_options() and valid
        return self._check_answer() and valid

    def validate_deck(self, field: SelectField) -> None:
        """Refuse a deck that is not one of the choices."""
        if field.data not in {choice.value for choice in field.choices if choice.value}:
            raise ValidationError(_("Choose a deck."))

    def validate_language(self, field: SelectField) -> None:
        """Refuse a language the app does not offer."""
        if field.data not in {code for code, _label in LANGUAGES}:
            raise ValidationError(_("Choose Indonesian or English."))

    def _check_options(self) -> bool:
        if not editing.MIN_OPTIONS <= len(self.options) <= editing.MAX_OPTIONS:
            self.options_errors.append(
                _("Give %(min)d to %(max)d options.", min=editing.MIN_OPTIONS, max=editing.MAX_OPTIONS)
            )
        first_of: dict[str, int] = {}
        for number, entry in enumerate(self.options, start=1):
            key = option_key(entry.data or "")
            if not key:
                entry.errors.append(_("Option %(num)d is empty.", num=number))
            elif key in first_of:
                entry.errors.append(_("Option %(num)d repeats option %(other)d.", num=number, other=first_of[key]))
            else:
                first_of[key] = number
        return not self.options_errors and not any(entry.errors for entry in self.options)

    def _check_answer(self) -> bool:
        index = self.answer_index
        if index is None or index >= len(self.options):
            self.answer.errors.append(_("Mark the right answer."))
        elif not option_key(self.options[index].data or ""):
            self.answer.errors.append(_("The right answer, option %(num)d, is empty.", num=index + 1))
        return not self.answer.errors

    # --- what the form says -----------------------------------------------------------------------------

    def content(self) -> CardContent:
        """Return the card content the valid form describes."""
        return CardContent(
            question=self.question.data or "",
            options=tuple(entry.data or "" for entry in self.options),
            answer_index=self.answer_index or 0,
            explanation=self.explanation.data or "",
        )

    @property
    def draft(self) -> bool:
        """Tell whether the card is saved as a draft rather than published."""
        return bool(self.save_draft.data)


class RemoveCardForm(FlaskForm):
    """Remove a card: delete it if nobody met it, else retire it."""

    submit = SubmitField(_l("Remove this question"))
