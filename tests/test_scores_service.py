"""The score reports: who is in scope, the filters, the text a student saw, the students' numbers, streaming."""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import fsrs
import pytest
import sqlalchemy as sa
from flask import Flask
from scores_helpers import (
    T0,
    School,
    article_deck,
    build_school,
    find_deck,
    make_user,
    review_next,
    right_position,
    take_quiz,
)
from sqlalchemy.dialects import postgresql

from quizapp.db import db
from quizapp.models import Answer, Card, CardRevision, Role, User
from quizapp.services import stats
from quizapp.services.instructor import scores
from quizapp.services.instructor.scores import Scope, ScoreFilter
from quizapp.services.study import quiz as quiz_service
from quizapp.services.study import review as review_service

NOW = T0 + timedelta(days=10)
ATTEMPT_STUDENT, ATTEMPT_CLASS, ATTEMPT_DECK, ATTEMPT_ID = 0, 1, 2, 3


@pytest.fixture
def school(bank_app: Flask) -> Iterator[School]:
    with bank_app.app_context():
        yield build_school()


def attempts(scope: Scope, **filters: object) -> list[tuple]:
    return list(scores.attempt_rows(scope, ScoreFilter(**filters)))  # type: ignore[arg-type]


def answers(scope: Scope, **filters: object) -> list[tuple]:
    return list(scores.answer_rows(scope, ScoreFilter(**filters)))  # type: ignore[arg-type]


def students(scope: Scope, **filters: object) -> dict[str, tuple]:
    return {row[0]: row for row in scores.student_rows(scope, ScoreFilter(**filters), NOW)}  # type: ignore[arg-type]


# --- scope -------------------------------------------------------------------------------------------------


def test_an_instructor_sees_only_the_students_of_their_own_classes(school: School) -> None:
    ines = Scope.of(school.ines)
    assert {row[ATTEMPT_STUDENT] for row in attempts(ines)} == {"siti", "budi"}
    assert {row[0] for row in answers(ines)} == {"siti", "budi"}
    assert set(students(ines)) == {"siti", "budi"}
    assert {row[ATTEMPT_STUDENT] for row in attempts(Scope.of(school.omar))} == {"eko"}


def test_everyone_is_every_student_with_or_without_a_class_but_no_instructor(school: School) -> None:
    take_quiz(db.session.get(User, school.ines), find_deck(), T0, [True])
    assert {row[ATTEMPT_STUDENT] for row in attempts(Scope.everyone())} == {"siti", "budi", "eko", "dewi"}
    assert set(students(Scope.everyone())) == {"siti", "budi", "eko", "dewi"}
    assert students(Scope.everyone())["dewi"][1] == ""  # in no class


def test_another_instructors_class_is_refused_before_any_row_is_read(school: School) -> None:
    with pytest.raises(scores.ForeignClassError):
        scores.attempt_rows(Scope.of(school.ines), ScoreFilter(class_id=school.class_x))
    with pytest.raises(scores.ForeignClassError):
        scores.student_summaries(school.ines, school.class_x, NOW)
    # the operator's command line may name any class
    assert {row[0] for row in attempts(Scope.everyone(), class_id=school.class_x)} == {"eko"}


@pytest.mark.parametrize(
    ("filters", "error"),
    [
        ({"class_id": 9999}, scores.UnknownClassError),
        ({"deck_id": 9999}, scores.UnknownDeckError),
        ({"start": date(2026, 3, 5), "end": date(2026, 3, 4)}, scores.DateRangeError),
    ],
)
def test_bad_filters_are_refused_at_once(school: School, filters: dict, error: type[Exception]) -> None:
    for report in scores.REPORTS.values():
        with pytest.raises(error):
            report.rows(Scope.of(school.ines), ScoreFilter(**filters), NOW)


def test_a_student_in_two_classes_has_one_row_per_attempt_naming_both_classes(school: School) -> None:
    rows = [row for row in attempts(Scope.of(school.ines)) if row[ATTEMPT_STUDENT] == "siti"]
    assert len(rows) == 2 and {row[ATTEMPT_CLASS] for row in rows} == {"7A; 7B"}
    assert students(Scope.of(school.ines))["siti"][1] == "7A; 7B"


def test_a_class_filter_keeps_its_students_and_names_only_that_class(school: School) -> None:
    in_b = attempts(Scope.of(school.ines), class_id=school.class_b)
    assert {(row[ATTEMPT_STUDENT], row[ATTEMPT_CLASS]) for row in in_b} == {("siti", "7B")}
    in_a = attempts(Scope.of(school.ines), class_id=school.class_a)
    assert {(row[ATTEMPT_STUDENT], row[ATTEMPT_CLASS]) for row in in_a} == {("siti", "7A"), ("budi", "7A")}
    assert [summary.username for summary in scores.student_summaries(school.ines, school.class_b, NOW)] == ["siti"]


# --- attempts ----------------------------------------------------------------------------------------------


def test_attempts_have_times_scores_and_percentages(school: School) -> None:
    rows = attempts(Scope.of(school.ines))
    assert [row[ATTEMPT_STUDENT] for row in rows] == ["siti", "budi", "siti", "budi"]  # by start
    first = rows[0]
    assert first[ATTEMPT_DECK] == "All articles"
    assert first[4:] == ("2026-03-02 08:00:00", "2026-03-02 08:00:40", 40, 3, 4, 75.0)
    unfinished = rows[3]
    assert unfinished[5:] == (None, None, None, 3, None)


def test_the_deck_filter_keeps_the_quizzes_on_that_deck(school: School) -> None:
    small = article_deck()
    rows = attempts(Scope.of(school.ines), deck_id=small.id)
    assert [(row[ATTEMPT_STUDENT], row[8]) for row in rows] == [("siti", 3), ("budi", 3)]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 3, 3), date(2026, 3, 3), ["budi"]),
        (date(2026, 3, 3), None, ["budi", "siti", "budi"]),
        (None, date(2026, 3, 2), ["siti"]),
        (date(2026, 3, 6), None, []),
    ],
)
def test_the_days_are_utc_days_with_both_ends_included(
    school: School, start: date | None, end: date | None, expected: list[str]
) -> None:
    rows = attempts(Scope.of(school.ines), start=start, end=end)
    assert [row[ATTEMPT_STUDENT] for row in rows] == expected


def test_the_last_second_of_the_last_day_is_in_and_the_next_midnight_is_out(school: School) -> None:
    budi, deck = db.session.get(User, school.budi), find_deck()
    take_quiz(budi, deck, datetime(2026, 4, 1, 23, 59, 59, tzinfo=UTC), [True], seed=7)
    take_quiz(budi, deck, datetime(2026, 4, 2, 0, 0, tzinfo=UTC), [True], seed=8)
    rows = attempts(Scope.of(school.ines), start=date(2026, 4, 1), end=date(2026, 4, 1))
    assert [row[4] for row in rows] == ["2026-04-01 23:59:59"]


# --- answers -----------------------------------------------------------------------------------------------


def test_answers_name_the_attempt_and_deck_or_nothing_for_a_review(school: School) -> None:
    rows = answers(Scope.of(school.ines))
    siti_quiz = [row for row in rows if row[0] == "siti" and row[2] is not None]
    assert len(siti_quiz) == 7
    first = siti_quiz[0]
    assert first[1] == "7A; 7B" and first[3] == "All articles"
    assert first[6] is True and first[7] == 10.0 and first[8] == "2026-03-02 08:00:10"
    (review,) = [row for row in rows if row[2] is None]
    assert review[0] == "siti" and review[3] == "" and review[7] == 3.0


def test_answers_show_the_question_and_option_as_the_student_saw_them(school: School) -> None:
    answer = db.session.scalars(sa.select(Answer).where(Answer.user_id == school.siti).order_by(Answer.id)).first()
    card = db.session.get(Card, answer.card_id)
    seen_question, seen_option = card.question, card.choices[answer.chosen_position].text
    # An instructor edits the card: the text answered is kept as version 1, the card becomes version 2.
    db.session.add(CardRevision(
        card_id=card.id, version=1, question=seen_question, options_json=json.dumps(card.options),
        answer_index=card.answer_index,
    ))
    card.version = 2
    card.question = "=HYPERLINK(\"http://evil.example\") edited"
    for choice in card.choices:
        choice.text = f"edited {choice.position}"
    later = Answer(
        user_id=school.siti, card_id=card.id, chosen_position=answer.chosen_position, correct=answer.correct,
        time_taken_ms=2500, card_version=2, answered_at=T0 + timedelta(days=8),
    )
    db.session.add(later)
    db.session.commit()

    rows = [row for row in answers(Scope.of(school.ines)) if row[0] == "siti"]
    assert (rows[0][4], rows[0][5]) == (seen_question, seen_option)  # stored before versions: version 1
    assert (rows[-1][4], rows[-1][5]) == (card.question, f"edited {answer.chosen_position}")
    assert rows[-1][7] == 2.5


def test_the_deck_filter_keeps_the_answers_to_the_decks_questions(school: School) -> None:
    small = article_deck()
    rows = answers(Scope.of(school.ines), deck_id=small.id)
    assert {row[4] for row in rows} <= {card.question for card in small.cards}
    expected = db.session.scalar(
        sa.select(sa.func.count()).select_from(Answer).where(
            Answer.user_id.in_([school.siti, school.budi]), Answer.card_id.in_([card.id for card in small.cards])
        )
    )
    assert len(rows) == expected > 0
    decks = {row[3] for row in rows if row[2] is not None}
    assert small.title in decks and decks <= {"All articles", small.title}  # its own quizzes, and the bank's


# --- students ----------------------------------------------------------------------------------------------


def test_student_numbers(school: School) -> None:
    rows = students(Scope.of(school.ines))
    assert list(rows) == ["budi", "siti"]  # by name
    siti = rows["siti"]
    assert siti[2:7] == (2, 100.0, 87.5, 100.0, "2026-03-04 08:00:30")
    assert rows["budi"][2:7] == (1, 50.0, 50.0, 50.0, "2026-03-03 08:00:20")  # unfinished left out
    assert siti[8] == 8  # one review, and the seven quiz answers that introduced their cards to her schedule


def test_learned_and_retention_are_the_progress_pages(school: School) -> None:
    siti = db.session.get(User, school.siti)
    day = T0 + timedelta(days=6)
    for _ in range(4):  # new cards answered fast and right: Easy, straight into the Review state
        review_next(siti, day)
        day += timedelta(minutes=1)
    later, cleared = T0 + timedelta(days=40), 0
    # the cards the quizzes left in learning come first; answered, they are no part of true retention
    while (item := review_service.next_card(siti, None, later)) is not None and item.state is not None \
            and item.state.state != int(fsrs.State.Review):
        review_next(siti, later)
        later += timedelta(seconds=30)
        cleared += 1
    for at, right in ((later, True), (later + timedelta(days=1), False)):
        review_next(siti, at, right=right)  # reviews of Review-state cards: what true retention measures
    now = later + timedelta(days=2)
    (summary,) = [s for s in scores.student_summaries(school.ines, None, now) if s.username == "siti"]
    retention = stats.true_retention(school.siti, now)
    assert summary.learned == stats.card_counts(school.siti).learned > 0
    assert (summary.retention_passed, summary.retention_total) == (retention.passed, retention.total) == (1, 2)
    assert summary.retention == 50.0
    assert summary.reviews == 14 + cleared  # the seven quiz answers of build_school feed the schedule too


def test_a_retry_of_the_missed_questions_is_practice_not_an_attempt(school: School) -> None:
    siti = db.session.get(User, school.siti)
    at = T0 + timedelta(days=7)
    quiz = take_quiz(siti, find_deck(), at, [False, False], seed=5)  # 0 of 2, finished at 08:00:20
    retry = quiz_service.start_retry(quiz, now=at + timedelta(minutes=5))
    for item in list(retry.items):
        quiz_service.answer(retry, item.card_id, right_position(item.card), at + timedelta(minutes=6))

    ids = [row[ATTEMPT_ID] for row in attempts(Scope.of(school.ines))]
    assert quiz.id in ids and retry.id not in ids
    # 75, 100 and 0 percent: the retry's 100 is neither the best attempt nor the last
    assert students(Scope.of(school.ines))["siti"][2:7] == (3, 100.0, 58.3, 0.0, "2026-03-09 08:00:20")
    assert [row[2] for row in answers(Scope.of(school.ines))].count(retry.id) == 2  # its answers are reported


def test_students_without_attempts_are_listed_with_zeros(school: School) -> None:
    newcomer = make_user("zaki")
    scores_class = scores.instructor_classes(school.ines)[0]
    from quizapp.models import ClassMember

    db.session.add(ClassMember(class_id=scores_class.id, user_id=newcomer.id))
    db.session.commit()
    row = students(Scope.of(school.ines))["zaki"]
    assert row[2:] == (0, None, None, None, None, 0, 0, None)


# --- streaming and SQL -------------------------------------------------------------------------------------


def test_reports_are_generators_reading_a_fixed_number_of_queries(school: School) -> None:
    statements: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    def queries(report: scores.Report) -> int:
        statements.clear()
        rows = report.rows(Scope.everyone(), ScoreFilter(), NOW)
        assert inspect.isgenerator(rows)
        list(rows)
        return len(statements)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        before = {name: queries(report) for name, report in scores.REPORTS.items()}
        for seed in range(5):  # more students, quizzes and answers: the same number of queries
            student = make_user(f"extra{seed}")
            take_quiz(student, find_deck(), T0, [True, False, True], seed=seed)
        after = {name: queries(report) for name, report in scores.REPORTS.items()}
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)
    assert before == after


@pytest.mark.parametrize("name", list(scores.REPORTS))
def test_the_queries_compile_for_postgresql(school: School, name: str) -> None:
    filters = ScoreFilter(class_id=school.class_a, deck_id=find_deck().id, start=date(2026, 3, 1), end=date(2026, 3, 9))
    query = {
        "attempts": scores.attempts_query, "answers": scores.answers_query,
        "students": lambda scope, f: scores.students_query(scope, f, NOW),
    }[name](Scope.of(school.ines), filters)
    sql = str(query.compile(dialect=postgresql.dialect()))
    assert "julianday" not in sql and "strftime" not in sql


def test_parse_day_refuses_impossible_dates() -> None:
    assert scores.parse_day(" 2026-02-28 ") == date(2026, 2, 28)
    for text in ("2026-13-01", "2026-02-30", "01/03/2026", "yesterday", ""):
        with pytest.raises(ValueError):
            scores.parse_day(text)


def test_only_students_count_as_everyone(school: School) -> None:
    roles = db.session.scalars(sa.select(User.role).where(User.username.in_(students(Scope.everyone()))))
    assert set(roles) == {Role.STUDENT}
