"""Author and edit cards by hand, keeping what students saw, and remove a card the safe way.

An edit that changes what a student reads (the question, the choices, the right answer or the explanation)
bumps the card's version; when students answered the version being replaced, its text is first kept as a
CardRevision, so every answer can still show what the student saw. Tags and decks are not what a student
reads: changing them alone leaves the version as it is. An instructor's edit also marks the card reviewed
and edited, so a reload of the bank keeps their text and status.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from quizapp.db import db, utcnow
from quizapp.models import (
    ALL_DECK_SLUG,
    Answer,
    Card,
    CardOrigin,
    CardStatus,
    Choice,
    Deck,
    QuizItem,
    ReviewLog,
    ReviewState,
)
from quizapp.services.bank.revisions import open_new_version

MIN_OPTIONS = 2
MAX_OPTIONS = 6
MAX_QUESTION_LENGTH = 2000
MAX_OPTION_LENGTH = 500
MAX_EXPLANATION_LENGTH = 4000
MAX_TAGS_LENGTH = 500
#: The kind of a card an instructor writes, unless they say otherwise.
AUTHORED_KIND = "custom"

_TAG_SEPARATORS = re.compile(r"[\s,]+")


class CardContentError(ValueError):
    """Card content that cannot be stored; forms check the same rules first and say where."""


@dataclass(frozen=True)
class CardContent:
    """What a student reads of a card: the question, the choices in order, the right one, the explanation."""

    question: str
    options: tuple[str, ...]
    answer_index: int
    explanation: str = ""

    @classmethod
    def of(cls, card: Card) -> CardContent:
        """Return what the card says now."""
        return cls(card.question, tuple(card.options), card.answer_index or 0, card.explanation)

    def check(self) -> None:
        """Raise CardContentError unless this is a question with 2–6 distinct options and one right answer."""
        if not self.question.strip():
            raise CardContentError("the question is empty")
        if not MIN_OPTIONS <= len(self.options) <= MAX_OPTIONS:
            raise CardContentError(f"a card has {MIN_OPTIONS} to {MAX_OPTIONS} options, not {len(self.options)}")
        keys = [option_key(option) for option in self.options]
        if not all(keys):
            raise CardContentError("an option is empty")
        if len(set(keys)) != len(keys):
            raise CardContentError("an option repeats another")
        if not 0 <= self.answer_index < len(self.options):
            raise CardContentError(f"the right answer {self.answer_index} is not one of the options")


class Removal(enum.StrEnum):
    """What removing a card did."""

    DELETED = "deleted"  # nobody ever met it: it is gone
    RETIRED = "retired"  # studied or generated: kept with its history, no longer served


def option_key(text: str) -> str:
    """Return the form of an option two options are compared by: spaces collapsed, case folded."""
    return " ".join(text.split()).casefold()


def normalise_tags(text: str) -> str:
    """Return tags Anki's way: lower-case words split at spaces or commas, without repeats, sorted."""
    return " ".join(sorted({tag for tag in _TAG_SEPARATORS.split(text.lower()) if tag}))


def tidy(content: CardContent) -> CardContent:
    """Return content with surrounding white space trimmed and runs of spaces in options collapsed."""
    return CardContent(
        question=content.question.strip(),
        options=tuple(" ".join(option.split()) for option in content.options),
        answer_index=content.answer_index,
        explanation=content.explanation.strip(),
    )


def home_deck(card: Card) -> Deck | None:
    """Return the deck an editor shows a card in: its first deck other than "all", else "all" if it is in it."""
    decks = sorted(card.decks, key=lambda deck: (deck.slug == ALL_DECK_SLUG, deck.id))
    return decks[0] if decks else None


def create_card(
    content: CardContent,
    *,
    author_id: int,
    deck: Deck,
    tags: str = "",
    language: str = "id",
    kind: str = AUTHORED_KIND,
    draft: bool = False,
    now: datetime | None = None,
) -> Card:
    """Store and commit an instructor's own card in the chosen deck (and no other)."""
    content = tidy(content)
    content.check()
    now = now or utcnow()
    card = Card(
        kind=kind,
        language=language,
        origin=CardOrigin.AUTHORED,
        status=CardStatus.DRAFT if draft else CardStatus.ACTIVE,
        tags=normalise_tags(tags),
        author_id=author_id,
        reviewed_by_id=author_id,
        reviewed_at=now,
        created_at=now,
        updated_at=now,
    )
    _apply_content(card, content)
    card.decks = [deck]
    db.session.add(card)
    db.session.commit()
    return card


@dataclass(frozen=True)
class EditOutcome:
    """What an edit did: whether the text changed (a new version) and whether the old one was kept."""

    new_version: bool
    revision_written: bool


def update_card(
    card: Card,
    content: CardContent,
    *,
    editor_id: int,
    tags: str | None = None,
    language: str | None = None,
    deck: Deck | None = None,
    status: CardStatus | None = None,
    now: datetime | None = None,
) -> EditOutcome:
    """Apply an instructor's edit to any card and commit; keep the answered version as a revision first.

    deck, when given, replaces the card's home deck (see home_deck); its other decks stay. None leaves tags,
    language, decks and status as they are.
    """
    content = tidy(content)
    content.check()
    now = now or utcnow()
    changed_text = content != CardContent.of(card)
    revision_written = False
    if changed_text:
        revision_written = open_new_version(card, now)
        _apply_content(card, content)
        card.edited_at = now
    if tags is not None:
        card.tags = normalise_tags(tags)
    if language is not None:
        card.language = language
    if deck is not None:
        _move_home(card, deck)
    if status is not None:
        card.status = status
    # Any save is an instructor's decision on the card: a reload of the bank keeps its status from now on.
    card.reviewed_by_id = editor_id
    card.reviewed_at = now
    card.updated_at = now
    db.session.commit()
    return EditOutcome(new_version=changed_text, revision_written=revision_written)


def students_who_answered(card_id: str) -> int:
    """Count the students who answered the card, at any version."""
    query = sa.select(sa.func.count(sa.distinct(Answer.user_id))).where(Answer.card_id == card_id)
    return db.session.scalar(query) or 0


def remove_card(card: Card, *, editor_id: int, now: datetime | None = None) -> Removal:
    """Delete a card nobody met, retire any other, and commit; return which it was.

    A generated card is only ever retired: the generator would make it again, and retiring is a decision a
    reload keeps. A card in any quiz, answer or schedule is retired so that history stays whole.
    """
    now = now or utcnow()
    if card.origin != CardOrigin.GENERATED and not _ever_met(card.id):
        db.session.delete(card)
        db.session.commit()
        return Removal.DELETED
    card.status = CardStatus.RETIRED
    card.reviewed_by_id = editor_id
    card.reviewed_at = now
    card.updated_at = now
    db.session.commit()
    return Removal.RETIRED


def _ever_met(card_id: str) -> bool:
    """Tell whether a card was ever put in a quiz, answered or scheduled for anyone."""
    tables: Sequence[type[Answer] | type[QuizItem] | type[ReviewState] | type[ReviewLog]] = (
        Answer, QuizItem, ReviewState, ReviewLog,
    )
    return any(
        db.session.scalar(sa.select(table.id).where(table.card_id == card_id).limit(1)) is not None
        for table in tables
    )


def _apply_content(card: Card, content: CardContent) -> None:
    """Make the card say what content says, choices position by position.

    A choice row is changed in place rather than deleted and made again, since a delete and an insert of the
    same (card, position) in one flush would break the unique constraint (see loading._apply_text).
    """
    card.question = content.question
    card.explanation = content.explanation
    for position, text in enumerate(content.options):
        is_correct = position == content.answer_index
        if position < len(card.choices):
            choice = card.choices[position]
            if (choice.text, choice.is_correct) != (text, is_correct):
                choice.text, choice.is_correct = text, is_correct
        else:
            card.choices.append(Choice(position=position, text=text, is_correct=is_correct))
    if len(card.choices) > len(content.options):
        del card.choices[len(content.options):]


def _move_home(card: Card, deck: Deck) -> None:
    """Put the card in deck instead of its home deck, leaving its other decks alone."""
    home = home_deck(card)
    if home is deck or deck in card.decks:
        return
    if home is not None:
        card.decks.remove(home)
    card.decks.append(deck)
