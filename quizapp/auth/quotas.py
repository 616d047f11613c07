"""Per-user limits on what adds rows to the database: quizzes, articles, imports, questions, classes, accounts.

Each limit is far above what a person does by hand (a student who answers as fast as anyone can reads a
five-question quiz in half a minute), so only a script or a stuck key meets it, and is then told in plain words
what was refused and for how long. Counts are kept by the same Flask-Limiter as the log-in limits (see
quizapp.auth.throttle), each a QUIZAPP_* setting in Flask-Limiter's notation.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from flask import Flask, render_template
from flask.wrappers import Response
from flask_babel import LazyString, ngettext
from flask_babel import lazy_gettext as _l
from flask_limiter import RequestLimit
from flask_limiter.util import get_remote_address

from quizapp.auth.throttle import limiter, setting, user_key
from quizapp.errors import TITLES

DEFAULTS = {
    # started quizzes and retries together; a retry of the missed questions is a quiz too
    "QUIZ_LIMIT_PER_USER": "20 per minute; 500 per day",
    # each article runs the question generator over up to 1 MB of text
    "ARTICLE_LIMIT_PER_USER": "30 per hour; 200 per day",
    "IMPORT_LIMIT_PER_USER": "60 per hour",
    "CARD_LIMIT_PER_USER": "200 per hour",
    "CLASS_LIMIT_PER_USER": "30 per hour",
    # A whole class may register at once from the school's one address.
    "REGISTRATION_LIMIT_PER_ADDRESS": "100 per hour; 500 per day",
}


def init_app(app: Flask) -> None:
    """Give the limits their defaults."""
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)


def wait_time(limit: RequestLimit) -> str:
    """Say how long to wait before trying again, in minutes, or in hours past an hour and a half."""
    # rounded, not rounded up: Flask-Limiter gives the reset time a second late, which would make 1 minute 2
    minutes = max(1, round((limit.reset_at - time.time()) / 60))
    if minutes > 90:
        hours = round(minutes / 60)
        return ngettext("Wait %(num)d hour and try again.", "Wait %(num)d hours and try again.", hours)
    return ngettext("Wait %(num)d minute and try again.", "Wait %(num)d minutes and try again.", minutes)


def refusal(what: LazyString) -> Callable[[RequestLimit], Response]:
    """Return the page that refuses a request past a limit (429 Too Many Requests): what was done too often."""

    def refuse(limit: RequestLimit) -> Response:
        page = render_template("errors/error.html", code=429, title=TITLES[429], message=f"{what} {wait_time(limit)}")
        return Response(page, status=429)

    return refuse


def per_user(name: str, scope: str, what: LazyString) -> Callable[[Callable[..., object]], Callable[..., object]]:
    """Limit the POSTs to the views decorated, together, per logged-in user (place it under the login check)."""
    return limiter.shared_limit(setting(name), scope=scope, key_func=user_key, methods=["POST"],
                                on_breach=refusal(what))


quizzes = per_user("QUIZ_LIMIT_PER_USER", "quizzes", _l("You have started many quizzes in a short time."))
articles = per_user("ARTICLE_LIMIT_PER_USER", "articles", _l("You have added many articles in a short time."))
imports = per_user("IMPORT_LIMIT_PER_USER", "imports", _l("You have uploaded many question files in a short time."))
cards = per_user("CARD_LIMIT_PER_USER", "cards", _l("You have written many questions in a short time."))
classes = per_user("CLASS_LIMIT_PER_USER", "classes", _l("You have created many classes in a short time."))
registrations = limiter.shared_limit(
    setting("REGISTRATION_LIMIT_PER_ADDRESS"), scope="registrations", key_func=get_remote_address, methods=["POST"],
    on_breach=refusal(_l("Many accounts have been created from your network in a short time.")),
)
