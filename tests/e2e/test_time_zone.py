"""A student's time zone comes from their browser, and stays UTC (changeable) without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest


@pytest.fixture
def open_browser(browser: object, server: str) -> Iterator[object]:
    """Return a function that opens a page in a new context: a browser with its own zone, JavaScript on or off."""
    contexts: list[object] = []

    def open_page(time_zone: str, javascript: bool = True) -> object:
        context = browser.new_context(base_url=server, locale="en-US", timezone_id=time_zone,
                                      java_script_enabled=javascript, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def register(page: object, username: str) -> None:
    page.goto("/auth/register")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill("rahasia-123")
    page.get_by_label("Repeat the password").fill("rahasia-123")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(re.compile(r"/study/$"))


@pytest.mark.e2e
def test_the_browsers_time_zone_becomes_the_students(open_browser: object) -> None:
    page = open_browser("Asia/Jakarta")
    register(page, "wulan")
    page.goto("/auth/account")
    assert page.get_by_label("Time zone").input_value() == "Asia/Jakarta"
    assert page.get_by_text("Your days follow this time zone").is_visible()
    page.goto("/progress/")
    assert page.get_by_text("Your days start at 4:00\u202fAM in the time zone Asia/Jakarta").is_visible()


@pytest.mark.e2e
def test_without_javascript_the_days_are_utc_until_the_student_chooses(open_browser: object) -> None:
    page = open_browser("Asia/Jakarta", javascript=False)
    register(page, "bayu")
    page.goto("/auth/account")
    assert page.get_by_label("Time zone").input_value() == "UTC"
    assert page.get_by_text("Your time zone is not set yet").is_visible()
    page.get_by_label("Time zone").select_option("Asia/Makassar")
    page.get_by_label("Your day starts at").select_option(label="5:00\u202fAM")
    page.get_by_label("Desired retention, in percent").fill("85")
    page.get_by_role("button", name="Save the settings").click()
    page.wait_for_url(re.compile(r"/auth/account"))
    assert page.get_by_text("Your study settings are saved.").is_visible()
    assert page.get_by_label("Time zone").input_value() == "Asia/Makassar"
    assert page.get_by_label("Your day starts at").input_value() == "5"
    assert page.get_by_label("Desired retention, in percent").input_value() == "85"

    # Logging in later from a browser that runs the script sets no zone over the one the student chose.
    page = open_browser("Europe/Amsterdam")
    page.goto("/auth/login")
    page.get_by_label("Username").fill("bayu")
    page.get_by_label("Password").fill("rahasia-123")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/study/$"))
    page.goto("/auth/account")
    assert page.get_by_label("Time zone").input_value() == "Asia/Makassar"


@pytest.mark.e2e
def test_a_student_without_a_zone_gets_the_browsers_at_log_in(open_browser: object) -> None:
    register(open_browser("UTC", javascript=False), "sari")
    page = open_browser("Asia/Jayapura")
    page.goto("/auth/login")
    page.get_by_label("Username").fill("sari")
    page.get_by_label("Password").fill("rahasia-123")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/study/$"))
    page.goto("/auth/account")
    assert page.get_by_label("Time zone").input_value() == "Asia/Jayapura"
