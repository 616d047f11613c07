"""Forms of the question bank's review: the bulk decision, one card's decision, and settling a disputed fact."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectMultipleField, SubmitField
from wtforms.validators import DataRequired, Length


class BulkReviewForm(FlaskForm):
    """Approve or retire the questions ticked in the list, then return to the same filtered page."""

    card_ids = SelectMultipleField(
        _l("Selected questions"),
        validate_choice=False,
        validators=[DataRequired(message=_l("Select at least one question."))],
    )
    next = HiddenField()
    approve = SubmitField(_l("Approve selected"))
    retire = SubmitField(_l("Retire selected"))

    def validate(self, extra_validators: Any = None) -> bool:
        """Check the fields, and that one of the two buttons was pressed."""
        valid = super().validate(extra_validators)
        if not (self.approve.data or self.retire.data):
            self.form_errors.append(str(_l("Choose Approve selected or Retire selected.")))
            return False
        return valid


class DecisionForm(FlaskForm):
    """Approve or retire one card (the button says which); next is where to go afterwards."""

    next = HiddenField()


class DisputeForm(FlaskForm):
    """Settle, or reopen, the disputed fact one of whose cards is named."""

    card_id = HiddenField(validators=[DataRequired(message=_l("Choose a value.")), Length(max=64)])
