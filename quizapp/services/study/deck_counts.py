"""Count a student's cards in decks: new, due, learned and suspended, for one deck's page or the decks page."""

from __future__ import annotations

import functools
import typing as t
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import fsrs
import sqlalchemy as sa

from quizapp.db import UTCDateTime, db
from quizapp.models import Card, CardStatus, DeckScheduleTotal, DeckTotal, HeldCard, ReviewState, deck_cards
from quizapp.services.study.held import holds_at


@dataclass(frozen=True)
class DeckCounts:
    """One student's cards in one deck: each is new, learning, learned or suspended; due cuts across two of them."""

    new: int  # active cards of the deck this user has never reviewed (nor answered in a quiz), not suspended
    due: int  # this user's review states for the deck's active cards with due <= now, not held (suspended, buried)
    learned: int  # this user's review states for the deck's active cards in fsrs State.Review, not suspended
    total: int  # active cards in the deck
    suspended: int = 0  # active cards of the deck this user has suspended, whatever their schedule

    @property
    def learning(self) -> int:
        """Cards met but not learned yet (in fsrs State.Learning or State.Relearning), not suspended."""
        return self.total - self.new - self.learned - self.suspended


#: Up to this many decks, deck_counts narrows its counts to the decks asked in SQL.
_FEW_DECKS = 10

_USER_ID = sa.bindparam("user_id", type_=sa.Integer())
_NOW = sa.bindparam("now", type_=UTCDateTime())
_DECK_IDS = sa.bindparam("deck_ids", expanding=True)

#: Names of the columns of deck_tallies, after its deck_id; student_counts reads them in this order.
TALLIES = ("met", "due", "learned", "suspended", "suspended_met")


@functools.cache
def deck_tallies(few: bool) -> sa.Subquery:
    """Tally the student's schedules and suspended cards per deck, with placeholders (user_id, now; deck_ids if few).

    One row per deck the student has a schedule or a hold in: deck_id, then TALLIES: the schedules of its active
    cards, those due and not held, those learned and not suspended, its active cards suspended and how many of those
    have a schedule. Built once: a statement built per request costs more than the database takes to run it.
    """
    deck_id = deck_cards.c.deck_id
    # Asked for a few decks (a deck's page), the database narrows by them. Asked for many (the decks page asks for
    # all), probing a long IN list for every row costs more than counting every deck.
    in_decks = deck_id.in_(_DECK_IDS) if few else sa.true()
    nothing = sa.literal(0)
    is_due = ReviewState.due <= _NOW
    is_learned = ReviewState.state == int(fsrs.State.Review)
    # Every schedule of the student and the learned ones, per deck, as the database keeps them (DeckScheduleTotal):
    # joining each schedule to its card's decks cost a long history milliseconds.
    kept = _part(
        DeckScheduleTotal.deck_id, DeckScheduleTotal.met, nothing, DeckScheduleTotal.learned, nothing, nothing
    ).where(
        DeckScheduleTotal.user_id == _USER_ID, DeckScheduleTotal.deck_id.in_(_DECK_IDS) if few else sa.true()
    )
    # The schedules due, which change with the clock: read along the index on review_states (user_id, due).
    due = (
        _part(deck_id, nothing, sa.func.count(), nothing, nothing, nothing)
        .select_from(ReviewState)
        .join(deck_cards, deck_cards.c.card_id == ReviewState.card_id)
        .where(ReviewState.user_id == _USER_ID, is_due, in_decks)
        .group_by(deck_id)
    )
    # Less the schedules of cards not served (drafts and retired cards: few, their ids along the cards (status, id)
    # index). Equalities, not an IN list: the database reads them the same, and an IN list is expanded on every run.
    not_served = sa.or_(*(Card.status == status for status in CardStatus if status != CardStatus.ACTIVE))
    unserved = (
        _part(deck_id, -sa.func.count(), -sa.func.count(sa.case((is_due, 1))),
              -sa.func.count(sa.case((is_learned, 1))), nothing, nothing)
        .select_from(ReviewState)
        .join(deck_cards, deck_cards.c.card_id == ReviewState.card_id)
        .where(ReviewState.user_id == _USER_ID, ReviewState.card_id.in_(sa.select(Card.id).where(not_served)),
               in_decks)
        .group_by(deck_id)
    )
    # Less the served cards held now (few): a held card is not due, a suspended one not learned; and the suspended
    # ones counted, with how many of them have a schedule (those are among the schedules above).
    has_schedule = ReviewState.id.is_not(None)
    held = (
        _part(
            deck_id, nothing, -sa.func.count(sa.case((sa.and_(has_schedule, is_due), 1))),
            -sa.func.count(sa.case((sa.and_(HeldCard.suspended, has_schedule, is_learned), 1))),
            sa.func.count(sa.case((HeldCard.suspended, 1))),
            sa.func.count(sa.case((sa.and_(HeldCard.suspended, has_schedule), 1))),
        )
        .select_from(HeldCard)
        .join(Card, sa.and_(Card.id == HeldCard.card_id, Card.status == CardStatus.ACTIVE))
        .join(deck_cards, deck_cards.c.card_id == HeldCard.card_id)
        .outerjoin(ReviewState, sa.and_(ReviewState.user_id == _USER_ID, ReviewState.card_id == HeldCard.card_id))
        .where(HeldCard.user_id == _USER_ID, holds_at(_NOW), in_decks)
        .group_by(deck_id)
    )
    parts = sa.union_all(kept, due, unserved, held).subquery("parts")
    return (
        # Whole numbers on every database: PostgreSQL sums counts as numeric.
        sa.select(parts.c.deck_id, *(sa.cast(sa.func.sum(parts.c[name]), sa.Integer).label(name) for name in TALLIES))
        .group_by(parts.c.deck_id)
        .subquery("tallies")
    )


def _part(deck_id: sa.ColumnElement[int], *tallies: sa.ColumnElement[int]) -> sa.Select[t.Any]:
    """Select a part of deck_tallies: deck_id and the TALLIES, each named: the union is read by name, and the same
    unnamed 0 in two columns would be read as one."""
    named = (tally.label(name) for tally, name in zip(tallies, TALLIES, strict=True))
    return sa.select(deck_id.label("deck_id"), *named)


def tally_columns(tallies: sa.Subquery) -> list[sa.ColumnElement[int]]:
    """The TALLIES columns of deck_tallies, 0 for a deck it has no row for (read through an outer join)."""
    return [sa.func.coalesce(tallies.c[name], 0).label(name) for name in TALLIES]


def student_counts(total: int, met: int, due: int, learned: int, suspended: int, suspended_met: int) -> DeckCounts:
    """Return a deck's counts from its served cards (total) and its TALLIES."""
    return DeckCounts(
        new=total - met - (suspended - suspended_met), due=due, learned=learned, total=total, suspended=suspended
    )


@functools.cache
def _counts_query(few: bool) -> sa.Select[t.Any]:
    """Build deck_counts' statement once: each deck asked with its served cards (kept by the database) and tallies."""
    tallies = deck_tallies(few)
    return (
        sa.select(DeckTotal.deck_id, DeckTotal.active, *tally_columns(tallies))
        .outerjoin(tallies, tallies.c.deck_id == DeckTotal.deck_id)
        .where(DeckTotal.deck_id.in_(_DECK_IDS))
    )


def deck_counts(user_id: int, deck_ids: Sequence[int], now: datetime) -> dict[int, DeckCounts]:
    """Count each deck's new, due, learned and suspended cards for the user, in one query; every id asked gets one.

    Small counts instead of one walk over every card of every deck: each deck's served cards (kept by the
    database) and the user's tallies (deck_tallies).
    """
    ids = list(dict.fromkeys(deck_ids))
    counts = dict.fromkeys(ids, DeckCounts(new=0, due=0, learned=0, total=0))
    if not ids:
        return counts
    query = _counts_query(len(ids) <= _FEW_DECKS)
    for row_deck_id, total, *tallies in db.session.execute(query, {"user_id": user_id, "now": now, "deck_ids": ids}):
        counts[row_deck_id] = student_counts(total, *tallies)
    return counts
