"""Spaced repetition on top of the ``fsrs`` library (FSRS-6): pure functions, no Flask, no database.

A caller that owns the transaction loads a ReviewState row into a :class:`Schedule`, calls :func:`review`,
writes the new schedule back and appends the :class:`ReviewOutcome` to the review log.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import fsrs
from babel.numbers import format_decimal
from babel.units import format_unit

DESIRED_RETENTION = 0.9
# Fuzzing spreads due dates at random; off, so the same answers always give the same schedule and tests hold.
DEFAULT_SCHEDULER = fsrs.Scheduler(desired_retention=DESIRED_RETENTION, enable_fuzzing=False)
#: The retentions a student may choose (Anki's advice): below, too much is forgotten; above, reviews pile up.
MIN_RETENTION = 0.70
MAX_RETENTION = 0.99


@functools.lru_cache(maxsize=64)
def scheduler_for(retention: float) -> fsrs.Scheduler:
    """Return the scheduler aiming at this desired retention (0.70-0.99), without fuzzing like DEFAULT_SCHEDULER."""
    if not MIN_RETENTION <= retention <= MAX_RETENTION:
        raise ValueError(f"desired retention must be from {MIN_RETENTION} to {MAX_RETENTION}, got {retention}")
    if retention == DESIRED_RETENTION:
        return DEFAULT_SCHEDULER
    return fsrs.Scheduler(desired_retention=retention, enable_fuzzing=False)

# fsrs.Card invents an id from the clock (and sleeps 1 ms) when none is given; the id plays no part in
# scheduling, so a fixed one keeps conversions pure.
_CARD_ID = 0


def _utc(value: datetime, name: str) -> datetime:
    """Return value in UTC, refusing a naive datetime."""
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValueError(f"{name} must be a timezone-aware UTC datetime, got naive {value.isoformat()}")
    # fsrs accepts only tzinfo == timezone.utc, so ZoneInfo("UTC") and other offsets are normalised here.
    return value.astimezone(UTC)


@dataclass(frozen=True)
class Schedule:
    """The FSRS memory state of one card for one user, as stored in a ReviewState row."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None

    def __post_init__(self) -> None:
        fsrs.State(self.state)  # raises ValueError for an unknown state
        object.__setattr__(self, "state", int(self.state))
        object.__setattr__(self, "due", _utc(self.due, "due"))
        if self.last_review is not None:
            object.__setattr__(self, "last_review", _utc(self.last_review, "last_review"))

    def to_card(self) -> fsrs.Card:
        """Build the fsrs.Card this schedule describes."""
        return fsrs.Card(
            card_id=_CARD_ID,
            state=fsrs.State(self.state),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )

    @classmethod
    def from_card(cls, card: fsrs.Card) -> Schedule:
        """Read the schedule out of an fsrs.Card."""
        return cls(
            state=int(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due,
            last_review=card.last_review,
        )


@dataclass(frozen=True)
class ReviewOutcome:
    """What one review did, in the shape of an append-only review log row."""

    rating: int
    reviewed_at: datetime
    state_before: int
    step_before: int | None
    stability_before: float | None
    difficulty_before: float | None
    due_before: datetime
    state_after: int
    step_after: int | None
    stability_after: float
    difficulty_after: float
    due_after: datetime
    scheduled_interval: timedelta


def new_schedule(now: datetime) -> Schedule:
    """Return the schedule of a card never studied, due now."""
    return Schedule(
        state=int(fsrs.State.Learning), step=0, stability=None, difficulty=None, due=_utc(now, "now"), last_review=None
    )


def quiz_answer_counts(schedule: Schedule | None, correct: bool, now: datetime) -> bool:
    """Tell whether a quiz answer goes into the schedule (schedule None: a card never studied).

    A quiz is practice, so it only teaches the schedule what it would otherwise miss: a new card met in a
    quiz is introduced, right or wrong; a wrong answer always counts, as a lapse that brings the card back
    within minutes; a right answer counts only on a card that is due, since recalling a card before its time
    says little of the memory and would push it away after a single early look.
    """
    return schedule is None or not correct or schedule.due <= _utc(now, "now")


def review(
    schedule: Schedule,
    rating: fsrs.Rating | int,
    now: datetime,
    scheduler: fsrs.Scheduler | None = None,
) -> tuple[Schedule, ReviewOutcome]:
    """Apply one review to a schedule and return the new schedule with its log entry."""
    now = _utc(now, "now")
    rating = fsrs.Rating(rating)
    card, _ = (scheduler or DEFAULT_SCHEDULER).review_card(schedule.to_card(), rating, review_datetime=now)
    after = Schedule.from_card(card)
    # fsrs always sets both after a review; the asserts narrow the types for the log row.
    assert after.stability is not None and after.difficulty is not None
    outcome = ReviewOutcome(
        rating=int(rating),
        reviewed_at=now,
        state_before=schedule.state,
        step_before=schedule.step,
        stability_before=schedule.stability,
        difficulty_before=schedule.difficulty,
        due_before=schedule.due,
        state_after=after.state,
        step_after=after.step,
        stability_after=after.stability,
        difficulty_after=after.difficulty,
        due_after=after.due,
        scheduled_interval=after.due - now,
    )
    return after, outcome


def preview_intervals(
    schedule: Schedule, now: datetime, scheduler: fsrs.Scheduler | None = None
) -> dict[fsrs.Rating, timedelta]:
    """Return how long each rating would put the card away, for the flashcard buttons."""
    return {rating: review(schedule, rating, now, scheduler)[1].scheduled_interval for rating in fsrs.Rating}


_UNITS = {
    "en": ("s", "m", "h", "d", "mo", "y"),
    "id": ("dtk", "mnt", "jam", "hr", "bln", "thn"),
}


def _round(value: float) -> int:
    """Round half up; Python's round() goes to even, which would show 2.5 days as 2d."""
    return int(value + 0.5)


#: The units an interval is told in, in CLDR's names, from the smallest up: the order of _UNITS's abbreviations.
_CLDR_UNITS = ("second", "minute", "hour", "day", "month", "year")


def _amount(td: timedelta) -> tuple[float, int]:
    """Return an interval as a number and the index of its unit in _CLDR_UNITS: (8, 3) for 8 days."""
    seconds = td.total_seconds()
    if seconds < 0:
        raise ValueError(f"an interval cannot be negative, got {td}")
    if seconds < 60:
        return int(seconds), 0
    # Each unit is chosen on the rounded value, so 59.6 minutes reads "1h", not "60m".
    if (minutes := _round(seconds / 60)) < 60:
        return minutes, 1
    if (hours := _round(seconds / 3600)) < 24:
        return hours, 2
    days = seconds / 86400
    if _round(days) < 30:
        return _round(days), 3
    if (months := _round(days / 30)) < 12:
        return months, 4
    years = days / 365
    return (round(years, 1) if years < 10 else _round(years)), 5


def format_interval(td: timedelta, locale: str = "en") -> str:
    """Describe an interval in a few characters, such as "10m", "3d" or "2mo"."""
    amount, unit = _amount(td)
    text = format_decimal(amount, "0.#", locale=locale if locale in _UNITS else "en")
    return f"{text}{_UNITS.get(locale, _UNITS['en'])[unit]}"


def spell_interval(td: timedelta, locale: str = "en") -> str:
    """Spell out the interval format_interval abbreviates, in the same number and unit: "8 days", not "1 week"."""
    amount, unit = _amount(td)
    return format_unit(amount, f"duration-{_CLDR_UNITS[unit]}", length="long",
                       locale=locale if locale in _UNITS else "en")


def remaining_today(new_done: int, reviews_done: int, new_limit: int, review_limit: int) -> tuple[int, int]:
    """Return how many new cards and reviews are left today under the user's daily limits."""
    for name, value in (
        ("new_done", new_done),
        ("reviews_done", reviews_done),
        ("new_limit", new_limit),
        ("review_limit", review_limit),
    ):
        if value < 0:
            raise ValueError(f"{name} must not be negative, got {value}")
    return max(new_limit - new_done, 0), max(review_limit - reviews_done, 0)
