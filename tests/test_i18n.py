"""The UI language: from the browser, the language switch, the session and the user's own setting."""

from __future__ import annotations

import pytest
from conftest import Accounts
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Page, as_next_request
from werkzeug.test import TestResponse

from quizapp.db import db
from quizapp.models import User


def selected_language(page: Page) -> str:
    """Return the language the switch shows as chosen."""
    (chosen,) = [option["value"] for option in page.find_all("option") if "selected" in option]
    return chosen


def session_language(client: FlaskClient) -> str | None:
    with client.session_transaction() as session:
        return session.get("lang")


def stored_locale(user_id: int) -> str | None:
    db.session.remove()
    user = db.session.get(User, user_id)
    assert user is not None
    return user.locale


def switch(client: FlaskClient, lang: str, next_page: str | None = "/auth/login") -> TestResponse:
    data = {"lang": lang} if next_page is None else {"lang": lang, "next": next_page}
    return client.post("/language", data=data)


@pytest.mark.parametrize(
    ("accept_language", "lang"),
    [
        ("id", "id"),
        ("id-ID,id;q=0.9,en;q=0.8", "id"),
        ("en-US,en;q=0.9,id;q=0.8", "en"),
        ("fr-FR,fr;q=0.9", "en"),
        ("fr;q=0.9,id;q=0.5", "id"),
        (None, "en"),
    ],
)
def test_the_language_follows_the_browser(client: FlaskClient, accept_language: str | None, lang: str) -> None:
    headers = {"Accept-Language": accept_language} if accept_language else {}
    page = Page.of(client.get("/auth/login", headers=headers))
    assert page.lang == lang
    assert selected_language(page) == lang


def test_the_switch_offers_every_language_in_its_own_name(client: FlaskClient) -> None:
    page = Page.of(client.get("/"))
    assert page.texts("option") == ["English", "Bahasa Indonesia"]
    assert [option["value"] for option in page.find_all("option")] == ["en", "id"]
    assert page.find("form", **{"class": "lang-switch"})["action"] == "/language"


@pytest.mark.parametrize("path", ["/auth/login", "/auth/login?next=%2Fprogress%2F", "/no/such/page"])
def test_the_switch_comes_back_to_the_page_it_is_on(client: FlaskClient, path: str) -> None:
    page = Page.of(client.get(path))
    assert page.find("input", name="next")["value"] == path


def test_switching_language_is_remembered_in_the_session(app: Flask, client: FlaskClient) -> None:
    response = switch(client, "id", "/auth/login")

    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login"
    assert session_language(client) == "id"
    # the choice beats what the browser asks for
    page = Page.of(as_next_request(app, client, "/auth/login", headers={"Accept-Language": "en"}))
    assert page.lang == "id"
    assert selected_language(page) == "id"


def test_switching_back_to_english(app: Flask, client: FlaskClient) -> None:
    switch(client, "id")
    switch(client, "en")
    assert session_language(client) == "en"
    page = Page.of(as_next_request(app, client, "/", headers={"Accept-Language": "id"}))
    assert page.lang == "en"
    assert selected_language(page) == "en"


def test_switching_language_is_stored_on_the_logged_in_user(
    app: Flask, accounts: Accounts, client: FlaskClient
) -> None:
    user_id = accounts.login(client)
    assert stored_locale(user_id) is None

    response = switch(client, "id", "/progress/")

    assert response.headers["Location"] == "/progress/"
    assert session_language(client) == "id"
    assert stored_locale(user_id) == "id"


def test_the_users_language_follows_them_to_another_browser(
    app: Flask, accounts: Accounts, client: FlaskClient
) -> None:
    accounts.login(client)
    switch(client, "id")

    other_browser = app.test_client()
    accounts.login(other_browser)
    page = Page.of(as_next_request(app, other_browser, "/", headers={"Accept-Language": "en"}))

    assert session_language(other_browser) is None
    assert page.lang == "id"
    assert selected_language(page) == "id"


def test_an_anonymous_switch_touches_no_user(accounts: Accounts, client: FlaskClient) -> None:
    user_id = accounts.create()
    switch(client, "id")
    assert stored_locale(user_id) is None


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "http:evil.example",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "/\t/evil.example/",
        "/\r\n/evil.example/",
        "javascript:alert(1)",
        "evil.example",
        "",
    ],
)
def test_the_switch_never_goes_off_the_site(client: FlaskClient, target: str) -> None:
    response = switch(client, "id", target)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert session_language(client) == "id", "the language still changes"


def test_the_switch_without_a_next_page_goes_home(client: FlaskClient) -> None:
    assert switch(client, "id", None).headers["Location"] == "/"


@pytest.mark.parametrize("lang", ["xx", "", "ID", "id-ID", "en_US", "fr"])
def test_an_unknown_language_is_ignored(
    app: Flask, accounts: Accounts, client: FlaskClient, lang: str
) -> None:
    user_id = accounts.login(client)

    response = switch(client, lang, "/auth/login")

    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login"
    assert session_language(client) is None
    assert stored_locale(user_id) is None
    assert Page.of(as_next_request(app, client, "/")).lang == "en"


def test_an_unknown_language_keeps_the_earlier_choice(client: FlaskClient) -> None:
    switch(client, "id")
    switch(client, "xx")
    assert session_language(client) == "id"


def test_switching_language_is_a_post(client: FlaskClient) -> None:
    response = client.get("/language?lang=id&next=/")
    assert response.status_code == 405
    assert session_language(client) is None
