"""Cards the generator is unsure of wait as drafts; the bank's people give wrong options to a lone article."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

import question_bank
from quizapp.db import db, utcnow
from quizapp.models import Card, CardStatus, Deck
from quizapp.services.bank.articles import add_article
from quizapp.services.bank.loading import bank_people, load_bank
from quizapp.services.study.quiz import EmptyDeckError, start_quiz

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
#: A cloze that leans on the sentence before ("Hal ini") and has three options: question_bank makes it a draft.
UNSURE = (
    "Kabar Minyak – Organisasi Negara-Negara Pengekspor Minyak (OPEC) sepakat memangkas produksi minyak mentah "
    "dalam pertemuan di Wina, Austria.\n"
    "Hal ini merupakan pemangkasan kedua belas sejak kelompok tersebut dibentuk.\n"
)
#: One office holder and no one else: alone, too few people for an office question.
LONE_OFFICE = (
    "Warta Samudra – Pakta Maritim Asia Tenggara beranggotakan Indonesia, Malaysia, dan Filipina.\n\n"
    '"Kami akan menjaga laut bersama," kata Menteri Luar Negeri Filipina, Teodoro Locsin.\n'
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Return a copy of the seed articles."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def unsure(tmp_path: Path) -> Path:
    """Return a folder of one article whose only card the generator is unsure of."""
    folder = tmp_path / "unsure"
    folder.mkdir()
    (folder / "unsure.txt").write_text(UNSURE, encoding="utf-8")
    return folder


def unsure_card_id(folder: Path) -> str:
    [card] = question_bank.generate(question_bank.read_articles([folder]).articles, include_disputed=True)
    assert card.is_draft
    return card.id


def status(card_id: str) -> CardStatus:
    db.session.remove()
    return db.session.get_one(Card, card_id).status


def test_a_card_the_generator_is_unsure_of_is_loaded_as_a_draft(app: Flask, unsure: Path) -> None:
    card_id = unsure_card_id(unsure)
    report = load_bank([unsure])
    assert (report.added, report.drafts) == (1, 1)
    assert "1 generated questions wait as drafts for an instructor's review" in report.summary()
    assert status(card_id) == CardStatus.DRAFT


def test_drafts_are_counted_with_the_disputed_ones(
    app: Flask, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generated = question_bank.generate(question_bank.read_articles([corpus]).articles)
    unsure = {c.id for c in generated if c.is_draft}  # the clozes that lean on context
    forced = next(c.id for c in generated if c.kind == "role" and not c.is_draft)
    monkeypatch.setattr(question_bank, "generate", unsure_of({forced}))
    report = load_bank([corpus])
    disputed = db.session.scalar(sa.select(sa.func.count()).select_from(Card).where(Card.disputed)) or 0
    assert disputed == 2 and report.drafts == disputed + len(unsure) + 1
    assert status(forced) == CardStatus.DRAFT
    drafts = unsure | {forced}
    others = db.session.scalars(sa.select(Card.status).where(Card.id.not_in(drafts), ~Card.disputed)).all()
    assert set(others) == {CardStatus.ACTIVE}


def test_an_unsure_draft_is_not_served(app: Flask, unsure: Path, accounts) -> None:
    card_id = unsure_card_id(unsure)
    load_bank([unsure])
    db.session.remove()
    deck = db.session.scalars(sa.select(Deck).where(Deck.cards.any(Card.id == card_id), Deck.article_id.is_not(None)))
    student = accounts.create("ayu")
    with pytest.raises(EmptyDeckError):
        start_quiz(student, deck.one().id)


def test_an_approved_unsure_card_stays_active_on_reload(app: Flask, unsure: Path) -> None:
    card_id = unsure_card_id(unsure)
    load_bank([unsure])
    row = db.session.get_one(Card, card_id)
    row.status, row.reviewed_at = CardStatus.ACTIVE, utcnow()
    db.session.commit()
    report = load_bank([unsure])
    assert (report.updated, report.reactivated, report.unchanged) == (0, 0, 1)
    assert status(card_id) == CardStatus.ACTIVE


def unsure_of(card_ids: set[str]) -> Callable[..., list[question_bank.Card]]:
    """Wrap question_bank.generate so that it is unsure of the cards named."""
    real = question_bank.generate

    def generate(*args: object, **kwargs: object) -> list[question_bank.Card]:
        return [dataclasses.replace(c, confidence=0.3) if c.id in card_ids else c for c in real(*args, **kwargs)]

    return generate


def test_a_card_the_generator_becomes_unsure_of_turns_draft_unless_an_instructor_decided(
    app: Flask, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_bank([corpus])
    db.session.remove()
    unreviewed, approved = db.session.scalars(
        sa.select(Card.id).where(Card.status == CardStatus.ACTIVE).order_by(Card.id).limit(2)
    ).all()
    db.session.get_one(Card, approved).reviewed_at = utcnow()
    db.session.commit()
    monkeypatch.setattr(question_bank, "generate", unsure_of({unreviewed, approved}))
    report = load_bank([corpus])
    assert report.updated == 1
    assert (status(unreviewed), status(approved)) == (CardStatus.DRAFT, CardStatus.ACTIVE)


def test_the_bank_people_are_its_office_holders_and_speakers(app: Flask, corpus: Path) -> None:
    load_bank([corpus])
    people = bank_people()
    assert {"Nikol Pashinyan", "Dmitry Peskov", "Vladimir Putin", "Zhu Yongbiao"} <= set(people)
    assert "Armenia" not in people and people == sorted(set(people))


def test_an_added_article_takes_wrong_people_from_the_bank(bank_app: Flask, bank_accounts) -> None:
    teacher = bank_accounts.create("teacher", "instructor")
    alone = [c for c in question_bank.generate([question_bank.load_article("x.txt", LONE_OFFICE.encode())])
             if c.kind in ("role", "speaker")]
    assert alone == []
    with bank_app.app_context():
        people = set(bank_people())
        added = add_article(LONE_OFFICE.encode(), language="id", added_by_id=teacher)
        cards = [c for c in added.deck.cards if c.kind in ("role", "speaker")]
        assert [c.fact_value for c in cards if c.kind == "role"] == ["Teodoro Locsin"]
        for card in cards:
            assert card.status == CardStatus.DRAFT
            wrong = {o for i, o in enumerate(card.options) if i != card.answer_index}
            assert wrong <= people, card.options
