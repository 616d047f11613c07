"""The auth forms; each validates its own fields and says what is wrong next to the field."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from quizapp.services.users import (
    MAX_PASSWORD_LENGTH,
    MAX_USERNAME_LENGTH,
    MIN_PASSWORD_LENGTH,
    UserError,
    check_new_password,
    check_username,
    find_user,
)

# WTForms has no Indonesian catalog, so its built-in messages are given here, in its own English words, to translate.
REQUIRED = _l("This field is required.")
TOO_SHORT = _l("Field must be at least %(min)d characters long.")
TOO_LONG = _l("Field cannot be longer than %(max)d characters.")
DIFFERENT = _l("The passwords differ.")


def browser_time_zone_field() -> HiddenField:
    """Return a hidden field that static/timezone.js fills with the browser's time zone (empty without JavaScript)."""
    return HiddenField(render_kw={"data-browser-time-zone": ""})


class LoginForm(FlaskForm):
    """Log in with a username and password."""

    # The page is for typing a name: it starts in the field instead of six Tabs away, past the header's links.
    username = StringField(_l("Username"), validators=[DataRequired(REQUIRED)],
                           render_kw={"autocomplete": "username", "autofocus": True})
    password = PasswordField(_l("Password"),
                             validators=[DataRequired(REQUIRED), Length(max=MAX_PASSWORD_LENGTH, message=TOO_LONG)],
                             render_kw={"autocomplete": "current-password", "maxlength": MAX_PASSWORD_LENGTH})
    remember = BooleanField(_l("Keep me logged in"))
    browser_time_zone = browser_time_zone_field()
    submit = SubmitField(_l("Log in"))


def new_password_fields(label: str, confirm_label: str) -> tuple[PasswordField, PasswordField]:
    """Return a new password's field, checked for length, and the field that repeats it."""
    password = PasswordField(label,
                             validators=[DataRequired(REQUIRED), Length(min=MIN_PASSWORD_LENGTH, message=TOO_SHORT),
                                         Length(max=MAX_PASSWORD_LENGTH, message=TOO_LONG)],
                             render_kw={"autocomplete": "new-password", "maxlength": MAX_PASSWORD_LENGTH})
    confirm = PasswordField(confirm_label,
                            validators=[DataRequired(REQUIRED), EqualTo("password", message=DIFFERENT)],
                            render_kw={"autocomplete": "new-password"})
    return password, confirm


class RegisterForm(FlaskForm):
    """Create a student account."""

    # check_username (in validate_username) limits the length; a Length validator would say it a second time
    username = StringField(_l("Username"), validators=[DataRequired(REQUIRED)],
                           render_kw={"autocomplete": "username", "maxlength": MAX_USERNAME_LENGTH})
    password, confirm = new_password_fields(_l("Password"), _l("Repeat the password"))
    browser_time_zone = browser_time_zone_field()
    submit = SubmitField(_l("Create account"))

    def validate_username(self, field: StringField) -> None:
        """Refuse a malformed or taken name."""
        try:
            check_username(field.data or "")
        except UserError as exc:
            raise ValidationError(str(exc)) from None
        if find_user(field.data) is not None:
            raise ValidationError(_l("That username is taken; choose another."))

    def validate_password(self, field: PasswordField) -> None:
        """Refuse a password too common to choose, or the username itself."""
        _refuse_weak(field.data or "", self.username.data or "")


class PasswordForm(FlaskForm):
    """Change the password: the current one, then the new one twice."""

    current = PasswordField(_l("Current password"),
                            validators=[DataRequired(REQUIRED), Length(max=MAX_PASSWORD_LENGTH, message=TOO_LONG)],
                            render_kw={"autocomplete": "current-password", "maxlength": MAX_PASSWORD_LENGTH})
    password, confirm = new_password_fields(_l("New password"), _l("Repeat the new password"))
    submit = SubmitField(_l("Change the password"))

    def validate_password(self, field: PasswordField) -> None:
        """Refuse a password too common to choose, or the username itself."""
        _refuse_weak(field.data or "", current_user.username)


class LogoutEverywhereForm(FlaskForm):
    """End every login session of the account, this one included."""

    submit = SubmitField(_l("Log out everywhere"))


def _refuse_weak(password: str, username: str) -> None:
    """Raise ValidationError if password is one a person may not choose; the length has its own validators."""
    if not MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH:
        return
    try:
        check_new_password(password, username)
    except UserError as exc:
        raise ValidationError(str(exc)) from None
