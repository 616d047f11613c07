"""Quizzes and what students answered in them."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from quizapp.db import db, utcnow
from quizapp.models.content import Card, Deck
from quizapp.models.users import User


class QuizSession(db.Model):
    """One quiz a student takes over a deck: its questions in order, and the score once finished."""

    __tablename__ = "quiz_sessions"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    deck_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("decks.id"), index=True)
    started_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    finished_at: so.Mapped[datetime | None]
    #: Correct answers, set when the quiz is finished.
    score: so.Mapped[int | None]
    #: The quiz whose missed questions this one asks again; None for a quiz drawn from the deck.
    retry_of_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("quiz_sessions.id"), index=True)

    user: so.Mapped[User] = so.relationship()
    deck: so.Mapped[Deck] = so.relationship()
    items: so.Mapped[list[QuizItem]] = so.relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="QuizItem.position"
    )
    answers: so.Mapped[list[Answer]] = so.relationship(back_populates="session", order_by="Answer.answered_at")

    def __repr__(self) -> str:
        return f"<QuizSession {self.id} user={self.user_id} deck={self.deck_id} score={self.score}>"

    @property
    def is_retry(self) -> bool:
        """Tell whether the quiz asks again the questions missed in another quiz."""
        return self.retry_of_id is not None

    @property
    def card_ids(self) -> list[str]:
        """The question cards' ids in the order they are asked."""
        return [item.card_id for item in self.items]


class QuizItem(db.Model):
    """The card asked at one position of a quiz."""

    __tablename__ = "quiz_items"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    session_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("quiz_sessions.id", ondelete="CASCADE"))
    position: so.Mapped[int]
    card_id: so.Mapped[str] = so.mapped_column(sa.ForeignKey("cards.id"), index=True)

    session: so.Mapped[QuizSession] = so.relationship(back_populates="items")
    card: so.Mapped[Card] = so.relationship()

    __table_args__ = (
        sa.UniqueConstraint("session_id", "position"),
        sa.UniqueConstraint("session_id", "card_id"),
    )

    def __repr__(self) -> str:
        return f"<QuizItem session={self.session_id}[{self.position}] card={self.card_id!r}>"


class Answer(db.Model):
    """One response to a card: the choice made (or the text typed), whether it was right and how long it took.

    A card is answered at most once per quiz, so a double submit cannot count twice; answers given while
    reviewing due cards belong to no quiz (session_id None) and may repeat.
    """

    __tablename__ = "answers"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    session_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("quiz_sessions.id"))
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"))
    card_id: so.Mapped[str] = so.mapped_column(sa.ForeignKey("cards.id"), index=True)
    #: The position of the chosen Choice when the answer was given; for a typed answer, the option it was taken
    #: as (the right one when accepted), None when it names no option.
    chosen_position: so.Mapped[int | None]
    correct: so.Mapped[bool]
    #: What the student typed, in "type the answer" review; None for a multiple-choice answer.
    typed_text: so.Mapped[str | None] = so.mapped_column(sa.Text)
    #: Milliseconds from showing the question to the answer; None when it could not be measured.
    time_taken_ms: so.Mapped[int | None]
    #: The card's version when it was answered (see Card.version); None for answers stored before versions.
    card_version: so.Mapped[int | None]
    answered_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    session: so.Mapped[QuizSession | None] = so.relationship(back_populates="answers")
    user: so.Mapped[User] = so.relationship()
    card: so.Mapped[Card] = so.relationship()

    __table_args__ = (
        sa.UniqueConstraint("session_id", "card_id"),
        sa.Index("ix_answers_user_id_answered_at", "user_id", "answered_at"),
    )

    def __repr__(self) -> str:
        return f"<Answer {self.id} user={self.user_id} card={self.card_id!r} correct={self.correct}>"


class AnswerTotal(db.Model):
    """How many times one user answered one card, and how many of those were right: kept by the database itself.

    Triggers on answers (created by migration 7b3e5f0c9d21) count every answer stored and take back every answer
    deleted or changed, in the same transaction, so the totals cannot drift from the answers; the app never writes
    this table. The progress page's accuracy reads it: a user's cards, not every answer they ever gave.
    """

    __tablename__ = "answer_totals"

    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), primary_key=True)
    card_id: so.Mapped[str] = so.mapped_column(sa.ForeignKey("cards.id", ondelete="CASCADE"), primary_key=True)
    answered: so.Mapped[int]
    correct: so.Mapped[int]

    def __repr__(self) -> str:
        return f"<AnswerTotal user={self.user_id} card={self.card_id!r} {self.correct}/{self.answered}>"
