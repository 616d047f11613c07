"""What an instructor sees of the question bank: every card, filtered, searched and counted, one page at a time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_sqlalchemy.pagination import Pagination

from quizapp.db import db
from quizapp.models import (
    Answer,
    Article,
    Card,
    CardOrigin,
    CardSource,
    CardStatus,
    Choice,
    ClassDeck,
    Classroom,
    Deck,
    User,
    deck_cards,
)
from quizapp.services.instructor.classes import instructor_classes as instructor_classes

PER_PAGE = 25
#: A search longer than this is cut: nobody types it, and it keeps a pasted page out of the query.
MAX_SEARCH_LENGTH = 200
#: The query arguments a filter reads, in the order the page shows them.
FILTER_ARGS = ("class", "deck", "kind", "origin", "status", "tag", "q")


@dataclass(frozen=True)
class BankFilter:
    """Which cards to list; None means any. ignored names the arguments whose values named nothing."""

    class_id: int | None = None
    deck: str | None = None
    kind: str | None = None
    origin: CardOrigin | None = None
    status: CardStatus | None = None
    tag: str | None = None
    q: str | None = None
    ignored: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def parse(cls, args: Mapping[str, str], instructor_id: int, choices: FilterChoices | None = None) -> BankFilter:
        """Read a filter from query arguments; a value that names no class, deck, kind, origin or status is ignored.

        choices are what the filter may name, when the caller has read them already (the bank page lists them).
        """
        choices = choices or filter_choices(instructor_id)
        ignored: list[str] = []

        def pick(name: str, allowed: Mapping[str, object] | set[str]) -> object | None:
            value = (args.get(name) or "").strip()
            if not value:
                return None
            if value not in allowed:
                ignored.append(name)
                return None
            return allowed[value] if isinstance(allowed, Mapping) else value

        classes = {str(classroom.id): classroom.id for classroom in choices.classes}
        tag = (args.get("tag") or "").strip().lower()
        if tag and (len(tag.split()) != 1 or len(tag) > 100):
            ignored.append("tag")
            tag = ""
        q = " ".join((args.get("q") or "").split())[:MAX_SEARCH_LENGTH]
        return cls(
            class_id=pick("class", classes),  # type: ignore[arg-type]
            deck=pick("deck", {deck.slug for deck in choices.decks}),  # type: ignore[arg-type]
            kind=pick("kind", set(choices.kinds)),  # type: ignore[arg-type]
            origin=pick("origin", {o.value: o for o in CardOrigin}),  # type: ignore[arg-type]
            status=pick("status", {s.value: s for s in CardStatus}),  # type: ignore[arg-type]
            tag=tag or None,
            q=q or None,
            ignored=tuple(ignored),
        )

    def args(self) -> dict[str, str]:
        """Return the filter as query arguments, for links that keep it (pagination, the bulk form's way back)."""
        values = {
            "class": self.class_id,
            "deck": self.deck,
            "kind": self.kind,
            "origin": self.origin.value if self.origin else None,
            "status": self.status.value if self.status else None,
            "tag": self.tag,
            "q": self.q,
        }
        return {name: str(value) for name, value in values.items() if value is not None}

    @property
    def is_empty(self) -> bool:
        """Tell whether the filter lets every card through."""
        return not self.args()


def escape_like(text: str) -> str:
    """Escape LIKE's wildcards with a backslash, so that % and _ in a search match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_decks() -> list[Deck]:
    """Return every deck, by title, for the deck filter, each with what naming it takes (not its article's text)."""
    query = sa.select(Deck).options(so.selectinload(Deck.article).defer(Article.text)).order_by(Deck.title, Deck.id)
    return list(db.session.scalars(query))


@dataclass(frozen=True)
class FilterChoices:
    """What a bank filter may name: the instructor's classes, the decks and the kinds of card, each read once."""

    classes: list[Classroom]
    decks: list[Deck]
    kinds: list[str]


def filter_choices(instructor_id: int) -> FilterChoices:
    """Read what the instructor's bank filter may name."""
    return FilterChoices(classes=instructor_classes(instructor_id), decks=list_decks(), kinds=card_kinds())


def card_kinds() -> list[str]:
    """Return the kinds of card the bank holds, sorted."""
    return list(db.session.scalars(sa.select(Card.kind).distinct().order_by(Card.kind)))


def _conditions(bank_filter: BankFilter) -> list[sa.ColumnElement[bool]]:
    """Return the WHERE conditions of every part of the filter but its status."""
    conditions: list[sa.ColumnElement[bool]] = []
    if bank_filter.class_id is not None:
        assigned = (
            sa.select(deck_cards.c.card_id)
            .join(ClassDeck, ClassDeck.deck_id == deck_cards.c.deck_id)
            .where(ClassDeck.class_id == bank_filter.class_id)
        )
        conditions.append(Card.id.in_(assigned))
    if bank_filter.deck is not None:
        in_deck = sa.select(deck_cards.c.card_id).join(Deck, Deck.id == deck_cards.c.deck_id)
        conditions.append(Card.id.in_(in_deck.where(Deck.slug == bank_filter.deck)))
    if bank_filter.kind is not None:
        conditions.append(Card.kind == bank_filter.kind)
    if bank_filter.origin is not None:
        conditions.append(Card.origin == bank_filter.origin)
    if bank_filter.tag is not None:
        # tags are single-space separated words: pad both ends so that a tag matches only a whole word
        padded = sa.literal(" ") + Card.tags + sa.literal(" ")
        conditions.append(padded.like(f"% {escape_like(bank_filter.tag)} %", escape="\\"))
    if bank_filter.q is not None:
        pattern = f"%{escape_like(bank_filter.q)}%"
        option_matches = sa.exists().where(Choice.card_id == Card.id, Choice.text.ilike(pattern, escape="\\"))
        conditions.append(sa.or_(Card.question.ilike(pattern, escape="\\"), option_matches))
    return conditions


def list_cards(bank_filter: BankFilter, page: int) -> Pagination:
    """Return one page of cards matching the filter, newest change first, with what the list shows loaded."""
    query = (
        sa.select(Card)
        .where(*_conditions(bank_filter))
        .options(
            so.selectinload(Card.choices),
            so.selectinload(Card.sources).selectinload(CardSource.article).defer(Article.text),
            # the decks' articles, which name them, are in the session already: the deck filter read them
            so.selectinload(Card.decks),
        )
        .order_by(Card.updated_at.desc(), Card.id)
    )
    if bank_filter.status is not None:
        query = query.where(Card.status == bank_filter.status)
    return db.paginate(query, page=max(page, 1), per_page=PER_PAGE, error_out=False, count=True)


def status_counts(bank_filter: BankFilter | None = None) -> dict[CardStatus, int]:
    """Count the cards the filter lets through, whatever their status, by status (every status, zero included)."""
    conditions = _conditions(replace(bank_filter, status=None)) if bank_filter else []
    rows = db.session.execute(sa.select(Card.status, sa.func.count()).where(*conditions).group_by(Card.status))
    counts = dict.fromkeys(CardStatus, 0)
    counts.update({status: count for status, count in rows})
    return counts


def unsettled_disputes() -> int:
    """Count the disputed cards no instructor has decided yet."""
    query = sa.select(sa.func.count()).select_from(Card).where(Card.disputed.is_(True), Card.reviewed_at.is_(None))
    return db.session.scalar(query) or 0


@dataclass(frozen=True)
class CardUse:
    """How students have used a card: answers given and the students who gave them."""

    answers: int
    students: int


def card_use(card_id: str) -> CardUse:
    """Count the answers given to a card and the students who gave them."""
    row = db.session.execute(
        sa.select(sa.func.count(), sa.func.count(sa.distinct(Answer.user_id))).where(Answer.card_id == card_id)
    ).one()
    return CardUse(answers=row[0], students=row[1])


def reviewer(card: Card) -> User | None:
    """Return the instructor who last decided the card, if any."""
    return db.session.get(User, card.reviewed_by_id) if card.reviewed_by_id is not None else None


def neighbour_drafts(card_id: str) -> tuple[str | None, str | None]:
    """Return the drafts before and after this card, by id, for reviewing drafts one at a time."""
    drafts = sa.select(Card.id).where(Card.status == CardStatus.DRAFT)
    before = db.session.scalar(drafts.where(Card.id < card_id).order_by(Card.id.desc()).limit(1))
    after = db.session.scalar(drafts.where(Card.id > card_id).order_by(Card.id).limit(1))
    return before, after
