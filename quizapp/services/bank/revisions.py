"""What a student saw when they answered: the card's text at the version they answered.

Each answer records the card's version. The current version's text lives on the card; an earlier one's in a
CardRevision, written when an edit replaced a version that had answers. An answer stored before cards had
versions (card_version None) was given to version 1.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from quizapp.db import db
from quizapp.models import Answer, Card, CardRevision


@dataclass(frozen=True)
class SeenChoice:
    """One option as the student saw it."""

    position: int
    text: str
    is_correct: bool


@dataclass(frozen=True)
class SeenCard:
    """A card's question, options and right answer at one version."""

    version: int
    question: str
    options: tuple[str, ...]
    answer_index: int | None
    explanation: str
    language: str

    @property
    def choices(self) -> tuple[SeenChoice, ...]:
        """The options with their positions, the right one marked, as a card's choices are."""
        return tuple(
            SeenChoice(position, text, position == self.answer_index) for position, text in enumerate(self.options)
        )

    def option(self, position: int) -> str | None:
        """Return the text of the option at position, or None if there was none."""
        return self.options[position] if 0 <= position < len(self.options) else None

    @property
    def right_text(self) -> str | None:
        """Return the right option's text."""
        return self.option(self.answer_index) if self.answer_index is not None else None


@dataclass(frozen=True)
class VersionEntry:
    """One line of a card's history: a version, when it was replaced (None for the current one)."""

    version: int
    question: str
    replaced_at: datetime | None


def current(card: Card) -> SeenCard:
    """Return the card as it reads now."""
    return SeenCard(card.version, card.question, tuple(card.options), card.answer_index, card.explanation,
                    card.language)


def from_revision(revision: CardRevision, language: str) -> SeenCard:
    """Return an earlier version as a SeenCard."""
    return SeenCard(revision.version, revision.question, tuple(json.loads(revision.options_json)),
                    revision.answer_index, revision.explanation, language)


def _wanted_version(answer: Answer) -> int:
    return answer.card_version if answer.card_version is not None else 1


def version_seen(answer: Answer) -> SeenCard:
    """Return the card as the student saw it when giving this answer."""
    return versions_seen([answer])[answer.id]


def versions_seen(answers: Iterable[Answer]) -> dict[int, SeenCard]:
    """Return, by answer id, the card as each answer's student saw it; one query for all the revisions."""
    answers = list(answers)
    older = [a for a in answers if _wanted_version(a) < a.card.version]
    revisions: dict[tuple[str, int], CardRevision] = {}
    if older:
        keys = {(a.card_id, _wanted_version(a)) for a in older}
        query = sa.select(CardRevision).where(
            sa.tuple_(CardRevision.card_id, CardRevision.version).in_(sorted(keys))
        )
        revisions = {(r.card_id, r.version): r for r in db.session.scalars(query)}
    seen: dict[int, SeenCard] = {}
    for answer in answers:
        revision = revisions.get((answer.card_id, _wanted_version(answer)))
        # No revision: the version was never stored (an answer before versions existed, for a card edited
        # since without one): the current text is the best there is.
        seen[answer.id] = from_revision(revision, answer.card.language) if revision else current(answer.card)
    return seen


def history(card: Card) -> Sequence[VersionEntry]:
    """Return the card's versions that are kept, oldest first, ending with the current one."""
    entries = [VersionEntry(r.version, r.question, r.created_at) for r in card.revisions]
    return [*entries, VersionEntry(card.version, card.question, None)]


def open_new_version(card: Card, now: datetime) -> bool:
    """Move the card to its next version, first keeping the current text if students answered it.

    The caller then changes what a student reads. Return whether a revision was written (once per version).
    """
    written = False
    if answered_at_version(card) and not _has_revision(card, card.version):
        db.session.add(
            CardRevision(
                card_id=card.id,
                version=card.version,
                question=card.question,
                options_json=json.dumps(card.options, ensure_ascii=False),
                answer_index=card.answer_index or 0,
                explanation=card.explanation,
                created_at=now,
            )
        )
        written = True
    card.version += 1
    card.updated_at = now
    return written


def answered_at_version(card: Card) -> bool:
    """Tell whether anyone answered the card's current version (answers before versions count as version 1)."""
    at_version = Answer.card_version == card.version
    if card.version == 1:
        at_version = sa.or_(at_version, Answer.card_version.is_(None))
    query = sa.select(Answer.id).where(Answer.card_id == card.id, at_version).limit(1)
    return db.session.scalar(query) is not None


def _has_revision(card: Card, version: int) -> bool:
    query = sa.select(CardRevision.id).where(CardRevision.card_id == card.id, CardRevision.version == version)
    return db.session.scalar(query) is not None
