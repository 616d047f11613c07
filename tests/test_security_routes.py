"""Every route, found from the URL map, asked by an anonymous visitor, a student, another student and an
instructor: each answer is one expected for who asks, never a 500, and no page needs inline script or style."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from conftest import Accounts
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.routing import Rule

from quizapp import create_app
from quizapp.db import db
from quizapp.models import Answer, Article, Card, Classroom, Deck, QuizSession, ReviewLog, User
from quizapp.services.instructor.assignments import assign_deck

#: Pages anyone may see; every other route sends an anonymous visitor to log in.
PUBLIC = {"main.index", "main.health", "main.set_language", "auth.login", "auth.register", "auth.logout", "static"}
#: The instructor's blueprints, and the routes in them that students use too (joining and leaving a class).
INSTRUCTOR_BLUEPRINTS = ("author", "scores", "classes")
OPEN_TO_STUDENTS = {"classes.index", "classes.join", "classes.join_by_code", "classes.leave"}
#: What only students do: instructors do not join or leave classes, and are refused (403).
STUDENTS_ONLY = {"classes.join", "classes.join_by_code", "classes.leave"}
#: URL arguments that name what one student owns: another user must get "not found" (or "forbidden").
OWNED = {"quiz_id", "answer_id"}
#: What a request that is allowed, or refused by a form, may answer.
ANSWERED = {200, 302, 303, 400, 404}
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle\s*=|\son[a-z]+\s*=", re.I)


def routes() -> list[tuple[str, str, Rule]]:
    """Return (endpoint, method, rule) for every route and method of the app."""
    app = create_app({"TESTING": True, "SECRET_KEY": "routes"})
    found = []
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((rule.endpoint, method, rule))
    return sorted(found, key=lambda route: (route[0], route[1]))


ROUTES = routes()


def instructor_only(endpoint: str) -> bool:
    return endpoint.split(".")[0] in INSTRUCTOR_BLUEPRINTS and endpoint not in OPEN_TO_STUDENTS


@dataclass
class World:
    """A class with a student who took a quiz, another student, and their instructor, each with a browser."""

    arguments: dict[str, object]
    browsers: dict[str, FlaskClient | None]


@pytest.fixture
def world(bank_app: Flask, bank_accounts: Accounts) -> Iterator[World]:
    teacher, ayu, budi = bank_app.test_client(), bank_app.test_client(), bank_app.test_client()
    bank_accounts.login(teacher, "teacher", "instructor")
    ayu_id = bank_accounts.login(ayu, "ayu", "student")
    bank_accounts.login(budi, "budi", "student")

    class_url = teacher.post("/classes/", data={"name": "7A"}).headers["Location"]
    class_id = int(class_url.rstrip("/").rsplit("/", 1)[1])
    with bank_app.app_context():
        classroom = db.session.get_one(Classroom, class_id)
        deck_id = db.session.scalar(sa.select(Deck.id).where(Deck.slug == "all"))
        assign_deck(classroom, deck_id, None)
        code = classroom.join_code
    ayu.post("/classes/join", data={"code": code})

    # Ayu starts a quiz and answers its first question, as in the browser.
    quiz_url = ayu.post("/study/decks/all/quiz", data={"count": "5"}).headers["Location"]
    page = ayu.get(quiz_url).get_data(as_text=True)
    card = re.search(r'name="card_id"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="card_id"', page)
    answer_url = re.search(r'action="([^"]*/answer)"', page).group(1)
    ayu.post(answer_url, data={"card_id": card.group(1) or card.group(2), "choice": "0"})

    with bank_app.app_context():
        assert db.session.scalars(sa.select(User.id).join(QuizSession, QuizSession.user_id == User.id)).all()
        quiz_id = db.session.scalar(sa.select(QuizSession.id).where(QuizSession.user_id == ayu_id))
        answer_id = db.session.scalar(sa.select(Answer.id).where(Answer.user_id == ayu_id))
        card_id = db.session.scalars(sa.select(Card.id).order_by(Card.id)).first()
        # the quiz answer met a new card, so it fed the schedule: the rating an undo would take back
        rating_id = db.session.scalar(sa.select(ReviewLog.id).where(ReviewLog.user_id == ayu_id))
        assert rating_id is not None
        article_id = db.session.scalars(sa.select(Article.id).order_by(Article.id)).first()
    arguments = {
        "quiz_id": quiz_id, "position": 0, "answer_id": answer_id, "rating_id": rating_id, "slug": "all",
        "card_id": card_id,
        "class_id": class_id, "deck_id": deck_id, "user_id": ayu_id, "code": code, "report": "attempts",
        "filename": "quizapp.css", "article_id": article_id,
    }
    yield World(arguments, {"anonymous": bank_app.test_client(), "student": ayu, "another student": budi,
                            "instructor": teacher})


def test_every_route_is_found() -> None:
    endpoints = {endpoint for endpoint, _, _ in ROUTES}
    assert {"study.quiz_question", "classes.detail", "author.index", "auth.account", "main.health",
            "study.article"} <= endpoints
    assert len(ROUTES) >= 55


@pytest.mark.parametrize(("endpoint", "method", "rule"), ROUTES, ids=[f"{m} {r.rule}" for _, m, r in ROUTES])
def test_every_route_answers_each_kind_of_user_as_expected(
    world: World, endpoint: str, method: str, rule: Rule
) -> None:
    path = rule.build({name: world.arguments[name] for name in rule.arguments})[1]
    owned = bool(OWNED & rule.arguments)
    for who in ("anonymous", "another student", "instructor", "student"):
        client = world.browsers[who]
        with client.open(path, method=method, data={}) as response:
            status, body = response.status_code, response.get_data(as_text=True)
        where = (who, method, path, status)
        assert status != 500 and "Traceback" not in body, where
        if who == "anonymous":
            if endpoint in PUBLIC:
                assert status in ANSWERED, where
            else:
                assert status == 302 and response.headers["Location"].startswith("/auth/login"), where
        elif who != "instructor" and instructor_only(endpoint):
            assert status == 403, where
        elif owned and who != "student":
            assert status in {403, 404}, where  # another user's quiz or answer is not theirs to see
        elif who == "instructor" and endpoint in STUDENTS_ONLY:
            assert status in ANSWERED | {403}, where
        else:
            assert status in ANSWERED, where
        if status == 200 and response.mimetype == "text/html":
            assert not INLINE.search(body), (where, INLINE.search(body).group(0))
