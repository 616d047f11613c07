"""Logging in resists guessing: failures are throttled per account and per address, an unknown name costs the same
time as a wrong password, and the passwords guessed first cannot be chosen (issue 13)."""

from __future__ import annotations

import statistics
import time

import pytest
from conftest import Accounts
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Page
from werkzeug.test import TestResponse

from quizapp.cli import cli
from quizapp.services import users
from quizapp.services.users import MAX_PASSWORD_LENGTH, UserError, check_new_password, create_user, find_user

PASSWORD = "password123"  # what Accounts gives every user
WRONG = "Wrong username or password."
COMMON = "This password is one of the most common, and is guessed first; choose another."


def log_in(client: FlaskClient, username: str = "student", password: str = PASSWORD,
           address: str = "192.0.2.1") -> TestResponse:
    return client.post("/auth/login", data={"username": username, "password": password},
                       environ_overrides={"REMOTE_ADDR": address})


# --- throttling -------------------------------------------------------------------------------------


def test_an_account_is_refused_for_a_while_after_ten_failures(accounts: Accounts, client: FlaskClient) -> None:
    accounts.create()
    for _ in range(10):
        assert log_in(client, password="wrong guess").status_code == 200

    refused = log_in(client)  # even the right password: the attacker must not learn it was right

    page = Page.of(refused)
    assert refused.status_code == 429
    assert page.field_errors("password") == "Too many failed attempts. Wait 15 minutes and try again."
    assert page.find("input", name="username")["value"] == "student"
    assert "Traceback" not in refused.get_data(as_text=True)


def test_the_account_is_throttled_in_every_spelling_and_from_every_address(
    accounts: Accounts, client: FlaskClient
) -> None:
    accounts.create()
    for n in range(10):
        log_in(client, "Student" if n % 2 else " STUDENT", "wrong guess", address=f"192.0.2.{n}")
    assert log_in(client, address="198.51.100.7").status_code == 429
    accounts.create("other")
    assert log_in(client, "other", address="198.51.100.7").status_code == 302


def test_logging_in_does_not_count_against_the_limit(app: Flask, accounts: Accounts) -> None:
    accounts.create()
    for _ in range(15):
        client = app.test_client()
        assert log_in(client).status_code == 302


def test_an_address_is_refused_after_its_limit_of_failures(app: Flask, accounts: Accounts, client: FlaskClient) -> None:
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "3 per minute"
    accounts.create()
    for name in ("ayu", "budi", "citra"):
        assert log_in(client, name, "guess").status_code == 200

    refused = log_in(client)

    assert refused.status_code == 429
    assert Page.of(refused).field_errors("password") == "Too many failed attempts. Wait 1 minute and try again."
    assert log_in(client, address="192.0.2.99").status_code == 302


def test_the_limits_are_settings(monkeypatch: pytest.MonkeyPatch, instance_path: object) -> None:
    from quizapp import create_app

    monkeypatch.setenv("QUIZAPP_LOGIN_LIMIT_PER_ACCOUNT", "3 per hour")
    monkeypatch.setenv("QUIZAPP_RATELIMIT_STORAGE_URI", "memory://")
    app = create_app({"TESTING": True, "SECRET_KEY": "x"})
    assert app.config["LOGIN_LIMIT_PER_ACCOUNT"] == "3 per hour"
    assert app.config["LOGIN_LIMIT_PER_ADDRESS"] == "100 per 15 minutes"


def test_the_refusal_is_in_indonesian_too(accounts: Accounts, client: FlaskClient) -> None:
    accounts.create()
    client.post("/language", data={"lang": "id"})
    for _ in range(10):
        log_in(client, password="wrong guess")
    refused = Page.of(log_in(client))
    assert refused.field_errors("password") == "Terlalu banyak percobaan gagal. Tunggu 15 menit, lalu coba lagi."


def test_guessing_the_current_password_on_the_account_page_is_throttled(
    accounts: Accounts, client: FlaskClient
) -> None:
    accounts.login(client)
    data = {"current": "wrong guess", "password": "a new long secret", "confirm": "a new long secret"}
    for _ in range(10):
        assert client.post("/auth/password", data=data).status_code == 200

    refused = client.post("/auth/password", data={**data, "current": PASSWORD})

    assert refused.status_code == 429
    assert Page.of(refused).field_errors("current") == "Too many failed attempts. Wait 15 minutes and try again."
    assert find_user("student").check_password(PASSWORD)


# --- the same answer in the same time ---------------------------------------------------------------


def test_an_unknown_name_costs_one_password_check_like_a_wrong_password(
    accounts: Accounts, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.create()
    checked: list[str] = []
    real_check = users.check_password_hash
    monkeypatch.setattr(users, "check_password_hash", lambda hash_, pw: checked.append(hash_) or real_check(hash_, pw))

    unknown = log_in(client, "nobody", PASSWORD)

    assert Page.of(unknown).field_errors("password") == WRONG
    assert len(checked) == 1
    method = find_user("student").password_hash.split("$")[0]  # e.g. scrypt:32768:8:1
    assert checked[0].split("$")[0] == method


def test_an_unknown_name_takes_as_long_as_a_wrong_password(accounts: Accounts, client: FlaskClient) -> None:
    accounts.create()

    def timed(username: str) -> float:
        start = time.perf_counter()
        assert Page.of(log_in(client, username, "wrong guess")).field_errors("password") == WRONG
        return time.perf_counter() - start

    wrong_password = statistics.median(timed("student") for _ in range(3))
    unknown_user = statistics.median(timed("nobody") for _ in range(3))
    # without the dummy check an unknown name answered 30 times faster; the bound leaves room for a busy machine
    assert unknown_user > wrong_password / 3


# --- choosing a password ----------------------------------------------------------------------------


def register(client: FlaskClient, username: str, password: str) -> TestResponse:
    return client.post("/auth/register", data={"username": username, "password": password, "confirm": password})


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("alice", "password123", COMMON),
        ("alice", "PassWord123", COMMON),
        ("alice", "12345678", COMMON),
        ("alice", "bismillah", COMMON),
        ("alice", "qwertyuiop", COMMON),
        ("alice.rahma", "Alice.Rahma", "The password must not be the username."),
        ("alice", "x" * (MAX_PASSWORD_LENGTH + 1), "Field cannot be longer than 128 characters."),
    ],
    ids=["common", "common-other-case", "digits", "indonesian", "keyboard", "username", "too-long"],
)
def test_registration_refuses_a_password_guessed_first(
    client: FlaskClient, username: str, password: str, message: str
) -> None:
    response = register(client, username, password)
    page = Page.of(response)
    assert response.status_code == 200
    assert page.field_errors("password") == message
    assert find_user(username) is None


def test_registration_accepts_the_longest_password(client: FlaskClient) -> None:
    assert register(client, "alice", "x" * MAX_PASSWORD_LENGTH).status_code == 302


def test_a_password_change_refuses_a_common_password(accounts: Accounts, client: FlaskClient) -> None:
    accounts.login(client)
    response = client.post("/auth/password",
                           data={"current": PASSWORD, "password": "iloveyou1", "confirm": "iloveyou1"})
    assert Page.of(response).field_errors("password") == COMMON


def test_the_password_fields_say_their_maximum(client: FlaskClient) -> None:
    login_page = Page.of(client.get("/auth/login"))
    assert login_page.find("input", name="password")["maxlength"] == "128"
    assert Page.of(client.get("/auth/register")).find("input", name="password")["maxlength"] == "128"


def test_a_password_too_long_to_log_in_with_is_refused_unhashed(
    accounts: Accounts, client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.create()
    monkeypatch.setattr(users, "authenticate", lambda *args: pytest.fail("a too-long password was checked"))
    response = log_in(client, password="x" * 10_000)
    assert Page.of(response).field_errors("password") == "Field cannot be longer than 128 characters."


def test_the_services_refuse_what_the_forms_refuse(app: Flask) -> None:
    with pytest.raises(UserError, match="at most 128 characters"):
        create_user("alice", "x" * 129)
    with pytest.raises(UserError, match="most common"):
        check_new_password("Sunshine1")
    check_new_password("a sentence nobody guesses", "alice")


def test_create_user_on_the_command_line_refuses_a_common_password(app: Flask) -> None:
    result = app.test_cli_runner().invoke(cli, ["create-user", "ayu", "--password", "password1"])
    assert result.exit_code == 1
    assert "most common" in result.output
