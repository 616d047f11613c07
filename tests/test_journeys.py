"""Whole journeys through the app: loading the bank, a quiz and its retry, a review, the progress page, a class.

Like every test that uses a database, each runs on SQLite and on PostgreSQL (see tests/conftest.py): a
deployment that outgrows SQLite points QUIZAPP_DATABASE_URL at PostgreSQL, and these pages' SQL is written
per database, or searches, groups and joins.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from conftest import SEEDS, Accounts
from flask import Flask

from quizapp.db import db
from quizapp.models import Answer, Card, Deck, ReviewLog, ReviewState
from quizapp.services.bank.loading import load_bank


def test_loading_the_bank_twice_adds_nothing_the_second_time(own_app: Flask) -> None:
    with own_app.app_context():
        first = load_bank([SEEDS])
        second = load_bank([SEEDS])
        assert not first.errors and not second.errors
        # 47 served cards and the 2 disputed ones (1992 and 2002), kept as drafts for an instructor
        assert (first.added, second.added, second.updated, second.unchanged) == (49, 0, 0, 49)
        db.session.remove()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Card)) == 49


def test_a_student_studies_and_sees_progress(own_app: Flask) -> None:
    with own_app.app_context():
        assert not load_bank([SEEDS]).errors
    client = own_app.test_client()
    Accounts(own_app).login(client, "ayu", "student")
    # a fixed clock: the cards missed in the quiz are not due yet when the retry answers them right
    own_app.config["QUIZAPP_CLOCK"] = lambda: datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

    with own_app.app_context():
        keys = {card.id: card.answer_index for card in db.session.scalars(sa.select(Card))}

    def take(quiz_url: str, questions: int, right: bool) -> str:
        """Answer every question right or wrong; return the score page."""
        for _ in range(questions):
            page = client.get(quiz_url, follow_redirects=True).get_data(as_text=True)
            found = re.search(r'name="card_id"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="card_id"', page)
            assert found, page[:500]
            card_id = found.group(1) or found.group(2)
            answer_url = re.search(r'action="([^"]*/answer)"', page).group(1)
            choice = keys[card_id] if right else (keys[card_id] + 1) % 4
            client.post(answer_url, data={"card_id": card_id, "choice": str(choice)})
        return client.get(quiz_url.rstrip("/") + "/result", follow_redirects=True).get_data(as_text=True)

    # a quiz of five questions, each answered wrong: each goes into the schedule
    response = client.post("/study/decks/all/quiz", data={"count": "5"})
    assert response.status_code in (302, 303)
    quiz_url = response.headers["Location"]
    result = take(quiz_url, 5, right=False)
    assert "0/5" in result and "Retry the 5 missed questions" in result

    # its retry, answered right
    response = client.post(quiz_url.rstrip("/") + "/retry")
    assert response.status_code == 303
    assert "5/5" in take(response.headers["Location"], 5, right=True)

    # one review: the first new card (the missed ones are due in a minute), answered with the first option
    page = client.get("/study/review").get_data(as_text=True)
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    card = re.search(r'name="card_id" value="([^"]+)"', page).group(1)
    response = client.post("/study/review/answer", data={"card_id": card, "token": token, "choice": "0"})
    assert "/study/review/feedback/" in response.headers["Location"]

    # the progress page's date arithmetic is written per database
    progress = client.get("/progress/")
    assert progress.status_code == 200
    assert progress.get_data(as_text=True).count("<svg") >= 2
    with own_app.app_context():
        db.session.remove()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Answer)) == 11
        # the five cards met in the quiz (right answers in the retry leave them alone: not due yet) and the review
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ReviewLog)) == 6
        states = db.session.scalars(sa.select(ReviewState)).all()
        assert len(states) == 6 and all(state.due.tzinfo is not None for state in states)


def test_an_instructor_runs_a_class(own_app: Flask) -> None:
    from quizapp.models import Role, User
    from quizapp.services.bank.importing import DeckChoice, import_questions
    from quizapp.services.instructor.assignments import assign_deck
    from quizapp.services.instructor.classes import create_class, join_class

    accounts = Accounts(own_app)
    with own_app.app_context():
        assert not load_bank([SEEDS]).errors
        teacher_id = accounts.create("bu-rina", "instructor")
        student_id = accounts.create("dimas", "student")
        classroom = create_class(db.session.get_one(User, teacher_id), "Kelas 7A")
        all_deck = db.session.scalars(sa.select(Deck).where(Deck.slug == "all")).one()
        assign_deck(classroom, all_deck.id, None)
        join_class(db.session.get_one(User, student_id), classroom.join_code)
        gift = "::Markas::Di kota manakah markas besar CSTO berada? {=Moskow ~Minsk ~Yerevan ~Astana}\n"
        plan = import_questions(gift.encode(), "gift", DeckChoice(name="Soal tambahan"), author_id=teacher_id)
        assert len(plan.questions) == 1
        class_id = classroom.id
        assert db.session.get_one(User, teacher_id).role == Role.INSTRUCTOR

    student = own_app.test_client()
    accounts.login(student, "dimas")
    decks = student.get("/study/").get_data(as_text=True)
    assert "Kelas 7A" in decks
    quiz_url = student.post("/study/decks/all/quiz", data={"count": "5"}).headers["Location"]
    for _ in range(5):
        page = student.get(quiz_url, follow_redirects=True).get_data(as_text=True)
        card_id = re.search(r'name="card_id"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="card_id"', page)
        answer_url = re.search(r'action="([^"]*/answer)"', page).group(1)
        student.post(answer_url, data={"card_id": card_id.group(1) or card_id.group(2), "choice": "0"})

    teacher = own_app.test_client()
    accounts.login(teacher, "bu-rina", "instructor")
    # each page whose SQL is written per database, or searches, groups and joins
    pages = [
        "/author/?q=pashinyan", "/author/disputes", f"/author/items?class_id={class_id}", f"/classes/{class_id}",
        f"/scores/?class={class_id}&report=students", "/author/export?format=csv",
    ]
    for url in pages:
        response = teacher.get(url)
        assert response.status_code == 200, url
    for report in ("attempts", "answers", "students"):
        body = teacher.get(f"/scores/{report}.csv?class={class_id}").get_data(as_text=True)
        assert body.startswith("\ufeff") and "dimas" in body, report
    attempts = teacher.get(f"/scores/attempts.csv?class={class_id}").get_data(as_text=True).splitlines()
    assert len(attempts) == 2 and re.search(r",5,\d+(\.\d)?$", attempts[1]), attempts


def test_accounts_and_logins(own_app: Flask) -> None:
    """One account per name in any case, a lost race as a form error, and a logout that ends the login."""
    from quizapp.models import User
    from quizapp.services import users

    client = own_app.test_client()
    data = {"username": "Ayu", "password": "correct horse", "confirm": "correct horse"}
    assert client.post("/auth/register", data=data).status_code == 302
    saved = client.get_cookie("session").value
    assert client.get("/study/").status_code == 200
    client.post("/auth/logout")
    client.set_cookie("session", saved)
    assert client.get("/study/").status_code == 302

    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr("quizapp.auth.forms.find_user", lambda name: None)
        monkeypatch.setattr(users, "find_user", lambda name: None)
        response = own_app.test_client().post("/auth/register", data={**data, "username": "aYU"})
    assert response.status_code == 200
    assert "That username is taken; choose another." in response.get_data(as_text=True)
    with own_app.app_context():
        assert db.session.scalars(sa.select(User.username)).all() == ["Ayu"]


def test_a_jakarta_students_days(own_app: Flask) -> None:
    from datetime import date, timedelta

    from test_stats import REVIEW, Study, make_card

    from quizapp.days import UTC_DAYS, StudentDay
    from quizapp.services import stats
    from quizapp.services.stats.sql import student_date

    jakarta = StudentDay("Asia/Jakarta", 4)
    turn = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)  # 04:00 on the 25th in Jakarta
    moments = [turn - timedelta(seconds=1), turn, turn + timedelta(hours=23), datetime(2026, 3, 8, 8, 59, tzinfo=UTC)]
    with own_app.app_context():
        siti = Study()
        card = make_card()
        for moment in moments:
            siti.review(card, moment)
        siti.state(make_card(), REVIEW, due=turn - timedelta(seconds=1), last_review=turn - timedelta(days=9))
        for day in (jakarta, StudentDay("America/New_York", 4), UTC_DAYS, StudentDay("UTC", 4)):
            from_sql = db.session.scalars(
                sa.select(student_date(ReviewLog.reviewed_at, day)).order_by(ReviewLog.id)
            ).all()
            assert from_sql == [day.day_of(moment) for moment in moments], day

        now = turn + timedelta(hours=1)
        calendar = stats.review_calendar(siti.id, now, day=jakarta)
        assert dict(calendar.counts) == {date(2026, 11, 24): 1, date(2026, 11, 25): 2}
        streak = stats.study_streak(siti.id, now, day=jakarta)
        assert (streak.current, streak.studied_today) == (2, True)
        forecast = stats.due_forecast(siti.id, now, day=jakarta)
        assert (forecast.days[0], forecast.overdue) == ((date(2026, 11, 25), 1), 1)


def test_the_queue_with_held_cards_undo_answer_totals_and_a_streak(own_app: Flask) -> None:
    # The pages' few statements (queue_status, deck_counts, the streak's recursive query, the totals' trigger) are
    # written per database: the same answers as SQLite's on PostgreSQL.
    from datetime import timedelta

    from test_stats import REVIEW, Study, make_card, make_deck

    from quizapp.days import StudentDay
    from quizapp.models import HeldCard
    from quizapp.services import stats
    from quizapp.services.study import deck_counts, queue, undo

    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    with own_app.app_context():
        deck = make_deck("d", "Deck")
        due, suspended, buried, new, held_new = (make_card(decks=[deck]) for _ in range(5))
        siti = Study()
        for card in (due, suspended, buried):
            siti.state(card, REVIEW, due=now - timedelta(hours=1), last_review=now - timedelta(days=9))
        db.session.add_all([
            HeldCard(user_id=siti.id, card_id=suspended.id, suspended=True),
            HeldCard(user_id=siti.id, card_id=buried.id, buried_until=now + timedelta(hours=3)),
            HeldCard(user_id=siti.id, card_id=held_new.id, suspended=True),
        ])
        at = now - timedelta(minutes=5)
        log = ReviewLog(
            user_id=siti.id, card_id=due.id, rating=3, reviewed_at=at, state_before=REVIEW, step_before=None,
            stability_before=10.0, difficulty_before=5.0, due_before=at, last_review_before=now - timedelta(days=9),
            state_after=REVIEW, step_after=None, stability_after=12.0, difficulty_after=5.0,
            due_after=at + timedelta(days=10),
        )
        db.session.add(log)
        db.session.flush()

        status = queue.queue_status(siti.user, deck.id, now)
        assert (status.due, status.new, status.allowance.reviews_done) == (1, 1, 1)
        assert status.next_due == now + timedelta(hours=3)  # the buried card comes back
        assert status.latest_rating is not None and status.latest_rating.id == log.id
        assert undo.last_rating(siti.user, now, status) == undo.last_rating(siti.user, now)
        item = queue.next_card(siti.user, deck.id, now, status)
        assert item is not None and item.card.id == due.id and len(item.card.choices) == 4
        counts = deck_counts.deck_counts(siti.id, [deck.id], now)[deck.id]  # the buried card is learned, only hidden
        assert (counts.new, counts.due, counts.learned, counts.suspended, counts.total) == (1, 1, 2, 2, 5)

        first = siti.answer(new, True, now)
        siti.answer(new, False, now)
        db.session.execute(sa.delete(sa.table("answers", sa.column("id"))).where(sa.column("id") == first.id))
        totals = db.session.execute(sa.text("SELECT user_id, card_id, answered, correct FROM answer_totals")).all()
        assert [tuple(row) for row in totals] == [(siti.id, new.id, 1, 0)]

        # a zone with clock changes reads every day; one without steps along the indexes: the same streak
        for hours in (1, 30, 50):
            siti.answer(new, True, now - timedelta(hours=hours))
        for zone in ("America/New_York", "Asia/Jakarta", "UTC"):
            day = StudentDay(zone, 4)
            streak = stats.study_streak(siti.id, now, day=day)
            days = {day.day_of(now - timedelta(hours=h)) for h in (0, 1, 30, 50)} | {day.day_of(log.reviewed_at)}
            assert streak == stats.streak_from_days(days, day.today(now)), zone
