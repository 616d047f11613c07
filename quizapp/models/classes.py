"""Classes an instructor runs: their students, and the decks assigned to them with a due date."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from quizapp.db import db, utcnow
from quizapp.models.content import Deck
from quizapp.models.users import User


class Classroom(db.Model):
    """A class: one instructor, the students who joined it with its code, and its assigned decks."""

    __tablename__ = "classes"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(120))
    instructor_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), index=True)
    #: What a student types (or follows as a link) to join; unique, and can be replaced to stop new joins.
    join_code: so.Mapped[str] = so.mapped_column(sa.String(16), unique=True)
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    instructor: so.Mapped[User] = so.relationship()
    memberships: so.Mapped[list[ClassMember]] = so.relationship(
        back_populates="classroom", cascade="all, delete-orphan", order_by="ClassMember.joined_at"
    )
    assignments: so.Mapped[list[ClassDeck]] = so.relationship(
        back_populates="classroom", cascade="all, delete-orphan", order_by="ClassDeck.assigned_at"
    )

    def __repr__(self) -> str:
        return f"<Classroom {self.id} {self.name!r} instructor={self.instructor_id}>"


class ClassMember(db.Model):
    """A student in a class."""

    __tablename__ = "class_members"

    class_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id"), primary_key=True, index=True)
    joined_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    classroom: so.Mapped[Classroom] = so.relationship(back_populates="memberships")
    user: so.Mapped[User] = so.relationship()

    def __repr__(self) -> str:
        return f"<ClassMember class={self.class_id} user={self.user_id}>"


class ClassDeck(db.Model):
    """A deck assigned to a class, to be studied by an optional due date."""

    __tablename__ = "class_decks"

    class_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True)
    deck_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("decks.id", ondelete="CASCADE"), primary_key=True)
    #: When the deck should be learned; None for no deadline.
    due_at: so.Mapped[datetime | None]
    assigned_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    classroom: so.Mapped[Classroom] = so.relationship(back_populates="assignments")
    deck: so.Mapped[Deck] = so.relationship()

    __table_args__ = (sa.Index("ix_class_decks_deck_id", "deck_id"),)

    def __repr__(self) -> str:
        return f"<ClassDeck class={self.class_id} deck={self.deck_id} due={self.due_at}>"
