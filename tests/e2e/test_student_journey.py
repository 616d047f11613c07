"""A new student's first session, in a real headless Chromium against a real server started from the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[2] / "instance" / "e2e-screenshots"


def shot(page: object, name: str) -> None:
    """Keep a screenshot of what the student saw, for a person to look at after the run."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.e2e
def test_register_quiz_with_the_keyboard_review_and_see_progress(page: object) -> None:
    # Register: the account is created and the student lands on the decks.
    page.goto("/")
    page.get_by_role("link", name="Create a free account").click()
    page.get_by_label("Username").fill("ayu")
    page.get_by_label("Password", exact=True).fill("rahasia-123")
    page.get_by_label("Repeat the password").fill("rahasia-123")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(re.compile(r"/study/$"))
    assert page.get_by_text("Welcome, ayu!").is_visible()
    shot(page, "01-decks")

    # Start a five-question quiz on the all-articles deck.
    page.locator("a[href$='/study/decks/all']").first.click()
    page.get_by_label(re.compile("Questions|Number of questions")).select_option("5")
    page.get_by_role("button", name=re.compile("Start")).click()
    page.wait_for_url(re.compile(r"/study/quiz/\d+$"))
    shot(page, "02-question")

    # Answer every question with the keyboard: a number picks an option, Enter goes on.
    for number in range(5):
        question = page.locator("h1").inner_text()
        choices = page.locator("[data-choice]")
        assert choices.count() >= 3
        # before answering, no option is marked as right in the page
        assert "correct" not in page.locator(".card-choices").inner_html().lower()
        page.keyboard.press(str(1 + number % choices.count()))
        page.wait_for_url(re.compile(r"/feedback/\d+$"))
        feedback = page.locator("main").inner_text()
        assert question in feedback
        assert re.search(r"Source|Sumber", feedback), feedback
        if number == 0:
            shot(page, "03-feedback")
        page.keyboard.press("Enter")
        page.wait_for_load_state()

    # The score page ends the quiz.
    page.wait_for_url(re.compile(r"/result$"))
    score = page.locator(".quiz-score-figure").inner_text()
    assert re.fullmatch(r"[0-5]/5", score), score
    shot(page, "04-score")

    # Review: new cards come first on a fresh account; answer three with the keyboard.
    page.get_by_role("link", name="Review", exact=True).click()
    page.wait_for_url(re.compile(r"/study/review"))
    for _ in range(3):
        page.locator("[data-choice]").first.wait_for()
        page.keyboard.press("2")
        page.wait_for_url(re.compile(r"/study/review/feedback/\d+$"))
        assert page.get_by_text(re.compile("again", re.IGNORECASE)).first.is_visible()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/study/review"))
    shot(page, "05-review")

    # Progress: the quiz is in the history and the charts are drawn as SVG by the server.
    page.get_by_role("link", name="Progress").click()
    page.wait_for_url(re.compile(r"/progress/$"))
    body = page.locator("main").inner_text()
    assert f"{score}" in body.replace(" ", "")
    assert page.locator("main svg[role='img']").count() >= 2
    shot(page, "06-progress")

    # Log out.
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.get_by_role("link", name="Log in").first.is_visible()
