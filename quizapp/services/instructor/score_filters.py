"""What a score report covers, and the pieces the reports share.

The scope (whose students) and the filter (class, deck, UTC days) with their checks; the names rows show, read
once; the days as SQL conditions; rows streamed in batches; times written as UTC text by the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from quizapp.db import db
from quizapp.models import ClassMember, Classroom, Deck, Role, User
from quizapp.services.instructor.classes import instructor_classes as instructor_classes
from quizapp.services.stats.sql import midnight
from quizapp.services.study.decks import deck_name, list_decks

#: How a day is written in a filter: what an <input type="date"> sends and what `--from` takes.
DAY_FORMAT = "%Y-%m-%d"
#: How the reports write a time (UTC): what utc_text gives.
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
#: Rows fetched from the database at a time.
BATCH = 1000
#: How the class cell joins the classes of a student who is in several.
CLASS_SEPARATOR = "; "

Row = tuple[Any, ...]


def utc_datetime_text(moment: datetime | None) -> str | None:
    """Write an aware datetime as utc_text does, for the values read as datetimes."""
    return moment.astimezone(UTC).strftime(DATETIME_FORMAT) if moment is not None else None


# --- scope and filters -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Whose students a report covers: one instructor's classes, or (instructor_id None) every student."""

    instructor_id: int | None

    @classmethod
    def of(cls, instructor_id: int) -> Scope:
        """Cover the students of the instructor's own classes."""
        return cls(instructor_id)

    @classmethod
    def everyone(cls) -> Scope:
        """Cover every student; only the command line, run by the operator, asks for this."""
        return cls(None)


@dataclass(frozen=True)
class ScoreFilter:
    """Which rows a report keeps: one class, one deck, a range of UTC days (both ends included); None is any."""

    class_id: int | None = None
    deck_id: int | None = None
    start: date | None = None
    end: date | None = None


class ScoresError(LookupError):
    """A filter that cannot be applied; views and commands word each kind for their reader."""


class UnknownClassError(ScoresError):
    """No class has this id."""


class ForeignClassError(ScoresError):
    """The class belongs to another instructor."""


class UnknownDeckError(ScoresError):
    """No deck has this id."""


class DateRangeError(ScoresError):
    """The first day of the range is after the last."""


def parse_day(text: str) -> date:
    """Return the day written as YYYY-MM-DD; raise ValueError for anything else, such as 2026-13-01."""
    return datetime.strptime(text.strip(), DAY_FORMAT).date()


def check_filter(scope: Scope, filters: ScoreFilter) -> None:
    """Raise a ScoresError if the filter names a class or deck that does not exist or is out of scope."""
    if filters.class_id is not None:
        classroom = db.session.get(Classroom, filters.class_id)
        if classroom is None:
            raise UnknownClassError(f"no class has the id {filters.class_id}")
        if scope.instructor_id is not None and classroom.instructor_id != scope.instructor_id:
            raise ForeignClassError(f"class {filters.class_id} is another instructor's")
    if filters.deck_id is not None and db.session.get(Deck, filters.deck_id) is None:
        raise UnknownDeckError(f"no deck has the id {filters.deck_id}")
    if filters.start is not None and filters.end is not None and filters.start > filters.end:
        raise DateRangeError(f"the range starts on {filters.start} after it ends on {filters.end}")


def memberships(scope: Scope, filters: ScoreFilter) -> sa.Select[tuple[int, str]]:
    """Select (student id, class name) for every class membership in scope."""
    select = sa.select(ClassMember.user_id, Classroom.name).join(Classroom, Classroom.id == ClassMember.class_id)
    if scope.instructor_id is not None:
        select = select.where(Classroom.instructor_id == scope.instructor_id)
    if filters.class_id is not None:
        select = select.where(ClassMember.class_id == filters.class_id)
    return select


def student_ids(scope: Scope, filters: ScoreFilter) -> sa.Select[tuple[int]]:
    """Select the ids of the students in scope, narrowed to the filter's class."""
    if scope.instructor_id is None and filters.class_id is None:
        return sa.select(User.id).where(User.role == Role.STUDENT)
    return memberships(scope, filters).with_only_columns(ClassMember.user_id)


@dataclass(frozen=True)
class Names:
    """What rows show by id, read once before them: students' names and classes, decks' titles."""

    students: dict[int, str]
    classes: dict[int, str]
    decks: dict[int, str]


def read_names(scope: Scope, filters: ScoreFilter) -> Names:
    """Read the names of the students in scope, their classes (joined) and every deck's title."""
    students = {
        user_id: username
        for user_id, username in db.session.execute(
            sa.select(User.id, User.username).where(User.id.in_(student_ids(scope, filters)))
        )
    }
    classes: dict[int, list[str]] = {}
    for user_id, name in db.session.execute(memberships(scope, filters)):
        classes.setdefault(user_id, []).append(name)
    joined = {user_id: CLASS_SEPARATOR.join(sorted(names, key=str.casefold)) for user_id, names in classes.items()}
    return Names(students, joined, {deck.id: deck_name(deck) for deck in list_decks()})


def in_days(column: sa.ColumnElement[datetime], filters: ScoreFilter) -> list[sa.ColumnElement[bool]]:
    """Return the conditions keeping column within the filter's UTC days."""
    conditions = []
    if filters.start is not None:
        conditions.append(column >= midnight(filters.start))
    if filters.end is not None:
        conditions.append(column < midnight(filters.end + timedelta(days=1)))
    return conditions


def stream_rows(select: sa.Select[Any]) -> Iterator[sa.Row[Any]]:
    """Yield the rows of select, fetched BATCH at a time; the cursor is closed when the caller stops early."""
    with db.session.connection().execute(select.execution_options(yield_per=BATCH)) as result:
        for batch in result.partitions():
            yield from batch


def percent(score: int | None, total: int | None) -> float | None:
    """Return 100 × score / total with one decimal; None when there is no score or no question."""
    return round(100 * score / total, 1) if score is not None and total else None
