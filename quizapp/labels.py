"""The words pages use for the bank's values: kinds of fact, card statuses and origins; decks' names for templates."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from quizapp.models import CardOrigin, CardStatus
from quizapp.percent import whole_percent
from quizapp.services.study.decks import article_title, deck_name

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


def init_app(app: Flask) -> None:
    """Let every template name decks, kinds, statuses and origins, and round percentages, the way the pages do."""
    app.jinja_env.globals.update(
        deck_name=deck_name, article_title=article_title, kind_label=kind_label, status_label=status_label,
        origin_label=origin_label,
    )
    app.jinja_env.filters["whole_percent"] = whole_percent
