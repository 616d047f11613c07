"""The auth pages: register, log in, log out."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from quizapp.auth.forms import LoginForm, RegisterForm
from quizapp.auth.redirects import local_path
from quizapp.models import Role
from quizapp.services.users import create_user, find_user

bp = Blueprint("auth", __name__, url_prefix="/auth")


def _safe_next(default: str) -> str:
    """Return the ?next= page if it is on this site, else default (no open redirect)."""
    return local_path(request.args.get("next"), default)


@bp.route("/register", methods=["GET", "POST"])
def register() -> ResponseReturnValue:
    """Create a student account and log it in."""
    if current_user.is_authenticated:
        return redirect(url_for("study.decks"))
    form = RegisterForm()
    if form.validate_on_submit():
        user = create_user(form.username.data, form.password.data, Role.STUDENT)
        login_user(user)
        flash(_("Welcome, %(name)s! Pick a deck to start.", name=user.username), "success")
        return redirect(url_for("study.decks"))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    """Log a user in with their username and password."""
    if current_user.is_authenticated:
        return redirect(_safe_next(url_for("study.decks")))
    form = LoginForm()
    if form.validate_on_submit():
        user = find_user(form.username.data)
        if user is None or not user.check_password(form.password.data):
            # one message for both cases, so the form does not reveal which usernames exist
            form.password.errors.append(_("Wrong username or password."))
        else:
            login_user(user, remember=form.remember.data)
            return redirect(_safe_next(url_for("study.decks")))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    """Log the user out."""
    # Not login_required: a stale Log out button would send the user through the login form, and the
    # redirect back would GET this POST-only page.
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("main.index"))
