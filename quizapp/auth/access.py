"""Who is logged in, and who may see which page."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager, current_user, login_required

from quizapp.db import db
from quizapp.models import User

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = _l("Please log in to see this page.")
login_manager.login_message_category = "info"

F = TypeVar("F", bound=Callable[..., Any])


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Return the logged-in user from the id the session carries."""
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def instructor_required(view: F) -> F:
    """Let only instructors through; anyone else logged in gets 403 Forbidden."""

    @wraps(view)
    @login_required
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_instructor:
            abort(403)
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]
