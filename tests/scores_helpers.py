"""A small school for the score tests: two instructors, their classes and students, quizzes and reviews.

Everything a student does goes through the real services (quizapp.services.study.quiz and review) on the
seed bank, at fixed times, so the reports have real rows to show.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from quizapp.db import db
from quizapp.models import Card, ClassMember, Classroom, Deck, QuizSession, Role, User
from quizapp.services.bank.loading import ALL_DECK_SLUG
from quizapp.services.study import answering
from quizapp.services.study import quiz as quiz_service
from quizapp.services.study import review as review_service
from quizapp.services.users import check_username

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
BOM = "\ufeff"


def make_user(username: str, role: Role = Role.STUDENT) -> User:
    """Create and commit a user who cannot log in with a password (hashing one takes a tenth of a second)."""
    user = User(username=check_username(username), role=role, password_hash="!")
    db.session.add(user)
    db.session.commit()
    return user


def make_class(name: str, instructor: User, *students: User) -> Classroom:
    """Create and commit a class of the instructor with these students."""
    classroom = Classroom(name=name, instructor_id=instructor.id, join_code=f"code-{name}-{instructor.id}"[:16])
    classroom.memberships = [ClassMember(user_id=student.id) for student in students]
    db.session.add(classroom)
    db.session.commit()
    return classroom


def find_deck(slug: str = ALL_DECK_SLUG) -> Deck:
    """Return the deck with this slug."""
    deck = db.session.scalar(sa.select(Deck).where(Deck.slug == slug))
    assert deck is not None
    return deck


def article_deck() -> Deck:
    """Return the smallest deck made of one article."""
    decks = db.session.scalars(sa.select(Deck).where(Deck.article_id.is_not(None))).all()
    return min(decks, key=lambda d: (len(d.cards), d.slug))


def right_position(card: Card) -> int:
    assert card.answer_index is not None
    return card.answer_index


def wrong_position(card: Card) -> int:
    return next(choice.position for choice in card.choices if not choice.is_correct)


def take_quiz(
    user: User, deck: Deck, at: datetime, right: Sequence[bool], *, seconds: int = 10, finish: bool = True,
    seed: int = 0,
) -> QuizSession:
    """Start a quiz of len(right) questions at `at` and answer each `seconds` after it was shown, right or not.

    With finish False the last question is left unanswered.
    """
    quiz = quiz_service.start_quiz(user.id, deck.id, len(right), random.Random(seed), now=at)
    shown = at
    for item, is_right in list(zip(quiz.items, right, strict=True))[: None if finish else -1]:
        card = item.card
        position = right_position(card) if is_right else wrong_position(card)
        quiz_service.answer(quiz, card.id, position, shown + timedelta(seconds=seconds), shown_at=shown)
        shown += timedelta(seconds=seconds)
    return quiz


def review_next(user: User, at: datetime, *, right: bool = True, seconds: float = 3) -> Card:
    """Review the next card due (or new) at `at`, answering after `seconds`; return the card."""
    item = review_service.next_card(user, None, at)
    assert item is not None, "expected a card to review"
    card = item.card
    token = review_service.present(user.id, item, review_service.Mode.CHOICE, at)
    position = right_position(card) if right else wrong_position(card)
    result = answering.answer_card(user, card.id, position, token, at + timedelta(seconds=seconds))
    assert result.applied
    return card


def read_csv(text: str) -> list[list[str]]:
    """Parse a CSV file written by quizapp.services.spreadsheet (its byte-order mark included)."""
    assert text.startswith(BOM), "the file does not start with a byte-order mark"
    return list(csv.reader(io.StringIO(text[len(BOM):], newline="")))


@dataclass
class School:
    """Who is who in the score tests (ids, so that they outlive the session that made them)."""

    ines: int  # instructor of 7A and 7B
    omar: int  # instructor of 8X
    siti: int  # in 7A and 7B
    budi: int  # in 7A
    eko: int  # in 8X only
    dewi: int  # in no class
    class_a: int
    class_b: int
    class_x: int


def build_school() -> School:
    """Create the school: the users, the classes and what each student did (inside an app context)."""
    ines = make_user("ines", Role.INSTRUCTOR)
    omar = make_user("omar", Role.INSTRUCTOR)
    siti, budi, eko, dewi = (make_user(name) for name in ("siti", "budi", "eko", "dewi"))
    class_a = make_class("7A", ines, siti, budi)
    class_b = make_class("7B", ines, siti)
    class_x = make_class("8X", omar, eko)
    everything, small = find_deck(), article_deck()
    take_quiz(siti, everything, T0, [True, True, False, True])  # 3 of 4, on March 2
    take_quiz(siti, small, T0 + timedelta(days=2), [True, True, True])  # 3 of 3, on March 4
    take_quiz(budi, everything, T0 + timedelta(days=1), [False, True], seed=1)  # 1 of 2, on March 3
    take_quiz(budi, small, T0 + timedelta(days=3), [True, True, True], finish=False, seed=2)  # unfinished
    take_quiz(eko, everything, T0, [True, True, True], seed=3)
    take_quiz(dewi, everything, T0, [True], seed=4)
    review_next(siti, T0 + timedelta(days=5))
    return School(ines.id, omar.id, siti.id, budi.id, eko.id, dewi.id, class_a.id, class_b.id, class_x.id)
