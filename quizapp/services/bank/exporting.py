"""Export the question bank, or one deck of it, as CSV, GIFT or an Anki package; importing the file gives it back.

Active cards are exported, and retired ones when asked; drafts are not, since no instructor has approved them.
Cards are read a batch at a time, so CSV and GIFT are streamed with flat memory however big the bank is.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlalchemy as sa
import sqlalchemy.orm as so

from quizapp.db import db
from quizapp.models import Card, CardSource, CardStatus, Deck, deck_cards
from quizapp.services.bank.formats import N_, MessageError, Question, write_csv, write_gift
from quizapp.services.study.decks import deck_name

EXPORT_FORMATS = ("csv", "gift", "apkg")
#: What each format is downloaded as.
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "gift": "text/plain; charset=utf-8",
    "apkg": "application/octet-stream",
}
EXTENSIONS = {"csv": "csv", "gift": "gift.txt", "apkg": "apkg"}
_BATCH = 500


class ExportError(MessageError):
    """What was asked for cannot be exported."""


@dataclass(frozen=True)
class BankSelection:
    """Which cards to export: one deck or the whole bank, with or without the retired cards."""

    deck: Deck | None = None
    include_retired: bool = False

    @classmethod
    def of(cls, deck_slug: str | None, include_retired: bool = False) -> BankSelection:
        """Select the deck with this slug (None: the whole bank); an unknown slug is an ExportError."""
        deck = None
        if deck_slug:
            deck = db.session.scalar(sa.select(Deck).where(Deck.slug == deck_slug))
            if deck is None:
                raise ExportError(N_("there is no deck %(deck)s"), deck=deck_slug)
        return cls(deck, include_retired)

    @property
    def name(self) -> str:
        """Name the selection: its deck's title, or "quizapp" for the whole bank."""
        return deck_name(self.deck) if self.deck is not None else "quizapp"

    @property
    def key(self) -> str:
        """A name that never changes for the selection, such as the deck's slug."""
        return self.deck.slug if self.deck is not None else "*"

    def filename(self, fmt: str, today: date) -> str:
        """Return the name a download of the selection gets."""
        label = self.deck.slug if self.deck is not None else "bank"
        return f"quizapp-{label}-{today.isoformat()}.{EXTENSIONS[fmt]}"


def selected_cards(selection: BankSelection, *, with_sources: bool = False) -> Iterator[Card]:
    """Yield the selected cards in the order they were made, with their choices, a batch at a time."""
    statuses = [CardStatus.ACTIVE, *([CardStatus.RETIRED] if selection.include_retired else [])]
    query = sa.select(Card).where(Card.status.in_(statuses)).order_by(Card.created_at, Card.id)
    if selection.deck is not None:
        query = query.join(deck_cards).where(deck_cards.c.deck_id == selection.deck.id)
    options = [so.selectinload(Card.choices)]
    if with_sources:
        options.append(so.selectinload(Card.sources).selectinload(CardSource.article))
    yield from db.session.scalars(query.options(*options).execution_options(yield_per=_BATCH))


def card_question(card: Card) -> Question:
    """Return a card as a file's question."""
    return Question(
        question=card.question,
        options=tuple(card.options),
        answer=card.answer_index or 0,
        explanation=card.explanation,
        tags=tuple(card.tags.split()),
        kind=card.kind,
        language=card.language,
    )


def card_source(card: Card) -> str:
    """Say where a card comes from: each source sentence with its article, else its origin."""
    if not card.sources:
        return card.origin.value
    return "\n".join(
        f"{source.article.source_name}: {source.sentence}" if source.article else source.sentence
        for source in card.sources
    )


def export_csv(selection: BankSelection) -> Iterator[str]:
    """Yield the selection as CSV (byte-order mark, formula-safe cells), one row at a time."""
    return write_csv(card_question(card) for card in selected_cards(selection))


def export_gift(selection: BankSelection) -> Iterator[str]:
    """Yield the selection as a GIFT file, one question at a time."""
    return write_gift(card_question(card) for card in selected_cards(selection))


def export_apkg(selection: BankSelection, path: str | Path) -> int:
    """Write the selection as an Anki package to path; return how many notes it holds."""
    # genanki is imported only here: nothing else needs it, and it is slow to import.
    from quizapp.services.bank.formats.anki import AnkiNote, write_apkg

    notes = (
        AnkiNote(card_question(card), card.id, card_source(card))
        for card in selected_cards(selection, with_sources=True)
    )
    return write_apkg(notes, selection.key, selection.name, path)


def apkg_bytes(selection: BankSelection) -> bytes:
    """Return the selection as the bytes of an Anki package (genanki writes only to files)."""
    with tempfile.TemporaryDirectory(prefix="quizapp-apkg-") as folder:
        path = Path(folder) / "bank.apkg"
        export_apkg(selection, path)
        return path.read_bytes()
