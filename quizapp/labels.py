"""The words pages use for the bank's values: kinds of fact, card statuses and origins, and decks' names."""

from __future__ import annotations

from flask import Flask
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from quizapp.models import ALL_DECK_SLUG, CardOrigin, CardStatus, Deck
from quizapp.services.study.decks import display_title

#: The words the pages use for question_bank's kinds of fact; any other kind is shown by its name.
KIND_LABELS = {
    "member": _l("Members"),
    "former_member": _l("Former members"),
    "date": _l("Dates"),
    "speaker": _l("Who said it"),
    "role": _l("Roles and offices"),
    "number": _l("Numbers"),
}

STATUS_LABELS = {
    CardStatus.DRAFT: _l("Draft"),
    CardStatus.ACTIVE: _l("Active"),
    CardStatus.RETIRED: _l("Retired"),
}

ORIGIN_LABELS = {
    CardOrigin.GENERATED: _l("Generated"),
    CardOrigin.AUTHORED: _l("Authored"),
    CardOrigin.IMPORTED: _l("Imported"),
}


def kind_label(kind: str) -> str:
    """Name a kind of fact for the page."""
    label = KIND_LABELS.get(kind)
    return str(label) if label is not None else kind.replace("_", " ").capitalize()


def status_label(status: CardStatus) -> str:
    """Name a card status for the page."""
    return str(STATUS_LABELS[status])


def origin_label(origin: CardOrigin) -> str:
    """Name a card origin for the page."""
    return str(ORIGIN_LABELS[origin])


def deck_name(deck: Deck) -> str:
    """Name a deck for a page: in the page's language for the deck of every article, else by its title."""
    return _("All articles") if deck.slug == ALL_DECK_SLUG else display_title(deck)


def init_app(app: Flask) -> None:
    """Let every template name decks, kinds, statuses and origins the way the pages do."""
    app.jinja_env.globals.update(
        deck_name=deck_name, kind_label=kind_label, status_label=status_label, origin_label=origin_label
    )
