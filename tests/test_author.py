"""The instructor's view of the question bank."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.db import db
from quizapp.models import Card, CardStatus


def test_instructor_sees_every_active_card_with_its_right_answer(bank_client: FlaskClient, bank_accounts) -> None:
    bank_accounts.login(bank_client, "teacher", "instructor")
    page = bank_client.get("/author/").get_data(as_text=True)
    assert "Manakah di antara negara berikut yang merupakan anggota CSTO?" in page
    assert page.count('class="bank-card"') == 48, "46 served and 2 disputed drafts"
    assert "✓ Nikol Pashinyan" in page


@pytest.mark.parametrize(("query", "expected"), [("kind=speaker", 6), ("status=retired", 0), ("kind=nonsense", 48)])
def test_filters_narrow_the_list_and_unknown_values_are_ignored(
    bank_client: FlaskClient, bank_accounts, query: str, expected: int
) -> None:
    bank_accounts.login(bank_client, "teacher", "instructor")
    page = bank_client.get(f"/author/?{query}").get_data(as_text=True)
    assert page.count('class="bank-card"') == expected


def test_a_retired_card_is_listed_under_retired(bank_app: Flask, bank_client: FlaskClient, bank_accounts) -> None:
    with bank_app.app_context():
        card = db.session.scalars(db.select(Card).where(Card.kind == "speaker")).first()
        card.status = CardStatus.RETIRED
        db.session.commit()
        question = card.question
    bank_accounts.login(bank_client, "teacher", "instructor")
    page = bank_client.get("/author/?status=retired").get_data(as_text=True)
    assert page.count('class="bank-card"') == 1 and question.split("“")[0] in page


def test_a_page_past_the_end_shows_no_cards_and_no_error(bank_client: FlaskClient, bank_accounts) -> None:
    bank_accounts.login(bank_client, "teacher", "instructor")
    response = bank_client.get("/author/?page=99")
    assert response.status_code == 200
    assert "No question matches." in response.get_data(as_text=True)


def test_a_student_is_refused(bank_client: FlaskClient, bank_accounts) -> None:
    bank_accounts.login(bank_client, "ayu", "student")
    assert bank_client.get("/author/").status_code == 403
