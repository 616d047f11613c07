"""The instructor's view of the question bank."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Page

from quizapp.db import db
from quizapp.models import Card, CardStatus


def shown(page: str) -> int:
    """Read how many questions the page says match."""
    return int(re.search(r"(\d+) questions?</strong>", page).group(1))


def test_instructor_sees_the_bank_with_right_answers(bank_client: FlaskClient, bank_accounts) -> None:
    bank_accounts.login(bank_client, "teacher", "instructor")
    page = bank_client.get("/author/?q=anggota").get_data(as_text=True)
    assert "Manakah di antara negara berikut yang merupakan anggota CSTO?" in page
    everything = bank_client.get("/author/").get_data(as_text=True)
    assert shown(everything) == 49, "47 served and 2 disputed drafts"
    assert everything.count('class="bank-card"') == 25, "25 a page"
    assert "✓ Nikol Pashinyan" in bank_client.get("/author/?kind=role").get_data(as_text=True)


@pytest.mark.parametrize(("query", "expected"), [("kind=speaker", 6), ("status=retired", 0), ("kind=nonsense", 49)])
def test_filters_narrow_the_list_and_unknown_values_are_ignored(
    bank_client: FlaskClient, bank_accounts, query: str, expected: int
) -> None:
    bank_accounts.login(bank_client, "teacher", "instructor")
    assert shown(bank_client.get(f"/author/?{query}").get_data(as_text=True)) == expected


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


def test_every_card_links_to_its_page(bank_client: FlaskClient, bank_accounts) -> None:
    bank_accounts.login(bank_client, "teacher", "instructor")
    anchors = Page.of(bank_client.get("/author/")).find_all("a")
    links = [a["href"] for a in anchors if a.get("href", "").startswith("/author/cards/")]
    assert len(links) == 25
    assert bank_client.get(links[0]).status_code == 200


def test_a_student_is_refused(bank_client: FlaskClient, bank_accounts) -> None:
    bank_accounts.login(bank_client, "ayu", "student")
    assert bank_client.get("/author/").status_code == 403


def test_the_deck_of_every_article_is_named_in_the_pages_language(bank_client: FlaskClient, bank_accounts) -> None:
    bank_accounts.login(bank_client, "teacher", "instructor")
    page = bank_client.get("/author/?kind=speaker", headers={"Accept-Language": "id"}).get_data(as_text=True)
    assert "Semua artikel" in page and "All articles" not in page


def test_the_filter_values_are_translated(bank_client: FlaskClient, bank_accounts) -> None:
    from web_helpers import Page

    bank_accounts.login(bank_client, "teacher", "instructor")
    page = Page.of(bank_client.get("/author/", headers={"Accept-Language": "id"}))
    options = set(page.texts("option"))
    assert {"Draf", "Aktif", "Diarsipkan", "Dibuat otomatis", "Ditulis pengajar", "Diimpor"} <= options
    assert not {"draft", "active", "retired", "generated", "authored", "imported"} & options
