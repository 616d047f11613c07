"""The decks page of a student in classes: assigned decks first with their due dates and progress; drafts hidden."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from conftest import Accounts
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Page, counted

from quizapp import clock
from quizapp.db import db
from quizapp.models import Card, CardOrigin, CardStatus, Choice, Classroom, Deck, User
from quizapp.services.bank.loading import ALL_DECK_SLUG
from quizapp.services.instructor import assignments as assigning
from quizapp.services.instructor import classes as class_service
from quizapp.services.study import answering, review

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
DECK_LINK = re.compile(r'<h2 class="deck-title" id="deck-[^"]+">\s*<a href="/study/decks/([^"]+)">')


@pytest.fixture(autouse=True)
def fixed_clock(bank_app: Flask) -> None:
    bank_app.config[clock.CLOCK_CONFIG_KEY] = lambda: NOW


@pytest.fixture
def student(bank_client: FlaskClient, bank_accounts: Accounts) -> int:
    return bank_accounts.login(bank_client, "ana")


def article_slugs(app: Flask) -> list[str]:
    """The article decks' slugs in the order of their files, as the page lists them."""
    with app.app_context():
        decks = db.session.scalars(sa.select(Deck).where(Deck.article_id.is_not(None))).all()
        return [deck.slug for deck in sorted(decks, key=lambda deck: deck.article.file)]


def deck_id(app: Flask, slug: str) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(Deck.id).where(Deck.slug == slug))


def make_class(app: Flask, teacher: str, name: str, student_id: int, *decks: tuple[str, date | None]) -> int:
    """Create a class of the teacher's with the student in it and the decks assigned; return its id."""
    with app.app_context():
        instructor = db.session.scalar(sa.select(User).where(User.username == teacher))
        classroom = class_service.create_class(instructor, name)
        class_service.join_class(db.session.get(User, student_id), classroom.join_code)
        for slug, due in decks:
            assigning.assign_deck(classroom, deck_id(app, slug), due)
        return classroom.id


def learn(app: Flask, user_id: int, slug: str, how_many: int) -> None:
    """Take how_many new cards of the deck to review through the review service: each right, then right again
    after its 10-minute learning step (one quick right answer is no longer Easy: it may be a guess, issue 12)."""
    with app.app_context():
        user = db.session.get(User, user_id)
        deck = deck_id(app, slug)
        for _ in range(how_many):
            at = NOW
            for _ in range(2):
                item = review.next_card(user, deck, at)
                token = review.present(user.id, item, review.Mode.CHOICE, at)
                answered_at = at + timedelta(seconds=2)
                answered = answering.answer_card(user, item.card.id, item.card.answer_index, token, answered_at, deck)
                assert answered.applied
                at += timedelta(minutes=10, seconds=2)


def add_deck(app: Flask, slug: str, status: CardStatus, size: int = 2) -> None:
    with app.app_context():
        deck = Deck(slug=slug, title=slug.title())
        for number in range(size):
            card = Card(id=f"{slug}-{number}", kind="member", language="id", question=f"{slug} {number}?",
                        origin=CardOrigin.AUTHORED, status=status)
            card.choices = [Choice(position=i, text=f"Opsi {i}", is_correct=i == 0) for i in range(4)]
            deck.cards.append(card)
        db.session.add(deck)
        db.session.commit()


def listed(client: FlaskClient) -> list[str]:
    return DECK_LINK.findall(client.get("/study/").get_data(as_text=True))


def entry(client: FlaskClient, slug: str) -> Page:
    """Return the deck's item of the list."""
    text = client.get("/study/").get_data(as_text=True)
    start = text.rindex("<li", 0, text.index(f'id="deck-{slug}"'))
    return Page(text[start:text.index("</li>", start)])


@pytest.fixture
def teachers(bank_accounts: Accounts) -> None:
    bank_accounts.create("teacher", "instructor")
    bank_accounts.create("other", "instructor")


def test_assigned_decks_come_first_earliest_due_first_then_the_rest_as_before(
    bank_app: Flask, bank_client: FlaskClient, student: int, teachers: None
) -> None:
    articles = article_slugs(bank_app)
    make_class(bank_app, "teacher", "History", student, (articles[3], None), (articles[1], date(2026, 12, 20)))
    make_class(bank_app, "other", "Geography", student, (articles[2], date(2026, 12, 5)))
    assert listed(bank_client) == [
        articles[2], articles[1], articles[3], ALL_DECK_SLUG, articles[0], *articles[4:],
    ]


def test_a_student_without_classes_sees_the_decks_as_before(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    assert listed(bank_client) == [ALL_DECK_SLUG, *article_slugs(bank_app)]
    assert "deck-card-assigned" not in bank_client.get("/study/").get_data(as_text=True)


def test_an_assigned_deck_shows_its_class_due_date_and_progress(
    bank_app: Flask, bank_client: FlaskClient, student: int, teachers: None
) -> None:
    slug = article_slugs(bank_app)[0]
    make_class(bank_app, "teacher", "History", student, (slug, date(2026, 12, 1)))
    with bank_app.app_context():
        total = review.deck_counts(student, [deck_id(bank_app, slug)], NOW)[deck_id(bank_app, slug)].total
    page = entry(bank_client, slug)
    assert page.texts("span", **{"class": "deck-assigned-by"}) == ["Assigned by your class History"]
    assert page.texts("span", **{"class": "due"}) == ["due Dec 1, 2026"]
    assert page.find("time")["datetime"] == "2026-12-01"
    assert page.texts("span", **{"class": "learned-progress"}) == [f"0 of {total} learned"]
    assert page.find("progress") == {"max": str(total), "value": "0", "aria-hidden": "true"}

    learn(bank_app, student, slug, 3)
    page = entry(bank_client, slug)
    assert page.texts("span", **{"class": "learned-progress"}) == [f"3 of {total} learned"]
    assert page.find("progress")["value"] == "3"
    assert "<dt>Learned</dt><dd>3</dd>" in str(bank_client.get("/study/").get_data(as_text=True))


def test_a_deck_assigned_by_two_classes_names_both_and_the_earlier_due_date(
    bank_app: Flask, bank_client: FlaskClient, student: int, teachers: None
) -> None:
    slug = article_slugs(bank_app)[0]
    make_class(bank_app, "teacher", "History", student, (slug, None))
    make_class(bank_app, "other", "Geography", student, (slug, date(2026, 12, 3)))
    page = entry(bank_client, slug)
    assert page.texts("span", **{"class": "deck-assigned-by"}) == ["Assigned by your classes Geography, History"]
    assert page.texts("span", **{"class": "due"}) == ["due Dec 3, 2026"]
    assert listed(bank_client).count(slug) == 1


def test_a_deck_past_its_due_date_is_overdue(
    bank_app: Flask, bank_client: FlaskClient, student: int, teachers: None
) -> None:
    slug = article_slugs(bank_app)[0]
    make_class(bank_app, "teacher", "History", student, (slug, date(2026, 11, 30)), (ALL_DECK_SLUG, None))
    assert entry(bank_client, slug).texts("span", **{"class": "due"}) == ["due Nov 30, 2026"]
    bank_app.config[clock.CLOCK_CONFIG_KEY] = lambda: datetime(2026, 12, 1, 0, 0, 1, tzinfo=UTC)
    page = entry(bank_client, slug)
    assert page.texts("span", **{"class": "due overdue"}) == ["due Nov 30, 2026 overdue"]
    assert entry(bank_client, ALL_DECK_SLUG).texts("span", **{"class": "hint"}) == ["No due date"]


def test_a_deck_a_student_left_is_no_longer_first(
    bank_app: Flask, bank_client: FlaskClient, student: int, teachers: None
) -> None:
    articles = article_slugs(bank_app)
    class_id = make_class(bank_app, "teacher", "History", student, (articles[2], None))
    assert listed(bank_client)[0] == articles[2]
    with bank_app.app_context():
        class_service.leave_class(student, class_id)
    assert listed(bank_client) == [ALL_DECK_SLUG, *articles]


def test_students_do_not_see_decks_of_drafts_only(
    bank_app: Flask, bank_client: FlaskClient, bank_accounts: Accounts, student: int, teachers: None
) -> None:
    add_deck(bank_app, "drafts", CardStatus.DRAFT)
    add_deck(bank_app, "retired", CardStatus.RETIRED)
    add_deck(bank_app, "served", CardStatus.ACTIVE)
    assert "drafts" not in listed(bank_client) and "retired" not in listed(bank_client)
    assert listed(bank_client)[0] == ALL_DECK_SLUG and listed(bank_client)[-1] == "served"
    # unless a class assigned it: the student then knows it is coming
    make_class(bank_app, "teacher", "History", student, ("drafts", None))
    assert listed(bank_client)[0] == "drafts"
    assert "No questions yet." in entry(bank_client, "drafts").texts("p")
    assert "retired" not in listed(bank_client)


def test_instructors_see_every_deck(bank_app: Flask, bank_client: FlaskClient, bank_accounts: Accounts) -> None:
    add_deck(bank_app, "drafts", CardStatus.DRAFT)
    bank_accounts.login(bank_client, "teacher", "instructor")
    assert "drafts" in listed(bank_client)


def test_all_articles_stays_when_every_card_is_a_draft(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    with bank_app.app_context():
        db.session.execute(sa.update(Card).values(status=CardStatus.DRAFT))
        db.session.commit()
    assert listed(bank_client) == [ALL_DECK_SLUG]


def test_the_page_asks_the_same_number_of_queries_however_many_decks_are_assigned(
    bank_app: Flask, bank_client: FlaskClient, student: int, teachers: None
) -> None:
    articles = article_slugs(bank_app)

    def queries() -> int:
        with counted(bank_app) as statements:
            assert bank_client.get("/study/").status_code == 200
        return len(statements)

    make_class(bank_app, "teacher", "History", student, (articles[0], date(2026, 12, 1)))
    one = queries()
    make_class(bank_app, "other", "Geography", student, *[(slug, None) for slug in articles[1:]])
    assert queries() == one
    assert one <= 10


def test_a_classroom_of_another_student_changes_nothing(
    bank_app: Flask, bank_client: FlaskClient, bank_accounts: Accounts, student: int, teachers: None
) -> None:
    other = bank_accounts.create("budi")
    make_class(bank_app, "teacher", "History", other, (article_slugs(bank_app)[2], None))
    assert listed(bank_client) == [ALL_DECK_SLUG, *article_slugs(bank_app)]
    with bank_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Classroom)) == 1
