"""The deck pages: the list of decks, one deck with its counts and next step, and starting a quiz."""

from __future__ import annotations

import re
from dataclasses import astuple
from datetime import UTC, datetime, timedelta

import fsrs
import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from werkzeug.test import TestResponse

from quizapp.db import db
from quizapp.models import Article, Card, CardStatus, Deck, HeldCard, QuizSession, ReviewState
from quizapp.services.bank.loading import ALL_DECK_SLUG
from quizapp.services.study.deck_counts import deck_counts
from quizapp.services.study.decks import student_overviews
from tests.web_helpers import counted

DECK_LINK = re.compile(r'<h2 class="deck-title" id="deck-[^"]+">\s*<a href="/study/decks/([^"]+)">')
START_BUTTON = re.compile(r'<button type="submit" class="button" aria-describedby="deck-([^"]+)">Start a quiz</button>')


def page(response: TestResponse) -> str:
    return response.get_data(as_text=True)


def main(text: str) -> str:
    """Return the page's own content, without the header every page shares."""
    match = re.search(r"<main\b.*?</main>", text, re.S)
    assert match, "every page has a <main>"
    return match.group(0)


@pytest.fixture
def student(bank_client: FlaskClient, bank_accounts) -> int:  # type: ignore[no-untyped-def]
    return bank_accounts.login(bank_client)


def article_decks(app: Flask) -> list[tuple[str, str | None, str | None, str, int]]:
    """Return (slug, outlet, headline, file, active cards) of each article's deck, in the order of their files."""
    with app.app_context():
        decks = db.session.scalars(sa.select(Deck).where(Deck.article_id.is_not(None))).all()
        rows = [
            (
                deck.slug,
                deck.article.outlet,
                deck.article.headline,
                deck.article.file,
                sum(card.status == CardStatus.ACTIVE for card in deck.cards),
            )
            for deck in decks
            if deck.article is not None
        ]
    return sorted(rows, key=lambda row: row[3])


def quiz_count(app: Flask) -> int:
    with app.app_context():
        db.session.remove()
        return db.session.scalar(sa.select(sa.func.count()).select_from(QuizSession)) or 0


def make_due(app: Flask, user_id: int, slug: str, how_many: int) -> None:
    """Give the user review states for the deck's first cards, due an hour ago."""
    now = datetime.now(UTC)
    with app.app_context():
        deck = db.session.scalar(sa.select(Deck).where(Deck.slug == slug))
        assert deck is not None
        for card in deck.cards[:how_many]:
            db.session.add(
                ReviewState(
                    user_id=user_id, card_id=card.id, state=int(fsrs.State.Review), step=None, stability=3.0,
                    difficulty=5.0, due=now - timedelta(hours=1), last_review=now - timedelta(days=3),
                )
            )
        db.session.commit()


# --- the list ---------------------------------------------------------------------------------------


def test_the_decks_page_lists_all_articles_first_then_each_article(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    response = bank_client.get("/study/")
    assert response.status_code == 200
    text = main(page(response))
    articles = article_decks(bank_app)
    assert DECK_LINK.findall(text) == [ALL_DECK_SLUG] + [slug for slug, *_ in articles]
    assert ">All articles</a>" in text
    with bank_app.app_context():
        total = len(db.session.scalars(sa.select(Card).where(Card.status == CardStatus.ACTIVE)).all())
    assert f"{total} questions" in text
    for slug, outlet, headline, file, cards in articles:
        entry = text[text.index(f'href="/study/decks/{slug}"'):]
        entry = entry[: entry.index("</li>")]
        assert str(escape(headline or outlet)) in entry
        assert file not in entry  # a file name says nothing to a student (issue 12)
        assert f"{cards} questions" in entry
        assert "<dt>New</dt><dd>" + str(cards) + "</dd>" in entry
        assert "<dt>Due now</dt><dd>0</dd>" in entry
        assert "<dt>Learned</dt><dd>0</dd>" in entry
    assert "Warta Ekonomi" in text and "BagusNews" in text and "Perspektif" in text


def test_the_decks_page_escapes_names_and_quotes_links(bank_app: Flask, bank_client: FlaskClient, student: int) -> None:
    # the rows are made in Python (quizapp/study/deck_list.py): still escaped as the template would, links quoted
    with bank_app.app_context():
        card = db.session.scalars(sa.select(Card).where(Card.status == CardStatus.ACTIVE)).first()
        db.session.add(Deck(slug="a&b <c>", title="<b>Bold</b> & co", cards=[card]))
        db.session.commit()
    text = main(page(bank_client.get("/study/")))
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co</a>" in text
    assert 'id="deck-a&amp;b &lt;c&gt;"' in text
    assert 'href="/study/decks/a&amp;b%20%3Cc%3E"' in text
    assert 'action="/study/decks/a&amp;b%20%3Cc%3E/quiz"' in text
    assert "<b>" not in text


def test_the_decks_page_names_an_article_without_a_headline_by_its_opening_sentence(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    with bank_app.app_context():
        card = db.session.scalars(sa.select(Card).where(Card.status == CardStatus.ACTIVE)).first()
        text = "Presiden meresmikan bendungan baru di Jawa Tengah. " + "Kalimat berikutnya. " * 200
        for slug, headline in (("no-headline", None), ("with-headline", "Bendungan Baru")):
            article = Article(file=f"{slug}.txt", language="id", outlet="Kompas", headline=headline, text=text,
                              content_hash=slug)
            db.session.add(Deck(slug=slug, title="Deck title", article=article, cards=[card]))
        db.session.commit()
    text = main(page(bank_client.get("/study/")))
    untitled = text[text.index('id="deck-no-headline"'):]
    untitled = untitled[: untitled.index("</li>")]
    assert ">Kompas: Presiden meresmikan bendungan baru di Jawa Tengah</a>" in untitled
    assert '<p class="deck-meta">1 question</p>' in untitled  # the title names the outlet already
    titled = text[text.index('id="deck-with-headline"'):]
    titled = titled[: titled.index("</li>")]
    assert ">Bendungan Baru</a>" in titled
    assert '<p class="deck-meta">Kompas · 1 question</p>' in titled


def test_the_decks_page_runs_three_statements_however_many_decks(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    # the login, the student's assignments, the decks with their articles, totals and the student's counts
    with counted(bank_app) as statements:
        bank_client.get("/study/")
    assert len(statements) == 3, statements
    with bank_app.app_context():
        cards = db.session.scalars(sa.select(Card).where(Card.status == CardStatus.ACTIVE).limit(3)).all()
        db.session.add_all(Deck(slug=f"more-{n}", title=f"More {n}", cards=list(cards)) for n in range(5))
        db.session.commit()
    with counted(bank_app) as statements:
        text = main(page(bank_client.get("/study/")))
    assert len(statements) == 3, statements
    assert all(f'href="/study/decks/more-{n}"' in text for n in range(5))
    assert text.count("<dt>New</dt><dd>3</dd>") >= 5


def shown_counts(text: str, slug: str) -> dict[str, int]:
    """Read the counts the decks page shows for a deck."""
    row = re.search(rf'id="deck-{re.escape(slug)}".*?</dl>', text, re.S)
    assert row, slug
    return {name: int(num) for name, num in re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", row.group(0))}


def test_the_decks_page_counts_as_a_deck_page_does_with_retired_and_held_cards(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    # Schedules of a retired card are not counted; a suspended card is neither due nor learned, a buried one not
    # due; a suspended card never met stays out of the new ones.
    slug = article_decks(bank_app)[0][0]
    make_due(bank_app, student, slug, 5)
    with bank_app.app_context():
        deck = db.session.scalar(sa.select(Deck).where(Deck.slug == slug))
        assert deck is not None and len(deck.cards) >= 7
        cards = deck.cards
        cards[0].status = CardStatus.RETIRED
        tomorrow = datetime.now(UTC) + timedelta(days=1)
        db.session.add_all([
            HeldCard(user_id=student, card_id=cards[1].id, suspended=True),
            HeldCard(user_id=student, card_id=cards[2].id, suspended=False, buried_until=tomorrow),
            HeldCard(user_id=student, card_id=cards[6].id, suspended=True),
        ])
        db.session.commit()
        deck_ids = {s: db.session.scalar(sa.select(Deck.id).where(Deck.slug == s)) for s in (slug, ALL_DECK_SLUG)}
        counts = deck_counts(student, list(deck_ids.values()), datetime.now(UTC))
        listed = {o.slug: o.counts for o in student_overviews(student, [], datetime.now(UTC))}
    # Whole numbers from every database (PostgreSQL sums counts as numeric).
    assert all(type(n) is int for c in [*counts.values(), *listed.values()] for n in astuple(c))
    text = main(page(bank_client.get("/study/")))
    total = counts[deck_ids[slug]].total
    assert shown_counts(text, slug) == {"New": total - 5, "Learning": 0, "Learned": 3, "Suspended": 2, "Due now": 2}
    for shown_slug, deck_id in deck_ids.items():
        c = counts[deck_id]
        assert shown_counts(text, shown_slug) == {
            "New": c.new, "Learning": c.learning, "Learned": c.learned, "Suspended": c.suspended, "Due now": c.due
        }


def test_a_new_student_is_invited_to_take_a_quiz(bank_client: FlaskClient, student: int) -> None:
    text = main(page(bank_client.get("/study/")))
    # every button names its deck for screen readers, which list the buttons apart from their deck
    assert START_BUTTON.findall(text) == DECK_LINK.findall(text)
    assert len(START_BUTTON.findall(text)) == 6
    assert 'action="/study/decks/all/quiz"' in text
    assert '<input type="hidden" name="count" value="10">' in text
    assert "/study/review" not in text


def test_due_cards_are_offered_for_review(bank_app: Flask, bank_client: FlaskClient, student: int) -> None:
    slug = article_decks(bank_app)[0][0]
    make_due(bank_app, student, slug, 2)
    text = main(page(bank_client.get("/study/")))
    assert f'href="/study/review?deck={slug}" aria-describedby="deck-{slug}">Review 2 due cards</a>' in text
    assert 'href="/study/review?deck=all" aria-describedby="deck-all">Review 2 due cards</a>' in text
    deck_page = main(page(bank_client.get(f"/study/decks/{slug}")))
    assert "2 cards are due: review them now, before you forget them." in deck_page
    assert f'href="/study/review?deck={slug}">Review 2 due cards</a>' in deck_page
    assert "<dt>Due now</dt><dd>2</dd>" in deck_page
    assert "<dt>Learned</dt><dd>2</dd>" in deck_page
    # a quiz is still offered, second
    assert "Or take a quiz" in deck_page


def test_one_due_card_is_said_in_the_singular(bank_app: Flask, bank_client: FlaskClient, student: int) -> None:
    make_due(bank_app, student, ALL_DECK_SLUG, 1)
    text = main(page(bank_client.get("/study/")))
    assert 'href="/study/review?deck=all" aria-describedby="deck-all">Review 1 due card</a>' in text


# --- one deck ---------------------------------------------------------------------------------------


def test_a_deck_page_shows_its_source_counts_and_next_step(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    slug, outlet, headline, file, cards = next(row for row in article_decks(bank_app) if row[1] and row[2])
    response = bank_client.get(f"/study/decks/{slug}")
    assert response.status_code == 200
    text = main(page(response))
    assert f"<dt>Outlet</dt><dd>{escape(outlet)}</dd>" in text
    assert str(escape(headline)) in text
    assert file not in text
    assert re.search(r'<a href="/study/articles/\d+">Read the whole article</a>', text)
    assert f"This deck has {cards} questions." in text
    assert f"<dt>New</dt><dd>{cards}</dd>" in text
    assert "What to do next" in text
    assert f"You have not seen {cards} cards yet." in text
    assert f'action="/study/decks/{slug}/quiz"' in text
    assert '<label for="count">Number of questions</label>' in text
    assert '<option selected value="10">10</option>' in text


def test_the_all_articles_deck_lists_its_articles(bank_app: Flask, bank_client: FlaskClient, student: int) -> None:
    text = main(page(bank_client.get("/study/decks/all")))
    assert ">All articles</h1>" in text
    for slug, _, _, file, _ in article_decks(bank_app):
        assert f'href="/study/decks/{slug}"' in text
        assert file not in text


def test_a_deck_without_questions_says_so(bank_app: Flask, bank_client: FlaskClient, student: int) -> None:
    with bank_app.app_context():
        db.session.add(Deck(slug="empty", title="Nothing yet"))
        db.session.commit()
    text = main(page(bank_client.get("/study/decks/empty")))
    assert "This deck has no questions yet." in text
    assert "<form" not in text
    started = bank_client.post("/study/decks/empty/quiz", data={"count": "10"})
    assert started.status_code == 303 and started.headers["Location"] == "/study/decks/empty"
    assert "This deck has no questions to ask yet." in page(bank_client.get("/study/decks/empty"))
    assert quiz_count(bank_app) == 0
    assert "No questions yet." in page(bank_client.get("/study/"))


@pytest.mark.parametrize(("method", "url"), [("get", "/study/decks/nope"), ("post", "/study/decks/nope/quiz")])
def test_an_unknown_deck_is_not_found(bank_client: FlaskClient, student: int, method: str, url: str) -> None:
    response = getattr(bank_client, method)(url, **({"data": {"count": "10"}} if method == "post" else {}))
    assert response.status_code == 404
    assert "Page not found" in page(response)


@pytest.mark.parametrize(
    ("method", "url"), [("get", "/study/"), ("get", "/study/decks/all"), ("post", "/study/decks/all/quiz")]
)
def test_anonymous_users_are_sent_to_log_in(bank_client: FlaskClient, method: str, url: str) -> None:
    response = getattr(bank_client, method)(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")


# --- starting a quiz --------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [5, 10, 20])
def test_a_quiz_asks_the_number_of_questions_chosen(
    bank_app: Flask, bank_client: FlaskClient, student: int, count: int
) -> None:
    response = bank_client.post("/study/decks/all/quiz", data={"count": str(count)})
    assert response.status_code == 303
    quiz_id = int(response.headers["Location"].removeprefix("/study/quiz/"))
    with bank_app.app_context():
        quiz = db.session.get(QuizSession, quiz_id)
        assert quiz is not None and quiz.user_id == student
        assert len(quiz.items) == count
    assert f"Question 1 of {count}" in page(bank_client.get(response.headers["Location"]))


def test_a_small_deck_asks_all_its_questions(bank_app: Flask, bank_client: FlaskClient, student: int) -> None:
    slug, *_, cards = min(article_decks(bank_app), key=lambda row: row[4])
    assert cards < 20
    response = bank_client.post(f"/study/decks/{slug}/quiz", data={"count": "20"})
    assert f"Question 1 of {cards}" in page(bank_client.get(response.headers["Location"]))


@pytest.mark.parametrize("data", [{}, {"submit": "Start a quiz"}])
def test_without_a_number_a_quiz_asks_ten_questions(
    bank_client: FlaskClient, student: int, data: dict[str, str]
) -> None:
    response = bank_client.post("/study/decks/all/quiz", data=data)
    assert response.status_code == 303
    assert "Question 1 of 10" in page(bank_client.get(response.headers["Location"]))


@pytest.mark.parametrize("count", ["3", "0", "-5", "abc", "", "1000", "10.5", "9" * 5000])
def test_a_bad_number_of_questions_is_refused_next_to_the_field(
    bank_app: Flask, bank_client: FlaskClient, student: int, count: str
) -> None:
    response = bank_client.post("/study/decks/all/quiz", data={"count": count})
    assert response.status_code == 400
    text = main(page(response))
    assert '<p class="error" id="count-error">Choose 5, 10 or 20 questions.</p>' in text
    assert 'aria-invalid="true"' in text
    assert quiz_count(bank_app) == 0


def test_an_unfinished_quiz_can_be_continued_from_its_deck(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    started = bank_client.post("/study/decks/all/quiz", data={"count": "5"})
    quiz_url = started.headers["Location"]
    question = page(bank_client.get(quiz_url))
    card_id = re.search(r'name="card_id" type="hidden" value="([^"]+)"', question).group(1)  # type: ignore[union-attr]
    bank_client.post(f"{quiz_url}/answer", data={"card_id": card_id, "choice": "0"})
    text = main(page(bank_client.get("/study/decks/all")))
    assert "You have a quiz in progress: question 2 of 5." in text
    assert f'href="{quiz_url}">Continue the quiz</a>' in text


@pytest.mark.parametrize("url", ["/study/", "/study/decks/all"])
def test_starting_a_quiz_needs_the_csrf_token_the_page_gives(
    bank_app: Flask, bank_client: FlaskClient, student: int, url: str
) -> None:
    bank_app.config["WTF_CSRF_ENABLED"] = True
    form = re.search(r'<form method="post" action="/study/decks/all/quiz".*?</form>', page(bank_client.get(url)), re.S)
    assert form, "the page has a form that starts a quiz on the all-articles deck"
    token = re.search(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"', form.group(0))
    assert token, "the form carries its CSRF token"
    assert bank_client.post("/study/decks/all/quiz", data={"count": "10"}).status_code == 400
    assert quiz_count(bank_app) == 0
    started = bank_client.post("/study/decks/all/quiz", data={"count": "10", "csrf_token": token.group(1)})
    assert started.status_code == 303
    assert quiz_count(bank_app) == 1
