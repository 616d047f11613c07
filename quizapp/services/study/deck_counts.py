"""Count a student's cards in decks: new, due, learned and suspended, for one deck's page or the decks page."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import fsrs
import sqlalchemy as sa

from quizapp.db import db
from quizapp.models import Card, CardStatus, DeckTotal, HeldCard, ReviewState, deck_cards


@dataclass(frozen=True)
class DeckCounts:
    """One student's cards in one deck: each is new, learning, learned or suspended; due cuts across two of them."""

    new: int  # active cards of the deck this user has never reviewed (nor answered in a quiz), not suspended
    due: int  # this user's review states for the deck's active cards with due <= now, not held (suspended, buried)
    learned: int  # this user's review states for the deck's active cards in fsrs State.Review, not suspended
    total: int  # active cards in the deck
    suspended: int = 0  # active cards of the deck this user has suspended, whatever their schedule

    @property
    def learning(self) -> int:
        """Cards met but not learned yet (in fsrs State.Learning or State.Relearning), not suspended."""
        return self.total - self.new - self.learned - self.suspended


#: Up to this many decks, deck_counts narrows its counts to the decks asked in SQL.
_FEW_DECKS = 10


@functools.cache
def _counts_query(few: bool) -> sa.CompoundSelect:
    """Build deck_counts' statement once, with placeholders (user_id, now, deck_ids); few: narrowed to the decks.

    A statement built per request costs more than the database takes to run it; built once, SQLAlchemy also keeps
    its compiled form.
    """
    user_id, now, ids = sa.bindparam("user_id"), sa.bindparam("now"), sa.bindparam("deck_ids", expanding=True)
    deck_id = deck_cards.c.deck_id
    # Asked for a few decks (a deck's page), the database narrows by them. Asked for many (the decks page asks for
    # all), probing a long IN list for every row costs more than counting every deck: those not asked are dropped.
    in_decks = deck_id.in_(ids) if few else sa.true()
    nothing = sa.literal(0)
    # The database keeps each deck's served cards counted (DeckTotal, by triggers): no walk over every card.
    served = sa.select(sa.literal("served"), DeckTotal.deck_id, DeckTotal.active, nothing, nothing).where(
        DeckTotal.deck_id.in_(ids)
    )
    # An outer join leaves the hold's columns NULL for a card not held; "HeldCard.id IS NOT NULL AND ..." keeps
    # each condition true or false, never NULL, so that "not held" selects those cards.
    is_suspended = sa.and_(HeldCard.id.is_not(None), HeldCard.suspended)
    is_held = sa.and_(
        HeldCard.id.is_not(None),
        sa.or_(HeldCard.suspended, sa.and_(HeldCard.buried_until.is_not(None), HeldCard.buried_until > now)),
    )
    scheduled = (
        sa.select(
            sa.literal("scheduled"),
            deck_id,
            sa.func.count(),
            sa.func.count(sa.case((sa.and_(ReviewState.due <= now, ~is_held), 1))),
            sa.func.count(sa.case((sa.and_(ReviewState.state == int(fsrs.State.Review), ~is_suspended), 1))),
        )
        .select_from(ReviewState)
        .join(Card, sa.and_(Card.id == ReviewState.card_id, Card.status == CardStatus.ACTIVE))
        .join(deck_cards, deck_cards.c.card_id == ReviewState.card_id)
        .outerjoin(HeldCard, sa.and_(HeldCard.user_id == user_id, HeldCard.card_id == ReviewState.card_id))
        .where(ReviewState.user_id == user_id, in_decks)
        .group_by(deck_id)
    )
    # Suspended cards, and how many of them the user has a schedule for (those are counted in "scheduled" too).
    held = (
        sa.select(sa.literal("suspended"), deck_id, sa.func.count(), sa.func.count(ReviewState.id), nothing)
        .select_from(HeldCard)
        .join(Card, sa.and_(Card.id == HeldCard.card_id, Card.status == CardStatus.ACTIVE))
        .join(deck_cards, deck_cards.c.card_id == HeldCard.card_id)
        .outerjoin(ReviewState, sa.and_(ReviewState.user_id == user_id, ReviewState.card_id == HeldCard.card_id))
        .where(HeldCard.user_id == user_id, HeldCard.suspended, in_decks)
        .group_by(deck_id)
    )
    return sa.union_all(served, scheduled, held)


def deck_counts(user_id: int, deck_ids: Sequence[int], now: datetime) -> dict[int, DeckCounts]:
    """Count each deck's new, due, learned and suspended cards for the user, in one query; every id asked gets one.

    Three small counts instead of one walk over every card of every deck: each deck's served cards (kept by the
    database), the user's schedules for the served ones, read along the index on review_states (user_id, card_id,
    due, state), and the served cards the user has suspended (few).
    """
    ids = list(dict.fromkeys(deck_ids))
    counts = dict.fromkeys(ids, DeckCounts(new=0, due=0, learned=0, total=0))
    if not ids:
        return counts
    parts: dict[str, dict[int, tuple[int, int, int]]] = {"served": {}, "scheduled": {}, "suspended": {}}
    query = _counts_query(len(ids) <= _FEW_DECKS)
    for part, row_deck_id, n, x, y in db.session.execute(query, {"user_id": user_id, "now": now, "deck_ids": ids}):
        parts[part][row_deck_id] = (int(n), int(x), int(y))
    served, scheduled, suspended = parts["served"], parts["scheduled"], parts["suspended"]
    none = (0, 0, 0)
    for row_deck_id in ids:
        total = served.get(row_deck_id, none)[0]
        reviewed, due, learned = scheduled.get(row_deck_id, none)
        suspended_cards, suspended_reviewed, _ = suspended.get(row_deck_id, none)
        counts[row_deck_id] = DeckCounts(
            new=total - reviewed - (suspended_cards - suspended_reviewed), due=due, learned=learned, total=total,
            suspended=suspended_cards,
        )
    return counts
