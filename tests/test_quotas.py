"""Per-user limits on what adds rows: past a limit, a clear 429 page and nothing stored (issue 13)."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa
from conftest import Accounts
from flask import Flask
from flask.testing import FlaskClient
from flask_limiter import RequestLimit
from web_helpers import Page
from werkzeug.test import TestResponse

from quizapp.auth.quotas import DEFAULTS, wait_time
from quizapp.db import db
from quizapp.models import QuizSession, User


def quiz_count(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count(QuizSession.id))) or 0


def start_quiz(client: FlaskClient, language: str = "en") -> TestResponse:
    return client.post("/study/decks/all/quiz", data={"count": "5"}, headers={"Accept-Language": language})


def test_a_student_who_starts_quizzes_too_fast_is_told_to_wait_and_no_quiz_is_made(
    bank_app: Flask, bank_accounts: Accounts, bank_client: FlaskClient
) -> None:
    bank_app.config["QUIZ_LIMIT_PER_USER"] = "3 per minute"
    bank_accounts.login(bank_client)
    for _ in range(3):
        assert start_quiz(bank_client).status_code == 303

    refused = start_quiz(bank_client)

    assert refused.status_code == 429
    page = Page.of(refused)
    assert page.texts("h1") == ["Too Many Requests"]
    assert "You have started many quizzes in a short time. Wait 1 minute and try again." in page.texts("p")
    assert quiz_count(bank_app) == 3


def test_the_refusal_is_in_indonesian_too(bank_app: Flask, bank_accounts: Accounts, bank_client: FlaskClient) -> None:
    bank_app.config["QUIZ_LIMIT_PER_USER"] = "1 per minute"
    bank_accounts.login(bank_client)
    start_quiz(bank_client, "id")
    refused = start_quiz(bank_client, "id")
    assert refused.status_code == 429
    assert ("Kamu memulai banyak kuis dalam waktu singkat. Tunggu 1 menit, lalu coba lagi."
            in Page.of(refused).texts("p"))


def test_each_student_has_a_limit_of_their_own(bank_app: Flask, bank_accounts: Accounts) -> None:
    bank_app.config["QUIZ_LIMIT_PER_USER"] = "1 per minute"
    ayu, budi = bank_app.test_client(), bank_app.test_client()
    bank_accounts.login(ayu, "ayu")
    bank_accounts.login(budi, "budi")
    assert start_quiz(ayu).status_code == 303
    assert start_quiz(budi).status_code == 303
    assert start_quiz(ayu).status_code == 429


def test_a_retry_counts_as_a_quiz(bank_app: Flask, bank_accounts: Accounts, bank_client: FlaskClient) -> None:
    bank_app.config["QUIZ_LIMIT_PER_USER"] = "1 per minute"
    bank_accounts.login(bank_client)
    start_quiz(bank_client)
    with bank_app.app_context():
        quiz_id = db.session.scalar(sa.select(QuizSession.id))
    assert bank_client.post(f"/study/quiz/{quiz_id}/retry").status_code == 429


def test_pages_that_only_show_are_not_counted(
    bank_app: Flask, bank_accounts: Accounts, bank_client: FlaskClient
) -> None:
    bank_app.config["CARD_LIMIT_PER_USER"] = "1 per minute"
    bank_accounts.login(bank_client, "teacher", "instructor")
    for _ in range(3):
        assert bank_client.get("/author/new").status_code == 200


@pytest.mark.parametrize(("setting", "path", "message"), [
    ("ARTICLE_LIMIT_PER_USER", "/author/articles/new", "You have added many articles in a short time."),
    ("IMPORT_LIMIT_PER_USER", "/author/import", "You have uploaded many question files in a short time."),
    ("CARD_LIMIT_PER_USER", "/author/new", "You have written many questions in a short time."),
    ("CLASS_LIMIT_PER_USER", "/classes/", "You have created many classes in a short time."),
])
def test_an_instructor_who_creates_too_fast_is_told_to_wait(
    bank_app: Flask, bank_accounts: Accounts, bank_client: FlaskClient, setting: str, path: str, message: str
) -> None:
    bank_app.config[setting] = "2 per hour"
    bank_accounts.login(bank_client, "teacher", "instructor")
    # a form refused for what it holds counts too: each one was work for the server
    for _ in range(2):
        assert bank_client.post(path, data={}).status_code != 429

    refused = bank_client.post(path, data={})

    assert refused.status_code == 429
    assert f"{message} Wait 60 minutes and try again." in Page.of(refused).texts("p")


def register(app: Flask, username: str, address: str = "127.0.0.1") -> TestResponse:
    return app.test_client().post("/auth/register", environ_base={"REMOTE_ADDR": address}, data={
        "username": username, "password": "a-long-secret-1", "confirm": "a-long-secret-1"})


def test_registrations_from_one_address_are_limited(own_app: Flask) -> None:
    own_app.config["REGISTRATION_LIMIT_PER_ADDRESS"] = "2 per hour"
    assert register(own_app, "ayu").status_code == 302
    assert register(own_app, "budi").status_code == 302

    refused = register(own_app, "citra")

    assert refused.status_code == 429
    assert ("Many accounts have been created from your network in a short time. Wait 60 minutes and try again."
            in Page.of(refused).texts("p"))
    assert register(own_app, "citra", address="192.0.2.8").status_code == 302
    with own_app.app_context():
        assert set(db.session.scalars(sa.select(User.username))) == {"ayu", "budi", "citra"}


def test_the_limits_are_settings(monkeypatch: pytest.MonkeyPatch, instance_path: object) -> None:
    from quizapp import create_app

    monkeypatch.setenv("QUIZAPP_QUIZ_LIMIT_PER_USER", "5 per minute")
    app = create_app({"TESTING": True, "SECRET_KEY": "x"})
    assert app.config["QUIZ_LIMIT_PER_USER"] == "5 per minute"
    assert app.config["CLASS_LIMIT_PER_USER"] == DEFAULTS["CLASS_LIMIT_PER_USER"]


class _Limit:
    def __init__(self, seconds: float) -> None:
        self.reset_at = time.time() + seconds


@pytest.mark.parametrize(("seconds", "said"), [
    (20, "Wait 1 minute and try again."),
    (61 * 60, "Wait 61 minutes and try again."),
    (90 * 60, "Wait 90 minutes and try again."),
    (5 * 3600, "Wait 5 hours and try again."),
])
def test_the_wait_is_said_in_minutes_or_hours(app: Flask, seconds: float, said: str) -> None:
    with app.test_request_context():
        limit: RequestLimit = _Limit(seconds)  # type: ignore[assignment]  # only its reset time is read
        assert wait_time(limit) == said
