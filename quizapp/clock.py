"""The app's one clock: every service, view and stored default reads the time now from :func:`utcnow`.

Tests fix or move time by setting ``app.config["QUIZAPP_CLOCK"]`` to a zero-argument callable returning an
aware UTC datetime (tests/web_helpers.py has a ``Clock`` to move by hand); without it, or outside an app
context (a script, a migration), the system clock answers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from flask import current_app, has_app_context

#: The app config key of a zero-argument callable returning the time now; tests set it to a fixed clock.
CLOCK_CONFIG_KEY = "QUIZAPP_CLOCK"


def system_now() -> datetime:
    """Return the system clock's time now as an aware UTC datetime."""
    return datetime.now(UTC)


def utcnow() -> datetime:
    """Return the time now as an aware UTC datetime, from the app's QUIZAPP_CLOCK when one is set."""
    if has_app_context():
        fixed: Callable[[], datetime] | None = current_app.config.get(CLOCK_CONFIG_KEY)
        if fixed is not None:
            return fixed()
    return system_now()
