"""The import and export pages: preview, confirm, errors with their line, downloads, and who may use them."""

from __future__ import annotations

import io
import zipfile

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Page

from quizapp.db import db
from quizapp.models import Card, CardOrigin, Deck
from quizapp.services.bank import importing
from quizapp.services.bank.uploads import MAX_UPLOAD_BYTES

GIFT = (
    "// [tag:kaukasus]\n"
    "Ibu kota Armenia adalah?{=Yerevan ~Baku ~Tbilisi}\n"
    "\n"
    "Armenia anggota CSTO.{T}\n"
    "\n"
    "Siapa yang dimakamkan?{=tidak ada =nobody}\n"
)


def upload(client: FlaskClient, content: bytes | str, filename: str = "soal.gift", **fields: str):
    data = content.encode("utf-8") if isinstance(content, str) else content
    form = {"format": "auto", "deck": "", "new_deck": "Kaukasus", "language": "id", **fields}
    return client.post("/author/import", data={**form, "file": (io.BytesIO(data), filename)},
                       content_type="multipart/form-data")


def stored() -> tuple[int, int]:
    """Count the imported cards and the decks, as the database has them."""
    db.session.remove()
    cards = db.session.scalar(sa.select(sa.func.count()).select_from(Card).where(Card.origin == CardOrigin.IMPORTED))
    return cards, db.session.scalar(sa.select(sa.func.count()).select_from(Deck))


def flashes(client: FlaskClient) -> list[str]:
    with client.session_transaction() as session:
        return [message for _category, message in session.get("_flashes", [])]


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/author/import"), ("post", "/author/import"), ("post", "/author/import/confirm"),
     ("get", "/author/export"), ("get", "/author/export?format=csv")],
)
def test_students_are_refused(client: FlaskClient, accounts, method: str, path: str) -> None:
    accounts.login(client, "ayu", "student")
    assert getattr(client, method)(path).status_code == 403


def test_anonymous_users_are_sent_to_log_in(client: FlaskClient) -> None:
    response = client.get("/author/import")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_the_import_form_has_every_field_labelled(client: FlaskClient, accounts) -> None:
    accounts.login(client, "teacher", "instructor")
    page = Page.of(client.get("/author/import"))
    for name in ("file", "format", "deck", "new_deck", "language"):
        (control,) = [a for t, a in page.elements if a.get("name") == name and t in {"input", "select"}]
        page.find("label", **{"for": control["id"]})
    assert page.find("form", enctype="multipart/form-data")["method"] == "post"


def test_the_preview_shows_the_questions_and_the_skipped_and_stores_nothing(client: FlaskClient, accounts) -> None:
    accounts.login(client, "teacher", "instructor")
    response = upload(client, GIFT)
    assert response.status_code == 200
    page = Page.of(response)
    assert "2 questions will be added to the new deck Kaukasus." in page.text("import-summary")
    assert "✓ Yerevan" in " ".join(page.texts("li"))
    assert page.texts("th", scope="row") == ["6"]
    assert page.texts("td") == ["a short-answer question (only = answers), which quizapp cannot ask"]
    assert page.find_all("p", lang="id")
    assert stored() == (0, 0)


def test_confirming_stores_the_file_and_goes_to_the_deck(client: FlaskClient, accounts) -> None:
    teacher = accounts.login(client, "teacher", "instructor")
    token = Page.of(upload(client, GIFT)).find("input", name="token")["value"]
    response = client.post("/author/import/confirm", data={"token": token})
    assert response.status_code == 303
    assert response.headers["Location"] == "/author/?deck=kaukasus"
    assert flashes(client) == ["2 questions imported into Kaukasus."]
    assert stored() == (2, 1)
    card = db.session.scalars(sa.select(Card).where(Card.origin == CardOrigin.IMPORTED)).first()
    assert card.author_id == teacher and card.tags == "kaukasus"
    # the same token again: the upload is gone, nothing more is stored
    again = client.post("/author/import/confirm", data={"token": token})
    assert again.status_code == 303 and again.headers["Location"] == "/author/import"
    assert stored() == (2, 1)


def test_a_second_import_of_the_same_file_reports_the_duplicates(client: FlaskClient, accounts) -> None:
    accounts.login(client, "teacher", "instructor")
    importing.import_questions(GIFT.encode(), "gift", importing.DeckChoice(name="Kaukasus"), author_id=None)
    page = Page.of(upload(client, GIFT, new_deck="", deck="kaukasus"))
    assert "0 questions will be added to the deck Kaukasus." in page.text("import-summary")
    assert page.texts("ul", **{"class": "import-duplicates"}) == [
        "Line 2: Ibu kota Armenia adalah? Line 4: Armenia anggota CSTO."
    ]
    assert not page.find_all("input", name="token")


def test_a_token_of_another_user_is_not_theirs(app: Flask, client: FlaskClient, accounts) -> None:
    accounts.login(client, "teacher", "instructor")
    token = Page.of(upload(client, GIFT)).find("input", name="token")["value"]
    other = app.test_client()
    accounts.login(other, "other", "instructor")
    with app.app_context():  # a fresh context, as the other user's own request would have
        response = other.post("/author/import/confirm", data={"token": token})
    assert response.status_code == 303 and stored() == (0, 0)


@pytest.mark.parametrize(
    ("content", "filename", "fields", "field", "message"),
    [
        ("Q1?{=a ~b}\n\nQ2?{~a ~b}\n", "soal.gift", {}, "file",
         "Line 3: no right answer: mark the right option with =. Nothing was stored."),
        ("question,option_1,option_2,answer\nQ,a,b,1\nQ,a,a,2\n", "soal.csv", {}, "file",
         "Line 3: the option a appears twice. Nothing was stored."),
        ("Q?\nA. Caf\u00e9\nANSWER: A\n".encode("latin-1"), "soal.txt", {}, "file",
         "Line 2: not UTF-8 text (byte 0xe9); save the file as UTF-8 and try again. Nothing was stored."),
        ("Q?{=a ~b}", "soal.docx", {}, "format",
         "The file's name does not tell its format (.csv, .gift or .txt): choose the format."),
        ("", "soal.gift", {}, "file", "The file is empty."),
        ("Q?{=a ~b}", "soal.gift", {"new_deck": ""}, "new_deck", "Choose a deck above or type a new deck's name."),
        ("Q?{=a ~b}", "soal.gift", {"deck": "nope"}, "deck", "Not a valid choice."),
        ("Q?{=a ~b}", "soal.gift", {"format": "xml"}, "format", "Not a valid choice."),
    ],
)
def test_a_bad_file_or_choice_is_shown_next_to_its_field(
    client: FlaskClient, accounts, content: str | bytes, filename: str, fields: dict, field: str, message: str
) -> None:
    accounts.login(client, "teacher", "instructor")
    response = upload(client, content, filename, **fields)
    assert response.status_code == 400
    assert Page.of(response).field_errors(field) == message
    assert stored() == (0, 0)


def test_a_file_too_large_is_refused(client: FlaskClient, accounts) -> None:
    accounts.login(client, "teacher", "instructor")
    response = upload(client, b"x" * (MAX_UPLOAD_BYTES + 1))
    # Werkzeug's test client spools a large body to a temporary file and, without follow_redirects, never closes it.
    response.request.input_stream.close()
    assert response.status_code == 400
    assert Page.of(response).field_errors("file") == "The file is larger than 2 MB: split it into smaller files."


def test_the_export_form_and_its_downloads(client: FlaskClient, accounts) -> None:
    accounts.login(client, "teacher", "instructor")
    importing.import_questions(GIFT.encode(), "gift", importing.DeckChoice(name="Kaukasus"), author_id=None)
    page = Page.of(client.get("/author/export"))
    assert page.find("form", method="get") and page.find("option", value="kaukasus")

    csv_response = client.get("/author/export?format=csv&deck=kaukasus")
    assert csv_response.status_code == 200 and csv_response.mimetype == "text/csv"
    assert csv_response.is_streamed
    disposition = csv_response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="quizapp-kaukasus-') and disposition.endswith('.csv"')
    body = csv_response.get_data(as_text=True)
    assert body.startswith("\ufeffquestion,option_1") and "Ibu kota Armenia adalah?,Yerevan,Baku,Tbilisi" in body

    gift = client.get("/author/export?format=gift&deck=kaukasus").get_data(as_text=True)
    assert "Armenia anggota CSTO.{\n\t=True\n\t~False\n}" in gift

    apkg = client.get("/author/export?format=apkg")
    assert apkg.headers["Content-Disposition"].endswith('.apkg"')
    assert "collection.anki2" in zipfile.ZipFile(io.BytesIO(apkg.data)).namelist()


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [("format=xls", "format", "Not a valid choice."), ("format=csv&deck=nope", "deck", "Not a valid choice.")],
)
def test_a_bad_export_choice_is_shown_next_to_its_field(
    client: FlaskClient, accounts, query: str, field: str, message: str
) -> None:
    accounts.login(client, "teacher", "instructor")
    response = client.get(f"/author/export?{query}")
    assert response.status_code == 400
    assert Page.of(response).field_errors(field) == message
