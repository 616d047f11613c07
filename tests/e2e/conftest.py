"""A real quizapp server on loopback and a real headless Chromium driving it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import LiveServer, quizapp, quizapp_env

CHROMIUM = os.environ.get("QUIZAPP_CHROMIUM", "/usr/bin/chromium")
#: The instructor account the server fixture creates, as (username, password).
TEACHER = ("bu-rina", "guru-rahasia-1")


def _chromium_or_skip() -> str:
    """Return Chromium's path; in CI a missing browser fails the run instead of skipping the test."""
    path = shutil.which(CHROMIUM) or (CHROMIUM if Path(CHROMIUM).exists() else None)
    if path:
        return path
    message = f"no Chromium at {CHROMIUM} (apt-get install chromium, or set QUIZAPP_CHROMIUM)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Run `quizapp init` and `quizapp run` as a new user would, on a fresh instance folder; yield the URL."""
    instance = tmp_path_factory.mktemp("e2e-instance")
    env = quizapp_env(instance)
    quizapp(env, "init")
    # An instructor with a known password, made the way the README says: `quizapp create-user`.
    quizapp(env, "create-user", TEACHER[0], "--role", "instructor", "--password", TEACHER[1], timeout=60)
    live = LiveServer(env, instance / "server.log", command=("run",))
    live.start()
    try:
        yield live.url
    finally:
        live.stop()


@pytest.fixture(scope="session")
def teacher_account() -> tuple[str, str]:
    """The instructor account the server fixture creates: (username, password)."""
    return TEACHER


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Launch Debian's Chromium headless through Playwright (no browser download)."""
    path = _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            headless=True,
            # the machine's network is closed: keep Chromium from reaching out at start
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    """A fresh browser context and page for one test, with the server's URL as base."""
    context = browser.new_context(base_url=server, locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    # Chromium reports each script or style the Content-Security-Policy blocked on the console: a page that
    # needs one is broken for real users, so every journey fails on it.
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text
            else None)
    yield page
    context.close()
    assert not blocked, "the Content-Security-Policy blocked:\n" + "\n".join(blocked)
