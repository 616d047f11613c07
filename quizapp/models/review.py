"""Spaced repetition: each student's FSRS schedule for each card, and the log of every review."""

from __future__ import annotations

from datetime import datetime

import fsrs
import sqlalchemy as sa
import sqlalchemy.orm as so

from quizapp.db import db, utcnow
from quizapp.models.content import Card
from quizapp.models.users import User

_STATES = ", ".join(str(int(state)) for state in fsrs.State)
_RATINGS = f"{min(fsrs.Rating).value} AND {max(fsrs.Rating).value}"


class ReviewState(db.Model):
    """Where one card stands in one student's schedule: the fields of an `fsrs.Card`, one per column.

    quizapp.services.study.scheduling.Schedule has the same fields and converts to and from `fsrs.Card`.
    """

    __tablename__ = "review_states"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"))
    card_id: so.Mapped[str] = so.mapped_column(sa.ForeignKey("cards.id"), index=True)
    #: An `fsrs.State` value: 1 learning, 2 review, 3 relearning.
    state: so.Mapped[int] = so.mapped_column(default=int(fsrs.State.Learning))
    #: The learning or relearning step; None in the review state.
    step: so.Mapped[int | None] = so.mapped_column(default=0)
    stability: so.Mapped[float | None]
    difficulty: so.Mapped[float | None]
    due: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    last_review: so.Mapped[datetime | None]

    user: so.Mapped[User] = so.relationship()
    card: so.Mapped[Card] = so.relationship()

    __table_args__ = (
        sa.UniqueConstraint("user_id", "card_id"),
        # "which of my cards are due now" is the query every review page starts with
        sa.Index("ix_review_states_user_id_due", "user_id", "due"),
        # the decks page and the review queue count a user's cards by due date and state along this index alone
        sa.Index("ix_review_states_user_id_card_id_due_state", "user_id", "card_id", "due", "state"),
        sa.CheckConstraint(f"state IN ({_STATES})", name="state"),
    )

    def __repr__(self) -> str:
        return f"<ReviewState user={self.user_id} card={self.card_id!r} state={self.state} due={self.due}>"


class ReviewLog(db.Model):
    """One review, with the schedule before and after it.

    Append-only: a row is written once and never changed, so the log can replay or re-fit the schedule. The ORM
    refuses to update or delete a row (see the mapper events below); bulk statements bypass the ORM, and the app
    issues one only to undo a rating (quizapp.services.study.undo): as Anki drops an undone review from its log,
    the student's latest row goes with the schedule it made, so the log still replays to the schedule.
    """

    __tablename__ = "review_logs"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"))
    card_id: so.Mapped[str] = so.mapped_column(sa.ForeignKey("cards.id"), index=True)
    #: The multiple-choice answer the rating came from; None when the student rated the card directly.
    answer_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("answers.id"), index=True)
    #: An `fsrs.Rating` value: 1 again, 2 hard, 3 good, 4 easy.
    rating: so.Mapped[int]
    reviewed_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    review_duration_ms: so.Mapped[int | None]

    state_before: so.Mapped[int]
    step_before: so.Mapped[int | None]
    stability_before: so.Mapped[float | None]
    difficulty_before: so.Mapped[float | None]
    due_before: so.Mapped[datetime]
    #: The card's last review before this one (None for a new card, and for rows logged before undo existed).
    last_review_before: so.Mapped[datetime | None]

    state_after: so.Mapped[int]
    step_after: so.Mapped[int | None]
    stability_after: so.Mapped[float | None]
    difficulty_after: so.Mapped[float | None]
    due_after: so.Mapped[datetime]

    user: so.Mapped[User] = so.relationship()
    card: so.Mapped[Card] = so.relationship()

    __table_args__ = (
        # a user's reviews by time; with the columns the progress page counts (calendar, true retention), which it
        # then reads from the index alone
        sa.Index(
            "ix_review_logs_user_id_reviewed_at", "user_id", "reviewed_at", "state_before", "due_before", "rating"
        ),
        sa.CheckConstraint(f"rating BETWEEN {_RATINGS}", name="rating"),
        sa.CheckConstraint(f"state_before IN ({_STATES})", name="state_before"),
        sa.CheckConstraint(f"state_after IN ({_STATES})", name="state_after"),
    )

    def __repr__(self) -> str:
        return f"<ReviewLog {self.id} user={self.user_id} card={self.card_id!r} rating={self.rating}>"


class HeldCard(db.Model):
    """A card one student has set aside: suspended until they unsuspend it, or buried until their next day.

    Kept apart from ReviewState, whose row means "met": a card never met can be suspended too, and stays new.
    A held card keeps its schedule; it is only left out of review (and of the due counts) while held.
    """

    __tablename__ = "held_cards"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    card_id: so.Mapped[str] = so.mapped_column(sa.ForeignKey("cards.id", ondelete="CASCADE"), index=True)
    suspended: so.Mapped[bool] = so.mapped_column(default=False)
    #: When a buried card comes back: the start of the student's next day; None when not buried.
    buried_until: so.Mapped[datetime | None]

    __table_args__ = (sa.UniqueConstraint("user_id", "card_id"),)

    def __repr__(self) -> str:
        return (
            f"<HeldCard user={self.user_id} card={self.card_id!r} suspended={self.suspended} "
            f"buried_until={self.buried_until}>"
        )


class AppendOnlyError(RuntimeError):
    """Raised when something tries to change or delete a review log row."""


@sa.event.listens_for(ReviewLog, "before_update")
def _refuse_update(mapper: so.Mapper[ReviewLog], connection: sa.Connection, target: ReviewLog) -> None:
    raise AppendOnlyError(f"{target!r}: the review log is append-only; rows are never updated")


@sa.event.listens_for(ReviewLog, "before_delete")
def _refuse_delete(mapper: so.Mapper[ReviewLog], connection: sa.Connection, target: ReviewLog) -> None:
    raise AppendOnlyError(f"{target!r}: the review log is append-only; rows are never deleted")
