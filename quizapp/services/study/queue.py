"""Choose the card a student reviews next and count what today's limits and the decks leave to review."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from quizapp.days import UTC_DAYS, StudentDay
from quizapp.db import UTCDateTime, db, plain_rows
from quizapp.models import Answer, Card, CardStatus, HeldCard, ReviewLog, ReviewState, User, deck_cards
from quizapp.services.study import scheduling
from quizapp.services.study.held import held_now, holds_at
from quizapp.services.study.shown import ShownCard, ShownSchedule, read_card, with_choices


def start_of_day(now: datetime, day: StudentDay = UTC_DAYS) -> datetime:
    """Return when now's day began (aware UTC), when the daily limits started again; UTC midnight by default."""
    return day.start_of_today(now)


def _in_deck(
    deck_id: int | sa.BindParameter[Any], card_id: sa.ColumnElement[str] = Card.id
) -> sa.ColumnElement[bool]:
    return card_id.in_(sa.select(deck_cards.c.card_id).where(deck_cards.c.deck_id == deck_id))


# The queue's statements are built once, with these placeholders for each request's values: building a statement
# this size costs the page more than running it, and a statement object used again keeps its cache key.
_USER_ID = sa.bindparam("user_id", type_=sa.Integer())
_NOW = sa.bindparam("now", type_=UTCDateTime())
_DAY_START = sa.bindparam("day_start", type_=UTCDateTime())
_DAY_END = sa.bindparam("day_end", type_=UTCDateTime())
_DECK_ID = sa.bindparam("deck_id", type_=sa.Integer())
_FIRST = sa.bindparam("first", type_=sa.String())


def _queue_params(user: User, deck_id: int | None, now: datetime, **more: Any) -> dict[str, Any]:
    """Return the values of the placeholders above for the user, the deck (if any) and now."""
    day = StudentDay.of(user)
    params = {"user_id": user.id, "now": now, "day_start": start_of_day(now, day), "day_end": day.end_of_today(now)}
    if deck_id is not None:
        params["deck_id"] = deck_id
    return params | more


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


@functools.cache
def _allowance_statement() -> sa.Select[Any]:
    reviewed_today = sa.and_(
        ReviewLog.user_id == _USER_ID, ReviewLog.reviewed_at >= _DAY_START, ReviewLog.reviewed_at < _DAY_END
    )
    return sa.select(
        sa.func.count(sa.case((ReviewLog.stability_before.is_(None), ReviewLog.id))),
        sa.func.count(sa.case((ReviewLog.stability_before.is_not(None), ReviewLog.id))),
    ).where(reviewed_today)


def allowance(user: User, now: datetime) -> Allowance:
    """Count the user's reviews since their day began: first reviews of a card and all others."""
    new_done, reviews_done = db.session.execute(_allowance_statement(), _queue_params(user, None, now)).one()
    return Allowance(
        new_limit=user.daily_new_limit, review_limit=user.daily_review_limit, new_done=new_done,
        reviews_done=reviews_done,
    )


# --- the queue --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewItem:
    """The card to show next, with the student's schedule for it (None for a card never reviewed)."""

    card: ShownCard
    state: ShownSchedule | None

    @classmethod
    def of(cls, card: Card, state: ReviewState | None) -> ReviewItem:
        """Return the item of a card and the student's schedule for it, loaded with the ORM."""
        return cls(card=ShownCard.of(card), state=ShownSchedule.of(state) if state is not None else None)

    @property
    def is_new(self) -> bool:
        """Tell whether the student meets the card for the first time."""
        return self.state is None


@functools.cache
def _due_statement(in_deck: bool, first: bool) -> sa.Select[Any]:
    """Select the earliest due card (of the deck, or the card first, when asked) with its schedule and choices."""
    stmt = (
        sa.select(ReviewState.id, ReviewState.state, ReviewState.last_review, ReviewState.card_id)
        .join(ReviewState.card)
        .where(
            ReviewState.user_id == _USER_ID, ReviewState.due <= _NOW, Card.status == CardStatus.ACTIVE,
            ~held_now(_USER_ID, Card.id, _NOW),
        )
    )
    if in_deck:
        stmt = stmt.where(_in_deck(_DECK_ID))
    if first:
        stmt = stmt.where(ReviewState.card_id == _FIRST)
    due = stmt.order_by(ReviewState.due, ReviewState.id).limit(1).subquery("due_card")
    return with_choices(due, due.c.id, due.c.state, due.c.last_review)


@functools.cache
def _new_statement(in_deck: bool, first: bool) -> sa.Select[Any]:
    """Select the first new card (of the deck, or the card first, when asked) with its choices."""
    reviewed = sa.exists().where(ReviewState.user_id == _USER_ID, ReviewState.card_id == Card.id)
    stmt = sa.select(Card.id.label("card_id")).where(
        Card.status == CardStatus.ACTIVE, ~reviewed, ~held_now(_USER_ID, Card.id, _NOW)
    )
    if in_deck:
        stmt = stmt.where(_in_deck(_DECK_ID))
    if first:
        stmt = stmt.where(Card.id == _FIRST)
    return with_choices(stmt.order_by(Card.created_at, Card.id).limit(1).subquery("new_card"))


def next_card(
    user: User, deck_id: int | None, now: datetime, status: QueueStatus | None = None, first: str | None = None
) -> ReviewItem | None:
    """Return the card to review next: the earliest due, else the first new one, within today's limits.

    Given the queue_status of the same moment, it reuses its counts: the allowance is not counted again, and an
    empty kind of card is not looked for. first names a card to show before the others if it may be reviewed now
    (due or new, not held, within the limits): the card an undo has just put back. Any other card id is ignored,
    so it cannot bring a card early.
    """
    left = status.allowance if status is not None else allowance(user, now)
    params = _queue_params(user, deck_id, now)
    if first is not None:
        item = _first_of(deck_id is not None, params | {"first": first}, left, status)
        if item is not None:
            return item
    return _first_of(deck_id is not None, params, left, status)


def _first_of(in_deck: bool, params: dict[str, Any], left: Allowance, status: QueueStatus | None) -> ReviewItem | None:
    """Return the earliest due card, else the first new card, as far as the limits let through.

    The card comes with its choices in the same statement; a kind of card status counted none of is not looked for.
    params names the card first when it has "first".
    """
    first = "first" in params
    if left.reviews_left and (status is None or status.due):
        rows = plain_rows(_due_statement(in_deck, first), params)
        card = read_card(rows, skip=3)
        if card is not None:
            return ReviewItem(card=card, state=ShownSchedule(*rows[0][:3]))
    if left.new_left and (status is None or status.new):
        card = read_card(plain_rows(_new_statement(in_deck, first), params))
        if card is not None:
            return ReviewItem(card=card, state=None)
    return None




@dataclass(frozen=True)
class LatestRating:
    """The user's latest rating (review log row) and the quiz of its answer, as undo judges it."""

    id: int
    card_id: str
    answer_id: int | None
    quiz_id: int | None
    reviewed_at: datetime
    stability_before: float | None
    last_review_before: datetime | None


def latest_rating(user_id: int | sa.BindParameter[Any]) -> sa.Subquery:
    """Select the user's latest rating with the quiz of its answer: one row, or none."""
    return (
        sa.select(
            ReviewLog.id, ReviewLog.card_id, ReviewLog.answer_id, Answer.session_id.label("quiz_id"),
            ReviewLog.reviewed_at, ReviewLog.stability_before, ReviewLog.last_review_before,
        )
        .outerjoin(Answer, Answer.id == ReviewLog.answer_id)
        .where(ReviewLog.user_id == user_id)
        .order_by(ReviewLog.reviewed_at.desc(), ReviewLog.id.desc())
        .limit(1)
        .subquery("latest_rating")
    )


def read_latest_rating(row: Any) -> LatestRating | None:
    """Return the LatestRating of a row with latest_rating's columns, or None for a row of NULLs (no rating)."""
    if row.id is None:
        return None
    return LatestRating(
        id=row.id, card_id=row.card_id, answer_id=row.answer_id, quiz_id=row.quiz_id, reviewed_at=row.reviewed_at,
        stability_before=row.stability_before, last_review_before=row.last_review_before,
    )


@dataclass(frozen=True)
class QueueStatus:
    """Where a student's review queue stands: what is waiting, what today's limits leave, what comes next."""

    due: int  # cards due now, whatever the limits, not held (suspended or buried)
    new: int  # active cards never reviewed, not held
    allowance: Allowance
    next_due: datetime | None  # the earliest a card not suspended falls due (or comes back from burial) after now
    resets_at: datetime  # when the user's next day begins and the daily limits start again
    latest_rating: LatestRating | None = None  # the user's latest rating, which an undo may take back

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
    """Describe the user's review queue (in the deck, if given) at now, in one statement.

    The statement also reads the user's latest rating, which the review page offers to undo.
    """
    params = _queue_params(user, deck_id, now)
    row = plain_rows(_queue_status_statement(deck_id is not None), params)[0]
    due, active_cards, met_cards, held_unmet, later, back_at, new_done, reviews_done = row[:8]
    coming = [at for at in (later, back_at) if at is not None]
    return QueueStatus(
        due=due or 0,
        new=(active_cards or 0) - (met_cards or 0) - (held_unmet or 0),
        allowance=Allowance(
            new_limit=user.daily_new_limit, review_limit=user.daily_review_limit, new_done=new_done or 0,
            reviews_done=reviews_done or 0,
        ),
        next_due=min(coming, default=None),
        resets_at=params["day_end"],
        latest_rating=read_latest_rating(row),
    )


@functools.cache
def _queue_status_statement(in_deck: bool) -> sa.Select[Any]:
    """Build queue_status's statement, for every deck or for the one deck_id names."""

    def narrowed(stmt: sa.Select[Any], card_id: sa.ColumnElement[str] = Card.id) -> sa.Select[Any]:
        return stmt.where(_in_deck(_DECK_ID, card_id)) if in_deck else stmt

    def states(*conditions: sa.ColumnElement[bool]) -> sa.Select[Any]:
        return narrowed(sa.select(ReviewState.id).where(ReviewState.user_id == _USER_ID, *conditions),
                        ReviewState.card_id)

    def count(stmt: sa.Select[Any]) -> sa.ScalarSelect[int]:
        return stmt.with_only_columns(sa.func.count()).scalar_subquery()

    # Equalities, not an IN list: the database reads them the same, and an IN list is expanded on every execution.
    not_served = sa.or_(*(Card.status == status for status in CardStatus if status != CardStatus.ACTIVE))

    # The user's schedules of cards not served (few, their ids along the cards (status, id) index), all and those
    # due, in one pass: the counts of the served ones are the user's schedules less these, counted along the
    # indexes on review_states, where joining every schedule to its card costs a long history milliseconds.
    unserved = narrowed(
        sa.select(sa.func.count().label("met"), sa.func.count(sa.case((ReviewState.due <= _NOW, 1))).label("due"))
        .where(ReviewState.user_id == _USER_ID, ReviewState.card_id.in_(sa.select(Card.id).where(not_served))),
        ReviewState.card_id,
    ).subquery("unserved")

    if in_deck:
        active = count(narrowed(sa.select(Card.id).where(Card.status == CardStatus.ACTIVE)))
    else:
        # Every card less those not served (drafts and retired cards, few, along the status index): SQLite counts
        # a whole table from its pages, where it would count the served cards one by one.
        active = (
            sa.select(sa.func.count()).select_from(Card).scalar_subquery()
            - sa.select(sa.func.count()).where(not_served).scalar_subquery()
        )
    # Due cards are the served ones due less those held (few): a held card is looked up from its hold, not the other
    # way round for every due card.
    held_due = narrowed(
        sa.select(HeldCard.id)
        .join(ReviewState, sa.and_(ReviewState.user_id == _USER_ID, ReviewState.card_id == HeldCard.card_id))
        .join(Card, Card.id == HeldCard.card_id)
        .where(HeldCard.user_id == _USER_ID, ReviewState.due <= _NOW, Card.status == CardStatus.ACTIVE, holds_at(_NOW))
    )
    # New cards are the active ones minus those the user has a schedule for, minus those held without one: counts
    # along indexes (held cards are few), rather than a probe of the user's schedule for every card.
    met = sa.exists().where(ReviewState.user_id == _USER_ID, ReviewState.card_id == Card.id)
    held_new = narrowed(
        sa.select(HeldCard.id)
        .join(Card, Card.id == HeldCard.card_id)
        .where(HeldCard.user_id == _USER_ID, Card.status == CardStatus.ACTIVE, ~met, holds_at(_NOW))
    )
    # A buried card comes back when its day is over, or when it falls due if that is later.
    back = sa.case(
        (sa.and_(ReviewState.id.is_not(None), ReviewState.due > HeldCard.buried_until), ReviewState.due),
        else_=HeldCard.buried_until,
    )
    unburied = narrowed(
        sa.select(sa.func.min(back))
        .select_from(HeldCard)
        .join(Card, Card.id == HeldCard.card_id)
        .outerjoin(ReviewState, sa.and_(ReviewState.user_id == _USER_ID, ReviewState.card_id == HeldCard.card_id))
        .where(
            HeldCard.user_id == _USER_ID, ~HeldCard.suspended, HeldCard.buried_until.is_not(None),
            HeldCard.buried_until > _NOW, Card.status == CardStatus.ACTIVE,
        )
    )
    reviewed_today = sa.select(ReviewLog.id).where(
        ReviewLog.user_id == _USER_ID, ReviewLog.reviewed_at >= _DAY_START, ReviewLog.reviewed_at < _DAY_END
    )
    # One row whatever the history: the latest rating joins a one-row table, its columns NULL when there is none.
    latest = latest_rating(_USER_ID)
    one = sa.select(sa.literal(1).label("one")).subquery("one")
    # The earliest a card not held falls due: the user's schedules read in due order, from now on.
    later = narrowed(
        sa.select(sa.func.min(ReviewState.due))
        .join(ReviewState.card)
        .where(
            ReviewState.user_id == _USER_ID, Card.status == CardStatus.ACTIVE, ReviewState.due > _NOW,
            ~held_now(_USER_ID, Card.id, _NOW),
        )
    )
    return sa.select(
        count(states(ReviewState.due <= _NOW)) - unserved.c.due - count(held_due),
        active,
        count(states()) - unserved.c.met,
        count(held_new),
        later.scalar_subquery(),
        unburied.scalar_subquery(),
        count(reviewed_today.where(ReviewLog.stability_before.is_(None))),
        count(reviewed_today.where(ReviewLog.stability_before.is_not(None))),
        *latest.c,
    ).select_from(one.outerjoin(latest, sa.true()).join(unserved, sa.true()))
