"""How a student's answers went: the quiz history, and accuracy by deck and by kind of fact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

import question_bank
from quizapp.db import db
from quizapp.models import Answer, Card, Deck, QuizItem, QuizSession, deck_cards
from quizapp.services.stats.sql import count_if, whole_percent

#: Quizzes per page of the history.
QUIZZES_PER_PAGE = 50
# A page number from a URL is capped before it becomes an SQL offset, which SQLite keeps in 64 bits.
_MAX_PAGE = 1_000_000


# --- quiz history ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuizRow:
    """One quiz: when it started, over which deck, how many questions it has and how it went."""

    id: int
    started_at: datetime
    finished_at: datetime | None
    deck_title: str
    #: The quiz's questions (its QuizItem rows).
    questions: int
    #: Questions answered so far (its Answer rows).
    answered: int
    #: Correct answers, stored when the quiz was finished; None while it is in progress.
    score: int | None
    #: Whether the quiz asked again the questions missed in another.
    is_retry: bool = False
    #: The deck's slug, by which a page names the deck in its own language.
    deck_slug: str = ""

    @property
    def finished(self) -> bool:
        """Tell whether the quiz was finished."""
        return self.finished_at is not None


@dataclass(frozen=True)
class QuizHistory:
    """One page of a user's quizzes, newest first."""

    rows: tuple[QuizRow, ...]
    page: int
    pages: int
    #: Quizzes on all pages together.
    total: int

    @property
    def has_prev(self) -> bool:
        """Tell whether a newer page exists."""
        return self.page > 1

    @property
    def has_next(self) -> bool:
        """Tell whether an older page exists."""
        return self.page < self.pages


def quiz_history(user_id: int, page: int = 1, per_page: int = QUIZZES_PER_PAGE) -> QuizHistory:
    """Return one page of the user's quizzes (QuizSession rows), newest started first.

    A page before the first shows the first; a page past the last shows the last.
    """
    select = (
        sa.select(QuizSession)
        .where(QuizSession.user_id == user_id)
        .options(so.joinedload(QuizSession.deck))
        .order_by(QuizSession.started_at.desc(), QuizSession.id.desc())
    )
    pagination = db.paginate(select, page=min(max(page, 1), _MAX_PAGE), per_page=per_page, error_out=False)
    if pagination.pages and pagination.page > pagination.pages:
        pagination = db.paginate(select, page=pagination.pages, per_page=per_page, error_out=False)
    quizzes: list[QuizSession] = list(pagination.items)

    counts: dict[int, tuple[int, int]] = {}
    if quizzes:
        questions = sa.select(sa.func.count()).where(QuizItem.session_id == QuizSession.id).scalar_subquery()
        answered = sa.select(sa.func.count()).where(Answer.session_id == QuizSession.id).scalar_subquery()
        query = sa.select(QuizSession.id, questions, answered).where(QuizSession.id.in_([q.id for q in quizzes]))
        counts = {quiz_id: (n_questions, n_answered) for quiz_id, n_questions, n_answered in db.session.execute(query)}

    rows = tuple(
        QuizRow(
            id=quiz.id,
            started_at=quiz.started_at,
            finished_at=quiz.finished_at,
            deck_title=quiz.deck.title,
            questions=counts[quiz.id][0],
            answered=counts[quiz.id][1],
            score=quiz.score,
            is_retry=quiz.is_retry,
            deck_slug=quiz.deck.slug,
        )
        for quiz in quizzes
    )
    return QuizHistory(rows=rows, page=pagination.page, pages=pagination.pages, total=pagination.total or 0)


# --- accuracy ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Accuracy:
    """Correct answers out of all answers for one deck or one kind of fact."""

    #: The deck's slug or the card kind.
    key: str
    #: The deck's title or the card kind (the page translates kinds into words).
    label: str
    correct: int
    total: int

    @property
    def percent(self) -> int | None:
        """Return the share correct in whole percent, rounded down; None when nothing was answered."""
        return whole_percent(self.correct, self.total)


def accuracy_by_deck(user_id: int) -> tuple[Accuracy, ...]:
    """Return the user's accuracy per deck, over every Answer row (quiz and review answers alike).

    A card in several decks counts in each of them, the "all" deck too. Decks spanning articles come first,
    then the others by title. Only decks with at least one answer are listed.
    """
    query = (
        sa.select(Deck.slug, Deck.title, Deck.article_id.is_(None), count_if(Answer.correct), sa.func.count())
        .select_from(Answer)
        .join(deck_cards, deck_cards.c.card_id == Answer.card_id)
        .join(Deck, Deck.id == deck_cards.c.deck_id)
        .where(Answer.user_id == user_id)
        .group_by(Deck.id, Deck.slug, Deck.title, Deck.article_id)
    )
    rows = sorted(db.session.execute(query), key=lambda row: (not row[2], row[1].casefold(), row[0]))
    return tuple(Accuracy(slug, title, int(correct), int(total)) for slug, title, _, correct, total in rows)


def accuracy_by_kind(user_id: int) -> tuple[Accuracy, ...]:
    """Return the user's accuracy per kind of fact (Card.kind), over every Answer row.

    question_bank's kinds come in its order, any other kind (an authored one) after them by name. Only
    kinds with at least one answer are listed.
    """
    query = (
        sa.select(Card.kind, count_if(Answer.correct), sa.func.count())
        .select_from(Answer)
        .join(Card, Card.id == Answer.card_id)
        .where(Answer.user_id == user_id)
        .group_by(Card.kind)
    )
    known = {kind: i for i, kind in enumerate(question_bank.KINDS)}
    rows = sorted(db.session.execute(query), key=lambda row: (known.get(row[0], len(known)), row[0]))
    return tuple(Accuracy(kind, kind, int(correct), int(total)) for kind, correct, total in rows)
