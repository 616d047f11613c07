"""Choose the card a student reviews next and count what today's limits and the decks leave to review."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import fsrs
import sqlalchemy as sa

from quizapp.db import db
from quizapp.models import Card, CardStatus, ReviewLog, ReviewState, User, deck_cards
from quizapp.services.study import scheduling


def start_of_day(now: datetime) -> datetime:
    """Return 00:00 UTC of now's day, when the daily limits start again."""
    return now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def _in_deck(deck_id: int) -> sa.ColumnElement[bool]:
    return Card.id.in_(sa.select(deck_cards.c.card_id).where(deck_cards.c.deck_id == deck_id))


# --- counts -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeckCounts:
    """One student's cards in one deck: each is new, learning or learned; due cuts across the last two."""

    new: int  # active cards of the deck this user has never reviewed (nor answered in a quiz)
    due: int  # this user's review states for the deck's active cards with due <= now
    learned: int  # this user's review states for the deck's active cards that are in fsrs State.Review
    total: int  # active cards in the deck

    @property
    def learning(self) -> int:
        """Cards met but not learned yet: in fsrs State.Learning or State.Relearning."""
        return self.total - self.new - self.learned


def deck_counts(user_id: int, deck_ids: Sequence[int], now: datetime) -> dict[int, DeckCounts]:
    """Count each deck's new, due and learned cards for the user, in one query; every id asked gets an entry."""
    ids = list(dict.fromkeys(deck_ids))
    counts = dict.fromkeys(ids, DeckCounts(new=0, due=0, learned=0, total=0))
    if not ids:
        return counts
    rows = db.session.execute(
        sa.select(
            deck_cards.c.deck_id,
            sa.func.count(Card.id),
            sa.func.count(ReviewState.id),
            sa.func.count(sa.case((ReviewState.due <= now, ReviewState.id))),
            sa.func.count(sa.case((ReviewState.state == int(fsrs.State.Review), ReviewState.id))),
        )
        .select_from(deck_cards)
        .join(Card, sa.and_(Card.id == deck_cards.c.card_id, Card.status == CardStatus.ACTIVE))
        .outerjoin(ReviewState, sa.and_(ReviewState.card_id == Card.id, ReviewState.user_id == user_id))
        .where(deck_cards.c.deck_id.in_(ids))
        .group_by(deck_cards.c.deck_id)
    )
    for deck_id, total, reviewed, due, learned in rows:
        counts[deck_id] = DeckCounts(new=total - reviewed, due=due, learned=learned, total=total)
    return counts


@dataclass(frozen=True)
class Allowance:
    """What the daily limits leave a user today."""

    new_limit: int
    review_limit: int
    new_done: int
    reviews_done: int

    @property
    def new_left(self) -> int:
        """New cards the user may still meet today."""
        return scheduling.remaining_today(self.new_done, self.reviews_done, self.new_limit, self.review_limit)[0]

    @property
    def reviews_left(self) -> int:
        """Reviews the user may still do today."""
        return scheduling.remaining_today(self.new_done, self.reviews_done, self.new_limit, self.review_limit)[1]


def allowance(user: User, now: datetime) -> Allowance:
    """Count the user's reviews since 00:00 UTC: first reviews of a card and all others."""
    start = start_of_day(now)
    first = ReviewLog.stability_before.is_(None)
    new_done, reviews_done = db.session.execute(
        sa.select(
            sa.func.count(sa.case((first, ReviewLog.id))),
            sa.func.count(sa.case((ReviewLog.stability_before.is_not(None), ReviewLog.id))),
        ).where(
            ReviewLog.user_id == user.id,
            ReviewLog.reviewed_at >= start,
            ReviewLog.reviewed_at < start + timedelta(days=1),
        )
    ).one()
    return Allowance(
        new_limit=user.daily_new_limit, review_limit=user.daily_review_limit, new_done=new_done,
        reviews_done=reviews_done,
    )


# --- the queue --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewItem:
    """The card to show next, with the student's schedule for it (None for a card never reviewed)."""

    card: Card
    state: ReviewState | None

    @property
    def is_new(self) -> bool:
        """Tell whether the student meets the card for the first time."""
        return self.state is None


def _due_states(user_id: int, deck_id: int | None, now: datetime) -> sa.Select[Any]:
    stmt = (
        sa.select(ReviewState)
        .join(ReviewState.card)
        .where(ReviewState.user_id == user_id, ReviewState.due <= now, Card.status == CardStatus.ACTIVE)
    )
    return stmt.where(_in_deck(deck_id)) if deck_id is not None else stmt


def _new_cards(user_id: int, deck_id: int | None) -> sa.Select[Any]:
    reviewed = sa.exists().where(ReviewState.user_id == user_id, ReviewState.card_id == Card.id)
    stmt = sa.select(Card).where(Card.status == CardStatus.ACTIVE, ~reviewed)
    return stmt.where(_in_deck(deck_id)) if deck_id is not None else stmt


def next_card(user: User, deck_id: int | None, now: datetime) -> ReviewItem | None:
    """Return the card to review next: the earliest due, else the first new one, within today's limits."""
    left = allowance(user, now)
    if left.reviews_left:
        state = db.session.scalars(
            _due_states(user.id, deck_id, now).order_by(ReviewState.due, ReviewState.id).limit(1)
        ).first()
        if state is not None:
            return ReviewItem(card=state.card, state=state)
    if left.new_left:
        card = db.session.scalars(_new_cards(user.id, deck_id).order_by(Card.created_at, Card.id).limit(1)).first()
        if card is not None:
            return ReviewItem(card=card, state=None)
    return None


@dataclass(frozen=True)
class QueueStatus:
    """Where a student's review queue stands: what is waiting, what today's limits leave, what comes next."""

    due: int  # cards due now, whatever the limits
    new: int  # active cards never reviewed
    allowance: Allowance
    next_due: datetime | None  # the earliest due after now
    resets_at: datetime  # next 00:00 UTC, when the daily limits start again

    @property
    def due_today(self) -> int:
        """Due cards the review limit still lets through today."""
        return min(self.due, self.allowance.reviews_left)

    @property
    def new_today(self) -> int:
        """New cards the new-card limit still lets through today."""
        return min(self.new, self.allowance.new_left)

    @property
    def reviews_capped(self) -> bool:
        """Tell whether due cards wait because today's reviews are used up."""
        return self.due > 0 and self.allowance.reviews_left == 0

    @property
    def new_capped(self) -> bool:
        """Tell whether new cards wait because today's new cards are used up."""
        return self.new > 0 and self.allowance.new_left == 0

    @property
    def next_card_at(self) -> datetime | None:
        """Return when a card can next be reviewed, or None when nothing will ever come (no cards at all)."""
        candidates = []
        if self.next_due is not None:
            later_today = self.allowance.reviews_left > 0
            candidates.append(self.next_due if later_today else max(self.next_due, self.resets_at))
        if self.reviews_capped or self.new_capped:
            candidates.append(self.resets_at)
        return min(candidates, default=None)


def queue_status(user: User, deck_id: int | None, now: datetime) -> QueueStatus:
    """Describe the user's review queue (in the deck, if given) at now."""
    due = db.session.scalar(_due_states(user.id, deck_id, now).with_only_columns(sa.func.count(ReviewState.id)))
    new = db.session.scalar(_new_cards(user.id, deck_id).with_only_columns(sa.func.count(Card.id)))
    later = sa.select(sa.func.min(ReviewState.due)).join(ReviewState.card).where(
        ReviewState.user_id == user.id, ReviewState.due > now, Card.status == CardStatus.ACTIVE
    )
    if deck_id is not None:
        later = later.where(_in_deck(deck_id))
    return QueueStatus(
        due=due or 0,
        new=new or 0,
        allowance=allowance(user, now),
        next_due=db.session.scalar(later),
        resets_at=start_of_day(now) + timedelta(days=1),
    )
