"""The progress page: who may see it, what it shows with and without a history, charts and their tables."""

from __future__ import annotations

import re
import typing as t
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import sqlalchemy as sa
from conftest import log_in_as
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from test_stats import AGAIN, GOOD, LEARNING, NOW, REVIEW, TODAY, Study, days_ago, make_card, make_deck

from quizapp.db import db
from quizapp.models import Card, Deck, User
from quizapp.services.bank.loading import ALL_DECK_SLUG
from quizapp.services.study.decks import deck_name

if t.TYPE_CHECKING:
    from conftest import Accounts

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def fixed_clock(app: Flask) -> None:
    app.config["QUIZAPP_CLOCK"] = lambda: NOW


def log_in(client: FlaskClient, study: Study) -> None:
    log_in_as(client, study.id)


def charts(html: str) -> dict[str, ET.Element]:
    """Parse every inline SVG chart of a page, by kind (forecast, heatmap, accuracy…)."""
    found: dict[str, ET.Element] = {}
    for markup in re.findall(r"<svg .*?</svg>", html, flags=re.S):
        root = ET.fromstring(markup)
        assert root.get("role") == "img"
        assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
        kind = root.get("class", "").split()[-1].removeprefix("chart-")
        found[kind if kind not in found else f"{kind}-2"] = root
    return found


def text_of(html: str) -> str:
    """Return the page's text with tags dropped and white space collapsed, for phrase checks."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_anonymous_visitors_are_sent_to_log_in(client: FlaskClient) -> None:
    response = client.get("/progress/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login?next=%2Fprogress%2F"


def test_a_user_with_no_history_gets_a_friendly_page_with_empty_charts(app: Flask, client: FlaskClient,
                                                                      fixed_clock: None) -> None:
    siti = Study()
    db.session.commit()
    log_in(client, siti)

    response = client.get("/progress/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    text = text_of(html)
    assert "Nothing here yet" in text
    assert 'href="/study/"' in html and "Start a quiz" in text
    assert "0 days" in text and "No reviews of learned cards in the last 30 days yet." in text
    assert "No answers yet" in text and "No quizzes yet." in text
    assert "What these numbers mean" in text

    drawn = charts(html)
    assert set(drawn) == {"forecast", "heatmap"}
    forecast_values = [rect for rect in drawn["forecast"].iter(f"{SVG}rect") if rect.get("class") == "value"]
    assert len(forecast_values) == 30 and {rect.get("height") for rect in forecast_values} == {"0"}
    assert {rect.get("data-count") for rect in drawn["heatmap"].iter(f"{SVG}rect") if rect.get("data-count")} == {"0"}


def test_the_page_shows_a_history_in_numbers_charts_and_tables(app: Flask, client: FlaskClient,
                                                               fixed_clock: None) -> None:
    everything = make_deck("all", "All articles")
    pashinyan = make_deck("pashinyan", "Pashinyan walks out", of_article=True)
    members = [make_card("member", [everything, pashinyan]) for _ in range(3)]
    speaker = make_card("speaker", [everything])
    siti = Study()
    finished = siti.quiz(everything, [*members, speaker], days_ago(2), answers=[True, True, False, True],
                         finished=True)
    in_progress = siti.quiz(pashinyan, members, days_ago(0), answers=[True])
    siti.review(speaker, days_ago(1), GOOD)
    siti.review(members[0], days_ago(0), AGAIN)
    siti.review(members[1], days_ago(0), GOOD)
    siti.review(members[2], days_ago(0), GOOD, state_before=LEARNING)
    siti.state(members[0], REVIEW, due=NOW - timedelta(days=2), last_review=NOW - timedelta(days=30))
    siti.state(members[1], REVIEW, due=NOW + timedelta(days=25), last_review=NOW)
    siti.state(speaker, LEARNING, due=NOW + timedelta(days=3), last_review=NOW)
    db.session.commit()
    log_in(client, siti)

    response = client.get("/progress/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    text = text_of(html)
    assert "Nothing here yet" not in text
    # streak: answers or reviews two days ago, yesterday and today
    assert "Study streak 3 days You have studied today. Longest: 3 days." in text
    assert "Cards learned 2 of 3 cards studied" in text
    assert "Mature cards 2" in text  # both review cards have intervals of 28 and 25 days
    assert "True retention 66% 2 of 3 reviews passed in the last 30 days" in text
    assert "3 cards fall due in the next 30 days. 1 of today's is overdue from an earlier day." in text
    # the quiz history: newest first, a score, and a link to go on with the quiz in progress
    assert html.index("in progress, 1 of 3 answered") < html.index('<span class="score">3/4</span>')
    assert f'href="/study/quiz/{in_progress.id}"' in html
    assert f"/study/quiz/{finished.id}" not in html
    # accuracy: the tables hold the chart's numbers; kinds are named in words
    assert "All articles 4 5 80%" in text  # the finished quiz's 4 answers and the one of the quiz in progress
    assert "Members 3 4 75%" in text and "Who said it 1 1 100%" in text

    drawn = charts(html)
    assert set(drawn) == {"forecast", "heatmap", "accuracy", "accuracy-2"}
    assert "3 cards due from" in drawn["forecast"].findtext(f"{SVG}desc", "")
    today_cell = drawn["heatmap"].find(f".//{SVG}rect[@data-date='{TODAY.isoformat()}']")
    assert today_cell is not None and today_cell.get("data-count") == "3"
    assert "All articles 80% (4/5)" in drawn["accuracy"].findtext(f"{SVG}desc", "")


def test_a_user_sees_only_their_own_history(app: Flask, client: FlaskClient, fixed_clock: None) -> None:
    secret = make_deck("secret", "Budi's secret deck", of_article=True)
    card = make_card("number", [secret])
    budi = Study("budi")
    budi.quiz(secret, [card], days_ago(0), answers=[True], finished=True)
    budi.review(card, days_ago(0))
    budi.state(card, REVIEW, due=NOW, last_review=NOW - timedelta(days=40))
    siti = Study("siti")
    db.session.commit()
    log_in(client, siti)

    html = client.get("/progress/").get_data(as_text=True)
    assert "secret deck" not in html and "Numbers" not in html
    assert "Nothing here yet" in html
    assert "No cards fall due" in html


def test_the_quiz_history_has_pages_of_50(app: Flask, client: FlaskClient, fixed_clock: None) -> None:
    deck = make_deck("all", "All articles")
    card = make_card(decks=[deck])
    siti = Study()
    for n in range(51):
        siti.quiz(deck, [card], NOW - timedelta(hours=n + 1))
    db.session.commit()
    log_in(client, siti)

    first = client.get("/progress/").get_data(as_text=True)
    assert first.count("in progress, 0 of 1 answered") == 50
    assert "Page 1 of 2" in first and 'href="/progress/?page=2#quizzes"' in first
    second = client.get("/progress/?page=2").get_data(as_text=True)
    assert second.count("in progress, 0 of 1 answered") == 1
    assert 'href="/progress/?page=1#quizzes"' in second
    not_a_number = client.get("/progress/?page=many").get_data(as_text=True)
    assert "Page 1 of 2" in not_a_number and not_a_number.count("in progress, 0 of 1 answered") == 50
    for past_the_end in ("7", "9" * 30):
        assert "Page 2 of 2" in client.get(f"/progress/?page={past_the_end}").get_data(as_text=True)


def test_the_charts_speak_indonesian(app: Flask, client: FlaskClient, fixed_clock: None) -> None:
    deck = make_deck("all", "All articles")
    card = make_card(decks=[deck])
    siti = Study()
    siti.quiz(deck, [card], days_ago(0), answers=[True], finished=True)
    siti.review(card, days_ago(0))
    db.session.commit()
    log_in(client, siti)
    with client.session_transaction() as session:
        session["lang"] = "id"

    found = charts(client.get("/progress/").get_data(as_text=True))

    words = {kind: [t.text for t in root.iter(f"{SVG}text")] for kind, root in found.items()}
    assert words["heatmap"][:3] == ["Sen", "Rab", "Jum"]  # Babel's weekdays, not Mon/Wed/Fri
    assert "Agu" in words["heatmap"] and "Aug" not in words["heatmap"]
    assert {"Sedikit", "Banyak"} <= set(words["heatmap"]) and "Less" not in words["heatmap"]
    assert "24 Nov" in words["forecast"]  # the day before the month, as Indonesian writes it
    assert words["accuracy"] == ["Semua artikel", "100% (1/1)"]
    assert found["heatmap"].find(f"{SVG}desc").text.startswith("1 pengulangan pada 1 dari")
    assert found["forecast"].find(f"{SVG}desc").text.startswith("Tidak ada kartu yang jatuh tempo dari")


def test_reviews_are_counted_since_the_first_review_not_the_calendar_start(
    app: Flask, client: FlaskClient, fixed_clock: None
) -> None:
    deck = make_deck("all", "All articles")
    card = make_card(decks=[deck])
    siti = Study()
    for _ in range(3):
        siti.review(card, days_ago(0))
    db.session.commit()
    log_in(client, siti)

    page = text_of(client.get("/progress/").get_data(as_text=True))

    # a student who started today: not "since Jun 1, 2026", the Monday the calendar starts on
    assert "3 reviews since Nov 24, 2026." in page
    assert "Jun 1, 2026" not in page


def test_the_page_works_in_indonesian(app: Flask, client: FlaskClient, fixed_clock: None) -> None:
    deck = make_deck("all", "All articles")
    siti = Study()
    siti.quiz(deck, [make_card(decks=[deck])], days_ago(0), answers=[True], finished=True)
    db.session.commit()
    log_in(client, siti)
    with client.session_transaction() as session:
        session["lang"] = "id"
    response = client.get("/progress/")
    assert response.status_code == 200
    assert '<html lang="id">' in response.get_data(as_text=True)


def test_the_page_names_the_seed_decks(bank_app: Flask, bank_client: FlaskClient,
                                      bank_accounts: Accounts) -> None:
    bank_app.config["QUIZAPP_CLOCK"] = lambda: NOW
    user_id = bank_accounts.login(bank_client, "siti")
    with bank_app.app_context():
        all_deck = db.session.scalar(sa.select(Deck).where(Deck.slug == ALL_DECK_SLUG))
        cards = db.session.scalars(sa.select(Card).where(Card.kind == "member").limit(2)).all()
        siti = Study.of(db.session.get(User, user_id))
        siti.quiz(all_deck, list(cards), days_ago(0), answers=[True, False], finished=True)
        with bank_app.test_request_context():
            article_names = {deck_name(deck) for card in cards for deck in card.decks if deck.article_id is not None}
        db.session.commit()

    html = bank_client.get("/progress/").get_data(as_text=True)
    assert "1/2" in html and "Members 1 2 50%" in text_of(html)
    assert all(escape(name) in html for name in article_names)

    # in Indonesian, the deck of every article is named in Indonesian in the history, the table and the chart
    with bank_client.session_transaction() as session:
        session["lang"] = "id"
    html = bank_client.get("/progress/").get_data(as_text=True)
    assert "All articles" not in html
    assert text_of(html).count("Semua artikel") >= 3


def test_the_page_writes_its_words_dates_and_times_in_the_students_language_and_zone(
    app: Flask, client: FlaskClient, fixed_clock: None
) -> None:
    # The page looks its words and date formats up once, not per row: the same text as Flask-Babel's filters.
    deck = make_deck("all", "All articles")
    card = make_card(decks=[deck])
    siti = Study()
    siti.user.time_zone = "Asia/Jakarta"
    siti.quiz(deck, [card], days_ago(1, hour=20), answers=[True], finished=True)  # 03:00 the next day in Jakarta
    siti.review(card, days_ago(0))
    siti.state(card, REVIEW, due=NOW + timedelta(days=2), last_review=NOW)
    db.session.commit()
    log_in(client, siti)
    with client.session_transaction() as session:
        session["lang"] = "id"

    page = text_of(client.get("/progress/").get_data(as_text=True))

    assert "Kemajuan" in page and "Dimulai (Asia/Jakarta)" in page
    assert "24 Nov 2026 03.00" in page  # the quiz's day and time in Jakarta, as Indonesian writes them
    assert "24 Nov 2026 (hari ini)" in page  # the forecast's first day
    assert "26 Nov 2026 1" in page  # the card due in two days
    assert "1 pengulangan sejak 24 Nov 2026." in page
    assert "Hari tanpa pengulangan tidak ditampilkan." in page


def test_deck_names_are_escaped_in_the_tables_and_charts(app: Flask, client: FlaskClient, fixed_clock: None) -> None:
    # The tables' rows are written without autoescaping: a name from a deck must still be escaped there.
    name = '<b>Tom & "Jerry"</b>'
    deck = make_deck("tom", name)
    siti = Study()
    siti.quiz(deck, [make_card(decks=[deck])], days_ago(1), answers=[True], finished=True)
    siti.quiz(deck, [make_card(decks=[deck])], days_ago(0))
    db.session.commit()
    log_in(client, siti)

    html = client.get("/progress/").get_data(as_text=True)
    assert "<b>Tom" not in html
    escaped = escape(name)
    assert f'<th scope="row">{escaped}</th>' in html  # the accuracy table
    assert f"<td>{escaped}</td>" in html  # the quiz history
    assert f'<span class="visually-hidden"> — {escaped}</span>' in html  # its link to the quiz in progress
    assert f">{escaped}</text>" in html  # the accuracy chart's label
    charts(html)  # and every chart is still well-formed XML
