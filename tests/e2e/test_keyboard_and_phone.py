"""The keyboard and a phone, in a real headless Chromium (issue 12).

On an answer's page Enter and Space belong to the control that has the focus: a link is followed, a disclosure
opened, a button pressed; only from the page itself (or the next button) do they go on. On a 390-pixel phone
nothing is wider than the screen, chart text stays readable, the verdict is in view after answering, and the
keyboard tip is not shown.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import partial

import pytest

PASSWORD = "rahasia-123"
FEEDBACK = re.compile(r"/study/quiz/\d+/feedback/\d+$")
QUESTION = re.compile(r"/study/quiz/\d+$")
_names = itertools.count(1)

# The page's width against the window's, and the smallest chart text as drawn on the screen, in pixels: a text's
# font size in the chart's own units times the chart's scale.
MEASURE = """() => {
  const sizes = [];
  for (const svg of document.querySelectorAll('svg.chart')) {
    const scale = svg.getScreenCTM().a;
    for (const text of svg.querySelectorAll('text')) sizes.push(parseFloat(getComputedStyle(text).fontSize) * scale);
  }
  return {width: document.scrollingElement.scrollWidth, window: innerWidth, smallest: Math.min(...sizes),
          texts: sizes.length};
}"""


def navigate(page: object, action: object, url: re.Pattern[str]) -> None:
    """Run action and wait until it has loaded a page at url (and that page's script has run)."""
    with page.expect_navigation(url=url):
        action()


def register(page: object) -> str:
    """Register a new student through the form; return the username."""
    username = f"murid{next(_names)}"
    page.goto("/auth/register")
    page.locator("#username").fill(username)
    page.locator("#password").fill(PASSWORD)
    page.locator("#confirm").fill(PASSWORD)
    navigate(page, page.locator("main form [type=submit]").click, re.compile(r"/study/$"))
    return username


def start_quiz(page: object, count: str = "5") -> None:
    """Start a quiz on the deck of every article and wait for its first question."""
    page.goto("/study/decks/all")
    page.locator("select[name=count]").select_option(count)
    navigate(page, page.locator("form.deck-start-quiz [type=submit]").click, QUESTION)


def answer_with_a_key(page: object) -> None:
    """Answer the question shown with the key 1 and wait for the feedback page."""
    navigate(page, partial(page.keyboard.press, "1"), FEEDBACK)


def tab_to(page: object, selector: str, limit: int = 40) -> int:
    """Press Tab until the element matching selector has the focus; return how many Tabs it took."""
    for presses in range(limit + 1):
        if page.evaluate("s => document.activeElement === document.querySelector(s)", selector):
            return presses
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never got the focus in {limit} Tabs")


@pytest.fixture(params=["id-ID", "en-US"])
def phone(browser: object, server: str, request: pytest.FixtureRequest) -> Iterator[object]:
    """A page in a 390-pixel touch phone's browser, 600 pixels of it visible below the browser's bars."""
    context = browser.new_context(base_url=server, locale=request.param, viewport={"width": 390, "height": 600},
                                  is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.mark.e2e
def test_enter_on_a_link_follows_it_not_the_next_question(page: object) -> None:
    register(page)
    start_quiz(page)
    answer_with_a_key(page)

    # Tab to the header's Progress link: Enter follows the link.
    tab_to(page, "header a[href='/progress/']")
    navigate(page, partial(page.keyboard.press, "Enter"), re.compile(r"/progress/$"))


@pytest.mark.e2e
def test_enter_on_the_disclosure_opens_it_and_space_from_the_page_goes_on(page: object) -> None:
    register(page)
    page.goto("/study/review")
    navigate(page, partial(page.keyboard.press, "1"), re.compile(r"/study/review/feedback/\d+$"))
    feedback_url = page.url

    # The verdict has the focus, so Space goes on at once from there; first, the disclosure at the bottom.
    tab_to(page, ".review-scoring summary")
    page.keyboard.press("Enter")
    assert page.locator(".review-scoring").get_attribute("open") is not None
    page.keyboard.press("Enter")  # and closes it again
    assert page.locator(".review-scoring").get_attribute("open") is None
    # A moment for a navigation the key might have started, which would leave this page.
    page.wait_for_timeout(300)
    assert page.url == feedback_url

    # Space with the focus on the next link goes on (a link's own Space would only scroll).
    page.locator("[data-next]").focus()
    navigate(page, partial(page.keyboard.press, " "), re.compile(r"/study/review$"))


@pytest.mark.e2e
def test_space_from_the_verdict_goes_on_and_space_on_log_out_logs_out(page: object) -> None:
    register(page)
    start_quiz(page)
    answer_with_a_key(page)
    assert page.evaluate("document.activeElement.id") == "verdict"
    navigate(page, partial(page.keyboard.press, " "), QUESTION)

    answer_with_a_key(page)
    tab_to(page, "form.logout button")
    navigate(page, partial(page.keyboard.press, " "), re.compile(r"/$"))
    assert page.get_by_role("link", name="Log in").first.is_visible()


@pytest.mark.e2e
def test_the_username_is_reached_without_tabbing_through_the_header(page: object) -> None:
    page.goto("/auth/login")
    assert tab_to(page, "#username", limit=2) <= 2


@pytest.mark.e2e
def test_a_phone_sees_the_verdict_no_keyboard_tip_and_nothing_wider_than_the_screen(phone: object) -> None:
    register(phone)
    start_quiz(phone, "5")
    assert not phone.locator(".card-keys-hint").is_visible()
    for _ in range(5):
        navigate(phone, phone.locator("[data-choice]").first.click, FEEDBACK)
        box = phone.locator("#verdict").bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 600, box
        navigate(phone, phone.locator("[data-next]").click, re.compile(r"/study/quiz/\d+(/result)?$"))
    phone.goto("/study/review")
    navigate(phone, phone.locator("[data-choice]").first.click, re.compile(r"/study/review/feedback/\d+$"))
    article = phone.locator("a.card-article-link").first.get_attribute("href")

    for path in ("/progress/", "/study/", "/study/decks/all", "/study/review?mode=flashcard", article):
        phone.goto(path)
        # the tables behind the charts too
        phone.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        measured = phone.evaluate(MEASURE)
        assert measured["width"] <= measured["window"], (path, measured)
        if path == "/progress/":
            assert measured["texts"] > 10 and measured["smallest"] >= 11, measured
            indonesian = phone.evaluate("document.documentElement.lang") == "id"
            chart = phone.locator("#accuracy svg").first.inner_html()
            assert ("Semua artikel" if indonesian else "All articles") in chart
