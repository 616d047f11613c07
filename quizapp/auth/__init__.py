"""Accounts in the browser: register, log in, log out; and who may see which page."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask

from quizapp.auth import quotas, throttle
from quizapp.auth.access import instructor_required, login_manager
from quizapp.auth.views import bp

__all__ = ["bp", "init_app", "instructor_required", "login_manager"]


def init_app(app: Flask) -> None:
    """Wire Flask-Login into the app and register the auth pages."""
    # Flask-Login's default is a year; a login session row lives as long, so a month bounds a stolen cookie.
    lifetime = app.config.setdefault("REMEMBER_COOKIE_DURATION", timedelta(days=30))
    if isinstance(lifetime, int):
        # a QUIZAPP_REMEMBER_COOKIE_DURATION variable gives seconds, as Flask-Login reads them
        app.config["REMEMBER_COOKIE_DURATION"] = timedelta(seconds=lifetime)
    login_manager.init_app(app)
    throttle.init_app(app)
    quotas.init_app(app)
    app.register_blueprint(bp)
