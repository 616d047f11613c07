"""Accounts: create a user with a checked name and a hashed password."""

from __future__ import annotations

import re
import secrets

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from quizapp.db import db
from quizapp.models import Role, User

MIN_PASSWORD_LENGTH = 8
MAX_USERNAME_LENGTH = 80
_USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class UserError(ValueError):
    """A user that cannot be created; the message says why, in words for the person who asked.

    The message is translated when it is read, into the language of the page, or English on the command line.
    """


def find_user(username: str) -> User | None:
    """Return the user with this name, ignoring case, or None."""
    return db.session.scalar(sa.select(User).where(sa.func.lower(User.username) == username.strip().lower()))


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
    if find_user(username) is not None:
        raise UserError(_l("a user named %(name)s already exists", name=repr(username)))
    user = User(username=username, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


def random_password() -> str:
    """Return a new random password, easy to type from a console."""
    return secrets.token_urlsafe(12)
