"""CSV for spreadsheets: cells no spreadsheet runs as a formula, rows streamed with a byte-order mark.

Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark, and runs a cell that starts with
=, +, -, @, a tab or a carriage return as a formula (OWASP "CSV injection"). Every text cell written here is
therefore prefixed with an apostrophe when it starts with one of those characters; numbers are written as
numbers. An importer reading such a file back takes the apostrophe off again (restore_cell). Text that itself
starts with apostrophes and then one of those characters ("'=1") gets one more, so that restore_cell gives it
back as it was.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from datetime import datetime
from decimal import Decimal

#: The characters a spreadsheet reads as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: What Excel needs to read a CSV file as UTF-8.
BYTE_ORDER_MARK = "\ufeff"

Cell = str | int | float | Decimal | bool | datetime | None


def _needs_apostrophe(text: str) -> bool:
    """Tell whether text, once any leading apostrophes are set aside, starts with a formula character."""
    return text.lstrip("'").startswith(FORMULA_STARTS)


def safe_cell(value: Cell) -> str | int | float | Decimal:
    """Return value as a CSV cell that no spreadsheet runs as a formula.

    Numbers stay numbers (a negative number is a number, not a formula; a Decimal, as PostgreSQL returns
    averages, too); None is an empty cell; a datetime is written in ISO 8601; any text starting with a formula
    character (or with apostrophes and then one) gets a leading apostrophe.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    text = str(value)
    return "'" + text if _needs_apostrophe(text) else text


def restore_cell(text: str) -> str:
    """Undo safe_cell on a text cell read back from a file this module wrote."""
    if text.startswith("'") and _needs_apostrophe(text):
        return text[1:]
    return text


#: The first characters after which a text cell needs a closer look: a formula character, or an apostrophe.
_RISKY_FIRST = frozenset(FORMULA_STARTS) | {"'"}
#: Rows written together into one piece of the file: fewer, larger pieces are cheaper to send.
ROWS_PER_PIECE = 200
LINE_END = "\r\n"


def _field(cell: Cell) -> str:
    """Return a cell as written between the commas: made safe, then quoted if it holds a quote, comma or line end."""
    value = safe_cell(cell)
    text = value if isinstance(value, str) else str(value)
    if '"' in text or "," in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_line(cells: Iterable[Cell]) -> str:
    """Return one row of CSV, as csv.writer writes it with its defaults (without the line end).

    The common cells (text that is no formula, numbers, truth values) are written inline rather than by a
    call each: the export of a million answers spends most of its time here, and the csv module's writer
    took twice as long as this for the same bytes (bench/export.py); the tests hold the two to the same output.
    """
    fields = [
        (
            cell if '"' not in cell and "," not in cell and "\n" not in cell and "\r" not in cell
            else '"' + cell.replace('"', '""') + '"'
        )
        if (kind := type(cell)) is str and cell[:1] not in _RISKY_FIRST
        else str(cell) if kind is int or kind is float
        else ("1" if cell else "0") if kind is bool
        else _field(cell)
        for cell in cells
    ]
    # csv.writer quotes a lone empty field, so that the row is not read back as no row at all
    return '""' if fields == [""] else ",".join(fields)


def csv_lines(header: Iterable[str], rows: Iterable[Iterable[Cell]]) -> Iterator[str]:
    """Yield a CSV file piece by piece: the byte-order mark and header first, then ROWS_PER_PIECE rows at a time.

    Lines end with CRLF, as RFC 4180 and csv.writer have them. Rows are taken from rows only as they are
    written, and nothing is held but the piece being written, so memory stays flat however many rows there are.
    """
    yield BYTE_ORDER_MARK + csv_line(header) + LINE_END
    pending = iter(rows)
    while piece := [csv_line(row) for row in itertools.islice(pending, ROWS_PER_PIECE)]:
        piece.append("")  # so that the last line ends too
        yield LINE_END.join(piece)
