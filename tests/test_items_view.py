"""The item analysis page: the table, its order and links, the filters and who may see it."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quizapp.db import db
from quizapp.models import Card, CardStatus, ClassMember, Classroom, Deck, User
from quizapp.services.bank.loading import ALL_DECK_SLUG
from quizapp.services.instructor import items as item_service
from quizapp.services.study import quiz as quiz_service
from tests.web_helpers import Page

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def take_quizzes(app: Flask, students: list[str], seed: int = 7) -> list[str]:
    """Let each student (created if new) take the same 5-question quiz; return its card ids in order.

    Student n (from 0) answers the first n questions right, spreading the wrong answers over the wrong options;
    everybody picks the same wrong option of the last question, which is therefore flagged (a wrong option beats
    the right one, and it is too hard). With six students, facility falls from 5/6 to 2/6, then 0.
    """
    with app.app_context():
        deck = db.session.scalar(sa.select(Deck).where(Deck.slug == ALL_DECK_SLUG))
        card_ids: list[str] = []
        for n, name in enumerate(students):
            user = db.session.scalar(sa.select(User).where(User.username == name))
            if user is None:
                user = User(username=name, password_hash="-")
                db.session.add(user)
                db.session.commit()
            quiz = quiz_service.start_quiz(user.id, deck.id, count=5, rng=random.Random(seed))
            card_ids = [item.card_id for item in quiz.items]
            for item in list(quiz.items):
                card = item.card
                right = card.answer_index
                spread = 0 if item.position == 5 else n % (len(card.choices) - 1)
                wrong = (right + 1 + spread) % len(card.choices)
                position = right if item.position <= n and item.position < 5 else wrong
                quiz_service.answer(quiz, card.id, position, now=T0)
        return card_ids


@pytest.fixture
def card_ids(bank_app: Flask) -> list[str]:
    return take_quizzes(bank_app, [f"student{n}" for n in range(6)])


def login_teacher(bank_client: FlaskClient, bank_accounts, name: str = "teacher") -> int:
    return bank_accounts.login(bank_client, name, "instructor")


def row_ids(page: Page) -> list[str]:
    rows = [attrs.get("id", "") for attrs in page.find_all("tr")]
    return [row.removeprefix("item-") for row in rows if row.startswith("item-")]


def test_the_page_lists_the_answered_questions_flagged_first(
    bank_client: FlaskClient, bank_accounts, card_ids: list[str]
) -> None:
    login_teacher(bank_client, bank_accounts)
    response = bank_client.get("/author/items")
    assert response.status_code == 200
    page = Page.of(response)
    assert page.texts("h1") == ["Item analysis"]
    # The last question is flagged; the others follow from the hardest (facility 33%) to the easiest (83%).
    assert row_ids(page) == [card_ids[4], card_ids[3], card_ids[2], card_ids[1], card_ids[0]]
    flagged = page.find("tr", id=f"item-{card_ids[4]}")
    assert "item-flagged" in flagged["class"]
    html = response.get_data(as_text=True)
    assert "a wrong option is chosen more often than the right one; too hard" in html
    assert "What the numbers mean" in html and "Discrimination" in html


def test_a_row_shows_its_figures_and_the_options_chosen(
    bank_app: Flask, bank_client: FlaskClient, bank_accounts, card_ids: list[str]
) -> None:
    login_teacher(bank_client, bank_accounts)
    page = Page.of(bank_client.get("/author/items"))
    hardest = " ".join(page.texts("tr", id=f"item-{card_ids[4]}"))
    with bank_app.app_context():
        card = db.session.get(Card, card_ids[4])
        key = card.answer_index
        letters = [chr(ord("A") + position) for position in range(len(card.choices))]
    assert " 6 0% " in f" {hardest} "  # answered 6 times, facility 0%
    assert f"{letters[key]} ✓ (right answer) 0" in hardest
    assert f"{letters[(key + 1) % len(letters)]} 6" in hardest
    # Question 4 is right for students 4 and 5 only: its discrimination is computed and shown to 2 decimals.
    fourth = " ".join(page.texts("tr", id=f"item-{card_ids[3]}"))
    with bank_app.app_context():
        expected = {row.card_id: row for row in item_service.analyse_items()}[card_ids[3]].discrimination
    assert expected is not None and f"{expected:.2f}" in fourth


def test_each_row_links_to_the_card_and_the_editor_and_can_retire(
    bank_app: Flask, bank_client: FlaskClient, bank_accounts, card_ids: list[str]
) -> None:
    if not {"author.card", "author.edit_card", "author.retire"} <= set(bank_app.view_functions):
        pytest.skip("the card page, editor or retire endpoint is not there yet")
    login_teacher(bank_client, bank_accounts)
    response = bank_client.get("/author/items?min_answers=1")
    page = Page.of(response)
    card_id = card_ids[4]
    hrefs = {attrs["href"] for attrs in page.find_all("a")}
    assert f"/author/cards/{card_id}" in hrefs and f"/author/cards/{card_id}/edit" in hrefs
    form = page.find("form", action=f"/author/cards/{card_id}/retire")
    assert form["method"] == "post"
    back = next(a["value"] for a in page.find_all("input", name="next"))
    assert back == "/author/items?min_answers=1"
    posted = bank_client.post(f"/author/cards/{card_id}/retire", data={"next": back})
    assert posted.status_code == 303 and posted.headers["Location"].endswith("/author/items?min_answers=1")
    with bank_app.app_context():
        assert db.session.get(Card, card_id).status == CardStatus.RETIRED
    after = bank_client.get(back).get_data(as_text=True)
    assert "(retired)" in after and f'action="/author/cards/{card_id}/retire"' not in after


def test_flagged_only_and_min_answers_filter_the_rows(
    bank_client: FlaskClient, bank_accounts, card_ids: list[str]
) -> None:
    login_teacher(bank_client, bank_accounts)
    assert row_ids(Page.of(bank_client.get("/author/items?flagged=y"))) == [card_ids[4]]
    assert row_ids(Page.of(bank_client.get("/author/items?min_answers=7"))) == []
    assert "No question matches" in bank_client.get("/author/items?min_answers=7").get_data(as_text=True)


def test_the_kind_and_deck_filters_narrow_the_rows(
    bank_app: Flask, bank_client: FlaskClient, bank_accounts, card_ids: list[str]
) -> None:
    with bank_app.app_context():
        card = db.session.get(Card, card_ids[0])
        kind = card.kind
        same_kind = {cid for cid in card_ids if db.session.get(Card, cid).kind == kind}
        article_deck = next(deck for deck in card.decks if deck.slug != ALL_DECK_SLUG)
        in_deck = {cid for cid in card_ids if article_deck in db.session.get(Card, cid).decks}
        slug = article_deck.slug
    login_teacher(bank_client, bank_accounts)
    assert set(row_ids(Page.of(bank_client.get(f"/author/items?kind={kind}")))) == same_kind
    assert set(row_ids(Page.of(bank_client.get(f"/author/items?deck={slug}")))) == in_deck
    assert set(row_ids(Page.of(bank_client.get("/author/items?origin=authored")))) == set()


def test_the_class_filter_counts_only_its_students(
    bank_app: Flask, bank_client: FlaskClient, bank_accounts, card_ids: list[str]
) -> None:
    teacher_id = login_teacher(bank_client, bank_accounts)
    with bank_app.app_context():
        member = db.session.scalar(sa.select(User).where(User.username == "student4"))
        classroom = Classroom(name="Kelas A", instructor_id=teacher_id, join_code="KELASA")
        classroom.memberships = [ClassMember(user_id=member.id)]
        db.session.add(classroom)
        db.session.commit()
        class_id = classroom.id
    page = Page.of(bank_client.get(f"/author/items?class_id={class_id}"))
    assert "Kelas A" in page.texts("option")
    assert set(row_ids(page)) == set(card_ids)
    # One student, who got the first four right: each row says answered once.
    first = " ".join(page.texts("tr", id=f"item-{card_ids[0]}"))
    assert " 1 100% " in f" {first} "


def test_another_instructors_class_is_not_found(bank_app: Flask, bank_client: FlaskClient, bank_accounts) -> None:
    other = bank_accounts.create("other", "instructor")
    with bank_app.app_context():
        classroom = Classroom(name="Theirs", instructor_id=other, join_code="THEIRS")
        db.session.add(classroom)
        db.session.commit()
        class_id = classroom.id
    login_teacher(bank_client, bank_accounts)
    assert bank_client.get(f"/author/items?class_id={class_id}").status_code == 404
    assert bank_client.get("/author/items?class_id=999999").status_code == 404


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("deck=no-such-deck", "deck", "There is no deck “no-such-deck”."),
        ("kind=gossip", "kind", "No question is of the kind “gossip”."),
        ("origin=stolen", "origin", "Choose generated, authored or imported, not “stolen”."),
        ("class_id=abc", "class_id", "“abc” is not one of your classes."),
        ("min_answers=many", "min_answers", "Give a whole number from 0 to 1,000,000, not “many”."),
        ("min_answers=-1", "min_answers", "Give a whole number from 0 to 1,000,000, not “-1”."),
        ("min_answers=1000001", "min_answers", "Give a whole number from 0 to 1,000,000, not “1000001”."),
        ("min_answers=" + "9" * 30, "min_answers", f"Give a whole number from 0 to 1,000,000, not “{'9' * 30}”."),
        ("min_answers=%C2%B2", "min_answers", "Give a whole number from 0 to 1,000,000, not “²”."),
    ],
)
def test_a_bad_filter_value_is_refused_next_to_its_field(
    bank_client: FlaskClient, bank_accounts, query: str, field: str, message: str
) -> None:
    login_teacher(bank_client, bank_accounts)
    response = bank_client.get(f"/author/items?{query}")
    assert response.status_code == 400
    page = Page.of(response)
    assert page.field_errors(field) == message
    assert page.invalid_fields() == {field}
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.mark.parametrize("query", ["page=0", "page=-5", "page=abc", "page=99999999999999999999", "min_answers="])
def test_odd_page_numbers_and_empty_values_still_show_the_page(
    bank_client: FlaskClient, bank_accounts, card_ids: list[str], query: str
) -> None:
    login_teacher(bank_client, bank_accounts)
    response = bank_client.get(f"/author/items?{query}")
    assert response.status_code == 200
    assert len(row_ids(Page.of(response))) == 5


def test_long_reports_are_paged(
    bank_client: FlaskClient, bank_accounts, card_ids: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(item_service, "PER_PAGE", 2)
    login_teacher(bank_client, bank_accounts)
    first = Page.of(bank_client.get("/author/items?flagged=&min_answers=1"))
    assert row_ids(first) == [card_ids[4], card_ids[3]]
    assert "Page 1 of 3" in first.texts("nav", **{"class": "pagination"})[0]
    next_href = first.links("nav")["Next"]
    assert "page=2" in next_href and "min_answers=1" in next_href
    assert row_ids(Page.of(bank_client.get(next_href))) == [card_ids[2], card_ids[1]]


def test_with_no_answers_the_page_says_so(bank_client: FlaskClient, bank_accounts) -> None:
    login_teacher(bank_client, bank_accounts)
    response = bank_client.get("/author/items")
    assert response.status_code == 200
    assert "No question matches" in response.get_data(as_text=True)


def test_a_student_is_refused_and_a_visitor_sent_to_log_in(bank_client: FlaskClient, bank_accounts) -> None:
    assert bank_client.get("/author/items").status_code == 302
    bank_accounts.login(bank_client, "ayu", "student")
    assert bank_client.get("/author/items").status_code == 403
