"""Logging out ends a login on the server: no copy of its session or remember-me cookie logs in again (issue 13).

These tests use own_app, not app: with app, every test client would share one `g`, and so one current user.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from conftest import Accounts
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Page

from quizapp.cli import cli
from quizapp.db import db, utcnow
from quizapp.models import LoginSession
from quizapp.services.users import find_user

PASSWORD = "password123"  # what Accounts gives every user
NEW_PASSWORD = "a new and long secret"


def log_in(client: FlaskClient, username: str = "student", password: str = PASSWORD, remember: bool = False) -> None:
    data = {"username": username, "password": password} | ({"remember": "y"} if remember else {})
    assert client.post("/auth/login", data=data).status_code == 302


def logged_in(client: FlaskClient) -> bool:
    """Tell whether the browser's cookies open a members-only page."""
    return client.get("/study/").status_code == 200


def cookie(client: FlaskClient, name: str) -> str:
    found = client.get_cookie(name)
    assert found is not None, f"no {name} cookie"
    return found.value


def test_a_session_cookie_saved_before_logout_no_longer_logs_in(own_app: Flask) -> None:
    accounts, client = Accounts(own_app), own_app.test_client()
    accounts.create()
    log_in(client)
    saved = cookie(client, "session")

    client.post("/auth/logout")
    client.set_cookie("session", saved)

    assert not logged_in(client)


def test_a_remember_cookie_saved_before_logout_no_longer_logs_in(own_app: Flask) -> None:
    accounts, client = Accounts(own_app), own_app.test_client()
    accounts.create()
    log_in(client, remember=True)
    saved = cookie(client, "remember_token")

    client.post("/auth/logout")
    client.delete_cookie("session")
    client.set_cookie("remember_token", saved)

    assert not logged_in(client)


def test_each_login_gets_its_own_remember_cookie(own_app: Flask) -> None:
    accounts = Accounts(own_app)
    accounts.create()
    first, second = own_app.test_client(), own_app.test_client()
    log_in(first, remember=True)
    log_in(second, remember=True)
    assert cookie(first, "remember_token") != cookie(second, "remember_token")


def test_logout_ends_only_its_own_browsers_login(own_app: Flask) -> None:
    accounts = Accounts(own_app)
    accounts.create()
    here, elsewhere = own_app.test_client(), own_app.test_client()
    log_in(here)
    log_in(elsewhere)

    here.post("/auth/logout")

    assert not logged_in(here)
    assert logged_in(elsewhere)


def test_a_cookie_naming_a_user_id_does_not_log_in(own_app: Flask) -> None:
    accounts, client = Accounts(own_app), own_app.test_client()
    user_id = accounts.create()
    with client.session_transaction() as session:
        session["_user_id"] = str(user_id)  # what a session cookie carried before login sessions
    assert not logged_in(client)


def test_the_database_keeps_only_a_hash_of_the_token(own_app: Flask) -> None:
    accounts, client = Accounts(own_app), own_app.test_client()
    accounts.create()
    log_in(client)
    with client.session_transaction() as session:
        token = session["_user_id"]
    with own_app.app_context():
        hashes = db.session.scalars(sa.select(LoginSession.token_hash)).all()
    assert len(hashes) == 1
    assert token not in hashes[0]
    assert len(token) >= 40


def test_a_login_expires_with_the_remember_cookie(own_app: Flask) -> None:
    accounts, client = Accounts(own_app), own_app.test_client()
    accounts.create()
    log_in(client, remember=True)
    assert logged_in(client)
    lifetime = own_app.config["REMEMBER_COOKIE_DURATION"]
    assert lifetime == timedelta(days=30)

    with own_app.app_context():
        db.session.execute(sa.update(LoginSession).values(created_at=utcnow() - lifetime - timedelta(minutes=1)))
        db.session.commit()

    assert not logged_in(client)
    client.delete_cookie("session")
    assert not logged_in(client)


def test_logging_in_again_deletes_the_expired_logins(own_app: Flask) -> None:
    accounts, client = Accounts(own_app), own_app.test_client()
    accounts.create()
    log_in(client)
    with own_app.app_context():
        db.session.execute(sa.update(LoginSession).values(created_at=utcnow() - timedelta(days=31)))
        db.session.commit()

    log_in(own_app.test_client())

    with own_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(LoginSession)) == 1


# --- log out everywhere -----------------------------------------------------------------------------


def test_log_out_everywhere_ends_every_login_of_the_account(own_app: Flask) -> None:
    accounts = Accounts(own_app)
    accounts.create()
    accounts.create("other")
    here, phone, someone_else = own_app.test_client(), own_app.test_client(), own_app.test_client()
    log_in(here)
    log_in(phone, remember=True)
    log_in(someone_else, "other")
    remembered = cookie(phone, "remember_token")
    assert "logged in on 2 browsers" in here.get("/auth/account").get_data(as_text=True)

    response = here.post("/auth/logout-everywhere")

    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login"
    assert "You are logged out on every device." in here.get("/auth/login").get_data(as_text=True)
    assert not logged_in(here)
    assert not logged_in(phone)
    phone.delete_cookie("session")
    phone.set_cookie("remember_token", remembered)
    assert not logged_in(phone)
    assert logged_in(someone_else)


def test_the_account_page_is_linked_from_the_header_and_needs_a_login(own_app: Flask) -> None:
    accounts, client = Accounts(own_app), own_app.test_client()
    assert client.get("/auth/account").status_code == 302
    accounts.login(client)
    page = Page.of(client.get("/"))
    assert page.find("a", **{"class": "account-link"})["href"] == "/auth/account"
    account = client.get("/auth/account")
    assert account.status_code == 200
    assert Page.of(account).texts("h1") == ["Your account"]


# --- changing the password --------------------------------------------------------------------------


def change(client: FlaskClient, current: str = PASSWORD, new: str = NEW_PASSWORD, confirm: str | None = None):
    return client.post("/auth/password", data={"current": current, "password": new,
                                               "confirm": new if confirm is None else confirm})


def test_changing_the_password_logs_out_every_other_browser(own_app: Flask) -> None:
    accounts = Accounts(own_app)
    accounts.create()
    here, elsewhere = own_app.test_client(), own_app.test_client()
    log_in(here)
    log_in(elsewhere, remember=True)
    remembered = cookie(elsewhere, "remember_token")

    response = change(here)

    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/account"
    assert logged_in(here)
    assert not logged_in(elsewhere)
    elsewhere.delete_cookie("session")
    elsewhere.set_cookie("remember_token", remembered)
    assert not logged_in(elsewhere)
    with own_app.app_context():
        user = find_user("student")
        assert user.check_password(NEW_PASSWORD)
        assert not user.check_password(PASSWORD)
    log_in(own_app.test_client(), password=NEW_PASSWORD)


@pytest.mark.parametrize(
    ("current", "new", "confirm", "field", "message"),
    [
        ("wrong password", NEW_PASSWORD, NEW_PASSWORD, "current", "That is not your current password."),
        (PASSWORD, "short", "short", "password", "Field must be at least 8 characters long."),
        (PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!", "confirm", "The passwords differ."),
        ("", NEW_PASSWORD, NEW_PASSWORD, "current", "This field is required."),
    ],
    ids=["wrong-current", "too-short", "differ", "no-current"],
)
def test_a_refused_password_change_says_why_and_changes_nothing(
    own_app: Flask, current: str, new: str, confirm: str, field: str, message: str
) -> None:
    accounts = Accounts(own_app)
    accounts.create()
    here, elsewhere = own_app.test_client(), own_app.test_client()
    log_in(here)
    log_in(elsewhere)

    response = change(here, current, new, confirm)

    page = Page.of(response)
    assert response.status_code == 200
    assert page.invalid_fields() == {field}
    assert page.field_errors(field) == message
    assert logged_in(elsewhere)
    with own_app.app_context():
        assert find_user("student").check_password(PASSWORD)


def test_the_password_change_needs_a_login(own_app: Flask) -> None:
    response = change(own_app.test_client())
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login")


# --- quizapp set-password -----------------------------------------------------------------------------------


def test_set_password_on_the_command_line_sets_it_and_logs_the_account_out_everywhere(own_app: Flask) -> None:
    accounts = Accounts(own_app)
    accounts.create()
    accounts.create("other")
    browser, someone_else = own_app.test_client(), own_app.test_client()
    log_in(browser, remember=True)
    log_in(someone_else, "other")

    # asked twice when not given, as create-user does
    result = own_app.test_cli_runner().invoke(cli, ["set-password", "STUDENT"], input=f"{NEW_PASSWORD}\n" * 2)

    assert result.exit_code == 0, result.output
    assert "Set a new password for 'student'" in result.output
    assert not logged_in(browser)
    assert logged_in(someone_else)
    fresh = own_app.test_client()
    assert fresh.post("/auth/login", data={"username": "student", "password": PASSWORD}).status_code == 200
    log_in(fresh, password=NEW_PASSWORD)


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("nobody", NEW_PASSWORD, "there is no user named 'nobody'"),
        ("ayu-lestari", "short", "at least 8 characters"),
        ("ayu-lestari", "password1", "most common"),
        ("ayu-lestari", "Ayu-Lestari", "must not be the username"),
    ],
)
def test_set_password_refuses_what_registration_refuses(
    own_app: Flask, username: str, password: str, message: str
) -> None:
    Accounts(own_app).create("ayu-lestari")
    result = own_app.test_cli_runner().invoke(cli, ["set-password", username, "--password", password])
    assert result.exit_code == 1
    assert message in result.output
    log_in(own_app.test_client(), "ayu-lestari")  # the old password still works
