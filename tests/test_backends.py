"""The test fixtures' databases: each test starts from the same one, whatever the tests before it stored.

On SQLite each test copies a template file; on PostgreSQL one database is put back to a saved state before
each test (tests/postgres_databases.py). Each test here runs twice in a row on each backend: the second run
fails if the first one's rows, or the ids they used up, outlive it.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from conftest import Accounts
from flask import Flask

from quizapp.db import db
from quizapp.models import Card, Deck, User


@pytest.mark.parametrize("run", [1, 2])
def test_a_test_starts_with_no_rows_and_ids_from_one(app: Flask, accounts: Accounts, run: int) -> None:
    assert accounts.create(f"first-{run}") == 1
    assert accounts.create(f"second-{run}") == 2
    db.session.remove()
    assert db.session.scalars(sa.select(User.username).order_by(User.id)).all() == [f"first-{run}", f"second-{run}"]


@pytest.mark.parametrize("run", [1, 2])
def test_a_test_with_the_bank_starts_from_the_seed_bank(bank_app: Flask, run: int) -> None:
    with bank_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Card)) == 49
        assert db.session.scalar(sa.select(sa.func.count()).where(Card.question == "changed")) == 0
        decks = db.session.scalar(sa.select(sa.func.count()).select_from(Deck))
        highest = db.session.scalar(sa.select(sa.func.max(Deck.id)))
        assert highest == decks  # the bank's decks numbered 1, 2, … as loaded
        added = Deck(slug=f"extra-{run}", title="Extra")
        db.session.add(added)
        db.session.commit()
        # the next id follows the bank's, as it would after loading: no id lost to an earlier test
        assert added.id == highest + 1
        db.session.execute(sa.update(Card).values(question="changed"))
        db.session.commit()
