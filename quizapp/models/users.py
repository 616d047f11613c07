"""People who use quizapp: students who study and instructors who write and review questions."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.days import DEFAULT_START_HOUR
from quizapp.db import db, str_enum, utcnow


def fold_username(username: str) -> str:
    """Return the form of username that two spellings of one name share."""
    return username.strip().casefold()


class Role(enum.StrEnum):
    """What a user may do."""

    STUDENT = "student"
    INSTRUCTOR = "instructor"


class User(UserMixin, db.Model):
    """An account; the password is stored only as a salted hash."""

    __tablename__ = "users"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    username: so.Mapped[str] = so.mapped_column(sa.String(80), unique=True)
    #: The name case-folded, unique: "Ayu" and "ayu" are one account, whichever registration commits first.
    #: Set with the name; the server default only lets the migration add the column to the rows already there.
    username_key: so.Mapped[str] = so.mapped_column(sa.String(80), index=True, unique=True, server_default="")
    password_hash: so.Mapped[str] = so.mapped_column(sa.String(255))
    role: so.Mapped[Role] = so.mapped_column(
        str_enum(Role, "role"), default=Role.STUDENT, server_default=Role.STUDENT.value
    )
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    #: How many cards the user meets for the first time per day, and how many reviews at most.
    daily_new_limit: so.Mapped[int] = so.mapped_column(default=20, server_default="20")
    daily_review_limit: so.Mapped[int] = so.mapped_column(default=200, server_default="200")
    #: How sure the student wants to be of recalling a card when it comes due: FSRS's desired retention, 0.70-0.99.
    #: The default is quizapp.services.study.scheduling.DESIRED_RETENTION.
    desired_retention: so.Mapped[float] = so.mapped_column(default=0.9, server_default="0.9")
    #: The IANA name of the student's time zone, such as "Asia/Jakarta"; None (taken as UTC) until the browser or
    #: the student says. Their days, which the daily limits, the streak and the calendar count, are days there.
    time_zone: so.Mapped[str | None] = so.mapped_column(sa.String(64))
    #: The local hour, 0-23, at which the student's day begins (Anki's default: 4, so late study counts for that day).
    day_start_hour: so.Mapped[int] = so.mapped_column(
        default=DEFAULT_START_HOUR, server_default=str(DEFAULT_START_HOUR)
    )
    #: A language tag such as "id" or "en"; None follows the browser.
    locale: so.Mapped[str | None] = so.mapped_column(sa.String(16))

    #: The token of the login session this object was loaded for or opened with; never stored on the user.
    session_token = None  # not annotated: SQLAlchemy would take an annotation for a column

    def __repr__(self) -> str:
        return f"<User {self.id} {self.username!r} {self.role.value if self.role else None}>"

    @so.validates("username")
    def _fold_username(self, key: str, username: str) -> str:
        """Keep username_key in step with the name."""
        self.username_key = fold_username(username)
        return username

    def get_id(self) -> str:
        """Return what the session cookie carries: the login session's token, never the user's id.

        A cookie holding only the id would log in for ever; the token names a row that logout deletes.
        """
        if self.session_token is None:
            raise RuntimeError("open a login session (quizapp.services.sessions.open_session) before login_user")
        return self.session_token

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


class LoginSession(db.Model):
    """One browser's login: its session and remember-me cookies carry the token, the table keeps only a hash.

    Deleting the row logs that browser out, whatever cookies it kept.
    """

    __tablename__ = "login_sessions"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: SHA-256 of the token, hex: a copy of the database opens no session.
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)

    user: so.Mapped[User] = so.relationship()

    def __repr__(self) -> str:
        return f"<LoginSession {self.id} user={self.user_id}>"
