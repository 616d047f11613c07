"""Login sessions: open one when a user logs in, find the user a cookie's token names, end one or all of them.

The session and remember-me cookies carry a random token; the database keeps its SHA-256 hash. Deleting a row
logs out every cookie that carries its token, so logout and "log out everywhere" hold even against a copy of
the cookies taken before.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa

from quizapp.db import db, utcnow
from quizapp.models import LoginSession, User

#: Longer than any token made here (43 characters): a longer one is refused before it is hashed.
MAX_TOKEN_LENGTH = 64


def _hash(token: str) -> str:
    """Return the hex SHA-256 of token, as stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def open_session(user: User, lifetime: timedelta) -> str:
    """Start and commit a login session for user; set it as user.session_token and return it.

    The user's sessions older than lifetime are deleted on the way, so the table does not grow without end.
    """
    token = secrets.token_urlsafe(32)
    now = utcnow()
    db.session.execute(
        sa.delete(LoginSession).where(LoginSession.user_id == user.id, LoginSession.created_at < now - lifetime)
    )
    db.session.add(LoginSession(user_id=user.id, token_hash=_hash(token), created_at=now))
    db.session.commit()
    user.session_token = token
    return token


#: The user an open login session names; built once, as every request of a logged-in user runs it.
_SESSION_USER = (
    sa.select(User)
    .join(LoginSession, LoginSession.user_id == User.id)
    .where(LoginSession.token_hash == sa.bindparam("token_hash"), LoginSession.created_at >= sa.bindparam("since"))
)


def session_user(token: str, lifetime: timedelta) -> User | None:
    """Return the user whose session token names, or None if it was ended, has expired or never was."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    user = db.session.scalar(_SESSION_USER, {"token_hash": _hash(token), "since": utcnow() - lifetime})
    if user is not None:
        user.session_token = token
    return user


def end_session(token: str | None) -> None:
    """End the login session token names (logout), and commit."""
    if token:
        db.session.execute(sa.delete(LoginSession).where(LoginSession.token_hash == _hash(token)))
        db.session.commit()


def delete_sessions(user_id: int, keep: str | None = None) -> None:
    """Delete every login session of the user but the one keep names; the caller commits."""
    condition = LoginSession.user_id == user_id
    if keep:
        condition = sa.and_(condition, LoginSession.token_hash != _hash(keep))
    db.session.execute(sa.delete(LoginSession).where(condition))


def end_every_session(user_id: int) -> None:
    """End every login session of the user, on every device (log out everywhere), and commit."""
    delete_sessions(user_id)
    db.session.commit()


def session_count(user_id: int, lifetime: timedelta) -> int:
    """Return how many login sessions the user has open (on how many browsers they are logged in)."""
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(LoginSession)
        .where(LoginSession.user_id == user_id, LoginSession.created_at >= utcnow() - lifetime)
    ) or 0
