"""Name how a card is reviewed and why the review service refuses an answer, a rating or a reveal."""

from __future__ import annotations

import enum


class Mode(enum.StrEnum):
    """How a card is reviewed."""

    CHOICE = "choice"  # pick one of the options; the answer becomes the rating
    FLASHCARD = "flashcard"  # recall the answer, reveal it, rate yourself
    TYPED = "typed"  # type the answer; how near it comes becomes the rating


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
