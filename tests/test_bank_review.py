"""Reviewing the question bank: approve and retire one card or many, the card page, and what students are served."""

from __future__ import annotations

import random

import pytest
import sqlalchemy as sa
from conftest import SEEDS
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Page

from quizapp.db import db, utcnow
from quizapp.models import Card, CardOrigin, CardStatus, Choice, Deck
from quizapp.services.bank import review
from quizapp.services.bank.loading import load_bank
from quizapp.services.study import quiz as quiz_service


def draft_ids(app: Flask) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(sa.select(Card.id).where(Card.status == CardStatus.DRAFT).order_by(Card.id)))


def a_card(app: Flask, kind: str = "speaker") -> str:
    with app.app_context():
        return db.session.scalars(sa.select(Card.id).where(Card.kind == kind).order_by(Card.id)).first()


def status_of(app: Flask, card_id: str) -> Card:
    with app.app_context():
        db.session.remove()
        card = db.session.get(Card, card_id)
        db.session.expunge(card)
        return card


@pytest.fixture
def teacher(bank_client: FlaskClient, bank_accounts) -> int:
    return bank_accounts.login(bank_client, "teacher", "instructor")


def test_approving_a_draft_serves_it_and_records_who_decided(
    bank_app: Flask, bank_client: FlaskClient, teacher: int
) -> None:
    card_id = draft_ids(bank_app)[0]
    response = bank_client.post(f"/author/cards/{card_id}/approve")
    assert response.status_code == 303 and response.headers["Location"] == f"/author/cards/{card_id}"
    card = status_of(bank_app, card_id)
    assert card.status == CardStatus.ACTIVE and card.reviewed_by_id == teacher and card.reviewed_at is not None
    page = Page.of(bank_client.get(f"/author/cards/{card_id}"))
    assert page.text("details").count("teacher") == 1
    assert "Approved 1 question." in page.texts("p", **{"class": "flash flash-success"})


def test_retiring_keeps_the_card(bank_app: Flask, bank_client: FlaskClient, teacher: int) -> None:
    card_id = a_card(bank_app)
    assert bank_client.post(f"/author/cards/{card_id}/retire").status_code == 303
    card = status_of(bank_app, card_id)
    assert card.status == CardStatus.RETIRED and card.reviewed_by_id == teacher


def test_a_decision_outlasts_a_reload_of_the_bank(bank_app: Flask, bank_client: FlaskClient, teacher: int) -> None:
    draft, active = draft_ids(bank_app)[0], a_card(bank_app)
    bank_client.post(f"/author/cards/{draft}/approve")
    bank_client.post(f"/author/cards/{active}/retire")
    with bank_app.app_context():
        assert load_bank([SEEDS]).ok
    assert status_of(bank_app, draft).status == CardStatus.ACTIVE
    assert status_of(bank_app, active).status == CardStatus.RETIRED


def test_bulk_approve_returns_to_the_same_filtered_page(
    bank_app: Flask, bank_client: FlaskClient, teacher: int
) -> None:
    drafts = draft_ids(bank_app)
    back = "/author/?kind=date&status=draft&q=CSTO"
    response = bank_client.post("/author/bulk", data={"card_ids": drafts, "approve": "1", "next": back})
    assert response.status_code == 303 and response.headers["Location"] == back
    assert {status_of(bank_app, card_id).status for card_id in drafts} == {CardStatus.ACTIVE}
    assert f"Approved {len(drafts)} questions." in bank_client.get(back).get_data(as_text=True)


def test_the_bulk_form_carries_the_page_it_was_on(bank_client: FlaskClient, teacher: int) -> None:
    page = Page.of(bank_client.get("/author/?status=active&kind=speaker&nonsense=1"))
    assert page.find("input", id="next")["value"] == "/author/?kind=speaker&status=active"
    page_two = Page.of(bank_client.get("/author/?status=active&page=2"))
    assert page_two.find("input", id="next")["value"] == "/author/?page=2&status=active"


def test_bulk_retire_reports_ids_that_name_no_card_and_applies_the_rest(
    bank_app: Flask, bank_client: FlaskClient, teacher: int
) -> None:
    card_id = a_card(bank_app)
    response = bank_client.post(
        "/author/bulk", data={"card_ids": [card_id, "no-such-card"], "retire": "1"}, follow_redirects=True
    )
    flashes = Page.of(response).texts("p", **{"class": "flash flash-error"})
    assert flashes == ["No question has the id no-such-card."]
    assert status_of(bank_app, card_id).status == CardStatus.RETIRED


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/author/", "/\\evil.example", ""])
def test_bulk_never_sends_the_browser_off_site(bank_app: Flask, bank_client: FlaskClient, teacher: int,
                                               target: str) -> None:
    response = bank_client.post("/author/bulk", data={"card_ids": [a_card(bank_app)], "retire": "1", "next": target})
    assert response.status_code == 303 and response.headers["Location"] == "/author/"


@pytest.mark.parametrize(("data", "message"), [
    ({"approve": "1", "next": "/author/?kind=date"}, "Select at least one question."),
    ({"card_ids": ["x"], "next": "/author/?kind=date"}, "Choose Approve selected or Retire selected."),
])
def test_a_bulk_form_without_questions_or_action_is_shown_again_with_the_reason(
    bank_client: FlaskClient, teacher: int, data: dict, message: str
) -> None:
    response = bank_client.post("/author/bulk", data=data)
    assert response.status_code == 400
    page = Page.of(response)
    assert page.text("bulk-error") == message
    assert page.find("option", value="date")["selected"] == ""  # still the filtered page it came from


def test_a_card_with_no_single_right_answer_is_not_approved(bank_app: Flask, bank_client: FlaskClient,
                                                            teacher: int) -> None:
    with bank_app.app_context():
        card = Card(kind="member", language="id", question="Rusak?", origin=CardOrigin.IMPORTED,
                    status=CardStatus.DRAFT, created_at=utcnow(), updated_at=utcnow())
        card.choices = [Choice(position=i, text=t, is_correct=False) for i, t in enumerate(["a", "b"])]
        db.session.add(card)
        db.session.commit()
        card_id = card.id
    response = bank_client.post(f"/author/cards/{card_id}/approve", follow_redirects=True)
    assert f"Not approved, as it has no single right answer: {card_id}." in response.get_data(as_text=True)
    assert status_of(bank_app, card_id).status == CardStatus.DRAFT


def test_the_service_decides_many_cards_in_one_go(bank_app: Flask, bank_accounts) -> None:
    reviewer = bank_accounts.create("teacher", "instructor")
    ids = draft_ids(bank_app)
    with bank_app.app_context():
        outcome = review.approve([*ids, ids[0], "missing"], reviewer)
        assert outcome.changed == tuple(ids) and outcome.missing == ("missing",) and outcome.decided == len(ids)
        again = review.approve(ids, reviewer)
        assert again.changed == () and again.unchanged == tuple(ids)


def test_the_card_page_shows_the_fact_every_source_choices_and_use(bank_app: Flask, bank_client: FlaskClient,
                                                                  teacher: int) -> None:
    card_id = draft_ids(bank_app)[0]
    page = Page.of(bank_client.get(f"/author/cards/{card_id}"))
    assert "Dates" in page.text("fact") and "Disputed" in page.text("fact")
    assert ".txt" in page.text("sources") and "pada tahun" in page.text("sources")
    assert page.texts("span", **{"class": "card-tag card-tag-right"}) == ["Right answer"]
    assert page.text("use") == "0 answers, 0 students"
    assert "Draft" in page.text("details") and "Generated" in page.text("details") and "Not yet" in page.text("details")
    # the two drafts lead to each other for one-at-a-time review
    other = [d for d in draft_ids(bank_app) if d != card_id][0]
    assert f"/author/cards/{other}" in page.links("nav").values()
    has_editor = "author.edit_card" in bank_app.view_functions
    assert (f"/author/cards/{card_id}/edit" in page.links().values()) is has_editor


def test_an_unknown_card_is_404(bank_client: FlaskClient, teacher: int) -> None:
    assert bank_client.get("/author/cards/nothing").status_code == 404
    assert bank_client.post("/author/cards/nothing/approve").status_code == 404


def test_a_draft_is_never_asked_in_a_quiz(bank_app: Flask, bank_accounts) -> None:
    student = bank_accounts.create("ayu", "student")
    with bank_app.app_context():
        deck = db.session.scalar(sa.select(Deck).where(Deck.slug == "all"))
        cards = deck.cards
        kept = cards[0].id
        for card in cards[1:]:
            card.status = CardStatus.DRAFT
        db.session.commit()
        for seed in range(5):
            quiz = quiz_service.start_quiz(student, deck.id, count=5, rng=random.Random(seed))
            assert quiz.card_ids == [kept]


@pytest.mark.parametrize(("method", "path"), [
    ("get", "/author/cards/{card}"), ("post", "/author/cards/{card}/approve"), ("post", "/author/cards/{card}/retire"),
    ("post", "/author/bulk"),
])
def test_a_student_is_refused(bank_app: Flask, bank_client: FlaskClient, bank_accounts, method: str,
                              path: str) -> None:
    card_id = draft_ids(bank_app)[0]
    bank_accounts.login(bank_client, "ayu", "student")
    response = getattr(bank_client, method)(path.format(card=card_id), data={"card_ids": [card_id], "approve": "1"})
    assert response.status_code == 403
    assert status_of(bank_app, card_id).status == CardStatus.DRAFT
