"""Disputed facts: the CSTO's founding year (1992 or 2002) side by side, taught, kept attributed, reopened."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from conftest import SEEDS
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Page

from quizapp.db import db
from quizapp.models import Card, CardStatus
from quizapp.services.bank import disputes
from quizapp.services.bank.loading import load_bank

ATTRIBUTED = "Menurut "
PLAIN = "Lengkapi kalimat berikut: “"


def founding(app: Flask) -> dict[str, Card]:
    """Return the two founding-year cards by year, as stored now."""
    with app.app_context():
        db.session.remove()
        cards = db.session.scalars(sa.select(Card).where(Card.disputed.is_(True))).all()
        for card in cards:
            db.session.expunge(card)
        return {card.fact_value: card for card in cards}


def reload(app: Flask, include_disputed: bool = False) -> None:
    with app.app_context():
        assert load_bank([SEEDS], include_disputed=include_disputed).ok


@pytest.fixture
def teacher(bank_client: FlaskClient, bank_accounts) -> int:
    return bank_accounts.login(bank_client, "teacher", "instructor")


def test_the_page_shows_both_years_with_their_sources_side_by_side(bank_client: FlaskClient, teacher: int) -> None:
    page = Page.of(bank_client.get("/author/disputes"))
    (group,) = page.texts("section", **{"class": "dispute"})
    assert "Not settled yet." in group
    values = page.texts("article", **{"class": "dispute-value"})
    assert [value.split()[0] for value in values] == ["1992", "2002"]
    assert "CSTO didirikan pada tahun 1992" in values[0] and "Perspektif" in values[0]
    assert "001_e93b1a53fa8a29f7.txt" in values[0]
    assert "didirikan pada tahun 2002" in values[1] and "002_27d0a3832e547fcc.txt" in values[1]
    assert "Armenia Bersiap Keluar dari Aliansi Rusia dan Merapat ke AS" in values[1]
    assert page.texts("button")[-3:] == ["Teach 1992", "Teach 2002", "Keep every value, each naming its source"]


def test_the_service_groups_the_two_years_as_one_fact(bank_app: Flask) -> None:
    with bank_app.app_context():
        (group,) = disputes.list_disputes()
        assert (group.kind, group.subject) == ("date", "CSTO:didirikan")
        assert [value.value for value in group.values] == ["1992", "2002"]
        assert group.state == disputes.DisputeState.OPEN


def test_teaching_a_value_serves_it_unattributed_and_retires_the_other(
    bank_app: Flask, bank_client: FlaskClient, teacher: int
) -> None:
    chosen = founding(bank_app)["1992"]
    response = bank_client.post("/author/disputes/teach", data={"card_id": chosen.id})
    assert response.status_code == 303 and response.headers["Location"] == "/author/disputes"
    cards = founding(bank_app)
    taught, other = cards["1992"], cards["2002"]
    assert taught.status == CardStatus.ACTIVE and taught.question.startswith(PLAIN)
    assert taught.question == chosen.question.replace("Menurut Perspektif, lengkapi", "Lengkapi")
    assert taught.disputed and taught.edited_at and taught.reviewed_by_id == teacher and taught.version == 2
    assert other.status == CardStatus.RETIRED and other.reviewed_at and other.question.startswith(ATTRIBUTED)
    page = Page.of(bank_client.get("/author/disputes"))
    assert "Now teaching 1992 without naming a source; 1 other question retired." in page.texts("p")
    assert "Settled: teaching 1992, without naming a source." in page.texts("p", **{"class": "dispute-state"})


@pytest.mark.parametrize("include_disputed", [False, True])
def test_a_taught_value_outlasts_reloads(bank_app: Flask, bank_client: FlaskClient, teacher: int,
                                         include_disputed: bool) -> None:
    bank_client.post("/author/disputes/teach", data={"card_id": founding(bank_app)["2002"].id})
    reload(bank_app, include_disputed)
    cards = founding(bank_app)
    assert cards["2002"].status == CardStatus.ACTIVE and cards["2002"].question.startswith(PLAIN)
    assert cards["1992"].status == CardStatus.RETIRED


def test_keeping_both_attributed_serves_both_and_outlasts_a_reload(
    bank_app: Flask, bank_client: FlaskClient, teacher: int
) -> None:
    response = bank_client.post("/author/disputes/keep", data={"card_id": founding(bank_app)["1992"].id})
    assert response.status_code == 303
    reload(bank_app)  # without include_disputed, an undecided dispute would be drafts again
    cards = founding(bank_app)
    assert {card.status for card in cards.values()} == {CardStatus.ACTIVE}
    assert all(card.question.startswith(ATTRIBUTED) and card.reviewed_at for card in cards.values())
    assert "Settled: every value is served, each naming its source." in bank_client.get(
        "/author/disputes").get_data(as_text=True)


def test_reopening_a_taught_value_makes_attributed_drafts_again(
    bank_app: Flask, bank_client: FlaskClient, teacher: int
) -> None:
    original = founding(bank_app)
    bank_client.post("/author/disputes/teach", data={"card_id": original["1992"].id})
    response = bank_client.post("/author/disputes/reopen", data={"card_id": original["2002"].id})
    assert response.status_code == 303
    cards = founding(bank_app)
    for year in ("1992", "2002"):
        assert cards[year].status == CardStatus.DRAFT and cards[year].reviewed_at is None
        assert cards[year].question == original[year].question and cards[year].edited_at is None
    reload(bank_app)
    assert {card.status for card in founding(bank_app).values()} == {CardStatus.DRAFT}
    assert "Not settled yet." in bank_client.get("/author/disputes").get_data(as_text=True)


def test_keeping_attributed_after_teaching_names_the_source_again(
    bank_app: Flask, bank_client: FlaskClient, teacher: int
) -> None:
    original = founding(bank_app)
    bank_client.post("/author/disputes/teach", data={"card_id": original["1992"].id})
    bank_client.post("/author/disputes/keep", data={"card_id": original["1992"].id})
    cards = founding(bank_app)
    assert cards["1992"].question == original["1992"].question and cards["1992"].status == CardStatus.ACTIVE
    assert cards["2002"].status == CardStatus.ACTIVE


def test_the_bank_links_to_disputes_only_while_one_is_unsettled(
    bank_app: Flask, bank_client: FlaskClient, teacher: int
) -> None:
    assert Page.of(bank_client.get("/author/")).find_all("a", id="disputes-link")
    bank_client.post("/author/disputes/keep", data={"card_id": founding(bank_app)["1992"].id})
    assert not Page.of(bank_client.get("/author/")).find_all("a", id="disputes-link")


@pytest.mark.parametrize(("path", "card_id", "message"), [
    ("/author/disputes/teach", "", "Choose a value."),
    ("/author/disputes/teach", "no-such-card", "No disputed fact has this question."),
    ("/author/disputes/keep", "not-disputed", "No disputed fact has this question."),
    ("/author/disputes/reopen", "x" * 65, "Field cannot be longer than 64 characters."),
])
def test_a_bad_resolution_is_refused_with_the_reason(
    bank_app: Flask, bank_client: FlaskClient, teacher: int, path: str, card_id: str, message: str
) -> None:
    if card_id == "not-disputed":
        with bank_app.app_context():
            card_id = db.session.scalar(sa.select(Card.id).where(Card.disputed.is_(False)).limit(1))
    response = bank_client.post(path, data={"card_id": card_id})
    assert response.status_code == 400
    assert Page.of(response).text("dispute-error") == message
    assert {card.status for card in founding(bank_app).values()} == {CardStatus.DRAFT}


@pytest.mark.parametrize(("method", "path"), [("get", "/author/disputes"), ("post", "/author/disputes/teach"),
                                              ("post", "/author/disputes/keep"), ("post", "/author/disputes/reopen")])
def test_a_student_is_refused(bank_app: Flask, bank_client: FlaskClient, bank_accounts, method: str,
                              path: str) -> None:
    bank_accounts.login(bank_client, "ayu", "student")
    card_id = founding(bank_app)["1992"].id
    assert getattr(bank_client, method)(path, data={"card_id": card_id}).status_code == 403
    assert founding(bank_app)["1992"].status == CardStatus.DRAFT


def test_teaching_a_value_students_answered_keeps_the_text_they_saw(
    bank_app: Flask, bank_client: FlaskClient, teacher: int, bank_accounts
) -> None:
    from quizapp.models import Answer, CardRevision
    from quizapp.services.bank.revisions import version_seen

    assert bank_client.post("/author/disputes/keep", data={"card_id": founding(bank_app)["1992"].id}).status_code == 303
    chosen = founding(bank_app)["1992"]
    student = bank_accounts.create("ayu")
    with bank_app.app_context():
        db.session.add(Answer(user_id=student, card_id=chosen.id, chosen_position=0, correct=False,
                              time_taken_ms=900, card_version=chosen.version))
        db.session.commit()
    assert bank_client.post("/author/disputes/teach", data={"card_id": chosen.id}).status_code == 303
    with bank_app.app_context():
        (revision,) = db.session.scalars(sa.select(CardRevision).where(CardRevision.card_id == chosen.id)).all()
        assert (revision.version, revision.question) == (chosen.version, chosen.question)
        answer = db.session.scalars(sa.select(Answer).where(Answer.card_id == chosen.id)).one()
        assert version_seen(answer).question.startswith(ATTRIBUTED), "the answer shows the attributed text it was given"
        assert db.session.get_one(Card, chosen.id).question.startswith(PLAIN)
