"""The same app on PostgreSQL: migrations, idempotent loading, a quiz, a review and the progress page.

SQLite serves one machine; a deployment that outgrows it points QUIZAPP_DATABASE_URL at PostgreSQL. These
tests run when QUIZAPP_TEST_POSTGRES_URL names an empty database they may wipe (`.ci/run` starts one); in
CI a missing URL fails instead of skipping, so the PostgreSQL path cannot silently go untested.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import flask_migrate
import pytest
import sqlalchemy as sa
from conftest import SEEDS, TEST_CONFIG, Accounts, dispose_engines
from flask import Flask

from quizapp import create_app
from quizapp.db import db
from quizapp.models import Answer, Card, ReviewLog, ReviewState
from quizapp.services.bank.loading import load_bank

URL = os.environ.get("QUIZAPP_TEST_POSTGRES_URL", "")


@pytest.fixture
def pg_app(instance_path: Path) -> Iterator[Flask]:
    """An app on a wiped PostgreSQL database with every migration applied."""
    if not URL:
        message = "set QUIZAPP_TEST_POSTGRES_URL to an empty PostgreSQL database to run these tests"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    engine = sa.create_engine(URL)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    app = create_app({**TEST_CONFIG, "DATABASE_URL": URL})
    with app.app_context():
        flask_migrate.upgrade()
    yield app
    dispose_engines(app)


def test_migrations_match_the_models_on_postgresql(pg_app: Flask) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with pg_app.app_context(), db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []


def test_loading_the_bank_twice_adds_nothing_the_second_time(pg_app: Flask) -> None:
    with pg_app.app_context():
        first = load_bank([SEEDS])
        second = load_bank([SEEDS])
        assert not first.errors and not second.errors
        # 46 served cards and the 2 disputed ones (1992 and 2002), kept as drafts for an instructor
        assert (first.added, second.added, second.updated, second.unchanged) == (48, 0, 0, 48)
        db.session.remove()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Card)) == 48


def test_a_student_studies_and_sees_progress_on_postgresql(pg_app: Flask) -> None:
    with pg_app.app_context():
        assert not load_bank([SEEDS]).errors
    client = pg_app.test_client()
    Accounts(pg_app).login(client, "ayu", "student")

    # a quiz of five questions, each answered with the first option
    response = client.post("/study/decks/all/quiz", data={"count": "5"})
    assert response.status_code in (302, 303)
    quiz_url = response.headers["Location"]
    for _ in range(5):
        page = client.get(quiz_url, follow_redirects=True).get_data(as_text=True)
        card_id = re.search(r'name="card_id"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="card_id"', page)
        assert card_id, page[:500]
        answer_url = re.search(r'action="([^"]*/answer)"', page).group(1)
        client.post(answer_url, data={"card_id": card_id.group(1) or card_id.group(2), "choice": "0"})
    result = client.get(quiz_url.rstrip("/") + "/result", follow_redirects=True).get_data(as_text=True)
    assert re.search(r"[0-5]/5", result)

    # one review: the first new card, answered with the first option
    page = client.get("/study/review").get_data(as_text=True)
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    card = re.search(r'name="card_id" value="([^"]+)"', page).group(1)
    response = client.post("/study/review/answer", data={"card_id": card, "token": token, "choice": "0"})
    assert "/study/review/feedback/" in response.headers["Location"]

    # the progress page's date arithmetic is written per database: it must work on PostgreSQL too
    progress = client.get("/progress/")
    assert progress.status_code == 200
    assert progress.get_data(as_text=True).count("<svg") >= 2
    with pg_app.app_context():
        db.session.remove()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Answer)) == 6
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewLog)) == 1
        state = db.session.scalars(sa.select(ReviewState)).one()
        assert state.due.tzinfo is not None
