"""The review pages, through the test client, on the seed bank and a fixed clock."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from quizapp.db import db
from quizapp.models import Answer, Card, CardStatus, Deck, ReviewLog, User
from tests.web_helpers import Clock

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock(bank_app: Flask) -> Clock:
    clock = Clock(NOW)
    bank_app.config["QUIZAPP_CLOCK"] = clock
    return clock


@pytest.fixture
def student(bank_client: FlaskClient, bank_accounts, clock: Clock) -> int:
    """Log the client in as a student and return the student's id."""
    return bank_accounts.login(bank_client, "siti")


def hidden_fields(page: str) -> dict[str, str]:
    return {
        name: html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page)
    }


def card_of(app: Flask, card_id: str) -> tuple[str, int, list[str], list[str]]:
    """Return a card's question, right position, option texts and source sentences."""
    with app.app_context():
        card = db.session.get(Card, card_id)
        return card.question, card.answer_index, card.options, [source.sentence for source in card.sources]


def answer(client: FlaskClient, page: str, choice: int | str, **changes: str) -> TestResponse:
    return client.post("/study/review/answer", data=hidden_fields(page) | {"choice": str(choice)} | changes)


def count(app: Flask, model: type, **where: object) -> int:
    with app.app_context():
        stmt = sa.select(sa.func.count()).select_from(model)
        for name, value in where.items():
            stmt = stmt.where(getattr(model, name) == value)
        return db.session.scalar(stmt)


def test_anonymous_users_are_sent_to_log_in(bank_client: FlaskClient) -> None:
    for response in (
        bank_client.get("/study/review"),
        bank_client.post("/study/review/answer", data={}),
        bank_client.get("/study/review/feedback/1"),
        bank_client.get("/study/review/reveal"),
        bank_client.post("/study/review/rate", data={}),
    ):
        assert response.status_code == 302
        assert "/auth/login" in response.location


def test_the_question_page_gives_no_hint_of_the_right_answer(bank_client: FlaskClient, student: int) -> None:
    response = bank_client.get("/study/review")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    buttons = re.findall(r"<button type=\"submit\" name=\"choice\".*?</button>", page, re.S)
    assert len(buttons) >= 3
    # every option has the same markup but for its position and text
    shapes = {re.sub(r'value="\d+"|>[^<>]*</span>', "", button) for button in buttons}
    assert len(shapes) == 1
    for word in ("correct", "is-right", "Right answer", "explanation", "Why"):
        assert word not in page
    assert page.count("data-choice") == len(buttons)
    assert "How answers are scored" in page



def test_the_answer_time_is_written_as_the_language_writes_decimals(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    with bank_client.session_transaction() as session:
        session["lang"] = "id"
    page = bank_client.get("/study/review").get_data(as_text=True)
    _question, right, _options, _sentences = card_of(bank_app, hidden_fields(page)["card_id"])
    clock.tick(seconds=0.5)

    feedback = bank_client.get(answer(bank_client, page, right).location).get_data(as_text=True)

    assert "dijawab dalam 0,5 detik" in feedback  # not "0.5 detik"


def test_answering_shows_the_right_answer_explanation_and_source(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    page = bank_client.get("/study/review").get_data(as_text=True)
    card_id = hidden_fields(page)["card_id"]
    question, right, options, sentences = card_of(bank_app, card_id)
    wrong = (right + 1) % len(options)
    clock.tick(seconds=6)

    response = answer(bank_client, page, wrong)
    assert response.status_code == 302
    match = re.fullmatch(r"/study/review/feedback/(\d+)", response.location)
    assert match
    feedback = bank_client.get(response.location).get_data(as_text=True)
    assert "Wrong." in feedback
    right_text = html.escape(options[right])
    assert f'The right answer is: <span class="card-answer-text" lang="id">{right_text}</span>' in feedback
    assert "Your answer" in feedback
    for sentence in sentences:
        assert html.escape(sentence) in feedback
    # the source links to its whole article, not to a file name
    assert re.search(r'<a class="card-article-link" href="/study/articles/\d+\?card=[^"]+">Read the whole article</a>',
                     feedback)
    assert "You will see this card again in 1 minute." in feedback
    assert "Scored “Again”, answered in 6.0 seconds." in feedback
    assert 'href="/study/review" data-next>' in feedback
    assert re.search(r'<div id="verdict" [^>]*data-autofocus>', feedback)

    with bank_app.app_context():
        stored = db.session.get(Answer, int(match.group(1)))
        assert (stored.card_id, stored.chosen_position, stored.correct, stored.time_taken_ms) == (
            card_id, wrong, False, 6000)
        assert stored.session_id is None


def test_a_right_answer_says_so_and_when_the_card_returns(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    page = bank_client.get("/study/review").get_data(as_text=True)
    right = card_of(bank_app, hidden_fields(page)["card_id"])[1]
    clock.tick(seconds=2)
    feedback = bank_client.get(answer(bank_client, page, right).location).get_data(as_text=True)
    assert "Right!" in feedback
    # Right within 2 s on a new card: Good, back in FSRS's 10-minute learning step, not Easy and 8 days away,
    # since one time in four a guess is right too (issue 12).
    assert "You will see this card again in 10 minutes" in feedback
    assert "Scored “Good”" in feedback


def test_a_double_submit_or_the_back_button_counts_once(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    page = bank_client.get("/study/review").get_data(as_text=True)
    clock.tick(seconds=8)
    first = answer(bank_client, page, 0)
    clock.tick(seconds=1)
    second = answer(bank_client, page, 1)
    assert second.status_code == 302 and second.location == first.location
    assert "only your first answer counts" in bank_client.get(second.location).get_data(as_text=True)
    assert count(bank_app, Answer) == count(bank_app, ReviewLog) == 1


def test_another_students_feedback_is_not_found(
    bank_app: Flask, bank_client: FlaskClient, bank_accounts, student: int
) -> None:
    page = bank_client.get("/study/review").get_data(as_text=True)
    location = answer(bank_client, page, 0).location
    assert bank_client.get(location).status_code == 200

    other = bank_app.test_client()
    bank_accounts.login(other, "budi")
    response = other.get(location)
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)
    assert bank_client.get("/study/review/feedback/99999").status_code == 404


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"token": "tampered"}, "The question form was incomplete or changed"),
        ({"token": ""}, "The question form was incomplete or changed"),
        ({"card_id": "no-such-card"}, "That question does not exist"),
        ({"choice": "9"}, "Please choose one of the options."),
        ({"choice": "first"}, "Please choose one of the options."),
        ({"deck": "no-such-deck"}, "There is no deck “no-such-deck”"),
    ],
)
def test_bad_answers_get_a_clear_message_and_count_nothing(
    bank_app: Flask, bank_client: FlaskClient, student: int, changes: dict[str, str], message: str
) -> None:
    page = bank_client.get("/study/review").get_data(as_text=True)
    fields = hidden_fields(page) | {"choice": "0"}
    if changes.get("token") == "tampered":
        changes = {"token": fields["token"][:-3] + "abc"}
    response = bank_client.post("/study/review/answer", data=fields | changes, follow_redirects=True)
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.escape(message, quote=False) in text or message in text
    assert "Traceback" not in text
    assert count(bank_app, Answer) == count(bank_app, ReviewLog) == 0


def test_an_expired_question_must_be_answered_again(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    page = bank_client.get("/study/review").get_data(as_text=True)
    clock.tick(hours=13)
    text = bank_client.post(
        "/study/review/answer", data=hidden_fields(page) | {"choice": "0"}, follow_redirects=True
    ).get_data(as_text=True)
    assert "That question was shown too long ago" in text
    assert count(bank_app, Answer) == 0


def test_a_retired_card_is_not_counted(bank_app: Flask, bank_client: FlaskClient, student: int) -> None:
    page = bank_client.get("/study/review").get_data(as_text=True)
    card_id = hidden_fields(page)["card_id"]
    with bank_app.app_context():
        db.session.get(Card, card_id).status = CardStatus.RETIRED
        db.session.commit()
    text = answer(bank_client, page, 0).location
    followed = bank_client.get(text).get_data(as_text=True)
    assert "That question has been withdrawn" in followed
    assert f'name="card_id" value="{card_id}"' not in followed


def test_a_deck_keeps_its_cards_and_its_place(bank_app: Flask, bank_client: FlaskClient, student: int) -> None:
    with bank_app.app_context():
        deck = db.session.scalars(sa.select(Deck).where(Deck.article_id.is_not(None)).order_by(Deck.id)).first()
        slug, ids = deck.slug, {card.id for card in deck.cards}
        other_card = db.session.scalars(sa.select(Card.id).where(Card.id.not_in(ids))).first()
    page = bank_client.get(f"/study/review?deck={slug}").get_data(as_text=True)
    fields = hidden_fields(page)
    assert fields["deck"] == slug and fields["card_id"] in ids
    assert "Reviewing:" in page and "all decks" in page

    response = answer(bank_client, page, 0)
    assert response.location.endswith(f"?deck={slug}")
    feedback = bank_client.get(response.location).get_data(as_text=True)
    assert f'href="/study/review?deck={slug}" data-next' in feedback

    page = bank_client.get(f"/study/review?deck={slug}").get_data(as_text=True)
    text = answer(bank_client, page, 0, card_id=other_card).location
    assert "That question is not in this deck" in bank_client.get(text).get_data(as_text=True)


def test_an_unknown_deck_or_mode_in_the_address_gets_a_message(bank_client: FlaskClient, student: int) -> None:
    text = bank_client.get("/study/review?deck=nope", follow_redirects=True).get_data(as_text=True)
    assert "There is no deck “nope”" in text
    text = bank_client.get("/study/review?mode=essay", follow_redirects=True).get_data(as_text=True)
    assert "Unknown review mode" in text


def test_the_mode_switch_follows_the_deck_the_mode_the_language_and_the_sites_root(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    # The switch is rendered once per language, root, deck and mode (quizapp.study.review._review_modes).
    bank_app.jinja_env.auto_reload = False  # as in production, where the rendered switch is kept
    with bank_app.app_context():
        slug = db.session.scalars(sa.select(Deck.slug).order_by(Deck.id)).first()

    def switch(address: str, root: str = "") -> str:
        page = bank_client.get(address, base_url=f"http://localhost{root}").get_data(as_text=True)
        return re.search(r'<nav class="review-modes".*?</nav>', page, re.S).group(0)

    assert '<a href="/study/review" aria-current="page">Multiple choice</a>' in switch("/study/review")
    typed = switch("/study/review?mode=typed")
    assert '<a href="/study/review" >Multiple choice</a>' in typed
    assert '<a href="/study/review?mode=typed" aria-current="page">Type the answer</a>' in typed
    in_deck = switch(f"/study/review?deck={slug}&mode=flashcard")
    assert f'<a href="/study/review?deck={slug}&amp;mode=flashcard" aria-current="page">Flashcards</a>' in in_deck
    assert '<a href="/quiz/study/review" aria-current="page">' in switch("/study/review", root="/quiz")
    bank_client.post("/language", data={"lang": "id", "next": "/study/review"})
    assert '<a href="/study/review" aria-current="page">Pilihan ganda</a>' in switch("/study/review")


def test_flashcards_reveal_the_answer_then_take_a_rating(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    page = bank_client.get("/study/review?mode=flashcard").get_data(as_text=True)
    assert "data-choice" not in page and "Show answer" in page
    assert 'aria-current="page">Flashcards' in page
    fields = hidden_fields(page)
    question, right, options, sentences = card_of(bank_app, fields["card_id"])
    assert "Right answer" not in page and "review-answer" not in page

    clock.tick(seconds=5)
    response = bank_client.get("/study/review/reveal", query_string=fields)
    reveal = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert f'<p class="card-answer-text" lang="id">{html.escape(options[right])}</p>' in reveal
    for sentence in sentences:
        assert html.escape(sentence) in reveal
    for value, name in enumerate(("Again", "Hard", "Good", "Easy"), start=1):
        assert re.search(rf'data-rating="{value}"[^>]*>\s*<span class="review-rating-name">{name}</span>', reveal)
    assert re.search(r'review-rating-interval" aria-hidden="true">\d+(m|d)<', reveal)
    assert "(next review in 1 minute)" in reveal
    # each button's short interval and the words a screen reader says are the same interval ("8d" was "1 week")
    shown = re.findall(r'review-rating-interval" aria-hidden="true">(\d+)([a-z]+)<', reveal)
    said = re.findall(r"\(next review in (\d+) ([a-z]+)\)", reveal)
    assert len(shown) == len(said) == 4
    units = {"m": "minute", "h": "hour", "d": "day", "mo": "month", "y": "year"}
    assert [(n, units[unit]) for n, unit in shown] == [(n, word.removesuffix("s")) for n, word in said]

    clock.tick(seconds=3)
    rated = bank_client.post("/study/review/rate", data=hidden_fields(reveal) | {"rating": "3"})
    assert rated.status_code == 302 and rated.location == "/study/review?mode=flashcard"
    assert "Rated Good: you will see this card again in" in bank_client.get(rated.location).get_data(as_text=True)
    with bank_app.app_context():
        log = db.session.scalars(sa.select(ReviewLog)).one()
        assert (log.rating, log.answer_id, log.review_duration_ms) == (3, None, 8000)

    again = bank_client.post("/study/review/rate", data=hidden_fields(reveal) | {"rating": "1"}, follow_redirects=True)
    assert "only your first rating counts" in again.get_data(as_text=True)
    revisit = bank_client.get("/study/review/reveal", query_string=fields, follow_redirects=True)
    assert "only your first rating counts" in revisit.get_data(as_text=True)
    assert count(bank_app, ReviewLog) == 1


@pytest.mark.parametrize(
    ("rating", "token_change", "message"),
    [
        ("7", None, "Please rate the card with Again, Hard, Good or Easy."),
        ("", None, "Please rate the card with Again, Hard, Good or Easy."),
        ("3", lambda token: token[:-2] + "zz", "The question form was incomplete or changed"),
    ],
)
def test_bad_ratings_get_a_clear_message(
    bank_app: Flask, bank_client: FlaskClient, student: int, rating: str,
    token_change: Callable[[str], str] | None, message: str,
) -> None:
    fields = hidden_fields(bank_client.get("/study/review?mode=flashcard").get_data(as_text=True))
    if token_change:
        fields["token"] = token_change(fields["token"])
    response = bank_client.post("/study/review/rate", data=fields | {"rating": rating}, follow_redirects=True)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert count(bank_app, ReviewLog) == 0


def test_a_tampered_reveal_link_gets_a_message(bank_client: FlaskClient, student: int) -> None:
    fields = hidden_fields(bank_client.get("/study/review?mode=flashcard").get_data(as_text=True))
    response = bank_client.get("/study/review/reveal", query_string=fields | {"token": "x"}, follow_redirects=True)
    text = response.get_data(as_text=True)
    assert response.status_code == 200 and "The question form was incomplete or changed" in text
    assert "card-answer-text" not in text


def test_when_nothing_is_due_the_page_says_when_the_next_card_is(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    with bank_app.app_context():
        deck = db.session.scalars(sa.select(Deck).where(Deck.article_id.is_not(None)).order_by(Deck.id)).first()
        slug, size = deck.slug, len([card for card in deck.cards if card.status == CardStatus.ACTIVE])
        db.session.get(User, student).daily_new_limit = max(size, 20)  # the whole deck is new today
        db.session.commit()
    for _ in range(size):
        page = bank_client.get(f"/study/review?deck={slug}").get_data(as_text=True)
        fields = hidden_fields(page)
        right = card_of(bank_app, fields["card_id"])[1]
        clock.tick(seconds=2)
        assert answer(bank_client, page, right).status_code == 302
    page = bank_client.get(f"/study/review?deck={slug}").get_data(as_text=True)
    assert "Nothing to review right now" in page
    # a right answer on a new card is Good, so the first card answered comes back after the 10-minute step
    assert re.search(r"Your next card is ready in \d+ minutes \(\d+ [A-Z][a-z]+ 2026, \d\d:\d\d UTC\)\.", page)
    assert "data-choice" not in page


def test_the_daily_new_card_limit_ends_the_day(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    with bank_app.app_context():
        db.session.get(User, student).daily_new_limit = 1
        db.session.commit()
    # Two right answers, the second at the end of the 10-minute learning step, put the one new card away for days
    # (one quick right answer is no longer Easy: it may be a guess).
    for wait in (0, 10):
        clock.tick(minutes=wait)
        page = bank_client.get("/study/review").get_data(as_text=True)
        clock.tick(seconds=2)
        answer(bank_client, page, card_of(bank_app, hidden_fields(page)["card_id"])[1])
    page = bank_client.get("/study/review").get_data(as_text=True)
    assert "All done for today" in page
    assert "You have met today’s 1 new card." in page
    assert "Your next card is ready in 19 hours (25 Nov 2026, 04:00 UTC)." in page


def test_the_page_forms_carry_a_csrf_token(bank_app: Flask, bank_client: FlaskClient, student: int) -> None:
    bank_app.config["WTF_CSRF_ENABLED"] = True
    page = bank_client.get("/study/review").get_data(as_text=True)
    assert answer(bank_client, page, 0, csrf_token="forged").status_code == 400
    assert answer(bank_client, page, 0).status_code == 302
    assert count(bank_app, Answer) == 1
