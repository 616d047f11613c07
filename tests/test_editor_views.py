"""The question editor's pages: write a question, edit one, resize the options, bad input, remove."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quizapp.db import db
from quizapp.models import Answer, Card, CardOrigin, CardStatus, Deck
from tests.web_helpers import Page


def deck_id(app: Flask, slug: str) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(Deck.id).where(Deck.slug == slug))


def article_deck(app: Flask) -> tuple[int, str]:
    with app.app_context():
        deck = db.session.scalars(sa.select(Deck).where(Deck.article_id.is_not(None)).order_by(Deck.id)).first()
        return deck.id, deck.slug


def form_data(deck_number: int, /, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "question": "Kapan CSTO didirikan?",
        "options-0": "1992",
        "options-1": "2002",
        "options-2": "1994",
        "options-3": "2012",
        "answer": "0",
        "explanation": "Perjanjian ditandatangani pada 1992.",
        "deck": str(deck_number),
        "tags": "CSTO, Sejarah  csto",
        "language": "id",
        "publish": "Publish",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def stored(app: Flask, question: str) -> Card | None:
    with app.app_context():
        db.session.remove()
        card = db.session.scalar(sa.select(Card).where(Card.question == question))
        if card is not None:
            _ = card.options, [deck.slug for deck in card.decks]
            db.session.expunge(card)
        return card


@pytest.fixture
def teacher(bank_client: FlaskClient, bank_accounts) -> FlaskClient:
    bank_accounts.login(bank_client, "teacher", "instructor")
    return bank_client


def test_a_new_question_starts_with_four_empty_options(bank_app: Flask, teacher: FlaskClient) -> None:
    page = Page.of(teacher.get("/author/new"))
    assert [a["name"] for a in page.find_all("input", type="text") if a["name"].startswith("options-")] == [
        "options-0", "options-1", "options-2", "options-3",
    ]
    assert len(page.find_all("input", type="radio", name="answer")) == 4
    labels = page.texts("option")
    assert "All articles (the deck with every card)" in labels and "Choose a deck" in labels


def test_the_deck_in_the_address_is_picked(bank_app: Flask, teacher: FlaskClient) -> None:
    number, slug = article_deck(bank_app)
    page = Page.of(teacher.get(f"/author/new?deck={slug}"))
    selected = [option["value"] for option in page.find_all("option", selected="")]
    assert str(number) in selected and "" not in selected


def test_saving_a_new_question_stores_an_authored_card_in_the_chosen_deck_only(
    bank_app: Flask, teacher: FlaskClient
) -> None:
    number, slug = article_deck(bank_app)
    response = teacher.post("/author/new", data=form_data(number))
    assert response.status_code == 303
    card = stored(bank_app, "Kapan CSTO didirikan?")
    assert card is not None
    assert (card.origin, card.status, card.kind, card.language) == (
        CardOrigin.AUTHORED, CardStatus.ACTIVE, "custom", "id"
    )
    assert card.options == ["1992", "2002", "1994", "2012"] and card.answer_index == 0
    assert card.tags == "csto sejarah"
    assert [deck.slug for deck in card.decks] == [slug]
    assert card.author_id is not None and card.version == 1
    assert response.location == f"/author/cards/{card.id}"
    assert "Question published." in teacher.get(response.location).get_data(as_text=True)


def test_save_as_draft_keeps_it_from_students(bank_app: Flask, teacher: FlaskClient) -> None:
    data = form_data(deck_id(bank_app, "all"), publish=None, save_draft="Save as draft")
    assert teacher.post("/author/new", data=data).status_code == 303
    card = stored(bank_app, "Kapan CSTO didirikan?")
    assert card.status == CardStatus.DRAFT and [deck.slug for deck in card.decks] == ["all"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"question": "  "}, "question", "This field is required."),
        ({"options-2": "   "}, "options-2", "Option 3 is empty."),
        ({"options-3": " 2002 "}, "options-3", "Option 4 repeats option 2."),
        ({"options-3": "1992"}, "options-3", "Option 4 repeats option 1."),
        ({"options-1": "TWO  thousand", "options-2": "two thousand"}, "options-2", "Option 3 repeats option 2."),
        ({"options-0": "x" * 501}, "options-0", "Field cannot be longer than 500 characters."),
        ({"deck": ""}, "deck", "Choose a deck."),
        ({"deck": "99999"}, "deck", "Choose a deck."),
        ({"language": "fr"}, "language", "Choose Indonesian or English."),
        ({"question": "q" * 2001}, "question", "Field cannot be longer than 2000 characters."),
    ],
)
def test_bad_input_is_shown_next_to_its_field(
    bank_app: Flask, teacher: FlaskClient, changes: dict[str, object], field: str, message: str
) -> None:
    response = teacher.post("/author/new", data=form_data(deck_id(bank_app, "all"), **changes))
    assert response.status_code == 400
    page = Page.of(response)
    assert page.field_errors(field) == message
    assert page.invalid_fields() == {field}
    with bank_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).where(Card.origin == CardOrigin.AUTHORED)) == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"answer": None}, "Mark the right answer."),
        ({"answer": "7"}, "Mark the right answer."),
        ({"answer": "x"}, "Mark the right answer."),
        ({"answer": "2", "options-2": ""}, "The right answer, option 3, is empty."),
    ],
)
def test_the_right_answer_must_point_at_a_filled_option(
    bank_app: Flask, teacher: FlaskClient, changes: dict[str, object], message: str
) -> None:
    response = teacher.post("/author/new", data=form_data(deck_id(bank_app, "all"), **changes))
    assert response.status_code == 400
    page = Page.of(response)
    assert page.text("answer-error") == message
    assert all(radio.get("aria-invalid") == "true" for radio in page.find_all("input", name="answer"))


def test_fewer_than_two_options_are_refused(bank_app: Flask, teacher: FlaskClient) -> None:
    data = form_data(deck_id(bank_app, "all"), **{"options-1": None, "options-2": None, "options-3": None})
    response = teacher.post("/author/new", data=data)
    assert response.status_code == 400
    assert Page.of(response).text("options-error") == "Give 2 to 6 options."


def test_add_and_remove_option_resize_the_form_without_saving(bank_app: Flask, teacher: FlaskClient) -> None:
    data = form_data(deck_id(bank_app, "all"), publish=None, add_option="Add an option")
    page = Page.of(teacher.post("/author/new", data=data))
    names = [a["name"] for a in page.find_all("input", type="text") if a["name"].startswith("options-")]
    assert names == [f"options-{i}" for i in range(5)]
    assert page.find("input", name="options-3")["value"] == "2012"
    assert page.find("input", name="options-4")["value"] == ""
    assert page.invalid_fields() == set(), "resizing shows no errors"
    assert stored(bank_app, "Kapan CSTO didirikan?") is None

    data = form_data(deck_id(bank_app, "all"), publish=None, answer="3", remove_option="Remove the last option")
    page = Page.of(teacher.post("/author/new", data=data))
    assert len(page.find_all("input", type="radio", name="answer")) == 3
    assert not [r for r in page.find_all("input", name="answer") if "checked" in r], "the right one was removed"


def test_six_options_offer_no_add_and_two_no_remove(bank_app: Flask, teacher: FlaskClient) -> None:
    six = {f"options-{i}": f"o{i}" for i in range(6)}
    page = Page.of(teacher.post("/author/new", data=form_data(deck_id(bank_app, "all"), publish=None,
                                                                add_option="Add an option", **six)))
    assert len(page.find_all("input", type="radio", name="answer")) == 6
    assert not page.find_all("input", name="add_option")
    two = {"options-2": None, "options-3": None, "publish": None, "remove_option": "Remove the last option"}
    page = Page.of(teacher.post("/author/new", data=form_data(deck_id(bank_app, "all"), **two)))
    assert len(page.find_all("input", type="radio", name="answer")) == 2
    assert not page.find_all("input", name="remove_option")


def generated_card(app: Flask) -> tuple[str, str, list[str], int]:
    with app.app_context():
        card = db.session.scalars(
            sa.select(Card).where(Card.kind == "speaker", Card.status == CardStatus.ACTIVE).order_by(Card.id)
        ).first()
        return card.id, card.question, card.options, card.answer_index


def test_editing_shows_the_card_and_saves_the_change(bank_app: Flask, teacher: FlaskClient) -> None:
    card_id, question, options, right = generated_card(bank_app)
    page = Page.of(teacher.get(f"/author/cards/{card_id}/edit"))
    assert page.find("textarea", name="question") is not None and question in page.texts("textarea")
    assert [page.find("input", name=f"options-{i}")["value"] for i in range(len(options))] == options
    assert page.find("input", name="answer", value=str(right)).get("checked") is not None
    assert "1" in page.texts("th", scope="row")
    assert not page.find_all("p", id="answered-note")

    data = form_data(deck_id(bank_app, "all"), question=question + " (diperbaiki)", answer=str(right),
                     tags="pidato", **{f"options-{i}": text for i, text in enumerate(options)})
    response = teacher.post(f"/author/cards/{card_id}/edit", data=data)
    assert response.status_code == 303
    card = stored(bank_app, question + " (diperbaiki)")
    assert card.id == card_id and card.edited_at is not None and card.reviewed_by_id is not None
    assert card.version == 2 and card.tags == "pidato" and card.origin == CardOrigin.GENERATED


def test_editing_an_answered_card_says_how_many_answered_and_lists_versions(
    bank_app: Flask, teacher: FlaskClient, bank_accounts
) -> None:
    card_id, question, options, right = generated_card(bank_app)
    with bank_app.app_context():
        for name in ("ayu", "budi"):
            user = bank_accounts.create(name)
            db.session.add(Answer(user_id=user, card_id=card_id, chosen_position=right, correct=True,
                                  time_taken_ms=None, card_version=1))
        db.session.commit()
    data = form_data(deck_id(bank_app, "all"), question="Siapa yang berkata begitu?", answer=str(right),
                     **{f"options-{i}": text for i, text in enumerate(options)})
    response = teacher.post(f"/author/cards/{card_id}/edit", data=data)
    assert "Question saved as version 2" in teacher.get(response.location).get_data(as_text=True)
    page = Page.of(teacher.get(f"/author/cards/{card_id}/edit"))
    assert page.text("answered-note") == (
        "2 students answered this question; their answers keep the version they saw."
    )
    assert page.texts("th", scope="row") == ["1", "2"]
    history = page.text("version-history")
    assert question in history and "Siapa yang berkata begitu?" in history and "until" in history


def test_an_unknown_card_is_404(teacher: FlaskClient) -> None:
    assert teacher.get("/author/cards/nope/edit").status_code == 404
    assert teacher.post("/author/cards/nope/remove").status_code == 404


def test_removing_a_fresh_authored_card_deletes_it(bank_app: Flask, teacher: FlaskClient) -> None:
    teacher.post("/author/new", data=form_data(deck_id(bank_app, "all")))
    card = stored(bank_app, "Kapan CSTO didirikan?")
    response = teacher.post(f"/author/cards/{card.id}/remove")
    assert response.status_code == 303
    assert "Question deleted: nobody had studied it." in teacher.get(response.location).get_data(as_text=True)
    assert stored(bank_app, "Kapan CSTO didirikan?") is None


def test_removing_a_generated_card_retires_it(bank_app: Flask, teacher: FlaskClient) -> None:
    card_id, question, _options, _right = generated_card(bank_app)
    response = teacher.post(f"/author/cards/{card_id}/remove")
    assert response.status_code == 303
    assert "Question retired" in teacher.get(response.location).get_data(as_text=True)
    assert stored(bank_app, question).status == CardStatus.RETIRED


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/author/new"), ("post", "/author/new"), ("get", "/author/cards/x/edit"),
     ("post", "/author/cards/x/edit"), ("post", "/author/cards/x/remove")],
)
def test_students_are_refused(bank_client: FlaskClient, bank_accounts, method: str, path: str) -> None:
    bank_accounts.login(bank_client, "ayu", "student")
    assert getattr(bank_client, method)(path).status_code == 403


def test_the_editor_form_checks_csrf(bank_app: Flask, teacher: FlaskClient) -> None:
    bank_app.config["WTF_CSRF_ENABLED"] = True
    response = teacher.post("/author/new", data=form_data(deck_id(bank_app, "all")))
    assert response.status_code == 400
    assert stored(bank_app, "Kapan CSTO didirikan?") is None


def test_the_editor_names_origin_and_status_in_the_page_language(bank_app: Flask, teacher: FlaskClient) -> None:
    card_id, *_ = generated_card(bank_app)
    with teacher.session_transaction() as session:
        session["lang"] = "id"
    page = teacher.get(f"/author/cards/{card_id}/edit").get_data(as_text=True)
    assert "Dibuat otomatis · Aktif · " in page  # not the stored values "generated · active"
    assert "generated" not in page and "active ·" not in page
