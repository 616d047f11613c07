"""Item analysis: the correlation, and each question's counts, facility, discrimination and flags over quiz attempts."""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

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
    ClassMember,
    Classroom,
    Deck,
    QuizItem,
    QuizSession,
    Role,
    User,
)
from quizapp.services.instructor import items as item_service
from quizapp.services.instructor.items import ItemFilter, ItemFlag, OptionCount, correlation, discrimination

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


# --- the statistics --------------------------------------------------------------------------------------


def test_correlation_matches_a_hand_computation() -> None:
    # x = 1,1,0,0; y = 3,2,1,2: means 0.5 and 2; deviations ±0.5 and 1,0,-1,0;
    # Sxy = 0.5 + 0 + 0.5 + 0 = 1, Sxx = 1, Syy = 2, r = 1 / sqrt(2).
    assert correlation([1, 1, 0, 0], [3, 2, 1, 2]) == pytest.approx(1 / math.sqrt(2))


def test_correlation_of_a_perfect_line_is_one_and_of_its_mirror_minus_one() -> None:
    assert correlation([0, 1, 2, 3], [1, 3, 5, 7]) == pytest.approx(1.0)
    assert correlation([0, 1, 2, 3], [7, 5, 3, 1]) == pytest.approx(-1.0)


@pytest.mark.parametrize("seed", range(20))
def test_correlation_agrees_with_the_standard_library_on_random_data(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(3, 200)
    xs = [float(rng.random() < 0.6) for _ in range(n)]
    ys = [rng.random() * 0.5 + 0.5 * x * rng.random() for x in xs]
    if len(set(xs)) < 2:
        xs[0] = 1.0 - xs[0]
    assert correlation(xs, ys) == pytest.approx(statistics.correlation(xs, ys), abs=1e-12)


@pytest.mark.parametrize(
    ("xs", "ys"),
    [([], []), ([1], [2]), ([1, 1, 1], [1, 2, 3]), ([0, 1, 0], [0.5, 0.5, 0.5])],
    ids=["empty", "one pair", "x constant", "y constant"],
)
def test_correlation_is_none_without_two_pairs_or_without_variance(xs: list[float], ys: list[float]) -> None:
    assert correlation(xs, ys) is None


def test_correlation_refuses_columns_of_different_lengths() -> None:
    with pytest.raises(ValueError, match="3 values and ys 2"):
        correlation([1, 0, 1], [1, 0])


def test_discrimination_needs_the_minimum_number_of_attempts() -> None:
    pairs = [(True, 0.9), (True, 0.8), (False, 0.2), (False, 0.4)]
    assert discrimination(pairs) is None, "4 attempts are fewer than 5"
    assert discrimination([*pairs, (True, 0.7)]) == pytest.approx(
        statistics.correlation([1, 1, 0, 0, 1], [0.9, 0.8, 0.2, 0.4, 0.7])
    )


def _options(*counts: int, key: int = 0) -> list[OptionCount]:
    return [OptionCount(pos, f"option {pos}", pos == key, count) for pos, count in enumerate(counts)]


@pytest.mark.parametrize(
    ("counts", "right", "index", "flags"),
    [
        ((3, 2, 0, 0), 3, 0.4, ()),
        ((2, 3, 0, 0), 2, 0.4, (ItemFlag.DISTRACTOR_BEATS_KEY,)),
        ((3, 3, 0, 0), 3, 0.4, ()),  # a tie is not "more often"
        ((3, 2, 0, 0), 3, -0.1, (ItemFlag.NEGATIVE_DISCRIMINATION,)),
        ((3, 2, 0, 0), 3, None, ()),
        ((20, 0, 0, 0), 20, None, (ItemFlag.TOO_EASY,)),
        ((19, 1, 0, 0), 19, 0.3, ()),  # 0.95 exactly is not above 0.95
        ((1, 2, 1, 1), 1, 0.3, (ItemFlag.DISTRACTOR_BEATS_KEY,)),  # 0.20 exactly is not below 0.20
        ((1, 1, 1, 1, 1), 1, 0.3, ()),
        ((0, 2, 2, 1), 0, None, (ItemFlag.DISTRACTOR_BEATS_KEY, ItemFlag.TOO_HARD)),
        ((0, 2, 2, 1), 0, -0.5, (ItemFlag.DISTRACTOR_BEATS_KEY, ItemFlag.NEGATIVE_DISCRIMINATION, ItemFlag.TOO_HARD)),
    ],
)
def test_flags(counts: tuple[int, ...], right: int, index: float | None, flags: tuple[ItemFlag, ...]) -> None:
    assert item_service.item_flags(sum(counts), right, _options(*counts), index) == flags


def test_no_flag_before_enough_answers() -> None:
    assert item_service.item_flags(4, 0, _options(0, 4, 0, 0), -0.9) == ()


# --- building attempts row by row ------------------------------------------------------------------------


@pytest.fixture
def ctx(app: Flask) -> Iterator[None]:
    with app.app_context():
        yield


class Bank:
    """Decks, cards, students and finished quizzes written straight to the database, for exact control."""

    def __init__(self) -> None:
        self.deck = Deck(slug="alpha", title="Alpha")
        self.other_deck = Deck(slug="beta", title="Beta")
        db.session.add_all([self.deck, self.other_deck])
        self.users: dict[str, User] = {}
        self.clock = T0

    def card(
        self,
        card_id: str,
        options: int = 4,
        key: int = 0,
        kind: str = "member",
        origin: CardOrigin = CardOrigin.GENERATED,
        deck: Deck | None = None,
        version: int = 1,
    ) -> Card:
        card = Card(
            id=card_id, kind=kind, language="id", question=f"Pertanyaan {card_id}?", origin=origin,
            status=CardStatus.ACTIVE, version=version,
        )
        card.choices = [Choice(position=p, text=f"{card_id}-{p}", is_correct=p == key) for p in range(options)]
        card.decks = [deck or self.deck]
        db.session.add(card)
        db.session.flush()
        return card

    def user(self, name: str, role: Role = Role.STUDENT) -> User:
        if name not in self.users:
            self.users[name] = User(username=name, password_hash="-", role=role)
            db.session.add(self.users[name])
            db.session.flush()
        return self.users[name]

    def attempt(
        self,
        name: str,
        chosen: dict[str, int],
        finished: bool = True,
        versions: dict[str, int] | None = None,
        role: Role = Role.STUDENT,
    ) -> QuizSession:
        """Store a quiz by the user in which each card was answered with the option at its position."""
        user = self.user(name, role)
        self.clock += timedelta(minutes=10)
        cards = {card.id: card for card in db.session.scalars(sa.select(Card).where(Card.id.in_(chosen)))}
        quiz = QuizSession(user_id=user.id, deck_id=self.deck.id, started_at=self.clock)
        quiz.items = [QuizItem(position=n, card_id=card_id) for n, card_id in enumerate(chosen, start=1)]
        db.session.add(quiz)
        db.session.flush()
        right = 0
        for card_id, position in chosen.items():
            correct = cards[card_id].answer_index == position
            right += correct
            version = (versions or {}).get(card_id, cards[card_id].version)
            db.session.add(
                Answer(
                    session_id=quiz.id, user_id=user.id, card_id=card_id, chosen_position=position,
                    correct=correct, card_version=version, answered_at=self.clock,
                )
            )
        if finished:
            quiz.finished_at, quiz.score = self.clock, right
        db.session.commit()
        return quiz

    def review_answer(self, name: str, card_id: str, position: int, correct: bool) -> None:
        user = self.user(name)
        db.session.add(Answer(user_id=user.id, card_id=card_id, chosen_position=position, correct=correct))
        db.session.commit()


@pytest.fixture
def bank(ctx: None) -> Bank:
    return Bank()


def by_id(rows: Sequence[item_service.ItemStats]) -> dict[str, item_service.ItemStats]:
    return {row.card_id: row for row in rows}


# Six students, three questions, each right answer at position 0 (1 = right; a wrong answer picks the option given).
#            s1 s2 s3 s4 s5 s6
#   q1        1  1  1  1  0  0     wrong: s5 → 1, s6 → 2
#   q2        1  1  0  1  0  0     wrong: s3 → 1, s5 → 1, s6 → 1
#   q3        0  0  0  1  1  1     wrong: s1 → 3, s2 → 3, s3 → 3
#   total     2  2  1  3  1  1
CHOICES = {
    "s1": {"q1": 0, "q2": 0, "q3": 3},
    "s2": {"q1": 0, "q2": 0, "q3": 3},
    "s3": {"q1": 0, "q2": 1, "q3": 3},
    "s4": {"q1": 0, "q2": 0, "q3": 0},
    "s5": {"q1": 1, "q2": 1, "q3": 0},
    "s6": {"q1": 2, "q2": 1, "q3": 0},
}


@pytest.fixture
def six(bank: Bank) -> Bank:
    for card_id in ("q1", "q2", "q3"):
        bank.card(card_id)
    for name, chosen in CHOICES.items():
        bank.attempt(name, chosen)
    return bank


def test_counts_facility_and_options_per_question(six: Bank) -> None:
    rows = by_id(item_service.analyse_items())
    assert set(rows) == {"q1", "q2", "q3"}
    q1 = rows["q1"]
    assert (q1.answered, q1.right, q1.earlier_answers) == (6, 4, 0)
    assert q1.facility == pytest.approx(4 / 6) and q1.facility_percent == 66
    assert [(o.letter, o.count, o.correct, o.text) for o in q1.options] == [
        ("A", 4, True, "q1-0"), ("B", 1, False, "q1-1"), ("C", 1, False, "q1-2"), ("D", 0, False, "q1-3"),
    ]
    assert [o.count for o in rows["q2"].options] == [3, 3, 0, 0]
    assert [o.count for o in rows["q3"].options] == [3, 0, 0, 3]


def test_discrimination_is_the_correlation_with_the_rest_of_the_attempt(six: Bank) -> None:
    rows = by_id(item_service.analyse_items())
    # q1: rest = (total - q1) / 2 for s1..s6 = 0.5, 0.5, 0, 1, 0.5, 0.5. Means 2/3 and 0.5; deviations of x
    # +1/3 (four times) and -2/3 (twice), of y 0, 0, -.5, +.5, 0, 0: Sxy = -1/6 + 1/6 = 0 → r = 0.
    assert rows["q1"].discrimination == pytest.approx(0.0, abs=1e-12)
    # q2: rest = 0.5, 0.5, 0.5, 1, 0.5, 0.5; x = 1,1,0,1,0,0: mean x .5, mean y 7/12.
    # Deviations of y: -1/12 ×5 and +5/12; Sxy = .5·(-1/12)·2 - .5·(-1/12) + .5·(5/12) + .5·(1/12)·2 = 1/4,
    # Sxx = 6·.25 = 1.5, Syy = 5/144 + 25/144 = 30/144, r = .25 / sqrt(1.5 · 30/144) = 0.4472.
    assert rows["q2"].discrimination == pytest.approx(0.25 / math.sqrt(1.5 * 30 / 144))
    assert rows["q2"].discrimination == pytest.approx(
        statistics.correlation([1, 1, 0, 1, 0, 0], [0.5, 0.5, 0.5, 1, 0.5, 0.5])
    )
    # q3 is answered right by the weaker students: rest = 1, 1, .5, 1, 0, 0 against x = 0,0,0,1,1,1.
    assert rows["q3"].discrimination == pytest.approx(statistics.correlation([0, 0, 0, 1, 1, 1], [1, 1, 0.5, 1, 0, 0]))
    assert rows["q3"].discrimination < 0
    assert rows["q3"].flags == (ItemFlag.NEGATIVE_DISCRIMINATION,)
    assert rows["q1"].flags == () and rows["q2"].flags == ()


def test_flagged_questions_come_first_then_the_hardest(six: Bank) -> None:
    assert [row.card_id for row in item_service.analyse_items()] == ["q3", "q2", "q1"]
    assert [row.card_id for row in item_service.analyse_items(ItemFilter(flagged_only=True))] == ["q3"]


def test_the_rest_score_is_a_share_so_longer_quizzes_weigh_the_same(bank: Bank) -> None:
    for card_id in ("a", "b", "c", "d"):
        bank.card(card_id)
    # x for "a" and the share of the other questions right: (1, 1/3), (1, 1/1), (0, 0/1), (0, 2/3), (1, 2/3).
    bank.attempt("u1", {"a": 0, "b": 0, "c": 1, "d": 1})
    bank.attempt("u2", {"a": 0, "b": 0})
    bank.attempt("u3", {"a": 1, "b": 1})
    bank.attempt("u4", {"a": 1, "b": 0, "c": 0, "d": 1})
    bank.attempt("u5", {"a": 0, "b": 0, "c": 0, "d": 1})
    bank.attempt("u6", {"a": 0})  # one question: no rest to compare with, counted in facility only
    row = by_id(item_service.analyse_items())["a"]
    assert row.answered == 6
    assert row.discrimination == pytest.approx(statistics.correlation([1, 1, 0, 0, 1], [1 / 3, 1, 0, 2 / 3, 2 / 3]))


def test_discrimination_needs_five_attempts(bank: Bank) -> None:
    bank.card("a")
    bank.card("b")
    for n, (a, b) in enumerate([(0, 0), (0, 1), (1, 1), (1, 0)]):
        bank.attempt(f"u{n}", {"a": a, "b": b})
    assert by_id(item_service.analyse_items())["a"].discrimination is None


def test_a_distractor_chosen_more_than_the_key_is_flagged(bank: Bank) -> None:
    bank.card("a")
    bank.card("b")
    for n, a in enumerate([2, 2, 2, 0, 0, 1]):
        bank.attempt(f"u{n}", {"a": a, "b": 0 if n % 2 else 1})
    row = by_id(item_service.analyse_items())["a"]
    assert ItemFlag.DISTRACTOR_BEATS_KEY in row.flags
    assert [o.count for o in row.options] == [2, 1, 3, 0]


def test_too_easy_and_too_hard_are_flagged_with_enough_answers(bank: Bank) -> None:
    bank.card("easy")
    bank.card("hard", options=2)
    bank.card("few")
    for n in range(6):
        chosen = {"easy": 0, "hard": 1}
        if n < 4:
            chosen["few"] = 1
        bank.attempt(f"u{n}", chosen)
    rows = by_id(item_service.analyse_items())
    assert ItemFlag.TOO_EASY in rows["easy"].flags and rows["easy"].facility == 1.0
    assert ItemFlag.TOO_HARD in rows["hard"].flags and rows["hard"].facility == 0.0
    assert rows["few"].answered == 4 and rows["few"].flags == (), "4 answers are too few to flag"


def test_only_finished_quiz_attempts_by_students_count(bank: Bank) -> None:
    bank.card("a")
    bank.card("b")
    bank.attempt("s1", {"a": 0, "b": 0})
    bank.attempt("s2", {"a": 1, "b": 0}, finished=False)
    bank.attempt("teacher", {"a": 0, "b": 0}, role=Role.INSTRUCTOR)
    bank.review_answer("s1", "a", 2, correct=False)
    rows = by_id(item_service.analyse_items())
    assert (rows["a"].answered, rows["a"].right) == (1, 1)
    assert [o.count for o in rows["a"].options] == [1, 0, 0, 0]


def test_a_retry_of_the_missed_questions_is_not_an_attempt(bank: Bank) -> None:
    bank.card("a")
    bank.card("b")
    first = bank.attempt("s1", {"a": 1, "b": 0})
    retry = bank.attempt("s1", {"a": 0})
    retry.retry_of_id = first.id
    db.session.commit()
    rows = by_id(item_service.analyse_items())
    assert (rows["a"].answered, rows["a"].right) == (1, 0)
    assert [o.count for o in rows["a"].options] == [0, 1, 0, 0]


def test_answers_to_an_earlier_version_are_left_out_and_counted_apart(bank: Bank) -> None:
    bank.card("a", version=2)
    bank.card("b")
    bank.attempt("s1", {"a": 0, "b": 0})
    bank.attempt("s2", {"a": 1, "b": 0}, versions={"a": 1})
    bank.attempt("s3", {"a": 2, "b": 0}, versions={"a": 1})
    row = by_id(item_service.analyse_items())["a"]
    assert (row.answered, row.right, row.earlier_answers) == (1, 1, 2)
    assert [o.count for o in row.options] == [1, 0, 0, 0]


def test_an_answer_stored_before_versions_counts_as_version_one(bank: Bank) -> None:
    bank.card("a")
    bank.card("b")
    quiz = bank.attempt("s1", {"a": 0, "b": 0})
    db.session.execute(sa.update(Answer).where(Answer.session_id == quiz.id).values(card_version=None))
    db.session.commit()
    assert by_id(item_service.analyse_items())["a"].answered == 1


def test_a_question_with_only_earlier_answers_shows_with_min_answers_zero(bank: Bank) -> None:
    bank.card("a", version=3)
    bank.card("b")
    bank.attempt("s1", {"a": 1, "b": 0}, versions={"a": 2})
    assert "a" not in by_id(item_service.analyse_items())
    row = by_id(item_service.analyse_items(ItemFilter(min_answers=0)))["a"]
    assert (row.answered, row.earlier_answers, row.facility, row.facility_percent) == (0, 1, None, None)


def test_the_class_filter_counts_only_its_students(bank: Bank) -> None:
    bank.card("a")
    bank.card("b")
    bank.attempt("in1", {"a": 0, "b": 1})
    bank.attempt("in2", {"a": 1, "b": 1})
    bank.attempt("out", {"a": 0, "b": 0})
    teacher = bank.user("teacher", Role.INSTRUCTOR)
    classroom = Classroom(name="X", instructor_id=teacher.id, join_code="JOIN1")
    classroom.memberships = [ClassMember(user_id=bank.users["in1"].id), ClassMember(user_id=bank.users["in2"].id)]
    db.session.add(classroom)
    db.session.commit()
    rows = by_id(item_service.analyse_items(ItemFilter(class_id=classroom.id)))
    assert (rows["a"].answered, rows["a"].right) == (2, 1)
    assert (rows["b"].answered, rows["b"].right) == (2, 0)
    assert by_id(item_service.analyse_items())["a"].answered == 3
    assert [c.name for c in item_service.instructor_classes(teacher.id)] == ["X"]


def test_deck_kind_origin_and_min_answers_filters(bank: Bank) -> None:
    bank.card("a")
    bank.card("b", kind="date", deck=bank.other_deck)
    bank.card("c", origin=CardOrigin.AUTHORED)
    bank.attempt("s1", {"a": 0, "b": 0, "c": 0})
    bank.attempt("s2", {"a": 0, "b": 0})

    def ids(**kwargs: object) -> list[str]:
        return sorted(row.card_id for row in item_service.analyse_items(ItemFilter(**kwargs)))  # type: ignore[arg-type]

    assert ids() == ["a", "b", "c"]
    assert ids(deck_id=bank.deck.id) == ["a", "c"]
    assert ids(deck_id=bank.other_deck.id) == ["b"]
    assert ids(kind="date") == ["b"]
    assert ids(origin=CardOrigin.AUTHORED) == ["c"]
    assert ids(min_answers=2) == ["a", "b"]
    # The deck filter picks questions; each attempt's rest score still covers the whole attempt.
    assert by_id(item_service.analyse_items(ItemFilter(deck_id=bank.other_deck.id)))["b"].answered == 2


def test_the_report_pages_through_the_sorted_rows(six: Bank) -> None:
    first = item_service.item_report(page=1, per_page=2)
    assert [row.card_id for row in first.rows] == ["q3", "q2"]
    assert (first.page, first.pages, first.total, first.flagged) == (1, 2, 3, 1)
    assert not first.has_prev and first.has_next
    last = item_service.item_report(page=99, per_page=2)
    assert [row.card_id for row in last.rows] == ["q1"] and last.page == 2 and not last.has_next
    assert item_service.item_report(page=-3, per_page=2).page == 1


def test_the_number_of_queries_does_not_grow_with_the_questions(bank: Bank) -> None:
    def statements_for(cards: int, prefix: str) -> int:
        for n in range(cards):
            bank.card(f"{prefix}{n}")
        for s in range(3):
            bank.attempt(f"{prefix}s{s}", {f"{prefix}{n}": (n + s) % 4 for n in range(cards)})
        deck_id = bank.deck.id
        db.session.expire_all()
        seen: list[str] = []

        def count(*args: object) -> None:
            seen.append(str(args[2]))

        engine = db.engine
        sa.event.listen(engine, "before_cursor_execute", count)
        try:
            item_service.analyse_items(ItemFilter(deck_id=deck_id))
        finally:
            sa.event.remove(engine, "before_cursor_execute", count)
        return len(seen)

    small = statements_for(3, "x")
    assert statements_for(40, "y") == small == 4, "option counts, attempt rows, cards, their choices"


# --- through the quiz service, on the seed bank ----------------------------------------------------------


def test_answers_given_through_the_quiz_service_are_analysed(bank_app: Flask) -> None:
    from quizapp.services.bank.loading import ALL_DECK_SLUG
    from quizapp.services.study import quiz as quiz_service
    from quizapp.services.users import create_user

    with bank_app.app_context():
        deck = db.session.scalar(sa.select(Deck).where(Deck.slug == ALL_DECK_SLUG))
        for n in range(5):
            user = create_user(f"student{n}", "password123")
            quiz = quiz_service.start_quiz(user.id, deck.id, count=5, rng=random.Random(1))
            for item in list(quiz.items):
                card = item.card
                # Student n answers right the first n questions and wrong the rest.
                position = card.answer_index if item.position <= n else (card.answer_index + 1) % len(card.choices)
                quiz_service.answer(quiz, card.id, position, now=T0)
        quiz_cards = [item.card_id for item in quiz.items]
        rows = by_id(item_service.analyse_items())
        assert set(rows) == set(quiz_cards), "the same seed gives every student the same five questions"
        # Question k (1-based) is right for the students n ≥ k: 5 - k of 5.
        for k, card_id in enumerate(quiz_cards, start=1):
            assert (rows[card_id].answered, rows[card_id].right) == (5, 5 - k)
        first = rows[quiz_cards[0]]
        assert first.discrimination is not None and first.discrimination > 0
        assert ItemFlag.TOO_HARD in rows[quiz_cards[4]].flags
