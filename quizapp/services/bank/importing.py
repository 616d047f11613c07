"""Import a question file (CSV, GIFT or Aiken) into a deck: all of its questions in one transaction, or nothing.

A file is decoded (UTF-8 only), parsed and checked before anything is stored; the first bad question stops
the whole file with its line and the reason. Questions of a type quizapp cannot ask are skipped and listed.
A question identical to one already in the deck (same text, options and right option), or to an earlier one in
the same file, is a duplicate: it is listed, not added again, so importing the same file twice adds nothing.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import timedelta

import sqlalchemy as sa
import sqlalchemy.orm as so

from quizapp.db import db, utcnow
from quizapp.models import Card, CardOrigin, CardStatus, Choice, Deck, deck_cards
from quizapp.services.bank import formats
from quizapp.services.bank.formats import N_, FormatError, MessageError, ParseResult, Question, Skipped
from quizapp.services.bank.stored_articles import slugify
from quizapp.services.study.decks import deck_name

#: The kind of an imported question whose file does not say.
DEFAULT_KIND = "custom"
MAX_DECK_NAME = 300
_KIND = re.compile(r"[a-z][a-z0-9_]{0,31}")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")
#: as long as a card's language column holds
MAX_LANGUAGE = 16


class DeckError(MessageError):
    """The deck an import should go to cannot be used."""


@dataclass(frozen=True)
class DeckChoice:
    """Where an import goes: an existing deck by its slug, or a deck by name (made if no deck has that name)."""

    slug: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class ImportPlan:
    """What an import creates (or created), in which deck, and what it leaves out."""

    format: str
    deck_slug: str
    deck_title: str
    new_deck: bool
    questions: tuple[Question, ...]
    duplicates: tuple[Question, ...]
    skipped: tuple[Skipped, ...]
    stored: bool = False


def kind_of(question: Question) -> str:
    """Return the kind an imported question's card gets."""
    return question.kind or DEFAULT_KIND


def language_of(question: Question, default: str) -> str:
    """Return the language an imported question's card gets: the file's, else the default."""
    return question.language or default


def _same(text: str) -> str:
    return " ".join(text.split()).casefold()


def validate_question(question: Question) -> None:
    """Refuse a question quizapp cannot serve, naming its line: 2 to 6 distinct, non-empty options, one right."""
    line = question.line
    if not question.question.strip():
        raise FormatError(line, N_("the question is empty"))
    count = len(question.options)
    if not formats.MIN_OPTIONS <= count <= formats.MAX_OPTIONS:
        raise FormatError(line, N_("%(count)d options: a question needs 2 to 6"), count=count)
    seen: set[str] = set()
    for number, option in enumerate(question.options, start=1):
        if not option.strip():
            raise FormatError(line, N_("option %(number)d is empty"), number=number)
        if _same(option) in seen:
            raise FormatError(line, N_("the option %(option)s appears twice"), option=option)
        seen.add(_same(option))
    if not 0 <= question.answer < count:
        raise FormatError(line, N_("exactly one option must be the right one"))
    if question.kind is not None and not _KIND.fullmatch(question.kind):
        raise FormatError(line, N_("kind %(kind)s: use lower-case letters, digits and _ (at most 32)"),
                          kind=question.kind)
    if question.language is not None and (len(question.language) > MAX_LANGUAGE
                                          or not _LANGUAGE.fullmatch(question.language)):
        raise FormatError(line, N_("language %(language)s is not a language code such as id or en"),
                          language=question.language)


def read_questions(data: bytes, fmt: str) -> ParseResult:
    """Decode, parse and check a question file; raise FormatError at the first problem."""
    if fmt not in formats.PARSERS:
        raise FormatError(1, N_("unknown format %(format)s: use csv, gift or aiken"), format=fmt)
    result = formats.parse(formats.decode_text(data), fmt)
    if not result.questions and not result.skipped:
        raise FormatError(1, N_("the file holds no question"))
    for question in result.questions:
        validate_question(question)
    return result


def _find_deck(choice: DeckChoice) -> Deck | None:
    """Return the existing deck the choice names, or None when a new deck is to be made."""
    if choice.slug:
        deck = db.session.scalar(sa.select(Deck).where(Deck.slug == choice.slug))
        if deck is None:
            raise DeckError(N_("there is no deck %(deck)s"), deck=choice.slug)
        return deck
    name = (choice.name or "").strip()
    if not name:
        raise DeckError(N_("choose a deck or give a new deck's name"))
    if len(name) > MAX_DECK_NAME:
        raise DeckError(N_("a deck's name has at most %(count)d characters"), count=MAX_DECK_NAME)
    slugs = {name, slugify(name)} - {""}
    decks = db.session.scalars(sa.select(Deck).options(so.selectinload(Deck.article))).all()
    return next((d for d in decks if d.slug in slugs or _same(deck_name(d)) == _same(name)), None)


def _new_slug(name: str) -> str:
    base = slugify(name) or "imported"
    taken = set(db.session.scalars(sa.select(Deck.slug).where(Deck.slug.startswith(base))))
    return next(slug for slug in itertools.chain([base], (f"{base}-{n}" for n in itertools.count(2)))
                if slug not in taken)


def _key(question: Question | Card) -> tuple[str, tuple[str, ...], int | None]:
    if isinstance(question, Card):
        return (_same(question.question), tuple(_same(o) for o in question.options), question.answer_index)
    return (_same(question.question), tuple(_same(o) for o in question.options), question.answer)


def plan_import(data: bytes, fmt: str, deck: DeckChoice) -> ImportPlan:
    """Say what importing the file into the deck would do, storing nothing."""
    result = read_questions(data, fmt)
    existing = _find_deck(deck)
    seen: set[tuple[str, tuple[str, ...], int | None]] = set()
    if existing is not None:
        cards = db.session.scalars(
            sa.select(Card).join(deck_cards).where(deck_cards.c.deck_id == existing.id)
            .options(so.selectinload(Card.choices))
        )
        seen = {_key(card) for card in cards}
    new: list[Question] = []
    duplicates: list[Question] = []
    for question in result.questions:
        key = _key(question)
        (duplicates if key in seen else new).append(question)
        seen.add(key)
    name = (deck.name or "").strip()
    return ImportPlan(
        format=fmt,
        deck_slug=existing.slug if existing is not None else _new_slug(name),
        deck_title=deck_name(existing) if existing is not None else name,
        new_deck=existing is None,
        questions=tuple(new),
        duplicates=tuple(duplicates),
        skipped=result.skipped,
    )


def import_questions(
    data: bytes, fmt: str, deck: DeckChoice, *, author_id: int | None, language: str = "id"
) -> ImportPlan:
    """Store every new question of the file in the deck as an active imported card, in one transaction.

    Any error (a bad question, the deck, the database) rolls everything back and is raised: nothing is stored.
    A new deck is made only when there is something to put in it.
    """
    try:
        plan = plan_import(data, fmt, deck)
        if not plan.questions:
            return plan
        now = utcnow()
        target = db.session.scalar(sa.select(Deck).where(Deck.slug == plan.deck_slug))
        if target is None:
            target = Deck(slug=plan.deck_slug, title=plan.deck_title, created_at=now)
            db.session.add(target)
        for index, question in enumerate(plan.questions):
            # One microsecond apart, so that the deck lists the cards in the file's order.
            created = now + timedelta(microseconds=index)
            db.session.add(
                Card(
                    kind=kind_of(question),
                    language=language_of(question, language),
                    question=question.question,
                    explanation=question.explanation,
                    origin=CardOrigin.IMPORTED,
                    status=CardStatus.ACTIVE,
                    tags=" ".join(question.tags),
                    author_id=author_id,
                    created_at=created,
                    updated_at=created,
                    choices=[
                        Choice(position=position, text=option, is_correct=position == question.answer)
                        for position, option in enumerate(question.options)
                    ],
                    decks=[target],
                )
            )
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return replace(plan, stored=True)
