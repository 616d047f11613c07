"""CSV for spreadsheets: cells no spreadsheet runs as a formula, rows streamed with a byte-order mark.

Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark, and runs a cell that starts with
=, +, -, @, a tab or a carriage return as a formula (OWASP "CSV injection"). Every text cell written here is
therefore prefixed with an apostrophe when it starts with one of those characters; numbers are written as
numbers. An importer reading such a file back takes the apostrophe off again (restore_cell).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import datetime

#: The characters a spreadsheet reads as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: What Excel needs to read a CSV file as UTF-8.
BYTE_ORDER_MARK = "\ufeff"

Cell = str | int | float | bool | datetime | None


def safe_cell(value: Cell) -> str | int | float:
    """Return value as a CSV cell that no spreadsheet runs as a formula.

    Numbers stay numbers (a negative number is a number, not a formula); None is an empty cell; a datetime
    is written in ISO 8601; any text starting with a formula character gets a leading apostrophe.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore_cell(text: str) -> str:
    """Undo safe_cell on a text cell read back from a file this module wrote."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def csv_lines(header: Iterable[str], rows: Iterable[Iterable[Cell]]) -> Iterator[str]:
    """Yield a CSV file piece by piece: the byte-order mark and header first, then one row at a time.

    Nothing is held but the row being written, so memory stays flat however many rows there are.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow([safe_cell(name) for name in header])
    yield BYTE_ORDER_MARK + flush()
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
        yield flush()
