"""Answers keep the version of the card the student saw, however the card is edited afterwards."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from quizapp.db import db, utcnow
from quizapp.models import Answer, Card, CardRevision, Deck, User
from quizapp.services.bank import editing, revisions
from quizapp.services.bank.editing import CardContent
from quizapp.services.study import answering
from quizapp.services.study import quiz as quiz_service
from tests.web_helpers import Page

CARD_ID = re.compile(r'name="card_id" type="hidden" value="([^"]+)"')


def take_quiz(client: FlaskClient) -> tuple[int, list[str]]:
    """Answer a five-question quiz on every card, always choosing the last option; return the quiz and its cards."""
    response = client.post("/study/decks/all/quiz", data={"count": "5"})
    quiz_id = int(response.headers["Location"].rsplit("/", 1)[1])
    cards = []
    for _ in range(5):
        card_id = CARD_ID.search(client.get(f"/study/quiz/{quiz_id}").get_data(as_text=True)).group(1)
        cards.append(card_id)
        response = client.post(f"/study/quiz/{quiz_id}/answer", data={"card_id": card_id, "choice": "3"})
        assert "/feedback/" in response.location, "the answer counted"
    return quiz_id, cards


def edit_form(app: Flask, card_id: str, **changes: object) -> dict[str, object]:
    with app.app_context():
        card = db.session.get(Card, card_id)
        data: dict[str, object] = {
            "question": card.question,
            "answer": str(card.answer_index),
            "explanation": card.explanation,
            "deck": str(editing.home_deck(card).id),
            "tags": card.tags,
            "language": card.language,
            "publish": "Publish",
        }
        data.update({f"options-{i}": text for i, text in enumerate(card.options)})
    data.update(changes)
    return data


def card_state(app: Flask, card_id: str) -> tuple[int, list[tuple[int, str]], str]:
    with app.app_context():
        db.session.remove()
        card = db.session.get(Card, card_id)
        return card.version, [(r.version, r.question) for r in card.revisions], card.tags


@pytest.fixture
def clients(bank_app: Flask, bank_client: FlaskClient, bank_accounts) -> tuple[FlaskClient, FlaskClient]:
    bank_accounts.login(bank_client, "ayu", "student")
    teacher = bank_app.test_client()
    bank_accounts.login(teacher, "teacher", "instructor")
    return bank_client, teacher


def test_the_result_and_feedback_pages_show_the_version_the_student_answered(
    bank_app: Flask, clients: tuple[FlaskClient, FlaskClient]
) -> None:
    student, teacher = clients
    quiz_id, cards = take_quiz(student)
    card_id = cards[0]
    with bank_app.app_context():
        card = db.session.get(Card, card_id)
        old_question, old_chosen = card.question, card.options[3]
        old_right = card.options[card.answer_index]
    new = {"question": "Pertanyaan yang sudah diubah?", "options-3": "Pilihan baru sama sekali",
           "explanation": "Penjelasan baru."}
    response = teacher.post(f"/author/cards/{card_id}/edit", data=edit_form(bank_app, card_id, **new))
    assert response.status_code == 303

    result = student.get(f"/study/quiz/{quiz_id}/result").get_data(as_text=True)
    assert str(escape(old_question)) in result and "Pertanyaan yang sudah diubah?" not in result
    assert "Pilihan baru sama sekali" not in result
    if old_chosen != old_right:
        assert str(escape(old_chosen)) in result

    feedback = Page.of(student.get(f"/study/quiz/{quiz_id}/feedback/1"))
    assert feedback.texts("h1") == [" ".join(old_question.split())]
    assert " ".join(old_chosen.split()) in feedback.texts("span", **{"class": "card-choice-text"})
    assert "Penjelasan baru." not in " ".join(feedback.texts("p"))

    assert card_state(bank_app, card_id)[:2] == (2, [(1, old_question)])


def test_answers_record_the_version_and_a_revision_is_written_once_per_version(
    bank_app: Flask, clients: tuple[FlaskClient, FlaskClient]
) -> None:
    student, teacher = clients
    _quiz_id, cards = take_quiz(student)
    card_id = cards[0]
    teacher.post(f"/author/cards/{card_id}/edit", data=edit_form(bank_app, card_id, question="Versi dua?"))
    teacher.post(f"/author/cards/{card_id}/edit", data=edit_form(bank_app, card_id, question="Versi tiga?"))
    version, kept, _tags = card_state(bank_app, card_id)
    assert version == 3 and [v for v, _q in kept] == [1], "version 2 was never answered, so it is not kept"

    with bank_app.app_context():  # the card asked again, at version 3, in a quiz of its own
        card = db.session.get(Card, card_id)
        solo = Deck(slug="solo", title="Solo", cards=[card])
        db.session.add(solo)
        db.session.commit()
        user_id = db.session.scalar(sa.select(Answer.user_id).where(Answer.card_id == card_id))
        quiz = quiz_service.start_quiz(user_id, solo.id, count=1)
        recorded = quiz_service.answer(quiz, card_id, 0, utcnow())
        assert recorded.answer.card_version == 3
    teacher.post(f"/author/cards/{card_id}/edit", data=edit_form(bank_app, card_id, question="Versi empat?"))
    teacher.post(f"/author/cards/{card_id}/edit", data=edit_form(bank_app, card_id, question="Versi lima?"))
    version, kept, _tags = card_state(bank_app, card_id)
    assert version == 5 and kept == [(1, kept[0][1]), (3, "Versi tiga?")]


def test_changing_only_tags_or_deck_keeps_the_version(
    bank_app: Flask, clients: tuple[FlaskClient, FlaskClient]
) -> None:
    student, teacher = clients
    _quiz_id, cards = take_quiz(student)
    card_id = cards[0]
    with bank_app.app_context():
        all_deck = db.session.scalar(sa.select(Card).where(Card.id == card_id)).decks[0]
        assert all_deck.slug == "all"
    teacher.post(f"/author/cards/{card_id}/edit", data=edit_form(bank_app, card_id, tags="Sejarah, CSTO"))
    assert card_state(bank_app, card_id) == (1, [], "csto sejarah")
    teacher.post(f"/author/cards/{card_id}/edit", data=edit_form(bank_app, card_id, deck=str(all_deck.id)))
    assert card_state(bank_app, card_id)[:2] == (1, [])


def test_an_answer_from_before_versions_sees_version_one(bank_app: Flask, bank_accounts) -> None:
    student = bank_accounts.create("ayu")
    teacher = bank_accounts.create("teacher", "instructor")
    with bank_app.app_context():
        card = db.session.scalars(sa.select(Card).order_by(Card.id)).first()
        old = revisions.current(card)
        answer = Answer(user_id=student, card_id=card.id, chosen_position=1, correct=False, time_taken_ms=None,
                        card_version=None)
        db.session.add(answer)
        db.session.commit()
        assert revisions.version_seen(answer) == old
        content = CardContent("Baru?", tuple(f"{o}!" for o in card.options), card.answer_index or 0, "")
        outcome = editing.update_card(card, content, editor_id=teacher)
        assert outcome.revision_written and card.version == 2
        seen = revisions.version_seen(answer)
        assert (seen.question, seen.options, seen.answer_index, seen.version) == (
            old.question, old.options, old.answer_index, 1
        )
        assert seen.option(1) == old.options[1] and seen.right_text == old.options[old.answer_index]
        new_answer = Answer(user_id=student, card_id=card.id, chosen_position=0, correct=False, time_taken_ms=None,
                            card_version=2)
        db.session.add(new_answer)
        db.session.commit()
        assert revisions.versions_seen([answer, new_answer])[new_answer.id].question == "Baru?"


def test_a_revision_missing_for_an_old_answer_falls_back_to_the_current_text(bank_app: Flask, bank_accounts) -> None:
    student = bank_accounts.create("ayu")
    with bank_app.app_context():
        card = db.session.scalars(sa.select(Card).order_by(Card.id)).first()
        card.version = 3
        answer = Answer(user_id=student, card_id=card.id, chosen_position=0, correct=True, time_taken_ms=None,
                        card_version=2)
        db.session.add(answer)
        db.session.commit()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(CardRevision)) == 0
        assert revisions.version_seen(answer).question == card.question


def test_a_review_answer_records_the_cards_version(bank_app: Flask, bank_accounts) -> None:
    from quizapp.services.study import review as review_service

    student = bank_accounts.create("ayu")
    with bank_app.app_context():
        user = db.session.get(User, student)
        now = utcnow()
        item = review_service.next_card(user, None, now)
        db.session.get_one(Card, item.card.id).version = 4  # the card's row: next_card shows its plain values
        db.session.commit()
        token = review_service.present(user.id, item, review_service.Mode.CHOICE, now)
        result = answering.answer_card(user, item.card.id, 0, token, now)
        assert db.session.get(Answer, result.answer_id).card_version == 4
