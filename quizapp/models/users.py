"""People who use quizapp: students who study and instructors who write and review questions."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.db import db, str_enum, utcnow


class Role(enum.StrEnum):
    """What a user may do."""

    STUDENT = "student"
    INSTRUCTOR = "instructor"


class User(UserMixin, db.Model):
    """An account; the password is stored only as a salted hash."""

    __tablename__ = "users"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    username: so.Mapped[str] = so.mapped_column(sa.String(80), unique=True)
    password_hash: so.Mapped[str] = so.mapped_column(sa.String(255))
    role: so.Mapped[Role] = so.mapped_column(
        str_enum(Role, "role"), default=Role.STUDENT, server_default=Role.STUDENT.value
    )
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    #: How many cards the user meets for the first time per day, and how many reviews at most.
    daily_new_limit: so.Mapped[int] = so.mapped_column(default=20, server_default="20")
    daily_review_limit: so.Mapped[int] = so.mapped_column(default=200, server_default="200")
    #: A language tag such as "id" or "en"; None follows the browser.
    locale: so.Mapped[str | None] = so.mapped_column(sa.String(16))

    def __repr__(self) -> str:
        return f"<User {self.id} {self.username!r} {self.role.value if self.role else None}>"

    @property
    def is_instructor(self) -> bool:
        """Tell whether the user may author and review questions."""
        return self.role == Role.INSTRUCTOR

    def set_password(self, password: str) -> None:
        """Store a salted hash of password."""
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        """Tell whether password is the user's password."""
        return check_password_hash(self.password_hash, password)
