"""The student's controls, through the test client on the seed bank and a fixed clock: undo the last rating,
suspend, unsuspend and bury a card."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from quizapp.db import db
from quizapp.models import Answer, Card, Deck, HeldCard, QuizSession, ReviewLog, ReviewState, User
from quizapp.services.study import holds, undo
from quizapp.services.study.deck_counts import deck_counts
from quizapp.services.study.queue import next_card, queue_status
from tests.web_helpers import Clock, as_next_request

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
NEXT_DAY = datetime(2026, 11, 25, 4, 0, tzinfo=UTC)  # the next day's start: 04:00 for a student with no zone yet (UTC)
FSRS_FIELDS = ("state", "step", "stability", "difficulty", "due", "last_review")


@pytest.fixture
def clock(bank_app: Flask) -> Clock:
    clock = Clock(NOW)
    bank_app.config["QUIZAPP_CLOCK"] = clock
    return clock


@pytest.fixture
def student(bank_client: FlaskClient, bank_accounts, clock: Clock) -> int:
    return bank_accounts.login(bank_client, "siti")


def hidden_fields(page: str, action: str = "/study/review/answer") -> dict[str, str]:
    """Return the hidden fields of the form posting to action."""
    form = re.search(rf'<form method="post" action="{re.escape(action)}".*?</form>', page, re.S)
    assert form, action
    return {
        name: html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form.group(0))
    }


def question_page(client: FlaskClient, path: str = "/study/review") -> tuple[str, str]:
    """Return the review page and the card it asks."""
    page = client.get(path).get_data(as_text=True)
    card_id = re.search(r'name="card_id" value="([^"]+)"', page)
    assert card_id, page
    return page, card_id.group(1)


def answer(client: FlaskClient, page: str, choice: int) -> TestResponse:
    return client.post("/study/review/answer", data=hidden_fields(page) | {"choice": str(choice)})


def right_position(app: Flask, card_id: str) -> int:
    with app.app_context():
        return db.session.get_one(Card, card_id).answer_index


def schedule(app: Flask, user_id: int, card_id: str) -> tuple | None:
    """Return the card's FSRS fields in the user's schedule, None when the card is new to them."""
    with app.app_context():
        db.session.remove()
        state = db.session.scalar(
            sa.select(ReviewState).where(ReviewState.user_id == user_id, ReviewState.card_id == card_id)
        )
        return None if state is None else tuple(getattr(state, name) for name in FSRS_FIELDS)


def rows(app: Flask, model: type, **where: object) -> int:
    with app.app_context():
        db.session.remove()
        stmt = sa.select(sa.func.count()).select_from(model)
        for name, value in where.items():
            stmt = stmt.where(getattr(model, name) == value)
        return db.session.scalar(stmt)


def input_value(page: str, name: str) -> str:
    """Return the value of the page's input with this name, whatever the order of its attributes."""
    tag = re.search(rf'<input[^>]*\bname="{name}"[^>]*>', page)
    assert tag, name
    return html.unescape(re.search(r'value="([^"]*)"', tag.group(0)).group(1))


def undo_action(page: str) -> str:
    match = re.search(r'action="(/study/review/undo/\d+)"', page)
    assert match, "no undo offered"
    return match.group(1)


def flashes(client: FlaskClient) -> str:
    with client.session_transaction() as session:
        return " ".join(message for _, message in session.pop("_flashes", []))


def review_twice(app: Flask, client: FlaskClient, user_id: int, clock: Clock) -> tuple[str, tuple, TestResponse]:
    """Meet a new card (right), come back when it is due and answer it wrong; return the card, its schedule
    after the first review and the second answer's response."""
    page, card_id = question_page(client)
    clock.tick(seconds=8)
    answer(client, page, right_position(app, card_id))
    first = schedule(app, user_id, card_id)
    clock.now = first[4]  # its due
    page, again = question_page(client, f"/study/review?again={card_id}")
    assert again == card_id
    clock.tick(seconds=3)
    response = answer(client, page, (right_position(app, card_id) + 1) % 4)
    assert schedule(app, user_id, card_id) != first
    return card_id, first, response


# --- undo ----------------------------------------------------------------------------------------------------


def test_undo_restores_the_schedule_exactly_and_asks_the_card_again(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    card_id, first, response = review_twice(bank_app, bank_client, student, clock)
    feedback = bank_client.get(response.location).get_data(as_text=True)
    assert "Undo this answer" in feedback and "data-undo" in feedback
    answer_id = int(response.location.rsplit("/", 1)[1])
    assert rows(bank_app, ReviewLog, user_id=student) == 2

    undone = bank_client.post(undo_action(feedback), data=hidden_fields(feedback, undo_action(feedback)))
    assert undone.status_code == 303
    assert undone.location == f"/study/review?again={card_id}"
    assert "Your last rating is undone" in flashes(bank_client)
    assert schedule(bank_app, student, card_id) == first  # state, step, stability, difficulty, due, last_review
    assert rows(bank_app, ReviewLog, user_id=student) == 1
    assert rows(bank_app, Answer, id=answer_id) == 0
    page, shown = question_page(bank_client, undone.location)
    assert shown == card_id and "Due for review" in page


def test_undo_of_a_first_review_makes_the_card_new_again(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    page, card_id = question_page(bank_client)
    deck_id = _all_deck(bank_app)
    before = _counts(bank_app, student, deck_id)
    clock.tick(seconds=4)
    feedback = bank_client.get(answer(bank_client, page, 0).location).get_data(as_text=True)
    assert _counts(bank_app, student, deck_id).new == before.new - 1

    bank_client.post(undo_action(feedback), data={})
    assert schedule(bank_app, student, card_id) is None
    assert rows(bank_app, ReviewLog, user_id=student) == 0
    assert _counts(bank_app, student, deck_id) == before
    assert question_page(bank_client, f"/study/review?again={card_id}")[1] == card_id


def test_a_second_undo_of_the_same_rating_finds_nothing_to_undo(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    card_id, first, response = review_twice(bank_app, bank_client, student, clock)
    action = undo_action(bank_client.get(response.location).get_data(as_text=True))
    bank_client.post(action, data={})
    flashes(bank_client)
    again = bank_client.post(action, data={})
    assert again.status_code == 303
    assert "There is nothing to undo" in flashes(bank_client)
    # the first review, now the latest, stays
    assert schedule(bank_app, student, card_id) == first
    assert rows(bank_app, ReviewLog, user_id=student) == 1


def test_the_next_question_offers_to_undo_the_last_rating_and_the_undone_one_is_asked_first(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    page, card_id = question_page(bank_client)
    assert "data-undo" not in page
    clock.tick(seconds=6)
    answer(bank_client, page, 1)
    page, other = question_page(bank_client)
    assert other != card_id
    assert "Undo your last rating" in page
    response = bank_client.post(undo_action(page), data=hidden_fields(page, undo_action(page)))
    assert question_page(bank_client, response.location)[1] == card_id


def test_a_flashcard_rating_can_be_undone(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    page, card_id = question_page(bank_client, "/study/review?mode=flashcard")
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    rated = bank_client.post("/study/review/rate", data={"card_id": card_id, "token": token, "rating": "3",
                                                           "mode": "flashcard"})
    assert rated.status_code == 302
    page = bank_client.get(rated.location).get_data(as_text=True)
    undone = bank_client.post(undo_action(page), data=hidden_fields(page, undo_action(page)))
    assert undone.location == f"/study/review?again={card_id}&mode=flashcard"
    assert schedule(bank_app, student, card_id) is None


def test_no_one_can_undo_another_students_rating(
    bank_app: Flask, bank_client: FlaskClient, bank_accounts, student: int, clock: Clock
) -> None:
    card_id, _first, response = review_twice(bank_app, bank_client, student, clock)
    action = undo_action(bank_client.get(response.location).get_data(as_text=True))
    after = schedule(bank_app, student, card_id)

    other = bank_app.test_client()
    bank_accounts.login(other, "budi")
    refused = other.post(action, data={})
    assert refused.status_code == 303
    assert "There is nothing to undo" in flashes(other)
    assert schedule(bank_app, student, card_id) == after
    assert rows(bank_app, ReviewLog, user_id=student) == 2
    with bank_app.app_context():
        budi = db.session.scalar(sa.select(User).where(User.username == "budi"))
        assert undo.last_rating(budi, clock.now) is None


def test_only_todays_latest_rating_can_be_undone(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    page, card_id = question_page(bank_client)
    clock.tick(seconds=5)
    action = undo_action(bank_client.get(answer(bank_client, page, 0).location).get_data(as_text=True))
    clock.now = NEXT_DAY
    assert "data-undo" not in bank_client.get("/study/review").get_data(as_text=True)
    bank_client.post(action, data={})
    assert "There is nothing to undo" in flashes(bank_client)
    assert schedule(bank_app, student, card_id) is not None


def test_undoing_a_quiz_answer_keeps_the_answer_and_takes_back_its_effect_on_reviews(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    quiz_url = bank_client.post("/study/decks/all/quiz", data={"count": "5"}).location
    page = bank_client.get(quiz_url).get_data(as_text=True)
    card_id = input_value(page, "card_id")
    clock.tick(seconds=7)
    response = bank_client.post(f"{quiz_url}/answer", data={
        "card_id": card_id, "choice": "0", "token": input_value(page, "token")})
    feedback = bank_client.get(response.location).get_data(as_text=True)
    assert "Undo its effect on your reviews" in feedback
    assert schedule(bank_app, student, card_id) is not None

    undone = bank_client.post(undo_action(feedback), data={})
    assert undone.location == response.location  # the quiz's feedback page, with the answer as given
    assert "Your answer stays in the quiz" in flashes(bank_client)
    assert schedule(bank_app, student, card_id) is None
    assert rows(bank_app, Answer, user_id=student, card_id=card_id) == 1
    assert rows(bank_app, ReviewLog, user_id=student) == 0
    assert "data-undo" not in bank_client.get(response.location).get_data(as_text=True)
    # the review pages do not offer to undo a quiz's rating
    bank_client.post(f"{quiz_url}/answer", data={"card_id": _current_quiz_card(bank_app, student), "choice": "0"})
    assert "data-undo" not in bank_client.get("/study/review").get_data(as_text=True)


# --- suspend and bury ----------------------------------------------------------------------------------------


def test_a_suspended_card_leaves_the_queue_and_the_due_counts_until_unsuspended(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    deck_id = _all_deck(bank_app)
    page, card_id = question_page(bank_client)
    clock.tick(seconds=6)
    answer(bank_client, page, (right_position(bank_app, card_id) + 1) % 4)  # wrong: due again in a minute
    clock.tick(minutes=10)
    page, shown = question_page(bank_client, f"/study/review?again={card_id}")
    assert shown == card_id
    before = _counts(bank_app, student, deck_id)
    assert before.due == 1

    form = hidden_fields(page, f"/study/cards/{card_id}/suspend")
    assert form["back"] == "/study/review"
    response = bank_client.post(f"/study/cards/{card_id}/suspend", data=form)
    assert (response.status_code, response.location) == (303, "/study/review")
    assert "Card suspended" in flashes(bank_client)
    assert question_page(bank_client, f"/study/review?again={card_id}")[1] != card_id
    after = _counts(bank_app, student, deck_id)
    assert (after.due, after.suspended, after.new, after.learned) == (0, 1, before.new, before.learned)
    assert after.new + after.learning + after.learned + after.suspended == after.total
    with bank_app.app_context():
        user = db.session.get_one(User, student)
        assert queue_status(user, deck_id, clock.now).due == 0
        assert all(next_card(user, deck_id, clock.now).card.id != card_id for _ in range(2))

    deck_page = bank_client.get("/study/decks/all").get_data(as_text=True)
    assert "Suspended cards" in deck_page and f"/study/cards/{card_id}/unsuspend" in deck_page
    assert re.search(r"<dt>Suspended</dt><dd>1</dd>", deck_page)
    unsuspended = bank_client.post(f"/study/cards/{card_id}/unsuspend",
                                   data=hidden_fields(deck_page, f"/study/cards/{card_id}/unsuspend"))
    assert unsuspended.location == "/study/decks/all"
    assert "Card unsuspended" in flashes(bank_client)
    assert _counts(bank_app, student, deck_id) == before
    assert rows(bank_app, HeldCard) == 0
    assert question_page(bank_client)[1] == card_id


def test_a_suspended_new_card_stays_new_and_is_counted_apart(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    deck_id = _all_deck(bank_app)
    before = _counts(bank_app, student, deck_id)
    _page, card_id = question_page(bank_client)
    bank_client.post(f"/study/cards/{card_id}/suspend", data={})
    after = _counts(bank_app, student, deck_id)
    assert (after.new, after.suspended, after.learning, after.total) == (before.new - 1, 1, 0, before.total)
    assert schedule(bank_app, student, card_id) is None
    assert question_page(bank_client)[1] != card_id


def test_a_buried_card_comes_back_when_the_next_day_begins(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    deck_id = _all_deck(bank_app)
    page, card_id = question_page(bank_client)
    before = _counts(bank_app, student, deck_id)
    bury = f"/study/cards/{card_id}/bury"
    response = bank_client.post(bury, data=hidden_fields(page, bury))
    assert response.location == "/study/review"
    assert "Card buried: it comes back in your reviews from 25 Nov 2026, 04:00 UTC." in flashes(bank_client)
    assert question_page(bank_client)[1] != card_id
    assert _counts(bank_app, student, deck_id) == before  # a buried card keeps its place: new here
    with bank_app.app_context():
        user = db.session.get_one(User, student)
        assert queue_status(user, deck_id, clock.now).new == before.new - 1

    clock.now = NEXT_DAY - timedelta(seconds=1)
    assert question_page(bank_client)[1] != card_id
    clock.now = NEXT_DAY
    assert question_page(bank_client)[1] == card_id


def test_a_buried_due_card_leaves_the_due_count_until_the_next_day(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    deck_id = _all_deck(bank_app)
    page, card_id = question_page(bank_client)
    clock.tick(seconds=6)
    answer(bank_client, page, (right_position(bank_app, card_id) + 1) % 4)
    clock.tick(minutes=10)
    assert _counts(bank_app, student, deck_id).due == 1
    feedback_less = bank_client.post(f"/study/cards/{card_id}/bury", data={})
    assert feedback_less.status_code == 303
    assert _counts(bank_app, student, deck_id).due == 0
    done = bank_client.get("/study/review?deck=all").get_data(as_text=True)
    assert card_id not in done
    clock.now = NEXT_DAY
    assert _counts(bank_app, student, deck_id).due == 1


def test_another_students_suspension_is_their_own(
    bank_app: Flask, bank_client: FlaskClient, bank_accounts, student: int, clock: Clock
) -> None:
    _page, card_id = question_page(bank_client)
    other = bank_app.test_client()
    budi = bank_accounts.login(other, "budi")
    other.post(f"/study/cards/{card_id}/suspend", data={})
    other.post(f"/study/cards/{card_id}/bury", data={})
    assert question_page(bank_client)[1] == card_id  # still the first new card for siti
    assert _counts(bank_app, student, _all_deck(bank_app)).suspended == 0
    assert _counts(bank_app, budi, _all_deck(bank_app)).suspended == 1
    # siti cannot unsuspend budi's card either: her unsuspend finds nothing of hers
    bank_client.post(f"/study/cards/{card_id}/unsuspend", data={})
    assert "That card was not suspended." in flashes(bank_client)
    assert _counts(bank_app, budi, _all_deck(bank_app)).suspended == 1


@pytest.mark.parametrize("card_id", ["no-such-card", "x" * 300])
def test_an_unknown_card_cannot_be_suspended_or_buried(
    bank_app: Flask, bank_client: FlaskClient, student: int, card_id: str
) -> None:
    for action in ("suspend", "bury"):
        response = bank_client.post(f"/study/cards/{card_id}/{action}", data={})
        assert response.status_code == 303
        assert "That question does not exist or has been withdrawn." in flashes(bank_client)
    assert rows(bank_app, HeldCard) == 0


@pytest.mark.parametrize("back", ["//evil.example/x", "https://evil.example/", "/\\evil.example"])
def test_the_page_to_go_back_to_is_on_this_site(
    bank_app: Flask, bank_client: FlaskClient, student: int, back: str
) -> None:
    _page, card_id = question_page(bank_client)
    response = bank_client.post(f"/study/cards/{card_id}/bury", data={"back": back})
    assert response.location == "/study/review"


def test_the_controls_are_in_indonesian_too(
    bank_app: Flask, bank_client: FlaskClient, student: int, clock: Clock
) -> None:
    page = as_next_request(bank_app, bank_client, "/study/review", headers={"Accept-Language": "id"}).get_data(
        as_text=True)
    assert "Tangguhkan" in page and "Kubur sampai besok" in page


def test_holds_service_bury_again_moves_the_day(bank_app: Flask, bank_accounts, clock: Clock) -> None:
    user_id = bank_accounts.create("rina")
    with bank_app.app_context():
        user = db.session.get_one(User, user_id)
        card = db.session.scalars(sa.select(Card).order_by(Card.id)).first()
        assert holds.bury(user, card, NOW) == NEXT_DAY
        holds.suspend(user, card)
        assert holds.bury(user, card, NEXT_DAY) == NEXT_DAY.replace(day=26)
        hold = db.session.scalar(sa.select(HeldCard).where(HeldCard.user_id == user_id))
        assert (hold.suspended, hold.buried_until) == (True, NEXT_DAY.replace(day=26))
        assert holds.unsuspend(user, card.id) and not holds.unsuspend(user, card.id)


# --- helpers ---------------------------------------------------------------------------------------------------


def _all_deck(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(Deck.id).where(Deck.slug == "all"))


def _counts(app: Flask, user_id: int, deck_id: int):
    with app.app_context():
        db.session.remove()
        return deck_counts(user_id, [deck_id], app.config["QUIZAPP_CLOCK"]())[deck_id]


def _current_quiz_card(app: Flask, user_id: int) -> str:
    from quizapp.services.study import quiz as quiz_service

    with app.app_context():
        db.session.remove()
        quiz = db.session.scalar(sa.select(QuizSession).where(QuizSession.user_id == user_id))
        return quiz_service.current_item(quiz).card_id
