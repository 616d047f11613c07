"""Oversized requests and numbers: a clear 413 before anything is read, and 404 for an id past what a column holds."""

from __future__ import annotations

import pytest
from conftest import Accounts
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Page

from quizapp import create_app
from quizapp.urls import MAX_ID, MAX_PAGE, page_number, parse_id

HUGE = "99999999999999999999"  # past 64 bits


def test_a_request_over_the_limit_is_refused_unread_with_a_clear_page(app: Flask, client: FlaskClient) -> None:
    assert app.config["MAX_CONTENT_LENGTH"] == 3 * 1024 * 1024
    body = "username=ayu&password=" + "x" * (4 * 1024 * 1024)

    response = client.post("/auth/login", data=body, content_type="application/x-www-form-urlencoded")

    page = Page.of(response)
    assert response.status_code == 413
    assert page.texts("h1") == ["Request Entity Too Large"]
    assert ("What was sent is larger than the 3 MB this site accepts at once. Go back and send a smaller file or text."
            in page.texts("p"))


def test_the_413_page_is_in_indonesian_too(client: FlaskClient) -> None:
    response = client.post("/auth/login", data="x" * (4 * 1024 * 1024), headers={"Accept-Language": "id"},
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert "Yang dikirim lebih besar dari 3 MB yang diterima situs ini sekaligus." in response.get_data(as_text=True)


# A question file just over its own 2 MB limit still reaches its form, which says so:
# tests/test_transfer_views.py::test_a_file_too_large_is_refused.


# --- numbers past 64 bits ---------------------------------------------------------------------------


def int_routes() -> list[tuple[str, str]]:
    """Return (endpoint, path) for every GET route with an <int:…> part, each such part past 64 bits."""
    app = create_app({"TESTING": True, "SECRET_KEY": "routes"})
    routes = []
    for rule in app.url_map.iter_rules():
        ints = {name for name, converter in rule._converters.items() if converter.__class__.__name__ == "IdConverter"}
        if ints and "GET" in rule.methods:
            path = rule.rule
            for name in rule.arguments:
                path = path.replace(f"<int:{name}>", HUGE).replace(f"<{name}>", "x")
            routes.append((rule.endpoint, path))
    return sorted(routes)


INT_ROUTES = int_routes()


def test_the_int_routes_are_found() -> None:
    assert {"study.quiz_question", "classes.detail", "study.review_feedback"} <= {e for e, _ in INT_ROUTES}


@pytest.mark.parametrize(("endpoint", "path"), INT_ROUTES, ids=[path for _, path in INT_ROUTES])
def test_an_id_past_64_bits_is_not_found(accounts: Accounts, client: FlaskClient, endpoint: str, path: str) -> None:
    accounts.login(client, "teacher", "instructor")
    response = client.get(path)
    assert response.status_code == 404, (endpoint, response.status_code)


@pytest.mark.parametrize("path", ["/study/quiz/{}", "/classes/{}"])
@pytest.mark.parametrize("number", [MAX_ID, MAX_ID + 1, 2**63 - 1])
def test_the_largest_ids_are_not_found(accounts: Accounts, client: FlaskClient, path: str, number: int) -> None:
    # An INTEGER id column holds 32 bits on PostgreSQL: 2**63 - 1 was looked up there and failed with 500.
    assert MAX_ID == 2**31 - 1
    accounts.login(client, "teacher", "instructor")
    assert client.get(path.format(number)).status_code == 404


@pytest.mark.parametrize(("text", "number"), [("0", 0), ("42", 42), (" 7 ", 7), (str(MAX_ID), MAX_ID)])
def test_parse_id_reads_the_ids_a_column_holds(text: str, number: int) -> None:
    assert parse_id(text) == number


@pytest.mark.parametrize("text", ["", "-1", "1.5", "x", "\u0663", str(MAX_ID + 1), HUGE])
def test_parse_id_refuses_what_no_row_can_have(text: str) -> None:
    assert parse_id(text) is None


@pytest.mark.parametrize("path", ["/author/", "/author/items", "/progress/"])
@pytest.mark.parametrize("page", [HUGE, "-" + HUGE, "0", "x", str(MAX_PAGE + 1)])
def test_a_page_number_out_of_range_shows_a_page(
    bank_accounts: Accounts, bank_client: FlaskClient, path: str, page: str
) -> None:
    bank_accounts.login(bank_client, "teacher", "instructor")
    response = bank_client.get(path, query_string={"page": page})
    assert response.status_code == 200


@pytest.mark.parametrize(("value", "page"), [("1", 1), ("7", 7), ("0", 1), ("-3", 1), (HUGE, MAX_PAGE)])
def test_page_number_clamps(value: str, page: int) -> None:
    assert page_number(value) == page


def test_page_number_refuses_what_is_no_number() -> None:
    with pytest.raises(ValueError):
        page_number("two")
