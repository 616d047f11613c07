"""How a student's answers went: the quiz history, and accuracy by deck and by kind of fact."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

import question_bank
from quizapp.db import db, plain_rows
from quizapp.models import Answer, Article, Deck, DeckAnswerTotal, KindAnswerTotal, QuizItem, QuizSession
from quizapp.services.stats.sql import whole_percent
from quizapp.services.study.decks import deck_label

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


def _history_statement() -> sa.Select[Any]:
    """Select one page of a user's quizzes with their counts and the number of quizzes (bound: user_id, limit,
    offset)."""
    user_id = sa.bindparam("user_id")
    quizzes = (
        sa.select(
            QuizSession.id, QuizSession.deck_id, QuizSession.started_at, QuizSession.finished_at, QuizSession.score,
            QuizSession.retry_of_id,
            # a count of the user's quizzes along their index, not a window over every quiz read and sorted
            sa.select(sa.func.count()).where(QuizSession.user_id == user_id).scalar_subquery().label("total"),
        )
        .where(QuizSession.user_id == user_id)
        .order_by(QuizSession.started_at.desc(), QuizSession.id.desc())
        .limit(sa.bindparam("limit"))
        .offset(sa.bindparam("offset"))
        .subquery()
    )
    # The counts are taken in the outer query, for the page's quizzes only.
    questions = sa.select(sa.func.count()).where(QuizItem.session_id == quizzes.c.id).scalar_subquery()
    answered = sa.select(sa.func.count()).where(Answer.session_id == quizzes.c.id).scalar_subquery()
    return (
        sa.select(quizzes, Deck.slug, Deck.title, *_ARTICLE_NAMING, questions.label("questions"),
                  answered.label("answered"))
        .join(Deck, Deck.id == quizzes.c.deck_id)
        .outerjoin(Article, Article.id == Deck.article_id)
        .order_by(quizzes.c.started_at.desc(), quizzes.c.id.desc())
    )


def _history_page(user_id: int, page: int, per_page: int) -> Sequence[sa.Row[Any]]:
    """Read one page of the user's quizzes with their counts, and the number of quizzes, in one statement."""
    bound = {"user_id": user_id, "limit": per_page, "offset": (page - 1) * per_page}
    return plain_rows(_HISTORY, bound)


def quiz_history(user_id: int, page: int = 1, per_page: int = QUIZZES_PER_PAGE) -> QuizHistory:
    """Return one page of the user's quizzes (QuizSession rows), newest started first.

    A page before the first shows the first; a page past the last shows the last.
    """
    page = min(max(page, 1), _MAX_PAGE)
    rows = _history_page(user_id, page, per_page)
    if rows:
        total = rows[0].total
    else:
        total = db.session.scalar(sa.select(sa.func.count()).where(QuizSession.user_id == user_id)) or 0
        if total:
            page = -(-total // per_page)
            rows = _history_page(user_id, page, per_page)
    quiz_rows = tuple(
        QuizRow(
            id=row.id,
            started_at=row.started_at,
            finished_at=row.finished_at,
            deck_title=deck_label(row.slug, row.title, row.headline, row.outlet, row.opening),
            questions=row.questions,
            answered=row.answered,
            score=row.score,
            is_retry=row.retry_of_id is not None,
            deck_slug=row.slug,
        )
        for row in rows
    )
    pages = -(-total // per_page)
    return QuizHistory(rows=quiz_rows, page=page if total else 1, pages=pages, total=total)


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


#: What naming a deck of one article takes (see deck_label): its headline, outlet and the start of its text, enough
#: for an opening sentence cut to a title. The start of the text is read only for an article without a headline, the
#: one deck_label names by it ("" for the others, NULL without an article): reading any of it reads the whole text,
#: which is most of what the statements would read otherwise.
_ARTICLE_NAMING = (
    Article.headline,
    Article.outlet,
    sa.case((sa.func.coalesce(Article.headline, "") == "", Article.opening), else_="").label("opening"),
)


def _accuracy_statement() -> sa.CompoundSelect:
    """Select a user's answer totals per deck, with what naming the deck takes, and per kind of card."""
    user_id = sa.bindparam("user_id")
    by_deck = (
        sa.select(sa.literal("deck"), Deck.slug, Deck.title, Deck.article_id.is_(None), *_ARTICLE_NAMING,
                  DeckAnswerTotal.correct, DeckAnswerTotal.answered)
        .join(Deck, Deck.id == DeckAnswerTotal.deck_id)
        .outerjoin(Article, Article.id == Deck.article_id)
        .where(DeckAnswerTotal.user_id == user_id)
    )
    by_kind = (
        sa.select(sa.literal("kind"), KindAnswerTotal.kind, KindAnswerTotal.kind, sa.false(), sa.null(), sa.null(),
                  sa.null(), KindAnswerTotal.correct, KindAnswerTotal.answered)
        .where(KindAnswerTotal.user_id == user_id)
    )
    return sa.union_all(by_deck, by_kind)


#: question_bank's kinds by their place in its order.
_KIND_ORDER = {kind: i for i, kind in enumerate(question_bank.KINDS)}
# What orders the rows of accuracy() (the rows themselves do not compare), taken without a Python call per row.
_ORDER_OF_DECK = operator.itemgetter(slice(0, 3))
_ORDER_OF_KIND = operator.itemgetter(slice(0, 2))

# Built once: a statement object used again keeps its compiled form, which building it anew per request would not.
_ACCURACY = _accuracy_statement()
_HISTORY = _history_statement()


def accuracy(user_id: int) -> tuple[tuple[Accuracy, ...], tuple[Accuracy, ...]]:
    """Return the user's accuracy by deck and by kind of fact (see accuracy_by_deck and accuracy_by_kind), at once.

    Reads the user's answer totals per deck and per kind (DeckAnswerTotal and KindAnswerTotal, which the database
    keeps up to date with every answer), not every answer nor every card answered: the cost follows the decks and
    kinds, not the length of the history.
    """
    # Decks spanning articles first, then the others by title; question_bank's kinds in its order, others by name.
    # Each row is kept behind its place in that order, ending with its key (deck slugs and kinds are unique).
    decks: list[tuple[bool, str, str, Accuracy]] = []
    kinds: list[tuple[int, str, Accuracy]] = []
    known = _KIND_ORDER
    rows = plain_rows(_ACCURACY, {"user_id": user_id})
    for grouping, key, label, spans_articles, headline, outlet, opening, n_correct, n_total in rows:
        if grouping == "deck":  # named as every page names a deck, from what this statement read
            label = deck_label(key, label, headline, outlet, None if spans_articles else opening)
            row = Accuracy(key, label, int(n_correct), int(n_total))
            decks.append((not spans_articles, label.casefold(), key, row))
        else:
            kinds.append((known.get(key, len(known)), key, Accuracy(key, label, int(n_correct), int(n_total))))
    decks.sort(key=_ORDER_OF_DECK)
    kinds.sort(key=_ORDER_OF_KIND)
    return tuple(row[-1] for row in decks), tuple(row[-1] for row in kinds)


def accuracy_by_deck(user_id: int) -> tuple[Accuracy, ...]:
    """Return the user's accuracy per deck, over every Answer row (quiz and review answers alike).

    A card in several decks counts in each of them, the "all" deck too. Decks spanning articles come first,
    then the others by title. Only decks with at least one answer are listed.
    """
    return accuracy(user_id)[0]


def accuracy_by_kind(user_id: int) -> tuple[Accuracy, ...]:
    """Return the user's accuracy per kind of fact (Card.kind), over every Answer row.

    question_bank's kinds come in its order, any other kind (an authored one) after them by name. Only
    kinds with at least one answer are listed.
    """
    return accuracy(user_id)[1]
