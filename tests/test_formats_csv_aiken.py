"""CSV and Aiken question files, and the encodings a question file may (not) be in."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from transfer_strategies import questions

from quizapp.services.bank.formats import (
    CSV_HEADER,
    FormatError,
    Question,
    decode_text,
    detect_format,
    parse_aiken,
    parse_csv,
    write_csv,
)

HEADER = "question,option_1,option_2,option_3,answer,explanation,tags"


def test_csv_rows_become_questions_with_their_lines() -> None:
    text = (
        f"{HEADER}\n"
        "Capital of Armenia?,Yerevan,Baku,Tbilisi,1,It is Yerevan.,Geografi Kaukasus\n"
        "\n"
        '"Who said ""no""?",Putin,Pashinyan,,B,,"csto, quotes"\n'
        '"A question over\ntwo lines",x,y,,a,,\n'
    )
    first, second, third = parse_csv(text).questions
    assert first == Question("Capital of Armenia?", ("Yerevan", "Baku", "Tbilisi"), 0, "It is Yerevan.",
                             ("geografi", "kaukasus"), line=2)
    assert (second.question, second.options, second.answer, second.tags) == (
        'Who said "no"?', ("Putin", "Pashinyan"), 1, ("csto", "quotes"))
    assert second.line == 4
    assert (third.question, third.answer, third.line) == ("A question over\ntwo lines", 0, 5)


def test_csv_header_names_are_forgiving_and_kind_and_language_are_read() -> None:
    text = "Question;Option 1;Option-2;ANSWER;Kind;Language\nIbu kota?;Yerevan;Baku;2;date;en\n"
    (question,) = parse_csv(text).questions
    assert question.options == ("Yerevan", "Baku") and question.answer == 1
    assert (question.kind, question.language) == ("date", "en")


def test_csv_takes_off_the_apostrophe_quizapp_put_before_a_formula_character() -> None:
    text = f"{HEADER}\n'=1+1,'-5,'+6,'@home,3,'=cmd|' /C calc'!A0,\n"
    (question,) = parse_csv(text).questions
    assert question.question == "=1+1"
    assert question.options == ("-5", "+6", "@home")
    assert question.explanation == "=cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", 1, "the file is empty: a header row is required"),
        ("Capital?,Yerevan,Baku,1\n", 1, "unknown column Capital?"),
        ("question,option_1,answer\nQ,a,1\n", 1, "the header row has no column option_2"),
        ("question,option_1,option_2,answer,answer\n", 1, "the column answer appears twice"),
        (f"{HEADER}\nQ,a,b,c,4,,\n", 2, "answer 4 names an empty option"),
        (f"{HEADER}\nQ,a,b,c,G,,\n", 2, "answer G is not a number from 1 to 6 or a letter from A to F"),
        (f"{HEADER}\nQ,a,b,c,0,,\n", 2, "answer 0 is not a number"),
        (f"{HEADER}\nQ,a,b,c,²,,\n", 2, "answer ² is not a number"),  # a digit to isdigit() that int() cannot read
        (f"{HEADER}\nQ,a,b,c,,,\n", 2, "the answer cell is empty"),
        (f"{HEADER}\nQ,a,,c,1,,\n", 2, "option_2 is empty but a later option is not"),
        (f"{HEADER}\nQ,a,b,c,1,,,extra\n", 2, "the row has 8 cells but the header only 7"),
        (f"{HEADER}\nQ1,a,b,c,1,,\n\nQ3,a,b,c,x,,\n", 4, "answer x is not"),
    ],
)
def test_bad_csv_is_refused_with_line_and_reason(text: str, line: int, reason: str) -> None:
    with pytest.raises(FormatError) as caught:
        parse_csv(text)
    assert caught.value.line == line
    assert caught.value.reason.startswith(reason), caught.value.reason


def test_aiken_questions_with_both_option_styles() -> None:
    text = (
        "What is the capital\n"
        "of Armenia?\n"
        "A. Yerevan\n"
        "B) Baku\n"
        "ANSWER: A\n"
        "Who leads Armenia?\n"
        "A. Putin\n"
        "B. Pashinyan\n"
        "C. Aliyev\n"
        "answer: b\n"
    )
    first, second = parse_aiken(text).questions
    assert (first.question, first.options, first.answer, first.line) == (
        "What is the capital\nof Armenia?", ("Yerevan", "Baku"), 0, 1)
    assert (second.question, second.options, second.answer, second.line) == (
        "Who leads Armenia?", ("Putin", "Pashinyan", "Aliyev"), 1, 6)


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Q?\nA. a\nB. b\nANSWER: C\n", 4, "ANSWER: C names no option: the options are A to B"),
        ("Q?\nA. a\nC. b\nANSWER: A\n", 3, "option C where B was expected"),
        ("Q?\nA. a\nB. b\n\nNext?\nA. x\n", 5, "expected the next option or the ANSWER: line of the question on line 1"),  # noqa: E501
        ("Q?\nA. a\nB. b\n", 1, "the question has no ANSWER: line"),
        ("Q?\nANSWER: A\n", 2, "ANSWER: comes before any option"),
        ("A. a\nB. b\nANSWER: A\n", 1, "an option comes before any question text"),
    ],
)
def test_bad_aiken_is_refused_with_line_and_reason(text: str, line: int, reason: str) -> None:
    with pytest.raises(FormatError) as caught:
        parse_aiken(text)
    assert caught.value.line == line
    assert caught.value.reason.startswith(reason), caught.value.reason


def test_a_byte_order_mark_is_dropped_and_line_ends_are_made_one() -> None:
    assert decode_text(b"\xef\xbb\xbfquestion\r\nQ\rx\n") == "question\nQ\nx\n"


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        ("question\nQ\nCaf\u00e9\n".encode("latin-1"), 3, "not UTF-8 text (byte 0xe9)"),
        ("question\n".encode("utf-16"), 1, "not UTF-8 text: the file is UTF-16"),
        (b"PK\x03\x04\x14\x00\x00\x00", 1, "not a text file: line 1 has a NUL byte"),
    ],
)
def test_other_encodings_are_refused_naming_the_line(data: bytes, line: int, reason: str) -> None:
    with pytest.raises(FormatError) as caught:
        decode_text(data)
    assert caught.value.line == line
    assert caught.value.reason.startswith(reason), caught.value.reason


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("bank.csv", "", "csv"),
        ("bank.GIFT", "", "gift"),
        ("moodle.txt", "Q?{=a ~b}", "gift"),
        ("aiken.txt", "Q?\nA. a\nB. b\nANSWER: A", "aiken"),
        ("bank.xlsx", "", None),
    ],
)
def test_the_format_is_told_by_the_file_name(name: str, text: str, expected: str | None) -> None:
    assert detect_format(name, text) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(questions(with_kind=True), min_size=1, max_size=4))
def test_writing_then_reading_csv_gives_the_same_questions(written: list[Question]) -> None:
    data = "".join(write_csv(written)).encode("utf-8")
    read = parse_csv(decode_text(data)).questions
    assert [(q.same_content(), q.kind, q.language) for q in read] == [
        (q.same_content(), q.kind, q.language) for q in written
    ]


def test_written_csv_has_the_documented_header_and_no_formula_cell() -> None:
    text = "".join(write_csv([Question("=SUM(A1)", ("-1", "+2", "@x"), 0, "\tTab")]))
    header, row = text.lstrip("\ufeff").splitlines()
    assert header == ",".join(CSV_HEADER)
    assert row == "'=SUM(A1),'-1,'+2,'@x,,,,1,'\tTab,,,"
