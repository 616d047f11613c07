"""Fixtures for the web app: a fresh app with its own instance folder and database for every test.

Every test that uses a database (through `app`, `own_app`, `bank_app`, `empty_app` or `database_url`) runs
twice: on SQLite, from a copy of a template file, and on PostgreSQL when QUIZAPP_TEST_POSTGRES_URL names one,
put back to a saved state before each test (tests/postgres_databases.py).
"""

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
from postgres_databases import PostgresDatabases, with_settings, worker_database

from quizapp import create_app
from quizapp.db import db
from quizapp.models import User

# CSRF is off for view tests that post forms; tests/test_auth.py turns it on to prove it is enforced.
TEST_CONFIG = {"TESTING": True, "SECRET_KEY": "test-secret", "WTF_CSRF_ENABLED": False}
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DATABASE_FILE = "quizapp.sqlite"
#: An empty PostgreSQL database the tests may wipe, e.g. postgresql+psycopg://quizapp:quizapp@127.0.0.1/quizapp_test;
#: read once here, since each test hides the QUIZAPP_* variables from the app. Each of pytest-xdist's worker
#: processes has a database of its own beside it (quizapp_test_gw0, …), which its role must be allowed to create.
POSTGRES_URL = worker_database(os.environ.get("QUIZAPP_TEST_POSTGRES_URL", ""), os.environ.get("PYTEST_XDIST_WORKER"))
#: What the tests' apps connect with: a commit does not wait for the disk (a crash may lose the last
#: commits, never corrupt the database; the tests' rows are thrown away anyway).
POSTGRES_SETTINGS = {"synchronous_commit": "off"}
#: The databases every test that uses one runs on; `-k sqlite` or `-k postgresql` picks one.
BACKENDS = ("sqlite", "postgresql")
#: Why the PostgreSQL runs are left out when no database is named.
NO_POSTGRES = "set QUIZAPP_TEST_POSTGRES_URL to an empty PostgreSQL database to run the tests on it too"
#: The PostgreSQL schema that stands for a database not created yet (`empty_app`).
FRESH_INSTALL_SCHEMA = "fresh_install"


def _hide_quizapp_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("QUIZAPP_"):
            monkeypatch.delenv(name)


def dispose_engines(app: Flask) -> None:
    """Close the app's pooled database connections, so that its SQLite files are complete and unlocked."""
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose()


def postgres_url(**settings: str) -> str:
    """Return the URL the tests' apps reach the PostgreSQL test database with."""
    return with_settings(POSTGRES_URL, **POSTGRES_SETTINGS, **settings) if POSTGRES_URL else ""


def sqlite_url(instance_path: Path) -> str:
    """Return the URL of the SQLite database in the instance folder, the app's default."""
    return "sqlite:///" + (instance_path / DATABASE_FILE).as_posix()


def _without_postgres() -> bool:
    """Tell whether to leave out the PostgreSQL runs: none is named, and this is not CI, where they must run."""
    return not POSTGRES_URL and not os.environ.get("CI")


def pytest_report_header(config: pytest.Config) -> str:
    """Say which databases the tests run on."""
    if _without_postgres():
        return f"databases: sqlite only; the postgresql runs are deselected ({NO_POSTGRES})"
    return "databases: sqlite and postgresql"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the runs on a backend a test's `only_on` marker does not name, and PostgreSQL's if there is none.

    Left out, not skipped: a skip would add a line per test to the summary.
    """
    kept, left_out = [], []
    for item in items:
        marker = item.get_closest_marker("only_on")
        callspec = getattr(item, "callspec", None)
        backend = callspec.params.get("backend") if callspec else None
        unwanted = marker is not None and backend is not None and backend not in marker.args
        (left_out if unwanted or (backend == "postgresql" and _without_postgres()) else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Name the database a test runs on; every test that uses one runs on each (`test_x[postgresql]`)."""
    if request.param == "postgresql" and not POSTGRES_URL:
        # Only in CI does a PostgreSQL run get this far without a database: there it must not quietly go missing.
        pytest.fail(NO_POSTGRES)
    return request.param


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresDatabases]:
    """Wipe the PostgreSQL test database, apply every migration once and save the result as "migrated"."""
    databases = PostgresDatabases(POSTGRES_URL)
    try:
        databases.wipe()
        with _session_app(tmp_path_factory, postgres_url()) as app, app.app_context():
            flask_migrate.upgrade()
        databases.save("migrated")
        yield databases
    finally:
        databases.close()


@pytest.fixture(scope="session")
def postgres_bank(postgres: PostgresDatabases, tmp_path_factory: pytest.TempPathFactory) -> PostgresDatabases:
    """Load the seed articles' bank once into the migrated PostgreSQL database and save it as "banked"."""
    from quizapp.services.bank.loading import load_bank

    postgres.restore("migrated")
    with _session_app(tmp_path_factory, postgres_url()) as app, app.app_context():
        report = load_bank([SEEDS])
        assert not report.errors, report.errors
    postgres.save("banked")
    return postgres


@contextlib.contextmanager
def _session_app(tmp_path_factory: pytest.TempPathFactory, url: str | None = None) -> Iterator[Flask]:
    """Create an app for a session fixture's set-up, on its own instance folder and the given database."""
    folder = tmp_path_factory.mktemp("session-instance")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _hide_quizapp_environment(monkeypatch)
        monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(folder))
        app = create_app({**TEST_CONFIG, "DATABASE_URL": url or sqlite_url(folder)})
        try:
            yield app
        finally:
            dispose_engines(app)


@pytest.fixture
def database_url(backend: str, instance_path: Path, request: pytest.FixtureRequest) -> str:
    """Return the URL of a migrated, empty database for this test alone, on the test's backend."""
    if backend == "sqlite":
        instance_path.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(request.getfixturevalue("migrated_database"), instance_path / DATABASE_FILE)
        return sqlite_url(instance_path)
    request.getfixturevalue("postgres").restore("migrated")
    return postgres_url()


@pytest.fixture
def bank_database_url(backend: str, instance_path: Path, request: pytest.FixtureRequest) -> str:
    """Return the URL of a database holding the seed bank, for this test alone, on the test's backend."""
    if backend == "sqlite":
        instance_path.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(request.getfixturevalue("banked_database"), instance_path / DATABASE_FILE)
        return sqlite_url(instance_path)
    request.getfixturevalue("postgres_bank").restore("banked")
    return postgres_url()


@pytest.fixture
def app_config(database_url: str) -> dict[str, object]:
    """Return the test settings with this test's database; extend it for an app with other settings."""
    return {**TEST_CONFIG, "DATABASE_URL": database_url}


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Apply every migration once to a template database; each test gets a copy (migrating takes 0.3 s)."""
    with _session_app(tmp_path_factory) as app, app.app_context():
        flask_migrate.upgrade()
    path = Path(app.instance_path) / DATABASE_FILE
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
def app(app_config: dict[str, object]) -> Iterator[Flask]:
    """Create an app for one test, with its own migrated database; no app context outlives the test."""
    app = create_app(app_config)
    yield app
    dispose_engines(app)


@pytest.fixture
def own_app(app_config: dict[str, object]) -> Iterator[Flask]:
    """Create an app like `app`, for tests that do not use `app`: pytest-flask pushes no context for them.

    Each request then has its own app context, so several browsers (test clients) in one test do not share
    `g`, and with it Flask-Login's current user; use `with own_app.app_context():` around database work.
    """
    app = create_app(app_config)
    yield app
    dispose_engines(app)


@pytest.fixture
def empty_app(backend: str, instance_path: Path, request: pytest.FixtureRequest) -> Iterator[Flask]:
    """Create an app whose database does not exist yet, as on a fresh install."""
    if backend == "sqlite":
        url = sqlite_url(instance_path)
    else:
        postgres: PostgresDatabases = request.getfixturevalue("postgres")
        postgres.new_schema(FRESH_INSTALL_SCHEMA)
        url = postgres_url(search_path=FRESH_INSTALL_SCHEMA)
    app = create_app({**TEST_CONFIG, "DATABASE_URL": url})
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

    with _session_app(tmp_path_factory) as app, app.app_context():
        shutil.copyfile(migrated_database, Path(app.instance_path) / DATABASE_FILE)
        report = load_bank([SEEDS])
        assert not report.errors, report.errors
    return Path(app.instance_path) / DATABASE_FILE


@pytest.fixture
def bank_app(bank_database_url: str) -> Iterator[Flask]:
    """Create an app whose database holds the seed articles, their decks and cards."""
    app = create_app({**TEST_CONFIG, "DATABASE_URL": bank_database_url})
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
