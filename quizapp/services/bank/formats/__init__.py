"""Question files: read CSV, GIFT and Aiken, write CSV, GIFT and Anki packages. Pure: no Flask, no database.

Every parser takes decoded text (see decode_text) and returns a ParseResult: the questions, and the
questions of a type quizapp cannot ask, skipped with their line. A malformed question raises FormatError
with its line and the reason; the caller stores nothing of that file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from quizapp.services.bank.formats.aiken import parse_aiken
from quizapp.services.bank.formats.encoding import decode_text
from quizapp.services.bank.formats.gift import parse_gift, write_gift
from quizapp.services.bank.formats.model import (
    MAX_OPTIONS,
    MIN_OPTIONS,
    N_,
    FormatError,
    MessageError,
    ParseResult,
    Question,
    Skipped,
    normalise_tag,
    normalise_tags,
    split_tags,
)
from quizapp.services.bank.formats.table import CSV_HEADER, parse_csv, write_csv

#: The formats a question file may be in, each with its parser.
PARSERS: dict[str, Callable[[str], ParseResult]] = {"csv": parse_csv, "gift": parse_gift, "aiken": parse_aiken}
FORMATS = tuple(PARSERS)


def detect_format(filename: str, text: str = "") -> str | None:
    """Tell a file's format from its name: .csv, .gift, or .txt (GIFT when it has an answer block {…}, else Aiken).

    Moodle saves GIFT files as .txt, hence the look inside.
    """
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix == ".gift":
        return "gift"
    if suffix == ".txt":
        has_answer_line = any(line.strip().upper().startswith("ANSWER:") for line in text.split("\n"))
        return "gift" if "{" in text and not has_answer_line else "aiken"
    return None


def parse(text: str, fmt: str) -> ParseResult:
    """Read text in the named format."""
    return PARSERS[fmt](text)


__all__ = [
    "CSV_HEADER", "FORMATS", "MAX_OPTIONS", "MIN_OPTIONS", "N_", "PARSERS", "FormatError", "MessageError",
    "ParseResult", "Question", "Skipped", "decode_text", "detect_format", "normalise_tag", "normalise_tags", "parse",
    "parse_aiken", "parse_csv", "parse_gift", "split_tags", "write_csv", "write_gift",
]
