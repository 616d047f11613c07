"""Adding an article in the app: pasted or uploaded, read by question_bank, stored as a deck of draft cards."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import TestResponse, encode_multipart

from quizapp.db import db
from quizapp.models import Article, Card, CardStatus, Deck
from quizapp.services.bank.articles import stored_name
from quizapp.services.bank.loading import load_bank
from quizapp.services.study.quiz import EmptyDeckError, start_quiz
from tests.web_helpers import Page

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE = """Pakta Maritim Asia Tenggara Resmi Dibentuk di Manila

Manila, Warta Samudra - Pakta Maritim Asia Tenggara beranggotakan Indonesia, Malaysia, dan Filipina.

Pakta itu dibentuk pada 12 Maret 2021 di Manila.

"Kami akan menjaga laut bersama," kata Menteri Luar Negeri Filipina, Teodoro Locsin.
"""
NO_FACT = "Hari ini cuaca cerah sekali di kota kami. Anak-anak bermain di taman sampai sore."


@pytest.fixture
def teacher(bank_client: FlaskClient, bank_accounts) -> FlaskClient:
    bank_accounts.login(bank_client, "teacher", "instructor")
    return bank_client


def added_article(app: Flask) -> tuple[Article, Deck, list[Card]]:
    with app.app_context():
        db.session.remove()
        article = db.session.scalar(sa.select(Article).where(Article.added_by_id.is_not(None)))
        assert article is not None
        deck = article.deck
        cards = list(deck.cards)
        for card in cards:
            _ = card.options, card.decks, card.sources
        db.session.expunge_all()
        return article, deck, cards


def post_form(client: FlaskClient, data: dict[str, object]) -> TestResponse:
    """Post data as multipart/form-data encoded in memory.

    Werkzeug's test client spools a body over 500 KB to a temporary file it never closes, which
    filterwarnings = error turns into a failure of whichever test runs next.
    """
    fields = MultiDict()
    for name, value in data.items():
        if isinstance(value, tuple):
            content, filename = value
            # Bytes are read afresh on each post: a parametrized case's stream would be empty on its second run.
            stream = io.BytesIO(content) if isinstance(content, bytes) else content
            fields.add(name, FileStorage(stream, filename=filename, content_type="text/plain"))
        else:
            fields.add(name, value)
    boundary, body = encode_multipart(fields)
    return client.post("/author/articles/new", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def test_the_page_offers_text_file_title_and_language(teacher: FlaskClient) -> None:
    page = Page.of(teacher.get("/author/articles/new"))
    assert page.find("form", enctype="multipart/form-data")
    assert page.find("textarea", name="text") is not None
    assert page.find("input", type="file", name="file")["accept"] == ".txt,text/plain"
    assert page.find("input", name="title") is not None
    assert page.find("select", name="language") is not None


def test_pasted_text_becomes_a_deck_of_draft_cards(bank_app: Flask, teacher: FlaskClient) -> None:
    response = teacher.post("/author/articles/new", data={"text": ARTICLE, "language": "id"})
    assert response.status_code == 303
    article, deck, cards = added_article(bank_app)
    assert response.location == f"/author/?deck={deck.slug}&status=draft"
    assert article.file.startswith("added-pakta-maritim") and article.file.endswith(".txt")
    assert article.headline == "Pakta Maritim Asia Tenggara Resmi Dibentuk di Manila"
    assert cards and all(card.status == CardStatus.DRAFT for card in cards)
    assert all(source.article_id == article.id for card in cards for source in card.sources)
    page = teacher.get(response.location).get_data(as_text=True)
    assert f"Article added: {len(cards)} draft question" in page


def test_an_uploaded_file_is_added_with_the_title_as_headline(bank_app: Flask, teacher: FlaskClient) -> None:
    body = ARTICLE.split("\n", 2)[2]  # no headline line
    data = {"file": (io.BytesIO(body.encode("utf-8")), "pakta.txt"), "title": "Pakta laut", "language": "id"}
    response = post_form(teacher, data)
    assert response.status_code == 303
    article, deck, cards = added_article(bank_app)
    assert article.headline == "Pakta laut" and deck.title == "Pakta laut"
    assert article.file.startswith("added-pakta-laut-")
    assert cards and {card.status for card in cards} == {CardStatus.DRAFT}


def test_new_drafts_are_not_served_to_students(bank_app: Flask, teacher: FlaskClient, bank_accounts) -> None:
    teacher.post("/author/articles/new", data={"text": ARTICLE, "language": "id"})
    _article, deck, cards = added_article(bank_app)
    assert cards
    student = bank_accounts.create("ayu")
    with bank_app.app_context(), pytest.raises(EmptyDeckError):
        start_quiz(student, deck.id)


def test_an_article_with_no_fact_is_stored_as_an_empty_deck(bank_app: Flask, teacher: FlaskClient) -> None:
    response = teacher.post("/author/articles/new", data={"text": NO_FACT, "language": "id"})
    assert response.status_code == 303
    _article, deck, cards = added_article(bank_app)
    assert cards == []
    page = teacher.get(response.location).get_data(as_text=True)
    assert "its deck has no question" in page


def upload(content: bytes, name: str = "article.txt") -> dict[str, object]:
    return {"file": (content, name), "language": "id"}


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"text": "   ", "language": "id"}, "text", "Paste the article's text or choose a .txt file."),
        ({"text": "", "language": "id"}, "text", "Paste the article's text or choose a .txt file."),
        (upload("Teks Latin-1: caf\xe9 enak sekali.".encode("latin-1")), "file",
         "question_bank cannot read this article: not UTF-8 text (invalid byte 0xe9 on line 1)."),
        (upload(b"x" * 1_000_001), "file", "The article is larger than 1 MB; an article may be at most 1 MB."),
        (upload(b"Teks biasa.", "article.pdf"), "file", "Choose a .txt file: the article as plain UTF-8 text."),
        (upload(b"\x00\x01binary"), "file", "question_bank cannot read this article: binary file, not text."),
        (upload(b"   \n  "), "file", "question_bank cannot read this article: empty file."),
        ({"text": "Menu Utama\nBeranda", "language": "id"}, "text",
         "question_bank cannot read this article: no article text (only headings, menus or page furniture)."),
        ({"text": NO_FACT, "language": "xx"}, "language", "Choose Indonesian or English."),
        ({"text": NO_FACT, "language": "id", "title": "t" * 301}, "title",
         "Field cannot be longer than 300 characters."),
        ({**upload(NO_FACT.encode()), "text": NO_FACT}, "text", "Paste the text or choose a file, not both."),
    ],
)
def test_bad_input_is_refused_next_to_its_field(
    bank_app: Flask, teacher: FlaskClient, data: dict[str, object], field: str, message: str
) -> None:
    response = post_form(teacher, data)
    assert response.status_code == 400
    assert Page.of(response).field_errors(field) == message
    with bank_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).where(Article.added_by_id.is_not(None))) == 0


ENGLISH = """Leaders gathered in Kuala Lumpur on Monday, May 26, 2025, for the 46th summit of the bloc.
The region has about 680 million people and trade between its members grew by 4.2% last year.
"""


def test_an_english_article_is_told_from_its_words_and_asked_in_english(bank_app: Flask, teacher: FlaskClient) -> None:
    form = Page.of(teacher.get("/author/articles/new"))
    assert "selected" in form.find("option", value="auto")  # the language is told from the text unless chosen
    assert teacher.post("/author/articles/new", data={"text": ENGLISH, "language": "auto"}).status_code == 303
    article, _deck, cards = added_article(bank_app)
    assert article.language == "en"
    assert cards and {card.language for card in cards} == {"en"}
    assert any(card.question.startswith("Complete the sentence:") for card in cards)


def test_a_language_the_app_does_not_offer_is_refused(bank_app: Flask, teacher: FlaskClient) -> None:
    response = teacher.post("/author/articles/new", data={"text": NO_FACT, "language": "fr"})
    assert response.status_code == 400
    assert Page.of(response).field_errors("language") == "Choose Indonesian or English."


def test_the_same_text_twice_is_refused(bank_app: Flask, teacher: FlaskClient) -> None:
    assert teacher.post("/author/articles/new", data={"text": ARTICLE, "language": "id"}).status_code == 303
    response = teacher.post("/author/articles/new", data={"text": ARTICLE, "language": "id", "title": "Lagi"})
    assert response.status_code == 400
    assert Page.of(response).field_errors("text") == (
        "This text was added already, as the deck “Pakta Maritim Asia Tenggara Resmi Dibentuk di Manila”."
    )


def test_a_known_fact_keeps_its_card_active_and_joins_the_new_deck(bank_app: Flask, teacher: FlaskClient) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[1]
    with bank_app.app_context():
        before = {
            card.id: (card.status, card.options, {deck.slug for deck in card.decks}, len(card.sources))
            for card in db.session.scalars(sa.select(Card))
        }
    response = post_form(teacher, upload(seed.read_bytes(), seed.name))
    assert response.status_code == 303
    article, deck, cards = added_article(bank_app)
    known = [card for card in cards if card.id in before]
    assert known, "the seed's facts are in the bank already"
    for card in known:
        status, options, decks, sources = before[card.id]
        assert card.status == status and card.options == options, "text and status stay as they were"
        assert {d.slug for d in card.decks} == decks | {deck.slug}
        assert len(card.sources) == sources + 1 and card.sources[-1].article_id == article.id
    assert any(before[card.id][0] == CardStatus.ACTIVE for card in known)
    with bank_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Card)) == len(before) + len(cards) - len(known)


def test_reloading_the_seeds_leaves_the_added_articles_cards_alone(bank_app: Flask, teacher: FlaskClient) -> None:
    teacher.post("/author/articles/new", data={"text": ARTICLE, "language": "id"})
    _article, _deck, cards = added_article(bank_app)
    with bank_app.app_context():
        report = load_bank([SEEDS])
        assert report.ok and report.retired == 0
        db.session.remove()
        statuses = {db.session.get(Card, card.id).status for card in cards}
    assert statuses == {CardStatus.DRAFT}


def test_stored_names_never_clash_with_the_corpus() -> None:
    name = stored_name(b"abc", "Judul: Berita!", None)
    assert name.startswith("added-judul-berita-") and name.endswith(".txt")
    assert stored_name(b"abc", None, "Laporan Akhir.TXT").startswith("added-laporan-akhir-")
    assert stored_name(b"Judul Pertama\n\nIsi.", None, None).startswith("added-judul-pertama-")
    assert stored_name("“…”".encode(), None, None).startswith("added-article-")
    assert stored_name(b"abc", "x", None) != stored_name(b"abd", "x", None)


@pytest.mark.parametrize(("method", "path"), [("get", "/author/articles/new"), ("post", "/author/articles/new")])
def test_students_are_refused(bank_client: FlaskClient, bank_accounts, method: str, path: str) -> None:
    bank_accounts.login(bank_client, "ayu", "student")
    assert getattr(bank_client, method)(path).status_code == 403


def test_a_known_fact_stays_in_the_added_deck_after_a_reload_of_the_corpus(
    bank_app: Flask, teacher: FlaskClient
) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[1]
    assert post_form(teacher, upload(seed.read_bytes(), seed.name)).status_code == 303
    _article, deck, cards = added_article(bank_app)
    with bank_app.app_context():
        known = {card.id for card in cards if card.status == CardStatus.ACTIVE}
        assert known
        assert load_bank([SEEDS]).ok
        db.session.remove()
        still = {card.id for card in db.session.get_one(type(deck), deck.id).cards}
    assert known <= still, "a corpus reload takes no card out of an article an instructor added"


def test_a_pasted_article_over_500_kb_reaches_the_form(bank_app: Flask, teacher: FlaskClient) -> None:
    # Flask refuses a form field over 500 kB by default, before the form could say anything.
    text = (NO_FACT + "\n\n") * (600_000 // (len(NO_FACT) + 2))
    response = post_form(teacher, {"text": text, "language": "id"})
    assert response.status_code in {303, 400}
    assert "Request Entity Too Large" not in response.get_data(as_text=True)
