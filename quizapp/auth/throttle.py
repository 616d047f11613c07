"""Brute-force protection: failed log-ins are counted per account and per address, and refused past a limit.

Flask-Limiter keeps the counts, in memory unless RATELIMIT_STORAGE_URI names a shared store (several server
processes need one, e.g. redis://). Only failures count, so a class that logs in from one school address is
not locked out by its own successful logins. Behind a proxy, the address is the client's only when ProxyFix
is on (see README, "Behind HTTPS").
"""

from __future__ import annotations

import time
from collections.abc import Callable

from flask import Flask, current_app, request
from flask.wrappers import Response
from flask_babel import ngettext
from flask_limiter import Limiter, RequestLimit
from flask_limiter.util import get_remote_address
from flask_login import current_user

from quizapp.models import fold_username
from quizapp.services.users import MAX_USERNAME_LENGTH

limiter = Limiter(key_func=get_remote_address)

#: Failed attempts allowed; "N per period" strings as Flask-Limiter reads them, each a QUIZAPP_* setting.
DEFAULTS = {
    "LOGIN_LIMIT_PER_ACCOUNT": "10 per 15 minutes",
    # A school's whole class may log in through one address, mistyping now and then.
    "LOGIN_LIMIT_PER_ADDRESS": "100 per 15 minutes",
    "RATELIMIT_STORAGE_URI": "memory://",
}


def init_app(app: Flask) -> None:
    """Give the limits their defaults and start counting."""
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    # Browsers show the page, not rate-limit headers; leaving them off tells an attacker nothing more.
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", False)
    limiter.init_app(app)


def setting(name: str) -> Callable[[], str]:
    """Return a function that reads the limit from the app's settings when a request asks."""
    return lambda: current_app.config[name]


def account_key() -> str:
    """Name the account a log-in form names, in the form that all spellings of it share."""
    return "account:" + fold_username(request.form.get("username", ""))[:MAX_USERNAME_LENGTH]


def user_key() -> str:
    """Name the logged-in user, for the password change form."""
    return f"user:{current_user.id}"


def failed(response: Response) -> bool:
    """Tell whether a form was refused: a form that succeeds redirects."""
    return response.status_code != 302


def wait_message(limit: RequestLimit) -> str:
    """Say that there were too many failed attempts, and how long to wait."""
    # rounded, not rounded up: Flask-Limiter gives the reset time a second late, which would make 1 minute 2
    minutes = max(1, round((limit.reset_at - time.time()) / 60))
    return ngettext(
        "Too many failed attempts. Wait %(num)d minute and try again.",
        "Too many failed attempts. Wait %(num)d minutes and try again.",
        minutes,
    )
