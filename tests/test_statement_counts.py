"""SQL statements per page stay few however long a student's history: counted, not timed (bench/serve.py times them)."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quizapp.db import db
from quizapp.models import Answer, Card, CardStatus, Deck, QuizItem, QuizSession, ReviewLog, ReviewState
from tests.web_helpers import Clock, counted

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
#: The caps of issue 13, the login's own statement included.
NEXT_CARD_CAP = 4
PROGRESS_CAP = 6
#: An answer: the login's statement, the card with its choices and schedule, the answer, the schedule and its log.
ANSWER_CAP = 5
REVIEW, LEARNING, GOOD, AGAIN = 2, 1, 3, 1


@pytest.fixture
def clock(bank_app: Flask) -> Clock:
    clock = Clock(NOW)
    bank_app.config["QUIZAPP_CLOCK"] = clock
    return clock


@pytest.fixture
def student(bank_client: FlaskClient, bank_accounts, clock: Clock) -> int:
    """Log the client in as a student and return the student's id."""
    return bank_accounts.login(bank_client, "siti")


def write_history(app: Flask, user_id: int, *, days: int, per_day: int) -> None:
    """Give the student a history: a review state per card (some due), reviews and answers every day, quizzes."""
    with app.app_context():
        cards = list(db.session.scalars(
            sa.select(Card).where(Card.status == CardStatus.ACTIVE).order_by(Card.id)
        ))
        deck = db.session.scalar(sa.select(Deck).where(Deck.slug == "all"))
        studied = cards[: len(cards) * 2 // 3]  # the rest stay new
        for i, card in enumerate(studied):
            due = NOW - timedelta(hours=1 + i) if i % 3 == 0 else NOW + timedelta(days=1 + i)
            db.session.add(ReviewState(
                user_id=user_id, card_id=card.id, state=REVIEW if i % 4 else LEARNING, step=None if i % 4 else 0,
                stability=10.0, difficulty=5.0, due=due, last_review=due - timedelta(days=10),
            ))
        logs, answers = [], []
        for day in range(1, days + 1):
            for n in range(per_day):
                card = studied[(day * per_day + n) % len(studied)]
                at = NOW - timedelta(days=day, minutes=n)
                logs.append({
                    "user_id": user_id, "card_id": card.id, "rating": AGAIN if n % 5 == 0 else GOOD, "reviewed_at": at,
                    "state_before": REVIEW, "step_before": None, "stability_before": 10.0, "difficulty_before": 5.0,
                    "due_before": at, "state_after": REVIEW, "step_after": None, "stability_after": 12.0,
                    "difficulty_after": 5.0, "due_after": at + timedelta(days=10),
                })
                answers.append({
                    "user_id": user_id, "card_id": card.id, "session_id": None, "chosen_position": 0,
                    "correct": n % 3 != 0, "time_taken_ms": 4_000, "card_version": 1, "answered_at": at,
                })
        db.session.execute(sa.insert(ReviewLog), logs)
        db.session.execute(sa.insert(Answer), answers)
        for q in range(60):  # more than a page of quizzes
            quiz = QuizSession(user_id=user_id, deck=deck, started_at=NOW - timedelta(days=q, hours=2))
            quiz.items = [QuizItem(position=i, card=card) for i, card in enumerate(studied[:3])]
            db.session.add(quiz)
        db.session.commit()


def statements_of(app: Flask, client: FlaskClient, path: str) -> list[str]:
    """Request path twice (the first fills the caches that start-up leaves empty) and return the second's SQL."""
    assert client.get(path).status_code == 200
    with counted(app) as statements:
        response = client.get(path)
    assert response.status_code == 200, path
    return statements


@pytest.mark.parametrize("path", [
    "/study/review", "/study/review?deck=all", "/study/review?deck={article}", "/study/review?mode=flashcard",
])
def test_the_next_card_page_runs_at_most_four_statements(
    bank_app: Flask, bank_client: FlaskClient, student: int, path: str
) -> None:
    write_history(bank_app, student, days=30, per_day=10)
    with bank_app.app_context():
        article = db.session.scalar(sa.select(Deck.slug).where(Deck.article_id.is_not(None)).order_by(Deck.id))
    path = path.format(article=article)
    statements = statements_of(bank_app, bank_client, path)
    assert "Due for review" in bank_client.get(path).get_data(as_text=True)
    assert len(statements) <= NEXT_CARD_CAP, statements


def test_the_next_card_page_for_a_new_card_runs_at_most_four_statements(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    # Nothing due: the queue goes on to a new card.
    statements = statements_of(bank_app, bank_client, "/study/review")
    assert "New card" in bank_client.get("/study/review").get_data(as_text=True)
    assert len(statements) <= NEXT_CARD_CAP, statements


@pytest.mark.parametrize(("days", "per_day"), [(3, 5), (60, 10)])
@pytest.mark.parametrize("page", [1, 2])
def test_the_progress_page_runs_at_most_six_statements_however_long_the_history(
    bank_app: Flask, bank_client: FlaskClient, student: int, days: int, per_day: int, page: int
) -> None:
    write_history(bank_app, student, days=days, per_day=per_day)
    statements = statements_of(bank_app, bank_client, f"/progress/?page={page}")
    assert len(statements) <= PROGRESS_CAP, statements
    html = bank_client.get(f"/progress/?page={page}").get_data(as_text=True)
    # the page shows the history it was given: the streak of every day before today, and the reviews
    assert re.search(rf"\b{days} days\b", html)


def test_the_next_card_page_offering_an_undo_runs_at_most_four_statements(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    # A rating made today: the page offers to undo it, read in the queue's own statement.
    write_history(bank_app, student, days=3, per_day=5)
    with bank_app.app_context():
        state = db.session.scalars(sa.select(ReviewState).where(ReviewState.user_id == student)).first()
        db.session.execute(sa.insert(ReviewLog), [{
            "user_id": student, "card_id": state.card_id, "rating": GOOD, "reviewed_at": NOW - timedelta(minutes=5),
            "state_before": state.state, "step_before": state.step, "stability_before": state.stability,
            "difficulty_before": state.difficulty, "due_before": state.due, "last_review_before": state.last_review,
            "state_after": REVIEW, "step_after": None, "stability_after": 12.0, "difficulty_after": 5.0,
            "due_after": NOW + timedelta(days=10),
        }])
        deck = db.session.scalar(sa.select(Deck.slug).where(Deck.article_id.is_not(None)).order_by(Deck.id))
        db.session.commit()
    for path in ("/study/review", f"/study/review?deck={deck}"):
        statements = statements_of(bank_app, bank_client, path)
        assert "Undo" in bank_client.get(path).get_data(as_text=True), path
        assert len(statements) <= NEXT_CARD_CAP, statements


@pytest.mark.parametrize("history", [False, True])
def test_answering_a_card_runs_at_most_five_statements(
    bank_app: Flask, bank_client: FlaskClient, student: int, history: bool
) -> None:
    if history:  # a due card, whose schedule is updated rather than made
        write_history(bank_app, student, days=3, per_day=5)
    for _ in range(2):  # the first fills the caches that start-up leaves empty
        page = bank_client.get("/study/review").get_data(as_text=True)
        assert ("Due for review" if history else "New card") in page
        form = {name: html.unescape(value)
                for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page)}
        with counted(bank_app) as statements:
            response = bank_client.post("/study/review/answer", data=form | {"choice": "0"})
        assert response.status_code == 302 and "/study/review/feedback/" in response.location
    assert len(statements) <= ANSWER_CAP, statements
    with bank_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewLog).where(
            ReviewLog.user_id == student, ReviewLog.reviewed_at == NOW)) == 2
