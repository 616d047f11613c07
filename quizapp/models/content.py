"""What is studied: articles, the decks made of them, and cards with their choices and sources."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from quizapp.db import db, str_enum, utcnow


class CardOrigin(enum.StrEnum):
    """Where a card comes from."""

    GENERATED = "generated"  # made by question_bank from the articles; its id is question_bank's stable id
    AUTHORED = "authored"  # written by an instructor in the app
    IMPORTED = "imported"  # read from an uploaded question file


class CardStatus(enum.StrEnum):
    """Whether a card is served to students."""

    DRAFT = "draft"  # not served yet
    ACTIVE = "active"  # served
    RETIRED = "retired"  # no longer served; kept with every answer and review that points to it


#: The slug of the deck that holds every card of every article.
ALL_DECK_SLUG = "all"

#: Which decks a card is in: its article's deck (or several, when articles agree) and the "all" deck.
deck_cards = sa.Table(
    "deck_cards",
    db.metadata,
    sa.Column("deck_id", sa.ForeignKey("decks.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("card_id", sa.ForeignKey("cards.id", ondelete="CASCADE"), primary_key=True),
    # with deck_id, the decks of a card are read from the index alone
    sa.Index("ix_deck_cards_card_id", "card_id", "deck_id"),
)


#: How much of an article's text names it where it has no headline (see quizapp.services.study.decks.title_from).
OPENING_CHARS = 600


class Article(db.Model):
    """A news article the cards are made from, as question_bank read it (page furniture stripped)."""

    __tablename__ = "articles"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    #: The file name, which question_bank's card sources name; unique across the corpus.
    file: so.Mapped[str] = so.mapped_column(sa.String(255), unique=True)
    language: so.Mapped[str] = so.mapped_column(sa.String(16))
    outlet: so.Mapped[str | None] = so.mapped_column(sa.Text)
    headline: so.Mapped[str | None] = so.mapped_column(sa.Text)
    #: The line that dated the story ("JAKARTA, May 26 (Reuters) –", "Senin, 26 Mei 2025"): a day and month in
    #: the text take their year from it, so the article rebuilt from here gives the same cards.
    dateline: so.Mapped[str | None] = so.mapped_column(sa.Text)
    #: The article's sentences, one paragraph per block separated by a blank line.
    text: so.Mapped[str] = so.mapped_column(sa.Text)
    #: The text's first characters, enough for a title cut from its opening sentence: read with the row where a
    #: page names articles without reading their whole text (deferred there).
    opening: so.Mapped[str] = so.column_property(sa.func.substr(text, 1, OPENING_CHARS))
    #: SHA-256 of language, outlet, headline and text: tells whether a reloaded article changed.
    content_hash: so.Mapped[str] = so.mapped_column(sa.String(64))
    #: The instructor who added the article in the app; None for the corpus loaded by `quizapp generate`,
    #: which a reload of that corpus may retire cards of, while an added article's cards are left alone.
    added_by_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("users.id"))
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    deck: so.Mapped[Deck | None] = so.relationship(back_populates="article")

    def __repr__(self) -> str:
        return f"<Article {self.id} {self.file!r}>"

    @property
    def source_name(self) -> str:
        """Name the article for an attribution: its outlet, else its headline, else its file."""
        return self.outlet or (f"“{self.headline}”" if self.headline else self.file)


class Deck(db.Model):
    """A set of cards studied together: one per article, and "all" for every article."""

    __tablename__ = "decks"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    slug: so.Mapped[str] = so.mapped_column(sa.String(100), unique=True)
    title: so.Mapped[str] = so.mapped_column(sa.String(300))
    description: so.Mapped[str | None] = so.mapped_column(sa.Text)
    #: The article this deck is made of; None for a deck that spans articles.
    article_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("articles.id"), unique=True)
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    article: so.Mapped[Article | None] = so.relationship(back_populates="deck")
    cards: so.Mapped[list[Card]] = so.relationship(
        secondary=deck_cards, back_populates="decks", order_by="[Card.created_at, Card.id]"
    )

    def __repr__(self) -> str:
        return f"<Deck {self.id} {self.slug!r}>"


class DeckTotal(db.Model):
    """How many cards a deck holds, and how many of them are served (active): kept by the database itself.

    Triggers on deck_cards and cards (created by migration 3f9a6c2e8b17) count every card put in or taken out of a
    deck and every change of a card's status, in the same transaction, so the totals cannot drift; the app never
    writes this table. A deck that never held a card may have no row: its totals are 0.
    """

    __tablename__ = "deck_totals"

    deck_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("decks.id", ondelete="CASCADE"), primary_key=True)
    cards: so.Mapped[int]
    active: so.Mapped[int]

    def __repr__(self) -> str:
        return f"<DeckTotal deck={self.deck_id} {self.active}/{self.cards}>"


def new_card_id() -> str:
    """Return an id for an authored or imported card; it cannot clash with question_bank's 20-hex-digit ids."""
    return uuid.uuid4().hex


class Card(db.Model):
    """A multiple-choice question: its choices (one correct), the fact it asks about and its sources."""

    __tablename__ = "cards"

    id: so.Mapped[str] = so.mapped_column(sa.String(64), primary_key=True, default=new_card_id)
    kind: so.Mapped[str] = so.mapped_column(sa.String(32))
    language: so.Mapped[str] = so.mapped_column(sa.String(16))
    question: so.Mapped[str] = so.mapped_column(sa.Text)
    fact_subject: so.Mapped[str | None] = so.mapped_column(sa.Text)
    fact_value: so.Mapped[str | None] = so.mapped_column(sa.Text)
    #: A "which is NOT …" card: the correct choice is the odd one out.
    negated: so.Mapped[bool] = so.mapped_column(default=False, server_default=sa.false())
    #: The articles disagree on this fact; the question names its source.
    disputed: so.Mapped[bool] = so.mapped_column(default=False, server_default=sa.false())
    explanation: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    origin: so.Mapped[CardOrigin] = so.mapped_column(str_enum(CardOrigin, "card_origin"))
    status: so.Mapped[CardStatus] = so.mapped_column(
        str_enum(CardStatus, "card_status"), default=CardStatus.ACTIVE, server_default=CardStatus.ACTIVE.value
    )
    #: Tags, Anki's way: lower-case words separated by single spaces, sorted ("" for none).
    tags: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    #: Goes up by one at every change of the question, choices or explanation; each answer records the version
    #: it was given to, and CardRevision keeps the text of every earlier version that was answered.
    version: so.Mapped[int] = so.mapped_column(default=1, server_default="1")
    #: Who wrote the card (authored or imported); None for generated cards.
    author_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("users.id"))
    #: The instructor who last approved, retired or edited the card, and when. Once an instructor has decided,
    #: reloading the bank never changes the card's status or, if they edited it, its text.
    reviewed_by_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("users.id"))
    reviewed_at: so.Mapped[datetime | None]
    #: When an instructor last edited the question, choices or explanation; None while it is as generated.
    edited_at: so.Mapped[datetime | None]
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    choices: so.Mapped[list[Choice]] = so.relationship(
        back_populates="card", cascade="all, delete-orphan", order_by="Choice.position"
    )
    sources: so.Mapped[list[CardSource]] = so.relationship(
        back_populates="card", cascade="all, delete-orphan", order_by="CardSource.position"
    )
    decks: so.Mapped[list[Deck]] = so.relationship(secondary=deck_cards, back_populates="cards")
    revisions: so.Mapped[list[CardRevision]] = so.relationship(
        back_populates="card", cascade="all, delete-orphan", order_by="CardRevision.version"
    )

    __table_args__ = (
        sa.Index("ix_cards_origin_status", "origin", "status"),
        # the cards served (or not) are counted for every review page and the decks page; the ids of those not
        # served come from the index alone, to leave them out of a student's schedules
        sa.Index("ix_cards_status", "status", "id"),
    )

    def __repr__(self) -> str:
        return f"<Card {self.id!r} {self.kind} {self.status.value if self.status else None}>"

    @property
    def options(self) -> list[str]:
        """The choices' texts, in the order they are shown."""
        return [choice.text for choice in self.choices]

    @property
    def answer_index(self) -> int | None:
        """The position of the correct choice, or None while the card has none."""
        return next((choice.position for choice in self.choices if choice.is_correct), None)


class Choice(db.Model):
    """One option of a card, shown at its position."""

    __tablename__ = "choices"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    card_id: so.Mapped[str] = so.mapped_column(sa.ForeignKey("cards.id", ondelete="CASCADE"))
    position: so.Mapped[int]
    text: so.Mapped[str] = so.mapped_column(sa.Text)
    is_correct: so.Mapped[bool] = so.mapped_column(default=False, server_default=sa.false())

    card: so.Mapped[Card] = so.relationship(back_populates="choices")

    __table_args__ = (sa.UniqueConstraint("card_id", "position"),)

    def __repr__(self) -> str:
        mark = "*" if self.is_correct else ""
        return f"<Choice {self.card_id!r}[{self.position}]{mark} {self.text!r}>"


class CardSource(db.Model):
    """A sentence that states a card's fact, and the article it stands in."""

    __tablename__ = "card_sources"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    card_id: so.Mapped[str] = so.mapped_column(sa.ForeignKey("cards.id", ondelete="CASCADE"))
    position: so.Mapped[int]
    #: None for a source outside the stored articles (an imported card citing elsewhere).
    article_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("articles.id"), index=True)
    sentence: so.Mapped[str] = so.mapped_column(sa.Text)

    card: so.Mapped[Card] = so.relationship(back_populates="sources")
    article: so.Mapped[Article | None] = so.relationship()

    __table_args__ = (sa.UniqueConstraint("card_id", "position"),)

    def __repr__(self) -> str:
        return f"<CardSource {self.card_id!r}[{self.position}] article={self.article_id}>"


class CardRevision(db.Model):
    """A card as it read at one earlier version, kept because students answered it then.

    The current version lives on Card itself; a revision is written just before an edit changes a card that
    has answers, so that every answer can still show the question and the choices the student saw.
    """

    __tablename__ = "card_revisions"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    card_id: so.Mapped[str] = so.mapped_column(sa.ForeignKey("cards.id", ondelete="CASCADE"))
    version: so.Mapped[int]
    question: so.Mapped[str] = so.mapped_column(sa.Text)
    #: The choices' texts as a JSON list, in the order they were shown.
    options_json: so.Mapped[str] = so.mapped_column(sa.Text)
    answer_index: so.Mapped[int]
    explanation: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    card: so.Mapped[Card] = so.relationship(back_populates="revisions")

    __table_args__ = (sa.UniqueConstraint("card_id", "version"),)

    def __repr__(self) -> str:
        return f"<CardRevision {self.card_id!r} v{self.version}>"
