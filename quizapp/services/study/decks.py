"""The decks a student studies: which there are, in what order, their counts and what to do next."""

from __future__ import annotations

import enum
import re
import typing as t
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_babel import gettext as _

from quizapp.db import db, plain_rows
from quizapp.models import ALL_DECK_SLUG, Article, Deck, DeckTotal
from quizapp.models.content import OPENING_CHARS
from quizapp.services.study.deck_counts import DeckCounts, deck_counts, deck_tallies, student_counts, tally_columns

if t.TYPE_CHECKING:
    from quizapp.services.instructor.assignments import Assignment


class NextStep(enum.StrEnum):
    """What a deck's page suggests doing next."""

    REVIEW = "review"  # some cards are due: review them before they are forgotten
    QUIZ = "quiz"  # nothing is due: take a quiz
    EMPTY = "empty"  # the deck has no question to ask yet


class _Counted:
    """What a deck's counts and assignments say, for an overview of a deck with one student's counts."""

    counts: DeckCounts
    assignments: tuple[Assignment, ...]

    @property
    def due_at(self) -> datetime | None:
        """When the deck is due: the earliest due date among its assignments, None without one."""
        return next((a.due_at for a in self.assignments if a.due_at is not None), None)

    @property
    def class_names(self) -> list[str]:
        """Name the classes that assigned the deck."""
        return [a.classroom.name for a in self.assignments]

    @property
    def next_step(self) -> NextStep:
        """Say what to do next with the deck."""
        if self.counts.due:
            return NextStep.REVIEW
        if self.counts.total:
            return NextStep.QUIZ
        return NextStep.EMPTY


@dataclass(frozen=True)
class DeckOverview(_Counted):
    """A deck with one student's counts for it."""

    deck: Deck
    counts: DeckCounts
    #: The student's classes that assigned the deck, the earliest due first; empty for a deck nobody assigned.
    assignments: tuple[Assignment, ...] = ()
    #: Whether the earliest due date has passed.
    overdue: bool = False

    @property
    def is_all(self) -> bool:
        """Tell whether this is the deck of every article."""
        return self.deck.slug == ALL_DECK_SLUG

    @property
    def article(self) -> Article | None:
        """The article the deck is made of, or None for a deck that spans articles."""
        return self.deck.article

    @property
    def title(self) -> str:
        """Name the deck as every page does (:func:`deck_name`)."""
        return deck_name(self.deck)


@dataclass(frozen=True)
class ListedDeck(_Counted):
    """A deck as the decks page lists it, with one student's counts: read as plain rows, not as models."""

    id: int
    slug: str
    #: The deck's name, as every page names it (:func:`deck_label`).
    title: str
    #: The outlet of the deck's article, where the title is the article's headline (else the title names it).
    outlet: str | None
    counts: DeckCounts
    #: The student's classes that assigned the deck, the earliest due first; empty for a deck nobody assigned.
    assignments: tuple[Assignment, ...] = ()
    #: Whether the earliest due date has passed.
    overdue: bool = False

    @property
    def is_all(self) -> bool:
        """Tell whether this is the deck of every article."""
        return self.slug == ALL_DECK_SLUG


def deck_name(deck: Deck) -> str:
    """Name a deck, the one way every page, form, export and report does.

    The deck of every article is named in the page's language; a deck of one article by the article's title
    (:func:`article_title`), after its outlet when the article has no headline; any other deck by its title.
    """
    article = deck.article
    if article is None or deck.slug == ALL_DECK_SLUG:
        return deck_label(deck.slug, deck.title)
    return deck_label(deck.slug, deck.title, article.headline, article.outlet, _opening(article))


def deck_label(slug: str, title: str, headline: str | None = None, outlet: str | None = None,
               opening: str | None = None) -> str:
    """Name a deck from what a statement read of it and its article (opening: the article's text, or its first
    few hundred characters): the deck of every article in the page's language, a deck of one article by its
    headline, else its outlet and opening sentence made short, any other deck by its title."""
    if slug == ALL_DECK_SLUG:
        return _("All articles")
    if opening is None:
        return title
    if headline:
        return headline
    short = title_from(None, outlet, opening)
    return f"{outlet}: {short}" if outlet else short


#: A title made from an article's opening sentence is cut, at a word, to at most this many characters.
_TITLE_CHARS = 72
# "Organisasi Perjanjian Keamanan Kolektif (CSTO)": a name spelled out and then abbreviated, as news writes
# it on first mention; a title says the abbreviation alone.
_SPELLED_OUT = re.compile(r"(?:\b[A-Z][\w-]*\s+){1,8}\(([A-Z][A-Z0-9]{1,9})\)")
_FIRST_SENTENCE = re.compile(r"(.+?[.!?])(?:\s|$)", re.S)


def _abbreviate(spelled_out: re.Match[str]) -> str:
    """Replace a spelled-out name and its abbreviation with the abbreviation, keeping capitalised words before it.

    The name has about as many words as its abbreviation has letters: in "The Collective Security Treaty
    Organization (CSTO)", "The" stays.
    """
    abbreviation = spelled_out.group(1)
    words = spelled_out.group(0).split()[:-1]
    kept = words[: max(len(words) - len(abbreviation), 0)]
    return " ".join([*kept, abbreviation])


def article_title(article: Article) -> str:
    """Title an article: its headline, else its opening sentence made short, never its file name or "None"."""
    return title_from(article.headline, article.outlet, _opening(article))


def _opening(article: Article) -> str:
    """The start of an article's text: read with the row (the whole text may be deferred), or, for an article not
    stored yet, its text."""
    return article.opening if article.opening is not None else article.text


def title_from(headline: str | None, outlet: str | None, text: str) -> str:
    """Title an article from its headline, else from its text's opening sentence made short (see article_title)."""
    if headline:
        return headline
    opening = _FIRST_SENTENCE.match(text.strip())
    sentence = (opening.group(1) if opening else text).strip()
    sentence = " ".join(_SPELLED_OUT.sub(_abbreviate, sentence).split()).rstrip(".")
    if not sentence:
        return outlet or _("Untitled article")
    if len(sentence) <= _TITLE_CHARS:
        return sentence
    words = sentence[: _TITLE_CHARS + 1].rsplit(" ", 1)[0].split()
    # A title cut after "yang" or "of" reads as broken off: short lower-case words do not end one.
    while len(words) > 3 and len(words[-1]) <= 4 and words[-1].islower():
        words.pop()
    return " ".join(words).rstrip(",;:–—- ") + "…"


def _order(slug: str, title: str, file: str | None) -> tuple[int, str, str]:
    """Order decks as students see them: "all" first, then each article's by its file (None: no article), others
    by title."""
    if slug == ALL_DECK_SLUG:
        return (0, "", "")
    if file is not None:
        return (1, file, slug)
    return (2, title.casefold(), slug)


def _sort_key(deck: Deck) -> tuple[int, str, str]:
    """Order a deck as students see them (see _order)."""
    return _order(deck.slug, deck.title, deck.article.file if deck.article is not None else None)


def list_decks() -> list[Deck]:
    """Return every deck in the order students see them; their articles come without their text."""
    # An article's text is large and a deck list shows only its headline, outlet and file.
    decks = db.session.scalars(sa.select(Deck).options(so.selectinload(Deck.article).defer(Article.text)))
    return sorted(decks, key=_sort_key)


def find_deck(slug: str) -> Deck | None:
    """Return the deck with this slug, or None."""
    return db.session.scalar(sa.select(Deck).where(Deck.slug == slug))


def overviews(user_id: int, decks: Sequence[Deck], now: datetime) -> list[DeckOverview]:
    """Return each deck with the user's counts for it, in the order given."""
    counts = deck_counts(user_id, [deck.id for deck in decks], now)
    empty = DeckCounts(new=0, due=0, learned=0, total=0)
    return [DeckOverview(deck, counts.get(deck.id, empty)) for deck in decks]


def article_decks() -> list[Deck]:
    """Return the decks made of one article each, in the order of their files."""
    return [deck for deck in list_decks() if deck.article is not None]


#: Every deck with what the decks page shows of it and of its article, how many cards it holds and how many of them
#: are served (kept by the database), and the student's tallies of it (deck_tallies); the article's opening, not its
#: text, names an article without a headline, and only such an article's text is read at all (a text runs to pages
#: of the database file). One row per deck, in one statement: every row SQLite returns costs the page.
_TALLIES = deck_tallies(False)
_LISTING = (
    sa.select(
        Deck.id, Deck.slug, Deck.title, Article.file, Article.headline, Article.outlet,
        sa.case(
            (sa.func.coalesce(Article.headline, "") == "", sa.func.substr(Article.text, 1, OPENING_CHARS))
        ).label("opening"),
        sa.func.coalesce(DeckTotal.cards, 0).label("cards"),
        sa.func.coalesce(DeckTotal.active, 0).label("active"),
        *tally_columns(_TALLIES),
    )
    .outerjoin(Article, Article.id == Deck.article_id)
    .outerjoin(DeckTotal, DeckTotal.deck_id == Deck.id)
    .outerjoin(_TALLIES, _TALLIES.c.deck_id == Deck.id)
)


def student_overviews(
    user_id: int, assignments: Sequence[Assignment], now: datetime, *, hide_unserved: bool = True
) -> list[ListedDeck]:
    """Return the decks page of a student: assigned decks first (earliest due first), then the rest as listed.

    assignments come from quizapp.services.instructor.assignments.student_assignments, already in due order. With
    hide_unserved, a deck whose cards are all drafts or retired is left out (an added article's deck until
    an instructor approves its questions), unless it is assigned; "All articles" and a deck with no card at all
    (which says it has no questions yet) stay.
    """
    by_deck: dict[int, list[Assignment]] = {}
    for assignment in assignments:
        by_deck.setdefault(assignment.deck.id, []).append(assignment)
    shown = []
    for row in plain_rows(_LISTING, {"user_id": user_id, "now": now}):
        deck_id, slug, _title, _file, _headline, _outlet, _opening, cards, active = row[:9]
        # A deck whose cards are all drafts or retired is hidden; "All articles" and a deck without cards stay.
        if deck_id in by_deck or not (hide_unserved and active == 0 and cards > 0 and slug != ALL_DECK_SLUG):
            shown.append(row)
    shown.sort(key=lambda row: _order(row[1], row[2], row[3]))
    no_assignments: tuple[Assignment, ...] = ()

    def listed(row: sa.Row[t.Any]) -> ListedDeck:
        deck_id, slug, title, file, headline, outlet, opening, _cards, total, *tallies = row
        assigned = tuple(by_deck[deck_id]) if deck_id in by_deck else no_assignments
        due = next((a.due_at for a in assigned if a.due_at is not None), None)
        return ListedDeck(
            deck_id, slug, deck_label(slug, title, headline, outlet, (opening or "") if file is not None else None),
            outlet if file is not None and headline else None, student_counts(total, *tallies), assigned,
            overdue=due is not None and due < now,
        )

    order = {deck_id: index for index, deck_id in enumerate(by_deck)}
    assigned = sorted((row for row in shown if row[0] in by_deck), key=lambda row: order[row[0]])
    return [listed(row) for row in assigned] + [listed(row) for row in shown if row[0] not in by_deck]


