"""The card a review page shows, read as plain rows: its question and options, and the schedule it is shown for."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from quizapp.models import Card, Choice, ReviewState


@dataclass(frozen=True)
class ShownChoice:
    """One option of a shown card, at its position."""

    position: int
    text: str
    is_correct: bool


@dataclass(frozen=True)
class ShownCard:
    """What a question page needs of a card: its question, language and options in order."""

    id: str
    language: str
    question: str
    negated: bool
    choices: tuple[ShownChoice, ...]

    @property
    def answer_index(self) -> int | None:
        """The position of the correct choice, or None while the card has none."""
        return next((choice.position for choice in self.choices if choice.is_correct), None)

    @classmethod
    def of(cls, card: Card) -> ShownCard:
        """Return the shown card of a card loaded with the ORM."""
        return cls(
            id=card.id, language=card.language, question=card.question, negated=card.negated,
            choices=tuple(ShownChoice(choice.position, choice.text, choice.is_correct) for choice in card.choices),
        )


@dataclass(frozen=True)
class ShownSchedule:
    """The student's schedule a card is shown for: the review_states row, its fsrs state, the card's last review."""

    id: int
    state: int
    last_review: datetime | None

    @classmethod
    def of(cls, state: ReviewState) -> ShownSchedule:
        """Return the shown schedule of a review_states row loaded with the ORM."""
        return cls(id=state.id, state=state.state, last_review=state.last_review)


#: The columns with_choices adds to a statement's one card: the card's, then one option a row.
CARD_COLUMNS = (Card.id, Card.language, Card.question, Card.negated, Choice.position, Choice.text, Choice.is_correct)


def with_choices(first: sa.Subquery, *columns: sa.ColumnElement[Any]) -> sa.Select[Any]:
    """Select the card first names (its card_id column, one row at most) with its options, one row each, in order.

    columns come before the card's (columns of first, read by read_card's caller).
    """
    return (
        sa.select(*columns, *CARD_COLUMNS)
        .join_from(first, Card, Card.id == first.c.card_id)
        .outerjoin(Choice, Choice.card_id == Card.id)
        .order_by(Choice.position)
    )


def read_card(rows: Sequence[Any], skip: int = 0) -> ShownCard | None:
    """Return the card of with_choices' rows (its columns after the first skip), or None when there are none."""
    if not rows:
        return None
    card_id, language, question, negated = rows[0][skip:skip + 4]
    return ShownCard(
        id=card_id, language=language, question=question, negated=bool(negated), choices=_choices(rows, skip + 4)
    )


def _choices(rows: Iterable[Any], at: int) -> tuple[ShownChoice, ...]:
    # a card without options (outer join) gives one row of NULLs
    return tuple(
        ShownChoice(row[at], row[at + 1], bool(row[at + 2])) for row in rows if row[at] is not None
    )
