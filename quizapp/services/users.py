"""Accounts: create a user with a checked name and a hashed password, and change the password."""

from __future__ import annotations

import re
import secrets

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from quizapp.db import db
from quizapp.models import Role, User, fold_username
from quizapp.services import sessions

MIN_PASSWORD_LENGTH = 8
MAX_USERNAME_LENGTH = 80
_USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class UserError(ValueError):
    """A user that cannot be created; the message says why, in words for the person who asked.

    The message is translated when it is read, into the language of the page, or English on the command line.
    """


class UsernameTaken(UserError):
    """Another account has the name, in some spelling of its case."""


class WrongPassword(UserError):
    """The password given to confirm a change is not the user's."""


def find_user(username: str) -> User | None:
    """Return the user with this name, ignoring case, or None."""
    return db.session.scalar(sa.select(User).where(User.username_key == fold_username(username)))


def check_username(username: str) -> str:
    """Return username stripped of surrounding spaces, or raise UserError saying what is wrong with it."""
    username = username.strip()
    if not username:
        raise UserError(_l("the username is empty"))
    if len(username) > MAX_USERNAME_LENGTH:
        raise UserError(_l("the username is longer than %(max)d characters", max=MAX_USERNAME_LENGTH))
    if not _USERNAME.fullmatch(username):
        raise UserError(_l(
            "the username %(name)s may use only letters, digits, '.', '_' and '-', starting with a letter or digit",
            name=repr(username),
        ))
    return username


def check_password(password: str) -> None:
    """Raise UserError if password is too weak to accept."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(_l("the password must be at least %(min)d characters long", min=MIN_PASSWORD_LENGTH))


def create_user(username: str, password: str, role: Role = Role.STUDENT) -> User:
    """Create and commit a user; raise UserError if the name is taken or the name or password is not valid."""
    username = check_username(username)
    check_password(password)
    taken = UsernameTaken(_l("a user named %(name)s already exists", name=repr(username)))
    if find_user(username) is not None:
        raise taken
    user = User(username=username, role=role)
    user.set_password(password)
    db.session.add(user)
    try:
        db.session.commit()
    except sa.exc.IntegrityError:
        # Another registration of the name committed between the check above and this commit: the unique
        # username_key decided the race, and this one lost it.
        db.session.rollback()
        raise taken from None
    return user


def change_password(user: User, current: str, new: str) -> None:
    """Set user's password to new if current is right, end their other login sessions, and commit.

    The session the change is made from (user.session_token) stays logged in: it has just shown the password.
    """
    if not user.check_password(current):
        raise WrongPassword(_l("That is not your current password."))
    check_password(new)
    user.set_password(new)
    sessions.delete_sessions(user.id, keep=user.session_token)
    db.session.commit()


def random_password() -> str:
    """Return a new random password, easy to type from a console."""
    return secrets.token_urlsafe(12)
