"""Deck schedule totals, which triggers on review_states and deck_cards keep equal to each user's schedules per deck."""

from __future__ import annotations

from datetime import UTC, datetime

import flask_migrate
import fsrs
import sqlalchemy as sa
from flask import Flask
from test_stats import make_card, make_deck

from quizapp.db import db
from quizapp.models import Card, CardStatus, Deck, DeckScheduleTotal, ReviewState, User, deck_cards

NOW = datetime(2026, 12, 1, tzinfo=UTC)
LEARNING, REVIEW = int(fsrs.State.Learning), int(fsrs.State.Review)


def totals() -> dict[tuple[int, int], tuple[int, int]]:
    """Return the stored totals by (user, deck), leaving out those at zero: schedules, learned ones."""
    total = DeckScheduleTotal
    rows = db.session.execute(sa.select(total.user_id, total.deck_id, total.met, total.learned))
    return {(user_id, deck_id): (met, learned) for user_id, deck_id, met, learned in rows if met or learned}


def counted_from_schedules() -> dict[tuple[int, int], tuple[int, int]]:
    """Return the same totals counted from review_states and deck_cards."""
    query = (
        sa.select(
            ReviewState.user_id, deck_cards.c.deck_id, sa.func.count(),
            sa.func.count(sa.case((ReviewState.state == REVIEW, 1))),
        )
        .join(deck_cards, deck_cards.c.card_id == ReviewState.card_id)
        .group_by(ReviewState.user_id, deck_cards.c.deck_id)
    )
    return {(user_id, deck_id): (met, learned) for user_id, deck_id, met, learned in db.session.execute(query)}


def make_user(name: str) -> User:
    user = User(username=name, password_hash="not-a-login")
    db.session.add(user)
    db.session.flush()
    return user


def schedule(user: User, card: Card, state: int = LEARNING) -> ReviewState:
    state_row = ReviewState(user_id=user.id, card_id=card.id, state=state, step=0, stability=1.0, difficulty=5.0,
                            due=NOW, last_review=NOW)
    db.session.add(state_row)
    db.session.flush()
    return state_row


def test_the_totals_follow_every_schedule_and_card_added_changed_moved_or_deleted(app: Flask) -> None:
    first, second = make_deck("first", "First"), make_deck("second", "Second")
    siti, budi = make_user("siti"), make_user("budi")
    both = make_card(decks=[first, second])
    one = make_card(decks=[first])
    retired = make_card(decks=[second], status=CardStatus.RETIRED)  # counted too: the page takes it off itself
    a = schedule(siti, both)
    schedule(siti, one, REVIEW)
    schedule(budi, retired, REVIEW)
    assert totals() == counted_from_schedules() == {
        (siti.id, first.id): (2, 1), (siti.id, second.id): (1, 0), (budi.id, second.id): (1, 1),
    }

    a.state = REVIEW  # learned
    db.session.flush()
    assert totals() == counted_from_schedules()
    assert totals()[siti.id, second.id] == (1, 1)
    # an answer that only moves the due date changes no total
    db.session.execute(sa.update(ReviewState).where(ReviewState.id == a.id).values(due=NOW, stability=2.0))
    db.session.execute(sa.update(ReviewState).where(ReviewState.id == a.id).values(user_id=budi.id))
    assert totals() == counted_from_schedules() == {
        (siti.id, first.id): (1, 1), (budi.id, first.id): (1, 1), (budi.id, second.id): (2, 2),
    }

    # bulk statements on deck_cards, which the ORM does not make, fire the triggers too
    db.session.execute(sa.insert(deck_cards), [{"deck_id": second.id, "card_id": one.id}])
    db.session.execute(sa.update(deck_cards).where(deck_cards.c.card_id == retired.id).values(deck_id=first.id))
    assert totals() == counted_from_schedules() == {
        (siti.id, first.id): (1, 1), (siti.id, second.id): (1, 1), (budi.id, first.id): (2, 2),
        (budi.id, second.id): (1, 1),
    }
    db.session.execute(sa.delete(deck_cards).where(deck_cards.c.card_id == both.id, deck_cards.c.deck_id == first.id))
    assert totals() == counted_from_schedules()

    # a schedule deleted, a card deleted after its schedules, a deck deleted
    db.session.execute(sa.delete(ReviewState).where(ReviewState.card_id == one.id))
    assert totals() == counted_from_schedules()
    db.session.execute(sa.delete(ReviewState).where(ReviewState.card_id == retired.id))
    db.session.execute(sa.delete(Card).where(Card.id == retired.id))
    assert totals() == counted_from_schedules() == {(budi.id, second.id): (1, 1)}
    db.session.execute(sa.delete(Deck).where(Deck.id == second.id))
    assert second.id not in db.session.scalars(sa.select(DeckScheduleTotal.deck_id)).all()
    assert totals() == counted_from_schedules() == {}


def test_the_migration_counts_the_schedules_already_made(app: Flask) -> None:
    first, second = make_deck("first", "First"), make_deck("second", "Second")
    siti = make_user("siti")
    schedule(siti, make_card(decks=[first, second]), REVIEW)
    schedule(siti, make_card(decks=[first], status=CardStatus.RETIRED))
    db.session.commit()
    flask_migrate.downgrade(revision="9d3b7e1f4a62-1")  # before deck_schedule_totals
    flask_migrate.upgrade()
    assert totals() == counted_from_schedules() == {(siti.id, first.id): (2, 1), (siti.id, second.id): (1, 1)}
