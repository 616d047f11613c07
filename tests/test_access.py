"""Who may see which page: anonymous visitors, students and instructors."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from conftest import Accounts
from flask.testing import FlaskClient
from web_helpers import Page

PASSWORD = "password123"  # what Accounts gives every user
MEMBERS_ONLY = ["/study/", "/study/review", "/progress/", "/author/"]


def nav_links(client: FlaskClient, path: str = "/") -> dict[str, str]:
    """Return the main menu of the page at path, as link text -> address."""
    return Page.of(client.get(path)).links(inside="nav")


@pytest.mark.parametrize("path", MEMBERS_ONLY)
def test_anonymous_visitors_are_sent_to_log_in_and_back(client: FlaskClient, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 302
    assert response.headers["Location"] == f"/auth/login?next={quote(path, safe='')}"
    login_page = client.get(response.headers["Location"])
    assert login_page.status_code == 200
    assert "Please log in to see this page." in Page.of(login_page).texts("p", **{"class": "flash flash-info"})


def test_logging_in_from_the_redirect_returns_to_the_page(accounts: Accounts, client: FlaskClient) -> None:
    accounts.create("teacher", "instructor")
    login_url = client.get("/author/").headers["Location"]

    response = client.post(login_url, data={"username": "teacher", "password": PASSWORD})

    assert response.status_code == 302
    assert response.headers["Location"] == "/author/"


def test_the_next_page_keeps_its_query_string(client: FlaskClient) -> None:
    response = client.get("/progress/?deck=3")
    assert response.headers["Location"] == "/auth/login?next=%2Fprogress%2F%3Fdeck%3D3"


def test_students_may_not_see_the_instructor_pages(accounts: Accounts, client: FlaskClient) -> None:
    accounts.login(client, "student", "student")

    response = client.get("/author/")

    page = response.get_data(as_text=True)
    assert response.status_code == 403
    assert response.mimetype == "text/html"
    assert "Forbidden" in Page.of(response).texts("h1")
    assert 'href="/"' in page
    assert "Traceback" not in page


def test_instructors_may_see_the_instructor_pages(accounts: Accounts, client: FlaskClient) -> None:
    accounts.login(client, "teacher", "instructor")

    response = client.get("/author/")

    assert response.status_code == 200
    assert Page.of(response).texts("h1") == ["Questions"]


@pytest.mark.parametrize(
    ("role", "menu"),
    [
        (
            "student",
            {"Decks": "/study/", "Review": "/study/review", "Progress": "/progress/", "Classes": "/classes/"},
        ),
        (
            "instructor",
            {
                "Decks": "/study/", "Review": "/study/review", "Progress": "/progress/", "Classes": "/classes/",
                "Questions": "/author/", "Scores": "/scores/",
            },
        ),
    ],
)
def test_the_menu_shows_questions_only_to_instructors(
    accounts: Accounts, client: FlaskClient, role: str, menu: dict[str, str]
) -> None:
    accounts.login(client, role, role)
    assert nav_links(client) == menu


def test_anonymous_visitors_see_no_menu_but_log_in_and_register(client: FlaskClient) -> None:
    page = Page.of(client.get("/"))
    assert nav_links(client) == {}
    hrefs = {a["href"] for a in page.find_all("a")}
    assert {"/auth/login", "/auth/register"} <= hrefs
    assert page.find_all("form", action="/auth/logout") == []


def test_the_menu_marks_the_current_page(accounts: Accounts, client: FlaskClient) -> None:
    accounts.login(client, "teacher", "instructor")
    page = Page.of(client.get("/author/"))
    assert [a["href"] for a in page.find_all("a", **{"aria-current": "page"})] == ["/author/"]


@pytest.mark.parametrize(
    "user_id", ["999", "1 OR 1=1", "", "-1"], ids=["deleted-user", "tampered", "empty", "negative"]
)
def test_a_session_naming_no_user_is_anonymous(accounts: Accounts, client: FlaskClient, user_id: str) -> None:
    accounts.create("teacher", "instructor")
    with client.session_transaction() as session:
        session["_user_id"] = user_id

    response = client.get("/author/")

    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login?next=%2Fauthor%2F"
