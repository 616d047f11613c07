"""How a multiple-choice answer becomes an FSRS rating: recognition, with a chance of guessing.

Pure functions, no Flask, no database. A right answer among k options shows that the student recognised the
answer, or guessed it: a student who does not know the fact is right one time in k. The answer time tells the
two apart only loosely, since a guess can be quick. So a multiple-choice answer never claims more than it shows:

- wrong: Again, however quick or slow;
- right: Good. On a card met for the first time that is FSRS's first learning step, which brings the card back
  within minutes, where a lucky guess has only one chance in k of holding up;
- right after HARD_MIN_MS (20 s) or more: Hard, since a laboured answer is the likelier to be a guess. The limit
  moves by OPTION_READ_MS (1 s) per option above or below four, reading each takes about that long;
- never Easy. Easy on a new card puts it away for 8 days straight away, which is what a lucky guess within 5 s
  used to earn; in flashcard mode the student rates themselves and Easy is theirs to give.

``python -m bench.rating_sim`` compares this rule with the earlier one (right within 5 s: Easy) on simulated
students whose memory follows FSRS: this rule's predicted recall is closer to the students' true recall.
"""

from __future__ import annotations

import fsrs

#: The number of options the time limit is set for; each option more or fewer moves it by OPTION_READ_MS.
REFERENCE_OPTIONS = 4
HARD_MIN_MS = 20_000
OPTION_READ_MS = 1_000


def hard_min_ms(n_options: int) -> int:
    """Return the answer time from which a right answer among n_options rates Hard."""
    if n_options < 2:
        raise ValueError(f"a multiple-choice card needs at least 2 options, got {n_options}")
    return HARD_MIN_MS + (n_options - REFERENCE_OPTIONS) * OPTION_READ_MS


def rate_choice_answer(correct: bool, time_taken_ms: int | None, n_options: int) -> fsrs.Rating:
    """Rate a multiple-choice answer: wrong Again; right Good, or Hard when slow; never Easy (see the module).

    time_taken_ms None means untimed (unknown, or the student was away), and a right untimed answer rates Good.
    """
    limit = hard_min_ms(n_options)
    if time_taken_ms is not None and time_taken_ms < 0:
        raise ValueError(f"time_taken_ms must not be negative, got {time_taken_ms}")
    if not correct:
        return fsrs.Rating.Again
    if time_taken_ms is not None and time_taken_ms >= limit:
        return fsrs.Rating.Hard
    return fsrs.Rating.Good
