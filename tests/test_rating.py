"""The rule that rates a multiple-choice answer: recognition with a chance of guessing, never Easy."""

from __future__ import annotations

from datetime import UTC, datetime

import fsrs
import pytest

from quizapp.services.study.rating import hard_min_ms, rate_choice_answer
from quizapp.services.study.scheduling import new_schedule, review

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
Again, Hard, Good, Easy = fsrs.Rating.Again, fsrs.Rating.Hard, fsrs.Rating.Good, fsrs.Rating.Easy


@pytest.mark.parametrize(
    ("correct", "time_taken_ms", "n_options", "expected"),
    [
        (False, None, 4, Again),
        (False, 0, 4, Again),
        (False, 1_000, 4, Again),
        (False, 60_000, 4, Again),
        (True, None, 4, Good),
        # quick right answers were Easy up to 5 s before issue 12; a guess can be quick too
        (True, 0, 4, Good),
        (True, 5_000, 4, Good),
        (True, 12_000, 4, Good),
        (True, 19_999, 4, Good),
        (True, 20_000, 4, Hard),
        (True, 300_000, 4, Hard),
        # one option fewer: Hard from 19 s; one more: from 21 s
        (True, 18_999, 3, Good),
        (True, 19_000, 3, Hard),
        (True, 20_500, 5, Good),
        (True, 21_000, 5, Hard),
        (True, 1_000, 2, Good),
    ],
)
def test_a_multiple_choice_answer_is_rated_as_recognition(
    correct: bool, time_taken_ms: int | None, n_options: int, expected: fsrs.Rating
) -> None:
    assert rate_choice_answer(correct, time_taken_ms, n_options) is expected


@pytest.mark.parametrize("n_options", [2, 3, 4, 5, 6])
@pytest.mark.parametrize("time_taken_ms", [None, 0, 500, 3_000, 5_000, 10_000, 30_000, 600_000])
def test_no_multiple_choice_answer_is_easy(n_options: int, time_taken_ms: int | None) -> None:
    assert rate_choice_answer(True, time_taken_ms, n_options) is not Easy


def test_a_lucky_quick_guess_on_a_new_card_comes_back_within_minutes() -> None:
    # The case of issue 12: right within 5 s on a card never studied used to be Easy, an 8-day interval.
    rating = rate_choice_answer(True, 2_000, 4)
    _, outcome = review(new_schedule(NOW), rating, NOW)
    assert rating is Good
    assert outcome.scheduled_interval <= fsrs.Scheduler().learning_steps[-1]
    _, easy = review(new_schedule(NOW), Easy, NOW)
    assert easy.scheduled_interval.days >= 8  # what the old rule gave the same answer


def test_the_hard_limit_moves_a_second_per_option() -> None:
    assert [hard_min_ms(n) for n in (2, 3, 4, 5, 6)] == [18_000, 19_000, 20_000, 21_000, 22_000]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((True, -1, 4), "must not be negative, got -1"),
        ((True, 1_000, 1), "at least 2 options, got 1"),
        ((False, 1_000, 0), "at least 2 options, got 0"),
    ],
)
def test_bad_input_is_refused_with_what_is_wrong(args: tuple[bool, int, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        rate_choice_answer(*args)
