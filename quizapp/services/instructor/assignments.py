"""Decks assigned to a class: due dates, each student's assignments across their classes, and progress.

Due dates
    A due date is a day; the deck is due by the end of it, 23:59:59.999999 UTC (the app's day runs from
    00:00 UTC, as the daily review limits do), and stored as that aware UTC datetime.

Progress
    "Learned" is what :class:`quizapp.services.study.deck_counts.DeckCounts` calls learned: an active card of the deck
    whose review state is in FSRS's Review state; a deck's size is its active cards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

import fsrs
import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from quizapp.db import db
from quizapp.models import Article, Card, CardStatus, ClassDeck, ClassMember, Classroom, Deck, ReviewState, deck_cards
from quizapp.services.instructor.classes import ClassError
from quizapp.services.study.deck_counts import DeckCounts, deck_counts

#: How far ahead a due date may be; a date further off is most likely a typo in the year.
MAX_DUE_YEARS = 5


def due_at_end_of(day: date) -> datetime:
    """Return the last instant of day in UTC: when a deck due that day is due."""
    return datetime.combine(day, time.max, tzinfo=UTC)


def check_due_date(day: date, today: date) -> date:
    """Return day if it can be a due date (today or later, within MAX_DUE_YEARS), else raise ClassError."""
    if day < today:
        raise ClassError(_l("The day %(day)s has passed; choose today or a later day.", day=day.isoformat()))
    if day.year > today.year + MAX_DUE_YEARS:
        raise ClassError(_l("Choose a due date within %(num)d years.", num=MAX_DUE_YEARS))
    return day


def assign_deck(classroom: Classroom, deck_id: int, due: date | None) -> ClassDeck:
    """Assign the deck to the class, due by the end of the day due (None: no due date), and commit."""
    if db.session.get(Deck, deck_id) is None:
        raise ClassError(_l("Choose one of the decks in the list."))
    if db.session.get(ClassDeck, (classroom.id, deck_id)) is not None:
        raise ClassError(_l("This deck is already assigned to the class; change its due date in the list below."))
    assignment = ClassDeck(class_id=classroom.id, deck_id=deck_id, due_at=due_at_end_of(due) if due else None)
    db.session.add(assignment)
    try:
        db.session.commit()
    except IntegrityError as exc:  # assigned by another request a moment ago
        db.session.rollback()
        raise ClassError(_l("This deck is already assigned to the class.")) from exc
    return assignment


def set_due_date(classroom: Classroom, deck_id: int, due: date | None) -> ClassDeck | None:
    """Change (or with None, clear) an assigned deck's due date and commit; None if the deck is not assigned."""
    assignment = db.session.get(ClassDeck, (classroom.id, deck_id))
    if assignment is None:
        return None
    assignment.due_at = due_at_end_of(due) if due else None
    db.session.commit()
    return assignment


def unassign_deck(classroom: Classroom, deck_id: int) -> bool:
    """Take the deck off the class and commit; False if it was not assigned. Students' reviews stay."""
    assignment = db.session.get(ClassDeck, (classroom.id, deck_id))
    if assignment is None:
        return False
    db.session.delete(assignment)
    db.session.commit()
    return True


@dataclass(frozen=True)
class Assignment:
    """A deck a class the student is in has assigned, with its due date (None: no due date)."""

    deck: Deck
    classroom: Classroom
    due_at: datetime | None

    def is_overdue(self, now: datetime) -> bool:
        """Tell whether the due date has passed at now."""
        return self.due_at is not None and self.due_at < now


#: A student's assigned decks with their classes and articles (an article's name, not its whole text); built once,
#: as the decks page runs it on every visit.
_STUDENT_ASSIGNMENTS = (
    sa.select(ClassDeck)
    .join(ClassMember, ClassMember.class_id == ClassDeck.class_id)
    .where(ClassMember.user_id == sa.bindparam("user_id"))
    .options(
        so.joinedload(ClassDeck.classroom).joinedload(Classroom.instructor),
        so.joinedload(ClassDeck.deck).joinedload(Deck.article).defer(Article.text),
    )
    .order_by(
        sa.case((ClassDeck.due_at.is_(None), 1), else_=0), ClassDeck.due_at, ClassDeck.assigned_at,
        ClassDeck.class_id, ClassDeck.deck_id,
    )
)


def student_assignments(user_id: int) -> list[Assignment]:
    """Return the decks assigned to the student by all their classes, the earliest due first, undated last."""
    rows = db.session.scalars(_STUDENT_ASSIGNMENTS, {"user_id": user_id})
    return [Assignment(row.deck, row.classroom, row.due_at) for row in rows]


@dataclass(frozen=True)
class AssignmentProgress:
    """An assignment with the student's counts for its deck."""

    assignment: Assignment
    counts: DeckCounts


def assignment_progress(user_id: int, now: datetime) -> list[AssignmentProgress]:
    """Return the student's assignments (as student_assignments orders them) with their deck counts."""
    assignments = student_assignments(user_id)
    counts = deck_counts(user_id, [a.deck.id for a in assignments], now)
    return [AssignmentProgress(a, counts[a.deck.id]) for a in assignments]


@dataclass(frozen=True)
class ClassDeckProgress:
    """How far a class's students are with one assigned deck."""

    students: int  # in the class
    finished: int  # students who learned every active card of the deck
    average: float  # the mean share of the deck's active cards learned, 0 to 1 (0 with no students or cards)
    cards: int  # active cards in the deck


def class_progress(classroom: Classroom) -> dict[int, ClassDeckProgress]:
    """Return, for each deck assigned to the class, how far its students are, in two queries."""
    deck_ids = [a.deck_id for a in classroom.assignments]
    students = len(classroom.memberships)
    if not deck_ids:
        return {}
    active = sa.and_(Card.id == deck_cards.c.card_id, Card.status == CardStatus.ACTIVE)
    sizes = dict(
        db.session.execute(
            sa.select(deck_cards.c.deck_id, sa.func.count(Card.id))
            .join(Card, active)
            .where(deck_cards.c.deck_id.in_(deck_ids))
            .group_by(deck_cards.c.deck_id)
        ).all()
    )
    learned: dict[int, list[int]] = {deck_id: [] for deck_id in deck_ids}
    rows = db.session.execute(
        sa.select(deck_cards.c.deck_id, sa.func.count(ReviewState.id))
        .select_from(ClassMember)
        .join(ReviewState, ReviewState.user_id == ClassMember.user_id)
        .join(Card, sa.and_(Card.id == ReviewState.card_id, Card.status == CardStatus.ACTIVE))
        .join(deck_cards, deck_cards.c.card_id == Card.id)
        .where(
            ClassMember.class_id == classroom.id,
            deck_cards.c.deck_id.in_(deck_ids),
            ReviewState.state == int(fsrs.State.Review),
        )
        .group_by(deck_cards.c.deck_id, ClassMember.user_id)
    )
    for deck_id, count in rows:
        learned[deck_id].append(count)
    progress = {}
    for deck_id in deck_ids:
        cards = sizes.get(deck_id, 0)
        shares = [count / cards for count in learned[deck_id]] if cards else []
        progress[deck_id] = ClassDeckProgress(
            students=students,
            finished=sum(count >= cards for count in learned[deck_id]) if cards else 0,
            average=sum(shares) / students if students and cards else 0.0,
            cards=cards,
        )
    return progress
