"""The rows of the decks page: each deck's words, numbers and links made once in Python, for a lean template.

The page lists every deck (a hundred at a school). Made in the template, each row cost three macro calls, four
translation look-ups and two url_for calls; here the page's catalog is looked up once, each link is made from one
built link, and the template only writes the rows out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from flask import url_for
from flask_babel import get_translations
from markupsafe import Markup, escape

from quizapp.services.study.decks import ListedDeck, NextStep

#: Characters no URL quotes: a slug made of only these goes into a link as it is.
_UNQUOTED = re.compile(r"[A-Za-z0-9_.~-]+")
#: Stands for the slug in a link built once, then replaced by each deck's slug.
_SLOT = "deck-slug-slot"


class DeckRow(NamedTuple):
    """One deck of the decks page, ready to write out; the template unpacks it in this order."""

    slug: str
    title: str
    href: str
    #: "Every article · 4900 questions", "Kompas · 12 questions", "12 questions".
    meta: Markup
    is_all: bool
    #: The deck with its assignments, for a deck a class assigned; else None.
    assigned: ListedDeck | None
    new: int
    learning: int
    learned: int
    suspended: int
    due: int
    #: The one action the deck suggests (see NextStep); action_href is its link or form target.
    action: str
    action_href: str
    #: "Review N due cards", for a deck with cards due.
    review_label: Markup | str


def _link(endpoint: str, **values: str) -> Callable[[str], str]:
    """Return a function that makes endpoint's link for a slug, given as the one value equal to _SLOT."""
    name = next(key for key, value in values.items() if value == _SLOT)
    before, _, after = url_for(endpoint, **values).rpartition(_SLOT)

    def link(slug: str) -> str:
        if _UNQUOTED.fullmatch(slug):
            return before + slug + after
        return url_for(endpoint, **{**values, name: slug})

    return link


def deck_rows(overviews: Sequence[ListedDeck]) -> list[DeckRow]:
    """Make the decks page's rows, in the order of overviews."""
    translations = get_translations()
    # Markup, as Jinja's i18n extension marks translations: the catalog's text is the page's, not the user's.
    every_article = f"{escape(translations.ugettext('Every article'))} · "
    all_articles = translations.ugettext("All articles")
    ungettext = translations.ungettext

    # Decks share their numbers (a hundred decks of about fifty questions): each text is made once a page.
    @functools.cache
    def plural(singular: str, plural: str, num: int) -> str:
        # Only a whole number goes into the text: nothing to escape.
        return ungettext(singular, plural, num) % {"num": num}

    deck_link = _link("study.deck", slug=_SLOT)
    review_link = _link("study.review", deck=_SLOT)
    quiz_link = _link("study.start_quiz", slug=_SLOT)
    rows = []
    for overview in overviews:
        slug, counts = overview.slug, overview.counts
        questions = plural("%(num)d question", "%(num)d questions", counts.total)
        # One Markup made of escaped parts, not Markup added to Markup (each addition escapes and makes one more).
        if overview.is_all:
            title, meta = all_articles, Markup(every_article + questions)
        else:
            title = overview.title
            meta = Markup(f"{escape(overview.outlet)} · {questions}" if overview.outlet else questions)
        step = overview.next_step
        if step == NextStep.REVIEW:
            action_href = review_link(slug)
            review_label = Markup(plural("Review %(num)d due card", "Review %(num)d due cards", counts.due))
        else:
            action_href = quiz_link(slug) if step == NextStep.QUIZ else ""
            review_label = ""
        rows.append(DeckRow(
            slug, title, deck_link(slug), meta, overview.is_all, overview if overview.assignments else None,
            counts.new, counts.learning, counts.learned, counts.suspended, counts.due, step.value, action_href,
            review_label,
        ))
    return rows
