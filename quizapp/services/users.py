"""Accounts: create a user with a checked name and a hashed password, and change the password."""

from __future__ import annotations

import functools
import re
import secrets
from pathlib import Path

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.db import db
from quizapp.models import Role, User, fold_username
from quizapp.services import sessions

MIN_PASSWORD_LENGTH = 8
#: Room for any passphrase, while a password sent to exhaust the server's hashing is refused unread.
MAX_PASSWORD_LENGTH = 128
MAX_USERNAME_LENGTH = 80
COMMON_PASSWORDS_FILE = Path(__file__).resolve().parent / "common-passwords.txt"
_USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class UserError(ValueError):
    """A user that cannot be created; the message says why, in words for the person who asked.

    The message is translated when it is read, into the language of the page, or English on the command line.
    """


class UsernameTaken(UserError):
    """Another account has the name, in some spelling of its case."""


class WrongPassword(UserError):
    """The password given to confirm a change is not the user's."""


@functools.cache
def common_passwords() -> frozenset[str]:
    """Return the passwords too common to accept, lower case (read once)."""
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@functools.cache
def _dummy_hash() -> str:
    """Return the hash of a random password, made as real ones are, for checking a name that has no account."""
    return generate_password_hash(secrets.token_urlsafe(16))


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
    """Raise UserError if password is too short or too long to accept."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(_l("the password must be at least %(min)d characters long", min=MIN_PASSWORD_LENGTH))
    if len(password) > MAX_PASSWORD_LENGTH:
        raise UserError(_l("the password must be at most %(max)d characters long", max=MAX_PASSWORD_LENGTH))


def check_new_password(password: str, username: str = "") -> None:
    """Raise UserError if a person may not choose password: too short, too long, too common, or their name.

    Checked where a person chooses a password (registration, a password change, `quizapp create-user`), not in
    create_user, so that tests and scripts can still make accounts with whatever password they need.
    """
    check_password(password)
    folded = password.casefold()
    if folded in common_passwords():
        raise UserError(_l("This password is one of the most common, and is guessed first; choose another."))
    if username and folded == fold_username(username):
        raise UserError(_l("The password must not be the username."))


def authenticate(username: str, password: str) -> User | None:
    """Return the user if password is theirs, else None, in the same time whether or not the name exists.

    A name without an account still costs one password check (against a dummy hash): answering at once would
    tell which names have accounts.
    """
    user = find_user(username)
    if user is None:
        check_password_hash(_dummy_hash(), password)
        return None
    return user if user.check_password(password) else None


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
    check_new_password(new, user.username)
    user.set_password(new)
    sessions.delete_sessions(user.id, keep=user.session_token)
    db.session.commit()


def set_password(username: str, new: str) -> User:
    """Give the named user a new password chosen as at registration, log them out everywhere, and commit.

    For an administrator at the console (`quizapp set-password`), who does not know the current password: a
    printed demo password that scrolled away, or a student who forgot theirs. Every login of the account ends,
    since whoever held the old password may be logged in with it.
    """
    user = find_user(username)
    if user is None:
        raise UserError(_l("there is no user named %(name)s", name=repr(username.strip())))
    check_new_password(new, user.username)
    user.set_password(new)
    sessions.delete_sessions(user.id)
    db.session.commit()
    return user


def random_password() -> str:
    """Return a new random password, easy to type from a console."""
    return secrets.token_urlsafe(12)
