"""The account pages: register, log in, log out, and the CSRF protection of their forms."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import sqlalchemy as sa
from conftest import Accounts, dispose_engines
from flask import Flask, render_template_string
from flask.testing import FlaskClient
from flask_wtf import FlaskForm
from web_helpers import Page, as_next_request
from werkzeug.test import TestResponse
from wtforms import StringField

from quizapp import create_app
from quizapp.db import db
from quizapp.models import Role, User
from quizapp.services.sessions import session_user
from quizapp.services.users import find_user

PASSWORD = "correct horse"
WRONG_LOGIN = "Wrong username or password."
# Addresses a "next" parameter must never send the browser to: absolute and protocol-relative URLs, and
# paths that browsers turn into protocol-relative ones (they drop tabs and newlines, read "\" as "/").
OFF_SITE = [
    "https://evil.example/",
    "http:evil.example",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "javascript:alert(1)",
    "evil.example",
]


def session_user_id(client: FlaskClient) -> str | None:
    """Return the id of the user whose open login session the browser's session names, or None."""
    with client.session_transaction() as session:
        token = session.get("_user_id")
    if token is None:
        return None
    with client.application.app_context():
        user = session_user(token, timedelta(days=1))
        return str(user.id) if user is not None else None


def user_count() -> int:
    db.session.remove()
    return db.session.scalar(sa.select(sa.func.count(User.id))) or 0


def register(
    client: FlaskClient, username: str = "alice", password: str = PASSWORD, confirm: str | None = None
) -> TestResponse:
    return client.post(
        "/auth/register",
        data={"username": username, "password": password, "confirm": password if confirm is None else confirm},
    )


def login(
    client: FlaskClient,
    username: str = "student",
    password: str = PASSWORD,
    *,
    next_page: str | None = None,
    remember: bool = False,
) -> TestResponse:
    data = {"username": username, "password": password} | ({"remember": "y"} if remember else {})
    query = {"next": next_page} if next_page is not None else {}
    return client.post("/auth/login", query_string=query, data=data)


def whoami(app: Flask, client: FlaskClient) -> str | None:
    """Return the username the site shows the browser as logged in on its next request, or None."""
    names = Page.of(as_next_request(app, client, "/")).texts("span", **{"class": "whoami"})
    return names[0] if names else None


# --- register ---------------------------------------------------------------------------------------


def test_register_page_shows_the_form(client: FlaskClient) -> None:
    response = client.get("/auth/register")
    page = Page.of(response)
    assert response.status_code == 200
    username = page.find("input", name="username")
    assert username["autocomplete"] == "username"
    assert username["maxlength"] == "80"
    assert page.find("input", name="password")["type"] == "password"
    assert page.find("input", name="confirm")["type"] == "password"
    assert page.invalid_fields() == set()


def test_register_creates_a_student_logs_in_and_goes_to_the_decks(app: Flask, client: FlaskClient) -> None:
    response = register(client, "alice")

    assert response.status_code == 302
    assert response.headers["Location"] == "/study/"
    db.session.remove()
    user = find_user("alice")
    assert user is not None
    assert user.role == Role.STUDENT
    assert user.password_hash != PASSWORD
    assert PASSWORD not in user.password_hash
    assert user.check_password(PASSWORD)
    assert not user.check_password(PASSWORD.upper())
    assert session_user_id(client) == str(user.id)
    assert whoami(app, client) == "alice"


def test_register_welcomes_the_new_user(client: FlaskClient) -> None:
    register(client, "alice")
    assert "Welcome, alice!" in client.get("/").get_data(as_text=True)


def test_register_trims_spaces_around_the_username(client: FlaskClient) -> None:
    assert register(client, "  alice  ").status_code == 302
    db.session.remove()
    assert db.session.scalars(sa.select(User.username)).all() == ["alice"]


NOT_ALLOWED = "may use only letters, digits, '.', '_' and '-', starting with a letter or digit"
REQUIRED = "This field is required."
TAKEN = "That username is taken; choose another."


@pytest.mark.parametrize(
    ("username", "password", "confirm", "errors"),
    [
        ("", PASSWORD, PASSWORD, {"username": REQUIRED}),
        ("   ", PASSWORD, PASSWORD, {"username": REQUIRED}),
        ("bad name", PASSWORD, PASSWORD, {"username": f"the username 'bad name' {NOT_ALLOWED}"}),
        ("ali<ce>", PASSWORD, PASSWORD, {"username": f"the username 'ali<ce>' {NOT_ALLOWED}"}),
        ("-alice", PASSWORD, PASSWORD, {"username": f"the username '-alice' {NOT_ALLOWED}"}),
        ("a" * 81, PASSWORD, PASSWORD, {"username": "the username is longer than 80 characters"}),
        ("taken", PASSWORD, PASSWORD, {"username": TAKEN}),
        ("TaKeN", PASSWORD, PASSWORD, {"username": TAKEN}),
        (" taken ", PASSWORD, PASSWORD, {"username": TAKEN}),
        ("alice", "", "", {"password": REQUIRED, "confirm": REQUIRED}),
        ("alice", "short12", "short12", {"password": "Field must be at least 8 characters long."}),
        ("alice", PASSWORD, PASSWORD + "!", {"confirm": "The passwords differ."}),
        ("alice", PASSWORD, "", {"confirm": REQUIRED}),
    ],
    ids=[
        "empty-username",
        "blank-username",
        "space-in-username",
        "markup-in-username",
        "leading-dash",
        "username-too-long",
        "taken",
        "taken-other-case",
        "taken-with-spaces",
        "empty-password",
        "password-too-short",
        "passwords-differ",
        "no-confirmation",
    ],
)
def test_register_bad_input_shows_one_message_next_to_each_bad_field_and_stores_nothing(
    accounts: Accounts, client: FlaskClient, username: str, password: str, confirm: str, errors: dict[str, str]
) -> None:
    accounts.create("taken")

    response = register(client, username, password, confirm)

    page = Page.of(response)
    assert response.status_code == 200
    assert page.invalid_fields() == errors.keys()
    for field, message in errors.items():
        assert page.field_errors(field) == message
    assert user_count() == 1
    assert session_user_id(client) is None


def test_register_boundary_lengths_are_accepted(client: FlaskClient) -> None:
    assert register(client, "a" * 80, "q7#vk2m9").status_code == 302  # 8 characters, none of the common ones
    db.session.remove()
    assert find_user("a" * 80) is not None


def test_failed_register_keeps_the_username_but_never_echoes_passwords(client: FlaskClient) -> None:
    response = register(client, "alice", PASSWORD, "something else")
    page = Page.of(response)
    assert PASSWORD not in response.get_data(as_text=True)
    assert page.find("input", name="username")["value"] == "alice"
    assert page.find("input", name="password").get("value", "") == ""
    assert page.find("input", name="confirm").get("value", "") == ""


def test_logged_in_user_visiting_register_goes_to_the_decks(accounts: Accounts, client: FlaskClient) -> None:
    accounts.login(client)

    response = client.get("/auth/register")

    assert response.status_code == 302
    assert response.headers["Location"] == "/study/"


def test_logged_in_user_cannot_register_another_account(accounts: Accounts, client: FlaskClient) -> None:
    user_id = accounts.login(client)

    response = register(client, "second")

    assert response.status_code == 302
    assert user_count() == 1
    assert session_user_id(client) == str(user_id)


# --- log in -----------------------------------------------------------------------------------------


def test_login_page_shows_the_form(client: FlaskClient) -> None:
    response = client.get("/auth/login")
    page = Page.of(response)
    assert response.status_code == 200
    assert page.find("input", name="username")["autocomplete"] == "username"
    assert page.find("input", name="password")["autocomplete"] == "current-password"
    assert page.find("input", name="remember")["type"] == "checkbox"


def test_login_logs_in_and_goes_to_the_decks(app: Flask, accounts: Accounts, client: FlaskClient) -> None:
    user_id = accounts.create("student", password=PASSWORD)

    response = login(client)

    assert response.status_code == 302
    assert response.headers["Location"] == "/study/"
    assert session_user_id(client) == str(user_id)
    assert whoami(app, client) == "student"


def test_login_ignores_the_case_of_the_username(accounts: Accounts, client: FlaskClient) -> None:
    user_id = accounts.create("student", password=PASSWORD)
    assert login(client, "  STUDENT ").status_code == 302
    assert session_user_id(client) == str(user_id)


@pytest.mark.parametrize(
    ("username", "password"),
    [("student", "wrong password"), ("nobody", PASSWORD), ("student", PASSWORD.upper())],
    ids=["wrong-password", "unknown-user", "password-in-other-case"],
)
def test_failed_login_says_the_same_whatever_was_wrong(
    accounts: Accounts, client: FlaskClient, username: str, password: str
) -> None:
    accounts.create("student", password=PASSWORD)

    response = login(client, username, password)

    page = Page.of(response)
    assert response.status_code == 200
    assert page.field_errors("password") == WRONG_LOGIN
    assert page.invalid_fields() == {"password"}
    assert session_user_id(client) is None


@pytest.mark.parametrize(("username", "password", "field"), [("", PASSWORD, "username"), ("student", "", "password")])
def test_login_with_an_empty_field_says_so(
    accounts: Accounts, client: FlaskClient, username: str, password: str, field: str
) -> None:
    accounts.create("student", password=PASSWORD)
    page = Page.of(login(client, username, password))
    assert page.invalid_fields() == {field}
    assert page.field_errors(field) == "This field is required."
    assert session_user_id(client) is None


@pytest.mark.parametrize("target", ["/progress/", "/study/review", "/author/?page=2"])
def test_login_goes_to_a_local_next_page(accounts: Accounts, client: FlaskClient, target: str) -> None:
    accounts.create("student", password=PASSWORD)
    response = login(client, next_page=target)
    assert response.status_code == 302
    assert response.headers["Location"] == target


@pytest.mark.parametrize("target", OFF_SITE)
def test_login_never_follows_next_off_the_site(accounts: Accounts, client: FlaskClient, target: str) -> None:
    user_id = accounts.create("student", password=PASSWORD)
    response = login(client, next_page=target)
    assert response.status_code == 302
    assert response.headers["Location"] == "/study/"
    assert session_user_id(client) == str(user_id)


@pytest.mark.parametrize(("target", "location"), [("/progress/", "/progress/"), ("//evil.example/", "/study/")])
def test_logged_in_user_visiting_login_goes_on_to_a_safe_page(
    accounts: Accounts, client: FlaskClient, target: str, location: str
) -> None:
    accounts.login(client)
    response = client.get("/auth/login", query_string={"next": target})
    assert response.status_code == 302
    assert response.headers["Location"] == location


def test_login_next_survives_the_form_round_trip(accounts: Accounts, client: FlaskClient) -> None:
    # The form has no action, so it posts back to the address that carries ?next=.
    accounts.create("student", password=PASSWORD)
    login_page = client.get("/auth/login?next=%2Fprogress%2F")
    assert "action" not in Page.of(login_page).find("form", method="post", novalidate="")
    response = client.post(
        "/auth/login?next=%2Fprogress%2F", data={"username": "student", "password": PASSWORD}
    )
    assert response.headers["Location"] == "/progress/"


def test_remember_me_sets_a_remember_cookie_that_logs_back_in(
    app: Flask, accounts: Accounts, client: FlaskClient
) -> None:
    accounts.create("student", password=PASSWORD)

    login(client, remember=True)

    assert client.get_cookie("remember_token") is not None
    client.delete_cookie("session")  # the browser was closed
    assert whoami(app, client) == "student"


def test_without_remember_me_closing_the_browser_logs_out(
    app: Flask, accounts: Accounts, client: FlaskClient
) -> None:
    accounts.create("student", password=PASSWORD)

    login(client)

    assert client.get_cookie("remember_token") is None
    client.delete_cookie("session")
    assert whoami(app, client) is None


# --- log out ----------------------------------------------------------------------------------------


def test_logout_by_get_is_refused_with_a_friendly_page(app: Flask, accounts: Accounts, client: FlaskClient) -> None:
    accounts.login(client)

    response = client.get("/auth/logout")

    page = response.get_data(as_text=True)
    assert response.status_code == 405
    assert response.mimetype == "text/html"
    assert "Method Not Allowed" in page
    assert "Traceback" not in page
    assert session_user_id(client) is not None
    assert whoami(app, client) == "student"


def test_logout_logs_out_and_goes_home(app: Flask, accounts: Accounts, client: FlaskClient) -> None:
    accounts.login(client)

    response = client.post("/auth/logout")

    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert session_user_id(client) is None
    assert "You are logged out." in Page.of(client.get("/")).texts("p", **{"class": "flash flash-info"})
    assert whoami(app, client) is None


def test_logout_forgets_the_remember_cookie(app: Flask, accounts: Accounts, client: FlaskClient) -> None:
    accounts.create("student", password=PASSWORD)
    login(client, remember=True)

    client.post("/auth/logout")

    assert client.get_cookie("remember_token") is None
    assert whoami(app, client) is None


def test_logout_when_already_logged_out_just_goes_home(client: FlaskClient) -> None:
    # A stale Log out button (say, in a second tab) must not send the user through the login form to a
    # page that then answers 405 because the login redirect turned the POST into a GET.
    response = client.post("/auth/logout")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


# --- the form fields --------------------------------------------------------------------------------


def test_a_field_with_several_errors_points_to_all_of_them(app: Flask) -> None:
    class Form(FlaskForm):
        name = StringField("Name")

    form = Form(meta={"csrf": False})
    form.name.errors = ["First problem.", "Second problem."]
    html = render_template_string('{% from "_form.html" import field %}{{ field(form.name) }}', form=form)

    page = Page(html)
    assert page.field_errors("name") == "First problem. Second problem."
    ids = [a["id"] for _, a in page.elements if "id" in a]
    assert len(ids) == len(set(ids)), f"duplicate ids: {ids}"


# --- CSRF -------------------------------------------------------------------------------------------


@pytest.fixture
def csrf_app(app_config: dict[str, object]) -> Iterator[Flask]:
    """Create an app that checks CSRF tokens, as in production (the other fixtures turn the check off)."""
    app = create_app({**app_config, "WTF_CSRF_ENABLED": True})
    Accounts(app).create("student", password=PASSWORD)
    yield app
    dispose_engines(app)


def form_token(client: FlaskClient, path: str = "/auth/login") -> str:
    """Return the CSRF token the login form on path carries."""
    token = Page.of(client.get(path)).find("input", id="csrf_token")["value"]
    assert token
    return token


@pytest.mark.parametrize(
    ("token", "message"),
    [(None, "The CSRF token is missing."), ("forged", "The CSRF token is invalid.")],
    ids=["missing", "forged"],
)
def test_login_without_a_valid_csrf_token_is_refused(csrf_app: Flask, token: str | None, message: str) -> None:
    client = csrf_app.test_client()
    client.get("/auth/login")  # the session that a real token would be bound to
    data = {"username": "student", "password": PASSWORD}
    if token is not None:
        data["csrf_token"] = token

    response = client.post("/auth/login", data=data)

    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert "Bad Request" in page
    assert message in page
    assert "Traceback" not in page
    assert session_user_id(client) is None


def test_login_with_the_csrf_token_from_the_form_works(csrf_app: Flask) -> None:
    client = csrf_app.test_client()
    token = form_token(client)

    response = client.post("/auth/login", data={"username": "student", "password": PASSWORD, "csrf_token": token})

    assert response.status_code == 302
    assert response.headers["Location"] == "/study/"
    assert session_user_id(client) is not None


def test_another_browsers_csrf_token_is_refused(csrf_app: Flask) -> None:
    token = form_token(csrf_app.test_client())
    client = csrf_app.test_client()
    client.get("/auth/login")

    response = client.post("/auth/login", data={"username": "student", "password": PASSWORD, "csrf_token": token})

    assert response.status_code == 400
    assert session_user_id(client) is None


def test_register_needs_the_csrf_token(csrf_app: Flask) -> None:
    client = csrf_app.test_client()
    data = {"username": "alice", "password": PASSWORD, "confirm": PASSWORD}
    assert client.post("/auth/register", data=data).status_code == 400
    token = form_token(client, "/auth/register")
    assert client.post("/auth/register", data={**data, "csrf_token": token}).status_code == 302


def test_logout_cannot_be_forced_from_another_site(csrf_app: Flask) -> None:
    client = csrf_app.test_client()
    token = form_token(client)
    client.post("/auth/login", data={"username": "student", "password": PASSWORD, "csrf_token": token})

    assert client.post("/auth/logout").status_code == 400
    assert session_user_id(client) is not None

    page = Page.of(client.get("/"))
    page.find("form", action="/auth/logout")
    token = page.find_all("input", name="csrf_token")[-1]["value"]
    assert client.post("/auth/logout", data={"csrf_token": token}).status_code == 302
    assert session_user_id(client) is None
