"""An instructor's decisions on cards: approve (served to students) or retire (kept, no longer served).

A decision is recorded on the card (reviewed_by_id, reviewed_at), so that reloading the bank keeps it. A card is
never deleted here: a retired card keeps every answer and schedule that points to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from quizapp.db import db, utcnow
from quizapp.models import Card, CardStatus
from quizapp.services.bank.revisions import open_new_version

#: More ids than any page shows; a longer list is cut rather than sent to the database as one huge IN.
MAX_BULK = 500


@dataclass(frozen=True)
class ReviewOutcome:
    """What a decision did: the cards whose status changed, those already so, and ids that could not be decided."""

    status: CardStatus
    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    #: ids of no card
    missing: tuple[str, ...] = ()
    #: ids of cards that cannot take this status (a card with no right answer cannot be approved)
    refused: tuple[str, ...] = ()

    @property
    def decided(self) -> int:
        """Count the cards the decision was recorded on."""
        return len(self.changed) + len(self.unchanged)


def approve(card_ids: Iterable[str], reviewer_id: int, now: datetime | None = None) -> ReviewOutcome:
    """Make the cards active (served), recording the decision; commit once for all of them."""
    return decide(card_ids, CardStatus.ACTIVE, reviewer_id, now)


def retire(card_ids: Iterable[str], reviewer_id: int, now: datetime | None = None) -> ReviewOutcome:
    """Retire the cards (kept, no longer served), recording the decision; commit once for all of them."""
    return decide(card_ids, CardStatus.RETIRED, reviewer_id, now)


def decide(card_ids: Iterable[str], status: CardStatus, reviewer_id: int, now: datetime | None = None) -> ReviewOutcome:
    """Give the cards this status as the reviewer's decision, in one transaction; report ids that could not be."""
    now = now or utcnow()
    wanted = list(dict.fromkeys(card_id.strip() for card_id in card_ids if card_id and card_id.strip()))[:MAX_BULK]
    cards = {
        card.id: card
        for card in db.session.scalars(
            sa.select(Card).where(Card.id.in_(wanted)).options(so.selectinload(Card.choices))
        )
    }
    changed: list[str] = []
    unchanged: list[str] = []
    refused: list[str] = []
    for card_id in wanted:
        card = cards.get(card_id)
        if card is None:
            continue
        if status == CardStatus.ACTIVE and not servable(card):
            refused.append(card_id)
            continue
        (unchanged if card.status == status else changed).append(card_id)
        record_decision(card, status, reviewer_id, now)
    db.session.commit()
    return ReviewOutcome(
        status=status,
        changed=tuple(changed),
        unchanged=tuple(unchanged),
        missing=tuple(card_id for card_id in wanted if card_id not in cards),
        refused=tuple(refused),
    )


def servable(card: Card) -> bool:
    """Tell whether a card can be asked: at least two choices, exactly one of them right."""
    return len(card.choices) >= 2 and sum(choice.is_correct for choice in card.choices) == 1


def record_decision(card: Card, status: CardStatus, reviewer_id: int, now: datetime) -> None:
    """Set a card's status as an instructor's decision, which reloads of the bank then keep."""
    card.status = status
    card.reviewed_by_id = reviewer_id
    card.reviewed_at = now
    card.updated_at = now


def clear_decision(card: Card, status: CardStatus, now: datetime) -> None:
    """Set a card's status as undecided again: the next reload of the bank may change it."""
    card.status = status
    card.reviewed_by_id = None
    card.reviewed_at = None
    card.updated_at = now


def reword(card: Card, question: str, now: datetime) -> bool:
    """Change a card's question as a new version, keeping the old text if students answered it; return if it changed.

    The caller says, by edited_at, whether the new text is the instructor's (kept across reloads) or not.
    """
    if card.question == question:
        return False
    open_new_version(card, now)
    card.question = question
    return True
