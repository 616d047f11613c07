"""Fixtures for the web app: a fresh app with its own instance folder and database for every test."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import flask_migrate
import pytest
from flask import Flask, has_app_context
from flask.testing import FlaskClient, FlaskCliRunner

from quizapp import create_app
from quizapp.db import db
from quizapp.models import User

# CSRF is off for view tests that post forms; tests/test_auth.py turns it on to prove it is enforced.
TEST_CONFIG = {"TESTING": True, "SECRET_KEY": "test-secret", "WTF_CSRF_ENABLED": False}
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DATABASE_FILE = "quizapp.sqlite"


def _hide_quizapp_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("QUIZAPP_"):
            monkeypatch.delenv(name)


def dispose_engines(app: Flask) -> None:
    """Close the app's pooled database connections, so that its SQLite files are complete and unlocked."""
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose()


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Apply every migration once to a template database; each test gets a copy (migrating takes 0.3 s)."""
    folder = tmp_path_factory.mktemp("template-instance")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _hide_quizapp_environment(monkeypatch)
        monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(folder))
        app = create_app(TEST_CONFIG)
        with app.app_context():
            flask_migrate.upgrade()
        dispose_engines(app)
    path = folder / DATABASE_FILE
    # The last connection to close checkpoints the write-ahead log into the database file.
    assert not Path(f"{path}-wal").exists(), "the template database still has a write-ahead log"
    return path


@pytest.fixture
def instance_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point quizapp at an empty instance folder and hide the developer's own QUIZAPP_* settings."""
    _hide_quizapp_environment(monkeypatch)
    path = tmp_path / "instance"
    monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(path))
    return path


@pytest.fixture
def app(instance_path: Path, migrated_database: Path) -> Iterator[Flask]:
    """Create an app for one test, with its own migrated SQLite database; no app context outlives the test."""
    instance_path.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_database, instance_path / DATABASE_FILE)
    app = create_app(TEST_CONFIG)
    yield app
    dispose_engines(app)


@pytest.fixture
def own_app(instance_path: Path, migrated_database: Path) -> Iterator[Flask]:
    """Create an app like `app`, for tests that do not use `app`: pytest-flask pushes no context for them.

    Each request then has its own app context, so several browsers (test clients) in one test do not share
    `g`, and with it Flask-Login's current user; use `with own_app.app_context():` around database work.
    """
    instance_path.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_database, instance_path / DATABASE_FILE)
    app = create_app(TEST_CONFIG)
    yield app
    dispose_engines(app)


@pytest.fixture
def empty_app(instance_path: Path) -> Iterator[Flask]:
    """Create an app whose database does not exist yet, as on a fresh install."""
    app = create_app(TEST_CONFIG)
    yield app
    dispose_engines(app)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Return a test client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    """Return a CLI runner whose commands use the test app."""
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def banked_database(migrated_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Load the seed articles' bank once into a copy of the migrated database; tests copy it."""
    from quizapp.services.bank.loading import load_bank

    folder = tmp_path_factory.mktemp("banked-instance")
    shutil.copyfile(migrated_database, folder / DATABASE_FILE)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _hide_quizapp_environment(monkeypatch)
        monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(folder))
        app = create_app(TEST_CONFIG)
        with app.app_context():
            report = load_bank([SEEDS])
            assert not report.errors, report.errors
        dispose_engines(app)
    return folder / DATABASE_FILE


@pytest.fixture
def bank_app(instance_path: Path, banked_database: Path) -> Iterator[Flask]:
    """Create an app whose database holds the seed articles, their decks and cards."""
    instance_path.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(banked_database, instance_path / DATABASE_FILE)
    app = create_app(TEST_CONFIG)
    yield app
    dispose_engines(app)


class Accounts:
    """Create users and log a test client in as one of them."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    def create(self, username: str = "student", role: str = "student", password: str = "password123") -> int:
        """Create a user and return its id."""
        from quizapp.models import Role
        from quizapp.services.users import create_user

        with self.app.app_context():
            return create_user(username, password, Role(role)).id

    def login(self, client: FlaskClient, username: str = "student", role: str = "student") -> int:
        """Create the user if needed and log the client in as it (through the session, not the form)."""
        from quizapp.services.users import find_user

        with self.app.app_context():
            user = find_user(username)
            user_id = user.id if user else None
        if user_id is None:
            user_id = self.create(username, role)
        log_in_as(client, user_id)
        return user_id


def log_in_as(client: FlaskClient, user_id: int) -> None:
    """Log the client in as the user with this id, as the login form would, without the form.

    The session carries a login session's token, never the bare user id: a session naming an id logs nobody in.
    """
    from quizapp.auth.access import session_lifetime
    from quizapp.services.sessions import open_session

    # In the test's own app context when there is one (pytest-flask pushes it): its session may hold the user.
    with contextlib.nullcontext() if has_app_context() else client.application.app_context():
        token = open_session(db.session.get_one(User, user_id), session_lifetime())
    with client.session_transaction() as session:
        session["_user_id"] = token
        session["_fresh"] = True


@pytest.fixture
def accounts(app: Flask) -> Accounts:
    """Users for the plain app."""
    return Accounts(app)


@pytest.fixture
def bank_accounts(bank_app: Flask) -> Accounts:
    """Users for the app with the seed bank."""
    return Accounts(bank_app)


@pytest.fixture
def bank_client(bank_app: Flask) -> FlaskClient:
    """Return a test client for the app with the seed bank."""
    return bank_app.test_client()
