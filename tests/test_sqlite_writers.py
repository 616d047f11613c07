"""SQLite writers take turns on the lock file beside the database (quizapp.sqlite_writers)."""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from quizapp.db import db
from quizapp.models import User
from quizapp.services.users import create_user
from quizapp.sqlite_writers import lock_path

pytestmark = pytest.mark.only_on("sqlite")


def _lock_file(app: Flask) -> Path:
    with app.app_context():
        database = db.engine.url.database
    assert database
    return lock_path(database)


def turn_is_free(app: Flask) -> bool:
    """Tell whether a writer could take its turn now, as another process would try."""
    with open(_lock_file(app), "a+") as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(file, fcntl.LOCK_UN)
        return True


def set_limit(limit: int) -> None:
    """Write: set every user's daily new-card limit."""
    db.session.execute(sa.update(User).values(daily_new_limit=limit))


def limit() -> int | None:
    return db.session.scalar(sa.select(User.daily_new_limit).where(User.username == "ana"))




@contextmanager
def app_context(app: Flask) -> Iterator[None]:
    with app.app_context():
        try:
            yield
        finally:
            db.session.remove()


@pytest.fixture
def ana(app: Flask) -> None:
    with app_context(app):
        create_user("ana", "a long enough password")


def test_a_write_holds_the_turn_until_its_commit(app: Flask, ana: None) -> None:
    with app_context(app):
        db.session.scalar(sa.select(sa.func.count(User.id)))
        assert turn_is_free(app), "a read takes no turn"
        set_limit(7)
        assert not turn_is_free(app)
        db.session.commit()
        assert turn_is_free(app)
        assert limit() == 7


def test_a_rollback_and_an_unfinished_request_hand_the_turn_on(app: Flask, ana: None) -> None:
    with app_context(app):
        set_limit(7)
        assert not turn_is_free(app)
        db.session.rollback()
        assert turn_is_free(app)
        set_limit(7)
    # the app context ended without a commit: the session went back to the pool, and the write with it
    assert turn_is_free(app)
    with app_context(app):
        assert limit() != 7


def test_a_second_writer_waits_for_the_first_to_commit_and_then_writes(app: Flask, ana: None) -> None:
    started, finished = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def second_writer() -> None:
        try:
            with app_context(app):
                started.set()
                set_limit(9)
                db.session.commit()
        except BaseException as exc:  # reported by the test's thread
            errors.append(exc)
        finally:
            finished.set()

    with app_context(app):
        set_limit(8)
        thread = threading.Thread(target=second_writer)
        thread.start()
        assert started.wait(10)
        assert not finished.wait(0.3), "the second writer wrote while the first held the turn"
        db.session.commit()
    assert finished.wait(10)
    thread.join()
    assert not errors
    with app_context(app):
        assert limit() == 9
    assert turn_is_free(app)
