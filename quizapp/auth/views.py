"""The auth pages: register, log in, log out; the account page: study settings, the password, log out everywhere."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask.wrappers import Response
from flask_babel import gettext as _
from flask_limiter import RequestLimit
from flask_login import current_user, login_required, login_user, logout_user

from quizapp.auth import quotas
from quizapp.auth.access import session_lifetime
from quizapp.auth.forms import LoginForm, LogoutEverywhereForm, PasswordForm, RegisterForm
from quizapp.auth.redirects import local_path
from quizapp.auth.settings_form import StudySettingsForm
from quizapp.auth.throttle import account_key, failed, limiter, setting, user_key, wait_message
from quizapp.models import Role
from quizapp.services import sessions
from quizapp.services.study_settings import StudySettings, adopt_browser_time_zone, save_settings
from quizapp.services.users import UsernameTaken, WrongPassword, authenticate, change_password, create_user

bp = Blueprint("auth", __name__, url_prefix="/auth")


def _safe_next(default: str) -> str:
    """Return the ?next= page if it is on this site, else default (no open redirect)."""
    return local_path(request.args.get("next"), default)


@bp.route("/register", methods=["GET", "POST"])
@quotas.registrations
def register() -> ResponseReturnValue:
    """Create a student account and log it in."""
    if current_user.is_authenticated:
        return redirect(url_for("study.decks"))
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = create_user(form.username.data, form.password.data, Role.STUDENT)
        except UsernameTaken:
            # another registration of the name committed after this form checked it
            form.username.errors.append(_("That username is taken; choose another."))
        else:
            adopt_browser_time_zone(user, form.browser_time_zone.data)
            sessions.open_session(user, session_lifetime())
            login_user(user)
            flash(_("Welcome, %(name)s! Pick a deck to start.", name=user.username), "success")
            return redirect(url_for("study.decks"))
    return render_template("auth/register.html", form=form)


def _refuse_login(limit: RequestLimit) -> Response:
    """Show the log-in form again, saying that it is refused for a while (429 Too Many Requests)."""
    form = LoginForm()
    form.password.errors = [wait_message(limit)]
    return Response(render_template("auth/login.html", form=form), status=429)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(setting("LOGIN_LIMIT_PER_ACCOUNT"), key_func=account_key, methods=["POST"], deduct_when=failed,
               on_breach=_refuse_login)
@limiter.limit(setting("LOGIN_LIMIT_PER_ADDRESS"), methods=["POST"], deduct_when=failed, on_breach=_refuse_login)
def login() -> ResponseReturnValue:
    """Log a user in with their username and password."""
    if current_user.is_authenticated:
        return redirect(_safe_next(url_for("study.decks")))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is None:
            # one message for both cases, so the form does not reveal which usernames exist
            form.password.errors.append(_("Wrong username or password."))
        else:
            adopt_browser_time_zone(user, form.browser_time_zone.data)
            sessions.open_session(user, session_lifetime())
            login_user(user, remember=form.remember.data)
            return redirect(_safe_next(url_for("study.decks")))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    """Log the user out, ending the login session on the server so that no copy of its cookies works."""
    # Not login_required: a stale Log out button would send the user through the login form, and the
    # redirect back would GET this POST-only page.
    if current_user.is_authenticated:
        sessions.end_session(current_user.session_token)
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("main.index"))


@bp.get("/account")
@login_required
def account() -> ResponseReturnValue:
    """Show the account page: study settings, change the password, log out everywhere."""
    return _account_page()


@bp.post("/settings")
@login_required
def settings() -> ResponseReturnValue:
    """Save the student's study settings: time zone, day start, daily limits, desired retention."""
    form = StudySettingsForm.showing(StudySettings.of(current_user))
    if form.validate_on_submit():
        save_settings(current_user, form.settings())
        flash(_("Your study settings are saved."), "success")
        return redirect(url_for("auth.account", _anchor="study-settings"))
    return _account_page(settings_form=form), 200


def _refuse_password_change(limit: RequestLimit) -> Response:
    """Show the account page again, saying that password changes are refused for a while."""
    form = PasswordForm()
    form.current.errors = [wait_message(limit)]
    return Response(_account_page(password_form=form), status=429)


@bp.post("/password")
@login_required
# the current password is checked here too: a borrowed session must not be a way to guess it
@limiter.limit(setting("LOGIN_LIMIT_PER_ACCOUNT"), key_func=user_key, deduct_when=failed,
               on_breach=_refuse_password_change)
def password() -> ResponseReturnValue:
    """Change the password; every other browser logged in to the account is logged out."""
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            change_password(current_user, form.current.data, form.password.data)
        except WrongPassword as exc:
            form.current.errors.append(str(exc))
        else:
            flash(_("Your password is changed. Every other browser logged in to your account is logged out."),
                  "success")
            return redirect(url_for("auth.account"))
    return _account_page(password_form=form), 200


@bp.post("/logout-everywhere")
@login_required
def logout_everywhere() -> ResponseReturnValue:
    """End every login session of the account, on every device, this one included."""
    if LogoutEverywhereForm().validate_on_submit():
        sessions.end_every_session(current_user.id)
        logout_user()
        flash(_("You are logged out on every device."), "info")
        return redirect(url_for("auth.login"))
    return redirect(url_for("auth.account"))


def _account_page(password_form: PasswordForm | None = None, settings_form: StudySettingsForm | None = None) -> str:
    """Render the account page, with the forms given (as posted, with their errors) or fresh ones."""
    settings_form = settings_form or StudySettingsForm.showing(StudySettings.of(current_user), formdata=None)
    time_zone_known = current_user.time_zone is not None
    if not time_zone_known:
        settings_form.offer_browser_time_zone()
    return render_template(
        "auth/account.html",
        form=password_form or PasswordForm(formdata=None),
        settings=settings_form,
        time_zone_known=time_zone_known,
        everywhere=LogoutEverywhereForm(),
        open_sessions=sessions.session_count(current_user.id, session_lifetime()),
    )
