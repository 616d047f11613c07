"""Importing question files into the bank and exporting it again: services, round trips and the commands."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskCliRunner

from quizapp.cli import cli
from quizapp.db import db
from quizapp.models import Card, CardOrigin, CardStatus, Deck
from quizapp.services.bank import exporting, importing
from quizapp.services.bank.formats import FormatError, parse_csv, parse_gift
from quizapp.services.bank.formats.anki import stable_id

GIFT = """// [tag:kaukasus]
::Capital:: Ibu kota Armenia adalah?{
  =Yerevan#Benar.
  ~Baku
  ~Tbilisi
}

Armenia anggota CSTO.{T}

Siapa yang dimakamkan?{=tidak ada =nobody}
"""
CSV = (
    "question,option_1,option_2,option_3,answer,explanation,tags,kind,language\n"
    "=1+1 berapa?,'-2,2,'+3,2,\"Satu, ditambah satu\",math,number,id\n"
    "Which alliance?,CSTO,NATO,,A,,,,en\n"
)


def imported_cards() -> list[Card]:
    db.session.remove()
    query = sa.select(Card).where(Card.origin == CardOrigin.IMPORTED).order_by(Card.created_at)
    return list(db.session.scalars(query))


def test_a_gift_file_becomes_active_imported_cards_in_a_new_deck(app: Flask, accounts) -> None:
    teacher = accounts.create("teacher", "instructor")
    plan = importing.import_questions(GIFT.encode(), "gift", importing.DeckChoice(name="Kaukasus"),
                                      author_id=teacher, language="id")
    assert plan.stored and plan.new_deck and (plan.deck_slug, plan.deck_title) == ("kaukasus", "Kaukasus")
    assert [(s.line, s.reason.split(" (")[0]) for s in plan.skipped] == [(10, "a short-answer question")]
    first, second = imported_cards()
    assert (first.question, first.options, first.answer_index) == ("Ibu kota Armenia adalah?",
                                                                    ["Yerevan", "Baku", "Tbilisi"], 0)
    assert (first.explanation, first.tags, first.kind, first.language) == ("Benar.", "kaukasus", "custom", "id")
    assert (first.origin, first.status, first.author_id) == (CardOrigin.IMPORTED, CardStatus.ACTIVE, teacher)
    assert (second.options, second.answer_index) == (["True", "False"], 0)
    deck = db.session.scalar(sa.select(Deck).where(Deck.slug == "kaukasus"))
    assert [card.id for card in deck.cards] == [first.id, second.id]


def test_csv_gives_kind_language_and_takes_off_formula_apostrophes(app: Flask) -> None:
    importing.import_questions(CSV.encode(), "csv", importing.DeckChoice(name="Hitung"), author_id=None,
                               language="id")
    first, second = imported_cards()
    assert (first.question, first.options, first.answer_index) == ("=1+1 berapa?", ["-2", "2", "+3"], 1)
    assert (first.kind, first.language, first.tags, first.author_id) == ("number", "id", "math", None)
    assert (second.kind, second.language, second.answer_index) == ("custom", "en", 0)


def test_importing_the_same_file_twice_adds_nothing_the_second_time(app: Flask) -> None:
    deck = importing.DeckChoice(name="Kaukasus")
    importing.import_questions(GIFT.encode(), "gift", deck, author_id=None)
    again = importing.import_questions(GIFT.encode(), "gift", importing.DeckChoice(slug="kaukasus"), author_id=None)
    assert not again.new_deck and again.questions == ()
    assert [question.line for question in again.duplicates] == [2, 8]
    assert len(imported_cards()) == 2
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Deck)) == 1


def test_a_question_twice_in_one_file_is_added_once(app: Flask) -> None:
    text = "Q?{=a ~b}\n\nOther?{=c ~d}\n\nQ?{=a ~b}\n"
    plan = importing.import_questions(text.encode(), "gift", importing.DeckChoice(name="D"), author_id=None)
    assert len(plan.questions) == 2 and [q.line for q in plan.duplicates] == [5]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Q1?{=a ~b}\n\nQ2?{=a ~b ~c ~d ~e ~f ~g}\n", 3, "7 options: a question needs 2 to 6"),
        ("Q1?{=a ~b}\n\nQ2?{=a ~A}\n", 3, "the option A appears twice"),
        ("Q1?{=a ~b}\n\n{=a ~b}\n", 3, "the question is empty"),
        ("Q1?{=a ~b}\n\nQ2?{=a ~b ~}\n", 3, "option 3 is empty"),
        ("Q1?{=a ~b}\n\nQ2?{~a ~b}\n", 3, "no right answer"),
        ("// only a comment\n", 1, "the file holds no question"),
    ],
)
def test_one_bad_question_stores_nothing_and_names_its_line(app: Flask, text: str, line: int, reason: str) -> None:
    with pytest.raises(FormatError) as caught:
        importing.import_questions(text.encode(), "gift", importing.DeckChoice(name="New"), author_id=None)
    assert (caught.value.line, caught.value.reason) == (line, reason) or caught.value.reason.startswith(reason)
    assert caught.value.line == line
    assert imported_cards() == [] and db.session.scalar(sa.select(sa.func.count()).select_from(Deck)) == 0


#: A trigger that fails the insert of a second imported card, in each database's dialect.
REFUSE_SECOND_CARD = {
    "sqlite": [
        "CREATE TRIGGER refuse_second BEFORE INSERT ON cards "
        "WHEN (SELECT count(*) FROM cards WHERE origin = 'imported') >= 1 "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    ],
    "postgresql": [
        "CREATE FUNCTION refuse_second() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF (SELECT count(*) FROM cards WHERE origin = 'imported') >= 1 THEN "
        "RAISE EXCEPTION 'disk full' USING ERRCODE = 'integrity_constraint_violation'; END IF; "
        "RETURN NEW; END $$",
        "CREATE TRIGGER refuse_second BEFORE INSERT ON cards FOR EACH ROW EXECUTE FUNCTION refuse_second()",
    ],
}


def test_a_database_failure_halfway_rolls_the_whole_file_back(app: Flask, backend: str) -> None:
    # A real failure from the database on the second card: the first, and the new deck, must not stay.
    for statement in REFUSE_SECOND_CARD[backend]:
        db.session.execute(sa.text(statement))
    db.session.commit()
    try:
        with pytest.raises(sa.exc.IntegrityError):
            importing.import_questions(GIFT.encode(), "gift", importing.DeckChoice(name="Kaukasus"), author_id=None)
        assert imported_cards() == [] and db.session.scalar(sa.select(sa.func.count()).select_from(Deck)) == 0
    finally:
        # PostgreSQL's database outlives the test (only its rows are put back): the trigger must go.
        db.session.rollback()
        if backend == "postgresql":
            db.session.execute(sa.text("DROP FUNCTION refuse_second() CASCADE"))  # and its trigger
        else:
            db.session.execute(sa.text("DROP TRIGGER refuse_second"))
        db.session.commit()


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        ("Q?{=Caf\u00e9 ~b}".encode("latin-1"), 1, "not UTF-8 text (byte 0xe9)"),
        (b"// ok\n\nQ?{=a ~b}\n\n\xff", 5, "not UTF-8 text (byte 0xff)"),
    ],
)
def test_a_file_that_is_not_utf8_is_refused_naming_the_line(app: Flask, data: bytes, line: int, reason: str) -> None:
    with pytest.raises(FormatError) as caught:
        importing.plan_import(data, "gift", importing.DeckChoice(name="D"))
    assert caught.value.line == line and caught.value.reason.startswith(reason)


def test_a_byte_order_mark_is_accepted(app: Flask) -> None:
    plan = importing.import_questions(b"\xef\xbb\xbf" + CSV.encode(), "csv", importing.DeckChoice(name="D"),
                                      author_id=None)
    assert len(plan.questions) == 2


def test_a_name_reuses_the_deck_that_has_it_and_an_unknown_slug_is_refused(app: Flask) -> None:
    importing.import_questions(GIFT.encode(), "gift", importing.DeckChoice(name="Kaukasus"), author_id=None)
    assert not importing.plan_import(CSV.encode(), "csv", importing.DeckChoice(name="KAUKASUS")).new_deck
    with pytest.raises(importing.DeckError, match="there is no deck nope"):
        importing.plan_import(CSV.encode(), "csv", importing.DeckChoice(slug="nope"))
    with pytest.raises(importing.DeckError, match="choose a deck"):
        importing.plan_import(CSV.encode(), "csv", importing.DeckChoice(name="  "))


def test_exporting_then_importing_gives_the_same_questions(app: Flask) -> None:
    awkward = (
        "question,option_1,option_2,option_3,answer,explanation,tags\n"
        '"Kurung {x} = ~y, #z: a\\\\b?","=SUM(1)","-5, ""quoted""","line\none",1,"@why\n#2",a b::c\n'
        "Biasa?,ya,tidak,,2,,\n"
    )
    importing.import_questions(awkward.encode(), "csv", importing.DeckChoice(name="Aneh"), author_id=None)
    original = [q.same_content() for q in parse_csv(awkward).questions]
    selection = exporting.BankSelection.of("aneh")
    as_csv = "".join(exporting.export_csv(selection)).encode("utf-8")
    as_gift = "".join(exporting.export_gift(selection))
    assert [q.same_content() for q in parse_csv(as_csv.decode("utf-8-sig")).questions] == original
    assert [q.same_content() for q in parse_gift(as_gift).questions] == original
    # and through the importer into a second deck
    importing.import_questions(as_csv, "csv", importing.DeckChoice(name="Lagi"), author_id=None)
    again = "".join(exporting.export_gift(exporting.BankSelection.of("lagi")))
    assert [q.same_content() for q in parse_gift(again).questions] == original


def test_no_exported_csv_cell_starts_a_formula(app: Flask) -> None:
    importing.import_questions(CSV.encode(), "csv", importing.DeckChoice(name="Hitung"), author_id=None)
    text = "".join(exporting.export_csv(exporting.BankSelection.of("hitung")))
    assert text.startswith("\ufeff")
    import csv
    import io

    for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_retired_cards_are_exported_only_when_asked(app: Flask) -> None:
    importing.import_questions(CSV.encode(), "csv", importing.DeckChoice(name="Hitung"), author_id=None)
    card = imported_cards()[0]
    card.status = CardStatus.RETIRED
    db.session.commit()
    assert len(list(exporting.selected_cards(exporting.BankSelection.of("hitung")))) == 1
    assert len(list(exporting.selected_cards(exporting.BankSelection.of("hitung", include_retired=True)))) == 2


def test_anki_package_has_stable_ids_and_a_note_per_card(bank_app: Flask, tmp_path: Path) -> None:
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    with bank_app.app_context():
        selection = exporting.BankSelection.of(None)
        assert exporting.export_apkg(selection, first) == exporting.export_apkg(selection, second) == 45  # active

    def read(path: Path) -> tuple[set[str], set[int], set[int]]:
        with zipfile.ZipFile(path) as package:
            (tmp_path / "collection.anki2").write_bytes(package.read("collection.anki2"))
        with sqlite3.connect(tmp_path / "collection.anki2") as connection:
            guids = {row[0] for row in connection.execute("SELECT guid FROM notes")}
            models = {row[0] for row in connection.execute("SELECT mid FROM notes")}
            decks = {row[0] for row in connection.execute("SELECT did FROM cards")}
        return guids, models, decks

    guids, models, decks = read(first)
    assert len(guids) == 45 and models == {stable_id("quizapp multiple choice")}
    assert read(second) == (guids, models, decks)


def test_cli_import_dry_run_stores_nothing_then_imports(runner: FlaskCliRunner, tmp_path: Path) -> None:
    path = tmp_path / "kaukasus.gift"
    path.write_text(GIFT, encoding="utf-8")
    result = runner.invoke(cli, ["import", str(path), "--deck", "Kaukasus", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "skipped: line 10: a short-answer question" in result.output
    assert "Would import 2 questions into new deck 'Kaukasus'" in result.output
    assert imported_cards() == []
    result = runner.invoke(cli, ["import", str(path), "--deck", "Kaukasus"])
    assert result.exit_code == 0 and "Imported 2 questions" in result.output
    assert len(imported_cards()) == 2


def test_cli_import_error_goes_to_stderr_with_exit_1(runner: FlaskCliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("question,option_1,option_2,answer\nQ,a,b,1\nQ2,a,b,9\n", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(path), "--deck", "D"])
    assert result.exit_code == 1
    assert "line 3: answer 9 is not a number from 1 to 6" in result.stderr
    assert "Nothing was imported." in result.stderr and result.stdout == ""
    assert imported_cards() == []


def test_cli_export_bank_to_stdout_and_file(runner: FlaskCliRunner, tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("Capital?\nA. Yerevan\nB. Baku\nANSWER: A\n", encoding="utf-8")
    assert runner.invoke(cli, ["import", str(path), "--deck", "Aiken"]).exit_code == 0
    result = runner.invoke(cli, ["export", "bank", "--format", "gift", "--deck", "aiken"])
    assert result.exit_code == 0 and "Capital?{\n\t=Yerevan\n\t~Baku\n}" in result.stdout
    out = tmp_path / "bank.csv"
    result = runner.invoke(cli, ["export", "bank", "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8-sig").splitlines()[1] == "Capital?,Yerevan,Baku,,,,,1,,,custom,id"
    result = runner.invoke(cli, ["export", "bank", "--format", "apkg"])
    assert result.exit_code == 2 and "-o FILE.apkg" in result.stderr
    result = runner.invoke(cli, ["export", "bank", "--deck", "nope"])
    assert result.exit_code == 1 and "there is no deck nope" in result.stderr
