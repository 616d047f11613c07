"""Item analysis: how each question did in students' quiz attempts, as Moodle's quiz statistics report shows it.

What counts, and why:
- Only finished quiz attempts by students. Classical item analysis compares a question with the rest of
  the same test, so an attempt needs a final score; an abandoned quiz has none, and an instructor trying
  a quiz is not a student being measured. Review answers (session_id NULL) are left out: they repeat, and
  spaced repetition shows a card again because the student has seen its answer, so they would inflate
  the facility and belong to no attempt to correlate with.
- Only answers to the card's current version (an answer stored before versions existed counts as version
  1). After an edit the question is another question: its statistics start again, and the answers to
  earlier versions are counted apart (`earlier_answers`) so that the page can say how many were left out.
- The rest score of an attempt is the share of its other questions answered right: quizzes ask 5, 10 or
  20 questions, and a raw count would measure the quiz's length as much as the student.
"""

from __future__ import annotations

import enum
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
import sqlalchemy.orm as so

from quizapp.db import db
from quizapp.models import (
    Answer,
    Card,
    CardOrigin,
    CardStatus,
    ClassMember,
    QuizSession,
    Role,
    User,
    deck_cards,
)
from quizapp.percent import whole_percent
from quizapp.services.instructor.classes import instructor_classes as instructor_classes
from quizapp.services.stats.sql import count_if

#: Discrimination needs this many attempts with the question; with fewer it is not computed.
MIN_ATTEMPTS_FOR_DISCRIMINATION = 5
#: A question is flagged only once it has this many answers: a single unlucky answer says nothing.
MIN_ANSWERS_FOR_FLAGS = 5
#: Facility above EASY_FACILITY or below HARD_FACILITY is flagged.
EASY_FACILITY = 0.95
HARD_FACILITY = 0.20
#: Questions per page of the report.
PER_PAGE = 100
# A page number from a URL is capped before it is used; no bank has this many pages.
_MAX_PAGE = 1_000_000
# Cards are loaded by id in batches, below every database's limit on bound parameters.
_ID_BATCH = 500


class ItemFlag(enum.StrEnum):
    """Why a question deserves a look."""

    DISTRACTOR_BEATS_KEY = "distractor"  # a wrong option is chosen more often than the right one
    NEGATIVE_DISCRIMINATION = "negative"  # the stronger students get it wrong more often than the weaker
    TOO_EASY = "easy"  # facility above EASY_FACILITY
    TOO_HARD = "hard"  # facility below HARD_FACILITY


@dataclass(frozen=True)
class ItemFilter:
    """Which questions and attempts to analyse; None means any."""

    #: Questions in this deck (a card is in its article's deck and in "All articles").
    deck_id: int | None = None
    #: Attempts by the students of this class.
    class_id: int | None = None
    kind: str | None = None
    origin: CardOrigin | None = None
    #: Questions answered at least this many times (in the attempts counted).
    min_answers: int = 1
    flagged_only: bool = False


@dataclass(frozen=True)
class OptionCount:
    """One option of a question and how many times it was chosen."""

    position: int
    text: str
    correct: bool
    count: int

    @property
    def letter(self) -> str:
        """Name the option as the quiz shows it: A for position 0, B for 1, …"""
        return chr(ord("A") + self.position) if 0 <= self.position < 26 else str(self.position + 1)


@dataclass(frozen=True)
class ItemStats:
    """One question's statistics over the attempts analysed."""

    card_id: str
    question: str
    language: str
    kind: str
    origin: CardOrigin
    status: CardStatus
    #: Answers to the current version.
    answered: int
    #: Of those, the right ones.
    right: int
    #: Answers to earlier versions of the card, left out of every other figure.
    earlier_answers: int
    #: Corrected item-total correlation; None with too few attempts or when nothing varies.
    discrimination: float | None
    options: tuple[OptionCount, ...]
    flags: tuple[ItemFlag, ...]

    @property
    def facility(self) -> float | None:
        """Return the share of answers that were right, or None when there are none."""
        return self.right / self.answered if self.answered else None

    @property
    def facility_percent(self) -> int | None:
        """Return the facility as a whole percentage, as every page rounds one; None when there are no answers."""
        return whole_percent(self.right, self.answered)


@dataclass(frozen=True)
class ItemReport:
    """One page of the analysed questions, flagged first, then hardest first."""

    rows: tuple[ItemStats, ...]
    page: int
    pages: int
    #: Questions on all pages together, and how many of them are flagged.
    total: int
    flagged: int

    @property
    def has_prev(self) -> bool:
        """Tell whether an earlier page exists."""
        return self.page > 1

    @property
    def has_next(self) -> bool:
        """Tell whether a later page exists."""
        return self.page < self.pages


# --- the statistics (pure) ---------------------------------------------------------------------------------


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Return Pearson's correlation of xs and ys; None for fewer than two pairs or when either does not vary."""
    if len(xs) != len(ys):
        raise ValueError(f"xs has {len(xs)} values and ys {len(ys)}")
    n = len(xs)
    # Exact comparison, not a tolerance: a column of equal values has no variance, whatever rounding says.
    if n < 2 or len(set(xs)) < 2 or len(set(ys)) < 2:
        return None
    mean_x = math.fsum(xs) / n
    mean_y = math.fsum(ys) / n
    # Deviations from the mean first (two passes): the one-pass sum-of-squares formula cancels badly.
    sxy = math.fsum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    sxx = math.fsum((x - mean_x) ** 2 for x in xs)
    syy = math.fsum((y - mean_y) ** 2 for y in ys)
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def discrimination(
    pairs: Iterable[tuple[bool, float]], minimum: int = MIN_ATTEMPTS_FOR_DISCRIMINATION
) -> float | None:
    """Return the corrected item-total correlation of (item right, rest-of-attempt score) pairs, one per attempt.

    This is the point-biserial correlation between the 0/1 item score and the score on the attempt's other
    questions; None with fewer than minimum attempts or when either side does not vary.
    """
    pairs = list(pairs)
    if len(pairs) < minimum:
        return None
    return correlation([1.0 if right else 0.0 for right, _ in pairs], [rest for _, rest in pairs])


def item_flags(answered: int, right: int, options: Sequence[OptionCount], index: float | None) -> tuple[ItemFlag, ...]:
    """Return why a question with these figures deserves a look; nothing before MIN_ANSWERS_FOR_FLAGS answers."""
    if answered < MIN_ANSWERS_FOR_FLAGS:
        return ()
    flags = []
    key = sum(option.count for option in options if option.correct)
    if any(not option.correct and option.count > key for option in options):
        flags.append(ItemFlag.DISTRACTOR_BEATS_KEY)
    if index is not None and index < 0:
        flags.append(ItemFlag.NEGATIVE_DISCRIMINATION)
    facility = right / answered
    if facility > EASY_FACILITY:
        flags.append(ItemFlag.TOO_EASY)
    elif facility < HARD_FACILITY:
        flags.append(ItemFlag.TOO_HARD)
    return tuple(flags)


# --- the queries -------------------------------------------------------------------------------------------


def _attempt_conditions(item_filter: ItemFilter) -> list[sa.ColumnElement[bool]]:
    """Select the attempts counted: finished, by a student, of the class if one is given, and not retries.

    A retry asks only the questions the student just missed, right after seeing their answers: its facility and
    discrimination would say nothing of the questions.
    """
    conditions = [
        QuizSession.finished_at.is_not(None),
        QuizSession.retry_of_id.is_(None),
        QuizSession.user_id.in_(sa.select(User.id).where(User.role == Role.STUDENT)),
    ]
    if item_filter.class_id is not None:
        members = sa.select(ClassMember.user_id).where(ClassMember.class_id == item_filter.class_id)
        conditions.append(QuizSession.user_id.in_(members))
    return conditions


def _card_conditions(item_filter: ItemFilter) -> list[sa.ColumnElement[bool]]:
    """Select the questions analysed: of the deck, kind and origin if given."""
    conditions = []
    if item_filter.deck_id is not None:
        in_deck = sa.select(deck_cards.c.card_id).where(deck_cards.c.deck_id == item_filter.deck_id)
        conditions.append(Card.id.in_(in_deck))
    if item_filter.kind is not None:
        conditions.append(Card.kind == item_filter.kind)
    if item_filter.origin is not None:
        conditions.append(Card.origin == item_filter.origin)
    return conditions


def _current_version() -> sa.ColumnElement[bool]:
    return sa.func.coalesce(Answer.card_version, 1) == Card.version


def _option_counts(item_filter: ItemFilter) -> sa.Select:
    """Count the answers per question and chosen option: to the current version, right, and to earlier ones."""
    current = _current_version()
    return (
        sa.select(
            Answer.card_id,
            Answer.chosen_position,
            count_if(current).label("current"),
            count_if(sa.and_(current, Answer.correct)).label("right"),
            count_if(sa.not_(current)).label("earlier"),
        )
        .join(QuizSession, QuizSession.id == Answer.session_id)
        .join(Card, Card.id == Answer.card_id)
        .where(*_attempt_conditions(item_filter), *_card_conditions(item_filter))
        .group_by(Answer.card_id, Answer.chosen_position)
    )


def _attempt_rows(item_filter: ItemFilter) -> sa.Select:
    """Select one row per answer to a current version: its question, whether right, and its attempt's totals."""
    totals = (
        sa.select(
            Answer.session_id,
            sa.func.count().label("answered"),
            count_if(Answer.correct).label("right"),
        )
        .join(QuizSession, QuizSession.id == Answer.session_id)
        .where(*_attempt_conditions(item_filter))
        .group_by(Answer.session_id)
        .subquery("attempt_totals")
    )
    return (
        sa.select(Answer.card_id, Answer.correct, totals.c.answered, totals.c.right)
        .join(totals, totals.c.session_id == Answer.session_id)
        .join(Card, Card.id == Answer.card_id)
        .where(_current_version(), *_card_conditions(item_filter))
    )


def _cards(card_ids: Sequence[str]) -> dict[str, Card]:
    """Load the cards with their choices, a batch of ids at a time."""
    cards: dict[str, Card] = {}
    for start in range(0, len(card_ids), _ID_BATCH):
        batch = card_ids[start : start + _ID_BATCH]
        query = sa.select(Card).where(Card.id.in_(batch)).options(so.selectinload(Card.choices))
        cards.update((card.id, card) for card in db.session.scalars(query))
    return cards


def analyse_items(item_filter: ItemFilter | None = None) -> list[ItemStats]:
    """Return the statistics of every question the filter selects, flagged first, then hardest first."""
    item_filter = item_filter or ItemFilter()
    chosen: dict[str, dict[int, int]] = defaultdict(dict)
    answered: dict[str, int] = defaultdict(int)
    right: dict[str, int] = defaultdict(int)
    earlier: dict[str, int] = defaultdict(int)
    for card_id, position, current, right_now, before in db.session.execute(_option_counts(item_filter)):
        chosen[card_id][position] = current
        answered[card_id] += current
        right[card_id] += right_now
        earlier[card_id] += before

    pairs: dict[str, list[tuple[bool, float]]] = defaultdict(list)
    for card_id, correct, attempt_answered, attempt_right in db.session.execute(_attempt_rows(item_filter)):
        if attempt_answered > 1:  # a one-question attempt has no rest to compare with
            pairs[card_id].append((correct, (attempt_right - correct) / (attempt_answered - 1)))

    wanted = sorted(card_id for card_id in chosen if answered[card_id] >= item_filter.min_answers)
    cards = _cards(wanted)
    rows = []
    for card_id in wanted:
        card = cards[card_id]
        options = tuple(
            OptionCount(choice.position, choice.text, choice.is_correct, chosen[card_id].get(choice.position, 0))
            for choice in card.choices
        )
        index = discrimination(pairs[card_id])
        flags = item_flags(answered[card_id], right[card_id], options, index)
        if item_filter.flagged_only and not flags:
            continue
        rows.append(
            ItemStats(
                card_id=card_id,
                question=card.question,
                language=card.language,
                kind=card.kind,
                origin=card.origin,
                status=card.status,
                answered=answered[card_id],
                right=right[card_id],
                earlier_answers=earlier[card_id],
                discrimination=index,
                options=options,
                flags=flags,
            )
        )
    return sorted(rows, key=_report_order)


def _report_order(row: ItemStats) -> tuple[bool, float, str]:
    # Flagged first; then hardest first, a question with no current answers last; the id keeps ties stable.
    facility = row.facility
    return (not row.flags, facility if facility is not None else math.inf, row.card_id)


def item_report(item_filter: ItemFilter | None = None, page: int = 1, per_page: int = PER_PAGE) -> ItemReport:
    """Return one page of analyse_items; a page before the first shows the first, one past the last the last."""
    rows = analyse_items(item_filter)
    pages = max(1, math.ceil(len(rows) / per_page))
    page = min(max(page, 1), pages, _MAX_PAGE)
    start = (page - 1) * per_page
    return ItemReport(
        rows=tuple(rows[start : start + per_page]),
        page=page,
        pages=pages,
        total=len(rows),
        flagged=sum(1 for row in rows if row.flags),
    )
