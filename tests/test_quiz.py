"""The quiz pages through the test client: one question at a time, feedback, the score, and bad input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from werkzeug.test import TestResponse

from quizapp.db import db
from quizapp.models import Answer, Card, QuizSession

CARD_ID = re.compile(r'name="card_id" type="hidden" value="([^"]+)"')
TOKEN = re.compile(r'name="token" type="hidden" value="([^"]+)"')
BUTTON = re.compile(r"<button\b([^>]*)>(.*?)</button>", re.S)
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


@dataclass(frozen=True)
class CardFacts:
    """What a test needs to know about a card, read outside any request."""

    id: str
    question: str
    options: list[str]
    right: int
    explanation: str
    sentences: list[str]
    files: list[str]
    articles: list[int]

    @property
    def wrong(self) -> int:
        return next(position for position in range(len(self.options)) if position != self.right)


def facts(app: Flask, card_id: str) -> CardFacts:
    with app.app_context():
        card = db.session.get(Card, card_id)
        assert card is not None and card.answer_index is not None
        return CardFacts(
            id=card.id,
            question=card.question,
            options=card.options,
            right=card.answer_index,
            explanation=card.explanation,
            sentences=[source.sentence for source in card.sources],
            files=[source.article.file for source in card.sources if source.article],
            articles=[source.article.id for source in card.sources if source.article],
        )


def stored_answers(app: Flask, quiz_id: int) -> list[Answer]:
    """Read what the requests stored, through a session of its own."""
    with app.app_context():
        db.session.remove()
        return list(db.session.scalars(sa.select(Answer).where(Answer.session_id == quiz_id).order_by(Answer.id)))


def stored_quiz(app: Flask, quiz_id: int) -> tuple[datetime | None, int | None, list[str]]:
    with app.app_context():
        db.session.remove()
        quiz = db.session.get(QuizSession, quiz_id)
        assert quiz is not None
        return quiz.finished_at, quiz.score, quiz.card_ids


def html(text: str) -> str:
    return str(escape(text))


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


def start(client: FlaskClient, slug: str = "all", count: int = 5) -> int:
    response = client.post(f"/study/decks/{slug}/quiz", data={"count": str(count)})
    assert response.status_code == 303, page(response)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def current_card(client: FlaskClient, quiz_id: int) -> str:
    response = client.get(f"/study/quiz/{quiz_id}")
    assert response.status_code == 200, response.headers.get("Location")
    match = CARD_ID.search(page(response))
    assert match, "the question page must say which card it asks"
    return match.group(1)


def post_answer(client: FlaskClient, quiz_id: int, card_id: str, choice: int | str) -> TestResponse:
    return client.post(f"/study/quiz/{quiz_id}/answer", data={"card_id": card_id, "choice": str(choice)})


# --- the pages --------------------------------------------------------------------------------------


def test_every_quiz_page_renders_for_a_student(bank_client: FlaskClient, student: int) -> None:
    quiz_id = start(bank_client, count=5)
    for number in range(1, 6):
        question = bank_client.get(f"/study/quiz/{quiz_id}")
        assert question.status_code == 200
        assert f"Question {number} of 5" in page(question)
        assert question.headers["Cache-Control"] == "no-store"
        card_id = CARD_ID.search(page(question)).group(1)  # type: ignore[union-attr]
        answered = post_answer(bank_client, quiz_id, card_id, 0)
        assert answered.status_code == 303
        assert answered.headers["Location"] == f"/study/quiz/{quiz_id}/feedback/{number}"
        feedback = bank_client.get(answered.headers["Location"])
        assert feedback.status_code == 200
        next_label = "See your score" if number == 5 else "Next question"
        assert re.search(rf"<a [^>]*data-next>{next_label}</a>", page(feedback))
        # the verdict, not the button below the card, takes the focus: on a phone it stays in view
        assert re.search(r'<div id="verdict" [^>]*data-autofocus>', page(feedback))
    result = bank_client.get(f"/study/quiz/{quiz_id}/result")
    assert result.status_code == 200
    assert "Your score" in page(result)


def test_the_question_page_does_not_reveal_the_right_answer(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    quiz_id = start(bank_client, count=10)
    for _ in range(10):
        response = bank_client.get(f"/study/quiz/{quiz_id}")
        text = page(response)
        card = facts(bank_app, CARD_ID.search(text).group(1))  # type: ignore[union-attr]
        buttons = BUTTON.findall(main(text))
        # every option is the same button but for its value and its text
        assert [re.sub(r'\s*value="\d+"', "", attrs) for attrs, _ in buttons] == [
            ' type="submit" name="choice" class="card-choice" data-choice'
        ] * len(card.options)
        assert [re.search(r'value="(\d+)"', attrs).group(1) for attrs, _ in buttons] == [  # type: ignore[union-attr]
            str(position) for position in range(len(card.options))
        ]
        labels = [re.sub(r"<[^>]+>|\s+", " ", inner).split(maxsplit=1)[1].strip() for _, inner in buttons]
        assert labels == [html(option) for option in card.options]
        assert "correct" not in text.lower()
        assert "right answer" not in text.lower()
        if card.explanation:
            assert html(card.explanation) not in text
        for sentence in card.sentences:
            assert html(sentence) not in text
        post_answer(bank_client, quiz_id, card.id, card.wrong)


def test_a_right_answer_is_confirmed_with_its_explanation_and_sources(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    quiz_id = start(bank_client)
    card = facts(bank_app, current_card(bank_client, quiz_id))
    response = post_answer(bank_client, quiz_id, card.id, card.right)
    feedback = page(bank_client.get(response.headers["Location"]))
    assert "Right!" in feedback and "✓" in feedback
    assert "Wrong" not in feedback
    assert f'The right answer is: <span class="card-answer-text" lang="id">{html(card.options[card.right])}</span>' \
        in feedback
    assert html(card.explanation) in feedback
    assert card.sentences
    for sentence in card.sentences:
        assert html(sentence) in feedback
    # each source links to its whole article, which the student reads with the sentence marked; the file name,
    # which says nothing to a student, is not shown
    for article_id in card.articles:
        assert f'href="/study/articles/{article_id}?card={card.id}"' in feedback
    for file in card.files:
        assert file not in feedback


def test_a_wrong_answer_shows_the_right_one_and_the_choice_made(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    quiz_id = start(bank_client)
    card = facts(bank_app, current_card(bank_client, quiz_id))
    response = post_answer(bank_client, quiz_id, card.id, card.wrong)
    feedback = page(bank_client.get(response.headers["Location"]))
    assert "Wrong." in feedback and "✗" in feedback
    assert "Right!" not in feedback
    assert f'The right answer is: <span class="card-answer-text" lang="id">{html(card.options[card.right])}</span>' \
        in feedback
    chosen = re.search(r'<li class="card-option is-chosen">(.*?)</li>', feedback, re.S)
    assert chosen and html(card.options[card.wrong]) in chosen.group(1) and "Your answer" in chosen.group(1)
    for sentence in card.sentences:
        assert html(sentence) in feedback
    (answer,) = stored_answers(bank_app, quiz_id)
    assert (answer.card_id, answer.chosen_position, answer.correct) == (card.id, card.wrong, False)


# --- counted once -----------------------------------------------------------------------------------


def test_a_double_post_stores_one_answer(bank_app: Flask, bank_client: FlaskClient, student: int) -> None:
    quiz_id = start(bank_client)
    card = facts(bank_app, current_card(bank_client, quiz_id))
    first = post_answer(bank_client, quiz_id, card.id, card.wrong)
    second = post_answer(bank_client, quiz_id, card.id, card.right)
    assert first.headers["Location"] == second.headers["Location"] == f"/study/quiz/{quiz_id}/feedback/1"
    feedback = page(bank_client.get(second.headers["Location"]))
    assert "You had already answered this question; your first answer counts." in feedback
    assert "Wrong." in feedback
    answers = stored_answers(bank_app, quiz_id)
    assert [(a.card_id, a.chosen_position, a.correct) for a in answers] == [(card.id, card.wrong, False)]


def test_the_back_button_never_counts_an_answer_twice(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    quiz_id = start(bank_client)
    first = current_card(bank_client, quiz_id)
    post_answer(bank_client, quiz_id, first, 0)
    # going back to the question page asks the server again, which shows the question that is current now
    second = current_card(bank_client, quiz_id)
    assert second != first
    # the first question's form, re-sent from the browser history, lands on its feedback and counts once
    again = post_answer(bank_client, quiz_id, first, 1)
    assert again.headers["Location"] == f"/study/quiz/{quiz_id}/feedback/1"
    assert [(a.card_id, a.chosen_position) for a in stored_answers(bank_app, quiz_id)] == [(first, 0)]
    # feedback of a question not answered yet leads back to it
    ahead = bank_client.get(f"/study/quiz/{quiz_id}/feedback/2")
    assert ahead.status_code == 302 and ahead.headers["Location"] == f"/study/quiz/{quiz_id}"
    assert "Answer this question first." in page(bank_client.get(ahead.headers["Location"]))
    assert current_card(bank_client, quiz_id) == second


# --- the score --------------------------------------------------------------------------------------


def test_the_result_page_shows_the_score_and_every_right_answer(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    quiz_id = start(bank_client, count=5)
    cards = []
    for number in range(5):
        card = facts(bank_app, current_card(bank_client, quiz_id))
        cards.append(card)
        post_answer(bank_client, quiz_id, card.id, card.right if number < 3 else card.wrong)
    finished_at, score, _ = stored_quiz(bank_app, quiz_id)
    assert finished_at is not None and score == 3

    # the question page of a finished quiz goes to the score
    question = bank_client.get(f"/study/quiz/{quiz_id}")
    assert question.status_code == 302 and question.headers["Location"] == f"/study/quiz/{quiz_id}/result"
    result = page(bank_client.get(f"/study/quiz/{quiz_id}/result"))
    assert '<strong class="quiz-score-figure">3/5</strong>' in result
    assert "(60%)" in result
    assert result.count('class="quiz-result-line is-right"') == 3
    assert result.count('class="quiz-result-line is-wrong"') == 2
    for card in cards:
        assert html(card.question) in result
        assert html(card.options[card.right]) in result
    assert "/study/review?deck=all" in result
    assert 'action="/study/decks/all/quiz"' in result
    assert '<option selected value="5">5</option>' in result


def test_the_score_waits_for_the_last_answer(bank_client: FlaskClient, student: int) -> None:
    quiz_id = start(bank_client)
    response = bank_client.get(f"/study/quiz/{quiz_id}/result")
    assert response.status_code == 302 and response.headers["Location"] == f"/study/quiz/{quiz_id}"
    assert "Answer every question to see your score." in page(bank_client.get(response.headers["Location"]))


# --- timing -----------------------------------------------------------------------------------------


def test_time_taken_runs_from_the_first_showing_by_the_server_clock(
    bank_app: Flask, bank_client: FlaskClient, student: int
) -> None:
    clock = [datetime(2026, 3, 2, 8, 0, tzinfo=UTC)]
    bank_app.config["QUIZAPP_CLOCK"] = lambda: clock[0]
    quiz_id = start(bank_client)
    card_id = current_card(bank_client, quiz_id)
    clock[0] += timedelta(seconds=5)
    reloaded = page(bank_client.get(f"/study/quiz/{quiz_id}"))
    assert CARD_ID.search(reloaded).group(1) == card_id  # type: ignore[union-attr]
    token = TOKEN.search(reloaded).group(1)  # type: ignore[union-attr]  # signed with the first showing
    clock[0] += timedelta(seconds=2, milliseconds=250)
    bank_client.post(f"/study/quiz/{quiz_id}/answer", data={"card_id": card_id, "choice": "0", "token": token})
    (answer,) = stored_answers(bank_app, quiz_id)
    assert answer.time_taken_ms == 7250
    assert answer.answered_at == clock[0]


# --- who may see a quiz -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/study/quiz/1"),
        ("post", "/study/quiz/1/answer"),
        ("get", "/study/quiz/1/feedback/1"),
        ("get", "/study/quiz/1/result"),
    ],
)
def test_anonymous_users_are_sent_to_log_in(bank_client: FlaskClient, method: str, url: str) -> None:
    response = getattr(bank_client, method)(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")


def test_another_students_quiz_is_not_found(bank_app: Flask, bank_client: FlaskClient, bank_accounts) -> None:  # type: ignore[no-untyped-def]
    bank_accounts.login(bank_client, "owner")
    quiz_id = start(bank_client)
    card_id = current_card(bank_client, quiz_id)
    post_answer(bank_client, quiz_id, card_id, 0)
    second_card = current_card(bank_client, quiz_id)

    other = bank_app.test_client()
    bank_accounts.login(other, "intruder")
    for response in (
        other.get(f"/study/quiz/{quiz_id}"),
        other.get(f"/study/quiz/{quiz_id}/feedback/1"),
        other.get(f"/study/quiz/{quiz_id}/result"),
        other.post(f"/study/quiz/{quiz_id}/answer", data={"card_id": second_card, "choice": "1"}),
    ):
        assert response.status_code == 404
        assert "Page not found" in page(response)
    assert len(stored_answers(bank_app, quiz_id)) == 1


@pytest.mark.parametrize(
    "url",
    [
        "/study/quiz/999999",
        "/study/quiz/abc",
        "/study/quiz/-1",
        "/study/quiz/999999/result",
        "/study/quiz/1/feedback/99",
    ],
)
def test_an_unknown_quiz_or_question_is_not_found(bank_client: FlaskClient, student: int, url: str) -> None:
    start(bank_client)  # quiz 1 exists, with 5 questions
    response = bank_client.get(url)
    assert response.status_code == 404
    assert "Page not found" in page(response)
    assert "Traceback" not in page(response)


def test_answering_needs_the_csrf_token(bank_app: Flask, bank_client: FlaskClient, student: int) -> None:
    quiz_id = start(bank_client)
    bank_app.config["WTF_CSRF_ENABLED"] = True
    question = page(bank_client.get(f"/study/quiz/{quiz_id}"))
    card_id = CARD_ID.search(question).group(1)  # type: ignore[union-attr]
    token = next(group for group in CSRF.search(question).groups() if group)  # type: ignore[union-attr]
    refused = post_answer(bank_client, quiz_id, card_id, 0)
    assert refused.status_code == 400
    assert stored_answers(bank_app, quiz_id) == []
    accepted = bank_client.post(
        f"/study/quiz/{quiz_id}/answer", data={"card_id": card_id, "choice": "0", "csrf_token": token}
    )
    assert accepted.status_code == 303
    assert len(stored_answers(bank_app, quiz_id)) == 1


# --- bad input --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"card_id": "CURRENT"}, "Choose one of the answers."),
        ({"card_id": "CURRENT", "choice": ""}, "Choose one of the answers."),
        ({"card_id": "CURRENT", "choice": "abc"}, "Choose one of the answers."),
        ({"card_id": "CURRENT", "choice": "-1"}, "Choose one of the answers."),
        ({"card_id": "CURRENT", "choice": "1.5"}, "Choose one of the answers."),
        ({"card_id": "CURRENT", "choice": "9" * 5000}, "Choose one of the answers."),
        ({"card_id": "CURRENT", "choice": "4"}, "That is not one of the answers. Choose one of the 4 answers."),
        ({"card_id": "CURRENT", "choice": "999"}, "That is not one of the answers. Choose one of the 4 answers."),
        ({"choice": "0"}, "The answer did not say which question it was for. Please answer again."),
        ({"card_id": "", "choice": "0"}, "The answer did not say which question it was for. Please answer again."),
        ({"card_id": "no-such-card", "choice": "0"}, "That question is not part of this quiz."),
        ({"card_id": "OUTSIDE", "choice": "0"}, "That question is not part of this quiz."),
        (
            {"card_id": "NEXT", "choice": "0"},
            "Please answer the questions in order: question 1 is the one to answer now.",
        ),
    ],
)
def test_a_bad_answer_gets_a_clear_message_and_counts_nothing(
    bank_app: Flask, bank_client: FlaskClient, student: int, data: dict[str, str], message: str
) -> None:
    quiz_id = start(bank_client)
    _, _, card_ids = stored_quiz(bank_app, quiz_id)
    with bank_app.app_context():
        outside = db.session.scalar(sa.select(Card.id).where(Card.id.not_in(card_ids)).limit(1))
    stand_ins = {"CURRENT": card_ids[0], "NEXT": card_ids[1], "OUTSIDE": outside}
    data = {name: stand_ins.get(value, value) for name, value in data.items()}
    response = bank_client.post(f"/study/quiz/{quiz_id}/answer", data=data)
    assert response.status_code == 303
    assert response.headers["Location"] == f"/study/quiz/{quiz_id}"
    shown = bank_client.get(response.headers["Location"])
    assert shown.status_code == 200
    assert html(message) in page(shown)
    assert "Question 1 of 5" in page(shown)
    assert stored_answers(bank_app, quiz_id) == []
