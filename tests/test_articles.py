"""Students read whole articles by their outlet and title, never a file name or "None" (issue 12)."""

from __future__ import annotations

import html
import re

import pytest
import sqlalchemy as sa
from conftest import Accounts
from flask import Flask

from quizapp.db import db
from quizapp.models import Article, Card, CardSource, CardStatus, ClassMember, Classroom, Deck, User
from quizapp.services.instructor.assignments import assign_deck
from quizapp.services.study.articles import Passage, paragraphs
from quizapp.services.study.decks import article_title, deck_name

FILE_NAME = re.compile(r"\b\d{3}_[0-9a-f]{6,}\.txt\b")


def a_sourced_card(app: Flask, file: str) -> tuple[int, str, str]:
    """Return (article id, card id, sentence) of an active card citing the article in this file."""
    with app.app_context():
        article_id, card_id, sentence = db.session.execute(
            sa.select(Article.id, Card.id, CardSource.sentence)
            .join(CardSource, CardSource.article_id == Article.id)
            .join(Card, Card.id == CardSource.card_id)
            .where(Article.file == file, Card.status == CardStatus.ACTIVE)
            .order_by(Card.id)
        ).first()
        return article_id, card_id, sentence


def test_a_headline_less_article_is_named_by_its_outlet_and_a_short_opening(bank_app: Flask) -> None:
    with bank_app.test_request_context():
        names = {deck.article.file[:3]: deck_name(deck) for deck in db.session.scalars(sa.select(Deck))
                 if deck.article}
        assert names["000"] == "BagusNews: Sekutu Rusia dihadapkan pada kemungkinan pecahnya aliansi CSTO…"
        assert names["001"].startswith("Perspektif: CSTO, aliansi militer yang dipimpin oleh Rusia")
        assert names["002"] == "Armenia Bersiap Keluar dari Aliansi Rusia dan Merapat ke AS"  # its headline
        for name in names.values():
            assert len(name) <= 100 and "None" not in name and not name.endswith(" yang…")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("A short lead. More text.", "A short lead"),
        ("The Collective Security Treaty Organization (CSTO) met in Moscow on Monday.",
         "The CSTO met in Moscow on Monday"),
        ("words " * 40, " ".join(["words"] * 12) + "…"),  # cut at a word, within 72 characters
        ("Words " * 11 + "of the alliance", " ".join(["Words"] * 11) + "…"),  # not after "of the"
        ("", "Untitled article"),
    ],
)
def test_article_title_without_a_headline(bank_app: Flask, text: str, title: str) -> None:
    with bank_app.test_request_context():
        assert article_title(Article(file="x.txt", language="en", text=text, content_hash="")) == title


def test_paragraphs_mark_every_source_sentence_and_keep_the_text() -> None:
    text = "One. Two is here. Three.\n\nFour. Two is here."
    found = paragraphs(text, ["Two is here."])
    assert found == [
        [Passage("One. "), Passage("Two is here.", True), Passage(" Three.")],
        [Passage("Four. "), Passage("Two is here.", True)],
    ]
    assert "\n\n".join("".join(p.text for p in block) for block in found) == text


def test_student_pages_show_no_file_name_and_no_none(bank_app: Flask, bank_accounts: Accounts) -> None:
    client = bank_app.test_client()
    bank_accounts.login(client)
    pages = [client.get("/study/"), client.get("/study/decks/all")]
    with bank_app.app_context():
        slugs = db.session.scalars(sa.select(Deck.slug).where(Deck.article_id.is_not(None))).all()
    pages += [client.get(f"/study/decks/{slug}") for slug in slugs]
    quiz = client.post("/study/decks/all/quiz", data={"count": "5"}).headers["Location"]
    question = client.get(quiz).get_data(as_text=True)
    card_id = re.search(r'name="card_id" type="hidden" value="([^"]+)"', question).group(1)
    feedback = client.post(f"{quiz}/answer", data={"card_id": card_id, "choice": "0"}).headers["Location"]
    pages.append(client.get(feedback))
    for page in pages:
        body = page.get_data(as_text=True)
        assert page.status_code == 200
        assert not FILE_NAME.search(body), FILE_NAME.search(body).group(0)
        assert ">None<" not in body and "Headline" not in body
    assert "Read the whole article" in pages[-1].get_data(as_text=True)


def test_the_card_links_to_its_article_with_the_sentence_marked(bank_app: Flask, bank_accounts: Accounts) -> None:
    article_id, card_id, sentence = a_sourced_card(bank_app, "002_27d0a3832e547fcc.txt")
    client = bank_app.test_client()
    bank_accounts.login(client)

    page = client.get(f"/study/articles/{article_id}", query_string={"card": card_id})

    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert f'<mark class="article-source">{html.escape(sentence)}</mark>' in body
    assert "<h1 class=\"deck-heading\">Armenia Bersiap Keluar dari Aliansi Rusia dan Merapat ke AS</h1>" in body
    assert "The sentences the question comes from are marked." in body
    # without a card, or with one from elsewhere, the article is shown with nothing marked
    for query in ({}, {"card": "no-such-card"}):
        plain = client.get(f"/study/articles/{article_id}", query_string=query).get_data(as_text=True)
        assert "<mark" not in plain and html.escape(sentence) in plain


def test_an_article_whose_questions_all_wait_for_review_is_hidden_from_students(
    bank_app: Flask, bank_accounts: Accounts
) -> None:
    article_id, _card, _sentence = a_sourced_card(bank_app, "000_04f9de304a433e34.txt")
    student, teacher = bank_app.test_client(), bank_app.test_client()
    student_id = bank_accounts.login(student)
    bank_accounts.login(teacher, "teacher", "instructor")
    with bank_app.app_context():
        cited = sa.select(CardSource.card_id).where(CardSource.article_id == article_id)
        db.session.execute(sa.update(Card).where(Card.id.in_(cited)).values(status=CardStatus.DRAFT))
        db.session.commit()

    assert student.get(f"/study/articles/{article_id}").status_code == 404
    assert teacher.get(f"/study/articles/{article_id}").status_code == 200
    assert student.get("/study/articles/999999").status_code == 404

    # once a class of the student's is assigned the article's deck, the student may read it
    with bank_app.app_context():
        classroom = Classroom(name="7A", instructor_id=db.session.scalar(
            sa.select(User.id).where(User.username == "teacher")), join_code="ABCD2345")
        db.session.add(classroom)
        db.session.flush()
        classroom.memberships.append(ClassMember(user_id=student_id))
        assign_deck(classroom, db.session.scalar(sa.select(Deck.id).where(Deck.article_id == article_id)), None)
    assert student.get(f"/study/articles/{article_id}").status_code == 200
