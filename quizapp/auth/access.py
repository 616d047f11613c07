"""Who is logged in, and who may see which page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any, TypeVar

from flask import abort, current_app
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager, current_user, login_required

from quizapp.models import User
from quizapp.services import sessions

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = _l("Please log in to see this page.")
login_manager.login_message_category = "info"

F = TypeVar("F", bound=Callable[..., Any])


def session_lifetime() -> timedelta:
    """Return how long a login lasts at most: as long as the remember-me cookie."""
    return current_app.config["REMEMBER_COOKIE_DURATION"]


@login_manager.user_loader
def load_user(token: str) -> User | None:
    """Return the user whose login session the session or remember-me cookie names, if it is still open."""
    return sessions.session_user(token, session_lifetime())


def instructor_required(view: F) -> F:
    """Let only instructors through; anyone else logged in gets 403 Forbidden."""

    @wraps(view)
    @login_required
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_instructor:
            abort(403)
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]
