"""The Indonesian translation: complete, compiled, faithful to its placeholders, and what the pages show."""

from __future__ import annotations

import configparser
import re
from gettext import GNUTranslations
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from conftest import TEST_CONFIG, Accounts
from flask import Flask
from flask.testing import FlaskClient
from web_helpers import Page, as_next_request

from quizapp import create_app

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = PROJECT_ROOT / "quizapp" / "translations"
PO_FILE = TRANSLATIONS / "id" / "LC_MESSAGES" / "messages.po"
MO_FILE = PO_FILE.with_suffix(".mo")
#: The keywords of the documented extract command: pybabel extract -k _l -k lazy_gettext
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
#: A printf conversion as Python's % operator reads it: %(name)s, %d, %.1f, and %% for a percent sign.
CONVERSION = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")


def read_catalog() -> Catalog:
    with PO_FILE.open("rb") as po:
        return read_po(po, locale="id")


def method_map() -> list[tuple[str, str]]:
    """Read babel.cfg's [method: pattern] sections, so that the test extracts exactly as pybabel does."""
    config = configparser.ConfigParser()
    config.read(PROJECT_ROOT / "babel.cfg", encoding="utf-8")
    return [tuple(part.strip() for part in section.split(":", 1))[::-1] for section in config.sections()]


def extracted_ids() -> set[str]:
    """Extract the messages from the code and templates as they are now, not from the committed .pot."""
    ids = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        PROJECT_ROOT, method_map(), keywords=KEYWORDS
    ):
        ids.add(message[0] if isinstance(message, tuple) else message)
    return ids


def translated_messages() -> list[Message]:
    return [message for message in read_catalog() if message.id]


def message_key(message: Message) -> str:
    return message.id[0] if message.pluralizable else message.id


def strings(message: Message) -> tuple[str, ...]:
    """Return the translation, or each plural form of it."""
    return tuple(message.string) if message.pluralizable else (message.string,)


def conversions(text: str) -> list[str]:
    return sorted(CONVERSION.findall(text))


def test_babel_cfg_covers_the_code_and_the_templates() -> None:
    assert method_map() == [("quizapp/**.py", "python"), ("quizapp/templates/**.html", "jinja2")]


def test_every_message_in_the_code_has_an_indonesian_translation() -> None:
    catalog = read_catalog()
    ids = extracted_ids()
    assert len(ids) > 200, "the extraction found the app's messages"
    missing = sorted(msgid for msgid in ids if (message := catalog.get(msgid)) is None or not all(strings(message)))
    fuzzy = sorted(message_key(message) for message in catalog if message.id and message.fuzzy)
    assert not missing, "not translated (see quizapp/translations/README.md):\n" + "\n".join(missing)
    assert not fuzzy, "fuzzy translations, which pybabel compile leaves out:\n" + "\n".join(fuzzy)


def test_indonesian_has_one_plural_form() -> None:
    catalog = read_catalog()
    assert catalog.plural_forms == "nplurals=1; plural=0;"
    for message in translated_messages():
        if message.pluralizable:
            assert len(message.string) == 1, message.id


def gettext_messages(mo: BinaryIO) -> dict[object, str]:
    """Read a compiled catalog as gettext does: each message and its translation, header aside.

    The header's Generated-By names the Babel release that compiled it, so it is left out: the same catalog
    compiled by another release is just as up to date.
    """
    messages = dict(GNUTranslations(mo)._catalog)
    messages[""] = re.sub(r"(?m)^Generated-By:.*\n?", "", messages.get("", ""))
    return messages


def compile_catalog(catalog: Catalog) -> BytesIO:
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return compiled


def test_the_compiled_catalog_is_up_to_date() -> None:
    with MO_FILE.open("rb") as mo:
        committed = gettext_messages(mo)
    compiled = gettext_messages(compile_catalog(read_catalog()))
    assert committed == compiled, "run: pybabel compile -d quizapp/translations"


def test_the_catalog_check_sees_a_stale_translation() -> None:
    catalog = read_catalog()
    message = next(message for message in catalog if message.id and not message.pluralizable)
    before = gettext_messages(compile_catalog(catalog))
    message.string += " (diubah)"
    assert gettext_messages(compile_catalog(catalog)) != before


def test_every_translation_keeps_its_placeholders() -> None:
    changed = []
    for message in translated_messages():
        # With one plural form, the Indonesian text stands for the English plural, placeholders and all.
        source = message.id[-1] if message.pluralizable else message.id
        changed += [f"{source!r} -> {text!r}" for text in strings(message) if conversions(text) != conversions(source)]
    assert not changed, "placeholders lost, added or changed:\n" + "\n".join(changed)
    assert [(message.id, errors) for message, errors in read_catalog().check()] == []


@pytest.mark.parametrize(
    ("source", "translation", "kept"),
    [
        ("%(num)d of %(total)d", "%(num)d dari %(total)d", True),
        ("%(num)d of %(total)d", "%(num)d dari %(jumlah)d", False),
        ("%(num)d days", "%(num)s hari", False),
        ("%(num)d days", "beberapa hari", False),
        ("in %(when)s", "%(when)s lagi 100%", False),
    ],
)
def test_the_placeholder_check_sees_a_change(source: str, translation: str, kept: bool) -> None:
    assert (conversions(translation) == conversions(source) and "%" not in CONVERSION.sub("", translation)) is kept


def test_no_translation_has_a_stray_percent_sign() -> None:
    # Templates format every message with %, so a lone % in a translation would break the page.
    stray = [
        text
        for message in translated_messages()
        for text in strings(message)
        if "%" in CONVERSION.sub("", text)
    ]
    assert stray == []


# --- the pages ----------------------------------------------------------------------------------------


def get(app: Flask, client: FlaskClient, path: str, lang: str) -> Page:
    return Page.of(as_next_request(app, client, path, headers={"Accept-Language": lang}))


@pytest.mark.parametrize(
    ("lang", "heading", "nav", "footer"),
    [
        ("id", "Masuk", ["Masuk", "Daftar"], "quizapp — pelajari fakta dalam berita"),
        ("en", "Log in", ["Log in", "Register"], "quizapp — learn the facts in the news"),
    ],
)
def test_the_login_page_speaks_the_browsers_language(
    app: Flask, client: FlaskClient, lang: str, heading: str, nav: list[str], footer: str
) -> None:
    page = get(app, client, "/auth/login", lang)
    assert page.lang == lang
    assert page.texts("h1") == [heading]
    assert [name for name in page.links("header") if name != "quizapp"] == nav
    assert page.texts("footer") == [footer]


@pytest.mark.parametrize(
    ("lang", "heading", "nav", "all_articles"),
    [
        ("id", "Dek", ["Dek", "Pengulangan", "Kemajuan", "Kelas"], "Semua artikel"),
        ("en", "Decks", ["Decks", "Review", "Progress", "Classes"], "All articles"),
    ],
)
def test_the_decks_page_speaks_the_browsers_language(
    bank_app: Flask, bank_client: FlaskClient, bank_accounts: Accounts, lang: str, heading: str, nav: list[str],
    all_articles: str,
) -> None:
    bank_accounts.login(bank_client)
    page = get(bank_app, bank_client, "/study/", lang)
    assert page.lang == lang
    assert page.texts("h1") == [heading]
    assert list(page.links("nav")) == nav
    assert page.texts("h2", **{"class": "deck-title"})[0] == all_articles


@pytest.mark.parametrize(
    ("lang", "title", "code", "home"),
    [
        ("id", "Halaman tidak ditemukan", "Galat 404", "Ke halaman beranda"),
        ("en", "Page not found", "Error 404", "Go to the home page"),
    ],
)
def test_the_404_page_speaks_the_browsers_language(
    app: Flask, client: FlaskClient, lang: str, title: str, code: str, home: str
) -> None:
    response = as_next_request(app, client, "/no/such/page", headers={"Accept-Language": lang})
    page = Page.of(response)
    assert response.status_code == 404
    assert page.lang == lang
    assert page.texts("h1") == [title]
    assert page.texts("p", **{"class": "error-code"}) == [code]
    assert page.links("main") == {home: "/"}


def test_other_error_pages_are_translated_too(app: Flask, client: FlaskClient) -> None:
    response = client.post("/health", headers={"Accept-Language": "id"})
    assert response.status_code == 405
    assert Page.of(response).texts("h1") == ["Metode Tidak Diizinkan"]


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"username": "", "password": "", "confirm": ""},
         {"username": "Kolom ini wajib diisi.", "password": "Kolom ini wajib diisi.",
          "confirm": "Kolom ini wajib diisi."}),
        ({"username": "bad name", "password": "short12", "confirm": "other12"},
         {"username": "nama pengguna 'bad name' hanya boleh memakai huruf, angka, '.', '_' dan '-', "
                      "dan harus diawali huruf atau angka",
          "password": "Isian minimal 8 karakter.", "confirm": "Kata sandinya tidak sama."}),
        ({"username": "a" * 81, "password": "kuda-benar-99", "confirm": "kuda-benar-99"},
         {"username": "nama pengguna lebih dari 80 karakter"}),
        ({"username": "ayu", "password": "password123", "confirm": "password123"},
         {"password": "Kata sandi ini termasuk yang paling umum dan paling dulu ditebak; pilih yang lain."}),
    ],
    ids=["required", "malformed", "too-long", "common-password"],
)
def test_form_errors_are_translated(app: Flask, client: FlaskClient, data: dict[str, str],
                                    errors: dict[str, str]) -> None:
    page = Page.of(client.post("/auth/register", data=data, headers={"Accept-Language": "id"}))
    assert {name: page.field_errors(name) for name in page.invalid_fields()} == errors


def test_flash_messages_are_translated(app: Flask, accounts: Accounts, client: FlaskClient) -> None:
    accounts.login(client)
    with client.session_transaction() as session:
        session["lang"] = "id"
    response = client.post("/auth/logout", follow_redirects=True)
    assert Page.of(response).texts("p", **{"class": "flash flash-info"}) == ["Kamu sudah keluar."]


def test_the_catalog_is_found_from_any_working_directory(
    instance_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    app = create_app(TEST_CONFIG)
    page = Page.of(app.test_client().get("/auth/login", headers={"Accept-Language": "id"}))
    assert page.texts("h1") == ["Masuk"]
    assert Path(app.config["BABEL_TRANSLATION_DIRECTORIES"]) == TRANSLATIONS
