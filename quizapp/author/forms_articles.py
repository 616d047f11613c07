"""The form to add an article: pasted text or an uploaded UTF-8 .txt file, with an optional title."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileSize
from wtforms import SelectChoice, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional, ValidationError

from quizapp.author.forms_editor import LANGUAGES, TOO_LONG, language_choices
from quizapp.services.bank.articles import MAX_ARTICLE_BYTES

MAX_TITLE_LENGTH = 300
#: The language choice that leaves it to question_bank to tell the article's language from its words.
AUTO_LANGUAGE = "auto"
TOO_LARGE = _l("The article is larger than 1 MB; an article may be at most 1 MB.")


class ArticleForm(FlaskForm):
    """Add one article, pasted or uploaded."""

    text = TextAreaField(_l("Article text"), render_kw={"rows": 12})
    file = FileField(
        _l("Or a .txt file"),
        validators=[
            FileAllowed(["txt"], _l("Choose a .txt file: the article as plain UTF-8 text.")),
            FileSize(MAX_ARTICLE_BYTES, message=TOO_LARGE),
        ],
        render_kw={"accept": ".txt,text/plain"},
    )
    title = StringField(
        _l("Title"),
        validators=[Optional(), Length(max=MAX_TITLE_LENGTH, message=TOO_LONG)],
        render_kw={"maxlength": MAX_TITLE_LENGTH},
    )
    language = SelectField(_l("Language of the article"), validate_choice=False)
    submit = SubmitField(_l("Add the article"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language.choices = [SelectChoice(AUTO_LANGUAGE, str(_l("Tell from the text"))), *language_choices()]

    @property
    def uploaded(self) -> bool:
        """Tell whether a file was chosen."""
        return bool(self.file.data and self.file.data.filename)

    def validate_text(self, field: TextAreaField) -> None:
        """Ask for the text or a file, not both, and refuse text over the size limit."""
        pasted = (field.data or "").strip()
        if not pasted and not self.uploaded:
            raise ValidationError(_("Paste the article's text or choose a .txt file."))
        if pasted and self.uploaded:
            raise ValidationError(_("Paste the text or choose a file, not both."))
        if len(pasted.encode("utf-8")) > MAX_ARTICLE_BYTES:
            raise ValidationError(str(TOO_LARGE))

    def validate_language(self, field: SelectField) -> None:
        """Refuse a language the app does not offer."""
        if field.data != AUTO_LANGUAGE and field.data not in {code for code, _label in LANGUAGES}:
            raise ValidationError(_("Choose Indonesian or English."))

    @property
    def article_language(self) -> str | None:
        """Return the language chosen, or None to tell it from the article's own words."""
        return None if self.language.data == AUTO_LANGUAGE else self.language.data

    def article_bytes(self) -> bytes:
        """Return the article as bytes: the uploaded file's, or the pasted text in UTF-8."""
        if self.uploaded:
            return self.file.data.read(MAX_ARTICLE_BYTES + 1)
        return (self.text.data or "").encode("utf-8")
