"""Type the answer: the review pages through the test client, on the seed bank and a fixed clock."""

from __future__ import annotations

import re
from datetime import timedelta

import fsrs
import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quizapp.db import db
from quizapp.models import Answer, Card, CardStatus, ReviewLog, User
from quizapp.services.study import answering, tokens
from quizapp.services.study.outcomes import Mode
from tests.test_review import NOW, hidden_fields
from tests.web_helpers import Clock, Page


@pytest.fixture
def clock(bank_app: Flask) -> Clock:
    clock = Clock(NOW)
    bank_app.config["QUIZAPP_CLOCK"] = clock
    return clock


@pytest.fixture
def student(bank_client: FlaskClient, bank_accounts, clock: Clock) -> int:  # type: ignore[no-untyped-def]
    """Log the client in as a student and return the student's id."""
    return bank_accounts.login(bank_client, "siti")


def typed_page(client: FlaskClient, query: str = "") -> tuple[str, dict[str, str]]:
    response = client.get(f"/study/review?mode=typed{query}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    return page, hidden_fields(page)


def send(client: FlaskClient, fields: dict[str, str], text: str) -> str:
    """Type text, send it, follow to the feedback and return its page."""
    response = client.post("/study/review/typed", data=fields | {"typed": text})
    assert response.status_code == 302
    assert "/study/review/feedback/" in response.location
    return client.get(response.location).get_data(as_text=True)


def right_answer(app: Flask, card_id: str) -> str:
    with app.app_context():
        card = db.session.get_one(Card, card_id)
        return card.options[card.answer_index]


def stored(app: Flask, user_id: int) -> tuple[Answer, ReviewLog]:
    with app.app_context():
        db.session.remove()
        answer = db.session.scalars(sa.select(Answer).where(Answer.user_id == user_id).order_by(Answer.id)).all()[-1]
        log = db.session.scalar(sa.select(ReviewLog).where(ReviewLog.answer_id == answer.id))
        db.session.expunge_all()
        return answer, log


def member_card(app: Flask, answer: str) -> str:
    with app.app_context():
        cards = db.session.scalars(
            sa.select(Card).where(Card.kind == "member", Card.negated.is_(False), Card.status == CardStatus.ACTIVE)
        ).all()
        return next(card.id for card in cards if card.options[card.answer_index] == answer)


def test_the_typed_question_has_a_labelled_text_field_and_no_option_buttons(
    bank_client: FlaskClient, student: int
) -> None:
    page, fields = typed_page(bank_client)
    assert fields["mode"] == "typed"
    assert 'name="choice"' not in page
    parsed = Page(page)
    field = parsed.find("input", name="typed")
    assert field["id"] == "typed-answer" and "data-autofocus" in field
    assert parsed.find("label", **{"for": "typed-answer"})
    assert parsed.find("form", action="/study/review/typed")
    # the mode switch names the mode the page is in
    assert 'aria-current="page">Type the answer</a>' in page


def test_a_right_typed_answer_in_other_case_is_right_and_rated_easy_when_fast(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    _page, fields = typed_page(bank_client)
    answer = right_answer(bank_app, fields["card_id"])
    clock.tick(seconds=3)
    feedback = send(bank_client, fields, f"  {answer.upper()} ")
    assert "Right!" in feedback
    assert "Scored “Easy”, answered in 3.0 seconds." in feedback
    # the card's sources are on the feedback, as after a multiple-choice answer
    assert 'class="card-sources"' in feedback
    stored_answer, log = stored(bank_app, student)
    assert (stored_answer.typed_text, stored_answer.correct) == (answer.upper(), True)
    assert stored_answer.time_taken_ms == 3000
    assert log.rating == fsrs.Rating.Easy
    # the next question stays in typed mode
    assert 'href="/study/review?mode=typed"' in feedback


@pytest.mark.parametrize(
    ("typed", "seconds", "rating"),
    [
        ("Kirgizstan", 8.0, fsrs.Rating.Easy),  # 5 s and 0.3 s a letter: 8 s for ten letters
        ("Kirgizstan", 8.1, fsrs.Rating.Good),
        ("Kirgizstan", 400, fsrs.Rating.Good),  # away
        ("Kirgizstn", 2, fsrs.Rating.Hard),
        ("Turkmenistan", 2, fsrs.Rating.Again),
        ("Kazakstan", 2, fsrs.Rating.Good),  # another member of the CSTO, in the seeds' other spelling
    ],
)
def test_typed_answers_are_rated_on_the_server_clock(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock,
    typed: str, seconds: float, rating: fsrs.Rating,
) -> None:
    card_id = member_card(bank_app, "Kirgizstan")
    with bank_app.test_request_context():
        user = db.session.get_one(User, student)
        token = tokens.sign(tokens.Presented(student, card_id, Mode.TYPED, None, NOW))
        answering.answer_typed(user, card_id, typed, token, NOW + timedelta(seconds=seconds))
    answer, log = stored(bank_app, student)
    assert (answer.time_taken_ms, log.rating) == (int(seconds * 1000), rating)


def test_a_wrong_typed_answer_shows_the_difference_in_marks_and_words(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    _page, fields = typed_page(bank_client)
    answer = right_answer(bank_app, fields["card_id"])
    feedback = send(bank_client, fields, "Zanzibar")
    assert "Wrong." in feedback
    assert "<del" in feedback and "<ins" in feedback
    assert "(typed, not in the answer:" in feedback and "(missing:" in feedback
    assert "Struck through: typed but not in the answer." in feedback
    assert f'<span class="card-answer-text" lang="id">{answer}</span>' in feedback
    stored_answer, log = stored(bank_app, student)
    assert (stored_answer.correct, stored_answer.chosen_position, log.rating) == (False, None, fsrs.Rating.Again)


def test_empty_means_i_do_not_know(bank_app: Flask, bank_client: FlaskClient, student: int) -> None:
    _page, fields = typed_page(bank_client)
    feedback = send(bank_client, fields, "")
    assert "Wrong." in feedback and "nothing" in feedback


def test_a_typed_answer_counts_once(bank_app: Flask, bank_client: FlaskClient, student: int) -> None:
    _page, fields = typed_page(bank_client)
    answer = right_answer(bank_app, fields["card_id"])
    send(bank_client, fields, answer)
    again = bank_client.post("/study/review/typed", data=fields | {"typed": "something else"})
    assert again.status_code == 302
    with bank_app.app_context():
        db.session.remove()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewLog)) == 1


def test_a_multiple_choice_token_cannot_answer_by_typing(bank_client: FlaskClient, student: int) -> None:
    page = bank_client.get("/study/review").get_data(as_text=True)
    fields = hidden_fields(page) | {"typed": "x"}
    response = bank_client.post("/study/review/typed", data=fields, follow_redirects=True)
    assert "The question form was incomplete or changed" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("answer", "typed", "rating", "note"),
    [
        ("Kirgizstan", "Kyrgyzstan", fsrs.Rating.Easy, "Accepted: Kirgizstan is also written Kyrgyzstan."),
        ("Kirgizstan", "kirgistan", fsrs.Rating.Easy, "Accepted: Kirgizstan is also written Kirgistan."),
        ("Belarus", "Belarusia", fsrs.Rating.Easy, "Accepted: Belarus is also written Belarusia."),
        ("Kirgizstan", "Kirgizstn", fsrs.Rating.Hard, "Counted as right, with a typo: you meant Kirgizstan."),
        ("Kirgizstan", "Tajikistan", fsrs.Rating.Good, "Accepted: Tajikistan is right too, by the articles"),
        ("Kirgizstan", "Uzbekistan", fsrs.Rating.Again, "Wrong."),
    ],
)
def test_the_seeds_spellings_through_the_service_and_the_feedback_page(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock,
    answer: str, typed: str, rating: fsrs.Rating, note: str,
) -> None:
    card_id = member_card(bank_app, answer)
    with bank_app.test_request_context():
        user = db.session.get_one(User, student)
        token = tokens.sign(tokens.Presented(student, card_id, Mode.TYPED, None, NOW))
        result = answering.answer_typed(user, card_id, typed, token, NOW + timedelta(seconds=4))
    assert result.applied
    assert stored(bank_app, student)[1].rating == rating
    page = bank_client.get(f"/study/review/feedback/{result.answer_id}").get_data(as_text=True)
    assert note in re.sub(r"\s+", " ", page)


def test_the_deck_page_offers_typed_review_and_the_pages_speak_indonesian(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    deck = bank_client.get("/study/decks/all").get_data(as_text=True)
    assert 'href="/study/review?deck=all&amp;mode=typed"' in deck
    card_id = member_card(bank_app, "Belarus")
    with bank_app.test_request_context():
        user = db.session.get_one(User, student)
        token = tokens.sign(tokens.Presented(student, card_id, Mode.TYPED, None, NOW))
        result = answering.answer_typed(user, card_id, "belarusia", token, NOW + timedelta(seconds=4))
    headers = {"Accept-Language": "id"}
    page = bank_client.get(f"/study/review/feedback/{result.answer_id}", headers=headers).get_data(as_text=True)
    assert "Diterima: Belarus juga ditulis Belarusia." in page
    question = bank_client.get("/study/review?mode=typed", headers=headers).get_data(as_text=True)
    assert "Ketik jawaban" in question and "0,3 detik per huruf" in question
