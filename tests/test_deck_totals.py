"""Deck totals, which triggers on deck_cards and cards keep equal to the decks' cards and their statuses."""

from __future__ import annotations

import flask_migrate
import sqlalchemy as sa
from flask import Flask
from test_stats import make_card, make_deck

from quizapp.db import db
from quizapp.models import Card, CardStatus, Deck, DeckTotal, deck_cards


def totals() -> dict[int, tuple[int, int]]:
    """Return the stored totals by deck, leaving out decks with no card: cards, served cards."""
    rows = db.session.execute(sa.select(DeckTotal.deck_id, DeckTotal.cards, DeckTotal.active))
    return {deck_id: (cards, active) for deck_id, cards, active in rows if cards or active}


def counted_from_cards() -> dict[int, tuple[int, int]]:
    """Return the same totals counted from deck_cards and the cards."""
    query = (
        sa.select(deck_cards.c.deck_id, sa.func.count(), sa.func.count(sa.case((Card.status == CardStatus.ACTIVE, 1))))
        .join(Card, Card.id == deck_cards.c.card_id)
        .group_by(deck_cards.c.deck_id)
    )
    return {deck_id: (cards, active) for deck_id, cards, active in db.session.execute(query)}


def test_the_totals_follow_every_card_added_moved_changed_or_deleted(app: Flask) -> None:
    first, second = make_deck("first", "First"), make_deck("second", "Second")
    served = make_card(decks=[first, second])
    draft = make_card(decks=[first], status=CardStatus.DRAFT)
    retired = make_card(decks=[second], status=CardStatus.RETIRED)
    assert totals() == counted_from_cards() == {first.id: (2, 1), second.id: (2, 1)}

    draft.status = CardStatus.ACTIVE  # approved
    served.status = CardStatus.RETIRED
    db.session.flush()
    assert totals() == counted_from_cards() == {first.id: (2, 1), second.id: (2, 0)}
    retired.status = CardStatus.DRAFT  # from one unserved status to another
    db.session.flush()
    assert totals()[second.id] == (2, 0)

    # bulk statements, which the ORM does not make, fire the triggers too
    db.session.execute(sa.insert(deck_cards), [{"deck_id": second.id, "card_id": draft.id}])
    db.session.execute(sa.update(deck_cards).where(deck_cards.c.card_id == retired.id).values(deck_id=first.id))
    assert totals() == counted_from_cards() == {first.id: (3, 1), second.id: (2, 1)}
    db.session.execute(sa.update(Card).where(Card.id == served.id).values(status=CardStatus.ACTIVE))
    assert totals() == counted_from_cards() == {first.id: (3, 2), second.id: (2, 2)}

    # a deleted card leaves its decks, counted with the status it had
    db.session.execute(sa.delete(Card).where(Card.id == draft.id))
    assert totals() == counted_from_cards() == {first.id: (2, 1), second.id: (1, 1)}
    db.session.delete(served)
    db.session.flush()
    assert totals() == counted_from_cards() == {first.id: (1, 0)}

    db.session.execute(sa.delete(Deck).where(Deck.id == first.id))
    assert db.session.scalars(sa.select(DeckTotal.deck_id)).all() == [second.id]
    assert totals() == counted_from_cards() == {}


def test_every_test_with_the_bank_starts_from_its_true_totals(bank_app: Flask) -> None:
    # PostgreSQL's tests put the bank back before each test: the totals must not be copied back on top of the
    # ones the triggers count again (see tests/postgres_databases.py)
    with bank_app.app_context():
        assert totals() == counted_from_cards() != {}


def test_the_migration_counts_the_cards_already_in_decks(app: Flask) -> None:
    first, second = make_deck("first", "First"), make_deck("second", "Second")
    make_card(decks=[first, second])
    make_card(decks=[first], status=CardStatus.RETIRED)
    db.session.commit()
    flask_migrate.downgrade(revision="3f9a6c2e8b17-1")  # before deck_totals
    flask_migrate.upgrade()
    assert totals() == counted_from_cards() == {first.id: (2, 1), second.id: (1, 1)}
