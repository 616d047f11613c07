"""Arbitrary bytes added as an article in the app: an article with its deck and drafts, or AddArticleError and
nothing stored."""

from __future__ import annotations

import sqlalchemy as sa
from article_strategies import article_bytes
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.db import db
from quizapp.models import Article, Card, Deck, User
from quizapp.services.bank.articles import AddArticleError, add_article


def database_state() -> tuple[int, int, int]:
    """Count what adding an article may store: articles, decks, cards."""
    db.session.remove()
    return tuple(db.session.scalar(sa.select(sa.func.count()).select_from(model)) for model in (Article, Deck, Card))


# The app is made once per test and shared by its examples; each compares the database before and after itself.
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=article_bytes(), language=st.sampled_from([None, "id", "en", "xx"]), title=st.sampled_from([None, "", "☃"]))
def test_adding_any_bytes_stores_an_article_or_nothing(
    app: Flask, accounts, data: bytes, language: str | None, title: str | None
) -> None:
    user = db.session.scalar(sa.select(User.id)) or accounts.create("teacher", "instructor")
    before = database_state()
    try:
        added = add_article(data, language=language, added_by_id=user, title=title, upload_name="fuzz.txt")
    except AddArticleError as error:
        assert error.reason
        assert database_state() == before
        return
    articles, decks, cards = database_state()
    assert articles == before[0] + 1
    assert decks - before[1] in (1, 2)  # its own deck, and the deck of every card when it is the first
    assert cards == before[2] + added.drafts
