"""Spaced repetition: FSRS scheduling, on a fixed clock (the answer-to-rating rule: test_rating.py)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime, timedelta, timezone

import fsrs
import pytest

from quizapp.services.study import scheduling
from quizapp.services.study.scheduling import (
    Schedule,
    format_interval,
    new_schedule,
    preview_intervals,
    quiz_answer_counts,
    remaining_today,
    review,
    spell_interval,
)

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
WIB = timezone(timedelta(hours=7))
Again, Hard, Good, Easy = fsrs.Rating.Again, fsrs.Rating.Hard, fsrs.Rating.Good, fsrs.Rating.Easy


def review_chain(ratings: list[fsrs.Rating], start: datetime = NOW) -> list[tuple[Schedule, scheduling.ReviewOutcome]]:
    """Review a new card with each rating in turn, each time exactly when it falls due."""
    schedule, results = new_schedule(start), []
    for rating in ratings:
        schedule, outcome = review(schedule, rating, schedule.due)
        results.append((schedule, outcome))
    return results


def review_state_card() -> Schedule:
    """Return a card that has graduated to the Review state."""
    schedule = review_chain([Good, Good])[-1][0]
    assert schedule.state == fsrs.State.Review
    return schedule


def test_new_schedule_is_due_now_and_unstudied() -> None:
    assert new_schedule(NOW) == Schedule(
        state=int(fsrs.State.Learning), step=0, stability=None, difficulty=None, due=NOW, last_review=None
    )


def test_good_puts_a_new_card_further_away_than_again() -> None:
    after_again, again = review(new_schedule(NOW), Again, NOW)
    after_good, good = review(new_schedule(NOW), Good, NOW)
    assert after_good.due > after_again.due
    # the default learning steps are 1 and 10 minutes
    assert again.scheduled_interval == timedelta(minutes=1)
    assert good.scheduled_interval == timedelta(minutes=10)
    assert (good.step_before, good.step_after) == (0, 1) == (0, after_good.step)
    assert (good.stability_before, good.difficulty_before) == (None, None)


def test_again_keeps_a_new_card_in_learning_within_minutes() -> None:
    schedule, outcome = review(new_schedule(NOW), Again, NOW)
    assert schedule.state == fsrs.State.Learning
    assert schedule.step == 0
    assert timedelta(0) < outcome.scheduled_interval <= timedelta(minutes=10)
    assert schedule.last_review == NOW


def test_again_sends_a_review_card_to_relearning_within_minutes() -> None:
    card = review_state_card()
    lapsed, outcome = review(card, Again, card.due)
    assert outcome.state_before == fsrs.State.Review
    assert lapsed.state == outcome.state_after == fsrs.State.Relearning
    assert outcome.scheduled_interval <= timedelta(minutes=10)
    assert lapsed.stability is not None and card.stability is not None
    assert lapsed.stability < card.stability


def test_consecutive_good_reviews_grow_the_interval() -> None:
    intervals = [outcome.scheduled_interval for _, outcome in review_chain([Good] * 6)]
    assert intervals[0] == timedelta(minutes=10)
    assert intervals[1] >= timedelta(days=1)  # graduated from learning
    assert all(later > earlier for earlier, later in zip(intervals, intervals[1:], strict=False))
    assert intervals[-1] > timedelta(days=90)


@pytest.mark.parametrize(
    ("due_in", "correct", "counts"),
    [
        (None, True, True),  # a new card met in a quiz is introduced, right ...
        (None, False, True),  # ... or wrong
        (timedelta(0), True, True),  # due now: the quiz answer is its review
        (-timedelta(days=3), True, True),  # overdue
        (timedelta(days=3), True, False),  # not due yet: a right answer leaves the schedule alone
        (timedelta(minutes=1), True, False),  # a learning step not reached yet either
        (timedelta(days=3), False, True),  # a wrong answer is a lapse, due or not
    ],
)
def test_which_quiz_answers_count(due_in: timedelta | None, correct: bool, counts: bool) -> None:
    schedule = None if due_in is None else Schedule(**(asdict(review_state_card()) | {"due": NOW + due_in}))
    assert quiz_answer_counts(schedule, correct, NOW) is counts
    assert quiz_answer_counts(schedule, correct, NOW.astimezone(WIB)) is counts  # any offset, same instant


def test_review_outcome_describes_the_review() -> None:
    before = review_state_card()
    when = before.due + timedelta(days=2)  # two days overdue
    after, outcome = review(before, Hard, when)
    assert outcome.rating == 2 and isinstance(outcome.rating, int)
    assert outcome.reviewed_at == when == after.last_review
    assert (outcome.state_before, outcome.state_after) == (fsrs.State.Review, fsrs.State.Review)
    assert (outcome.step_before, outcome.step_after) == (None, None)
    assert (outcome.due_before, outcome.due_after) == (before.due, after.due)
    assert (outcome.stability_before, outcome.difficulty_before) == (before.stability, before.difficulty)
    assert (outcome.stability_after, outcome.difficulty_after) == (after.stability, after.difficulty)
    assert outcome.stability_after != outcome.stability_before
    assert outcome.scheduled_interval == after.due - when
    assert outcome.scheduled_interval.total_seconds() % 86_400 == 0  # review intervals are whole days


def test_review_accepts_a_plain_int_rating() -> None:
    assert review(new_schedule(NOW), 3, NOW) == review(new_schedule(NOW), Good, NOW)


def test_review_rejects_an_unknown_rating() -> None:
    with pytest.raises(ValueError):
        review(new_schedule(NOW), 5, NOW)


def test_same_inputs_give_the_same_schedule() -> None:
    ratings = [Good, Good, Good, Easy, Hard, Again, Good, Good]
    assert review_chain(ratings) == review_chain(ratings)
    assert scheduling.DEFAULT_SCHEDULER.enable_fuzzing is False
    assert scheduling.DEFAULT_SCHEDULER.desired_retention == 0.9


def test_a_given_scheduler_is_used() -> None:
    no_steps = fsrs.Scheduler(learning_steps=(), enable_fuzzing=False)
    schedule, outcome = review(new_schedule(NOW), Good, NOW, scheduler=no_steps)
    assert schedule.state == fsrs.State.Review
    assert outcome.scheduled_interval >= timedelta(days=1)


@pytest.mark.parametrize("ratings", [[], [Again], [Good], [Good, Good], [Good, Good, Again], [Easy, Hard]])
def test_schedule_card_round_trip_loses_nothing(ratings: list[fsrs.Rating]) -> None:
    schedule = review_chain(ratings)[-1][0] if ratings else new_schedule(NOW)
    card = schedule.to_card()
    assert isinstance(card, fsrs.Card)
    assert (card.state, card.step, card.stability, card.difficulty, card.due, card.last_review) == tuple(
        asdict(schedule).values()
    )
    assert Schedule.from_card(card) == schedule
    assert asdict(Schedule.from_card(card)) == asdict(schedule)


def test_schedule_stores_state_as_int() -> None:
    schedule = Schedule(fsrs.State.Review, None, 3.0, 5.0, NOW, NOW)
    assert type(schedule.state) is int and schedule.state == 2


def test_schedule_rejects_an_unknown_state() -> None:
    with pytest.raises(ValueError):
        Schedule(state=9, step=None, stability=None, difficulty=None, due=NOW, last_review=None)


@pytest.mark.parametrize(
    "call",
    [
        lambda naive: new_schedule(naive),
        lambda naive: review(new_schedule(NOW), Good, naive),
        lambda naive: preview_intervals(new_schedule(NOW), naive),
        lambda naive: Schedule(1, 0, None, None, naive, None),
        lambda naive: Schedule(2, None, 3.0, 5.0, NOW, naive),
    ],
)
def test_naive_datetime_raises(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="timezone-aware UTC"):
        call(NOW.replace(tzinfo=None))


def test_other_time_zones_are_converted_to_utc() -> None:
    local = NOW.astimezone(WIB)
    schedule, outcome = review(new_schedule(local), Good, local)
    assert schedule.due.tzinfo is UTC and schedule.last_review is not None
    assert schedule.last_review.tzinfo is UTC
    assert outcome.reviewed_at == NOW and outcome.reviewed_at.utcoffset() == timedelta(0)


@pytest.mark.parametrize("ratings", [[], [Good], [Good, Good], [Good, Good, Good]])
def test_preview_intervals_are_ordered(ratings: list[fsrs.Rating]) -> None:
    schedule = review_chain(ratings)[-1][0] if ratings else new_schedule(NOW)
    preview = preview_intervals(schedule, schedule.due)
    assert list(preview) == [Again, Hard, Good, Easy]
    assert preview[Again] < preview[Hard] < preview[Good] < preview[Easy]


def test_preview_matches_what_review_does() -> None:
    schedule = review_state_card()
    when = schedule.due + timedelta(hours=3)
    preview = preview_intervals(schedule, when)
    for rating in fsrs.Rating:
        assert preview[rating] == review(schedule, rating, when)[1].scheduled_interval


@pytest.mark.parametrize(
    ("td", "expected"),
    [
        (timedelta(0), "0s"),
        (timedelta(seconds=45), "45s"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=5, seconds=30), "6m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(minutes=59, seconds=40), "1h"),
        (timedelta(hours=5), "5h"),
        (timedelta(hours=23, minutes=40), "1d"),
        (timedelta(days=3), "3d"),
        (timedelta(days=29), "29d"),
        (timedelta(days=46), "2mo"),
        (timedelta(days=163), "5mo"),
        (timedelta(days=365), "1y"),
        (timedelta(days=498), "1.4y"),
        (timedelta(days=3650 * 2), "20y"),
    ],
)
def test_format_interval(td: timedelta, expected: str) -> None:
    assert format_interval(td) == expected


def test_format_interval_in_indonesian_and_unknown_locale() -> None:
    assert format_interval(timedelta(days=3), locale="id") == "3hr"
    assert format_interval(timedelta(minutes=10), locale="id") == "10mnt"
    assert format_interval(timedelta(days=3), locale="xx") == "3d"


@pytest.mark.parametrize(
    ("td", "locale", "short", "long"),
    [
        # Babel's format_timedelta rounds 8 days to "1 week": the button said 8d and a screen reader "1 week"
        (timedelta(days=8), "en", "8d", "8 days"),
        (timedelta(days=8), "id", "8hr", "8 hari"),
        (timedelta(minutes=10), "en", "10m", "10 minutes"),
        (timedelta(days=25), "en", "25d", "25 days"),
        (timedelta(days=498), "id", "1,4thn", "1,4 tahun"),
        (timedelta(days=46), "xx", "2mo", "2 months"),
    ],
)
def test_the_short_and_the_spelled_out_interval_say_the_same(td: timedelta, locale: str, short: str, long: str) -> None:
    assert (format_interval(td, locale), spell_interval(td, locale)) == (short, long)


def test_format_interval_rejects_negative() -> None:
    with pytest.raises(ValueError, match="negative"):
        format_interval(timedelta(minutes=-1))


@pytest.mark.parametrize(
    ("done_and_limits", "expected"),
    [
        ((0, 0, 20, 200), (20, 200)),
        ((5, 150, 20, 200), (15, 50)),
        ((20, 200, 20, 200), (0, 0)),
        ((25, 260, 20, 200), (0, 0)),  # limits lowered during the day
        ((0, 0, 0, 0), (0, 0)),
    ],
)
def test_remaining_today(done_and_limits: tuple[int, int, int, int], expected: tuple[int, int]) -> None:
    assert remaining_today(*done_and_limits) == expected


def test_remaining_today_rejects_negative() -> None:
    with pytest.raises(ValueError, match="new_limit"):
        remaining_today(0, 0, -1, 10)
