"""Arbitrary bytes through every question-file reader and the import service: questions, or a FormatError naming
the line, and never anything stored from a file that has one bad question."""

from __future__ import annotations

import io

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from transfer_strategies import questions

from quizapp.db import db
from quizapp.models import Card, Choice, Deck
from quizapp.services.bank import formats, importing
from quizapp.services.bank.formats import FormatError, Question, write_csv, write_gift
from quizapp.services.bank.importing import DeckChoice, DeckError

SETTINGS = settings(max_examples=150, deadline=None)
# The app and its database are made once per test and shared by its examples: each example compares the
# database before and after itself, so what earlier examples stored does not matter.
DB_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# --- files -------------------------------------------------------------------------------------------------------

# The characters and words each format gives a meaning, and characters that upset text handling.
SYNTAX = [
    "{", "}", "=", "~", "#", "####", ":", "::", "%", "%50%", "%-100%", "\\", "\\{", "//", "$CATEGORY:", "[html]",
    "[markdown]", "<b>", "&amp;", "&#0;", "&#xD800;", "->", "T", "FALSE", "A.", "B)", "Z.", "ANSWER:", "ANSWER: A",
    "answer: ı", "question", "option_1", "option_2", "answer", "kind", "language", "explanation", "tags", ",", ";",
    "\t", '"', '""', "'", "'=", "1", "6", "7", "²", "١", "F", "\n", "\n\n", "\r", "\r\n", "\x00", "\x0b", "\x1c",
    "\u2028", "\ufeff", "\ud800", "é", "😀", "שלום", " ", "  ",
]
format_text = st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(max_size=12)), max_size=60).map("".join)


def aiken_block(question: Question) -> str:
    """Write a question as Aiken does (quizapp writes no Aiken: the tests need well-formed files to spoil)."""
    options = "".join(f"{'ABCDEF'[i]}. {' '.join(o.split())}\n" for i, o in enumerate(question.options))
    return f"{' '.join(question.question.split())}\n{options}ANSWER: {'ABCDEF'[question.answer]}\n\n"


def written(fmt: str, good: list[Question]) -> str:
    """Return a well-formed file of the questions in the format."""
    if fmt == "gift":
        return "".join(write_gift(good))
    if fmt == "csv":
        return "".join(write_csv(good))
    return "".join(aiken_block(q) for q in good)


@st.composite
def spoiled_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A format and a file in it that was well-formed, then had lines added, dropped or cut into."""
    fmt = draw(st.sampled_from(formats.FORMATS))
    lines = written(fmt, draw(st.lists(questions(with_kind=True), min_size=1, max_size=3))).split("\n")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines)))
        how = draw(st.sampled_from(["insert", "drop", "cut", "join"]))
        if how == "insert" or not lines or at == len(lines):
            lines.insert(at, draw(format_text))
        elif how == "drop":
            del lines[at]
        elif how == "cut":
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
        else:
            lines[at] = lines[at] + draw(format_text)
    text = "\n".join(lines)
    return fmt, draw(st.sampled_from([text.encode("utf-8", "surrogatepass"), text.encode("utf-16", "surrogatepass"),
                                      text.encode("latin-1", "replace")]))


any_file = st.one_of(
    st.tuples(st.sampled_from(formats.FORMATS), st.binary(max_size=300)),
    st.tuples(st.sampled_from(formats.FORMATS), format_text.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    spoiled_files(),
)


def check_read(data: bytes, fmt: str) -> formats.ParseResult | None:
    """Read a file as the import does: questions it can store, or a FormatError naming a line of the file."""
    try:
        result = importing.read_questions(data, fmt)
    except FormatError as error:
        lines = data.count(b"\n") + data.count(b"\r") + 1
        assert 1 <= error.line <= lines, (error.line, str(error))
        assert error.reason and "%(" not in error.reason
        return None
    columns = Card.__table__.c
    for question in result.questions:
        importing.validate_question(question)
        assert len(importing.kind_of(question)) <= columns.kind.type.length
        assert question.language is None or len(question.language) <= columns.language.type.length, question
    return result


# --- the readers --------------------------------------------------------------------------------------------------


@SETTINGS
@given(any_file)
@example(("csv", "question,option_1,option_2,answer\nQ,a,b,²\n".encode()))  # "²" is a digit int() cannot read
@example(("csv", b"question,option_1,option_2,answer,language\nQ,a,b,1,en-abcdefgh-abcdefgh\n"))
@example(("aiken", "Q?\nA. a\nB. b\nANSWER: ı\n".encode()))  # "ı".upper() is "I"
def test_any_file_gives_questions_or_a_format_error_naming_its_line(file: tuple[str, bytes]) -> None:
    fmt, data = file
    check_read(data, fmt)


@SETTINGS
@given(st.text(max_size=40), format_text)
def test_the_format_is_told_or_not_without_error(filename: str, text: str) -> None:
    assert formats.detect_format(filename, text) in (*formats.FORMATS, None)


# --- the import service -------------------------------------------------------------------------------------------


def database_state() -> tuple[int, int, int]:
    """Count what an import may store: cards, their options, decks."""
    db.session.remove()
    return tuple(db.session.scalar(sa.select(sa.func.count()).select_from(model)) for model in (Card, Choice, Deck))


deck_choices = st.one_of(
    st.builds(DeckChoice, name=st.one_of(st.text(max_size=20), st.sampled_from(["", " ", "é" * 301, "☃", "x" * 300]))),
    st.builds(DeckChoice, slug=st.sampled_from(["imported", "no-such-deck"])),
)


@DB_SETTINGS
@given(file=any_file, deck=deck_choices)
def test_an_import_stores_all_of_a_file_or_nothing(app: Flask, file: tuple[str, bytes], deck: DeckChoice) -> None:
    fmt, data = file
    before = database_state()
    try:
        plan = importing.import_questions(data, fmt, deck, author_id=None)
    except (FormatError, DeckError) as error:
        assert error.reason
        assert database_state() == before
        return
    assert 1 <= len(plan.deck_slug) <= Deck.__table__.c.slug.type.length
    assert len(plan.deck_title) <= Deck.__table__.c.title.type.length
    cards, _choices, _decks = database_state()
    assert cards == before[0] + len(plan.questions)


@DB_SETTINGS
@given(good=st.lists(questions(with_kind=True), min_size=2, max_size=4), fmt=st.sampled_from(formats.FORMATS),
       at=st.integers(0, 3), bad=st.sampled_from(["{", "}", "A. stray", "ANSWER: Z", '"', "Q,a", "only a line"]))
def test_one_bad_line_stores_nothing(app: Flask, good: list[Question], fmt: str, at: int, bad: str) -> None:
    text = written(fmt, good)
    assert importing.read_questions(text.encode(), fmt).questions  # the file was well-formed
    lines = text.split("\n")
    # after a question's first line, so that the bad line is inside the file, not a header of its own
    position = min(len(lines) - 1, 1 + at * max(1, len(lines) // len(good)))
    lines.insert(position, bad)
    spoiled = "\n".join(lines).encode()
    before = database_state()
    try:
        plan = importing.import_questions(spoiled, fmt, DeckChoice(name="Spoiled"), author_id=None)
    except FormatError as error:
        assert 1 <= error.line <= len(lines)
        assert database_state() == before
        return
    # a line that is no syntax in this format reads as text of a question ("A. stray" in a GIFT question)
    assert database_state()[0] == before[0] + len(plan.questions)


# --- the upload page ---------------------------------------------------------------------------------------------


@DB_SETTINGS
@given(file=any_file, filename=st.sampled_from(["q.csv", "q.gift", "q.txt", "q.GIFT", "q", ".txt", "q.txt.csv"]),
       fmt=st.sampled_from(["auto", "auto", "csv", "gift", "aiken"]))
def test_the_upload_page_previews_or_names_the_problem(
    client: FlaskClient, accounts, file: tuple[str, bytes], filename: str, fmt: str
) -> None:
    if not client.get_cookie("session"):
        accounts.login(client, "teacher", "instructor")
    before = database_state()
    response = client.post(
        "/author/import",
        data={"format": fmt, "deck": "", "new_deck": "Fuzzed", "language": "id",
              "file": (io.BytesIO(file[1]), filename)},
        content_type="multipart/form-data",
    )
    assert response.status_code in (200, 400), response.status_code
    assert database_state() == before
