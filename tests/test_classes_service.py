"""The classes and assignments services: join codes, joining and leaving, assigned decks with due dates, progress."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask

from quizapp.db import db
from quizapp.models import (
    Answer,
    Card,
    CardOrigin,
    CardStatus,
    Choice,
    ClassDeck,
    ClassMember,
    Classroom,
    Deck,
    ReviewLog,
    ReviewState,
    Role,
    User,
)
from quizapp.services.instructor import assignments as assigning
from quizapp.services.instructor import classes as service
from quizapp.services.instructor.classes import ClassError
from quizapp.services.study import answering, review

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
CODE = re.compile(r"[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}")


def make_user(username: str, role: Role = Role.STUDENT) -> User:
    user = User(username=username, role=role)
    user.set_password("correct horse")
    db.session.add(user)
    db.session.commit()
    return user


def make_deck(slug: str, size: int, *, status: CardStatus = CardStatus.ACTIVE) -> Deck:
    """Make a deck of size four-option cards; option 0 is right on every card."""
    deck = Deck(slug=slug, title=slug.title())
    for number in range(size):
        card = Card(
            id=f"{slug}-{number}", kind="member", language="id", question=f"Pertanyaan {slug} {number}?",
            origin=CardOrigin.AUTHORED, status=status, created_at=NOW - timedelta(days=30, seconds=-number),
        )
        card.choices = [Choice(position=i, text=f"Opsi {i}", is_correct=i == 0) for i in range(4)]
        deck.cards.append(card)
    db.session.add(deck)
    db.session.commit()
    return deck


def learn(user: User, deck: Deck, how_many: int) -> None:
    """Take how_many of the deck's new cards to review: each answered right, then right again after its 10-minute
    learning step (Good, Good); one quick right answer is no longer Easy, since it may be a guess (issue 12)."""
    for _ in range(how_many):
        at = NOW
        for is_new in (True, False):
            item = review.next_card(user, deck.id, at)
            assert item is not None and item.is_new is is_new
            token = review.present(user.id, item, review.Mode.CHOICE, at)
            assert answering.answer_card(user, item.card.id, 0, token, at + timedelta(seconds=2), deck.id).applied
            at += timedelta(minutes=10, seconds=2)


@pytest.fixture
def teacher(app: Flask) -> User:
    return make_user("teacher", Role.INSTRUCTOR)


@pytest.fixture
def other_teacher(app: Flask) -> User:
    return make_user("other", Role.INSTRUCTOR)


@pytest.fixture
def student(app: Flask) -> User:
    return make_user("siti")


@pytest.fixture
def classroom(teacher: User) -> Classroom:
    return service.create_class(teacher, "  History   10B ")


# --- codes and names ----------------------------------------------------------------------------------


def test_a_new_class_gets_a_code_of_eight_unambiguous_characters(classroom: Classroom) -> None:
    assert classroom.name == "History 10B"
    assert CODE.fullmatch(classroom.join_code)


def test_codes_are_random_and_unique(teacher: User) -> None:
    codes = {service.create_class(teacher, f"Class {n}").join_code for n in range(30)}
    assert len(codes) == 30
    assert all(CODE.fullmatch(code) for code in codes)
    drawn = "".join(service.new_join_code() for _ in range(500))
    # every character of the alphabet turns up, none outside it
    assert set(drawn) == set(service.CODE_ALPHABET)


def test_a_code_that_is_taken_is_drawn_again(teacher: User, classroom: Classroom) -> None:
    codes: Iterator[str] = iter([classroom.join_code, classroom.join_code, "NEWCODE2"])
    second = service.create_class(teacher, "Second", make_code=lambda: next(codes))
    assert second.join_code == "NEWCODE2"
    db.session.rollback()  # what was not committed is gone
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Classroom)) == 2


def test_a_code_is_given_up_after_many_clashes(teacher: User, classroom: Classroom) -> None:
    with pytest.raises(RuntimeError, match="no free join code"):
        service.create_class(teacher, "Second", make_code=lambda: classroom.join_code)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the class a name."),
        ("   ", "Give the class a name."),
        ("x" * 121, "The name has 121 characters; a class name has at most 120."),
    ],
)
def test_a_bad_name_is_refused(teacher: User, name: str, message: str) -> None:
    with pytest.raises(ClassError) as caught:
        service.create_class(teacher, name)
    assert str(caught.value) == message
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Classroom)) == 0


def test_a_class_is_renamed(classroom: Classroom) -> None:
    service.rename_class(classroom, " Geography ")
    db.session.rollback()  # what was not committed is gone
    assert db.session.get(Classroom, classroom.id).name == "Geography"


def test_a_new_code_replaces_the_old_one(classroom: Classroom, student: User) -> None:
    old = classroom.join_code
    new = service.replace_code(classroom)
    assert new != old and CODE.fullmatch(new)
    with pytest.raises(ClassError, match="No class has the code"):
        service.join_class(student, old)
    assert service.join_class(student, new).joined


# --- joining and leaving ------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["{code}", "{lower}", " {first}-{second} ", "{first} {second}", "{first}–{second}"])
def test_a_code_is_typed_in_any_case_with_spaces_or_dashes(
    classroom: Classroom, student: User, typed: str
) -> None:
    code = classroom.join_code
    text = typed.format(code=code, lower=code.lower(), first=code[:4].lower(), second=code[4:])
    result = service.join_class(student, text)
    assert result.joined and result.classroom.id == classroom.id
    db.session.rollback()  # what was not committed is gone
    assert db.session.get(ClassMember, (classroom.id, student.id)) is not None


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "Enter the class code your instructor gave you."),
        (" - ", "Enter the class code your instructor gave you."),
        ("ABC", "A class code has 8 letters and digits; this one has 3."),
        ("X" * 5000, "A class code has 8 letters and digits; this one has 5000."),
        ("zzzz-zzzz", "No class has the code ZZZZ-ZZZZ. Check it with your instructor: they may have replaced it "
                      "with a new one."),
    ],
)
def test_a_code_no_class_has_is_refused_with_a_clear_message(
    classroom: Classroom, student: User, code: str, message: str
) -> None:
    with pytest.raises(ClassError) as caught:
        service.join_class(student, code)
    assert str(caught.value) == message
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ClassMember)) == 0


def test_joining_twice_is_harmless(classroom: Classroom, student: User) -> None:
    assert service.join_class(student, classroom.join_code).joined
    assert not service.join_class(student, classroom.join_code).joined
    db.session.rollback()  # what was not committed is gone
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ClassMember)) == 1


def test_an_instructor_cannot_join_a_class(classroom: Classroom, teacher: User, other_teacher: User) -> None:
    for instructor in (teacher, other_teacher):
        with pytest.raises(ClassError, match="Instructors cannot join a class"):
            service.join_class(instructor, classroom.join_code)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ClassMember)) == 0


def test_a_student_may_be_in_several_classes_and_leave_one(teacher: User, student: User) -> None:
    first = service.create_class(teacher, "B first")
    second = service.create_class(teacher, "A second")
    service.join_class(student, first.join_code)
    service.join_class(student, second.join_code)
    assert [c.name for c in service.student_classes(student.id)] == ["A second", "B first"]

    assert service.leave_class(student.id, first.id).id == first.id
    assert service.leave_class(student.id, first.id) is None
    db.session.rollback()  # what was not committed is gone
    assert [c.name for c in service.student_classes(student.id)] == ["A second"]


def test_an_instructor_removes_a_student(classroom: Classroom, student: User) -> None:
    service.join_class(student, classroom.join_code)
    assert service.remove_student(classroom, student.id).id == student.id
    assert service.remove_student(classroom, student.id) is None
    db.session.rollback()  # what was not committed is gone
    assert service.student_classes(student.id) == []


# --- an instructor's classes --------------------------------------------------------------------------


def test_an_instructor_lists_only_their_classes_with_counts_in_one_query(
    app: Flask, teacher: User, other_teacher: User, student: User
) -> None:
    deck = make_deck("alpha", 2)
    big = service.create_class(teacher, "big")
    service.create_class(teacher, "Empty")
    service.create_class(other_teacher, "Theirs")
    service.join_class(student, big.join_code)
    service.join_class(make_user("budi"), big.join_code)
    assigning.assign_deck(big, deck.id, None)

    teacher_id = teacher.id
    statements: list[str] = []
    sa.event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    summaries = service.list_classes(teacher_id)
    assert len(statements) == 1
    assert [(s.classroom.name, s.students, s.decks) for s in summaries] == [("big", 2, 1), ("Empty", 0, 0)]


def test_another_instructors_class_is_not_found(classroom: Classroom, teacher: User, other_teacher: User) -> None:
    assert service.find_class(teacher.id, classroom.id).id == classroom.id
    assert service.find_class(other_teacher.id, classroom.id) is None
    assert service.find_class(teacher.id, classroom.id + 100) is None


def test_deleting_a_class_keeps_what_students_answered(classroom: Classroom, student: User) -> None:
    deck = make_deck("alpha", 3)
    service.join_class(student, classroom.join_code)
    assigning.assign_deck(classroom, deck.id, date(2026, 12, 1))
    learn(student, deck, 2)

    service.delete_class(classroom)
    db.session.rollback()  # what was not committed is gone
    count = lambda model: db.session.scalar(sa.select(sa.func.count()).select_from(model))  # noqa: E731
    assert (count(Classroom), count(ClassMember), count(ClassDeck)) == (0, 0, 0)
    assert (count(Answer), count(ReviewState), count(ReviewLog)) == (4, 2, 4)  # two cards, each answered twice
    assert count(Deck) == 1 and count(User) == 2


# --- assigned decks -----------------------------------------------------------------------------------


def test_a_deck_is_assigned_without_a_due_date(classroom: Classroom) -> None:
    deck = make_deck("alpha", 1)
    assigning.assign_deck(classroom, deck.id, None)
    db.session.rollback()  # what was not committed is gone
    assert db.session.get(ClassDeck, (classroom.id, deck.id)).due_at is None


def test_a_due_date_is_the_end_of_that_day_in_utc(classroom: Classroom) -> None:
    deck = make_deck("alpha", 1)
    assigning.assign_deck(classroom, deck.id, date(2026, 12, 1))
    db.session.rollback()  # what was not committed is gone
    due = db.session.get(ClassDeck, (classroom.id, deck.id)).due_at
    assert due == datetime(2026, 12, 1, 23, 59, 59, 999999, tzinfo=UTC)
    assert due.tzinfo is not None


def test_a_deck_is_assigned_once(classroom: Classroom) -> None:
    deck = make_deck("alpha", 1)
    assigning.assign_deck(classroom, deck.id, None)
    with pytest.raises(ClassError, match="already assigned"):
        assigning.assign_deck(classroom, deck.id, date(2026, 12, 1))
    with pytest.raises(ClassError, match="Choose one of the decks"):
        assigning.assign_deck(classroom, deck.id + 100, None)


def test_the_due_date_is_changed_cleared_and_the_deck_unassigned(classroom: Classroom) -> None:
    deck = make_deck("alpha", 1)
    assigning.assign_deck(classroom, deck.id, None)
    assert assigning.set_due_date(classroom, deck.id, date(2027, 1, 31)).due_at.date() == date(2027, 1, 31)
    assert assigning.set_due_date(classroom, deck.id, None).due_at is None
    assert assigning.set_due_date(classroom, deck.id + 100, None) is None
    assert assigning.unassign_deck(classroom, deck.id)
    assert not assigning.unassign_deck(classroom, deck.id)
    db.session.rollback()  # what was not committed is gone
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ClassDeck)) == 0
    assert db.session.get(Deck, deck.id) is not None


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (date(2026, 11, 23), "The day 2026-11-23 has passed; choose today or a later day."),
        (date(2032, 1, 1), "Choose a due date within 5 years."),
    ],
)
def test_a_due_date_in_the_past_or_far_ahead_is_refused(day: date, message: str) -> None:
    with pytest.raises(ClassError) as caught:
        assigning.check_due_date(day, NOW.date())
    assert str(caught.value) == message


def test_today_and_five_years_ahead_are_due_dates() -> None:
    assert assigning.check_due_date(NOW.date(), NOW.date()) == NOW.date()
    assert assigning.check_due_date(date(2031, 12, 31), NOW.date()) == date(2031, 12, 31)


def test_a_students_assignments_across_classes_earliest_due_first(
    teacher: User, other_teacher: User, student: User
) -> None:
    alpha, beta, gamma = make_deck("alpha", 1), make_deck("beta", 1), make_deck("gamma", 1)
    first = service.create_class(teacher, "First")
    second = service.create_class(other_teacher, "Second")
    not_mine = service.create_class(teacher, "Not mine")
    for classroom in (first, second):
        service.join_class(student, classroom.join_code)
    assigning.assign_deck(first, alpha.id, None)
    assigning.assign_deck(first, beta.id, date(2026, 12, 20))
    assigning.assign_deck(second, gamma.id, date(2026, 12, 5))
    assigning.assign_deck(not_mine, alpha.id, date(2026, 11, 30))

    assignments = assigning.student_assignments(student.id)
    assert [(a.deck.slug, a.classroom.name, a.due_at.date() if a.due_at else None) for a in assignments] == [
        ("gamma", "Second", date(2026, 12, 5)),
        ("beta", "First", date(2026, 12, 20)),
        ("alpha", "First", None),
    ]
    assert not assignments[0].is_overdue(NOW)
    assert assignments[0].is_overdue(datetime(2026, 12, 6, tzinfo=UTC))
    assert not assignments[0].is_overdue(datetime(2026, 12, 5, 23, 59, tzinfo=UTC))


# --- progress -----------------------------------------------------------------------------------------


def test_a_students_progress_counts_learned_active_cards(classroom: Classroom, student: User) -> None:
    deck = make_deck("alpha", 4)
    service.join_class(student, classroom.join_code)
    assigning.assign_deck(classroom, deck.id, None)
    learn(student, deck, 3)
    # a retired card is no longer part of the deck's size, nor of what was learned
    db.session.get(Card, "alpha-0").status = CardStatus.RETIRED
    db.session.commit()

    (progress,) = assigning.assignment_progress(student.id, NOW)
    assert (progress.counts.learned, progress.counts.total) == (2, 3)
    assert progress.counts == review.deck_counts(student.id, [deck.id], NOW)[deck.id]


def test_class_progress_says_who_learned_it_all_and_the_average(classroom: Classroom, teacher: User) -> None:
    deck = make_deck("alpha", 4)
    other = make_deck("beta", 2)
    make_deck("drafts", 2, status=CardStatus.DRAFT)
    students = [make_user(name) for name in ("ana", "budi", "citra", "dewi")]
    for student in students:
        service.join_class(student, classroom.join_code)
    outsider = make_user("eko")
    assigning.assign_deck(classroom, deck.id, None)
    assigning.assign_deck(classroom, other.id, None)
    drafts = db.session.scalar(sa.select(Deck).where(Deck.slug == "drafts"))
    assigning.assign_deck(classroom, drafts.id, None)
    learn(students[0], deck, 4)
    learn(students[1], deck, 2)
    learn(students[2], other, 1)
    learn(outsider, deck, 4)  # not in the class: not counted

    db.session.rollback()  # what was not committed is gone
    classroom = service.find_class(teacher.id, classroom.id)
    progress = assigning.class_progress(classroom)
    assert progress[deck.id] == assigning.ClassDeckProgress(students=4, finished=1, average=(1 + 0.5) / 4, cards=4)
    assert progress[other.id] == assigning.ClassDeckProgress(students=4, finished=0, average=0.5 / 4, cards=2)
    assert progress[drafts.id] == assigning.ClassDeckProgress(students=4, finished=0, average=0.0, cards=0)
    # the same "learned" as each student's own deck counts
    for student in students:
        counts = review.deck_counts(student.id, [deck.id], NOW)[deck.id]
        assert counts.total == progress[deck.id].cards


def test_class_progress_of_a_class_without_decks_is_empty(classroom: Classroom) -> None:
    assert assigning.class_progress(classroom) == {}
