"""The app's one clock: the system's, unless the app config sets a clock, which then governs every timestamp."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Flask

from quizapp import clock
from quizapp.db import db, utcnow
from quizapp.services.users import create_user

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_the_clock_comes_from_the_app_config(app: Flask) -> None:
    assert abs(clock.utcnow() - datetime.now(UTC)) < timedelta(minutes=1)
    app.config[clock.CLOCK_CONFIG_KEY] = lambda: NOW
    assert clock.utcnow() == NOW
    assert utcnow is clock.utcnow  # the models' defaults read the same function


def test_outside_an_app_the_system_clock_answers() -> None:
    assert abs(clock.utcnow() - datetime.now(UTC)) < timedelta(minutes=1)


def test_stored_defaults_follow_the_app_clock(app: Flask) -> None:
    app.config[clock.CLOCK_CONFIG_KEY] = lambda: NOW
    user = create_user("clocked", "a long enough password")
    db.session.commit()
    assert user.created_at == NOW
