"""CSV for spreadsheets: no cell a spreadsheet would run as a formula, numbers kept, BOM, streamed, round trip."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.services import spreadsheet
from quizapp.services.spreadsheet import BYTE_ORDER_MARK, FORMULA_STARTS, csv_line, csv_lines, restore_cell, safe_cell


def read(lines: Iterator[str]) -> list[list[str]]:
    text = "".join(lines)
    assert text.startswith(BYTE_ORDER_MARK)
    return list(csv.reader(io.StringIO(text[len(BYTE_ORDER_MARK):], newline="")))


@pytest.mark.parametrize("first", FORMULA_STARTS)
def test_text_starting_with_a_formula_character_gets_an_apostrophe(first: str) -> None:
    text = f"{first}HYPERLINK(\"http://evil.example\")"
    assert safe_cell(text) == "'" + text
    assert restore_cell(safe_cell(text)) == text


@pytest.mark.parametrize("text", ["=1+1", "+31 20 123", "-5", "@SUM(A1)", "\tx", "\rx", "=cmd|' /C calc'!A0"])
def test_no_written_cell_starts_with_a_formula_character(text: str) -> None:
    (header, row) = read(csv_lines(["=header"], [[text]]))
    assert header == ["'=header"]
    assert not row[0].startswith(FORMULA_STARTS)
    assert restore_cell(row[0]) == text


@pytest.mark.parametrize(
    ("value", "written"),
    [(-5, "-5"), (3, "3"), (-2.5, "-2.5"), (75.0, "75.0"), (Decimal("-1.5"), "-1.5"), (True, "1"), (False, "0"),
     (None, ""), (datetime(2026, 3, 2, 8, 0, 40, 123, tzinfo=UTC), "2026-03-02T08:00:40+00:00")],
)
def test_numbers_stay_numbers_and_other_values_are_plain(value: object, written: str) -> None:
    (_, row) = read(csv_lines(["value"], [[value]]))
    assert row == [written]


def test_plain_text_is_left_alone() -> None:
    for text in ("siti", "Siapa yang menjabat?", " =not a formula", "a=b", "1945", "", "'quoted'"):
        assert safe_cell(text) == text
        assert restore_cell(text) == text


def test_an_apostrophe_before_a_formula_character_survives_the_round_trip() -> None:
    # Text that itself starts with an apostrophe and a formula character must not lose its apostrophe when read
    # back: it is escaped too, so restore_cell takes off only the apostrophe safe_cell added.
    for text in ("'=1+1", "''-x", "'@home"):
        assert restore_cell(safe_cell(text)) == text


def test_the_file_starts_with_a_byte_order_mark_and_ends_lines_with_crlf() -> None:
    text = "".join(csv_lines(["a", "b"], [["x", 1], ["y, z", "line\nbreak"]]))
    assert text == '\ufeffa,b\r\nx,1\r\n"y, z","line\nbreak"\r\n'


def test_rows_are_taken_only_as_they_are_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spreadsheet, "ROWS_PER_PIECE", 2)
    taken: list[int] = []

    def rows() -> Iterator[list[int]]:
        for n in range(3):
            taken.append(n)
            yield [n]

    lines = csv_lines(["n"], rows())
    assert next(lines) == "\ufeffn\r\n" and taken == []
    assert next(lines) == "0\r\n1\r\n" and taken == [0, 1]
    assert next(lines) == "2\r\n" and taken == [0, 1, 2]
    assert next(lines, None) is None


cells = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from("'=+-@\t\r\n\",; a1")),
    st.builds(str.__add__, st.sampled_from(["'", "''", ""]), st.text(alphabet=st.sampled_from("'=+-@\t\r a"))),
    st.integers(),
    st.floats(allow_nan=False),
    st.none(),
)


@given(st.lists(st.lists(cells, min_size=1, max_size=5), max_size=5))
def test_no_text_cell_ever_starts_with_a_formula_character(rows: list[list[object]]) -> None:
    written = read(csv_lines(["c"] * 5, rows))[1:]
    assert len(written) == len(rows)
    for row, original in zip(written, rows, strict=True):
        for cell, value in zip(row, original, strict=True):
            if isinstance(value, str):
                assert not cell.startswith(FORMULA_STARTS)
                assert restore_cell(cell) == value
            elif isinstance(value, int | float):
                assert cell == str(value)  # a number, even a negative one, is written as a number


@given(st.lists(cells, min_size=1, max_size=6))
def test_a_line_is_what_the_csv_module_writes_for_the_safe_cells(row: list[object]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([safe_cell(cell) for cell in row])  # type: ignore[arg-type]
    assert csv_line(row) + "\r\n" == buffer.getvalue()  # type: ignore[arg-type]


def test_a_row_of_one_empty_cell_is_still_a_row() -> None:
    assert read(csv_lines(["a"], [[""], [None]]))[1:] == [[""], [""]]
