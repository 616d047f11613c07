"""Questions as a CSV table with a header row: question, option_1 … option_6, answer, explanation, tags, kind, language.

`answer` is the right option's number (1 to 6) or letter (A to F); `tags` are separated by spaces or commas.
Cells quizapp wrote carry an apostrophe before a leading =, +, -, @ (so that no spreadsheet runs them as a
formula); reading takes it off again. Commas, semicolons and tabs are accepted as separators, as the header
row shows (a spreadsheet set to Indonesian saves with semicolons).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator

from quizapp.services.bank.formats.model import MAX_OPTIONS, N_, FormatError, ParseResult, Question, split_tags
from quizapp.services.spreadsheet import Cell, csv_lines, restore_cell

OPTION_COLUMNS = tuple(f"option_{number}" for number in range(1, MAX_OPTIONS + 1))
CSV_HEADER = ("question", *OPTION_COLUMNS, "answer", "explanation", "tags", "kind", "language")
REQUIRED_COLUMNS = ("question", "option_1", "option_2", "answer")
_LETTERS = "ABCDEF"


def _column_name(text: str) -> str:
    """Read a header cell: case, spaces and hyphens do not matter, and "option1" is option_1."""
    name = re.sub(r"[\s\-]+", "_", restore_cell(text).strip().lower())
    return re.sub(r"^option_?(\d)$", r"option_\1", name)


def _delimiter(text: str) -> str:
    """Guess the separator from the header line: the commonest of comma, semicolon and tab."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


def parse_csv(text: str) -> ParseResult:
    """Read the questions of a CSV file; raise FormatError at the first malformed row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = next(reader, None)
        if not header:
            raise FormatError(1, N_("the file is empty: a header row is required (%(columns)s)"),
                              columns=", ".join(CSV_HEADER))
        columns = _read_header(header)
        questions = []
        line = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                questions.append(_read_row(line, columns, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise FormatError(reader.line_num, N_("not valid CSV: %(reason)s"), reason=str(exc)) from None
    return ParseResult(tuple(questions))


def _read_header(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for position, cell in enumerate(header):
        name = _column_name(cell)
        if name not in CSV_HEADER:
            raise FormatError(1, N_("unknown column %(name)s: the columns are %(columns)s"),
                              name=cell.strip() or '""', columns=", ".join(CSV_HEADER))
        if name in columns:
            raise FormatError(1, N_("the column %(name)s appears twice"), name=name)
        columns[name] = position
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise FormatError(1, N_("the header row has no column %(names)s (a header row is required)"),
                          names=", ".join(missing))
    return columns


def _read_row(line: int, columns: dict[str, int], cells: list[str]) -> Question:
    if len(cells) > len(columns):
        raise FormatError(line, N_("the row has %(cells)d cells but the header only %(columns)d"),
                          cells=len(cells), columns=len(columns))

    def cell(name: str) -> str:
        position = columns.get(name)
        return restore_cell(cells[position]).strip() if position is not None and position < len(cells) else ""

    options = [cell(name) for name in OPTION_COLUMNS]
    while options and not options[-1]:
        options.pop()
    for number, option in enumerate(options, start=1):
        if not option:
            raise FormatError(line, N_("option_%(number)d is empty but a later option is not"), number=number)
    answer = _answer_index(line, cell("answer"))
    if answer >= len(options):
        raise FormatError(line, N_("answer %(answer)s names an empty option"), answer=cell("answer"))
    return Question(
        question=cell("question"),
        options=tuple(options),
        answer=answer,
        explanation=cell("explanation"),
        tags=split_tags(cell("tags")),
        kind=cell("kind") or None,
        language=cell("language") or None,
        line=line,
    )


def _answer_index(line: int, text: str) -> int:
    """Read the answer cell: 1 to 6, or A to F."""
    value = text.strip().upper()
    # ASCII digits only: "²" and "١" are digits to str.isdigit() that int() cannot read or no one means
    if value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_OPTIONS:
        return int(value) - 1
    if len(value) == 1 and value in _LETTERS:
        return _LETTERS.index(value)
    if not value:
        raise FormatError(line, N_("the answer cell is empty: give the right option's number (1 to 6) or letter"))
    raise FormatError(line, N_("answer %(answer)s is not a number from 1 to 6 or a letter from A to F"), answer=text)


def csv_row(question: Question) -> list[Cell]:
    """Return a question as a row under CSV_HEADER."""
    options = list(question.options) + [""] * (MAX_OPTIONS - len(question.options))
    return [
        question.question, *options, question.answer + 1, question.explanation,
        " ".join(question.tags), question.kind or "", question.language or "",
    ]


def write_csv(questions: Iterable[Question]) -> Iterator[str]:
    """Yield a CSV file of questions, streamed, safe to open in a spreadsheet (see quizapp.services.spreadsheet)."""
    return csv_lines(CSV_HEADER, (csv_row(question) for question in questions))
