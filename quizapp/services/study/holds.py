"""Cards a student sets aside, as in Anki: suspended until unsuspended, or buried until their next day begins.

A held card keeps its schedule and its place (new, learning or learned); review leaves it out, and so do the
due counts, while it is held. A suspended card is counted apart on the deck page, so that the counts still add
up to the deck. Holds are one student's own: each is a row of that student's (user, card), and quizzes ignore
them (a quiz is the student's choice of questions, and its score a record).
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from quizapp.days import StudentDay
from quizapp.db import db
from quizapp.models import Card, CardStatus, HeldCard, User, deck_cards
from quizapp.services.study.held import suspended


def next_day_start(user: User, now: datetime) -> datetime:
    """Return when the user's next day begins (in their time zone, at their day-start hour): a buried card comes
    back then."""
    return StudentDay.of(user).end_of_today(now)


def _hold_of(user_id: int, card_id: str) -> HeldCard | None:
    return db.session.scalar(sa.select(HeldCard).where(HeldCard.user_id == user_id, HeldCard.card_id == card_id))


def _hold_for_update(user_id: int, card_id: str) -> HeldCard:
    """Return the user's hold row for the card, adding an empty one to the session when there is none."""
    hold = _hold_of(user_id, card_id)
    if hold is None:
        hold = HeldCard(user_id=user_id, card_id=card_id, suspended=False, buried_until=None)
        db.session.add(hold)
    return hold


def _commit() -> None:
    """Commit; when a request racing this one made the row first, that request's hold stands."""
    try:
        db.session.commit()
    except sa.exc.IntegrityError:
        db.session.rollback()


def active_card(card_id: str) -> Card | None:
    """Return the card a student may hold: an active one; None for an unknown or withdrawn card."""
    card = db.session.get(Card, card_id) if card_id else None
    return card if card is not None and card.status == CardStatus.ACTIVE else None


def suspend(user: User, card: Card) -> None:
    """Suspend the card for the user (again is harmless): review never shows it until it is unsuspended."""
    _hold_for_update(user.id, card.id).suspended = True
    _commit()


def unsuspend(user: User, card_id: str) -> bool:
    """Unsuspend the card for the user; False when it was not suspended."""
    hold = _hold_of(user.id, card_id)
    if hold is None or not hold.suspended:
        return False
    if hold.buried_until is None:
        db.session.delete(hold)
    else:
        hold.suspended = False
    db.session.commit()
    return True


def bury(user: User, card: Card, now: datetime) -> datetime:
    """Bury the card for the user until their next day begins, and return when that is."""
    until = next_day_start(user, now)
    _hold_for_update(user.id, card.id).buried_until = until
    _commit()
    return until


def suspended_cards(user_id: int, deck_id: int) -> list[Card]:
    """Return the deck's active cards the user has suspended, in the deck's order."""
    return list(db.session.scalars(
        sa.select(Card)
        .join(deck_cards, deck_cards.c.card_id == Card.id)
        .where(deck_cards.c.deck_id == deck_id, Card.status == CardStatus.ACTIVE, suspended(user_id, Card.id))
        .order_by(Card.created_at, Card.id)
    ))
