"""Spaced-repetition review: which card a student meets next, and what an answer or a rating does to it.

The queue
    Cards due now come first, earliest due first; then cards the student has never reviewed, in the order
    the cards were stored (the decks' order). Only active cards are served; a deck narrows the queue to its
    cards. A ReviewState row exists only once a card has been reviewed, so "new" means "no ReviewState".

Daily limits
    Each user has ``daily_new_limit`` (20) and ``daily_review_limit`` (200). "Today" is since 00:00 UTC; a
    per-user timezone is future work. A review whose schedule before had no memory state
    (``stability_before IS NULL``: the card had never been reviewed) counts against the new-card limit, every
    other review against the review limit.

How an answer is scored (see :func:`quizapp.services.scheduling.rating_for_answer`)
    Wrong -> Again. Right -> Good; right within 5 s -> Easy; right after 20 s or more -> Hard (both thresholds
    move by 1 s per option above or below four). The server measures the time, from showing the question to
    receiving the answer; an answer that took longer than AWAY_AFTER (5 minutes) is taken as untimed, since
    the student most likely stepped away, and so rates Good when right. In flashcard mode the student rates
    the card Again, Hard, Good or Easy.

Counted once
    Each question is shown with a signed token naming the student, the card, the mode, the card's last review
    at that moment and when it was shown. An answer or rating whose token no longer matches the card's last
    review was already counted and is not applied again (a double submit, the back button). The schedule is
    written with a compare-and-swap on ``last_review`` (or the unique (user, card) row for a new card), so two
    requests racing each other count once too.

Every function takes ``now`` (an aware UTC datetime); views get it from :func:`clock`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import fsrs
import sqlalchemy as sa
from flask import current_app
from itsdangerous import BadData, URLSafeTimedSerializer

from quizapp.db import db, utcnow
from quizapp.models import Answer, Card, CardStatus, Choice, Deck, ReviewLog, ReviewState, User, deck_cards
from quizapp.services import scheduling
from quizapp.services.scheduling import Schedule

#: The app config key of a zero-argument callable returning the time now; tests set it to a fixed clock.
CLOCK_CONFIG_KEY = "QUIZAPP_CLOCK"
#: A question shown longer ago than this cannot be answered with its token any more; the student gets it anew.
TOKEN_MAX_AGE = timedelta(hours=12)
#: An answer slower than this is rated as untimed: the student was away, not slow.
AWAY_AFTER = timedelta(minutes=5)
_TOKEN_SALT = "quizapp.review.presented"
_NEW = "new"


class Mode(enum.StrEnum):
    """How a card is reviewed."""

    CHOICE = "choice"  # pick one of the options; the answer becomes the rating
    FLASHCARD = "flashcard"  # recall the answer, reveal it, rate yourself


class Problem(enum.StrEnum):
    """Why an answer or a rating cannot be applied."""

    UNKNOWN_CARD = "unknown_card"
    RETIRED_CARD = "retired_card"
    NOT_IN_DECK = "not_in_deck"
    BAD_TOKEN = "bad_token"
    EXPIRED_TOKEN = "expired_token"
    BAD_CHOICE = "bad_choice"
    BAD_RATING = "bad_rating"


class ReviewError(ValueError):
    """An answer, rating or reveal the service refuses; ``problem`` says why, for the view to word."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def clock() -> datetime:
    """Return the time now from app.config["QUIZAPP_CLOCK"] when set, else the system clock (aware UTC)."""
    now: Callable[[], datetime] = current_app.config.get(CLOCK_CONFIG_KEY) or utcnow
    return now()


def start_of_day(now: datetime) -> datetime:
    """Return 00:00 UTC of now's day, when the daily limits start again."""
    return now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def find_deck(slug: str) -> Deck | None:
    """Return the deck with this slug, or None."""
    return db.session.scalar(sa.select(Deck).where(Deck.slug == slug))


def _in_deck(deck_id: int) -> sa.ColumnElement[bool]:
    return Card.id.in_(sa.select(deck_cards.c.card_id).where(deck_cards.c.deck_id == deck_id))


# --- counts -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeckCounts:
    """One student's cards in one deck."""

    new: int  # active cards of the deck this user has never reviewed
    due: int  # this user's review states for the deck's active cards with due <= now
    learned: int  # this user's review states for the deck's active cards that are in fsrs State.Review
    total: int  # active cards in the deck


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


# --- the token a question is shown with -------------------------------------------------------------


@dataclass(frozen=True)
class Presented:
    """What the server knew when it showed a question, read back from the signed token."""

    user_id: int
    card_id: str
    mode: Mode
    last_review: datetime | None
    shown_at: datetime


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=_TOKEN_SALT)


def present(user_id: int, item: ReviewItem, mode: Mode, now: datetime) -> str:
    """Return the signed token to show the item's question with."""
    last_review = item.state.last_review if item.state is not None else None
    return _serializer().dumps({
        "u": user_id,
        "c": item.card.id,
        "m": mode.value,
        "r": last_review.isoformat() if last_review is not None else _NEW,
        "t": now.astimezone(UTC).isoformat(),
    })


def read_token(token: str, *, user_id: int, card_id: str, mode: Mode, now: datetime) -> Presented:
    """Check a token came from present() for this user, card and mode, and is not too old."""
    try:
        data = _serializer().loads(token)
        presented = Presented(
            user_id=int(data["u"]),
            card_id=str(data["c"]),
            mode=Mode(data["m"]),
            last_review=None if data["r"] == _NEW else datetime.fromisoformat(data["r"]),
            shown_at=datetime.fromisoformat(data["t"]),
        )
    except (BadData, KeyError, TypeError, ValueError) as exc:
        raise ReviewError(Problem.BAD_TOKEN) from exc
    if (presented.user_id, presented.card_id, presented.mode) != (user_id, card_id, mode):
        raise ReviewError(Problem.BAD_TOKEN)
    if now - presented.shown_at > TOKEN_MAX_AGE:
        raise ReviewError(Problem.EXPIRED_TOKEN)
    return presented


# --- answering, revealing and rating ----------------------------------------------------------------


def _card_for_review(card_id: str, deck_id: int | None) -> Card:
    card = db.session.get(Card, card_id) if card_id else None
    if card is None:
        raise ReviewError(Problem.UNKNOWN_CARD)
    if card.status != CardStatus.ACTIVE:
        raise ReviewError(Problem.RETIRED_CARD)
    if deck_id is not None:
        in_deck = sa.exists().where(deck_cards.c.deck_id == deck_id, deck_cards.c.card_id == card.id)
        if not db.session.scalar(sa.select(in_deck)):
            raise ReviewError(Problem.NOT_IN_DECK)
    return card


def _state(user_id: int, card_id: str) -> ReviewState | None:
    return db.session.scalar(
        sa.select(ReviewState).where(ReviewState.user_id == user_id, ReviewState.card_id == card_id)
    )


def _is_current(state: ReviewState | None, presented: Presented) -> bool:
    """Tell whether the card has not been reviewed since the question was shown."""
    return (state.last_review if state is not None else None) == presented.last_review


def _schedule(state: ReviewState | None, now: datetime) -> Schedule:
    if state is None:
        return scheduling.new_schedule(now)
    return Schedule(
        state=state.state, step=state.step, stability=state.stability, difficulty=state.difficulty,
        due=state.due, last_review=state.last_review,
    )


def _columns(schedule: Schedule) -> dict[str, Any]:
    return asdict(schedule)


def _elapsed_ms(presented: Presented, now: datetime) -> int | None:
    """Return the milliseconds since the question was shown, None if the clock went backwards."""
    elapsed = int((now - presented.shown_at) / timedelta(milliseconds=1))
    return elapsed if elapsed >= 0 else None


def _apply(
    user_id: int,
    card: Card,
    state: ReviewState | None,
    presented: Presented,
    rating: fsrs.Rating,
    now: datetime,
    duration_ms: int | None,
    answer_id: int | None,
) -> scheduling.ReviewOutcome | None:
    """Write the new schedule and append the log row; None (caller rolls back) if it was already counted."""
    after, outcome = scheduling.review(_schedule(state, now), rating, now)
    if state is None:
        db.session.add(ReviewState(user_id=user_id, card_id=card.id, **_columns(after)))
        try:
            db.session.flush()
        except sa.exc.IntegrityError:  # another request created the row first: that one counted
            return None
    else:
        seen = (
            ReviewState.last_review.is_(None)
            if presented.last_review is None
            else ReviewState.last_review == presented.last_review
        )
        result = db.session.execute(
            sa.update(ReviewState).where(ReviewState.id == state.id, seen).values(**_columns(after)),
            execution_options={"synchronize_session": False},
        )
        if result.rowcount != 1:  # reviewed since the question was shown
            return None
        db.session.expire(state)
    fields = {name: value for name, value in asdict(outcome).items() if name != "scheduled_interval"}
    db.session.add(
        ReviewLog(user_id=user_id, card_id=card.id, answer_id=answer_id, review_duration_ms=duration_ms, **fields)
    )
    return outcome


@dataclass(frozen=True)
class AnswerResult:
    """What happened to a multiple-choice answer."""

    applied: bool  # False: the question had already been answered, and this answer was not counted
    answer_id: int | None  # the answer to show feedback for: this one, or the one that counted before


def _earlier_answer(user_id: int, card_id: str, presented: Presented) -> int | None:
    """Return the answer that counted for the showing presented describes, if there was one."""
    return db.session.scalar(
        sa.select(Answer.id)
        .where(
            Answer.user_id == user_id,
            Answer.card_id == card_id,
            Answer.session_id.is_(None),
            Answer.answered_at >= presented.shown_at,
        )
        .order_by(Answer.answered_at, Answer.id)
        .limit(1)
    )


def answer_card(
    user: User, card_id: str, position: int | None, token: str, now: datetime, deck_id: int | None = None
) -> AnswerResult:
    """Record a multiple-choice answer, rate it (see the module docstring) and reschedule the card, once."""
    card = _card_for_review(card_id, deck_id)
    presented = read_token(token, user_id=user.id, card_id=card.id, mode=Mode.CHOICE, now=now)
    choice: Choice | None = next((c for c in card.choices if c.position == position), None)
    if choice is None:
        raise ReviewError(Problem.BAD_CHOICE)
    state = _state(user.id, card.id)
    if not _is_current(state, presented):
        return AnswerResult(applied=False, answer_id=_earlier_answer(user.id, card.id, presented))

    elapsed = _elapsed_ms(presented, now)
    timed = elapsed if elapsed is not None and elapsed <= AWAY_AFTER / timedelta(milliseconds=1) else None
    rating = scheduling.rating_for_answer(choice.is_correct, timed, max(len(card.choices), 2))
    answer = Answer(
        session_id=None, user_id=user.id, card_id=card.id, chosen_position=choice.position,
        correct=choice.is_correct, time_taken_ms=elapsed, answered_at=now,
    )
    db.session.add(answer)
    db.session.flush()
    if _apply(user.id, card, state, presented, rating, now, elapsed, answer.id) is None:
        db.session.rollback()
        return AnswerResult(applied=False, answer_id=_earlier_answer(user.id, card_id, presented))
    db.session.commit()
    return AnswerResult(applied=True, answer_id=answer.id)


@dataclass(frozen=True)
class Reveal:
    """A flashcard's answer, with how long each rating would put the card away."""

    card: Card
    intervals: dict[fsrs.Rating, timedelta]


def reveal(
    user: User, card_id: str, token: str, now: datetime, deck_id: int | None = None
) -> Reveal | None:
    """Return the flashcard's answer and rating previews; None if the card was rated since it was shown."""
    card = _card_for_review(card_id, deck_id)
    presented = read_token(token, user_id=user.id, card_id=card.id, mode=Mode.FLASHCARD, now=now)
    state = _state(user.id, card.id)
    if not _is_current(state, presented):
        return None
    return Reveal(card=card, intervals=scheduling.preview_intervals(_schedule(state, now), now))


@dataclass(frozen=True)
class RateResult:
    """What happened to a flashcard rating."""

    applied: bool  # False: the card had already been rated for this showing
    rating: fsrs.Rating
    interval: timedelta | None  # until the card is due again, when applied


def rate_card(
    user: User, card_id: str, rating: int | None, token: str, now: datetime, deck_id: int | None = None
) -> RateResult:
    """Apply the student's own rating of a flashcard and reschedule it, once."""
    card = _card_for_review(card_id, deck_id)
    presented = read_token(token, user_id=user.id, card_id=card.id, mode=Mode.FLASHCARD, now=now)
    try:
        chosen = fsrs.Rating(rating)
    except ValueError as exc:
        raise ReviewError(Problem.BAD_RATING) from exc
    state = _state(user.id, card.id)
    if not _is_current(state, presented):
        return RateResult(applied=False, rating=chosen, interval=None)
    outcome = _apply(user.id, card, state, presented, chosen, now, _elapsed_ms(presented, now), None)
    if outcome is None:
        db.session.rollback()
        return RateResult(applied=False, rating=chosen, interval=None)
    db.session.commit()
    return RateResult(applied=True, rating=chosen, interval=outcome.scheduled_interval)


# --- feedback ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Feedback:
    """A review answer with everything shown after it: the card, the rating it earned, when it comes back."""

    answer: Answer
    card: Card
    rating: fsrs.Rating | None
    interval: timedelta | None  # from the answer to the card's next due

    @property
    def chosen(self) -> Choice | None:
        """The option the student picked."""
        return next((c for c in self.card.choices if c.position == self.answer.chosen_position), None)

    @property
    def correct_choices(self) -> list[Choice]:
        """The right option (a card has one)."""
        return [c for c in self.card.choices if c.is_correct]


def feedback(user_id: int, answer_id: int) -> Feedback | None:
    """Return the feedback of the user's review answer; None if there is none such (or it is someone else's)."""
    answer = db.session.get(Answer, answer_id)
    if answer is None or answer.user_id != user_id or answer.session_id is not None:
        return None
    log = db.session.scalar(sa.select(ReviewLog).where(ReviewLog.answer_id == answer.id).limit(1))
    return Feedback(
        answer=answer,
        card=answer.card,
        rating=fsrs.Rating(log.rating) if log is not None else None,
        interval=log.due_after - log.reviewed_at if log is not None else None,
    )
