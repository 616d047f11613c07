"""The totals the progress page reads, which triggers keep equal to the rows they count: study days in each student's
own days, answer totals per deck and per kind, and schedule totals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import flask_migrate
import pytest
import sqlalchemy as sa
from flask import Flask
from test_stats import AGAIN, EASY, GOOD, LEARNING, NOW, RELEARNING, REVIEW, Study, make_card, make_deck

from quizapp.days import StudentDay
from quizapp.db import db
from quizapp.models import (
    AnswerTotal,
    Card,
    CardStatus,
    DeckAnswerTotal,
    KindAnswerTotal,
    ReviewLog,
    ReviewState,
    ScheduleTotal,
    User,
    deck_cards,
)
from quizapp.services import stats

#: Zones whose days stress the counting: plain UTC, a day start hour, a fixed offset, daylight saving time, a
#: quarter-hour offset, a half-hour clock change, and a name this machine does not know (read as UTC).
ZONES = [
    ("UTC", 0), ("UTC", 4), ("Asia/Jakarta", 4), ("America/New_York", 4), ("Europe/Berlin", 0),
    ("Asia/Kathmandu", 0), ("Australia/Lord_Howe", 2), ("Atlantis/Poseidonia", 4),
]
#: Around the clock changes of 2026 (New York: 8 March and 1 November; Berlin: 29 March and 25 October; Lord Howe:
#: 5 April and 4 October), at the hours where days begin, and the last weeks before now.
MOMENTS = sorted(
    {datetime(2026, month, mday, hour, minute, tzinfo=UTC)
     for month, mday in ((3, 7), (3, 8), (3, 9), (3, 28), (3, 29), (4, 4), (4, 5), (10, 3), (10, 4), (10, 24),
                         (10, 25), (10, 31), (11, 1), (11, 2))
     for hour, minute in ((0, 10), (1, 50), (6, 55), (8, 5), (15, 20), (21, 40))}
    | {NOW - timedelta(days=n, hours=h) for n in range(0, 40, 3) for h in (1, 7, 13, 20)}
)


def expected_activity(user: User) -> tuple[stats.Streak, stats.ReviewCalendar, stats.Retention]:
    """Count the streak, review calendar and true retention from every review and answer, in the user's days."""
    day = StudentDay.of(user)
    calendar, retention = stats.review_summary(user.id, NOW, day=day)
    return stats.study_streak(user.id, NOW, day=day), calendar, retention


def write_history(study: Study, cards: list[Card]) -> list[ReviewLog]:
    """Review and answer cards at every moment: rated Again, Good or Easy, due then or not yet, learning or not."""
    logs = []
    for i, at in enumerate(MOMENTS):
        card = cards[i % len(cards)]
        due = at if i % 4 else at + timedelta(days=2)
        logs.append(study.review(card, at, rating=(AGAIN, GOOD, EASY)[i % 3],
                                 state_before=LEARNING if i % 5 == 0 else REVIEW, due=due))
        if i % 2:
            study.answer(card, i % 3 != 0, at + timedelta(minutes=1))
    return logs


@pytest.mark.parametrize(("zone", "start_hour"), ZONES)
def test_study_days_count_every_review_and_answer_in_the_students_own_days(
    app: Flask, zone: str, start_hour: int
) -> None:
    siti = Study()
    siti.user.time_zone, siti.user.day_start_hour = zone, start_hour
    db.session.flush()
    cards = [make_card(), make_card()]
    logs = write_history(siti, cards)
    assert stats.study_activity(siti.user, NOW) == expected_activity(siti.user)

    # Rows deleted (undo) or changed go out of their day; a day left with nothing goes out of the streak too.
    db.session.execute(sa.delete(ReviewLog).where(ReviewLog.id.in_([log.id for log in logs[::3]])))
    db.session.execute(sa.update(ReviewLog).where(ReviewLog.id == logs[1].id)
                       .values(reviewed_at=NOW - timedelta(hours=2), rating=AGAIN))
    db.session.execute(sa.text("DELETE FROM answers WHERE id % 2 = 0"))
    db.session.expire_all()
    assert stats.study_activity(siti.user, NOW) == expected_activity(siti.user)


@pytest.mark.parametrize(("zone", "start_hour"), ZONES)
def test_a_new_time_zone_or_day_start_counts_the_days_again(app: Flask, zone: str, start_hour: int) -> None:
    siti, budi = Study("siti"), Study("budi")
    cards = [make_card(), make_card()]
    write_history(siti, cards)
    write_history(budi, cards[:1])
    budi_before = stats.study_activity(budi.user, NOW)

    siti.user.time_zone, siti.user.day_start_hour = zone, start_hour
    db.session.commit()
    assert stats.study_activity(siti.user, NOW) == expected_activity(siti.user)
    siti.user.day_start_hour = (start_hour + 7) % 24
    db.session.commit()
    assert stats.study_activity(siti.user, NOW) == expected_activity(siti.user)
    assert stats.study_activity(budi.user, NOW) == budi_before  # another student's days are left alone


def kept_totals() -> dict[tuple[str, int | str], tuple[int, int]]:
    """Return the stored totals per (user, deck) and (user, kind): correct, answered."""
    decks = db.session.execute(sa.select(DeckAnswerTotal.user_id, DeckAnswerTotal.deck_id, DeckAnswerTotal.correct,
                                         DeckAnswerTotal.answered))
    kinds = db.session.execute(sa.select(KindAnswerTotal.user_id, KindAnswerTotal.kind, KindAnswerTotal.correct,
                                         KindAnswerTotal.answered))
    return {(f"deck {user_id}", key): (correct, answered) for user_id, key, correct, answered in decks} | {
        (f"kind {user_id}", key): (correct, answered) for user_id, key, correct, answered in kinds
    }


def summed_totals() -> dict[tuple[str, int | str], tuple[int, int]]:
    """Return the same totals summed from the answer totals per card, with the decks and kinds the cards have now."""
    by_deck = (
        sa.select(AnswerTotal.user_id, deck_cards.c.deck_id, sa.func.sum(AnswerTotal.correct),
                  sa.func.sum(AnswerTotal.answered))
        .join(deck_cards, deck_cards.c.card_id == AnswerTotal.card_id)
        .group_by(AnswerTotal.user_id, deck_cards.c.deck_id)
    )
    by_kind = (
        sa.select(AnswerTotal.user_id, Card.kind, sa.func.sum(AnswerTotal.correct), sa.func.sum(AnswerTotal.answered))
        .join(Card, Card.id == AnswerTotal.card_id)
        .group_by(AnswerTotal.user_id, Card.kind)
    )
    return {(f"deck {user_id}", key): (int(correct), int(answered))
            for user_id, key, correct, answered in db.session.execute(by_deck)} | {
        (f"kind {user_id}", key): (int(correct), int(answered))
        for user_id, key, correct, answered in db.session.execute(by_kind)
    }


def test_deck_and_kind_totals_follow_answers_deck_cards_and_kinds(app: Flask) -> None:
    everything, armenia, pashinyan = make_deck("all", "All"), make_deck("armenia", "A"), make_deck("pashinyan", "P")
    member = make_card("member", [everything, armenia])
    date_card = make_card("date", [everything])
    siti, budi = Study("siti"), Study("budi")
    right = siti.answer(member, True, NOW)
    siti.answer(member, False, NOW)
    siti.answer(date_card, True, NOW)
    budi.answer(member, True, NOW)
    assert kept_totals() == summed_totals()
    assert kept_totals()[("deck " + str(siti.id), armenia.id)] == (1, 2)

    db.session.execute(sa.insert(deck_cards).values(deck_id=pashinyan.id, card_id=member.id))  # a card joins a deck
    db.session.execute(sa.delete(deck_cards).where(deck_cards.c.deck_id == armenia.id))  # and leaves one
    assert kept_totals() == summed_totals()
    assert all(key[1] != armenia.id for key in kept_totals())  # a deck with no answers left has no total

    member.kind = "role"  # a card changes its kind
    right.correct = False  # an answer changes
    db.session.flush()
    assert kept_totals() == summed_totals()
    right.card_id = date_card.id  # an answer moves to another card
    db.session.flush()
    assert kept_totals() == summed_totals()

    db.session.execute(sa.text("DELETE FROM answers WHERE user_id = :user"), {"user": budi.id})
    db.session.execute(sa.delete(deck_cards).where(deck_cards.c.card_id == date_card.id))
    assert kept_totals() == summed_totals()
    db.session.execute(sa.text("DELETE FROM answers"))
    assert kept_totals() == {}


def test_the_migration_counts_the_history_already_stored(app: Flask) -> None:
    deck = make_deck("all", "All")
    cards = [make_card("member", [deck]), make_card("date", [deck])]
    siti, budi = Study("siti"), Study("budi")
    siti.user.time_zone = "America/New_York"
    write_history(siti, cards)
    write_history(budi, cards[1:])
    siti.state(cards[0], REVIEW, due=NOW, last_review=NOW - timedelta(days=30))
    siti.state(cards[1], LEARNING, due=NOW, last_review=NOW)
    db.session.commit()
    kept, activity = kept_totals(), stats.study_activity(siti.user, NOW)
    assert activity == expected_activity(siti.user) and kept == summed_totals()
    assert stats.card_counts(siti.id) == stats.CardCounts(studied=2, learned=1, mature=1)
    siti_id = siti.id
    db.session.remove()

    flask_migrate.downgrade(revision="7b3e5f0c9d21")  # the totals and their triggers go
    assert "study_days" not in sa.inspect(db.engine).get_table_names()
    flask_migrate.upgrade()  # and come back, counted from the reviews, answers and answer totals stored

    db.session.remove()
    assert kept_totals() == kept
    assert stats.study_activity(db.session.get(User, siti_id), NOW) == activity
    assert stats.card_counts(siti_id) == stats.CardCounts(studied=2, learned=1, mature=1)


def test_the_progress_page_counts_what_the_student_did_in_their_days(app: Flask, client, accounts) -> None:
    user_id = accounts.login(client, "siti")
    user = db.session.get(User, user_id)
    user.time_zone, user.day_start_hour = "America/New_York", 4
    write_history(Study.of(user), [make_card("member", [make_deck("all", "All")])])
    db.session.commit()
    app.config["QUIZAPP_CLOCK"] = lambda: NOW
    streak, calendar, retention = expected_activity(user)
    html = client.get("/progress/").get_data(as_text=True)
    assert f"{calendar.total} reviews since" in html
    assert f"{retention.passed} of {retention.total} reviews passed" in html


def counted_schedule(user_id: int, day: StudentDay, days: int = stats.FORECAST_DAYS) -> tuple[stats.CardCounts,
                                                                                             stats.Forecast]:
    """Count the user's cards and forecast from every ReviewState row, in Python."""
    states = db.session.scalars(sa.select(ReviewState).where(ReviewState.user_id == user_id)).all()
    learned = [state for state in states if state.state == REVIEW]
    mature = [state for state in learned
              if state.last_review and state.due - state.last_review >= timedelta(days=stats.MATURE_DAYS)]
    today = day.today(NOW)
    counts = dict.fromkeys((today + timedelta(days=i) for i in range(days)), 0)
    overdue = 0
    for state in states:
        if db.session.get(Card, state.card_id).status == CardStatus.RETIRED:
            continue
        due_day = day.day_of(state.due)
        if due_day < today:
            overdue, due_day = overdue + 1, today
        if due_day in counts:
            counts[due_day] += 1
    return (stats.CardCounts(len(states), len(learned), len(mature)),
            stats.Forecast(days=tuple(counts.items()), overdue=overdue))


@pytest.mark.parametrize(("zone", "start_hour"), ZONES[:-1])
def test_schedule_totals_and_forecast_follow_every_schedule_stored_changed_or_deleted(
    app: Flask, zone: str, start_hour: int
) -> None:
    day = StudentDay(zone, start_hour)
    siti, budi = Study("siti"), Study("budi")
    states = []
    for i, at in enumerate(MOMENTS[::2] + [NOW + timedelta(days=n, hours=n) for n in range(0, 40, 2)]):
        card = make_card(status=CardStatus.RETIRED if i % 11 == 0 else CardStatus.ACTIVE)
        last = at - timedelta(days=(3, 20, 21, 40)[i % 4], seconds=i % 2)
        states.append(siti.state(card, (LEARNING, REVIEW, REVIEW, RELEARNING)[i % 4], due=at, last_review=last))
        if i % 3 == 0:
            budi.state(card, REVIEW, due=at, last_review=at - timedelta(days=30))
    assert stats.schedule_summary(siti.id, NOW, day=day) == counted_schedule(siti.id, day)

    # a review moves a card on, another is forgotten, a schedule is removed
    states[1].state, states[1].due = REVIEW, NOW + timedelta(days=25)
    states[2].state = RELEARNING
    states[5].last_review = None
    db.session.delete(states[3])
    db.session.flush()
    assert stats.schedule_summary(siti.id, NOW, day=day) == counted_schedule(siti.id, day)
    assert stats.card_counts(budi.id) == counted_schedule(budi.id, day)[0]
    db.session.execute(sa.delete(ReviewState))
    assert stats.schedule_summary(siti.id, NOW, day=day) == counted_schedule(siti.id, day)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ScheduleTotal)) == 0
