"""A student's progress in numbers: quiz history, accuracy, streak, learned cards, retention, forecast, calendar.

Each function takes a user id (and, where time matters, ``now``: an aware UTC datetime passed in, so that
tests can fix the clock) and runs one or a few grouped queries; none runs a query per day or per row. Days
are UTC calendar days throughout. Results are small frozen dataclasses that know nothing of Flask.

SQLite and PostgreSQL spell date arithmetic differently, so the two SQL constructs below compile to each
dialect's own form: ``utc_date`` (the UTC calendar day of a timestamp) and ``epoch_seconds``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import fsrs
import sqlalchemy as sa
import sqlalchemy.orm as so
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

import question_bank
from quizapp.db import db
from quizapp.models import Answer, Card, CardStatus, Deck, QuizItem, QuizSession, ReviewLog, ReviewState, deck_cards

#: Quizzes per page of the history.
QUIZZES_PER_PAGE = 50
# A page number from a URL is capped before it becomes an SQL offset, which SQLite keeps in 64 bits.
_MAX_PAGE = 1_000_000
#: Anki's line between young and mature cards: a scheduled interval of at least this many days.
MATURE_DAYS = 21
#: How far back true retention looks, in UTC days counted with today.
RETENTION_DAYS = 30
#: How many UTC days the forecast covers, starting with today.
FORECAST_DAYS = 30
#: How many weeks the review calendar shows, ending with the current week.
CALENDAR_WEEKS = 26

_REVIEW = int(fsrs.State.Review)
_AGAIN = int(fsrs.Rating.Again)


# --- SQL date functions, one spelling per dialect ----------------------------------------------------------


class utc_date(FunctionElement[date]):  # noqa: N801  named and used like a SQL function
    """The UTC calendar day of a stored timestamp, as a date."""

    type = sa.Date()
    name = "utc_date"
    inherit_cache = True


@compiles(utc_date, "sqlite")
def _utc_date_sqlite(element: utc_date, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite holds the UTC wall time as text (see quizapp.db.UTCDateTime); date() reads its day.
    return f"date({compiler.process(element.clauses, **kw)})"


@compiles(utc_date)
def _utc_date_postgresql(element: utc_date, compiler: SQLCompiler, **kw: Any) -> str:
    # A timestamptz cast straight to date takes the connection's time zone; timezone('UTC', …) pins it.
    return f"CAST(timezone('UTC', {compiler.process(element.clauses, **kw)}) AS DATE)"


class epoch_seconds(FunctionElement[int]):  # noqa: N801  named and used like a SQL function
    """Whole seconds from 1970-01-01 UTC to a stored timestamp."""

    type = sa.Integer()
    name = "epoch_seconds"
    inherit_cache = True


@compiles(epoch_seconds, "sqlite")
def _epoch_seconds_sqlite(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    # Whole seconds, not julianday(): its floating-point days turn an interval of exactly 21 days into
    # 20.99999… days, and FSRS schedules review cards exactly a whole number of days ahead.
    return f"CAST(strftime('%s', {compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(epoch_seconds)
def _epoch_seconds_postgresql(element: epoch_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(FLOOR(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)})) AS BIGINT)"


def utc_today(now: datetime) -> date:
    """Return the UTC day of now, refusing a naive datetime."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now must be a timezone-aware UTC datetime, got naive {now.isoformat()}")
    return now.astimezone(UTC).date()


def _midnight(day: date) -> datetime:
    """Return the first instant of a UTC day."""
    return datetime.combine(day, time(), tzinfo=UTC)


def _count_if(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[int]:
    """Count the rows of a group where condition holds (0, not NULL, for an empty group)."""
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def _percent(part: int, whole: int) -> int | None:
    """Return the whole percentage, rounded down so that 199 of 200 never shows as 100%; None for 0 of 0."""
    return 100 * part // whole if whole else None


# --- quiz history ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuizRow:
    """One quiz: when it started, over which deck, how many questions it has and how it went."""

    id: int
    started_at: datetime
    finished_at: datetime | None
    deck_title: str
    #: The quiz's questions (its QuizItem rows).
    questions: int
    #: Questions answered so far (its Answer rows).
    answered: int
    #: Correct answers, stored when the quiz was finished; None while it is in progress.
    score: int | None

    @property
    def finished(self) -> bool:
        """Tell whether the quiz was finished."""
        return self.finished_at is not None


@dataclass(frozen=True)
class QuizHistory:
    """One page of a user's quizzes, newest first."""

    rows: tuple[QuizRow, ...]
    page: int
    pages: int
    #: Quizzes on all pages together.
    total: int

    @property
    def has_prev(self) -> bool:
        """Tell whether a newer page exists."""
        return self.page > 1

    @property
    def has_next(self) -> bool:
        """Tell whether an older page exists."""
        return self.page < self.pages


def quiz_history(user_id: int, page: int = 1, per_page: int = QUIZZES_PER_PAGE) -> QuizHistory:
    """Return one page of the user's quizzes (QuizSession rows), newest started first.

    A page before the first shows the first; a page past the last shows the last.
    """
    select = (
        sa.select(QuizSession)
        .where(QuizSession.user_id == user_id)
        .options(so.joinedload(QuizSession.deck))
        .order_by(QuizSession.started_at.desc(), QuizSession.id.desc())
    )
    pagination = db.paginate(select, page=min(max(page, 1), _MAX_PAGE), per_page=per_page, error_out=False)
    if pagination.pages and pagination.page > pagination.pages:
        pagination = db.paginate(select, page=pagination.pages, per_page=per_page, error_out=False)
    quizzes: list[QuizSession] = list(pagination.items)

    counts: dict[int, tuple[int, int]] = {}
    if quizzes:
        questions = sa.select(sa.func.count()).where(QuizItem.session_id == QuizSession.id).scalar_subquery()
        answered = sa.select(sa.func.count()).where(Answer.session_id == QuizSession.id).scalar_subquery()
        query = sa.select(QuizSession.id, questions, answered).where(QuizSession.id.in_([q.id for q in quizzes]))
        counts = {quiz_id: (n_questions, n_answered) for quiz_id, n_questions, n_answered in db.session.execute(query)}

    rows = tuple(
        QuizRow(
            id=quiz.id,
            started_at=quiz.started_at,
            finished_at=quiz.finished_at,
            deck_title=quiz.deck.title,
            questions=counts[quiz.id][0],
            answered=counts[quiz.id][1],
            score=quiz.score,
        )
        for quiz in quizzes
    )
    return QuizHistory(rows=rows, page=pagination.page, pages=pagination.pages, total=pagination.total or 0)


# --- accuracy ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Accuracy:
    """Correct answers out of all answers for one deck or one kind of fact."""

    #: The deck's slug or the card kind.
    key: str
    #: The deck's title or the card kind (the page translates kinds into words).
    label: str
    correct: int
    total: int

    @property
    def percent(self) -> int | None:
        """Return the share correct in whole percent, rounded down; None when nothing was answered."""
        return _percent(self.correct, self.total)


def accuracy_by_deck(user_id: int) -> tuple[Accuracy, ...]:
    """Return the user's accuracy per deck, over every Answer row (quiz and review answers alike).

    A card in several decks counts in each of them, the "all" deck too. Decks spanning articles come first,
    then the others by title. Only decks with at least one answer are listed.
    """
    query = (
        sa.select(Deck.slug, Deck.title, Deck.article_id.is_(None), _count_if(Answer.correct), sa.func.count())
        .select_from(Answer)
        .join(deck_cards, deck_cards.c.card_id == Answer.card_id)
        .join(Deck, Deck.id == deck_cards.c.deck_id)
        .where(Answer.user_id == user_id)
        .group_by(Deck.id, Deck.slug, Deck.title, Deck.article_id)
    )
    rows = sorted(db.session.execute(query), key=lambda row: (not row[2], row[1].casefold(), row[0]))
    return tuple(Accuracy(slug, title, int(correct), int(total)) for slug, title, _, correct, total in rows)


def accuracy_by_kind(user_id: int) -> tuple[Accuracy, ...]:
    """Return the user's accuracy per kind of fact (Card.kind), over every Answer row.

    question_bank's kinds come in its order, any other kind (an authored one) after them by name. Only
    kinds with at least one answer are listed.
    """
    query = (
        sa.select(Card.kind, _count_if(Answer.correct), sa.func.count())
        .select_from(Answer)
        .join(Card, Card.id == Answer.card_id)
        .where(Answer.user_id == user_id)
        .group_by(Card.kind)
    )
    known = {kind: i for i, kind in enumerate(question_bank.KINDS)}
    rows = sorted(db.session.execute(query), key=lambda row: (known.get(row[0], len(known)), row[0]))
    return tuple(Accuracy(kind, kind, int(correct), int(total)) for kind, correct, total in rows)


# --- streak ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Streak:
    """Runs of consecutive UTC days with at least one answer or review."""

    #: Days in the run that ends today, or yesterday when nothing was done yet today; 0 when neither.
    current: int
    #: Days in the longest run ever.
    longest: int
    #: Whether today already counts.
    studied_today: bool
    #: Days with at least one answer or review, ever.
    active_days: int
    last_day: date | None


def streak_from_days(days: Iterable[date], today: date) -> Streak:
    """Measure the current and longest runs of consecutive days among days; days after today are ignored."""
    ordered = sorted({day for day in days if day <= today})
    longest = run = 0
    previous: date | None = None
    for day in ordered:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    # run is now the length of the run ending on the last active day; it is current only if that day is
    # today or yesterday, so that a streak is not broken before today's study.
    current = run if previous is not None and today - previous <= timedelta(days=1) else 0
    return Streak(
        current=current,
        longest=longest,
        studied_today=previous == today,
        active_days=len(ordered),
        last_day=previous,
    )


def study_streak(user_id: int, now: datetime) -> Streak:
    """Return the user's study streak: UTC days with at least one Answer or ReviewLog row."""
    active_days = sa.union(
        sa.select(utc_date(Answer.answered_at)).where(Answer.user_id == user_id),
        sa.select(utc_date(ReviewLog.reviewed_at)).where(ReviewLog.user_id == user_id),
    )
    return streak_from_days(db.session.scalars(active_days), utc_today(now))


# --- cards -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardCounts:
    """How far the user's cards have come in the schedule (ReviewState rows)."""

    #: Cards the user has a schedule for: answered or reviewed at least once.
    studied: int
    #: Cards in FSRS's Review state (2): past the learning steps and not relearning.
    learned: int
    #: Learned cards whose scheduled interval (due - last review) is at least 21 days.
    mature: int


def card_counts(user_id: int) -> CardCounts:
    """Count the user's studied, learned and mature cards."""
    in_review = ReviewState.state == _REVIEW
    interval = epoch_seconds(ReviewState.due) - epoch_seconds(ReviewState.last_review)
    query = sa.select(
        sa.func.count(),
        _count_if(in_review),
        _count_if(sa.and_(in_review, interval >= MATURE_DAYS * 86_400)),
    ).where(ReviewState.user_id == user_id)
    studied, learned, mature = db.session.execute(query).one()
    return CardCounts(studied=int(studied), learned=int(learned), mature=int(mature))


# --- true retention ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Retention:
    """Anki's true retention: of reviews of cards that were in the Review state, the share not rated Again."""

    passed: int
    total: int
    #: The first and last UTC day of the window.
    start: date
    end: date

    @property
    def percent(self) -> int | None:
        """Return the share passed in whole percent, rounded down; None when there were no such reviews."""
        return _percent(self.passed, self.total)


def true_retention(user_id: int, now: datetime, days: int = RETENTION_DAYS) -> Retention:
    """Return the user's true retention over the last days UTC days, today included.

    Counts ReviewLog rows with state_before Review (2); a review passes unless rated Again (1). Reviews of
    cards still learning or relearning say nothing about long-term memory and are left out.
    """
    end = utc_today(now)
    start = end - timedelta(days=days - 1)
    query = sa.select(_count_if(ReviewLog.rating != _AGAIN), sa.func.count()).where(
        ReviewLog.user_id == user_id,
        ReviewLog.state_before == _REVIEW,
        ReviewLog.reviewed_at >= _midnight(start),
        ReviewLog.reviewed_at < _midnight(end + timedelta(days=1)),
    )
    passed, total = db.session.execute(query).one()
    return Retention(passed=int(passed), total=int(total), start=start, end=end)


# --- forecast ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Forecast:
    """Cards falling due on each of the coming UTC days, today first; overdue cards count today."""

    days: tuple[tuple[date, int], ...]
    #: Of today's cards, those that fell due on an earlier day.
    overdue: int

    @property
    def total(self) -> int:
        """Return the cards due over the whole forecast."""
        return sum(n for _, n in self.days)


def due_forecast(user_id: int, now: datetime, days: int = FORECAST_DAYS) -> Forecast:
    """Count the user's ReviewState rows due on each of days UTC days from today; retired cards are left out."""
    today = utc_today(now)
    day = utc_date(ReviewState.due)
    query = (
        sa.select(day, sa.func.count())
        .join(Card, Card.id == ReviewState.card_id)
        .where(
            ReviewState.user_id == user_id,
            Card.status != CardStatus.RETIRED,
            ReviewState.due < _midnight(today + timedelta(days=days)),
        )
        .group_by(day)
    )
    counts = {day: 0 for day in (today + timedelta(days=i) for i in range(days))}
    overdue = 0
    for due_day, n in db.session.execute(query):
        if due_day < today:
            overdue += n
            due_day = today
        counts[due_day] += n
    return Forecast(days=tuple(counts.items()), overdue=overdue)


# --- review calendar ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewCalendar:
    """Reviews (ReviewLog rows) per UTC day, from the Monday weeks - 1 weeks before this week's to today."""

    counts: Mapping[date, int]
    start: date
    end: date
    weeks: int

    @property
    def total(self) -> int:
        """Return the reviews in the whole calendar."""
        return sum(self.counts.values())


def review_calendar(user_id: int, now: datetime, weeks: int = CALENDAR_WEEKS) -> ReviewCalendar:
    """Count the user's reviews per UTC day over the last weeks calendar weeks; days without one are absent."""
    end = utc_today(now)
    # The same first day as quizapp.charts.review_heatmap: the Monday of the first column.
    start = end - timedelta(days=end.weekday(), weeks=weeks - 1)
    day = utc_date(ReviewLog.reviewed_at)
    query = (
        sa.select(day, sa.func.count())
        .where(
            ReviewLog.user_id == user_id,
            ReviewLog.reviewed_at >= _midnight(start),
            ReviewLog.reviewed_at < _midnight(end + timedelta(days=1)),
        )
        .group_by(day)
    )
    counts = {review_day: int(n) for review_day, n in db.session.execute(query)}
    return ReviewCalendar(counts=counts, start=start, end=end, weeks=weeks)
