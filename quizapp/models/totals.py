"""Totals the database keeps for the progress page: a student's study per day, answers per deck and per kind, and
how far their cards have come.

Triggers (created by migration 2c9d4e6f8a13) count every review, answer and schedule stored, take back every one
deleted or changed, in the same transaction, so the totals cannot drift from the rows they count; the app never writes
these tables. The page reads a few rows per student from them instead of every review and answer they ever gave.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
import sqlalchemy.orm as so

from quizapp.db import db
from quizapp.models.study import AnswerTotal, QuizSession


class StudyDay(db.Model):
    """One student's reviews and answers on one of their days, in the time zone and day start hour they have now.

    The triggers find the day of a review or answer as quizapp.days.StudentDay.of(user) does, and count the user's
    days again whenever their time zone or day start hour changes; so the rows are always the user's own days.
    """

    __tablename__ = "study_days"
    # On SQLite, stored in the order of the key: a user's rows together, read without a lookup per row.
    __table_args__ = {"sqlite_with_rowid": False}

    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), primary_key=True)
    day: so.Mapped[date] = so.mapped_column(primary_key=True)
    #: ReviewLog rows.
    reviews: so.Mapped[int]
    #: Of the reviews, those true retention measures (quizapp.services.stats.measured_by_retention).
    measured: so.Mapped[int]
    #: Of the measured reviews, those not rated Again.
    passed: so.Mapped[int]
    #: Answer rows.
    answers: so.Mapped[int]

    def __repr__(self) -> str:
        return f"<StudyDay user={self.user_id} {self.day} reviews={self.reviews} answers={self.answers}>"


class DeckAnswerTotal(db.Model):
    """How many times one user answered cards of one deck, and how many of those were right: the answer totals
    (AnswerTotal) of the deck's cards added up, a card in several decks counting in each."""

    __tablename__ = "deck_answer_totals"
    # On SQLite, stored in the order of the key: a user's rows together, read without a lookup per row.
    __table_args__ = {"sqlite_with_rowid": False}

    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), primary_key=True)
    deck_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("decks.id", ondelete="CASCADE"), primary_key=True)
    answered: so.Mapped[int]
    correct: so.Mapped[int]

    def __repr__(self) -> str:
        return f"<DeckAnswerTotal user={self.user_id} deck={self.deck_id} {self.correct}/{self.answered}>"


class KindAnswerTotal(db.Model):
    """How many times one user answered cards of one kind (Card.kind), and how many of those were right."""

    __tablename__ = "kind_answer_totals"
    # On SQLite, stored in the order of the key: a user's rows together, read without a lookup per row.
    __table_args__ = {"sqlite_with_rowid": False}

    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), primary_key=True)
    kind: so.Mapped[str] = so.mapped_column(sa.String(32), primary_key=True)
    answered: so.Mapped[int]
    correct: so.Mapped[int]

    def __repr__(self) -> str:
        return f"<KindAnswerTotal user={self.user_id} kind={self.kind!r} {self.correct}/{self.answered}>"


class ScheduleTotal(db.Model):
    """How far one user's cards have come in the schedule: their ReviewState rows counted as
    quizapp.services.stats.card_counts counts them (studied, learned, mature at MATURE_DAYS = 21 days)."""

    __tablename__ = "schedule_totals"

    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), primary_key=True)
    studied: so.Mapped[int]
    learned: so.Mapped[int]
    mature: so.Mapped[int]

    def __repr__(self) -> str:
        return f"<ScheduleTotal user={self.user_id} {self.studied} studied, {self.learned} learned>"


class DeckScheduleTotal(db.Model):
    """How many of one user's schedules (ReviewState rows) are of cards in one deck, and how many of those are learned
    (in fsrs State.Review), whatever the cards' status: kept by triggers on review_states and deck_cards (migration
    9d3b7e1f4a62), a card in several decks counting in each. The decks page reads these, not every schedule; what
    changes with the clock (due) or is few (cards not served, held cards) it counts itself."""

    __tablename__ = "deck_schedule_totals"
    # On SQLite, stored in the order of the key: a user's rows together, read without a lookup per row.
    __table_args__ = {"sqlite_with_rowid": False}

    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    deck_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("decks.id", ondelete="CASCADE"), primary_key=True)
    met: so.Mapped[int]
    learned: so.Mapped[int]

    def __repr__(self) -> str:
        return f"<DeckScheduleTotal user={self.user_id} deck={self.deck_id} {self.learned}/{self.met}>"


# A card joining or leaving a deck, or changing its kind, reads that card's totals of every user (the triggers).
sa.Index("ix_answer_totals_card_id", AnswerTotal.card_id)

# The progress page's quiz history, newest first, one page of it: read along this index, not by sorting every quiz.
sa.Index("ix_quiz_sessions_user_id_started_at", QuizSession.user_id, QuizSession.started_at, QuizSession.id)
