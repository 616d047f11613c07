"""The class pages: instructors create and run classes, students join with a code or a link and leave."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from conftest import Accounts
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Page
from werkzeug.test import TestResponse

from quizapp import clock
from quizapp.db import db
from quizapp.i18n import LANGUAGES
from quizapp.models import Card, CardOrigin, Choice, ClassDeck, ClassMember, Classroom, Deck, ReviewState, User
from quizapp.services.instructor import assignments as assigning
from quizapp.services.instructor import classes as class_service
from quizapp.services.study import answering, review

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
PASSWORD = "password123"


@pytest.fixture(autouse=True)
def fixed_clock(app: Flask) -> None:
    app.config[clock.CLOCK_CONFIG_KEY] = lambda: NOW


@pytest.fixture
def teacher(app: Flask, accounts: Accounts) -> int:
    return accounts.create("teacher", "instructor")


@pytest.fixture
def other_teacher(accounts: Accounts) -> int:
    return accounts.create("other", "instructor")


@pytest.fixture
def deck_ids(app: Flask) -> list[int]:
    """Two decks of two cards each, "alpha" and "beta"."""
    with app.app_context():
        decks = []
        for slug in ("alpha", "beta"):
            deck = Deck(slug=slug, title=slug.title())
            for number in range(2):
                card = Card(id=f"{slug}-{number}", kind="member", language="id", question=f"{slug} {number}?",
                            origin=CardOrigin.AUTHORED, created_at=NOW - timedelta(days=1, seconds=-number))
                card.choices = [Choice(position=i, text=f"Opsi {i}", is_correct=i == 0) for i in range(4)]
                deck.cards.append(card)
            db.session.add(deck)
            decks.append(deck)
        db.session.commit()
        return [deck.id for deck in decks]


def make_class(app: Flask, instructor_id: int, name: str = "History 10B") -> tuple[int, str]:
    """Create a class for the instructor; return its id and join code."""
    with app.app_context():
        classroom = class_service.create_class(db.session.get(User, instructor_id), name)
        return classroom.id, classroom.join_code


def join(app: Flask, user_id: int, code: str) -> None:
    with app.app_context():
        class_service.join_class(db.session.get(User, user_id), code)


def assign(app: Flask, class_id: int, deck_id: int, due: date | None = None) -> None:
    with app.app_context():
        assigning.assign_deck(db.session.get(Classroom, class_id), deck_id, due)


def learn(app: Flask, user_id: int, deck_id: int, how_many: int) -> None:
    """Take how_many new cards of the deck to review through the review service: each right, then right again
    after its 10-minute learning step (one quick right answer is no longer Easy: it may be a guess, issue 12)."""
    with app.app_context():
        user = db.session.get(User, user_id)
        for _ in range(how_many):
            at = NOW
            for _ in range(2):
                item = review.next_card(user, deck_id, at)
                token = review.present(user.id, item, review.Mode.CHOICE, at)
                answering.answer_card(user, item.card.id, 0, token, at + timedelta(seconds=2), deck_id)
                at += timedelta(minutes=10, seconds=2)


def members(app: Flask, class_id: int) -> list[int]:
    with app.app_context():
        db.session.remove()
        return list(db.session.scalars(sa.select(ClassMember.user_id).where(ClassMember.class_id == class_id)))


def assignment(app: Flask, class_id: int, deck_id: int) -> ClassDeck | None:
    with app.app_context():
        db.session.remove()
        return db.session.get(ClassDeck, (class_id, deck_id))


def flashes(client: FlaskClient, path: str = "/classes/") -> list[str]:
    return Page.of(client.get(path)).texts("p", **{"class": "flash flash-success"}) + Page.of(
        client.get(path)).texts("p", **{"class": "flash flash-error"})


def deck_options(page: Page) -> list[str]:
    """Return the options of the deck list (the page's other list is the language switch)."""
    return [text for text in page.texts("option") if text not in LANGUAGES.values()]


def see_other(response: TestResponse, location: str) -> None:
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    assert response.headers["Location"] == location


# --- instructors: the list and creating a class -------------------------------------------------------


def test_an_instructor_lists_their_classes_and_creates_one(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, other_teacher: int
) -> None:
    make_class(app, other_teacher, "Not mine")
    accounts.login(client, "teacher")
    page = Page.of(client.get("/classes/"))
    assert page.texts("h1") == ["Classes"]
    assert "You have no classes yet." in page.texts("p")
    assert page.find("form", action="/classes/")["method"] == "post"

    response = client.post("/classes/", data={"name": "  History 10B "})
    with app.app_context():
        classroom = db.session.scalar(sa.select(Classroom).where(Classroom.name == "History 10B"))
        class_id, code = classroom.id, classroom.join_code
    see_other(response, f"/classes/{class_id}")
    detail = Page.of(client.get(f"/classes/{class_id}"))
    assert "Class “History 10B” created. Give your students its code or link." in detail.texts("p")
    assert detail.text("join-code") == f"{code[:4]}-{code[4:]}"
    assert detail.find("a", id="join-link")["href"] == f"http://localhost/classes/join/{code}"

    listing = Page.of(client.get("/classes/"))
    assert listing.links("table") == {"History 10B": f"/classes/{class_id}"}
    assert listing.texts("td") == [f"{code[:4]}-{code[4:]}", "0", "0"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the class a name."),
        ("   ", "Give the class a name."),
        ("x" * 121, "The name has 121 characters; a class name has at most 120."),
    ],
)
def test_a_bad_class_name_is_shown_next_to_the_field(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, name: str, message: str
) -> None:
    accounts.login(client, "teacher")
    response = client.post("/classes/", data={"name": name})
    assert response.status_code == 400
    assert Page.of(response).field_errors("name") == message
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Classroom)) == 0


# --- instructors: one class ---------------------------------------------------------------------------


def test_the_class_page_lists_students_and_removes_one(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int
) -> None:
    class_id, code = make_class(app, teacher)
    ana, budi = accounts.create("ana"), accounts.create("budi")
    join(app, ana, code)
    join(app, budi, code)
    accounts.login(client, "teacher")
    page = Page.of(client.get(f"/classes/{class_id}"))
    assert page.text("students") == "2 students"
    assert page.text(f"student-{ana}") == "ana" and page.text(f"student-{budi}") == "budi"
    assert page.find("form", action=f"/classes/{class_id}/students/{ana}/remove")

    see_other(client.post(f"/classes/{class_id}/students/{ana}/remove"), f"/classes/{class_id}")
    assert members(app, class_id) == [budi]
    assert "ana is no longer in the class." in flashes(client, f"/classes/{class_id}")
    assert client.post(f"/classes/{class_id}/students/{ana}/remove").status_code == 404


def test_a_class_is_renamed_and_a_bad_name_refused(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int
) -> None:
    class_id, _ = make_class(app, teacher)
    accounts.login(client, "teacher")
    see_other(client.post(f"/classes/{class_id}/rename", data={"name": "Geography"}), f"/classes/{class_id}")
    assert Page.of(client.get(f"/classes/{class_id}")).texts("h1") == ["Geography"]
    response = client.post(f"/classes/{class_id}/rename", data={"name": ""})
    assert response.status_code == 400
    assert Page.of(response).field_errors("name") == "Give the class a name."


def test_a_new_code_stops_the_old_one(app: Flask, client: FlaskClient, accounts: Accounts, teacher: int) -> None:
    class_id, old = make_class(app, teacher)
    accounts.login(client, "teacher")
    see_other(client.post(f"/classes/{class_id}/code"), f"/classes/{class_id}")
    with app.app_context():
        new = db.session.get(Classroom, class_id).join_code
    assert new != old
    assert f"The new code is {new[:4]}-{new[4:]}; the old code no longer works." in flashes(
        client, f"/classes/{class_id}")

    accounts.login(client, "ana")
    with app.app_context():  # a request of its own: Flask-Login caches the user in g
        assert client.get(f"/classes/join/{old}").status_code == 404
        response = client.post("/classes/join", data={"code": old})
        assert response.status_code == 400
        assert Page.of(response).field_errors("code").startswith("No class has the code")
        assert client.get(f"/classes/join/{new}").status_code == 200


def test_deleting_a_class_asks_first(app: Flask, client: FlaskClient, accounts: Accounts, teacher: int,
                                     deck_ids: list[int]) -> None:
    class_id, code = make_class(app, teacher)
    join(app, accounts.create("ana"), code)
    assign(app, class_id, deck_ids[0])
    accounts.login(client, "teacher")
    detail = Page.of(client.get(f"/classes/{class_id}"))
    assert detail.links()["Delete the class…"] == f"/classes/{class_id}/delete"

    confirm = Page.of(client.get(f"/classes/{class_id}/delete"))
    assert confirm.texts("h1") == ["Delete “History 10B”?"]
    assert "Its 1 student leaves the class, and its 1 assigned deck is unassigned." in confirm.texts("p")
    assert confirm.find("form", action=f"/classes/{class_id}/delete")["method"] == "post"
    assert confirm.links("form")["Cancel"] == f"/classes/{class_id}"

    see_other(client.post(f"/classes/{class_id}/delete"), "/classes/")
    with app.app_context():
        db.session.remove()
        assert db.session.get(Classroom, class_id) is None
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ClassMember)) == 0
    assert "Class “History 10B” deleted." in flashes(client)


# --- instructors: assigned decks ----------------------------------------------------------------------


def test_a_deck_is_assigned_with_a_due_date(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, deck_ids: list[int]
) -> None:
    class_id, _ = make_class(app, teacher)
    accounts.login(client, "teacher")
    page = Page.of(client.get(f"/classes/{class_id}"))
    assert deck_options(page) == ["Alpha", "Beta"]
    assert page.find("input", name="due")["type"] == "date"

    response = client.post(f"/classes/{class_id}/decks", data={"deck": str(deck_ids[0]), "due": "2026-12-01"})
    see_other(response, f"/classes/{class_id}")
    stored = assignment(app, class_id, deck_ids[0])
    assert stored is not None and stored.due_at == datetime(2026, 12, 1, 23, 59, 59, 999999, tzinfo=UTC)
    page = Page.of(client.get(f"/classes/{class_id}"))
    assert "“Alpha” is assigned to the class." in page.texts("p")
    assert deck_options(page) == ["Beta"], "an assigned deck is not offered again"
    row = page.texts("tr")[1]
    assert row.startswith("Alpha 2 questions due Dec 1, 2026 0 of 0 0%")
    assert page.find("input", name=f"deck-{deck_ids[0]}-due")["value"] == "2026-12-01"


def test_a_deck_is_assigned_without_a_due_date(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, deck_ids: list[int]
) -> None:
    class_id, _ = make_class(app, teacher)
    accounts.login(client, "teacher")
    see_other(client.post(f"/classes/{class_id}/decks", data={"deck": str(deck_ids[1]), "due": " "}),
              f"/classes/{class_id}")
    stored = assignment(app, class_id, deck_ids[1])
    assert stored is not None and stored.due_at is None
    assert "No due date" in Page.of(client.get(f"/classes/{class_id}")).texts("span", **{"class": "hint"})


BAD_DUE_DATES = [
    ("31/12/2026", "Write the due date as year-month-day, for example 2027-01-31."),
    ("tomorrow", "Write the due date as year-month-day, for example 2027-01-31."),
    ("2026-W52-1", "Write the due date as year-month-day, for example 2027-01-31."),
    ("2027-02-30", "There is no day 2027-02-30 in the calendar."),
    ("2026-11-23", "The day 2026-11-23 has passed; choose today or a later day."),
    ("2099-01-01", "Choose a due date within 5 years."),
]


@pytest.mark.parametrize(("due", "message"), BAD_DUE_DATES)
def test_a_bad_due_date_is_shown_next_to_the_field(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, deck_ids: list[int], due: str, message: str
) -> None:
    class_id, _ = make_class(app, teacher)
    accounts.login(client, "teacher")
    response = client.post(f"/classes/{class_id}/decks", data={"deck": str(deck_ids[0]), "due": due})
    assert response.status_code == 400
    page = Page.of(response)
    assert page.field_errors("due") == message
    assert page.find("input", name="due")["value"] == due
    assert assignment(app, class_id, deck_ids[0]) is None


# 2147483648 is past what an id column holds on PostgreSQL (INTEGER): once an "integer out of range" error 500
@pytest.mark.parametrize("deck", ["", "abc", "99999", "2147483648", "-1"])
def test_a_deck_not_in_the_list_is_refused(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, deck_ids: list[int], deck: str
) -> None:
    class_id, _ = make_class(app, teacher)
    accounts.login(client, "teacher")
    response = client.post(f"/classes/{class_id}/decks", data={"deck": deck, "due": ""})
    assert response.status_code == 400
    assert Page.of(response).field_errors("deck") == "Choose one of the decks in the list."


def test_an_already_assigned_deck_is_refused(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, deck_ids: list[int]
) -> None:
    class_id, _ = make_class(app, teacher)
    assign(app, class_id, deck_ids[0])
    accounts.login(client, "teacher")
    response = client.post(f"/classes/{class_id}/decks", data={"deck": str(deck_ids[0])})
    assert response.status_code == 400
    assert Page.of(response).field_errors("deck") == "Choose one of the decks in the list."


def test_the_due_date_is_changed_cleared_and_the_deck_unassigned(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, deck_ids: list[int]
) -> None:
    class_id, _ = make_class(app, teacher)
    deck_id = deck_ids[0]
    assign(app, class_id, deck_id)
    accounts.login(client, "teacher")
    url = f"/classes/{class_id}/decks/{deck_id}/due"
    see_other(client.post(url, data={f"deck-{deck_id}-due": "2027-01-31"}), f"/classes/{class_id}")
    assert assignment(app, class_id, deck_id).due_at.date() == date(2027, 1, 31)  # type: ignore[union-attr]
    assert "“Alpha” is due on 2027-01-31." in flashes(client, f"/classes/{class_id}")

    response = client.post(url, data={f"deck-{deck_id}-due": "2027-02-30"})
    assert response.status_code == 400
    assert Page.of(response).field_errors(f"deck-{deck_id}-due") == "There is no day 2027-02-30 in the calendar."
    assert assignment(app, class_id, deck_id).due_at.date() == date(2027, 1, 31)  # type: ignore[union-attr]

    see_other(client.post(url, data={f"deck-{deck_id}-due": ""}), f"/classes/{class_id}")
    assert assignment(app, class_id, deck_id).due_at is None  # type: ignore[union-attr]
    assert "“Alpha” has no due date now." in flashes(client, f"/classes/{class_id}")

    see_other(client.post(f"/classes/{class_id}/decks/{deck_id}/unassign"), f"/classes/{class_id}")
    assert assignment(app, class_id, deck_id) is None
    assert client.post(f"/classes/{class_id}/decks/{deck_id}/unassign").status_code == 404
    assert client.post(url, data={f"deck-{deck_id}-due": ""}).status_code == 404


def test_the_class_page_shows_progress_after_students_review(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, deck_ids: list[int]
) -> None:
    class_id, code = make_class(app, teacher)
    ana, budi, citra = accounts.create("ana"), accounts.create("budi"), accounts.create("citra")
    for student in (ana, budi, citra):
        join(app, student, code)
    assign(app, class_id, deck_ids[0], date(2026, 12, 1))
    learn(app, ana, deck_ids[0], 2)
    learn(app, budi, deck_ids[0], 1)
    accounts.login(client, "teacher")
    page = Page.of(client.get(f"/classes/{class_id}"))
    cells = page.texts("td", **{"class": "num"})
    # ana learned both cards; on average (2 + 1 + 0) / (3 students × 2 cards) = 50%
    assert cells == ["1 of 3", "50%"]


def test_the_scores_of_the_class_are_linked_once_that_page_exists(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int
) -> None:
    class_id, _ = make_class(app, teacher)
    accounts.login(client, "teacher")
    links = Page.of(client.get(f"/classes/{class_id}")).links()
    if "scores.index" in app.view_functions:
        assert links["Scores of this class"] == f"/scores/?class={class_id}"
    else:
        assert "Scores of this class" not in links


# --- who may see what ---------------------------------------------------------------------------------

INSTRUCTOR_ROUTES = [
    ("get", "/classes/{id}"),
    ("post", "/classes/{id}/rename"),
    ("post", "/classes/{id}/code"),
    ("get", "/classes/{id}/delete"),
    ("post", "/classes/{id}/delete"),
    ("post", "/classes/{id}/students/{student}/remove"),
    ("post", "/classes/{id}/decks"),
    ("post", "/classes/{id}/decks/{deck}/due"),
    ("post", "/classes/{id}/decks/{deck}/unassign"),
]


def _route_data(url: str) -> dict[str, str]:
    return {"name": "Taken over", "deck": "1", "due": "", "deck-1-due": ""}


@pytest.mark.parametrize(("method", "url"), INSTRUCTOR_ROUTES)
def test_another_instructors_class_is_not_found(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, other_teacher: int, deck_ids: list[int],
    method: str, url: str,
) -> None:
    class_id, code = make_class(app, teacher)
    student = accounts.create("ana")
    join(app, student, code)
    assign(app, class_id, deck_ids[0])
    accounts.login(client, "other")
    path = url.format(id=class_id, student=student, deck=deck_ids[0])
    response = getattr(client, method)(path, **({"data": _route_data(path)} if method == "post" else {}))
    assert response.status_code == 404
    assert "Page not found" in Page.of(response).texts("h1")
    with app.app_context():
        db.session.remove()
        classroom = db.session.get(Classroom, class_id)
        assert classroom is not None and classroom.name == "History 10B" and classroom.join_code == code
        assert len(classroom.memberships) == 1 and len(classroom.assignments) == 1
    # the same page of their own class is there
    own_id, _ = make_class(app, other_teacher, "Mine")
    assert client.get(f"/classes/{own_id}").status_code == 200


@pytest.mark.parametrize(("method", "url"), [*INSTRUCTOR_ROUTES, ("post", "/classes/")])
def test_students_may_not_use_the_instructor_pages(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, deck_ids: list[int], method: str, url: str
) -> None:
    class_id, code = make_class(app, teacher)
    student = accounts.create("ana")
    join(app, student, code)
    assign(app, class_id, deck_ids[0])
    accounts.login(client, "ana")
    path = url.format(id=class_id, student=student, deck=deck_ids[0])
    response = getattr(client, method)(path, **({"data": _route_data(path)} if method == "post" else {}))
    assert response.status_code == 403
    assert members(app, class_id) == [student]


@pytest.mark.parametrize(
    ("method", "url"),
    [("get", "/classes/"), ("get", "/classes/1"), ("post", "/classes/1/leave"), ("post", "/classes/join")],
)
def test_anonymous_visitors_are_sent_to_log_in(client: FlaskClient, method: str, url: str) -> None:
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/auth/login?next={quote(url, safe='')}"


# --- students: joining and leaving --------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["{code}", "{lower}", "{first}-{second}", " {first} {second} "])
def test_a_student_joins_with_the_code_in_any_case(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, typed: str
) -> None:
    class_id, code = make_class(app, teacher)
    student = accounts.login(client, "ana")
    page = Page.of(client.get("/classes/"))
    assert "You are not in a class yet. Your instructor gives you a code or a link to join one." in page.texts("p")
    text = typed.format(code=code, lower=code.lower(), first=code[:4].lower(), second=code[4:])
    see_other(client.post("/classes/join", data={"code": text}), "/classes/")
    assert members(app, class_id) == [student]
    assert "You joined “History 10B”." in flashes(client)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "Enter the class code your instructor gave you."),
        ("ABC", "A class code has 8 letters and digits; this one has 3."),
        ("Z" * 3000, "A class code has 8 letters and digits; this one has 3000."),
        ("zzzz zzzz", "No class has the code ZZZZ-ZZZZ. Check it with your instructor: they may have replaced it "
                      "with a new one."),
    ],
)
def test_a_code_no_class_has_is_shown_next_to_the_field(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, code: str, message: str
) -> None:
    class_id, _ = make_class(app, teacher)
    accounts.login(client, "ana")
    response = client.post("/classes/join", data={"code": code})
    assert response.status_code == 400
    assert Page.of(response).field_errors("code") == message
    assert members(app, class_id) == []


def test_joining_twice_is_harmless(app: Flask, client: FlaskClient, accounts: Accounts, teacher: int) -> None:
    class_id, code = make_class(app, teacher)
    student = accounts.login(client, "ana")
    client.post("/classes/join", data={"code": code})
    see_other(client.post("/classes/join", data={"code": code}), "/classes/")
    assert "You are already in “History 10B”." in Page.of(client.get("/classes/")).texts(
        "p", **{"class": "flash flash-info"})
    see_other(client.post(f"/classes/join/{code}"), "/classes/")
    assert members(app, class_id) == [student]


def test_the_join_link_shows_the_class_and_joins_it(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int
) -> None:
    class_id, code = make_class(app, teacher)
    student = accounts.login(client, "ana")
    page = Page.of(client.get(f"/classes/join/{code.lower()}"))
    assert page.texts("h1") == ["Join “History 10B”"]
    assert "Instructor: teacher" in page.texts("p")
    assert page.find("form", action=f"/classes/join/{code}")["method"] == "post"
    assert members(app, class_id) == [], "following the link alone does not join"

    see_other(client.post(f"/classes/join/{code}"), "/classes/")
    assert members(app, class_id) == [student]
    page = Page.of(client.get(f"/classes/join/{code}"))
    assert "You are already in this class. See your classes" in page.texts("p")
    assert not page.find_all("form", action=f"/classes/join/{code}")


def test_a_logged_out_visitor_logs_in_and_comes_back_to_the_join_link(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int
) -> None:
    _, code = make_class(app, teacher)
    accounts.create("ana")
    response = client.get(f"/classes/join/{code}")
    assert response.status_code == 302
    login_url = response.headers["Location"]
    assert login_url == f"/auth/login?next=%2Fclasses%2Fjoin%2F{code}"
    back = client.post(login_url, data={"username": "ana", "password": PASSWORD})
    assert back.headers["Location"] == f"/classes/join/{code}"
    assert Page.of(client.get(back.headers["Location"])).texts("h1") == ["Join “History 10B”"]


def test_an_unknown_join_link_says_so(client: FlaskClient, accounts: Accounts) -> None:
    accounts.login(client, "ana")
    response = client.get("/classes/join/NOPE-NOPE")
    assert response.status_code == 404
    page = Page.of(response)
    assert page.texts("h1") == ["No such class"]
    assert page.texts("p", **{"class": "error"}) == [
        "No class has this code. Check the link with your instructor: they may have replaced the code with a new one."
    ]
    assert page.find("form", action="/classes/join")


def test_an_instructor_cannot_join_a_class(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, other_teacher: int
) -> None:
    class_id, code = make_class(app, teacher)
    accounts.login(client, "other")
    page = Page.of(client.get(f"/classes/join/{code}"))
    assert "Instructors cannot join a class; students join it with this link." in page.texts("p")
    assert not page.find_all("form", action=f"/classes/join/{code}")
    see_other(client.post(f"/classes/join/{code}"), "/classes/")
    assert members(app, class_id) == []
    assert "Instructors cannot join a class; students join it with this code." in Page.of(
        client.get("/classes/")).texts("p", **{"class": "flash flash-error"})
    assert client.post("/classes/join", data={"code": code}).status_code == 403
    # their own class's link leads them to it
    accounts.login(client, "teacher")
    with app.app_context():  # a request of its own: Flask-Login caches the user in g
        assert Page.of(client.get(f"/classes/join/{code}")).links()["Open your class"] == f"/classes/{class_id}"


def test_a_student_sees_their_classes_with_assigned_decks_and_leaves_one(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int, other_teacher: int, deck_ids: list[int]
) -> None:
    first, first_code = make_class(app, teacher, "History")
    second, second_code = make_class(app, other_teacher, "Geography")
    assign(app, first, deck_ids[0], date(2026, 12, 1))
    assign(app, first, deck_ids[1])
    student = accounts.login(client, "ana")
    join(app, student, first_code)
    join(app, student, second_code)
    learn(app, student, deck_ids[0], 1)

    page = Page.of(client.get("/classes/"))
    assert page.texts("h3") == ["Geography", "History"]
    assert "Instructor: other" in page.texts("p") and "Instructor: teacher" in page.texts("p")
    assert "No decks are assigned yet." in page.texts("p")
    rows = page.texts("tr")
    assert rows[1] == "Alpha due Dec 1, 2026 1 of 2 learned"
    assert rows[2] == "Beta No due date 0 of 2 learned"
    assert page.find("progress", value="1")["max"] == "2"

    see_other(client.post(f"/classes/{second}/leave"), "/classes/")
    assert members(app, second) == [] and members(app, first) == [student]
    assert "You left “Geography”." in flashes(client)
    assert client.post(f"/classes/{second}/leave").status_code == 404
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewState)) == 1


def test_an_overdue_deck_says_so(app: Flask, client: FlaskClient, accounts: Accounts, teacher: int,
                                 deck_ids: list[int]) -> None:
    class_id, code = make_class(app, teacher)
    assign(app, class_id, deck_ids[0], date(2026, 11, 30))
    student = accounts.login(client, "ana")
    join(app, student, code)
    app.config[clock.CLOCK_CONFIG_KEY] = lambda: datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    page = Page.of(client.get("/classes/"))
    assert page.texts("span", **{"class": "due overdue"}) == ["due Nov 30, 2026 overdue"]


def test_forms_need_the_csrf_token_the_page_gives(
    app: Flask, client: FlaskClient, accounts: Accounts, teacher: int
) -> None:
    class_id, code = make_class(app, teacher)
    accounts.login(client, "ana")
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.post(f"/classes/join/{code}").status_code == 400
    assert members(app, class_id) == []
    text = client.get(f"/classes/join/{code}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', text)
    assert token
    see_other(client.post(f"/classes/join/{code}", data={"csrf_token": token.group(1)}), "/classes/")
    assert len(members(app, class_id)) == 1
