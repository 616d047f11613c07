"""Loading the question bank: idempotent, updates cards in place, retires instead of deleting."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

import question_bank
from quizapp.db import db, utcnow
from quizapp.models import (
    Answer,
    Article,
    Card,
    CardOrigin,
    CardSource,
    CardStatus,
    Choice,
    Deck,
    ReviewState,
    User,
)
from quizapp.services.bank.loading import ALL_DECK_SLUG, LoadReport, load_bank
from quizapp.services.bank.stored_articles import slugify

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Return a copy of the seed articles that a test may change."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def generated(folder: Path, include_disputed: bool = True) -> dict[str, question_bank.Card]:
    """Return what question_bank makes of a folder, by card id (the bank stores disputed facts too)."""
    articles = question_bank.read_articles([folder]).articles
    return {card.id: card for card in question_bank.generate(articles, include_disputed=include_disputed)}


def count(model: type) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model)) or 0


def statuses() -> dict[str, CardStatus]:
    db.session.remove()
    return dict(db.session.execute(sa.select(Card.id, Card.status)).all())


def first_article_file(folder: Path) -> Path:
    return sorted(folder.glob("*.txt"))[0]


# --- a first load -----------------------------------------------------------------------------------


def test_a_first_load_stores_every_generated_card_as_it_was_generated(app: Flask, corpus: Path) -> None:
    expected = generated(corpus)
    report = load_bank([corpus])
    assert report == LoadReport(articles_added=5, added=len(expected))
    assert report.ok
    assert f"{len(expected)} added" in report.summary()

    db.session.remove()
    cards = {card.id: card for card in db.session.scalars(sa.select(Card))}
    assert cards.keys() == expected.keys()
    for card_id, card in expected.items():
        row = cards[card_id]
        assert (row.kind, row.language, row.question) == (card.kind, card.language, card.question)
        assert row.options == list(card.options)
        assert row.answer_index == card.answer
        assert (row.fact_subject, row.fact_value) == (card.fact["subject"], card.fact["value"])
        assert row.negated == bool(card.fact.get("negated"))
        assert row.explanation == card.explanation
        assert [(s.article.file, s.sentence) for s in row.sources if s.article] == [
            (s.file, s.sentence) for s in card.sources
        ]
        status = CardStatus.DRAFT if card.fact.get("disputed") or card.is_draft else CardStatus.ACTIVE
        assert (row.origin, row.status) == (CardOrigin.GENERATED, status)
        assert row.created_at.tzinfo == UTC


def test_each_article_gets_a_deck_and_every_card_is_in_the_all_deck(app: Flask, corpus: Path) -> None:
    expected = generated(corpus)
    load_bank([corpus])
    db.session.remove()

    decks = db.session.scalars(sa.select(Deck)).all()
    assert len(decks) == 6
    assert len({deck.slug for deck in decks}) == 6
    all_deck = next(deck for deck in decks if deck.slug == ALL_DECK_SLUG)
    assert all_deck.article is None
    assert {card.id for card in all_deck.cards} == expected.keys()
    for deck in decks:
        if deck.article is None:
            continue
        # a headline names the deck; without one, the article's opening words do (never the bare file name)
        opening = " ".join(deck.article.text.split()[:10])
        assert deck.title == deck.article.headline or deck.title.startswith(opening)
        assert deck.article.file not in deck.title
        from_article = {card.id for card in expected.values() if deck.article.file in {s.file for s in card.sources}}
        assert {card.id for card in deck.cards} == from_article


def test_articles_are_stored_with_their_text_and_metadata(app: Flask, corpus: Path) -> None:
    articles = question_bank.read_articles([corpus]).articles
    load_bank([corpus])
    db.session.remove()
    rows = {row.file: row for row in db.session.scalars(sa.select(Article))}
    assert rows.keys() == {article.file for article in articles}
    for article in articles:
        row = rows[article.file]
        assert (row.outlet, row.headline, row.language) == (article.outlet, article.headline, article.language)
        assert row.dateline == article.dateline
        assert article.sentences[0].text in row.text
        assert len(row.content_hash) == 64


def test_a_stored_article_rebuilt_gives_the_cards_its_file_gave(app: Flask, tmp_path: Path) -> None:
    """A day and month take their year from the dateline, which the store keeps (hypothesis found it lost)."""
    folder = tmp_path / "dated"
    folder.mkdir()
    (folder / "dated.txt").write_text(
        "Senin, 26 Mei 2025 10:15 WIB\n\nKTT ASEAN ke-46 ditutup di Kuala Lumpur pada 27 Mei dengan deklarasi "
        "bersama para pemimpin.\n", encoding="utf-8")
    (article,) = question_bank.read_articles([folder]).articles
    assert article.dateline
    load_bank([folder])
    db.session.remove()
    row = db.session.scalars(sa.select(Article)).one()
    rebuilt = question_bank.loading.rebuild_article(row.file, row.text, row.language, row.outlet, row.headline,
                                                     row.dateline)
    from_file = question_bank.generate([article])
    assert any(card.options[card.answer] == "27 Mei 2025" for card in from_file)
    assert [c.id for c in question_bank.generate([rebuilt])] == [c.id for c in from_file]


def test_disputed_cards_wait_as_drafts_unless_asked_for(app: Flask, corpus: Path) -> None:
    disputed = {card_id for card_id, card in generated(corpus).items() if card.fact.get("disputed")}
    assert len(disputed) == 2, "the seeds give 1992 and 2002 for the founding of the CSTO"
    load_bank([corpus], include_disputed=True)
    assert all(db.session.get_one(Card, card_id).disputed for card_id in disputed)
    assert {statuses()[card_id] for card_id in disputed} == {CardStatus.ACTIVE}
    report = load_bank([corpus])
    assert (report.retired, report.updated) == (0, len(disputed))
    assert {statuses()[card_id] for card_id in disputed} == {CardStatus.DRAFT}


def test_an_instructors_decision_outlasts_a_reload(app: Flask, corpus: Path) -> None:
    load_bank([corpus])
    db.session.remove()
    cards = db.session.scalars(sa.select(Card).where(~Card.disputed).order_by(Card.id).limit(2)).all()
    retired, edited = cards
    retired.status, retired.reviewed_at = CardStatus.RETIRED, utcnow()
    edited.question, edited.edited_at, edited.reviewed_at = "Which of these is right?", utcnow(), utcnow()
    db.session.commit()
    ids = (retired.id, edited.id)

    report = load_bank([corpus])
    assert report.reactivated == 0
    db.session.remove()
    retired, edited = (db.session.get_one(Card, card_id) for card_id in ids)
    assert retired.status == CardStatus.RETIRED
    assert (edited.status, edited.question) == (CardStatus.ACTIVE, "Which of these is right?")


def test_a_reload_of_the_corpus_leaves_the_cards_of_an_added_article_alone(
    app: Flask, corpus: Path, tmp_path: Path
) -> None:
    from quizapp.models import Role
    from quizapp.services.users import create_user

    instructor = create_user("teacher", "password123", Role.INSTRUCTOR)
    extra = tmp_path / "extra"
    extra.mkdir()
    shutil.move(first_article_file(corpus), extra)
    load_bank([extra])
    db.session.execute(sa.update(Article).values(added_by_id=instructor.id))
    db.session.commit()
    added = {card_id for card_id, status in statuses().items() if status == CardStatus.ACTIVE}

    report = load_bank([corpus])
    assert report.ok
    now = statuses()
    assert {now[card_id] for card_id in added - generated(corpus).keys()} == {CardStatus.ACTIVE}


# --- loading again ----------------------------------------------------------------------------------


def test_loading_twice_adds_and_changes_nothing(app: Flask, corpus: Path) -> None:
    first = load_bank([corpus])
    db.session.remove()
    before = {
        "cards": count(Card), "choices": count(Choice), "sources": count(CardSource), "decks": count(Deck),
        "articles": count(Article),
    }
    stamps = dict(db.session.execute(sa.select(Card.id, Card.updated_at)).all())

    second = load_bank([corpus])
    assert second == LoadReport(unchanged=first.added)
    db.session.remove()
    after = {
        "cards": count(Card), "choices": count(Choice), "sources": count(CardSource), "decks": count(Deck),
        "articles": count(Article),
    }
    assert after == before
    assert dict(db.session.execute(sa.select(Card.id, Card.updated_at)).all()) == stamps


def test_a_card_no_longer_generated_is_retired_and_its_history_kept(app: Flask, corpus: Path) -> None:
    before = generated(corpus)
    load_bank([corpus])
    removed = first_article_file(corpus)
    removed.unlink()
    after = generated(corpus)
    gone = before.keys() - after.keys()
    assert gone, "removing an article must take some cards away, or this test shows nothing"

    # A student has answered and scheduled a card that is about to go.
    victim = sorted(gone)[0]
    student = User(username="siti", password_hash="x")
    db.session.add(student)
    db.session.add(Answer(user=student, card_id=victim, chosen_position=0, correct=True, time_taken_ms=800))
    db.session.add(ReviewState(user=student, card_id=victim, due=datetime(2024, 3, 1, tzinfo=UTC)))
    db.session.commit()
    total = count(Card)

    changed = {i for i in before.keys() & after.keys() if before[i].to_dict() != after[i].to_dict()}
    report = load_bank([corpus])
    assert report.retired == len(gone)
    assert report.added == len(after.keys() - before.keys())
    assert report.updated == len(changed)
    assert report.unchanged == len(before.keys() & after.keys()) - len(changed)

    assert count(Card) == total, "no card is ever deleted"
    status = statuses()
    assert {status[card_id] for card_id in gone} == {CardStatus.RETIRED}
    assert {status[card_id] for card_id in after if not after[card_id].fact.get("disputed")} == {CardStatus.ACTIVE}
    assert db.session.scalars(sa.select(Answer.card_id)).all() == [victim]
    assert db.session.scalars(sa.select(ReviewState.card_id)).all() == [victim]
    retired = db.session.get_one(Card, victim)
    assert retired.options, "a retired card keeps its choices, so old answers still make sense"
    assert count(Article) == 5, "the removed article stays, as its retired cards' sources"

    again = load_bank([corpus])
    assert again == LoadReport(unchanged=len(after)), "a retired card is retired once"


def test_a_card_that_comes_back_is_active_again(app: Flask, corpus: Path) -> None:
    full = generated(corpus)
    load_bank([corpus])
    removed = first_article_file(corpus)
    text = removed.read_bytes()
    removed.unlink()
    reduced = generated(corpus)
    load_bank([corpus])

    removed.write_bytes(text)
    report = load_bank([corpus])
    assert report.reactivated == len(full.keys() - reduced.keys())
    assert report.retired == 0
    assert report.added == 0
    served = {card_id for card_id, card in full.items() if not card.fact.get("disputed") and not card.is_draft}
    assert {statuses()[card_id] for card_id in served} == {CardStatus.ACTIVE}
    unsure = {card_id for card_id, card in full.items() if card.is_draft}
    assert {statuses()[card_id] for card_id in unsure} <= {CardStatus.DRAFT}  # back, still waiting for review


def test_an_edited_article_updates_its_cards_in_place(app: Flask, corpus: Path) -> None:
    load_bank([corpus])
    created = dict(db.session.execute(sa.select(Card.id, Card.created_at)).all())
    edited = first_article_file(corpus)
    before = generated(corpus)
    lines = edited.read_text(encoding="utf-8").splitlines()
    # Drop the article's last paragraph: its facts lose a source or go.
    edited.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    after = generated(corpus)
    changed = {i for i in before.keys() & after.keys() if before[i].to_dict() != after[i].to_dict()}

    report = load_bank([corpus])
    assert report.articles_updated == 1
    assert report.updated == len(changed)
    db.session.remove()
    for card_id in changed:
        row = db.session.get_one(Card, card_id)
        assert row.created_at == created[card_id]
        assert row.updated_at > row.created_at
        assert row.options == list(after[card_id].options)
        assert [s.sentence for s in row.sources] == [s.sentence for s in after[card_id].sources]


def test_authored_cards_are_never_touched(app: Flask, corpus: Path) -> None:
    load_bank([corpus])
    all_deck = db.session.scalars(sa.select(Deck).where(Deck.slug == ALL_DECK_SLUG)).one()
    authored = Card(
        kind="member", language="id", question="Siapa ketua CSTO?", origin=CardOrigin.AUTHORED,
        choices=[Choice(position=i, text=t, is_correct=i == 0) for i, t in enumerate(["Rusia", "Armenia", "Iran"])],
    )
    imported = Card(
        kind="number", language="id", question="Berapa anggota CSTO?", origin=CardOrigin.IMPORTED,
        choices=[Choice(position=i, text=t, is_correct=i == 1) for i, t in enumerate(["5", "6", "7", "8"])],
    )
    authored.decks.append(all_deck)
    imported.decks.append(all_deck)
    db.session.add_all([authored, imported])
    db.session.commit()
    ids = [authored.id, imported.id]
    stamps = [authored.updated_at, imported.updated_at]

    first_article_file(corpus).unlink()
    report = load_bank([corpus])
    assert report.ok
    db.session.remove()
    for card_id, stamp in zip(ids, stamps, strict=True):
        row = db.session.get_one(Card, card_id)
        assert row.status == CardStatus.ACTIVE
        assert row.updated_at == stamp
        assert [deck.slug for deck in row.decks] == [ALL_DECK_SLUG]
    assert db.session.get_one(Card, ids[1]).options == ["5", "6", "7", "8"]


def test_a_generated_card_held_back_as_draft_stays_draft(app: Flask, corpus: Path) -> None:
    load_bank([corpus])
    card = db.session.scalars(sa.select(Card).order_by(Card.id)).first()
    assert card is not None
    card.status = CardStatus.DRAFT
    card_id = card.id
    db.session.commit()
    report = load_bank([corpus])
    assert (report.updated, report.reactivated) == (0, 0)
    assert statuses()[card_id] == CardStatus.DRAFT


# --- bad input --------------------------------------------------------------------------------------


def test_a_path_that_cannot_be_read_stores_nothing(app: Flask, corpus: Path, tmp_path: Path) -> None:
    load_bank([corpus])
    before = statuses()
    report = load_bank([corpus, tmp_path / "missing"])
    assert not report.ok
    assert report.errors == (f"{tmp_path / 'missing'}: no such file or folder",)
    assert (report.added, report.retired) == (0, 0)
    assert statuses() == before


def test_an_article_that_is_not_text_stores_nothing(app: Flask, corpus: Path) -> None:
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02 not an article")
    report = load_bank([corpus])
    assert len(report.errors) == 1
    assert "broken.txt" in report.errors[0]
    assert "binary" in report.errors[0]
    assert count(Card) == count(Article) == count(Deck) == 0


def test_no_articles_at_all_is_an_error(app: Flask) -> None:
    assert load_bank([]).errors == ("no article could be read",)


def test_two_articles_with_one_file_name_are_kept_apart(app: Flask, corpus: Path, tmp_path: Path) -> None:
    """The generator names same-named files by folder, so both articles load and neither hides the other."""
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(first_article_file(corpus), other)
    report = load_bank([corpus, other])
    assert report.errors == ()
    name = first_article_file(corpus).name
    files = set(db.session.scalars(db.select(Article.file)))
    assert {f"{corpus.name}/{name}", f"other/{name}"} <= files
    assert name not in files


def test_an_unknown_language_is_an_error(app: Flask, corpus: Path) -> None:
    report = load_bank([corpus], language="xx")
    assert len(report.errors) == 1
    assert "xx" in report.errors[0]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Armenia Ancam Keluar dari CSTO", "armenia-ancam-keluar-dari-csto"),
        ("“Negeri Beruang Merah” — Rusia!", "negeri-beruang-merah-rusia"),
        ("Ñoño café", "nono-cafe"),
        ("000_04f9de304a433e34", "000-04f9de304a433e34"),
        ("—", ""),
        ("a" * 80, "a" * 60),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug
