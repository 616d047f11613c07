"""The forms of the import and export pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, HiddenField, SelectChoice, SelectField, StringField, SubmitField
from wtforms.validators import AnyOf, DataRequired, Length, ValidationError

from quizapp.i18n import LANGUAGES
from quizapp.services.bank.exporting import EXPORT_FORMATS
from quizapp.services.bank.importing import MAX_DECK_NAME
from quizapp.services.study.decks import deck_name, list_decks

NOT_A_CHOICE = _l("Not a valid choice.")
IMPORT_FORMATS = {
    "auto": _l("From the file name: .csv, .gift, or .txt (GIFT or Aiken)"),
    "csv": _l("CSV"),
    "gift": _l("GIFT (Moodle)"),
    "aiken": _l("Aiken"),
}
EXPORT_FORMAT_LABELS = {"csv": _l("CSV (spreadsheet)"), "gift": _l("GIFT (Moodle)"), "apkg": _l("Anki deck (.apkg)")}


def choices(labels: dict[str, object]) -> list[SelectChoice]:
    """Return a select's choices from value -> label."""
    return [SelectChoice(value, label) for value, label in labels.items()]  # type: ignore[arg-type]


def deck_choices(first_label: object) -> list[SelectChoice]:
    """Return a choice of every deck by its slug, in the order students see them, after a first empty choice."""
    return choices({"": first_label, **{deck.slug: deck_name(deck) for deck in list_decks()}})


class ImportForm(FlaskForm):
    """Upload a question file and say how to read it and where it goes."""

    file = FileField(_l("Question file"), validators=[FileRequired(_l("Choose a file to import."))])
    format = SelectField(_l("Format"), choices=choices(IMPORT_FORMATS), default="auto", validate_choice=False,
                         validators=[AnyOf(list(IMPORT_FORMATS), message=NOT_A_CHOICE)])
    deck = SelectField(_l("Deck"), choices=[], validate_choice=False)
    new_deck = StringField(
        _l("New deck's name"),
        validators=[Length(max=MAX_DECK_NAME, message=_l("At most %(max)d characters."))],
    )
    language = SelectField(_l("Language of the questions"), choices=choices(LANGUAGES), default="id",
                           validate_choice=False, validators=[AnyOf(list(LANGUAGES), message=NOT_A_CHOICE)])
    submit = SubmitField(_l("Preview"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.deck.choices = deck_choices(_l("A new deck, named below"))

    def validate_deck(self, field: SelectField) -> None:
        """Refuse a deck that does not exist."""
        if field.data and field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(NOT_A_CHOICE)

    def validate_new_deck(self, field: StringField) -> None:
        """Ask for exactly one of an existing deck and a new deck's name."""
        name = (field.data or "").strip()
        if not self.deck.data and not name:
            raise ValidationError(_l("Choose a deck above or type a new deck's name."))
        if self.deck.data and name:
            raise ValidationError(_l("Choose an existing deck or type a new name, not both."))


class ConfirmImportForm(FlaskForm):
    """Store the previewed file: the token names it, and the choices kept with it, on the server."""

    token = HiddenField(validators=[DataRequired()])
    submit = SubmitField(_l("Import"))


class ExportForm(FlaskForm):
    """Choose what to export and in which format (a GET form: it changes nothing)."""

    format = SelectField(_l("Format"), choices=choices(EXPORT_FORMAT_LABELS), default="csv",
                         validate_choice=False, validators=[AnyOf(EXPORT_FORMATS, message=NOT_A_CHOICE)])
    deck = SelectField(_l("Deck"), choices=[], validate_choice=False)
    include_retired = BooleanField(_l("Include retired questions"))
    submit = SubmitField(_l("Download"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.deck.choices = deck_choices(_l("The whole bank"))

    def validate_deck(self, field: SelectField) -> None:
        """Refuse a deck that does not exist."""
        if field.data and field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(NOT_A_CHOICE)
