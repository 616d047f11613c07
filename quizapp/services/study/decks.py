"""The decks a student studies: which there are, in what order, their counts and what to do next."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from quizapp.db import db
from quizapp.models import Article, Deck
from quizapp.services.bank.loading import ALL_DECK_SLUG
from quizapp.services.study.review import DeckCounts, deck_counts


class NextStep(enum.StrEnum):
    """What a deck's page suggests doing next."""

    REVIEW = "review"  # some cards are due: review them before they are forgotten
    QUIZ = "quiz"  # nothing is due: take a quiz
    EMPTY = "empty"  # the deck has no question to ask yet


@dataclass(frozen=True)
class DeckOverview:
    """A deck with one student's counts for it."""

    deck: Deck
    counts: DeckCounts

    @property
    def is_all(self) -> bool:
        """Tell whether this is the deck of every article."""
        return self.deck.slug == ALL_DECK_SLUG

    @property
    def article(self) -> Article | None:
        """The article the deck is made of, or None for a deck that spans articles."""
        return self.deck.article

    @property
    def title(self) -> str:
        """Name the deck as display_title does."""
        return display_title(self.deck)

    @property
    def next_step(self) -> NextStep:
        """Say what to do next with the deck."""
        if self.counts.due:
            return NextStep.REVIEW
        if self.counts.total:
            return NextStep.QUIZ
        return NextStep.EMPTY


def display_title(deck: Deck) -> str:
    """Name a deck: its article's headline, else the deck's stored title (the article's opening words)."""
    article = deck.article
    if article is not None:
        return article.headline or deck.title
    return deck.title


def _sort_key(deck: Deck) -> tuple[int, str, str]:
    """The "all" deck first, then one per article in the order of their files, then any other deck."""
    if deck.slug == ALL_DECK_SLUG:
        return (0, "", "")
    if deck.article is not None:
        return (1, deck.article.file, deck.slug)
    return (2, deck.title.casefold(), deck.slug)


def list_decks() -> list[Deck]:
    """Return every deck in the order students see them."""
    decks = db.session.scalars(sa.select(Deck).options(so.selectinload(Deck.article)))
    return sorted(decks, key=_sort_key)


def find_deck(slug: str) -> Deck | None:
    """Return the deck with this slug, or None."""
    return db.session.scalar(sa.select(Deck).where(Deck.slug == slug))


def overviews(user_id: int, decks: Sequence[Deck], now: datetime) -> list[DeckOverview]:
    """Return each deck with the user's counts for it, in the order given."""
    counts = deck_counts(user_id, [deck.id for deck in decks], now)
    empty = DeckCounts(new=0, due=0, learned=0, total=0)
    return [DeckOverview(deck, counts.get(deck.id, empty)) for deck in decks]


def article_decks() -> list[Deck]:
    """Return the decks made of one article each, in the order of their files."""
    return [deck for deck in list_decks() if deck.article is not None]
