"""Scores for instructors: quiz attempts, answers and each student's progress, as rows for a table or a CSV file.

Three reports, each a generator of plain tuples (one per row, in the order of its ``header``):

attempts
    One row per quiz (QuizSession) started in the date range: student, class, deck, attempt, started, finished,
    time taken (seconds), score, total, percent. An unfinished quiz has no finish, time, score or percent. A
    retry of the questions missed in a quiz is practice, not an attempt: it is left out here, from the students
    report and from item analysis, while its answers are in the answers report.
answers
    One row per answer (Answer) given in the date range, quiz and review answers alike: student, class, attempt
    (the quiz's id; empty for a review answer), deck (the quiz's deck; empty for a review answer), question and
    chosen option as the student saw them (the CardRevision of the version answered when the card was edited
    since), correct (1 or 0), time taken (seconds), answered at. The deck filter keeps the answers to the
    deck's questions, in a quiz on any deck or in review, as the progress page's accuracy by deck counts them.
students
    One row per student in scope, with or without attempts: quizzes started in the range (on the deck) and
    finished, the best, average and last of their percentages and when the last was finished; cards learned
    (ReviewState in FSRS's Review state, as the progress page counts them, narrowed to the deck); reviews
    (ReviewLog rows in the range, on the deck's cards); true retention (as the progress page computes it, over
    the date range or, when none is given, the progress page's window of the last RETENTION_DAYS days).

Scope is explicit (:class:`Scope`): an instructor sees the students of their own classes (ClassMember of a
Classroom they run); ``Scope.everyone()`` is every student, for the command line only. A class filter naming
another instructor's class raises ForeignClassError, which a view turns into 404.

A student in two of the instructor's classes gets one row per attempt (or answer), not one per class: the class
cell names all the student's classes in scope, sorted and joined with "; ". A class filter narrows the cell to
that class. So a row is never counted twice, whatever the classes.

Dates in a filter are UTC calendar days, both ends included. Percentages are 100 × score / total with one
decimal: a spreadsheet averages them better than whole percentages. Rows are read with ``yield_per`` and handed
on one at a time, so memory stays flat however many there are; what every row needs from elsewhere (a
student's name and classes, a deck's title) is read once before the rows, never once per row. Times are
written as UTC text to the second ("2026-03-02 08:00:40"), which spreadsheets read as a date and time.

The scope, the filter and what the reports share live in :mod:`quizapp.services.instructor.score_filters`, the
students report in :mod:`quizapp.services.instructor.student_scores`; this module re-exports their public names,
so callers import everything about scores from here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from quizapp.models import Answer, Card, CardRevision, Choice, QuizItem, QuizSession, deck_cards
from quizapp.services.instructor.score_filters import (
    BATCH,
    CLASS_SEPARATOR,
    DATETIME_FORMAT,
    DAY_FORMAT,
    DateRangeError,
    ForeignClassError,
    Row,
    Scope,
    ScoreFilter,
    ScoresError,
    UnknownClassError,
    UnknownDeckError,
    check_filter,
    in_days,
    instructor_classes,
    parse_day,
    percent,
    read_names,
    stream_rows,
    student_ids,
)
from quizapp.services.instructor.student_scores import (
    StudentSummary,
    student_rows,
    student_summaries,
    students_query,
)
from quizapp.services.stats.sql import epoch_seconds, utc_text

__all__ = [
    "ANSWERS_HEADER", "ATTEMPTS_HEADER", "BATCH", "CLASS_SEPARATOR", "DATETIME_FORMAT", "DAY_FORMAT", "REPORTS",
    "STUDENTS_HEADER", "DateRangeError", "ForeignClassError", "Report", "Row", "Scope", "ScoreFilter", "ScoresError",
    "StudentSummary", "UnknownClassError", "UnknownDeckError", "answer_rows", "answers_query", "attempt_rows",
    "attempts_query", "check_filter", "instructor_classes", "parse_day", "student_rows", "student_summaries",
    "students_query",
]


# --- attempts ----------------------------------------------------------------------------------------------


def attempts_query(scope: Scope, filters: ScoreFilter) -> sa.Select[Any]:
    """Select each quiz in scope and range: its id, student, deck, start, finish, score and question count."""
    total = sa.select(sa.func.count()).where(QuizItem.session_id == QuizSession.id).scalar_subquery()
    seconds = epoch_seconds(QuizSession.finished_at) - epoch_seconds(QuizSession.started_at)
    select = sa.select(
        QuizSession.id, QuizSession.user_id, QuizSession.deck_id, utc_text(QuizSession.started_at),
        utc_text(QuizSession.finished_at), seconds, QuizSession.score, total,
    ).where(
        QuizSession.user_id.in_(student_ids(scope, filters)), QuizSession.retry_of_id.is_(None),
        *in_days(QuizSession.started_at, filters),
    )
    if filters.deck_id is not None:
        select = select.where(QuizSession.deck_id == filters.deck_id)
    return select.order_by(QuizSession.started_at, QuizSession.id)


def attempt_rows(scope: Scope, filters: ScoreFilter, now: datetime | None = None) -> Iterator[Row]:
    """Return the attempts report's rows (see ATTEMPTS_HEADER); raise ScoresError for a bad filter at once."""
    check_filter(scope, filters)
    return _attempt_rows(scope, filters)


def _attempt_rows(scope: Scope, filters: ScoreFilter) -> Iterator[Row]:
    names = read_names(scope, filters)
    query = attempts_query(scope, filters)
    for quiz_id, user_id, deck_id, started, finished, seconds, score, total in stream_rows(query):
        yield (
            names.students.get(user_id, ""), names.classes.get(user_id, ""), names.decks.get(deck_id, ""), quiz_id,
            started, finished, seconds, score, total, percent(score, total),
        )


# --- answers -----------------------------------------------------------------------------------------------


def answers_query(scope: Scope, filters: ScoreFilter) -> sa.Select[Any]:
    """Select each answer in scope and range with the question and chosen option's text as the student saw them.

    The revision columns are NULL unless the card was edited after the answer and its earlier text kept; an
    answer stored before cards had versions was given to version 1.
    """
    seen = sa.func.coalesce(Answer.card_version, 1)
    select = (
        sa.select(
            Answer.user_id, Answer.session_id, QuizSession.deck_id,
            sa.func.coalesce(CardRevision.question, Card.question), Choice.text, CardRevision.options_json,
            Answer.chosen_position, Answer.correct, Answer.time_taken_ms, utc_text(Answer.answered_at),
        )
        .select_from(Answer)
        .join(Card, Card.id == Answer.card_id)
        .outerjoin(QuizSession, QuizSession.id == Answer.session_id)
        .outerjoin(
            CardRevision,
            sa.and_(CardRevision.card_id == Answer.card_id, CardRevision.version == seen, seen != Card.version),
        )
        .outerjoin(Choice, sa.and_(Choice.card_id == Answer.card_id, Choice.position == Answer.chosen_position))
        .where(Answer.user_id.in_(student_ids(scope, filters)), *in_days(Answer.answered_at, filters))
    )
    if filters.deck_id is not None:
        # (deck_id, card_id) is deck_cards' primary key: the join keeps one row per answer
        select = select.join(
            deck_cards, sa.and_(deck_cards.c.card_id == Answer.card_id, deck_cards.c.deck_id == filters.deck_id)
        )
    return select.order_by(Answer.answered_at, Answer.id)


def answer_rows(scope: Scope, filters: ScoreFilter, now: datetime | None = None) -> Iterator[Row]:
    """Return the answers report's rows (see ANSWERS_HEADER); raise ScoresError for a bad filter at once."""
    check_filter(scope, filters)
    return _answer_rows(scope, filters)


def _answer_rows(scope: Scope, filters: ScoreFilter) -> Iterator[Row]:
    names = read_names(scope, filters)
    students, classes, decks = names.students, names.classes, names.decks
    for (user_id, quiz_id, deck_id, question, option, old_options, position, correct, ms,
         answered_at) in stream_rows(answers_query(scope, filters)):
        if old_options is not None:
            option = _option_seen(old_options, position)
        yield (
            students.get(user_id, ""), classes.get(user_id, ""), quiz_id, decks.get(deck_id, ""), question, option,
            correct, ms / 1000 if ms is not None else None, answered_at,
        )


def _option_seen(options_json: str, position: int) -> str | None:
    """Return the option at position of a revision's options (a JSON list), or None if it has no such option."""
    options = json.loads(options_json)
    return options[position] if 0 <= position < len(options) else None


# --- the reports -------------------------------------------------------------------------------------------


ATTEMPTS_HEADER = (
    _l("Student"), _l("Class"), _l("Deck"), _l("Attempt"), _l("Started (UTC)"), _l("Finished (UTC)"),
    _l("Time taken (s)"), _l("Score"), _l("Questions"), _l("Percent"),
)
ANSWERS_HEADER = (
    _l("Student"), _l("Class"), _l("Attempt"), _l("Deck"), _l("Question"), _l("Chosen option"), _l("Correct"),
    _l("Time taken (s)"), _l("Answered (UTC)"),
)
STUDENTS_HEADER = (
    _l("Student"), _l("Class"), _l("Attempts"), _l("Best %"), _l("Average %"), _l("Last %"),
    _l("Last attempt (UTC)"), _l("Cards learned"), _l("Reviews"), _l("Retention %"),
)


@dataclass(frozen=True)
class Report:
    """One of the score reports: its name (in URLs and file names), title, header and rows."""

    name: str
    title: Any  # a lazy string, translated when shown
    header: Sequence[Any]
    rows: Callable[[Scope, ScoreFilter, datetime | None], Iterator[Row]]


REPORTS = {
    report.name: report
    for report in (
        Report("attempts", _l("Quiz attempts"), ATTEMPTS_HEADER, attempt_rows),
        Report("answers", _l("Answers"), ANSWERS_HEADER, answer_rows),
        Report("students", _l("Students"), STUDENTS_HEADER, student_rows),
    )
}
