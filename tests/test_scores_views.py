"""The scores pages: the filter and preview, CSV downloads streamed and safe, access, and bad filter values."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from conftest import Accounts
from flask import Flask
from flask.testing import FlaskClient
from scores_helpers import T0, School, build_school, find_deck, read_csv, take_quiz
from web_helpers import Page

from quizapp.db import db
from quizapp.models import Answer, Card, User
from quizapp.services.spreadsheet import FORMULA_STARTS, restore_cell

NOW = T0 + timedelta(days=10)


@pytest.fixture
def school(bank_app: Flask) -> School:
    bank_app.config["QUIZAPP_CLOCK"] = lambda: NOW
    with bank_app.app_context():
        return build_school()


@pytest.fixture
def ines(bank_client: FlaskClient, bank_accounts: Accounts, school: School) -> FlaskClient:
    """A client logged in as ines, the instructor of 7A and 7B."""
    bank_accounts.login(bank_client, "ines")
    return bank_client


def csv_rows(client: FlaskClient, path: str) -> list[list[str]]:
    response = client.get(path)
    assert response.status_code == 200, response.get_data(as_text=True)
    return read_csv(response.get_data(as_text=True))


# --- access ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/scores/", "/scores/attempts.csv", "/scores/answers.csv", "/scores/students.csv"])
def test_students_are_forbidden(bank_client: FlaskClient, bank_accounts: Accounts, school: School, path: str) -> None:
    bank_accounts.login(bank_client, "siti")
    assert bank_client.get(path).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(bank_client: FlaskClient, school: School) -> None:
    response = bank_client.get("/scores/attempts.csv")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("path", ["/scores/?class={id}", "/scores/attempts.csv?class={id}",
                                  "/scores/students.csv?class={id}"])
def test_another_instructors_class_is_not_found(ines: FlaskClient, school: School, path: str) -> None:
    assert ines.get(path.format(id=school.class_x)).status_code == 404


def test_an_unknown_report_is_not_found(ines: FlaskClient) -> None:
    assert ines.get("/scores/grades.csv").status_code == 404


# --- the page ----------------------------------------------------------------------------------------------


def test_the_page_offers_only_the_instructors_classes_and_previews_the_report(ines: FlaskClient) -> None:
    response = ines.get("/scores/")
    assert response.status_code == 200
    page = Page.of(response)
    page.find("select", name="class")
    assert [text for text in page.texts("option") if text in {"7A", "7B", "8X"}] == ["7A", "7B"]
    assert page.texts("th", scope="col")[:4] == ["Student", "Class", "Deck", "Attempt"]
    assert [text for text in page.texts("th", scope="row")] == ["siti", "budi", "siti", "budi"]
    assert page.find("a", id="download-answers")["href"] == "/scores/answers.csv"


def test_the_preview_shows_the_first_20_rows_and_the_links_keep_the_filter(ines: FlaskClient, school: School,
                                                                            bank_app: Flask) -> None:
    with bank_app.app_context():
        take_quiz(db.session.get(User, school.siti), find_deck(), T0 + timedelta(days=1), [True] * 20, seed=9)
    response = ines.get(f"/scores/?report=answers&class={school.class_b}&from=2026-03-01&to=2026-03-31")
    page = Page.of(response)
    assert response.status_code == 200
    assert len(page.texts("th", scope="row")) == 20
    href = page.find("a", id="download-students")["href"]
    assert href == f"/scores/students.csv?class={school.class_b}&from=2026-03-01&to=2026-03-31"
    assert len(csv_rows(ines, href.replace("students", "answers"))) == 1 + 28  # header + every answer of siti's


def test_nothing_to_show_says_so(ines: FlaskClient) -> None:
    page = Page.of(ines.get("/scores/?from=2027-01-01"))
    assert "Nothing matches this filter yet." in page.texts("p", **{"class": "notice"})


BAD_FILTERS = [
    ("from=2026-13-01", "from", "Enter a date as YYYY-MM-DD, such as 2026-03-01."),
    ("to=2026-02-30", "to", "Enter a date as YYYY-MM-DD, such as 2026-03-01."),
    ("from=last+week", "from", "Enter a date as YYYY-MM-DD, such as 2026-03-01."),
    ("from=2026-03-05&to=2026-03-04", "to", "The last day must not be before the first day."),
    ("class=9999", "class", "Choose one of your classes."),
    # past what an id column holds on PostgreSQL (INTEGER): once an "integer out of range" error 500 there
    ("class=2147483648", "class", "Choose one of your classes."),
    ("class=7A", "class", "Choose one of your classes."),
    ("deck=no-such-deck", "deck", "There is no deck 'no-such-deck'."),
]


@pytest.mark.parametrize(
    ("path", "query", "field", "message"),
    [("/scores/", *case) for case in BAD_FILTERS]
    + [("/scores/attempts.csv", *case) for case in BAD_FILTERS]
    + [("/scores/", "report=grades", "report", "Choose one of the reports listed.")],
)
def test_bad_filter_values_show_the_form_again_with_the_error_by_the_field(
    ines: FlaskClient, path: str, query: str, field: str, message: str
) -> None:
    response = ines.get(f"{path}?{query}")
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    page = Page.of(response)
    assert page.field_errors(field) == message
    assert page.invalid_fields() == {field}


# --- the CSV files -----------------------------------------------------------------------------------------


def test_a_download_is_a_streamed_csv_file_named_for_its_report_and_day(ines: FlaskClient) -> None:
    response = ines.get("/scores/attempts.csv")
    assert response.status_code == 200
    assert response.is_streamed
    assert response.content_type == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="scores-attempts-2026-03-12.csv"'
    body = response.get_data()
    assert body.startswith("\ufeff".encode())
    rows = read_csv(body.decode("utf-8"))
    assert rows[0] == ["Student", "Class", "Deck", "Attempt", "Started (UTC)", "Finished (UTC)", "Time taken (s)",
                       "Score", "Questions", "Percent"]
    assert rows[1] == ["siti", "7A; 7B", "All articles", "1", "2026-03-02 08:00:00", "2026-03-02 08:00:40", "40",
                       "3", "4", "75.0"]
    assert {row[0] for row in rows[1:]} == {"siti", "budi"}


def test_each_report_downloads_with_the_filter(ines: FlaskClient, school: School) -> None:
    students = csv_rows(ines, f"/scores/students.csv?class={school.class_b}")
    assert students[0][:3] == ["Student", "Class", "Attempts"]
    assert [row[:5] for row in students[1:]] == [["siti", "7B", "2", "100.0", "87.5"]]
    answers = csv_rows(ines, "/scores/answers.csv?from=2026-03-03&to=2026-03-03")
    assert [(row[0], row[2], row[6]) for row in answers[1:]] == [("budi", "3", "0"), ("budi", "3", "1")]
    deck = csv_rows(ines, "/scores/attempts.csv?deck=all")
    assert {row[2] for row in deck[1:]} == {"All articles"}


def test_a_question_starting_with_a_formula_character_is_written_as_text(
    ines: FlaskClient, school: School, bank_app: Flask
) -> None:
    with bank_app.app_context():
        answer = db.session.scalars(sa.select(Answer).where(Answer.user_id == school.siti)).first()
        card = db.session.get(Card, answer.card_id)
        card.question = '=HYPERLINK("http://evil.example","click")'
        card.choices[answer.chosen_position].text = "@SUM(A1:A9)"
        db.session.commit()
    rows = csv_rows(ines, "/scores/answers.csv")
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    # another quiz may have drawn the same card; the row that chose the changed option shows both cells
    row = next(row for row in rows if row[4].startswith("'=") and row[5].startswith("'@"))
    assert restore_cell(row[4]) == '=HYPERLINK("http://evil.example","click")'
    assert restore_cell(row[5]) == "@SUM(A1:A9)"


def test_the_download_is_not_read_before_it_is_sent(ines: FlaskClient, school: School, bank_app: Flask) -> None:
    response = ines.get("/scores/answers.csv", buffered=False)
    assert response.is_streamed
    chunks = iter(response.response)
    assert next(chunks).startswith("\ufeff".encode())  # the header, before a single row was fetched
    assert b"siti" in b"".join(chunks)
    response.close()
