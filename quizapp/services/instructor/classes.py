"""Classes: an instructor creates one and students join it with its code (assigned decks: see assignments).

Join codes
    CODE_LENGTH characters from CODE_ALPHABET, which leaves out 0/O, 1/I/L so that a code read aloud or copied
    from a board is typed right: 31**8, about 8.5e11 codes, drawn with `secrets`, so codes cannot be guessed
    from one another. A student may type a code in either case, with spaces or dashes anywhere. A new code
    replaces the old one, which then stops working; the students already in the class stay.

Who may join
    Only students: an instructor who follows a join link is told so, and is never a member of a class.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from quizapp.db import db
from quizapp.models import ClassDeck, ClassMember, Classroom, Deck, User

#: The characters of a join code: digits and capitals without the look-alikes 0, 1, I, L and O.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
#: How many fresh codes to draw before giving up; a clash is about one in 10**11 per class.
CODE_ATTEMPTS = 10
MAX_NAME_LENGTH = 120

_IGNORED_IN_CODE = re.compile(r"[\s\-‐‑‒–—]+")


class ClassError(ValueError):
    """A class operation refused; the message says why, for the person who asked (translated when read)."""


# --- names, codes and due dates -----------------------------------------------------------------------


def check_class_name(name: str) -> str:
    """Return name without surrounding spaces, or raise ClassError saying what is wrong with it."""
    name = " ".join(name.split())
    if not name:
        raise ClassError(_l("Give the class a name."))
    if len(name) > MAX_NAME_LENGTH:
        raise ClassError(_l(
            "The name has %(num)d characters; a class name has at most %(max)d.", num=len(name), max=MAX_NAME_LENGTH
        ))
    return name


def new_join_code() -> str:
    """Draw a random join code."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(code: str) -> str:
    """Return code as stored: upper case, without the spaces and dashes a student may type."""
    return _IGNORED_IN_CODE.sub("", code).upper()


def display_code(code: str) -> str:
    """Split a code in two halves with a dash, easier to read aloud ("ABCD-EFGH"); joining ignores the dash."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def check_code(code: str) -> str:
    """Return the normalized code, or raise ClassError if it cannot be a join code at all."""
    normalized = normalize_code(code)
    if not normalized:
        raise ClassError(_l("Enter the class code your instructor gave you."))
    if len(normalized) != CODE_LENGTH:
        raise ClassError(_l(
            "A class code has %(length)d letters and digits; this one has %(num)d.",
            length=CODE_LENGTH, num=len(normalized),
        ))
    return normalized


# --- an instructor's classes --------------------------------------------------------------------------


@dataclass(frozen=True)
class ClassSummary:
    """A class in its instructor's list, with how many students and assigned decks it has."""

    classroom: Classroom
    students: int
    decks: int


def _commit_with_fresh_code(classroom: Classroom, make_code: Callable[[], str]) -> None:
    """Give classroom a new code and commit, drawing again while the code is taken."""
    for _ in range(CODE_ATTEMPTS):
        classroom.join_code = make_code()
        db.session.add(classroom)
        try:
            db.session.commit()
            return
        except IntegrityError:  # the code is taken (or was, a moment ago, by a class created at the same time)
            db.session.rollback()
    raise RuntimeError(f"no free join code after {CODE_ATTEMPTS} attempts")


def create_class(instructor: User, name: str, make_code: Callable[[], str] = new_join_code) -> Classroom:
    """Create and commit a class for the instructor, with a unique join code."""
    name = check_class_name(name)
    classroom = Classroom(name=name, instructor_id=instructor.id)
    _commit_with_fresh_code(classroom, make_code)
    return classroom


def rename_class(classroom: Classroom, name: str) -> None:
    """Rename the class and commit."""
    classroom.name = check_class_name(name)
    db.session.commit()


def replace_code(classroom: Classroom, make_code: Callable[[], str] = new_join_code) -> str:
    """Give the class a new join code and commit; the old code stops working. Return the new code."""
    old = classroom.join_code
    _commit_with_fresh_code(classroom, lambda: _different(make_code, old))
    return classroom.join_code


def _different(make_code: Callable[[], str], old: str) -> str:
    code = make_code()
    return code if code != old else make_code()


def delete_class(classroom: Classroom) -> None:
    """Delete the class with its memberships and assignments; students' answers and reviews are not touched."""
    db.session.delete(classroom)
    db.session.commit()


def list_classes(instructor_id: int) -> list[ClassSummary]:
    """Return the instructor's classes by name, each with its numbers of students and decks, in one query."""
    students = (
        sa.select(sa.func.count()).where(ClassMember.class_id == Classroom.id).correlate(Classroom).scalar_subquery()
    )
    decks = sa.select(sa.func.count()).where(ClassDeck.class_id == Classroom.id).correlate(Classroom).scalar_subquery()
    rows = db.session.execute(
        sa.select(Classroom, students, decks)
        .where(Classroom.instructor_id == instructor_id)
        .order_by(sa.func.lower(Classroom.name), Classroom.id)
    )
    return [ClassSummary(classroom, student_count, deck_count) for classroom, student_count, deck_count in rows]


def instructor_classes(instructor_id: int) -> list[Classroom]:
    """Return the instructor's own classes by name, for the pages that filter by class."""
    query = sa.select(Classroom).where(Classroom.instructor_id == instructor_id).order_by(Classroom.name, Classroom.id)
    return list(db.session.scalars(query))


def find_class(instructor_id: int, class_id: int) -> Classroom | None:
    """Return the instructor's class with this id; None if there is none, or it is another instructor's."""
    return db.session.scalar(
        sa.select(Classroom)
        .where(Classroom.id == class_id, Classroom.instructor_id == instructor_id)
        .options(
            so.selectinload(Classroom.memberships).joinedload(ClassMember.user),
            so.selectinload(Classroom.assignments).joinedload(ClassDeck.deck).joinedload(Deck.article),
        )
    )


def find_by_code(code: str) -> Classroom | None:
    """Return the class whose join code this is (typed in any case, with spaces or dashes), or None."""
    normalized = normalize_code(code)
    if len(normalized) != CODE_LENGTH:
        return None
    return db.session.scalar(
        sa.select(Classroom).where(Classroom.join_code == normalized).options(so.joinedload(Classroom.instructor))
    )


# --- students -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JoinResult:
    """The class a student asked to join, and whether this call added them (False: they were in it already)."""

    classroom: Classroom
    joined: bool


def is_member(class_id: int, user_id: int) -> bool:
    """Tell whether the user is in the class."""
    return db.session.get(ClassMember, (class_id, user_id)) is not None


def join_class(user: User, code: str) -> JoinResult:
    """Add the student to the class with this code and commit; joining again changes nothing."""
    normalized = check_code(code)
    classroom = find_by_code(normalized)
    if classroom is None:
        raise ClassError(_l(
            "No class has the code %(code)s. Check it with your instructor: they may have replaced it with a new one.",
            code=display_code(normalized),
        ))
    if user.is_instructor:
        raise ClassError(_l("Instructors cannot join a class; students join it with this code."))
    if is_member(classroom.id, user.id):
        return JoinResult(classroom, joined=False)
    db.session.add(ClassMember(class_id=classroom.id, user_id=user.id))
    try:
        db.session.commit()
    except IntegrityError:  # the same student's other request joined first
        db.session.rollback()
        return JoinResult(classroom, joined=False)
    return JoinResult(classroom, joined=True)


def leave_class(user_id: int, class_id: int) -> Classroom | None:
    """Take the student out of the class and commit; return the class left, None if they were not in it."""
    membership = db.session.get(ClassMember, (class_id, user_id))
    if membership is None:
        return None
    classroom = membership.classroom
    db.session.delete(membership)
    db.session.commit()
    return classroom


def remove_student(classroom: Classroom, user_id: int) -> User | None:
    """Take a student out of the instructor's class and commit; return the student, None if not in the class."""
    membership = db.session.get(ClassMember, (classroom.id, user_id))
    if membership is None:
        return None
    student = membership.user
    db.session.delete(membership)
    db.session.commit()
    return student


def student_classes(user_id: int) -> list[Classroom]:
    """Return the classes the student is in, by name, with their instructors and assigned decks loaded."""
    return list(
        db.session.scalars(
            sa.select(Classroom)
            .join(ClassMember, ClassMember.class_id == Classroom.id)
            .where(ClassMember.user_id == user_id)
            .options(
                so.joinedload(Classroom.instructor),
                so.selectinload(Classroom.assignments).joinedload(ClassDeck.deck).joinedload(Deck.article),
            )
            .order_by(sa.func.lower(Classroom.name), Classroom.id)
        )
    )
