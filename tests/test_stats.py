"""Progress statistics: streaks, learned and mature cards, true retention, forecast, calendar, accuracy, quizzes.

Every test builds its history directly with the models at chosen times and reads it with a fixed clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from flask import Flask

from quizapp.db import db
from quizapp.models import (
    Answer,
    Article,
    Card,
    CardOrigin,
    CardStatus,
    Choice,
    Deck,
    QuizItem,
    QuizSession,
    ReviewLog,
    ReviewState,
    User,
)
from quizapp.services import stats
from quizapp.services.study.decks import deck_name

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # a Tuesday afternoon
TODAY = NOW.date()
WIB = timezone(timedelta(hours=7))
LEARNING, REVIEW, RELEARNING = 1, 2, 3
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4


def days_ago(n: int, hour: int = 12) -> datetime:
    """Return an instant n UTC days before today, at the given hour."""
    return datetime.combine(TODAY - timedelta(days=n), datetime.min.time(), tzinfo=UTC) + timedelta(hours=hour)


def make_deck(slug: str, title: str, *, of_article: bool = False) -> Deck:
    """Create a deck; of_article makes it an article's own deck rather than one spanning articles."""
    article = None
    if of_article:
        # an article deck is titled by its article's headline, and named by it on every page
        article = Article(file=f"{slug}.txt", language="id", headline=title, text="…", content_hash=slug)
    deck = Deck(slug=slug, title=title, article=article)
    db.session.add(deck)
    db.session.flush()
    return deck


def make_card(kind: str = "member", decks: Iterable[Deck] = (), status: CardStatus = CardStatus.ACTIVE) -> Card:
    """Create a four-option card of a kind, in the given decks."""
    card = Card(kind=kind, language="id", question=f"A {kind} question?", origin=CardOrigin.AUTHORED, status=status)
    card.choices = [Choice(position=i, text=f"option {i}", is_correct=i == 0) for i in range(4)]
    card.decks = list(decks)
    db.session.add(card)
    db.session.flush()
    return card


class Study:
    """One user's study history, written straight into the tables."""

    def __init__(self, username: str = "siti") -> None:
        self.user = User(username=username, password_hash="not-a-login")
        db.session.add(self.user)
        db.session.flush()
        self.id = self.user.id

    @classmethod
    def of(cls, user: User) -> Study:
        """Write the history of an existing user."""
        study = cls.__new__(cls)
        study.user, study.id = user, user.id
        return study

    def answer(self, card: Card, correct: bool, at: datetime, quiz: QuizSession | None = None) -> Answer:
        answer = Answer(
            user_id=self.id, card_id=card.id, session=quiz, chosen_position=0 if correct else 1, correct=correct,
            time_taken_ms=4_000, answered_at=at,
        )
        db.session.add(answer)
        db.session.flush()
        return answer

    def quiz(
        self, deck: Deck, cards: list[Card], started_at: datetime, answers: Iterable[bool] = (), finished: bool = False
    ) -> QuizSession:
        """Start a quiz over cards and answer its first questions right or wrong; finishing stores the score."""
        quiz = QuizSession(user_id=self.id, deck=deck, started_at=started_at)
        quiz.items = [QuizItem(position=i, card=card) for i, card in enumerate(cards)]
        db.session.add(quiz)
        db.session.flush()
        given = list(answers)
        for i, (card, correct) in enumerate(zip(cards, given, strict=False)):
            self.answer(card, correct, started_at + timedelta(seconds=10 * (i + 1)), quiz=quiz)
        if finished:
            quiz.finished_at = started_at + timedelta(minutes=5)
            quiz.score = sum(given)
        db.session.flush()
        return quiz

    def state(self, card: Card, state: int, due: datetime, last_review: datetime | None = None) -> ReviewState:
        row = ReviewState(
            user_id=self.id, card_id=card.id, state=state, step=None if state == REVIEW else 0,
            stability=10.0, difficulty=5.0, due=due, last_review=last_review,
        )
        db.session.add(row)
        db.session.flush()
        return row

    def review(
        self, card: Card, at: datetime, rating: int = GOOD, state_before: int = REVIEW, due: datetime | None = None
    ) -> ReviewLog:
        """Log a review at `at` of a card that was due at `due` (by default, just then)."""
        row = ReviewLog(
            user_id=self.id, card_id=card.id, rating=rating, reviewed_at=at,
            state_before=state_before, step_before=None, stability_before=10.0, difficulty_before=5.0,
            due_before=due or at, state_after=REVIEW, step_after=None, stability_after=12.0, difficulty_after=5.0,
            due_after=at + timedelta(days=10),
        )
        db.session.add(row)
        db.session.flush()
        return row


# --- streak ------------------------------------------------------------------------------------------------


def ago(*ns: int) -> list[date]:
    return [TODAY - timedelta(days=n) for n in ns]


@pytest.mark.parametrize(
    ("days", "current", "longest", "studied_today"),
    [
        ([], 0, 0, False),
        (ago(0), 1, 1, True),
        (ago(0, 1, 2), 3, 3, True),
        # today not studied yet: the run up to yesterday still stands
        (ago(1, 2), 2, 2, False),
        # a missed day breaks it
        (ago(2, 3, 4), 0, 3, False),
        (ago(0, 1, 3, 4, 5), 2, 3, True),
        (ago(0, 0, 1, 1), 2, 2, True),
        # days after today (a clock set back) are not counted
        ([TODAY + timedelta(days=1), TODAY], 1, 1, True),
    ],
)
def test_streak_from_days(days: list[date], current: int, longest: int, studied_today: bool) -> None:
    streak = stats.streak_from_days(days, TODAY)
    assert (streak.current, streak.longest, streak.studied_today) == (current, longest, studied_today)


def test_streak_counts_answers_and_reviews_by_utc_day(app: Flask) -> None:
    card = make_card()
    siti = Study()
    # 06:00 in Jakarta on the 24th is 23:00 UTC on the 23rd: yesterday, by the page's UTC days.
    siti.answer(card, True, datetime(2026, 11, 24, 6, 0, tzinfo=WIB))
    siti.review(card, days_ago(2, hour=0))
    siti.answer(card, False, days_ago(3, hour=23))
    siti.review(card, days_ago(10))
    Study("budi").answer(card, True, NOW)  # someone else studying today does not make siti's streak

    streak = stats.study_streak(siti.id, NOW)
    yesterday = TODAY - timedelta(days=1)
    assert streak == stats.Streak(current=3, longest=3, studied_today=False, active_days=4, last_day=yesterday)
    assert stats.study_streak(siti.id, NOW + timedelta(days=1)).current == 0


def test_streak_of_a_user_with_no_history(app: Flask) -> None:
    assert stats.study_streak(Study().id, NOW) == stats.Streak(0, 0, False, 0, None)


def test_naive_now_is_refused(app: Flask) -> None:
    with pytest.raises(ValueError, match="naive"):
        stats.study_streak(Study().id, datetime(2026, 11, 24, 15, 0))


# --- learned and mature cards ------------------------------------------------------------------------------


def test_learned_cards_are_in_review_and_mature_ones_have_an_interval_of_21_days(app: Flask) -> None:
    siti = Study()
    last = datetime(2026, 11, 20, 9, 30, 15, 250_000, tzinfo=UTC)
    siti.state(make_card(), LEARNING, due=NOW, last_review=last)
    siti.state(make_card(), RELEARNING, due=last + timedelta(days=30), last_review=last)
    siti.state(make_card(), REVIEW, due=last + timedelta(days=20), last_review=last)
    siti.state(make_card(), REVIEW, due=last + timedelta(days=21) - timedelta(seconds=1), last_review=last)
    siti.state(make_card(), REVIEW, due=last + timedelta(days=21), last_review=last)  # exactly 21 days: mature
    siti.state(make_card(), REVIEW, due=last + timedelta(days=90), last_review=last)
    Study("budi").state(make_card(), REVIEW, due=last + timedelta(days=90), last_review=last)

    assert stats.card_counts(siti.id) == stats.CardCounts(studied=6, learned=4, mature=2)


def test_card_counts_of_a_user_with_no_schedule(app: Flask) -> None:
    assert stats.card_counts(Study().id) == stats.CardCounts(0, 0, 0)


# --- true retention ----------------------------------------------------------------------------------------


def test_true_retention_counts_reviews_of_review_state_cards_in_the_last_30_days(app: Flask) -> None:
    card = make_card()
    siti = Study()
    siti.review(card, days_ago(0), AGAIN)
    siti.review(card, days_ago(1), HARD)  # hard is a pass
    siti.review(card, days_ago(5), GOOD)
    siti.review(card, days_ago(29, hour=0), EASY)  # the first instant of the window's first day
    siti.review(card, days_ago(30, hour=23) + timedelta(minutes=59), GOOD)  # the day before the window
    siti.review(card, days_ago(2), AGAIN, state_before=LEARNING)
    siti.review(card, days_ago(2), GOOD, state_before=RELEARNING)
    Study("budi").review(card, days_ago(0), AGAIN)

    retention = stats.true_retention(siti.id, NOW)
    assert (retention.passed, retention.total) == (3, 4)
    assert retention.percent == 75
    assert (retention.start, retention.end) == (TODAY - timedelta(days=29), TODAY)


def test_true_retention_leaves_out_a_quiz_lapse_before_the_card_was_due(app: Flask) -> None:
    card = make_card()
    siti = Study()
    siti.review(card, days_ago(3), GOOD, due=days_ago(4))  # overdue: measured
    # a wrong quiz answer two days early: a lapse in the schedule, but the right answers that early leave no log
    siti.review(card, days_ago(1), AGAIN, due=days_ago(1) + timedelta(days=2))
    retention = stats.true_retention(siti.id, NOW)
    assert (retention.passed, retention.total) == (1, 1)


def test_true_retention_without_reviews_has_no_percentage(app: Flask) -> None:
    siti = Study()
    siti.review(make_card(), days_ago(1), GOOD, state_before=LEARNING)
    retention = stats.true_retention(siti.id, NOW)
    assert (retention.passed, retention.total, retention.percent) == (0, 0, None)


def test_percentages_round_down() -> None:
    assert stats.Retention(passed=199, total=200, start=TODAY, end=TODAY).percent == 99
    assert stats.Accuracy("x", "x", 2, 3).percent == 66


# --- forecast ----------------------------------------------------------------------------------------------


def test_forecast_counts_due_cards_per_day_with_overdue_ones_today(app: Flask) -> None:
    siti = Study()
    midnight = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC)
    for due in (
        midnight - timedelta(days=3),  # overdue
        midnight - timedelta(seconds=1),  # overdue, by one second
        NOW + timedelta(hours=8),  # later today
        midnight + timedelta(days=1),
        midnight + timedelta(days=1, hours=23),
        midnight + timedelta(days=30) - timedelta(seconds=1),  # the last instant of the 30th day
        midnight + timedelta(days=30),  # the 31st day: outside
    ):
        siti.state(make_card(), REVIEW, due=due, last_review=midnight - timedelta(days=5))
    siti.state(make_card(status=CardStatus.RETIRED), REVIEW, due=NOW)
    Study("budi").state(make_card(), REVIEW, due=NOW)

    forecast = stats.due_forecast(siti.id, NOW)
    counts = dict(forecast.days)
    assert len(forecast.days) == 30
    assert forecast.days[0][0] == TODAY and forecast.days[-1][0] == TODAY + timedelta(days=29)
    assert counts[TODAY] == 3 and forecast.overdue == 2
    assert counts[TODAY + timedelta(days=1)] == 2
    assert counts[TODAY + timedelta(days=29)] == 1
    assert forecast.total == 6


def test_forecast_of_a_user_with_nothing_due_is_all_zeros(app: Flask) -> None:
    forecast = stats.due_forecast(Study().id, NOW)
    assert [n for _, n in forecast.days] == [0] * 30
    assert (forecast.total, forecast.overdue) == (0, 0)


# --- review calendar ---------------------------------------------------------------------------------------


def test_calendar_counts_reviews_per_utc_day_over_26_weeks(app: Flask) -> None:
    card = make_card()
    siti = Study()
    first_monday = TODAY - timedelta(days=TODAY.weekday(), weeks=25)
    siti.review(card, days_ago(0, hour=0))
    siti.review(card, days_ago(0, hour=23))
    siti.review(card, datetime(2026, 11, 24, 5, 0, tzinfo=WIB))  # 22:00 UTC the day before
    siti.review(card, datetime.combine(first_monday, datetime.min.time(), tzinfo=UTC))
    siti.review(card, datetime.combine(first_monday, datetime.min.time(), tzinfo=UTC) - timedelta(seconds=1))
    Study("budi").review(card, days_ago(0))

    calendar = stats.review_calendar(siti.id, NOW)
    assert (calendar.start, calendar.end, calendar.weeks) == (first_monday, TODAY, 26)
    assert first_monday.weekday() == 0
    assert dict(calendar.counts) == {TODAY: 2, TODAY - timedelta(days=1): 1, first_monday: 1}
    assert calendar.total == 4
    assert calendar.newest_first == [(TODAY, 2), (TODAY - timedelta(days=1), 1), (first_monday, 1)]


# --- accuracy ----------------------------------------------------------------------------------------------


def test_accuracy_by_deck_counts_a_card_in_every_deck_it_is_in(app: Flask) -> None:
    everything = make_deck("all", "All articles")
    pashinyan = make_deck("pashinyan", "Pashinyan walks out", of_article=True)
    armenia = make_deck("armenia", "Armenia and the CSTO", of_article=True)
    unused = make_deck("unused", "Nobody answered this", of_article=True)
    in_both = make_card("member", [everything, pashinyan])
    only_armenia = make_card("date", [everything, armenia])
    make_card("number", [unused])
    siti = Study()
    quiz = siti.quiz(everything, [in_both, only_armenia], days_ago(3), answers=[True, False], finished=True)
    assert quiz.score == 1
    siti.answer(in_both, True, days_ago(1))  # a review answer, outside any quiz
    siti.answer(in_both, False, days_ago(0))
    Study("budi").answer(only_armenia, True, days_ago(0))

    rows = stats.accuracy_by_deck(siti.id)
    # the deck spanning articles first, then the articles' decks by title
    assert [(row.key, row.label, row.correct, row.total) for row in rows] == [
        ("all", "All articles", 2, 4),
        ("armenia", "Armenia and the CSTO", 0, 1),
        ("pashinyan", "Pashinyan walks out", 2, 3),
    ]
    assert [row.percent for row in rows] == [50, 0, 66]


def test_accuracy_and_history_name_decks_as_every_page_does(app: Flask) -> None:
    # The statements read an article's opening only where it names the deck: for an article without a headline.
    everything = make_deck("all", "All articles")
    headed = make_deck("headed", "Pashinyan walks out", of_article=True)
    decks = [everything, headed]
    for slug, headline in (("unheaded", None), ("blank", "")):
        article = Article(file=f"{slug}.txt", language="id", outlet="Kompas", headline=headline,
                          text=f"Armenia leaves the bloc ({slug}). More follows.", content_hash=slug)
        decks.append(Deck(slug=slug, title=f"{slug}.txt", article=article))
    db.session.add_all(decks)
    siti = Study()
    for deck in decks:
        siti.quiz(deck, [make_card(decks=[deck])], days_ago(1), answers=[True], finished=True)

    names = {deck.slug: deck_name(deck) for deck in decks}
    assert names["unheaded"] == "Kompas: Armenia leaves the bloc (unheaded)"
    assert names["headed"] == "Pashinyan walks out"
    assert {row.key: row.label for row in stats.accuracy_by_deck(siti.id)} == names
    assert {row.deck_slug: row.deck_title for row in stats.quiz_history(siti.id).rows} == names


def test_accuracy_by_kind_lists_question_bank_kinds_first(app: Flask) -> None:
    siti = Study()
    for kind, results in (
        ("zebra", [True]),  # an authored kind
        ("speaker", [True, True, False]),
        ("member", [False, True]),
        ("crossword", [False]),
    ):
        card = make_card(kind)
        for i, correct in enumerate(results):
            siti.answer(card, correct, days_ago(i))
    Study("budi").answer(make_card("date"), True, NOW)

    rows = stats.accuracy_by_kind(siti.id)
    assert [(row.key, row.correct, row.total) for row in rows] == [
        ("member", 1, 2), ("speaker", 2, 3), ("crossword", 0, 1), ("zebra", 1, 1),
    ]


def test_statistics_see_changes_not_yet_flushed(app: Flask) -> None:
    # The statements run on the session's connection, past its ORM layer, but flush first as the session would.
    siti = Study()
    card = make_card("member")
    db.session.add(Answer(user_id=siti.id, card_id=card.id, chosen_position=0, correct=True, time_taken_ms=4_000,
                          answered_at=days_ago(0)))
    assert db.session.new
    assert [(row.key, row.correct, row.total) for row in stats.accuracy_by_kind(siti.id)] == [("member", 1, 1)]


def test_accuracy_of_a_user_with_no_answers_is_empty(app: Flask) -> None:
    siti = Study()
    assert stats.accuracy_by_deck(siti.id) == () and stats.accuracy_by_kind(siti.id) == ()


# --- quiz history ------------------------------------------------------------------------------------------


def test_quiz_history_is_newest_first_with_scores_and_quizzes_in_progress(app: Flask) -> None:
    deck = make_deck("all", "All articles")
    other = make_deck("armenia", "Armenia and the CSTO", of_article=True)
    cards = [make_card(decks=[deck, other]) for _ in range(3)]
    siti = Study()
    oldest = siti.quiz(deck, cards, days_ago(5), answers=[True, True, False], finished=True)
    newest = siti.quiz(other, cards, days_ago(0), answers=[True])
    middle = siti.quiz(deck, cards[:2], days_ago(2), answers=[False, False], finished=True)
    Study("budi").quiz(deck, cards, days_ago(0), answers=[True], finished=True)

    history = stats.quiz_history(siti.id)
    assert [row.id for row in history.rows] == [newest.id, middle.id, oldest.id]
    assert (history.page, history.pages, history.total) == (1, 1, 3)
    latest, second, first = history.rows
    assert (latest.deck_title, latest.finished, latest.score, latest.answered, latest.questions) == (
        "Armenia and the CSTO", False, None, 1, 3,
    )
    assert latest.started_at == days_ago(0)
    assert (second.finished, second.score, second.questions) == (True, 0, 2)
    assert (first.deck_title, first.score, first.answered, first.questions) == ("All articles", 2, 3, 3)


def test_quiz_history_pages(app: Flask) -> None:
    deck = make_deck("all", "All articles")
    card = make_card(decks=[deck])
    siti = Study()
    quizzes = [siti.quiz(deck, [card], days_ago(n)) for n in range(5)]  # newest first

    def ids(page: int) -> tuple[int, list[int]]:
        history = stats.quiz_history(siti.id, page, per_page=2)
        assert history.pages == 3 and history.total == 5
        return history.page, [row.id for row in history.rows]

    assert ids(1) == (1, [quizzes[0].id, quizzes[1].id])
    assert ids(3) == (3, [quizzes[4].id])
    assert ids(0) == ids(-4) == ids(1)  # before the first page: the first
    assert ids(99) == ids(10**30) == ids(3)  # past the last page: the last
    page = stats.quiz_history(siti.id, 2, per_page=2)
    assert page.has_prev and page.has_next


def test_quiz_history_of_a_user_with_no_quizzes(app: Flask) -> None:
    history = stats.quiz_history(Study().id)
    assert (history.rows, history.page, history.total, history.has_prev, history.has_next) == ((), 1, 0, False, False)
