"""An answer sent after the page's CSRF token expired keeps the student's choice (issue 13).

The token is a real expired one: Flask-WTF's own signature of the session's CSRF secret, dated two hours back
with itsdangerous, against the default one-hour WTF_CSRF_TIME_LIMIT.
"""

from __future__ import annotations

import html
import re
import time
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from web_helpers import Clock, Page

from quizapp.db import db
from quizapp.models import Answer, Card

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
MESSAGE = (
    "This page was open too long, so your answer was not sent yet. Your choice is marked: press it again to send it."
)


class _TwoHoursAgo(TimestampSigner):
    """Sign as Flask-WTF does, but dated two hours back."""

    def get_timestamp(self) -> int:
        return int(time.time()) - 2 * 3600


@pytest.fixture
def clock(bank_app: Flask) -> Clock:
    clock = Clock(NOW)
    bank_app.config["QUIZAPP_CLOCK"] = clock
    bank_app.config["WTF_CSRF_ENABLED"] = True
    return clock


@pytest.fixture
def student(bank_client: FlaskClient, bank_accounts, clock: Clock) -> int:  # type: ignore[no-untyped-def]
    bank_app_csrf = bank_client.application.config["WTF_CSRF_ENABLED"]
    bank_client.application.config["WTF_CSRF_ENABLED"] = False  # the log-in form is not what is tested here
    user_id = bank_accounts.login(bank_client, "siti")
    bank_client.application.config["WTF_CSRF_ENABLED"] = bank_app_csrf
    return user_id


def hidden_fields(text: str) -> dict[str, str]:
    """Return the answer form's hidden fields, whichever order the template writes their attributes in."""
    fields = {}
    for tag in re.findall(r"<input\b[^>]*>", text):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', tag))
        if attrs.get("type") == "hidden":
            fields[attrs["name"]] = html.unescape(attrs.get("value", ""))
    return fields


def expired_csrf_token(app: Flask, client: FlaskClient) -> str:
    with client.session_transaction() as session:
        secret = session["csrf_token"]
    return URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token", signer=_TwoHoursAgo).dumps(secret)


def answers(app: Flask, card_id: str) -> list[Answer]:
    with app.app_context():
        db.session.remove()
        return list(db.session.scalars(sa.select(Answer).where(Answer.card_id == card_id)))


def right_position(app: Flask, card_id: str) -> int:
    with app.app_context():
        card = db.session.get(Card, card_id)
        assert card is not None and card.answer_index is not None
        return card.answer_index


@pytest.mark.parametrize("where", ["review", "quiz"])
def test_an_answer_after_the_form_expired_comes_back_with_the_choice_marked(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock, where: str
) -> None:
    if where == "quiz":
        started = bank_client.post("/study/decks/all/quiz", data={"count": "5", **hidden_fields(
            bank_client.get("/study/decks/all").get_data(as_text=True))})
        question_url = started.headers["Location"]
        action = question_url + "/answer"
    else:
        question_url, action = "/study/review", "/study/review/answer"
    shown = bank_client.get(question_url).get_data(as_text=True)
    fields = hidden_fields(shown)
    card_id = fields["card_id"]
    right = right_position(bank_app, card_id)
    clock.tick(minutes=90)  # the student read, left, came back and chose

    refused = bank_client.post(action, data=fields | {"choice": str(right), "csrf_token": expired_csrf_token(
        bank_app, bank_client)})
    assert refused.status_code == 400
    again = Page.of(refused)
    assert MESSAGE in " ".join(again.texts("main"))
    assert hidden_fields(refused.get_data(as_text=True))["card_id"] == card_id
    (marked,) = again.find_all("button", **{"class": "card-choice is-chosen"})
    assert marked["value"] == str(right) and "data-autofocus" in marked
    assert answers(bank_app, card_id) == []  # nothing counted until the student sends it again

    clock.tick(seconds=3)
    sent = bank_client.post(action, data=hidden_fields(refused.get_data(as_text=True)) | {"choice": marked["value"]})
    assert sent.status_code in (302, 303)
    (answer,) = answers(bank_app, card_id)
    assert answer.correct
    # timed from the first showing, so the 90 minutes away make it untimed, not a fast "Easy"
    assert answer.time_taken_ms == (90 * 60 + 3) * 1000


def test_a_typed_answer_after_the_form_expired_comes_back_typed(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    fields = hidden_fields(bank_client.get("/study/review?mode=typed").get_data(as_text=True))
    clock.tick(minutes=90)
    expired = expired_csrf_token(bank_app, bank_client)
    refused = bank_client.post("/study/review/typed", data=fields | {"typed": "Kyrgyzstan", "csrf_token": expired})
    assert refused.status_code == 400
    again = Page.of(refused)
    assert "What you typed is still there: send it again." in " ".join(again.texts("main"))
    assert again.find("input", name="typed")["value"] == "Kyrgyzstan"
    assert hidden_fields(refused.get_data(as_text=True))["token"] == fields["token"]
    assert answers(bank_app, fields["card_id"]) == []

    sent = bank_client.post("/study/review/typed", data=hidden_fields(refused.get_data(as_text=True)) | {"typed": "x"})
    assert sent.status_code == 302
    (answer,) = answers(bank_app, fields["card_id"])
    assert answer.typed_text == "x"


def test_another_refused_form_still_gets_the_error_page(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    fields = hidden_fields(bank_client.get("/study/review").get_data(as_text=True))
    refused = bank_client.post("/study/review/answer", data=fields | {"choice": "0", "csrf_token": "forged"})
    assert refused.status_code == 400
    assert "The CSRF token is invalid." in refused.get_data(as_text=True)
    assert answers(bank_app, fields["card_id"]) == []
