"""Choose the card a student reviews next and count what today's limits and the decks leave to review."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import fsrs
import sqlalchemy as sa

from quizapp.days import UTC_DAYS, StudentDay
from quizapp.db import db
from quizapp.models import Card, CardStatus, HeldCard, ReviewLog, ReviewState, User, deck_cards
from quizapp.services.study import scheduling


def start_of_day(now: datetime, day: StudentDay = UTC_DAYS) -> datetime:
    """Return when now's day began (aware UTC), when the daily limits started again; UTC midnight by default."""
    return day.start_of_today(now)


def held_now(user_id: int, card_id: sa.ColumnElement[str], now: datetime) -> sa.ColumnElement[bool]:
    """Select the cards (card_id, a column) the user holds at now: suspended, or buried until later than now."""
    return sa.exists().where(
        HeldCard.user_id == user_id,
        HeldCard.card_id == card_id,
        sa.or_(HeldCard.suspended, sa.and_(HeldCard.buried_until.is_not(None), HeldCard.buried_until > now)),
    )


def suspended(user_id: int, card_id: sa.ColumnElement[str]) -> sa.ColumnElement[bool]:
    """Select the cards (card_id, a column) the user has suspended."""
    return sa.exists().where(HeldCard.user_id == user_id, HeldCard.card_id == card_id, HeldCard.suspended)


def _in_deck(deck_id: int) -> sa.ColumnElement[bool]:
    return Card.id.in_(sa.select(deck_cards.c.card_id).where(deck_cards.c.deck_id == deck_id))


# --- counts -----------------------------------------------------------------------------------------


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


def deck_counts(user_id: int, deck_ids: Sequence[int], now: datetime) -> dict[int, DeckCounts]:
    """Count each deck's new, due, learned and suspended cards for the user, in one query; every id asked gets one."""
    ids = list(dict.fromkeys(deck_ids))
    counts = dict.fromkeys(ids, DeckCounts(new=0, due=0, learned=0, total=0))
    if not ids:
        return counts
    # An outer join leaves the hold's columns NULL for a card not held; "HeldCard.id IS NOT NULL AND ..." keeps
    # each condition true or false, never NULL, so that "not held" selects those cards.
    is_suspended = sa.and_(HeldCard.id.is_not(None), HeldCard.suspended)
    is_held = sa.and_(
        HeldCard.id.is_not(None),
        sa.or_(HeldCard.suspended, sa.and_(HeldCard.buried_until.is_not(None), HeldCard.buried_until > now)),
    )
    rows = db.session.execute(
        sa.select(
            deck_cards.c.deck_id,
            sa.func.count(Card.id),
            sa.func.count(sa.case((sa.and_(ReviewState.id.is_(None), ~is_suspended), Card.id))),
            sa.func.count(sa.case((sa.and_(ReviewState.due <= now, ~is_held), ReviewState.id))),
            sa.func.count(
                sa.case((sa.and_(ReviewState.state == int(fsrs.State.Review), ~is_suspended), ReviewState.id))
            ),
            sa.func.count(sa.case((is_suspended, Card.id))),
        )
        .select_from(deck_cards)
        .join(Card, sa.and_(Card.id == deck_cards.c.card_id, Card.status == CardStatus.ACTIVE))
        .outerjoin(ReviewState, sa.and_(ReviewState.card_id == Card.id, ReviewState.user_id == user_id))
        .outerjoin(HeldCard, sa.and_(HeldCard.card_id == Card.id, HeldCard.user_id == user_id))
        .where(deck_cards.c.deck_id.in_(ids))
        .group_by(deck_cards.c.deck_id)
    )
    for deck_id, total, new, due, learned, held in rows:
        counts[deck_id] = DeckCounts(new=new, due=due, learned=learned, total=total, suspended=held)
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
    """Count the user's reviews since their day began: first reviews of a card and all others."""
    day = StudentDay.of(user)
    start = start_of_day(now, day)
    first = ReviewLog.stability_before.is_(None)
    new_done, reviews_done = db.session.execute(
        sa.select(
            sa.func.count(sa.case((first, ReviewLog.id))),
            sa.func.count(sa.case((ReviewLog.stability_before.is_not(None), ReviewLog.id))),
        ).where(
            ReviewLog.user_id == user.id,
            ReviewLog.reviewed_at >= start,
            ReviewLog.reviewed_at < day.end_of_today(now),
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
        .where(
            ReviewState.user_id == user_id, ReviewState.due <= now, Card.status == CardStatus.ACTIVE,
            ~held_now(user_id, Card.id, now),
        )
    )
    return stmt.where(_in_deck(deck_id)) if deck_id is not None else stmt


def _new_cards(user_id: int, deck_id: int | None, now: datetime) -> sa.Select[Any]:
    reviewed = sa.exists().where(ReviewState.user_id == user_id, ReviewState.card_id == Card.id)
    stmt = sa.select(Card).where(Card.status == CardStatus.ACTIVE, ~reviewed, ~held_now(user_id, Card.id, now))
    return stmt.where(_in_deck(deck_id)) if deck_id is not None else stmt


def next_card(user: User, deck_id: int | None, now: datetime, first: str | None = None) -> ReviewItem | None:
    """Return the card to review next: the earliest due, else the first new one, within today's limits.

    first names a card to show before the others if it may be reviewed now (due or new, not held, within the
    limits): the card an undo has just put back. Any other card id is ignored, so it cannot bring a card early.
    """
    left = allowance(user, now)
    due, new = _due_states(user.id, deck_id, now), _new_cards(user.id, deck_id, now)
    if first is not None:
        due, new = due.where(ReviewState.card_id == first), new.where(Card.id == first)
        item = _first_of(due, new, left)
        if item is not None:
            return item
        due, new = _due_states(user.id, deck_id, now), _new_cards(user.id, deck_id, now)
    return _first_of(due, new, left)


def _first_of(due: sa.Select[Any], new: sa.Select[Any], left: Allowance) -> ReviewItem | None:
    """Return the earliest due card of due, else the first new card of new, as far as the limits let through."""
    if left.reviews_left:
        state = db.session.scalars(due.order_by(ReviewState.due, ReviewState.id).limit(1)).first()
        if state is not None:
            return ReviewItem(card=state.card, state=state)
    if left.new_left:
        card = db.session.scalars(new.order_by(Card.created_at, Card.id).limit(1)).first()
        if card is not None:
            return ReviewItem(card=card, state=None)
    return None


@dataclass(frozen=True)
class QueueStatus:
    """Where a student's review queue stands: what is waiting, what today's limits leave, what comes next."""

    due: int  # cards due now, whatever the limits, not held (suspended or buried)
    new: int  # active cards never reviewed, not held
    allowance: Allowance
    next_due: datetime | None  # the earliest a card not suspended falls due (or comes back from burial) after now
    resets_at: datetime  # when the user's next day begins and the daily limits start again

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
    new = db.session.scalar(_new_cards(user.id, deck_id, now).with_only_columns(sa.func.count(Card.id)))
    later = sa.select(sa.func.min(ReviewState.due)).join(ReviewState.card).where(
        ReviewState.user_id == user.id, ReviewState.due > now, Card.status == CardStatus.ACTIVE,
        ~held_now(user.id, Card.id, now),
    )
    # A buried card comes back when its day is over, or when it falls due if that is later.
    back = sa.case(
        (sa.and_(ReviewState.id.is_not(None), ReviewState.due > HeldCard.buried_until), ReviewState.due),
        else_=HeldCard.buried_until,
    )
    unburied = (
        sa.select(sa.func.min(back))
        .select_from(HeldCard)
        .join(Card, Card.id == HeldCard.card_id)
        .outerjoin(ReviewState, sa.and_(ReviewState.user_id == user.id, ReviewState.card_id == HeldCard.card_id))
        .where(
            HeldCard.user_id == user.id, ~HeldCard.suspended, HeldCard.buried_until.is_not(None),
            HeldCard.buried_until > now, Card.status == CardStatus.ACTIVE,
        )
    )
    if deck_id is not None:
        later, unburied = later.where(_in_deck(deck_id)), unburied.where(_in_deck(deck_id))
    coming = [at for at in (db.session.scalar(later), db.session.scalar(unburied)) if at is not None]
    return QueueStatus(
        due=due or 0,
        new=new or 0,
        allowance=allowance(user, now),
        next_due=min(coming, default=None),
        resets_at=StudentDay.of(user).end_of_today(now),
    )
