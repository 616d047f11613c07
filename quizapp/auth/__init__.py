"""Accounts in the browser: register, log in, log out; and who may see which page."""

from __future__ import annotations

from flask import Flask

from quizapp.auth.access import instructor_required, login_manager
from quizapp.auth.views import bp

__all__ = ["bp", "init_app", "instructor_required", "login_manager"]


def init_app(app: Flask) -> None:
    """Wire Flask-Login into the app and register the auth pages."""
    login_manager.init_app(app)
    app.register_blueprint(bp)
