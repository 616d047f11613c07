"""Fixtures for the web app: a fresh app with its own instance folder and database for every test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import flask_migrate
import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from quizapp import create_app
from quizapp.db import db

TEST_CONFIG = {"TESTING": True, "SECRET_KEY": "test-secret"}
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
