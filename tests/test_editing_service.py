"""The editing service: authored cards, edits that keep history, tags, decks, and removal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from quizapp.db import db, utcnow
from quizapp.models import Answer, Card, CardOrigin, CardRevision, CardStatus, Choice, Deck, QuizItem, QuizSession
from quizapp.services.bank import editing
from quizapp.services.bank.editing import CardContent, CardContentError, Removal
from quizapp.services.bank.loading import load_bank

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CONTENT = CardContent("Ibu kota Armenia?", ("Yerevan", "Baku", "Tbilisi", "Minsk"), 0, "Yerevan.")


@pytest.fixture
def teacher(bank_app: Flask, bank_accounts) -> Iterator[int]:
    """An instructor's id, with an app context open for the test."""
    user_id = bank_accounts.create("teacher", "instructor")
    with bank_app.app_context():
        yield user_id


def deck(slug: str) -> Deck:
    return db.session.scalar(sa.select(Deck).where(Deck.slug == slug))


def an_article_deck() -> Deck:
    return db.session.scalars(sa.select(Deck).where(Deck.article_id.is_not(None)).order_by(Deck.id)).first()


@pytest.mark.parametrize(
    ("text", "tags"),
    [("CSTO, Sejarah  csto", "csto sejarah"), ("", ""), (" ,, ", ""), ("Zeta alpha\tBeta", "alpha beta zeta")],
)
def test_tags_are_normalised_the_anki_way(text: str, tags: str) -> None:
    assert editing.normalise_tags(text) == tags


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (CardContent(" ", ("a", "b"), 0), "the question is empty"),
        (CardContent("q", ("a",), 0), "a card has 2 to 6 options, not 1"),
        (CardContent("q", tuple("abcdefg"), 0), "a card has 2 to 6 options, not 7"),
        (CardContent("q", ("a", "  "), 0), "an option is empty"),
        (CardContent("q", ("Yes", " yes "), 0), "an option repeats another"),
        (CardContent("q", ("a", "b"), 2), "the right answer 2 is not one of the options"),
    ],
)
def test_bad_content_is_refused(bank_app: Flask, teacher: int, content: CardContent, reason: str) -> None:
    with pytest.raises(CardContentError, match=reason):
        editing.create_card(content, author_id=teacher, deck=deck("all"))


def test_a_created_card_is_authored_active_and_only_in_its_deck(bank_app: Flask, teacher: int) -> None:
    home = an_article_deck()
    home_id, home_slug = home.id, home.slug
    card = editing.create_card(CONTENT, author_id=teacher, deck=home, tags="Geografi", language="en")
    card_id = card.id
    db.session.remove()
    card = db.session.get(Card, card_id)
    assert (card.origin, card.status, card.kind, card.language, card.tags) == (
        CardOrigin.AUTHORED, CardStatus.ACTIVE, "custom", "en", "geografi"
    )
    assert card.options == list(CONTENT.options) and card.answer_index == 0 and card.explanation == "Yerevan."
    assert [d.slug for d in card.decks] == [home_slug] and card.author_id == teacher
    assert editing.home_deck(card).id == home_id


def test_a_draft_and_a_given_kind(bank_app: Flask, teacher: int) -> None:
    card = editing.create_card(CONTENT, author_id=teacher, deck=deck("all"), draft=True, kind="capital")
    assert (card.status, card.kind) == (CardStatus.DRAFT, "capital")


@pytest.mark.parametrize(
    "options",
    [("Yerevan", "Baku"), ("Yerevan", "Baku", "Tbilisi", "Minsk", "Ankara", "Teheran"), ("Baku", "Yerevan", "Minsk")],
)
def test_options_can_grow_shrink_and_swap_without_breaking_positions(
    bank_app: Flask, teacher: int, options: tuple[str, ...]
) -> None:
    card = editing.create_card(CONTENT, author_id=teacher, deck=deck("all"))
    right = options.index("Yerevan")
    editing.update_card(card, CardContent(CONTENT.question, options, right, ""), editor_id=teacher)
    card_id = card.id
    db.session.remove()
    card = db.session.get(Card, card_id)
    assert card.options == list(options) and card.answer_index == right
    stored = db.session.scalars(sa.select(Choice.position).where(Choice.card_id == card.id).order_by(Choice.position))
    assert list(stored) == list(range(len(options)))
    assert card.version == 2 and card.revisions == [], "nobody answered version 1, so it is not kept"


def test_an_edit_of_an_answered_card_keeps_the_old_version(bank_app: Flask, teacher: int, bank_accounts) -> None:
    student = bank_accounts.create("ayu")
    card = editing.create_card(CONTENT, author_id=teacher, deck=deck("all"))
    db.session.add(Answer(user_id=student, card_id=card.id, chosen_position=1, correct=False, time_taken_ms=None,
                          card_version=1))
    db.session.commit()
    outcome = editing.update_card(card, CardContent("Ibu kota Armenia adalah?", CONTENT.options, 0, ""),
                                  editor_id=teacher)
    assert outcome == editing.EditOutcome(new_version=True, revision_written=True)
    (revision,) = db.session.scalars(sa.select(CardRevision))
    assert (revision.version, revision.question, revision.answer_index, revision.explanation) == (
        1, "Ibu kota Armenia?", 0, "Yerevan."
    )
    assert revision.options_json == '["Yerevan", "Baku", "Tbilisi", "Minsk"]'
    assert card.version == 2 and editing.students_who_answered(card.id) == 1


def test_tags_language_deck_and_status_alone_keep_the_version(bank_app: Flask, teacher: int) -> None:
    card = editing.create_card(CONTENT, author_id=teacher, deck=deck("all"))
    home = an_article_deck()
    outcome = editing.update_card(card, CONTENT, editor_id=teacher, tags="b a", deck=home, status=CardStatus.DRAFT)
    assert outcome == editing.EditOutcome(new_version=False, revision_written=False)
    assert (card.version, card.tags, card.status, card.edited_at) == (1, "a b", CardStatus.DRAFT, None)
    assert [d.slug for d in card.decks] == [home.slug], "the new deck replaces the one shown"


def test_a_generated_cards_edit_outlasts_a_reload(bank_app: Flask, teacher: int) -> None:
    card = db.session.scalars(sa.select(Card).where(Card.status == CardStatus.ACTIVE).order_by(Card.id)).first()
    decks_before = {d.slug for d in card.decks}
    content = CardContent("Pertanyaan versi guru?", tuple(card.options), card.answer_index, "Penjelasan guru.")
    editing.update_card(card, content, editor_id=teacher, status=CardStatus.DRAFT)
    assert card.reviewed_by_id == teacher and card.reviewed_at is not None and card.edited_at is not None
    card_id = card.id
    assert load_bank([SEEDS]).ok
    db.session.remove()
    card = db.session.get(Card, card_id)
    assert (card.question, card.explanation, card.status) == (
        "Pertanyaan versi guru?", "Penjelasan guru.", CardStatus.DRAFT
    )
    assert {d.slug for d in card.decks} == decks_before


def test_a_card_nobody_met_is_deleted(bank_app: Flask, teacher: int) -> None:
    card = editing.create_card(CONTENT, author_id=teacher, deck=deck("all"))
    card_id = card.id
    assert editing.remove_card(card, editor_id=teacher) is Removal.DELETED
    db.session.remove()
    assert db.session.get(Card, card_id) is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Choice).where(Choice.card_id == card_id)) == 0


@pytest.mark.parametrize("met_by", ["answer", "quiz"])
def test_a_card_someone_met_is_retired(bank_app: Flask, teacher: int, bank_accounts, met_by: str) -> None:
    student = bank_accounts.create("ayu")
    card = editing.create_card(CONTENT, author_id=teacher, deck=deck("all"))
    if met_by == "answer":
        db.session.add(Answer(user_id=student, card_id=card.id, chosen_position=0, correct=True, time_taken_ms=1))
    else:
        quiz = QuizSession(user_id=student, deck_id=deck("all").id, started_at=utcnow())
        quiz.items = [QuizItem(position=1, card_id=card.id)]
        db.session.add(quiz)
    db.session.commit()
    assert editing.remove_card(card, editor_id=teacher) is Removal.RETIRED
    card_id = card.id
    db.session.remove()
    card = db.session.get(Card, card_id)
    assert card.status == CardStatus.RETIRED and card.reviewed_by_id == teacher


def test_a_generated_card_is_always_retired(bank_app: Flask, teacher: int) -> None:
    card = db.session.scalars(sa.select(Card).where(Card.origin == CardOrigin.GENERATED)).first()
    assert editing.remove_card(card, editor_id=teacher) is Removal.RETIRED
    card_id = card.id
    assert load_bank([SEEDS]).ok
    db.session.remove()
    assert db.session.get(Card, card_id).status == CardStatus.RETIRED, "a reload keeps the instructor's decision"
