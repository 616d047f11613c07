"""The auth forms; each validates its own fields and says what is wrong next to the field."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from quizapp.services.users import MAX_USERNAME_LENGTH, MIN_PASSWORD_LENGTH, UserError, check_username, find_user

# WTForms has no Indonesian catalog, so its built-in messages are given here, in its own English words, to translate.
REQUIRED = _l("This field is required.")
TOO_SHORT = _l("Field must be at least %(min)d characters long.")
DIFFERENT = _l("The passwords differ.")


class LoginForm(FlaskForm):
    """Log in with a username and password."""

    username = StringField(_l("Username"), validators=[DataRequired(REQUIRED)], render_kw={"autocomplete": "username"})
    password = PasswordField(_l("Password"), validators=[DataRequired(REQUIRED)],
                             render_kw={"autocomplete": "current-password"})
    remember = BooleanField(_l("Keep me logged in"))
    submit = SubmitField(_l("Log in"))


class RegisterForm(FlaskForm):
    """Create a student account."""

    # check_username (in validate_username) limits the length; a Length validator would say it a second time
    username = StringField(_l("Username"), validators=[DataRequired(REQUIRED)],
                           render_kw={"autocomplete": "username", "maxlength": MAX_USERNAME_LENGTH})
    password = PasswordField(_l("Password"),
                             validators=[DataRequired(REQUIRED), Length(min=MIN_PASSWORD_LENGTH, message=TOO_SHORT)],
                             render_kw={"autocomplete": "new-password"})
    confirm = PasswordField(_l("Repeat the password"),
                            validators=[DataRequired(REQUIRED), EqualTo("password", message=DIFFERENT)],
                            render_kw={"autocomplete": "new-password"})
    submit = SubmitField(_l("Create account"))

    def validate_username(self, field: StringField) -> None:
        """Refuse a malformed or taken name."""
        try:
            check_username(field.data or "")
        except UserError as exc:
            raise ValidationError(str(exc)) from None
        if find_user(field.data) is not None:
            raise ValidationError(_l("That username is taken; choose another."))


class PasswordForm(FlaskForm):
    """Change the password: the current one, then the new one twice."""

    current = PasswordField(_l("Current password"), validators=[DataRequired(REQUIRED)],
                            render_kw={"autocomplete": "current-password"})
    password = PasswordField(_l("New password"),
                             validators=[DataRequired(REQUIRED), Length(min=MIN_PASSWORD_LENGTH, message=TOO_SHORT)],
                             render_kw={"autocomplete": "new-password"})
    confirm = PasswordField(_l("Repeat the new password"),
                            validators=[DataRequired(REQUIRED), EqualTo("password", message=DIFFERENT)],
                            render_kw={"autocomplete": "new-password"})
    submit = SubmitField(_l("Change the password"))


class LogoutEverywhereForm(FlaskForm):
    """End every login session of the account, this one included."""

    submit = SubmitField(_l("Log out everywhere"))
